package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.UnreadableMediaException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;

/** Reads the JSON report of {@code ffprobe -show_format -show_streams}. */
final class FfprobeReport {

    private FfprobeReport() {
    }

    static MediaInfo parse(String json) throws UnreadableMediaException {
        JsonObject report;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            report = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnreadableMediaException("the file could not be read as a video: ffprobe gave no report");
        }
        JsonArray streams = report.containsKey("streams") ? report.getJsonArray("streams") : JsonValue.EMPTY_JSON_ARRAY;
        boolean hasVideo = false;
        boolean hasAudio = false;
        for (JsonObject stream : streams.getValuesAs(JsonObject.class)) {
            String type = stream.getString("codec_type", "");
            hasVideo |= type.equals("video") && !isCoverArt(stream);
            hasAudio |= type.equals("audio");
        }
        return new MediaInfo(duration(report), hasVideo, hasAudio);
    }

    /** Cover art is stored as a one-frame "video" stream; it is nothing to watch. */
    private static boolean isCoverArt(JsonObject stream) {
        JsonObject disposition = stream.getJsonObject("disposition");
        return disposition != null && disposition.getInt("attached_pic", 0) == 1;
    }

    /** ffprobe writes the duration as a string of seconds ("3.000000"), or leaves it out. */
    private static Duration duration(JsonObject report) {
        JsonObject format = report.getJsonObject("format");
        String seconds = format == null ? null : format.getString("duration", null);
        if (seconds == null) {
            return Duration.ZERO;
        }
        try {
            BigDecimal micros = new BigDecimal(seconds).movePointRight(6);
            return Duration.ofNanos(micros.longValue() * 1_000);
        } catch (NumberFormatException notANumber) {
            // "N/A" and the like: without a duration, progress is reported only at the end.
            return Duration.ZERO;
        }
    }
}
