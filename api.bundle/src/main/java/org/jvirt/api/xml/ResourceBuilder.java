package org.jvirt.api.xml;

/** Collects the values of a {@link Resource}: from {@link Resource#builder()} or {@link Resource#toBuilder()}; not thread-safe. */
public final class ResourceBuilder {
    String partition;
    Preserved other;

    ResourceBuilder() {
    }

    ResourceBuilder(Resource from) {
        partition = from.partition();
        other = from.other();
    }

    /** @see Resource#partition() */
    public ResourceBuilder partition(String value) {
        this.partition = value;
        return this;
    }

    /** @see Resource#other() */
    public ResourceBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public Resource build() {
        return new Resource(this);
    }
}
