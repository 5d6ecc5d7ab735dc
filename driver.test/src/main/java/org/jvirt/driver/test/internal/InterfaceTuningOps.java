package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.InterfaceBandwidthParameters;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;

/**
 * {@code virsh domiftune} as libvirt 9.0's test driver answers it (testDomainGet/SetInterfaceParameters):
 * the {@code <bandwidth>} of one interface of the live or persistent definition (virDomainObjGetOneDef),
 * kept there and nowhere else; the parameters and how a set changes the bandwidth are every driver's
 * ({@link InterfaceBandwidthParameters}). The count (nparams 0) is 7 before the domain is even looked up.
 */
final class InterfaceTuningOps {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    private static final int STRING_OKAY = 1 << 2;

    private final TestHost host;

    InterfaceTuningOps(TestHost host) {
        this.host = host;
    }

    int count(int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetInterfaceParameters");
        return InterfaceBandwidthParameters.FIELDS.size();
    }

    List<TypedParameter> get(DomainRef ref, String device, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetInterfaceParameters");
        return host.locked(() -> {
            NetBandwidth bw = find(VcpuOps.oneDef(host.find(ref), flags & ~STRING_OKAY), device).bandwidth();
            return InterfaceBandwidthParameters.of(bw);
        });
    }

    void set(DomainRef ref, String device, List<TypedParameter> params, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainSetInterfaceParameters");
        InterfaceBandwidthParameters.validate(params);
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            DomainDef def = VcpuOps.oneDef(dom, flags);
            NetInterface net = find(def, device);
            NetBandwidth changed = InterfaceBandwidthParameters.merge(net.bandwidth(), params);
            List<Device> all = new ArrayList<>(def.devices().all());
            all.set(all.indexOf(net), net.toBuilder().bandwidth(changed).build());
            DomainDef updated = def.withDevices(def.devices().withAll(all));
            boolean live = (flags & LIVE) != 0 || ((flags & CONFIG) == 0 && dom.isActive());
            if (live || !dom.isActive()) {
                dom.updateDef(updated);
            } else {
                dom.assignPersistentDef(updated);
            }
            host.save(dom);
            return null;
        });
    }

    /** virDomainNetFind: by MAC address when {@code device} is one, else by host device name. */
    private static NetInterface find(DomainDef def, String device) throws VirtException {
        byte[] mac = mac(device);
        for (NetInterface n : def.devices().interfaces()) {
            if (mac != null ? n.mac() != null && Arrays.equals(mac, mac(n.mac())) : device.equals(n.targetDev())) {
                return n;
            }
        }
        throw TestDriverErrors.invalidArg(ErrorDomain.DOMAIN, "'" + device + "' is not a known interface");
    }

    /** virMacAddrParse: six colon-separated hex bytes of one or two digits, else null. */
    private static byte[] mac(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 6) {
            return null;
        }
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            out[i] = (byte) HexFormat.fromHexDigits(p);
        }
        return out;
    }
}
