package io.tritontube.web.infrastructure.transcoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.application.media.PackagingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of a lower rung's own run into a remux, on manifests and playlists shaped as ffmpeg 5.1 writes them. */
class RungMergeTest {

    private static final String PUBLISHED_MASTER = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="group_A1",NAME="audio_1",DEFAULT=YES,URI="media_1.m3u8"
            #EXT-X-STREAM-INF:BANDWIDTH=3191838,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="group_A1"
            media_0.m3u8

            """;
    private static final String RUNG_MASTER = """
            #EXTM3U
            #EXT-X-VERSION:7
            #EXT-X-STREAM-INF:BANDWIDTH=803240,RESOLUTION=640x360,CODECS="avc1.64001e"
            media_0.m3u8
            """;

    @TempDir
    Path directory;

    private Path packaged;
    private Path encoded;
    private Path output;

    @BeforeEach
    void setUp() throws Exception {
        packaged = Files.createDirectory(directory.resolve("packaged"));
        encoded = Files.createDirectory(directory.resolve("encoded"));
        output = Files.createDirectory(directory.resolve("output"));
        Files.writeString(packaged.resolve("master.m3u8"), PUBLISHED_MASTER);
        Files.writeString(encoded.resolve("master.m3u8"), RUNG_MASTER);
        Files.writeString(encoded.resolve("init-0.m4s"), "init");
        Files.writeString(encoded.resolve("chunk-0-00001.m4s"), "first");
        Files.writeString(encoded.resolve("chunk-0-00002.m4s"), "second");
        Files.writeString(encoded.resolve("media_0.m3u8"), """
                #EXTM3U
                #EXT-X-MAP:URI="init-0.m4s"
                #EXTINF:4.100000,
                chunk-0-00001.m4s
                #EXTINF:1.000000,
                chunk-0-00002.m4s
                #EXT-X-ENDLIST
                """);
    }

    @Test
    void theRungTakesTheNextIdInTheVideoSetAndTheAudioGroupInThePlaylist() throws Exception {
        // The copied stream counts in 1/90000 s, the rung in 1/15360 s: both cut at 0 and 4.1 s.
        Files.writeString(packaged.resolve("manifest.mpd"), manifest(video("0", 90000, "<S t=\"0\" d=\"369000\" /><S d=\"90000\" />")
                + audio()));
        Files.writeString(encoded.resolve("manifest.mpd"), manifest(video("0", 15360, "<S t=\"0\" d=\"62976\" /><S d=\"15360\" />")));

        RungMerge.merge(packaged, encoded, output);

        assertEquals(List.of("chunk-2-00001.m4s", "chunk-2-00002.m4s", "init-2.m4s", "manifest.mpd", "master.m3u8", "media_2.m3u8"),
                FfmpegToolsTest.namesIn(output));
        assertEquals(List.of("0 video 1280x720", "1 audio", "2 video 1280x720"), FfmpegToolsTest.representations(output));
        String mediaPlaylist = Files.readString(output.resolve("media_2.m3u8"));
        assertTrue(mediaPlaylist.contains("#EXT-X-MAP:URI=\"init-2.m4s\"\n#EXTINF:4.100000,\nchunk-2-00001.m4s\n"), mediaPlaylist);
        assertEquals(PUBLISHED_MASTER.stripTrailing() + "\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=931240,RESOLUTION=640x360,CODECS=\"avc1.64001e,mp4a.40.2\",AUDIO=\"group_A1\"\n"
                + "media_2.m3u8\n", Files.readString(output.resolve("master.m3u8")));
    }

    @Test
    void aRungWhoseSegmentsStartElsewhereIsRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(packaged.resolve("manifest.mpd"), manifest(video("0", 90000, "<S t=\"0\" d=\"369000\" /><S d=\"90000\" />")));
        Files.writeString(encoded.resolve("manifest.mpd"), manifest(video("0", 15360, "<S t=\"0\" d=\"61440\" /><S d=\"16896\" />")));

        PackagingException refused = assertThrows(PackagingException.class, () -> RungMerge.merge(packaged, encoded, output));

        assertEquals("the 720p rendition's segments start at [0.0, 4.0] s, not where the copied video's do: [0.0, 4.1] s",
                refused.getMessage());
        assertEquals(List.of(), FfmpegToolsTest.namesIn(output));
    }

    private static String manifest(String adaptationSets) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\" type=\"static\">"
                + "<Period id=\"0\" start=\"PT0.0S\">" + adaptationSets + "</Period></MPD>";
    }

    private static String video(String id, int timescale, String timeline) {
        return "<AdaptationSet id=\"0\" contentType=\"video\"><Representation id=\"" + id + "\" mimeType=\"video/mp4\" "
                + "codecs=\"avc1.64001f\" bandwidth=\"3000000\" width=\"1280\" height=\"720\"><SegmentTemplate timescale=\""
                + timescale + "\" initialization=\"init-$RepresentationID$.m4s\" media=\"chunk-$RepresentationID$-$Number%05d$.m4s\" "
                + "startNumber=\"1\"><SegmentTimeline>" + timeline + "</SegmentTimeline></SegmentTemplate></Representation>"
                + "</AdaptationSet>";
    }

    private static String audio() {
        return "<AdaptationSet id=\"1\" contentType=\"audio\"><Representation id=\"1\" mimeType=\"audio/mp4\" "
                + "codecs=\"mp4a.40.2\" bandwidth=\"128000\"><SegmentTemplate timescale=\"44100\"><SegmentTimeline>"
                + "<S t=\"0\" d=\"176128\" /></SegmentTimeline></SegmentTemplate></Representation></AdaptationSet>";
    }
}
