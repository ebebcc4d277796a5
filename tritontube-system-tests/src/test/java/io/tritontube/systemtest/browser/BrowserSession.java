package io.tritontube.systemtest.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides a {@link Browser} parameter: one Chromium per test class, opened for its first
 * test and quit when the class is done.
 */
final class BrowserSession implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserSession.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext testClass = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        // JUnit closes AutoCloseable values of a store, here when the class's context closes.
        return testClass.getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, key -> Browser.open(), Browser.class);
    }
}
