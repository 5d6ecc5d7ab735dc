package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Hostdev}: from {@link Hostdev#builder()} or {@link Hostdev#toBuilder()}; not thread-safe. */
public final class HostdevBuilder {
    String mode;
    String type;
    String managed;
    String sgio;
    String rawio;
    String model;
    String display;
    String ramfb;
    HostdevSource source;
    String driverName;
    boolean readOnly;
    boolean shareable;
    NetInterface.Teaming teaming;
    List<NetIp> ips;
    List<NetRoute> routes;
    Preserved other;
    DeviceInfo info;

    HostdevBuilder() {
    }

    HostdevBuilder(Hostdev from) {
        mode = from.mode();
        type = from.type();
        managed = from.managed();
        sgio = from.sgio();
        rawio = from.rawio();
        model = from.model();
        display = from.display();
        ramfb = from.ramfb();
        source = from.source();
        driverName = from.driverName();
        readOnly = from.readOnly();
        shareable = from.shareable();
        teaming = from.teaming();
        ips = from.ips();
        routes = from.routes();
        other = from.other();
        info = from.info();
    }

    /** @see Hostdev#mode() */
    public HostdevBuilder mode(String value) {
        this.mode = value;
        return this;
    }

    /** @see Hostdev#type() */
    public HostdevBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Hostdev#managed() */
    public HostdevBuilder managed(String value) {
        this.managed = value;
        return this;
    }

    /** @see Hostdev#sgio() */
    public HostdevBuilder sgio(String value) {
        this.sgio = value;
        return this;
    }

    /** @see Hostdev#rawio() */
    public HostdevBuilder rawio(String value) {
        this.rawio = value;
        return this;
    }

    /** @see Hostdev#model() */
    public HostdevBuilder model(String value) {
        this.model = value;
        return this;
    }

    /** @see Hostdev#display() */
    public HostdevBuilder display(String value) {
        this.display = value;
        return this;
    }

    /** @see Hostdev#ramfb() */
    public HostdevBuilder ramfb(String value) {
        this.ramfb = value;
        return this;
    }

    /** @see Hostdev#source() */
    public HostdevBuilder source(HostdevSource value) {
        this.source = value;
        return this;
    }

    /** @see Hostdev#driverName() */
    public HostdevBuilder driverName(String value) {
        this.driverName = value;
        return this;
    }

    /** @see Hostdev#readOnly() */
    public HostdevBuilder readOnly(boolean value) {
        this.readOnly = value;
        return this;
    }

    /** @see Hostdev#shareable() */
    public HostdevBuilder shareable(boolean value) {
        this.shareable = value;
        return this;
    }

    /** @see Hostdev#teaming() */
    public HostdevBuilder teaming(NetInterface.Teaming value) {
        this.teaming = value;
        return this;
    }

    /** @see Hostdev#ips() */
    public HostdevBuilder ips(List<NetIp> value) {
        this.ips = value;
        return this;
    }

    /** @see Hostdev#routes() */
    public HostdevBuilder routes(List<NetRoute> value) {
        this.routes = value;
        return this;
    }

    /** @see Hostdev#other() */
    public HostdevBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Hostdev#info() */
    public HostdevBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Hostdev build() {
        return new Hostdev(this);
    }
}
