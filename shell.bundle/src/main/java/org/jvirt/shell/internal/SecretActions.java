package org.jvirt.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jvirt.api.Connection;
import org.jvirt.api.DefineFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretListFlag;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.VirtException;

/** What virsh's {@code virsh-secret.c} commands do, with its messages. */
final class SecretActions {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private SecretActions() {
    }

    static void define(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String file = call.args().required("file");
        String xml = DefinitionCommands.read(file);
        int flags = call.args().flag("validate") ? DefineFlag.VALIDATE.bit() : 0;
        Secret s;
        try {
            s = call.connection().defineSecret(xml, flags);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to set attributes from " + file, e);
        }
        call.print("Secret " + s.uuid() + " created\n");
    }

    static void undefine(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        Secret s = secret(call);
        try {
            s.undefine();
        } catch (VirtException e) {
            throw new CommandFailure("Failed to delete secret " + s.uuid(), e);
        }
        call.print("Secret " + s.uuid() + " deleted\n");
    }

    static void dumpxml(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        call.print(secret(call).xmlDesc(0));
    }

    static void list(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs a = call.args();
        int flags = (a.flag("ephemeral") ? SecretListFlag.EPHEMERAL.bit() : 0)
                | (a.flag("no-ephemeral") ? SecretListFlag.NO_EPHEMERAL.bit() : 0)
                | (a.flag("private") ? SecretListFlag.PRIVATE.bit() : 0)
                | (a.flag("no-private") ? SecretListFlag.NO_PRIVATE.bit() : 0);
        Connection conn = call.connection();
        List<Secret> secrets;
        try {
            secrets = conn.listAllSecrets(flags);
        } catch (VirtException e) {
            if (e.code() != ErrorCode.NO_SUPPORT) {
                throw new CommandFailure("Failed to list secrets", e);
            }
            // virsh falls back to the old calls, which a driver without secrets fails the same way
            try {
                conn.numOfSecrets();
            } catch (VirtException old) {
                throw new CommandFailure("Failed to count secrets", old);
            }
            throw new CommandFailure("Failed to list secrets", e);
        }
        VshTable table = new VshTable("UUID", "Usage");
        for (Secret s : secrets.stream().sorted(Comparator.comparing(x -> x.uuid().toString())).toList()) {
            table.row(s.uuid().toString(), s.usageType() == SecretUsageType.NONE ? "Unused"
                    : s.usageType().xmlName() + " " + s.usageId());
        }
        call.print(table.render());
    }

    static void setValue(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        ParsedArgs a = call.args();
        String base64 = a.value("base64").orElse(null);
        String file = a.value("file").orElse(null);
        if (base64 != null && file != null) {
            throw new CommandFailure("Options --base64 and --file are mutually exclusive", null);
        }
        if (base64 == null && file == null) {
            throw new CommandFailure("Input secret value is missing", null);
        }
        Secret s = secret(call);
        byte[] value;
        if (base64 != null) {
            // virsh warns (as an error line) and goes on
            call.warn("Passing secret value as command-line argument is insecure!");
            value = decode(base64);
        } else {
            byte[] content = readValue(file);
            value = a.flag("plain") ? content : decode(new String(content, StandardCharsets.US_ASCII).strip());
        }
        try {
            s.setValue(value, 0);
        } catch (VirtException e) {
            throw new CommandFailure("Failed to set secret value", e);
        }
        call.print("Secret value set\n");
    }

    static void getValue(Invocation call) throws CommandFailure, Invocation.ConnectFailure, VirtException {
        byte[] value = secret(call).value(0);
        call.print(call.args().flag("plain") ? new String(value, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(value));
    }

    /** virsh's {@code virshCommandOptSecret}: by UUID only; libvirt's error follows virsh's line. */
    private static Secret secret(Invocation call) throws CommandFailure, Invocation.ConnectFailure {
        String text = call.args().required("secret");
        Connection conn = call.connection();
        try {
            if (!UUID_TEXT.matcher(text).matches()) {
                // virSecretLookupByUUIDString's check, made in the client library
                throw new VirtException(ErrorCode.INVALID_ARG.number(), ErrorDomain.SECRET.number(),
                        "uuidstr in virSecretLookupByUUIDString must be a valid UUID");
            }
            return conn.lookupSecretByUuid(UUID.fromString(text));
        } catch (VirtException e) {
            throw new CommandFailure("failed to get secret '" + text + "'", e);
        }
    }

    private static byte[] decode(String base64) throws CommandFailure {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure("Invalid base64 data", null);
        }
    }

    private static byte[] readValue(String file) throws CommandFailure {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new CommandFailure("Failed to read " + file, null);
        }
    }
}
