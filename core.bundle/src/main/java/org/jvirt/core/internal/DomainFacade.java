package org.jvirt.core.internal;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Flag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.Stream;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;

/**
 * The {@link Domain} the core hands out. It names its domain by UUID: after a driver swap it
 * re-resolves its {@link DomainRef} on the new driver connection before the first call there, so
 * it keeps working for as long as the domain exists. Validation happens here, as in libvirt's
 * {@code libvirt-domain.c}; everything else goes to the driver.
 */
final class DomainFacade implements Domain {
    /**
     * VIR_TYPED_PARAM_STRING_OKAY: libvirt-domain.c adds it to the getters of typed parameters
     * when the driver can return strings, which every jvirt driver can.
     */
    private static final int TYPED_PARAM_STRING_OKAY = 1 << 2;

    /** For state changes whose outcome a driver swap leaves unknowable (or that are repeatable). */
    private static final Done UNKNOWN = b -> false;

    private final ConnectionFacade connection;
    private final String name;
    private final UUID uuid;
    private volatile ResolvedRef resolved;

    private record ResolvedRef(DomainRef ref, long generation) {
    }

    DomainFacade(ConnectionFacade connection, DomainRef ref, long generation) {
        this.connection = connection;
        this.name = ref.name();
        this.uuid = Objects.requireNonNull(ref.uuid(), "a driver returned a domain without UUID");
        this.resolved = new ResolvedRef(ref, generation);
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UUID uuid() {
        return uuid;
    }

    @Override
    public int id() throws VirtException {
        return read("virDomainGetID", b -> b.connection().lookupByUuid(uuid).id());
    }

    @Override
    public String osType() throws VirtException {
        return read("virDomainGetOSType", b -> b.connection().osType(ref(b)));
    }

    @Override
    public DomainStateInfo state() throws VirtException {
        return read("virDomainGetState", b -> b.connection().state(ref(b)));
    }

    @Override
    public DomainInfo info() throws VirtException {
        return read("virDomainGetInfo", b -> b.connection().info(ref(b)));
    }

    @Override
    public boolean isActive() throws VirtException {
        // libvirt: a domain is active while it has an ID, i.e. in any state but shut off.
        return read("virDomainIsActive", b -> b.connection().state(ref(b)).state() != DomainState.SHUTOFF);
    }

    @Override
    public boolean isPersistent() throws VirtException {
        return read("virDomainIsPersistent", b -> b.connection().isPersistent(ref(b)));
    }

    @Override
    public void create(int flags) throws VirtException {
        write(Checks.function(flags, "virDomainCreate", "virDomainCreateWithFlags"),
                b -> b.connection().create(ref(b), flags), b -> stateOn(b) != DomainState.SHUTOFF);
    }

    @Override
    public void destroy(int flags) throws VirtException {
        write(Checks.function(flags, "virDomainDestroy", "virDomainDestroyFlags"),
                b -> b.connection().destroy(ref(b), flags), b -> stateOn(b) == DomainState.SHUTOFF);
    }

    @Override
    public void shutdown(int flags) throws VirtException {
        write(Checks.function(flags, "virDomainShutdown", "virDomainShutdownFlags"),
                b -> b.connection().shutdown(ref(b), flags), b -> stateOn(b) == DomainState.SHUTOFF);
    }

    @Override
    public void reboot(int flags) throws VirtException {
        write("virDomainReboot", b -> b.connection().reboot(ref(b), flags), UNKNOWN);
    }

    @Override
    public void suspend() throws VirtException {
        write("virDomainSuspend", b -> b.connection().suspend(ref(b)), b -> stateOn(b) == DomainState.PAUSED);
    }

    @Override
    public void resume() throws VirtException {
        write("virDomainResume", b -> b.connection().resume(ref(b)), b -> stateOn(b) == DomainState.RUNNING);
    }

    @Override
    public void undefine(int flags) throws VirtException {
        write(Checks.function(flags, "virDomainUndefine", "virDomainUndefineFlags"),
                b -> b.connection().undefine(ref(b), flags), b -> !persistentOn(b));
    }

    @Override
    public String xmlDesc(int flags) throws VirtException {
        String fn = "virDomainGetXMLDesc";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        if (connection.isReadOnly() && Flag.isSet(flags, XmlFlag.SECURE)) {
            // libvirt's own wording for this case (no "read only access prevents" prefix)
            throw new VirtException(ErrorCode.OPERATION_DENIED, ErrorDomain.DOMAIN,
                    "virDomainGetXMLDesc with secure flag");
        }
        return connection.call(fn, b -> b.connection().xmlDesc(ref(b), flags));
    }

    @Override
    public boolean autostart() throws VirtException {
        return read("virDomainGetAutostart", b -> b.connection().autostart(ref(b)));
    }

    @Override
    public void setAutostart(boolean autostart) throws VirtException {
        write("virDomainSetAutostart", b -> b.connection().setAutostart(ref(b), autostart), UNKNOWN);
    }

    @Override
    public List<VcpuInfo> vcpuInfo() throws VirtException {
        return read("virDomainGetVcpus", b -> b.connection().vcpuInfo(ref(b)));
    }

    @Override
    public List<BitSet> vcpuPinInfo(int flags) throws VirtException {
        String fn = "virDomainGetVcpuPinInfo";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        Checks.exclusive(flags, ModificationFlag.LIVE.bit(), "VIR_DOMAIN_AFFECT_LIVE",
                ModificationFlag.CONFIG.bit(), "VIR_DOMAIN_AFFECT_CONFIG");
        return connection.call(fn, b -> b.connection().vcpuPinInfo(ref(b), flags));
    }

    @Override
    public void pinVcpu(int vcpu, BitSet cpumap, int flags) throws VirtException {
        String fn = Checks.function(flags, "virDomainPinVcpu", "virDomainPinVcpuFlags");
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(cpumap, "cpumap", fn, ErrorDomain.DOMAIN);
        if (vcpu < 0 || vcpu > 0xFFFF) { // libvirt passes vcpu on as an unsigned short
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.DOMAIN,
                    "input too large: " + Integer.toUnsignedString(vcpu));
        }
        BitSet map = (BitSet) cpumap.clone();
        write(fn, b -> b.connection().pinVcpu(ref(b), vcpu, map, flags), UNKNOWN);
    }

