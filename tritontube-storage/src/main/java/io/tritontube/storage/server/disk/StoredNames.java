package io.tritontube.storage.server.disk;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The rules every video id and file name obeys before it becomes part of a path. A name that
 * passes is a single path component of BASE_DIR's file system: it cannot name a parent, a
 * root, another directory or one of the daemon's own files (temporary files, checksum sidecars).
 */
public final class StoredNames {

    /** Linux's NAME_MAX: longer components fail in the file system anyway, less clearly. */
    public static final int MAX_BYTES = 255;

    /** The daemon's own files start with this; no stored file or video may. */
    static final String RESERVED_PREFIX = ".tritontube-";

    /** Temporary files of writes in progress. */
    static final String TEMP_PREFIX = RESERVED_PREFIX + "tmp-";

    /** Checksum sidecars ({@link SidecarChecksums}). */
    static final String CHECKSUM_SIDECAR_PREFIX = RESERVED_PREFIX + "sum-";

    private static final int MAX_ECHOED_CHARS = 64;

    /** The charset the JVM encodes file names with: a name it cannot encode would be mangled. */
    private static final Charset FILE_NAME_CHARSET = fileNameCharset();

    private StoredNames() {
    }

    /** @throws InvalidNameException naming {@code what} and why, when {@code value} breaks a rule */
    public static String requireValid(String what, String value) {
        String problem = problemWith(value);
        if (problem != null) {
            throw new InvalidNameException("the " + what + " " + quote(value) + " " + problem);
        }
        return value;
    }

    /** Null when {@code value} is a valid name, otherwise what is wrong with it. */
    public static String problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return "is empty";
        }
        if (value.equals(".") || value.equals("..")) {
            return "may not be '.' or '..'";
        }
        if (value.indexOf('/') >= 0 || value.indexOf('\\') >= 0) {
            return "may not contain '/' or '\\'";
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            return "may not contain control characters";
        }
        if (value.startsWith(RESERVED_PREFIX)) {
            return "may not start with '" + RESERVED_PREFIX + "', reserved for the daemon's own files";
        }
        if (!FILE_NAME_CHARSET.newEncoder().canEncode(value)) {
            return "cannot be stored in this node's file-name encoding " + FILE_NAME_CHARSET
                    + " (run the daemon with a UTF-8 locale)";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "is longer than " + MAX_BYTES + " bytes in UTF-8";
        }
        return null;
    }

    static boolean isTemporary(String fileName) {
        return fileName.startsWith(TEMP_PREFIX);
    }

    static boolean isChecksumSidecar(String fileName) {
        return fileName.startsWith(CHECKSUM_SIDECAR_PREFIX);
    }

    /** {@link #printable} in quotes, for messages that name a refused value. */
    static String quote(String value) {
        return value == null ? "(none)" : "'" + printable(value) + "'";
    }

    /**
     * A name from a request as it may appear in a message or log line, whatever it holds:
     * control characters escaped, length capped.
     */
    public static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder printable = new StringBuilder();
        value.codePoints().limit(MAX_ECHOED_CHARS).forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append(String.format("\\u%04x", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > MAX_ECHOED_CHARS ? printable + "..." : printable.toString();
    }

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }
}
