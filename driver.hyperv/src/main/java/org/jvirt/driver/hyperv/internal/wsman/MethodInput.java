package org.jvirt.driver.hyperv.internal.wsman;

/**
 * The input parameters of a WMI method, in order: plain values, references (EPRs) and embedded
 * instances. Embedded instances travel as WMI wants them over WS-Management: the instance in
 * CIM-XML ({@code <INSTANCE CLASSNAME=...><PROPERTY NAME=... TYPE=...><VALUE>}, DMTF DSP0201) as the
 * parameter's text, which is what libvirt's {@code hypervSerializeEmbeddedParam} sends (as CDATA).
 */
public final class MethodInput {
    private final StringBuilder xml = new StringBuilder();

    public MethodInput value(String name, String value) {
        xml.append("<p:").append(name).append('>').append(WsmanXml.escape(value)).append("</p:").append(name).append('>');
        return this;
    }

    public MethodInput reference(String name, WmiReference reference) {
        xml.append("<p:").append(name).append('>').append(reference.toXml()).append("</p:").append(name).append('>');
        return this;
    }

    public MethodInput embedded(String name, EmbeddedInstance instance) {
        return value(name, instance.toCimXml());
    }

    public String toXml() {
        return xml.toString();
    }
}
