package io.tritontube.web.infrastructure.persistence.sqlite;

import io.tritontube.web.domain.cluster.NodeAddress;
import io.tritontube.web.domain.cluster.RepairLedger;
import io.tritontube.web.domain.video.VideoId;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The repair ledger in two tables of the SQLite file that holds the metadata and the ring's
 * membership. A node's missed writes are one row whose {@code mark} is an AUTOINCREMENT key:
 * recording again replaces the row, which gives it a mark above every mark SQLite ever handed
 * out, even of rows deleted since.
 */
public final class SqliteRepairLedger implements RepairLedger {

    private static final Logger LOG = Logger.getLogger(SqliteRepairLedger.class.getName());

    private static final String CREATE_MISSED_WRITES = """
            CREATE TABLE IF NOT EXISTS repair_missed_writes (
              mark INTEGER PRIMARY KEY AUTOINCREMENT,
              node TEXT NOT NULL UNIQUE)""";
    private static final String CREATE_UNFINISHED_DELETES = """
            CREATE TABLE IF NOT EXISTS repair_unfinished_deletes (
              node     TEXT NOT NULL,
              video_id TEXT NOT NULL,
              PRIMARY KEY (node, video_id))""";

    private final Connection connection;

    private SqliteRepairLedger(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens the ledger's tables in the SQLite file {@code databaseFile}, creating what is missing.
     *
     * @throws IllegalStateException when the file cannot be created or opened
     */
    public static SqliteRepairLedger open(Path databaseFile) {
        return new SqliteRepairLedger(SqliteFile.open(databaseFile, "the repair ledger tables",
                CREATE_MISSED_WRITES, CREATE_UNFINISHED_DELETES));
    }

    @Override
    public synchronized void recordMissedWrite(NodeAddress node) {
        update("INSERT OR REPLACE INTO repair_missed_writes (node) VALUES (?)", "record a write missed by " + node,
                node.value());
    }

    @Override
    public synchronized Map<NodeAddress, Long> missedWrites() {
        Map<NodeAddress, Long> marks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT node, mark FROM repair_missed_writes");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                marks.put(NodeAddress.of(rows.getString("node")), rows.getLong("mark"));
            }
            return marks;
        } catch (SQLException e) {
            throw failed("read the nodes that missed writes", e);
        }
    }

    @Override
    public synchronized boolean forgetMissedWrites(NodeAddress node, long mark) {
        return update("DELETE FROM repair_missed_writes WHERE node = ? AND mark <= ?",
                "forget the writes missed by " + node, node.value(), mark) == 1;
    }

    @Override
    public synchronized void recordUnfinishedDelete(NodeAddress node, VideoId video) {
        update("INSERT OR IGNORE INTO repair_unfinished_deletes (node, video_id) VALUES (?, ?)",
                "record the unfinished delete of video " + video + " on " + node, node.value(), video.value());
    }

    @Override
    public synchronized Map<NodeAddress, Set<VideoId>> unfinishedDeletes() {
        Map<NodeAddress, Set<VideoId>> deletes = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT node, video_id FROM repair_unfinished_deletes ORDER BY node, video_id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                deletes.computeIfAbsent(NodeAddress.of(rows.getString("node")), unused -> new HashSet<>())
                        .add(VideoId.of(rows.getString("video_id")));
            }
            return deletes;
        } catch (SQLException e) {
            throw failed("read the unfinished deletes", e);
        }
    }

    @Override
    public synchronized void forgetUnfinishedDelete(NodeAddress node, VideoId video) {
        update("DELETE FROM repair_unfinished_deletes WHERE node = ? AND video_id = ?",
                "forget the unfinished delete of video " + video + " on " + node, node.value(), video.value());
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Closing the repair ledger's database connection failed", e);
        }
    }

    /** Runs one statement with {@code parameters} (strings and longs); returns the rows it changed. */
    private int update(String sql, String operation, Object... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    private static IllegalStateException failed(String operation, SQLException e) {
        return new IllegalStateException("cannot " + operation + " in the repair ledger: " + e.getMessage(), e);
    }
}
