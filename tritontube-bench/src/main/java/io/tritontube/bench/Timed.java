package io.tritontube.bench;

/**
 * A timed piece of work: its wall time, how busy the machine's CPUs were meanwhile, and the
 * CPU time that this JVM and its children spent on it.
 *
 * @param seconds wall time
 * @param cpuBusy fraction (0-1) of all CPU time that was busy, by any process
 * @param cpu     CPU seconds of this JVM and its children during the work
 */
record Timed(double seconds, double cpuBusy, ProcessCpu cpu) {

    /** Work that may throw anything: the harness stops on the first failure. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    static Timed of(Work work) throws Exception {
        CpuMeter machine = CpuMeter.start();
        ProcessCpu before = ProcessCpu.now();
        long start = System.nanoTime();
        work.run();
        double seconds = Stats.secondsSince(start);
        return new Timed(seconds, machine.busyFraction(), ProcessCpu.now().since(before));
    }
}
