/**
 * The benchmark harness of issue 6, run by {@code bench/run}: it starts real storage daemons,
 * a real Payara Micro with the WAR and Debian's nginx, drives the web tier's publishing path
 * in-process, and measures each figure against a baseline taken in the same run (sequential
 * writes, a plain local copy, nginx), the median of several runs. {@link
 * io.tritontube.bench.BenchMain} prints the table and writes it to {@code docs/BENCHMARKS.md}.
 */
package io.tritontube.bench;
