package io.tritontube.systemtest.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.PathSegments;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Searching the list by title, and deleting a video with everything it stored. */
@ExtendWith(EmbeddedSite.class)
class FindAndDeleteTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);

    @TempDir
    Path files;

    @Test
    void deletingRemovesRecordFilesAndPageAndDeletingTwiceIsHarmless(SiteClient site) {
        Path clip = SampleVideos.testPattern(files, "doomed.mp4", 2);
        assertEquals(303, site.upload(clip, "doomed clip.mp4").statusCode());
        site.awaitReady("doomed clip", PROCESSING);
        String manifest = SiteClient.contentPath("doomed clip", "manifest.mpd");
        assertEquals(200, site.getBytes(manifest).statusCode());

        HttpResponse<String> first = delete(site, "doomed clip");
        HttpResponse<String> second = delete(site, "doomed clip");

        assertEquals(204, first.statusCode(), first.body());
        assertEquals(404, second.statusCode(), "the second delete finds nothing to delete: " + second.body());
        assertEquals(404, site.get("/api/videos/doomed%20clip").statusCode());
        assertEquals(404, site.get("/videos/doomed%20clip").statusCode());
        assertEquals(404, site.getBytes(manifest).statusCode(), "the files are gone too");
        assertEquals(404, site.getBytes(SiteClient.contentPath("doomed clip", "init-0.m4s")).statusCode());
        assertFalse(site.get("/").body().contains("doomed"), "no longer listed");
        assertEquals(303, site.upload(clip, "doomed clip.mp4").statusCode(), "the title is free again");
    }

    @Test
    void theDeleteButtonWithoutJavaScriptAsksForConfirmationFirst(SiteClient site) {
        assertEquals(303, site.upload(SampleVideos.testPattern(files, "confirm.mp4", 1), "confirm me.mp4").statusCode());

        HttpResponse<String> confirmation = postForm(site, "/videos/confirm%20me/delete", "confirmed=no");
        assertEquals(200, confirmation.statusCode());
        assertTrue(confirmation.body().contains("Delete “confirm me”?"), "asks: " + confirmation.body());
        assertEquals(200, site.get("/api/videos/confirm%20me").statusCode(), "nothing deleted yet");

        HttpResponse<String> confirmed = postForm(site, "/videos/confirm%20me/delete", "confirmed=yes");
        assertEquals(303, confirmed.statusCode());
        assertEquals("/?deleted=confirm+me", confirmed.headers().firstValue("Location").orElse(null));
        assertTrue(site.get("/?deleted=confirm+me").body().contains("“confirm me” was deleted"), "the index says so");
        assertEquals(404, site.get("/api/videos/confirm%20me").statusCode());
    }

    @Test
    void retryingAFailedVideoRemovesItAndInvitesToUploadAgain(SiteClient site) {
        assertEquals(303, site.upload(SampleVideos.testPattern(files, "retry.mp4", 1), "retry me.mp4").statusCode());

        HttpResponse<String> retry = postForm(site, "/videos/retry%20me/delete", "confirmed=yes&then=upload");

        assertEquals(303, retry.statusCode());
        assertTrue(retry.headers().firstValue("Location").orElse("").startsWith("/?retry=retry+me"));
        assertTrue(site.get("/?retry=retry+me").body().contains("Choose its file again"));
        assertEquals(404, site.get("/api/videos/retry%20me").statusCode());
    }

    @Test
    void theListIsSearchedByTitleIgnoringCase(SiteClient site) {
        Path clip = SampleVideos.testPattern(files, "search.mp4", 1);
        for (String title : new String[] {"Holiday in Crete 2026", "crete again", "Cat video"}) {
            assertEquals(303, site.upload(clip, title + ".mp4").statusCode());
        }

        String api = site.get("/api/videos?q=CRETE").body();
        String page = site.get("/?q=CRETE").body();
        String nothing = site.get("/?q=" + PathSegments.escape("no such title")).body();

        assertTrue(api.indexOf("\"crete again\"") >= 0 && api.indexOf("\"crete again\"") < api.indexOf("\"Holiday in Crete 2026\""),
                "both matches, newest first: " + api);
        assertFalse(api.contains("Cat video"));
        assertTrue(page.contains("/videos/Holiday%20in%20Crete%202026") && page.contains("/videos/crete%20again"));
        assertFalse(page.contains("/videos/Cat%20video"));
        assertTrue(page.contains("value=\"CRETE\""), "the search box keeps the search");
        assertTrue(nothing.contains("No videos have “no such title” in their title"), "an empty result says so");
        assertEquals(400, site.get("/api/videos?q=" + "x".repeat(200)).statusCode());
    }

    private static HttpResponse<String> delete(SiteClient site, String id) {
        return site.send(HttpRequest.newBuilder(site.uri("/api/videos/" + PathSegments.escape(id))).DELETE().build());
    }

    private static HttpResponse<String> postForm(SiteClient site, String path, String form) {
        return site.send(HttpRequest.newBuilder(site.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }
}
