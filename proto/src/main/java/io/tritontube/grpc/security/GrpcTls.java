package io.tritontube.grpc.security;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.nio.file.Path;

/** TLS credentials from PEM files, through gRPC's transport-neutral {@code Tls*} API. */
public final class GrpcTls {

    private GrpcTls() {
    }

    /**
     * Server credentials from a PEM certificate chain and its PEM (PKCS#8) private key.
     *
     * @throws IOException when a file cannot be read or does not hold what it should
     */
    public static ServerCredentials serverCredentials(Path certificateChain, Path privateKey) throws IOException {
        try {
            return TlsServerCredentials.create(certificateChain.toFile(), privateKey.toFile());
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot load the TLS certificate " + certificateChain
                    + " with the key " + privateKey + ": " + e.getMessage(), e);
        }
    }

    /**
     * Client credentials that trust the certificate authorities of a PEM file (for a private
     * deployment: its own CA, or the server's self-signed certificate itself).
     *
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static ChannelCredentials channelCredentials(Path trustedCertificates) throws IOException {
        try {
            return TlsChannelCredentials.newBuilder().trustManager(trustedCertificates.toFile()).build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot load the trusted certificates " + trustedCertificates
                    + ": " + e.getMessage(), e);
        }
    }
}
