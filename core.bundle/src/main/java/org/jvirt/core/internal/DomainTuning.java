package org.jvirt.core.internal;

import static org.jvirt.core.internal.DomainCalls.UNKNOWN;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;

/**
 * The tuning entry points of a {@link DomainFacade} (typed parameters, vCPU and emulator pinning,
 * memory and vCPU resizing, the memory statistics period) with the argument checks libvirt's
 * {@code libvirt-domain.c} makes before it calls the driver; resizing limits are in {@link ResizeChecks}.
 */
final class DomainTuning {
    /**
     * VIR_TYPED_PARAM_STRING_OKAY: libvirt-domain.c adds it to the getters of typed parameters
     * when the driver can return strings, which every jvirt driver can.
     */
    private static final int TYPED_PARAM_STRING_OKAY = 1 << 2;

    private final ConnectionFacade connection;
    private final DomainCalls calls;

    DomainTuning(ConnectionFacade connection, DomainCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    List<BitSet> vcpuPinInfo(int flags) throws VirtException {
        return readParams("virDomainGetVcpuPinInfo", flags, b -> b.connection().vcpuPinInfo(calls.ref(b), flags));
    }

    void pinVcpu(int vcpu, BitSet cpumap, int flags) throws VirtException {
        String fn = Checks.function(flags, "virDomainPinVcpu", "virDomainPinVcpuFlags");
        BitSet map = pinArgs(fn, vcpu, cpumap);
        calls.write(fn, b -> b.connection().pinVcpu(calls.ref(b), vcpu, map, flags), UNKNOWN);
    }

    /** {@code virDomainPinVcpu}: the driver's own entry, which decides what it affects. */
    void pinVcpu(int vcpu, BitSet cpumap) throws VirtException {
        String fn = "virDomainPinVcpu";
        BitSet map = pinArgs(fn, vcpu, cpumap);
        calls.write(fn, b -> b.connection().pinVcpu(calls.ref(b), vcpu, map), UNKNOWN);
    }

    /** libvirt-domain.c's checks of both pin calls; a copy of the map the caller cannot change. */
    private BitSet pinArgs(String fn, int vcpu, BitSet cpumap) throws VirtException {
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(cpumap, "cpumap", fn, ErrorDomain.DOMAIN);
        if (vcpu < 0 || vcpu > 0xFFFF) { // libvirt passes vcpu on as an unsigned short
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.DOMAIN,
                    "input too large: " + Integer.toUnsignedString(vcpu));
        }
        return (BitSet) cpumap.clone();
    }

    List<TypedParameter> schedulerParameters(int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        return readParams("virDomainGetSchedulerParametersFlags", f,
                b -> b.connection().schedulerParameters(calls.ref(b), f));
    }

    void setSchedulerParameters(List<TypedParameter> params, int flags) throws VirtException {
        String fn = "virDomainSetSchedulerParametersFlags";
        List<TypedParameter> copy = paramsArg(params, fn);
        calls.write(fn, b -> b.connection().setSchedulerParameters(calls.ref(b), copy, flags), UNKNOWN);
    }

    List<TypedParameter> memoryParameters(int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        return readParams("virDomainGetMemoryParameters", f, b -> b.connection().memoryParameters(calls.ref(b), f));
    }

    void setMemoryParameters(List<TypedParameter> params, int flags) throws VirtException {
        String fn = "virDomainSetMemoryParameters";
        List<TypedParameter> copy = paramsArg(params, fn);
        calls.write(fn, b -> b.connection().setMemoryParameters(calls.ref(b), copy, flags), UNKNOWN);
    }

    List<TypedParameter> blkioParameters(int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        return readParams("virDomainGetBlkioParameters", f, b -> b.connection().blkioParameters(calls.ref(b), f));
    }

    void setBlkioParameters(List<TypedParameter> params, int flags) throws VirtException {
        String fn = "virDomainSetBlkioParameters";
        List<TypedParameter> copy = paramsArg(params, fn);
        calls.write(fn, b -> b.connection().setBlkioParameters(calls.ref(b), copy, flags), UNKNOWN);
    }

    void setMemory(long kib, int flags) throws VirtException {
        String fn = "virDomainSetMemoryFlags";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        ResizeChecks.memory(kib, fn);
        calls.write(fn, b -> b.connection().setMemory(calls.ref(b), kib, flags), UNKNOWN);
    }

    void setVcpus(int count, int flags) throws VirtException {
        String fn = "virDomainSetVcpusFlags";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        ResizeChecks.setVcpus(count, flags, fn);
        calls.write(fn, b -> b.connection().setVcpus(calls.ref(b), count, flags), UNKNOWN);
    }

    int vcpusCount(int flags) throws VirtException {
        String fn = "virDomainGetVcpusFlags";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        if (Flag.isSet(flags, VcpuFlag.GUEST)) {
            connection.checkWritable(fn, ErrorDomain.DOMAIN);
        }
        liveOrConfig(flags);
        return connection.call(fn, b -> b.connection().vcpusCount(calls.ref(b), flags));
    }

    void setMemoryStatsPeriod(int period, int flags) throws VirtException {
        String fn = "virDomainSetMemoryStatsPeriod";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        ResizeChecks.period(period, fn);
        calls.write(fn, b -> b.connection().setMemoryStatsPeriod(calls.ref(b), period, flags), UNKNOWN);
    }

    BitSet emulatorPinInfo(int flags) throws VirtException {
        // libvirt-domain.c refuses LIVE and CONFIG together here too (VIR_EXCLUSIVE_FLAGS_GOTO)
        return readParams("virDomainGetEmulatorPinInfo", flags,
                b -> b.connection().emulatorPinInfo(calls.ref(b), flags));
    }

    void pinEmulator(BitSet cpumap, int flags) throws VirtException {
        String fn = "virDomainPinEmulator";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(cpumap, "cpumap", fn, ErrorDomain.DOMAIN);
        BitSet map = (BitSet) cpumap.clone();
        calls.write(fn, b -> b.connection().pinEmulator(calls.ref(b), map, flags), UNKNOWN);
    }

    /** A getter of typed parameters or pinning: libvirt's entry points refuse LIVE and CONFIG together. */
    private <T> T readParams(String function, int flags, DriverCall<T> op) throws VirtException {
        connection.checkOpen(function, ErrorDomain.DOMAIN);
        liveOrConfig(flags);
        return connection.call(function, op);
    }

    /** The parameters of a setter, checked for null and copied. */
    private List<TypedParameter> paramsArg(List<TypedParameter> params, String function) throws VirtException {
        connection.checkWritable(function, ErrorDomain.DOMAIN);
        Checks.notNull(params, "params", function, ErrorDomain.DOMAIN);
        return List.copyOf(params);
    }

    private static void liveOrConfig(int flags) throws VirtException {
        Checks.exclusive(flags, ModificationFlag.LIVE.bit(), "VIR_DOMAIN_AFFECT_LIVE",
                ModificationFlag.CONFIG.bit(), "VIR_DOMAIN_AFFECT_CONFIG");
    }
}
