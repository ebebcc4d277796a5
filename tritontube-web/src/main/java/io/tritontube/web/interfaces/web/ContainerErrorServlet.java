package io.tritontube.web.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of errors the container raises itself (an address no route serves, an
 * exception a servlet let through), mapped in web.xml, so that they look like the site's own.
 * Never shows an exception's text: that is for the log.
 */
@WebServlet("/error")
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer integer ? integer : HttpServletResponse.SC_NOT_FOUND;
        String message = switch (status) {
            case HttpServletResponse.SC_NOT_FOUND -> "there is no page at this address";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "this address does not accept " + request.getMethod() + " requests";
            case HttpServletResponse.SC_INTERNAL_SERVER_ERROR -> "something went wrong on the server; the log says what";
            default -> "the request could not be answered (HTTP " + status + ")";
        };
        ErrorResponses.send(request, response, status, message);
    }
}
