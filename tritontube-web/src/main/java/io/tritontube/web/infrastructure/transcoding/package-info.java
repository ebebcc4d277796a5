/**
 * ffmpeg and ffprobe, run through Apache Commons Exec under a watchdog: the DASH packager and
 * the media inspector behind {@code application.media}. The command and the parsers of the
 * tools' output are pure classes, tested without running anything.
 */
package io.tritontube.web.infrastructure.transcoding;
