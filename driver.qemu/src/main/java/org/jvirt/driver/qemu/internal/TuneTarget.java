package org.jvirt.driver.qemu.internal;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jvirt.api.ModificationFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * What the tuning calls share (which definitions a call affects is {@link AffectedDefs#impact}): libvirt's
 * checks of typed parameters (virTypedParamsValidate), and saving a changed live or persistent
 * definition. Callers hold the domain's lock.
 */
final class TuneTarget {
    static final int LIVE = ModificationFlag.LIVE.bit();
    static final int CONFIG = ModificationFlag.CONFIG.bit();
    /** VIR_TYPED_PARAM_STRING_OKAY: getters accept it. */
    static final int STRING_OKAY = 1 << 2;

    private final QemuHost host;

    TuneTarget(QemuHost host) {
        this.host = host;
    }

    /** virTypedParamsValidate (shared with the other drivers: {@link TypedParameter#validate}). */
    static void validate(List<TypedParameter> params, Map<String, ParameterType> allowed) throws VirtException {
        TypedParameter.validate(params, allowed);
    }

    /** The running guest's cgroup (a group without controllers when it has none). */
    GuestCgroup cgroup(QemuDomainObj dom) {
        return host.context().cgroups().of(dom.uuid().toString())
                .orElseGet(() -> host.context().cgroups().groupOf(-1, dom.name()).withoutControllers());
    }

    /** Records a changed live definition in the guest's status record. */
    void saveLive(QemuDomainObj dom, DomainDef live) throws VirtException {
        dom.setLiveDef(live);
        host.saveStatus(dom);
    }

    /** Writes the changed persistent definition, then makes it the domain's. */
    void savePersistent(QemuDomainObj dom, UnaryOperator<DomainDef> change) throws VirtException {
        DomainDef updated = change.apply(dom.persistentDef());
        host.saveConfig(dom, host.configRecord(updated));
        dom.setPersistentDef(updated);
    }
}
