package org.jvirt.driver.qemu.internal.command;

/**
 * The descriptor sets of one command line: {@code -add-fd set=N,fd=F,opaque=O}, numbered from 0 in
 * the order they are added, each placed right before the option that uses it (libvirt's qemuFDPass).
 */
public final class FdSets {
    private final Argv argv;
    private int next;

    FdSets(Argv argv) {
        this.argv = argv;
    }

    /** Adds a set holding {@code fd} and returns the path QEMU opens it by ({@code /dev/fdset/N}). */
    public String add(int fd, String opaque) {
        int set = next++;
        argv.add("-add-fd", "set=" + set + ",fd=" + fd + ",opaque=" + opaque);
        return "/dev/fdset/" + set;
    }
}
