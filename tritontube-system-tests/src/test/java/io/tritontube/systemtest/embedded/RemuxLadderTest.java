package io.tritontube.systemtest.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.DashManifest;
import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.Ffmpeg;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remuxed upload is ready with its copied rendition alone, then gets its lower rung in the
 * background: the manifest and the HLS master playlist are replaced, and every file of both
 * rungs is served.
 */
@ExtendWith(EmbeddedSite.class)
class RemuxLadderTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);

    @TempDir
    Path videos;

    @Test
    void aRemuxedVideoIsReadyWithItsOwnRenditionThenServesA360pRungBesideIt(SiteClient site) {
        Path clip = SampleVideos.remuxable(videos, "ladder.mp4", 12, 640, 480);
        assertEquals(303, site.upload(clip, "remux-ladder.mp4").statusCode());
        site.awaitReady("remux-ladder", PROCESSING);
        HttpResponse<byte[]> firstManifest = site.getBytes(SiteClient.contentPath("remux-ladder", "manifest.mpd"));

        await("the 360p rung to join the video").atMost(PROCESSING).pollInterval(Duration.ofMillis(250))
                .until(() -> site.renditions("remux-ladder").equals(List.of("640x480", "480x360")));

        assertEquals("ready", site.status("remux-ladder"), "ready throughout");
        HttpResponse<byte[]> manifest = site.getBytes(SiteClient.contentPath("remux-ladder", "manifest.mpd"));
        assertEquals("public, max-age=10", manifest.headers().firstValue("Cache-Control").orElse(null));
        assertNotEquals(firstManifest.headers().firstValue("ETag"), manifest.headers().firstValue("ETag"),
                "the rewritten manifest has a new entity tag");
        List<String> files = DashManifest.fileNames(manifest.body());
        assertTrue(files.containsAll(List.of("init-0.m4s", "init-1.m4s", "init-2.m4s", "chunk-2-00001.m4s")),
                "copied video, audio and 360p: " + files);
        assertEquals(files.stream().filter(file -> file.startsWith("chunk-0-")).count(),
                files.stream().filter(file -> file.startsWith("chunk-2-")).count(), "as many 360p segments as copied ones");
        for (String file : files) {
            HttpResponse<byte[]> served = site.getBytes(SiteClient.contentPath("remux-ladder", file));
            assertAll(file,
                    () -> assertEquals(200, served.statusCode()),
                    () -> assertEquals(file.contains("-1") ? "audio/mp4" : "video/mp4",
                            served.headers().firstValue("Content-Type").orElse("").split(";")[0]),
                    () -> assertTrue(served.body().length > 0));
        }
        String master = site.get(SiteClient.contentPath("remux-ladder", "master.m3u8")).body();
        assertTrue(master.contains("RESOLUTION=480x360") && master.contains("media_2.m3u8"), master);
        assertEquals(200, site.get(SiteClient.contentPath("remux-ladder", "media_2.m3u8")).statusCode());
        assertNull(Ffmpeg.decodeFailure(site.uri(SiteClient.contentPath("remux-ladder", "manifest.mpd"))));
    }
}
