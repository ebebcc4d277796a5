package io.tritontube.web.application;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Checks that an MP4 file's top-level boxes tile it exactly, as they do in every complete
 * ISO-BMFF file. A truncated upload fails here at once, while ffprobe, finding the index
 * ({@code moov}) intact at the front, would take it and let packaging fail minutes later.
 */
final class Mp4BoxLayout {

    private static final int HEADER = 8;
    private static final int LARGE_HEADER = 16;

    private Mp4BoxLayout() {
    }

    /** Null when the boxes tile the file and it has an index, otherwise what is wrong. */
    static String problemWith(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            long offset = 0;
            boolean hasIndex = false;
            ByteBuffer header = ByteBuffer.allocate(LARGE_HEADER);
            while (offset < length) {
                if (length - offset < HEADER) {
                    return "it ends in the middle of a box header";
                }
                header.clear().limit(HEADER);
                channel.read(header, offset);
                long size = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                int headerLength = HEADER;
                if (size == 1) {
                    header.clear().limit(LARGE_HEADER);
                    channel.read(header, offset);
                    size = header.getLong(HEADER);
                    headerLength = LARGE_HEADER;
                } else if (size == 0) {
                    size = length - offset;
                }
                if (size < headerLength) {
                    return "its '" + type + "' box has an impossible size";
                }
                if (size > length - offset) {
                    return "it is truncated: its '" + type + "' box needs " + (size - (length - offset)) + " more bytes";
                }
                hasIndex |= type.equals("moov");
                offset += size;
            }
            return hasIndex ? null : "it has no 'moov' index";
        }
    }
}
