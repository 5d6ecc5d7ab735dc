package org.jvirt.driver.hyperv.internal;

import java.util.List;

import org.jvirt.api.KeycodeSet;
import org.jvirt.api.Keycodes;
import org.jvirt.api.VirtException;
import org.jvirt.driver.hyperv.internal.wsman.HypervErrors;
import org.jvirt.driver.hyperv.internal.wsman.MethodInput;
import org.jvirt.driver.hyperv.internal.wsman.WmiObject;
import org.jvirt.driver.hyperv.internal.wsman.WmiReference;

/**
 * {@code send-key} as libvirt's {@code hypervDomainSendKey}: the VM's {@code Msvm_Keyboard} (found by
 * {@code ASSOCIATORS OF} the VM with ResultClass Msvm_Keyboard), the codes translated to Windows
 * virtual-key codes, each key pressed ({@code PressKey}, Microsoft's "PressKey method of the
 * Msvm_Keyboard class"), the hold time waited, each key released ({@code ReleaseKey}).
 * Codes already in the win32 set are sent as they are (libvirt 9.0 sends 0 for them: it only fills
 * its translated array for the other sets).
 */
final class VmKeyboard {
    private final Wmi wmi;

    VmKeyboard(Wmi wmi) {
        this.wmi = wmi;
    }

    void sendKey(Vm vm, int codeset, int holdtime, int[] keycodes) throws VirtException {
        List<WmiObject> found = wmi.query("Msvm_Keyboard", "ASSOCIATORS OF {" + vm.wmiPath() + "}"
                + " WHERE ResultClass = Msvm_Keyboard");
        if (found.isEmpty()) {
            throw HypervErrors.internal("Could not lookup Msvm_Keyboard");
        }
        int[] translated = new int[keycodes.length];
        KeycodeSet from = KeycodeSet.of(codeset);
        for (int i = 0; i < keycodes.length; i++) {
            translated[i] = from == KeycodeSet.WIN32 ? keycodes[i]
                    : from == null ? -1 : Keycodes.translate(from, KeycodeSet.WIN32, keycodes[i]);
            if (translated[i] < 0) {
                throw HypervErrors.internal("Could not translate keycode");
            }
        }
        WmiObject keyboard = found.get(0);
        WmiReference target = Wmi.reference("Msvm_Keyboard", "CreationClassName", "Msvm_Keyboard",
                "DeviceID", keyboard.string("DeviceID"), "SystemCreationClassName", "Msvm_ComputerSystem",
                "SystemName", vm.uuid().toString());
        for (int code : translated) {
            wmi.invoke(target, "PressKey", new MethodInput().value("keyCode", Integer.toString(code)));
        }
        if (holdtime > 0) {
            try {
                Thread.sleep(holdtime);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HypervErrors.internal("Interrupted holding the keys", e);
            }
        }
        for (int code : translated) {
            wmi.invoke(target, "ReleaseKey", new MethodInput().value("keyCode", Integer.toString(code)));
        }
    }
}