    @Override
    public Stream openConsole(String devName, int flags) throws VirtException {
        // libvirt-domain.c checks only the read-only state; the driver checks its flags
        connection.checkWritable("virDomainOpenConsole", ErrorDomain.DOMAIN);
        return connection.call("virDomainOpenConsole", b -> b.connection().openConsole(ref(b), devName, flags));
    }

    @Override
    public SchedulerType schedulerType() throws VirtException {
        return read("virDomainGetSchedulerType", b -> b.connection().schedulerType(ref(b)));
    }

    @Override
    public List<TypedParameter> schedulerParameters(int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        return readParams("virDomainGetSchedulerParametersFlags", f,
                b -> b.connection().schedulerParameters(ref(b), f));
    }

    @Override
    public void setSchedulerParameters(List<TypedParameter> params, int flags) throws VirtException {
        String fn = "virDomainSetSchedulerParametersFlags";
        List<TypedParameter> copy = paramsArg(params, fn);
        write(fn, b -> b.connection().setSchedulerParameters(ref(b), copy, flags), UNKNOWN);
    }

    @Override
    public List<TypedParameter> memoryParameters(int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        return readParams("virDomainGetMemoryParameters", f, b -> b.connection().memoryParameters(ref(b), f));
    }

    @Override
    public void setMemoryParameters(List<TypedParameter> params, int flags) throws VirtException {
        String fn = "virDomainSetMemoryParameters";
        List<TypedParameter> copy = paramsArg(params, fn);
        write(fn, b -> b.connection().setMemoryParameters(ref(b), copy, flags), UNKNOWN);
    }

    @Override
    public List<TypedParameter> blkioParameters(int flags) throws VirtException {
        int f = flags | TYPED_PARAM_STRING_OKAY;
        return readParams("virDomainGetBlkioParameters", f, b -> b.connection().blkioParameters(ref(b), f));
    }

    @Override
    public void setBlkioParameters(List<TypedParameter> params, int flags) throws VirtException {
        String fn = "virDomainSetBlkioParameters";
        List<TypedParameter> copy = paramsArg(params, fn);
        write(fn, b -> b.connection().setBlkioParameters(ref(b), copy, flags), UNKNOWN);
    }

    @Override
    public void setMemory(long kib, int flags) throws VirtException {
        String fn = "virDomainSetMemoryFlags";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        ResizeChecks.memory(kib, fn);
        write(fn, b -> b.connection().setMemory(ref(b), kib, flags), UNKNOWN);
    }

    @Override
    public void setVcpus(int count, int flags) throws VirtException {
        String fn = "virDomainSetVcpusFlags";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        ResizeChecks.setVcpus(count, flags, fn);
        write(fn, b -> b.connection().setVcpus(ref(b), count, flags), UNKNOWN);
    }

    @Override
    public int vcpusCount(int flags) throws VirtException {
        String fn = "virDomainGetVcpusFlags";
        connection.checkOpen(fn, ErrorDomain.DOMAIN);
        if (Flag.isSet(flags, VcpuFlag.GUEST)) {
            connection.checkWritable(fn, ErrorDomain.DOMAIN);
        }
        Checks.exclusive(flags, ModificationFlag.LIVE.bit(), "VIR_DOMAIN_AFFECT_LIVE",
                ModificationFlag.CONFIG.bit(), "VIR_DOMAIN_AFFECT_CONFIG");
        return connection.call(fn, b -> b.connection().vcpusCount(ref(b), flags));
    }

