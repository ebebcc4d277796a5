package io.tritontube.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one harness run, printed as a text table and written into
 * {@code docs/BENCHMARKS.md}. Everything from the {@value #ANALYSIS_MARKER} line on in an
 * existing file is kept: that is the hand-written analysis of the misses.
 */
final class Report {

    static final String ANALYSIS_MARKER = "<!-- analysis: kept across runs -->";
    private static final String[] HEADINGS = {"#", "figure", "TritonTube", "baseline (same run)", "ratio", "target", "verdict"};

    /** One line of the table; {@code ratio} and the verdict are relative to the baseline or the target. */
    record Row(String benchmark, String figure, String ours, String baseline, String ratio, String target, String verdict) {

        /** A row judged against {@code target}: {@code value} is the number the target bounds. */
        static Row judged(String benchmark, String figure, String ours, String baseline, String ratio, Target target, double value) {
            return new Row(benchmark, figure, ours, baseline, ratio, target.text(), target.verdict(value));
        }

        String[] cells() {
            return new String[] {benchmark, figure, ours, baseline, ratio, target, verdict};
        }
    }

    private final Machine machine;
    private final int runs;
    private final String loadAtStart;
    private final Instant started = Instant.now();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(Machine machine, int runs) {
        this.machine = machine;
        this.runs = runs;
        this.loadAtStart = Machine.loadAverage();
    }

    void add(Row row) {
        rows.add(row);
        System.out.println("  " + String.join(" | ", row.cells()));
    }

    /** A fact of the run worth printing under the table (sizes, counts, how a baseline was taken). */
    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    String textTable() {
        int[] widths = new int[HEADINGS.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADINGS);
        inFigureOrder().forEach(row -> all.add(row.cells()));
        for (String[] cells : all) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] cells : all) {
            for (int i = 0; i < cells.length; i++) {
                table.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", cells[i])).append(i + 1 < cells.length ? "  " : "\n");
            }
        }
        return table.toString();
    }

    void writeMarkdown(Path file) throws IOException {
        String previous = Files.exists(file) ? Files.readString(file) : "";
        String analysis = previous.contains(ANALYSIS_MARKER)
                ? previous.substring(previous.indexOf(ANALYSIS_MARKER))
                : ANALYSIS_MARKER + "\n\n## Analysis\n\n(to be written: for each missed target, by how much, why, and what would close it)\n";
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `bench/run` (module `tritontube-bench`) on ").append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(", in ").append(Math.round(elapsedMinutes())).append(" min.\n\n");
        md.append("**Machine:** ").append(machine.summary()).append(".  \n");
        md.append("**Tools:** ").append(machine.ffmpeg()).append("; ").append(machine.nginx()).append(".  \n");
        md.append("**Load average** (1, 5, 15 min) at the start: ").append(loadAtStart).append("; at the end: ")
                .append(Machine.loadAverage()).append(".  \n");
        md.append("Each figure is the median of ").append(runs).append(" runs; each baseline is measured in the same run, ")
                .append("interleaved with the figure it is compared with.\n\n");
        md.append("| ").append(String.join(" | ", HEADINGS)).append(" |\n");
        md.append("|").append("---|".repeat(HEADINGS.length)).append("\n");
        for (Row row : inFigureOrder()) {
            md.append("| ").append(String.join(" | ", row.cells())).append(" |\n");
        }
        md.append("\n### Notes of this run\n\n");
        notes.forEach(note -> md.append("- ").append(note).append("\n"));
        md.append("\n").append(analysis);
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }

    /** The benchmarks run in the order that needs fewest restarts; the table lists them by the issue's numbers. */
    private List<Row> inFigureOrder() {
        return rows.stream().sorted(Comparator.comparing(Row::benchmark)).toList();
    }

    private double elapsedMinutes() {
        return (Instant.now().toEpochMilli() - started.toEpochMilli()) / 60_000.0;
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
