package io.tritontube.systemtest.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Uploading through the index page's form, then watching on the video's page. */
@ExtendWith({EmbeddedSite.class, BrowserSession.class})
class UploadAndWatchInBrowserTest {

    private static final Duration PROCESSING = Duration.ofMinutes(3);
    /** Slow enough that an upload of a few hundred KiB takes seconds, so that its progress can be seen. */
    private static final int SLOW_UPLINK_BYTES_PER_SECOND = 64 * 1024;

    @TempDir
    Path files;

    @Test
    void anUploadShowsItsProgressThenThePagePlaysTheVideoAndSwitchesQuality(SiteClient site, Browser browser) {
        // MPEG-4 Part 2 at 640x480: the site transcodes it into two rungs, 480p and 360p.
        Path clip = SampleVideos.needingTranscode(files, "Browser ladder.mp4", 12, 640, 480);
        browser.get(site.uri("/").toString());
        browser.throttleUploads(SLOW_UPLINK_BYTES_PER_SECOND);

        browser.find("#file").sendKeys(clip.toString());
        browser.find("#upload-button").click();

        browser.await("the upload's progress bar to move", Duration.ofSeconds(30), page -> {
            double percent = Double.parseDouble(browser.find("#upload-bar").getDomProperty("value"));
            return percent > 0 && percent < 100;
        });
        assertTrue(browser.find("#upload-progress").isDisplayed());
        String progress = browser.find("#upload-text").getText();
        assertTrue(progress.matches("\\d+% \\(.+ of .+ KiB\\)"), "bytes and percent: " + progress);
        browser.screenshot("index-uploading");
        browser.restoreNetwork();

        browser.await("the video's page", Duration.ofSeconds(60), ExpectedConditions.urlContains("/videos/Browser%20ladder"));
        browser.await("the player, once processing is done", PROCESSING, ExpectedConditions.presenceOfElementLocated(
                By.id("player")));
        WebElement player = browser.find("#player");
        browser.script("arguments[0].loop = true; arguments[0].play();", player);
        browser.await("playback to advance", Duration.ofSeconds(30), page -> currentTime(browser, player) > 1.0);
        browser.screenshot("video");

        switchesBetween480pAnd360p(browser, player, "video-quality-");
    }

