package io.tritontube.web.interfaces.rest.tus;

import io.tritontube.web.interfaces.rest.ApiError;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The version rules of tus: every request but {@code OPTIONS} names the protocol version it
 * speaks in {@code Tus-Resumable} (412 with the versions we speak otherwise), and every
 * answer names ours.
 */
@Provider
@TusEndpoint
public class TusVersionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String version = request.getHeaderString(TusProtocol.TUS_RESUMABLE);
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) && !TusProtocol.VERSION.equals(version)) {
            request.abortWith(ApiError.builder(412, "this endpoint speaks the tus protocol " + TusProtocol.VERSION
                            + ": send 'Tus-Resumable: " + TusProtocol.VERSION + "'" + (version == null ? "" : ", not " + version))
                    .header(TusProtocol.TUS_VERSION, TusProtocol.VERSION)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(TusProtocol.TUS_RESUMABLE, TusProtocol.VERSION);
    }
}
