package io.tritontube.web.infrastructure.config;

/** Where video metadata is kept: the reference's two kinds. */
public enum MetadataKind {
    SQLITE,
    ETCD;

    /** @throws IllegalStateException naming the accepted kinds when {@code value} is none of them */
    public static MetadataKind parse(String value) {
        return SettingNames.parseKind(MetadataKind.class, "tritontube.metadata.kind", value);
    }
}
