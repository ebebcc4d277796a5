package io.tritontube.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load of GET requests over loopback: {@code concurrency} workers, each sending
 * its next request as soon as the previous body was read to the end, until the time or the
 * request count runs out. A worker starts at its own place in the list, so workers do not
 * march in step on one file.
 *
 * <p>The JDK's HttpClient reads every connection of one client on a single selector thread;
 * workers share {@value #CLIENTS} clients so that the client side is not what is measured.
 */
final class ReadLoad {

    private static final int CLIENTS = 8;

    /**
     * @param p50Millis    median latency, request sent to last body byte read
     * @param p99Millis    99th percentile latency
     * @param megabytesPerSecond body bytes of all workers over the wall time
     * @param requests     how many requests were measured
     */
    record Result(double p50Millis, double p99Millis, double megabytesPerSecond, int requests) {
    }

    private final List<HttpClient> clients = new ArrayList<>();

    ReadLoad() {
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }
    }

    /** Fetches every file once, one at a time: the caches of the server (and the machine) are then warm. */
    void warmUp(List<URI> files) throws IOException, InterruptedException {
        for (URI file : files) {
            fetch(clients.get(0), file);
        }
    }

    Result run(List<URI> files, int concurrency, Duration duration, int maxRequests) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong bytes = new AtomicLong();
        AtomicInteger issued = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < concurrency; worker++) {
                HttpClient client = clients.get(worker % CLIENTS);
                int first = worker * files.size() / concurrency;
                running.add(workers.submit(() -> {
                    for (int next = first; System.nanoTime() < deadline && issued.getAndIncrement() < maxRequests; next++) {
                        long sent = System.nanoTime();
                        bytes.addAndGet(fetch(client, files.get(next % files.size())));
                        latencies.add((System.nanoTime() - sent) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        double seconds = Stats.secondsSince(start);
        return new Result(Stats.percentile(latencies, 50), Stats.percentile(latencies, 99),
                Stats.megabytes(bytes.get()) / seconds, latencies.size());
    }

    /** GETs {@code file} and reads its body to the end; returns the body's length. */
    private static long fetch(HttpClient client, URI file) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(file).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            long length = body.transferTo(OutputStream.nullOutputStream());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + file + " answered " + response.statusCode());
            }
            return length;
        }
    }
}
