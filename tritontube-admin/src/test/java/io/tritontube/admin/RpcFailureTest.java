package io.tritontube.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A failed RPC prints its status on stderr and ends non-zero; every RPC has a deadline. */
class RpcFailureTest {

    @RegisterExtension
    final FakeAdminServer server = FakeAdminServer.start();

    @Test
    void aRefusalPrintsTheStatusCodeAndTheServersMessage() {
        server.failingWith(Status.ALREADY_EXISTS.withDescription("node localhost:8090 is already in the ring"));

        CliRun run = CliRun.of("add", server.address(), "localhost:8090");

        assertEquals(List.of("Error: ALREADY_EXISTS: node localhost:8090 is already in the ring"), run.errLines());
        assertEquals("", run.out(), "nothing may claim success");
        assertEquals(ExitStatus.REFUSED.code(), run.exitStatus());
    }

    @Test
    void everyCommandReportsARefusal() {
        server.failingWith(Status.FAILED_PRECONDITION.withDescription("cannot remove the last node"));

        for (String[] args : List.of(
                new String[] {"remove", server.address(), "localhost:8090"},
                new String[] {"list", server.address()},
                new String[] {"status", server.address()},
                new String[] {"repair", server.address()})) {
            CliRun run = CliRun.of(args);

            assertEquals(List.of("Error: FAILED_PRECONDITION: cannot remove the last node"), run.errLines(), args[0]);
            assertEquals(ExitStatus.REFUSED.code(), run.exitStatus(), args[0]);
        }
    }

    @Test
    void aServerThatNeverAnswersIsCutOffAtTheTimeout() {
        server.neverAnswering();

        long started = System.nanoTime();
        CliRun run = CliRun.of("add", "--timeout", "700ms", server.address(), "localhost:8096");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(ExitStatus.UNREACHABLE.code(), run.exitStatus());
        assertTrue(run.err().startsWith("Error: DEADLINE_EXCEEDED"), run.err());
        assertTrue(elapsed.compareTo(Duration.ofMillis(700)) >= 0, "ended before its deadline: " + elapsed);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "deadline not applied: " + elapsed);
    }

    @Test
    void isoDurationsAreAccepted() {
        server.neverAnswering();

        CliRun run = CliRun.of("list", "--timeout", "PT0.5S", server.address());

        assertEquals(ExitStatus.UNREACHABLE.code(), run.exitStatus());
        assertTrue(run.err().startsWith("Error: DEADLINE_EXCEEDED"), run.err());
    }

    @Test
    void commandsThatMoveDataWaitTenMinutesByDefault() {
        // The reference's 1 s deadline cut real migrations off.
        for (String[] args : List.of(
                new String[] {"add", server.address(), "localhost:8096"},
                new String[] {"remove", server.address(), "localhost:8096"},
                new String[] {"repair", server.address()})) {
            assertEquals(0, CliRun.of(args).exitStatus(), args[0]);
        }
        for (FakeAdminServer.ReceivedCall call : server.calls()) {
            long remainingSeconds = call.deadline().timeRemaining(TimeUnit.SECONDS);
            assertTrue(remainingSeconds > 9 * 60 && remainingSeconds <= 10 * 60, call + " had " + remainingSeconds + " s");
        }
    }

    @Test
    void queriesWaitTenSecondsByDefault() {
        assertEquals(0, CliRun.of("list", server.address()).exitStatus());
        assertEquals(0, CliRun.of("status", server.address()).exitStatus());

        for (FakeAdminServer.ReceivedCall call : server.calls()) {
            long remainingMillis = call.deadline().timeRemaining(TimeUnit.MILLISECONDS);
            assertTrue(remainingMillis > 5_000 && remainingMillis <= 10_000, call + " had " + remainingMillis + " ms");
        }
    }

    @Test
    void anExplicitTimeoutReplacesTheDefault() {
        assertEquals(0, CliRun.of("add", "--timeout", "1m30s", server.address(), "localhost:8096").exitStatus());

        long remainingSeconds = server.calls().get(0).deadline().timeRemaining(TimeUnit.SECONDS);
        assertTrue(remainingSeconds > 60 && remainingSeconds <= 90, remainingSeconds + " s");
    }

    @Test
    void aServerThatIsNotRunningIsReportedAsUnreachable() throws IOException {
        CliRun run = CliRun.of("list", "127.0.0.1:" + closedPort());

        assertEquals(ExitStatus.UNREACHABLE.code(), run.exitStatus());
        assertTrue(run.err().startsWith("Error: UNAVAILABLE"), run.err());
        assertTrue(run.err().contains("Connection refused"), "the cause tells the operator what to check: " + run.err());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
