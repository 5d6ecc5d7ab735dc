package org.jvirt.rpc.internal.wire;

import org.jvirt.rpc.internal.xdr.XdrReader;
import org.jvirt.rpc.internal.xdr.XdrWriter;

/**
 * One libvirt RPC message: the {@code virNetMessageHeader} fields and the XDR payload after them.
 *
 * @param prog    the program ({@link Programs#REMOTE}, {@link Programs#KEEPALIVE})
 * @param vers    the program version
 * @param proc    the procedure number within the program
 * @param type    a {@link MessageType} constant
 * @param serial  the caller's serial, copied into the reply so replies can be matched
 * @param status  a {@link MessageType} status constant
 * @param payload the XDR-encoded arguments, return value or error
 */
public record Message(int prog, int vers, int proc, int type, int serial, int status, byte[] payload) {

    /** A reply to {@code call} carrying {@code payload} with {@code status}. */
    public Message replyTo(int status, byte[] payload) {
        return new Message(prog, vers, proc, MessageType.REPLY, serial, status, payload);
    }

    public XdrReader payloadReader() {
        return new XdrReader(payload);
    }

    /** The whole frame: the length word (counting itself), the header, the payload. */
    public byte[] encode() {
        XdrWriter w = new XdrWriter(Frames.HEADER_BYTES + 4 + payload.length);
        w.writeInt(4 + Frames.HEADER_BYTES + payload.length);
        w.writeInt(prog).writeInt(vers).writeInt(proc).writeInt(type).writeInt(serial).writeInt(status);
        w.writeRaw(payload);
        return w.toByteArray();
    }

    @Override
    public String toString() {
        return "Message[prog=0x" + Integer.toHexString(prog) + ", vers=" + vers + ", proc=" + proc
                + ", type=" + type + ", serial=" + serial + ", status=" + status
                + ", payload=" + payload.length + " bytes]";
    }
}
