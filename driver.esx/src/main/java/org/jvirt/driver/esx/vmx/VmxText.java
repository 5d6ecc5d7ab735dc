package org.jvirt.driver.esx.vmx;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;

/**
 * libvirt's virConfReadString with VIR_CONF_FLAG_VMX_FORMAT: {@code name = "value"} statements
 * separated by line ends or {@code ;}, {@code #} comments. Names may hold {@code : . -} and start
 * with a letter or a dot ({@code .encoding}); values are quoted strings only (no lists, no numbers),
 * without escapes (VMware escapes with {@code |XX} inside the value, which the converter undoes).
 */
final class VmxText {
    /** One statement, in file order. */
    record Entry(String name, String value) {
    }

    private final String text;
    private int pos;
    private int line = 1;

    private VmxText(String text) {
        this.text = text;
    }

    static List<Entry> parse(String text) throws VirtException {
        return new VmxText(text).entries();
    }

    private List<Entry> entries() throws VirtException {
        List<Entry> entries = new ArrayList<>();
        while (pos < text.length()) {
            skipBlanksAndEol();
            if (pos >= text.length()) {
                break;
            }
            if (cur() == '#') {
                skipToEol();
            } else {
                entries.add(statement());
            }
            separator();
        }
        return entries;
    }

    private Entry statement() throws VirtException {
        String name = name();
        skipBlanks();
        if (pos >= text.length() || cur() != '=') {
            throw VmxErrors.syntax(line, "expecting an assignment");
        }
        pos++;
        skipBlanks();
        String value = value();
        skipBlanks();
        if (pos < text.length() && cur() == '#') {
            skipToEol();
        }
        return new Entry(name, value);
    }

    private String name() throws VirtException {
        int start = pos;
        if (pos >= text.length() || !(isAsciiLetter(cur()) || cur() == '.')) {
            throw VmxErrors.syntax(line, "expecting a name");
        }
        while (pos < text.length() && (isAsciiLetter(cur()) || isAsciiDigit(cur()) || "_:.-".indexOf(cur()) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String value() throws VirtException {
        if (pos >= text.length()) {
            throw VmxErrors.syntax(line, "expecting a value");
        }
        char c = cur();
        if (c == '[') {
            throw VmxErrors.syntax(line, "lists not allowed in VMX format");
        }
        if (isAsciiDigit(c) || c == '-' || c == '+') {
            throw VmxErrors.syntax(line, "numbers not allowed in VMX format");
        }
        if (c != '"' && c != '\'') {
            throw VmxErrors.syntax(line, "expecting a value");
        }
        if (c == '"' && pos + 6 < text.length() && text.startsWith("\"\"\"", pos)) {
            int end = text.indexOf("\"\"\"", pos + 3);
            if (end < 0) {
                throw VmxErrors.syntax(line, "unterminated string");
            }
            String value = text.substring(pos + 3, end);
            line += (int) value.chars().filter(ch -> ch == '\n').count();
            pos = end + 3;
            return value;
        }
        int start = ++pos;
        while (pos < text.length() && cur() != c && !isEol(cur())) {
            pos++;
        }
        if (pos >= text.length() || cur() != c) {
            throw VmxErrors.syntax(line, "unterminated string");
        }
        return text.substring(start, pos++);
    }

    private void separator() throws VirtException {
        skipBlanks();
        if (pos >= text.length()) {
            return;
        }
        if (isEol(cur())) {
            skipBlanksAndEol();
        } else if (cur() == ';') {
            pos++;
            skipBlanksAndEol();
        } else {
            throw VmxErrors.syntax(line, "expecting a separator");
        }
    }

    private char cur() {
        return text.charAt(pos);
    }

    private void skipBlanks() {
        while (pos < text.length() && (cur() == ' ' || cur() == '\t')) {
            pos++;
        }
    }

    private void skipBlanksAndEol() {
        while (pos < text.length() && (cur() == ' ' || cur() == '\t' || isEol(cur()))) {
            if (cur() == '\n') {
                line++;
            }
            pos++;
        }
    }

    private void skipToEol() {
        while (pos < text.length() && !isEol(cur())) {
            pos++;
        }
    }

    private static boolean isEol(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
