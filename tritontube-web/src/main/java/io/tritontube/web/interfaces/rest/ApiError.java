package io.tritontube.web.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every API error: {@code {"status": 404, "error": "..."}}. */
public record ApiError(int status, String error) {

    public static Response response(Response.Status status, String message) {
        return response(status.getStatusCode(), message);
    }

    /** For statuses that {@link Response.Status} does not name, such as 423. */
    public static Response response(int status, String message) {
        return builder(status, message).build();
    }

    /** The error answer, still open for headers. */
    public static Response.ResponseBuilder builder(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status, message));
    }

    /** An exception that JAX-RS turns into exactly this answer. */
    public static WebApplicationException exception(Response.Status status, String message) {
        return new WebApplicationException(message, response(status, message));
    }
}
