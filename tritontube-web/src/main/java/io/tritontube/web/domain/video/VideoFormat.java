package io.tritontube.web.domain.video;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a viewer gets: how long the video plays, its picture size, whether it has sound, and,
 * once processing has chosen them, the packaging path and the renditions in its manifest.
 *
 * <p>Inspection fills the first part when the upload is accepted; planning adds the rest when
 * processing starts. Videos recorded before these facts were kept have {@link #UNKNOWN}.
 *
 * @param duration   how long it plays, to the millisecond; {@link Duration#ZERO} when unknown
 * @param width      picture width as displayed, in pixels; 0 when unknown
 * @param height     picture height as displayed, in pixels; 0 when unknown
 * @param hasAudio   whether it has a sound track. True when unknown: every video packaged
 *                   before this was recorded had its representation 1 as audio, if it had one
 * @param packaging  the path processing took; empty until planned
 * @param renditions the video renditions of the manifest, {@code "WIDTHxHEIGHT"}, largest
 *                   first; empty until planned
 */
public record VideoFormat(Duration duration, int width, int height, boolean hasAudio,
                          Optional<Packaging> packaging, List<String> renditions) {

    public static final VideoFormat UNKNOWN = new VideoFormat(Duration.ZERO, 0, 0, true, Optional.empty(), List.of());

    private static final Pattern RESOLUTION = Pattern.compile("[1-9][0-9]{0,4}x[1-9][0-9]{0,4}");

    public VideoFormat {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(packaging, "packaging");
        if (duration.isNegative() || width < 0 || height < 0) {
            throw new IllegalArgumentException("duration, width and height must not be negative");
        }
        // Stores keep milliseconds: truncating here makes a stored and reloaded format equal the original.
        duration = Duration.ofMillis(duration.toMillis());
        renditions = List.copyOf(renditions);
        for (String rendition : renditions) {
            if (!RESOLUTION.matcher(rendition).matches()) {
                throw new IllegalArgumentException("a rendition is WIDTHxHEIGHT, not '" + rendition + "'");
            }
        }
    }

    /** What inspecting the upload found; packaging and renditions follow when planned. */
    public static VideoFormat inspected(Duration duration, int width, int height, boolean hasAudio) {
        return new VideoFormat(duration, width, height, hasAudio, Optional.empty(), List.of());
    }

    /** This format with the plan processing chose. */
    public VideoFormat packagedAs(Packaging path, List<String> chosenRenditions) {
        return new VideoFormat(duration, width, height, hasAudio, Optional.of(path), chosenRenditions);
    }

    /** {@code "WIDTHxHEIGHT"}, the way renditions are written. */
    public static String resolution(int width, int height) {
        return width + "x" + height;
    }
}
