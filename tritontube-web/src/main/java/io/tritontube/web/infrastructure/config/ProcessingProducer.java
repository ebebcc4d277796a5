package io.tritontube.web.infrastructure.config;

import io.tritontube.web.application.WorkArea;
import io.tritontube.web.application.media.MediaInspector;
import io.tritontube.web.application.media.RungEncoder;
import io.tritontube.web.application.media.VideoPackager;
import io.tritontube.web.infrastructure.transcoding.FfmpegDashPackager;
import io.tritontube.web.infrastructure.transcoding.FfmpegRungEncoder;
import io.tritontube.web.infrastructure.transcoding.FfprobeMediaInspector;
import io.tritontube.web.interfaces.monitoring.SiteMetrics;
import io.tritontube.web.interfaces.monitoring.TimedVideoPackager;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Builds what processing needs from the settings: the ffprobe inspector, the ffmpeg packager
 * (timed in the site's metrics), the encoder of remuxed videos' lower rungs and the work
 * area. The tools' threads come from the container's managed thread factory.
 */
@ApplicationScoped
public class ProcessingProducer {

    private static final int LADDER_NICENESS = 10;

    @Inject
    TritonTubeSettings settings;

    @Inject
    SiteMetrics metrics;

    @Resource
    ManagedThreadFactory threadFactory;

    @Produces
    @Singleton
    MediaInspector mediaInspector() {
        return new FfprobeMediaInspector(settings.ffprobe(), threadFactory);
    }

    @Produces
    @Singleton
    VideoPackager videoPackager() {
        return new TimedVideoPackager(new FfmpegDashPackager(settings.ffmpeg(), settings.transcodeTimeout(), threadFactory), metrics);
    }

    /**
     * The remuxed videos' lower rungs, encoded at niceness {@value #LADDER_NICENESS}: about a
     * tenth of the processors' time when anything at the normal priority (a viewer's reads, an
     * upload's packaging) wants them, all of it otherwise.
     */
    @Produces
    @Singleton
    RungEncoder rungEncoder() {
        return new FfmpegRungEncoder(settings.ffmpeg(), LADDER_NICENESS, settings.transcodeTimeout(), threadFactory);
    }

    @Produces
    @Singleton
    WorkArea workArea() throws IOException {
        return new WorkArea(settings.workDir());
    }
}
