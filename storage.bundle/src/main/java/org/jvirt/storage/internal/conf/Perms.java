package org.jvirt.storage.internal.conf;

/**
 * libvirt's {@code virStoragePerms}: -1 means "not set" for mode, owner and group.
 *
 * @param mode  the octal mode, -1 for none
 * @param owner the uid, -1 for none
 * @param group the gid, -1 for none
 * @param label the security label, null for none
 */
public record Perms(int mode, long owner, long group, String label) {
    public static final Perms NONE = new Perms(-1, -1, -1, null);

    public boolean isEmpty() {
        return mode == -1 && owner == -1 && group == -1 && label == null;
    }

    /** {@code <permissions>} as libvirt formats it, indented by {@code indent}; "" when empty. */
    public String format(String indent) {
        if (isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append(indent).append("<permissions>\n");
        if (mode != -1) {
            b.append(indent).append("  <mode>0").append(Integer.toOctalString(mode)).append("</mode>\n");
        }
        if (owner != -1) {
            b.append(indent).append("  <owner>").append((int) owner).append("</owner>\n");
        }
        if (group != -1) {
            b.append(indent).append("  <group>").append((int) group).append("</group>\n");
        }
        if (label != null) {
            b.append(indent).append("  <label>").append(Xml.escape(label)).append("</label>\n");
        }
        return b.append(indent).append("</permissions>\n").toString();
    }
}
