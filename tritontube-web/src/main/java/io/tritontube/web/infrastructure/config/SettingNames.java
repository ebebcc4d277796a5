package io.tritontube.web.infrastructure.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of the {@code *.kind} settings, shared by the kind enums. */
final class SettingNames {

    private SettingNames() {
    }

    /**
     * The constant of {@code kinds} named {@code value} (case-insensitive).
     *
     * @throws IllegalStateException naming the key and the accepted values otherwise, so that
     *         a typo stops the deployment with a message that says how to fix it
     */
    static <E extends Enum<E>> E parseKind(Class<E> kinds, String key, String value) {
        for (E kind : kinds.getEnumConstants()) {
            if (kind.name().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        String accepted = Arrays.stream(kinds.getEnumConstants())
                .map(k -> k.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" or "));
        throw new IllegalStateException("unknown " + key + " '" + value + "': expected " + accepted);
    }
}
