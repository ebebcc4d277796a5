package io.tritontube.web.interfaces.rest;

import io.tritontube.web.domain.video.InvalidPageTokenException;
import io.tritontube.web.domain.video.InvalidVideoIdException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 400 with the message, for the domain's refusals of client input. One subclass per
 * exception type: a mapper of IllegalArgumentException would also turn bugs into 400s.
 */
public abstract class BadRequestMapper<E extends IllegalArgumentException> implements ExceptionMapper<E> {

    @Override
    public Response toResponse(E e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }

    /** An id that cannot exist, such as {@code ..} or one with a {@code /}. */
    @Provider
    public static class InvalidVideoId extends BadRequestMapper<InvalidVideoIdException> {
    }

    /** A {@code ?page=} token that this server did not issue. */
    @Provider
    public static class InvalidPageToken extends BadRequestMapper<InvalidPageTokenException> {
    }
}
