"""The specs of the generated model classes in api.bundle/src/main/java/org/jvirt/api/xml.

One dict per class: name, doc, fields (type, name, javadoc, default or None), and optionally
implements, imports, constants, extra (code appended verbatim), validate (constructor checks),
builderExtra (code appended to the builder) and withs (the fields that get a with... copy; every
field can be changed through toBuilder()). Each class X gets a file XBuilder.java beside it. Edit
here, then run
    python3 gen.py specs.py ../src/main/java/org/jvirt/api/xml
"""

SPECS = [
{'name': 'Address',
 'doc': "A device {@code <address>}: its {@code type} and the fields of that type, as libvirt's\n"
        'virDomainDeviceInfo address union. Fields that do not belong to the type, or were not written,\n'
        'are null. Numbers are parsed by the codec (hexadecimal, octal and decimal as libvirt accepts them)\n'
        'and formatted as libvirt does (PCI and CCW in hexadecimal).\n'
        '<ul>\n'
        '<li>{@code pci}: domain, bus, slot, function, multifunction ({@code on}/{@code off}); a\n'
        '{@code <zpci>} child stays in {@code other}\n'
        '<li>{@code drive}: controller, bus, target, unit\n'
        '<li>{@code virtio-serial}: controller, bus, port\n'
        '<li>{@code ccid}: controller, slot\n'
        '<li>{@code usb}: bus, usbPort (a hub path such as {@code 1.2})\n'
        '<li>{@code spapr-vio}: reg\n'
        '<li>{@code ccw}: cssid, ssid, devno\n'
        '<li>{@code isa}: iobase, irq\n'
        '<li>{@code dimm}: slot, base\n'
        '<li>{@code virtio-mmio}, {@code virtio-s390}, {@code unassigned}: no fields\n'
        '</ul>',
 'fields': [('String',
             'type',
             'the address type ({@code pci}, {@code drive}, ...), never null once built by the codec',
             None),
            ('Integer', 'domain', 'PCI domain, or null', None),
            ('Integer', 'bus', 'PCI, drive, virtio-serial or USB bus, or null', None),
            ('Integer', 'slot', 'PCI, CCID or DIMM slot, or null', None),
            ('Integer', 'function', 'PCI function, or null', None),
            ('String', 'multifunction', 'PCI {@code multifunction} ({@code on}/{@code off}), or null', None),
            ('Integer', 'controller', 'drive, virtio-serial or CCID controller index, or null', None),
            ('Integer', 'target', 'drive target, or null', None),
            ('Integer', 'unit', 'drive unit, or null', None),
            ('Integer', 'port', 'virtio-serial port, or null', None),
            ('String', 'usbPort', 'USB port path ({@code 1}, {@code 1.2}), or null', None),
            ('Integer', 'cssid', 'CCW channel subsystem id, or null', None),
            ('Integer', 'ssid', 'CCW subchannel set id, or null', None),
            ('Integer', 'devno', 'CCW device number, or null', None),
            ('Integer', 'iobase', 'ISA I/O base, or null', None),
            ('Integer', 'irq', 'ISA IRQ, or null', None),
            ('Long', 'reg', 'spapr-vio register, or null', None),
            ('Long', 'base', 'DIMM base address, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /** A PCI address {@code domain:bus:slot.function}. */\n'
          '    public static Address pci(int domain, int bus, int slot, int function) {\n'
          '        return '
          'builder().type("pci").domain(domain).bus(bus).slot(slot).function(function).build();\n'
          '    }\n'
          '\n'
          '    /** A drive address {@code controller:bus:target:unit}. */\n'
          '    public static Address drive(int controller, int bus, int target, int unit) {\n'
          '        return '
          'builder().type("drive").controller(controller).bus(bus).target(target).unit(unit).build();\n'
          '    }\n'
          '\n'
          '    /** Whether the type is {@code t}. */\n'
          '    public boolean is(String t) {\n'
          '        return Objects.equals(type, t);\n'
          '    }',
 'withs': ['type', 'bus', 'multifunction', 'target', 'port', 'other']},
{'name': 'Audio',
 'doc': 'An {@code <audio>} backend (virDomainAudioDef) with the attributes of its type.',
 'implements': 'Device',
 'fields': [('Integer', 'id', 'the backend id (1 and up), or null', None),
            ('String',
             'type',
             '{@code none}, {@code alsa}, {@code coreaudio}, {@code dbus}, {@code jack}, {@code oss}, {@code '
             'pulseaudio}, {@code sdl}, {@code spice}, {@code file}',
             None),
            ('Integer', 'timerPeriod', '{@code timerPeriod} in microseconds, or null', None),
            ('String', 'path', 'the WAV file of type {@code file}, or null', None),
            ('String', 'serverName', 'the server of type {@code pulseaudio}, or null', None),
            ('String', 'runtimeDir', 'the runtime directory of type {@code pipewire}, or null', None),
            ('String', 'driver', 'the SDL audio driver of type {@code sdl}, or null', None),
            ('AudioIo', 'input', '{@code <input>}, or null', None),
            ('AudioIo', 'output', '{@code <output>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "audio";\n    }',
 'withs': ['id', 'type', 'driver', 'other', 'info']},
{'name': 'AudioIo',
 'doc': "An audio backend's {@code <input>} or {@code <output>}, with the attributes of the backend's type.",
 'fields': [('String', 'mixingEngine', '{@code yes}/{@code no}, or null', None),
            ('String', 'fixedSettings', '{@code yes}/{@code no}, or null', None),
            ('Integer', 'voices', '{@code voices}, or null', None),
            ('Integer', 'bufferLength', '{@code bufferLength} in microseconds, or null', None),
            ('String', 'dev', 'the device of types {@code alsa} and {@code oss}, or null', None),
            ('Integer', 'bufferCount', '{@code bufferCount} (coreaudio, oss, sdl), or null', None),
            ('String', 'tryPoll', '{@code tryPoll} (oss, {@code yes}/{@code no}), or null', None),
            ('String', 'serverName', 'the JACK server, or null', None),
            ('String', 'clientName', 'the JACK client, or null', None),
            ('String', 'connectPorts', 'the JACK ports to connect to, or null', None),
            ('String', 'exactName', 'JACK {@code exactName} ({@code yes}/{@code no}), or null', None),
            ('String', 'name', 'the PulseAudio/PipeWire sink or source, or null', None),
            ('String', 'streamName', 'the PulseAudio/PipeWire stream, or null', None),
            ('Integer', 'latency', 'the PulseAudio/PipeWire latency in microseconds, or null', None),
            ('Integer', 'frequency', '{@code <settings frequency=>}, or null', None),
            ('Integer', 'channels', '{@code <settings channels=>}, or null', None),
            ('String', 'format', '{@code <settings format=>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['name', 'other']},
{'name': 'BlkioTune',
 'doc': "The {@code <blkiotune>} element (libvirt's block I/O cgroup settings). libvirt treats 0 as unset, "
        'so\n'
        '0 reads as null.',
 'fields': [('Integer', 'weight', '{@code <weight>}, or null', None),
            ('List<Device>', 'devices', 'the {@code <device>} entries', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <device>}: per host device limits, each null when unset.\n'
          '     *\n'
          '     * @param path          the host block device\n'
          '     * @param weight        {@code <weight>}\n'
          '     * @param readBytesSec  {@code <read_bytes_sec>}\n'
          '     * @param writeBytesSec {@code <write_bytes_sec>}\n'
          '     * @param readIopsSec   {@code <read_iops_sec>}\n'
          '     * @param writeIopsSec  {@code <write_iops_sec>}\n'
          '     */\n'
          '    public record Device(String path, Integer weight, Long readBytesSec, Long writeBytesSec, '
          'Integer readIopsSec,\n'
          '            Integer writeIopsSec) {\n'
          '    }',
 'withs': ['devices', 'other']},
{'name': 'CharDevice',
 'doc': 'A character device: {@code <serial>}, {@code <console>}, {@code <channel>} or {@code <parallel>}.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'elementName', 'which of the four elements', None),
            ('String',
             'type',
             'the host side type ({@code pty}, {@code file}, {@code tcp}, {@code udp}, {@code unix}, {@code '
             'spicevmc}, ...)',
             None),
            ('CharSource', 'source', 'the host side, or null for types without a modelled source', None),
            ('Log',
             'log',
             "{@code <log file= append=>}: where QEMU copies the device's output, or null",
             None),
            ('CharTarget', 'target', '{@code <target>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    /**\n'
          '     * {@code <log file= append=/>}.\n'
          '     *\n'
          '     * @param file   the log file\n'
          '     * @param append {@code on}/{@code off}, or null\n'
          '     */\n'
          '    public record Log(String file, String append) {\n'
          '    }',
 'withs': ['type', 'target', 'other', 'info']},
{'name': 'CharSource',
 'doc': 'The host side of a character device ({@code <source>} and {@code <protocol>} of serial,\n'
        "console, channel, and of smartcard, redirdev and rng backends), as libvirt's\n"
        'virDomainChrSourceDef.',
 'fields': [('String',
             'mode',
             '{@code connect} or {@code bind} for tcp and unix (null for other types)',
             None),
            ('String', 'path', 'file, device, pipe, pty or unix socket path, or null', None),
            ('String', 'append', '{@code append} ({@code on}/{@code off}) of a file source, or null', None),
            ('String', 'host', 'tcp host, or the udp connect host; null when absent', None),
            ('String', 'service', 'tcp service, or the udp connect service; null when absent', None),
            ('String', 'bindHost', 'udp bind host, or null', None),
            ('String', 'bindService', 'udp bind service, or null', None),
            ('String',
             'protocol',
             'tcp {@code <protocol type=>} ({@code raw} by default), null for other types',
             None),
            ('Reconnect', 'reconnect', 'tcp/unix {@code <reconnect>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and children of the (first) source element: and child elements the model '
             "does not name, kept verbatim and formatted back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <reconnect enabled= timeout=/>}.\n'
          '     *\n'
          '     * @param enabled whether the client reconnects\n'
          '     * @param timeout seconds between attempts, null when not enabled\n'
          '     */\n'
          '    public record Reconnect(boolean enabled, Integer timeout) {\n'
          '    }',
 'withs': ['other']},
{'name': 'CharTarget',
 'doc': 'The guest side {@code <target>} of a character device: serial ({@code type}, {@code port},\n'
        '{@code <model name=>}), console ({@code type} such as {@code serial}, {@code virtio}, {@code lxc},\n'
        '{@code port}), channel ({@code virtio}/{@code xen} with {@code name} and {@code state},\n'
        '{@code guestfwd} with {@code address} and {@code port}), parallel ({@code port}).',
 'fields': [('String', 'type', 'the target type, or null', None),
            ('String', 'address', 'the guestfwd address, or null', None),
            ('String', 'name', 'the channel name, or null', None),
            ('String',
             'state',
             'the virtio channel state ({@code connected}/{@code disconnected}), or null',
             None),
            ('Integer',
             'port',
             'the serial, console or parallel port, or the guestfwd port; null when absent',
             None),
            ('String', 'modelName', '{@code <model name=>} of a serial target, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['type', 'address', 'name', 'port', 'modelName', 'other']},
{'name': 'Clock',
 'doc': 'The {@code <clock>} element.',
 'fields': [('String',
             'offset',
             '{@code utc}, {@code localtime}, {@code timezone}, {@code variable}, {@code absolute}',
             None),
            ('Long', 'adjustment', 'for {@code variable}: the offset in seconds; null otherwise', None),
            ('boolean',
             'adjustmentReset',
             "{@code adjustment='reset'} of a {@code utc}/{@code localtime} clock",
             None),
            ('String', 'basis', 'for {@code variable}: {@code utc}/{@code localtime}; null otherwise', None),
            ('String', 'timezone', 'for {@code timezone}: the zone; null otherwise', None),
            ('List<Timer>', 'timers', 'the {@code <timer>} entries in order', None),
            ('Long',
             'start',
             'for {@code absolute}: the epoch seconds the guest clock starts at; null otherwise',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': "    /** {@code <clock offset='utc'/>}. */\n"
          '    public static Clock utc() {\n'
          '        return builder().offset("utc").build();\n'
          '    }\n'
          '\n'
          '    /** The timer named {@code name} ({@code rtc}, {@code pit}, {@code hpet}, {@code kvmclock} '
          '...), or null. */\n'
          '    public Timer timer(String name) {\n'
          '        return timers.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);\n'
          '    }',
 'withs': ['other']},
{'name': 'Controller',
 'doc': 'A {@code <controller>}.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'type',
             '{@code ide}, {@code scsi}, {@code usb}, {@code sata}, {@code pci}, {@code virtio-serial}, '
             '{@code ccid}, {@code fdc}, {@code xenbus}, {@code isa}',
             None),
            ('int',
             'index',
             'the controller index (libvirt assigns the lowest free one when absent; -1 until then)',
             '-1'),
            ('String', 'model', 'the model, or null', None),
            ('Integer', 'ports', '{@code ports} (virtio-serial, usb), or null', None),
            ('Integer', 'vectors', '{@code vectors} (virtio-serial), or null', None),
            ('String', 'modelName', '{@code <model name=>} of a PCI controller, or null', None),
            ('ControllerDriver', 'driver', '{@code <driver>}, or null', None),
            ('ControllerTarget', 'target', '{@code <target>} of a PCI controller, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "controller";\n    }',
 'withs': ['type', 'index', 'model', 'modelName', 'driver', 'target', 'other', 'info']},
{'name': 'ControllerDriver',
 'doc': "A controller's {@code <driver>}.",
 'fields': [('Integer', 'queues', 'the number of queues, or null', None),
            ('Integer', 'cmdPerLun', '{@code cmd_per_lun}, or null', None),
            ('Integer', 'maxSectors', '{@code max_sectors}, or null', None),
            ('String', 'ioeventfd', '{@code on}/{@code off}, or null', None),
            ('Integer', 'iothread', 'the IOThread id, or null', None),
            ('String', 'iommu', 'virtio {@code iommu} {@code on}/{@code off}, or null', None),
            ('String', 'ats', 'virtio {@code ats} {@code on}/{@code off}, or null', None),
            ('String', 'packed', 'virtio {@code packed} {@code on}/{@code off}, or null', None),
            ('String', 'pagePerVq', 'virtio {@code page_per_vq} {@code on}/{@code off}, or null', None),
            ('List<IothreadQueues>',
             'iothreads',
             '{@code <iothreads>}: the virtqueues each IOThread serves, empty when absent',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'ControllerTarget',
 'doc': "A PCI controller's {@code <target>}; a {@code <node>} child stays in {@code other}.",
 'fields': [('Integer', 'chassisNr', '{@code chassisNr}, or null', None),
            ('Integer', 'chassis', '{@code chassis}, or null', None),
            ('Integer', 'port', '{@code port}, or null', None),
            ('Integer', 'busNr', '{@code busNr}, or null', None),
            ('Integer', 'index', '{@code index}, or null', None),
            ('String', 'hotplug', '{@code on}/{@code off}, or null', None),
            ('Long', 'memReserve', '{@code memReserve} in KiB, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['chassis', 'port', 'index', 'other']},
{'name': 'Cpu',
 'doc': 'The guest {@code <cpu>} element.',
 'fields': [('String',
             'mode',
             '{@code custom}, {@code host-model}, {@code host-passthrough}, {@code maximum}, or null',
             None),
            ('String', 'match', '{@code minimum}/{@code exact}/{@code strict}, or null', None),
            ('String', 'check', '{@code none}/{@code partial}/{@code full}, or null', None),
            ('String', 'model', 'the CPU model name, or null', None),
            ('String', 'modelFallback', '{@code <model fallback=>}, or null', None),
            ('String', 'vendor', '{@code <vendor>}, or null', None),
            ('Topology', 'topology', '{@code <topology>}, or null', None),
            ('List<Feature>', 'features', '{@code <feature policy= name=/>} entries', None),
            ('String',
             'migratable',
             '{@code migratable=} ({@code on}/{@code off}, host CPUs), or null',
             None),
            ('String',
             'deprecatedFeatures',
             '{@code deprecated_features=} ({@code on}/{@code off}), or null',
             None),
            ('Cache', 'cache', '{@code <cache>}, or null', None),
            ('MaxPhysAddr', 'maxPhysAddr', '{@code <maxphysaddr>}, or null', None),
            ('List<NumaCell>',
             'numaCells',
             'the guest NUMA cells ({@code <numa><cell>}), ids filled in order; empty without NUMA',
             None),
            ('Preserved',
             'numaOther',
             'the rest of {@code <numa>} ({@code <interconnects>}), kept verbatim; never null',
             'Preserved.NONE'),
            ('Preserved',
             'other',
             "the rest (model vendor_id ...), kept verbatim and formatted back in libvirt's order; never "
             'null',
             'Preserved.NONE')],
 'extra': '    /** {@code <topology>}; a count is 1 when the attribute is absent (dies, clusters). */\n'
          '    public record Topology(int sockets, int dies, int clusters, int cores, int threads) {\n'
          '    }\n'
          '\n'
          '    /** {@code <feature policy= name=/>}; policy may be null (host-model/custom without policy). '
          '*/\n'
          '    public record Feature(String policy, String name) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <cache level= mode=/>}.\n'
          '     *\n'
          '     * @param level the cache level, or null\n'
          '     * @param mode  {@code emulate}, {@code passthrough}, {@code disable}\n'
          '     */\n'
          '    public record Cache(Integer level, String mode) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <maxphysaddr mode= bits= limit=/>}.\n'
          '     *\n'
          '     * @param mode  {@code passthrough} or {@code emulate}\n'
          '     * @param bits  the address width, or null\n'
          '     * @param limit the upper bound of a passthrough width, or null\n'
          '     */\n'
          '    public record MaxPhysAddr(String mode, Integer bits, Integer limit) {\n'
          '    }',
 'withs': ['model', 'other']},
{'name': 'CpuTune',
 'doc': 'The {@code <cputune>} element. Numbers are null when absent.',
 'fields': [('Long', 'shares', '{@code <shares>}', None),
            ('Long', 'period', '{@code <period>} in microseconds', None),
            ('Long', 'quota', '{@code <quota>} in microseconds (may be negative)', None),
            ('List<VcpuPin>', 'vcpuPins', '{@code <vcpupin>} entries', None),
            ('String', 'emulatorPin', '{@code <emulatorpin cpuset=>}, or null', None),
            ('Long', 'globalPeriod', '{@code <global_period>} in microseconds', None),
            ('Long', 'globalQuota', '{@code <global_quota>} in microseconds (may be negative)', None),
            ('Long', 'emulatorPeriod', '{@code <emulator_period>} in microseconds', None),
            ('Long', 'emulatorQuota', '{@code <emulator_quota>} in microseconds (may be negative)', None),
            ('Long', 'iothreadPeriod', '{@code <iothread_period>} in microseconds', None),
            ('Long', 'iothreadQuota', '{@code <iothread_quota>} in microseconds (may be negative)', None),
            ('List<IoThreadPin>', 'iothreadPins', '{@code <iothreadpin>} entries', None),
            ('Sched', 'emulatorSched', '{@code <emulatorsched>}, or null', None),
            ('List<Sched>',
             'vcpuScheds',
             '{@code <vcpusched>}, one entry per vCPU in id order (libvirt splits ranges)',
             None),
            ('List<Sched>',
             'iothreadScheds',
             '{@code <iothreadsched>}, one entry per IOThread in id order',
             None),
            ('Preserved',
             'other',
             "the rest of cputune (cachetune, memorytune), kept verbatim and formatted back in libvirt's "
             'order; never null',
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <iothreadpin iothread= cpuset=/>}.\n'
          '     *\n'
          '     * @param iothread the IOThread id\n'
          '     * @param cpuset   the host CPUs (canonical bitmap syntax)\n'
          '     */\n'
          '    public record IoThreadPin(int iothread, String cpuset) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <vcpusched>}, {@code <iothreadsched>} or {@code <emulatorsched>}.\n'
          '     *\n'
          '     * @param id        the vCPU or IOThread id; null for the emulator\n'
          '     * @param scheduler {@code batch}, {@code idle}, {@code fifo}, {@code rr}\n'
          '     * @param priority  the real-time priority ({@code fifo}/{@code rr}), or null\n'
          '     */\n'
          '    public record Sched(Integer id, String scheduler, Integer priority) {\n'
          '    }',
 'withs': ['vcpuPins', 'other']},
{'name': 'Crypto',
 'doc': 'A {@code <crypto>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'model', '{@code virtio}', None),
            ('String', 'type', '{@code qemu}', None),
            ('String',
             'backendModel',
             '{@code <backend model=>} ({@code builtin}, {@code lkcf}), or null',
             None),
            ('Integer', 'backendQueues', '{@code <backend queues=>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "crypto";\n    }',
 'withs': ['model', 'type', 'other', 'info']},
{'name': 'DefaultIoThread',
 'doc': "The {@code <defaultiothread>} element: the pool of QEMU's main loop.",
 'fields': [('Integer', 'threadPoolMin', '{@code thread_pool_min}, or null', None),
            ('Integer', 'threadPoolMax', '{@code thread_pool_max}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'DeviceInfo',
 'doc': "What every device may carry, as libvirt's virDomainDeviceInfo: {@code <alias name=>},\n"
        '{@code <address>}, {@code <boot order= loadparm=>}, {@code <acpi index=>}, {@code <rom>} and a USB\n'
        "companion controller's {@code <master startport=>}. Every field is null when absent.",
 'constants': ['/** Nothing set. */', 'public static final DeviceInfo NONE = builder().build();', ''],
 'fields': [('String', 'alias', '{@code <alias name=>}, or null', None),
            ('Address', 'address', '{@code <address>}, or null when the device has none (yet)', None),
            ('Integer', 'bootOrder', '{@code <boot order=>}, or null', None),
            ('String', 'bootLoadParm', '{@code <boot loadparm=>}, or null', None),
            ('Integer', 'acpiIndex', '{@code <acpi index=>}, or null', None),
            ('String', 'romBar', '{@code <rom bar=>} ({@code on}/{@code off}), or null', None),
            ('String', 'romFile', '{@code <rom file=>}, or null', None),
            ('String', 'romEnabled', '{@code <rom enabled=>} ({@code yes}/{@code no}), or null', None),
            ('Integer',
             'masterStartport',
             '{@code <master startport=>} of a USB companion controller, or null',
             None)],
 'extra': '    /** Whether nothing is set. */\n'
          '    public boolean isEmpty() {\n'
          '        return equals(NONE);\n'
          '    }',
 'withs': ['address']},
{'name': 'Devices',
 'doc': 'The {@code <devices>} element: the emulator and every device, formatted grouped by kind in '
        "libvirt's\n"
        'order and in list order within a kind.',
 'constants': ['/** No devices. */', 'public static final Devices NONE = builder().build();', ''],
 'fields': [('String', 'emulator', 'the device model emulator binary, or null', None),
            ('List<Device>', 'all', 'every device in order, never null', None)],
 'extra': '    /** The devices of one type, in order. */\n'
          '    public <T extends Device> List<T> ofType(Class<T> type) {\n'
          '        return all.stream().filter(type::isInstance).map(type::cast).toList();\n'
          '    }\n'
          '\n'
          '    public List<Disk> disks() {\n'
          '        return ofType(Disk.class);\n'
          '    }\n'
          '\n'
          '    public List<NetInterface> interfaces() {\n'
          '        return ofType(NetInterface.class);\n'
          '    }\n'
          '\n'
          '    public List<Controller> controllers() {\n'
          '        return ofType(Controller.class);\n'
          '    }\n'
          '\n'
          '    public List<Graphics> graphics() {\n'
          '        return ofType(Graphics.class);\n'
          '    }\n'
          '\n'
          '    /** Serial, console, channel and parallel devices. */\n'
          '    public List<CharDevice> charDevices() {\n'
          '        return ofType(CharDevice.class);\n'
          '    }\n'
          '\n'
          '    /** The devices whose element is {@code elementName}, in order. */\n'
          '    public List<Device> named(String elementName) {\n'
          '        return all.stream().filter(d -> Objects.equals(d.elementName(), elementName)).toList();\n'
          '    }',
 'withs': ['all']},
{'name': 'Disk',
 'doc': 'A {@code <disk>}.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'type',
             '{@code file}, {@code block}, {@code dir}, {@code network}, {@code volume}, {@code nvme}, '
             '{@code vhostuser}, {@code vhostvdpa}, or null',
             None),
            ('String',
             'device',
             "{@code disk}, {@code cdrom}, {@code floppy}, {@code lun}, or null (libvirt's default is disk)",
             None),
            ('String',
             'model',
             '{@code <disk model=>} ({@code virtio}, {@code virtio-transitional}, ...), or null',
             None),
            ('String', 'snapshot', '{@code <disk snapshot=>}, or null', None),
            ('String', 'rawio', '{@code <disk rawio=>} ({@code yes}/{@code no}), or null', None),
            ('String', 'sgio', '{@code <disk sgio=>} ({@code filtered}/{@code unfiltered}), or null', None),
            ('DiskDriver', 'driver', '{@code <driver>}, or null', None),
            ('DiskSource', 'source', '{@code <source>}, or null (an empty drive)', None),
            ('DiskTarget', 'target', '{@code <target>}, never null for a parsed disk', None),
            ('boolean', 'readOnly', '{@code <readonly/>}', None),
            ('boolean', 'shareable', '{@code <shareable/>}', None),
            ('boolean',
             'transientDisk',
             '{@code <transient/>} (its {@code shareBacking} attribute stays in the preserved element)',
             None),
            ('String', 'serial', '{@code <serial>}, or null', None),
            ('String', 'wwn', '{@code <wwn>}, or null', None),
            ('String', 'vendor', '{@code <vendor>}, or null', None),
            ('String', 'product', '{@code <product>}, or null', None),
            ('DiskGeometry', 'geometry', '{@code <geometry>} (the BIOS geometry), or null', None),
            ('DiskAuth', 'auth', '{@code <auth>} on the disk itself (the older placement), or null', None),
            ('DiskEncryption',
             'encryption',
             '{@code <encryption>} on the disk itself (the older placement), or null',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n'
          '    public String elementName() {\n'
          '        return "disk";\n'
          '    }\n'
          '\n'
          '    /** The file, block device, directory, network name or volume of the source, or null. */\n'
          '    public String sourcePath() {\n'
          '        return source == null ? null : source.path();\n'
          '    }\n'
          '\n'
          '    /** The guest device name ({@code vda}, {@code sda}, {@code hdc}), or null. */\n'
          '    public String targetDev() {\n'
          '        return target == null ? null : target.dev();\n'
          '    }\n'
          '\n'
          '    /** The guest bus ({@code virtio}, {@code sata}, {@code scsi}, {@code ide}, ...), or null. '
          '*/\n'
          '    public String targetBus() {\n'
          '        return target == null ? null : target.bus();\n'
          '    }\n'
          '\n'
          '    /** The image format ({@code raw}, {@code qcow2}), or null. */\n'
          '    public String driverType() {\n'
          '        return driver == null ? null : driver.type();\n'
          '    }',
 'withs': ['type', 'model', 'driver', 'target', 'encryption', 'other', 'info']},
{'name': 'DiskAuth',
 'doc': "A disk's {@code <auth>}: the user and the libvirt secret that holds the password.",
 'fields': [('String', 'username', 'the user name, or null', None),
            ('DiskSecret', 'secret', 'the {@code <secret>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'DiskEncryption',
 'doc': "A disk's {@code <encryption>}: the format and engine, and the secrets holding its keys.",
 'fields': [('String', 'format', '{@code luks}, {@code luks2}, {@code qcow}, ..., or null', None),
            ('String', 'engine', '{@code qemu} or {@code librbd}, or null', None),
            ('List<DiskSecret>', 'secrets', 'the {@code <secret>} children, in order', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['engine', 'other']},
{'name': 'DiskDriver',
 'doc': "A disk's {@code <driver>} (libvirt's hypervisor-side disk options).",
 'fields': [('String', 'name', 'the driver name ({@code qemu}), or null', None),
            ('String', 'type', 'the image format ({@code raw}, {@code qcow2}, ...), or null', None),
            ('String',
             'cache',
             '{@code none}, {@code writeback}, {@code writethrough}, {@code directsync}, {@code unsafe}, '
             '{@code default}, or null',
             None),
            ('String', 'errorPolicy', '{@code error_policy}, or null', None),
            ('String', 'rerrorPolicy', '{@code rerror_policy}, or null', None),
            ('String', 'io', '{@code threads}, {@code native}, {@code io_uring}, or null', None),
            ('String', 'ioeventfd', '{@code on}/{@code off}, or null', None),
            ('String', 'eventIdx', '{@code event_idx} {@code on}/{@code off}, or null', None),
            ('String', 'copyOnRead', '{@code copy_on_read} {@code on}/{@code off}, or null', None),
            ('String', 'discard', '{@code unmap}/{@code ignore}, or null', None),
            ('Integer', 'iothread', 'the IOThread id, or null', None),
            ('String',
             'detectZeroes',
             '{@code detect_zeroes} ({@code off}, {@code on}, {@code unmap}), or null',
             None),
            ('String', 'discardNoUnref', '{@code discard_no_unref} {@code on}/{@code off}, or null', None),
            ('Integer', 'queues', 'the number of virtqueues, or null', None),
            ('Integer', 'queueSize', '{@code queue_size}, or null', None),
            ('String', 'iommu', 'virtio {@code iommu} {@code on}/{@code off}, or null', None),
            ('String', 'ats', 'virtio {@code ats} {@code on}/{@code off}, or null', None),
            ('String', 'packed', 'virtio {@code packed} {@code on}/{@code off}, or null', None),
            ('String', 'pagePerVq', 'virtio {@code page_per_vq} {@code on}/{@code off}, or null', None),
            ('List<IothreadQueues>',
             'iothreads',
             '{@code <iothreads>}: the virtqueues each IOThread serves, empty when absent',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['name', 'type', 'other']},
{'name': 'DiskSource',
 'doc': "A disk's {@code <source>}. Which attributes are set depends on the disk type: {@code file}\n"
        '(file), {@code block} (dev), {@code dir} (dir), {@code network} (protocol, name, query, tls,\n'
        'tlsHostname, hosts), {@code volume} (pool, volume, mode). Children other than {@code <host>},\n'
        '{@code <auth>}, {@code <encryption>}, {@code <readahead>} and {@code <timeout>} (reservations,\n'
        'slices, seclabel, cookies, ...) stay in {@code other}.',
 'fields': [('String', 'file', 'the image file, or null', None),
            ('String', 'dev', 'the host block device, or null', None),
            ('String', 'dir', 'the host directory, or null', None),
            ('String',
             'protocol',
             'the network protocol ({@code nbd}, {@code rbd}, {@code iscsi}, {@code http}, ...), or null',
             None),
            ('String', 'name', 'the network image or volume name, or null', None),
            ('String', 'query', 'the network query string, or null', None),
            ('String', 'tls', '{@code yes}/{@code no}, or null', None),
            ('String', 'tlsHostname', 'the TLS host name, or null', None),
            ('String', 'pool', 'the storage pool (type volume), or null', None),
            ('String', 'volume', 'the storage volume (type volume), or null', None),
            ('String', 'mode', 'the volume mode ({@code host}/{@code direct}), or null', None),
            ('String',
             'startupPolicy',
             '{@code mandatory}, {@code requisite} or {@code optional}, or null',
             None),
            ('Integer', 'index', 'the backing chain index ({@code index=}), or null', None),
            ('List<SourceHost>', 'hosts', 'the {@code <host>} entries of a network source', None),
            ('Long',
             'readahead',
             '{@code <readahead size=>} of an HTTP(S)/FTP(S) source in bytes, or null',
             None),
            ('Integer', 'timeout', '{@code <timeout seconds=>} of an HTTP(S)/FTP(S) source, or null', None),
            ('DiskAuth', 'auth', '{@code <auth>} inside the source, or null', None),
            ('DiskEncryption', 'encryption', '{@code <encryption>} inside the source, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /** The file, device, directory, network name or volume, whichever is set, or null. */\n'
          '    public String path() {\n'
          '        for (String p : new String[] {file, dev, dir, name, volume}) {\n'
          '            if (p != null) {\n'
          '                return p;\n'
          '            }\n'
          '        }\n'
          '        return null;\n'
          '    }',
 'withs': ['name', 'tls', 'index', 'hosts', 'encryption', 'other']},
{'name': 'DiskTarget',
 'doc': "A disk's {@code <target>}.",
 'fields': [('String', 'dev', 'the guest device name ({@code vda}, {@code sda}, ...)', None),
            ('String',
             'bus',
             '{@code virtio}, {@code scsi}, {@code sata}, {@code ide}, {@code fdc}, {@code usb}, {@code sd}, '
             '{@code xen}, or null',
             None),
            ('String', 'tray', '{@code open}/{@code closed}, or null', None),
            ('String', 'removable', '{@code on}/{@code off}, or null', None),
            ('Integer', 'rotationRate', '{@code rotation_rate}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['bus', 'tray', 'other']},
{'name': 'DomainDef',
 'doc': "A domain definition: the root {@code <domain>} element of libvirt's domain XML. Obtain one from\n"
        '{@link DomainXmlCodec#parse}; post-parse steps of a driver return completed copies.',
 'imports': ['java.util.UUID'],
 'fields': [('String',
             'type',
             'the hypervisor type attribute ({@code kvm}, {@code qemu}, {@code test}, {@code lxc}), or null',
             None),
            ('int', 'id', 'the {@code id} attribute of a running domain, -1 when absent', '-1'),
            ('String', 'name', 'the domain name', None),
            ('UUID', 'uuid', 'the UUID, or null when the XML has none', None),
            ('String', 'title', 'the short title, or null', None),
            ('String', 'description', 'the description, or null', None),
            ('XmlElement', 'metadata', '{@code <metadata>} kept verbatim, or null', None),
            ('Memory', 'maxMemory', '{@code <maxMemory>} (hotplug limit with slots), or null', None),
            ('Memory', 'memory', '{@code <memory>}: the maximum memory at boot', None),
            ('Memory',
             'currentMemory',
             '{@code <currentMemory>}, or null (then it equals {@code memory})',
             None),
            ('Vcpu', 'vcpu', '{@code <vcpu>}', None),
            ('List<VcpuEntry>', 'vcpus', 'the individual {@code <vcpus>} entries, empty when absent', None),
            ('CpuTune', 'cputune', '{@code <cputune>}, or null', None),
            ('Os', 'os', '{@code <os>}', None),
            ('IdMap', 'idmap', '{@code <idmap>}: the user namespace mappings of a container, or null', None),
            ('Features', 'features', '{@code <features>}, or null', None),
            ('Cpu', 'cpu', '{@code <cpu>}, or null', None),
            ('Clock', 'clock', '{@code <clock>}, or null (formatted as {@code utc})', None),
            ('String', 'onPoweroff', '{@code <on_poweroff>}, or null (formatted as {@code destroy})', None),
            ('String', 'onReboot', '{@code <on_reboot>}, or null (formatted as {@code restart})', None),
            ('String', 'onCrash', '{@code <on_crash>}, or null (formatted as {@code destroy})', None),
            ('Devices', 'devices', '{@code <devices>}, never null', 'Devices.NONE'),
            ('Preserved',
             'other',
             'unmodelled attributes of {@code <domain>} and top-level elements (seclabel, keywrap ...) the '
             "model does not name, kept verbatim and formatted back in libvirt's order; never null",
             'Preserved.NONE'),
            ('UUID',
             'genid',
             '{@code <genid>}: the VM generation id, or null when absent (an empty element gets a random one '
             'on parsing)',
             None),
            ('boolean',
             'genidGenerated',
             'whether {@code genid} was generated because {@code <genid/>} was empty',
             None),
            ('MemTune', 'memtune', '{@code <memtune>}, or null', None),
            ('MemoryBacking', 'memoryBacking', '{@code <memoryBacking>}, or null', None),
            ('BlkioTune', 'blkiotune', '{@code <blkiotune>}, or null', None),
            ('Integer',
             'iothreads',
             '{@code <iothreads>}: the number of IOThreads, or null when absent',
             None),
            ('List<IoThread>', 'iothreadIds', 'the {@code <iothreadids>} entries, empty when absent', None),
            ('DefaultIoThread', 'defaultIoThread', '{@code <defaultiothread>}, or null', None),
            ('NumaTune', 'numatune', '{@code <numatune>}, or null', None),
            ('Resource', 'resource', '{@code <resource>}, or null', None),
            ('String', 'onLockfailure', '{@code <on_lockfailure>}, or null', None),
            ('Pm', 'pm', '{@code <pm>}, or null', None),
            ('List<Sysinfo>',
             'sysinfo',
             'the {@code <sysinfo>} elements, in order (libvirt allows one per type)',
             None),
            ('LaunchSecurity', 'launchSecurity', '{@code <launchSecurity>}, or null', None)],
 'extra': '    /** A copy with {@code memory} and {@code currentMemory} replaced. */\n'
          '    public DomainDef withMemory(Memory newMemory, Memory newCurrentMemory) {\n'
          '        return toBuilder().memory(newMemory).currentMemory(newCurrentMemory).build();\n'
          '    }\n'
          '\n'
          '    /** The memory the guest has at boot: {@code currentMemory}, or {@code memory} when absent. '
          '*/\n'
          '    public long currentMemoryKib() {\n'
          '        return currentMemory != null ? currentMemory.kib() : memory.kib();\n'
          '    }',
 'withs': ['type', 'id', 'name', 'uuid', 'cputune', 'os', 'cpu', 'devices', 'other', 'iothreadIds']},
{'name': 'Features',
 'doc': 'The {@code <features>} element: each feature as written ({@code <acpi/>}, {@code <apic eoi=/>},\n'
        "{@code <hyperv mode=>...}, {@code <smm><tseg/></smm>} ...), formatted in libvirt's order.",
 'fields': [('List<XmlElement>',
             'entries',
             "the features in order, except {@code <capabilities>}, each as written with libvirt's "
             'parse-time completions (states, the Hyper-V mode); the typed accessors read them',
             None),
            ('Capabilities',
             'capabilities',
             'the LXC {@code <capabilities policy=>} feature, or null',
             None)],
 'extra': '    /** Whether the LXC {@code <privnet/>} feature (a private network namespace even without '
          'interfaces) is set. */\n'
          '    public boolean privnet() {\n'
          '        return has("privnet");\n'
          '    }\n'
          '\n'
          '    /**\n'
          "     * {@code <capabilities policy=>}: the process capabilities of a container's init.\n"
          '     *\n'
          '     * @param policy {@code default}, {@code allow} or {@code deny}\n'
          "     * @param states per capability (libvirt's names: {@code mknod}, {@code sys_admin}, ...), "
          'its\n'
          "     *               state {@code on}/{@code off}, in libvirt's order\n"
          '     */\n'
          '    public record Capabilities(String policy, List<Capability> states) {\n'
          '        public Capabilities {\n'
          '            states = List.copyOf(states == null ? List.of() : states);\n'
          '        }\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * One capability of {@link Capabilities}.\n'
          '     *\n'
          '     * @param name  the capability name without {@code CAP_}, lower case\n'
          '     * @param state {@code on} or {@code off}\n'
          '     */\n'
          '    public record Capability(String name, String state) {\n'
          '    }\n'
          '\n'
          '    /** Whether feature {@code name} is present. */\n'
          '    public boolean has(String name) {\n'
          '        return entries.stream().anyMatch(e -> e.name().equals(name));\n'
          '    }\n'
          '\n'
          '    /** Feature {@code name}, or null. */\n'
          '    public XmlElement get(String name) {\n'
          '        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * The state of feature {@code name} as libvirt reads it: its {@code state} attribute, {@code '
          'on}\n'
          '     * for a feature written without one, null when absent.\n'
          '     */\n'
          '    public String state(String name) {\n'
          '        XmlElement e = get(name);\n'
          '        if (e == null) {\n'
          '            return null;\n'
          '        }\n'
          '        return e.attribute("state") == null ? "on" : e.attribute("state");\n'
          '    }\n'
          '\n'
          '    /** Whether feature {@code name} is present and its state is {@code on}. */\n'
          '    public boolean on(String name) {\n'
          '        return "on".equals(state(name));\n'
          '    }\n'
          '\n'
          '    /** Whether feature {@code name} is written with state {@code off}. */\n'
          '    public boolean off(String name) {\n'
          '        return "off".equals(state(name));\n'
          '    }\n'
          '\n'
          '    /** {@code <apic eoi=>} ({@code on}/{@code off}), or null. */\n'
          '    public String apicEoi() {\n'
          '        return attr("apic", "eoi");\n'
          '    }\n'
          '\n'
          '    /** {@code <ioapic driver=>} ({@code kvm}/{@code qemu}), or null. */\n'
          '    public String ioapicDriver() {\n'
          '        return attr("ioapic", "driver");\n'
          '    }\n'
          '\n'
          '    /** {@code <gic version=>} ({@code 2}, {@code 3}, {@code host}), or null. */\n'
          '    public String gicVersion() {\n'
          '        return attr("gic", "version");\n'
          '    }\n'
          '\n'
          '    /** {@code <async-teardown enabled=>} ({@code yes}/{@code no}), or null. */\n'
          '    public String asyncTeardown() {\n'
          '        return attr("async-teardown", "enabled");\n'
          '    }\n'
          '\n'
          '    /** {@code <hpt resizing=>} ({@code enabled}/{@code disabled}/{@code required}), or null. */\n'
          '    public String hptResizing() {\n'
          '        return attr("hpt", "resizing");\n'
          '    }\n'
          '\n'
          '    /** {@code <hpt><maxpagesize>} in KiB (the codec checked the number), or null. */\n'
          '    public Long hptMaxPageSizeKib() {\n'
          '        XmlElement hpt = get("hpt");\n'
          '        return hpt == null ? null : FeatureSizes.kib(hpt.child("maxpagesize"), "KiB");\n'
          '    }\n'
          '\n'
          '    /** {@code <tcg><tb-cache>} in KiB (the codec checked the number), or null. */\n'
          '    public Long tcgTbCacheKib() {\n'
          '        XmlElement tcg = get("tcg");\n'
          '        return tcg == null ? null : FeatureSizes.kib(tcg.child("tb-cache"), "KiB");\n'
          '    }\n'
          '\n'
          '    /** {@code <smm>}, or null when absent. */\n'
          '    public Smm smm() {\n'
          '        XmlElement smm = get("smm");\n'
          '        return smm == null ? null : new Smm(state("smm"), FeatureSizes.kib(smm.child("tseg"), '
          '"MiB"));\n'
          '    }\n'
          '\n'
          '    /** {@code <hyperv>}, or null when absent. */\n'
          '    public Hyperv hyperv() {\n'
          '        return Hyperv.of(get("hyperv"));\n'
          '    }\n'
          '\n'
          '    /** {@code <kvm>}, or null when absent. */\n'
          '    public Kvm kvm() {\n'
          '        return Kvm.of(get("kvm"));\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <smm state=><tseg unit=>N</tseg></smm>}.\n'
          '     *\n'
          '     * @param state   {@code on}/{@code off}\n'
          "     * @param tsegKib the TSEG size in KiB (libvirt's default unit MiB), or null when not "
          'written\n'
          '     */\n'
          '    public record Smm(String state, Long tsegKib) {\n'
          '    }\n'
          '\n'
          '    private String attr(String feature, String attribute) {\n'
          '        XmlElement e = get(feature);\n'
          '        return e == null ? null : e.attribute(attribute);\n'
          '    }'},
{'name': 'Filesystem',
 'doc': 'A {@code <filesystem>}: a host directory, image, block device or RAM shared with the guest\n'
        "(QEMU: 9p and virtiofs; LXC: the container's mounts).",
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'type',
             '{@code mount}, {@code block}, {@code file}, {@code template}, {@code ram}, {@code bind}, '
             '{@code volume}; null means mount',
             None),
            ('String', 'accessMode', '{@code passthrough}, {@code mapped}, {@code squash}, or null', None),
            ('String', 'model', '{@code virtio}, {@code virtio-transitional}, ..., or null', None),
            ('String',
             'multidevs',
             '{@code default}, {@code remap}, {@code forbid}, {@code warn}, or null',
             None),
            ('Integer', 'fmode', 'the file mode of 9p mapped files (written in octal), or null', None),
            ('Integer', 'dmode', 'the directory mode of 9p mapped files (written in octal), or null', None),
            ('FsDriver', 'driver', '{@code <driver>}, or null', None),
            ('FsBinary', 'binary', "virtiofsd's {@code <binary>}, or null", None),
            ('IdMap', 'idmap', 'the {@code <idmap>} of virtiofs, or null', None),
            ('FsSource', 'source', '{@code <source>}, or null', None),
            ('String',
             'targetDir',
             '{@code <target dir=>}: the guest mount point (LXC) or mount tag (QEMU), or null',
             None),
            ('boolean', 'readOnly', '{@code <readonly/>}', None),
            ('Long', 'spaceHardLimit', '{@code <space_hard_limit>} in bytes, or null', None),
            ('Long', 'spaceSoftLimit', '{@code <space_soft_limit>} in bytes, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "filesystem";\n    }',
 'withs': ['type', 'accessMode', 'model', 'driver', 'other', 'info']},
{'name': 'FsBinary',
 'doc': "virtiofsd's {@code <binary>}.",
 'fields': [('String', 'path', 'the virtiofsd binary, or null', None),
            ('String', 'xattr', '{@code on}/{@code off}, or null', None),
            ('String',
             'cacheMode',
             '{@code <cache mode=>} ({@code none}, {@code always}, ...), or null',
             None),
            ('String', 'lockPosix', '{@code <lock posix=>} {@code on}/{@code off}, or null', None),
            ('String', 'flock', '{@code <lock flock=>} {@code on}/{@code off}, or null', None),
            ('String',
             'sandboxMode',
             '{@code <sandbox mode=>} ({@code namespace}/{@code chroot}), or null',
             None),
            ('Integer', 'threadPoolSize', '{@code <thread_pool size=>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'FsDriver',
 'doc': "A filesystem's {@code <driver>}.",
 'fields': [('String',
             'type',
             '{@code path}, {@code handle}, {@code loop}, {@code nbd}, {@code ploop}, {@code virtiofs}, or '
             'null',
             None),
            ('String', 'format', 'the image format of loop/nbd ({@code raw}, {@code qcow2}), or null', None),
            ('String', 'wrpolicy', '{@code immediate}, or null', None),
            ('Integer', 'queue', 'the virtiofs queue size, or null', None),
            ('String', 'iommu', 'virtio {@code iommu} {@code on}/{@code off}, or null', None),
            ('String', 'ats', 'virtio {@code ats} {@code on}/{@code off}, or null', None),
            ('String', 'packed', 'virtio {@code packed} {@code on}/{@code off}, or null', None),
            ('String', 'pagePerVq', 'virtio {@code page_per_vq} {@code on}/{@code off}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['type', 'other']},
{'name': 'FsSource',
 'doc': "A filesystem's {@code <source>}: {@code dir} (mount, bind; {@code socket} for an externally\n"
        'started virtiofsd), {@code file}, {@code dev} (block), {@code name} (template), {@code pool} and\n'
        '{@code volume} (volume), {@code usage} (ram, normalised to KiB as libvirt does).',
 'fields': [('String', 'dir', 'the host directory, or null', None),
            ('String', 'file', 'the image file, or null', None),
            ('String', 'dev', 'the host block device, or null', None),
            ('String', 'name', 'the template name, or null', None),
            ('String', 'pool', 'the storage pool (type volume), or null', None),
            ('String', 'volume', 'the storage volume (type volume), or null', None),
            ('Long', 'usageKib', 'the RAM filesystem size in KiB, or null', None),
            ('String',
             'units',
             'the unit written back with {@code usage} ({@code KiB} after parsing), or null',
             None),
            ('String', 'socket', 'the vhost-user socket of an external virtiofsd, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['name', 'other']},
{'name': 'Graphics',
 'doc': 'A {@code <graphics>} device (virDomainGraphicsDef): the ports, listens and authentication of\n'
        '{@code vnc}, {@code spice} and {@code rdp}, the SPICE channel and compression settings, the\n'
        '{@code sdl} display, and the {@code dbus} address. What a type does not use stays null.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'type',
             '{@code vnc}, {@code spice}, {@code sdl}, {@code rdp}, {@code desktop}, {@code egl-headless}, '
             '{@code dbus}',
             None),
            ('int', 'port', 'the VNC, SPICE or RDP port, 0 when unset; -1 is written for autoport', None),
            ('boolean', 'autoport', 'whether the port is allocated automatically', None),
            ('Integer', 'tlsPort', 'the SPICE TLS port, or null when unset', None),
            ('Integer', 'websocket', 'the VNC websocket port (-1: allocated), or null', None),
            ('List<Listen>',
             'listens',
             'where it listens, first one mirrored in the legacy {@code listen}/{@code socket} attribute',
             None),
            ('String', 'keymap', '{@code keymap} (vnc, spice), or null', None),
            ('String',
             'sharePolicy',
             'VNC {@code sharePolicy} ({@code allow-exclusive}, {@code force-shared}, {@code ignore}), or '
             'null',
             None),
            ('String', 'powerControl', 'VNC {@code powerControl} ({@code yes}/{@code no}), or null', None),
            ('String', 'username', 'the user name of RDP (and VNC) authentication, or null', None),
            ('String',
             'passwd',
             '{@code passwd} (vnc, spice), or null; written only with {@link DomainXmlCodec#FORMAT_SECURE}',
             None),
            ('String', 'passwdValidTo', '{@code passwdValidTo} (a time stamp as written), or null', None),
            ('String',
             'connected',
             '{@code connected} ({@code fail}, {@code disconnect}, {@code keep}), or null',
             None),
            ('String',
             'defaultMode',
             'SPICE {@code defaultMode} ({@code any}, {@code secure}, {@code insecure}), or null',
             None),
            ('List<Channel>', 'channels', 'SPICE {@code <channel name= mode=>} entries', None),
            ('String', 'imageCompression', 'SPICE {@code <image compression=>}, or null', None),
            ('String', 'jpegCompression', 'SPICE {@code <jpeg compression=>}, or null', None),
            ('String', 'zlibCompression', 'SPICE {@code <zlib compression=>}, or null', None),
            ('String',
             'playbackCompression',
             'SPICE {@code <playback compression=>} ({@code on}/{@code off}), or null',
             None),
            ('String',
             'streamingMode',
             'SPICE {@code <streaming mode=>} ({@code filter}, {@code all}, {@code off}), or null',
             None),
            ('String',
             'mouseMode',
             'SPICE {@code <mouse mode=>} ({@code server}, {@code client}), or null',
             None),
            ('String',
             'clipboardCopypaste',
             'SPICE {@code <clipboard copypaste=>} ({@code yes}/{@code no}), or null',
             None),
            ('String',
             'filetransferEnable',
             'SPICE {@code <filetransfer enable=>} ({@code yes}/{@code no}), or null',
             None),
            ('Gl', 'gl', '{@code <gl enable= rendernode=>} (spice, sdl, egl-headless, dbus), or null', None),
            ('Integer', 'audioId', '{@code <audio id=>}: the audio backend (vnc, dbus), or null', None),
            ('String', 'display', 'SDL/desktop {@code display}, or null', None),
            ('String', 'xauth', 'SDL {@code xauth}, or null', None),
            ('String',
             'fullscreen',
             'SDL/desktop {@code fullscreen} ({@code yes}/{@code no}), or null',
             None),
            ('String', 'replaceUser', 'RDP {@code replaceUser} ({@code yes}/{@code no}), or null', None),
            ('String', 'multiUser', 'RDP {@code multiUser} ({@code yes}/{@code no}), or null', None),
            ('String', 'address', 'D-Bus {@code address}, or null', None),
            ('String', 'p2p', 'D-Bus {@code p2p} ({@code yes}/{@code no}), or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n'
          '    public String elementName() {\n'
          '        return "graphics";\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <listen>}.\n'
          '     *\n'
          '     * @param type          {@code address}, {@code network}, {@code socket} or {@code none}\n'
          '     * @param address       the address (type address, or resolved network), or null\n'
          '     * @param network       the network name (type network), or null\n'
          '     * @param socket        the UNIX socket path (type socket), or null\n'
          '     * @param autoGenerated {@code yes} when the driver chose the socket path (status XML only), '
          'or null\n'
          '     * @param other         further attributes\n'
          '     */\n'
          '    public record Listen(String type, String address, String network, String socket, String '
          'autoGenerated,\n'
          '            Preserved other) {\n'
          '        public Listen {\n'
          '            other = other == null ? Preserved.NONE : other;\n'
          '        }\n'
          '\n'
          '        /** A listen without {@code autoGenerated}. */\n'
          '        public Listen(String type, String address, String network, String socket, Preserved '
          'other) {\n'
          '            this(type, address, network, socket, null, other);\n'
          '        }\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * A SPICE {@code <channel>}.\n'
          '     *\n'
          '     * @param name {@code main}, {@code display}, {@code inputs}, {@code cursor}, {@code '
          'playback}, {@code record}, {@code smartcard}, {@code usbredir}\n'
          '     * @param mode {@code any}, {@code secure} or {@code insecure}\n'
          '     */\n'
          '    public record Channel(String name, String mode) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <gl>}.\n'
          '     *\n'
          '     * @param enable     {@code yes}/{@code no}, or null (egl-headless has none)\n'
          '     * @param rendernode the DRM render node path, or null\n'
          '     */\n'
          '    public record Gl(String enable, String rendernode) {\n'
          '    }',
 'withs': ['type', 'port', 'listens', 'display', 'address', 'other', 'info']},
{'name': 'Hostdev',
 'doc': "A {@code <hostdev>} (host device assignment): {@code mode='subsystem'} (pci, usb, scsi,\n"
        "scsi_host, mdev) or {@code mode='capabilities'} (storage, misc, net: the LXC driver's).",
 'implements': 'Device',
 'imports': ['java.util.List'],
 'fields': [('String', 'mode', '{@code subsystem} or {@code capabilities}', None),
            ('String',
             'type',
             '{@code pci}, {@code usb}, {@code scsi}, {@code scsi_host}, {@code mdev}, {@code storage}, '
             '{@code misc}, {@code net}',
             None),
            ('String', 'managed', '{@code yes}/{@code no}, or null', None),
            ('String', 'sgio', '{@code filtered}/{@code unfiltered} (scsi), or null', None),
            ('String', 'rawio', '{@code yes}/{@code no} (scsi), or null', None),
            ('String',
             'model',
             '{@code <hostdev model=>} of an mdev or scsi_host ({@code vfio-pci}, {@code virtio}, ...), or '
             'null',
             None),
            ('String', 'display', 'mdev {@code display} {@code on}/{@code off}, or null', None),
            ('String', 'ramfb', 'mdev {@code ramfb} {@code on}/{@code off}, or null', None),
            ('HostdevSource', 'source', '{@code <source>}, or null', None),
            ('String',
             'driverName',
             '{@code <driver name=>} ({@code vfio}, {@code kvm}, {@code xen}), or null',
             None),
            ('boolean', 'readOnly', '{@code <readonly/>}', None),
            ('boolean', 'shareable', '{@code <shareable/>}', None),
            ('NetInterface.Teaming', 'teaming', '{@code <teaming>}, or null', None),
            ('List<NetIp>', 'ips', '{@code <ip>} of a capabilities net hostdev, in order', None),
            ('List<NetRoute>', 'routes', '{@code <route>} of a capabilities net hostdev, in order', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "hostdev";\n    }',
 'withs': ['type', 'managed', 'model', 'display', 'other', 'info']},
{'name': 'HostdevSource',
 'doc': "A hostdev's {@code <source>}. Which fields are set depends on the hostdev type: {@code pci}\n"
        '(pciAddress), {@code usb} (vendorId, productId, usbBus, usbDevice, startupPolicy, guestReset),\n'
        '{@code scsi} (adapterName, scsiBus, scsiTarget, scsiUnit; or protocol {@code iscsi} with name),\n'
        '{@code scsi_host} (protocol {@code vhost}, wwpn), {@code mdev} (mdevUuid), and the capabilities\n'
        'types {@code storage} (block), {@code misc} (charDev), {@code net} (interfaceName). The hosts,\n'
        'auth and initiator of an iSCSI source stay in {@code other}.',
 'fields': [('Address',
             'pciAddress',
             'the host PCI address (type {@code pci}; written without a type attribute), or null',
             None),
            ('Integer', 'vendorId', 'the USB vendor id, or null', None),
            ('Integer', 'productId', 'the USB product id, or null', None),
            ('Integer', 'usbBus', 'the USB bus, or null', None),
            ('Integer', 'usbDevice', 'the USB device number, or null', None),
            ('String', 'startupPolicy', 'USB {@code startupPolicy}, or null', None),
            ('String', 'guestReset', 'USB {@code guestReset}, or null', None),
            ('String', 'adapterName', '{@code <adapter name=>} of a SCSI source, or null', None),
            ('Integer', 'scsiBus', 'the SCSI bus, or null', None),
            ('Integer', 'scsiTarget', 'the SCSI target, or null', None),
            ('Long', 'scsiUnit', 'the SCSI unit, or null', None),
            ('String', 'protocol', '{@code iscsi} (scsi) or {@code vhost} (scsi_host), or null', None),
            ('String', 'name', 'the iSCSI target name, or null', None),
            ('String', 'wwpn', 'the vhost-scsi WWPN, or null', None),
            ('String', 'mdevUuid', 'the mediated device UUID, or null', None),
            ('String', 'block', '{@code <block>} of a storage capabilities hostdev, or null', None),
            ('String', 'charDev', '{@code <char>} of a misc capabilities hostdev, or null', None),
            ('String', 'interfaceName', '{@code <interface>} of a net capabilities hostdev, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['name', 'other']},
{'name': 'Hub',
 'doc': 'A {@code <hub>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'type', '{@code usb}', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "hub";\n    }',
 'withs': ['type', 'other', 'info']},
{'name': 'Input',
 'doc': 'An {@code <input>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'type',
             '{@code mouse}, {@code tablet}, {@code keyboard}, {@code passthrough}, {@code evdev}',
             None),
            ('String', 'bus', '{@code ps2}, {@code usb}, {@code virtio}, {@code xen}, or null', None),
            ('String',
             'model',
             '{@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, or null',
             None),
            ('InputSource', 'source', '{@code <source>} (passthrough and evdev), or null', None),
            ('VirtioDriver', 'driver', '{@code <driver>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "input";\n    }',
 'withs': ['type', 'bus', 'model', 'driver', 'other', 'info']},
{'name': 'InputSource',
 'doc': "An input device's {@code <source>}: {@code evdev=} for passthrough, {@code dev=} and the grab "
        'options for evdev.',
 'fields': [('String', 'evdev', 'the host event device of a passthrough input, or null', None),
            ('String', 'dev', 'the host event device of an evdev input, or null', None),
            ('String', 'grab', '{@code all}, or null', None),
            ('String',
             'grabToggle',
             '{@code ctrl-ctrl}, {@code alt-alt}, {@code shift-shift}, {@code meta-meta}, {@code '
             'scrolllock}, {@code ctrl-scrolllock}, or null',
             None),
            ('String', 'repeat', '{@code on}/{@code off}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'IoThread',
 'doc': 'An {@code <iothreadids><iothread>} entry.',
 'fields': [('int', 'id', 'the IOThread id (1 or more)', None),
            ('Integer', 'threadPoolMin', '{@code thread_pool_min}, or null', None),
            ('Integer', 'threadPoolMax', '{@code thread_pool_max}, or null', None),
            ('Long', 'pollMaxNs', '{@code <poll max=>} in nanoseconds, or null', None),
            ('Long', 'pollGrow', '{@code <poll grow=>}, or null', None),
            ('Long', 'pollShrink', '{@code <poll shrink=>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['id', 'other']},
{'name': 'Iommu',
 'doc': 'An {@code <iommu>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'model', '{@code intel}, {@code smmuv3}, {@code virtio}', None),
            ('String', 'intremap', '{@code <driver intremap=>} {@code on}/{@code off}, or null', None),
            ('String', 'cachingMode', '{@code <driver caching_mode=>} {@code on}/{@code off}, or null', None),
            ('String', 'eim', '{@code <driver eim=>} {@code on}/{@code off}, or null', None),
            ('String', 'iotlb', '{@code <driver iotlb=>} {@code on}/{@code off}, or null', None),
            ('Integer', 'awBits', '{@code <driver aw_bits=>}, or null', None),
            ('String',
             'dmaTranslation',
             '{@code <driver dma_translation=>} {@code on}/{@code off}, or null',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "iommu";\n    }',
 'withs': ['model', 'other', 'info']},
{'name': 'LaunchSecurity',
 'doc': 'The {@code <launchSecurity>} element: AMD SEV / SEV-SNP memory encryption or s390 protected\n'
        'virtualization ({@code s390-pv}, no children).',
 'fields': [('String', 'type', '{@code sev}, {@code sev-snp} or {@code s390-pv}', None),
            ('String', 'kernelHashes', 'sev: {@code kernelHashes=} ({@code yes}/{@code no}), or null', None),
            ('String', 'authorKey', 'sev-snp: {@code authorKey=} ({@code yes}/{@code no}), or null', None),
            ('String', 'vcek', 'sev-snp: {@code vcek=} ({@code yes}/{@code no}), or null', None),
            ('Integer',
             'cbitpos',
             '{@code <cbitpos>}: the C-bit position in a page table entry, or null',
             None),
            ('Integer',
             'reducedPhysBits',
             '{@code <reducedPhysBits>}: physical address bits lost to encryption, or null',
             None),
            ('Long', 'policy', '{@code <policy>}: the guest policy (written in hex), or null', None),
            ('String',
             'dhCert',
             "sev: {@code <dhCert>}: the owner's Diffie-Hellman key (base64), or null",
             None),
            ('String', 'session', 'sev: {@code <session>}: the session blob (base64), or null', None),
            ('String',
             'guestVisibleWorkarounds',
             'sev-snp: {@code <guestVisibleWorkarounds>} (base64), or null',
             None),
            ('String', 'idBlock', 'sev-snp: {@code <idBlock>} (base64), or null', None),
            ('String', 'idAuth', 'sev-snp: {@code <idAuth>} (base64), or null', None),
            ('String', 'hostData', 'sev-snp: {@code <hostData>} (base64), or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['type', 'other']},
{'name': 'MemBalloon',
 'doc': 'The {@code <memballoon>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'model',
             '{@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, {@code xen} or '
             '{@code none}',
             None),
            ('String', 'autodeflate', '{@code on}/{@code off}, or null', None),
            ('String', 'freePageReporting', '{@code on}/{@code off}, or null', None),
            ('Integer', 'statsPeriod', '{@code <stats period=>} in seconds, or null', None),
            ('VirtioDriver', 'driver', '{@code <driver>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "memballoon";\n    }',
 'withs': ['model', 'driver', 'other', 'info']},
{'name': 'MemTune',
 'doc': "The {@code <memtune>} element (libvirt's memory cgroup limits). Every limit is in KiB, as libvirt\n"
        'normalises it on parsing; null when not set (or unlimited).',
 'fields': [('Long', 'hardLimit', '{@code <hard_limit>} in KiB, or null', None),
            ('Long', 'softLimit', '{@code <soft_limit>} in KiB, or null', None),
            ('Long', 'swapHardLimit', '{@code <swap_hard_limit>} in KiB, or null', None),
            ('Long', 'minGuarantee', '{@code <min_guarantee>} in KiB, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'MemoryBacking',
 'doc': 'The {@code <memoryBacking>} element: how guest RAM is backed on the host.',
 'fields': [('boolean',
             'hugepages',
             "whether {@code <hugepages>} is present (without pages it asks for the host's default size)",
             None),
            ('List<Page>',
             'pages',
             'the {@code <hugepages><page size= nodeset=/>} entries, sizes in KiB',
             None),
            ('boolean', 'nosharepages', '{@code <nosharepages/>}', None),
            ('boolean', 'locked', '{@code <locked/>}', None),
            ('String',
             'sourceType',
             '{@code <source type=>} ({@code file}, {@code anonymous}, {@code memfd}), or null',
             None),
            ('String',
             'accessMode',
             '{@code <access mode=>} ({@code shared}, {@code private}), or null',
             None),
            ('String',
             'allocationMode',
             '{@code <allocation mode=>} ({@code immediate}, {@code ondemand}), or null',
             None),
            ('Integer', 'allocationThreads', '{@code <allocation threads=>}, or null', None),
            ('boolean', 'discard', '{@code <discard/>}', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <page size= unit= nodeset=/>}.\n'
          '     *\n'
          '     * @param sizeKib the page size in KiB\n'
          '     * @param nodeset the guest NUMA nodes it backs (canonical bitmap syntax), or null for all\n'
          '     */\n'
          '    public record Page(long sizeKib, String nodeset) {\n'
          '    }',
 'withs': ['accessMode', 'other']},
{'name': 'MemoryDevice',
 'doc': 'A {@code <memory>} device: a DIMM, NVDIMM, virtio-mem, virtio-pmem or SGX EPC section. Sizes are in '
        'KiB.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'model',
             '{@code dimm}, {@code nvdimm}, {@code virtio-pmem}, {@code virtio-mem}, {@code sgx-epc}',
             None),
            ('String', 'access', '{@code shared}/{@code private}, or null', None),
            ('String', 'discard', '{@code yes}/{@code no}, or null', None),
            ('String', 'uuid', '{@code <uuid>} of nvdimm on pSeries, or null', None),
            ('MemorySource', 'source', '{@code <source>}, or null', None),
            ('MemoryTarget', 'target', '{@code <target>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "memory";\n    }',
 'withs': ['model', 'uuid', 'target', 'other', 'info']},
{'name': 'MemorySource',
 'doc': "A memory device's {@code <source>}. Sizes are in KiB.",
 'imports': [],
 'fields': [('Long', 'pagesizeKib', '{@code <pagesize>}, or null', None),
            ('String', 'nodemask', '{@code <nodemask>} (a host NUMA node set), or null', None),
            ('String',
             'path',
             '{@code <path>}: the backing file or device of nvdimm/virtio-pmem, or null',
             None),
            ('Long', 'alignsizeKib', '{@code <alignsize>}, or null', None),
            ('boolean', 'pmem', 'whether {@code <pmem/>} is present', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'MemoryTarget',
 'doc': "A memory device's {@code <target>}. Sizes are in KiB.",
 'imports': [],
 'fields': [('String',
             'dynamicMemslots',
             '{@code dynamicMemslots} ({@code yes}/{@code no}) of virtio-mem, or null',
             None),
            ('Long', 'sizeKib', '{@code <size>}, or null', None),
            ('Integer', 'node', '{@code <node>}: the guest NUMA node, or null', None),
            ('Long', 'labelSizeKib', '{@code <label><size>} of nvdimm, or null', None),
            ('Long', 'blockKib', '{@code <block>} of virtio-mem, or null', None),
            ('Long', 'requestedKib', '{@code <requested>} of virtio-mem, or null', None),
            ('Long', 'currentKib', '{@code <current>} of virtio-mem (runtime), or null', None),
            ('boolean', 'readonly', 'whether {@code <readonly/>} is present', None),
            ('Long', 'addressBase', '{@code <address base=>} of virtio-mem/virtio-pmem, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'NetDriver',
 'doc': "An interface's {@code <driver>} (virtio-net and vhost options).",
 'fields': [('String', 'name', '{@code qemu}, {@code vhost}, {@code kvm}, {@code vfio}, ... or null', None),
            ('String', 'txmode', '{@code iothread}/{@code timer}, or null', None),
            ('String', 'ioeventfd', '{@code on}/{@code off}, or null', None),
            ('String', 'eventIdx', '{@code event_idx} {@code on}/{@code off}, or null', None),
            ('Integer', 'queues', 'the number of queue pairs, or null', None),
            ('Integer', 'rxQueueSize', '{@code rx_queue_size}, or null', None),
            ('Integer', 'txQueueSize', '{@code tx_queue_size}, or null', None),
            ('String', 'rss', '{@code on}/{@code off}, or null', None),
            ('String', 'rssHashReport', '{@code rss_hash_report} {@code on}/{@code off}, or null', None),
            ('String', 'iommu', 'virtio {@code iommu} {@code on}/{@code off}, or null', None),
            ('String', 'ats', 'virtio {@code ats} {@code on}/{@code off}, or null', None),
            ('String', 'packed', 'virtio {@code packed} {@code on}/{@code off}, or null', None),
            ('String', 'pagePerVq', 'virtio {@code page_per_vq} {@code on}/{@code off}, or null', None),
            ('Offload', 'host', '{@code <host>} offloads, or null', None),
            ('Offload', 'guest', '{@code <guest>} offloads, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * The {@code <host>} or {@code <guest>} offload switches of a virtio-net driver; each is\n'
          '     * {@code on}/{@code off}, or null when not written ({@code <guest>} has no gso nor '
          'mrg_rxbuf).\n'
          '     */\n'
          '    public record Offload(String csum, String gso, String tso4, String tso6, String ecn, String '
          'ufo, String mrgRxbuf) {\n'
          '    }',
 'withs': ['name', 'other']},
{'name': 'NetInterface',
 'doc': "An {@code <interface>} (network interface). Sub-elements libvirt's QEMU and LXC drivers do not\n"
        'read (vlan, virtualport, filterref, tune, coalesce, portForward, guest, ...) stay in\n'
        '{@code other}.',
 'implements': 'Device',
 'imports': ['java.util.List'],
 'fields': [('String',
             'type',
             '{@code network}, {@code bridge}, {@code user}, {@code ethernet}, {@code direct}, {@code '
             'hostdev}, {@code vhostuser}, ...',
             None),
            ('String',
             'managed',
             '{@code <interface managed=>} of a hostdev interface ({@code yes}/{@code no}), or null',
             None),
            ('String', 'trustGuestRxFilters', '{@code yes}/{@code no}, or null', None),
            ('String',
             'mac',
             'the MAC address, lower case (the parser generates one under 52:54:00 when absent or all zero, '
             'as libvirt does)',
             None),
            ('String', 'macType', '{@code <mac type=>} ({@code generated}/{@code static}), or null', None),
            ('String', 'macCheck', '{@code <mac check=>} ({@code yes}/{@code no}), or null', None),
            ('NetSource', 'source', '{@code <source>}, or null', None),
            ('List<NetIp>', 'ips', 'the {@code <ip>} addresses given to the guest side, in order', None),
            ('List<NetRoute>', 'routes', 'the {@code <route>} entries, in order', None),
            ('String', 'script', '{@code <script path=>}, or null', None),
            ('String', 'downscript', '{@code <downscript path=>}, or null', None),
            ('String', 'targetDev', '{@code <target dev=>}: the host side device name, or null', None),
            ('String', 'targetManaged', '{@code <target managed=>} ({@code yes}/{@code no}), or null', None),
            ('String',
             'modelType',
             '{@code <model type=>} ({@code virtio}, {@code e1000e}, ...), or null',
             None),
            ('NetDriver', 'driver', '{@code <driver>}, or null', None),
            ('Backend', 'backend', '{@code <backend>}, or null', None),
            ('Teaming', 'teaming', '{@code <teaming>}, or null', None),
            ('String', 'linkState', '{@code <link state=>} ({@code up}/{@code down}), or null', None),
            ('Integer', 'mtu', '{@code <mtu size=>}, or null', None),
            ('NetBandwidth', 'bandwidth', '{@code <bandwidth>}: the QoS the host applies to the interface, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n'
          '    public String elementName() {\n'
          '        return "interface";\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <backend type= tap= vhost= logFile=/>}.\n'
          '     *\n'
          '     * @param type    {@code default} or {@code passt}, or null\n'
          '     * @param tap     the tap device path, or null\n'
          '     * @param vhost   the vhost-net device path, or null\n'
          '     * @param logFile the passt log file, or null\n'
          '     */\n'
          '    public record Backend(String type, String tap, String vhost, String logFile) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <teaming type= persistent=/>} of an interface or hostdev (virtio failover).\n'
          '     *\n'
          '     * @param type       {@code persistent} or {@code transient}\n'
          '     * @param persistent the alias of the persistent device (type transient), or null\n'
          '     */\n'
          '    public record Teaming(String type, String persistent) {\n'
          '    }',
 'withs': ['type', 'managed', 'targetDev', 'modelType', 'driver', 'backend', 'other', 'info']},
{'name': 'NetSource',
 'doc': "An interface's {@code <source>}. Which attributes are set depends on the interface type:\n"
        '{@code network} (network, portgroup, portid, and the bridge of a running guest), {@code bridge}\n'
        '(bridge), {@code direct} (dev, mode), {@code user}/{@code vdpa} (dev), {@code vhostuser} and\n'
        'passt (type, path, mode), {@code server}/{@code client}/{@code mcast}/{@code udp} (address, port,\n'
        'and the {@code <local>} of udp), {@code internal} (name). Children other than {@code <local>} and '
        'a\n'
        "hostdev interface's {@code <address>} (reconnect, ...) stay in {@code other}.",
 'fields': [('String', 'network', 'the network name, or null', None),
            ('String', 'portgroup', 'the network port group, or null', None),
            ('String', 'portid', 'the network port UUID, or null', None),
            ('String', 'bridge', 'the host bridge, or null', None),
            ('String', 'dev', 'the host device, or null', None),
            ('String',
             'mode',
             'the macvtap mode ({@code vepa}, {@code bridge}, {@code private}, {@code passthrough}) or the '
             'vhost-user socket mode ({@code client}/{@code server}), or null',
             None),
            ('String', 'type', 'the socket type of vhostuser ({@code unix}), or null', None),
            ('String', 'path', 'the socket path, or null', None),
            ('String', 'name', 'the internal network name, or null', None),
            ('String', 'address', 'the address of a server, client, mcast or udp socket, or null', None),
            ('Integer', 'port', 'the port of a server, client, mcast or udp socket, or null', None),
            ('String', 'localAddress', '{@code <local address=>} of a udp socket, or null', None),
            ('Integer', 'localPort', '{@code <local port=>} of a udp socket, or null', None),
            ('Address',
             'hostAddress',
             '{@code <address>} of a {@code hostdev} interface: the host PCI device, or null',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['type', 'name', 'address', 'port', 'other']},
{'name': 'NumaCell',
 'doc': "A guest NUMA cell, {@code <cpu><numa><cell>} (libvirt's virDomainNumaNode).",
 'fields': [('int', 'id', 'the cell id (libvirt numbers cells in order when it is absent)', None),
            ('String', 'cpus', 'the guest vCPUs (canonical bitmap syntax), or null', None),
            ('long', 'memoryKib', "the cell's memory in KiB", None),
            ('String', 'memAccess', '{@code shared}/{@code private}, or null', None),
            ('String', 'discard', '{@code yes}/{@code no}, or null', None),
            ('List<Distance>', 'distances', '{@code <distances><sibling id= value=/>} as written', None),
            ('Preserved',
             'other',
             "the rest of the cell ({@code <cache>} ...), kept verbatim and formatted back in libvirt's "
             'order; never null',
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <sibling id= value=/>}.\n'
          '     *\n'
          '     * @param id    the sibling cell\n'
          '     * @param value the distance (10 to the cell itself)\n'
          '     */\n'
          '    public record Distance(int id, int value) {\n'
          '    }',
 'withs': ['id', 'other']},
{'name': 'NumaTune',
 'doc': 'The {@code <numatune>} element: host NUMA policy of guest memory.',
 'fields': [('String',
             'memoryMode',
             '{@code <memory mode=>} ({@code strict}, {@code preferred}, {@code interleave}, {@code '
             'restrictive}), or null when there is no {@code <memory>}',
             None),
            ('String',
             'memoryPlacement',
             '{@code <memory placement=>} ({@code static}, {@code auto}), or null when there is no {@code '
             '<memory>}',
             None),
            ('String', 'memoryNodeset', '{@code <memory nodeset=>} (canonical bitmap syntax), or null', None),
            ('List<MemNode>', 'memnodes', 'the {@code <memnode>} entries', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <memnode cellid= mode= nodeset=/>}.\n'
          '     *\n'
          '     * @param cellId  the guest NUMA cell\n'
          '     * @param mode    {@code strict}, {@code preferred}, {@code interleave}, {@code restrictive}\n'
          '     * @param nodeset the host nodes (canonical bitmap syntax)\n'
          '     */\n'
          '    public record MemNode(int cellId, String mode, String nodeset) {\n'
          '    }',
 'withs': ['other']},
{'name': 'Nvram',
 'doc': 'An {@code <nvram>} device (spapr-vio NVRAM of pSeries guests).',
 'implements': 'Device',
 'imports': [],
 'fields': [('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "nvram";\n    }',
 'withs': ['other', 'info']},
{'name': 'Os',
 'doc': 'The {@code <os>} element.',
 'fields': [('String', 'type', '{@code hvm}, {@code xen}, {@code linux}, {@code exe}, ...', None),
            ('String', 'arch', 'the guest architecture, or null', None),
            ('String', 'machine', 'the machine type, or null', None),
            ('String', 'firmware', '{@code <os firmware=>} ({@code bios}/{@code efi}), or null', None),
            ('Loader', 'loader', '{@code <loader>}, or null', None),
            ('String', 'kernel', 'direct kernel boot: the kernel path, or null', None),
            ('String', 'initrd', 'the initrd path, or null', None),
            ('String', 'cmdline', 'the kernel command line, or null', None),
            ('List<String>',
             'bootDevices',
             '{@code <boot dev=>} in order ({@code hd}, {@code cdrom}, {@code network}, {@code fd})',
             None),
            ('BootMenu', 'bootMenu', '{@code <bootmenu>}, or null', None),
            ('String',
             'init',
             "the container's init program ({@code <init>}, type {@code exe}), or null",
             None),
            ('List<String>', 'initArgs', '{@code <initarg>} arguments of init, in order', None),
            ('List<InitEnv>', 'initEnv', '{@code <initenv name=>} variables of init, in order', None),
            ('String', 'initDir', "{@code <initdir>}: init's working directory, or null", None),
            ('String', 'initUser', '{@code <inituser>}: the user (name or id) init runs as, or null', None),
            ('String',
             'initGroup',
             '{@code <initgroup>}: the group (name or id) init runs as, or null',
             None),
            ('Nvram', 'nvram', '{@code <nvram>}, or null', None),
            ('Bios', 'bios', '{@code <bios useserial= rebootTimeout=/>}, or null', None),
            ('String',
             'smbiosMode',
             '{@code <smbios mode=>} ({@code emulate}, {@code host}, {@code sysinfo}), or null',
             None),
            ('List<AcpiTable>', 'acpiTables', 'the {@code <acpi><table>} entries, in order', None),
            ('String', 'dtb', '{@code <dtb>}: the device tree binary path, or null', None),
            ('List<FirmwareFeature>',
             'firmwareFeatures',
             'the {@code <firmware><feature/>} entries, in order',
             None),
            ('Preserved',
             'other',
             'the rest of os (shim, root, further attributes ...), kept verbatim and formatted back in '
             "libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <loader>}.\n'
          '     *\n'
          '     * @param path     the firmware path (text), or null\n'
          '     * @param readonly {@code yes}/{@code no}, or null\n'
          '     * @param secure   {@code yes}/{@code no}, or null\n'
          '     * @param type      {@code rom}/{@code pflash}, or null\n'
          '     * @param stateless {@code yes}/{@code no}, or null\n'
          '     * @param format    {@code raw}/{@code qcow2}, or null\n'
          '     * @param other     further attributes and children\n'
          '     */\n'
          '    public record Loader(String path, String readonly, String secure, String type, String '
          'stateless, String format,\n'
          '            Preserved other) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <nvram>}.\n'
          '     *\n'
          '     * @param path           the variable store path (text), or null\n'
          '     * @param template       the template the store is created from, or null\n'
          "     * @param format         the store's format ({@code raw}/{@code qcow2}), or null\n"
          "     * @param templateFormat the template's format, or null\n"
          '     * @param other          further attributes ({@code type}) and children ({@code <source>} of '
          'a\n'
          '     *                       network or block store)\n'
          '     */\n'
          '    public record Nvram(String path, String template, String format, String templateFormat, '
          'Preserved other) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <bios useserial= rebootTimeout=/>}.\n'
          '     *\n'
          '     * @param useserial     {@code yes}/{@code no}, or null\n'
          '     * @param rebootTimeout milliseconds ({@code -1} disables the reboot), or null\n'
          '     */\n'
          '    public record Bios(String useserial, Integer rebootTimeout) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <acpi><table type=>path</table></acpi>}.\n'
          '     *\n'
          '     * @param type the table type ({@code slic}, {@code msdm})\n'
          '     * @param path the table file\n'
          '     */\n'
          '    public record AcpiTable(String type, String path) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <firmware><feature enabled= name=/></firmware>}.\n'
          '     *\n'
          '     * @param enabled {@code yes}/{@code no}\n'
          '     * @param name    the feature name ({@code secure-boot}, {@code enrolled-keys})\n'
          '     */\n'
          '    public record FirmwareFeature(String enabled, String name) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <bootmenu enable= timeout=/>}.\n'
          '     *\n'
          '     * @param enable  {@code yes}/{@code no}\n'
          '     * @param timeout milliseconds, or null\n'
          '     */\n'
          '    public record BootMenu(String enable, Integer timeout) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <initenv name=>value</initenv>}.\n'
          '     *\n'
          '     * @param name  the variable name (a letter or underscore, then letters, digits, '
          'underscores)\n'
          '     * @param value its value\n'
          '     */\n'
          '    public record InitEnv(String name, String value) {\n'
          '    }',
 'withs': ['type', 'arch', 'machine', 'other']},
{'name': 'Panic',
 'doc': 'A {@code <panic>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'model',
             '{@code isa}, {@code pseries}, {@code hyperv}, {@code s390}, {@code pvpanic}, or null',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "panic";\n    }',
 'withs': ['model', 'other', 'info']},
{'name': 'Pm',
 'doc': 'The {@code <pm>} element: guest power management.',
 'fields': [('String',
             'suspendToMem',
             '{@code <suspend-to-mem enabled=>} ({@code yes}/{@code no}), or null',
             None),
            ('String',
             'suspendToDisk',
             '{@code <suspend-to-disk enabled=>} ({@code yes}/{@code no}), or null',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'Pstore',
 'doc': 'A {@code <pstore>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'backend', '{@code acpi-erst}', None),
            ('String', 'path', '{@code <path>}, the backing file', None),
            ('Long', 'sizeKib', '{@code <size>} in KiB', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "pstore";\n    }',
 'withs': ['backend', 'other', 'info']},
{'name': 'RedirFilter',
 'doc': 'The {@code <redirfilter>} of USB redirection: which devices a client may redirect.',
 'implements': 'Device',
 'imports': [],
 'fields': [('List<UsbDev>', 'usbdevs', 'the {@code <usbdev>} rules, in order', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n'
          '    public String elementName() {\n'
          '        return "redirfilter";\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <usbdev class= vendor= product= version= allow=/>}, values as written; a null '
          'value\n'
          '     * (or {@code -1}) matches any device.\n'
          '     *\n'
          '     * @param usbClass the USB class ({@code 0x08}), or null\n'
          '     * @param vendor   the vendor id ({@code 0x15E1}), or null\n'
          '     * @param product  the product id ({@code 0x2007}), or null\n'
          '     * @param version  the device version ({@code 1.10}), or null\n'
          '     * @param allow    {@code yes} or {@code no}\n'
          '     */\n'
          '    public record UsbDev(String usbClass, String vendor, String product, String version, String '
          'allow) {\n'
          '    }',
 'withs': ['other', 'info']},
{'name': 'Redirdev',
 'doc': 'A {@code <redirdev>}: a USB device redirected from a client over a character device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'bus', '{@code usb}', None),
            ('String', 'type', 'the character device type ({@code spicevmc}, {@code tcp}, ...)', None),
            ('CharSource', 'source', 'the host side, or null for types without a modelled source', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "redirdev";\n    }',
 'withs': ['bus', 'type', 'other', 'info']},
{'name': 'Resource',
 'doc': "The {@code <resource>} element: where the guest's cgroup goes.",
 'fields': [('String', 'partition', '{@code <partition>} (such as {@code /machine}), or null', None),
            ('Preserved',
             'other',
             'further attributes and children (fibrechannel) the model does not name, kept verbatim and '
             "formatted back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'Rng',
 'doc': 'An {@code <rng>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'model', '{@code virtio} (or {@code virtio-transitional}, ...)', None),
            ('Integer', 'rateBytes', '{@code <rate bytes=>}, or null', None),
            ('Integer', 'ratePeriod', '{@code <rate period=>} in milliseconds, or null', None),
            ('RngBackend', 'backend', '{@code <backend>}', None),
            ('VirtioDriver', 'driver', '{@code <driver>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n'
          '    public String elementName() {\n'
          '        return "rng";\n'
          '    }\n'
          '\n'
          '    /** {@code random}, {@code egd} or {@code builtin}, or null. */\n'
          '    public String backendModel() {\n'
          '        return backend == null ? null : backend.model();\n'
          '    }',
 'withs': ['model', 'backend', 'driver', 'other', 'info']},
{'name': 'RngBackend',
 'doc': "An rng device's {@code <backend>}.",
 'fields': [('String', 'model', '{@code random}, {@code egd} or {@code builtin}', None),
            ('String',
             'randomPath',
             "the random device path (model random), or null (QEMU's default {@code /dev/urandom})",
             None),
            ('String',
             'type',
             'the chardev type of an egd backend ({@code tcp}, {@code udp}, {@code unix}, ...), or null',
             None),
            ('CharSource', 'source', 'the chardev source of an egd backend, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['model', 'randomPath', 'type', 'other']},
{'name': 'Shmem',
 'doc': 'A {@code <shmem>}: an ivshmem region shared with the host or other guests.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'name', 'the region name', None),
            ('String', 'role', '{@code master}/{@code peer}, or null', None),
            ('String',
             'modelType',
             '{@code <model type=>} ({@code ivshmem}, {@code ivshmem-plain}, {@code ivshmem-doorbell}), or '
             'null',
             None),
            ('Long', 'sizeBytes', '{@code <size>} in bytes, or null', None),
            ('String',
             'serverPath',
             '{@code <server path=>} of ivshmem-doorbell, or null (an empty {@code <server/>} is {@link '
             '#server()})',
             None),
            ('boolean', 'server', 'whether a {@code <server>} element is present', None),
            ('Integer', 'msiVectors', '{@code <msi vectors=>}, or null', None),
            ('String', 'msiIoeventfd', '{@code <msi ioeventfd=>} ({@code on}/{@code off}), or null', None),
            ('boolean', 'msi', 'whether an {@code <msi>} element is present', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "shmem";\n    }',
 'withs': ['name', 'modelType', 'other', 'info']},
{'name': 'Smartcard',
 'doc': 'A {@code <smartcard>} device on a CCID bus.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'mode', '{@code host}, {@code host-certificates} or {@code passthrough}', None),
            ('List<String>',
             'certificates',
             'the {@code <certificate>} files of {@code host-certificates} mode, in order',
             None),
            ('String',
             'database',
             '{@code <database>}: the NSS database directory of {@code host-certificates} mode, or null',
             None),
            ('String',
             'type',
             'the character device type of {@code passthrough} mode ({@code tcp}, {@code spicevmc}, {@code '
             'unix}, ...), or null',
             None),
            ('CharSource',
             'source',
             'the host side of {@code passthrough} mode, or null for types without a modelled source',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "smartcard";\n    }',
 'withs': ['type', 'other', 'info']},
{'name': 'Sound',
 'doc': 'A {@code <sound>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'model',
             '{@code sb16}, {@code es1370}, {@code pcspk}, {@code ac97}, {@code ich6}, {@code ich7}, {@code '
             'ich9}, {@code usb}, {@code ics6}',
             None),
            ('String', 'multichannel', '{@code yes}/{@code no} (usb), or null', None),
            ('List<String>',
             'codecs',
             'the {@code <codec type=>} entries ({@code duplex}, {@code micro}, {@code output})',
             None),
            ('Integer', 'audioId', '{@code <audio id=>}: the audio backend it plays to, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "sound";\n    }',
 'withs': ['model', 'other', 'info']},
{'name': 'Sysinfo',
 'doc': "A {@code <sysinfo>} element: SMBIOS tables ({@code type='smbios'}) or QEMU firmware configuration\n"
        "entries ({@code type='fwcfg'}) shown to the guest. Entries keep the order they were written in.",
 'fields': [('String', 'type', '{@code smbios} or {@code fwcfg}', None),
            ('List<Entry>',
             'bios',
             '{@code <bios><entry name=>}: vendor, version, date, release ..., in order',
             None),
            ('List<Entry>',
             'system',
             '{@code <system><entry name=>}: manufacturer, product, version, serial, uuid, sku, family ..., '
             'in order',
             None),
            ('List<Block>', 'baseBoards', 'the {@code <baseBoard>} elements, in order', None),
            ('List<Entry>', 'chassis', '{@code <chassis><entry name=>}, in order', None),
            ('List<Block>', 'processors', 'the {@code <processor>} elements, in order', None),
            ('List<Block>', 'memoryDevices', 'the {@code <memory_device>} elements, in order', None),
            ('List<String>', 'oemStrings', '{@code <oemStrings><entry>} texts, in order', None),
            ('List<FwCfgEntry>',
             'entries',
             'the {@code <entry>} elements of a {@code fwcfg} sysinfo, in order',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <entry name=>value</entry>} of an SMBIOS table.\n'
          '     *\n'
          '     * @param name  the field name ({@code vendor}, {@code uuid}, ...)\n'
          '     * @param value its text\n'
          '     */\n'
          '    public record Entry(String name, String value) {\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * One SMBIOS table that may repeat ({@code <baseBoard>}, {@code <processor>}, {@code '
          '<memory_device>}).\n'
          '     *\n'
          '     * @param entries its entries, in order\n'
          '     */\n'
          '    public record Block(List<Entry> entries) {\n'
          '        public Block {\n'
          '            entries = List.copyOf(entries == null ? List.of() : entries);\n'
          '        }\n'
          '    }\n'
          '\n'
          '    /**\n'
          '     * {@code <entry name= file=>value</entry>} of a {@code fwcfg} sysinfo.\n'
          '     *\n'
          '     * @param name  the fw_cfg name ({@code opt/...})\n'
          '     * @param file  a file whose content is the value, or null\n'
          '     * @param value the value text, or null when {@code file} is given\n'
          '     */\n'
          '    public record FwCfgEntry(String name, String file, String value) {\n'
          '    }\n'
          '\n'
          '    /** The value of the {@code <system>} entry {@code name}, or null. */\n'
          '    public String systemEntry(String name) {\n'
          '        return system.stream().filter(e -> '
          'name.equals(e.name())).map(Entry::value).findFirst().orElse(null);\n'
          '    }',
 'withs': ['type', 'chassis', 'other']},
{'name': 'Timer',
 'doc': "A {@code <clock><timer>} entry (libvirt's virDomainTimerDef).",
 'fields': [('String',
             'name',
             '{@code platform}, {@code pit}, {@code rtc}, {@code hpet}, {@code tsc}, {@code kvmclock}, '
             '{@code hypervclock}, {@code armvtimer}',
             None),
            ('String', 'present', '{@code yes}/{@code no}, or null', None),
            ('String',
             'tickpolicy',
             '{@code delay}, {@code catchup}, {@code merge}, {@code discard}, or null',
             None),
            ('String',
             'track',
             '{@code boot}, {@code guest}, {@code wall}, {@code realtime} (rtc), or null',
             None),
            ('Long', 'frequency', 'the tsc frequency in Hz, or null', None),
            ('String',
             'mode',
             '{@code auto}, {@code native}, {@code emulate}, {@code paravirt}, {@code smpsafe} (tsc), or '
             'null',
             None),
            ('Integer', 'catchupThreshold', '{@code <catchup threshold=>}, or null', None),
            ('Integer', 'catchupSlew', '{@code <catchup slew=>}, or null', None),
            ('Integer', 'catchupLimit', '{@code <catchup limit=>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['name', 'other']},
{'name': 'Tpm',
 'doc': 'A {@code <tpm>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'model',
             '{@code tpm-tis}, {@code tpm-crb}, {@code tpm-spapr}, {@code spapr-tpm-proxy}, or null',
             None),
            ('TpmBackend', 'backend', '{@code <backend>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "tpm";\n    }',
 'withs': ['model', 'backend', 'other', 'info']},
{'name': 'TpmBackend',
 'doc': "A TPM's {@code <backend>}: a host device, an emulator (swtpm) or an external swtpm socket.",
 'imports': ['java.util.List'],
 'fields': [('String', 'type', '{@code passthrough}, {@code emulator} or {@code external}', None),
            ('String', 'version', '{@code 1.2} or {@code 2.0}, or null', None),
            ('String', 'persistentState', '{@code persistent_state} ({@code yes}/{@code no}), or null', None),
            ('String', 'debug', '{@code debug} level of swtpm, or null', None),
            ('String', 'devicePath', '{@code <device path=>} of passthrough, or null', None),
            ('String',
             'encryptionSecret',
             '{@code <encryption secret=>}: the UUID of the secret encrypting the state, or null',
             None),
            ('String',
             'sourceType',
             '{@code <source type=>} of external ({@code unix}) or of emulator ({@code file}, {@code dir}), '
             'or null',
             None),
            ('String', 'sourceMode', '{@code <source mode=>} of external ({@code connect}), or null', None),
            ('String', 'sourcePath', '{@code <source path=>}, or null', None),
            ('List<String>',
             'activePcrBanks',
             'the element names under {@code <active_pcr_banks>} ({@code sha1}, {@code sha256}, ...), in '
             'order',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['type', 'other']},
{'name': 'Video',
 'doc': 'A {@code <video>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('VideoModel', 'model', '{@code <model>}, or null', None),
            ('VideoDriver', 'driver', '{@code <driver>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n'
          '    public String elementName() {\n'
          '        return "video";\n'
          '    }\n'
          '\n'
          '    /** The model type ({@code vga}, {@code cirrus}, {@code virtio}, {@code qxl}, ...), or null. '
          '*/\n'
          '    public String modelType() {\n'
          '        return model == null ? null : model.type();\n'
          '    }\n'
          '\n'
          '    /** Whether this is the primary video device. */\n'
          '    public boolean primary() {\n'
          '        return model != null && "yes".equals(model.primary());\n'
          '    }',
 'withs': ['model', 'driver', 'other', 'info']},
{'name': 'VideoAcceleration',
 'doc': "A video model's {@code <acceleration>}.",
 'fields': [('String', 'accel3d', '{@code yes}/{@code no}, or null', None),
            ('String', 'accel2d', '{@code yes}/{@code no}, or null', None),
            ('String', 'rendernode', 'the DRM render node path, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'VideoDriver',
 'doc': "A video device's {@code <driver>}: the backend and the virtio options.",
 'fields': [('String', 'name', '{@code qemu} or {@code vhostuser}, or null', None),
            ('String',
             'vgaconf',
             '{@code io}, {@code on} or {@code off} (vbox/xen vga configuration), or null',
             None),
            ('String', 'iommu', 'virtio {@code iommu} {@code on}/{@code off}, or null', None),
            ('String', 'ats', 'virtio {@code ats} {@code on}/{@code off}, or null', None),
            ('String', 'packed', 'virtio {@code packed} {@code on}/{@code off}, or null', None),
            ('String', 'pagePerVq', 'virtio {@code page_per_vq} {@code on}/{@code off}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['name', 'other']},
{'name': 'VideoModel',
 'doc': "A video device's {@code <model>}. Sizes are in KiB as written; null when absent.",
 'fields': [('String',
             'type',
             '{@code vga}, {@code cirrus}, {@code vmvga}, {@code xen}, {@code vbox}, {@code qxl}, {@code '
             'virtio}, {@code gop}, {@code bochs}, {@code ramfb}, {@code none}',
             None),
            ('Integer', 'ram', '{@code ram} (qxl), or null', None),
            ('Integer', 'vram', '{@code vram}, or null', None),
            ('Integer', 'vram64', '{@code vram64} (qxl), or null', None),
            ('Integer', 'vgamem', '{@code vgamem} (qxl), or null', None),
            ('Integer', 'heads', '{@code heads}, or null', None),
            ('String', 'primary', '{@code yes} for the primary device, or null', None),
            ('String', 'blob', '{@code blob} {@code on}/{@code off}, or null', None),
            ('VideoAcceleration', 'acceleration', '{@code <acceleration>}, or null', None),
            ('Resolution', 'resolution', '{@code <resolution x= y=>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'extra': '    /**\n'
          '     * {@code <resolution x= y=/>}.\n'
          '     *\n'
          '     * @param x horizontal pixels\n'
          '     * @param y vertical pixels\n'
          '     */\n'
          '    public record Resolution(int x, int y) {\n'
          '    }',
 'withs': ['type', 'ram', 'vram', 'vgamem', 'heads', 'primary', 'other']},
{'name': 'VirtioDriver',
 'doc': "A virtio device's {@code <driver>} holding only the virtio options (input, memballoon, rng, vsock, "
        'crypto).',
 'fields': [('String', 'iommu', '{@code iommu} {@code on}/{@code off}, or null', None),
            ('String', 'ats', '{@code ats} {@code on}/{@code off}, or null', None),
            ('String', 'packed', '{@code packed} {@code on}/{@code off}, or null', None),
            ('String', 'pagePerVq', '{@code page_per_vq} {@code on}/{@code off}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE')],
 'withs': ['other']},
{'name': 'Vsock',
 'doc': 'A {@code <vsock>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String',
             'model',
             '{@code virtio}, {@code virtio-transitional}, {@code virtio-non-transitional}, or null',
             None),
            ('String', 'cidAuto', '{@code <cid auto=>} ({@code yes}/{@code no}), or null', None),
            ('Integer', 'cidAddress', '{@code <cid address=>}, or null', None),
            ('VirtioDriver', 'driver', '{@code <driver>}, or null', None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "vsock";\n    }',
 'withs': ['model', 'driver', 'other', 'info']},
{'name': 'Watchdog',
 'doc': 'A {@code <watchdog>} device.',
 'implements': 'Device',
 'imports': [],
 'fields': [('String', 'model', '{@code i6300esb}, {@code ib700}, {@code diag288}, {@code itco}', None),
            ('String',
             'action',
             '{@code reset}, {@code shutdown}, {@code poweroff}, {@code pause}, {@code none}, {@code dump}, '
             '{@code inject-nmi}, or null',
             None),
            ('Preserved',
             'other',
             'further attributes and child elements the model does not name, kept verbatim and formatted '
             "back in libvirt's order; never null",
             'Preserved.NONE'),
            ('DeviceInfo',
             'info',
             "the device's {@code <alias>}, {@code <address>}, {@code <boot>}, {@code <acpi>} and {@code "
             '<rom>}, never null',
             'DeviceInfo.NONE')],
 'extra': '    @Override\n    public String elementName() {\n        return "watchdog";\n    }',
 'withs': ['model', 'action', 'other', 'info']},
]
