package org.jvirt.rpc.internal.differential;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.jvirt.rpc.internal.differential.ArgsEncoder.Values;

/**
 * The arguments of a well-formed call, as virsh and python3-libvirt send them against the harness's
 * host (a running domain {@code test}): chosen by the last name of the field's path, with
 * per-case overrides by full path (a feature number, an event ID).
 */
class WellFormed implements Values {
    static final String DOMAIN = "test";
    static final UUID DOMAIN_UUID = UUID.fromString("6695eb01-f6a4-8304-79aa-97f3502e193d");
    /** A new domain for define and create; its length (not a multiple of 4) leaves padding. */
    static final String NEW_DOMAIN_XML = "<domain type='test'><name>wire</name><memory>1024</memory>"
            + "<os><type>hvm</type></os></domain>";

    private final String proc;
    private final String uri;
    private final Map<String, Long> numbers;

    /** @param proc the procedure's name without REMOTE_PROC_, @param numbers overrides by path */
    WellFormed(String proc, String uri, Map<String, Long> numbers) {
        this.proc = proc;
        this.uri = uri;
        this.numbers = numbers;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @Override
    public boolean present(String path) {
        // an open names its URI and an event registration its domain; the other optional strings
        // (the console's device, getMaxVcpus' type) are left out, as virsh leaves them
        return path.equals("name") || path.equals("dom");
    }

    @Override
    public long number(String path) {
        Long v = numbers.get(path);
        if (v != null) {
            return v;
        }
        if (path.endsWith(".value.type")) {
            return memoryParams() ? 4 : 2;   // hard_limit is an unsigned long long, weight an unsigned int
        }
        return switch (leaf(path)) {
            case "ui" -> 500;                // a scheduler or blkio weight
            case "ul" -> 1048576;            // a memory hard limit, KiB
            case "feature" -> 10;
            case "need_results", "need_map", "need_online", "autostart", "id" -> 1;
            case "maxids", "maxnames" -> 16;
            case "maxinfo", "maplen", "ncpumaps" -> 1;
            case "callbackID" -> 1;
            default -> 0;   // flags, nil, eventID (lifecycle), vcpu
        };
    }

    /** Whether the call's typed parameters are memory parameters (else a weight, scheduler or blkio). */
    private boolean memoryParams() {
        return proc.contains("MEMORY_PARAMETERS");
    }

    @Override
    public String string(String path) {
        return switch (leaf(path)) {
            case "name" -> proc.equals("CONNECT_OPEN") ? uri : DOMAIN;
            case "xml", "xml_desc", "domainXml" -> NEW_DOMAIN_XML;
            case "nativeFormat" -> "qemu-argv";
            case "mech" -> "PLAIN";
            case "field" -> memoryParams() ? "hard_limit" : "weight";
            // save, restore and the save image calls: a file beside the harness's host file, never a
            // relative name (the daemons would write it into their working directory, the source tree)
            case "to", "from", "file" -> saveImage();
            default -> "x";
        };
    }

    /**
     * An absolute path in the folder of the host file the URI names, as long modulo 4 as the
     * one-letter default string, so the cases keep the same padding to mutate.
     */
    private String saveImage() {
        String dir = uri.substring("test://".length(), uri.lastIndexOf('/') + 1);
        StringBuilder name = new StringBuilder("wire-save");
        while ((dir + name).getBytes(StandardCharsets.UTF_8).length % 4 != 1) {
            name.append('x');
        }
        return dir + name;
    }

    @Override
    public byte[] opaque(String path) {
        if (leaf(path).equals("uuid")) {
            byte[] b = new byte[16];
            long hi = DOMAIN_UUID.getMostSignificantBits();
            long lo = DOMAIN_UUID.getLeastSignificantBits();
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (hi >>> (56 - 8 * i));
                b[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
            return b;
        }
        return new byte[] {1};   // a cpumap pinning to CPU 0
    }

    @Override
    public int count(String path) {
        return 1;
    }
}