    @Override
    public List<MemoryStat> memoryStats(int flags) throws VirtException {
        return read("virDomainMemoryStats", b -> b.connection().memoryStats(ref(b), flags));
    }

    @Override
    public void setMemoryStatsPeriod(int period, int flags) throws VirtException {
        String fn = "virDomainSetMemoryStatsPeriod";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        ResizeChecks.period(period, fn);
        write(fn, b -> b.connection().setMemoryStatsPeriod(ref(b), period, flags), UNKNOWN);
    }

    @Override
    public BitSet emulatorPinInfo(int flags) throws VirtException {
        // libvirt-domain.c refuses LIVE and CONFIG together here too (VIR_EXCLUSIVE_FLAGS_GOTO)
        return readParams("virDomainGetEmulatorPinInfo", flags, b -> b.connection().emulatorPinInfo(ref(b), flags));
    }

    @Override
    public void pinEmulator(BitSet cpumap, int flags) throws VirtException {
        String fn = "virDomainPinEmulator";
        connection.checkWritable(fn, ErrorDomain.DOMAIN);
        Checks.notNull(cpumap, "cpumap", fn, ErrorDomain.DOMAIN);
        BitSet map = (BitSet) cpumap.clone();
        write(fn, b -> b.connection().pinEmulator(ref(b), map, flags), UNKNOWN);
    }

    @Override
    public SecurityLabel securityLabel() throws VirtException {
        return read("virDomainGetSecurityLabel", b -> b.connection().securityLabel(ref(b)));
    }

    @Override
    public List<SecurityLabel> securityLabels() throws VirtException {
        return read("virDomainGetSecurityLabelList", b -> b.connection().securityLabels(ref(b)));
    }

    /** The driver's ref of this domain on {@code b}: for connection-wide calls naming domains. */
    DomainRef refOn(Binding b) throws VirtException {
        return ref(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainFacade d && d.connection == connection && d.uuid.equals(uuid);
    }

    @Override
    public int hashCode() {
        return uuid.hashCode();
    }

    @Override
    public String toString() {
        return "Domain[" + name + " " + uuid + "]";
    }

    /** The ref valid on {@code b}'s driver connection, looked up by UUID after a driver swap. */
    private DomainRef ref(Binding b) throws VirtException {
        ResolvedRef r = resolved;
        if (r.generation() == b.generation()) {
            return r.ref();
        }
        DomainRef fresh = b.connection().lookupByUuid(uuid);
        resolved = new ResolvedRef(fresh, b.generation());
        return fresh;
    }

    /** A getter of typed parameters or pinning: libvirt's entry points refuse LIVE and CONFIG together. */
    private <T> T readParams(String function, int flags, DriverCall<T> op)
            throws VirtException {
        connection.checkOpen(function, ErrorDomain.DOMAIN);
        Checks.exclusive(flags, ModificationFlag.LIVE.bit(), "VIR_DOMAIN_AFFECT_LIVE",
                ModificationFlag.CONFIG.bit(), "VIR_DOMAIN_AFFECT_CONFIG");
        return connection.call(function, op);
    }

    /** The parameters of a setter, checked for null and copied. */
    private List<TypedParameter> paramsArg(List<TypedParameter> params, String function) throws VirtException {
        connection.checkWritable(function, ErrorDomain.DOMAIN);
        Checks.notNull(params, "params", function, ErrorDomain.DOMAIN);
        return List.copyOf(params);
    }

    private <T> T read(String function, DriverCall<T> op) throws VirtException {
        connection.checkOpen(function, ErrorDomain.DOMAIN);
        return connection.call(function, op);
    }

    /**
     * A call that changes the domain. {@code done} tells, on the replacement of a driver that went
     * away during the call, whether the state the call asks for holds now (then the call counts as
     * done); it is only consulted for calls {@link RepeatableCalls} does not list.
     */
    private void write(String function, VoidCall op, Done done) throws VirtException {
        connection.checkWritable(function, ErrorDomain.DOMAIN);
        connection.call(function, b -> {
            op.apply(b);
            return Boolean.TRUE;
        }, b -> done.test(b) ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** The domain's state on {@code b}'s driver; a domain that is gone counts as shut off. */
    private DomainState stateOn(Binding b) throws VirtException {
        try {
            return b.connection().state(ref(b)).state();
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return DomainState.SHUTOFF;
            }
            throw e;
        }
    }

    /** Whether the domain has a persistent definition on {@code b}'s driver; a gone domain has none. */
    private boolean persistentOn(Binding b) throws VirtException {
        try {
            return b.connection().isPersistent(ref(b));
        } catch (VirtException e) {
            if (e.code() == ErrorCode.NO_DOMAIN) {
                return false;
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface VoidCall {
        void apply(Binding b) throws VirtException;
    }

    /** Whether a state change is done, read without changing anything. */
    @FunctionalInterface
    private interface Done {
        boolean test(Binding b) throws VirtException;
    }
}
