package io.tritontube.web.domain.video;

/** An upload whose id is already taken: the create lost, atomically, to an earlier one. */
public class VideoAlreadyExistsException extends Exception {

    private final VideoId id;

    public VideoAlreadyExistsException(VideoId id) {
        super("a video with id '" + id + "' already exists");
        this.id = id;
    }

    public VideoId id() {
        return id;
    }
}
