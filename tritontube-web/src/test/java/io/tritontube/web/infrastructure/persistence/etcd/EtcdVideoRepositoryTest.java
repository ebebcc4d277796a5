package io.tritontube.web.infrastructure.persistence.etcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.tritontube.testkit.EtcdCluster;
import io.tritontube.web.domain.video.IdSearch;
import io.tritontube.web.domain.video.InvalidPageTokenException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoSlice;
import io.tritontube.web.domain.video.VideoStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Video metadata against a real 3-member etcd cluster; each test in its own key prefix. */
class EtcdVideoRepositoryTest {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    private static EtcdConnection connection;
    private String prefix;
    private EtcdVideoRepository videos;

    @BeforeAll
    static void connect() {
        connection = EtcdConnection.connect(EtcdCluster.shared().clientEndpoints());
    }

    @AfterAll
    static void disconnect() {
        connection.close();
    }

    @BeforeEach
    void isolate() {
        prefix = "/test-" + UUID.randomUUID() + "/";
        videos = new EtcdVideoRepository(connection, prefix);
    }

    @AfterEach
    void closeRepository() {
        videos.close();
    }

    @Test
    void aCreatedVideoIsFoundAsStored() throws Exception {
        Video failed = new Video(VideoId.of("cat video ü?#%"), NOON, VideoStatus.FAILED, 40, "ffmpeg exited with 1");
        videos.create(failed);

        assertEquals(Optional.of(failed), videos.find(failed.id()));
        assertEquals(Optional.empty(), videos.find(VideoId.of("never uploaded")));
    }

    @Test
    void ofSixteenConcurrentCreatesOfOneIdExactlyOneWins() throws Exception {
        int uploaders = 16;
        VideoId id = VideoId.of("contested");
        CountDownLatch startTogether = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(uploaders);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < uploaders; i++) {
                Video attempt = Video.accepted(id, NOON.plusMillis(i));
                outcomes.add(threads.submit(createdOrTaken(attempt, startTogether)));
            }
            startTogether.countDown();
            int winners = 0;
            for (Future<Boolean> outcome : outcomes) {
                winners += outcome.get() ? 1 : 0;
            }

