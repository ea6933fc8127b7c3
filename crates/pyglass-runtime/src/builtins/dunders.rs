//! Dunder methods of the built-in types as descriptors in their type dicts
//! (`int.__add__`, `list.__getitem__`, `object.__eq__`...). They call the same native
//! code as the operators, so subclasses of built-ins behave like the built-ins, and
//! `hasattr(list, "__iadd__")` is true while `hasattr(tuple, "__iadd__")` is false.

use crate::builtins::args;
use crate::builtins::native;
use crate::object::{Kind, PyRef};
use crate::vm::context::{method, Context, MethodDef};
use crate::vm::{Args, PyResult, Vm};
use pyglass_bytecode::{BinaryOp, CompareOp};

fn two<'a>(vm: &Vm, name: &str, a: &Args<'a>) -> PyResult<(&'a PyRef, &'a PyRef)> {
    let (s, rest) = args::meth(vm, name, a, 1, 1)?;
    Ok((s, &rest[0]))
}

/// `int.__add__(float)` is NotImplemented (int's slots only take ints; float's take both).
fn int_with_float(s: &PyRef, o: &PyRef) -> bool {
    s.is_kind(Kind::Int) && o.is_kind(Kind::Float)
}

fn ni(vm: &Vm, r: Option<PyRef>) -> PyRef {
    r.unwrap_or_else(|| vm.ctx.consts.not_implemented.clone())
}

macro_rules! binop_dunders {
    ($($f:ident, $rf:ident, $if:ident = $op:ident, $name:literal, $rname:literal, $iname:literal;)*) => {
        $(
            fn $f(vm: &Vm, a: Args<'_>) -> PyResult {
                let (s, o) = two(vm, $name, &a)?;
                if int_with_float(s, o) {
                    return Ok(vm.ctx.consts.not_implemented.clone());
                }
                Ok(ni(vm, native::native_binop(vm, s, o, BinaryOp::$op)?))
            }
            fn $rf(vm: &Vm, a: Args<'_>) -> PyResult {
                let (s, o) = two(vm, $rname, &a)?;
                if int_with_float(s, o) {
                    return Ok(vm.ctx.consts.not_implemented.clone());
                }
                Ok(ni(vm, native::native_binop(vm, o, s, BinaryOp::$op)?))
            }
            fn $if(vm: &Vm, a: Args<'_>) -> PyResult {
                let (s, o) = two(vm, $iname, &a)?;
                match native::native_inplace(vm, s, o, BinaryOp::$op)? {
                    Some(r) => Ok(r),
                    None => Ok(ni(vm, native::native_binop(vm, s, o, BinaryOp::$op)?)),
                }
            }
        )*
        /// (name, reflected name, in-place name, functions) for every binary operator.
        const BINOPS: &[(&str, &str, &str, crate::vm::NativeFn, crate::vm::NativeFn, crate::vm::NativeFn)] = &[
            $(($name, $rname, $iname, $f, $rf, $if),)*
        ];
    };
}

binop_dunders! {
    d_add, d_radd, d_iadd = Add, "__add__", "__radd__", "__iadd__";
    d_sub, d_rsub, d_isub = Subtract, "__sub__", "__rsub__", "__isub__";
    d_mul, d_rmul, d_imul = Multiply, "__mul__", "__rmul__", "__imul__";
    d_truediv, d_rtruediv, d_itruediv = TrueDivide, "__truediv__", "__rtruediv__", "__itruediv__";
    d_floordiv, d_rfloordiv, d_ifloordiv = FloorDivide, "__floordiv__", "__rfloordiv__", "__ifloordiv__";
    d_mod, d_rmod, d_imod = Remainder, "__mod__", "__rmod__", "__imod__";
    d_pow, d_rpow, d_ipow = Power, "__pow__", "__rpow__", "__ipow__";
    d_lshift, d_rlshift, d_ilshift = Lshift, "__lshift__", "__rlshift__", "__ilshift__";
    d_rshift, d_rrshift, d_irshift = Rshift, "__rshift__", "__rrshift__", "__irshift__";
    d_and, d_rand, d_iand = And, "__and__", "__rand__", "__iand__";
    d_or, d_ror, d_ior = Or, "__or__", "__ror__", "__ior__";
    d_xor, d_rxor, d_ixor = Xor, "__xor__", "__rxor__", "__ixor__";
}

macro_rules! cmp_dunders {
    ($($f:ident = $op:ident, $name:literal;)*) => {
        $(
            fn $f(vm: &Vm, a: Args<'_>) -> PyResult {
                let (s, o) = two(vm, $name, &a)?;
                if crate::vm::abstract_::type_is_static(o) || o.kind() == s.kind() {
                    if let Some(r) = native::native_compare(vm, s, o, CompareOp::$op)? {
                        return Ok(vm.ctx.bool_obj(r));
                    }
                }
                Ok(vm.ctx.consts.not_implemented.clone())
            }
        )*
        const CMPS: &[(&str, crate::vm::NativeFn)] = &[$(($name, $f),)*];
    };
}

