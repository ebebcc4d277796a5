package io.tritontube.testkit;

import java.nio.file.Path;

/** The java launcher of the JVM running the tests, so child JVMs match it. */
final class Java {

    private Java() {
    }

    static String launcher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
