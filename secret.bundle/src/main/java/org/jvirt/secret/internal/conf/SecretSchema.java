package org.jvirt.secret.internal.conf;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.thaiopensource.datatype.xsd.DatatypeLibraryFactoryImpl;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.prop.rng.RngProperty;
import com.thaiopensource.validate.rng.SAXSchemaReader;

/**
 * {@code VIR_SECRET_DEFINE_VALIDATE}: the secret XML validated against libvirt's {@code secret.rng}
 * (RELAX NG, with Jing) in the host's libvirt schema folder, as libvirt's
 * {@code virXMLValidateAgainstSchema} does before the XML is read. A document that is not
 * well-formed is left to the parser, which reports it as libvirt's XML error; an invalid one is
 * {@code XML_INVALID_SCHEMA} "Unable to validate doc against .../secret.rng" followed by the
 * validator's messages (Jing's wording, not libxml2's). Thread-safe: each call loads its own validator.
 */
public final class SecretSchema {
    /** libvirt's schema file for secrets. */
    public static final String FILE_NAME = "secret.rng";

    private final Path schema;

    /** @param schemaDir libvirt's schema folder ({@code /usr/share/libvirt/schemas} on a host with libvirt) */
    public SecretSchema(Path schemaDir) {
        this.schema = schemaDir.resolve(FILE_NAME);
    }

    /** Throws libvirt's schema error when {@code xml} is well-formed but not a valid secret. */
    public void validate(String xml) throws VirtException {
        Errors errors = new Errors();
        ValidationDriver driver = driver(errors);
        try {
            if (driver.validate(new InputSource(new StringReader(xml))) || errors.malformed) {
                return;
            }
        } catch (IOException | SAXException e) {
            if (errors.malformed) {
                return;
            }
            errors.messages.add(e.getMessage());
        }
        throw new VirtException(ErrorCode.XML_INVALID_SCHEMA, ErrorDomain.SECRET,
                "Unable to validate doc against " + schema + "\n" + String.join("\n", errors.messages));
    }

    private ValidationDriver driver(Errors errors) throws VirtException {
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, errors);
        // named here, not found through service files (which an OSGi bundle's class loader hides)
        props.put(RngProperty.DATATYPE_LIBRARY_FACTORY, new DatatypeLibraryFactoryImpl());
        ValidationDriver driver = new ValidationDriver(props.toPropertyMap(), SAXSchemaReader.getInstance());
        try {
            if (Files.isReadable(schema) && driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile()))) {
                errors.messages.clear();
                errors.malformed = false;
                return driver;
            }
        } catch (IOException | SAXException e) {
            errors.messages.add(e.getMessage());
        }
        // libvirt's virXMLValidatorInit when the schema cannot be read
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.SECRET,
                "Unable to create RNG parser for " + schema
                        + (errors.messages.isEmpty() ? "" : ": " + errors.messages));
    }

    /** Collects the validator's messages; a fatal error means the document is not well-formed. */
    private static final class Errors implements ErrorHandler {
        final List<String> messages = new ArrayList<>();
        boolean malformed;

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) {
            messages.add(e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            malformed = true;
            messages.add(e.getMessage());
        }
    }
}
