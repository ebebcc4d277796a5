package io.tritontube.web.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.ProcessingClaims;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.content.fs.FileSystemContentStore;
import io.tritontube.web.infrastructure.persistence.sqlite.LocalProcessingClaims;
import io.tritontube.web.infrastructure.persistence.sqlite.SqliteVideoRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The look for interrupted processing, with a real repository and store. */
class InterruptedVideoSweepTest {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path directory;

    private SqliteVideoRepository videos;
    private FileSystemContentStore store;
    private final LocalProcessingClaims claims = new LocalProcessingClaims();

    @BeforeEach
    void open() throws Exception {
        videos = SqliteVideoRepository.open(directory.resolve("metadata.db"));
        store = new FileSystemContentStore(directory.resolve("content"));
    }

    @AfterEach
    void close() {
        videos.close();
    }

    @Test
    void aProcessingVideoThatNoServerClaimsIsMarkedFailedAndItsFilesRemoved() throws Exception {
        Video orphan = processingWithAFile("orphan");

        List<VideoId> settled = sweep(claims).settleUnclaimed();

        assertEquals(List.of(orphan.id()), settled);
        assertEquals(Optional.of(orphan.failed(InterruptedVideoSweep.REASON)), videos.find(orphan.id()));
        assertFalse(Files.exists(store.root().resolve(orphan.id().value())), "its partly stored files are removed");
    }

    @Test
    void aVideoThatALiveServerClaimsKeepsProcessingWithItsFiles() throws Exception {
        Video claimed = processingWithAFile("being processed elsewhere");
        assertTrue(claims.claim(claimed.id()));

        assertEquals(List.of(), sweep(claims).settleUnclaimed());

        assertEquals(Optional.of(claimed), videos.find(claimed.id()));
        assertTrue(Files.exists(store.root().resolve(claimed.id().value())));
    }

    @Test
    void readyAndFailedVideosAreLeftAsTheyAre() throws Exception {
        Video ready = processingWithAFile("ready").ready();
        Video failed = processingWithAFile("failed").failed("ffmpeg exited with 1");
        videos.update(ready);
        videos.update(failed);

        assertEquals(List.of(), sweep(claims).settleUnclaimed());

        assertEquals(Optional.of(ready), videos.find(ready.id()));
        assertEquals(Optional.of(failed), videos.find(failed.id()));
        assertTrue(Files.exists(store.root().resolve(ready.id().value())));
    }

    @Test
    void aClaimStoreThatCannotAnswerFailsNothing() throws Exception {
        Video processing = processingWithAFile("claim unknown");
        ProcessingClaims unreachable = claimsAnswering(id -> {
            throw new MetadataUnavailableException("etcd could not read the claim within 5000 ms", null);
        });

        assertThrows(MetadataUnavailableException.class, () -> sweep(unreachable).settleUnclaimed());

        assertEquals(Optional.of(processing), videos.find(processing.id()));
        assertTrue(Files.exists(store.root().resolve(processing.id().value())));
    }

    /** Its server marked it ready and released the claim between the sweep's read of the video and of the claim. */
    @Test
    void aVideoThatBecomesReadyWhileTheSweepLooksStaysReadyWithItsFiles() throws Exception {
        Video finishing = processingWithAFile("finishing");
        ProcessingClaims releasedJustNow = claimsAnswering(id -> {
            videos.update(finishing.ready());
            return false;
        });

        assertEquals(List.of(), sweep(releasedJustNow).settleUnclaimed());

        assertEquals(Optional.of(finishing.ready()), videos.find(finishing.id()));
        assertTrue(Files.exists(store.root().resolve(finishing.id().value())));
    }

    private Video processingWithAFile(String id) throws Exception {
        Video video = Video.accepted(VideoId.of(id), NOON);
        videos.create(video);
        Path segment = Files.writeString(directory.resolve(id + ".m4s"), "a segment");
        store.put(new ContentKey(video.id(), ContentFileName.of("chunk-0-00001.m4s")), segment);
        return video;
    }

    private InterruptedVideoSweep sweep(ProcessingClaims answering) {
        return new InterruptedVideoSweep(videos, answering, store);
    }

    /** Claims whose only question answered is {@code isClaimed}, by {@code answer}. */
    private static ProcessingClaims claimsAnswering(Predicate<VideoId> answer) {
        return new ProcessingClaims() {
            @Override
            public boolean claim(VideoId id) {
                throw new UnsupportedOperationException("the sweep never claims");
            }

            @Override
            public void release(VideoId id) {
                throw new UnsupportedOperationException("the sweep never releases");
            }

            @Override
            public boolean isClaimed(VideoId id) {
                return answer.test(id);
            }

            @Override
            public void close() {
            }
        };
    }
}
