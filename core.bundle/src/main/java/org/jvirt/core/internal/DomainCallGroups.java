package org.jvirt.core.internal;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.Domain;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;

/**
 * The part of a {@link DomainFacade} that hands whole groups of {@link Domain} calls to the classes
 * that check and dispatch them: {@link DomainTuning}, {@link DomainInterfaceTuning},
 * {@link DomainDeviceCalls}, {@link DomainSaveKeyCalls} and {@link DomainSaveCalls}. Kept apart so that the facade itself
 * holds only the calls it makes.
 */
abstract class DomainCallGroups implements Domain {
    private final DomainTuning tuning;
    private final DomainInterfaceTuning ifaceTune;
    private final DomainDeviceCalls devices;
    private final DomainSaveKeyCalls saveKey;
    private final DomainSaveCalls saves;

    DomainCallGroups(ConnectionFacade connection, DomainCalls calls) {
        this.tuning = new DomainTuning(connection, calls);
        this.ifaceTune = new DomainInterfaceTuning(connection, calls);
        this.devices = new DomainDeviceCalls(connection, calls);
        this.saveKey = new DomainSaveKeyCalls(connection, calls);
        this.saves = new DomainSaveCalls(connection, calls);
    }

    @Override
    public List<BitSet> vcpuPinInfo(int flags) throws VirtException {
        return tuning.vcpuPinInfo(flags);
    }

    @Override
    public void pinVcpu(int vcpu, BitSet cpumap, int flags) throws VirtException {
        tuning.pinVcpu(vcpu, cpumap, flags);
    }

    @Override
    public void pinVcpu(int vcpu, BitSet cpumap) throws VirtException {
        tuning.pinVcpu(vcpu, cpumap);
    }

    @Override
    public List<TypedParameter> schedulerParameters(int flags) throws VirtException {
        return tuning.schedulerParameters(flags);
    }

    @Override
    public void setSchedulerParameters(List<TypedParameter> params, int flags) throws VirtException {
        tuning.setSchedulerParameters(params, flags);
    }

    @Override
    public List<TypedParameter> memoryParameters(int flags) throws VirtException {
        return tuning.memoryParameters(flags);
    }

    @Override
    public void setMemoryParameters(List<TypedParameter> params, int flags) throws VirtException {
        tuning.setMemoryParameters(params, flags);
    }

    @Override
    public List<TypedParameter> blkioParameters(int flags) throws VirtException {
        return tuning.blkioParameters(flags);
    }

    @Override
    public void setBlkioParameters(List<TypedParameter> params, int flags) throws VirtException {
        tuning.setBlkioParameters(params, flags);
    }

    @Override
    public List<TypedParameter> interfaceParameters(String device, int flags) throws VirtException {
        return ifaceTune.parameters(device, flags);
    }

    @Override
    public int interfaceParameterCount(String device, int flags) throws VirtException {
        return ifaceTune.count(device, flags);
    }

    @Override
    public void setInterfaceParameters(String device, List<TypedParameter> params, int flags) throws VirtException {
        ifaceTune.set(device, params, flags);
    }

    @Override
    public void setMemory(long kib, int flags) throws VirtException {
        tuning.setMemory(kib, flags);
    }

    @Override
    public void setVcpus(int count, int flags) throws VirtException {
        tuning.setVcpus(count, flags);
    }

    @Override
    public int vcpusCount(int flags) throws VirtException {
        return tuning.vcpusCount(flags);
    }

    @Override
    public void managedSave(int flags) throws VirtException {
        saveKey.managedSave(flags);
    }

    @Override
    public boolean hasManagedSaveImage(int flags) throws VirtException {
        return saveKey.hasManagedSaveImage(flags);
    }

    @Override
    public void managedSaveRemove(int flags) throws VirtException {
        saveKey.managedSaveRemove(flags);
    }

    @Override
    public void sendKey(int codeset, int holdtime, int[] keycodes, int flags) throws VirtException {
        saveKey.sendKey(codeset, holdtime, keycodes, flags);
    }

    @Override
    public void attachDevice(String xml) throws VirtException {
        devices.attachDevice(xml);
    }

    @Override
    public void attachDeviceFlags(String xml, int flags) throws VirtException {
        devices.attachDeviceFlags(xml, flags);
    }

    @Override
    public void detachDevice(String xml) throws VirtException {
        devices.detachDevice(xml);
    }

    @Override
    public void detachDeviceFlags(String xml, int flags) throws VirtException {
        devices.detachDeviceFlags(xml, flags);
    }

    @Override
    public void updateDeviceFlags(String xml, int flags) throws VirtException {
        devices.updateDeviceFlags(xml, flags);
    }

    @Override
    public void setMemoryStatsPeriod(int period, int flags) throws VirtException {
        tuning.setMemoryStatsPeriod(period, flags);
    }

    @Override
    public BitSet emulatorPinInfo(int flags) throws VirtException {
        return tuning.emulatorPinInfo(flags);
    }

    @Override
    public void pinEmulator(BitSet cpumap, int flags) throws VirtException {
        tuning.pinEmulator(cpumap, flags);
    }

    @Override
    public void save(String to) throws VirtException {
        saves.save(to);
    }

    @Override
    public void saveFlags(String to, String dxml, int flags) throws VirtException {
        saves.saveFlags(to, dxml, flags);
    }
}
