package io.tritontube.web.infrastructure.content.nw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.cluster.NodeAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkContentOptionsTest {

    @Test
    void theFirstAddressIsTheAdminServiceTheRestSeedTheRing() {
        NetworkContentOptions options = NetworkContentOptions.parse("localhost:3343,localhost:8090, localhost:8091");

        assertEquals(NodeAddress.of("localhost:3343"), options.adminAddress());
        assertEquals(List.of(NodeAddress.of("localhost:8090"), NodeAddress.of("localhost:8091")), options.seedNodes());
    }

    @Test
    void anAdminAddressAloneStartsAnEmptyRing() {
        assertTrue(NetworkContentOptions.parse("127.0.0.1:3343").seedNodes().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "localhost:3343,", "localhost:3343,,localhost:8090", "localhost:3343,node:http"})
    void refusesAMalformedOption(String option) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> NetworkContentOptions.parse(option));
        assertTrue(refusal.getMessage().contains("ADMIN_HOST:PORT,NODE1,NODE2"), refusal.getMessage());
    }
}
