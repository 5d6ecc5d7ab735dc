package org.jvirt.api;

/**
 * How a command run inside a container's namespaces ended ({@link Domain#lxcEnterNamespace}).
 *
 * @param exitStatus the command's exit status (128 + N when signal N ended it)
 * @param output     what it wrote to its standard output
 * @param errors     what it wrote to its standard error
 */
public record NamespaceCommandResult(int exitStatus, String output, String errors) {
}
