/*
 * LD_PRELOAD shim for the driver tests (with shim.c): what `xl info` asks libxl besides the
 * physinfo, answered for a Xen 4.17 host without a hypervisor: libxl_get_version_info (struct
 * libxl_version_info of libxl_types.idl 4.17, field by field) and libxl_get_scheduler (credit).
 * Built by XlToolstack with gcc.
 */
#include <stdint.h>

struct version_info {
    int xen_version_major;
    int xen_version_minor;
    char *xen_version_extra;
    char *compiler;
    char *compile_by;
    char *compile_domain;
    char *compile_date;
    char *capabilities;
    char *changeset;
    uint64_t virt_start;
    int pagesize;
    char *commandline;
    char *build_id;
};

static struct version_info info = {
    4, 17, ".7", "gcc", "jvirt", "test", "", "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64",
    "", 0xffff800000000000ULL, 4096, "", ""
};

const struct version_info *libxl_get_version_info(void *ctx)
{
    (void)ctx;
    return &info;
}

int libxl_get_scheduler(void *ctx)
{
    (void)ctx;
    return 5; /* LIBXL_SCHEDULER_CREDIT */
}
