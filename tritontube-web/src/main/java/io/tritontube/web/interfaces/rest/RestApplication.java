package io.tritontube.web.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the JAX-RS resources and exception mappers of this package under {@code /api}. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
