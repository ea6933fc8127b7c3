//! `_tracemalloc`: the native half of `tracemalloc` (CPython's `Modules/_tracemalloc.c`).
//! The trace table lives on the thread state (`vm/tracemalloc.rs`); the Python half
//! (`lib/tracemalloc.py`) builds snapshots and statistics from `_get_traces()`.

use crate::builtins::args;
use crate::object::PyRef;
use crate::vm::tracemalloc::{FrameKey, MAX_NFRAME, UNKNOWN_FILE};
use crate::vm::{Args, PyResult, Vm};
use std::collections::HashMap;

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("_tracemalloc");
    super::add_functions(
        vm,
        &m,
        "_tracemalloc",
        &[
            ("start", start),
            ("stop", stop),
            ("is_tracing", is_tracing),
            ("clear_traces", clear_traces),
            ("get_traced_memory", get_traced_memory),
            ("reset_peak", reset_peak),
            ("get_tracemalloc_memory", get_tracemalloc_memory),
            ("get_traceback_limit", get_traceback_limit),
            ("_get_traces", get_traces),
            ("_get_object_traceback", get_object_traceback),
        ],
    );
    m
}

fn start(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "start", &a, 0, 1)?;
    let n = match p.first() {
        Some(v) => vm
            .index(v)?
            .to_i64()
            .filter(|n| i32::try_from(*n).is_ok())
            .ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C int"))?,
        None => 1,
    };
    if n < 1 || n as usize > MAX_NFRAME {
        return Err(vm.value_error(&format!("the number of frames must be in range [1; {MAX_NFRAME}]")));
    }
    vm.tracemalloc_start(n as usize);
    Ok(vm.ctx.none())
}

fn stop(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "stop", &a, 0, 0)?;
    vm.tracemalloc_stop();
    Ok(vm.ctx.none())
}

fn is_tracing(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "is_tracing", &a, 0, 0)?;
    Ok(vm.ctx.bool_obj(vm.tracemalloc_is_tracing()))
}

fn clear_traces(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "clear_traces", &a, 0, 0)?;
    vm.tracemalloc_clear();
    Ok(vm.ctx.none())
}

fn get_traced_memory(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "get_traced_memory", &a, 0, 0)?;
    let (cur, peak) = vm.tracemalloc_traced_memory();
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_int(cur as i64), vm.ctx.new_int(peak as i64)]))
}

fn reset_peak(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "reset_peak", &a, 0, 0)?;
    vm.tracemalloc_reset_peak();
    Ok(vm.ctx.none())
}

fn get_tracemalloc_memory(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "get_tracemalloc_memory", &a, 0, 0)?;
    Ok(vm.ctx.new_int(vm.tracemalloc_memory() as i64))
}

fn get_traceback_limit(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "get_traceback_limit", &a, 0, 0)?;
    Ok(vm.ctx.new_int(vm.tracemalloc_limit() as i64))
}

/// Builds frame and traceback tuples once per distinct value.
struct TupleCache<'a> {
    files: &'a [PyRef],
    unknown: Option<PyRef>,
    frames: HashMap<FrameKey, PyRef>,
}

impl TupleCache<'_> {
    fn frame(&mut self, vm: &Vm, key: FrameKey) -> PyRef {
        if let Some(f) = self.frames.get(&key) {
            return f.clone();
        }
        let name = match (key.0 != UNKNOWN_FILE).then(|| self.files.get(key.0 as usize)).flatten() {
            Some(s) => s.clone(),
            None => self.unknown.get_or_insert_with(|| vm.ctx.new_str("<unknown>")).clone(),
        };
        let t = vm.ctx.new_tuple(vec![name, vm.ctx.new_int(key.1 as i64)]);
        self.frames.insert(key, t.clone());
        t
    }

    fn traceback(&mut self, vm: &Vm, frames: &[FrameKey]) -> PyRef {
        let items = frames.iter().map(|&f| self.frame(vm, f)).collect();
        vm.ctx.new_tuple(items)
    }
}

/// `_get_traces()`: a list of `(domain, size, traceback, total_nframe)` tuples, the
/// traceback a tuple of `(filename, lineno)` pairs, most recent first. Empty when not
/// tracing. The table is copied first, so the objects made here are not in the result.
fn get_traces(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "_get_traces", &a, 0, 0)?;
    let Some(copy) = vm.tracemalloc_copy() else { return Ok(vm.ctx.new_list(Vec::new())) };
    let mut cache = TupleCache { files: &copy.files, unknown: None, frames: HashMap::new() };
    let mut tbs: Vec<Option<PyRef>> = vec![None; copy.tracebacks.len()];
    let zero = vm.ctx.new_int(0);
    // Equal traces (same size and traceback: e.g. ten thousand objects of one type made on
    // one line) share one tuple, so a snapshot costs about a list slot per trace.
    let mut same: HashMap<(usize, u32), PyRef> = HashMap::new();
    let mut out = Vec::with_capacity(copy.traces.len());
    for tr in &copy.traces {
        if let Some(t) = same.get(&(tr.size, tr.tb)) {
            out.push(t.clone());
            continue;
        }
        let key = &copy.tracebacks[tr.tb as usize];
        let tb = match &tbs[tr.tb as usize] {
            Some(t) => t.clone(),
            None => {
                let t = cache.traceback(vm, &key.frames);
                tbs[tr.tb as usize] = Some(t.clone());
                t
            }
        };
        let t = vm.ctx.new_tuple(vec![zero.clone(), vm.ctx.new_int(tr.size as i64), tb, vm.ctx.new_int(key.total as i64)]);
        same.insert((tr.size, tr.tb), t.clone());
        out.push(t);
    }
    Ok(vm.ctx.new_list(out))
}

/// `_get_object_traceback(obj)`: the traceback tuple where `obj` was allocated, or None.
fn get_object_traceback(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "_get_object_traceback", &a, 1, 1)?;
    // The allocation starts at the object's pre-header (managed dict, GC links).
    let base = p[0].addr() - p[0].header().pre_header_size();
    let Some((key, files)) = vm.tracemalloc_traceback_of(base) else { return Ok(vm.ctx.none()) };
    let files: Vec<PyRef> = files.into_iter().flatten().collect();
    // File ids index `files` in frame order here, not the table's ids.
    let mut frames = Vec::with_capacity(key.frames.len());
    let mut k = 0;
    for &(f, line) in &key.frames {
        let name = if f == UNKNOWN_FILE {
            vm.ctx.new_str("<unknown>")
        } else {
            k += 1;
            files[k - 1].clone()
        };
        frames.push(vm.ctx.new_tuple(vec![name, vm.ctx.new_int(line as i64)]));
    }
    Ok(vm.ctx.new_tuple(frames))
}
