package org.jvirt.driver.test.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * A domain's runtime status as the test driver writes it to a STATUS record: a properties text
 * with the state, reason, ID, autostart, whether a managed save image exists and, while the domain
 * runs, its live definition.
 *
 * @param state      the domain state
 * @param reason     libvirt's reason number
 * @param id         the ID while running, else -1
 * @param autostart  the autostart flag
 * @param managedSave whether the domain has a managed save image
 * @param liveXml    the live definition while running, else null
 * @param pendingXml the definition a running transient domain returns to, else null
 */
record StatusRecord(DomainState state, int reason, int id, boolean autostart, boolean managedSave, String liveXml,
        String pendingXml) {

    byte[] toBytes() {
        Properties p = new Properties();
        p.setProperty("state", Integer.toString(state.number()));
        p.setProperty("reason", Integer.toString(reason));
        p.setProperty("id", Integer.toString(id));
        p.setProperty("autostart", Boolean.toString(autostart));
        p.setProperty("managedSave", Boolean.toString(managedSave));
        if (liveXml != null) {
            p.setProperty("live", liveXml);
        }
        if (pendingXml != null) {
            p.setProperty("pending", pendingXml);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, "jvirt test driver domain status");
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static StatusRecord fromBytes(String key, byte[] bytes) throws VirtException {
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(bytes));
            return new StatusRecord(DomainState.ofNumber(Integer.parseInt(p.getProperty("state", "5"))),
                    Integer.parseInt(p.getProperty("reason", "0")), Integer.parseInt(p.getProperty("id", "-1")),
                    Boolean.parseBoolean(p.getProperty("autostart")),
                    Boolean.parseBoolean(p.getProperty("managedSave")), p.getProperty("live"),
                    p.getProperty("pending"));
        } catch (IOException | IllegalArgumentException e) {
            throw new VirtException(ErrorCode.PARSE_FAILED, ErrorDomain.TEST,
                    "status record '" + key + "': " + e.getMessage(), e);
        }
    }

    /** The host-wide status record: the next domain ID. */
    static byte[] hostRecord(int nextId) {
        return ("nextId=" + nextId + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static int nextIdOf(byte[] bytes) throws VirtException {
        Properties p = new Properties();
        try {
            p.load(new ByteArrayInputStream(bytes));
            return Integer.parseInt(p.getProperty("nextId", "1"));
        } catch (IOException | IllegalArgumentException e) {
            throw new VirtException(ErrorCode.PARSE_FAILED, ErrorDomain.TEST, "host status record: " + e.getMessage(), e);
        }
    }
}
