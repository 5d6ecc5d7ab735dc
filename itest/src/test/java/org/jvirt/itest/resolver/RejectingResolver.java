package org.jvirt.itest.resolver;

import org.jvirt.driver.qemu.spi.VcpuThreadQuery;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.jvirt.driver.qemu.spi.VcpuThreadResolver;

/**
 * A vCPU thread policy that trusts no id. {@link QemuResolverBundle} packs this class into a
 * bundle of its own, registered by SCR with a ranking above the built-in default.
 */
public class RejectingResolver implements VcpuThreadResolver {
    public static final String REASON = "itest policy: no vCPU thread id is trusted";

    @Override
    public VcpuThreadResolution resolve(VcpuThreadQuery query) {
        long tid = query.vcpus().isEmpty() ? 0 : query.vcpus().get(0).threadId();
        return VcpuThreadResolution.unusable(0, tid, REASON);
    }
}
