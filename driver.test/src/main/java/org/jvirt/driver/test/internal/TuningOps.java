package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.BlkioTune;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.MemTune;
import org.jvirt.api.xml.MemTuneBuilder;

/**
 * Tuning as libvirt's test driver answers it: a "fair" scheduler whose one parameter,
 * {@code weight}, always reads 50 and is accepted but not kept (testDomainGet/
 * SetSchedulerParametersFlags); memory and block I/O parameters and emulator pinning kept in the
 * live or persistent definition (virDomainObjGetOneDef).
 */
final class TuningOps {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    private static final int STRING_OKAY = 1 << 2;
    /** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED, what an unset limit reads. */
    private static final long UNLIMITED = 9007199254740991L;
    private static final String[] MEMORY = {"hard_limit", "soft_limit", "swap_hard_limit"};
    private static final String[] DEVICE = {"device_weight", "device_read_iops_sec", "device_write_iops_sec",
        "device_read_bytes_sec", "device_write_bytes_sec"};

    private final TestHost host;

    TuningOps(TestHost host) {
        this.host = host;
    }

    /** testDomainGetSchedulerType: the same for every domain, gone or not (it is never looked up). */
    SchedulerType schedulerType(DomainRef ref) {
        return new SchedulerType("fair", 1);
    }

    List<TypedParameter> schedulerParameters(DomainRef ref, int flags) throws VirtException {
        // virCheckFlags(0): only the STRING_OKAY libvirt-domain.c adds by itself passes unnoticed
        if (flags != STRING_OKAY) {
            TestDriverErrors.checkFlags(flags, 0, "testDomainGetSchedulerParametersFlags");
        }
        host.locked(() -> host.find(ref));
        return List.of(TypedParameter.ofUInt("weight", 50));
    }

