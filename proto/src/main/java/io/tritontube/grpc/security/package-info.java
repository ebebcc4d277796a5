/**
 * Security shared by every TritonTube gRPC endpoint (storage daemons, the admin service) and
 * every client of them: a shared-secret bearer token carried in call metadata, and TLS.
 *
 * <p>Every component configures them the same way, so an operator learns it once:
 * <ul>
 *   <li>flags {@code --token}, {@code --tls-cert}, {@code --tls-key} (servers),
 *       {@code --tls-ca} (clients);</li>
 *   <li>or the environment variables {@value GrpcSecuritySettings#TOKEN_ENV},
 *       {@value GrpcSecuritySettings#TLS_CERT_ENV}, {@value GrpcSecuritySettings#TLS_KEY_ENV},
 *       {@value GrpcSecuritySettings#TLS_CA_ENV}; a flag wins over the variable.</li>
 * </ul>
 * With nothing configured, endpoints speak plaintext without authentication, which is why
 * they bind to loopback by default.
 */
package io.tritontube.grpc.security;
