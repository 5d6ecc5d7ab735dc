package org.jvirt.driver.test.internal;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.jvirt.api.KeycodeSet;
import org.jvirt.api.Keycodes;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.BlockStatsDriver;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainStatsRecord;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.InterfaceTuningDriver;

/**
 * The calls on a running or defined test domain beyond its lifecycle: vCPUs and pinning, tuning,
 * security labels, resizing and statistics, each handed to the helper that owns that concern.
 * {@link TestConnection} adds the connection and the lifecycle.
 */
abstract class TestGuestCalls implements DriverConnection {
    protected final TestHost host;
    private final VcpuOps vcpus;
    private final TuningOps tuning;
    private final InterfaceTuningOps ifaceTune;
    private final ResizeOps resize;
    private final StatsOps stats;

    TestGuestCalls(TestHost host) {
        this.host = host;
        this.vcpus = new VcpuOps(host);
        this.tuning = new TuningOps(host);
        this.ifaceTune = new InterfaceTuningOps(host);
        this.resize = new ResizeOps(host);
        this.stats = new StatsOps(host);
    }

    @Override
    public List<VcpuInfo> vcpuInfo(DomainRef dom) throws VirtException {
        return vcpus.vcpuInfo(dom);
    }

    /**
     * {@code testDomainSendKey}: a running domain, every code one that libvirt's table of its set
     * holds ({@code virKeycodeValueTranslate(set, set, code)}, {@link Keycodes}: 0 is in every
     * set); nothing is typed anywhere. The core has refused code sets past the last.
     */
    @Override
    public void sendKey(DomainRef ref, int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainSendKey");
        if (!host.locked(() -> host.find(ref).isActive())) {
            throw TestDriverErrors.notRunning();
        }
        KeycodeSet set = KeycodeSet.of(codeset);
        for (int code : keycodes) {
            if (set == null || Keycodes.translate(set, set, code) < 0) {
                throw TestDriverErrors.internal("invalid keycode " + Integer.toUnsignedString(code) + " of "
                        + (set == null ? "(null)" : set.label()) + " codeset");
            }
        }
    }

    @Override
    public SchedulerType schedulerType(DomainRef dom) throws VirtException {
        return tuning.schedulerType(dom);
    }

    @Override
    public List<TypedParameter> schedulerParameters(DomainRef dom, int flags) throws VirtException {
        return tuning.schedulerParameters(dom, flags);
    }

    @Override
    public void setSchedulerParameters(DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        tuning.setSchedulerParameters(dom, params, flags);
    }

    @Override
    public List<TypedParameter> memoryParameters(DomainRef dom, int flags) throws VirtException {
        return tuning.memoryParameters(dom, flags);
    }

    @Override
    public void setMemoryParameters(DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        tuning.setMemoryParameters(dom, params, flags);
    }

    @Override
    public List<TypedParameter> blkioParameters(DomainRef dom, int flags) throws VirtException {
        return tuning.blkioParameters(dom, flags);
    }

    @Override
    public void setBlkioParameters(DomainRef dom, List<TypedParameter> params, int flags) throws VirtException {
        tuning.setBlkioParameters(dom, params, flags);
    }

    @Override
    public Optional<InterfaceTuningDriver> ownInterfaceTuning() {
        return Optional.of(ifaceTune);
    }

    @Override
    public BitSet emulatorPinInfo(DomainRef dom, int flags) throws VirtException {
        return tuning.emulatorPinInfo(dom, flags);
    }

    @Override
    public void pinEmulator(DomainRef dom, BitSet cpumap, int flags) throws VirtException {
        tuning.pinEmulator(dom, cpumap, flags);
    }

    @Override
    public List<BitSet> vcpuPinInfo(DomainRef dom, int flags) throws VirtException {
        return vcpus.pinInfo(dom, flags);
    }

    @Override
    public void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap, int flags) throws VirtException {
        vcpus.pin(dom, vcpu, cpumap, flags);
    }

    /** testDomainPinVcpu: testDomainPinVcpuFlags with flags 0. */
    @Override
    public void pinVcpu(DomainRef dom, int vcpu, BitSet cpumap) throws VirtException {
        vcpus.pin(dom, vcpu, cpumap, 0);
    }

    /** testNodeGetSecurityModel: the test driver's made-up model, with an empty DOI. */
    @Override
    public SecurityModel securityModel() {
        return new SecurityModel("testSecurity", "");
    }

    /** testDomainGetSecurityLabel: a fixed enforcing label while the domain runs, none otherwise. */
    @Override
    public SecurityLabel securityLabel(DomainRef ref) throws VirtException {
        return host.locked(() -> host.find(ref).isActive() ? new SecurityLabel("libvirt-test", true)
                : new SecurityLabel("", false));
    }

    @Override
    public void setMemory(DomainRef dom, long kib, int flags) throws VirtException {
        resize.setMemory(dom, kib, flags);
    }

    @Override
    public void setVcpus(DomainRef dom, int count, int flags) throws VirtException {
        resize.setVcpus(dom, count, flags);
    }

    @Override
    public int vcpusCount(DomainRef dom, int flags) throws VirtException {
        return resize.vcpusCount(dom, flags);
    }

    @Override
    public void setMemoryStatsPeriod(DomainRef dom, int period, int flags) throws VirtException {
        resize.setMemoryStatsPeriod(dom, period, flags);
    }

    @Override
    public List<MemoryStat> memoryStats(DomainRef dom, int flags) throws VirtException {
        return stats.memoryStats(dom, flags);
    }

    @Override
    public Optional<BlockStatsDriver> ownBlockStats() {
        return Optional.of(stats::blockStats);
    }

    @Override
    public List<DomainStatsRecord> domainStats(List<DomainRef> domains, int groups, int flags)
            throws VirtException {
        return stats.domainStats(domains, groups, flags);
    }
}
