package org.jvirt.rpc.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostCpusTest {
    @Test
    void parsesLinuxCpuLists() {
        assertEquals(16, HostCpus.count("0-15"));
        assertEquals(4, HostCpus.count("0,2-3"));
        assertEquals(1, HostCpus.count("0"));
        assertTrue(HostCpus.present() >= 1);
    }
}
