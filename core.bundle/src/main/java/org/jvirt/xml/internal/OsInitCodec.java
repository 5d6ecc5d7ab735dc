package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Os;
import org.jvirt.api.xml.OsBuilder;

/** The container init options of {@code <os>} (virDomainDefParseBootInitOptions and its formatter). */
final class OsInitCodec {
    private static final Pattern ENV_NAME = Pattern.compile("[a-zA-Z_]+[a-zA-Z0-9_]*");

    private OsInitCodec() {
    }

    static void parse(Node os, OsBuilder b) throws VirtException {
        b.init(text(os, "init")).initDir(text(os, "initdir")).initUser(text(os, "inituser"))
                .initGroup(text(os, "initgroup"));
        List<String> args = new ArrayList<>();
        for (Node a : os.children("initarg")) {
            if (a.text() == null || a.text().isEmpty()) {
                throw XmlErrors.xml("No data supplied for <initarg> element");
            }
            a.requireFullyRead();
            args.add(a.text());
        }
        List<Os.InitEnv> env = new ArrayList<>();
        for (Node e : os.children("initenv")) {
            String name = e.attr("name");
            if (name == null) {
                throw XmlErrors.xml("No name supplied for <initenv> element");
            }
            if (!ENV_NAME.matcher(name).matches()) {
                throw XmlErrors.xml("Invalid environment name, it must begin with a letter or underscore");
            }
            if (e.text() == null || e.text().isEmpty()) {
                throw XmlErrors.xml("No value supplied for <initenv name='" + name + "'> element");
            }
            e.requireFullyRead();
            env.add(new Os.InitEnv(name, e.text()));
        }
        b.initArgs(args).initEnv(env);
    }

    /** The first child's text (XPath {@code string(./x[1])}); the others stay preserved. */
    private static String text(Node os, String name) throws VirtException {
        return os.element().children(name).isEmpty() ? null : os.childText(name);
    }

    static void format(Os os, Out o) {
        o.textChild("init", os.init());
        for (String a : os.initArgs()) {
            o.textChild("initarg", a);
        }
        for (Os.InitEnv e : os.initEnv()) {
            o.child(new Out("initenv").attr("name", e.name()).text(e.value()));
        }
        o.textChild("initdir", os.initDir()).textChild("inituser", os.initUser()).textChild("initgroup", os.initGroup());
    }
}
