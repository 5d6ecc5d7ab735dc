package org.jvirt.shell.internal;

import static org.jvirt.shell.internal.CommandSpec.Option.flag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.AccessDeniedException;

import org.apache.felix.service.command.Descriptor;
import org.jvirt.api.ConnectionFactory;
import org.jvirt.api.DefineFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.VirtException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code virt:define FILE} and {@code virt:undefine DOMAIN}, with virsh's messages. */
@Component(service = DefinitionCommands.class, property = {Scope.PROPERTY,
        "osgi.command.function=define", "osgi.command.function=undefine"})
public final class DefinitionCommands {

    static final CommandSpec DEFINE = CommandSpec.of("define", CommandSpec.Option.data("file"),
            flag("validate"));
    static final CommandSpec UNDEFINE = CommandSpec.onDomain("undefine");

    /** virsh's {@code VSH_MAX_XML_FILE}: larger files are refused before they are read. */
    static final int MAX_XML_FILE = 10 * 1024 * 1024;

    private final CommandRunner runner;

    @Activate
    public DefinitionCommands(@Reference ConnectionFactory factory) {
        this.runner = new CommandRunner(factory);
    }

    @Descriptor("define (but don't start) a domain from an XML file: [-c URI] <file> [--validate]")
    public void define(String... args) {
        runner.run(DEFINE, args, DefinitionCommands::define, System.out, System.err);
    }

    @Descriptor("undefine a domain: [-c URI] <domain>")
    public void undefine(String... args) {
        runner.run(UNDEFINE, args, call -> LifecycleCommands.act(call, "undefine", "has been undefined",
                d -> d.undefine(0)), System.out, System.err);
    }

    static void define(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String file = call.args().required("file");
        String xml = read(file);
        int flags = call.args().flag("validate") ? DefineFlag.VALIDATE.bit() : 0;
        Domain d;
        try {
            d = call.connection().defineXml(xml, flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to define domain from " + file, e);
        }
        call.print("Domain '" + d.name() + "' defined from " + file + "\n");
    }

    /** Reads the file with virsh's size bound and libvirt's messages for failures. */
    static String read(String file) throws CommandFailure {
        Path path = Path.of(file);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] data = in.readNBytes(MAX_XML_FILE + 1);
            if (data.length > MAX_XML_FILE) {
                throw new CommandFailure("File '" + file + "' is too large", null);
            }
            return new String(data, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure("Failed to open file '" + file + "': No such file or directory", null);
        } catch (AccessDeniedException e) {
            throw new CommandFailure("Failed to open file '" + file + "': Permission denied", null);
        } catch (IOException e) {
            throw new CommandFailure("Failed to read file '" + file + "': " + e.getMessage(), null);
        }
    }
}
