package io.tritontube.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.InsecureServerCredentials;
import io.grpc.TlsServerCredentials;
import io.tritontube.grpc.security.BearerTokenServerInterceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --token and --tls-ca: the secret travels as a bearer header, and TLS is used when a CA is given. */
class ConnectionSecurityTest {

    @TempDir
    Path certificates;

    @RegisterExtension
    final FakeAdminServer plaintextServer = FakeAdminServer.start();

    @Test
    void theTokenIsSentAsABearerHeader() {
        assertEquals(0, CliRun.of("list", "--token", "s3cret-T0ken", plaintextServer.address()).exitStatus());

        assertEquals("Bearer s3cret-T0ken", plaintextServer.calls().get(0).authorization());
    }

    @Test
    void noHeaderIsSentWithoutAToken() {
        assertEquals(0, CliRun.of("list", plaintextServer.address()).exitStatus());

        assertNull(plaintextServer.calls().get(0).authorization());
    }

    @Test
    void aServerGuardedByATokenRefusesAWrongOneAndChangesNothing() throws Exception {
        try (FakeAdminServer server = FakeAdminServer.start(
                InsecureServerCredentials.create(), new BearerTokenServerInterceptor("right-token"))) {
            CliRun refused = CliRun.of("add", "--token", "wrong-token", server.address(), "localhost:8096");
            CliRun accepted = CliRun.of("list", "--token", "right-token", server.address());

            assertEquals(ExitStatus.REFUSED.code(), refused.exitStatus());
            assertTrue(refused.err().startsWith("Error: UNAUTHENTICATED: "), refused.err());
            assertEquals(List.of("Storage cluster nodes:", "  No nodes in cluster"), accepted.outLines());
            assertEquals(List.of("ListNodes"), server.calls().stream().map(FakeAdminServer.ReceivedCall::method).toList());
        }
    }

    @Test
    void withACaFileTheCliSpeaksTls() throws Exception {
        Path certificate = certificates.resolve("server.pem");
        Path privateKey = certificates.resolve("server-key.pem");
        writeSelfSignedCertificate(certificate, privateKey);

        try (FakeAdminServer server = FakeAdminServer.start(
                TlsServerCredentials.create(certificate.toFile(), privateKey.toFile()))) {
            server.withNodes("localhost:8090");

            CliRun overTls = CliRun.of("list", "--tls-ca", certificate.toString(), server.address());
            CliRun plaintext = CliRun.of("list", "--timeout", "5s", server.address());

            assertEquals(List.of("Storage cluster nodes:", "  - localhost:8090"), overTls.outLines(), overTls.err());
            assertEquals(ExitStatus.UNREACHABLE.code(), plaintext.exitStatus(), plaintext.err());
        }
    }

    /** A certificate for 127.0.0.1 that also serves as its own CA, made by the system's openssl. */
    private static void writeSelfSignedCertificate(Path certificate, Path privateKey)
            throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-nodes", "-days", "1",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", privateKey.toString(), "-out", certificate.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes());
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
        assertEquals(0, openssl.exitValue(), "openssl failed: " + output);
    }
}
