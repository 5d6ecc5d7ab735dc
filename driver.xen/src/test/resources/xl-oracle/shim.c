/*
 * LD_PRELOAD shim for Xen's xl without a hypervisor, as libvirt's tests/libxlmock.c fakes libxl:
 * the host queries xl makes before printing a domain configuration answer a small fixed host
 * (16 CPUs, enough for the 12 vCPUs of the largest vNUMA case, 4 GiB, and 6 NUMA nodes as libvirt's fake libxl reports, so that the vNUMA cases'
 * pnode=0..5 are valid) instead of asking the hypervisor. Built by XlToolstack with gcc.
 */
#include <stdint.h>

/* libxl_physinfo (libxl_types.idl, 4.17): five uint32_t fields (threads_per_core, cores_per_socket,
 * max_cpu_id, nr_cpus, cpu_khz), seven uint64_t from offset 24 (total_pages, free_pages, ...,
 * max_possible_mfn), then uint32_t nr_nodes at offset 80 */
int libxl_get_physinfo(void *ctx, void *physinfo)
{
    uint32_t *u = physinfo;
    uint64_t *pages = (uint64_t *)((char *)physinfo + 24);

    (void)ctx;
    u[0] = 1;
    u[1] = 16;
    u[2] = 15;
    u[3] = 16;
    u[4] = 2000000;
    pages[0] = 1048576;
    pages[1] = 1048576;
    *(uint32_t *)((char *)physinfo + 80) = 6;
    return 0;
}

int libxl_get_max_cpus(void *ctx)
{
    (void)ctx;
    return 16;
}

int libxl_get_online_cpus(void *ctx)
{
    (void)ctx;
    return 16;
}

int libxl_get_max_nodes(void *ctx)
{
    (void)ctx;
    return 6;
}
