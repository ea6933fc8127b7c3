//! The `tracemalloc` machinery (CPython's `Python/tracemalloc.c`): a trace table per
//! thread state, fed by the allocator hooks of `pyglass_alloc::trace`. See
//! docs/tracemalloc.md for the design.
//!
//! - While tracing, every object allocation (`obj_malloc`) and every allocation through
//!   the global allocator (list item buffers, dict tables, string data...) made on this
//!   thread reaches [`hook`], which records `address -> (size, traceback)` in the current
//!   VM's [`Tracer`]; a release removes the address. Memory allocated before tracing
//!   started is unknown to the table and its release is ignored.
//! - The traceback is up to `max_nframe` (filename, line) pairs of the running Python
//!   frames, innermost first: the innermost frame's instruction is the one before
//!   `Vm::cur_instr` (the eval loop's instruction pointer), an outer frame's the one
//!   before the `caller_instr` its callee recorded on entry.
//! - Tracebacks are interned (one copy per distinct traceback) and filenames are kept as
//!   references to the code objects' filename strings, interned by address; the table holds
//!   a strong reference, so an address cannot be reused while it is in the table.
//! - The hook runs with tracing suspended on the thread (`pyglass_alloc::trace`), so the
//!   table's own allocations are not traced. Work on the table from the module functions
//!   (`clear_traces`, `stop`, taking a snapshot) is done under `trace::suspend()` as well,
//!   and without holding the borrow while Python objects are released.

use crate::object::PyRef;
use crate::objects::function::CodeData;
use crate::vm::Vm;
use pyglass_alloc::trace::{self, Event};
use smallvec::SmallVec;
use std::collections::HashMap;
use std::mem::size_of;

/// The largest traceback limit (CPython's `MAX_NFRAME`).
pub const MAX_NFRAME: usize = 65535;
/// File id of the `<unknown>` frame (an allocation made with no Python frame running).
pub const UNKNOWN_FILE: u32 = u32::MAX;

type Hasher = ahash::RandomState;

fn hasher() -> Hasher {
    // Fixed seeds: the table's iteration order (the order of `Snapshot.traces`) does not
    // change from run to run.
    ahash::RandomState::with_seeds(0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344)
}

/// A frame of a traceback: (file id, line number).
pub type FrameKey = (u32, u32);

/// A traceback: frames innermost first, and the total depth when it was taken.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TracebackKey {
    pub frames: SmallVec<[FrameKey; 4]>,
    pub total: u32,
}

/// One traced block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trace {
    pub size: usize,
    /// Index into the interned tracebacks.
    pub tb: u32,
}

/// Traces, interned tracebacks and the size counters. Knows nothing of Python objects.
pub struct TraceTable {
    traces: HashMap<usize, Trace, Hasher>,
    tracebacks: Vec<TracebackKey>,
    tb_index: HashMap<TracebackKey, u32, Hasher>,
    current: usize,
    peak: usize,
}

impl Default for TraceTable {
    fn default() -> TraceTable {
        TraceTable {
            traces: HashMap::with_hasher(hasher()),
            tracebacks: Vec::new(),
            tb_index: HashMap::with_hasher(hasher()),
            current: 0,
            peak: 0,
        }
    }
}

impl TraceTable {
    /// The id of `key`, adding it if new.
    pub fn intern_traceback(&mut self, key: TracebackKey) -> u32 {
        if let Some(&id) = self.tb_index.get(&key) {
            return id;
        }
        let id = self.tracebacks.len() as u32;
        self.tracebacks.push(key.clone());
        self.tb_index.insert(key, id);
        id
    }

    /// The traceback `id` (from [`Self::intern_traceback`]).
    pub fn traceback(&self, id: u32) -> &TracebackKey {
        &self.tracebacks[id as usize]
    }

