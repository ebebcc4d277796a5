package io.tritontube.admin.format;

import java.util.Locale;

/** Byte counts in binary units (KiB, MiB, ...), the way {@code du -h} and {@code ls -lh} show them. */
public final class ByteSize {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSize() {
    }

    public static String humanReadable(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        // Locale.ROOT: a decimal point whatever the operator's locale, so scripts can parse it.
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
