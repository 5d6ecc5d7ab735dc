package org.jvirt.driver.esx.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.DomainState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.driver.esx.internal.vi.MoRef;
import org.jvirt.driver.esx.internal.vi.ObjectContent;
import org.jvirt.driver.esx.internal.vi.ViErrors;
import org.w3c.dom.Element;

/**
 * A virtual machine as the driver reads it in one retrieval (libvirt's
 * {@code esxVI_GetVirtualMachineIdentity} plus what {@code dominfo} needs).
 *
 * @param powerState   {@code poweredOn}, {@code poweredOff} or {@code suspended}
 * @param memoryLimitMB {@code config.memoryAllocation.limit}: -1 for none
 * @param snapshots     whether the VM has snapshots ({@code rootSnapshot} not empty)
 * @param question      the question the VM asks ({@code runtime.question}, a VirtualMachineQuestionInfo), or null
 * @param recentTasks   the VM's {@code recentTask} list: what libvirt checks for pending tasks before
 *                      starting one ({@link VmTasks#prepare}); read with the rest, so the check costs a
 *                      round trip only when the list is not empty
 */
record Vm(MoRef ref, String name, UUID uuid, int idNumber, String powerState, long memoryMB, int numCpu,
          long memoryLimitMB, boolean snapshots, Element question, List<MoRef> recentTasks) {

    /** The properties {@link #of} reads. */
    static final List<String> PROPERTIES = List.of("name", "config.uuid", "runtime.powerState",
            "config.hardware.memoryMB", "config.hardware.numCPU", "config.memoryAllocation.limit", "rootSnapshot",
            "runtime.question", "recentTask");

    /**
     * What a lookup or an existence check needs ({@code esxVI_GetVirtualMachineIdentity} and the power
     * state): a {@link Vm} read with these only has the other fields at their defaults, so it serves
     * {@link #domainRef()}, {@link #state()} and {@link #uuid()}, nothing else.
     */
    static final List<String> IDENTITY = List.of("name", "config.uuid", "runtime.powerState");

    /** What a listing needs: the identity, and whether the VM has snapshots (the snapshot filters). */
    static final List<String> LISTED = List.of("name", "config.uuid", "runtime.powerState", "rootSnapshot");

    static Vm of(ObjectContent vm) throws VirtException {
        String uuidText = vm.requiredString("config.uuid");
        UUID uuid;
        try {
            uuid = UUID.fromString(uuidText);
        } catch (IllegalArgumentException e) {
            throw ViErrors.internal("Could not parse UUID from string '" + uuidText + "'");
        }
        return new Vm(vm.obj(), unescape(vm.requiredString("name")), uuid, parseId(vm.obj().value()),
                vm.requiredString("runtime.powerState"), vm.longValue("config.hardware.memoryMB", 0),
                (int) vm.longValue("config.hardware.numCPU", 0), vm.longValue("config.memoryAllocation.limit", -1),
                !vm.moRefs("rootSnapshot").isEmpty(), vm.element("runtime.question"), vm.moRefs("recentTask"));
    }

    /**
     * {@code esxUtil_ParseVirtualMachineIDString}: the whole value as a number ({@code 57} on ESX),
     * else the number after {@code vm-} (vCenter's {@code vm-57}); -1 when neither.
     */
    static int parseId(String value) {
        for (String text : List.of(value, value.startsWith("vm-") ? value.substring(3) : "")) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                // try the next form
            }
        }
        return -1;
    }

    /** vSphere escapes {@code %}, {@code /} and {@code \} in names as {@code %25}, {@code %2f}, {@code %5c}. */
    static String unescape(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
            if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    boolean active() {
        return !"poweredOff".equals(powerState);
    }

    /** libvirt's {@code esxVI_VirtualMachinePowerState_ConvertToLibvirt}. */
    DomainState state() {
        return switch (powerState) {
            case "poweredOn" -> DomainState.RUNNING;
            case "suspended" -> DomainState.PAUSED;
            case "poweredOff" -> DomainState.SHUTOFF;
            default -> DomainState.NOSTATE;
        };
    }

    /** The reference the core holds: an ID only while the VM is not powered off, as libvirt. */
    DomainRef domainRef() {
        return new DomainRef(name, uuid, active() ? idNumber : -1);
    }
}
