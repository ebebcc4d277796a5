package io.tritontube.web.interfaces.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The part of a request's path after a route's prefix, as the client sent it: still
 * percent-encoded, with its {@code .}, {@code ..} and empty segments. The servlet API's
 * decoded path info would hide an encoded slash ({@code %2F}) or a normalised {@code ..}.
 */
public final class RawRequestPath {

    private RawRequestPath() {
    }

    /**
     * @param prefix the route's prefix after the context path, such as {@code "/content/"}
     * @return the raw remainder, or empty when the request path does not start with the prefix
     */
    public static Optional<String> after(HttpServletRequest request, String prefix) {
        String uri = request.getRequestURI();
        String start = request.getContextPath() + prefix;
        return uri.startsWith(start) ? Optional.of(uri.substring(start.length())) : Optional.empty();
    }
}
