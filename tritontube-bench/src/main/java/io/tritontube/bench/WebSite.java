package io.tritontube.bench;

import static org.awaitility.Awaitility.await;

import io.tritontube.testkit.MultipartUpload;
import io.tritontube.testkit.PayaraMicroServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The site on the real Payara Micro, as an uploader uses it: the upload form, then the JSON API. */
final class WebSite {

    /** What the upload route answers when it accepted the file; anything else is a failure. */
    private static final Set<Integer> ACCEPTED = Set.of(200, 201, 202, 303);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final PayaraMicroServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    WebSite(PayaraMicroServer server) {
        this.server = server;
    }

    /** Posts {@code file} as {@code <id>.mp4} through the upload form and returns once it was accepted. */
    void upload(String id, Path file) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                MultipartUpload.request(server.uri("/upload"), "file", id + ".mp4", file), HttpResponse.BodyHandlers.ofString());
        if (!ACCEPTED.contains(response.statusCode())) {
            throw new IOException("upload of " + id + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Waits until the video is ready and returns its record; fails at once, with the reason, if it failed. */
    JsonObject awaitReady(String id, Duration atMost) {
        JsonObject[] last = new JsonObject[1];
        await("video " + id + " to be ready").atMost(atMost).pollInterval(POLL_INTERVAL).until(() -> {
            last[0] = video(id);
            String status = last[0].getString("status");
            if (status.equals("failed")) {
                throw new IllegalStateException("video " + id + " failed: " + last[0].getString("error", "?"));
            }
            return status.equals("ready");
        });
        return last[0];
    }

    /** Waits until a ready remuxed video has more than its copied rendition: its background rungs are done. */
    void awaitLowerRungs(String id, Duration atMost) {
        await("video " + id + " to get its lower rungs").atMost(atMost).pollInterval(POLL_INTERVAL)
                .until(() -> video(id).getJsonArray("renditions").size() > 1);
    }

    JsonObject video(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.uri("/api/videos/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/videos/" + id + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
