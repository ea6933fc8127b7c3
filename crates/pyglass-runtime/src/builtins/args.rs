//! Argument checking helpers for native functions, producing CPython-style messages.

use crate::object::PyRef;
use crate::vm::{Args, PyResult, Vm};

/// Positional arguments only, between `min` and `max` of them (`name` for messages).
pub fn pos<'a>(vm: &Vm, name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    if args.has_kw() {
        return Err(vm.type_error(&format!("{name}() takes no keyword arguments")));
    }
    let p = args.pos();
    if p.len() < min || p.len() > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({} given)", p.len()),
                1 => format!("{name}() takes exactly one argument ({} given)", p.len()),
                n => format!("{name} expected {n} arguments, got {}", p.len()),
            }
        } else if p.len() < min {
            format!("{name} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, p.len())
        } else {
            format!("{name} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, p.len())
        };
        return Err(vm.type_error(&msg));
    }
    Ok(p)
}

/// Method arguments: self plus between `min` and `max` positional arguments.
#[inline(always)]
pub fn meth<'a>(vm: &Vm, name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    // The accepted shape inline (a few compares in every method); the errors out of line.
    if let Some((s, rest)) = args.pos().split_first() {
        if !args.has_kw() && rest.len() >= min && rest.len() <= max {
            return Ok((s, rest));
        }
    }
    meth_error(vm, name, args, min, max)
}

#[cold]
#[inline(never)]
fn meth_error<'a>(vm: &Vm, name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<(&'a PyRef, &'a [PyRef])> {
    let p = args.pos();
    let Some((s, rest)) = p.split_first() else {
        return Err(vm.type_error(&format!("{name}() needs an argument")));
    };
    if args.has_kw() {
        return Err(vm.type_error(&format!("{}.{name}() takes no keyword arguments", vm.type_name(s))));
    }
    if rest.len() < min || rest.len() > max {
        let msg = if min == max {
            match min {
                0 => format!("{}.{name}() takes no arguments ({} given)", vm.type_name(s), rest.len()),
                1 => format!("{}.{name}() takes exactly one argument ({} given)", vm.type_name(s), rest.len()),
                n => format!("{name} expected {n} arguments, got {}", rest.len()),
            }
        } else if rest.len() < min {
            format!("{name} expected at least {min} argument{}, got {}", if min == 1 { "" } else { "s" }, rest.len())
        } else {
            format!("{name} expected at most {max} argument{}, got {}", if max == 1 { "" } else { "s" }, rest.len())
        };
        return Err(vm.type_error(&msg));
    }
    Ok((s, rest))
}

/// Bind positional-or-keyword parameters by name: returns one slot per name.
pub fn bind<'a>(vm: &Vm, fname: &str, args: &Args<'a>, names: &[&str], required: usize) -> PyResult<Vec<Option<&'a PyRef>>> {
    let p = args.pos();
    if p.len() > names.len() {
        if !args.has_kw() && matches!(fname, "int" | "str") {
            // Type constructors check positional counts first (`_PyArg_CheckPositional`).
            return Err(vm.type_error(&format!("{fname} expected at most {} argument{}, got {}", names.len(), if names.len() == 1 { "" } else { "s" }, p.len())));
        }
        return Err(vm.type_error(&format!("{fname}() takes at most {} argument{} ({} given)", names.len(), if names.len() == 1 { "" } else { "s" }, p.len())));
    }
    let mut out: Vec<Option<&PyRef>> = vec![None; names.len()];
    for (i, v) in p.iter().enumerate() {
        out[i] = Some(v);
    }
    for (k, v) in args.kw() {
        let kn = crate::objects::str::as_str(k).unwrap_or("");
        match names.iter().position(|n| *n == kn) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(vm.type_error(&format!("argument for {fname}() given by name ('{kn}') and position ({})", i + 1)));
                }
                out[i] = Some(v);
            }
            None => return Err(vm.type_error(&format!("{fname}() got an unexpected keyword argument '{kn}'"))),
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(&format!("{fname}() missing required argument '{}' (pos {})", names[i], i + 1)));
        }
    }
    Ok(out)
}
