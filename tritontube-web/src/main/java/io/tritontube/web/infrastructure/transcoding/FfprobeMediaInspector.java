package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.MediaInfo;
import io.tritontube.web.application.media.MediaInspector;
import io.tritontube.web.application.media.UnreadableMediaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Inspects a file with {@code ffprobe -print_format json -show_format -show_streams}: reads
 * only the container's headers, so it answers in well under a second even for large files.
 */
public final class FfprobeMediaInspector implements MediaInspector {

    /** Generous: a sane file is probed in milliseconds; a hostile one must not hold a request thread. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String ffprobe;
    private final ToolRunner runner;

    public FfprobeMediaInspector(String ffprobe, ThreadFactory threadFactory) {
        this.ffprobe = ffprobe;
        this.runner = new ToolRunner(threadFactory);
    }

    @Override
    public MediaInfo inspect(Path file) throws UnreadableMediaException, IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ToolRunner.Outcome outcome = runner.run(
                ToolRunner.literalCommand(ffprobe, List.of(
                        "-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                        file.toAbsolutePath().toString())),
                file.toAbsolutePath().getParent(), TIMEOUT, json);
        if (outcome.timedOut()) {
            throw new UnreadableMediaException("the file could not be read as a video: inspecting it took longer than "
                    + TIMEOUT.toSeconds() + " s");
        }
        if (!outcome.succeeded()) {
            String reason = outcome.stderr().reason("ffprobe exit code " + outcome.exitCode())
                    .replace(file.toAbsolutePath().toString(), "the upload");
            throw new UnreadableMediaException("the file could not be read as a video: " + reason);
        }
        return FfprobeReport.parse(json.toString(StandardCharsets.UTF_8));
    }
}
