package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.options.OptionsUtil;
import java.nio.charset.StandardCharsets;

/**
 * The part of etcd's key space that one TritonTube installation uses: every key starts with
 * the same prefix, {@value #DEFAULT_PREFIX} unless configured, so tests and several
 * installations can share one etcd cluster without seeing each other.
 */
final class EtcdKeyspace {

    static final String DEFAULT_PREFIX = "/tritontube/";

    private final String prefix;

    /** @throws IllegalArgumentException when {@code prefix} is blank */
    EtcdKeyspace(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("the etcd key prefix is empty; the default is " + DEFAULT_PREFIX);
        }
        // "/a" would also cover "/ab/...": the trailing slash keeps installations apart.
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The key {@code <prefix><relative>}. */
    ByteSequence key(String relative) {
        return bytes(prefix + relative);
    }

    /** The part of {@code key} after {@code <prefix><base>}, for a key known to start with them. */
    String remainderAfter(String base, ByteSequence key) {
        return text(key).substring(prefix.length() + base.length());
    }

    /** The first key after every key that starts with {@code <prefix><relative>}: a range end. */
    ByteSequence endOfRange(String relative) {
        return OptionsUtil.prefixEndOf(key(relative));
    }

    static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    static String text(ByteSequence bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return prefix;
    }
}
