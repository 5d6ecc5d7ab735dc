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
 * guest's blkio (v2: io) cgroup's bfq or cfq weight; the per-device settings go to the group's
 * per-device files ({@link CgroupTunables#setBlkioDevice}) and into {@code <blkiotune>}, and are
 * reported from it as libvirt formats them ({@code /dev/sda,500,...}).
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

    /** The cgroup value each device parameter sets. */
    private static final Map<String, String> CGROUP_KIND = Map.of(BlkioDeviceParams.WEIGHT, "weight",
            BlkioDeviceParams.READ_IOPS, "riops", BlkioDeviceParams.WRITE_IOPS, "wiops",
            BlkioDeviceParams.READ_BYTES, "rbps", BlkioDeviceParams.WRITE_BYTES, "wbps");

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
        // the device lists are read before anything changes (qemuDomainParseBlkioDeviceStr's errors)
        Map<TypedParameter, List<BlkioDeviceParams.Value>> parsed = new LinkedHashMap<>();
        for (TypedParameter p : params) {
            if (!p.field().equals(WEIGHT)) {
                parsed.put(p, BlkioDeviceParams.parse(p.field(), p.stringValue()));
            }
        }
        synchronized (dom) {
            int impact = AffectedDefs.impact(dom, flags);
            if ((impact & LIVE) != 0) {
                CgroupTunables t = new CgroupTunables(blkioGroup(dom));
                DomainDef live = dom.liveDef();
                for (TypedParameter p : params) {
                    if (p.field().equals(WEIGHT)) {
                        t.setBlkioWeight(Integer.toUnsignedLong((int) p.longValue()));
                        live = withWeight(live, (int) t.blkioWeight());
                    } else {
                        List<BlkioDeviceParams.Value> applied = new ArrayList<>();
                        for (BlkioDeviceParams.Value v : parsed.get(p)) {
                            applied.add(new BlkioDeviceParams.Value(v.path(),
                                    t.setBlkioDevice(CGROUP_KIND.get(p.field()), v.path(), v.value())));
                        }
                        live = withDevices(live, applied, p.field());
                    }
                }
                target.saveLive(dom, live);
            }
            if ((impact & CONFIG) != 0) {
                target.savePersistent(dom, d -> {
                    DomainDef out = d;
                    for (TypedParameter p : params) {
                        out = p.field().equals(WEIGHT) ? withWeight(out, (int) p.longValue())
                                : withDevices(out, parsed.get(p), p.field());
                    }
                    return out;
                });
            }
        }
    }

    private static DomainDef withDevices(DomainDef def, List<BlkioDeviceParams.Value> values, String field) {
        BlkioTune b = def.blkiotune() == null ? BlkioTune.builder().build() : def.blkiotune();
        return def.toBuilder().blkiotune(b.withDevices(BlkioDeviceParams.merge(b.devices(), values, field))).build();
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
