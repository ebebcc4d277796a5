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
                Map.of("tritontube.upload.max-bytes", Long.toString(UPLOAD_LIMIT_BYTES)));
        private final SiteClient client = new SiteClient(server);

        @Override
        public void close() {
            server.close();
        }
    }
}
