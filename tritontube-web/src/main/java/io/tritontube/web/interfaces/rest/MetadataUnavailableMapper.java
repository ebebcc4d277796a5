package io.tritontube.web.interfaces.rest;

import io.tritontube.web.domain.video.MetadataUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** 503: the metadata store cannot answer now; the same request may succeed later. */
@Provider
public class MetadataUnavailableMapper implements ExceptionMapper<MetadataUnavailableException> {

    private static final Logger LOG = Logger.getLogger(MetadataUnavailableMapper.class.getName());

    @Override
    public Response toResponse(MetadataUnavailableException e) {
        LOG.log(Level.WARNING, "API request failed: metadata store unavailable", e);
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, MetadataUnavailableException.USER_MESSAGE);
    }
}
