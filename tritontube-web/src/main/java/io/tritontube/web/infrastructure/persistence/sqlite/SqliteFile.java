package io.tritontube.web.infrastructure.persistence.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Opens a connection of its own to the metadata's SQLite file for one of the ring's tables:
 * several connections share the file, so each waits for the others' locks rather than failing
 * at once.
 */
final class SqliteFile {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private SqliteFile() {
    }

    /**
     * Opens {@code databaseFile} (creating it and its directories when missing) and runs
     * {@code schema}, statements that create what is missing.
     *
     * @param contents what the tables hold, for the message: {@code "the ring membership table"}
     * @throws IllegalStateException when the file cannot be created or opened
     */
    static Connection open(Path databaseFile, String contents, String... schema) {
        Path absolute = databaseFile.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            Connection connection = config.createConnection("jdbc:sqlite:" + absolute);
            try (Statement statement = connection.createStatement()) {
                for (String create : schema) {
                    statement.execute(create);
                }
            }
            return connection;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot open " + contents + " in " + absolute + ": " + e.getMessage(), e);
        }
    }
}
