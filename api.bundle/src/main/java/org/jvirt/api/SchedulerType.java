package org.jvirt.api;

/**
 * A domain's scheduler: what {@code virDomainGetSchedulerType} answers.
 *
 * @param type    the scheduler's name ({@code posix} for QEMU)
 * @param nparams how many scheduler parameters the domain has
 */
public record SchedulerType(String type, int nparams) {
}
