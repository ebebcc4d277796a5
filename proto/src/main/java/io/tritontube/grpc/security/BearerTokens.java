package io.tritontube.grpc.security;

import io.grpc.Metadata;

/** The wire format of the shared secret: metadata {@code authorization: Bearer <token>}. */
final class BearerTokens {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private static final String SCHEME = "Bearer ";

    private BearerTokens() {
    }

    /** The header value for {@code token}, after checking it can travel as ASCII metadata. */
    static String headerValue(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("the gRPC bearer token is empty");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException(
                        "the gRPC bearer token may only hold visible ASCII characters (no spaces)");
            }
        }
        return SCHEME + token;
    }
}
