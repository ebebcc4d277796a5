package io.tritontube.web.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsParsingTest {

    @Test
    void durationsAreIsoOrWholeSeconds() {
        assertEquals(Duration.ofHours(2), TritonTubeSettings.parseDuration("k", "PT2H"));
        assertEquals(Duration.ofMinutes(90), TritonTubeSettings.parseDuration("k", " PT90M "));
        assertEquals(Duration.ofSeconds(7200), TritonTubeSettings.parseDuration("k", "7200"));
    }

    @Test
    void aBadDurationNamesItsKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TritonTubeSettings.parseDuration("tritontube.transcode.timeout", "two hours"));
        assertEquals("tritontube.transcode.timeout must be an ISO-8601 duration (PT2H) or whole seconds, was 'two hours'",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> TritonTubeSettings.parseDuration("k", "0"));
        assertThrows(IllegalStateException.class, () -> TritonTubeSettings.parseDuration("k", "-PT1H"));
    }

    @Test
    void kindsAreCaseInsensitive() {
        assertEquals(MetadataKind.ETCD, MetadataKind.parse("etcd"));
        assertEquals(MetadataKind.SQLITE, MetadataKind.parse("SQLite"));
        assertEquals(ContentKind.NW, ContentKind.parse("nw"));
    }

    @Test
    void anUnknownKindStopsWithTheAcceptedOnes() {
        assertEquals("unknown tritontube.metadata.kind 'mysql': expected sqlite or etcd",
                assertThrows(IllegalStateException.class, () -> MetadataKind.parse("mysql")).getMessage());
        assertEquals("unknown tritontube.content.kind 's3': expected fs or nw",
                assertThrows(IllegalStateException.class, () -> ContentKind.parse("s3")).getMessage());
    }
}
