package io.tritontube.storage.server;

import java.io.Closeable;
import java.io.IOException;

/** The messages of one server-streaming answer, produced one at a time as the client can take them. */
interface MessageSource<T> extends Closeable {

    /** The next message, or null when the answer is complete. */
    T next() throws IOException;
}
