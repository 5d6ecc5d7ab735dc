package org.jvirt.driver.qemu.internal.cgroup;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes eBPF instructions ({@code struct bpf_insn}: opcode, dst and src register nibbles, 16-bit
 * offset, 32-bit immediate, little-endian) for the few forms libvirt's VIR_BPF_* macros give,
 * with named jump targets instead of counted offsets. A 64-bit immediate load takes two slots, as
 * in the kernel's encoding.
 */
final class BpfAssembler {
    static final int INSN_SIZE = 8;

    /** Registers: r0 return value, r1-r5 arguments (clobbered by calls), r6-r9 saved, r10 frame pointer. */
    static final int R0 = 0;
    static final int R1 = 1;
    static final int R2 = 2;
    static final int R6 = 6;
    static final int R10 = 10;

    /** Instruction classes, sizes, modes, ALU and jump operations of linux/bpf_common.h and bpf.h. */
    private static final int LD = 0x00;
    private static final int LDX = 0x01;
    private static final int STX = 0x03;
    private static final int JMP = 0x05;
    private static final int ALU64 = 0x07;
    private static final int W = 0x00;
    private static final int DW = 0x18;
    private static final int IMM = 0x00;
    private static final int MEM = 0x60;
    private static final int K = 0x00;
    private static final int X = 0x08;
    static final int ADD = 0x00;
    static final int OR = 0x40;
    static final int AND = 0x50;
    static final int LSH = 0x60;
    private static final int MOV = 0xb0;
    private static final int JEQ = 0x10;
    private static final int CALL = 0x80;
    private static final int EXIT = 0x90;
    /** src_reg of a map-descriptor load: the verifier swaps the descriptor for the map. */
    private static final int PSEUDO_MAP_FD = 1;

    static final int FUNC_MAP_LOOKUP_ELEM = 1;

    private record Insn(int code, int dst, int src, int off, int imm, String target) {
    }

    private final List<Insn> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    private BpfAssembler add(int code, int dst, int src, int off, int imm, String target) {
        insns.add(new Insn(code, dst, src, off, imm, target));
        return this;
    }

    /** {@code dst = src} (64 bit). */
    BpfAssembler mov(int dst, int src) {
        return add(ALU64 | MOV | X, dst, src, 0, 0, null);
    }

    /** {@code dst = imm}, sign-extended to 64 bits. */
    BpfAssembler movImm(int dst, int imm) {
        return add(ALU64 | MOV | K, dst, 0, 0, imm, null);
    }

    /** {@code dst = *(u32 *)(src + off)}, zero-extended. */
    BpfAssembler loadWord(int dst, int src, int off) {
        return add(LDX | MEM | W, dst, src, off, 0, null);
    }

    /** {@code *(u64 *)(dst + off) = src}. */
    BpfAssembler storeDouble(int dst, int src, int off) {
        return add(STX | MEM | DW, dst, src, off, 0, null);
    }

    /** {@code dst OP= imm} (64 bit; op {@link #ADD}, {@link #LSH}, ...). */
    BpfAssembler aluImm(int op, int dst, int imm) {
        return add(ALU64 | op | K, dst, 0, 0, imm, null);
    }

    /** {@code dst OP= src} (64 bit). */
    BpfAssembler alu(int op, int dst, int src) {
        return add(ALU64 | op | X, dst, src, 0, 0, null);
    }

    /** {@code dst = imm64}: two slots, the low word in the first, the high word in the second. */
    BpfAssembler loadImm64(int dst, long imm) {
        add(LD | DW | IMM, dst, 0, 0, (int) imm, null);
        return add(0, 0, 0, 0, (int) (imm >>> 32), null);
    }

    /** {@code dst = map} of descriptor {@code fd} (the kernel resolves it at load time). */
    BpfAssembler loadMapFd(int dst, int fd) {
        add(LD | DW | IMM, dst, PSEUDO_MAP_FD, 0, fd, null);
        return add(0, 0, 0, 0, 0, null);
    }

    BpfAssembler call(int helper) {
        return add(JMP | CALL, 0, 0, 0, helper, null);
    }

    /** {@code if dst == imm goto target}. */
    BpfAssembler jumpIfImm(int dst, int imm, String target) {
        return add(JMP | JEQ | K, dst, 0, 0, imm, target);
    }

    /** {@code if dst == src goto target}. */
    BpfAssembler jumpIfEqual(int dst, int src, String target) {
        return add(JMP | JEQ | X, dst, src, 0, 0, target);
    }

    BpfAssembler exit() {
        return add(JMP | EXIT, 0, 0, 0, 0, null);
    }

    /** Names the next instruction. */
    BpfAssembler label(String name) {
        if (labels.putIfAbsent(name, insns.size()) != null) {
            throw new IllegalStateException("label " + name + " defined twice");
        }
        return this;
    }

    /** The program's bytes, jump offsets counted in slots from the instruction after the jump. */
    byte[] assemble() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(insns.size() * INSN_SIZE);
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            int off = in.off();
            if (in.target() != null) {
                Integer at = labels.get(in.target());
                if (at == null) {
                    throw new IllegalStateException("undefined label " + in.target());
                }
                off = at - (i + 1);
            }
            out.write(in.code());
            out.write((in.src() << 4) | in.dst());
            out.write(off & 0xff);
            out.write((off >> 8) & 0xff);
            for (int b = 0; b < 4; b++) {
                out.write((in.imm() >> (8 * b)) & 0xff);
            }
        }
        return out.toByteArray();
    }
}
