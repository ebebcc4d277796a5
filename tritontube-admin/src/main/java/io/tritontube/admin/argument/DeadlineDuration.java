package io.tritontube.admin.argument;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a {@code --timeout}: the short forms operators type ({@code 500ms}, {@code 30s}, {@code 10m},
 * {@code 1h}, combined like {@code 1m30s}) or ISO-8601 ({@code PT5M}). A bare number is refused because its
 * unit would be a guess.
 */
public final class DeadlineDuration implements ITypeConverter<Duration> {

    private static final Pattern SHORT_FORM = Pattern.compile("(?:\\d+(?:ms|s|m|h))+");
    private static final Pattern SHORT_FORM_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        Duration duration = parse(text.trim());
        if (duration.isNegative() || duration.isZero()) {
            throw new TypeConversionException("'" + text + "' is not a usable timeout: it must be longer than zero");
        }
        try {
            duration.toNanos(); // gRPC deadlines count nanoseconds: about 292 years at most
        } catch (ArithmeticException e) {
            throw tooLong(text);
        }
        return duration;
    }

    private static Duration parse(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw unreadable(text);
            }
        }
        if (!SHORT_FORM.matcher(text).matches()) {
            throw unreadable(text);
        }
        Duration total = Duration.ZERO;
        Matcher part = SHORT_FORM_PART.matcher(text);
        try {
            while (part.find()) {
                total = total.plus(part(Long.parseLong(part.group(1)), part.group(2)));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw tooLong(text);
        }
        return total;
    }

    private static Duration part(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static TypeConversionException tooLong(String text) {
        return new TypeConversionException("'" + text + "' is too long for a timeout");
    }

    private static TypeConversionException unreadable(String text) {
        return new TypeConversionException(
                "'" + text + "' is not a duration: use e.g. 500ms, 30s, 10m, 1h, 1m30s or ISO-8601 such as PT5M");
    }
}
