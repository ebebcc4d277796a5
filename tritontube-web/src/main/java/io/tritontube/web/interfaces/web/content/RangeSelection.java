package io.tritontube.web.interfaces.web.content;

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
        if (header == null || !header.regionMatches(true, 0, UNIT, 0, UNIT.length())) {
            return WHOLE;
        }
        String spec = header.substring(UNIT.length()).trim();
        int dash = spec.indexOf('-');
        if (spec.contains(",") || dash < 0) {
            return WHOLE;
        }
        String startText = spec.substring(0, dash).trim();
        String endText = spec.substring(dash + 1).trim();
        if (!isDigits(startText) && !startText.isEmpty() || !isDigits(endText) && !endText.isEmpty()
                || startText.isEmpty() && endText.isEmpty()) {
            return WHOLE;
        }
        if (startText.isEmpty()) {
            // A suffix: the last N bytes.
            long suffix = parse(endText);
            if (suffix == 0 || fileSize == 0) {
                return UNSATISFIABLE;
            }
            return new RangeSelection(Kind.PARTIAL, Math.max(0, fileSize - suffix), fileSize - 1);
        }
        long start = parse(startText);
        long end = endText.isEmpty() ? Long.MAX_VALUE : parse(endText);
        if (end < start) {
            return WHOLE;
        }
        if (start >= fileSize) {
            return UNSATISFIABLE;
        }
        return new RangeSelection(Kind.PARTIAL, start, Math.min(end, fileSize - 1));
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Digits as a number; beyond any file size, as large as a long goes. */
    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException beyondLong) {
            return Long.MAX_VALUE;
        }
    }
}
