package io.tritontube.web.infrastructure.persistence.sqlite;

import io.tritontube.web.domain.video.IdSearch;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import io.tritontube.web.domain.video.VideoStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Videos in one SQLite table, {@code videos}, created on first start; the columns of the
 * video's format ({@link VideoFormatColumns}) are added to a table made by an older version.
 *
 * <p>One connection serves every thread, one statement at a time: SQLite serialises writers
 * anyway, and every query here is a primary-key or index lookup of microseconds. The
 * database runs in WAL mode so that a crash never leaves a half-written record. Upload
 * times are kept to the millisecond.
 */
public final class SqliteVideoRepository implements VideoRepository {

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS videos (
                id          TEXT PRIMARY KEY,
                uploaded_at INTEGER NOT NULL,
                status      TEXT NOT NULL,
                progress    INTEGER NOT NULL,
                error       TEXT
            )""";
    private static final String NEWEST_FIRST_INDEX =
            "CREATE INDEX IF NOT EXISTS videos_newest_first ON videos (uploaded_at DESC, id DESC)";
    private static final String COLUMNS = "id, uploaded_at, status, progress, error, " + VideoFormatColumns.NAMES;
    /** The SQL function of {@link IdSearch}, registered on the connection. */
    private static final String ID_MATCHES = "tritontube_id_matches";

    private final Path file;
    private final Connection connection;

    private SqliteVideoRepository(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating when missing) the database file and its parent directories.
     *
     * @throws MetadataUnavailableException when the file cannot be created or opened
     */
    public static SqliteVideoRepository open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            SQLiteDataSource dataSource = new SQLiteDataSource(config);
            dataSource.setUrl("jdbc:sqlite:" + absolute);
            Connection connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute(SCHEMA);
                statement.execute(NEWEST_FIRST_INDEX);
            }
            VideoFormatColumns.addMissing(connection);
            registerIdMatches(connection);
            return new SqliteVideoRepository(absolute, connection);
        } catch (IOException | SQLException e) {
            throw new MetadataUnavailableException("cannot open the SQLite metadata file " + absolute + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void create(Video video) throws VideoAlreadyExistsException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO videos (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?" + ", ?".repeat(VideoFormatColumns.COUNT) + ")")) {
            insert.setString(1, video.id().value());
            insert.setLong(2, video.uploadedAt().toEpochMilli());
            insert.setString(3, video.status().label());
            insert.setInt(4, video.progress());
            insert.setString(5, video.error());
            VideoFormatColumns.bind(insert, 6, video.format());
            insert.executeUpdate();
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw new VideoAlreadyExistsException(video.id());
            }
            throw unavailable("record video " + video.id(), e);
        } catch (SQLException e) {
            throw unavailable("record video " + video.id(), e);
        }
    }

    @Override
    public synchronized Optional<Video> find(VideoId id) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM videos WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(toVideo(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read video " + id, e);
        }
    }

    @Override
    public void update(Video video) {
        replace(video, "");
    }

    /** One statement: the status test and the write cannot be separated by another writer. */
    @Override
    public boolean updateIfProcessing(Video video) {
        return replace(video, " AND status = '" + VideoStatus.PROCESSING.label() + "'");
    }

    /** Replaces the record of {@code video} if it exists and {@code condition} holds; true when it did. */
    private synchronized boolean replace(Video video, String condition) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE videos SET status = ?, progress = ?, error = ?, " + VideoFormatColumns.ASSIGNMENTS
                        + " WHERE id = ?" + condition)) {
            update.setString(1, video.status().label());
            update.setInt(2, video.progress());
            update.setString(3, video.error());
            int next = VideoFormatColumns.bind(update, 4, video.format());
            update.setString(next, video.id().value());
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw unavailable("update video " + video.id(), e);
        }
    }

    @Override
    public synchronized boolean delete(VideoId id) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM videos WHERE id = ?")) {
            delete.setString(1, id.value());
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw unavailable("delete video " + id, e);
        }
    }

    @Override
    public VideoSlice listNewestFirst(Optional<String> pageToken, int limit) {
        return page(Optional.empty(), pageToken, limit);
    }

    /**
     * The newest-first index walked in order, each row tested by {@link #ID_MATCHES}: a page
     * costs the rows scanned until {@code limit} + 1 match, the whole table when few do. A
     * {@code LIKE '%text%'} could not use an index either.
     */
    @Override
    public VideoSlice searchNewestFirst(IdSearch search, Optional<String> pageToken, int limit) {
        return page(Optional.of(search), pageToken, limit);
    }

    /** Keyset pagination: each page continues strictly after the last (uploaded_at, id) seen. */
    private synchronized VideoSlice page(Optional<IdSearch> search, Optional<String> pageToken, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        Optional<PageToken> after = pageToken.map(PageToken::decode);
        List<String> conditions = new ArrayList<>(2);
        after.ifPresent(token -> conditions.add("(uploaded_at < ? OR (uploaded_at = ? AND id < ?))"));
        search.ifPresent(text -> conditions.add(ID_MATCHES + "(id, ?)"));
        String sql = "SELECT " + COLUMNS + " FROM videos"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY uploaded_at DESC, id DESC LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (after.isPresent()) {
                select.setLong(parameter++, after.get().uploadedAtMillis());
                select.setLong(parameter++, after.get().uploadedAtMillis());
                select.setString(parameter++, after.get().id());
            }
            if (search.isPresent()) {
                select.setString(parameter++, search.get().text());
            }
            // One row more than asked tells whether a next page exists without a second query.
            select.setInt(parameter, limit + 1);
            List<Video> videos = new ArrayList<>(limit + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    videos.add(toVideo(rows));
                }
            }
            if (videos.size() <= limit) {
                return new VideoSlice(videos, Optional.empty());
            }
            Video last = videos.get(limit - 1);
            return new VideoSlice(videos.subList(0, limit), Optional.of(PageToken.after(last).encode()));
        } catch (SQLException e) {
            throw unavailable("list videos", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw unavailable("close", e);
        }
    }

    /**
     * Makes {@value #ID_MATCHES}{@code (id, text)} available to this connection's SQL: 1 when
     * {@link IdSearch} matches, so that SQLite searches by exactly the rule every store uses.
     */
    private static void registerIdMatches(Connection connection) throws SQLException {
        Function.create(connection, ID_MATCHES, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                result(new IdSearch(value_text(1)).matches(value_text(0)) ? 1 : 0);
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }

    private static Video toVideo(ResultSet row) throws SQLException {
        return new Video(
                VideoId.of(row.getString("id")),
                Instant.ofEpochMilli(row.getLong("uploaded_at")),
                VideoStatus.fromLabel(row.getString("status")),
                row.getInt("progress"),
                row.getString("error"),
                VideoFormatColumns.read(row));
    }

    private MetadataUnavailableException unavailable(String action, SQLException e) {
        return new MetadataUnavailableException(
                "SQLite metadata store " + file + " could not " + action + ": " + e.getMessage(), e);
    }
}
