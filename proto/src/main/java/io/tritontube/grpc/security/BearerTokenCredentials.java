package io.tritontube.grpc.security;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/**
 * Adds {@code authorization: Bearer <token>} to every call, for servers guarded by
 * {@link BearerTokenServerInterceptor}.
 *
 * <p>Unlike Google's credentials this also sends the token over plaintext channels: our
 * endpoints run on loopback or a private network by default, and refusing would make the
 * token unusable without TLS. Configure TLS when the network is not trusted.
 */
public final class BearerTokenCredentials extends CallCredentials {

    private final String headerValue;

    /** @throws IllegalArgumentException when the token is empty or not visible ASCII */
    public BearerTokenCredentials(String token) {
        this.headerValue = BearerTokens.headerValue(token);
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(BearerTokens.AUTHORIZATION, headerValue);
        applier.apply(headers);
    }
}