cmp_dunders! {
    d_lt = Lt, "__lt__";
    d_le = Le, "__le__";
    d_eq = Eq, "__eq__";
    d_ne = Ne, "__ne__";
    d_gt = Gt, "__gt__";
    d_ge = Ge, "__ge__";
}

fn d_len(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__len__", &a, 0, 0)?;
    match native::native_len(s) {
        Some(n) => Ok(vm.ctx.new_int(n as i64)),
        // A range longer than sys.maxsize (CPython's range_length).
        None if s.is_kind(crate::object::Kind::Range) => Err(vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C ssize_t")),
        None => Err(vm.type_error("object has no len()")),
    }
}
fn d_getitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, k) = two(vm, "__getitem__", &a)?;
    match native::native_getitem(vm, s, k)? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(&format!("'{}' object is not subscriptable", vm.type_name(s)))),
    }
}
fn d_setitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "__setitem__", &a, 2, 2)?;
    native::native_setitem(vm, s, &rest[0], Some(rest[1].clone()))?;
    Ok(vm.ctx.none())
}
fn d_delitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, k) = two(vm, "__delitem__", &a)?;
    native::native_setitem(vm, s, k, None)?;
    Ok(vm.ctx.none())
}
fn d_contains(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, k) = two(vm, "__contains__", &a)?;
    Ok(vm.ctx.bool_obj(native::native_contains(vm, s, k)?.unwrap_or(false)))
}
fn d_iter(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__iter__", &a, 0, 0)?;
    match native::native_iter(vm, s)? {
        Some(it) => Ok(it),
        None => Err(vm.type_error(&format!("'{}' object is not iterable", vm.type_name(s)))),
    }
}
fn d_next(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__next__", &a, 0, 0)?;
    let r = match s.kind() {
        Kind::Iterator => crate::objects::iter::iter_next(vm, s)?,
        Kind::Generator => match crate::objects::generator::resume(vm, s, None, None)? {
            crate::objects::generator::SendResult::Yield(v) => Some(v),
            crate::objects::generator::SendResult::Return(r) => return Err(crate::builtins::callables::stop_iteration(vm, r)),
        },
        _ => None,
    };
    match r {
        Some(v) => Ok(v),
        None => Err(crate::vm::PyErr(vm.new_exception(&vm.ctx.exc.stop_iteration, vec![]))),
    }
}
fn d_repr(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__repr__", &a, 0, 0)?;
    let r = match crate::builtins::repr::native_repr(vm, s)? {
        Some(r) => r,
        None => crate::builtins::repr::default_repr(vm, s),
    };
    Ok(vm.ctx.new_string(r))
}
fn d_str(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__str__", &a, 0, 0)?;
    if s.is_kind(Kind::Exception) {
        return Ok(vm.ctx.new_string(crate::builtins::repr::base_exception_str(vm, s)?));
    }
    match crate::builtins::repr::native_str(vm, s)? {
        Some(r) => Ok(vm.ctx.new_string(r)),
        None => vm.repr(s),
    }
}
fn d_hash(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__hash__", &a, 0, 0)?;
    let h = match s.kind() {
        Kind::Str => s.downcast::<crate::objects::str::StrData>().map(|d| d.hash()).unwrap_or(0),
        Kind::Int => s.downcast::<crate::objects::int::IntData>().map(|d| d.value().hash()).unwrap_or(0),
        _ => native::native_hash(vm, s)?.unwrap_or(0),
    };
    Ok(vm.ctx.new_int(h as i64))
}
fn d_bool(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__bool__", &a, 0, 0)?;
    let b = match s.kind() {
        Kind::Int => !s.downcast::<crate::objects::int::IntData>().is_some_and(|i| i.value().is_zero()),
        Kind::Float => s.downcast::<crate::objects::float::FloatData>().is_some_and(|f| f.0 != 0.0),
        _ => true,
    };
    Ok(vm.ctx.bool_obj(b))
}
fn d_neg(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__neg__", &a, 0, 0)?;
    Ok(ni(vm, native::native_unary(vm, s, "__neg__")?))
}
fn d_pos(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__pos__", &a, 0, 0)?;
    Ok(ni(vm, native::native_unary(vm, s, "__pos__")?))
}
fn d_invert(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__invert__", &a, 0, 0)?;
    Ok(ni(vm, native::native_unary(vm, s, "__invert__")?))
}

