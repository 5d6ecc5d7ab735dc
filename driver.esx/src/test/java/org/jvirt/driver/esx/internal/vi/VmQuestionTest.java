package org.jvirt.driver.esx.internal.vi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

/**
 * The questions the simulator cannot pose (it asks only the fixture's one, with a default): no
 * possible answers, and no default answer with {@code auto_answer=1}, with libvirt's messages. The
 * question XML is a {@code runtime.question} value as ESX sends it.
 */
class VmQuestionTest {
    private static final MoRef VM = new MoRef("VirtualMachine", "42");

    private static Element question(String choice) throws Exception {
        String xml = "<val xmlns=\"urn:vim25\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"VirtualMachineQuestionInfo\"><id>42:7</id><text>Insert the disk.</text>" + choice
                + "</val>";
        return SoapXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static final String CHOICES = "<choice><choiceInfo xsi:type=\"ElementDescription\"><label>OK</label>"
            + "<summary>OK</summary><key>0</key></choiceInfo><choiceInfo xsi:type=\"ElementDescription\">"
            + "<label>Cancel</label><summary>Cancel</summary><key>1</key></choiceInfo></choice>";

    @Test
    void noPossibleAnswers() throws Exception {
        VirtException e = assertThrows(VirtException.class,
                () -> VmQuestion.handle(null, VM, question("<choice/>"), true));
        assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
        assertEquals("internal error: Pending question blocks virtual machine execution, question is"
                + " 'Insert the disk.', no possible answers", e.getMessage());
    }

    @Test
    void noDefaultAnswer() throws Exception {
        VirtException e = assertThrows(VirtException.class, () -> VmQuestion.handle(null, VM, question(CHOICES), true));
        assertEquals("internal error: Pending question blocks virtual machine execution, question is"
                + " 'Insert the disk.', possible answers are 'OK', 'Cancel', but no default answer is specified",
                e.getMessage());
        VirtException asked = assertThrows(VirtException.class,
                () -> VmQuestion.handle(null, VM, question(CHOICES), false));
        assertEquals("internal error: Pending question blocks virtual machine execution, question is"
                + " 'Insert the disk.', possible answers are 'OK', 'Cancel'", asked.getMessage());
    }
}
