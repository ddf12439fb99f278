import CMalloc

/// The C allocator's settings, made in one place.
enum MemoryAllocator {
    /// Has glibc's `malloc` take blocks of 1 MiB and more straight from `mmap`, so that each one
    /// goes back to the system when it is freed. By default the threshold rises to the largest
    /// block freed so far, after which large buffers (an index build's posting runs, merge
    /// buffers and batches, made and freed on several threads) come from per-thread heaps that
    /// keep them: a build of 1M units peaked at 190 MB that way, 107 MB this way, in the same
    /// time (BENCHMARKS.md). Process-wide, made once; nothing where the C library is not glibc.
    /// True when the setting is in force (or there is none to make).
    static let largeBlocksMapped: Bool = tm_mapBlocksFrom(1 << 20) != 0
}
