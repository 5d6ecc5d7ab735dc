package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link Features}: from {@link Features#builder()} or {@link Features#toBuilder()}; not thread-safe. */
public final class FeaturesBuilder {
    List<XmlElement> entries;
    Features.Capabilities capabilities;

    FeaturesBuilder() {
    }

    FeaturesBuilder(Features from) {
        entries = from.entries();
        capabilities = from.capabilities();
    }

    /** @see Features#entries() */
    public FeaturesBuilder entries(List<XmlElement> value) {
        this.entries = value;
        return this;
    }

    /** @see Features#capabilities() */
    public FeaturesBuilder capabilities(Features.Capabilities value) {
        this.capabilities = value;
        return this;
    }

    public Features build() {
        return new Features(this);
    }
}
