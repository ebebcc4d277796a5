package io.tritontube.admin.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns are as wide as their widest cell, separated by two spaces.
 * Numbers read best right-aligned, so each column has its own alignment.
 */
public final class TextTable {

    /** How a column's cells are padded. */
    public enum Align { LEFT, RIGHT }

    private static final String COLUMN_GAP = "  ";

    private final Align[] alignments;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(Align... alignments) {
        this.alignments = alignments.clone();
    }

    public TextTable addRow(String... cells) {
        if (cells.length != alignments.length) {
            throw new IllegalArgumentException("expected " + alignments.length + " cells, got " + cells.length);
        }
        rows.add(cells.clone());
        return this;
    }

    public List<String> lines() {
        int[] widths = columnWidths();
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                if (column > 0) {
                    line.append(COLUMN_GAP);
                }
                line.append(padded(row[column], widths[column], alignments[column]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private int[] columnWidths() {
        int[] widths = new int[alignments.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        return widths;
    }

    private static String padded(String cell, int width, Align align) {
        String padding = " ".repeat(width - cell.length());
        return align == Align.LEFT ? cell + padding : padding + cell;
    }
}
