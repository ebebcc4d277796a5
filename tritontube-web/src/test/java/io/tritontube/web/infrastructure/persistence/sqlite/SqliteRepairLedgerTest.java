package io.tritontube.web.infrastructure.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.cluster.RepairLedgerContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's contract on a real SQLite file, shared with the ring's membership. */
class SqliteRepairLedgerTest extends RepairLedgerContract {

    @TempDir
    Path directory;

    @Override
    protected RepairLedger openEmpty() {
        return openAgain();
    }

    @Override
    protected RepairLedger openAgain() {
        return SqliteRepairLedger.open(directory.resolve("metadata.db"));
    }

    @Test
    void livesInTheSameFileAsTheRingMembership() {
        NodeAddress node = NodeAddress.of("localhost:8090");
        try (SqliteClusterStateRepository membership = SqliteClusterStateRepository.open(directory.resolve("metadata.db"));
             RepairLedger ledger = openAgain()) {
            membership.compareAndSet(0, new ClusterState(List.of(node), 16, 1, Optional.empty(), 0));
            ledger.recordMissedWrite(node);

            assertEquals(List.of(node), membership.load().orElseThrow().nodes());
            assertEquals(Set.of(node), ledger.missedWrites().keySet());
        }
    }
}
