package io.tritontube.web.infrastructure.persistence.sqlite;

import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.VideoFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of a video's {@link VideoFormat}. They came after the first release, so they
 * are added to an existing table when missing, with defaults that read back as
 * {@link VideoFormat#UNKNOWN}; a new database gets them the same way.
 */
final class VideoFormatColumns {

    /** Column name to its definition, in the order of {@link #NAMES}. */
    private static final Map<String, String> DEFINITIONS = new LinkedHashMap<>();

    static {
        DEFINITIONS.put("duration_ms", "INTEGER NOT NULL DEFAULT 0");
        DEFINITIONS.put("width", "INTEGER NOT NULL DEFAULT 0");
        DEFINITIONS.put("height", "INTEGER NOT NULL DEFAULT 0");
        DEFINITIONS.put("has_audio", "INTEGER NOT NULL DEFAULT 1");
        DEFINITIONS.put("packaging", "TEXT");
        // Resolutions joined by commas, largest first: "1280x720,640x360".
        DEFINITIONS.put("renditions", "TEXT NOT NULL DEFAULT ''");
    }

    /** {@code "duration_ms, width, ..."} for SELECT and INSERT. */
    static final String NAMES = String.join(", ", DEFINITIONS.keySet());
    /** {@code "duration_ms = ?, width = ?, ..."} for UPDATE. */
    static final String ASSIGNMENTS = DEFINITIONS.keySet().stream().map(name -> name + " = ?").collect(Collectors.joining(", "));
    static final int COUNT = DEFINITIONS.size();

    private static final String RENDITION_SEPARATOR = ",";

    private VideoFormatColumns() {
    }

    /** Adds to the {@code videos} table every column it does not have yet. */
    static void addMissing(Connection connection) throws SQLException {
        Set<String> present = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet columns = statement.executeQuery("PRAGMA table_info(videos)")) {
            while (columns.next()) {
                present.add(columns.getString("name"));
            }
        }
        for (Map.Entry<String, String> column : DEFINITIONS.entrySet()) {
            if (!present.contains(column.getKey())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE videos ADD COLUMN " + column.getKey() + " " + column.getValue());
                }
            }
        }
    }

    /** Sets the {@link #COUNT} parameters from {@code first} on; returns the next parameter's index. */
    static int bind(PreparedStatement statement, int first, VideoFormat format) throws SQLException {
        int parameter = first;
        statement.setLong(parameter++, format.duration().toMillis());
        statement.setInt(parameter++, format.width());
        statement.setInt(parameter++, format.height());
        statement.setInt(parameter++, format.hasAudio() ? 1 : 0);
        statement.setString(parameter++, format.packaging().map(Packaging::label).orElse(null));
        statement.setString(parameter++, String.join(RENDITION_SEPARATOR, format.renditions()));
        return parameter;
    }

    static VideoFormat read(ResultSet row) throws SQLException {
        String packaging = row.getString("packaging");
        String renditions = row.getString("renditions");
        return new VideoFormat(
                Duration.ofMillis(row.getLong("duration_ms")),
                row.getInt("width"),
                row.getInt("height"),
                row.getInt("has_audio") != 0,
                Optional.ofNullable(packaging).map(Packaging::fromLabel),
                renditions.isEmpty() ? List.of() : Arrays.asList(renditions.split(RENDITION_SEPARATOR)));
    }
}
