package org.jvirt.api.xml;

/**
 * A {@code <filesystem>} (shared host directory).
 *
 * @param type       {@code mount}, {@code block}, {@code file}, {@code template}, {@code ram}, {@code bind}
 * @param accessMode {@code passthrough}, {@code mapped}, {@code squash}, or null
 * @param source     {@code <source>} as written, or null
 * @param target     {@code <target>} as written, or null
 * @param other      further attributes and children (driver, readonly, address ...)
 */
public record Filesystem(String type, String accessMode, XmlElement source, XmlElement target, Preserved other)
        implements Device {
    public Filesystem {
        other = other == null ? Preserved.NONE : other;
    }

    @Override
    public String elementName() {
        return "filesystem";
    }

    /** The target mount tag or directory, or null. */
    public String targetDir() {
        return target == null ? null : target.attribute("dir");
    }
}
