package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Lease;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The one etcd client of a web server, shared by the repositories that keep their data in
 * etcd, and the single place where their calls wait for an answer.
 *
 * <p>jetcd completes its futures on Vert.x event-loop threads, which must never block. So
 * every call is awaited here, on the caller's thread, with a deadline; nothing is chained onto
 * the futures. A call that fails or misses its deadline becomes a
 * {@link MetadataUnavailableException} naming the operation, which the web maps to 503.
 *
 * <p>Why calls are sent again: a request that reaches etcd just as its leader dies can wait
 * there 7 s for nothing ("request timed out, possibly due to previous leader failure"), while
 * the surviving members elect a new leader in 1 to 2 s. So {@link #await} gives each attempt
 * {@value #ATTEMPT_MILLIS} ms and sends the call again until the deadline: losing one member of
 * three then costs a request a second or two, not a 503. Calls sent again must be safe to
 * repeat; {@link #awaitOnce} is for those that are not. jetcd's own retries and gRPC's
 * wait-for-ready queue are off, so an abandoned attempt is never sent late, after its
 * successor.
 *
 * <p>When etcd loses its quorum, jetcd keeps its channels and reconnects by itself: once a
 * quorum is back the same connection serves again, no restart needed.
 *
 * <p>Not owned by the repositories: whoever creates it closes it, after them.
 */
public final class EtcdConnection implements AutoCloseable {

    /** Room for a leader election after a member dies plus a retry, yet a prompt 503 without quorum. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** A healthy loopback etcd answers in milliseconds; an attempt stuck longer likely went to a dead leader. */
    static final long ATTEMPT_MILLIS = 1_500;

    /** After an immediate refusal (no leader yet, member just died), before asking again. */
    private static final long RETRY_PAUSE_MILLIS = 200;

    /**
     * After a failed call, reads that have a fallback use it at once for this long instead of
     * waiting for etcd to time out again, so cached videos play without a stall per request.
     */
    private static final Duration OUTAGE_MEMORY = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(EtcdConnection.class.getName());

    private final Client client;
    private final String endpoints;
    private final Duration timeout;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile long lastFailureNanos;

    private EtcdConnection(Client client, String endpoints, Duration timeout) {
        this.client = client;
        this.endpoints = endpoints;
        this.timeout = timeout;
    }

    /** Connects to the endpoints of the {@code etcd} option, {@code "h1:p1,h2:p2,h3:p3"}. */
    public static EtcdConnection connect(String endpoints) {
        return connect(endpoints, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to {@code endpoints}, {@code "h1:p1,h2:p2"} (a {@code http://} or {@code https://}
     * scheme may be given), every call waiting at most {@code timeout}.
     *
     * @throws IllegalArgumentException when an endpoint is not {@code host:port}
     */
    public static EtcdConnection connect(String endpoints, Duration timeout) {
        List<URI> uris = parseEndpoints(endpoints);
        Client client = Client.builder()
                .endpoints(uris.toArray(URI[]::new))
                .retryMaxAttempts(0)
                .waitForReady(false)
                .build();
        LOG.info(() -> "etcd client for " + uris + ", calls time out after " + timeout.toMillis() + " ms");
        return new EtcdConnection(client, endpoints, timeout);
    }

    /** The endpoints as URIs; a missing scheme means {@code http}. */
    static List<URI> parseEndpoints(String endpoints) {
        if (endpoints == null || endpoints.isBlank()) {
            throw new IllegalArgumentException("no etcd endpoints given: expected \"host:port,host:port,...\"");
        }
        return Arrays.stream(endpoints.split(",")).map(String::trim).map(EtcdConnection::endpointUri).toList();
    }

    private static URI endpointUri(String endpoint) {
        String withScheme = endpoint.contains("://") ? endpoint : "http://" + endpoint;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the etcd endpoint '" + endpoint + "' is not host:port", e);
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("the etcd endpoint '" + endpoint + "' is not host:port");
        }
        return uri;
    }

    KV kv() {
        return client.getKVClient();
    }

    Watch watch() {
        return client.getWatchClient();
    }

    Lease lease() {
        return client.getLeaseClient();
    }

    /**
     * Sends {@code call} and waits for its answer on the caller's thread, sending it again when
     * an attempt gets no answer in time or etcd refuses it for now, until the deadline.
     *
     * @param call      makes a new request each time; what it does must be safe to repeat
     * @param operation what the call does, for the message: {@code "create video 'x'"}
     * @throws MetadataUnavailableException when etcd has not answered by the deadline, or refused
     */
    <T> T await(Supplier<CompletableFuture<T>> call, String operation) {
        return attempt(call, operation, true);
    }

    /** Like {@link #await}, for a call that must not be sent twice: one attempt, the whole timeout. */
    <T> T awaitOnce(Supplier<CompletableFuture<T>> call, String operation) {
        return attempt(call, operation, false);
    }

    private <T> T attempt(Supplier<CompletableFuture<T>> call, String operation, boolean sendAgain) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int attempts = 0;
        Throwable lastProblem;
        do {
            attempts++;
            long remaining = deadline - System.nanoTime();
            long wait = sendAgain ? Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(ATTEMPT_MILLIS)) : remaining;
            CompletableFuture<T> pending = call.get();
            try {
                T answer = pending.get(wait, TimeUnit.NANOSECONDS);
                recovered();
                return answer;
            } catch (TimeoutException e) {
                pending.cancel(false);
                lastProblem = e;
            } catch (ExecutionException e) {
                lastProblem = e.getCause();
                if (!isTransient(lastProblem)) {
                    throw failed("etcd (" + endpoints + ") refused to " + operation + ": " + lastProblem.getMessage(),
                            lastProblem);
                }
            } catch (InterruptedException e) {
                throw interrupted(operation, e);
            }
            if (sendAgain && !(lastProblem instanceof TimeoutException)) {
                pauseBeforeNextAttempt(deadline, operation);
            }
        } while (sendAgain && System.nanoTime() < deadline);
        String why = lastProblem instanceof TimeoutException ? "no answer" : lastProblem.getMessage();
        throw failed("etcd (" + endpoints + ") could not " + operation + " within " + timeout.toMillis() + " ms, "
                + attempts + (attempts == 1 ? " attempt" : " attempts") + ": " + why, lastProblem);
    }

    /**
     * Errors that a later attempt may not meet: no leader, leader changed, member unreachable,
     * or the connection to a member that just died torn down under the call (which gRPC reports
     * as UNKNOWN "channel closed").
     */
    private static boolean isTransient(Throwable problem) {
        Status.Code code = problem instanceof EtcdException etcdProblem
                ? Status.Code.valueOf(etcdProblem.getErrorCode().name())
                : Status.fromThrowable(problem).getCode();
        boolean connectionLost = code == Status.Code.UNKNOWN
                && String.valueOf(problem.getMessage()).toLowerCase(Locale.ROOT).contains("channel closed");
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED || connectionLost;
    }

    /** An immediate refusal would come back at once: give the cluster a moment, within the deadline. */
    private void pauseBeforeNextAttempt(long deadline, String operation) {
        long millis = Math.min(RETRY_PAUSE_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try {
            if (millis > 0) {
                TimeUnit.MILLISECONDS.sleep(millis);
            }
        } catch (InterruptedException e) {
            throw interrupted(operation, e);
        }
    }

    private MetadataUnavailableException interrupted(String operation, InterruptedException e) {
        Thread.currentThread().interrupt();
        return failed("interrupted while waiting for etcd to " + operation, e);
    }

    /** Whether the latest call failed, a short while ago: etcd is probably still unreachable. */
    boolean isRecentlyFailing() {
        return failing.get() && System.nanoTime() - lastFailureNanos < OUTAGE_MEMORY.toNanos();
    }

    private MetadataUnavailableException failed(String message, Throwable cause) {
        lastFailureNanos = System.nanoTime();
        if (failing.compareAndSet(false, true)) {
            LOG.warning(() -> "etcd is unavailable: " + message);
        }
        return new MetadataUnavailableException(message, cause);
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info(() -> "etcd (" + endpoints + ") answers again");
        }
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "etcd " + endpoints;
    }
}
