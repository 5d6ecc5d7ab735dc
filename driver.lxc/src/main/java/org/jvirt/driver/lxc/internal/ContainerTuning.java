package org.jvirt.driver.lxc.internal;

/** The tuning calls of a connection, each concern in its class, sharing one {@link TuneContext}. */
final class ContainerTuning {
    final ContainerMemory memory;
    final ContainerScheduler scheduler;
    final ContainerBlkio blkio;

    ContainerTuning(TuneContext ctx) {
        this.memory = new ContainerMemory(ctx);
        this.scheduler = new ContainerScheduler(ctx);
        this.blkio = new ContainerBlkio(ctx);
    }
}
