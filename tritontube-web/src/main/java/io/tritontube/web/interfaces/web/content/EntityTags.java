package io.tritontube.web.interfaces.web.content;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.video.Video;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strong entity tags of packaged files. A segment or a still never changes once its video is
 * ready, so its identity is the video (id and upload time: a re-upload under the same id
 * after a delete is a new video), its name and its size; no need to hash the bytes. The
 * manifest and the playlists are rewritten once more when a remuxed video gets its lower
 * rungs, and the video's renditions change with them: they are part of those files'
 * {@link #revision identity}.
 */
final class EntityTags {

    private EntityTags() {
    }

    static String of(Video video, ContentFileName fileName, long size) {
        String identity = video.id().value() + '\0' + video.uploadedAt().toEpochMilli() + '\0' + fileName.value() + '\0' + size
                + '\0' + revision(video, fileName);
        byte[] digest = sha256(identity.getBytes(StandardCharsets.UTF_8));
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
    }

    /**
     * Which version of a file the video's record describes, beyond its upload: the renditions
     * for a manifest or playlist, which are rewritten as they grow; empty for every other file.
     */
    static String revision(Video video, ContentFileName fileName) {
        return ContentFileKind.of(fileName, video.format().hasAudio()).isIndex()
                ? String.join(",", video.format().renditions()) : "";
    }

    /**
     * Whether an {@code If-None-Match} header matches {@code tag}: {@code *}, or a list that
     * holds it (compared weakly, as RFC 9110 says for this header).
     */
    static boolean noneMatchHits(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*") || stripWeak(trimmed).equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a Range request may be served as a range: with no {@code If-Range}, or one that
     * is exactly our (strong) tag. A date or another tag means the client's copy is stale.
     */
    static boolean ifRangeAllows(String ifRange, String tag) {
        return ifRange == null || ifRange.trim().equals(tag);
    }

    private static String stripWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
