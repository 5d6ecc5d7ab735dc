package org.jvirt.driver.esx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DriverConnection;

/**
 * {@code auto_answer} against the simulator with the fixture's questioning VMs ({@code -question},
 * question.go): a power-on task held by a question the VM asks fails with libvirt's error naming
 * the question and its answers, and with {@code auto_answer=1} gets the default answer and ends.
 */
class EsxQuestionVcsimTest {
    private static final String QUESTION = "internal error: Pending question blocks virtual machine execution,"
            + " question is 'This virtual machine might have been moved or copied.', possible answers are"
            + " 'Cancel', 'I moved it', 'I copied it'";

    @TempDir
    static Path dir;
    private static Vcsim sim;
    private static DriverConnection asking;
    private static DriverConnection answering;

    @BeforeAll
    static void start() throws Exception {
        sim = Vcsim.start(2, Vcsim.Option.QUESTION);
        Path auth = EsxTestSupport.credentialsFile(dir);
        asking = EsxTestSupport.open(auth, EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"));
        answering = EsxTestSupport.open(auth,
                EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http&auto_answer=1"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (DriverConnection c : new DriverConnection[] {asking, answering}) {
            if (c != null) {
                c.close();
            }
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void withoutAutoAnswerTheQuestionIsTheError() throws Exception {
        DomainRef d = poweredOff("ha-host_VM0");
        VirtException e = assertThrows(VirtException.class, () -> asking.create(d, 0));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals(QUESTION, e.getMessage());
        assertEquals(DomainState.SHUTOFF, asking.state(d).state());
        // the question still holds the VM: the next task fails on it before it is started, as libvirt
        VirtException again = assertThrows(VirtException.class, () -> asking.create(d, 0));
        assertEquals(QUESTION, again.getMessage());
    }

    /** libvirt's ESX driver on the same pending question: the same words. */
    @Test
    void libvirtNamesTheQuestionAlike() throws Exception {
        LibvirtVirsh virsh = new LibvirtVirsh(EsxTestSupport.uri("esx", sim, "/", "no_verify=1&transport=http"),
                EsxTestSupport.credentialsFile(dir));
        DomainRef d = poweredOff("ha-host_VM0");
        assertThrows(VirtException.class, () -> asking.create(d, 0)); // asks, or still asks
        AssertionError e = assertThrows(AssertionError.class, () -> virsh.run("start", d.name()));
        assertTrue(e.getMessage().contains("error: " + QUESTION), e.getMessage());
    }

    /** The VM, powered off unless a question holds it (each test may come first). */
    private static DomainRef poweredOff(String name) throws VirtException {
        DomainRef d = asking.lookupByName(name);
        if (asking.state(d).state() == DomainState.RUNNING) {
            asking.destroy(d, 0);
        }
        return d;
    }

    /**
     * libvirt's pending-task check ({@code esxVI_LookupVirtualMachineByUuidAndPrepareForTask}): a
     * VM whose power-on task a question holds is answered with {@code auto_answer=1}, and the next
     * task still fails on the task that was pending when the VM was read, in libvirt's words; libvirt's
     * ESX driver on the same state says the same.
     */
    @Test
    void aPendingTaskRefusesTheNextAsLibvirt() throws Exception {
        DomainRef d = poweredOff("ha-host_VM0");
        assertThrows(VirtException.class, () -> asking.create(d, 0)); // the question now holds its task
        VirtException e = assertThrows(VirtException.class, () -> answering.create(d, 0));
        assertEquals(ErrorCode.OPERATION_INVALID, e.code());
        assertEquals("Requested operation is not valid: Other tasks are pending for this domain", e.getMessage());
        // the answer was given all the same: the held power-on ended, and nothing is pending now
        assertEquals(DomainState.RUNNING, answering.state(d).state());
        answering.destroy(d, 0);
        assertEquals(DomainState.SHUTOFF, answering.state(d).state());

        LibvirtVirsh virsh = new LibvirtVirsh(EsxTestSupport.uri("esx", sim, "/",
                "no_verify=1&transport=http&auto_answer=1"), EsxTestSupport.credentialsFile(dir));
        assertThrows(VirtException.class, () -> asking.create(d, 0));
        AssertionError theirs = assertThrows(AssertionError.class, () -> virsh.run("start", d.name()));
        assertTrue(theirs.getMessage().contains("error: Requested operation is not valid: Other tasks are pending"
                + " for this domain"), theirs.getMessage());
        assertEquals(DomainState.RUNNING, answering.state(d).state());
    }

    @Test
    void autoAnswerGivesTheDefaultAnswer() throws Exception {
        DomainRef d = answering.lookupByName("ha-host_VM1");
        answering.destroy(d, 0);
        answering.create(d, 0); // 'I copied it', the default, lets the power-on end
        assertEquals(DomainState.RUNNING, answering.state(d).state());
    }
}
