package org.jvirt.driver.qemu.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * User and group names to numeric ids, as libvirt's virGetUserID / virGetGroupID: {@code +N} is
 * the number N as it is, a name is looked up in the host's user database, and a name it does not
 * hold is read as a number. The JDK has no
 * getpwnam, so names go through {@code getent} (which asks NSS, as libc does); answers are cached.
 */
public final class UnixIds {
    private final Map<String, Long> cache = new ConcurrentHashMap<>();

    public long uid(String user) throws VirtException {
        return id(user, "passwd", "user");
    }

    public long gid(String group) throws VirtException {
        return id(group, "group", "group");
    }

    /** The name of {@code uid} in the user database, empty when it has none. */
    public Optional<String> userName(long uid) {
        return getent("passwd", Long.toString(uid)).map(line -> line.substring(0, line.indexOf(':')));
    }

    private long id(String spec, String database, String what) throws VirtException {
        if (spec.startsWith("+")) {
            return number(spec.substring(1), what);
        }
        Long cached = cache.get(database + ":" + spec);
        if (cached != null) {
            return cached;
        }
        // as virGetUserID: a name nobody has is read as a number, else "Failed to parse user"
        String[] fields = getent(database, spec).map(line -> line.split(":", -1)).orElse(new String[0]);
        long id = fields.length >= 3 ? number(fields[2], what) : number(spec, what);
        cache.put(database + ":" + spec, id);
        return id;
    }

    private static long number(String s, String what) throws VirtException {
        try {
            long v = Long.parseLong(s);
            if (v < 0 || v > 0xffff_fffeL) {
                throw new NumberFormatException(s);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "Failed to parse " + what + " '" + s + "'");
        }
    }

    /** One line of {@code getent DATABASE KEY}, empty when there is none. */
    private static Optional<String> getent(String database, String key) {
        if (key.isEmpty() || key.startsWith("-")) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("getent", database, key).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out.lines().findFirst().orElse(""))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
