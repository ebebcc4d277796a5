package io.tritontube.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The built programs the system tests run, located through system properties that the
 * build sets ({@code tritontube.war}, {@code tritontube.payara-micro}, {@code tritontube.storage-daemon}).
 */
public final class Artifacts {

    private Artifacts() {
    }

    public static Path war() {
        return required("tritontube.war");
    }

    public static Path payaraMicro() {
        return required("tritontube.payara-micro");
    }

    public static Path storageDaemon() {
        return required("tritontube.storage-daemon");
    }

    private static Path required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " points to " + path + ", which does not exist: build the project first");
        }
        return path;
    }
}
