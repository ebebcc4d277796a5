package io.tritontube.web.infrastructure.persistence.etcd;

import io.tritontube.testkit.EtcdCluster;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two web servers' views of something kept under a server's etcd lease (processing claims,
 * the migration runner mark), on the shared real etcd cluster, each test in its own key prefix.
 *
 * @param <T> one server's view; closing it is a clean stop of that server
 */
abstract class ServerLeaseFixture<T extends AutoCloseable> {

    /** Short, so that a lease outliving its server is seen in a few seconds. */
    static final Duration TTL = Duration.ofSeconds(3);

    private static EtcdConnection connection;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
    String prefix;
    T serverA;
    T serverB;

    /** One server's view over {@code etcd}, renewing its lease on {@code renewals}. */
    abstract T server(EtcdConnection etcd, String keyPrefix, ScheduledExecutorService leaseRenewals);

    @BeforeAll
    static void connect() {
        connection = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    @BeforeEach
    void twoServers() {
        prefix = "/test-" + UUID.randomUUID() + "/";
        serverA = server(connection);
        serverB = server(connection);
    }

    @AfterEach
    void stopServers() throws Exception {
        serverA.close();
        serverB.close();
        renewals.shutdownNow();
    }

    T server(EtcdConnection etcd) {
        return server(etcd, prefix, renewals);
    }

    /**
     * A third server that does {@code whileAlive} and then crashes: its renewals stop and its
     * connection goes, without giving anything back.
     */
    void serverThatCrashesAfter(Consumer<T> whileAlive) {
        EtcdConnection doomedConnection = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
        ScheduledExecutorService doomedRenewals = Executors.newSingleThreadScheduledExecutor();
        whileAlive.accept(server(doomedConnection, prefix, doomedRenewals));
        doomedRenewals.shutdownNow();
        doomedConnection.close();
    }
}
