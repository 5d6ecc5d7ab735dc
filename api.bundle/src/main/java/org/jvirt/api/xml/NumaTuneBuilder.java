package org.jvirt.api.xml;

import java.util.List;

/** Collects the values of a {@link NumaTune}: from {@link NumaTune#builder()} or {@link NumaTune#toBuilder()}; not thread-safe. */
public final class NumaTuneBuilder {
    String memoryMode;
    String memoryPlacement;
    String memoryNodeset;
    List<NumaTune.MemNode> memnodes;
    Preserved other;

    NumaTuneBuilder() {
    }

    NumaTuneBuilder(NumaTune from) {
        memoryMode = from.memoryMode();
        memoryPlacement = from.memoryPlacement();
        memoryNodeset = from.memoryNodeset();
        memnodes = from.memnodes();
        other = from.other();
    }

    /** @see NumaTune#memoryMode() */
    public NumaTuneBuilder memoryMode(String value) {
        this.memoryMode = value;
        return this;
    }

    /** @see NumaTune#memoryPlacement() */
    public NumaTuneBuilder memoryPlacement(String value) {
        this.memoryPlacement = value;
        return this;
    }

    /** @see NumaTune#memoryNodeset() */
    public NumaTuneBuilder memoryNodeset(String value) {
        this.memoryNodeset = value;
        return this;
    }

    /** @see NumaTune#memnodes() */
    public NumaTuneBuilder memnodes(List<NumaTune.MemNode> value) {
        this.memnodes = value;
        return this;
    }

    /** @see NumaTune#other() */
    public NumaTuneBuilder other(Preserved value) {
        this.other = value;
        return this;
    }

    public NumaTune build() {
        return new NumaTune(this);
    }
}
