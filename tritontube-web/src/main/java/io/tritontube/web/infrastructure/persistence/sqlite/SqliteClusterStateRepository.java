package io.tritontube.web.infrastructure.persistence.sqlite;

import io.tritontube.web.domain.cluster.ClusterState;
import io.tritontube.web.domain.cluster.ClusterState.Migration;
import io.tritontube.web.domain.cluster.ClusterStateRepository;
import io.tritontube.web.domain.cluster.NodeAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The ring's membership in the SQLite file that also holds the metadata, in its own
 * single-row table {@code cluster_state}. Compare-and-set is one conditional statement on
 * the row's revision, which SQLite runs atomically.
 *
 * <p>SQLite is the single-web-server setup, so {@link #watch} reports the states this
 * process stores; a second process sharing the file would not be told (use etcd for that).
 */
public final class SqliteClusterStateRepository implements ClusterStateRepository {

    private static final Logger LOG = Logger.getLogger(SqliteClusterStateRepository.class.getName());

    /** Node addresses cannot hold white space (NodeAddress refuses it), so a newline separates them. */
    private static final String NODE_SEPARATOR = "\n";

    private static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS cluster_state (
              singleton      INTEGER PRIMARY KEY CHECK (singleton = 1),
              revision       INTEGER NOT NULL,
              nodes          TEXT    NOT NULL,
              virtual_nodes  INTEGER NOT NULL,
              replicas       INTEGER NOT NULL,
              migration_kind TEXT,
              migration_node TEXT,
              migration_from TEXT,
              migration_to   TEXT)""";
    private static final String SELECT = """
            SELECT revision, nodes, virtual_nodes, replicas,
                   migration_kind, migration_node, migration_from, migration_to
            FROM cluster_state WHERE singleton = 1""";
    private static final String INSERT_FIRST = """
            INSERT OR IGNORE INTO cluster_state
              (singleton, revision, nodes, virtual_nodes, replicas,
               migration_kind, migration_node, migration_from, migration_to)
            VALUES (1, 1, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_IF_REVISION = """
            UPDATE cluster_state
            SET revision = revision + 1, nodes = ?, virtual_nodes = ?, replicas = ?,
                migration_kind = ?, migration_node = ?, migration_from = ?, migration_to = ?
            WHERE singleton = 1 AND revision = ?""";

    private final Connection connection;
    private final List<Consumer<ClusterState>> listeners = new CopyOnWriteArrayList<>();

    private SqliteClusterStateRepository(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens the SQLite file {@code databaseFile} (creating it and its directories when
     * missing) and the membership table in it.
     *
     * @throws IllegalStateException when the file cannot be created or opened
     */
    public static SqliteClusterStateRepository open(Path databaseFile) {
        return new SqliteClusterStateRepository(SqliteFile.open(databaseFile, "the ring membership table", CREATE_TABLE));
    }

    @Override
    public synchronized Optional<ClusterState> load() {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(SELECT)) {
            return row.next() ? Optional.of(stateOf(row)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ring membership: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean compareAndSet(long expectedRevision, ClusterState next) {
        ClusterState stored;
        synchronized (this) {
            boolean changed = expectedRevision == 0 ? insertFirst(next) : updateIfRevision(expectedRevision, next);
            if (!changed) {
                return false;
            }
            stored = load().orElseThrow();
        }
        notifyListeners(stored);
        return true;
    }

    @Override
    public AutoCloseable watch(Consumer<ClusterState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized void close() {
        listeners.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Closing the ring membership database failed", e);
        }
    }

    private boolean insertFirst(ClusterState state) {
        return execute(INSERT_FIRST, state, statement -> { });
    }

    private boolean updateIfRevision(long expectedRevision, ClusterState state) {
        return execute(UPDATE_IF_REVISION, state, statement -> statement.setLong(8, expectedRevision));
    }

    private interface ExtraParameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** Runs {@code sql} with the state's seven columns bound first; true when it changed the row. */
    private boolean execute(String sql, ClusterState state, ExtraParameters extra) {
        Optional<Migration> migration = state.migration();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, joined(state.nodes()));
            statement.setInt(2, state.virtualNodes());
            statement.setInt(3, state.replicas());
            statement.setString(4, migration.map(m -> m.kind().name()).orElse(null));
            statement.setString(5, migration.map(m -> m.node().value()).orElse(null));
            statement.setString(6, migration.map(m -> joined(m.fromNodes())).orElse(null));
            statement.setString(7, migration.map(m -> joined(m.toNodes())).orElse(null));
            extra.set(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the ring membership: " + e.getMessage(), e);
        }
    }

    private void notifyListeners(ClusterState stored) {
        for (Consumer<ClusterState> listener : listeners) {
            try {
                listener.accept(stored);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A ring membership listener failed on revision " + stored.revision(), e);
            }
        }
    }

    private static ClusterState stateOf(ResultSet row) throws SQLException {
        String migrationKind = row.getString("migration_kind");
        Optional<Migration> migration = migrationKind == null
                ? Optional.empty()
                : Optional.of(new Migration(
                        Migration.Kind.valueOf(migrationKind),
                        NodeAddress.of(row.getString("migration_node")),
                        nodesOf(row.getString("migration_from")),
                        nodesOf(row.getString("migration_to"))));
        return new ClusterState(nodesOf(row.getString("nodes")), row.getInt("virtual_nodes"),
                row.getInt("replicas"), migration, row.getLong("revision"));
    }

    private static String joined(List<NodeAddress> nodes) {
        return nodes.stream().map(NodeAddress::value).collect(Collectors.joining(NODE_SEPARATOR));
    }

    private static List<NodeAddress> nodesOf(String joined) {
        return joined.isEmpty()
                ? List.of()
                : Arrays.stream(joined.split(NODE_SEPARATOR)).map(NodeAddress::of).toList();
    }
}
