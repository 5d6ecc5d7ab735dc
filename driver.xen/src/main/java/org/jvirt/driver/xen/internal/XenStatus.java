package org.jvirt.driver.xen.internal;

import java.nio.charset.StandardCharsets;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;

/**
 * The status record of a running domain: its Xen domain id, state and reason, and the live XML it
 * was created from. Text: {@code domid state reason} on the first line, the XML after it.
 */
record XenStatus(int domid, DomainStateInfo state, String liveXml) {

    byte[] toBytes() {
        return (domid + " " + state.state().number() + " " + state.reason() + "\n" + liveXml)
                .getBytes(StandardCharsets.UTF_8);
    }

    static XenStatus parse(byte[] record) {
        String text = new String(record, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (nl < 0) {
            throw new IllegalArgumentException("no status line");
        }
        String[] head = text.substring(0, nl).trim().split(" ");
        if (head.length != 3) {
            throw new IllegalArgumentException("status line '" + text.substring(0, nl) + "' is not 'domid state reason'");
        }
        DomainStateInfo st = new DomainStateInfo(DomainState.ofNumber(Integer.parseInt(head[1])), Integer.parseInt(head[2]));
        return new XenStatus(Integer.parseInt(head[0]), st, text.substring(nl + 1));
    }
}
