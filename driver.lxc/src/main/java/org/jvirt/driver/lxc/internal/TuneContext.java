package org.jvirt.driver.lxc.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.ModificationImpact;
import org.jvirt.api.xml.DomainDef;

/**
 * What the tuning calls share: which definitions a call affects (libvirt's
 * {@code virDomainObjGetDefs}), the running container's cgroup, and saving a changed live
 * definition (the status record) or persistent one (the config record). Callers hold the domain's lock.
 */
final class TuneContext {
    /** VIR_TYPED_PARAM_STRING_OKAY: the getters accept it. */
    static final int STRING_OKAY = 1 << 2;
    /** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED: 2^53 - 1 KiB. */
    static final long UNLIMITED = 9007199254740991L;

    private final LxcHost host;
    private final CgroupLayout layout;

    TuneContext(LxcHost host, CgroupLayout layout) {
        this.host = host;
        this.layout = layout;
    }

    static ModificationImpact impact(LxcDomain dom, int flags) throws VirtException {
        return ModificationImpact.of(dom.isActive(), dom.isPersistent(), flags);
    }

    /** The running container's cgroup (caller checked it is active). */
    ContainerCgroup cgroup(LxcDomain dom) throws VirtException {
        ContainerProcess proc = dom.process();
        if (proc == null) {
            throw LxcErrors.notRunning();
        }
        return new ContainerCgroup(layout, proc.initPid());
    }

    void saveLive(LxcDomain dom, DomainDef live) throws VirtException {
        dom.setLiveDef(live);
        host.saveStatus(dom);
    }

    void savePersistent(LxcDomain dom, DomainDef def) throws VirtException {
        host.saveConfig(dom, host.configRecord(def));
        dom.setPersistentDef(def);
    }
}
