package io.tritontube.systemtest.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class: Debian's {@code /usr/bin/chromium} through
 * {@code /usr/bin/chromedriver}, both named explicitly so that Selenium Manager never looks
 * for (or downloads) anything, with a fresh profile of its own.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    static Browser open() {
        try {
            Path profile = Files.createTempDirectory("tritontube-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile,
                    // Lets the test start playback from a script, as a click on play would.
                    "--autoplay-policy=no-user-gesture-required", "--mute-audio");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(DESKTOP);
            return new Browser(profile, driver);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a profile folder for Chromium", e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void get(String url) {
        driver.get(url);
    }

    WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    /** Runs {@code script} in the page; {@code arguments[0]...} are {@code args}. */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits for {@code condition}, polling every 100 ms, at most {@code atMost}. */
    <T> T await(String what, Duration atMost, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, atMost, Duration.ofMillis(100)).withMessage(what).until(condition);
    }

    /**
     * Sends at most {@code bytesPerSecond} upwards, as a slow uplink would. (Chromium's own
     * offline mode cannot stand for a dropped connection: it lets requests already under way
     * finish. {@link CuttableProxy} cuts them.)
     */
    void throttleUploads(int bytesPerSecond) {
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setUploadThroughput(bytesPerSecond);
        slow.setDownloadThroughput(-1);
        slow.setLatency(Duration.ZERO);
        driver.setNetworkConditions(slow);
    }

    void restoreNetwork() {
        driver.deleteNetworkConditions();
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves what the page shows to {@code <screenshots dir>/<name>.png}, a test artifact. */
    Path screenshot(String name) {
        try {
            Path directory = Path.of(System.getProperty("tritontube.screenshots.dir", "target/screenshots"));
            Files.createDirectories(directory);
            Path target = directory.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove Chromium's profile " + profile, e);
        }
    }
}
