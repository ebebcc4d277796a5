package io.tritontube.systemtest.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content route of one ready video as players use it: the remux fast path's output with
 * its HLS playlists and stills, byte ranges and conditional requests, both before a file is in
 * the server's hot-file cache and after.
 */
@ExtendWith(EmbeddedSite.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentRouteTest {

    private static final String VIDEO = "ranges";

    @BeforeAll
    void uploadOneVideo(SiteClient site, @TempDir Path videos) {
        Path clip = SampleVideos.testPattern(videos, "clip.mp4", 6);
        assertEquals(303, site.upload(clip, VIDEO + ".mp4").statusCode());
        site.awaitReady(VIDEO, Duration.ofMinutes(2));
    }

    @Test
    void anH264UploadIsRemuxedAndItsFormatIsInTheApi(SiteClient site) {
        String json = site.get("/api/videos/" + VIDEO).body();

        assertTrue(json.contains("\"packaging\":\"remux\""), json);
        assertTrue(json.contains("\"renditions\":[\"320x240\"]"), json);
        assertTrue(json.contains("\"width\":320") && json.contains("\"height\":240"), json);
        assertTrue(json.matches(".*\"duration\":(5\\.9|6\\.0)\\d*.*"), json);
    }

    @Test
    void hlsPlaylistsAndStillsAreServedBesideTheManifest(SiteClient site) {
        HttpResponse<String> master = site.get(SiteClient.contentPath(VIDEO, "master.m3u8"));
        HttpResponse<String> media = site.get(SiteClient.contentPath(VIDEO, "media_0.m3u8"));
        HttpResponse<byte[]> poster = site.getBytes(SiteClient.contentPath(VIDEO, "poster.jpg"));
        HttpResponse<byte[]> thumbnail = site.getBytes(SiteClient.contentPath(VIDEO, "thumb.jpg"));

        assertEquals("application/vnd.apple.mpegurl", master.headers().firstValue("Content-Type").orElse(""));
        assertTrue(master.body().contains("media_0.m3u8") && master.body().contains("RESOLUTION=320x240"), master.body());
        assertTrue(media.body().contains("chunk-0-00001.m4s") && media.body().contains("#EXT-X-ENDLIST"), media.body());
        assertEquals("image/jpeg", poster.headers().firstValue("Content-Type").orElse(""));
        assertTrue(poster.body().length > 1000 && thumbnail.body().length > 500, "poster and thumbnail have pictures");
    }

    @Test
    void rangesAreServedAlikeFromTheStoreAndFromTheCache(SiteClient site) {
        String segment = SiteClient.contentPath(VIDEO, "chunk-0-00002.m4s");
        HttpResponse<byte[]> firstRange = range(site, segment, "bytes=10-99");
        byte[] whole = site.getBytes(segment).body();
        byte[] again = site.getBytes(segment).body();

        assertArrayEquals(whole, again);
        for (HttpResponse<byte[]> partial : new HttpResponse[] {firstRange, range(site, segment, "bytes=10-99")}) {
            assertEquals(206, partial.statusCode());
            assertEquals("bytes 10-99/" + whole.length, partial.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(whole, 10, 100), partial.body());
        }
        assertArrayEquals(Arrays.copyOfRange(whole, 100, whole.length), range(site, segment, "bytes=100-").body());
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 50, whole.length), range(site, segment, "bytes=-50").body());
        HttpResponse<byte[]> beyond = range(site, segment, "bytes=" + whole.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + whole.length, beyond.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void aRangeFromAFileNotYetCachedStartsAtTheRightByte(SiteClient site) {
        String segment = SiteClient.contentPath(VIDEO, "chunk-1-00001.m4s");
        HttpResponse<byte[]> tail = range(site, segment, "bytes=-20");
        HttpResponse<byte[]> middle = range(site, segment, "bytes=5-24");
        byte[] whole = site.getBytes(segment).body();

        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 20, whole.length), tail.body());
        assertArrayEquals(Arrays.copyOfRange(whole, 5, 25), middle.body());
    }

    @Test
    void conditionalRequestsUseTheEntityTag(SiteClient site) {
        String segment = SiteClient.contentPath(VIDEO, "chunk-0-00001.m4s");
        HttpResponse<byte[]> first = site.getBytes(segment);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> unchanged = site.send(HttpRequest.newBuilder(site.uri(segment)).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> staleRange = site.send(HttpRequest.newBuilder(site.uri(segment))
                .header("Range", "bytes=0-9").header("If-Range", "\"stale\"").build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> freshRange = site.send(HttpRequest.newBuilder(site.uri(segment))
                .header("Range", "bytes=0-9").header("If-Range", etag).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals("public, max-age=31536000, immutable", first.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(304, unchanged.statusCode());
        assertEquals(200, staleRange.statusCode());
        assertArrayEquals(first.body(), staleRange.body());
        assertEquals(206, freshRange.statusCode());
        assertArrayEquals(Arrays.copyOfRange(first.body(), 0, 10), freshRange.body());
    }

    @Test
    void headGivesTheLengthWithoutTheBody(SiteClient site) {
        String segment = SiteClient.contentPath(VIDEO, "init-0.m4s");
        long length = site.getBytes(segment).body().length;

        HttpResponse<byte[]> head = site.send(HttpRequest.newBuilder(site.uri(segment)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(Long.toString(length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, head.body().length);
    }

    private static HttpResponse<byte[]> range(SiteClient site, String path, String range) {
        return site.send(HttpRequest.newBuilder(site.uri(path)).header("Range", range).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
