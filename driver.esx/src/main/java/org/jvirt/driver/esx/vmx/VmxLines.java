package org.jvirt.driver.esx.vmx;

/** The VMX text being written: {@code name = "value"} lines in the order vmx.c writes them. */
final class VmxLines {
    private final StringBuilder text = new StringBuilder();

    VmxLines put(String name, Object value) {
        text.append(name).append(" = \"").append(value).append("\"\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
