package io.tritontube.web.infrastructure.config;

/** Where the packaged files are kept: a local directory, or the storage ring over the network. */
public enum ContentKind {
    FS,
    NW;

    /** @throws IllegalStateException naming the accepted kinds when {@code value} is none of them */
    public static ContentKind parse(String value) {
        return SettingNames.parseKind(ContentKind.class, "tritontube.content.kind", value);
    }
}
