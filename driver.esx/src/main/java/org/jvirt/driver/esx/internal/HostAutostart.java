package org.jvirt.driver.esx.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.PropertyCollector;
import org.jvirt.driver.esx.internal.vi.SoapXml;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.w3c.dom.Element;

/**
 * A VM's autostart setting in the host's {@code HostAutoStartManager}, read and set as libvirt's
 * {@code esxDomainGetAutostart} and {@code esxDomainSetAutostart}: a VM starts with the host when
 * autostart is enabled for the host ({@code config.defaults.enabled}) and the VM's power info
 * entry has the start action {@code powerOn}.
 */
final class HostAutostart {
    private final PropertyCollector collector;
    private final EsxHost host;
    private volatile MoRef manager; // the host's, fixed

    HostAutostart(PropertyCollector collector, EsxHost host) {
        this.collector = collector;
        this.host = host;
    }

    /** The host's autostart configuration: whether it is on, and the VMs' entries. */
    record Config(boolean enabled, List<Element> powerInfo) {
        /** Whether {@code vm} starts with the host. */
        boolean starts(Vm vm) {
            if (!enabled) {
                return false;
            }
            for (Element info : powerInfo) {
                if (vm.ref().value().equals(key(info))) {
                    return "powerOn".equalsIgnoreCase(SoapXml.childText(info, "startAction"));
                }
            }
            return false;
        }
    }

    /** The properties of the host's autostart manager that {@link #config(ObjectContent)} reads. */
    static final List<String> CONFIG = List.of("config.defaults.enabled", "config.powerInfo");

    /** The host's configuration, read once for all the VMs of a listing (one round trip). */
    Config config() throws VirtException {
        return config(manager());
    }

    /**
     * {@code ReconfigureAutostart} with the VM's entry (start action {@code powerOn} or {@code none},
     * the system's defaults for order, delays and heartbeat). Enabling one VM while the host's
     * autostart is off turns it on, unless other VMs have entries (whose behaviour would change):
     * libvirt's {@code Cannot enable general autostart option without affecting other domains}.
     */
    void set(Vm vm, boolean autostart) throws VirtException {
        MoRef autoStartManager = manager();
        String defaults = "";
        if (autostart) {
            Config config = config(autoStartManager);
            if (!config.enabled()) {
                for (Element info : config.powerInfo()) {
                    if (!vm.ref().value().equals(key(info))) {
                        throw ViErrors.of(ErrorCode.OPERATION_INVALID,
                                "Cannot enable general autostart option without affecting other domains");
                    }
                }
                defaults = "<defaults><enabled>true</enabled></defaults>";
            }
        }
        String powerInfo = "<powerInfo>" + vm.ref().toXml("key") + "<startOrder>-1</startOrder>"
                + "<startDelay>-1</startDelay><waitForHeartbeat>systemDefault</waitForHeartbeat>"
                + "<startAction>" + (autostart ? "powerOn" : "none") + "</startAction>"
                + "<stopDelay>-1</stopDelay><stopAction>none</stopAction></powerInfo>";
        collector.client().invoke("ReconfigureAutostart", autoStartManager,
                "<spec>" + defaults + powerInfo + "</spec>");
    }

    /** The host's {@code HostAutoStartManager} (read once: libvirt reads it at connect). */
    MoRef manager() throws VirtException {
        if (manager != null) {
            return manager;
        }
        ObjectContent hs = collector.retrieveOne(host.hostSystem(), List.of("configManager.autoStartManager"));
        MoRef found = hs.moRef("configManager.autoStartManager");
        if (found == null) {
            throw ViErrors.internal("Missing 'configManager.autoStartManager' property of the host");
        }
        manager = found;
        return found;
    }

    private Config config(MoRef manager) throws VirtException {
        return config(collector.retrieveOne(manager, CONFIG));
    }

    /** The configuration in the autostart manager's properties {@link #CONFIG}. */
    static Config config(ObjectContent config) {
        Element powerInfo = config.element("config.powerInfo");
        return new Config(config.bool("config.defaults.enabled", false),
                powerInfo == null ? new ArrayList<>() : SoapXml.children(powerInfo, null));
    }

    private static String key(Element powerInfo) {
        Element key = SoapXml.child(powerInfo, "key");
        return key == null ? null : key.getTextContent().trim();
    }
}
