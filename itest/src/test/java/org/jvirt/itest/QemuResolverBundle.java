package org.jvirt.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds, in memory, a bundle holding {@code org.jvirt.itest.resolver.RejectingResolver} as a DS component that provides
 * {@code VcpuThreadResolver} with {@code service.ranking} 10: what a third party would ship to
 * replace the QEMU driver's vCPU thread policy.
 */
final class QemuResolverBundle {
    static final String BSN = "org.jvirt.itest.resolver";
    private static final String RESOLVER_CLASS = "org.jvirt.itest.resolver.RejectingResolver";

    private QemuResolverBundle() {
    }

    static InputStream build() throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", BSN);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "org.jvirt.driver.qemu.spi;version=\"[1.0,2)\"");
        a.putValue("Service-Component", "OSGI-INF/resolver.xml");
        // by name, not by class literal: loading the class would wire this probe to driver.qemu's
        // SPI package, and the update test's refresh of driver.qemu would then refresh the probe
        String className = RESOLVER_CLASS.replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf);
             InputStream cls = QemuResolverBundle.class.getClassLoader().getResourceAsStream(className)) {
            if (cls == null) {
                throw new IOException("class file " + className + " not found");
            }
            jar.putNextEntry(new JarEntry(className));
            cls.transferTo(jar);
            jar.closeEntry();
            jar.putNextEntry(new JarEntry("OSGI-INF/resolver.xml"));
            jar.write(("<?xml version='1.0' encoding='UTF-8'?>\n"
                    + "<scr:component xmlns:scr='http://www.osgi.org/xmlns/scr/v1.3.0' name='itest.rejecting.resolver'>\n"
                    + "  <implementation class='" + RESOLVER_CLASS + "'/>\n"
                    + "  <service><provide interface='org.jvirt.driver.qemu.spi.VcpuThreadResolver'/></service>\n"
                    + "  <property name='service.ranking' type='Integer' value='10'/>\n"
                    + "</scr:component>\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
