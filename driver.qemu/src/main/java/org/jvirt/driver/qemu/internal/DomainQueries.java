package org.jvirt.driver.qemu.internal;

import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.ConsoleFlag;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.Flag;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.console.ConsoleDevices;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.ProcStat;

/**
 * What a client reads of one domain: OS type, info, XML description, security labels, and its
 * console. Each answer is taken under the domain's lock from the definition in effect.
 */
final class DomainQueries {
    private final QemuHost host;

    DomainQueries(QemuHost host) {
        this.host = host;
    }

    /**
     * The definition in effect of a domain found a moment ago. A transient domain that stopped
     * since has none left: for the caller it is gone (libvirt's lookup would not find it). Lock held.
     */
    private static DomainDef definitionOf(QemuDomainObj d) throws VirtException {
        DomainDef def = d.def();
        if (def == null) {
            throw QemuErrors.noDomain(d.uuid(), d.name());
        }
        return def;
    }

    String osType(QemuDomainObj d) throws VirtException {
        DomainDef def;
        synchronized (d) {
            def = definitionOf(d);
        }
        return def.os() == null || def.os().type() == null ? "hvm" : def.os().type();
    }

    DomainInfo info(QemuDomainObj d) throws VirtException {
        synchronized (d) {
            DomainDef def = definitionOf(d);
            long cpuTime = d.isActive() ? ProcStat.ofProcess(d.pid()).map(ProcStat::cpuTimeNs).orElse(0L) : 0;
            return new DomainInfo(d.state().state(), def.memory().kib(), def.currentMemoryKib(), def.vcpu().current(),
                    cpuTime);
        }
    }

    String xmlDesc(QemuDomainObj d, int flags) throws VirtException {
        synchronized (d) {
            boolean inactive = Flag.isSet(flags, XmlFlag.INACTIVE) || !d.isActive();
            DomainDef def = inactive && d.persistentDef() != null ? d.persistentDef() : definitionOf(d);
            int f = (Flag.isSet(flags, XmlFlag.SECURE) ? DomainXmlCodec.FORMAT_SECURE : 0)
                    | (inactive ? DomainXmlCodec.FORMAT_INACTIVE : 0);
            return host.context().codec().format(def, f);
        }
    }

    /** qemuDomainGetSecurityLabel: the running guest's label, empty for one shut off. */
    SecurityLabel securityLabel(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            return dom.isActive() ? host.context().security().processLabel(dom.liveDef(), dom.pid())
                    : new SecurityLabel("", false);
        }
    }

    /** qemuDomainGetSecurityLabelList: one label per security driver while running, none when shut off. */
    List<SecurityLabel> securityLabels(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            return dom.isActive() ? List.of(host.context().security().processLabel(dom.liveDef(), dom.pid()))
                    : List.of();
        }
    }

    Stream openConsole(QemuDomainObj dom, String devName, int flags) throws VirtException {
        String pty;
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            pty = ConsoleDevices.ptyPath(dom.liveDef(), devName);
        }
        return host.consoles().open(Path.of(pty), (flags & ConsoleFlag.FORCE.bit()) != 0);
    }
}
