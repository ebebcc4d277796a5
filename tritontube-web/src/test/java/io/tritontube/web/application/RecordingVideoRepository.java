package io.tritontube.web.application;

import io.tritontube.web.domain.video.IdSearch;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every update it is given, to count and inspect the writes of progress reporting. */
final class RecordingVideoRepository implements VideoRepository {

    final List<Video> updates = new CopyOnWriteArrayList<>();

    @Override
    public void update(Video video) {
        throw new UnsupportedOperationException("progress reporting writes only while processing");
    }

    @Override
    public boolean updateIfProcessing(Video video) {
        updates.add(video);
        return true;
    }

    @Override
    public void create(Video video) throws VideoAlreadyExistsException {
        throw new UnsupportedOperationException("not used by progress reporting");
    }

    @Override
    public Optional<Video> find(VideoId id) {
        throw new UnsupportedOperationException("not used by progress reporting");
    }

    @Override
    public boolean delete(VideoId id) {
        throw new UnsupportedOperationException("not used by progress reporting");
    }

    @Override
    public VideoSlice listNewestFirst(Optional<String> pageToken, int limit) {
        throw new UnsupportedOperationException("not used by progress reporting");
    }

    @Override
    public VideoSlice searchNewestFirst(IdSearch search, Optional<String> pageToken, int limit) {
        throw new UnsupportedOperationException("not used by progress reporting");
    }

    @Override
    public void close() {
    }
}
