package org.jvirt.driver.qemu.internal;

import static org.jvirt.driver.qemu.internal.TuneTarget.CONFIG;
import static org.jvirt.driver.qemu.internal.TuneTarget.LIVE;
import static org.jvirt.driver.qemu.internal.TuneTarget.STRING_OKAY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.BlkioTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.cgroup.CgroupTunables;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * {@code virsh blkiotune}: libvirt's qemuDomainGet/SetBlkioParameters. The {@code weight} is the
 * guest's blkio (v2: io) cgroup's bfq or cfq weight; the per-device settings are reported from
 * {@code <blkiotune>} as libvirt formats them ({@code /dev/sda,500,...}).
 */
final class BlkioTuning {
    static final String WEIGHT = "weight";
    private static final Map<String, Function<BlkioTune.Device, Object>> DEVICE_PARAMS = new LinkedHashMap<>();

    static {
        DEVICE_PARAMS.put("device_weight", BlkioTune.Device::weight);
        DEVICE_PARAMS.put("device_read_iops_sec", BlkioTune.Device::readIopsSec);
        DEVICE_PARAMS.put("device_write_iops_sec", BlkioTune.Device::writeIopsSec);
        DEVICE_PARAMS.put("device_read_bytes_sec", BlkioTune.Device::readBytesSec);
        DEVICE_PARAMS.put("device_write_bytes_sec", BlkioTune.Device::writeBytesSec);
    }

    private final TuneTarget target;

    BlkioTuning(TuneTarget target) {
        this.target = target;
    }

    List<TypedParameter> get(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "qemuDomainGetBlkioParameters");
        synchronized (dom) {
            List<TypedParameter> out = new ArrayList<>();
            DomainDef def;
            if ((AffectedDefs.impact(dom, flags) & CONFIG) != 0) {
                def = dom.persistentDef();
                Integer w = def.blkiotune() == null ? null : def.blkiotune().weight();
                out.add(TypedParameter.ofUInt(WEIGHT, w == null ? 0 : w));
            } else {
                GuestCgroup g = blkioGroup(dom);
                def = dom.liveDef();
                out.add(TypedParameter.ofUInt(WEIGHT, (int) new CgroupTunables(g).blkioWeight()));
            }
            List<BlkioTune.Device> devices = def.blkiotune() == null ? List.of() : def.blkiotune().devices();
            for (Map.Entry<String, Function<BlkioTune.Device, Object>> e : DEVICE_PARAMS.entrySet()) {
                StringBuilder sb = new StringBuilder();
                for (BlkioTune.Device d : devices) {
                    Object v = e.getValue().apply(d);
                    if (v != null && ((Number) v).longValue() != 0) {
                        sb.append(sb.length() == 0 ? "" : ",").append(d.path()).append(',').append(v);
                    }
                }
                out.add(TypedParameter.ofString(e.getKey(), sb.toString()));
            }
            return out;
        }
    }

    void set(QemuDomainObj dom, List<TypedParameter> params, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainSetBlkioParameters");
        Map<String, ParameterType> allowed = new LinkedHashMap<>();
        allowed.put(WEIGHT, ParameterType.UINT);
        DEVICE_PARAMS.keySet().forEach(k -> allowed.put(k, ParameterType.STRING));
        TuneTarget.validate(params, allowed);
        for (TypedParameter p : params) {
            if (!p.field().equals(WEIGHT)) {
                throw QemuErrors.unsupported("per-device block I/O tuning ('" + p.field()
                        + "') is not supported by jvirt's QEMU driver");
            }
        }
        synchronized (dom) {
            int impact = AffectedDefs.impact(dom, flags);
            GuestCgroup g = (impact & LIVE) != 0 ? blkioGroup(dom) : null;
            Integer weight = params.isEmpty() ? null : (int) params.get(0).longValue();
            if (weight == null) {
                return;
            }
            if (g != null) {
                CgroupTunables t = new CgroupTunables(g);
                t.setBlkioWeight(Integer.toUnsignedLong(weight));
                int actual = (int) t.blkioWeight();
                target.saveLive(dom, withWeight(dom.liveDef(), actual));
            }
            if ((impact & CONFIG) != 0) {
                target.savePersistent(dom, d -> withWeight(d, weight));
            }
        }
    }

    private static DomainDef withWeight(DomainDef def, int weight) {
        BlkioTune b = (def.blkiotune() == null ? BlkioTune.builder() : def.blkiotune().toBuilder()).weight(weight)
                .build();
        return def.toBuilder().blkiotune(b).build();
    }

    private GuestCgroup blkioGroup(QemuDomainObj dom) throws VirtException {
        GuestCgroup g = target.cgroup(dom);
        if (!g.has(Controller.BLKIO)) {
            throw QemuErrors.invalid("blkio cgroup isn't mounted");
        }
        return g;
    }
}
