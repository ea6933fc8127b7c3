//! Native behaviour of the built-in types for the abstract protocols: arithmetic,
//! comparison, hashing, length, membership, subscripts and iteration. The protocol
//! functions in `vm/abstract_.rs` call these for objects of built-in types, and the
//! dunder descriptors of the built-in types (`int.__add__`, `list.__getitem__`...) call
//! them too, so subclasses behave the same.

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::float::{float_divmod, float_hash, FloatData};
use crate::objects::int::{IntData, IntValue};
use crate::objects::list::ListData;
use crate::objects::misc::{DictIterKind, IterState, RangeData, SliceData};
use crate::objects::set::SetData;
use crate::objects::str::{as_str, StrData};
use crate::objects::tuple::tuple_items;
use crate::vm::{PyResult, Vm};
use pyglass_bytecode::{BinaryOp, CompareOp};
use std::cmp::Ordering;

/// A number as the arithmetic sees it.
enum Num<'a> {
    Int(&'a IntValue),
    Float(f64),
}

fn num(v: &PyRef) -> Option<Num<'_>> {
    if let Some(i) = v.downcast::<IntData>() {
        return Some(Num::Int(i.value()));
    }
    v.downcast::<FloatData>().map(|f| Num::Float(f.0))
}

fn is_bool(vm: &Vm, v: &PyRef) -> bool {
    v.class().is(&vm.ctx.types.bool_)
}

pub fn int_to_f64(vm: &Vm, i: &IntValue) -> PyResult<f64> {
    i.to_f64().ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "int too large to convert to float"))
}

/// `a <op> b` for built-in operand types; `Ok(None)` = NotImplemented.
pub fn native_binop(vm: &Vm, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult<Option<PyRef>> {
    let op = op.base();
    match (num(a), num(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => return int_binop(vm, a, b, x, y, op),
        (Some(x), Some(y)) => {
            let fx = match x {
                Num::Int(i) => int_to_f64(vm, i)?,
                Num::Float(f) => f,
            };
            let fy = match y {
                Num::Int(i) => int_to_f64(vm, i)?,
                Num::Float(f) => f,
            };
            return float_binop(vm, fx, fy, op);
        }
        _ => {}
    }
    match (a.kind(), b.kind(), op) {
        (Kind::Str, Kind::Str, BinaryOp::Add) => {
            let (x, y) = (as_str(a).unwrap_or(""), as_str(b).unwrap_or(""));
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Some(vm.ctx.new_string(s)))
        }
        (Kind::Str, Kind::Int, BinaryOp::Multiply) | (Kind::Int, Kind::Str, BinaryOp::Multiply) => {
            let (s, n) = if a.is_kind(Kind::Str) { (a, b) } else { (b, a) };
            let count = repeat_count(vm, n)?;
            let text = as_str(s).unwrap_or("");
            let total = text.len().checked_mul(count).ok_or_else(|| vm.new_error(&vm.ctx.exc.overflow_error, "repeated string is too long"))?;
            if total > isize::MAX as usize / 2 {
                return Err(vm.new_error(&vm.ctx.exc.memory_error, ""));
            }
            let mut out = String::new();
            out.try_reserve_exact(total).map_err(|_| vm.new_error(&vm.ctx.exc.memory_error, ""))?;
            for _ in 0..count {
                out.push_str(text);
            }
            Ok(Some(vm.ctx.new_string(out)))
        }
        (Kind::Str, _, BinaryOp::Remainder) => Ok(Some(crate::builtins::format::percent_format(vm, a, b)?)),
        (Kind::List, Kind::List, BinaryOp::Add) => {
            let (Some(x), Some(y)) = (a.downcast::<ListData>(), b.downcast::<ListData>()) else { return Ok(None) };
            // Cloning items runs no Python code, so both borrows are held while copying.
            let (x, y) = (x.items.borrow(), y.items.borrow());
            let mut v = crate::objects::list::item_vec_with_capacity(x.len() + y.len());
            v.extend_from_slice(&x);
            v.extend_from_slice(&y);
            drop((x, y));
            Ok(Some(vm.ctx.new_list_items(v)))
        }
        (Kind::Tuple, Kind::Tuple, BinaryOp::Add) => {
            let mut v = tuple_items(a).to_vec();
            v.extend(tuple_items(b).iter().cloned());
            Ok(Some(vm.ctx.new_tuple(v)))
        }
        (Kind::List, Kind::Int, BinaryOp::Multiply) | (Kind::Int, Kind::List, BinaryOp::Multiply) => {
            let (l, n) = if a.is_kind(Kind::List) { (a, b) } else { (b, a) };
            let count = repeat_count(vm, n)?;
            let Some(l) = l.downcast::<ListData>() else { return Ok(None) };
            // Cloning items runs no Python code, so the borrow is held while repeating.
            let v = repeat_list_items(vm, &l.items.borrow(), count)?;
            Ok(Some(vm.ctx.new_list_items(v)))
        }
        (Kind::Tuple, Kind::Int, BinaryOp::Multiply) | (Kind::Int, Kind::Tuple, BinaryOp::Multiply) => {
            let (t, n) = if a.is_kind(Kind::Tuple) { (a, b) } else { (b, a) };
            let count = repeat_count(vm, n)?;
            if count == 1 && t.class().is(&vm.ctx.types.tuple) {
                return Ok(Some(t.clone()));
            }
            let v = repeat_items(vm, tuple_items(t), count)?;
            Ok(Some(vm.ctx.new_tuple(v)))
        }
        (Kind::Set, Kind::Set, BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor) => Ok(Some(crate::builtins::setops::set_binop(vm, a, b, op)?)),
        (Kind::DictView, _, BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor) | (_, Kind::DictView, BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor) => dictview_binop(vm, a, b, op),
        (Kind::Dict, Kind::Dict, BinaryOp::Or) => {
            let d = vm.ctx.new_dict();
            vm.dict_update_from(&d, a)?;
            vm.dict_update_from(&d, b)?;
            Ok(Some(d))
        }
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray, BinaryOp::Add) => {
            let mut v = crate::builtins::bytes::buffer_of(a).unwrap_or_default();
            v.extend_from_slice(&crate::builtins::bytes::buffer_of(b).unwrap_or_default());
            Ok(Some(if a.is_kind(Kind::ByteArray) { crate::builtins::bytes::new_bytearray(vm, v) } else { crate::builtins::bytes::new_bytes(vm, v) }))
        }
        (Kind::Bytes | Kind::ByteArray, Kind::Int, BinaryOp::Multiply) | (Kind::Int, Kind::Bytes | Kind::ByteArray, BinaryOp::Multiply) => {
            let (x, n) = if a.is_kind(Kind::Int) { (b, a) } else { (a, b) };
            let data = crate::builtins::bytes::buffer_of(x).unwrap_or_default();
            let count = repeat_count(vm, n)?;
            let total = data.len().checked_mul(count).filter(|t| *t <= isize::MAX as usize / 2).ok_or_else(|| vm.new_error(&vm.ctx.exc.memory_error, ""))?;
            let mut v = Vec::new();
            v.try_reserve_exact(total).map_err(|_| vm.new_error(&vm.ctx.exc.memory_error, ""))?;
            for _ in 0..count {
                v.extend_from_slice(&data);
            }
            Ok(Some(if x.is_kind(Kind::ByteArray) { crate::builtins::bytes::new_bytearray(vm, v) } else { crate::builtins::bytes::new_bytes(vm, v) }))
        }
        (Kind::Bytes | Kind::ByteArray, _, BinaryOp::Remainder) => Ok(Some(crate::builtins::bytes::percent_format_bytes(vm, a, b)?)),
        _ => Ok(None),
    }
}

