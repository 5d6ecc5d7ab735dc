package org.jvirt.driver.test.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkConf;
import org.jvirt.api.spi.StorageConf;

/**
 * The networks and storage pools of one test host, each null when the bundle with its XML (the
 * network bundle's {@link NetworkConf}, the storage bundle's {@link StorageConf}) is not there: its
 * calls then answer NO_SUPPORT, as before the test driver had them.
 */
record HostStorage(TestNetworks networks, TestPools pools) {
    /** Empty networks and pools with the XML of {@code networkConf} and {@code storageConf} (either may be null). */
    static HostStorage empty(NetworkConf networkConf, StorageConf storageConf) {
        return new HostStorage(networkConf == null ? null : new TestNetworks(networkConf),
                storageConf == null ? null : new TestPools(storageConf));
    }

    /**
     * libvirt's {@code test:///default} ({@code defaultConnXML}): network {@code default} (NAT on
     * {@code virbr0}, 192.168.122.0/24 with DHCP) and the empty dir pool {@code default-pool} at
     * {@code /default-pool}, both persistent and running.
     */
    static HostStorage defaults(NetworkConf networkConf, StorageConf storageConf) throws VirtException {
        HostStorage s = empty(networkConf, storageConf);
        if (s.networks != null) {
            s.networks.load(networkConf.parse("<network><name>default</name>"
                    + "<uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid><bridge name='virbr0'/><forward/>"
                    + "<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>"
                    + "<range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>"));
        }
        if (s.pools != null) {
            s.pools.load(storageConf.parsePool("<pool type='dir'><name>default-pool</name>"
                    + "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>"
                    + "<target><path>/default-pool</path></target></pool>"));
        }
        return s;
    }

    TestNetworkConnection connectNetworks() {
        return networks == null ? null : new TestNetworkConnection(networks);
    }

    TestStorageConnection connectStorage() {
        return pools == null ? null : new TestStorageConnection(pools);
    }
}
