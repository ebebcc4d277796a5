package io.tritontube.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU seconds used so far by this JVM and by its child processes (storage daemons while they
 * run, ffmpeg once it has exited): what a piece of work cost, whatever else the machine was
 * doing. Payara's own children (its ffmpeg runs) are not this JVM's and are not counted.
 *
 * @param ownSeconds      this JVM's threads
 * @param childSeconds    live children plus exited children this JVM has waited for
 */
record ProcessCpu(double ownSeconds, double childSeconds) {

    /** Linux reports exited children's times in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    static ProcessCpu now() {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double live = ProcessHandle.current().children()
                .mapToDouble(child -> child.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9)
                .sum();
        return new ProcessCpu(os.getProcessCpuTime() / 1e9, live + exitedChildrenSeconds());
    }

    ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(ownSeconds - earlier.ownSeconds, childSeconds - earlier.childSeconds);
    }

    double totalSeconds() {
        return ownSeconds + childSeconds;
    }

    /** cutime and cstime of {@code /proc/self/stat}: the exited children this JVM waited for. */
    private static double exitedChildrenSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // The fields after the command name, which is in parentheses and may hold spaces; the first is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return (Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read this process's CPU times from /proc/self/stat", e);
        }
    }
}
