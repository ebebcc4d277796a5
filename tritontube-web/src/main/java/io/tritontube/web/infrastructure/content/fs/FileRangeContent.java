package io.tritontube.web.infrastructure.content.fs;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.domain.content.StoredContent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A range of an open file, read straight from the channel at its own position. */
final class FileRangeContent implements StoredContent {

    private final FileChannel channel;
    private final long fileSize;
    private final InputStream stream;

    private FileRangeContent(FileChannel channel, long fileSize, InputStream stream) {
        this.channel = channel;
        this.fileSize = fileSize;
        this.stream = stream;
    }

    /** The range is cut at the end of the file; one starting past the end reads nothing. */
    static FileRangeContent of(FileChannel channel, ByteRange range) throws IOException {
        long size = channel.size();
        long start = Math.min(range.offset(), size);
        long available = size - start;
        long length = range.length() == 0 ? available : Math.min(range.length(), available);
        return new FileRangeContent(channel, size, new ChannelRangeStream(channel, start, start + length));
    }

    @Override
    public long fileSize() {
        return fileSize;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Positional reads, so the stream never depends on (or moves) the channel's own position. */
    private static final class ChannelRangeStream extends InputStream {

        private final FileChannel channel;
        private final long end;
        private long position;

        ChannelRangeStream(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            long remaining = end - position;
            if (remaining <= 0) {
                return -1;
            }
            int wanted = (int) Math.min(length, remaining);
            int read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
            if (read == -1) {
                return -1;
            }
            position += read;
            return read;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }
}