fn is_set_view(vm: &Vm, v: &PyRef) -> bool {
    let t = v.class();
    t.is(&vm.ctx.types.dict_keys) || t.is(&vm.ctx.types.dict_items)
}

/// A set from a dict view operand (`dictviews_to_set`).
fn view_to_set(vm: &Vm, v: &PyRef) -> PyResult {
    let s = vm.new_set(false);
    let src = match v.downcast::<crate::objects::misc::DictViewData>() {
        Some(dv) if v.class().is(&vm.ctx.types.dict_keys) && dv.dict.class().is(&vm.ctx.types.dict) => dv.dict.clone(),
        _ => v.clone(),
    };
    crate::builtins::setops::update_internal(vm, &s, &src)?;
    Ok(s)
}

/// `&`, `|`, `-`, `^` of dict keys/items views (CPython's `dictviews_*`): results are sets.
fn dictview_binop(vm: &Vm, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult<Option<PyRef>> {
    if !(is_set_view(vm, a) || is_set_view(vm, b)) {
        return Ok(None);
    }
    let (mut this, mut other) = (a, b);
    match op {
        BinaryOp::And => {
            if !is_set_view(vm, this) {
                std::mem::swap(&mut this, &mut other);
            }
            let len_self = native_len(this).unwrap_or(0);
            if other.class().is(&vm.ctx.types.set) && len_self <= native_len(other).unwrap_or(0) {
                // `other.intersection(view)`: iterates the view.
                return Ok(Some(crate::builtins::setops::intersection(vm, other, this)?));
            }
            if is_set_view(vm, other) && native_len(other).unwrap_or(0) > len_self {
                std::mem::swap(&mut this, &mut other);
            }
            let result = vm.new_set(false);
            for k in vm.iterate(other)? {
                if vm.contains(this, &k)? {
                    vm.set_add(&result, k)?;
                }
            }
            Ok(Some(result))
        }
        BinaryOp::Or => {
            let result = if this.is_kind(Kind::DictView) { view_to_set(vm, this)? } else { let s = vm.new_set(false); crate::builtins::setops::update_internal(vm, &s, this)?; s };
            crate::builtins::setops::update_internal(vm, &result, other)?;
            Ok(Some(result))
        }
        BinaryOp::Subtract => {
            let result = if this.is_kind(Kind::DictView) { view_to_set(vm, this)? } else { let s = vm.new_set(false); crate::builtins::setops::update_internal(vm, &s, this)?; s };
            crate::builtins::setops::difference_update_internal(vm, &result, other)?;
            Ok(Some(result))
        }
        _ => {
            let result = if this.is_kind(Kind::DictView) { view_to_set(vm, this)? } else { let s = vm.new_set(false); crate::builtins::setops::update_internal(vm, &s, this)?; s };
            crate::builtins::setops::symmetric_difference_update(vm, &result, other)?;
            Ok(Some(result))
        }
    }
}

fn repeat_count(vm: &Vm, n: &PyRef) -> PyResult<usize> {
    let v = n.downcast::<IntData>().map(|i| i.value().clone()).unwrap_or(IntValue::Small(0));
    match v {
        IntValue::Small(i) if i <= 0 => Ok(0),
        IntValue::Small(i) => Ok(i as usize),
        IntValue::Big(b) => {
            if b.sign() == num_bigint::Sign::Minus {
                Ok(0)
            } else {
                Err(vm.new_error(&vm.ctx.exc.overflow_error, "cannot fit 'int' into an index-sized integer"))
            }
        }
    }
}

/// The length of `len` items repeated `count` times, or MemoryError when no sequence of
/// that size could be allocated.
fn repeat_total(vm: &Vm, len: usize, count: usize) -> PyResult<usize> {
    match len.checked_mul(count) {
        Some(total) if total <= (isize::MAX as usize) / 16 => Ok(total),
        _ => Err(vm.new_error(&vm.ctx.exc.memory_error, "")),
    }
}

/// `items * count` as a list's item array (exactly sized).
fn repeat_list_items(vm: &Vm, items: &[PyRef], count: usize) -> PyResult<crate::objects::list::ItemVec> {
    let total = repeat_total(vm, items.len(), count)?;
    let mut v = crate::objects::list::item_vec();
    v.try_reserve_exact(total).map_err(|_| vm.new_error(&vm.ctx.exc.memory_error, ""))?;
    if let [one] = items {
        // `[x] * n`, the common case: one clone per slot.
        v.extend(std::iter::repeat_n(one, count).cloned());
    } else {
        for _ in 0..count {
            v.extend_from_slice(items);
        }
    }
    Ok(v)
}

/// `items * count` as a tuple's items.
fn repeat_items(vm: &Vm, items: &[PyRef], count: usize) -> PyResult<Vec<PyRef>> {
    let total = repeat_total(vm, items.len(), count)?;
    let mut v: Vec<PyRef> = Vec::new();
    v.try_reserve_exact(total).map_err(|_| vm.new_error(&vm.ctx.exc.memory_error, ""))?;
    for _ in 0..count {
        v.extend(items.iter().cloned());
    }
    Ok(v)
}

fn int_binop(vm: &Vm, a: &PyRef, b: &PyRef, x: &IntValue, y: &IntValue, op: BinaryOp) -> PyResult<Option<PyRef>> {
    let zero_div = |what: &str| vm.new_error(&vm.ctx.exc.zero_division_error, what);
    let r = match op {
        BinaryOp::Add => x.add(y),
        BinaryOp::Subtract => x.sub(y),
        BinaryOp::Multiply => x.mul(y),
        BinaryOp::FloorDivide => x.floordiv(y).ok_or_else(|| zero_div("integer division or modulo by zero"))?,
        BinaryOp::Remainder => x.modulo(y).ok_or_else(|| zero_div("integer modulo by zero"))?,
        BinaryOp::TrueDivide => {
            if y.is_zero() {
                return Err(zero_div("division by zero"));
            }
            return Ok(Some(vm.ctx.new_float(int_true_divide(vm, x, y)?)));
        }
        BinaryOp::Power => {
            if y.is_negative() {
                let fx = int_to_f64(vm, x)?;
                let fy = int_to_f64(vm, y)?;
                if fx == 0.0 {
                    return Err(zero_div("0.0 cannot be raised to a negative power"));
                }
                return Ok(Some(vm.ctx.new_float(fx.powf(fy))));
            }
            let e = y.to_i64().filter(|e| *e <= u32::MAX as i64);
            match e {
                Some(e) => {
                    if x.bit_length().saturating_mul(e as u64) > 64 * 1024 * 1024 * 8 {
                        return Err(vm.new_error(&vm.ctx.exc.memory_error, ""));
                    }
                    x.pow(e as u64)
                }
                None => {
                    if matches!(x, IntValue::Small(0 | 1)) {
                        x.clone()
                    } else if matches!(x, IntValue::Small(-1)) {
                        if y.bitand(&IntValue::Small(1)).is_zero() { IntValue::Small(1) } else { IntValue::Small(-1) }
                    } else {
                        return Err(vm.new_error(&vm.ctx.exc.memory_error, ""));
                    }
                }
            }
        }
        BinaryOp::Lshift | BinaryOp::Rshift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let n = y.to_i64().unwrap_or(i64::MAX) as u64;
            if op == BinaryOp::Lshift {
                if !x.is_zero() && n > 1 << 32 {
                    return Err(vm.new_error(&vm.ctx.exc.overflow_error, "too many digits in integer"));
                }
                x.lshift(n)
            } else {
                x.rshift(n)
            }
        }
        BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => {
            let r = match op {
                BinaryOp::And => x.bitand(y),
                BinaryOp::Or => x.bitor(y),
                _ => x.bitxor(y),
            };
            if is_bool(vm, a) && is_bool(vm, b) {
                return Ok(Some(vm.ctx.bool_obj(!r.is_zero())));
            }
            r
        }
        BinaryOp::MatrixMultiply => return Ok(None),
        _ => return Ok(None),
    };
    Ok(Some(vm.ctx.new_int_value(r)))
}

