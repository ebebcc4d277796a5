package io.tritontube.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on: they mean little without it. */
record Machine(int cores, String cpu, long memoryBytes, String os, String jdk, String ffmpeg, String nginx) {

    static Machine describe() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                procLine(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU"),
                procLine(Path.of("/proc/meminfo"), "MemTotal").map(Machine::kibToBytes).orElse(0L),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Tools.versionOf("ffmpeg", "-version"),
                Tools.versionOf("nginx", "-v"));
    }

    /** The 1, 5 and 15 minute load averages now: other work on the machine skews every figure. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    String summary() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GB memory, %s, %s", cores, cpu, memoryBytes / 1e9, os, jdk);
    }

    private static Optional<String> procLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "24555112 kB" to bytes. */
    private static long kibToBytes(String value) {
        return Long.parseLong(value.replace("kB", "").trim()) * 1024;
    }
}
