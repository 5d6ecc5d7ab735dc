package org.jvirt.storage.internal.conf;

import org.jvirt.api.StoragePoolListFlag;

/** The pool types jvirt implements, with libvirt's names and list flags. */
public enum PoolType {
    DIR("dir", StoragePoolListFlag.DIR),
    FS("fs", StoragePoolListFlag.FS);

    private final String xmlName;
    private final StoragePoolListFlag listFlag;

    PoolType(String xmlName, StoragePoolListFlag listFlag) {
        this.xmlName = xmlName;
        this.listFlag = listFlag;
    }

    public String xmlName() {
        return xmlName;
    }

    public StoragePoolListFlag listFlag() {
        return listFlag;
    }

    /** The type named {@code name}, null for none jvirt implements. */
    public static PoolType of(String name) {
        for (PoolType t : values()) {
            if (t.xmlName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
