package org.jvirt.rpc.internal.differential;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.rpc.internal.differential.XdrSpec.Decl;

/**
 * libvirt's remote_protocol.x as other tests need it: the procedure numbers and the declared types
 * of a procedure's arguments ({@code int}, {@code remote_nonnull_domain}, {@code opaque<2048>}).
 */
public final class ProtocolArgs {
    private final XdrSpec spec;

    private ProtocolArgs(XdrSpec spec) {
        this.spec = spec;
    }

    /** Reads {@code virnetprotocol.x} and {@code remote_protocol.x} from {@code dir}. */
    public static ProtocolArgs read(Path dir) throws IOException {
        return new ProtocolArgs(XdrSpec.read(dir.resolve("virnetprotocol.x"), dir.resolve("remote_protocol.x")));
    }

    /** REMOTE_PROC_* name to number. */
    public Map<String, Long> procedures() {
        return spec.enumValues("remote_procedure");
    }

    /** The field types of {@code struct}, unsigned ints as {@code int}; empty when there is no such struct. */
    public List<String> argTypes(String struct) {
        List<String> types = new ArrayList<>();
        List<Decl> fields = spec.struct(struct);
        if (fields == null) {
            return types;
        }
        for (Decl d : fields) {
            String type = d.type().equals("unsigned int") ? "int" : d.type();
            types.add(switch (d.shape()) {
                case VARIABLE -> type + "<" + d.bound() + ">";
                case FIXED -> type + "[" + d.bound() + "]";
                case OPTIONAL -> type + "*";
                case PLAIN -> type;
            });
        }
        return types;
    }
}
