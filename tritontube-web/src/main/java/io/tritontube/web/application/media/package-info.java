/**
 * What the application needs from the media tools, as interfaces: inspecting an upload and
 * packaging it as DASH. {@code infrastructure.transcoding} implements them with ffprobe and
 * ffmpeg.
 */
package io.tritontube.web.application.media;
