package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.VcpuPin;

/** {@code <cputune>} (virDomainDefTunablesParse). */
final class CpuTuneParser {
    private final int maxVcpus;

    CpuTuneParser(int maxVcpus) {
        this.maxVcpus = maxVcpus;
    }

    CpuTune parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        Long shares = number(n, "shares");
        Long period = number(n, "period");
        Long quota = number(n, "quota");
        List<VcpuPin> pins = new ArrayList<>();
        for (Node p : n.children("vcpupin")) {
            Integer vcpu = p.intAttr("vcpu");
            if (vcpu == null || vcpu < 0) {
                throw XmlErrors.xml("vcpu id must be an unsigned integer");
            }
            for (VcpuPin existing : pins) {
                if (existing.vcpu() == vcpu) {
                    throw XmlErrors.xml("duplicate vcpupin for vcpu " + vcpu);
                }
            }
            pins.add(new VcpuPin(vcpu, CpuSet.normalize("vcpupin cpuset", p.requiredAttr("cpuset"))));
            p.requireFullyRead();
        }
        Node emu = n.child("emulatorpin");
        String emulatorPin = emu == null ? null : CpuSet.normalize("emulatorpin cpuset", emu.requiredAttr("cpuset"));
        if (emu != null) {
            emu.requireFullyRead();
        }
        return CpuTune.builder().shares(shares).period(period).quota(quota).vcpuPins(pins).emulatorPin(emulatorPin)
                .other(new CpuTuneRest(maxVcpus).normalize(n.rest())).build();
    }

    private static Long number(Node n, String child) throws VirtException {
        String v = n.childText(child);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw XmlErrors.xml("invalid value for cputune " + child + ": '" + v + "'");
        }
    }
}
