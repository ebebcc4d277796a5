package io.tritontube.systemtest.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tritontube.systemtest.support.EmbeddedSite;
import io.tritontube.systemtest.support.SiteClient;
import io.tritontube.testkit.MultipartUpload;
import io.tritontube.testkit.SampleVideos;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad request gets a clear 4xx, and none leaves anything behind. */
@ExtendWith(EmbeddedSite.class)
class BadRequestsTest {

    @TempDir
    Path files;

    @Test
    void anUploadWithoutAFileIsRefused(SiteClient site) {
        HttpResponse<String> response = site.send(MultipartUpload.withoutFile(site.uri("/upload")));

        assertRefused(400, response);
    }

    @Test
    void anEmptyFileIsRefused(SiteClient site) throws IOException {
        Path empty = Files.createFile(files.resolve("empty.mp4"));

        assertRefused(400, site.upload(empty, "empty.mp4"));
        assertNotListed(site, "empty");
    }

    @Test
    void bytesThatAreNotMp4AreRefusedWhateverTheirName(SiteClient site) throws IOException {
        Path text = Files.writeString(files.resolve("notes.mp4"), "these are not the frames you are looking for\n".repeat(100));

        assertRefused(400, site.upload(text, "notes.mp4"));
        assertNotListed(site, "notes");
    }

    @Test
    void aTruncatedMp4IsRefused(SiteClient site) throws IOException {
        byte[] whole = Files.readAllBytes(SampleVideos.testPattern(files, "whole.mp4", 2));
        Path truncated = Files.write(files.resolve("truncated.mp4"), Arrays.copyOf(whole, whole.length / 3));

        assertRefused(400, site.upload(truncated, "truncated.mp4"));
        assertNotListed(site, "truncated");
    }

    @Test
    void anMp4WithoutAVideoStreamIsRefused(SiteClient site) {
        Path sound = SampleVideos.audioOnly(files, "sound.mp4", 2);

        assertRefused(400, site.upload(sound, "sound-only.mp4"));
        assertNotListed(site, "sound-only");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.mp4", "..mp4", ".mp4", "a\\b.mp4", "tab\there.mp4"})
    void fileNamesThatMakeNoValidIdAreRefused(String fileName, SiteClient site) {
        Path clip = SampleVideos.testPattern(files, "valid.mp4", 1);

        assertRefused(400, site.upload(clip, fileName));
    }

    @Test
    void anIdLongerThan128CharactersIsRefused(SiteClient site) {
        Path clip = SampleVideos.testPattern(files, "valid.mp4", 1);

        assertRefused(400, site.upload(clip, "x".repeat(300) + ".mp4"));
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedWith413(SiteClient site) throws IOException {
        Path big = files.resolve("big.mp4");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
            file.setLength(EmbeddedSite.UPLOAD_LIMIT_BYTES + 1024 * 1024);
        }

        assertRefused(413, site.upload(big, "big.mp4"));
        assertNotListed(site, "big");
    }

    @Test
    void aSecondUploadWithATakenIdIsRefusedWith409(SiteClient site) {
        Path clip = SampleVideos.testPattern(files, "twice.mp4", 1);
        assertEquals(303, site.upload(clip, "twice.mp4").statusCode());

        assertRefused(409, site.upload(clip, "twice.mp4"));
    }

    @Test
    void ofTwoSimultaneousUploadsWithOneIdExactlyOneWins(SiteClient site) throws Exception {
        Path clip = SampleVideos.testPattern(files, "race.mp4", 1);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> uploads = List.of(
                CompletableFuture.supplyAsync(() -> raceUpload(site, clip, start)),
                CompletableFuture.supplyAsync(() -> raceUpload(site, clip, start)));

        List<Integer> statuses = uploads.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(List.of(303, 409), statuses);
    }

    private static int raceUpload(SiteClient site, Path clip, CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return site.upload(clip, "race.mp4").statusCode();
    }

    @Test
    void unknownVideosAndFilesAre404(SiteClient site) {
        Path clip = SampleVideos.testPattern(files, "known.mp4", 2);
        assertEquals(303, site.upload(clip, "known.mp4").statusCode());
        site.awaitReady("known", Duration.ofMinutes(3));

        assertEquals(404, site.get("/videos/never-uploaded").statusCode());
        assertEquals(404, site.get("/api/videos/never-uploaded").statusCode());
        assertEquals(404, site.get("/content/never-uploaded/manifest.mpd").statusCode());
        assertEquals(404, site.get("/content/known/chunk-0-99999.m4s").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/content/known/../secret", "/content/a%2Fb/manifest.mpd", "/content/a%5Cb/manifest.mpd",
            "/content//manifest.mpd", "/content/known/", "/content/known/%2Fetc%2Fpasswd", "/content/known/x/manifest.mpd", "/content/%2E%2E/manifest.mpd"})
    void malformedContentPathsAre400(String path, SiteClient site) {
        HttpResponse<String> response = site.get(path);

        assertEquals(400, response.statusCode(), path + " answered " + response.statusCode() + ": " + response.body());
    }

    private static void assertRefused(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertFalse(response.body().isBlank(), "a message says why");
    }

    private static void assertNotListed(SiteClient site, String id) {
        String list = site.get("/api/videos?limit=1000").body();
        assertFalse(list.contains("\"" + id + "\""), id + " was recorded: " + list);
        assertEquals(404, site.get("/api/videos/" + id).statusCode());
        assertFalse(Files.exists(site.server().workDir().resolve("data/content").resolve(id)), id + " left files behind");
    }
}
