/**
 * What the application needs from the media tools, as interfaces: inspecting an upload
 * ({@link io.tritontube.web.application.media.MediaInspector}) and packaging it
 * ({@link io.tritontube.web.application.media.VideoPackager}); and the policy between the
 * two, {@link io.tritontube.web.application.media.PackagingPlanner}, which chooses the remux
 * fast path or a transcode and its ladder of renditions. {@code infrastructure.transcoding}
 * implements the interfaces with ffprobe and ffmpeg.
 */
package io.tritontube.web.application.media;
