package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jvirt.api.Domain;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.InterfaceTuningDriver;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;

/**
 * {@code virsh domiftune} as libvirt 9.0's test driver answers it (testDomainGet/SetInterfaceParameters):
 * the {@code <bandwidth>} of one interface of the live or persistent definition (virDomainObjGetOneDef),
 * kept there and nowhere else. A direction given with an average (inbound: or a floor) replaces that
 * direction, one given with average 0 removes it, one not given stays; the count (nparams 0) is 7
 * before the domain is even looked up.
 */
final class InterfaceTuningOps implements InterfaceTuningDriver {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    private static final int STRING_OKAY = 1 << 2;
    private static final String[] FIELDS = {Domain.BANDWIDTH_IN_AVERAGE, Domain.BANDWIDTH_IN_PEAK,
        Domain.BANDWIDTH_IN_BURST, Domain.BANDWIDTH_IN_FLOOR, Domain.BANDWIDTH_OUT_AVERAGE,
        Domain.BANDWIDTH_OUT_PEAK, Domain.BANDWIDTH_OUT_BURST};

    private final TestHost host;

    InterfaceTuningOps(TestHost host) {
        this.host = host;
    }

    @Override
    public int interfaceParameterCount(DomainRef ref, String device, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetInterfaceParameters");
        return FIELDS.length;
    }

    @Override
    public List<TypedParameter> interfaceParameters(DomainRef ref, String device, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetInterfaceParameters");
        return host.locked(() -> {
            NetBandwidth bw = find(VcpuOps.oneDef(host.find(ref), flags & ~STRING_OKAY), device).bandwidth();
            NetBandwidth.Rate in = bw == null || bw.inbound() == null ? new NetBandwidth.Rate(0, 0, 0, 0) : bw.inbound();
            NetBandwidth.Rate out = bw == null || bw.outbound() == null ? new NetBandwidth.Rate(0, 0, 0, 0)
                    : bw.outbound();
            // value.ui: libvirt's unsigned long long rates are cut to 32 bits
            long[] v = {in.average(), in.peak(), in.burst(), in.floor(), out.average(), out.peak(), out.burst()};
            List<TypedParameter> result = new ArrayList<>();
            for (int i = 0; i < FIELDS.length; i++) {
                result.add(TypedParameter.ofUInt(FIELDS[i], (int) v[i]));
            }
            return result;
        });
    }

    @Override
    public void setInterfaceParameters(DomainRef ref, String device, List<TypedParameter> params, int flags)
            throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainSetInterfaceParameters");
        Map<String, ParameterType> allowed = new LinkedHashMap<>();
        for (String f : FIELDS) {
            allowed.put(f, ParameterType.UINT);
        }
        TypedParameter.validate(params, allowed);
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            DomainDef def = VcpuOps.oneDef(dom, flags);
            NetInterface net = find(def, device);
            NetBandwidth changed = merge(net.bandwidth(), params);
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

    /** The new bandwidth: given directions replace (or, without average/floor, clear), others stay. */
    private static NetBandwidth merge(NetBandwidth old, List<TypedParameter> params) {
        Map<String, Long> v = new LinkedHashMap<>();
        params.forEach(p -> v.put(p.field(), p.longValue()));
        NetBandwidth.Rate in = new NetBandwidth.Rate(v.getOrDefault(FIELDS[0], 0L), v.getOrDefault(FIELDS[1], 0L),
                v.getOrDefault(FIELDS[2], 0L), v.getOrDefault(FIELDS[3], 0L));
        NetBandwidth.Rate out = new NetBandwidth.Rate(v.getOrDefault(FIELDS[4], 0L), v.getOrDefault(FIELDS[5], 0L),
                v.getOrDefault(FIELDS[6], 0L), 0);
        boolean inGiven = v.containsKey(FIELDS[0]) || v.containsKey(FIELDS[3]);
        boolean outGiven = v.containsKey(FIELDS[4]);
        NetBandwidth.Rate newIn = in.average() != 0 || in.floor() != 0 ? in
                : inGiven || old == null ? null : old.inbound();
        NetBandwidth.Rate newOut = out.average() != 0 ? out : outGiven || old == null ? null : old.outbound();
        return newIn == null && newOut == null ? null : new NetBandwidth(newIn, newOut);
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
