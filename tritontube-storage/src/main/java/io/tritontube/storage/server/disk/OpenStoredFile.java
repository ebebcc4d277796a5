package io.tritontube.storage.server.disk;

import io.tritontube.storage.client.Sha256;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * A stored file opened for reading, with the SHA-256 recorded when it was written (empty when
 * none was), so that a reader of the whole file can tell whether its bytes are still those.
 */
public record OpenStoredFile(FileChannel channel, Optional<Sha256> recordedSha256) implements Closeable {

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
