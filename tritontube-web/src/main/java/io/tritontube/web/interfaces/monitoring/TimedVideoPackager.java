package io.tritontube.web.interfaces.monitoring;

import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.VideoPackager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.DoubleConsumer;

/** A packager that records how long each packaging run took, failed or not, in {@link SiteMetrics}. */
public final class TimedVideoPackager implements VideoPackager {

    private final VideoPackager packager;
    private final SiteMetrics metrics;

    public TimedVideoPackager(VideoPackager packager, SiteMetrics metrics) {
        this.packager = packager;
        this.metrics = metrics;
    }

    @Override
    public void packageDash(Path source, PackagingPlan plan, Path outputDirectory, DoubleConsumer progress)
            throws PackagingException, IOException {
        long started = System.nanoTime();
        try {
            packager.packageDash(source, plan, outputDirectory, progress);
        } finally {
            metrics.transcoded(plan.packaging(), Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
