package io.tritontube.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** add, remove and list print exactly the reference's lines, so scripts written for it keep working. */
class ReferenceCommandsTest {

    @RegisterExtension
    final FakeAdminServer server = FakeAdminServer.start();

    @Test
    void addPrintsTheNodeAndTheFilesMigrated() {
        server.withNodes("localhost:8090").migratingFiles(267);

        CliRun run = CliRun.of("add", server.address(), "localhost:8096");

        assertEquals(List.of("Successfully added node: localhost:8096", "Number of files migrated: 267"), run.outLines());
        assertEquals("", run.err());
        assertEquals(0, run.exitStatus());
        assertEquals(List.of("localhost:8090", "localhost:8096"), server.ringNodes());
    }

    @Test
    void removePrintsTheNodeAndTheFilesMigrated() {
        server.withNodes("localhost:8090", "localhost:8091").migratingFiles(12);

        CliRun run = CliRun.of("remove", server.address(), "localhost:8091");

        assertEquals(List.of("Successfully removed node: localhost:8091", "Number of files migrated: 12"), run.outLines());
        assertEquals(0, run.exitStatus());
        assertEquals(List.of("localhost:8090"), server.ringNodes());
    }

    @Test
    void theNodeAddressReachesTheServerExactlyAsTyped() {
        // The ring hashes the address text, so the CLI must not normalise it (e.g. to 127.0.0.1).
        CliRun run = CliRun.of("add", server.address(), "Storage-1.example:08096");

        assertEquals(0, run.exitStatus());
        assertEquals("Storage-1.example:08096", server.calls().get(0).requestedNode());
    }

    @Test
    void listPrintsTheNodesInTheOrderTheServerReturns() {
        server.withNodes("localhost:8092", "localhost:8090", "localhost:8091");

        CliRun run = CliRun.of("list", server.address());

        assertEquals(List.of(
                "Storage cluster nodes:",
                "  - localhost:8092",
                "  - localhost:8090",
                "  - localhost:8091"), run.outLines());
        assertEquals(0, run.exitStatus());
    }

    @Test
    void listOfAnEmptyClusterSaysSo() {
        CliRun run = CliRun.of("list", server.address());

        assertEquals(List.of("Storage cluster nodes:", "  No nodes in cluster"), run.outLines());
        assertEquals(0, run.exitStatus());
    }
}
