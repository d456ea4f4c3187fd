//! How the explorer asks the kernel for memory: without transparent huge
//! pages.
//!
//! mimalloc asks for huge pages on the memory it maps (`madvise`), and where
//! the system allows them on request (a common default) the kernel then
//! compacts memory to find two megabytes at a time, synchronously, when a page
//! is first touched. On this busy 2-core machine that stalled the keystrokes
//! of a million-article filter that touch fresh pages (the results, a few
//! vectors of 4 to 16 MB): ranking them took 20-73 ms in two of three runs
//! instead of 3-14 (`cargo bench --bench filter -- --corpus`, three pairs
//! alternated, load 3.3-3.6), and keystroke CPU p99 was 71-90 ms against
//! 67-69 without huge pages. The commands keep them: without, a reopen of a
//! million articles by `dossier list` took 1.00 s instead of 0.86 (more page
//! faults), and nothing there waits on a keystroke.

/// Asks the kernel for no transparent huge pages in this process (before
/// the corpus is loaded; pages already mapped are covered too). Does nothing
/// where the kernel has no such switch.
pub fn no_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory
    // of ours; an error (an old kernel) leaves things as they were.
    unsafe {
        libc::prctl(
            libc::PR_SET_THP_DISABLE,
            1 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_os = "linux")]
    fn huge_pages_are_off_after_asking() {
        super::no_huge_pages();
        // SAFETY: PR_GET_THP_DISABLE reads a flag of the process.
        let off = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(off, 1);
    }
}
