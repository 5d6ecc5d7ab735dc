package org.jvirt.driver.hyperv.internal.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * Msvm_VirtualSystemManagementService's methods (Microsoft's pages "DefineSystem method",
 * "DestroySystem method", "ModifyResourceSettings method", "ModifySystemSettings method" of the
 * Msvm_VirtualSystemManagementService class). Checks follow Hyper-V's documented limits: memory in
 * MB a multiple of 2 and at least 32 ("Msvm_MemorySettingData": "must be a multiple of 2"), Limit
 * not below VirtualQuantity, processors 1 to the host's logical processors and changed only while
 * the VM is off; AutomaticStartupAction 2, 3 or 4.
 */
final class SimSystemMethods {
    private static final List<String> ARRAYS = List.of("HostResource", "Connection", "VirtualSystemIdentifiers");

    private SimSystemMethods() {
    }

    static String define(SimMethods m, String uri, Element input) throws Exception {
        String text = SimXml.text(input, "SystemSettings");
        Map<String, String> vssd = text == null ? null : SimMethods.embedded(text, "Msvm_VirtualSystemSettingData");
        if (vssd == null || vssd.get("ElementName") == null || vssd.get("ElementName").isEmpty()) {
            return SimJobs.output("DefineSystem", uri, SimMethods.INVALID_PARAMETER);
        }
        SimHost host = m.host();
        SimInstance vm = host.addVm(vssd.get("ElementName"), 3, 1, 1024);
        SimInstance settings = host.byInstanceId("Microsoft:" + vm.get("Name"));
        if (vssd.get("Notes") != null) {
            settings.set("Notes", List.of(vssd.get("Notes")));
        }
        if (vssd.get("AutomaticStartupAction") != null) {
            settings.set("AutomaticStartupAction", vssd.get("AutomaticStartupAction"));
        }
        SimInstance job = m.jobs().start("Defining virtual machine", () -> { }, () -> host.removeVm(vm));
        return SimJobs.jobOutput("DefineSystem", uri, job, "<p:ResultingSystem>"
                + SimXml.reference(vm, "CreationClassName", "Name") + "</p:ResultingSystem>");
    }

    static String destroy(SimMethods m, String uri, Element input) {
        Element epr = SimXml.child(input, "AffectedSystem");
        Map<String, String> keys = epr == null ? Map.of() : selectors(epr);
        SimInstance vm = m.host().find("Msvm_ComputerSystem", keys);
        if (vm == null || !"Microsoft Virtual Machine".equals(vm.get("Description"))) {
            return SimJobs.output("DestroySystem", uri, SimMethods.INVALID_PARAMETER);
        }
        long state = vm.number("EnabledState");
        if (state != 3 && state != 32769) {
            return SimJobs.output("DestroySystem", uri, SimMethods.INVALID_STATE);
        }
        SimInstance job = m.jobs().start("Destroying virtual machine", () -> m.host().removeVm(vm));
        return SimJobs.jobOutput("DestroySystem", uri, job, "");
    }

    static String modifyResources(SimMethods m, String uri, Element input) throws Exception {
        StringBuilder resulting = new StringBuilder();
        Map<SimInstance, Map<String, String>> changes = new LinkedHashMap<>();
        for (String text : SimMethods.values(input, "ResourceSettings")) {
            Map<String, String> change = SimMethods.embedded(text, null);
            SimInstance setting = change == null || change.get("InstanceID") == null ? null
                    : m.host().byInstanceId(change.get("InstanceID"));
            if (setting == null || !setting.className.equals(change.get("__CLASS"))) {
                return SimJobs.output("ModifyResourceSettings", uri, SimMethods.INVALID_PARAMETER);
            }
            long code = check(m.host(), setting, change);
            if (code != 0) {
                return SimJobs.output("ModifyResourceSettings", uri, code);
            }
            changes.put(setting, change);
            resulting.append("<p:ResultingResourceSettings>").append(SimXml.reference(setting, "InstanceID"))
                    .append("</p:ResultingResourceSettings>");
        }
        if (changes.isEmpty()) {
            return SimJobs.output("ModifyResourceSettings", uri, SimMethods.INVALID_PARAMETER);
        }
        SimInstance job = m.jobs().start("Modifying resource settings", () -> changes.forEach((setting, change) ->
                change.forEach((name, value) -> {
                    if (!name.equals("__CLASS") && !name.equals("InstanceID")) {
                        // array properties (MOF string[]) stay arrays
                        setting.set(name, ARRAYS.contains(name) ? List.of(value) : value);
                    }
                })));
        return SimJobs.jobOutput("ModifyResourceSettings", uri, job, resulting.toString());
    }

    private static long check(SimHost host, SimInstance setting, Map<String, String> change) {
        try {
            if (setting.className.equals("Msvm_ProcessorSettingData") && change.containsKey("VirtualQuantity")) {
                long count = Long.parseLong(change.get("VirtualQuantity"));
                if (count < 1 || count > 32) {
                    return SimMethods.INVALID_PARAMETER;
                }
                return host.vmOf(setting).number("EnabledState") == 3 ? 0 : SimMethods.INVALID_STATE;
            }
            if (setting.className.equals("Msvm_MemorySettingData")) {
                long quantity = change.containsKey("VirtualQuantity") ? Long.parseLong(change.get("VirtualQuantity"))
                        : setting.number("VirtualQuantity");
                long limit = change.containsKey("Limit") ? Long.parseLong(change.get("Limit")) : setting.number("Limit");
                if (quantity < 32 || quantity % 2 != 0 || limit % 2 != 0 || limit < quantity) {
                    return SimMethods.INVALID_PARAMETER;
                }
            }
            return 0;
        } catch (NumberFormatException e) {
            return SimMethods.INVALID_PARAMETER;
        }
    }

    static String modifySystem(SimMethods m, String uri, Element input) throws Exception {
        String text = SimXml.text(input, "SystemSettings");
        Map<String, String> change = text == null ? null : SimMethods.embedded(text, "Msvm_VirtualSystemSettingData");
        SimInstance vssd = change == null || change.get("InstanceID") == null ? null
                : m.host().byInstanceId(change.get("InstanceID"));
        if (vssd == null) {
            return SimJobs.output("ModifySystemSettings", uri, SimMethods.INVALID_PARAMETER);
        }
        String startup = change.get("AutomaticStartupAction");
        if (startup != null && !List.of("2", "3", "4").contains(startup)) {
            return SimJobs.output("ModifySystemSettings", uri, SimMethods.INVALID_PARAMETER);
        }
        if (startup != null) {
            vssd.set("AutomaticStartupAction", startup);
        }
        if (change.get("ElementName") != null) {
            vssd.set("ElementName", change.get("ElementName"));
            m.host().vmOf(vssd).set("ElementName", change.get("ElementName"));
        }
        if (change.get("Notes") != null) {
            vssd.set("Notes", List.of(change.get("Notes")));
        }
        return SimJobs.output("ModifySystemSettings", uri, 0);
    }

    /** The selectors of an EPR parameter. */
    static Map<String, String> selectors(Element epr) {
        Map<String, String> out = new LinkedHashMap<>();
        Element params = SimXml.child(epr, "ReferenceParameters");
        Element set = params == null ? null : SimXml.child(params, "SelectorSet");
        if (set != null) {
            for (Element s : SimXml.children(set)) {
                out.put(s.getAttribute("Name"), s.getTextContent().trim());
            }
        }
        return out;
    }
}
