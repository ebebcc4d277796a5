package io.tritontube.web.interfaces.web.content;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.InvalidContentPathException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.interfaces.web.UrlPaths;

/**
 * A parsed content path: exactly two non-empty segments, the video id and the file name,
 * each percent-decoded as UTF-8 and validated. Anything else (dot segments, empty or extra
 * segments, an encoded slash that would smuggle in a third) is refused with the reason.
 */
record ContentPath(VideoId videoId, ContentFileName fileName) {

    /**
     * @param raw the raw (still percent-encoded) path after {@code /content/}
     * @throws IllegalArgumentException ({@link InvalidContentPathException},
     *         {@link io.tritontube.web.domain.video.InvalidVideoIdException}) saying why
     */
    static ContentPath parse(String raw) {
        String[] segments = raw.split("/", -1);
        if (segments.length != 2) {
            throw new InvalidContentPathException("a content path is /content/<video id>/<file name>");
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new InvalidContentPathException("a content path may not have empty parts");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidContentPathException("a content path may not have '.' or '..' parts");
            }
        }
        return new ContentPath(VideoId.of(UrlPaths.decodeSegment(segments[0])),
                ContentFileName.of(UrlPaths.decodeSegment(segments[1])));
    }
}
