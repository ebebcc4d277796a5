package io.tritontube.web.infrastructure.transcoding;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads when a DASH representation's segments start, from its
 * {@code SegmentTemplate/SegmentTimeline}: each {@code <S t? d r?>} is a segment of duration
 * {@code d} (repeated {@code r} more times), starting at {@code t} when given, else where the
 * previous one ended; all in units of the template's {@code timescale}.
 */
final class SegmentTimeline {

    private SegmentTimeline() {
    }

    /** The start of every segment, in seconds; empty when the representation has no timeline. */
    static List<Double> startsOf(Element representation) {
        NodeList templates = representation.getElementsByTagNameNS("*", "SegmentTemplate");
        if (templates.getLength() == 0) {
            return List.of();
        }
        Element template = (Element) templates.item(0);
        double timescale = template.hasAttribute("timescale") ? Long.parseLong(template.getAttribute("timescale")) : 1;
        NodeList segments = template.getElementsByTagNameNS("*", "S");
        List<Double> starts = new ArrayList<>();
        long next = 0;
        for (int i = 0; i < segments.getLength(); i++) {
            Element segment = (Element) segments.item(i);
            if (segment.hasAttribute("t")) {
                next = Long.parseLong(segment.getAttribute("t"));
            }
            long duration = Long.parseLong(segment.getAttribute("d"));
            long repeats = segment.hasAttribute("r") ? Long.parseLong(segment.getAttribute("r")) : 0;
            for (long r = 0; r <= repeats; r++) {
                starts.add(next / timescale);
                next += duration;
            }
        }
        return starts;
    }
}
