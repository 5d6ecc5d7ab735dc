package org.jvirt.driver.qemu.internal.command;

import java.util.HashMap;
import java.util.Map;

/** Which functions of which slots of which PCI buses are taken, while addresses are assigned. */
final class PciSlots {
    private static final int SLOTS = 32;
    private static final int FUNCTIONS = 8;

    private final Map<Integer, boolean[][]> used = new HashMap<>();

    void mark(int bus, int slot, int fn) {
        used.computeIfAbsent(bus, k -> new boolean[SLOTS][FUNCTIONS])[slot][fn] = true;
    }

    /** Takes every function of a slot, as the chipset's own devices do. */
    void reserveSlot(int bus, int slot) {
        for (int f = 0; f < FUNCTIONS; f++) {
            mark(bus, slot, f);
        }
    }

    boolean isUsed(int bus, int slot, int fn) {
        boolean[][] b = used.get(bus);
        return b != null && b[slot][fn];
    }

    /** Whether no function of the slot is taken. */
    boolean slotFree(int bus, int slot) {
        boolean[][] b = used.get(bus);
        if (b == null) {
            return true;
        }
        for (boolean f : b[slot]) {
            if (f) {
                return false;
            }
        }
        return true;
    }

    /** {@code {bus, slot}} of the first free slot of {@code bus} from {@code from} on, or null. */
    int[] nextFreeSlot(int bus, int from) {
        for (int s = from; s < SLOTS; s++) {
            if (slotFree(bus, s)) {
                return new int[] {bus, s};
            }
        }
        return null;
    }
}