    /// Record a block of `size` bytes at `ptr` (replacing a stale trace at that address).
    pub fn add(&mut self, ptr: usize, size: usize, tb: u32) {
        if let Some(old) = self.traces.insert(ptr, Trace { size, tb }) {
            self.current -= old.size;
        }
        self.current += size;
        self.peak = self.peak.max(self.current);
    }

    /// Forget the block at `ptr`, if it is traced.
    pub fn remove(&mut self, ptr: usize) {
        if let Some(t) = self.traces.remove(&ptr) {
            self.current -= t.size;
        }
    }

    /// The trace of the block at `ptr`.
    pub fn get(&self, ptr: usize) -> Option<Trace> {
        self.traces.get(&ptr).copied()
    }

    /// `(current, peak)`: bytes in traced blocks now, and the most there have been since
    /// tracing started or the last [`Self::reset_peak`].
    pub fn traced_memory(&self) -> (usize, usize) {
        (self.current, self.peak)
    }

    /// Make the peak the current size.
    pub fn reset_peak(&mut self) {
        self.peak = self.current;
    }

    /// Number of traced blocks.
    pub fn len(&self) -> usize {
        self.traces.len()
    }

    pub fn is_empty(&self) -> bool {
        self.traces.is_empty()
    }

    /// Every trace (in the table's order).
    pub fn traces(&self) -> impl Iterator<Item = Trace> + '_ {
        self.traces.values().copied()
    }

    /// The interned tracebacks, by id.
    pub fn tracebacks(&self) -> &[TracebackKey] {
        &self.tracebacks
    }

    /// Bytes the table itself occupies (its hash tables at their capacity, one control
    /// byte per bucket, and spilled tracebacks).
    pub fn memory_usage(&self) -> usize {
        let spilled: usize =
            self.tracebacks.iter().filter(|t| t.frames.spilled()).map(|t| t.frames.capacity() * size_of::<FrameKey>()).sum();
        self.traces.capacity() * (size_of::<(usize, Trace)>() + 1)
            + self.tb_index.capacity() * (size_of::<(TracebackKey, u32)>() + 1)
            + self.tracebacks.capacity() * size_of::<TracebackKey>()
            + 2 * spilled
    }
}

/// `tracemalloc`'s state on a thread: settings, the table, and the interned filenames.
pub struct Tracer {
    pub tracing: bool,
    /// The traceback limit (`get_traceback_limit()`).
    pub max_nframe: usize,
    pub table: TraceTable,
    /// Filename strings by file id (strong references).
    files: Vec<PyRef>,
    /// File id by the address of the filename string.
    file_index: HashMap<usize, u32, Hasher>,
}

impl Default for Tracer {
    fn default() -> Tracer {
        Tracer { tracing: false, max_nframe: 1, table: TraceTable::default(), files: Vec::new(), file_index: HashMap::with_hasher(hasher()) }
    }
}

impl Drop for Tracer {
    fn drop(&mut self) {
        if self.tracing {
            trace::set_hook(None);
        }
    }
}

impl Tracer {
    fn intern_file(&mut self, name: &PyRef) -> u32 {
        let files = &mut self.files;
        *self.file_index.entry(name.addr()).or_insert_with(|| {
            files.push(name.clone());
            (files.len() - 1) as u32
        })
    }

    /// The filename string of file `id` (`None` for [`UNKNOWN_FILE`]).
    pub fn file(&self, id: u32) -> Option<&PyRef> {
        self.files.get(id as usize)
    }

    /// Bytes used by tracemalloc itself (`get_tracemalloc_memory()`).
    pub fn memory_usage(&self) -> usize {
        self.table.memory_usage()
            + self.files.capacity() * size_of::<PyRef>()
            + self.file_index.capacity() * (size_of::<(usize, u32)>() + 1)
    }

    /// Empty the table and the filename cache, returning the old contents so that the
    /// caller can drop them after releasing its borrow.
    fn take_contents(&mut self) -> (TraceTable, Vec<PyRef>) {
        self.file_index = HashMap::with_hasher(hasher());
        (std::mem::take(&mut self.table), std::mem::take(&mut self.files))
    }
}