/// int / int with correct rounding for large values.
fn int_true_divide(vm: &Vm, x: &IntValue, y: &IntValue) -> PyResult<f64> {
    if x.is_zero() {
        return Ok(if y.is_negative() { -0.0 } else { 0.0 });
    }
    if let (IntValue::Small(a), IntValue::Small(b)) = (x, y) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
            return Ok(*a as f64 / *b as f64);
        }
    }
    // Use big rational arithmetic: scale to get 64+ significant bits, then divide.
    use num_bigint::BigInt;
    use num_traits::ToPrimitive;
    let (a, b) = (x.to_big(), y.to_big());
    let shift = 80i64 - (a.bits() as i64 - b.bits() as i64);
    let q: BigInt = if shift >= 0 { (a << shift as usize) / &b } else { a / (b << (-shift) as usize) };
    let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(-shift as i32);
    if f.is_infinite() {
        return Err(vm.new_error(&vm.ctx.exc.overflow_error, "integer division result too large for a float"));
    }
    Ok(f)
}

fn float_binop(vm: &Vm, x: f64, y: f64, op: BinaryOp) -> PyResult<Option<PyRef>> {
    let zero = |m: &str| vm.new_error(&vm.ctx.exc.zero_division_error, m);
    let r = match op {
        BinaryOp::Add => x + y,
        BinaryOp::Subtract => x - y,
        BinaryOp::Multiply => x * y,
        BinaryOp::TrueDivide => {
            if y == 0.0 {
                return Err(zero("float division by zero"));
            }
            x / y
        }
        BinaryOp::FloorDivide => float_divmod(x, y).ok_or_else(|| zero("float floor division by zero"))?.0,
        BinaryOp::Remainder => float_divmod(x, y).ok_or_else(|| zero("float modulo by zero"))?.1,
        BinaryOp::Power => {
            if x == 0.0 && y < 0.0 {
                return Err(zero("0.0 cannot be raised to a negative power"));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                // CPython returns a complex number here; complex is outside the subset.
                return Err(vm.value_error("negative number cannot be raised to a fractional power"));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(vm.new_error(&vm.ctx.exc.overflow_error, "(34, 'Numerical result out of range')"));
            }
            r
        }
        _ => return Ok(None),
    };
    Ok(Some(vm.ctx.new_float(r)))
}

