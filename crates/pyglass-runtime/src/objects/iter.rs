//! The built-in iterators (CPython `Objects/iterobject.c`, `listobject.c`'s iterators,
//! `rangeobject.c`, `enumobject.c`, `bltinmodule.c`'s zip/map/filter).

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::int::IntValue;
use crate::objects::list::ListData;
use crate::objects::misc::{DictIterKind, IterData, IterState};
use crate::objects::str::StrData;
use crate::objects::tuple::tuple_items;
use crate::sync::PyCell;
use crate::vm::{PyResult, Vm};

pub fn new_iter(vm: &Vm, typ: &PyRef, state: IterState) -> PyRef {
    vm.ctx.alloc(typ, IterData { state: PyCell::new(state) })
}

pub fn new_seq_iter(vm: &Vm, seq: PyRef) -> PyRef {
    new_iter(vm, &vm.ctx.types.seq_iterator, IterState::Seq { seq, index: 0 })
}

/// `next()` of a range iterator (the `for i in range(n)` loop's only work besides the
/// body): `Some(Some(item))`, or `Some(None)` once exhausted (it stays so: the next value
/// is left at or past the end); `None` for any other object. A `Range` state only ever
/// belongs to a `range_iterator`, a static type that cannot be subclassed, so no
/// `__next__` override needs checking.
#[inline(always)]
pub fn range_next(vm: &Vm, it: &PyRef) -> Option<Option<PyRef>> {
    let data = it.downcast::<IterData>()?;
    let mut st = data.state.try_borrow_mut()?;
    let IterState::Range { next, stop, step } = &mut *st else { return None };
    let v = *next;
    if (*step > 0 && v < *stop) || (*step < 0 && v > *stop) {
        // Past the end (and stopping cleanly) if the addition overflows.
        *next = v.checked_add(*step).unwrap_or(*stop);
        drop(st);
        return Some(Some(vm.ctx.new_int(v)));
    }
    Some(None)
}

