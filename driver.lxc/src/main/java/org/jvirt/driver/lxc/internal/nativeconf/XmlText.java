package org.jvirt.driver.lxc.internal.nativeconf;

/**
 * A tiny writer for the domain XML the LXC config reader builds before the core codec parses it
 * (so the domain model's own parser checks every value). Attributes come as name/value pairs; a
 * null value leaves the attribute out.
 */
final class XmlText {
    private final StringBuilder out = new StringBuilder();

    XmlText open(String name, Object... attrs) {
        tag(name, attrs);
        out.append('>');
        return this;
    }

    XmlText empty(String name, Object... attrs) {
        tag(name, attrs);
        out.append("/>");
        return this;
    }

    /** An element holding text; a null text writes nothing. */
    XmlText text(String name, Object value, Object... attrs) {
        if (value != null) {
            open(name, attrs);
            out.append(escape(value.toString()));
            close(name);
        }
        return this;
    }

    XmlText close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    private void tag(String name, Object[] attrs) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                out.append(' ').append(attrs[i]).append("='").append(escape(attrs[i + 1].toString())).append('\'');
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
