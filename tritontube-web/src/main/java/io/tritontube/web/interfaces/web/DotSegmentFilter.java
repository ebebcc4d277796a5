package io.tritontube.web.interfaces.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Answers 400 for a request whose raw path starts with one of the routes' prefixes but that
 * the container mapped elsewhere. That happens only when the container decoded the path and
 * removed dot segments from it ({@code /content/%2E%2E/x} becomes {@code /x}): a malformed
 * address, which deserves 400 with a reason rather than the container's 404.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class DotSegmentFilter extends HttpFilter {

    /** Raw prefix of each route, and the servlet path the container gives its requests. */
    private static final Map<String, String> ROUTES = Map.of(
            "/content/", "/content",
            "/videos/", "/videos",
            "/api/", "/api");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        for (Map.Entry<String, String> route : ROUTES.entrySet()) {
            if (RawRequestPath.after(request, route.getKey()).isPresent() && !route.getValue().equals(request.getServletPath())) {
                ErrorResponses.send(request, response, 400, "the address may not have '.' or '..' parts, encoded or not");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
