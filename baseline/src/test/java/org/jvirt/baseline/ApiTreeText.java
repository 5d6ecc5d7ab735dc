package org.jvirt.baseline;

import java.util.ArrayList;
import java.util.List;

import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.service.diff.Type;

/**
 * bnd's API tree ({@link Tree.Data}, the DTO of {@code aQute.bnd.differ.Element}) as text, one element
 * a line, so that a reference can be reviewed and its changes read in a diff:
 * <pre>
 *   INTERFACE MINOR MAJOR org.jvirt.api.Domain
 *     METHOD MINOR MAJOR name()
 *       RETURN MINOR MAJOR java.lang.String
 * </pre>
 * Two spaces of indent per level, then the element's type, the delta bnd assigns when it is added
 * and when it is removed (this is where {@code @ProviderType}/{@code @ConsumerType} shows: a method
 * of a consumer type is {@code MAJOR} when added), its name and, after a tab, its comment if any.
 * Backslash, tab and line breaks in names are escaped. The mapping is exact both ways.
 */
final class ApiTreeText {
    private static final String INDENT = "  ";

    private ApiTreeText() {
    }

    static List<String> write(Tree.Data root) {
        List<String> lines = new ArrayList<>();
        write(root, "", lines);
        return lines;
    }

    private static void write(Tree.Data d, String indent, List<String> lines) {
        StringBuilder line = new StringBuilder(indent).append(d.type).append(' ').append(d.add).append(' ')
                .append(d.rem).append(' ').append(escape(d.name));
        if (d.comment != null) {
            line.append('\t').append(escape(d.comment));
        }
        lines.add(line.toString());
        if (d.children != null) {
            for (Tree.Data child : d.children) {
                write(child, indent + INDENT, lines);
            }
        }
    }

    /** Reads what {@link #write} wrote; {@code lines} holds the tree lines only. */
    static Tree.Data read(List<String> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no API tree");
        }
        List<List<Tree.Data>> childrenByDepth = new ArrayList<>();
        List<Tree.Data> parents = new ArrayList<>();
        Tree.Data root = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int depth = depth(line, i);
            if (depth > parents.size() || (depth == 0 && root != null)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unexpected indent: " + line);
            }
            while (parents.size() > depth) {
                close(parents, childrenByDepth);
            }
            Tree.Data d = parse(line.substring(depth * INDENT.length()), i);
            if (depth == 0) {
                root = d;
            } else {
                childrenByDepth.get(depth - 1).add(d);
            }
            parents.add(d);
            childrenByDepth.add(new ArrayList<>());
        }
        while (!parents.isEmpty()) {
            close(parents, childrenByDepth);
        }
        return root;
    }

    private static void close(List<Tree.Data> parents, List<List<Tree.Data>> childrenByDepth) {
        Tree.Data d = parents.remove(parents.size() - 1);
        List<Tree.Data> children = childrenByDepth.remove(childrenByDepth.size() - 1);
        d.children = children.toArray(new Tree.Data[0]);
    }

    private static int depth(String line, int index) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        if (spaces % INDENT.length() != 0) {
            throw new IllegalArgumentException("line " + (index + 1) + ": odd indent: " + line);
        }
        return spaces / INDENT.length();
    }

    private static Tree.Data parse(String text, int index) {
        String[] fields = text.split(" ", 4);
        if (fields.length != 4) {
            throw new IllegalArgumentException("line " + (index + 1) + ": expected TYPE ADD REMOVE NAME: " + text);
        }
        Tree.Data d = new Tree.Data();
        d.type = Type.valueOf(fields[0]);
        d.add = Delta.valueOf(fields[1]);
        d.rem = Delta.valueOf(fields[2]);
        int tab = fields[3].indexOf('\t');
        d.name = unescape(tab < 0 ? fields[3] : fields[3].substring(0, tab));
        d.comment = tab < 0 ? null : unescape(fields[3].substring(tab + 1));
        return d;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> n;
            });
        }
        return b.toString();
    }
}
