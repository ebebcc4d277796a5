package io.tritontube.bench;

/**
 * A timed piece of work: its wall time and how busy the machine's CPUs were meanwhile.
 *
 * @param seconds wall time
 * @param cpuBusy fraction (0-1) of all CPU time that was busy, by any process
 */
record Timed(double seconds, double cpuBusy) {

    /** Work that may throw anything: the harness stops on the first failure. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    static Timed of(Work work) throws Exception {
        CpuMeter cpu = CpuMeter.start();
        long start = System.nanoTime();
        work.run();
        return new Timed(Stats.secondsSince(start), cpu.busyFraction());
    }
}
