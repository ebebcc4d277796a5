package io.tritontube.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a test run keeps its processes' data and logs (under target/, so CI can keep them). */
public final class SystemTestDirs {

    private SystemTestDirs() {
    }

    /** A fresh folder for one environment of this run. */
    public static Path fresh(String name) {
        Path root = Path.of(System.getProperty("tritontube.systemtest.dir", "target/system-test-run"));
        try {
            Path dir = root.resolve(name + "-" + ProcessHandle.current().pid());
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
