package io.tritontube.systemtest.support;

import static org.awaitility.Awaitility.await;

import io.tritontube.testkit.MultipartUpload;
import io.tritontube.testkit.PayaraMicroServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Talks to one running TritonTube site over HTTP, as a browser or a script would. */
public final class SiteClient {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern RENDITIONS = Pattern.compile("\"renditions\"\\s*:\\s*\\[([^]]*)]");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]*)\"");

    private final PayaraMicroServer server;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public SiteClient(PayaraMicroServer server) {
        this.server = server;
    }

    public PayaraMicroServer server() {
        return server;
    }

    public URI uri(String path) {
        return server.uri(path);
    }

    /** Uploads {@code file} through {@code POST /upload} as if it were named {@code fileName}. */
    public HttpResponse<String> upload(Path file, String fileName) {
        return send(MultipartUpload.request(uri("/upload"), "file", fileName, file));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("request " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The video's status as {@code GET /api/videos/<id>} reports it. */
    public String status(String videoId) {
        HttpResponse<String> response = get("/api/videos/" + PathSegments.escape(videoId));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /api/videos/" + videoId + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher status = STATUS.matcher(response.body());
        if (!status.find()) {
            throw new AssertionError("no status in " + response.body());
        }
        return status.group(1);
    }

    /** Waits until the video is ready; fails at once, with the reason, if it failed. */
    public void awaitReady(String videoId, Duration atMost) {
        await("video '" + videoId + "' to be ready")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> readyOrFailWith(videoId));
    }

    private boolean readyOrFailWith(String videoId) {
        String status = status(videoId);
        if ("failed".equals(status)) {
            throw new AssertionError("video '" + videoId + "' failed: " + failure(videoId));
        }
        return "ready".equals(status);
    }

    private String failure(String videoId) {
        Matcher error = ERROR.matcher(get("/api/videos/" + PathSegments.escape(videoId)).body());
        return error.find() ? error.group(1) : "(no reason given)";
    }

    /** The renditions {@code GET /api/videos/<id>} lists for the video, {@code "640x480"}, largest first. */
    public List<String> renditions(String videoId) {
        Matcher listed = RENDITIONS.matcher(get("/api/videos/" + PathSegments.escape(videoId)).body());
        if (!listed.find() || listed.group(1).isBlank()) {
            return List.of();
        }
        return Pattern.compile(",").splitAsStream(listed.group(1)).map(name -> name.trim().replace("\"", "")).toList();
    }

    /** The DASH files a ready video is played from: its manifest and every file the manifest names. */
    public List<String> dashFilesOf(String videoId) {
        List<String> files = new ArrayList<>(List.of("manifest.mpd"));
        files.addAll(DashManifest.fileNames(getBytes(contentPath(videoId, "manifest.mpd")).body()));
        return files;
    }

    /**
     * The value of metric {@code name} in {@code GET /metrics} (Prometheus text), whatever its
     * labels; fails when the server does not report it.
     */
    public double metric(String name) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(get("/metrics").body());
        if (!sample.find()) {
            throw new AssertionError("GET /metrics does not report " + name);
        }
        return Double.parseDouble(sample.group(2));
    }

    /** The path of one of a video's files on the content route. */
    public static String contentPath(String videoId, String fileName) {
        return "/content/" + PathSegments.escape(videoId) + "/" + PathSegments.escape(fileName);
    }
}
