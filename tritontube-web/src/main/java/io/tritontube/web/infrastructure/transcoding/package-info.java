/**
 * ffmpeg and ffprobe, run through Apache Commons Exec under a watchdog: the packager (DASH
 * with HLS playlists over the same segments, remux or ladder transcode, then the poster and
 * thumbnail), the encoder of a remuxed video's lower rungs (a low-priority run merged into
 * its manifest and playlist) and the media inspector (headers, keyframe spacing) behind
 * {@code application.media}. The commands and the parsers of the tools' output are pure
 * classes, tested without running anything.
 */
package io.tritontube.web.infrastructure.transcoding;
