package io.tritontube.bench;

import io.tritontube.testkit.TempFolders;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.infrastructure.transcoding.FfmpegDashPackager;
import io.tritontube.web.infrastructure.transcoding.FfmpegRungEncoder;
import io.tritontube.web.infrastructure.transcoding.FfprobeMediaInspector;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Figure 3: from the first byte of the upload to the video being ready (packaged, every file
 * stored, status ready), as a fraction of the video's duration: a 10-minute 720p H.264/AAC
 * MP4 that takes the remux path, and a 2-minute 720p MPEG-4 Part 2 MP4 that must be
 * transcoded into the ladder. The server is the real Payara Micro, fs content, SQLite.
 */
final class UploadBenchmark {

    private static final Duration READY_WITHIN = Duration.ofMinutes(15);
    /** The web tier's niceness for lower rungs (ProcessingProducer). */
    private static final int LADDER_NICENESS = 10;

    private final WebSite site;
    private final BenchMedia media;

    UploadBenchmark(WebSite site, BenchMedia media) {
        this.site = site;
        this.media = media;
    }

    /** @return the id of a ready 10-minute video, whose segments figure 2 reads */
    String run(Report report, int runs) throws Exception {
        List<Double> remux = new ArrayList<>();
        List<Double> transcode = new ArrayList<>();
        List<Double> transcodeCpu = new ArrayList<>();
        JsonObject remuxed = null;
        JsonObject transcoded = null;
        for (int run = 1; run <= runs; run++) {
            String remuxId = "remux-" + run;
            String transcodeId = "transcode-" + run;
            remux.add(Timed.of(() -> uploadToReady(remuxId, media.remuxUpload())).seconds());
            remuxed = site.video(remuxId);
            // Its lower rung is encoded after ready; measuring on top of it would charge its CPU to the next upload.
            site.awaitLowerRungs(remuxId, READY_WITHIN);
            Timed transcoding = Timed.of(() -> uploadToReady(transcodeId, media.transcodeUpload()));
            transcode.add(transcoding.seconds());
            transcodeCpu.add(transcoding.cpuBusy());
            transcoded = site.video(transcodeId);
            System.out.printf("  upload run %d: remux %.2f s, transcode %.2f s%n", run, remux.get(run - 1), transcode.get(run - 1));
        }
        judge(report, "10-min 720p H.264/AAC", BenchMedia.REMUX_UPLOAD, Stats.median(remux), remuxed,
                Target.atMost("< 2% of duration", 0.02));
        judge(report, "2-min 720p MPEG-4 Part 2", BenchMedia.TRANSCODE_UPLOAD, Stats.median(transcode), transcoded,
                Target.atMost("< 25% of duration", 0.25));
        judgeTranscodeCost(report, runs);
        judgeLowerRungCost(report, runs);
        report.note(Report.format("figure 3: time from the first byte of the upload (the plain form, multipart) to status ready "
                + "in the JSON API, polled every 50 ms; the CPUs were %.0f%% busy while the transcode path ran (median)",
                Stats.median(transcodeCpu) * 100));
        return "remux-1";
    }

