//! Allocator statistics and the `sys._debugmallocstats()` report.

use crate::{class_size, ARENA_SIZE, NB_SMALL_SIZE_CLASSES, POOL_SIZE, SMALL_REQUEST_THRESHOLD};
use std::fmt::Write;

/// Per-size-class counts, as in the rows of `sys._debugmallocstats()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassStats {
    /// Pools currently serving this class (partially used or full; empty pools are "unused").
    pub pools: usize,
    /// Blocks handed out and not yet freed.
    pub blocks_in_use: usize,
    /// Free blocks in this class's pools (including never-used space at their ends).
    pub avail_blocks: usize,
}

/// A snapshot of an [`Allocator`](crate::Allocator)'s state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Indexed by size class (`(size - 1) / 16`).
    pub classes: [ClassStats; NB_SMALL_SIZE_CLASSES],
    /// Arenas ever allocated (CPython's `ntimes_arena_allocated`).
    pub arenas_allocated_total: u64,
    /// Arenas given back to the OS.
    pub arenas_reclaimed: u64,
    /// Most arenas allocated at the same time.
    pub arenas_highwater: usize,
    /// Arenas allocated now.
    pub arenas_current: usize,
    /// Empty pools in the current arenas, whether used before or never carved.
    pub unused_pools: usize,
    /// Bytes in blocks handed out (whole blocks, i.e. rounded up to the class size).
    pub allocated_bytes: usize,
    /// Bytes in free blocks of used pools.
    pub available_bytes: usize,
    /// Bytes taken by pool headers of used pools.
    pub pool_header_bytes: usize,
    /// Bytes at the ends of used pools too small for one more block.
    pub quantization_bytes: usize,
    /// Small blocks live now (equals the sum of `classes[i].blocks_in_use`).
    pub small_live_blocks: usize,
    /// Requested bytes of the live small blocks.
    pub small_live_bytes: usize,
    /// Live allocations forwarded to the system allocator because they are large
    /// (> 512 bytes) or over-aligned (> 16).
    pub large_live_blocks: usize,
    /// Requested bytes of the live large allocations.
    pub large_live_bytes: usize,
    /// Large allocations ever forwarded to the system allocator.
    pub large_allocs_total: u64,
    /// Frees of memory this allocator did not hand out, forwarded to the system allocator.
    pub foreign_frees: u64,
    /// Bytes of the arena map (the hash set behind the membership test).
    pub arena_map_bytes: usize,
}

impl Stats {
    /// Blocks (small and large) handed out and not freed.
    pub fn live_blocks(&self) -> usize {
        self.small_live_blocks + self.large_live_blocks
    }

    /// Requested bytes (small and large) handed out and not freed.
    pub fn live_bytes(&self) -> usize {
        self.small_live_bytes + self.large_live_bytes
    }

    /// The report in the layout of CPython 3.13's `sys._debugmallocstats()` (its pymalloc
    /// part: the class table, the arena lines and the arena-bytes breakdown). Arenas are
    /// aligned to their size, so "bytes lost to arena alignment" is always 0. CPython's
    /// "arena map counts" (radix tree nodes) and free-list lines are left out: pyglass has
    /// neither a radix tree nor per-type free lists.
    pub fn debug_malloc_stats(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes."
        );
        out.push('\n');
        out.push_str("class   size   num pools   blocks in use  avail blocks\n");
        out.push_str("-----   ----   ---------   -------------  ------------\n");
        for (i, c) in self.classes.iter().enumerate() {
            if c.pools == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{:>5} {:>6} {:>11} {:>15} {:>13}",
                i,
                class_size(i),
                c.pools,
                c.blocks_in_use,
                c.avail_blocks
            );
        }
        out.push('\n');
        printone(
            &mut out,
            "# arenas allocated total",
            self.arenas_allocated_total as usize,
        );
        printone(
            &mut out,
            "# arenas reclaimed",
            self.arenas_reclaimed as usize,
        );
        printone(&mut out, "# arenas highwater mark", self.arenas_highwater);
        printone(&mut out, "# arenas allocated current", self.arenas_current);
        printone(
            &mut out,
            &format!(
                "{} arenas * {} bytes/arena",
                self.arenas_current, ARENA_SIZE
            ),
            self.arenas_current * ARENA_SIZE,
        );
        out.push('\n');
        let mut total = 0;
        total += printone(
            &mut out,
            "# bytes in allocated blocks",
            self.allocated_bytes,
        );
        total += printone(
            &mut out,
            "# bytes in available blocks",
            self.available_bytes,
        );
        total += printone(
            &mut out,
            &format!("{} unused pools * {} bytes", self.unused_pools, POOL_SIZE),
            self.unused_pools * POOL_SIZE,
        );
        total += printone(
            &mut out,
            "# bytes lost to pool headers",
            self.pool_header_bytes,
        );
        total += printone(
            &mut out,
            "# bytes lost to quantization",
            self.quantization_bytes,
        );
        total += printone(&mut out, "# bytes lost to arena alignment", 0);
        printone(&mut out, "Total", total);
        out
    }
}

/// One `label = value` line: the label padded to 35 columns, then `=`, then the value
/// right-aligned in 21 columns with thousands separators (CPython's `printone`).
fn printone(out: &mut String, label: &str, value: usize) -> usize {
    let _ = writeln!(out, "{label:<35}={:>21}", with_commas(value));
    value
}

fn with_commas(v: usize) -> String {
    let digits = v.to_string();
    let mut s = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            s.push(',');
        }
        s.push(ch);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas() {
        assert_eq!(with_commas(0), "0");
        assert_eq!(with_commas(999), "999");
        assert_eq!(with_commas(1000), "1,000");
        assert_eq!(with_commas(2097152), "2,097,152");
        assert_eq!(with_commas(123456789012), "123,456,789,012");
    }

    #[test]
    fn printone_matches_cpython_layout() {
        let mut s = String::new();
        printone(&mut s, "# arenas allocated total", 2);
        printone(&mut s, "2 arenas * 1048576 bytes/arena", 2097152);
        assert_eq!(
            s,
            "# arenas allocated total           =                    2\n\
             2 arenas * 1048576 bytes/arena     =            2,097,152\n"
        );
    }
}
