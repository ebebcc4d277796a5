/**
 * What operators watch, on the server's own port: MicroProfile Health readiness checks at
 * {@code /health/ready} (the metadata store answers; the content store can be written, or
 * enough storage nodes answer) and MicroProfile Metrics at {@code /metrics}, which Payara
 * serves in the Prometheus text format ({@link io.tritontube.web.interfaces.monitoring.SiteMetrics}
 * lists this application's figures), plus the filter and the decorators that feed them.
 */
package io.tritontube.web.interfaces.monitoring;
