package io.tritontube.admin.argument;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A validated {@code host:port} address. {@link #address()} keeps the text exactly as the user typed it:
 * the ring places a node by the hash of that text, so it must reach the server unchanged.
 * IPv6 hosts are written in brackets, e.g. {@code [::1]:8090}.
 */
public record HostPort(String address, String host, int port) {

    private static final int HIGHEST_PORT = 65_535;

    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw invalid(text, "expected host:port");
        }
        String host = unbracketed(text, text.substring(0, colon));
        return new HostPort(text, host, port(text, text.substring(colon + 1)));
    }

    private static String unbracketed(String text, String host) {
        if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
            return host.substring(1, host.length() - 1);
        }
        if (host.contains(":")) {
            throw invalid(text, "write an IPv6 host in brackets, e.g. [::1]:8090");
        }
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c < 0x20)) {
            throw invalid(text, "the host must be a name or an IP address");
        }
        return host;
    }

    private static int port(String text, String portText) {
        if (!portText.chars().allMatch(c -> c >= '0' && c <= '9') || portText.length() > 5) {
            throw invalid(text, "the port must be a number from 1 to " + HIGHEST_PORT);
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > HIGHEST_PORT) {
            throw invalid(text, "the port must be a number from 1 to " + HIGHEST_PORT);
        }
        return port;
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("'" + text + "' is not a valid address: " + problem + " (e.g. localhost:8090)");
    }

    /** Lets picocli turn SERVER and NODE arguments into addresses, reporting bad ones as usage errors. */
    public static final class Converter implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
