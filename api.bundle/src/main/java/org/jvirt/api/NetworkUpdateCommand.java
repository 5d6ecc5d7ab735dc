package org.jvirt.api;

/** libvirt's {@code virNetworkUpdateCommand}, by its wire number. */
public enum NetworkUpdateCommand {
    NONE(0), MODIFY(1), DELETE(2), ADD_LAST(3), ADD_FIRST(4);

    private final int number;

    NetworkUpdateCommand(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The command with libvirt's number, null for a number libvirt does not know. */
    public static NetworkUpdateCommand ofNumber(int number) {
        for (NetworkUpdateCommand c : values()) {
            if (c.number == number) {
                return c;
            }
        }
        return null;
    }
}
