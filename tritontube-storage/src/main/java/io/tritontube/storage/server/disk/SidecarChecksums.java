package io.tritontube.storage.server.disk;

import io.tritontube.storage.client.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ChecksumRecording#SIDECAR_FILE}: the digest of {@code NAME} is kept in a hidden file
 * beside it, {@code .tritontube-sum-<SHA-256 of NAME>} (hashed, so any valid name fits the
 * file system's name limit), holding one {@code sha256sum} line. The sidecar is written, synced
 * and renamed into place before the stored file is: a crash between the two renames leaves the
 * old content with the new digest, which repair then sees as corrupt and replaces from another
 * copy, or a sidecar without a file, which {@link #removeOrphans} deletes at the next start.
 * The reserved prefix keeps sidecars out of listings and out of reach of any request.
 */
final class SidecarChecksums implements ChecksumRecords {

    private static final Logger LOG = Logger.getLogger(SidecarChecksums.class.getName());

    private static final int HEX_DIGITS = 2 * Sha256.LENGTH;

    /** A sidecar holds one line of at most this many bytes; anything longer is not one of ours. */
    private static final int MAX_SIDECAR_BYTES = HEX_DIGITS + 2 + StoredNames.MAX_BYTES + 1;

    @Override
    public void record(Path temporary, Path target, Sha256 sha256) throws IOException {
        Path pending = target.resolveSibling(StoredNames.TEMP_PREFIX + UUID.randomUUID());
        ByteBuffer line = ByteBuffer.wrap((sha256.toHex() + "  " + target.getFileName() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try (FileChannel out = FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (line.hasRemaining()) {
                out.write(line);
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(pending);
            throw e;
        }
        Files.move(pending, sidecarOf(target), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public Optional<Sha256> recordedFor(Path file) throws IOException {
        Path sidecar = sidecarOf(file);
        byte[] content;
        try (InputStream in = Files.newInputStream(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            content = in.readNBytes(MAX_SIDECAR_BYTES);
        } catch (NoSuchFileException unrecorded) {
            return Optional.empty();
        }
        String line = new String(content, StandardCharsets.US_ASCII);
        try {
            return Optional.of(Sha256.of(HexFormat.of().parseHex(line, 0, Math.min(HEX_DIGITS, line.length()))));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignored {0}: it does not start with a SHA-256 ({1})", new Object[] {sidecar, e.getMessage()});
            return Optional.empty();
        }
    }

    @Override
    public void forget(Path file) throws IOException {
        Files.deleteIfExists(sidecarOf(file));
    }

    @Override
    public int removeOrphans(Path videoDirectory) throws IOException {
        Set<String> sidecars = new HashSet<>();
        Set<String> needed = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(videoDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (StoredNames.isChecksumSidecar(name)) {
                    sidecars.add(name);
                } else if (StoredNames.problemWith(name) == null) {
                    needed.add(sidecarName(name));
                }
            }
        }
        sidecars.removeAll(needed);
        int removed = 0;
        for (String orphan : sidecars) {
            if (Files.deleteIfExists(videoDirectory.resolve(orphan))) {
                LOG.log(Level.INFO, "Removed {0}: the checksum of a file that is gone", videoDirectory.resolve(orphan));
                removed++;
            }
        }
        return removed;
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling(sidecarName(file.getFileName().toString()));
    }

    private static String sidecarName(String fileName) {
        Sha256 nameDigest = Sha256.of(Sha256.newDigest().digest(fileName.getBytes(StandardCharsets.UTF_8)));
        return StoredNames.CHECKSUM_SIDECAR_PREFIX + nameDigest.toHex();
    }
}
