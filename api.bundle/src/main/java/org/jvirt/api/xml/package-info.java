/**
 * libvirt's domain XML as an immutable Java model, with one parse/format entry point,
 * {@link org.jvirt.api.xml.DomainXmlCodec}, registered as a service by the core (org.jvirt.core).
 *
 * <h2>Shape</h2>
 * {@link org.jvirt.api.xml.DomainDef} is the root; {@link org.jvirt.api.xml.Devices} holds every
 * {@link org.jvirt.api.xml.Device} in order. Types that grow with libvirt (the definition, every
 * device, {@code Os}, {@code Cpu}, {@code CpuTune}, {@code Clock}, {@code Features}, disk and
 * controller parts, {@link org.jvirt.api.xml.DeviceInfo}, {@link org.jvirt.api.xml.Address}) are
 * final classes with a private constructor, so new fields can be added without breaking callers;
 * values that are complete by definition ({@code XmlAttribute}, {@code Memory}, {@code Vcpu},
 * {@code VcpuPin}, {@code SourceHost}, small nested records) stay records.
 *
 * <h2>Reading</h2>
 * Accessors are named after the XML ({@code disk.driver().queues()}, {@code disk.source().file()},
 * {@code controller.target().chassis()}). Numbers are parsed once, by the codec, with libvirt's
 * error messages; a number that was not written is null. Every device has its
 * {@link org.jvirt.api.xml.DeviceInfo}: alias, typed address ({@code info().address().slot()}),
 * boot order, ACPI index and ROM settings. Open-ended enumerations are strings as libvirt writes
 * them.
 *
 * <h2>Completing</h2>
 * Post-parse steps (defaults, address assignment) return new definitions: {@code toBuilder()} on
 * any class, or a {@code with...} copy ({@code disk.withInfo(disk.info().withAddress(a))},
 * {@code def.withDevices(def.devices().withAll(list))}); build new objects with
 * {@code builder()}. Objects are immutable and safe to share between threads.
 *
 * <h2>What is not typed</h2>
 * Whatever a class does not name is kept verbatim in its {@link org.jvirt.api.xml.Preserved}
 * {@code other()} (attributes and child elements as {@link org.jvirt.api.xml.XmlElement}s), and
 * devices without a class of their own are {@link org.jvirt.api.xml.GenericDevice}s (their device
 * information is typed all the same). The codec writes preserved content back in libvirt's order,
 * so nothing is ever dropped. Driver capabilities that decide parse-time defaults come in as
 * {@link org.jvirt.api.xml.GuestDefaults}.
 */
@Export
@Version("1.3.0")
package org.jvirt.api.xml;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
