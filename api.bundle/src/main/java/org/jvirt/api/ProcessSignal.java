package org.jvirt.api;

import java.util.Locale;

/**
 * The signals {@link Domain#sendProcessSignal} sends: libvirt's {@code virDomainProcessSignal},
 * whose numbers are the ordinals ({@code NOP} 0 ... {@code SYS} 31, then {@code RT0} 32 ...
 * {@code RT32} 64). A driver maps them to its host's signal numbers.
 */
public enum ProcessSignal {
    NOP, HUP, INT, QUIT, ILL, TRAP, ABRT, BUS, FPE, KILL, USR1, SEGV, USR2, PIPE, ALRM, TERM, STKFLT,
    CHLD, CONT, STOP, TSTP, TTIN, TTOU, URG, XCPU, XFSZ, VTALRM, PROF, WINCH, POLL, PWR, SYS,
    RT0, RT1, RT2, RT3, RT4, RT5, RT6, RT7, RT8, RT9, RT10, RT11, RT12, RT13, RT14, RT15, RT16,
    RT17, RT18, RT19, RT20, RT21, RT22, RT23, RT24, RT25, RT26, RT27, RT28, RT29, RT30, RT31, RT32;

    /** The number on the wire and in libvirt's API. */
    public int number() {
        return ordinal();
    }

    /** The signal numbered {@code number}, or null when libvirt has none (64 < number or number < 0). */
    public static ProcessSignal of(long number) {
        ProcessSignal[] all = values();
        return number >= 0 && number < all.length ? all[(int) number] : null;
    }

    /**
     * virsh's names, in any case: {@code term}, {@code sigterm}, {@code sig_term}; null when none
     * matches (numbers are the caller's: virsh passes any number on).
     */
    public static ProcessSignal byName(String name) {
        String s = name.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("SIG_")) {
            s = s.substring(4);
        } else if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        for (ProcessSignal p : values()) {
            if (p.name().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
