package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.interfaces.web.ErrorResponses;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The views under {@code /views/} render only when a route forwards to them with their data;
 * requested directly ({@code GET /views/video.xhtml}) they do not exist.
 */
@WebFilter(urlPatterns = "/views/*", dispatcherTypes = DispatcherType.REQUEST)
public class ViewsAccessFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
        ErrorResponses.send(request, response, 404, "there is no page at this address");
    }
}
