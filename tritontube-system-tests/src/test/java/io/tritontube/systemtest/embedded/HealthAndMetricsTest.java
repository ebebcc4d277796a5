package io.tritontube.systemtest.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.SampleVideos;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What an operator's probes and Prometheus read, on the site's own port. */
@ExtendWith(EmbeddedSite.class)
class HealthAndMetricsTest {

    @TempDir
    Path files;

    @Test
    void readinessReportsTheMetadataAndContentStores(SiteClient site) {
        HttpResponse<String> ready = site.get("/health/ready");

        assertEquals(200, ready.statusCode(), ready.body());
        String body = ready.body().replace(" ", "");
        assertTrue(body.startsWith("{\"status\":\"UP\""), body);
        assertTrue(body.contains("{\"name\":\"metadata-store\",\"status\":\"UP\""), body);
        assertTrue(body.contains("{\"name\":\"content-store\",\"status\":\"UP\""), body);
        assertEquals(200, site.get("/health").statusCode());
    }

    @Test
    void metricsCountUploadsTranscodingAndServedBytesInPrometheusFormat(SiteClient site) {
        double acceptedBefore = figure(site, "tritontube_uploads_accepted_total{mp_scope=\"application\",via=\"form\"}");
        double servedBefore = figure(site, "tritontube_served_bytes_total{mp_scope=\"application\"}");
        Path clip = SampleVideos.testPattern(files, "counted.mp4", 1);
        assertEquals(303, site.upload(clip, "counted.mp4").statusCode());
        site.awaitReady("counted", Duration.ofMinutes(3));
        int manifestBytes = site.getBytes(SiteClient.contentPath("counted", "manifest.mpd")).body().length;
        assertEquals(400, site.upload(files.resolve("counted.mp4"), "..mp4").statusCode());

        HttpResponse<String> metrics = site.get("/metrics");

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(acceptedBefore + 1, figure(site, "tritontube_uploads_accepted_total{mp_scope=\"application\",via=\"form\"}"));
        assertTrue(figure(site, "tritontube_uploads_refused_total{mp_scope=\"application\",status=\"400\"}") >= 1);
        assertTrue(figure(site, "tritontube_served_bytes_total{mp_scope=\"application\"}") >= servedBefore + manifestBytes);
        assertTrue(figure(site, "tritontube_transcode_seconds_count{mp_scope=\"application\",packaging=\"remux\"}") >= 1, metrics.body());
    }

    /** One sample's value in {@code /metrics}; 0 when the series does not exist yet. */
    private static double figure(SiteClient site, String series) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(site.get("/metrics").body());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
