package io.tritontube.systemtest.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Resumable uploads by the tus protocol at /api/uploads, as tus-js-client or any other tus client sends them. */
@ExtendWith(EmbeddedSite.class)
class ResumableUploadTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);

    @TempDir
    Path files;

    @Test
    void anUploadCutOffMidChunkResumesFromTheOffsetTheServerReports(SiteClient site) throws IOException {
        byte[] video = Files.readAllBytes(SampleVideos.testPattern(files, "resumed.mp4", 4));
        int firstChunk = video.length / 3;
        URI upload = create(site, "resumed clip.mp4", video.length);
        HttpResponse<String> first = patch(site, upload, 0, Arrays.copyOfRange(video, 0, firstChunk));
        assertEquals(204, first.statusCode(), first.body());
        assertEquals(Long.toString(firstChunk), first.headers().firstValue("Upload-Offset").orElse(null));

        // The next chunk's connection breaks halfway through: what arrived stays, the rest is sent again.
        int arrived = (video.length - firstChunk) / 2;
        sendCutShort(site, upload, firstChunk, video, arrived);
        long resumeFrom = firstChunk + arrived;
        await("the server to keep the bytes that arrived before the break").atMost(Duration.ofSeconds(30))
                .until(() -> offset(site, upload) == resumeFrom);
        HttpResponse<String> last = patch(site, upload, resumeFrom, Arrays.copyOfRange(video, (int) resumeFrom, video.length));

        assertEquals(204, last.statusCode(), last.body());
        assertEquals("/videos/resumed%20clip", last.headers().firstValue("TritonTube-Video-Page").orElse(null));
        site.awaitReady("resumed clip", PROCESSING);
        assertEquals(200, site.getBytes(SiteClient.contentPath("resumed clip", "manifest.mpd")).statusCode());
        HttpResponse<String> afterwards = head(site, upload);
        assertEquals(200, afterwards.statusCode(), "a client that lost the last answer can still ask where its video went");
        assertEquals(Long.toString(video.length), afterwards.headers().firstValue("Upload-Offset").orElse(null));
        assertEquals("/videos/resumed%20clip", afterwards.headers().firstValue("TritonTube-Video-Page").orElse(null));
    }

    @Test
    void creationRefusesWhatTheFormRefusesBeforeAnyByteIsSent(SiteClient site) {
        assertEquals(303, site.upload(SampleVideos.testPattern(files, "taken.mp4", 1), "taken by the form.mp4").statusCode());

        assertRefused(409, creation(site, "taken by the form.mp4", 1000));
        assertRefused(413, creation(site, "too big.mp4", EmbeddedSite.UPLOAD_LIMIT_BYTES + 1));
        assertRefused(400, creation(site, "empty.mp4", 0));
        assertRefused(400, creation(site, "../escape.mp4", 1000));
        assertRefused(400, creation(site, null, 1000));
    }

    @Test
    void bytesThatAreNotMp4AreRefusedAsSoonAsTheFirstOnesArrive(SiteClient site) {
        URI upload = create(site, "not a video.mp4", 1_000_000);

        HttpResponse<String> chunk = patch(site, upload, 0, "these are not the frames you are looking for".getBytes(StandardCharsets.UTF_8));

        assertRefused(400, chunk);
        assertEquals(404, head(site, upload).statusCode(), "the refused upload is gone");
    }

    @Test
    void anIdTakenWhileTheUploadWasUnderWayIsRefusedAtItsEnd(SiteClient site) throws IOException {
        Path clip = SampleVideos.testPattern(files, "race.mp4", 1);
        URI upload = create(site, "raced.mp4", Files.size(clip));
        assertEquals(303, site.upload(clip, "raced.mp4").statusCode());

        assertRefused(409, patch(site, upload, 0, Files.readAllBytes(clip)));
        assertEquals(404, head(site, upload).statusCode());
    }

    @Test
    void requestsOutsideTheProtocolAreRefusedWithItsStatuses(SiteClient site) {
        URI upload = create(site, "protocol.mp4", 1000);

        HttpResponse<String> noVersion = site.send(HttpRequest.newBuilder(site.uri("/api/uploads"))
                .header("Upload-Length", "1000").POST(HttpRequest.BodyPublishers.noBody()).build());
        HttpResponse<String> wrongOffset = patch(site, upload, 10, new byte[] {1, 2, 3});
        HttpResponse<String> wrongType = site.send(HttpRequest.newBuilder(upload).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0").header("Content-Type", "application/octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build());
        HttpResponse<String> options = site.send(HttpRequest.newBuilder(site.uri("/api/uploads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertRefused(412, noVersion);
        assertEquals("1.0.0", noVersion.headers().firstValue("Tus-Version").orElse(null));
        assertRefused(409, wrongOffset);
        assertEquals(415, wrongType.statusCode());
        assertEquals(0, offset(site, upload), "nothing was appended");
        assertEquals(Long.toString(EmbeddedSite.UPLOAD_LIMIT_BYTES), options.headers().firstValue("Tus-Max-Size").orElse(null));
        assertTrue(options.headers().firstValue("Tus-Extension").orElse("").contains("creation"));
        assertEquals(404, head(site, site.uri("/api/uploads/00000000-0000-4000-8000-000000000000")).statusCode());
    }

    private static URI create(SiteClient site, String fileName, long length) {
        HttpResponse<String> created = creation(site, fileName, length);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("1.0.0", created.headers().firstValue("Tus-Resumable").orElse(null));
        return URI.create(created.headers().firstValue("Location").orElseThrow());
    }

    private static HttpResponse<String> creation(SiteClient site, String fileName, long length) {
        HttpRequest.Builder request = HttpRequest.newBuilder(site.uri("/api/uploads"))
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length));
        if (fileName != null) {
            request.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8))
                    + ",filetype " + Base64.getEncoder().encodeToString("video/mp4".getBytes(StandardCharsets.UTF_8)));
        }
        return site.send(request.POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static HttpResponse<String> patch(SiteClient site, URI upload, long offset, byte[] chunk) {
        return site.send(HttpRequest.newBuilder(upload)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk))
                .build());
    }

    private static HttpResponse<String> head(SiteClient site, URI upload) {
        return site.send(HttpRequest.newBuilder(upload).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    private static long offset(SiteClient site, URI upload) {
        HttpResponse<String> status = head(site, upload);
        assertEquals(200, status.statusCode());
        return Long.parseLong(status.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /**
     * A PATCH that announces the whole rest of the file but sends only {@code arrived} bytes
     * of it before its connection closes, as when a network drops mid-chunk.
     */
    private static void sendCutShort(SiteClient site, URI upload, int offset, byte[] video, int arrived) throws IOException {
        String head = "PATCH " + upload.getRawPath() + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + site.server().port() + "\r\n"
                + "Tus-Resumable: 1.0.0\r\n"
                + "Upload-Offset: " + offset + "\r\n"
                + "Content-Type: application/offset+octet-stream\r\n"
                + "Content-Length: " + (video.length - offset) + "\r\n\r\n";
        try (Socket connection = new Socket("127.0.0.1", site.server().port())) {
            OutputStream out = connection.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(video, offset, arrived);
            out.flush();
        }
    }

    private static void assertRefused(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"error\""), "a JSON error with the reason: " + response.body());
    }
}