    @Test
    void aRemuxedVideoPlaysAtOnceThenOffersItsLowerRungAfterAReload(SiteClient site, Browser browser) {
        // H.264/AAC at 640x480: remuxed and ready at 480p alone; its 360p rung follows in the background.
        Path clip = SampleVideos.remuxable(files, "Browser remux.mp4", 12, 640, 480);
        assertEquals(303, site.upload(clip, "Browser remux.mp4").statusCode());
        site.awaitReady("Browser remux", PROCESSING);
        String page = site.uri("/videos/Browser%20remux").toString();
        browser.get(page);
        WebElement player = browser.find("#player");
        browser.script("arguments[0].loop = true; arguments[0].play();", player);
        browser.await("playback to advance", Duration.ofSeconds(30), loaded -> currentTime(browser, player) > 1.0);

        await("the 360p rung to join the video").atMost(PROCESSING).pollInterval(Duration.ofMillis(500))
                .until(() -> site.renditions("Browser remux").size() == 2);
        // The browser may keep the manifest it has for its max-age of 10 s, as a viewer's would: reload until it is the new one.
        await("a reloaded page to offer the 360p rung").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> qualitiesAfterLoading(browser, page) == 2);
        WebElement reloaded = browser.find("#player");
        browser.script("arguments[0].loop = true; arguments[0].play();", reloaded);
        browser.await("playback to advance after the reload", Duration.ofSeconds(30), loaded -> currentTime(browser, reloaded) > 1.0);
        switchesBetween480pAnd360p(browser, reloaded, "video-remux-quality-");
    }

    /** How many renditions the video page's player finds in the manifest, once it has read it. */
    private static long qualitiesAfterLoading(Browser browser, String page) {
        browser.get(page);
        browser.await("the player to read the manifest", Duration.ofSeconds(30),
                loaded -> new Select(browser.find("#quality")).getOptions().size() > 1);
        return new Select(browser.find("#quality")).getOptions().size() - 1;
    }

    /** The quality menu offers both rungs, and choosing the one not playing switches the picture to it. */
    private static void switchesBetween480pAnd360p(Browser browser, WebElement player, String screenshotPrefix) {
        browser.await("the quality menu", Duration.ofSeconds(30), ExpectedConditions.visibilityOf(browser.find("#player-controls")));
        Select quality = new Select(browser.find("#quality"));
        assertEquals(List.of("Auto", "480p", "360p"), quality.getOptions().stream().map(WebElement::getText).toList());
        long playing = videoHeight(browser, player);
        long other = playing == 480 ? 360 : 480;
        quality.selectByVisibleText(other + "p");
        browser.await("the picture to switch to " + other + "p", Duration.ofSeconds(30), page -> videoHeight(browser, player) == other);
        browser.await("the page to say so", Duration.ofSeconds(10),
                ExpectedConditions.textToBe(By.id("quality-now"), "Playing " + other + "p"));
        assertTrue(currentTime(browser, player) > 1.0, "still playing");
        browser.screenshot(screenshotPrefix + other + "p");
    }

    @Test
    void anUploadCutOffByALostConnectionResumesWhereItStopped(SiteClient site, Browser browser) {
        Path clip = SampleVideos.needingTranscode(files, "Browser resumed.mp4", 12, 320, 240);
        try (CuttableProxy network = new CuttableProxy(site.server().port())) {
            browser.get("http://127.0.0.1:" + network.port() + "/");
            browser.throttleUploads(SLOW_UPLINK_BYTES_PER_SECOND);
            browser.find("#file").sendKeys(clip.toString());
            browser.find("#upload-button").click();
            browser.await("part of the upload to be sent", Duration.ofSeconds(30),
                    page -> Double.parseDouble(browser.find("#upload-bar").getDomProperty("value")) >= 20);

            network.cut(true);
            browser.await("the page to say the connection was lost", Duration.ofSeconds(30),
                    ExpectedConditions.textToBePresentInElementLocated(By.id("upload-text"), "Connection lost"));
            browser.screenshot("index-upload-interrupted");
            URI upload = site.uri(URI.create((String) browser.script(
                    "for (const key of Object.keys(localStorage)) {"
                            + "  if (key.startsWith('tus::')) { return JSON.parse(localStorage.getItem(key)).uploadUrl; }"
                            + "}"
                            + "return null;")).getRawPath());
            await("the server to keep what arrived before the cut").atMost(Duration.ofSeconds(30))
                    .until(() -> offset(site, upload) > 0);
            network.setDown(false);
            browser.restoreNetwork();

            browser.await("the video's page", Duration.ofMinutes(2), ExpectedConditions.urlContains("/videos/Browser%20resumed"));
            HttpResponse<String> finished = head(site, upload);
            assertEquals(200, finished.statusCode(), "the same upload finished: it resumed rather than started over");
            assertEquals("/videos/Browser%20resumed", finished.headers().firstValue("TritonTube-Video-Page").orElse(null));
        }
        site.awaitReady("Browser resumed", PROCESSING);
    }

    private static double currentTime(Browser browser, WebElement player) {
        return ((Number) browser.script("return arguments[0].currentTime;", player)).doubleValue();
    }

    private static long videoHeight(Browser browser, WebElement player) {
        return ((Number) browser.script("return arguments[0].videoHeight;", player)).longValue();
    }

    private static HttpResponse<String> head(SiteClient site, URI upload) {
        return site.send(HttpRequest.newBuilder(upload).header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    private static long offset(SiteClient site, URI upload) {
        HttpResponse<String> status = head(site, upload);
        assertEquals(200, status.statusCode(), "HEAD " + upload);
        return Long.parseLong(status.headers().firstValue("Upload-Offset").orElseThrow());
    }
}
