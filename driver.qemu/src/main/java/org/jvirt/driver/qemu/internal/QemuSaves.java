package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.XmlFlag;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainSaveDriver;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.save.SaveImageFile;
import org.jvirt.driver.qemu.internal.save.SaveImageHeader;

/**
 * virsh save / restore / save-image-dumpxml / save-image-define on QEMU: libvirt 9.0's
 * qemuDomainSaveFlags, qemuDomainRestoreFlags, qemuDomainSaveImageGetXMLDesc and
 * qemuDomainSaveImageDefineXML over the image format of managed save ({@link SaveToFile},
 * {@link SaveImageFile}). A changed definition ({@code --xml}, save-image-define) needs libvirt's
 * guest ABI stability check, which jvirt does not have: only a definition equal to the image's
 * (after parsing) is accepted, anything else is refused with OPERATION_UNSUPPORTED saying so.
 */
final class QemuSaves implements DomainSaveDriver {
    private static final int SAVE_FLAGS = ManagedSave.SAVE_BYPASS_CACHE | ManagedSave.SAVE_RUNNING
            | ManagedSave.SAVE_PAUSED;
    private static final int IMAGE_XML = DomainXmlCodec.FORMAT_SECURE | DomainXmlCodec.FORMAT_INACTIVE;

    private final QemuHost host;
    private final HostContext ctx;
    private final DomainLookup lookup;
    private final Definitions definitions;
    private final SaveToFile saver;
    private final ManagedSave restorer;

    QemuSaves(QemuHost host, DomainLookup lookup, Definitions definitions) {
        this.host = host;
        this.definitions = definitions;
        this.ctx = host.context();
        this.lookup = lookup;
        this.saver = new SaveToFile(host);
        this.restorer = new ManagedSave(host);
    }

    @Override
    public void saveFlags(DomainRef ref, String to, String dxml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, SAVE_FLAGS, "qemuDomainSaveFlags");
        QemuDomainObj dom = lookup.find(ref);
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            String xml = ctx.codec().format(dom.liveDef(), IMAGE_XML);
            requireUnchanged(xml, dxml);
            saver.save(dom, Path.of(to), xml, flags, false);
        }
    }

    /**
     * A new guest from the image, as a created one ({@code virDomainObjListAdd} with CHECK_LIVE: a
     * domain of that UUID must not be active), its state loaded from the image; it runs if it ran
     * when saved, unless RUNNING or PAUSED say otherwise.
     */
    @Override
    public void restoreFlags(String from, String dxml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, SAVE_FLAGS, "qemuDomainRestoreFlags");
        Path path = Path.of(from);
        try (SaveImageFile.Opened img = open(path)) {
            requireUnchanged(ctx.codec().format(parse(img), IMAGE_XML), dxml);
            DomainDef def = parse(img);
            boolean startPaused = (flags & ManagedSave.SAVE_PAUSED) != 0;
            boolean paused = startPaused || ((flags & ManagedSave.SAVE_RUNNING) == 0 && !img.header().wasRunning());
            definitions.startNew(def, dom -> restorer.restore(dom, img, paused, startPaused));
        } catch (IOException e) {
            throw QemuErrors.system("cannot close save image '" + path + "': " + e.getMessage());
        }
    }

    @Override
    public String saveImageXmlDesc(String file, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, XmlFlag.SECURE.bit(), "qemuDomainSaveImageGetXMLDesc");
        try (SaveImageFile.Opened img = open(Path.of(file))) {
            int secure = (flags & XmlFlag.SECURE.bit()) != 0 ? DomainXmlCodec.FORMAT_SECURE : 0;
            return ctx.codec().format(parse(img), secure | DomainXmlCodec.FORMAT_INACTIVE);
        } catch (IOException e) {
            throw QemuErrors.system("cannot close save image '" + file + "': " + e.getMessage());
        }
    }

    /** Only the image's own definition, unchanged, and no change of its running state are accepted (see above). */
    @Override
    public void saveImageDefineXml(String file, String dxml, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, ManagedSave.SAVE_RUNNING | ManagedSave.SAVE_PAUSED, "qemuDomainSaveImageDefineXML");
        try (SaveImageFile.Opened img = open(Path.of(file))) {
            requireUnchanged(ctx.codec().format(parse(img), IMAGE_XML), dxml);
            boolean wasRunning = img.header().wasRunning();
            if (((flags & ManagedSave.SAVE_RUNNING) != 0 && !wasRunning)
                    || ((flags & ManagedSave.SAVE_PAUSED) != 0 && wasRunning)) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "changing whether a save image starts running or paused is not supported by jvirt");
            }
        } catch (IOException e) {
            throw QemuErrors.system("cannot close save image '" + file + "': " + e.getMessage());
        }
    }

    private DomainDef parse(SaveImageFile.Opened img) throws VirtException {
        return ctx.codec().parse(img.xml(), DomainXmlCodec.PARSE_INACTIVE);
    }

    /** qemuSaveImageOpen without unlink_corrupt: an incomplete image is an error here, not ignored. */
    private static SaveImageFile.Opened open(Path path) throws VirtException {
        Optional<SaveImageFile.Opened> img = SaveImageFile.open(path);
        if (img.isPresent()) {
            return img.get();
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = 0;
        }
        throw QemuErrors.failed(size < SaveImageHeader.SIZE ? "failed to read qemu header" : "save image is incomplete");
    }

    /** {@code dxml}, if given, must describe the image's definition unchanged (formatted alike). */
    private void requireUnchanged(String imageXml, String dxml) throws VirtException {
        if (dxml == null) {
            return;
        }
        DomainDef wanted = ctx.codec().parse(dxml, DomainXmlCodec.PARSE_INACTIVE);
        if (!ctx.codec().format(wanted, IMAGE_XML).equals(imageXml)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "changing the definition of a save image is not supported by jvirt (it lacks libvirt's "
                            + "guest ABI stability check); only the image's own definition is accepted");
        }
    }
}
