package org.jvirt.driver.qemu.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code device_del} and libvirt's qemuDomainWaitForDeviceRemoval, shared by disk and interface
 * unplug: QEMU sends {@code DEVICE_DELETED} once the device is finalized and its backend released
 * (the device leaves {@code /machine/peripheral} earlier, when the backend may still be in use). The
 * caller holds the domain's lock; the watch is completed by the monitor's reader thread.
 */
final class DeviceUnplug {
    /** libvirt waits 5 seconds, then leaves the rest to the DEVICE_DELETED handler. */
    static final Duration REMOVAL_WAIT = Duration.ofSeconds(5);

    private DeviceUnplug() {
    }

    /** Asks the guest to release device {@code id}; whether it did within the wait. */
    static boolean request(QmpClient qmp, String id) throws VirtException {
        CompletableFuture<JsonNode> deleted = qmp.watch("DEVICE_DELETED", d -> id.equals(d.path("device").asText()));
        try {
            qmp.execute("device_del", QmpClient.args().put("id", id));
        } catch (QmpException e) {
            deleted.cancel(false);
            throw QemuErrors.internal(e.getMessage(), e);
        }
        try {
            deleted.get(REMOVAL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            deleted.cancel(false);
            return false;
        } catch (InterruptedException e) {
            deleted.cancel(false);
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
