package io.tritontube.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds that this JVM's finished child processes used, from {@code /proc/self/stat}
 * (cutime and cstime): what a tool such as ffmpeg cost, whatever else the machine was doing.
 */
final class ChildCpu {

    /** Linux reports these times in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ChildCpu() {
    }

    static double seconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long childUser = Long.parseLong(fields[16 - 3]);
        long childSystem = Long.parseLong(fields[17 - 3]);
        return (childUser + childSystem) / TICKS_PER_SECOND;
    }
}
