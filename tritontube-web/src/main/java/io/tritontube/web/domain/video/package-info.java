/**
 * Videos and their metadata: the {@link io.tritontube.web.domain.video.VideoId} value
 * object, the {@link io.tritontube.web.domain.video.Video} record and the repository
 * interface its stores implement.
 */
package io.tritontube.web.domain.video;
