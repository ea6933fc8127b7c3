//! The `gc` module (CPython `Modules/gcmodule.c`): the interface to the cycle collector
//! in `vm/gc.rs`.

use crate::builtins::args;
use crate::object::header::layout_bits;
use crate::object::PyRef;
use crate::objects::dict::DictData;
use crate::vm::gc::{debug_flags, NUM_GENERATIONS};
use crate::vm::{Args, PyResult, Vm};

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("gc");
    super::add_functions(
        vm,
        &m,
        "gc",
        &[
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("collect", collect),
            ("get_count", get_count),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_stats", get_stats),
            ("get_objects", get_objects),
            ("get_referrers", get_referrers),
            ("get_referents", get_referents),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
            ("get_freeze_count", get_freeze_count),
            ("set_debug", set_debug),
            ("get_debug", get_debug),
        ],
    );
    super::set_attr(vm, &m, "garbage", vm.ctx.gc.garbage.clone());
    super::set_attr(vm, &m, "callbacks", vm.ctx.gc.callbacks.clone());
    for (name, v) in [
        ("DEBUG_STATS", debug_flags::STATS),
        ("DEBUG_COLLECTABLE", debug_flags::COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", debug_flags::UNCOLLECTABLE),
        ("DEBUG_SAVEALL", debug_flags::SAVEALL),
        ("DEBUG_LEAK", debug_flags::LEAK),
    ] {
        super::set_attr(vm, &m, name, vm.ctx.new_int(v as i64));
    }
    m
}

fn int_arg(vm: &Vm, v: &PyRef) -> PyResult<i64> {
    let i = vm.index(v)?;
    i.to_i64().ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C long"))
}

fn enable(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.enable", &a, 0, 0)?;
    vm.ctx.gc.set_enabled(true);
    Ok(vm.ctx.none())
}

fn disable(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.disable", &a, 0, 0)?;
    vm.ctx.gc.set_enabled(false);
    Ok(vm.ctx.none())
}

fn isenabled(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.isenabled", &a, 0, 0)?;
    Ok(vm.ctx.bool_obj(vm.ctx.gc.enabled()))
}

fn collect(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "collect", &a, &["generation"], 0)?;
    let generation = match b[0] {
        Some(g) => int_arg(vm, g)?,
        None => (NUM_GENERATIONS - 1) as i64,
    };
    if !(0..NUM_GENERATIONS as i64).contains(&generation) {
        return Err(vm.value_error("invalid generation"));
    }
    let n = vm.gc_collect(generation as usize);
    Ok(vm.ctx.new_int(n as i64))
}

fn get_count(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.get_count", &a, 0, 0)?;
    let c = vm.ctx.gc.counts();
    Ok(vm.ctx.new_tuple(c.iter().map(|&v| vm.ctx.new_int(v as i64)).collect()))
}

fn get_threshold(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.get_threshold", &a, 0, 0)?;
    let t = vm.ctx.gc.thresholds();
    Ok(vm.ctx.new_tuple(t.iter().map(|&v| vm.ctx.new_int(v as i64)).collect()))
}

