package io.tritontube.web.interfaces.web.content;

import io.tritontube.web.domain.content.ByteRange;
import java.util.Optional;

/**
 * What a {@code Range} header asks of a file of known size (RFC 9110, section 14): the whole
 * file, one satisfiable range, or nothing satisfiable. Only single {@code bytes} ranges are
 * served; a header this server does not handle (other unit, several ranges, bad syntax) is
 * ignored, as the RFC allows, and the whole file is sent.
 *
 * @param kind  which of the three
 * @param first first byte, inclusive (for {@link Kind#PARTIAL})
 * @param last  last byte, inclusive (for {@link Kind#PARTIAL})
 */
record RangeSelection(Kind kind, long first, long last) {

    enum Kind { WHOLE, PARTIAL, UNSATISFIABLE }

    private static final RangeSelection WHOLE = new RangeSelection(Kind.WHOLE, 0, 0);
    private static final RangeSelection UNSATISFIABLE = new RangeSelection(Kind.UNSATISFIABLE, 0, 0);
    private static final String UNIT = "bytes=";

    long length() {
        return last - first + 1;
    }

    /** @param header the Range header, or null when there is none */
    static RangeSelection of(String header, long fileSize) {
        Optional<Spec> parsed = Spec.parse(header);
        if (parsed.isEmpty()) {
            return WHOLE;
        }
        Spec spec = parsed.get();
        if (spec.isSuffix()) {
            if (spec.suffixLength() == 0 || fileSize == 0) {
                return UNSATISFIABLE;
            }
            return new RangeSelection(Kind.PARTIAL, Math.max(0, fileSize - spec.suffixLength()), fileSize - 1);
        }
        if (spec.start() >= fileSize) {
            return UNSATISFIABLE;
        }
        return new RangeSelection(Kind.PARTIAL, spec.start(), Math.min(spec.end(), fileSize - 1));
    }

    /**
     * The bytes to ask the store for before the file's size is known, so that a range costs
     * one read of the store, not a read for the size and another for the bytes: the range
     * from its first byte for {@code a-b} and {@code a-} (the store cuts it at the end of the
     * file, as {@link #of} does), else the whole file. Whatever the size turns out to be, the
     * bytes opened this way start at {@link #first()} of the selection {@link #of} makes,
     * unless that selection is a suffix range.
     */
    static ByteRange toOpen(String header) {
        return Spec.parse(header)
                .filter(spec -> !spec.isSuffix())
                .map(spec -> new ByteRange(spec.start(), spec.end() == Long.MAX_VALUE ? 0 : spec.end() - spec.start() + 1))
                .orElse(ByteRange.WHOLE_FILE);
    }

    /**
     * A syntactically valid single range: {@code start-end} ({@code end} is
     * {@link Long#MAX_VALUE} when open), or a suffix of {@code suffixLength} bytes (start -1).
     */
    private record Spec(long start, long end, long suffixLength) {

        boolean isSuffix() {
            return start < 0;
        }

        static Optional<Spec> parse(String header) {
            if (header == null || !header.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
                return Optional.empty();
            }
            String spec = header.substring(UNIT.length()).trim();
            int dash = spec.indexOf('-');
            if (spec.contains(",") || dash < 0) {
                return Optional.empty();
            }
            String startText = spec.substring(0, dash).trim();
            String endText = spec.substring(dash + 1).trim();
            if (!isDigits(startText) && !startText.isEmpty() || !isDigits(endText) && !endText.isEmpty()
                    || startText.isEmpty() && endText.isEmpty()) {
                return Optional.empty();
            }
            if (startText.isEmpty()) {
                return Optional.of(new Spec(-1, -1, number(endText)));
            }
            long start = number(startText);
            long end = endText.isEmpty() ? Long.MAX_VALUE : number(endText);
            return end < start ? Optional.empty() : Optional.of(new Spec(start, end, 0));
        }

        private static boolean isDigits(String text) {
            return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
        }

        /** Digits as a number; beyond any file size, as large as a long goes. */
        private static long number(String digits) {
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException beyondLong) {
                return Long.MAX_VALUE;
            }
        }
    }
}