/// `next()` of a built-in iterator: `Ok(None)` when exhausted.
pub fn iter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let Some(data) = it.downcast::<IterData>() else { return Ok(None) };
    // Fast paths that need no Python code run while the state is borrowed.
    {
        let mut st = data.state.borrow_mut();
        match &mut *st {
            IterState::Range { next, stop, step } => {
                let v = *next;
                if (*step > 0 && v < *stop) || (*step < 0 && v > *stop) {
                    *next = v.wrapping_add(*step);
                    // Stop cleanly if the addition overflowed past the end.
                    if (*step > 0 && *next < v) || (*step < 0 && *next > v) {
                        *next = *stop;
                    }
                    return Ok(Some(vm.ctx.new_int(v)));
                }
                *st = IterState::Exhausted;
                return Ok(None);
            }
            IterState::BigRange { next, remaining, step } => {
                if remaining.is_zero() || remaining.is_negative() {
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                let v = next.clone();
                *next = next.add(step);
                *remaining = remaining.sub(&IntValue::Small(1));
                return Ok(Some(vm.ctx.new_int_value(v)));
            }
            IterState::Seq { seq, index } if seq.is_kind(Kind::List) && crate::vm::abstract_::type_is_static(seq) => {
                let item = seq.downcast::<ListData>().and_then(|l| l.get(*index));
                return match item {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v))
                    }
                    None => {
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                };
            }
            IterState::Seq { seq, index } if seq.is_kind(Kind::Tuple) => {
                let items = tuple_items(seq);
                return match items.get(*index) {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v.clone()))
                    }
                    None => {
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                };
            }
            IterState::Seq { seq, index } if seq.is_kind(Kind::Str) && crate::vm::abstract_::type_is_static(seq) => {
                let s = seq.downcast::<StrData>().expect("kind checked");
                return match s.char_at(*index) {
                    Some(c) => {
                        *index += 1;
                        let mut b = [0u8; 4];
                        Ok(Some(vm.ctx.new_str(c.encode_utf8(&mut b))))
                    }
                    None => {
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                };
            }
            IterState::Dict { dict, pos, len, what } => {
                let d = dict.downcast::<DictData>().expect("dict");
                let t = d.table.borrow();
                if t.len() != *len {
                    *len = usize::MAX;
                    drop(t);
                    return Err(vm.new_error(&vm.ctx.exc.runtime_error, "dictionary changed size during iteration"));
                }
                return match t.entry_from(*pos) {
                    Some((e, next)) => {
                        *pos = next;
                        let r = match what {
                            DictIterKind::Keys => e.key.clone(),
                            DictIterKind::Values => e.value.clone(),
                            DictIterKind::Items => {
                                let (k, v) = (e.key.clone(), e.value.clone());
                                drop(t);
                                return Ok(Some(vm.ctx.new_tuple(vec![k, v])));
                            }
                        };
                        Ok(Some(r))
                    }
                    None => {
                        drop(t);
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                };
            }
            IterState::Set { set, pos, len } => {
                let s = set.downcast::<crate::objects::set::SetData>().expect("set");
                if s.len() != *len {
                    *len = usize::MAX;
                    return Err(vm.new_error(&vm.ctx.exc.runtime_error, "Set changed size during iteration"));
                }
                return match s.entry_from(*pos) {
                    Some((k, next)) => {
                        *pos = next;
                        Ok(Some(k))
                    }
                    None => {
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                };
            }
            IterState::Reversed { seq, index } if seq.is_kind(Kind::List) || seq.is_kind(Kind::Tuple) => {
                if *index < 0 {
                    *st = IterState::Exhausted;
                    return Ok(None);
                }
                let i = *index as usize;
                let v = if let Some(l) = seq.downcast::<ListData>() { l.get(i) } else { tuple_items(seq).get(i).cloned() };
                *index -= 1;
                return match v {
                    Some(v) => Ok(Some(v)),
                    None => {
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                };
            }
            IterState::Exhausted => return Ok(None),
            _ => {}
        }
    }
    // General cases: they call back into Python, so work on a copy of what is needed.
    let snapshot = {
        let st = data.state.borrow();
        match &*st {
            IterState::Seq { seq, index } => Some((0, seq.clone(), *index as isize, vec![])),
            IterState::Reversed { seq, index } => Some((1, seq.clone(), *index, vec![])),
            IterState::Callable { func, sentinel } => Some((2, func.clone(), 0, vec![sentinel.clone()])),
            IterState::Enumerate { iter, .. } => Some((3, iter.clone(), 0, vec![])),
            IterState::Zip { iters, strict } => Some((4, vm.ctx.none(), *strict as isize, iters.clone())),
            IterState::Map { func, iters } => Some((5, func.clone(), 0, iters.clone())),
            IterState::Filter { func, iter } => Some((6, iter.clone(), 0, func.iter().cloned().collect())),
            _ => None,
        }
    };
    let Some((tag, obj, idx, extra)) = snapshot else { return Ok(None) };
    let exhaust = || {
        *data.state.borrow_mut() = IterState::Exhausted;
    };
    match tag {
        0 | 1 => {
            if tag == 1 && idx < 0 {
                exhaust();
                return Ok(None);
            }
            let key = vm.ctx.new_int(idx as i64);
            match vm.getitem(&obj, &key) {
                Ok(v) => {
                    if let Some(mut st) = data.state.try_borrow_mut() {
                        match &mut *st {
                            IterState::Seq { index, .. } => *index += 1,
                            IterState::Reversed { index, .. } => *index -= 1,
                            _ => {}
                        }
                    }
                    Ok(Some(v))
                }
                Err(e) if vm.is_instance_of(&e.0, &vm.ctx.exc.index_error) || vm.is_instance_of(&e.0, &vm.ctx.exc.stop_iteration) => {
                    exhaust();
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        2 => {
            let v = vm.call(&obj, &[])?;
            if vm.eq(&v, &extra[0])? {
                exhaust();
                return Ok(None);
            }
            Ok(Some(v))
        }
        3 => match vm.next_fast(&obj)? {
            Some(v) => {
                let count = {
                    let mut st = data.state.borrow_mut();
                    match &mut *st {
                        IterState::Enumerate { count, .. } => {
                            let c = count.clone();
                            *count = count.add(&IntValue::Small(1));
                            c
                        }
                        _ => IntValue::Small(0),
                    }
                };
                Ok(Some(vm.ctx.new_tuple(vec![vm.ctx.new_int_value(count), v])))
            }
            None => {
                exhaust();
                Ok(None)
            }
        },
        4 => {
            if extra.is_empty() {
                exhaust();
                return Ok(None);
            }
            let mut items = Vec::with_capacity(extra.len());
            for (i, it) in extra.iter().enumerate() {
                match vm.next_fast(it)? {
                    Some(v) => items.push(v),
                    None => {
                        exhaust();
                        if idx != 0 {
                            if i > 0 {
                                return Err(vm.value_error(&format!("zip() argument {} is shorter than argument{} 1{}", i + 1, if i > 1 { "s" } else { "" }, if i > 1 { format!("-{i}") } else { String::new() })));
                            }
                            for (j, other) in extra.iter().enumerate().skip(1) {
                                if vm.next_fast(other)?.is_some() {
                                    return Err(vm.value_error(&format!("zip() argument {} is longer than argument{} 1{}", j + 1, if j > 1 { "s" } else { "" }, if j > 1 { format!("-{j}") } else { String::new() })));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.ctx.new_tuple(items)))
        }
        5 => {
            let mut args = Vec::with_capacity(extra.len());
            for it in &extra {
                match vm.next_fast(it)? {
                    Some(v) => args.push(v),
                    None => {
                        exhaust();
                        return Ok(None);
                    }
                }
            }
            Ok(Some(vm.call(&obj, &args)?))
        }
        6 => loop {
            match vm.next_fast(&obj)? {
                Some(v) => {
                    let keep = match extra.first() {
                        Some(f) if !f.is(&vm.ctx.consts.none) => {
                            let r = vm.call(f, &[v.clone()])?;
                            vm.is_true(&r)?
                        }
                        _ => vm.is_true(&v)?,
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                None => {
                    exhaust();
                    return Ok(None);
                }
            }
        },
        _ => Ok(None),
    }
}

/// Everything a built-in iterator has left, appended to `out` in one borrow and leaving
/// the iterator exhausted: exactly what repeated `iter_next` calls would give (none of
/// these states runs Python code, so nothing can change the source between items). False,
/// with the iterator and `out` untouched, for iterators of other types and states, and
/// for a dict or set whose size changed (the item-by-item path raises the error).
pub fn drain_builtin_into(vm: &Vm, it: &PyRef, out: &mut Vec<PyRef>) -> bool {
    if !it.is_kind(Kind::Iterator) || !crate::vm::abstract_::type_is_static(it) {
        return false;
    }
    let Some(data) = it.downcast::<IterData>() else { return false };
    let Some(mut st) = data.state.try_borrow_mut() else { return false };
    match &mut *st {
        IterState::Range { next, stop, step } => {
            let (v0, stop, step) = (*next as i128, *stop as i128, *step as i128);
            let count = if step > 0 && v0 < stop {
                ((stop - v0 + step - 1) / step) as usize
            } else if step < 0 && v0 > stop {
                ((v0 - stop - step - 1) / (-step)) as usize
            } else {
                0
            };
            out.reserve(count);
            let mut v = v0;
            for _ in 0..count {
                // Every value lies between next and stop, so within i64.
                out.push(vm.ctx.new_int(v as i64));
                v += step;
            }
        }
        IterState::Seq { seq, index } if seq.is_kind(Kind::List) && crate::vm::abstract_::type_is_static(seq) => {
            let Some(items) = seq.downcast::<ListData>().and_then(|l| l.items.try_borrow()) else { return false };
            out.extend_from_slice(items.get(*index..).unwrap_or_default());
        }
        IterState::Seq { seq, index } if seq.is_kind(Kind::Tuple) => out.extend_from_slice(tuple_items(seq).get(*index..).unwrap_or_default()),
        IterState::Seq { seq, index } if seq.is_kind(Kind::Str) && crate::vm::abstract_::type_is_static(seq) => {
            let Some(s) = seq.downcast::<StrData>() else { return false };
            out.reserve(s.char_len().saturating_sub(*index));
            let mut b = [0u8; 4];
            for c in s.as_str().chars().skip(*index) {
                out.push(vm.ctx.new_str(c.encode_utf8(&mut b)));
            }
        }
        IterState::Reversed { seq, index } if seq.is_kind(Kind::List) || seq.is_kind(Kind::Tuple) => {
            let mut take = |items: &[PyRef]| {
                if let Ok(i) = usize::try_from(*index) {
                    if i < items.len() {
                        out.extend(items[..=i].iter().rev().cloned());
                    }
                }
            };
            if let Some(l) = seq.downcast::<ListData>() {
                let Some(items) = l.items.try_borrow() else { return false };
                take(&items);
            } else {
                take(tuple_items(seq));
            }
        }
        IterState::Dict { dict, pos, len, what } => {
            let Some(d) = dict.downcast::<DictData>() else { return false };
            let Some(t) = d.table.try_borrow() else { return false };
            if t.len() != *len {
                return false;
            }
            let entries = t.entries.get(*pos..).unwrap_or_default().iter().flatten();
            match what {
                DictIterKind::Keys => out.extend(entries.map(|e| e.key.clone())),
                DictIterKind::Values => out.extend(entries.map(|e| e.value.clone())),
                DictIterKind::Items => {
                    let pairs: Vec<(PyRef, PyRef)> = entries.map(|e| (e.key.clone(), e.value.clone())).collect();
                    drop(t);
                    out.extend(pairs.into_iter().map(|(k, v)| vm.ctx.new_tuple(vec![k, v])));
                }
            }
        }
        IterState::Set { set, pos, len } => {
            let Some(s) = set.downcast::<crate::objects::set::SetData>() else { return false };
            if s.len() != *len {
                return false;
            }
            s.keys_into(*pos, out);
        }
        IterState::Exhausted => {}
        _ => return false,
    }
    *st = IterState::Exhausted;
    true
}
