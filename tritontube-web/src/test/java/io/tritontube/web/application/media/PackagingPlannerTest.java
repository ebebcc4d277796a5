package io.tritontube.web.application.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tritontube.web.domain.video.Packaging;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackagingPlannerTest {

    private static final Path UPLOAD = Path.of("/data/work/upload.mp4");
    private static final VideoStream H264_720P = new VideoStream("h264", "yuv420p", 1280, 720, 0);
    private static final Optional<AudioStream> AAC = Optional.of(new AudioStream("aac"));

    @Test
    void h264AndAacWithKeyframesWithinASegmentAreRemuxedAtTheSourceResolution() throws Exception {
        PackagingPlan plan = plannerSeeingGap(Duration.ofSeconds(4)).plan(UPLOAD, media(H264_720P, AAC));

        assertEquals(Packaging.REMUX, plan.packaging());
        assertEquals(List.of(new Rendition(1280, 720, 0)), plan.renditions());
        assertEquals("H.264 and AAC with keyframes at most 4.0 s apart", plan.reason());
    }

    @Test
    void keyframesEvery120FramesAt2997FramesASecondAreCloseEnough() throws Exception {
        PackagingPlan plan = plannerSeeingGap(Duration.ofMillis(4004)).plan(UPLOAD, media(H264_720P, AAC));

        assertEquals(Packaging.REMUX, plan.packaging());
    }

    @Test
    void aSilentH264VideoIsRemuxedToo() throws Exception {
        PackagingPlan plan = plannerSeeingGap(Duration.ofSeconds(2)).plan(UPLOAD, media(H264_720P, Optional.empty()));

        assertEquals(Packaging.REMUX, plan.packaging());
    }

    @Test
    void keyframesFurtherApartThanASegmentMeanATranscode() throws Exception {
        PackagingPlan plan = plannerSeeingGap(Duration.ofMillis(4300)).plan(UPLOAD, media(H264_720P, AAC));

        assertEquals(Packaging.TRANSCODE, plan.packaging());
        assertEquals("its keyframes are up to 4.3 s apart, more than the 4.0 s segments", plan.reason());
    }

    @Test
    void streamsBrowsersCannotPlayMeanATranscodeWithoutProbingKeyframes() throws Exception {
        PackagingPlanner planner = new PackagingPlanner(new FixedGapInspector(null));

        assertEquals("its video is mpeg4, not H.264",
                planner.plan(UPLOAD, media(new VideoStream("mpeg4", "yuv420p", 1280, 720, 0), AAC)).reason());
        assertEquals("its pictures are yuv420p10le, not 8-bit 4:2:0",
                planner.plan(UPLOAD, media(new VideoStream("h264", "yuv420p10le", 1280, 720, 0), AAC)).reason());
        assertEquals("it is recorded turned by 90 degrees",
                planner.plan(UPLOAD, media(new VideoStream("h264", "yuv420p", 1280, 720, 90), AAC)).reason());
        assertEquals("its sound is mp3, not AAC",
                planner.plan(UPLOAD, media(H264_720P, Optional.of(new AudioStream("mp3")))).reason());
    }

    @Test
    void fullRangeH264FromCamerasIsPlayableAsItIs() throws Exception {
        PackagingPlan plan = plannerSeeingGap(Duration.ofSeconds(1)).plan(UPLOAD, media(new VideoStream("h264", "yuvj420p", 1920, 1080, 0), AAC));

        assertEquals(Packaging.REMUX, plan.packaging());
    }

    @Test
    void the720pLadderAdds360p() throws Exception {
        assertEquals(List.of(new Rendition(1280, 720, 3000), new Rendition(640, 360, 800)), ladderFor(1280, 720, 0));
    }

    @Test
    void aLargerSourceKeepsItsOwnResolutionOnTop() throws Exception {
        assertEquals(List.of(new Rendition(1920, 1080, 5500), new Rendition(1280, 720, 3000), new Rendition(640, 360, 800)),
                ladderFor(1920, 1080, 0));
    }

    @Test
    void beyond1080pTheTopRungIs1080p() throws Exception {
        assertEquals(List.of(new Rendition(1920, 1080, 5500), new Rendition(1280, 720, 3000), new Rendition(640, 360, 800)),
                ladderFor(3840, 2160, 0));
    }

    @Test
    void aSmallSourceIsNeverUpscaled() throws Exception {
        assertEquals(List.of(new Rendition(852, 480, 1600), new Rendition(640, 360, 800)), ladderFor(853, 480, 0));
        assertEquals(List.of(new Rendition(320, 240, 500)), ladderFor(320, 240, 0));
    }

    @Test
    void aRungBarelySmallerThanTheSourceIsLeftOut() throws Exception {
        assertEquals(List.of(new Rendition(712, 400, 1200)), ladderFor(712, 400, 0));
    }

    @Test
    void aPortraitVideoIsLadderedByItsShortSideAndShownUpright() throws Exception {
        assertEquals(List.of(new Rendition(1080, 1920, 5500), new Rendition(720, 1280, 3000), new Rendition(360, 640, 800)),
                ladderFor(1920, 1080, 90));
    }

    @Test
    void aPictureTooSmallToEncodeIsUnreadable() {
        assertThrows(UnreadableMediaException.class, () -> ladderFor(1, 1, 0));
    }

    @Test
    void anUploadWithoutVideoCannotBePlanned() {
        MediaInfo soundOnly = new MediaInfo(Duration.ofSeconds(3), Optional.empty(), AAC);

        assertThrows(UnreadableMediaException.class, () -> plannerSeeingGap(Duration.ZERO).plan(UPLOAD, soundOnly));
    }

    @Test
    void aRemuxedVideoGetsTheStandardRungsClearlyBelowItsOwnResolution() {
        assertEquals(List.of(new Rendition(640, 360, 800)), lowerRungsFor(1280, 720, 0));
        assertEquals(List.of(new Rendition(1280, 720, 3000), new Rendition(640, 360, 800)), lowerRungsFor(1920, 1080, 0));
        assertEquals(List.of(new Rendition(1280, 720, 3000), new Rendition(640, 360, 800)), lowerRungsFor(3840, 2160, 0));
        assertEquals(List.of(new Rendition(640, 360, 800)), lowerRungsFor(854, 480, 0));
    }

    @Test
    void aRemuxedVideoBelow432pGetsNoRungSinceItWouldSaveTooLittle() {
        assertEquals(List.of(), lowerRungsFor(764, 430, 0));
        assertEquals(List.of(), lowerRungsFor(320, 240, 0));
    }

    @Test
    void aLowerRungNeverAsksForMoreBitsThanTheStreamItIsMadeFrom() {
        VideoStream frugal720p = new VideoStream("h264", "yuv420p", 1280, 720, 0, 600);
        VideoStream generous720p = new VideoStream("h264", "yuv420p", 1280, 720, 0, 4000);

        assertEquals(List.of(new Rendition(640, 360, 212)), PackagingPlanner.lowerRungs(frugal720p));
        assertEquals(List.of(new Rendition(640, 360, 800)), PackagingPlanner.lowerRungs(generous720p));
    }

    @Test
    void aPortraitVideosRungsArePortraitToo() {
        assertEquals(List.of(new Rendition(360, 640, 800)), lowerRungsFor(720, 1280, 0));
    }

    private static List<Rendition> lowerRungsFor(int width, int height, int rotation) {
        return PackagingPlanner.lowerRungs(new VideoStream("h264", "yuv420p", width, height, rotation));
    }

    private static List<Rendition> ladderFor(int width, int height, int rotation) throws UnreadableMediaException {
        return PackagingPlanner.ladder(new VideoStream("mpeg4", "yuv420p", width, height, rotation));
    }

    private static MediaInfo media(VideoStream video, Optional<AudioStream> audio) {
        return new MediaInfo(Duration.ofMinutes(10), Optional.of(video), audio);
    }

    private static PackagingPlanner plannerSeeingGap(Duration gap) {
        return new PackagingPlanner(new FixedGapInspector(gap));
    }

    /** Answers the keyframe probe with a fixed gap; a null gap means the probe must not be asked. */
    private record FixedGapInspector(Duration gap) implements MediaInspector {

        @Override
        public MediaInfo inspect(Path file) {
            throw new UnsupportedOperationException("the planner is handed the inspection");
        }

        @Override
        public Duration longestKeyframeGap(Path file) {
            if (gap == null) {
                throw new AssertionError("keyframes probed although the streams already rule a remux out");
            }
            return gap;
        }
    }
}
