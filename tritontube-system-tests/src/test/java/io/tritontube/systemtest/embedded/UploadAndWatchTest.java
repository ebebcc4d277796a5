package io.tritontube.systemtest.embedded;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.DashManifest;
import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.Ffmpeg;
import io.tritontube.systemtest.support.PathSegments;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedSite.class)
class UploadAndWatchTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);

    @TempDir
    Path videos;

    @Test
    void anUploadedVideoIsPackagedAsDashAndDecodesOverHttp(SiteClient site) {
        Path clip = SampleVideos.testPattern(videos, "clip.mp4", 6);

        HttpResponse<String> upload = site.upload(clip, "first-clip.mp4");

        assertEquals(303, upload.statusCode(), upload.body());
        assertTrue(upload.headers().firstValue("Location").orElseThrow().endsWith("/videos/first-clip"),
                "303 to the video's page: " + upload.headers().firstValue("Location"));
        site.awaitReady("first-clip", PROCESSING);

        HttpResponse<byte[]> manifest = site.getBytes(SiteClient.contentPath("first-clip", "manifest.mpd"));
        assertEquals(200, manifest.statusCode());
        assertEquals("application/dash+xml", mediaType(manifest));
        List<String> files = DashManifest.fileNames(manifest.body());
        assertTrue(files.contains("init-0.m4s") && files.contains("init-1.m4s"), "video and audio init segments: " + files);
        for (String file : files) {
            HttpResponse<byte[]> segment = site.getBytes(SiteClient.contentPath("first-clip", file));
            assertAll(file,
                    () -> assertEquals(200, segment.statusCode()),
                    () -> assertEquals(file.contains("-1") ? "audio/mp4" : "video/mp4", mediaType(segment)),
                    () -> assertEquals(Long.toString(segment.body().length), segment.headers().firstValue("Content-Length").orElse(null)),
                    () -> assertTrue(segment.body().length > 0));
        }
        assertNull(Ffmpeg.decodeFailure(site.uri(SiteClient.contentPath("first-clip", "manifest.mpd"))));
    }

    @Test
    void theVideoPageOffersAPlayerServedFromOurOwnOrigin(SiteClient site) {
        Path clip = SampleVideos.testPattern(videos, "page.mp4", 3);
        assertEquals(303, site.upload(clip, "page-clip.mp4").statusCode());
        site.awaitReady("page-clip", PROCESSING);

        HttpResponse<String> page = site.get("/videos/page-clip");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("page-clip"), "the id as heading");
        assertTrue(page.body().contains("/content/page-clip/manifest.mpd"), "the player's manifest");
        assertTrue(page.body().contains("/resources/js/dash.all.min.js"), "dash.js from our origin");
        assertTrue(!page.body().contains("cdn"), "no CDN");
        assertEquals(200, site.get("/resources/js/dash.all.min.js").statusCode());
    }

    @Test
    void namesWithSpacesUnicodeAndUrlCharactersRoundTrip(SiteClient site) {
        String id = "Café del Mar – ☕ 50% #1?";
        Path clip = SampleVideos.testPattern(videos, "unicode.mp4", 3);

        HttpResponse<String> upload = site.upload(clip, id + ".mp4");

        assertEquals(303, upload.statusCode(), upload.body());
        assertTrue(upload.headers().firstValue("Location").orElseThrow().endsWith("/videos/" + PathSegments.escape(id)),
                "Location escapes the id: " + upload.headers().firstValue("Location"));
        site.awaitReady(id, PROCESSING);
        assertEquals(200, site.get("/videos/" + PathSegments.escape(id)).statusCode());
        assertEquals(200, site.getBytes(SiteClient.contentPath(id, "manifest.mpd")).statusCode());
        HttpResponse<String> index = site.get("/");
        assertTrue(index.body().contains("/videos/" + PathSegments.escape(id)), "the list links to the escaped id");
    }

    @Test
    void theIndexOffersTheUploadFormAndListsVideosNewestFirst(SiteClient site) {
        Path clip = SampleVideos.testPattern(videos, "order.mp4", 2);
        assertEquals(303, site.upload(clip, "older.mp4").statusCode());
        assertEquals(303, site.upload(clip, "newer.mp4").statusCode());

        String index = site.get("/").body();

        assertTrue(index.contains("<title>TritonTube"), "titled TritonTube");
        assertTrue(index.contains("name=\"file\""), "an upload form with the file field");
        assertTrue(index.indexOf("/videos/newer") < index.indexOf("/videos/older"), "newest first");
        String api = site.get("/api/videos").body();
        assertTrue(api.indexOf("\"newer\"") < api.indexOf("\"older\""), "the JSON list is newest first too: " + api);
    }

    private static String mediaType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    }
}
