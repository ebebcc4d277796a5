package io.tritontube.systemtest.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Finding a video in the list by search and thumbnail, and deleting it from its page. */
@ExtendWith({EmbeddedSite.class, BrowserSession.class})
class FindAndDeleteInBrowserTest {

    @TempDir
    Path files;

    @Test
    void aVideoFoundBySearchIsDeletedFromItsPageAfterConfirmation(SiteClient site, Browser browser) {
        Path clip = SampleVideos.testPattern(files, "find.mp4", 3);
        assertEquals(303, site.upload(clip, "Browser find me.mp4").statusCode());
        site.awaitReady("Browser find me", Duration.ofMinutes(3));
        browser.get(site.uri("/").toString());
        browser.screenshot("index");
        browser.resize(Browser.PHONE);
        browser.screenshot("index-phone");
        browser.resize(Browser.DESKTOP);

        browser.find("#q").sendKeys("FIND me");
        browser.find("form.search button").click();
        browser.await("the search results", Duration.ofSeconds(10), ExpectedConditions.urlContains("q=FIND+me"));
        WebElement found = browser.find("li.video-item");
        assertEquals("Browser find me", found.findElement(By.cssSelector(".video-link")).getText());
        assertEquals(1, browser.driver().findElements(By.cssSelector("li.video-item")).size(), "only the match is listed");
        WebElement thumbnail = found.findElement(By.cssSelector(".video-thumb img"));
        browser.await("the thumbnail to load", Duration.ofSeconds(10),
                page -> ((Number) browser.script("return arguments[0].naturalWidth;", thumbnail)).intValue() > 0);
        browser.screenshot("index-search");

        found.findElement(By.cssSelector(".video-link")).click();
        browser.await("the video's page", Duration.ofSeconds(10), ExpectedConditions.urlContains("/videos/Browser%20find%20me"));
        browser.find("#delete-button").click();
        Alert kept = browser.await("the confirmation", Duration.ofSeconds(5), ExpectedConditions.alertIsPresent());
        assertTrue(kept.getText().startsWith("Delete “Browser find me”?"), kept.getText());
        kept.dismiss();
        assertEquals(200, site.get("/api/videos/Browser%20find%20me").statusCode(), "dismissed: still there");

        browser.find("#delete-button").click();
        browser.await("the confirmation", Duration.ofSeconds(5), ExpectedConditions.alertIsPresent()).accept();

        browser.await("the index", Duration.ofSeconds(30), ExpectedConditions.urlContains("deleted="));
        assertEquals("“Browser find me” was deleted, with all its files.", browser.find(".notice").getText());
        browser.screenshot("index-deleted");
        assertEquals(404, site.get("/api/videos/Browser%20find%20me").statusCode());
        assertEquals(404, site.getBytes(SiteClient.contentPath("Browser find me", "thumb.jpg")).statusCode());
    }
}
