/**
 * Videos and their metadata: the {@link io.tritontube.web.domain.video.VideoId} value
 * object, the {@link io.tritontube.web.domain.video.Video} record with its
 * {@link io.tritontube.web.domain.video.VideoFormat} (duration, size, packaging path,
 * renditions) and the repository interface its stores implement.
 */
package io.tritontube.web.domain.video;