/// In-place operators of built-in mutable types (`list +=`, `set |=`...): `Ok(None)` when
/// the type has no in-place form (the caller falls back to the binary operator).
pub fn native_inplace(vm: &Vm, a: &PyRef, b: &PyRef, op: BinaryOp) -> PyResult<Option<PyRef>> {
    match (a.kind(), op.base()) {
        (Kind::List, BinaryOp::Add) => {
            vm.list_extend(a, b)?;
            Ok(Some(a.clone()))
        }
        (Kind::List, BinaryOp::Multiply) => {
            let n = match b.downcast::<IntData>() {
                Some(_) => repeat_count(vm, b)?,
                None => return Ok(None),
            };
            let l = a.downcast::<ListData>().expect("kind checked");
            let v = repeat_list_items(vm, &l.items.borrow(), n)?;
            let old = std::mem::replace(&mut *l.items.borrow_mut(), v);
            // Dropped after the borrow ends: an item's `__del__` may touch the list.
            drop(old);
            Ok(Some(a.clone()))
        }
        (Kind::Set, BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor) if a.class().is(&vm.ctx.types.set) => {
            if !b.is_kind(Kind::Set) {
                return Ok(None);
            }
            crate::builtins::setops::set_inplace(vm, a, b, op.base())?;
            Ok(Some(a.clone()))
        }
        (Kind::Dict, BinaryOp::Or) => {
            crate::builtins::containers::update_from(vm, a, Some(b), &crate::vm::Args::new(&[]))?;
            Ok(Some(a.clone()))
        }
        (Kind::ByteArray, BinaryOp::Add) => {
            let Some(extra) = crate::builtins::bytes::buffer_of(b) else {
                return Err(vm.type_error(&format!("can't concat {} to bytearray", vm.type_name(b))));
            };
            a.downcast::<crate::objects::misc::ByteArrayData>().expect("kind checked").0.borrow_mut().extend(extra);
            Ok(Some(a.clone()))
        }
        (Kind::ByteArray, BinaryOp::Multiply) => {
            if !b.is_kind(Kind::Int) {
                return Ok(None);
            }
            let n = repeat_count(vm, b)?;
            let d = a.downcast::<crate::objects::misc::ByteArrayData>().expect("kind checked");
            let cur = d.0.borrow().clone();
            let total = cur.len().checked_mul(n).filter(|t| *t <= isize::MAX as usize / 2).ok_or_else(|| vm.new_error(&vm.ctx.exc.memory_error, ""))?;
            let mut v = Vec::with_capacity(total);
            for _ in 0..n {
                v.extend_from_slice(&cur);
            }
            *d.0.borrow_mut() = v;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

pub fn native_unary(vm: &Vm, v: &PyRef, dunder: &str) -> PyResult<Option<PyRef>> {
    if let Some(i) = v.downcast::<IntData>() {
        let x = i.value();
        return Ok(Some(match dunder {
            "__neg__" => vm.ctx.new_int_value(x.neg()),
            "__pos__" => vm.ctx.new_int_value(x.clone()),
            _ => vm.ctx.new_int_value(x.invert()),
        }));
    }
    if let Some(f) = v.downcast::<FloatData>() {
        return Ok(match dunder {
            "__neg__" => Some(vm.ctx.new_float(-f.0)),
            "__pos__" => Some(vm.ctx.new_float(f.0)),
            _ => None,
        });
    }
    Ok(None)
}

/// Three-way comparison of built-ins; `Ok(None)` = NotImplemented.
pub fn native_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CompareOp) -> PyResult<Option<bool>> {
    let ord_to = |o: Ordering| match op {
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    };
    match (num(a), num(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => return Ok(Some(ord_to(x.cmp(y)))),
        (Some(x), Some(y)) => {
            return Ok(Some(match (x, y) {
                (Num::Float(f), Num::Float(g)) => match f.partial_cmp(&g) {
                    Some(o) => ord_to(o),
                    None => op == CompareOp::Ne,
                },
                (Num::Float(f), Num::Int(i)) => match cmp_float_int(f, i) {
                    Some(o) => ord_to(o),
                    None => op == CompareOp::Ne,
                },
                (Num::Int(i), Num::Float(f)) => match cmp_float_int(f, i) {
                    Some(o) => ord_to(o.reverse()),
                    None => op == CompareOp::Ne,
                },
                _ => false,
            }))
        }
        _ => {}
    }
    match (a.kind(), b.kind()) {
        (Kind::Str, Kind::Str) => Ok(Some(ord_to(as_str(a).unwrap_or("").cmp(as_str(b).unwrap_or(""))))),
        (Kind::Bytes, Kind::Bytes) => Ok(Some(ord_to(crate::builtins::bytes::bytes_of(a).cmp(crate::builtins::bytes::bytes_of(b))))),
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray) => {
            let (x, y) = (crate::builtins::bytes::buffer_of(a).unwrap_or_default(), crate::builtins::bytes::buffer_of(b).unwrap_or_default());
            Ok(Some(ord_to(x.cmp(&y))))
        }
        (Kind::List, Kind::List) => {
            let (x, y) = (a.downcast::<ListData>().map(|l| l.snapshot()).unwrap_or_default(), b.downcast::<ListData>().map(|l| l.snapshot()).unwrap_or_default());
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Kind::Tuple, Kind::Tuple) => seq_compare(vm, tuple_items(a), tuple_items(b), op).map(Some),
        (Kind::BoundMethod, Kind::BoundMethod) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            // Equal when bound to the same object (identity) with equal functions.
            let (x, y) = (a.downcast::<crate::objects::function::BoundMethodData>().expect("kind"), b.downcast::<crate::objects::function::BoundMethodData>().expect("kind"));
            let eq = x.self_.is(&y.self_) && vm.eq(&x.func, &y.func)?;
            Ok(Some(eq == (op == CompareOp::Eq)))
        }
        (Kind::Dict, Kind::Dict) => match op {
            CompareOp::Eq | CompareOp::Ne => {
                let eq = dict_eq(vm, a, b)?;
                Ok(Some(eq == (op == CompareOp::Eq)))
            }
            _ => Ok(None),
        },
        (Kind::Set, Kind::Set) => crate::builtins::setops::set_compare(vm, a, b, op).map(Some),
        (Kind::Range, Kind::Range) => match op {
            CompareOp::Eq | CompareOp::Ne => {
                let (x, y) = (a.downcast::<RangeData>().expect("range"), b.downcast::<RangeData>().expect("range"));
                let (lx, ly) = (x.len(), y.len());
                let eq = lx == ly && (lx.is_zero() || (x.start == y.start && (lx == IntValue::Small(1) || x.step == y.step)));
                Ok(Some(eq == (op == CompareOp::Eq)))
            }
            _ => Ok(None),
        },
        (Kind::DictView, _) | (_, Kind::DictView) if !(is_set_view(vm, a) || a.is_kind(Kind::Set)) || !(is_set_view(vm, b) || b.is_kind(Kind::Set)) => {
            // dict_values (and mappingproxy) views compare by identity only.
            let mp = &vm.ctx.types.mappingproxy;
            if a.class().is(mp) && b.class().is(mp) {
                let (x, y) = (&a.downcast::<crate::objects::misc::DictViewData>().expect("view").dict, &b.downcast::<crate::objects::misc::DictViewData>().expect("view").dict);
                return native_compare(vm, x, y, op);
            }
            match op {
                CompareOp::Eq => Ok(Some(a.is(b))),
                CompareOp::Ne => Ok(Some(!a.is(b))),
                _ => Ok(None),
            }
        }
        (Kind::DictView, Kind::DictView) | (Kind::DictView, Kind::Set) | (Kind::Set, Kind::DictView) => {
            let (x, y) = (view_as_set(vm, a)?, view_as_set(vm, b)?);
            crate::builtins::setops::set_compare(vm, &x, &y, op).map(Some)
        }
        _ => Ok(None),
    }
}

fn view_as_set(vm: &Vm, v: &PyRef) -> PyResult {
    if v.is_kind(Kind::Set) {
        return Ok(v.clone());
    }
    let s = vm.new_set(false);
    for x in vm.iterate(v)? {
        vm.set_add(&s, x)?;
    }
    Ok(s)
}

/// Exact comparison of a float with an int (CPython's `float_richcompare`).
fn cmp_float_int(f: f64, i: &IntValue) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Greater } else { Ordering::Less });
    }
    if let IntValue::Small(s) = i {
        if s.unsigned_abs() < (1 << 53) {
            return (f).partial_cmp(&(*s as f64));
        }
    }
    // Compare exactly via the integer part and the fraction.
    let fl = f.floor();
    let fi = num_bigint::BigInt::from(fl as i128);
    let fi = if fl.abs() >= 1e38 {
        // Very large floats: convert through the exact binary expansion.
        let (m, e) = crate::objects::float::frexp(fl);
        let mant = (m * (1u64 << 53) as f64) as i64;
        let b = num_bigint::BigInt::from(mant);
        if e - 53 >= 0 { b << (e - 53) as usize } else { b >> (53 - e) as usize }
    } else {
        fi
    };
    let ib = i.to_big();
    match fi.cmp(&ib) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Greater)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

