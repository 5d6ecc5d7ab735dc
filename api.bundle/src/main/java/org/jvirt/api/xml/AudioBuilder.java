package org.jvirt.api.xml;

/** Collects the values of a {@link Audio}: from {@link Audio#builder()} or {@link Audio#toBuilder()}; not thread-safe. */
public final class AudioBuilder {
    Integer id;
    String type;
    Integer timerPeriod;
    String path;
    String serverName;
    String runtimeDir;
    String driver;
    AudioIo input;
    AudioIo output;
    Preserved other;
    DeviceInfo info;

    AudioBuilder() {
    }

    AudioBuilder(Audio from) {
        id = from.id();
        type = from.type();
        timerPeriod = from.timerPeriod();
        path = from.path();
        serverName = from.serverName();
        runtimeDir = from.runtimeDir();
        driver = from.driver();
        input = from.input();
        output = from.output();
        other = from.other();
        info = from.info();
    }

    /** @see Audio#id() */
    public AudioBuilder id(Integer value) {
        this.id = value;
        return this;
    }

    /** @see Audio#type() */
    public AudioBuilder type(String value) {
        this.type = value;
        return this;
    }

    /** @see Audio#timerPeriod() */
    public AudioBuilder timerPeriod(Integer value) {
        this.timerPeriod = value;
        return this;
    }

    /** @see Audio#path() */
    public AudioBuilder path(String value) {
        this.path = value;
        return this;
    }

    /** @see Audio#serverName() */
    public AudioBuilder serverName(String value) {
        this.serverName = value;
        return this;
    }

    /** @see Audio#runtimeDir() */
    public AudioBuilder runtimeDir(String value) {
        this.runtimeDir = value;
        return this;
    }

    /** @see Audio#driver() */
    public AudioBuilder driver(String value) {
        this.driver = value;
        return this;
    }

    /** @see Audio#input() */
    public AudioBuilder input(AudioIo value) {
        this.input = value;
        return this;
    }

    /** @see Audio#output() */
    public AudioBuilder output(AudioIo value) {
        this.output = value;
        return this;
    }

    /** @see Audio#other() */
    public AudioBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    /** @see Audio#info() */
    public AudioBuilder info(DeviceInfo value) {
        this.info = value;
        return this;
    }

    public Audio build() {
        return new Audio(this);
    }
}
