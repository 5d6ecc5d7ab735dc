package org.jvirt.core.internal;

import java.util.List;
import java.util.UUID;

import org.jvirt.api.Connection;
import org.jvirt.api.Network;
import org.jvirt.api.NetworkEventListener;
import org.jvirt.api.Secret;
import org.jvirt.api.SecretEventListener;
import org.jvirt.api.SecretUsageType;
import org.jvirt.api.StoragePool;
import org.jvirt.api.StoragePoolEventListener;
import org.jvirt.api.StorageVol;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.NetworkRef;
import org.jvirt.api.spi.StoragePoolRef;
import org.jvirt.api.spi.StorageVolRef;

/**
 * The part of {@link Connection} served by libvirt's secondary drivers (secrets, networks, storage),
 * shared by every connection whatever its hypervisor: each call goes to the API object of its kind,
 * which validates as libvirt's public entry points do and dispatches through the connection.
 * Kept apart from {@link ConnectionFacade} so that the facade reads as the domain part.
 */
abstract class SharedDriverCalls implements Connection {

    abstract SecretApi secretApi();

    abstract NetworkApi networkApi();

    abstract StorageApi storageApi();

    // ---- secrets: libvirt-secret.c's checks and the calls are in SecretApi ----

    @Override
    public List<Secret> listAllSecrets(int listFlags) throws VirtException {
        return secretApi().listAll(listFlags);
    }

    @Override
    public int numOfSecrets() throws VirtException {
        return secretApi().count();
    }

    @Override
    public Secret defineSecret(String xml, int defineFlags) throws VirtException {
        return secretApi().define(xml, defineFlags);
    }

    @Override
    public Secret lookupSecretByUuid(UUID secretUuid) throws VirtException {
        return secretApi().lookupByUuid(secretUuid);
    }

    @Override
    public Secret lookupSecretByUsage(SecretUsageType usageType, String usageId) throws VirtException {
        return secretApi().lookupByUsage(usageType, usageId);
    }

    @Override
    public int addSecretEventListener(SecretEventListener listener) throws VirtException {
        return secretApi().addListener(listener);
    }

    @Override
    public void removeSecretEventListener(int callbackId) throws VirtException {
        secretApi().removeListener(callbackId);
    }

    // ---- networks: libvirt-network.c's checks and the calls are in NetworkApi and NetworkFacade ----

    @Override
    public List<Network> listAllNetworks(int listFlags) throws VirtException {
        return networkApi().listAll(listFlags);
    }

    @Override
    public int numOfNetworks() throws VirtException {
        return networkApi().count(true);
    }

    @Override
    public int numOfDefinedNetworks() throws VirtException {
        return networkApi().count(false);
    }

    @Override
    public Network defineNetwork(String xml, int defineFlags) throws VirtException {
        return networkApi().define(xml, defineFlags);
    }

    @Override
    public Network createNetwork(String xml, int createFlags) throws VirtException {
        return networkApi().create(xml, createFlags);
    }

    @Override
    public Network lookupNetworkByName(String name) throws VirtException {
        return networkApi().lookupByName(name);
    }

    @Override
    public Network lookupNetworkByUuid(UUID networkUuid) throws VirtException {
        return networkApi().lookupByUuid(networkUuid);
    }

    @Override
    public boolean networkUpdateHasCorrectOrder() throws VirtException {
        return networkApi().hasDriver();
    }

    @Override
    public Network network(String name, UUID uuid) {
        return networkApi().network(new NetworkRef(name, uuid));
    }

    @Override
    public StoragePool storagePool(String name, UUID uuid) {
        return storageApi().pool(new StoragePoolRef(name, uuid));
    }

    @Override
    public StorageVol storageVol(String pool, String name, String key) {
        return storageApi().vol(new StorageVolRef(pool, name, key));
    }

    @Override
    public int addNetworkEventListener(NetworkEventListener listener) throws VirtException {
        return networkApi().addListener(listener);
    }

    @Override
    public void removeNetworkEventListener(int callbackId) throws VirtException {
        networkApi().removeListener(callbackId);
    }

    // ---- storage: libvirt-storage.c's checks and the calls are in StorageApi and the pool/volume facades ----

    @Override
    public List<StoragePool> listAllStoragePools(int listFlags) throws VirtException {
        return storageApi().listAll(listFlags);
    }

    @Override
    public int numOfStoragePools() throws VirtException {
        return storageApi().count(true);
    }

    @Override
    public int numOfDefinedStoragePools() throws VirtException {
        return storageApi().count(false);
    }

    @Override
    public StoragePool defineStoragePool(String xml, int defineFlags) throws VirtException {
        return storageApi().define(xml, defineFlags);
    }

    @Override
    public StoragePool createStoragePool(String xml, int createFlags) throws VirtException {
        return storageApi().create(xml, createFlags);
    }

    @Override
    public StoragePool lookupStoragePoolByName(String name) throws VirtException {
        return storageApi().lookupByName(name);
    }

    @Override
    public StoragePool lookupStoragePoolByUuid(UUID poolUuid) throws VirtException {
        return storageApi().lookupByUuid(poolUuid);
    }

    @Override
    public StoragePool lookupStoragePoolByTargetPath(String path) throws VirtException {
        return storageApi().lookupByTargetPath(path);
    }

    @Override
    public StorageVol lookupStorageVolByKey(String key) throws VirtException {
        return storageApi().volByKey(key);
    }

    @Override
    public StorageVol lookupStorageVolByPath(String path) throws VirtException {
        return storageApi().volByPath(path);
    }

    @Override
    public int addStoragePoolEventListener(StoragePoolEventListener listener) throws VirtException {
        return storageApi().addListener(listener);
    }

    @Override
    public void removeStoragePoolEventListener(int callbackId) throws VirtException {
        storageApi().removeListener(callbackId);
    }
}
