//! The `time` module (the parts demos and benchmarks use).

use crate::builtins::args;
use crate::object::PyRef;
use crate::vm::{Args, PyResult, Vm};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    static START: Instant = Instant::now();
}

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("time");
    super::add_functions(
        vm,
        &m,
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("process_time", process_time),
            ("sleep", sleep),
        ],
    );
    m
}

fn now() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}
fn time(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "time", &a, 0, 0)?;
    Ok(vm.ctx.new_float(now()))
}
fn time_ns(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "time_ns", &a, 0, 0)?;
    let ns = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(vm.ctx.new_int_value(crate::objects::int::IntValue::from_big(num_bigint::BigInt::from(ns))))
}
fn perf_counter(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "perf_counter", &a, 0, 0)?;
    Ok(vm.ctx.new_float(START.with(|s| s.elapsed().as_secs_f64())))
}
fn perf_counter_ns(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "perf_counter_ns", &a, 0, 0)?;
    Ok(vm.ctx.new_int(START.with(|s| s.elapsed().as_nanos() as i64)))
}
fn process_time(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "process_time", &a, 0, 0)?;
    Ok(vm.ctx.new_float(START.with(|s| s.elapsed().as_secs_f64())))
}
fn sleep(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "sleep", &a, 1, 1)?;
    let secs = crate::builtins::numbers::to_float(vm, &p[0])?;
    if secs < 0.0 || secs.is_nan() {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    // Sleep in slices so Ctrl-C interrupts promptly.
    let deadline = Instant::now() + std::time::Duration::from_secs_f64(secs.min(1e9));
    loop {
        vm.check_interrupt()?;
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        std::thread::sleep((deadline - now).min(std::time::Duration::from_millis(50)));
    }
    Ok(vm.ctx.none())
}
