package org.jvirt.driver.qemu.internal.qmp;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives a monitor's asynchronous events, one at a time on the client's event thread. */
public interface QmpListener {

    /** A QMP event: {@code event} is its name, {@code data} its data object (may be empty). */
    void onEvent(String event, JsonNode data);

    /** The monitor connection ended (QEMU exited, or {@link QmpClient#close()}); called once. */
    void onClose(boolean requested);
}
