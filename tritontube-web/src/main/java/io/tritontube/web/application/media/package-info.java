/**
 * What the application needs from the media tools, as interfaces: inspecting an upload
 * ({@link io.tritontube.web.application.media.MediaInspector}), packaging it
 * ({@link io.tritontube.web.application.media.VideoPackager}) and adding a remuxed video's
 * lower rungs afterwards ({@link io.tritontube.web.application.media.RungEncoder}); and the
 * policy, {@link io.tritontube.web.application.media.PackagingPlanner}, which chooses the remux
 * fast path or a transcode and its ladder of renditions, and a remuxed video's lower rungs. {@code infrastructure.transcoding}
 * implements the interfaces with ffprobe and ffmpeg.
 */
package io.tritontube.web.application.media;
