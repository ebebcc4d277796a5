package io.tritontube.grpc.security;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.CompositeChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one process secures its gRPC endpoints and calls, whatever the component: an optional
 * shared bearer token, and optional TLS (a certificate chain and key to serve with, a CA
 * file to trust as a client). Every field may be null, meaning "not configured"; blank
 * values count as not configured so an empty environment variable changes nothing.
 *
 * @param token          shared secret every call must carry, or null for none
 * @param tlsCertificate PEM certificate chain a server presents, or null for plaintext
 * @param tlsPrivateKey  PEM private key of {@code tlsCertificate}
 * @param tlsTrustedCa   PEM certificates a client trusts; when set, clients use TLS
 */
public record GrpcSecuritySettings(String token, Path tlsCertificate, Path tlsPrivateKey, Path tlsTrustedCa) {

    public static final String TOKEN_ENV = "TRITONTUBE_GRPC_TOKEN";
    public static final String TLS_CERT_ENV = "TRITONTUBE_GRPC_TLS_CERT";
    public static final String TLS_KEY_ENV = "TRITONTUBE_GRPC_TLS_KEY";
    public static final String TLS_CA_ENV = "TRITONTUBE_GRPC_TLS_CA";

    public GrpcSecuritySettings {
        token = token == null || token.isBlank() ? null : token;
        if (token != null) {
            BearerTokens.headerValue(token);
        }
        if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
            throw new IllegalArgumentException(
                    "a TLS certificate and its private key must be configured together (--tls-cert and --tls-key)");
        }
    }

    /** Plaintext, no token: the default on loopback. */
    public static GrpcSecuritySettings none() {
        return new GrpcSecuritySettings(null, null, null, null);
    }

    /** Reads the {@code TRITONTUBE_GRPC_*} variables, typically from {@code System.getenv()}. */
    public static GrpcSecuritySettings fromEnvironment(Map<String, String> environment) {
        return new GrpcSecuritySettings(
                environment.get(TOKEN_ENV),
                pathOrNull(environment.get(TLS_CERT_ENV)),
                pathOrNull(environment.get(TLS_KEY_ENV)),
                pathOrNull(environment.get(TLS_CA_ENV)));
    }

    /** Null for a missing or blank value, so optional flags and variables convert uniformly. */
    public static Path pathOrNull(String value) {
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    public boolean requiresToken() {
        return token != null;
    }

    /** TLS credentials when a certificate is configured, plaintext otherwise. */
    public ServerCredentials serverCredentials() throws IOException {
        return tlsCertificate == null
                ? InsecureServerCredentials.create()
                : GrpcTls.serverCredentials(tlsCertificate, tlsPrivateKey);
    }

    /** The interceptors a server installs on every service: the token check when a token is set. */
    public List<ServerInterceptor> serverInterceptors() {
        return token == null ? List.of() : List.of(new BearerTokenServerInterceptor(token));
    }

    /**
     * Credentials for a client channel: TLS trusting {@link #tlsTrustedCa()} when set, and the
     * bearer token on every call when set.
     */
    public ChannelCredentials channelCredentials() throws IOException {
        ChannelCredentials transport = transportCredentials();
        return callCredentials()
                .map(token -> CompositeChannelCredentials.create(transport, token))
                .orElse(transport);
    }

    /** A client's transport alone: TLS trusting {@link #tlsTrustedCa()} when set, plaintext otherwise. */
    public ChannelCredentials transportCredentials() throws IOException {
        return tlsTrustedCa == null
                ? InsecureChannelCredentials.create()
                : GrpcTls.channelCredentials(tlsTrustedCa);
    }

    /** The token as per-call credentials, for clients that attach them to stubs themselves. */
    public Optional<CallCredentials> callCredentials() {
        return token == null ? Optional.empty() : Optional.of(new BearerTokenCredentials(token));
    }

    /** Never prints the token itself: settings end up in logs. */
    @Override
    public String toString() {
        return "GrpcSecuritySettings[token=" + (token == null ? "none" : "***")
                + ", tlsCertificate=" + tlsCertificate + ", tlsPrivateKey=" + tlsPrivateKey
                + ", tlsTrustedCa=" + tlsTrustedCa + "]";
    }
}