            assertEquals(1, winners, "creates that succeeded");
            VideoSlice listed = videos.listNewestFirst(Optional.empty(), 50);
            assertEquals(List.of(videos.find(id).orElseThrow()), listed.videos(), "one record, one index entry");
        } finally {
            threads.shutdownNow();
        }
    }

    private Callable<Boolean> createdOrTaken(Video attempt, CountDownLatch start) {
        return () -> {
            start.await();
            try {
                videos.create(attempt);
                return true;
            } catch (VideoAlreadyExistsException taken) {
                assertEquals(attempt.id(), taken.id());
                return false;
            }
        };
    }

    @Test
    void listsNewestFirstInPagesUntilALastPageWithoutToken() throws Exception {
        List<Video> newestFirst = IntStream.range(0, 7)
                .mapToObj(age -> Video.accepted(VideoId.of("video-" + age), NOON.minusSeconds(60L * age)))
                .toList();
        List<Video> shuffled = new ArrayList<>(newestFirst);
        Collections.shuffle(shuffled);
        for (Video video : shuffled) {
            videos.create(video);
        }

        VideoSlice first = videos.listNewestFirst(Optional.empty(), 3);
        VideoSlice second = videos.listNewestFirst(first.nextPage(), 3);
        VideoSlice last = videos.listNewestFirst(second.nextPage(), 3);

        assertEquals(newestFirst.subList(0, 3), first.videos());
        assertEquals(newestFirst.subList(3, 6), second.videos());
        assertEquals(newestFirst.subList(6, 7), last.videos());
        assertTrue(first.nextPage().isPresent() && second.nextPage().isPresent());
        assertEquals(Optional.empty(), last.nextPage());
    }

    @Test
    void aFullLastPageHasNoNextToken() throws Exception {
        videos.create(Video.accepted(VideoId.of("older"), NOON));
        videos.create(Video.accepted(VideoId.of("newer"), NOON.plusSeconds(1)));

        VideoSlice only = videos.listNewestFirst(Optional.empty(), 2);

        assertEquals(List.of("newer", "older"), only.videos().stream().map(v -> v.id().value()).toList());
        assertEquals(Optional.empty(), only.nextPage());
    }

    @Test
    void anEmptyCatalogueListsAsOneEmptyPage() {
        assertEquals(new VideoSlice(List.of(), Optional.empty()), videos.listNewestFirst(Optional.empty(), 10));
    }

    @Test
    void videosUploadedInTheSameMillisecondAreEachListedOnce() throws Exception {
        for (String name : List.of("b", "a", "c")) {
            videos.create(Video.accepted(VideoId.of(name), NOON));
        }

        VideoSlice first = videos.listNewestFirst(Optional.empty(), 2);
        VideoSlice second = videos.listNewestFirst(first.nextPage(), 2);

        List<String> listed = new ArrayList<>();
        first.videos().forEach(v -> listed.add(v.id().value()));
        second.videos().forEach(v -> listed.add(v.id().value()));
        assertEquals(List.of("a", "b", "c"), listed);
    }

    @Test
    void aSearchReadsTheIndexForMatchingIdsIgnoringCaseNewestFirstInPages() throws Exception {
        List<String> newestFirst = List.of("Crete again", "cat video", "Été à CRÈTE", "holiday in crete", "dog");
        for (int age = 0; age < newestFirst.size(); age++) {
            videos.create(Video.accepted(VideoId.of(newestFirst.get(age)), NOON.minusSeconds(age)));
        }

        VideoSlice first = videos.searchNewestFirst(new IdSearch("CRETE"), Optional.empty(), 1);
        VideoSlice second = videos.searchNewestFirst(new IdSearch("CRETE"), first.nextPage(), 1);

        assertEquals(List.of("Crete again"), ids(first));
        assertEquals(List.of("holiday in crete"), ids(second));
        assertEquals(Optional.empty(), second.nextPage(), "no match follows the last one");
        assertEquals(List.of("Été à CRÈTE"), ids(videos.searchNewestFirst(new IdSearch("crète"), Optional.empty(), 10)));
        assertEquals(new VideoSlice(List.of(), Optional.empty()),
                videos.searchNewestFirst(new IdSearch("nothing like it"), Optional.empty(), 10));
    }

    @Test
    void aSearchPageScansABoundedPartOfTheIndexAndSaysWhereToGoOn() throws Exception {
        int catalogue = EtcdVideoRepository.MAX_SCANNED_PER_PAGE + 5;
        // Bulk-written index entries: creating 10 000 videos one by one would take minutes.
        writeIndexEntries(catalogue - 1);
        videos.create(Video.accepted(VideoId.of("the needle"), NOON.minusSeconds(catalogue)));

        VideoSlice first = videos.searchNewestFirst(new IdSearch("needle"), Optional.empty(), 10);
        VideoSlice second = videos.searchNewestFirst(new IdSearch("needle"), first.nextPage(), 10);

        assertEquals(List.of(), ids(first), "the first page gave up after its budget of keys");
        assertTrue(first.nextPage().isPresent(), "and said where to go on");
        assertEquals(List.of("the needle"), ids(second));
        assertEquals(Optional.empty(), second.nextPage());
    }

    @Test
    void aPageTokenNotIssuedByTheRepositoryIsRefused() {
        assertThrows(InvalidPageTokenException.class, () -> videos.listNewestFirst(Optional.of("not a token!"), 5));
        assertThrows(InvalidPageTokenException.class, () -> videos.listNewestFirst(Optional.of("MTIz"), 5));
        assertThrows(IllegalArgumentException.class, () -> videos.listNewestFirst(Optional.empty(), 0));
    }

    @Test
    void anUpdateReplacesTheRecordAndKeepsItListed() throws Exception {
        Video accepted = Video.accepted(VideoId.of("growing"), NOON);
        videos.create(accepted);

        videos.update(accepted.withProgress(50));
        videos.update(accepted.ready());

        assertEquals(Optional.of(accepted.ready()), videos.find(accepted.id()));
        assertEquals(List.of(accepted.ready()), videos.listNewestFirst(Optional.empty(), 10).videos());
    }

    @Test
    void deletingRemovesTheVideoEverywhereAndFreesItsId() throws Exception {
        Video doomed = Video.accepted(VideoId.of("doomed"), NOON).ready();
        videos.create(doomed);

        assertTrue(videos.delete(doomed.id()));
        assertFalse(videos.delete(doomed.id()), "deleting twice is harmless");
        assertEquals(Optional.empty(), videos.find(doomed.id()));
        assertEquals(List.of(), videos.listNewestFirst(Optional.empty(), 10).videos());

        Video again = Video.accepted(doomed.id(), NOON.plusSeconds(5));
        videos.create(again);
        assertEquals(List.of(again), videos.listNewestFirst(Optional.empty(), 10).videos());
    }

    @Test
    void anUpdateOfADeletedVideoDoesNotBringItBack() throws Exception {
        Video processing = Video.accepted(VideoId.of("deleted while processing"), NOON);
        videos.create(processing);
        videos.delete(processing.id());

        videos.update(processing.ready());

        assertEquals(Optional.empty(), videos.find(processing.id()));
    }

    @Test
    void anUpdateIfProcessingNeverOverwritesAReadyOrFailedVideo() throws Exception {
        Video processing = Video.accepted(VideoId.of("still processing"), NOON);
        Video interrupted = Video.accepted(VideoId.of("marked failed by another server"), NOON).failed("interrupted");
        videos.create(processing);
        videos.create(interrupted);

        assertTrue(videos.updateIfProcessing(processing.withProgress(40)));
        assertTrue(videos.updateIfProcessing(processing.ready()));
        assertFalse(videos.updateIfProcessing(processing.withProgress(50)), "a ready video stays ready");
        assertFalse(videos.updateIfProcessing(interrupted.ready()), "a failed video is not made ready");
        assertFalse(videos.updateIfProcessing(Video.accepted(VideoId.of("never uploaded"), NOON)));

        assertEquals(Optional.of(processing.ready()), videos.find(processing.id()));
        assertEquals(Optional.of(interrupted), videos.find(interrupted.id()));
        assertEquals(Optional.empty(), videos.find(VideoId.of("never uploaded")));
    }

    @Test
    void ofEightServersMarkingOneProcessingVideoFailedAtOnceExactlyOneSucceeds() throws Exception {
        Video processing = Video.accepted(VideoId.of("orphaned"), NOON);
        videos.create(processing);
        int servers = 8;
        CountDownLatch startTogether = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(servers);
        try {
            List<Future<Boolean>> marks = new ArrayList<>();
            for (int server = 0; server < servers; server++) {
                EtcdVideoRepository repository = new EtcdVideoRepository(connection, prefix);
                Video failed = processing.failed("marked by server " + server);
                marks.add(threads.submit(() -> {
                    startTogether.await();
                    return repository.updateIfProcessing(failed);
                }));
            }
            startTogether.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> mark : marks) {
                outcomes.add(mark.get());
            }
            assertEquals(1, Collections.frequency(outcomes, true), outcomes.toString());
            assertEquals(VideoStatus.FAILED, videos.find(processing.id()).orElseThrow().status());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void installationsWithDifferentPrefixesDoNotSeeEachOther() throws Exception {
        EtcdVideoRepository other = new EtcdVideoRepository(connection, "/test-other-" + UUID.randomUUID() + "/");
        Video mine = Video.accepted(VideoId.of("mine"), NOON);
        videos.create(mine);

        other.create(Video.accepted(mine.id(), NOON));

        assertEquals(List.of(mine), videos.listNewestFirst(Optional.empty(), 10).videos());
    }

    /** Index entries of {@code count} made-up videos, a second apart, newest first from noon: a big catalogue in seconds. */
    private void writeIndexEntries(int count) throws Exception {
        VideoKeys layout = new VideoKeys(new EtcdKeyspace(prefix));
        for (int start = 0; start < count; start += EtcdVideoRepository.MAX_PAGE) {
            Op[] puts = IntStream.range(start, Math.min(count, start + EtcdVideoRepository.MAX_PAGE))
                    .mapToObj(n -> Video.accepted(VideoId.of("filler " + n), NOON.minusSeconds(n)))
                    .map(video -> Op.put(layout.newestFirstEntry(video), ByteSequence.EMPTY, PutOption.DEFAULT))
                    .toArray(Op[]::new);
            connection.kv().txn().Then(puts).commit().get();
        }
    }

    private static List<String> ids(VideoSlice slice) {
        return slice.videos().stream().map(v -> v.id().value()).toList();
    }
}
