/**
 * Videos and their metadata: the {@link io.tritontube.web.domain.video.VideoId} value
 * object, the {@link io.tritontube.web.domain.video.Video} record with its
 * {@link io.tritontube.web.domain.video.VideoFormat} (duration, size, packaging path,
 * renditions) and the repository interface its stores implement; and the
 * {@link io.tritontube.web.domain.video.ProcessingClaims} by which each web server marks the
 * videos it is processing, so that those of a server that died can be told apart.
 */
package io.tritontube.web.domain.video;
