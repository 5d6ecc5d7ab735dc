package org.jvirt.driver.esx.internal.vi;

import org.w3c.dom.Element;

/**
 * A managed object reference: {@code <obj type="VirtualMachine">vm-57</obj>}.
 *
 * @param type  the managed object type ({@code VirtualMachine}), never null
 * @param value the server's id ({@code vm-57}), never null
 */
public record MoRef(String type, String value) {

    /** Reads {@code <anything type="T">value</anything>}. */
    static MoRef of(Element element) {
        return new MoRef(element.getAttribute("type"), element.getTextContent().trim());
    }

    /** This reference as the element {@code name}, for a request body. */
    public String toXml(String name) {
        return "<" + name + " type=\"" + SoapXml.escape(type) + "\">" + SoapXml.escape(value) + "</" + name + ">";
    }
}
