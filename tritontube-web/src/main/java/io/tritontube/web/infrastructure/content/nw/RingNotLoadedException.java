package io.tritontube.web.infrastructure.content.nw;

import java.io.IOException;

/**
 * The ring's membership has not been loaded yet (the web server started while etcd did not
 * answer): nobody knows where files are, so none can be read, stored or deleted. Callers
 * answer 503: the same request succeeds once the membership is loaded, with no restart.
 */
public class RingNotLoadedException extends IOException {

    /** What to tell a user whose request failed for this reason. */
    public static final String USER_MESSAGE =
            "the storage ring is not loaded yet (its membership store does not answer); try again shortly";

    public RingNotLoadedException(String operation) {
        super("cannot " + operation + ": the storage ring's membership is not loaded yet (its store does not answer; "
                + "loading is retried in the background)");
    }
}
