package io.tritontube.storage.client;

import io.tritontube.proto.storage.FileEntry;
import io.tritontube.proto.storage.ListRequest;
import io.tritontube.proto.storage.ListResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Iterates a node's listing one batch at a time: the next batch is requested only when needed. */
final class Listing implements Iterator<StoredFile>, AutoCloseable {

    private final FlowControlledResponses<ListRequest, ListResponse> responses;
    private List<FileEntry> batch = List.of();
    private int positionInBatch;
    private boolean ended;

    Listing(FlowControlledResponses<ListRequest, ListResponse> responses) {
        this.responses = responses;
    }

    @Override
    public boolean hasNext() {
        while (positionInBatch == batch.size()) {
            if (ended) {
                return false;
            }
            fetchBatch();
        }
        return true;
    }

    @Override
    public StoredFile next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FileEntry entry = batch.get(positionInBatch++);
        return new StoredFile(entry.getFile().getVideoId(), entry.getFile().getFileName(), entry.getSize());
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            responses.cancel("the listing was closed before its end");
        }
    }

    private void fetchBatch() {
        try {
            ListResponse response = responses.next();
            if (response == null) {
                ended = true;
                return;
            }
            batch = response.getEntriesList();
            positionInBatch = 0;
            responses.request(1);
        } catch (IOException e) {
            ended = true;
            throw new UncheckedIOException(e);
        }
    }
}
