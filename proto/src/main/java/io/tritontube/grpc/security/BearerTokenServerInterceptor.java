package io.tritontube.grpc.security;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses, with {@code UNAUTHENTICATED}, every call that does not carry
 * {@code authorization: Bearer <token>} with the configured token. A refused call never
 * reaches the service, so it changes nothing.
 */
public final class BearerTokenServerInterceptor implements ServerInterceptor {

    private static final Logger LOG = Logger.getLogger(BearerTokenServerInterceptor.class.getName());

    private final byte[] expectedDigest;

    /** @throws IllegalArgumentException when the token is empty or not visible ASCII */
    public BearerTokenServerInterceptor(String token) {
        this.expectedDigest = sha256(BearerTokens.headerValue(token));
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String presented = headers.get(BearerTokens.AUTHORIZATION);
        if (presented == null) {
            return refuse(call, "the call carries no 'authorization: Bearer <token>' metadata");
        }
        // Digests have a fixed length, so the comparison time says nothing about the token.
        if (!MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            return refuse(call, "the bearer token is not the one this server was configured with");
        }
        return next.startCall(call, headers);
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String reason) {
        LOG.log(Level.WARNING, "Refused {0} from {1}: {2}", new Object[] {
            call.getMethodDescriptor().getFullMethodName(),
            call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
            reason});
        call.close(Status.UNAUTHENTICATED.withDescription(reason), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
