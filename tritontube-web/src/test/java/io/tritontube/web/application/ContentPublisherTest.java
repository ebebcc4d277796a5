package io.tritontube.web.application;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.infrastructure.content.fs.FileSystemContentStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentPublisherTest {

    private static final VideoId VIDEO = VideoId.of("clip");

    @TempDir
    Path directory;

    private final ExecutorService storageThreads = Executors.newFixedThreadPool(8);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        storageThreads.shutdownNow();
        caller.shutdownNow();
    }

    @Test
    void storesEveryFileAndReportsProgressUpToAll() throws Exception {
        Path root = directory.resolve("store");
        FileSystemContentStore store = new FileSystemContentStore(root);
        List<Path> files = files(5, 1000);
        List<Double> progress = new CopyOnWriteArrayList<>();

        new ContentPublisher(store, storageThreads, 4096).publish(VIDEO, files, progress::add);

        for (Path file : files) {
            ContentKey key = new ContentKey(VIDEO, ContentFileName.of(file.getFileName().toString()));
            assertTrue(store.open(key, ByteRange.WHOLE_FILE).isPresent(), key + " stored");
        }
        assertEquals(5, progress.size());
        assertEquals(1.0, progress.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    @Test
    void putsRunInParallelButNeverBeyondTheBytesBudget() throws Exception {
        GatedContentStore store = new GatedContentStore();
        List<Path> files = files(10, 100);
        ContentPublisher publisher = new ContentPublisher(store, storageThreads, 250);

        Future<?> publishing = caller.submit(() -> {
            publisher.publish(VIDEO, files, fraction -> { });
            return null;
        });
        for (int finished = 0; finished < files.size(); finished++) {
            int expectedWaiting = Math.min(2, files.size() - finished);
            await().until(() -> store.waiting() >= expectedWaiting);
            store.letOneFinish();
        }
        publishing.get();

        assertEquals(10, store.stored());
        assertEquals(200, store.maxBytesInFlight(), "two 100-byte files fit in 250 bytes; a third never did");
    }

    @Test
    void aFileLargerThanTheBudgetGoesAlone() throws Exception {
        GatedContentStore store = new GatedContentStore();
        List<Path> files = files(3, 1000);

        Future<?> publishing = caller.submit(() -> {
            new ContentPublisher(store, storageThreads, 500).publish(VIDEO, files, fraction -> { });
            return null;
        });
        for (int finished = 0; finished < files.size(); finished++) {
            await().until(() -> store.waiting() == 1);
            store.letOneFinish();
        }
        publishing.get();

        assertEquals(1000, store.maxBytesInFlight());
    }

    @Test
    void theFirstFailureStopsFurtherPutsAndNamesTheFile() throws Exception {
        FailingContentStore store = new FailingContentStore(new FileSystemContentStore(directory.resolve("store")), "file-2.m4s");
        List<Path> files = files(6, 10);
        // A direct executor runs the puts one after another, so "after the failure" is well defined.
        ContentPublisher publisher = new ContentPublisher(store, Runnable::run, 1024);

        IOException e = assertThrows(IOException.class, () -> publisher.publish(VIDEO, files, fraction -> { }));

        assertEquals(3, store.putAttempts());
        assertTrue(e.getMessage().contains("clip/file-2.m4s"), e.getMessage());
    }

    private List<Path> files(int count, int size) throws IOException {
        Path source = Files.createDirectories(directory.resolve("packaged"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(Files.write(source.resolve("file-" + i + ".m4s"), new byte[size]));
        }
        return files;
    }
}
