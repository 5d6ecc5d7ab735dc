package org.jvirt.driver.qemu.internal.vcpu;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jvirt.driver.qemu.spi.VcpuThreadQuery;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.jvirt.driver.qemu.spi.VcpuThreadResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resolver the driver currently uses, with a description for logs (class, ranking, service
 * id, bundle). The driver's dynamic greedy reference swaps it; every refresh reads it afresh, so
 * a new resolver takes over at the next refresh.
 */
public final class ResolverBinding {
    private static final Logger LOG = LoggerFactory.getLogger(ResolverBinding.class);

    private record Bound(VcpuThreadResolver resolver, String description) {
    }

    private final AtomicReference<Bound> current = new AtomicReference<>();

    public void bind(VcpuThreadResolver resolver, Map<String, ?> props) {
        Bound b = new Bound(resolver, describe(resolver, props));
        Bound old = current.getAndSet(b);
        LOG.info("vCPU thread resolver is now {}{}", b.description(), old == null ? "" : " (was " + old.description()
                + ")");
    }

    public void unbind(VcpuThreadResolver resolver) {
        Bound b = current.get();
        if (b != null && b.resolver() == resolver && current.compareAndSet(b, null)) {
            LOG.info("vCPU thread resolver {} is gone", b.description());
        }
    }

    /** The current resolver's description, or null when none is bound. */
    public String description() {
        Bound b = current.get();
        return b == null ? null : b.description();
    }

    /** Asks the current resolver; a missing or failing resolver makes the ids unusable. */
    public VcpuThreadResolution resolve(VcpuThreadQuery query) {
        Bound b = current.get();
        VcpuThreadResolution r;
        String who;
        if (b == null) {
            who = "no resolver";
            r = VcpuThreadResolution.unusable(-1, 0, "no VcpuThreadResolver service is available");
        } else {
            who = b.description();
            try {
                r = b.resolver().resolve(query);
                if (r == null) {
                    r = VcpuThreadResolution.unusable(-1, 0, "the resolver returned nothing");
                }
            } catch (RuntimeException e) {
                r = VcpuThreadResolution.unusable(-1, 0, "the resolver failed: " + e);
            }
        }
        LOG.info("domain '{}': vCPU thread ids {} (decided by {}): {}", query.domainName(),
                r.usable() ? "usable " + r.sortedThreadIds() : "unusable", who, r.reason());
        return r;
    }

    private static String describe(VcpuThreadResolver resolver, Map<String, ?> props) {
        Object ranking = props.get("service.ranking");
        Object id = props.get("service.id");
        Object component = props.get("component.name");
        return resolver.getClass().getName() + "[ranking=" + (ranking == null ? 0 : ranking)
                + (id == null ? "" : ", service.id=" + id)
                + (component == null ? "" : ", component=" + component) + "]";
    }
}
