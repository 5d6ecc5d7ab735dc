package org.jvirt.itest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.spi.HypervisorDriver;

/**
 * A second, tiny hypervisor driver that a test registers from its probe bundle to compete with
 * {@code driver.test} for a scheme. It serves one running domain named after the driver, so a test
 * can tell from {@code Connection.type()} and the domain list which driver answered.
 */
final class ProbeDriver implements HypervisorDriver {

    private final String name;
    private final DomainRef domain;

    ProbeDriver(String name) {
        this.name = name;
        this.domain = new DomainRef(name.toLowerCase(), UUID.nameUUIDFromBytes(name.getBytes()), 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<DriverConnection> open(ConnectUri uri, int flags) {
        return Optional.of(new ProbeConnection());
    }

    private final class ProbeConnection implements DriverConnection {
        private volatile boolean open = true;

        @Override
        public String type() {
            return name;
        }

        @Override
        public long hypervisorVersion() {
            return 1_000_000;
        }

        @Override
        public List<DomainRef> listAllDomains(int flags) {
            return List.of(domain);
        }

        @Override
        public DomainRef lookupByName(String n) throws VirtException {
            return find(domain.name().equals(n), n);
        }

        @Override
        public DomainRef lookupByUuid(UUID uuid) throws VirtException {
            return find(domain.uuid().equals(uuid), String.valueOf(uuid));
        }

        @Override
        public DomainRef lookupById(int id) throws VirtException {
            return find(domain.id() == id, String.valueOf(id));
        }

        @Override
        public String osType(DomainRef dom) {
            return "hvm";
        }

        @Override
        public DomainStateInfo state(DomainRef dom) {
            return new DomainStateInfo(DomainState.RUNNING, 1);
        }

        @Override
        public DomainInfo info(DomainRef dom) {
            return new DomainInfo(DomainState.RUNNING, 1024, 1024, 1, 0);
        }

        @Override
        public boolean isPersistent(DomainRef dom) {
            return false;
        }

        @Override
        public String xmlDesc(DomainRef dom, int flags) {
            return "<domain type='test'><name>" + domain.name() + "</name><uuid>" + domain.uuid()
                    + "</uuid><memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>";
        }

        @Override
        public boolean isAlive() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }

        private DomainRef find(boolean found, String what) throws VirtException {
            if (!found) {
                throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.NONE, "no domain with matching " + what);
            }
            return domain;
        }
    }
}
