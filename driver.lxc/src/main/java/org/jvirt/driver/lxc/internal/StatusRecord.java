package org.jvirt.driver.lxc.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What a new driver instance needs to take over a running container, kept in the state store
 * (status record, key = UUID): its processes, id, state and live definition. A properties file:
 * the driver needs no JSON library for a handful of fields.
 */
record StatusRecord(String name, int id, ContainerProcess process, int state, int reason, String liveXml) {

    byte[] toBytes() {
        Properties p = new Properties();
        p.setProperty("name", name);
        p.setProperty("id", Integer.toString(id));
        p.setProperty("lxcName", process.lxcName());
        p.setProperty("monitorPid", Long.toString(process.monitorPid()));
        p.setProperty("monitorStart", Long.toString(process.monitorStart()));
        p.setProperty("initPid", Long.toString(process.initPid()));
        p.setProperty("initStart", Long.toString(process.initStart()));
        p.setProperty("state", Integer.toString(state));
        p.setProperty("reason", Integer.toString(reason));
        p.setProperty("liveXml", liveXml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, "jvirt LXC driver: a running container");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static StatusRecord fromBytes(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        String lxcName = p.getProperty("lxcName");
        String xml = p.getProperty("liveXml");
        if (lxcName == null || xml == null) {
            throw new IOException("not an LXC runtime status record");
        }
        try {
            ContainerProcess proc = new ContainerProcess(lxcName, num(p, "monitorPid"), num(p, "monitorStart"),
                    num(p, "initPid"), num(p, "initStart"));
            return new StatusRecord(p.getProperty("name", lxcName), (int) num(p, "id"), proc, (int) num(p, "state"),
                    (int) num(p, "reason"), xml);
        } catch (NumberFormatException e) {
            throw new IOException("malformed LXC runtime status record: " + e.getMessage(), e);
        }
    }

    private static long num(Properties p, String key) {
        return Long.parseLong(p.getProperty(key, "-1").trim());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