fn seq_compare(vm: &Vm, x: &[PyRef], y: &[PyRef], op: CompareOp) -> PyResult<bool> {
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(op == CompareOp::Ne);
    }
    for (a, b) in x.iter().zip(y) {
        if !vm.eq(a, b)? {
            return match op {
                CompareOp::Eq => Ok(false),
                CompareOp::Ne => Ok(true),
                _ => vm.compare_bool(a, b, op),
            };
        }
    }
    let o = x.len().cmp(&y.len());
    Ok(match op {
        CompareOp::Lt => o == Ordering::Less,
        CompareOp::Le => o != Ordering::Greater,
        CompareOp::Eq => o == Ordering::Equal,
        CompareOp::Ne => o != Ordering::Equal,
        CompareOp::Gt => o == Ordering::Greater,
        CompareOp::Ge => o != Ordering::Less,
    })
}

fn dict_eq(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    let (x, y) = (a.downcast::<DictData>().expect("dict"), b.downcast::<DictData>().expect("dict"));
    if x.len() != y.len() {
        return Ok(false);
    }
    for (k, v) in x.items() {
        match y.get_item(vm, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

pub fn native_hash(vm: &Vm, v: &PyRef) -> PyResult<Option<isize>> {
    Ok(Some(match v.kind() {
        Kind::Float => {
            let f = v.downcast::<FloatData>().expect("kind checked").0;
            if f.is_nan() {
                (v.addr() >> 4) as isize
            } else {
                float_hash(f)
            }
        }
        Kind::Tuple => tuple_hash(vm, tuple_items(v))?,
        Kind::Bytes => crate::objects::str::str_hash(&String::from_utf8_lossy(crate::builtins::bytes::bytes_of(v))),
        Kind::List | Kind::Dict | Kind::ByteArray => return Err(vm.type_error(&format!("unhashable type: '{}'", vm.type_name(v)))),
        Kind::Set => {
            if v.class().is(&vm.ctx.types.set) {
                return Err(vm.type_error("unhashable type: 'set'"));
            }
            crate::builtins::setops::frozenset_hash(vm, v)?
        }
        Kind::Range => {
            let r = v.downcast::<RangeData>().expect("kind checked");
            let len = r.len();
            let items = [vm.ctx.new_int_value(len.clone()), if len.is_zero() { vm.ctx.none() } else { vm.ctx.new_int_value(r.start.clone()) }, if len.is_zero() || len == IntValue::Small(1) { vm.ctx.none() } else { vm.ctx.new_int_value(r.step.clone()) }];
            tuple_hash(vm, &items)?
        }
        Kind::Slice => return Err(vm.type_error("unhashable type: 'slice'")),
        Kind::BoundMethod => {
            let m = v.downcast::<crate::objects::function::BoundMethodData>().expect("kind checked");
            let a = m.self_.addr();
            let x = ((a >> 4) | (a << (usize::BITS - 4))) as isize;
            let h = x ^ vm.hash(&m.func)?;
            if h == -1 { -2 } else { h }
        }
        _ => {
            // object.__hash__ (identity based, as CPython's `_Py_HashPointer`) unless the
            // type defines its own `__hash__` method.
            let t = v.class();
            match crate::objects::typeobject::lookup_str(&t, "__hash__") {
                Some(h) if h.is(&vm.ctx.consts.none) => return Err(vm.type_error(&format!("unhashable type: '{}'", vm.type_name(v)))),
                Some(h) if !h.downcast::<crate::objects::function::MethodDescrData>().is_some_and(|d| d.owner.is(&vm.ctx.types.object)) => return Ok(None),
                _ => {}
            }
            let a = v.addr();
            ((a >> 4) | (a << (usize::BITS - 4))) as isize
        }
    }))
}

/// CPython's xxHash-based tuple hash (`tuplehash`, 3.8+).
pub fn tuple_hash(vm: &Vm, items: &[PyRef]) -> PyResult<isize> {
    let _guard = vm.enter_recursive("")?;
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in items {
        let lane = vm.hash(it)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as isize)
}

pub fn native_len(v: &PyRef) -> Option<usize> {
    Some(match v.kind() {
        Kind::Str => v.downcast::<StrData>()?.char_len(),
        Kind::List => v.downcast::<ListData>()?.len(),
        Kind::Tuple => tuple_items(v).len(),
        Kind::Dict => v.downcast::<DictData>()?.len(),
        Kind::Set => v.downcast::<SetData>()?.len(),
        Kind::Bytes => crate::builtins::bytes::bytes_of(v).len(),
        Kind::ByteArray => v.downcast::<crate::objects::misc::ByteArrayData>()?.0.borrow().len(),
        Kind::Range => v.downcast::<RangeData>()?.len().to_i64()? as usize,
        Kind::DictView => v.downcast::<crate::objects::misc::DictViewData>()?.dict.downcast::<DictData>()?.len(),
        _ => return None,
    })
}

pub fn native_contains(vm: &Vm, c: &PyRef, item: &PyRef) -> PyResult<Option<bool>> {
    Ok(Some(match c.kind() {
        Kind::Str => {
            let Some(needle) = as_str(item) else {
                return Err(vm.type_error(&format!("'in <string>' requires string as left operand, not {}", vm.type_name(item))));
            };
            as_str(c).unwrap_or("").contains(needle)
        }
        Kind::List => {
            let items = c.downcast::<ListData>().expect("kind checked").snapshot();
            let mut found = false;
            for x in &items {
                if vm.eq(x, item)? {
                    found = true;
                    break;
                }
            }
            found
        }
        Kind::Tuple => {
            let mut found = false;
            for x in tuple_items(c) {
                if vm.eq(x, item)? {
                    found = true;
                    break;
                }
            }
            found
        }
        Kind::Dict => c.downcast::<DictData>().expect("kind checked").get_item(vm, item)?.is_some(),
        Kind::Set => c.downcast::<SetData>().expect("kind checked").contains(vm, item)?,
        Kind::Range => {
            let r = c.downcast::<RangeData>().expect("kind checked");
            match item.downcast::<IntData>() {
                // Exact ints and bools by arithmetic (CPython's range_contains); int
                // subclasses, whose `__eq__` may differ, by comparing each element.
                Some(i) if item.class_ptr() == vm.ctx.types.int.as_ptr() || item.class_ptr() == vm.ctx.types.bool_.as_ptr() => {
                    let v = i.value();
                    let len = r.len();
                    if len.is_zero() {
                        false
                    } else {
                        let off = v.sub(&r.start);
                        let rem = off.modulo(&r.step).unwrap_or(IntValue::Small(1));
                        let idx = off.floordiv(&r.step).unwrap_or(IntValue::Small(-1));
                        rem.is_zero() && !idx.is_negative() && idx.cmp(&len) == Ordering::Less
                    }
                }
                _ => {
                    let mut found = false;
                    let it = vm.get_iter(c)?;
                    while let Some(x) = vm.next_fast(&it)? {
                        if vm.eq(&x, item)? {
                            found = true;
                            break;
                        }
                    }
                    found
                }
            }
        }
        Kind::DictView => {
            let dv = c.downcast::<crate::objects::misc::DictViewData>().expect("kind checked");
            let d = dv.dict.downcast::<DictData>().expect("dict");
            match dv.what {
                DictIterKind::Keys => d.get_item(vm, item)?.is_some(),
                DictIterKind::Values => {
                    let mut found = false;
                    for v in d.values() {
                        if vm.eq(&v, item)? {
                            found = true;
                            break;
                        }
                    }
                    found
                }
                DictIterKind::Items => {
                    let t = tuple_items(item);
                    if t.len() != 2 {
                        false
                    } else {
                        match d.get_item(vm, &t[0])? {
                            Some(v) => vm.eq(&v, &t[1])?,
                            None => false,
                        }
                    }
                }
            }
        }
        Kind::Bytes | Kind::ByteArray => {
            let hay = crate::builtins::bytes::buffer_of(c).unwrap_or_default();
            if let Some(i) = item.downcast::<IntData>() {
                let b = i.as_small().filter(|b| (0..256).contains(b)).ok_or_else(|| vm.value_error("byte must be in range(0, 256)"))?;
                hay.contains(&(b as u8))
            } else {
                let Some(n) = crate::builtins::bytes::buffer_of(item) else {
                    return Err(vm.type_error(&format!("a bytes-like object is required, not '{}'", vm.type_name(item))));
                };
                n.is_empty() || hay.windows(n.len()).any(|w| w == &n[..])
            }
        }
        _ => return Ok(None),
    }))
}

/// Normalise an index against a length (negative from the end); None if out of range.
pub fn norm_index(i: &IntValue, len: usize) -> Option<usize> {
    let i = i.to_i64()?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

/// `slice.indices(len)`: (start, stop, step, count).
pub fn slice_indices(vm: &Vm, s: &SliceData, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let get = |v: &PyRef| -> PyResult<Option<i64>> {
        if v.is(&vm.ctx.consts.none) {
            return Ok(None);
        }
        let i = vm.index(v).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?;
        Ok(Some(i.to_i64().unwrap_or(if i.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 })))
    };
    let step = get(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) => {
                let v = if v < 0 { v + len } else { v };
                v.clamp(lower, upper)
            }
        }
    };
    let start = clamp(get(&s.start)?, if step < 0 { upper } else { lower });
    let stop = clamp(get(&s.stop)?, if step < 0 { lower } else { upper });
    let count = if step > 0 {
        if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((start as isize, stop as isize, step as isize, count))
}

fn slice_positions(start: isize, step: isize, count: usize) -> impl Iterator<Item = usize> {
    (0..count).map(move |k| (start + k as isize * step) as usize)
}

/// The items of `items[start::step]` (`count` of them, from `slice_indices`), copied
/// straight from the slice for steps 1 and -1. Positions past the end (the list shrank
/// while the slice's indices were computed) are skipped.
fn slice_copy(items: &[PyRef], start: isize, step: isize, count: usize) -> Vec<PyRef> {
    if count == 0 {
        return Vec::new();
    }
    let s = start as usize;
    if step == 1 && s + count <= items.len() {
        return items[s..s + count].to_vec();
    }
    if step == -1 && s < items.len() && count <= s + 1 {
        return items[s + 1 - count..=s].iter().rev().cloned().collect();
    }
    let last = start + (count as isize - 1) * step;
    if start >= 0 && last >= 0 && (start.max(last) as usize) < items.len() {
        return slice_positions(start, step, count).map(|i| items[i].clone()).collect();
    }
    let mut v = Vec::with_capacity(count);
    v.extend(slice_positions(start, step, count).filter_map(|i| items.get(i).cloned()));
    v
}

pub fn native_getitem(vm: &Vm, c: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    let kind = c.kind();
    if kind == Kind::Dict {
        let d = c.downcast::<DictData>().expect("kind checked");
        return match d.get_item(vm, key)? {
            Some(v) => Ok(Some(v)),
            None => {
                if !c.class().is(&vm.ctx.types.dict) {
                    if let Some(m) = crate::objects::typeobject::lookup_str(&c.class(), "__missing__") {
                        return vm.call2(&m, c, key).map(Some);
                    }
                }
                Err(vm.key_error(key))
            }
        };
    }
    if !matches!(kind, Kind::List | Kind::Tuple | Kind::Str | Kind::Range | Kind::Bytes | Kind::ByteArray) {
        return Ok(None);
    }
    let tname = |vm: &Vm| vm.type_name(c);
    if let Some(s) = key.downcast::<SliceData>() {
        let len = native_len(c).unwrap_or(0);
        let (start, stop_idx, step, count) = slice_indices(vm, s, len)?;
        let pos = slice_positions(start, step, count);
        return Ok(Some(match kind {
            Kind::List => {
                let items = c.downcast::<ListData>().expect("kind checked").items.borrow();
                let v = if step == 1 && count > 0 && (start as usize) + count <= items.len() {
                    // A contiguous slice (the common case) straight into an item array.
                    crate::objects::list::item_vec_cloned(&items[start as usize..start as usize + count])
                } else {
                    crate::objects::list::item_vec_from(slice_copy(&items, start, step, count))
                };
                drop(items);
                vm.ctx.new_list_items(v)
            }
            Kind::Tuple => {
                let items = tuple_items(c);
                if step == 1 && count == items.len() && c.class().is(&vm.ctx.types.tuple) {
                    return Ok(Some(c.clone()));
                }
                vm.ctx.new_tuple(slice_copy(items, start, step, count))
            }
            Kind::Str => {
                let s = c.downcast::<StrData>().expect("kind checked");
                if step == 1 {
                    vm.ctx.new_str(s.substring(start as usize, start as usize + count))
                } else if s.is_ascii() {
                    let b = s.as_str().as_bytes();
                    vm.ctx.new_string(pos.map(|i| b[i] as char).collect())
                } else {
                    let chars: Vec<char> = s.as_str().chars().collect();
                    vm.ctx.new_string(pos.map(|i| chars[i]).collect())
                }
            }
            Kind::Bytes => {
                let b = crate::builtins::bytes::bytes_of(c);
                crate::builtins::bytes::new_bytes(vm, pos.map(|i| b[i]).collect())
            }
            Kind::ByteArray => {
                let b = crate::builtins::bytes::buffer_of(c).unwrap_or_default();
                crate::builtins::bytes::new_bytearray(vm, pos.filter_map(|i| b.get(i).copied()).collect())
            }
            Kind::Range => {
                let r = c.downcast::<RangeData>().expect("kind checked");
                // CPython's compute_slice: the slice's own indices mapped through the range.
                let st = r.start.add(&IntValue::Small(start as i64).mul(&r.step));
                let nstep = r.step.mul(&IntValue::Small(step as i64));
                let stop = r.start.add(&IntValue::Small(stop_idx as i64).mul(&r.step));
                vm.ctx.alloc(&vm.ctx.types.range, RangeData { start: st, stop, step: nstep })
            }
            _ => return Ok(None),
        }));
    }
    let idx = match key.downcast::<IntData>() {
        Some(i) => i.value().clone(),
        None => {
            if crate::objects::typeobject::lookup_str(&key.class(), "__index__").is_some() {
                vm.index(key)?
            } else {
                if kind == Kind::Str {
                    return Err(vm.type_error(&format!("string indices must be integers, not '{}'", vm.type_name(key))));
                }
                let what = if kind == Kind::Bytes { "byte".to_string() } else { tname(vm) };
                return Err(vm.type_error(&format!("{} indices must be integers or slices, not {}", what, vm.type_name(key))));
            }
        }
    };
    if kind == Kind::Range {
        // Ranges may be longer than any machine index: index with big ints.
        let r = c.downcast::<RangeData>().expect("kind checked");
        let len = r.len();
        let i = if idx.is_negative() { idx.add(&len) } else { idx };
        if i.is_negative() || i.cmp(&len) != Ordering::Less {
            return Err(vm.index_error("range object index out of range"));
        }
        return Ok(Some(vm.ctx.new_int_value(r.item(&i))));
    }
    let len = native_len(c).unwrap_or(0);
    let Some(i) = norm_index(&idx, len) else {
        let what = match kind {
            Kind::Str => "string index out of range".to_string(),
            Kind::Range => "range object index out of range".to_string(),
            Kind::Bytes => "index out of range".to_string(),
            Kind::ByteArray => "bytearray index out of range".to_string(),
            _ => format!("{} index out of range", tname(vm)),
        };
        return Err(vm.index_error(&what));
    };
    Ok(Some(match kind {
        Kind::List => c.downcast::<ListData>().expect("kind checked").get(i).ok_or_else(|| vm.index_error("list index out of range"))?,
        Kind::Tuple => tuple_items(c)[i].clone(),
        Kind::Str => {
            let ch = c.downcast::<StrData>().expect("kind checked").char_at(i).unwrap_or(' ');
            let mut b = [0u8; 4];
            vm.ctx.new_str(ch.encode_utf8(&mut b))
        }
        Kind::Range => vm.ctx.new_int_value(c.downcast::<RangeData>().expect("kind checked").item(&IntValue::Small(i as i64))),
        Kind::Bytes => vm.ctx.new_int(crate::builtins::bytes::bytes_of(c)[i] as i64),
        Kind::ByteArray => {
            let b = c.downcast::<crate::objects::misc::ByteArrayData>().and_then(|d| d.0.borrow().get(i).copied());
            vm.ctx.new_int(b.ok_or_else(|| vm.index_error("bytearray index out of range"))? as i64)
        }
        _ => return Ok(None),
    }))
}

/// `c[key] = value` (or `del c[key]` for None) on built-ins; false if not handled.
pub fn native_setitem(vm: &Vm, c: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<bool> {
    match c.kind() {
        Kind::Dict => {
            let d = c.downcast::<DictData>().expect("kind checked");
            match value {
                Some(v) => d.set_item(vm, key.clone(), v)?,
                None => {
                    if d.del_item(vm, key)?.is_none() {
                        return Err(vm.key_error(key));
                    }
                }
            }
            Ok(true)
        }
        Kind::List => {
            let l = c.downcast::<ListData>().expect("kind checked");
            if let Some(s) = key.downcast::<SliceData>() {
                let len = l.len();
                let (start, stop, step, count) = slice_indices(vm, s, len)?;
                match value {
                    Some(v) => {
                        let new_items = match vm.iterate(&v) {
                            Ok(items) => items,
                            Err(e) if vm.is_instance_of(&e.0, &vm.ctx.exc.type_error) && crate::objects::typeobject::lookup_str(&v.class(), "__iter__").is_none() => {
                                return Err(vm.type_error("must assign iterable to extended slice"));
                            }
                            Err(e) => return Err(e),
                        };
                        let mut new_items = new_items;
                        let mut items = l.items.borrow_mut();
                        if step == 1 {
                            // CPython's list_ass_slice clamps to the size the list has once
                            // the new items are collected (collecting may have run code).
                            let n = items.len();
                            let lo = (start.max(0) as usize).min(n);
                            let hi = (stop.max(0) as usize).clamp(lo, n);
                            if hi - lo == new_items.len() {
                                // Same length: swap in place; the old items leave in
                                // `new_items`, dropped once the borrow is released.
                                items[lo..hi].swap_with_slice(&mut new_items);
                                drop(items);
                                // list_ass_slice releases the old items last to first.
                                new_items.into_iter().rev().for_each(drop);
                            } else {
                                // list_ass_slice resizes (grow or shrink) when the length
                                // changes.
                                let newlen = n - (hi - lo) + new_items.len();
                                if newlen > n {
                                    ListData::resize(&mut items, n, newlen);
                                }
                                let old: Vec<PyRef> = items.splice(lo..hi, new_items).collect();
                                if newlen < n {
                                    ListData::resize(&mut items, n, newlen);
                                }
                                drop(items);
                                old.into_iter().rev().for_each(drop);
                            }
                        } else {
                            if new_items.len() != count {
                                return Err(vm.value_error(&format!("attempt to assign sequence of size {} to extended slice of size {}", new_items.len(), count)));
                            }
                            // The old items are swapped into `new_items` and dropped once the
                            // borrow is released. (Positions past a list that shrank while the
                            // new items were collected are skipped.)
                            for (k, i) in slice_positions(start, step, count).enumerate() {
                                if let Some(slot) = items.get_mut(i) {
                                    std::mem::swap(slot, &mut new_items[k]);
                                }
                            }
                            drop(items);
                            drop(new_items);
                        }
                    }
                    None => {
                        let mut items = l.items.borrow_mut();
                        let n = items.len();
                        let old: Vec<PyRef> = if step == 1 {
                            let lo = (start.max(0) as usize).min(n);
                            let hi = (stop.max(0) as usize).clamp(lo, n);
                            items.drain(lo..hi).collect()
                        } else {
                            // One pass that keeps the survivors in place and the removed
                            // items in ascending position order.
                            let mut doomed = vec![false; n];
                            for p in slice_positions(start, step, count) {
                                if let Some(d) = doomed.get_mut(p) {
                                    *d = true;
                                }
                            }
                            let all = std::mem::replace(&mut *items, crate::objects::list::item_vec());
                            let mut kept = crate::objects::list::item_vec_with_capacity(all.capacity());
                            let mut old = Vec::with_capacity(count);
                            for (v, d) in all.into_iter().zip(doomed) {
                                if d {
                                    old.push(v);
                                } else {
                                    kept.push(v);
                                }
                            }
                            *items = kept;
                            old
                        };
                        // list_ass_slice (step 1) resizes from the old size; an extended
                        // slice deletion resizes after the size has been set.
                        let newlen = items.len();
                        ListData::resize(&mut items, if step == 1 { n } else { newlen }, newlen);
                        drop(items);
                        // CPython releases a plain slice's items last to first
                        // (list_ass_slice), an extended slice's first to last.
                        if step == 1 {
                            old.into_iter().rev().for_each(drop);
                        } else {
                            drop(old);
                        }
                    }
                }
                return Ok(true);
            }
            let idx = match key.downcast::<IntData>() {
                Some(i) => i.value().clone(),
                None => {
                    if crate::objects::typeobject::lookup_str(&key.class(), "__index__").is_some() {
                        vm.index(key)?
                    } else {
                        return Err(vm.type_error(&format!("list indices must be integers or slices, not {}", vm.type_name(key))));
                    }
                }
            };
            let mut items = l.items.borrow_mut();
            let Some(i) = norm_index(&idx, items.len()) else {
                return Err(vm.index_error(if value.is_some() { "list assignment index out of range" } else { "list assignment index out of range" }));
            };
            let old = match value {
                Some(v) => std::mem::replace(&mut items[i], v),
                None => {
                    let n = items.len();
                    let r = items.remove(i);
                    ListData::resize(&mut items, n, n - 1);
                    r
                }
            };
            drop(items);
            drop(old);
            Ok(true)
        }
        Kind::ByteArray => {
            crate::builtins::bytes::bytearray_setitem(vm, c, key, value)?;
            Ok(true)
        }
        Kind::Tuple | Kind::Str | Kind::Range | Kind::Bytes => {
            if value.is_some() {
                Err(vm.type_error(&format!("'{}' object does not support item assignment", vm.type_name(c))))
            } else {
                Err(vm.type_error(&format!("'{}' object doesn't support item deletion", vm.type_name(c))))
            }
        }
        _ => Ok(false),
    }
}

pub fn native_iter(vm: &Vm, v: &PyRef) -> PyResult<Option<PyRef>> {
    use crate::objects::iter::new_iter;
    let t = &vm.ctx.types;
    Ok(Some(match v.kind() {
        Kind::List => new_iter(vm, &t.list_iterator, IterState::Seq { seq: v.clone(), index: 0 }),
        Kind::Tuple => new_iter(vm, &t.tuple_iterator, IterState::Seq { seq: v.clone(), index: 0 }),
        Kind::Str => new_iter(vm, &t.str_iterator, IterState::Seq { seq: v.clone(), index: 0 }),
        Kind::Bytes | Kind::ByteArray => new_iter(vm, &t.seq_iterator, IterState::Seq { seq: v.clone(), index: 0 }),
        Kind::Range => {
            let r = v.downcast::<RangeData>().expect("kind checked");
            match (r.start.to_i64(), r.stop.to_i64(), r.step.to_i64()) {
                (Some(a), Some(b), Some(s)) => new_iter(vm, &t.range_iterator, IterState::Range { next: a, stop: b, step: s }),
                _ => new_iter(vm, &t.range_iterator, IterState::BigRange { next: r.start.clone(), remaining: r.len(), step: r.step.clone() }),
            }
        }
        Kind::Dict => {
            let len = v.downcast::<DictData>().expect("kind checked").len();
            new_iter(vm, &t.dict_keyiterator, IterState::Dict { dict: v.clone(), pos: 0, len, what: DictIterKind::Keys })
        }
        Kind::DictView => {
            let dv = v.downcast::<crate::objects::misc::DictViewData>().expect("kind checked");
            let len = dv.dict.downcast::<DictData>().map(|d| d.len()).unwrap_or(0);
            let typ = match dv.what {
                DictIterKind::Keys => &t.dict_keyiterator,
                DictIterKind::Values => &t.dict_valueiterator,
                DictIterKind::Items => &t.dict_itemiterator,
            };
            new_iter(vm, typ, IterState::Dict { dict: dv.dict.clone(), pos: 0, len, what: dv.what })
        }
        Kind::Set => {
            let len = v.downcast::<SetData>().expect("kind checked").len();
            new_iter(vm, &t.set_iterator, IterState::Set { set: v.clone(), pos: 0, len })
        }
        Kind::Iterator | Kind::Generator => v.clone(),
        _ => return Ok(None),
    }))
}

impl Vm {
    pub fn key_error(&self, key: &PyRef) -> crate::vm::PyErr {
        crate::vm::PyErr(self.new_exception(&self.ctx.exc.key_error, vec![key.clone()]))
    }

    pub fn new_slice(&self, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
        self.ctx.alloc(&self.ctx.types.slice, SliceData { start, stop, step })
    }
}
