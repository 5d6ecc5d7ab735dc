package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ModificationFlag;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.InterfaceBandwidthParameters;
import org.jvirt.api.spi.InterfaceTuningDriver;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetBandwidth;
import org.jvirt.api.xml.NetInterface;
import org.jvirt.api.xml.NetInterfaceLookup;

/**
 * {@code virsh domiftune} as libvirt 9.0's test driver answers it (testDomainGet/SetInterfaceParameters):
 * the {@code <bandwidth>} of one interface of the live or persistent definition (virDomainObjGetOneDef),
 * kept there and nowhere else; the parameters and how a set changes the bandwidth are every driver's
 * ({@link InterfaceBandwidthParameters}). The count (nparams 0) is 7 before the domain is even looked up.
 */
final class InterfaceTuningOps implements InterfaceTuningDriver {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    private static final int STRING_OKAY = 1 << 2;

    private final TestHost host;

    InterfaceTuningOps(TestHost host) {
        this.host = host;
    }

    @Override
    public int interfaceParameterCount(DomainRef ref, String device, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetInterfaceParameters");
        return InterfaceBandwidthParameters.FIELDS.size();
    }

    @Override
    public List<TypedParameter> interfaceParameters(DomainRef ref, String device, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "testDomainGetInterfaceParameters");
        return host.locked(() -> {
            DomainDef def = VcpuOps.oneDef(host.find(ref), flags & ~STRING_OKAY);
            return InterfaceBandwidthParameters.of(NetInterfaceLookup.find(def, device).bandwidth());
        });
    }

    @Override
    public void setInterfaceParameters(DomainRef ref, String device, List<TypedParameter> params, int flags)
            throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainSetInterfaceParameters");
        InterfaceBandwidthParameters.validate(params);
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            DomainDef def = VcpuOps.oneDef(dom, flags);
            NetInterface net = NetInterfaceLookup.find(def, device);
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
}
