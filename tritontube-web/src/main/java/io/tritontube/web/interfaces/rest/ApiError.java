package io.tritontube.web.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every API error: {@code {"status": 404, "error": "..."}}. */
public record ApiError(int status, String error) {

    static Response response(Response.Status status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), message))
                .build();
    }

    /** An exception that JAX-RS turns into exactly this answer. */
    static WebApplicationException exception(Response.Status status, String message) {
        return new WebApplicationException(message, response(status, message));
    }
}