/// Which dunders each built-in type gets.
pub fn install(ctx: &Context) {
    let t = &ctx.types;
    let numeric_ops = ["__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__"];
    let int_ops = ["__lshift__", "__rshift__", "__and__", "__or__", "__xor__"];
    let all_cmp = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    let add_binops = |typ: &PyRef, names: &[&str], reflected: bool, inplace: bool| {
        let mut defs: Vec<MethodDef> = Vec::new();
        for (n, rn, iname, f, rf, inf) in BINOPS {
            if names.contains(n) {
                defs.push(method(n, *f));
                if reflected {
                    defs.push(method(rn, *rf));
                }
                if inplace {
                    defs.push(method(iname, *inf));
                }
            }
        }
        ctx.add_methods(typ, &defs);
    };
    let add_cmp = |typ: &PyRef, names: &[&str]| {
        let defs: Vec<MethodDef> = CMPS.iter().filter(|(n, _)| names.contains(n)).map(|(n, f)| method(n, *f)).collect();
        ctx.add_methods(typ, &defs);
    };
    let add = |typ: &PyRef, defs: &[(&'static str, crate::vm::NativeFn)]| {
        let d: Vec<MethodDef> = defs.iter().map(|(n, f)| method(n, *f)).collect();
        ctx.add_methods(typ, &d);
    };
    // Numbers.
    let mut int_all: Vec<&str> = numeric_ops.to_vec();
    int_all.extend(int_ops);
    add_binops(&t.int, &int_all, true, false);
    add_binops(&t.float, &numeric_ops, true, false);
    add_binops(&t.bool_, &["__and__", "__or__", "__xor__"], true, false);
    for typ in [&t.int, &t.float] {
        add_cmp(typ, &all_cmp);
        add(typ, &[("__neg__", d_neg), ("__pos__", d_pos), ("__bool__", d_bool), ("__hash__", d_hash), ("__repr__", d_repr)]);
    }
    add(&t.int, &[("__invert__", d_invert)]);
    // Sequences and containers.
    add_binops(&t.str, &["__add__", "__mul__", "__mod__"], false, false);
    ctx.add_methods(&t.str, &[method("__rmul__", d_rmul), method("__rmod__", d_rmod)]);
    add_binops(&t.list, &["__add__", "__mul__"], false, true);
    ctx.add_methods(&t.list, &[method("__rmul__", d_rmul)]);
    add_binops(&t.tuple, &["__add__", "__mul__"], false, false);
    ctx.add_methods(&t.tuple, &[method("__rmul__", d_rmul)]);
    add_binops(&t.bytes, &["__add__", "__mul__"], false, false);
    ctx.add_methods(&t.bytes, &[method("__rmul__", d_rmul)]);
    add_binops(&t.bytearray, &["__add__", "__mul__"], false, true);
    ctx.add_methods(&t.bytearray, &[method("__rmul__", d_rmul)]);
    add_binops(&t.set, &["__or__", "__and__", "__sub__", "__xor__"], true, true);
    add_binops(&t.frozenset, &["__or__", "__and__", "__sub__", "__xor__"], true, false);
    add_binops(&t.dict, &["__or__"], true, true);
    for typ in [&t.str, &t.list, &t.tuple, &t.bytes, &t.bytearray, &t.set, &t.frozenset] {
        add_cmp(typ, &all_cmp);
    }
    for typ in [&t.dict, &t.range] {
        add_cmp(typ, &["__eq__", "__ne__"]);
    }
    for typ in [&t.str, &t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.range, &t.bytes, &t.bytearray] {
        add(typ, &[("__len__", d_len), ("__contains__", d_contains), ("__iter__", d_iter), ("__repr__", d_repr)]);
    }
    for typ in [&t.str, &t.list, &t.tuple, &t.dict, &t.range, &t.bytes, &t.bytearray] {
        add(typ, &[("__getitem__", d_getitem)]);
    }
    for typ in [&t.list, &t.dict, &t.bytearray] {
        add(typ, &[("__setitem__", d_setitem), ("__delitem__", d_delitem)]);
    }
    for typ in [&t.str, &t.tuple, &t.frozenset, &t.bytes, &t.range] {
        add(typ, &[("__hash__", d_hash)]);
    }
    for typ in [&t.list, &t.dict, &t.set] {
        ctx.set_type_attr(typ, "__hash__", ctx.none());
    }
    add(&t.str, &[("__str__", d_str)]);
    for typ in [
        &t.list_iterator, &t.list_reverseiterator, &t.tuple_iterator, &t.range_iterator, &t.str_iterator, &t.dict_keyiterator,
        &t.dict_valueiterator, &t.dict_itemiterator, &t.set_iterator, &t.callable_iterator, &t.seq_iterator, &t.reversed,
        &t.enumerate, &t.zip, &t.map, &t.filter, &t.generator,
    ] {
        add(typ, &[("__next__", d_next), ("__iter__", d_iter)]);
    }
    for typ in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add(typ, &[("__len__", d_len), ("__contains__", d_contains), ("__iter__", d_iter), ("__repr__", d_repr)]);
    }
    for (_, e) in &ctx.exc.all {
        let _ = e;
    }
    add(&t.exc_base(ctx), &[("__repr__", d_repr), ("__str__", d_str)]);
}

impl crate::vm::context::Types {
    fn exc_base(&self, ctx: &Context) -> PyRef {
        ctx.exc.base_exception.clone()
    }
}