    /**
     * The transcode path's floor, whatever else runs on the machine: the CPU seconds its ffmpeg
     * runs take, packaged here in-process by the web tier's planner and packager, divided by
     * the cores: the wall time it would take on an otherwise idle machine.
     */
    private void judgeTranscodeCost(Report report, int runs) throws Exception {
        Path source = media.transcodeUpload();
        FfprobeMediaInspector inspector = new FfprobeMediaInspector("ffprobe", Executors.defaultThreadFactory());
        FfmpegDashPackager packager = new FfmpegDashPackager("ffmpeg", READY_WITHIN, Executors.defaultThreadFactory());
        PackagingPlan plan = new PackagingPlanner(inspector).plan(source, inspector.inspect(source));
        List<Double> cpuSeconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path output = Files.createTempDirectory("bench-transcode-");
            cpuSeconds.add(Timed.of(() -> packager.packageDash(source, plan, output, fraction -> { })).cpu().childSeconds());
            TempFolders.deleteRecursively(output);
        }
        double cpu = Stats.median(cpuSeconds);
        int cores = Runtime.getRuntime().availableProcessors();
        double idleFraction = cpu / cores / BenchMedia.TRANSCODE_UPLOAD.toSeconds();
        report.add(Report.Row.judged("3", "transcode path's CPU cost, same 2-min clip and ladder (independent of other load)",
                Report.format("%.0f CPU-s", cpu), Report.format("%d s of video, %d cores", BenchMedia.TRANSCODE_UPLOAD.toSeconds(), cores),
                Report.format("%.1f%% of duration on idle cores", idleFraction * 100), Target.atMost("< 25% of duration", 0.25),
                idleFraction));
    }

    /**
     * What the remux path costs after the video is ready: its 360p rung encoded in the
     * background from the 10-minute 720p upload, by the web tier's own encoder at its low
     * priority, in CPU seconds and wall time per minute of the source.
     */
    private void judgeLowerRungCost(Report report, int runs) throws Exception {
        Path source = media.remuxUpload();
        FfprobeMediaInspector inspector = new FfprobeMediaInspector("ffprobe", Executors.defaultThreadFactory());
        PackagingPlan plan = new PackagingPlanner(inspector).plan(source, inspector.inspect(source));
        List<Rendition> rungs = PackagingPlanner.lowerRungs(plan.media().video().orElseThrow());
        Path packaged = Files.createTempDirectory("bench-remux-");
        new FfmpegDashPackager("ffmpeg", READY_WITHIN, Executors.defaultThreadFactory())
                .packageDash(source, plan, packaged, fraction -> { });
        FfmpegRungEncoder encoder = new FfmpegRungEncoder("ffmpeg", LADDER_NICENESS, READY_WITHIN, Executors.defaultThreadFactory());
        List<Double> cpuSeconds = new ArrayList<>();
        List<Double> wallSeconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path output = Files.createTempDirectory("bench-rung-");
            Timed encoding = Timed.of(() -> encoder.addRungs(source, rungs, packaged, output));
            cpuSeconds.add(encoding.cpu().childSeconds());
            wallSeconds.add(encoding.seconds());
            TempFolders.deleteRecursively(output);
        }
        TempFolders.deleteRecursively(packaged);
        double minutes = BenchMedia.REMUX_UPLOAD.toSeconds() / 60.0;
        double cpuPerMinute = Stats.median(cpuSeconds) / minutes;
        int cores = Runtime.getRuntime().availableProcessors();
        String ladder = String.join(" + ", rungs.stream().map(Rendition::resolution).toList());
        report.add(new Report.Row("3", "remux path's background rung (" + ladder + ", after ready, nice " + LADDER_NICENESS
                + "): CPU and wall time per minute of 720p",
                Report.format("%.1f CPU-s, %.1f s wall", cpuPerMinute, Stats.median(wallSeconds) / minutes),
                "60 s of video, " + cores + " cores", Report.format("%.1f%% of duration on idle cores",
                        cpuPerMinute / cores / 60 * 100), "— (not on the path to ready)", "—"));
    }

    private void uploadToReady(String id, Path file) throws Exception {
        site.upload(id, file);
        site.awaitReady(id, READY_WITHIN);
    }

    private static void judge(Report report, String what, Duration duration, double seconds, JsonObject video, Target target) {
        double fraction = seconds / duration.toSeconds();
        List<String> renditions = video.getJsonArray("renditions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        report.add(Report.Row.judged("3", "upload to ready, " + what + " (" + video.getString("packaging") + " to "
                        + String.join(" + ", renditions) + ")",
                Report.format("%.1f s", seconds), Report.format("%d s of video", duration.toSeconds()),
                Report.format("%.1f%% of duration", fraction * 100), target, fraction));
    }
}
