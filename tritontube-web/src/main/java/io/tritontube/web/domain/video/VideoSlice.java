package io.tritontube.web.domain.video;

import java.util.List;
import java.util.Optional;

/**
 * One page of a newest-first listing.
 *
 * @param videos    at most the requested number of videos, newest first
 * @param nextPage  the token that fetches the following page; empty on the last page
 */
public record VideoSlice(List<Video> videos, Optional<String> nextPage) {

    public VideoSlice {
        videos = List.copyOf(videos);
    }
}