/// A copy of the table taken for `_get_traces()`: the traces, the tracebacks they use and
/// the filename strings, detached from the live table.
pub struct TraceCopy {
    pub traces: Vec<Trace>,
    pub tracebacks: Vec<TracebackKey>,
    pub files: Vec<PyRef>,
}

/// The hook installed in `pyglass_alloc::trace` while tracing: forwards to the thread's
/// current VM (if any: allocations made while no VM is entered are not traced).
fn hook(ev: Event) {
    Vm::with_current(|vm| vm.tracemalloc_event(ev));
}

impl Vm {
    fn tracemalloc_event(&self, ev: Event) {
        // Busy (a module function holds it) or another interpreter's events: ignore.
        let Ok(mut t) = self.tracemalloc.try_borrow_mut() else { return };
        if !t.tracing {
            return;
        }
        match ev {
            Event::Free { ptr } => t.table.remove(ptr),
            Event::Alloc { ptr, size } => {
                let tb = self.current_traceback(&mut t);
                t.table.add(ptr, size, tb);
            }
        }
    }

    /// Intern the traceback of the running Python code, up to `max_nframe` frames.
    fn current_traceback(&self, t: &mut Tracer) -> u32 {
        let mut key = TracebackKey { frames: SmallVec::new(), total: 0 };
        self.frames.with(|frames| {
            key.total = frames.total().min(MAX_NFRAME) as u32;
            let mut instr = self.cur_instr.get();
            for info in frames.take(t.max_nframe) {
                let frame = match info.code().downcast::<CodeData>() {
                    // `instr` is the frame's next instruction; the running one is before it.
                    Some(c) => (t.intern_file(&c.filename), c.code.location(instr.saturating_sub(1)).line),
                    None => (UNKNOWN_FILE, 0),
                };
                key.frames.push(frame);
                instr = info.extra.caller_instr;
            }
        });
        if key.frames.is_empty() {
            key.frames.push((UNKNOWN_FILE, 0));
            key.total = 1;
        }
        t.table.intern_traceback(key)
    }

    /// `tracemalloc.start(nframe)`: no-op when already tracing (as in CPython, the limit
    /// is then unchanged).
    pub fn tracemalloc_start(&self, nframe: usize) {
        {
            let _s = trace::suspend();
            let mut t = self.tracemalloc.borrow_mut();
            if t.tracing {
                return;
            }
            t.max_nframe = nframe;
            t.tracing = true;
        }
        trace::set_hook(Some(hook));
    }

    /// `tracemalloc.stop()`: stop tracing and forget every trace.
    pub fn tracemalloc_stop(&self) {
        let old = {
            let _s = trace::suspend();
            let mut t = self.tracemalloc.borrow_mut();
            if !t.tracing {
                return;
            }
            t.tracing = false;
            t.take_contents()
        };
        trace::set_hook(None);
        drop(old);
    }

    /// `tracemalloc.clear_traces()`.
    pub fn tracemalloc_clear(&self) {
        let _s = trace::suspend();
        let old = {
            let mut t = self.tracemalloc.borrow_mut();
            if !t.tracing {
                return;
            }
            t.take_contents()
        };
        // Released with tracing suspended and the table not borrowed: the filename strings
        // may be freed here.
        drop(old);
    }

    /// `(current, peak)` traced bytes; `(0, 0)` when not tracing.
    pub fn tracemalloc_traced_memory(&self) -> (usize, usize) {
        let t = self.tracemalloc.borrow();
        if t.tracing {
            t.table.traced_memory()
        } else {
            (0, 0)
        }
    }

    pub fn tracemalloc_reset_peak(&self) {
        let mut t = self.tracemalloc.borrow_mut();
        if t.tracing {
            t.table.reset_peak();
        }
    }

    pub fn tracemalloc_is_tracing(&self) -> bool {
        self.tracemalloc.borrow().tracing
    }

