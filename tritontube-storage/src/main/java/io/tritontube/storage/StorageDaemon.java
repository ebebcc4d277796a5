package io.tritontube.storage;

import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.server.StorageServer;
import io.tritontube.storage.server.disk.StorageDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tritontube-storage [-host H] [-port P] BASE_DIR}: serves BASE_DIR's files over gRPC until SIGTERM. */
@Command(name = "tritontube-storage", mixinStandardHelpOptions = true, version = "tritontube-storage 1.0",
        description = "Stores the files of TritonTube videos at BASE_DIR/<videoId>/<fileName> and serves them over gRPC.")
public final class StorageDaemon implements Callable<Integer> {

    /** How long calls in flight may finish after SIGTERM before they are cancelled. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Option(names = {"-host", "--host"}, defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only; 0.0.0.0 for every interface).")
    private String host;

    @Option(names = {"-port", "--port"}, defaultValue = "8090", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--token", defaultValue = "${env:" + GrpcSecuritySettings.TOKEN_ENV + "}",
            description = "Shared secret every call must carry as 'authorization: Bearer <token>' "
                    + "(default: $" + GrpcSecuritySettings.TOKEN_ENV + "; prefer the variable: flags show in ps).")
    private String token;

    @Option(names = "--tls-cert", defaultValue = "${env:" + GrpcSecuritySettings.TLS_CERT_ENV + "}",
            description = "PEM certificate chain to serve TLS with (default: $" + GrpcSecuritySettings.TLS_CERT_ENV + ").")
    private Path tlsCertificate;

    @Option(names = "--tls-key", defaultValue = "${env:" + GrpcSecuritySettings.TLS_KEY_ENV + "}",
            description = "PEM private key of --tls-cert (default: $" + GrpcSecuritySettings.TLS_KEY_ENV + ").")
    private Path tlsPrivateKey;

    @Parameters(index = "0", paramLabel = "BASE_DIR", description = "Directory holding the files; created if absent.")
    private Path baseDir;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        System.exit(new CommandLine(new StorageDaemon()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        GrpcSecuritySettings security;
        try {
            security = new GrpcSecuritySettings(token, tlsCertificate, tlsPrivateKey, null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StorageServer server;
        try {
            StorageDirectory directory = StorageDirectory.open(baseDir);
            server = new StorageServer(host, port, directory, security).start();
            System.out.println("Starting storage server on " + host + ":" + server.port());
            System.out.println("Base directory: " + directory.path());
        } catch (IOException e) {
            System.err.println("tritontube-storage: cannot serve " + baseDir + " on " + host + ":" + port + ": " + e);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(server), "storage-shutdown"));
        server.blockUntilShutdown();
        return 0;
    }

    /**
     * Runs in a JVM shutdown hook, where java.util.logging may already be shut down by its own
     * hook: hence System.err.
     */
    private static void stopOnSignal(StorageServer server) {
        System.err.println("Stopping storage server: finishing calls in flight for up to " + SHUTDOWN_GRACE);
        try {
            server.stop(SHUTDOWN_GRACE);
            System.err.println("Storage server stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("Storage server stop interrupted");
        }
    }
}
