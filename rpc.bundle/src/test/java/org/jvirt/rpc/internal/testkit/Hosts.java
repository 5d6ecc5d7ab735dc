package org.jvirt.rpc.internal.testkit;

import org.jvirt.api.ConnectionFactory;

/** The hypervisor the end-to-end tests serve: a fresh host modelled on libvirt's test:///default. */
public final class Hosts {
    private Hosts() {
    }

    public static ConnectionFactory testDefault() {
        return new FakeHypervisor();
    }
}
