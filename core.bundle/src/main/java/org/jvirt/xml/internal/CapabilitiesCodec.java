package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.XmlElement;

/** The LXC {@code <features><capabilities policy=>} (virDomainFeaturesCapabilitiesDefParse). */
final class CapabilitiesCodec {
    /** libvirt's virDomainProcessCapsFeature, in the order its formatter writes them. */
    private static final List<String> NAMES = List.of("audit_control", "audit_write", "block_suspend", "chown",
            "dac_override", "dac_read_search", "fowner", "fsetid", "ipc_lock", "ipc_owner", "kill", "lease",
            "linux_immutable", "mac_admin", "mac_override", "mknod", "net_admin", "net_bind_service",
            "net_broadcast", "net_raw", "setgid", "setfcap", "setpcap", "setuid", "sys_admin", "sys_boot",
            "sys_chroot", "sys_module", "sys_nice", "sys_pacct", "sys_ptrace", "sys_rawio", "sys_resource",
            "sys_time", "sys_tty_config", "syslog", "wake_alarm");
    private static final List<String> POLICIES = List.of("default", "allow", "deny");

    private CapabilitiesCodec() {
    }

    /** {@code <features>}: capabilities typed, every other feature kept as written. */
    static Features parseFeatures(Node f) throws VirtException {
        if (f == null) {
            return null;
        }
        Node caps = f.child("capabilities");
        List<XmlElement> entries = new ArrayList<>();
        for (XmlElement e : f.element().children()) {
            // text between features configures nothing, and libvirt reads the first <capabilities>
            // only: kept, either outlived or replaced what was read (found by DomainXmlFuzzTest)
            if (!e.name().equals(XmlElement.TEXT) && !e.name().equals("capabilities")) {
                entries.add(FeaturesCodec.complete(e));
            }
        }
        return Features.builder().entries(entries).capabilities(caps == null ? null : parse(caps)).build();
    }

    private static Features.Capabilities parse(Node n) throws VirtException {
        String policy = n.attr("policy");
        if (policy == null) {
            policy = "default";
        } else if (!POLICIES.contains(policy)) {
            throw XmlErrors.xml("Invalid value for attribute 'policy' in element 'capabilities': '" + policy + "'.");
        }
        List<Features.Capability> states = new ArrayList<>();
        for (XmlElement c : n.element().children()) {
            if (c.name().equals(XmlElement.TEXT)) {
                continue;
            }
            if (!NAMES.contains(c.name())) {
                throw XmlErrors.xml("unexpected capability feature '" + c.name() + "'");
            }
            Node cn = new Node(c);
            String state = cn.attr("state");
            if (state == null) {
                throw XmlErrors.xml("Missing required attribute 'state' in element '" + c.name() + "'");
            }
            if (!state.equals("on") && !state.equals("off")) {
                throw XmlErrors.xml("Invalid value for attribute 'state' in element '" + c.name() + "': '" + state
                        + "'.");
            }
            cn.requireFullyRead();
            states.removeIf(s -> s.name().equals(c.name()));
            states.add(new Features.Capability(c.name(), state));
        }
        states.sort(Comparator.comparingInt(s -> NAMES.indexOf(s.name())));
        return new Features.Capabilities(policy, states);
    }

    /** The element libvirt writes, or null (a default policy without states is not written). */
    static XmlElement format(Features.Capabilities c) {
        if (c == null || c.policy().equals("default") && c.states().isEmpty()) {
            return null;
        }
        Out o = new Out("capabilities").attr("policy", c.policy());
        for (Features.Capability s : c.states()) {
            o.child(new Out(s.name()).attr("state", s.state()));
        }
        return o.build();
    }
}
