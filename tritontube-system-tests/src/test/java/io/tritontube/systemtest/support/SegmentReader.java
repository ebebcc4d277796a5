package io.tritontube.systemtest.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A viewer that keeps fetching every file of some videos in a loop on its own thread, and
 * counts what failed, for as long as a membership change or a fault runs.
 */
public final class SegmentReader implements AutoCloseable {

    private final SiteClient site;
    private final Map<String, List<String>> filesByVideo;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong reads = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private final Thread thread;

    private SegmentReader(SiteClient site, Map<String, List<String>> filesByVideo) {
        this.site = site;
        this.filesByVideo = Map.copyOf(filesByVideo);
        this.thread = new Thread(this::readUntilClosed, "segment-reader");
    }

    /** Starts reading {@code filesByVideo} (video id to its file names) through {@code site}. */
    public static SegmentReader start(SiteClient site, Map<String, List<String>> filesByVideo) {
        SegmentReader reader = new SegmentReader(site, filesByVideo);
        reader.thread.start();
        return reader;
    }

    private void readUntilClosed() {
        while (running.get()) {
            filesByVideo.forEach((video, files) -> files.forEach(file -> readOnce(video, file)));
        }
    }

    private void readOnce(String video, String file) {
        if (!running.get()) {
            return;
        }
        String path = SiteClient.contentPath(video, file);
        try {
            HttpResponse<byte[]> response = site.getBytes(path);
            if (response.statusCode() != 200 || response.body().length == 0) {
                failed(path + " answered " + response.statusCode());
            }
        } catch (RuntimeException e) {
            failed(path + " threw " + e);
        }
        reads.incrementAndGet();
    }

    private synchronized void failed(String what) {
        failures.add(what);
    }

    public long reads() {
        return reads.get();
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
