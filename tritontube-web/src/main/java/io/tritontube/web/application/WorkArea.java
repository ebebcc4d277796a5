package io.tritontube.web.application;

import io.tritontube.web.domain.video.VideoId;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's scratch directory: accepted uploads wait here for processing and are
 * packaged here. Names are random, never derived from the video id, so no id can reach the
 * file system through it. Nothing in it outlives a restart.
 */
public class WorkArea {

    private static final Logger LOG = Logger.getLogger(WorkArea.class.getName());

    private final Path directory;

    public WorkArea(Path directory) throws IOException {
        this.directory = directory.toAbsolutePath().normalize();
        Files.createDirectories(this.directory);
    }

    /** A fresh path for an accepted upload; the file is not created. */
    public Path newUploadFile() {
        return directory.resolve(UUID.randomUUID() + ".mp4");
    }

    /** A fresh, empty directory for one packaging run. */
    public Path newOutputDirectory() throws IOException {
        return Files.createDirectory(directory.resolve(UUID.randomUUID() + ".dash"));
    }

    /** Removes everything a previous run of the server left behind. */
    public void clear() throws IOException {
        deleteTree(directory);
        Files.createDirectories(directory);
    }

    /**
     * Removes a file or directory that processing video {@code videoId} is done with. A failure
     * is only logged: the video's outcome does not depend on it, and {@link #clear} removes it
     * at the next start. A null path (never created) is nothing to remove.
     */
    static void removeLeftover(VideoId videoId, Path path) {
        if (path == null) {
            return;
        }
        try {
            deleteTree(path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not remove " + path + " left by processing video " + videoId, e);
        }
    }

    /** Deletes a file or a directory with everything in it; a missing path is not an error. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
