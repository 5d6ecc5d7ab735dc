package org.jvirt.driver.hyperv.internal.wsman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.w3c.dom.Element;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes what a WS-Management server sends back (any bytes as the body of an HTTP 200, read as an
 * enumeration's and as a Get's answer): every answer is refused with a {@link VirtException} of the
 * Hyper-V domain, or read, and then its items,
 * properties, references and enumeration context are read without any other exception. Regression
 * mode runs the committed inputs (WsmanAnswersFuzzTestInputs/answers).
 */
class WsmanAnswersFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void answers(byte[] input) {
        asInstance(input);
        Element response;
        try {
            response = WsmanAnswers.read("enumeration", new WsmanTransport.Answer(200, "application/soap+xml", input),
                    "EnumerateResponse");
        } catch (VirtException e) {
            assertEquals(ErrorDomain.HYPERV, e.domain(), e.getMessage());
            assertNotNull(e.getMessage());
            return;
        }
        WsmanXml.childText(response, WsmanXml.ENUMERATION, "EnumerationContext");
        Element items = WsmanXml.child(response, null, "Items");
        if (items == null) {
            return;
        }
        for (Element item : WsmanXml.children(items)) {
            WmiObject instance = WmiObject.of(item);
            instance.number("EnabledState", -1);
            instance.strings("Notes");
            assertNotNull(instance.className());
            WmiReference reference = WmiReference.of(item);
            if (reference != null) {
                assertNotNull(reference.toXml());
            }
        }
    }

    /** The same bytes as a Get's answer: refused with a Hyper-V error, "not found" (null), or one instance. */
    private static void asInstance(byte[] input) {
        try {
            Element instance = WsmanAnswers.readInstance(new WsmanTransport.Answer(200, "application/soap+xml", input));
            if (instance != null) {
                assertNotNull(WmiObject.of(instance).className());
            }
        } catch (VirtException e) {
            assertEquals(ErrorDomain.HYPERV, e.domain(), e.getMessage());
            assertNotNull(e.getMessage());
        }
    }
}
