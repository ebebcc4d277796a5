package io.tritontube.storage.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** The SHA-256 digest of a file's content: what the storage protocol checks every copy against. */
public final class Sha256 {

    public static final int LENGTH = 32;

    private static final int READ_BUFFER = 64 * 1024;

    private final byte[] bytes;

    private Sha256(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException when {@code digest} is not 32 bytes long */
    public static Sha256 of(byte[] digest) {
        if (digest == null || digest.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest is " + LENGTH + " bytes, got "
                    + (digest == null ? "none" : digest.length));
        }
        return new Sha256(digest.clone());
    }

    /** Digests the whole content of {@code file}, streaming it. */
    public static Sha256 ofFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Digests what is left of {@code content}, streaming it; does not close it. */
    public static Sha256 of(InputStream content) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[READ_BUFFER];
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return new Sha256(digest.digest());
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Compares in constant time; true when {@code digest} holds the same 32 bytes. */
    public boolean matches(byte[] digest) {
        return MessageDigest.isEqual(bytes, digest);
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha256 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