    void setSchedulerParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainSetSchedulerParametersFlags");
        validate(params, Map.of("weight", ParameterType.UINT));
        host.locked(() -> host.find(ref));
    }

    List<TypedParameter> memoryParameters(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetMemoryParameters");
        return host.locked(() -> {
            MemTune m = VcpuOps.oneDef(host.find(ref), flags & ~STRING_OKAY).memtune();
            Long[] v = m == null ? new Long[3] : new Long[] {m.hardLimit(), m.softLimit(), m.swapHardLimit()};
            List<TypedParameter> out = new ArrayList<>();
            for (int i = 0; i < MEMORY.length; i++) {
                out.add(TypedParameter.ofULong(MEMORY[i], v[i] == null ? UNLIMITED : v[i]));
            }
            return out;
        });
    }

    void setMemoryParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainSetMemoryParameters");
        Map<String, ParameterType> allowed = new LinkedHashMap<>();
        for (String m : MEMORY) {
            allowed.put(m, ParameterType.ULLONG);
        }
        validate(params, allowed);
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            DomainDef def = VcpuOps.oneDef(dom, flags);
            Long hard = value(params, MEMORY[0]);
            Long soft = value(params, MEMORY[1]);
            Long swap = value(params, MEMORY[2]);
            if (hard != null || swap != null) {
                // checked against the domain's current definition, as libvirt's
                MemTune now = dom.def().memtune();
                long memLimit = hard != null ? hard : orUnlimited(now == null ? null : now.hardLimit());
                long swapLimit = swap != null ? swap : orUnlimited(now == null ? null : now.swapHardLimit());
                if (Long.compareUnsigned(memLimit, swapLimit) > 0) {
                    throw TestDriverErrors.invalidArg(ErrorDomain.TEST,
                            "memory hard_limit tunable value must be lower than or equal to swap_hard_limit");
                }
            }
            MemTuneBuilder b = def.memtune() == null ? MemTune.builder() : def.memtune().toBuilder();
            if (hard != null) {
                b.hardLimit(limitOrNull(hard));
            }
            if (soft != null) {
                b.softLimit(limitOrNull(soft));
            }
            if (swap != null) {
                b.swapHardLimit(limitOrNull(swap));
            }
            store(dom, flags, def.toBuilder().memtune(b.build()).build());
            return null;
        });
    }

    List<TypedParameter> blkioParameters(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetBlkioParameters");
        return host.locked(() -> {
            BlkioTune t = VcpuOps.oneDef(host.find(ref), flags & ~STRING_OKAY).blkiotune();
            List<TypedParameter> out = new ArrayList<>();
            out.add(TypedParameter.ofUInt("weight", t == null || t.weight() == null ? 0 : t.weight()));
            List<BlkioTune.Device> devices = t == null ? List.of() : t.devices();
            for (int i = 0; i < DEVICE.length; i++) {
                StringBuilder sb = new StringBuilder();
                for (BlkioTune.Device d : devices) {
                    Number v = switch (i) {
                        case 0 -> d.weight();
                        case 1 -> d.readIopsSec();
                        case 2 -> d.writeIopsSec();
                        case 3 -> d.readBytesSec();
                        default -> d.writeBytesSec();
                    };
                    if (v != null && v.longValue() != 0) {
                        sb.append(sb.length() == 0 ? "" : ",").append(d.path()).append(',').append(v);
                    }
                }
                out.add(TypedParameter.ofString(DEVICE[i], sb.toString()));
            }
            return out;
        });
    }

    void setBlkioParameters(DomainRef ref, List<TypedParameter> params, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainSetBlkioParameters");
        Map<String, ParameterType> allowed = new LinkedHashMap<>();
        allowed.put("weight", ParameterType.UINT);
        for (String d : DEVICE) {
            allowed.put(d, ParameterType.STRING);
        }
        validate(params, allowed);
        for (TypedParameter p : params) {
            if (!p.field().equals("weight")) {
                throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "per-device block I/O tuning ('" + p.field()
                        + "') is not supported by jvirt's test driver");
            }
        }
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            DomainDef def = VcpuOps.oneDef(dom, flags);
            Long weight = value(params, "weight");
            if (weight != null) {
                BlkioTune t = (def.blkiotune() == null ? BlkioTune.builder() : def.blkiotune().toBuilder())
                        .weight(weight.intValue()).build();
                store(dom, flags, def.toBuilder().blkiotune(t).build());
            }
            return null;
        });
    }

    BitSet emulatorPinInfo(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainGetEmulatorPinInfo");
        return host.locked(() -> {
            DomainDef def = VcpuOps.oneDef(host.find(ref), flags);
            String pin = def.cputune() == null ? null : def.cputune().emulatorPin();
            if (pin == null || pin.isBlank()) {
                pin = def.vcpu() == null ? null : def.vcpu().cpuset();
            }
            if (pin != null && !pin.isBlank()) {
                return Bitmap.parse(pin).bits();
            }
            BitSet all = new BitSet();
            all.set(0, host.hostCpus());
            return all;
        });
    }

    void pinEmulator(DomainRef ref, BitSet cpus, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainPinEmulator");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            DomainDef def = VcpuOps.oneDef(dom, flags);
            if (cpus.isEmpty()) {
                throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "Empty cpu list for pinning");
            }
            CpuTune t = (def.cputune() == null ? CpuTune.builder() : def.cputune().toBuilder())
                    .emulatorPin(Bitmap.format(cpus)).build();
            store(dom, flags, def.withCputune(t));
            return null;
        });
    }

    /** Puts the changed definition where {@link VcpuOps#oneDef} found it, then saves. */
    private void store(DomainObj dom, int flags, DomainDef changed) {
        boolean live = (flags & LIVE) != 0 || ((flags & CONFIG) == 0 && dom.isActive());
        if (live || !dom.isActive()) {
            dom.updateDef(changed);
        } else {
            dom.assignPersistentDef(changed);
        }
        host.save(dom);
    }

    /** virTypedParamsValidate, as every driver checks them ({@link TypedParameter#validate}). */
    private static void validate(List<TypedParameter> params, Map<String, ParameterType> allowed)
            throws VirtException {
        TypedParameter.validate(params, allowed);
    }

    private static Long value(List<TypedParameter> params, String field) {
        return params.stream().filter(p -> p.field().equals(field)).map(TypedParameter::longValue).findFirst()
                .orElse(null);
    }

    private static long orUnlimited(Long v) {
        return v == null ? UNLIMITED : v;
    }

    private static Long limitOrNull(long v) {
        return v == UNLIMITED ? null : v;
    }
}
