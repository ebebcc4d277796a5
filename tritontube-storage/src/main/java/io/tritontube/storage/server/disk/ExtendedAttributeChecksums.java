package io.tritontube.storage.server.disk;

import io.tritontube.storage.client.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ChecksumRecording#EXTENDED_ATTRIBUTE}: the digest is the user extended attribute
 * {@value #ATTRIBUTE} of the file ({@code getfattr -n user.tritontube.sha256 FILE} shows it).
 * It is set on the temporary file before the rename, so it travels with the content: there is
 * nothing to forget and nothing to orphan. Copying BASE_DIR elsewhere keeps it only with tools
 * told to ({@code cp -a}, {@code rsync -X}); files that lose it simply count as unrecorded.
 */
final class ExtendedAttributeChecksums implements ChecksumRecords {

    private static final Logger LOG = Logger.getLogger(ExtendedAttributeChecksums.class.getName());

    /** The name without the {@code user.} namespace, which Java adds. */
    static final String ATTRIBUTE = "tritontube.sha256";

    /**
     * True when user extended attributes can be written and read back in {@code directory}.
     * Tried for real: a file store may claim support yet refuse them (ext4 mounted
     * {@code nouser_xattr}, some overlay and network file systems).
     */
    static boolean workIn(Path directory) {
        try {
            if (!Files.getFileStore(directory).supportsFileAttributeView(UserDefinedFileAttributeView.class)) {
                return false;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not tell whether " + directory + " takes user extended attributes", e);
            return false;
        }
        Path probe = directory.resolve(StoredNames.TEMP_PREFIX + "xattr-probe-" + UUID.randomUUID());
        try {
            Files.createFile(probe);
            Sha256 sample = Sha256.of(new byte[Sha256.LENGTH]);
            ExtendedAttributeChecksums attributes = new ExtendedAttributeChecksums();
            attributes.record(probe, probe, sample);
            return attributes.recordedFor(probe).equals(Optional.of(sample));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, "User extended attributes do not work in {0}: {1}", new Object[] {directory, e.toString()});
            return false;
        } finally {
            deleteProbe(probe);
        }
    }

    @Override
    public void record(Path temporary, Path target, Sha256 sha256) throws IOException {
        view(temporary).write(ATTRIBUTE, ByteBuffer.wrap(sha256.toByteArray()));
    }

    @Override
    public Optional<Sha256> recordedFor(Path file) throws IOException {
        UserDefinedFileAttributeView view = view(file);
        if (!view.list().contains(ATTRIBUTE)) {
            return Optional.empty();
        }
        int size = view.size(ATTRIBUTE);
        if (size != Sha256.LENGTH) {
            LOG.log(Level.WARNING, "Ignored the user.{0} attribute of {1}: {2} bytes, not a SHA-256",
                    new Object[] {ATTRIBUTE, file, size});
            return Optional.empty();
        }
        ByteBuffer digest = ByteBuffer.allocate(Sha256.LENGTH);
        view.read(ATTRIBUTE, digest);
        return Optional.of(Sha256.of(digest.array()));
    }

    @Override
    public void forget(Path file) {
        // The attribute went with the file.
    }

    @Override
    public int removeOrphans(Path videoDirectory) {
        return 0;
    }

    private static UserDefinedFileAttributeView view(Path file) throws FileSystemException {
        UserDefinedFileAttributeView view =
                Files.getFileAttributeView(file, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            throw new FileSystemException(file.toString(), null, "user extended attributes are not supported here");
        }
        return view;
    }

    private static void deleteProbe(Path probe) {
        try {
            Files.deleteIfExists(probe);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove " + probe + "; it is ignored, remove it by hand", e);
        }
    }
}
