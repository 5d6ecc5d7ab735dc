package org.jvirt.driver.lxc.internal;

import java.util.HashMap;
import java.util.Map;

import org.jvirt.api.Stream;
import org.jvirt.api.VirtException;

/**
 * At most one console session per container, as liblxc's monitor serves one client on a console
 * and libvirt's virChrdevs allows one session per device: a second open is refused unless forced,
 * and a forced open ends the session that held it. One per driver, so every connection counts.
 */
final class ConsoleSessions {
    private final LxcTools tools;
    private final Map<String, ConsoleStream> open = new HashMap<>();   // guarded by this

    ConsoleSessions(LxcTools tools) {
        this.tools = tools;
    }

    synchronized Stream open(String container, boolean force) throws VirtException {
        ConsoleStream previous = open.get(container);
        if (previous != null && !force) {
            throw LxcErrors.failed("Active console session exists for this domain");
        }
        if (previous != null) {
            // ended before the new session starts: liblxc hands the console to one client at a time
            previous.abort("the console was taken over by another session");
        }
        ConsoleStream[] self = new ConsoleStream[1];
        ConsoleStream stream = ConsoleStream.open(container, tools.consoleCommand(container),
                () -> released(container, self[0]));
        self[0] = stream;
        open.put(container, stream);
        return stream;
    }

    private synchronized void released(String container, ConsoleStream stream) {
        open.remove(container, stream);
    }
}
