package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link NetInterface}: from {@link NetInterface#builder()} or {@link NetInterface#toBuilder()}; not thread-safe. */
public final class NetInterfaceBuilder {
    String type;
    String managed;
    String trustGuestRxFilters;
    String mac;
    String macType;
    String macCheck;
    NetSource source;
    List<NetIp> ips;
    List<NetRoute> routes;
    String script;
    String downscript;
    String targetDev;
    String targetManaged;
    String modelType;
    NetDriver driver;
    NetInterface.Backend backend;
    NetInterface.Teaming teaming;
    String linkState;
    Integer mtu;
    NetBandwidth bandwidth;
    Preserved other;
    DeviceInfo info;

    NetInterfaceBuilder() {
    }

    NetInterfaceBuilder(NetInterface from) {
        type = from.type();
        managed = from.managed();
        trustGuestRxFilters = from.trustGuestRxFilters();
        mac = from.mac();
        macType = from.macType();
        macCheck = from.macCheck();
        source = from.source();
        ips = from.ips();
        routes = from.routes();
        script = from.script();
        downscript = from.downscript();
        targetDev = from.targetDev();
        targetManaged = from.targetManaged();
        modelType = from.modelType();
        driver = from.driver();
        backend = from.backend();
        teaming = from.teaming();
        linkState = from.linkState();
        mtu = from.mtu();
        bandwidth = from.bandwidth();
        other = from.other();
        info = from.info();
    }

    /** @see NetInterface#type() */
    public NetInterfaceBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see NetInterface#managed() */
    public NetInterfaceBuilder managed(String value) {
        this.managed = value;
        return this;
    }

    /** @see NetInterface#trustGuestRxFilters() */
    public NetInterfaceBuilder trustGuestRxFilters(String value) {
        this.trustGuestRxFilters = value;
        return this;
    }

    /** @see NetInterface#mac() */
    public NetInterfaceBuilder mac(String value) {
        this.mac = value;
        return this;
    }

    /** @see NetInterface#macType() */
    public NetInterfaceBuilder macType(String value) {
        this.macType = value;
        return this;
    }

    /** @see NetInterface#macCheck() */
    public NetInterfaceBuilder macCheck(String value) {
        this.macCheck = value;
        return this;
    }

    /** @see NetInterface#source() */
    public NetInterfaceBuilder source(NetSource value) {
        this.source = value;
        return this;
    }

    /** @see NetInterface#ips() */
    public NetInterfaceBuilder ips(List<NetIp> value) {
        this.ips = value;
        return this;
    }

    /** @see NetInterface#routes() */
    public NetInterfaceBuilder routes(List<NetRoute> value) {
        this.routes = value;
        return this;
    }

    /** @see NetInterface#script() */
    public NetInterfaceBuilder script(String value) {
        this.script = value;
        return this;
    }

    /** @see NetInterface#downscript() */
    public NetInterfaceBuilder downscript(String value) {
        this.downscript = value;
        return this;
    }

    /** @see NetInterface#targetDev() */
    public NetInterfaceBuilder targetDev(String value) {
        this.targetDev = value;
        return this;
    }

    /** @see NetInterface#targetManaged() */
    public NetInterfaceBuilder targetManaged(String value) {
        this.targetManaged = value;
        return this;
    }

    /** @see NetInterface#modelType() */
    public NetInterfaceBuilder modelType(String value) {
        this.modelType = value;
        return this;
    }

    /** @see NetInterface#driver() */
    public NetInterfaceBuilder driver(NetDriver value) {
        this.driver = value;
        return this;
    }

    /** @see NetInterface#backend() */
    public NetInterfaceBuilder backend(NetInterface.Backend value) {
        this.backend = value;
        return this;
    }

    /** @see NetInterface#teaming() */
    public NetInterfaceBuilder teaming(NetInterface.Teaming value) {
        this.teaming = value;
        return this;
    }

    /** @see NetInterface#linkState() */
    public NetInterfaceBuilder linkState(String value) {
        this.linkState = value;
        return this;
    }

    /** @see NetInterface#mtu() */
    public NetInterfaceBuilder mtu(Integer value) {
        this.mtu = value;
        return this;
    }

    /** @see NetInterface#bandwidth() */
    public NetInterfaceBuilder bandwidth(NetBandwidth value) {
        this.bandwidth = value;
        return this;
    }

    /** @see NetInterface#other() */
    public NetInterfaceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see NetInterface#info() */
    public NetInterfaceBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public NetInterface build() {
        return new NetInterface(this);
    }
}
