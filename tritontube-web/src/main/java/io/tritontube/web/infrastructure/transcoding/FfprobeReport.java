package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.AudioStream;
import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.UnreadableMediaException;
import io.tritontube.web.application.media.VideoStream;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

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
        Optional<VideoStream> video = Optional.empty();
        Optional<AudioStream> audio = Optional.empty();
        for (JsonObject stream : streams.getValuesAs(JsonObject.class)) {
            String type = stream.getString("codec_type", "");
            if (video.isEmpty() && type.equals("video") && !isCoverArt(stream)) {
                video = Optional.of(videoStream(stream));
            } else if (audio.isEmpty() && type.equals("audio")) {
                audio = Optional.of(new AudioStream(stream.getString("codec_name", "unknown")));
            }
        }
        return new MediaInfo(duration(report), video, audio);
    }

    private static VideoStream videoStream(JsonObject stream) {
        return new VideoStream(stream.getString("codec_name", "unknown"), stream.getString("pix_fmt", "unknown"),
                stream.getInt("width", 0), stream.getInt("height", 0), rotation(stream), kbps(stream));
    }

    /** ffprobe writes the bit rate as a string of bits a second ("1205000"), or leaves it out. */
    private static int kbps(JsonObject stream) {
        String bitsPerSecond = stream.getString("bit_rate", null);
        try {
            return bitsPerSecond == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(bitsPerSecond.trim()) / 1000);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** Cover art is stored as a one-frame "video" stream; it is nothing to watch. */
    private static boolean isCoverArt(JsonObject stream) {
        JsonObject disposition = stream.getJsonObject("disposition");
        return disposition != null && disposition.getInt("attached_pic", 0) == 1;
    }

    /**
     * The display matrix's rotation (ffmpeg 5 and later), or the older {@code rotate} tag; a
     * whole number of quarter turns, anything else read as none.
     */
    private static int rotation(JsonObject stream) {
        JsonArray sideData = stream.containsKey("side_data_list") ? stream.getJsonArray("side_data_list") : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonObject entry : sideData.getValuesAs(JsonObject.class)) {
            if (entry.get("rotation") instanceof JsonNumber degrees) {
                return quarterTurns(degrees.intValue());
            }
        }
        JsonObject tags = stream.getJsonObject("tags");
        String rotate = tags == null ? null : tags.getString("rotate", null);
        try {
            return rotate == null ? 0 : quarterTurns(Integer.parseInt(rotate.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static int quarterTurns(int degrees) {
        return degrees % 90 == 0 ? degrees : 0;
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
