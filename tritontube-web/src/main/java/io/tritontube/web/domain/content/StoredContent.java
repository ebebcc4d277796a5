package io.tritontube.web.domain.content;

import java.io.IOException;
import java.io.InputStream;

/**
 * An opened stored file, streaming the requested range. Close it to release the
 * underlying file or call.
 */
public interface StoredContent extends AutoCloseable {

    /** Size of the whole stored file, whatever range is being read. */
    long fileSize();

    /** The requested range's bytes, read as they arrive; never the whole file in memory. */
    InputStream stream();

    @Override
    void close() throws IOException;
}
