package io.tritontube.web.interfaces.rest.tus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.video.VideoId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartialUploadStoreTest {

    @TempDir
    Path root;

    private PartialUploadStore store;

    @BeforeEach
    void open() throws IOException {
        store = new PartialUploadStore(root);
    }

    @Test
    void chunksAppendUntilTheAnnouncedLengthAndSurviveReopening() throws IOException {
        PartialUpload created = store.create("Café ☕.mp4", 10);

        long offset = store.append(created, bytes("hello"));
        PartialUpload reopened = new PartialUploadStore(root).find(created.id()).orElseThrow();

        assertEquals(5, offset);
        assertEquals(new PartialUpload(created.id(), "Café ☕.mp4", 10, 5, Optional.empty()), reopened);
        assertEquals(10, store.append(reopened, bytes("world and more")), "never past the announced length");
        assertArrayEquals("helloworld".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(store.data(created.id())));
    }

    @Test
    void theBytesBeforeABrokenConnectionAreKept() throws IOException {
        PartialUpload upload = store.create("clip.mp4", 100);
        InputStream breaksAfterSixBytes = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent == 6) {
                    throw new IOException("Connection reset by peer");
                }
                return "abcdef".charAt(sent++);
            }
        };

        PartialUploadStore.InterruptedBodyException broken = assertThrows(PartialUploadStore.InterruptedBodyException.class,
                () -> store.append(upload, breaksAfterSixBytes));

        assertEquals(6, broken.offsetKept());
        assertEquals(6, store.find(upload.id()).orElseThrow().offset(), "the resume point");
    }

    @Test
    void aHandedOverUploadKeepsOnlyTheNameOfItsVideo() throws IOException {
        PartialUpload upload = store.create("clip.mp4", 3);
        store.append(upload, bytes("abc"));

        store.markHandedOver(store.find(upload.id()).orElseThrow(), VideoId.of("clip"));

        assertEquals(new PartialUpload(upload.id(), "clip.mp4", 3, 3, Optional.of(VideoId.of("clip"))),
                store.find(upload.id()).orElseThrow());
        assertFalse(Files.exists(store.data(upload.id())));
    }

    @Test
    void onlyUuidsAreLookedUp() throws IOException {
        assertEquals(Optional.empty(), store.find("../../etc"));
        assertEquals(Optional.empty(), store.find("not-a-uuid"));
        assertEquals(Optional.empty(), store.find("6f1c1b2e-0000-4000-8000-000000000000"));
    }

    @Test
    void uploadsIdleSinceTheCutoffAreDeletedUnlessBusy() throws IOException {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        PartialUpload abandoned = store.create("abandoned.mp4", 10);
        PartialUpload busy = store.create("busy.mp4", 10);
        PartialUpload active = store.create("active.mp4", 10);
        ageBy(abandoned, now.minus(Duration.ofHours(25)));
        ageBy(busy, now.minus(Duration.ofHours(25)));
        ageBy(active, now.minus(Duration.ofHours(1)));

        int deleted;
        try (PartialUploadStore.Held lock = store.tryLock(busy.id()).orElseThrow()) {
            deleted = store.deleteIdleSince(now.minus(Duration.ofHours(24)));
        }

        assertEquals(1, deleted);
        assertEquals(Optional.empty(), store.find(abandoned.id()));
        assertTrue(store.find(busy.id()).isPresent(), "a request holds it: not abandoned");
        assertTrue(store.find(active.id()).isPresent());
    }

    @Test
    void anUploadHasOneWriterAtATime() {
        try (PartialUploadStore.Held first = store.tryLock("6f1c1b2e-0000-4000-8000-000000000000").orElseThrow()) {
            assertEquals(Optional.empty(), store.tryLock("6f1c1b2e-0000-4000-8000-000000000000").map(held -> "taken twice"));
        }
        assertTrue(store.tryLock("6f1c1b2e-0000-4000-8000-000000000000").isPresent(), "free again once released");
    }

    private void ageBy(PartialUpload upload, Instant lastTouched) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(upload.id()))) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(lastTouched));
            }
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
