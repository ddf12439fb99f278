#ifndef TM_CMALLOC_SHIM_H
#define TM_CMALLOC_SHIM_H

/* glibc's allocator settings (`mallopt`), which the Glibc module leaves out. */
#include <stdlib.h> /* defines __GLIBC__ under glibc */
#if defined(__GLIBC__) && __has_include(<malloc.h>)
#include <malloc.h>

/// Blocks of `bytes` and more are mapped, and unmapped when freed (`M_MMAP_THRESHOLD`, which
/// also stops the threshold from rising as blocks are freed). Returns 0 on failure.
static inline int tm_mapBlocksFrom(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}
#else
static inline int tm_mapBlocksFrom(int bytes) {
    (void)bytes;
    return 1;
}
#endif

#endif
