#!/usr/bin/env python3
"""Generates immutable model classes (builder, toBuilder, with..., equals/hashCode/toString)."""
import sys, os, re

PRIMS = {"int": "Integer", "long": "Long", "boolean": "Boolean"}

def cap(s): return s[0].upper() + s[1:]

def gen(spec, outdir):
    name = spec["name"]
    fields = spec["fields"]  # list of (type, name, doc, default-expr or None)
    impl = spec.get("implements")
    imports = set(spec.get("imports", []))
    imports.add("java.util.Objects")
    for t, n, d, dflt in fields:
        if t.startswith("List<"):
            imports.add("java.util.List")
    L = []
    L.append("package org.jvirt.api.xml;\n")
    for i in sorted(imports):
        L.append(f"import {i};")
    L.append("")
    doc = spec["doc"].strip().split("\n")
    L.append("/**")
    for d in doc:
        L.append((" * " + d).rstrip())
    L.append(" *")
    L.append(" * <p>Immutable and thread-safe. Build one with {@link #builder()}, change one with")
    L.append(" * {@link #toBuilder()} or a {@code with...} copy; accessors never return null lists.")
    L.append(" */")
    L.append(f"public final class {name}" + (f" implements {impl}" if impl else "") + " {")
    for c in spec.get("constants", []):
        L.append("    " + c)
    for t, n, d, dflt in fields:
        L.append(f"    private final {t} {n};")
    L.append("")
    L.append(f"    private {name}(Builder b) {{")
    for t, n, d, dflt in fields:
        if t.startswith("List<"):
            L.append(f"        this.{n} = List.copyOf(b.{n} == null ? List.of() : b.{n});")
        elif dflt and t not in PRIMS:
            L.append(f"        this.{n} = b.{n} == null ? {dflt} : b.{n};")
        else:
            L.append(f"        this.{n} = b.{n};")
    for line in spec.get("validate", []):
        L.append("        " + line)
    L.append("    }")
    L.append("")
    L.append(f"    /** A builder with every field unset (null, empty, or the documented default). */")
    L.append(f"    public static Builder builder() {{")
    L.append(f"        return new Builder();")
    L.append(f"    }}")
    L.append("")
    L.append(f"    /** A builder holding this object's values. */")
    L.append(f"    public Builder toBuilder() {{")
    L.append(f"        Builder b = new Builder();")
    for t, n, d, dflt in fields:
        L.append(f"        b.{n} = {n};")
    L.append(f"        return b;")
    L.append(f"    }}")
    for t, n, d, dflt in fields:
        L.append("")
        L.append(f"    /** {d} */")
        L.append(f"    public {t} {n}() {{")
        L.append(f"        return {n};")
        L.append(f"    }}")
    skip = set(spec.get("nowith", []))
    for t, n, d, dflt in fields:
        if n in skip:
            continue
        L.append("")
        L.append(f"    /** A copy with {{@code {n}}} replaced. */")
        L.append(f"    public {name} with{cap(n)}({t} new{cap(n)}) {{")
        L.append(f"        return toBuilder().{n}(new{cap(n)}).build();")
        L.append(f"    }}")
    if spec.get("extra"):
        L.append("")
        L.append(spec["extra"].rstrip("\n"))
    L.append("")
    L.append("    @Override")
    L.append("    public boolean equals(Object o) {")
    L.append("        if (this == o) {")
    L.append("            return true;")
    L.append("        }")
    L.append(f"        if (!(o instanceof {name} x)) {{")
    L.append("            return false;")
    L.append("        }")
    conds = []
    for t, n, d, dflt in fields:
        if t in PRIMS:
            conds.append(f"{n} == x.{n}")
        else:
            conds.append(f"Objects.equals({n}, x.{n})")
    L.append("        return " + "\n                && ".join(conds) + ";")
    L.append("    }")
    L.append("")
    L.append("    @Override")
    L.append("    public int hashCode() {")
    names = [n for t, n, d, dflt in fields]
    L.append("        return Objects.hash(" + ", ".join(names) + ");")
    L.append("    }")
    L.append("")
    L.append("    @Override")
    L.append("    public String toString() {")
    parts = " + \", \"\n                + ".join(f"\"{n}=\" + {n}" for n in names)
    L.append(f"        return \"{name}[\" + {parts} + \"]\";")
    L.append("    }")
    L.append("")
    L.append(f"    /** Collects the values of a {{@link {name}}}; not thread-safe. */")
    L.append("    public static final class Builder {")
    for t, n, d, dflt in fields:
        if t in PRIMS and dflt:
            L.append(f"        private {t} {n} = {dflt};")
        else:
            L.append(f"        private {t} {n};")
    L.append("")
    L.append("        private Builder() {")
    L.append("        }")
    for t, n, d, dflt in fields:
        L.append("")
        L.append(f"        /** @see {name}#{n}() */")
        L.append(f"        public Builder {n}({t} value) {{")
        L.append(f"            this.{n} = value;")
        L.append(f"            return this;")
        L.append(f"        }}")
    for line in spec.get("builderExtra", []):
        L.append(line)
    L.append("")
    L.append(f"        public {name} build() {{")
    L.append(f"            return new {name}(this);")
    L.append(f"        }}")
    L.append("    }")
    L.append("}")
    with open(os.path.join(outdir, name + ".java"), "w") as f:
        f.write("\n".join(L) + "\n")

def parse_fields(text):
    out = []
    for line in text.strip().split("\n"):
        line = line.strip()
        if not line:
            continue
        m = re.match(r"(\S+(?:<[^>]+>)?)\s+(\w+)(?:\s*=\s*([^:]+?))?\s*:\s*(.*)", line)
        if not m:
            raise SystemExit("bad field line: " + line)
        out.append((m.group(1), m.group(2), m.group(4), m.group(3)))
    return out

if __name__ == "__main__":
    import importlib.util
    specfile, outdir = sys.argv[1], sys.argv[2]
    spec_mod = {"F": parse_fields}
    exec(open(specfile).read(), spec_mod)
    for s in spec_mod["SPECS"]:
        gen(s, outdir)
        print("generated", s["name"])
