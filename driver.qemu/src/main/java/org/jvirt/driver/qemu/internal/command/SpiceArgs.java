package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.xml.Graphics;

/** The {@code -spice} value of a SPICE display (qemuBuildGraphicsSPICECommandLine, spice_tls enabled as in libvirt's test setup). */
final class SpiceArgs {
    private final QemuMachine m;
    private final CommandEnv env;

    SpiceArgs(QemuMachine m, CommandEnv env) {
        this.m = m;
        this.env = env;
    }

    String spice(Graphics g) {
        StringBuilder s = new StringBuilder();
        Graphics.Listen listen = g.listens().isEmpty() ? null : g.listens().get(0);
        String ltype = listen == null ? "address" : listen.type();
        // ports only count when the display is reached by address; -1: none
        boolean byAddress = ltype.equals("address") || ltype.equals("network");
        int port = byAddress && g.port() != 0 ? g.port() : -1;
        int tlsPort = byAddress && g.tlsPort() != null ? g.tlsPort() : -1;
        if (byAddress && g.autoport() && port < 0) {
            port = env.host().spicePort();
        }
        if (ltype.equals("none")) {
            s.append("port=0");
        } else if (ltype.equals("socket")) {
            String path = listen.socket();
            if (path == null) {
                path = env.domainDir(m.def().id(), m.def().name()) + "/spice.sock";
            }
            s.append("unix=on,addr=").append(Argv.commas(path));
        } else {
            if (port > 0) {
                s.append("port=").append(port);
            }
            if (tlsPort > 0) {
                s.append(s.length() > 0 ? "," : "").append("tls-port=").append(tlsPort);
            }
            String addr = listen == null ? null : listen.address();
            if (addr == null && (port > 0 || tlsPort > 0)) {
                addr = "127.0.0.1";
            }
            if (addr != null) {
                s.append(",addr=").append(addr);
            }
        }
        if (g.mouseMode() != null) {
            s.append(",agent-mouse=").append("client".equals(g.mouseMode()) ? "on" : "off");
        }
        if (tlsPort > 0) {
            s.append(",x509-dir=/etc/pki/libvirt-spice");
        }
        channel(s, "default", g.defaultMode());
        for (Graphics.Channel ch : g.channels()) {
            channel(s, ch.name(), ch.mode());
        }
        option(s, "image-compression", g.imageCompression());
        option(s, "jpeg-wan-compression", g.jpegCompression());
        option(s, "zlib-glz-wan-compression", g.zlibCompression());
        option(s, "playback-compression", g.playbackCompression());
        option(s, "streaming-video", g.streamingMode());
        if ("no".equals(g.clipboardCopypaste())) {
            s.append(",disable-copy-paste=on");
        }
        if ("no".equals(g.filetransferEnable())) {
            s.append(",disable-agent-file-xfer=on");
        }
        if (g.gl() != null && "yes".equals(g.gl().enable())) {
            String node = g.gl().rendernode() == null ? env.host().drmRenderNode() : g.gl().rendernode();
            s.append(",gl=on,rendernode=").append(Argv.commas(node));
        }
        s.append(",seamless-migration=on");
        return s.charAt(0) == ',' ? s.substring(1) : s.toString();
    }

    /** {@code tls-channel}/{@code plaintext-channel} of a channel (or the default) with a mode. */
    private static void channel(StringBuilder s, String name, String mode) {
        if ("secure".equals(mode)) {
            s.append(",tls-channel=").append(name);
        } else if ("insecure".equals(mode)) {
            s.append(",plaintext-channel=").append(name);
        }
    }

    private static void option(StringBuilder s, String option, String value) {
        if (value != null) {
            s.append(',').append(option).append('=').append(value);
        }
    }
}
