package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Option parsing and virsh's usage errors (texts as virsh 9.0 prints them after "error: "). */
class ParsedArgsTest {
    private static final String DEFAULT = "test:///default";

    @Test
    void positionalDomainAndFlags() throws Exception {
        ParsedArgs a = ParsedArgs.parse(InfoCommands.DOMSTATE, DEFAULT, "test", "--reason");
        assertEquals("test", a.required("domain"));
        assertTrue(a.flag("reason"));
        assertEquals(DEFAULT, a.uri());
    }

    @Test
    void connectOptionInEveryForm() throws Exception {
        assertEquals("qemu:///system", ParsedArgs.parse(ListCommands.LIST, DEFAULT, "-c", "qemu:///system").uri());
        assertEquals("test:///x.xml",
                ParsedArgs.parse(ListCommands.LIST, DEFAULT, "--all", "--connect", "test:///x.xml").uri());
        assertEquals("test:///y", ParsedArgs.parse(ListCommands.LIST, DEFAULT, "--connect=test:///y").uri());
        assertFalse(ParsedArgs.parse(ListCommands.LIST, DEFAULT).flag("all"));
    }

    @Test
    void namedDomainOptionWithSpaceOrEquals() throws Exception {
        assertEquals("web", ParsedArgs.parse(InfoCommands.DOMINFO, DEFAULT, "--domain", "web").required("domain"));
        assertEquals("web", ParsedArgs.parse(InfoCommands.DOMINFO, DEFAULT, "--domain=web").required("domain"));
    }

    @Test
    void virshUsageErrors() {
        assertEquals("command 'list' doesn't support option --bogus",
                assertThrows(UsageException.class, () -> ParsedArgs.parse(ListCommands.LIST, DEFAULT, "--bogus"))
                        .getMessage());
        assertEquals("command 'dominfo' requires <domain> option",
                assertThrows(UsageException.class, () -> ParsedArgs.parse(InfoCommands.DOMINFO, DEFAULT))
                        .getMessage());
        assertEquals("unexpected data 'extra'",
                assertThrows(UsageException.class,
                        () -> ParsedArgs.parse(InfoCommands.DOMINFO, DEFAULT, "test", "extra")).getMessage());
        assertEquals("expected syntax: --domain <string>",
                assertThrows(UsageException.class,
                        () -> ParsedArgs.parse(InfoCommands.DOMINFO, DEFAULT, "--domain")).getMessage());
        assertEquals("option --all already seen",
                assertThrows(UsageException.class,
                        () -> ParsedArgs.parse(ListCommands.LIST, DEFAULT, "--all", "--all")).getMessage());
        assertEquals("option '-c' requires an argument",
                assertThrows(UsageException.class, () -> ParsedArgs.parse(ListCommands.LIST, DEFAULT, "-c"))
                        .getMessage());
    }
}
