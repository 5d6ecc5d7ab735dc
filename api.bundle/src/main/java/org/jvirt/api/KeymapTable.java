package org.jvirt.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data behind {@link Keycodes}, read once from {@code keymaps.txt} (written by
 * {@code api.bundle/keymaps/keymaps.py} from libvirt 9.0: the codes libvirt's table of each set
 * holds, and each Linux key's code in the sets whose libvirt manual pages name Linux keys), plus
 * the Windows virtual-key code of the keys of a PC keyboard (Microsoft's "Virtual-Key Codes"
 * page; libvirt's manual page for win32 names Windows keys, not Linux ones, so it cannot place
 * them).
 */
final class KeymapTable {
    /** The column order of the file's row lines after the Linux code. */
    private static final List<KeycodeSet> ROW_COLUMNS = List.of(KeycodeSet.ATSET1, KeycodeSet.ATSET2,
            KeycodeSet.ATSET3, KeycodeSet.XT_KBD, KeycodeSet.QNUM, KeycodeSet.USB);
    /**
     * Linux code and Windows virtual-key code of the PC keyboard's keys. The left Ctrl and Alt keys
     * are VK_CONTROL and VK_MENU, as in libvirt's table, which holds neither VK_LCONTROL nor VK_LMENU.
     */
    private static final int[][] WIN32 = {
        {1, 0x1b}, {2, 0x31}, {3, 0x32}, {4, 0x33}, {5, 0x34}, {6, 0x35}, {7, 0x36}, {8, 0x37}, {9, 0x38},
        {10, 0x39}, {11, 0x30}, {12, 0xbd}, {13, 0xbb}, {14, 0x08}, {15, 0x09}, {16, 0x51}, {17, 0x57},
        {18, 0x45}, {19, 0x52}, {20, 0x54}, {21, 0x59}, {22, 0x55}, {23, 0x49}, {24, 0x4f}, {25, 0x50},
        {26, 0xdb}, {27, 0xdd}, {28, 0x0d}, {29, 0x11}, {30, 0x41}, {31, 0x53}, {32, 0x44}, {33, 0x46},
        {34, 0x47}, {35, 0x48}, {36, 0x4a}, {37, 0x4b}, {38, 0x4c}, {39, 0xba}, {40, 0xde}, {41, 0xc0},
        {42, 0xa0}, {43, 0xdc}, {44, 0x5a}, {45, 0x58}, {46, 0x43}, {47, 0x56}, {48, 0x42}, {49, 0x4e},
        {50, 0x4d}, {51, 0xbc}, {52, 0xbe}, {53, 0xbf}, {54, 0xa1}, {55, 0x6a}, {56, 0x12}, {57, 0x20},
        {58, 0x14}, {59, 0x70}, {60, 0x71}, {61, 0x72}, {62, 0x73}, {63, 0x74}, {64, 0x75}, {65, 0x76},
        {66, 0x77}, {67, 0x78}, {68, 0x79}, {69, 0x90}, {70, 0x91}, {71, 0x67}, {72, 0x68}, {73, 0x69},
        {74, 0x6d}, {75, 0x64}, {76, 0x65}, {77, 0x66}, {78, 0x6b}, {79, 0x61}, {80, 0x62}, {81, 0x63},
        {82, 0x60}, {83, 0x6e}, {86, 0xe2}, {87, 0x7a}, {88, 0x7b}, {96, 0x0d}, {97, 0xa3}, {98, 0x6f},
        {99, 0x2c}, {100, 0xa5}, {102, 0x24}, {103, 0x26}, {104, 0x21}, {105, 0x25}, {106, 0x27},
        {107, 0x23}, {108, 0x28}, {109, 0x22}, {110, 0x2d}, {111, 0x2e}, {119, 0x13}, {125, 0x5b},
        {126, 0x5c}, {127, 0x5d},
    };

    static final KeymapTable INSTANCE = load();

    private final Map<KeycodeSet, BitSet> codes = new EnumMap<>(KeycodeSet.class);
    /** Linux key name and its code in each set (by ordinal; -1 for none), in Linux code order. */
    private final List<String> names = new ArrayList<>();
    private final List<int[]> rows = new ArrayList<>();

    private KeymapTable() {
    }

    /** Whether libvirt's table for {@code set} holds {@code code} (0 is in every table). */
    boolean holds(KeycodeSet set, int code) {
        return code >= 0 && codes.get(set).get(code);
    }

    /** The first key (in Linux code order) whose {@code from} code is {@code code}: its {@code to} code, or -1. */
    int translate(KeycodeSet from, KeycodeSet to, int code) {
        for (int[] row : rows) {
            if (row[from.ordinal()] == code) {
                return row[to.ordinal()];
            }
        }
        return -1;
    }

    int linuxCode(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        int i = names.indexOf(n);
        return i < 0 ? -1 : rows.get(i)[KeycodeSet.LINUX.ordinal()];
    }

    private static KeymapTable load() {
        try (InputStream in = KeymapTable.class.getResourceAsStream("keymaps.txt")) {
            if (in == null) {
                throw new IllegalStateException("keymaps.txt is missing from the bundle");
            }
            KeymapTable t = new KeymapTable();
            t.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return t;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read keymaps.txt", e);
        }
    }

    private void parse(String text) {
        for (String line : text.split("\n")) {
            String[] w = line.trim().split(" +");
            if (w[0].equals("codes")) {
                BitSet set = new BitSet();
                for (int i = 2; i < w.length; i++) {
                    set.set(Integer.parseInt(w[i], 16));
                }
                codes.put(KeycodeSet.named(w[1]), set);
            } else if (w[0].equals("row")) {
                int[] row = new int[KeycodeSet.values().length];
                Arrays.fill(row, -1);
                row[KeycodeSet.LINUX.ordinal()] = Integer.parseInt(w[2], 16);
                for (int c = 0; c < ROW_COLUMNS.size(); c++) {
                    row[ROW_COLUMNS.get(c).ordinal()] = w[3 + c].equals("-") ? -1 : Integer.parseInt(w[3 + c], 16);
                }
                // libvirt 9.0 accepts exactly set 1's codes for XT: its XT table is set 1's
                row[KeycodeSet.XT.ordinal()] = row[KeycodeSet.ATSET1.ordinal()];
                names.add(w[1]);
                rows.add(row);
            }
        }
        for (int[] pair : WIN32) {
            for (int[] row : rows) {
                if (row[KeycodeSet.LINUX.ordinal()] == pair[0]) {
                    row[KeycodeSet.WIN32.ordinal()] = pair[1];
                }
            }
        }
        if (codes.size() != KeycodeSet.values().length || rows.isEmpty()) {
            throw new IllegalStateException("keymaps.txt lacks sets or keys: " + codes.keySet());
        }
    }
}
