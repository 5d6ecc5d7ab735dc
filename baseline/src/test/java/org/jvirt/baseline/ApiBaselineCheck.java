package org.jvirt.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.version.Version;

/**
 * Compares a bundle's current API with its reference using bnd's own baselining
 * ({@link Baseline}: package by package, the version bnd's semantic versioning rules require), the
 * same computation that {@code bnd-baseline-maven-plugin} does against a released jar.
 */
final class ApiBaselineCheck {

    /** One exported package: what changed and what bnd requires. */
    record PackageResult(String pkg, Delta delta, Version reference, Version current, Version required,
            boolean problem, String reason) {

        String describe() {
            String line = String.format("%-32s %-9s reference %-7s now %-7s required %s", pkg, delta, reference,
                    current == null ? "-" : current, required == null ? "-" : required);
            return problem ? line + "  <-- " + reason : line;
        }
    }

    private ApiBaselineCheck() {
    }

    static List<PackageResult> compare(ApiReference reference, ApiReference current) throws Exception {
        try (Processor reporter = new Processor()) {
            Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
            List<PackageResult> results = new ArrayList<>();
            for (Info info : baseline.baseline(current.tree(), current.exportParameters(), reference.tree(),
                    reference.exportParameters(), new Instructions())) {
                results.add(result(info));
            }
            if (!reporter.isOk()) {
                throw new IllegalStateException("bnd baseline of " + current.bsn() + " reported errors: " + reporter.getErrors());
            }
            results.sort(Comparator.comparing(PackageResult::pkg));
            return results;
        }
    }

    private static PackageResult result(Info info) {
        Delta delta = info.packageDiff.getDelta();
        if (delta == Delta.REMOVED) {
            // bnd suggests no version for a package that is gone; for its importers it is a break
            return new PackageResult(info.packageName, delta, info.olderVersion, null,
                    new Version(info.olderVersion.getMajor() + 1, 0, 0), true,
                    "exported package removed: a breaking change; it needs a major release of the bundle and a re-taken reference");
        }
        if (info.mismatch) {
            String because = info.reason == null || info.reason.isBlank() ? "" : "\n" + info.reason.strip().indent(6).stripTrailing();
            return new PackageResult(info.packageName, delta, info.olderVersion, info.newerVersion, info.suggestedVersion, true,
                    "a " + delta + " change needs version " + info.suggestedVersion + " (@Version in package-info.java)" + because);
        }
        return new PackageResult(info.packageName, delta, info.olderVersion, info.newerVersion, info.suggestedVersion, false, "");
    }
}
