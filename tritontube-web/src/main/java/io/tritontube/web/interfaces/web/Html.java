package io.tritontube.web.interfaces.web;

/** Escaping for text written into HTML by hand (the Facelets pages escape by themselves). */
public final class Html {

    private Html() {
    }

    /** Escapes {@code text} for an element's content or a quoted attribute value. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