fn set_threshold(vm: &Vm, a: Args<'_>) -> PyResult {
    if a.has_kw() {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    let p = a.pos();
    if p.is_empty() || p.len() > 3 {
        return Err(vm.type_error("gc.set_threshold requires 1 to 3 arguments"));
    }
    let mut vals = Vec::new();
    for v in p {
        let i = int_arg(vm, v)?;
        if i > i32::MAX as i64 || i < i32::MIN as i64 {
            return Err(vm.new_error(&vm.ctx.exc.overflow_error, "signed integer is greater than maximum"));
        }
        vals.push(i.max(0) as usize);
    }
    for (i, v) in vals.into_iter().enumerate() {
        vm.ctx.gc.set_threshold(i, v);
    }
    Ok(vm.ctx.none())
}

fn get_stats(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.get_stats", &a, 0, 0)?;
    let mut out = Vec::new();
    for s in vm.ctx.gc.stats() {
        let d = vm.ctx.new_dict();
        if let Some(dd) = d.downcast::<DictData>() {
            dd.set_str_key(vm.ctx.intern("collections"), vm.ctx.new_int(s.collections as i64));
            dd.set_str_key(vm.ctx.intern("collected"), vm.ctx.new_int(s.collected as i64));
            dd.set_str_key(vm.ctx.intern("uncollectable"), vm.ctx.new_int(s.uncollectable as i64));
        }
        out.push(d);
    }
    Ok(vm.ctx.new_list(out))
}

fn get_objects(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "get_objects", &a, &["generation"], 0)?;
    let gens: Vec<usize> = match b[0] {
        Some(g) if !g.is(&vm.ctx.consts.none) => {
            let g = int_arg(vm, g)?;
            if g >= NUM_GENERATIONS as i64 {
                return Err(vm.value_error(&format!("generation parameter must be less than the number of available generations ({NUM_GENERATIONS})")));
            }
            if g < -1 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            if g == -1 {
                (0..NUM_GENERATIONS).collect()
            } else {
                vec![g as usize]
            }
        }
        _ => (0..NUM_GENERATIONS).collect(),
    };
    let mut out = Vec::new();
    for g in gens {
        out.extend(vm.ctx.gc.objects(g));
    }
    Ok(vm.ctx.new_list(out))
}

fn get_referrers(vm: &Vm, a: Args<'_>) -> PyResult {
    if a.has_kw() {
        return Err(vm.type_error("get_referrers() takes no keyword arguments"));
    }
    let targets: Vec<usize> = a.pos().iter().map(|o| o.addr()).collect();
    let mut out = Vec::new();
    for g in 0..NUM_GENERATIONS {
        for o in vm.ctx.gc.objects(g) {
            let mut hit = false;
            crate::object::traverse_object(&o, &mut |r| {
                if targets.contains(&r.addr()) {
                    hit = true;
                }
            });
            if hit {
                out.push(o);
            }
        }
    }
    Ok(vm.ctx.new_list(out))
}

fn get_referents(vm: &Vm, a: Args<'_>) -> PyResult {
    if a.has_kw() {
        return Err(vm.type_error("get_referents() takes no keyword arguments"));
    }
    let mut out = Vec::new();
    for o in a.pos() {
        if o.header().flags() & layout_bits::HAS_GC_HEAD == 0 {
            continue;
        }
        crate::object::traverse_object(o, &mut |r| out.push(r.clone()));
    }
    Ok(vm.ctx.new_list(out))
}

fn is_tracked(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "gc.is_tracked", &a, 1, 1)?;
    Ok(vm.ctx.bool_obj(crate::vm::gc::is_tracked(&p[0])))
}

fn is_finalized(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "gc.is_finalized", &a, 1, 1)?;
    let o = &p[0];
    let gc = o.header().flags() & layout_bits::HAS_GC_HEAD != 0;
    Ok(vm.ctx.bool_obj(gc && crate::vm::gc::is_finalized(o)))
}

fn freeze(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.freeze", &a, 0, 0)?;
    vm.ctx.gc.freeze();
    Ok(vm.ctx.none())
}

fn unfreeze(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.unfreeze", &a, 0, 0)?;
    vm.ctx.gc.unfreeze();
    Ok(vm.ctx.none())
}

fn get_freeze_count(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.get_freeze_count", &a, 0, 0)?;
    Ok(vm.ctx.new_int(vm.ctx.gc.len(3) as i64))
}

fn set_debug(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "gc.set_debug", &a, 1, 1)?;
    let v = int_arg(vm, &p[0])?;
    vm.ctx.gc.set_debug(v as u32);
    Ok(vm.ctx.none())
}

fn get_debug(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "gc.get_debug", &a, 0, 0)?;
    Ok(vm.ctx.new_int(vm.ctx.gc.debug() as i64))
}
