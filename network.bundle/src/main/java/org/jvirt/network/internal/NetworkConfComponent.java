package org.jvirt.network.internal;

import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkConf;
import org.jvirt.api.spi.NetworkDefinition;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.network.internal.conf.NetworkXmlParser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The network XML of this bundle for drivers that keep networks of their own (libvirt's test driver
 * uses the bridge driver's network_conf.c): the same parser, formatter and DHCP host updates as the
 * network driver, without its host side.
 */
@Component(service = NetworkConf.class)
public final class NetworkConfComponent implements NetworkConf {
    private final NetworkXmlParser parser;
    private final DhcpHostEdit edit;

    @Activate
    public NetworkConfComponent(@Reference(name = "codec") DomainXmlCodec codec) {
        this.parser = new NetworkXmlParser(codec);
        this.edit = new DhcpHostEdit(parser);
    }

    @Override
    public NetworkDefinition parse(String xml) throws VirtException {
        return new ParsedNetwork(parser.parse(xml), edit);
    }

    @Override
    public NetworkDefinition parse(XmlElement network) throws VirtException {
        return new ParsedNetwork(parser.parse(network), edit);
    }
}
