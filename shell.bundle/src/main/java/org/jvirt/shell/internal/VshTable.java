package org.jvirt.shell.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * virsh's table printer ({@code tools/vsh-table.c}): each cell is preceded by a space, every column
 * but the last is padded to its widest cell plus two spaces, and a dashed line as wide as all
 * columns plus three each separates header and rows. Control characters print as {@code \xNN}.
 */
public final class VshTable {
    private final List<List<String>> rows = new ArrayList<>();

    public VshTable(String... header) {
        rows.add(encode(header));
    }

    public VshTable row(String... cells) {
        if (cells.length != rows.get(0).size()) {
            throw new IllegalArgumentException("Incorrect number of cells in a table row");
        }
        rows.add(encode(cells));
        return this;
    }

    /** The table with its header, as virsh prints it (each line ends with a newline). */
    public String render() {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, rows.get(0), widths);
        for (int c = 0; c < columns; c++) {
            sb.append("-".repeat(widths[c] + 3));
        }
        sb.append('\n');
        for (int r = 1; r < rows.size(); r++) {
            appendRow(sb, rows.get(r), widths);
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, List<String> row, int[] widths) {
        for (int c = 0; c < row.size(); c++) {
            String cell = row.get(c);
            sb.append(' ').append(cell);
            if (c < row.size() - 1) {
                sb.append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length()) + 2));
            }
        }
        sb.append('\n');
    }

    private static List<String> encode(String... cells) {
        List<String> out = new ArrayList<>(cells.length);
        for (String cell : cells) {
            out.add(safe(cell == null ? "" : cell));
        }
        return out;
    }

    /** Control characters (and a literal {@code \x}) as {@code \xNN}, as virsh's safe encoder does. */
    static String safe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean escapeSlash = ch == '\\' && i + 1 < s.length() && s.charAt(i + 1) == 'x';
            if (ch < 0x20 || ch == 0x7f || escapeSlash) {
                sb.append(String.format("\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
