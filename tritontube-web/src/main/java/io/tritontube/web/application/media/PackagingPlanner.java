package io.tritontube.web.application.media;

import io.tritontube.web.domain.video.Packaging;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses how an upload is packaged.
 *
 * <p><b>Remux</b> when browsers can play the upload's own streams and they can be cut into
 * segments as they are: H.264 in 8-bit 4:2:0, AAC sound or none, not rotated, and keyframes
 * at most {@link #SEGMENT_LENGTH} apart, give or take {@link #LONGEST_KEYFRAME_GAP a few frames}. Copying takes seconds where encoding takes minutes;
 * the video is ready with the source's resolution only, since even one small extra rung costs
 * about 6% of the video's duration on 2 cores, three times the remux budget. Its
 * {@link #lowerRungs lower rungs} are added to the manifest in the background afterwards.
 *
 * <p><b>Transcode</b> otherwise, into a ladder of resolutions by the picture's short side:
 * the source's own (at most {@value #LARGEST_TOP_RUNG}p), then 720p and 360p where they are
 * clearly smaller than it (at most 5/6 of it). Never upscaled.
 */
public final class PackagingPlanner {

    /** Every manifest's segment length, and so the longest keyframe gap a remux accepts. */
    public static final Duration SEGMENT_LENGTH = Duration.ofSeconds(4);

    /**
     * The longest keyframe gap a remux accepts: the segment length and 5%, so that a camera's
     * "every 120 frames" at 29.97 frames a second (4.004 s) still qualifies. The segments then
     * last as long as the gaps, which players handle as they come.
     */
    static final Duration LONGEST_KEYFRAME_GAP = SEGMENT_LENGTH.plus(SEGMENT_LENGTH.dividedBy(20));

    /**
     * Beyond 1080p a 2-core server would encode far slower than real time; larger sources are
     * brought down to it.
     */
    static final int LARGEST_TOP_RUNG = 1080;

    /** The standard rungs below the source's own, by short side, with their bit rates. */
    private static final List<Rendition> STANDARD_RUNGS = List.of(new Rendition(1280, 720, 3000), new Rendition(640, 360, 800));
    /** The 720p rung's pixels and bit rate anchor the bit rate of any other size. */
    private static final double ANCHOR_PIXELS = 1280 * 720;
    private static final int ANCHOR_KBPS = 3000;
    private static final int LOWEST_KBPS = 300;

    private static final Set<String> PLAYABLE_PIXEL_FORMATS = Set.of("yuv420p", "yuvj420p");

    private final MediaInspector inspector;

    public PackagingPlanner(MediaInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * @throws UnreadableMediaException when the upload has no usable video stream
     * @throws IOException when the keyframes could not be probed for a tool failure
     */
    public PackagingPlan plan(Path source, MediaInfo media) throws UnreadableMediaException, IOException {
        VideoStream video = media.video().orElseThrow(() -> new UnreadableMediaException("the file has no video stream"));
        Optional<String> notCopyable = whyStreamsCannotBeCopied(media);
        if (notCopyable.isPresent()) {
            return transcode(media, video, notCopyable.get());
        }
        Duration gap = inspector.longestKeyframeGap(source);
        if (gap.compareTo(LONGEST_KEYFRAME_GAP) > 0) {
            return transcode(media, video, "its keyframes are up to " + seconds(gap) + " apart, more than the "
                    + seconds(SEGMENT_LENGTH) + " segments");
        }
        return new PackagingPlan(media, Packaging.REMUX, List.of(Rendition.copyOf(video)),
                "H.264 and " + (media.hasAudio() ? "AAC" : "no sound") + " with keyframes at most " + seconds(gap) + " apart");
    }

    /** Empty when every stream packaging uses could go out as it is; else why not, in words. */
    static Optional<String> whyStreamsCannotBeCopied(MediaInfo media) {
        VideoStream video = media.video().orElseThrow();
        if (!video.codec().equals("h264")) {
            return Optional.of("its video is " + video.codec() + ", not H.264");
        }
        if (!PLAYABLE_PIXEL_FORMATS.contains(video.pixelFormat())) {
            return Optional.of("its pictures are " + video.pixelFormat() + ", not 8-bit 4:2:0");
        }
        if (video.rotation() != 0) {
            return Optional.of("it is recorded turned by " + video.rotation() + " degrees");
        }
        Optional<String> audioCodec = media.audio().map(AudioStream::codec).filter(codec -> !codec.equals("aac"));
        return audioCodec.map(codec -> "its sound is " + codec + ", not AAC");
    }

    /** The renditions a transcode makes, largest first. */
    static List<Rendition> ladder(VideoStream source) throws UnreadableMediaException {
        int sourceShort = Math.min(source.displayWidth(), source.displayHeight());
        int sourceLong = Math.max(source.displayWidth(), source.displayHeight());
        if (evenDown(sourceShort) < 2) {
            throw new UnreadableMediaException("the video's pictures are " + source.displayWidth() + "x"
                    + source.displayHeight() + " pixels, too small to encode");
        }
        boolean portrait = source.displayHeight() > source.displayWidth();
        int top = Math.min(evenDown(sourceShort), LARGEST_TOP_RUNG);
        List<Rendition> ladder = new ArrayList<>();
        ladder.add(rung(top, sourceShort, sourceLong, portrait, bitRateFor(top, sourceShort, sourceLong)));
        ladder.addAll(standardRungsBelow(top, sourceShort, sourceLong, portrait));
        return ladder;
    }

    /**
     * The rungs a remuxed video gets in the background, below its copied stream, largest first:
     * the standard rungs clearly smaller than the source (at most 5/6 of its short side), as a
     * transcode would make them. Empty below 432p: a 360p rung would save too little there.
     */
    public static List<Rendition> lowerRungs(VideoStream copied) {
        int sourceShort = Math.min(copied.displayWidth(), copied.displayHeight());
        int sourceLong = Math.max(copied.displayWidth(), copied.displayHeight());
        boolean portrait = copied.displayHeight() > copied.displayWidth();
        return standardRungsBelow(evenDown(sourceShort), sourceShort, sourceLong, portrait).stream()
                .map(rung -> cappedBelow(copied, rung)).toList();
    }

    /**
     * The rung, its bit rate lowered when the copied stream is frugal: a lower rung that needs
     * more bits than the source would look to the player like the better choice and would
     * waste the viewer's bandwidth. Scaled like {@link #bitRateFor}, by pixels to the power 0.75.
     */
    private static Rendition cappedBelow(VideoStream copied, Rendition rung) {
        if (copied.kbps() == 0) {
            return rung;
        }
        double pixelShare = (double) rung.width() * rung.height() / ((double) copied.displayWidth() * copied.displayHeight());
        int cap = (int) Math.max(1, Math.floor(copied.kbps() * Math.pow(pixelShare, 0.75)));
        return cap >= rung.videoKbps() ? rung : new Rendition(rung.width(), rung.height(), cap);
    }

    private static List<Rendition> standardRungsBelow(int top, int sourceShort, int sourceLong, boolean portrait) {
        List<Rendition> rungs = new ArrayList<>();
        for (Rendition standard : STANDARD_RUNGS) {
            int shortSide = standard.height();
            if (shortSide * 6 <= top * 5) {
                rungs.add(rung(shortSide, sourceShort, sourceLong, portrait, standard.videoKbps()));
            }
        }
        return rungs;
    }

    private static PackagingPlan transcode(MediaInfo media, VideoStream video, String reason) throws UnreadableMediaException {
        return new PackagingPlan(media, Packaging.TRANSCODE, ladder(video), reason);
    }

    /** A rung of {@code shortSide}, the long side in the source's proportions, never beyond the source. */
    private static Rendition rung(int shortSide, int sourceShort, int sourceLong, boolean portrait, int kbps) {
        int longSide = Math.min(evenRound((double) sourceLong * shortSide / sourceShort), evenDown(sourceLong));
        return portrait ? new Rendition(shortSide, longSide, kbps) : new Rendition(longSide, shortSide, kbps);
    }

    /**
     * A standard rung's own rate; any other size gets the 720p rate scaled by pixel count to
     * the power 0.75 (bigger pictures need fewer bits per pixel): 1080p 5500k, 480p 1600k.
     */
    private static int bitRateFor(int shortSide, int sourceShort, int sourceLong) {
        for (Rendition standard : STANDARD_RUNGS) {
            if (standard.height() == shortSide) {
                return standard.videoKbps();
            }
        }
        double pixels = (double) shortSide * sourceLong * shortSide / sourceShort;
        long kbps = Math.round(ANCHOR_KBPS * Math.pow(pixels / ANCHOR_PIXELS, 0.75) / 100) * 100;
        return (int) Math.max(LOWEST_KBPS, kbps);
    }

    private static int evenDown(int pixels) {
        return pixels & ~1;
    }

    private static int evenRound(double pixels) {
        return (int) Math.round(pixels / 2) * 2;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
