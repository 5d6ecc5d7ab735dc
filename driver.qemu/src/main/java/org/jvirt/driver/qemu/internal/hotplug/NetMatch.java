package org.jvirt.driver.qemu.internal.hotplug;

import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;

/**
 * libvirt's virDomainNetFindIdx: the interface with the MAC address the XML names (any, if it names
 * none), with its errors (domain_conf.c: error domain DOMAIN).
 */
public final class NetMatch {
    private NetMatch() {
    }

    public static NetInterface find(DomainDef def, NetInterface net) throws VirtException {
        String mac = net.mac();
        List<NetInterface> matches = def.devices().interfaces().stream()
                .filter(n -> mac == null || mac.equalsIgnoreCase(n.mac())).toList();
        if (matches.isEmpty()) {
            throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.DOMAIN, mac == null
                    ? "no device found" : "no device matching MAC address " + mac + " found");
        }
        if (matches.size() > 1) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN, mac == null
                    ? "multiple matching devices found" : "multiple devices matching MAC address " + mac + " found");
        }
        return matches.get(0);
    }
}
