package org.jvirt.driver.hyperv.internal;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectUri;
import org.jvirt.api.CredentialRequest;
import org.jvirt.api.CredentialType;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DriverConnection;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.hyperv.internal.sim.WsmanSimulator;
import org.jvirt.xml.internal.DomainXmlCodecImpl;

/** Opening the driver on a simulator, outside OSGi. */
final class HypervTestSupport {
    /** The core's codec, as Declarative Services gives it to the driver. */
    static final DomainXmlCodec CODEC = new DomainXmlCodecImpl();

    private HypervTestSupport() {
    }

    static HypervConfig config(int jobTimeoutSeconds, int maxResponseBytes) {
        return config(jobTimeoutSeconds, maxResponseBytes, 10);
    }

    static HypervConfig config(int jobTimeoutSeconds, int maxResponseBytes, int timeoutSeconds) {
        return config(jobTimeoutSeconds, maxResponseBytes, timeoutSeconds, 1000);
    }

    static HypervConfig config(int jobTimeoutSeconds, int maxResponseBytes, int timeoutSeconds, int maxItems) {
        return config(jobTimeoutSeconds, maxResponseBytes, timeoutSeconds, maxItems, "");
    }

    static HypervConfig config(int jobTimeoutSeconds, int maxResponseBytes, int timeoutSeconds, int maxItems,
                               String credentialsFile) {
        return new HypervConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HypervConfig.class;
            }

            @Override
            public String credentials_file() {
                return credentialsFile;
            }

            @Override
            public int timeout_seconds() {
                return timeoutSeconds;
            }

            @Override
            public int job_timeout_seconds() {
                return jobTimeoutSeconds;
            }

            @Override
            public int max_response_bytes() {
                return maxResponseBytes;
            }

            @Override
            public int max_items() {
                return maxItems;
            }
        };
    }

    static HypervDriver driver() {
        return new HypervDriver(config(30, 1 << 20), CODEC);
    }

    static ConnectUri uri(WsmanSimulator sim, String user) throws VirtException {
        return ConnectUri.parse("hyperv://" + (user == null ? "" : user + "@") + "127.0.0.1:" + sim.port()
                + "/?transport=http");
    }

    /** A callback that answers the user name (when asked) and {@code password}, and records the prompts. */
    static final class Auth implements ConnectAuth {
        final List<CredentialRequest> asked = new ArrayList<>();
        private final String password;

        Auth(String password) {
            this.password = password;
        }

        @Override
        public List<CredentialType> types() {
            return List.of(CredentialType.USERNAME, CredentialType.PASSPHRASE);
        }

        @Override
        public List<String> answer(List<CredentialRequest> requests) {
            List<String> out = new ArrayList<>();
            for (CredentialRequest r : requests) {
                asked.add(r);
                out.add(r.type() == CredentialType.USERNAME ? WsmanSimulator.USER : password);
            }
            return out;
        }
    }

    static DriverConnection open(HypervDriver driver, WsmanSimulator sim) throws VirtException {
        return driver.open(uri(sim, WsmanSimulator.USER), new Auth(WsmanSimulator.PASSWORD), 0).orElseThrow();
    }
}
