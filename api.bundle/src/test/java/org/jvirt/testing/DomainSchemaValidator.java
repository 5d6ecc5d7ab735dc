package org.jvirt.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;

/**
 * Validates domain XML against libvirt's {@code schemas/domain.rng} from the conformance data
 * folder (system property {@code jvirt.testdata}) with Jing. Reusable from other modules through
 * api.bundle's test-jar. Not thread-safe: one instance per test class.
 */
public final class DomainSchemaValidator {
    /** The system property naming the libvirt test data folder. */
    public static final String TESTDATA_PROPERTY = LibvirtTestData.PROPERTY;

    private final ValidationDriver driver;
    private final List<String> errors = new ArrayList<>();

    private DomainSchemaValidator(Path rng) throws IOException, SAXException {
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        driver = new ValidationDriver(props.toPropertyMap());
        if (!driver.loadSchema(ValidationDriver.fileInputSource(rng.toFile()))) {
            throw new IllegalStateException("cannot load schema " + rng + ": " + errors);
        }
    }

    /**
     * The libvirt test data folder with its schemas, or null when absent on a developer machine
     * (missing data fails when required: see {@link LibvirtTestData}).
     */
    public static Path testdata() {
        Path schemas = LibvirtTestData.find("schemas");
        return schemas == null ? null : schemas.getParent();
    }

    /**
     * A validator for {@code domain.rng}, or null when the test data is absent on a developer
     * machine (fails when the data is required, see {@link LibvirtTestData}).
     */
    public static DomainSchemaValidator forDomains() {
        return forSchema("domain.rng");
    }

    /** A validator for one of the schemas' entry points ({@code domain.rng}, {@code capability.rng}, ...). */
    public static DomainSchemaValidator forSchema(String rngName) {
        Path schemas = LibvirtTestData.find("schemas");
        if (schemas == null) {
            return null;
        }
        Path rng = schemas.resolve(rngName);
        if (!Files.isRegularFile(rng)) {
            throw new IllegalArgumentException("no schema " + rng);
        }
        try {
            return new DomainSchemaValidator(rng);
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load schema " + rng, e);
        }
    }

    /** The validation errors of {@code xml} (empty when valid). */
    public List<String> validate(String xml) {
        errors.clear();
        try {
            if (!driver.validate(new InputSource(new StringReader(xml))) && errors.isEmpty()) {
                errors.add("invalid");
            }
        } catch (IOException | SAXException e) {
            errors.add(e.toString());
        }
        return List.copyOf(errors);
    }

    /** Fails the test when {@code xml} does not validate; {@code what} names it in the message. */
    public void assertValid(String what, String xml) {
        List<String> errs = validate(xml);
        if (!errs.isEmpty()) {
            fail(what + " does not validate against the schema: " + errs + "\n" + xml);
        }
    }
}
