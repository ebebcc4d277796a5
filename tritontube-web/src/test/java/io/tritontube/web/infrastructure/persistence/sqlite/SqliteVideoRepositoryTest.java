package io.tritontube.web.infrastructure.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.video.IdSearch;
import io.tritontube.web.domain.video.InvalidPageTokenException;
import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoSlice;
import io.tritontube.web.domain.video.VideoStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteVideoRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00.123Z");

    @TempDir
    Path directory;

    private Path databaseFile;
    private SqliteVideoRepository repository;

    @BeforeEach
    void open() {
        databaseFile = directory.resolve("nested/dirs/metadata.db");
        repository = SqliteVideoRepository.open(databaseFile);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void createsItsFileAndParentDirectoriesOnFirstStart() {
        assertTrue(Files.isRegularFile(databaseFile));
    }

    @Test
    void aCreatedVideoIsFoundAsStored() throws Exception {
        Video video = Video.accepted(VideoId.of("été à Paris"), T0);
        repository.create(video);

        assertEquals(Optional.of(video), repository.find(video.id()));
        assertEquals(Optional.empty(), repository.find(VideoId.of("unknown")));
    }

    @Test
    void updatesReplaceStatusProgressAndError() throws Exception {
        Video video = Video.accepted(VideoId.of("clip"), T0);
        repository.create(video);

        repository.update(video.withProgress(42));
        assertEquals(42, repository.find(video.id()).orElseThrow().progress());

        repository.update(video.withProgress(42).failed("ffmpeg could not package the video"));
        Video failed = repository.find(video.id()).orElseThrow();
        assertEquals(VideoStatus.FAILED, failed.status());
        assertEquals("ffmpeg could not package the video", failed.error());
    }

    @Test
    void anUpdateOfADeletedVideoDoesNotBringItBack() throws Exception {
        Video video = Video.accepted(VideoId.of("gone"), T0);
        repository.create(video);
        assertTrue(repository.delete(video.id()));

        repository.update(video.withProgress(50));

        assertEquals(Optional.empty(), repository.find(video.id()));
        assertFalse(repository.delete(video.id()));
    }

    @Test
    void anUpdateIfProcessingReplacesOnlyAVideoStillProcessing() throws Exception {
        Video processing = Video.accepted(VideoId.of("processing"), T0);
        Video failedElsewhere = Video.accepted(VideoId.of("failed elsewhere"), T0).failed("interrupted");
        repository.create(processing);
        repository.create(failedElsewhere);

        assertTrue(repository.updateIfProcessing(processing.withProgress(40)));
        assertTrue(repository.updateIfProcessing(processing.ready()));
        assertFalse(repository.updateIfProcessing(processing.withProgress(50)), "a ready video stays ready");
        assertFalse(repository.updateIfProcessing(failedElsewhere.ready()), "a failed video is not made ready");
        assertFalse(repository.updateIfProcessing(Video.accepted(VideoId.of("never uploaded"), T0)));

        assertEquals(Optional.of(processing.ready()), repository.find(processing.id()));
        assertEquals(Optional.of(failedElsewhere), repository.find(failedElsewhere.id()));
        assertEquals(Optional.empty(), repository.find(VideoId.of("never uploaded")));
    }

    @Test
    void aSecondCreateWithTheSameIdFails() throws Exception {
        repository.create(Video.accepted(VideoId.of("clip"), T0));

        VideoAlreadyExistsException e = assertThrows(VideoAlreadyExistsException.class,
                () -> repository.create(Video.accepted(VideoId.of("clip"), T0.plusSeconds(5))));
        assertEquals(VideoId.of("clip"), e.id());
        assertEquals(T0, repository.find(VideoId.of("clip")).orElseThrow().uploadedAt(), "the first upload is kept");
    }

    @Test
    void ofManyConcurrentCreatesWithOneIdExactlyOneWins() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Instant uploadedAt = T0.plusMillis(i);
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        repository.create(Video.accepted(VideoId.of("race"), uploadedAt));
                        return true;
                    } catch (VideoAlreadyExistsException lost) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> attempt : attempts) {
                winners += attempt.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoRepositoriesOnOneFileStillLetOnlyOneCreateWin() throws Exception {
        try (SqliteVideoRepository second = SqliteVideoRepository.open(databaseFile)) {
            repository.create(Video.accepted(VideoId.of("shared"), T0));
            assertThrows(VideoAlreadyExistsException.class, () -> second.create(Video.accepted(VideoId.of("shared"), T0)));
        }
    }

    @Test
    void listsNewestFirstOnePageAtATime() throws Exception {
        // Two videos share an upload time: the id breaks the tie, so no page repeats or skips one.
        repository.create(Video.accepted(VideoId.of("oldest"), T0));
        repository.create(Video.accepted(VideoId.of("b-same-time"), T0.plusSeconds(60)));
        repository.create(Video.accepted(VideoId.of("a-same-time"), T0.plusSeconds(60)));
        repository.create(Video.accepted(VideoId.of("newest"), T0.plusSeconds(120)));
        repository.create(Video.accepted(VideoId.of("middle"), T0.plusSeconds(30)));

        VideoSlice first = repository.listNewestFirst(Optional.empty(), 2);
        VideoSlice second = repository.listNewestFirst(first.nextPage(), 2);
        VideoSlice third = repository.listNewestFirst(second.nextPage(), 2);

        assertEquals(List.of("newest", "b-same-time"), ids(first));
        assertEquals(List.of("a-same-time", "middle"), ids(second));
        assertEquals(List.of("oldest"), ids(third));
        assertTrue(third.nextPage().isEmpty());
    }

    @Test
    void aPageThatEndsExactlyAtTheLastVideoHasNoNextPage() throws Exception {
        repository.create(Video.accepted(VideoId.of("one"), T0));
        repository.create(Video.accepted(VideoId.of("two"), T0.plusSeconds(1)));

        VideoSlice all = repository.listNewestFirst(Optional.empty(), 2);

        assertEquals(List.of("two", "one"), ids(all));
        assertTrue(all.nextPage().isEmpty());
        assertTrue(repository.listNewestFirst(Optional.empty(), 10).nextPage().isEmpty());
    }

    @Test
    void aSearchFindsIdsContainingTheTextIgnoringCaseNewestFirstInPages() throws Exception {
        repository.create(Video.accepted(VideoId.of("Holiday in CRETE"), T0));
        repository.create(Video.accepted(VideoId.of("cat video"), T0.plusSeconds(10)));
        repository.create(Video.accepted(VideoId.of("Été à Crète"), T0.plusSeconds(20)));
        repository.create(Video.accepted(VideoId.of("crete again"), T0.plusSeconds(30)));
        repository.create(Video.accepted(VideoId.of("ÉTÉ 2026"), T0.plusSeconds(40)));

        VideoSlice first = repository.searchNewestFirst(new IdSearch("cRete"), Optional.empty(), 1);
        VideoSlice second = repository.searchNewestFirst(new IdSearch("cRete"), first.nextPage(), 1);

        assertEquals(List.of("crete again"), ids(first));
        assertEquals(List.of("Holiday in CRETE"), ids(second));
        assertTrue(second.nextPage().isEmpty(), "the last match ends the search");
        assertEquals(List.of("ÉTÉ 2026", "Été à Crète"), ids(repository.searchNewestFirst(new IdSearch("été"), Optional.empty(), 10)),
                "case is ignored beyond ASCII");
    }

    @Test
    void aSearchTakesPercentAndUnderscoreLiterally() throws Exception {
        repository.create(Video.accepted(VideoId.of("100% pure"), T0));
        repository.create(Video.accepted(VideoId.of("1000 pure"), T0.plusSeconds(1)));
        repository.create(Video.accepted(VideoId.of("snake_case"), T0.plusSeconds(2)));
        repository.create(Video.accepted(VideoId.of("snakescase"), T0.plusSeconds(3)));

        assertEquals(List.of("100% pure"), ids(repository.searchNewestFirst(new IdSearch("0%"), Optional.empty(), 10)));
        assertEquals(List.of("snake_case"), ids(repository.searchNewestFirst(new IdSearch("e_c"), Optional.empty(), 10)));
        assertEquals(List.of(), ids(repository.searchNewestFirst(new IdSearch("nothing like it"), Optional.empty(), 10)));
    }

    @Test
    void theFormatIsStoredWithTheVideoAndUpdatedWithIt() throws Exception {
        VideoFormat inspected = VideoFormat.inspected(Duration.ofMillis(600_123), 1280, 720, false);
        Video video = Video.accepted(VideoId.of("with format"), T0, inspected);
        repository.create(video);
        assertEquals(Optional.of(video), repository.find(video.id()));
        Video planned = video.withFormat(inspected.packagedAs(Packaging.TRANSCODE, List.of("1280x720", "640x360")));

        repository.update(planned);

        assertEquals(Optional.of(planned), repository.find(video.id()));
    }

    @Test
    void aDatabaseOfTheFirstReleaseGainsTheFormatColumnsAndKeepsItsVideos() throws Exception {
        Path old = directory.resolve("first-release.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE videos (id TEXT PRIMARY KEY, uploaded_at INTEGER NOT NULL, status TEXT NOT NULL, "
                    + "progress INTEGER NOT NULL, error TEXT)");
            statement.execute("INSERT INTO videos VALUES ('old clip', " + T0.toEpochMilli() + ", 'ready', 100, NULL)");
        }

        try (SqliteVideoRepository migrated = SqliteVideoRepository.open(old)) {
            Video oldClip = migrated.find(VideoId.of("old clip")).orElseThrow();
            assertEquals(VideoFormat.UNKNOWN, oldClip.format());
            assertEquals(VideoStatus.READY, oldClip.status());
            Video remuxed = Video.accepted(VideoId.of("new clip"), T0,
                    new VideoFormat(Duration.ofSeconds(5), 640, 360, true, Optional.of(Packaging.REMUX), List.of("640x360")));
            migrated.create(remuxed);
            assertEquals(Optional.of(remuxed), migrated.find(remuxed.id()));
        }
        try (SqliteVideoRepository reopened = SqliteVideoRepository.open(old)) {
            assertEquals(2, reopened.listNewestFirst(Optional.empty(), 10).videos().size(), "a second open migrates nothing");
        }
    }

    @Test
    void aForgedPageTokenIsRefused() {
        assertThrows(InvalidPageTokenException.class, () -> repository.listNewestFirst(Optional.of("not a token!"), 10));
        assertThrows(InvalidPageTokenException.class, () -> repository.listNewestFirst(Optional.of("bm9jb2xvbg"), 10));
    }

    @Test
    void recordsSurviveReopening() throws Exception {
        Video video = Video.accepted(VideoId.of("durable"), T0).withProgress(10);
        repository.create(video);
        repository.close();

        repository = SqliteVideoRepository.open(databaseFile);

        assertEquals(Optional.of(video), repository.find(video.id()));
    }

    private static List<String> ids(VideoSlice slice) {
        return slice.videos().stream().map(v -> v.id().value()).toList();
    }
}
