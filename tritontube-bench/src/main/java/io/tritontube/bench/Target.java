package io.tritontube.bench;

import java.util.Locale;

/**
 * A target of issue 6 for one figure: a bound the figure must reach, and how far it is off.
 *
 * @param text    the target as the issue states it, e.g. {@code "≥ 20×"}
 * @param bound   the number the figure is compared with
 * @param atLeast true when the figure must be at least the bound, false when at most
 */
record Target(String text, double bound, boolean atLeast) {

    static Target atLeast(String text, double bound) {
        return new Target(text, bound, true);
    }

    static Target atMost(String text, double bound) {
        return new Target(text, bound, false);
    }

    /** "met", or "missed by 23%" (how far the figure is from the bound, relative to the bound). */
    String verdict(double figure) {
        boolean met = atLeast ? figure >= bound : figure <= bound;
        if (met) {
            return "met";
        }
        double off = atLeast ? (bound - figure) / bound : (figure - bound) / bound;
        return String.format(Locale.ROOT, "missed by %.0f%%", off * 100);
    }
}
