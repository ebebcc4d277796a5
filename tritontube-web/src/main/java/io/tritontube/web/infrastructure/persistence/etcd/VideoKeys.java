package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.tritontube.web.domain.video.InvalidPageTokenException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where videos live in etcd (docs/etcd-keys.md):
 * <ul>
 *   <li>{@code <prefix>videos/<id>}: the record, JSON ({@link VideoJson});</li>
 *   <li>{@code <prefix>videos-by-time/<newest-first time>/<id>}: an empty entry of the
 *       newest-first index, where the time is {@code Long.MAX_VALUE} minus the upload time in
 *       epoch milliseconds, zero-padded to 19 digits, so that etcd's ascending key order is
 *       newest first and a page is a plain range read with a limit.</li>
 * </ul>
 * Ids hold no {@code /} ({@link VideoId}), so each id is one key segment.
 */
final class VideoKeys {

    private static final String RECORDS = "videos/";
    private static final String NEWEST_FIRST = "videos-by-time/";
    private static final int TIME_DIGITS = 19;
    private static final Pattern INDEX_ENTRY = Pattern.compile("(\\d{" + TIME_DIGITS + "})/(.+)", Pattern.DOTALL);
    /** The smallest byte: {@code key + NUL} is the first key after {@code key}. */
    private static final String SUCCESSOR = "\0";

    private final EtcdKeyspace keyspace;

    VideoKeys(EtcdKeyspace keyspace) {
        this.keyspace = keyspace;
    }

    ByteSequence record(VideoId id) {
        return keyspace.key(RECORDS + id.value());
    }

    ByteSequence newestFirstEntry(Video video) {
        long millis = video.uploadedAt().toEpochMilli();
        if (millis < 0) {
            throw new IllegalArgumentException("video '" + video.id() + "' claims an upload time before 1970: "
                    + video.uploadedAt());
        }
        String newestFirstTime = String.format("%0" + TIME_DIGITS + "d", Long.MAX_VALUE - millis);
        return keyspace.key(NEWEST_FIRST + newestFirstTime + "/" + video.id().value());
    }

    /** Where the newest-first index starts: its newest entry is the first key at or after this. */
    ByteSequence newestFirstStart() {
        return keyspace.key(NEWEST_FIRST);
    }

    /** Just past the newest-first index's oldest entry. */
    ByteSequence newestFirstEnd() {
        return keyspace.endOfRange(NEWEST_FIRST);
    }

    /** The first key after {@code key}: where a range read continues after it. */
    ByteSequence successorOf(ByteSequence key) {
        return key.concat(EtcdKeyspace.bytes(SUCCESSOR));
    }

    VideoId idOfEntry(ByteSequence entry) {
        Matcher parsed = INDEX_ENTRY.matcher(keyspace.remainderAfter(NEWEST_FIRST, entry));
        if (!parsed.matches()) {
            throw new IllegalStateException("the etcd key " + EtcdKeyspace.text(entry)
                    + " is not an entry of the newest-first index");
        }
        return VideoId.of(parsed.group(2));
    }

    /** The opaque, URL-safe token of the page that follows index entry {@code lastEntry}. */
    String pageTokenAfter(ByteSequence lastEntry) {
        byte[] entry = keyspace.remainderAfter(NEWEST_FIRST, lastEntry).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(entry);
    }

    /**
     * The first index key of the page that {@code pageToken} names.
     *
     * @throws InvalidPageTokenException when {@link #pageTokenAfter} did not make {@code pageToken}
     */
    ByteSequence firstKeyAfter(String pageToken) {
        String entry;
        try {
            entry = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalidToken();
        }
        Matcher parsed = INDEX_ENTRY.matcher(entry);
        if (!parsed.matches() || VideoId.problemWith(parsed.group(2)) != null) {
            throw invalidToken();
        }
        return keyspace.key(NEWEST_FIRST + entry + SUCCESSOR);
    }

    private static InvalidPageTokenException invalidToken() {
        return new InvalidPageTokenException("the page token is not valid: start again from the first page");
    }
}
