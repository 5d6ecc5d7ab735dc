package org.jvirt.driver.esx.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jvirt.api.ConnectUri;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** Opening the driver outside OSGi against a simulator, with a credentials file for it. */
final class EsxTestSupport {
    /** The core's codec, as Declarative Services gives it to the driver. */
    static final DomainXmlCodec CODEC = new DomainXmlCodecImpl();

    private EsxTestSupport() {
    }

    /** A credentials file in libvirt's auth.conf format for any ESX host (the simulator's user). */
    static Path credentialsFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("auth.conf"), "[credentials-vcsim]\nusername=" + Vcsim.USER
                + "\npassword=" + Vcsim.PASSWORD + "\n\n[auth-esx-default]\ncredentials=vcsim\n");
    }

    static EsxConfig config(Path credentials) {
        return new EsxConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EsxConfig.class;
            }

            @Override
            public String credentials_file() {
                return credentials == null ? "" : credentials.toString();
            }

            @Override
            public int timeout_seconds() {
                return 30;
            }

            @Override
            public int max_response_bytes() {
                return 64 << 20;
            }
        };
    }

    static DriverConnection open(Path credentials, String uri) throws VirtException {
        return new EsxDriver(config(credentials), CODEC).open(ConnectUri.parse(uri), 0).orElseThrow();
    }

    /** {@code esx://127.0.0.1:PORT/?no_verify=1&transport=http} and the like. */
    static String uri(String scheme, Vcsim sim, String path, String params) {
        return scheme + "://" + sim.hostPort() + path + "?" + params;
    }
}
