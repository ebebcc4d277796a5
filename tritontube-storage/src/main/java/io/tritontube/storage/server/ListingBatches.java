package io.tritontube.storage.server;

import io.tritontube.proto.storage.FileEntry;
import io.tritontube.proto.storage.FileRef;
import io.tritontube.proto.storage.ListResponse;
import io.tritontube.storage.server.disk.DiskFile;
import io.tritontube.storage.server.disk.FileWalk;
import java.io.IOException;

/** The answer to one List: the walk's files in batches, each taken from disk only when it can be sent. */
final class ListingBatches implements MessageSource<ListResponse> {

    static final int BATCH_SIZE = 1000;

    private final FileWalk walk;

    ListingBatches(FileWalk walk) {
        this.walk = walk;
    }

    @Override
    public ListResponse next() {
        ListResponse.Builder batch = ListResponse.newBuilder();
        while (batch.getEntriesCount() < BATCH_SIZE && walk.hasNext()) {
            DiskFile file = walk.next();
            batch.addEntries(FileEntry.newBuilder()
                    .setFile(FileRef.newBuilder().setVideoId(file.videoId()).setFileName(file.fileName()))
                    .setSize(file.size()));
        }
        return batch.getEntriesCount() == 0 ? null : batch.build();
    }

    @Override
    public void close() throws IOException {
        walk.close();
    }
}
