package io.tritontube.web.interfaces.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Error answers of the servlets: a small HTML page with the message and a way back for
 * browsers, the bare message as text for scripts ({@code curl}, the tests). Written here
 * rather than through the container's error pages so that answering never makes the
 * container read (or parse) a request body that was refused unread.
 */
public final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad request"),
            Map.entry(404, "Not found"),
            Map.entry(405, "Method not allowed"),
            Map.entry(409, "Already exists"),
            Map.entry(411, "Size not stated"),
            Map.entry(413, "Upload too large"),
            Map.entry(416, "Range not satisfiable"),
            Map.entry(429, "Too many uploads"),
            Map.entry(500, "Server error"),
            Map.entry(503, "Temporarily unavailable"));

    private ErrorResponses() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (response.isCommitted()) {
            LOG.log(Level.WARNING, "cannot answer {0} ({1}) to {2}: the response has already started",
                    new Object[] {status, message, request.getRequestURI()});
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        if (acceptsHtml(request)) {
            response.setContentType("text/html");
            writePage(response.getWriter(), request.getContextPath(), status, message);
        } else {
            response.setContentType("text/plain");
            response.getWriter().println(message);
        }
    }

    /** Browsers put text/html in the Accept header of page loads and form posts; scripts rarely do. */
    static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    /** "the file is empty" reads as "The file is empty." on a page. */
    private static String asSentence(String message) {
        if (message.isEmpty()) {
            return message;
        }
        String capitalised = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    private static void writePage(PrintWriter out, String contextPath, int status, String message) {
        String title = TITLES.getOrDefault(status, "Error " + status);
        String home = Html.escape(contextPath + "/");
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>" + Html.escape(title) + " - TritonTube</title>");
        out.println("<link rel=\"stylesheet\" href=\"" + Html.escape(contextPath) + "/resources/css/site.css\">");
        out.println("</head><body>");
        out.println("<header class=\"site-header\"><a class=\"brand\" href=\"" + home + "\">TritonTube</a></header>");
        out.println("<main class=\"page\"><section class=\"error\" role=\"alert\">");
        out.println("<h1>" + Html.escape(title) + "</h1>");
        out.println("<p class=\"error-message\">" + Html.escape(asSentence(message)) + "</p>");
        out.println("<p><a href=\"" + home + "\">Back to all videos</a></p>");
        out.println("</section></main></body></html>");
    }
}
