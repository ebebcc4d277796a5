package io.tritontube.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wrong arguments: a message and the usage line on stderr, exit status 1, and nothing sent to the server. */
class UsageErrorTest {

    @RegisterExtension
    final FakeAdminServer server = FakeAdminServer.start();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "localhost:", ":8090", "localhost:0", "localhost:65536",
        "localhost:80a", "localhost:8090:1", "::1:8090", "local host:8090", "localhost/x:8090"})
    void anInvalidNodeAddressIsRefusedBeforeAnyRpc(String node) {
        for (String command : new String[] {"add", "remove"}) {
            CliRun run = CliRun.of(command, server.address(), node);

            assertUsageError(run, "Usage: tritontube-admin " + command);
            assertTrue(run.err().contains("is not a valid address"), run.err());
        }
        assertEquals(0, server.calls().size(), "no RPC may be sent for an invalid address");
    }

    @Test
    void bracketedIpv6NodeAddressesAreAccepted() {
        CliRun run = CliRun.of("add", server.address(), "[::1]:8096");

        assertEquals(0, run.exitStatus(), run.err());
        assertEquals("[::1]:8096", server.calls().get(0).requestedNode());
    }

    @Test
    void aMissingNodeIsAUsageError() {
        assertUsageError(CliRun.of("add", server.address()), "Missing required parameter: 'NODE'");
    }

    @Test
    void anExtraArgumentIsAUsageError() {
        assertUsageError(CliRun.of("list", server.address(), "localhost:8090"), "Usage: tritontube-admin list");
    }

    @Test
    void noCommandIsAUsageError() {
        assertUsageError(CliRun.of(), "Usage: tritontube-admin [-h] (add | remove | list | status | repair)");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithSuggestions() {
        CliRun run = CliRun.of("lst", server.address());

        assertUsageError(run, "Did you mean: tritontube-admin list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "0s", "-5s", "ten seconds", "PT", "99999999999999999999h"})
    void anUnusableTimeoutIsAUsageError(String timeout) {
        assertUsageError(CliRun.of("list", "--timeout", timeout, server.address()), "--timeout");
    }

    @Test
    void aTokenThatCannotTravelAsMetadataIsAUsageError() {
        assertUsageError(CliRun.of("list", "--token", "two words", server.address()), "bearer token");
    }

    @Test
    void anUnreadableCaFileIsAUsageError() {
        assertUsageError(CliRun.of("list", "--tls-ca", "/nonexistent/ca.pem", server.address()), "/nonexistent/ca.pem");
    }

    @Test
    void helpListsTheExitStatuses() {
        CliRun run = CliRun.of("add", "--help");

        assertEquals(0, run.exitStatus());
        assertTrue(run.out().contains("Exit status:"), run.out());
        assertTrue(run.out().contains("Default: 10m."), "add waits for a migration by default: " + run.out());
    }

    private void assertUsageError(CliRun run, String expectedInStderr) {
        assertEquals(ExitStatus.USAGE.code(), run.exitStatus(), run.err());
        assertTrue(run.err().contains(expectedInStderr), "stderr should mention " + expectedInStderr + ":\n" + run.err());
        assertTrue(run.err().contains("Try 'tritontube-admin"), run.err());
        assertEquals("", run.out());
        assertEquals(0, server.calls().size(), "no RPC may be sent on a usage error");
    }
}
