package io.tritontube.web.infrastructure.persistence.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.testkit.EtcdCluster;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code etcd "h1:p1,h2:p2,h3:p3"} option, as operators write it. */
class EtcdConnectionTest {

    @Test
    void endpointsAreHostPortPairsWithAnOptionalScheme() {
        assertEquals(List.of(URI.create("http://h1:2379"), URI.create("http://10.0.0.2:2380"),
                        URI.create("https://h3:2381")),
                EtcdConnection.parseEndpoints("h1:2379, 10.0.0.2:2380,https://h3:2381"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "h1", "h1:", ":2379", "h1:port", "h1:2379,,h2:2380"})
    void aMalformedEndpointIsRefusedWithItsName(String endpoints) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EtcdConnection.parseEndpoints(endpoints));
        assertTrue(refused.getMessage().contains("etcd endpoint"), refused.getMessage());
    }

    @Test
    void theSeedsLocalhostFormReachesTheCluster() throws Exception {
        String localhostEndpoints = EtcdCluster.shared().clientAddresses().stream()
                .map(address -> address.replace("127.0.0.1", "localhost"))
                .collect(Collectors.joining(","));
        try (EtcdConnection connection = EtcdConnection.connect(localhostEndpoints);
             EtcdVideoRepository videos = new EtcdVideoRepository(connection, "/test-" + UUID.randomUUID() + "/")) {
            Video video = Video.accepted(VideoId.of("via localhost"), Instant.now());
            videos.create(video);
            assertEquals(Optional.of(video), videos.find(video.id()));
        }
    }
}