    pub fn tracemalloc_limit(&self) -> usize {
        self.tracemalloc.borrow().max_nframe
    }

    /// Bytes used by the tracer's own tables (0 when not tracing).
    pub fn tracemalloc_memory(&self) -> usize {
        let t = self.tracemalloc.borrow();
        if t.tracing {
            t.memory_usage()
        } else {
            0
        }
    }

    /// A detached copy of the table (`None` when not tracing). The copy is made with
    /// tracing suspended, so building the result does not change what it contains.
    pub fn tracemalloc_copy(&self) -> Option<TraceCopy> {
        let _s = trace::suspend();
        let t = self.tracemalloc.borrow();
        if !t.tracing {
            return None;
        }
        Some(TraceCopy { traces: t.table.traces().collect(), tracebacks: t.table.tracebacks().to_vec(), files: t.files.clone() })
    }

    /// The traceback where the block at `ptr` was allocated, with its filename strings.
    pub fn tracemalloc_traceback_of(&self, ptr: usize) -> Option<(TracebackKey, Vec<Option<PyRef>>)> {
        let _s = trace::suspend();
        let t = self.tracemalloc.borrow();
        if !t.tracing {
            return None;
        }
        let tr = t.table.get(ptr)?;
        let key = t.table.traceback(tr.tb).clone();
        let files = key.frames.iter().map(|&(f, _)| t.file(f).cloned()).collect();
        Some((key, files))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tb(frames: &[FrameKey], total: u32) -> TracebackKey {
        TracebackKey { frames: frames.iter().copied().collect(), total }
    }

    #[test]
    fn add_remove_and_counters() {
        let mut t = TraceTable::default();
        let a = t.intern_traceback(tb(&[(0, 5)], 1));
        t.add(0x1000, 100, a);
        t.add(0x2000, 50, a);
        assert_eq!(t.traced_memory(), (150, 150));
        t.remove(0x1000);
        assert_eq!(t.traced_memory(), (50, 150));
        t.remove(0x1000); // unknown address: ignored
        t.remove(0x9999);
        assert_eq!(t.traced_memory(), (50, 150));
        t.reset_peak();
        assert_eq!(t.traced_memory(), (50, 50));
        assert_eq!(t.len(), 1);
        assert_eq!(t.get(0x2000), Some(Trace { size: 50, tb: a }));
    }

    #[test]
    fn stale_trace_at_same_address_is_replaced() {
        let mut t = TraceTable::default();
        let a = t.intern_traceback(tb(&[(0, 1)], 1));
        let b = t.intern_traceback(tb(&[(0, 2)], 1));
        t.add(0x10, 30, a);
        t.add(0x10, 20, b);
        assert_eq!(t.traced_memory(), (20, 30));
        assert_eq!(t.get(0x10), Some(Trace { size: 20, tb: b }));
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn tracebacks_are_interned() {
        let mut t = TraceTable::default();
        let a = t.intern_traceback(tb(&[(0, 5), (1, 7)], 2));
        let b = t.intern_traceback(tb(&[(0, 5), (1, 7)], 2));
        let c = t.intern_traceback(tb(&[(0, 5), (1, 7)], 3));
        let d = t.intern_traceback(tb(&[(0, 5), (1, 7), (2, 1), (3, 1), (4, 1)], 5));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(t.tracebacks().len(), 3);
        assert_eq!(t.traceback(d).frames.len(), 5);
        assert!(t.memory_usage() > 0);
    }

    #[test]
    fn peak_follows_the_high_water_mark() {
        let mut t = TraceTable::default();
        let a = t.intern_traceback(tb(&[(UNKNOWN_FILE, 0)], 1));
        for i in 0..1000 {
            t.add(i * 16, 16, a);
        }
        for i in 0..1000 {
            t.remove(i * 16);
        }
        assert_eq!(t.traced_memory(), (0, 16000));
        assert!(t.is_empty());
    }
}
