package io.tritontube.web.domain.video;

import java.util.Locale;
import java.util.Optional;

/**
 * A search of the catalogue by title: the videos whose id contains {@link #text()}, ignoring
 * case. Defined once here, in Java, so that every store applies exactly the same rule (SQL's
 * {@code LIKE} would fold only ASCII letters, etcd has no text search at all).
 *
 * @param text what the id must contain; never blank, at most {@value VideoId#MAX_LENGTH} characters
 */
public record IdSearch(String text) {

    public IdSearch {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a search needs some text; list without a search instead");
        }
        if (text.codePointCount(0, text.length()) > VideoId.MAX_LENGTH) {
            throw new IllegalArgumentException("a search can be at most " + VideoId.MAX_LENGTH
                    + " characters long, as long as the longest title");
        }
    }

    /** The search for what someone typed: empty when they typed nothing but white space. */
    public static Optional<IdSearch> of(String typed) {
        return Optional.ofNullable(typed).map(String::strip).filter(t -> !t.isEmpty()).map(IdSearch::new);
    }

    public boolean matches(VideoId id) {
        return matches(id.value());
    }

    /** For stores that hold ids as plain strings (a SQL function, an index key). */
    public boolean matches(String id) {
        return fold(id).contains(fold(text));
    }

    private static String fold(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
