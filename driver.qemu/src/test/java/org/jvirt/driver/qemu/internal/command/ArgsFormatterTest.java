package org.jvirt.driver.qemu.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The .args layout: env first, one option per line, shell quoting. */
class ArgsFormatterTest {

    @Test
    void quotesLikeLibvirt() {
        assertEquals("plain,a=b", ArgsFormatter.quote("plain,a=b"));
        assertEquals("''", ArgsFormatter.quote(""));
        assertEquals("'a b'", ArgsFormatter.quote("a b"));
        assertEquals("'it'\\''s'", ArgsFormatter.quote("it's"));
        assertEquals("'{\"a\":1}'", ArgsFormatter.quote("{\"a\":1}"));
        assertEquals("'[::]:1'", ArgsFormatter.quote("[::]:1"));
    }

    @Test
    void oneOptionPerLine() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LC_ALL", "C");
        env.put("HOME", "/x y");
        String out = ArgsFormatter.format(new QemuCommandLine(env, List.of("/usr/bin/qemu", "-S", "-name", "guest=a",
                "-no-user-config")));
        assertEquals("LC_ALL=C \\\nHOME='/x y' \\\n/usr/bin/qemu \\\n-S \\\n-name guest=a \\\n-no-user-config\n", out);
    }

    @Test
    void jsonIsCompactAndOrdered() {
        assertEquals("{\"driver\":\"x\",\"n\":1,\"b\":true,\"s\":\"a\\\"b\\\\c\",\"o\":{\"k\":[1,2]}}",
                Json.object().put("driver", "x").put("n", 1).put("skip", null).put("b", true).put("s", "a\"b\\c")
                        .put("o", Json.object().put("k", List.of(1, 2))).toString());
    }
}
