#!/usr/bin/env python3
"""Generates immutable model classes (accessors, chosen with... copies, equals/hashCode/toString) and their builders."""
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
    L.append(" * <p>Immutable; lists are never null. Build with {@link #builder()}, change with {@link #toBuilder()}.")
    L.append(" */")
    L.append(f"public final class {name}" + (f" implements {impl}" if impl else "") + " {")
    for c in spec.get("constants", []):
        L.append("    " + c)
    for t, n, d, dflt in fields:
        L.append(f"    private final {t} {n};")
    L.append("")
    L.append(f"    {name}({name}Builder b) {{")
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
    L.append(f"    public static {name}Builder builder() {{")
    L.append(f"        return new {name}Builder();")
    L.append(f"    }}")
    L.append("")
    L.append(f"    /** A builder holding this object's values. */")
    L.append(f"    public {name}Builder toBuilder() {{")
    L.append(f"        return new {name}Builder(this);")
    L.append(f"    }}")
    for t, n, d, dflt in fields:
        L.append("")
        L.append(f"    /** {d} */")
        L.append(f"    public {t} {n}() {{")
        L.append(f"        return {n};")
        L.append(f"    }}")
    # with... copies only for the fields callers change this way (spec "withs"); toBuilder() does the rest
    withs = set(spec.get("withs", []))
    for t, n, d, dflt in fields:
        if n not in withs:
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
    L.extend(wrap("        return ", [conds[0]] + ["&& " + c for c in conds[1:-1]] + ["&& " + conds[-1] + ";"]
                  if len(conds) > 1 else [conds[0] + ";"], "                "))
    L.append("    }")
    L.append("")
    L.append("    @Override")
    L.append("    public int hashCode() {")
    names = [n for t, n, d, dflt in fields]
    L.extend(wrap("        return Objects.hash(", [n + "," for n in names[:-1]] + [names[-1] + ");"], "                "))
    L.append("    }")
    L.append("")
    L.append("    @Override")
    L.append("    public String toString() {")
    pieces = [f"\"{name}[{names[0]}=\" + {names[0]}"] + [f"+ \", {n}=\" + {n}" for n in names[1:]]
    pieces[-1] += " + \"]\";"
    L.extend(wrap("        return ", pieces, "                "))
    L.append("    }")
    L.append("")
    L.append("}")
    with open(os.path.join(outdir, name + ".java"), "w") as f:
        f.write("\n".join(L) + "\n")
    gen_builder(spec, outdir)


def gen_builder(spec, outdir):
    name = spec["name"]
    # types declared inside the class (records in "extra") are named through it here
    nested = re.findall(r"\b(?:record|class|enum|interface)\s+(\w+)", spec.get("extra", ""))
    def qualify(t):
        for n in nested:
            t = re.sub(r"(?<![.\w])" + n + r"\b", name + "." + n, t)
        return t
    fields = [(qualify(t), n, d, dflt) for t, n, d, dflt in spec["fields"]]
    imports = set(i for i in spec.get("imports", []) if not i.startswith("java.util.Objects"))
    for t, n, d, dflt in fields:
        if t.startswith("List<"):
            imports.add("java.util.List")
    L = ["package org.jvirt.api.xml;\n"]
    for i in sorted(imports):
        L.append(f"import {i};")
    if imports:
        L.append("")
    L.append(f"/** Collects the values of a {{@link {name}}}: from {{@link {name}#builder()}} or {{@link {name}#toBuilder()}}; not thread-safe. */")
    L.append(f"public final class {name}Builder {{")
    for t, n, d, dflt in fields:
        if t in PRIMS and dflt:
            L.append(f"    {t} {n} = {dflt};")
        else:
            L.append(f"    {t} {n};")
    L.append("")
    L.append(f"    {name}Builder() {{")
    L.append("    }")
    L.append("")
    L.append(f"    {name}Builder({name} from) {{")
    for t, n, d, dflt in fields:
        L.append(f"        {n} = from.{n}();")
    L.append("    }")
    for t, n, d, dflt in fields:
        L.append("")
        L.append(f"    /** @see {name}#{n}() */")
        L.append(f"    public {name}Builder {n}({t} value) {{")
        L.append(f"        this.{n} = value;")
        L.append(f"        return this;")
        L.append(f"    }}")
    for line in spec.get("builderExtra", []):
        L.append(line)
    L.append("")
    L.append(f"    public {name} build() {{")
    L.append(f"        return new {name}(this);")
    L.append(f"    }}")
    L.append("}")
    with open(os.path.join(outdir, name + "Builder.java"), "w") as f:
        f.write("\n".join(L) + "\n")

def wrap(first, pieces, indent, width=110):
    """Lines that start with {first}, then {indent}, holding the pieces space-separated within width."""
    lines, cur = [], first
    for p in pieces:
        sep = "" if cur in (first, indent) else " "
        if len(cur) + len(sep) + len(p) > width and cur not in (first, indent):
            lines.append(cur)
            cur = indent + p
        else:
            cur += sep + p
    lines.append(cur)
    return lines

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
