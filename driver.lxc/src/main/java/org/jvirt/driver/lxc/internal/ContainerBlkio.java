package org.jvirt.driver.lxc.internal;

import static org.jvirt.driver.lxc.internal.TuneContext.STRING_OKAY;

import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.ModificationImpact;
import org.jvirt.api.xml.BlkioTune;
import org.jvirt.api.xml.DomainDef;

/**
 * {@code virsh blkiotune} of a container: libvirt's {@code lxcDomainGet/SetBlkioParameters} for the
 * weight ({@code blkio.bfq.weight}, else {@code blkio.weight}, as {@code virCgroupV1SetBlkioWeight}
 * looks for them). Per-device values are not kept by this driver: they are refused by name.
 */
final class ContainerBlkio {
    static final String WEIGHT = "weight";
    private static final List<String> DEVICE_PARAMS = List.of("device_weight", "device_read_iops_sec",
            "device_write_iops_sec", "device_read_bytes_sec", "device_write_bytes_sec");
    private static final Map<String, ParameterType> PARAMS = Map.of(WEIGHT, ParameterType.UINT, "device_weight",
            ParameterType.STRING, "device_read_iops_sec", ParameterType.STRING, "device_write_iops_sec",
            ParameterType.STRING, "device_read_bytes_sec", ParameterType.STRING, "device_write_bytes_sec",
            ParameterType.STRING);
    private static final int LIVE_CONFIG = Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG);
    static final String NO_WEIGHT = "blkio device weight is valid only for bfq or cfq scheduler";

    private final TuneContext ctx;

    ContainerBlkio(TuneContext ctx) {
        this.ctx = ctx;
    }

    List<TypedParameter> parameters(LxcDomain dom, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, LIVE_CONFIG | STRING_OKAY, "lxcDomainGetBlkioParameters");
        ModificationImpact impact = TuneContext.impact(dom, flags & ~STRING_OKAY);
        long weight;
        if (impact.live()) {
            ContainerCgroup g = blkioGroup(dom);
            weight = g.readLong("blkio", weightFile(g));
        } else {
            BlkioTune b = dom.persistentDef().blkiotune();
            weight = b == null || b.weight() == null ? 0 : b.weight();
        }
        // the device lists are always empty: definitions with <device> are refused
        return List.of(TypedParameter.ofUInt(WEIGHT, (int) weight), TypedParameter.ofString(DEVICE_PARAMS.get(0), ""),
                TypedParameter.ofString(DEVICE_PARAMS.get(1), ""), TypedParameter.ofString(DEVICE_PARAMS.get(2), ""),
                TypedParameter.ofString(DEVICE_PARAMS.get(3), ""), TypedParameter.ofString(DEVICE_PARAMS.get(4), ""));
    }

    void setParameters(LxcDomain dom, List<TypedParameter> params, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, LIVE_CONFIG, "lxcDomainSetBlkioParameters");
        TypedParameter.validate(params, PARAMS);
        for (TypedParameter p : params) {
            if (DEVICE_PARAMS.contains(p.field())) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.LXC,
                        "parameter '" + p.field() + "' not supported");
            }
        }
        ModificationImpact impact = TuneContext.impact(dom, flags);
        Integer weight = params.stream().filter(p -> p.field().equals(WEIGHT)).map(p -> (int) p.longValue())
                .findFirst().orElse(null);
        if (weight == null) {
            return;
        }
        if (impact.live()) {
            ContainerCgroup g = blkioGroup(dom);
            g.write("blkio", weightFile(g), Integer.toString(weight));
            ctx.saveLive(dom, withWeight(dom.liveDef(), weight));
        }
        if (impact.config()) {
            ctx.savePersistent(dom, withWeight(dom.persistentDef(), weight));
        }
    }

    /** Weight 0 is none, as libvirt never writes a zero weight to the cgroup. */
    private static DomainDef withWeight(DomainDef def, int weight) {
        BlkioTune b = def.blkiotune();
        BlkioTune updated = (b == null ? BlkioTune.builder() : b.toBuilder()).weight(weight == 0 ? null : weight).build();
        boolean empty = updated.weight() == null && updated.devices().isEmpty() && updated.other().isEmpty();
        return def.toBuilder().blkiotune(empty ? null : updated).build();
    }

    private ContainerCgroup blkioGroup(LxcDomain dom) throws VirtException {
        ContainerCgroup g = ctx.cgroup(dom);
        if (!g.has("blkio")) {
            throw LxcErrors.invalid("blkio cgroup isn't mounted");
        }
        return g;
    }

    private static String weightFile(ContainerCgroup g) throws VirtException {
        String file = g.isV2() ? "io.bfq.weight" : "blkio.bfq.weight";
        if (g.hasFile("blkio", file)) {
            return file;
        }
        file = g.isV2() ? "io.weight" : "blkio.weight";
        if (g.hasFile("blkio", file)) {
            return file;
        }
        throw LxcErrors.invalid(NO_WEIGHT);
    }
}
