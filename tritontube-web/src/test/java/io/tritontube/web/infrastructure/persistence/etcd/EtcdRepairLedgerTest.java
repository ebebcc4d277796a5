package io.tritontube.web.infrastructure.persistence.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.testkit.EtcdCluster;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.cluster.RepairLedgerContract;
import io.tritontube.web.domain.video.VideoId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's contract against a real 3-member etcd cluster. Each ledger object has its own
 * connection, as separate web servers would; each test its own key prefix.
 */
class EtcdRepairLedgerTest extends RepairLedgerContract {

    private final List<EtcdConnection> connections = new ArrayList<>();
    private String prefix;

    @Override
    protected RepairLedger openEmpty() {
        prefix = "/test-" + UUID.randomUUID() + "/";
        return openAgain();
    }

    @Override
    protected RepairLedger openAgain() {
        EtcdConnection etcd = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
        connections.add(etcd);
        return new EtcdRepairLedger(etcd, prefix);
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(EtcdConnection::close);
    }

    @Test
    void twoWebServersSeeOneLedger() {
        NodeAddress node = NodeAddress.of("127.0.0.1:8091");
        VideoId deleted = VideoId.of("deleted while down");
        try (RepairLedger first = openAgain(); RepairLedger second = openAgain()) {
            first.recordMissedWrite(node);
            first.recordUnfinishedDelete(node, deleted);

            assertEquals(Set.of(node), second.missedWrites().keySet());
            assertEquals(Map.of(node, Set.of(deleted)), second.unfinishedDeletes());

            second.forgetMissedWrites(node, second.missedWrites().get(node));
            second.forgetUnfinishedDelete(node, deleted);

            assertEquals(Map.of(), first.missedWrites());
            assertEquals(Map.of(), first.unfinishedDeletes());
        }
    }
}
