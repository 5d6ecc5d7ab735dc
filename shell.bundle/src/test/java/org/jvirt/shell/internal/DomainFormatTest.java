package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;
import org.jvirt.api.StateReason;
import org.jvirt.shell.internal.DomainFormat.ListRow;
import org.junit.jupiter.api.Test;

/** The expected texts are virsh 9.0's output for libvirt's test:///default, byte for byte. */
class DomainFormatTest {
    private static final UUID TEST_UUID = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");

    @Test
    void listOfTheRunningDefaultDomain() {
        String virsh = """
                 Id   Name   State
                ----------------------
                 1    test   running
                """;
        assertEquals(virsh, DomainFormat.list(List.of(
                new ListRow(1, "test", DomainStateInfo.of(StateReason.RUNNING_BOOTED)))));
    }

    @Test
    void listWidensForShutOffAndLongerNames() {
        String virsh = """
                 Id   Name   State
                -----------------------
                 1    test   running
                 -    x      shut off
                """;
        assertEquals(virsh, DomainFormat.list(List.of(
                new ListRow(1, "test", DomainStateInfo.of(StateReason.RUNNING_BOOTED)),
                new ListRow(-1, "x", DomainStateInfo.of(StateReason.SHUTOFF_DESTROYED)))));
    }

    @Test
    void emptyList() {
        assertEquals(" Id   Name   State\n--------------------\n", DomainFormat.list(List.of()));
    }

    @Test
    void listOrderIsRunningByIdThenInactiveByNameIgnoringCase() {
        DomainStateInfo on = DomainStateInfo.of(StateReason.RUNNING_BOOTED);
        DomainStateInfo off = DomainStateInfo.of(StateReason.SHUTOFF_UNKNOWN);
        List<ListRow> sorted = DomainFormat.sortForList(List.of(new ListRow(-1, "b", off),
                new ListRow(12, "z", on), new ListRow(-1, "A", off), new ListRow(3, "y", on)));
        assertEquals(List.of("y", "z", "A", "b"), sorted.stream().map(ListRow::name).toList());
    }

    @Test
    void dominfoOfTheRunningDefaultDomain() {
        // virsh prints three Security lines after these for libvirt's test driver, which has a
        // security model; jvirt has none, and virsh prints nothing for an empty model
        String virsh = """
                Id:             1
                Name:           test
                UUID:           6695eb01-f6a4-8304-79aa-97f2502e193f
                OS Type:        linux
                State:          running
                CPU(s):         2
                CPU time:       1795641536.3s
                Max memory:     8388608 KiB
                Used memory:    2097152 KiB
                Persistent:     yes
                Autostart:      disable
                Managed save:   no
                """;
        DomainInfo info = new DomainInfo(DomainState.RUNNING, 8388608, 2097152, 2, 1795641536_300_000_000L);
        assertEquals(virsh, DomainFormat.dominfo(new DomainFormat.DomInfo(1, "test", TEST_UUID, "linux",
                info, true, false, false)));
    }

    @Test
    void securityLinesAsVirshPrintsThem() {
        assertEquals("Security model: dac\nSecurity DOI:   0\nSecurity label: +995:+108 (permissive)\n",
                DomainFormat.security(new SecurityModel("dac", "0"), new SecurityLabel("+995:+108", false)));
        // a shut-off domain has no label; an empty model prints nothing at all
        assertEquals("Security model: dac\nSecurity DOI:   0\n",
                DomainFormat.security(new SecurityModel("dac", "0"), new SecurityLabel("", false)));
        assertEquals("", DomainFormat.security(new SecurityModel("", ""), null));
    }

    @Test
    void dominfoOfAShutOffDomainWithoutCpuTimeAndUnknowns() {
        String expected = """
                Id:             -
                Name:           test
                UUID:           6695eb01-f6a4-8304-79aa-97f2502e193f
                OS Type:        hvm
                State:          shut off
                CPU(s):         2
                Max memory:     no limit
                Used memory:    2097152 KiB
                Persistent:     unknown
                Managed save:   unknown
                """;
        DomainInfo info = new DomainInfo(DomainState.SHUTOFF, 0xFFFF_FFFFL, 2097152, 2, 0);
        assertEquals(expected, DomainFormat.dominfo(new DomainFormat.DomInfo(-1, "test", TEST_UUID, "hvm",
                info, null, null, null)));
    }

    @Test
    void domstateWithAndWithoutReason() {
        assertEquals("running\n", DomainFormat.domstate(DomainStateInfo.of(StateReason.RUNNING_BOOTED), false));
        assertEquals("shut off (destroyed)\n",
                DomainFormat.domstate(DomainStateInfo.of(StateReason.SHUTOFF_DESTROYED), true));
        assertEquals("paused (user)\n", DomainFormat.domstate(DomainStateInfo.of(StateReason.PAUSED_USER), true));
        // a reason number jvirt does not name prints as libvirt's "unknown"
        assertEquals("running (unknown)\n",
                DomainFormat.domstate(new DomainStateInfo(DomainState.RUNNING, 99), true));
    }

    @Test
    void tableCellsEscapeControlCharacters() {
        String table = new VshTable("Name").row("a\tb").render();
        assertEquals(" Name\n---------\n a\\x09b\n", table);
    }
}
