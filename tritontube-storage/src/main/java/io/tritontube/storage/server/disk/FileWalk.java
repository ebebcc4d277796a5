package io.tritontube.storage.server.disk;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks stored files lazily, one open directory at a time, so a node with a million files
 * lists in constant memory. Skips temporary files, invalid names, links, anything that is not
 * a regular file, and files deleted while the walk runs. Close it when done.
 */
public final class FileWalk implements Iterator<DiskFile>, Closeable {

    private final Iterator<Path> videoDirectories;
    private final Closeable videoDirectoriesStream;
    private DirectoryStream<Path> currentFiles;
    private Iterator<Path> currentFileIterator;
    private String currentVideoId;
    private DiskFile next;

    private FileWalk(Iterator<Path> videoDirectories, Closeable videoDirectoriesStream) {
        this.videoDirectories = videoDirectories;
        this.videoDirectoriesStream = videoDirectoriesStream;
    }

    static FileWalk everyVideo(Path base) throws IOException {
        DirectoryStream<Path> videos = Files.newDirectoryStream(base);
        return new FileWalk(videos.iterator(), videos);
    }

    static FileWalk oneVideo(Path videoDirectory) {
        return new FileWalk(List.of(videoDirectory).iterator(), () -> { });
    }

    /** @throws UncheckedIOException when a directory cannot be read */
    @Override
    public boolean hasNext() {
        try {
            advance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DirectoryIteratorException e) {
            throw new UncheckedIOException(e.getCause());
        }
        return next != null;
    }

    @Override
    public DiskFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DiskFile found = next;
        next = null;
        return found;
    }

    @Override
    public void close() throws IOException {
        closeCurrentFiles();
        videoDirectoriesStream.close();
    }

    private void advance() throws IOException {
        while (next == null) {
            if (currentFileIterator != null && currentFileIterator.hasNext()) {
                next = storedFileOrNull(currentFileIterator.next());
            } else if (!openNextVideoDirectory()) {
                return;
            }
        }
    }

    private DiskFile storedFileOrNull(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        if (StoredNames.problemWith(fileName) != null) {
            return null;
        }
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? new DiskFile(currentVideoId, fileName, attributes.size()) : null;
        } catch (NoSuchFileException deletedMeanwhile) {
            return null;
        }
    }

    /** Opens the next video directory worth walking; false when there is none left. */
    private boolean openNextVideoDirectory() throws IOException {
        closeCurrentFiles();
        while (videoDirectories.hasNext()) {
            Path directory = videoDirectories.next();
            String videoId = directory.getFileName().toString();
            if (StoredNames.problemWith(videoId) != null || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                currentFiles = Files.newDirectoryStream(directory);
            } catch (NoSuchFileException deletedMeanwhile) {
                continue;
            }
            currentFileIterator = currentFiles.iterator();
            currentVideoId = videoId;
            return true;
        }
        return false;
    }

    private void closeCurrentFiles() throws IOException {
        if (currentFiles != null) {
            currentFiles.close();
            currentFiles = null;
            currentFileIterator = null;
        }
    }
}
