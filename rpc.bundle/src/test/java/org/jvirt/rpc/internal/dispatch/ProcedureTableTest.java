package org.jvirt.rpc.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jvirt.rpc.internal.wire.RemoteProc;

/** Families of procedures are registered when a call first needs one of theirs, in their order. */
class ProcedureTableTest {
    private final List<String> registered = new ArrayList<>();

    private ProcedureTable twoFamilies() {
        return new ProcedureTable()
                .addLater(t -> {
                    registered.add("first");
                    t.add(1, "one", Access.READ, (c, a, r) -> r.writeInt(1));
                })
                .addLater(t -> {
                    registered.add("second");
                    t.add(2, "two", Access.READ, (c, a, r) -> r.writeInt(2));
                });
    }

    @Test
    void aFamilyIsRegisteredWhenACallFirstNeedsOneOfItsProcedures() {
        ProcedureTable table = twoFamilies();
        assertEquals(List.of(), registered);
        assertEquals("one", table.find(1).orElseThrow().function());
        assertEquals(List.of("first"), registered);
        assertEquals("two", table.find(2).orElseThrow().function());
        assertEquals("one", table.find(1).orElseThrow().function());
        assertEquals(List.of("first", "second"), registered);
    }

    @Test
    void anUnknownProcedureRegistersEveryFamilyAndIsNotFound() {
        ProcedureTable table = twoFamilies();
        assertFalse(table.find(99).isPresent());
        assertEquals(List.of("first", "second"), registered);
        assertEquals(2, table.size());
    }

    @Test
    void aProcedureInTwoFamiliesFailsWhenTheSecondRegisters() {
        ProcedureTable table = twoFamilies().addLater(t -> t.add(1, "again", Access.READ, (c, a, r) -> { }));
        assertThrows(IllegalStateException.class, table::size);
    }

    @Test
    void theStandardTableServesAClientsOpenAndListingFromItsFirstFamilies() {
        ProcedureTable table = ProcedureTable.standard();
        for (int proc : new int[] {RemoteProc.AUTH_LIST, RemoteProc.CONNECT_OPEN, RemoteProc.CONNECT_LIST_ALL_DOMAINS}) {
            assertTrue(table.find(proc).isPresent(), "procedure " + proc);
        }
        int early = table.size();
        assertTrue(table.find(RemoteProc.STORAGE_POOL_LOOKUP_BY_NAME).isPresent());
        assertTrue(early > 150, "every family registered: " + early);
    }
}
