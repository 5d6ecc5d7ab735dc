package org.jvirt.storage.internal.conf;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.XmlElement;

/** Reading helpers as libvirt's XPath string functions, and escaping. */
final class Xml {

    private Xml() {
    }

    /** libvirt's {@code virXPathString("string(...)")}: all character data under {@code e}; null when absent or empty. */
    static String text(XmlElement e) {
        if (e == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        append(e, b);
        return b.isEmpty() ? null : b.toString();
    }

    /** The text of the element at {@code path} (child names) under {@code e}. */
    static String text(XmlElement e, String... path) {
        return text(at(e, path));
    }

    static XmlElement at(XmlElement e, String... path) {
        XmlElement cur = e;
        for (String p : path) {
            if (cur == null) {
                return null;
            }
            cur = cur.child(p);
        }
        return cur;
    }

    private static void append(XmlElement e, StringBuilder b) {
        if (e.text() != null) {
            b.append(e.text());
        }
        for (XmlElement c : e.children()) {
            if (!XmlElement.TEXT.equals(c.name()) || c.text() == null) {
                append(c, b);
            } else {
                b.append(c.text());
            }
        }
    }

    static VirtException xmlError(String message) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.STORAGE, message);
    }

    /** libvirt's {@code virBufferEscapeString}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The permissions under {@code parent} ({@code virStorageDefParsePerms}). */
    static Perms perms(XmlElement parent) throws VirtException {
        XmlElement p = parent == null ? null : parent.child("permissions");
        if (p == null) {
            return Perms.NONE;
        }
        int mode = -1;
        String m = text(p.child("mode"));
        if (m != null) {
            try {
                mode = Integer.parseInt(m.trim(), 8);
            } catch (NumberFormatException e) {
                mode = -2;
            }
            if (mode < 0 || (mode & ~0777) != 0) {
                throw xmlError("malformed octal mode");
            }
        }
        long owner = id(p, "owner", "malformed owner element");
        long group = id(p, "group", "malformed group element");
        return new Perms(mode, owner, group, text(p.child("label")));
    }

    private static long id(XmlElement p, String name, String error) throws VirtException {
        XmlElement e = p.child(name);
        if (e == null) {
            return -1;
        }
        try {
            long v = Long.parseLong(String.valueOf(text(e)).trim());
            if (v != -1 && (v < 0 || v > 0xFFFFFFFFL)) {
                throw xmlError(error);
            }
            // (uid_t) -1 written as an unsigned number still means "not set"
            return v == 0xFFFFFFFFL ? -1 : v;
        } catch (NumberFormatException ex) {
            throw xmlError(error);
        }
    }
}
