package io.tritontube.systemtest.support;

import io.tritontube.testkit.PayaraMicroServer;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides a {@link SiteClient} for the embedded default (SQLite metadata, file-system
 * content) on a real Payara Micro. The site boots once for the whole test run and stops at
 * its end, whichever test classes use it.
 */
public final class EmbeddedSite implements ParameterResolver {

    /** Small enough that the 413 test sends little, large enough for every sample video. */
    public static final long UPLOAD_LIMIT_BYTES = 8L * 1024 * 1024;

    /**
     * Every test uploads from 127.0.0.1, one client to the limiter: far above what the whole
     * run sends, so that no test meets the limit by the others' uploads. The limiter itself is
     * tested as a unit (ClientRateLimiterTest in the web module).
     */
    public static final int UPLOAD_RATE_LIMIT_PER_MINUTE = 100_000;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SiteClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(EmbeddedSite.class, key -> new Running(), Running.class)
                .client;
    }

    /** The booted site, closed by JUnit when the run ends. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {

        private final PayaraMicroServer server = PayaraMicroServer.start("embedded-web",
                SystemTestDirs.fresh("embedded"),
                Map.of("tritontube.upload.max-bytes", Long.toString(UPLOAD_LIMIT_BYTES),
                        "tritontube.upload.rate-limit-per-minute", Integer.toString(UPLOAD_RATE_LIMIT_PER_MINUTE)));
        private final SiteClient client = new SiteClient(server);

        @Override
        public void close() {
            server.close();
        }
    }
}
