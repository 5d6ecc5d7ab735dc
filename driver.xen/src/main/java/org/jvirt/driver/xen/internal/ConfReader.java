package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's virConfReadString for Xen configuration files: {@code name = value} settings separated
 * by new lines or {@code ;}, {@code #} comments, values that are numbers, strings in single, double
 * or triple double quotes, or lists in brackets (nested, a trailing comma allowed). Errors are
 * libvirt's "configuration file syntax error: memory conf:LINE: MESSAGE".
 */
final class ConfReader {
    private final String text;
    private int pos;
    private int line = 1;

    private ConfReader(String text) {
        this.text = text;
    }

    /** The settings in file order: Long, String or List values. A repeated name keeps the last. */
    static Map<String, Object> read(String text) throws VirtException {
        ConfReader r = new ConfReader(text);
        Map<String, Object> out = new LinkedHashMap<>();
        while (true) {
            r.skipBlanksAndComments(true);
            if (r.pos >= text.length()) {
                return out;
            }
            if (r.peek() == ';') {
                r.pos++;
                continue;
            }
            String name = r.name();
            r.skipBlanks();
            if (r.pos >= text.length() || r.peek() != '=') {
                throw r.error("expecting an assignment");
            }
            r.pos++;
            r.skipBlanks();
            out.put(name, r.value());
            r.skipBlanksAndComments(false);
            if (r.pos < text.length() && r.peek() != '\n' && r.peek() != ';') {
                throw r.error("expecting a separator");
            }
        }
    }

    private String name() throws VirtException {
        int start = pos;
        if (pos >= text.length() || !(Character.isLetter(peek()) || peek() == '_')) {
            throw error("expecting a name");
        }
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || "_.:+-".indexOf(peek()) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Object value() throws VirtException {
        if (pos >= text.length()) {
            throw error("expecting a value");
        }
        char c = peek();
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skipBlanksAndComments(true);
                if (pos >= text.length()) {
                    throw error("list is not closed with ]");
                }
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                list.add(value());
                skipBlanksAndComments(true);
                if (pos < text.length() && peek() == ',') {
                    pos++;
                } else if (pos < text.length() && peek() != ']') {
                    throw error("expecting a separator in list");
                }
            }
        }
        if (text.startsWith("\"\"\"", pos)) {
            int end = text.indexOf("\"\"\"", pos + 3);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 3, end);
            line += (int) s.chars().filter(ch -> ch == '\n').count();
            pos = end + 3;
            return s;
        }
        if (c == '"' || c == '\'') {
            int end = text.indexOf(c, pos + 1);
            int nl = text.indexOf('\n', pos + 1);
            if (end < 0 || (nl >= 0 && nl < end)) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }
        if (Character.isDigit(c) || c == '-' || c == '+') {
            int start = pos;
            pos++;
            while (pos < text.length() && Character.isDigit(peek())) {
                pos++;
            }
            try {
                return Long.parseLong(text.substring(start, pos).replace("+", ""));
            } catch (NumberFormatException e) {
                throw error("unterminated number");
            }
        }
        throw error("expecting a value");
    }

    private void skipBlanks() {
        while (pos < text.length() && (peek() == ' ' || peek() == '\t' || peek() == '\r')) {
            pos++;
        }
    }

    private void skipBlanksAndComments(boolean newlines) {
        while (pos < text.length()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n' && newlines) {
                pos++;
                line++;
            } else if (c == '#') {
                while (pos < text.length() && peek() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private char peek() {
        return text.charAt(pos);
    }

    private VirtException error(String message) {
        return new VirtException(ErrorCode.CONF_SYNTAX, ErrorDomain.CONF, "memory conf:" + line + ": " + message);
    }
}
