package org.jvirt.driver.hyperv.internal.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * The WMI methods libvirt calls, as Microsoft documents them:
 * "RequestStateChange method of the Msvm_ComputerSystem class" (RequestedState; 4096 and a job, or
 * 32775 Invalid state for this operation), "InitiateShutdown method of the Msvm_ShutdownComponent
 * class" (Force, Reason), and of Msvm_VirtualSystemManagementService: "DefineSystem" (SystemSettings
 * as an embedded Msvm_VirtualSystemSettingData, ResultingSystem), "DestroySystem" (AffectedSystem),
 * "ModifyResourceSettings" (ResourceSettings[], embedded resource allocation settings) and
 * "ModifySystemSettings" (SystemSettings). Return codes: 0, 4096, 32773 Invalid parameter,
 * 32775 Invalid state for this operation.
 */
final class SimMethods {
    static final int INVALID_PARAMETER = 32773;
    static final int INVALID_STATE = 32775;

    private final SimHost host;
    private final SimJobs jobs;
    /** The keys typed on any VM's keyboard, in order ("PressKey 65"). */
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());

    SimMethods(SimHost host, SimJobs jobs) {
        this.host = host;
        this.jobs = jobs;
    }

    String invoke(String uri, Map<String, String> selectors, String method, Element input) throws Exception {
        String className = uri.substring(uri.lastIndexOf('/') + 1);
        SimInstance target = host.find(className, selectors);
        if (target == null) {
            throw new SimFault("Sender", "InvalidSelectors", "The WS-Management service cannot process the request"
                    + " because the request contained invalid selectors for the resource.", uri + " " + selectors);
        }
        synchronized (host) {
            return switch (className + "." + method) {
                case "Msvm_ComputerSystem.RequestStateChange" -> requestStateChange(uri, target,
                        Integer.parseInt(SimXml.text(input, "RequestedState")));
                case "Msvm_ShutdownComponent.InitiateShutdown" -> initiateShutdown(uri, target);
                case "Msvm_VirtualSystemManagementService.DefineSystem" -> SimSystemMethods.define(this, uri, input);
                case "Msvm_VirtualSystemManagementService.DestroySystem" -> SimSystemMethods.destroy(this, uri, input);
                case "Msvm_VirtualSystemManagementService.ModifyResourceSettings" ->
                        SimSystemMethods.modifyResources(this, uri, input);
                case "Msvm_VirtualSystemManagementService.ModifySystemSettings" ->
                        SimSystemMethods.modifySystem(this, uri, input);
                case "Msvm_VirtualSystemManagementService.AddResourceSettings" ->
                        SimDeviceMethods.add(this, uri, input);
                case "Msvm_Keyboard.PressKey", "Msvm_Keyboard.ReleaseKey", "Msvm_Keyboard.TypeKey" ->
                        SimDeviceMethods.key(this, uri, target, method, input);
                default -> throw new SimFault("Sender", "ActionNotSupported", "The action is not supported by the"
                        + " service.", className + "." + method);
            };
        }
    }

    SimHost host() {
        return host;
    }

    SimJobs jobs() {
        return jobs;
    }

    List<String> keys() {
        return keys;
    }

    private String requestStateChange(String uri, SimInstance vm, int requested) {
        int now = (int) vm.number("EnabledState");
        int transitional;
        int target;
        switch (requested) {
            case 2 -> {
                transitional = now == 32768 ? 32777 : 32770;
                target = 2;
                if (now != 3 && now != 32768 && now != 32769) {
                    return SimJobs.output("RequestStateChange", uri, INVALID_STATE);
                }
            }
            case 3 -> {
                transitional = 32774;
                target = 3;
                if (now != 2 && now != 32768 && now != 32769) {
                    return SimJobs.output("RequestStateChange", uri, INVALID_STATE);
                }
            }
            case 10, 11 -> {
                transitional = 2;
                target = 2;
                if (now != 2) {
                    return SimJobs.output("RequestStateChange", uri, INVALID_STATE);
                }
            }
            case 9, 32768 -> {
                transitional = 32776;
                target = 32768;
                if (now != 2) {
                    return SimJobs.output("RequestStateChange", uri, INVALID_STATE);
                }
            }
            case 6, 32769 -> {
                transitional = 32773;
                target = 32769;
                if (now != 2 && now != 32768) {
                    return SimJobs.output("RequestStateChange", uri, INVALID_STATE);
                }
            }
            default -> {
                return SimJobs.output("RequestStateChange", uri, INVALID_PARAMETER);
            }
        }
        host.setRunning(vm, transitional);
        SimInstance job = jobs.start("Changing state", () -> host.setRunning(vm, target),
                () -> host.setRunning(vm, now));
        return SimJobs.jobOutput("RequestStateChange", uri, job, "");
    }

    /** The guest's integration service shuts it down: only a running VM (2) accepts. */
    private String initiateShutdown(String uri, SimInstance component) {
        SimInstance vm = host.find("Msvm_ComputerSystem", Map.of("Name", component.get("SystemName")));
        if (vm == null || vm.number("EnabledState") != 2) {
            return SimJobs.output("InitiateShutdown", uri, INVALID_STATE);
        }
        host.setRunning(vm, 32774);
        SimInstance job = jobs.start("Initiating Shutdown", () -> host.setRunning(vm, 3), () -> host.setRunning(vm, 2));
        return SimJobs.jobOutput("InitiateShutdown", uri, job, "");
    }

    /** The properties of an embedded instance in CIM-XML ({@code <INSTANCE CLASSNAME><PROPERTY NAME><VALUE>}). */
    static Map<String, String> embedded(String cimXml, String expectedClass) throws Exception {
        Element instance = SimXml.parse(cimXml).getDocumentElement();
        if (!"INSTANCE".equals(instance.getTagName())
                || (expectedClass != null && !expectedClass.equals(instance.getAttribute("CLASSNAME")))) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("__CLASS", instance.getAttribute("CLASSNAME"));
        for (Element p : SimXml.children(instance)) {
            // PROPERTY.ARRAY holds its values in VALUE.ARRAY; the methods here take one value
            Element values = "PROPERTY.ARRAY".equals(p.getTagName()) ? SimXml.child(p, "VALUE.ARRAY") : p;
            out.put(p.getAttribute("NAME"), SimXml.text(values, "VALUE"));
        }
        return out;
    }

    /** The values of a (possibly repeated) input parameter. */
    static List<String> values(Element input, String name) {
        return SimXml.children(input).stream().filter(e -> name.equals(e.getLocalName()))
                .map(e -> e.getTextContent()).toList();
    }
}
