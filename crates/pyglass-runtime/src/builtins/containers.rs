//! `list`, `tuple`, `dict`, `set`/`frozenset`, `range`, `slice` and the iterator
//! constructors (`enumerate`, `zip`, `map`, `filter`, `reversed`): constructors and methods.

use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::instance::alloc_instance;
use crate::objects::int::IntValue;
use crate::objects::iter::new_iter;
use crate::objects::list::ListData;
use crate::objects::misc::{DictIterKind, DictViewData, IterState, RangeData, SliceData};
use crate::objects::set::SetData;
use crate::objects::tuple::tuple_items;
use crate::vm::context::{classmethod, getset, method, Context};
use crate::vm::{Args, PyResult, Vm};

pub fn init(ctx: &Context) {
    let t = &ctx.types;
    ctx.set_native_new(&t.list, list_new);
    ctx.add_methods(
        &t.list,
        &[
            method("__init__", list_init),
            method("append", list_append),
            method("extend", list_extend),
            method("pop", list_pop),
            method("insert", list_insert),
            method("remove", list_remove),
            method("index", list_index),
            method("count", list_count),
            method("sort", list_sort),
            method("reverse", list_reverse),
            method("copy", list_copy),
            method("clear", list_clear),
            method("__reversed__", list_reversed),
        ],
    );
    ctx.set_native_new(&t.tuple, tuple_new);
    ctx.add_methods(&t.tuple, &[method("index", tuple_index), method("count", tuple_count), method("__getnewargs__", tuple_getnewargs)]);
    ctx.set_native_new(&t.dict, dict_new);
    ctx.add_methods(
        &t.dict,
        &[
            method("__init__", dict_init),
            method("get", dict_get),
            method("keys", dict_keys),
            method("values", dict_values),
            method("items", dict_items),
            method("pop", dict_pop),
            method("popitem", dict_popitem),
            method("setdefault", dict_setdefault),
            method("update", dict_update),
            method("copy", dict_copy),
            method("clear", dict_clear),
            classmethod("fromkeys", dict_fromkeys),
            method("__reversed__", dict_reversed),
        ],
    );
    for typ in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        ctx.add_methods(typ, &[method("__reversed__", dictview_reversed)]);
        ctx.add_getsets(typ, &[crate::vm::context::getset("mapping", dictview_mapping, None)]);
    }
    for typ in [&t.dict_keys, &t.dict_items] {
        ctx.add_methods(typ, &[method("isdisjoint", dictview_isdisjoint)]);
    }
    ctx.set_native_new(&t.set, set_new);
    ctx.set_native_new(&t.frozenset, frozenset_new);
    let set_common = [
        method("copy", set_copy),
        method("union", set_union),
        method("intersection", set_intersection),
        method("difference", set_difference),
        method("symmetric_difference", set_symmetric_difference),
        method("issubset", set_issubset),
        method("issuperset", set_issuperset),
        method("isdisjoint", set_isdisjoint),
    ];
    ctx.add_methods(&t.set, &set_common);
    ctx.add_methods(&t.frozenset, &set_common);
    ctx.add_methods(
        &t.set,
        &[
            method("__init__", set_init),
            method("add", set_add_m),
            method("remove", set_remove),
            method("discard", set_discard),
            method("pop", set_pop),
            method("clear", set_clear),
            method("update", set_update),
            method("intersection_update", set_intersection_update),
            method("difference_update", set_difference_update),
            method("symmetric_difference_update", set_symmetric_difference_update),
        ],
    );
    ctx.set_native_new(&t.range, range_new);
    ctx.add_methods(&t.range, &[method("index", range_index), method("count", range_count)]);
    ctx.add_getsets(&t.range, &[getset("start", range_start, None), getset("stop", range_stop, None), getset("step", range_step, None)]);
    ctx.set_native_new(&t.slice, slice_new);
    ctx.add_methods(&t.slice, &[method("indices", slice_indices_m)]);
    ctx.add_getsets(&t.slice, &[getset("start", slice_start, None), getset("stop", slice_stop, None), getset("step", slice_step, None)]);
    ctx.set_native_new(&t.enumerate, enumerate_new);
    ctx.set_native_new(&t.zip, zip_new);
    ctx.set_native_new(&t.map, map_new);
    ctx.set_native_new(&t.filter, filter_new);
    ctx.set_native_new(&t.reversed, reversed_new);
}

pub fn list_of(v: &PyRef) -> &ListData {
    v.downcast::<ListData>().expect("a list")
}

fn none(vm: &Vm) -> PyResult {
    Ok(vm.ctx.none())
}

// ----- list -----

fn list_new(vm: &Vm, cls: &PyRef, _a: Args<'_>) -> PyResult {
    Ok(if cls.is(&vm.ctx.types.list) { vm.ctx.new_list(Vec::new()) } else { alloc_instance(vm, cls, ListData::new(Vec::new())) })
}

fn list_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "list", &a, 0, 1)?;
    // CPython 3.13.0's list___init__: clear, then extend (list_extend preallocates).
    let old = list_of(s).take_items();
    drop(old);
    if let Some(it) = rest.first() {
        vm.list_extend(s, it)?;
    }
    none(vm)
}

fn list_append(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "append", &a, 1, 1)?;
    list_of(s).append(rest[0].clone());
    none(vm)
}

fn list_extend(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "extend", &a, 1, 1)?;
    vm.list_extend(s, &rest[0])?;
    none(vm)
}

fn list_pop(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "pop", &a, 0, 1)?;
    let l = list_of(s);
    // `lst.pop()`: the last item, no index to convert.
    let Some(index) = rest.first() else {
        return l.pop_last().ok_or_else(|| vm.index_error("pop from empty list"));
    };
    // The index is converted first, as CPython's argument clinic does: `__index__` may run
    // Python code, so not while the items are borrowed.
    let iv = vm.index(index)?;
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = crate::builtins::native::norm_index(&iv, items.len()).ok_or_else(|| vm.index_error("pop index out of range"))?;
    let v = items.remove(i);
    crate::objects::list::shrink_after_pop(&mut items);
    Ok(v)
}

fn list_insert(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "insert", &a, 2, 2)?;
    let l = list_of(s);
    let idx = vm.index(&rest[0])?.to_i64().unwrap_or(i64::MAX);
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let i = if idx < 0 { (idx + n).max(0) } else { idx.min(n) } as usize;
    ListData::reserve_for(&mut items, 1);
    items.insert(i, rest[1].clone());
    none(vm)
}

fn find_in(vm: &Vm, items: &[PyRef], x: &PyRef) -> PyResult<Option<usize>> {
    for (i, it) in items.iter().enumerate() {
        if vm.eq(it, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn list_remove(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "remove", &a, 1, 1)?;
    let l = list_of(s);
    let items = l.snapshot();
    match find_in(vm, &items, &rest[0])? {
        Some(i) => {
            let old = {
                let mut v = l.items.borrow_mut();
                if i < v.len() && v[i].is(&items[i]) {
                    let n = v.len();
                    let r = v.remove(i);
                    ListData::resize(&mut v, n, n - 1);
                    Some(r)
                } else {
                    None
                }
            };
            drop(old);
            none(vm)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn range_bounds(vm: &Vm, rest: &[PyRef], len: usize) -> PyResult<(usize, usize)> {
    let n = len as i64;
    let get = |i: usize, d: i64| -> PyResult<i64> {
        match rest.get(i) {
            Some(v) => {
                let x = vm.index(v)?.to_i64().unwrap_or(if d == 0 { i64::MIN } else { i64::MAX });
                Ok(if x < 0 { (x + n).max(0) } else { x.min(n) })
            }
            None => Ok(d),
        }
    };
    Ok((get(1, 0)? as usize, get(2, n)? as usize))
}

fn list_index(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "index", &a, 1, 3)?;
    let items = list_of(s).snapshot();
    let (st, en) = range_bounds(vm, rest, items.len())?;
    for i in st..en.min(items.len()) {
        if vm.eq(&items[i], &rest[0])? {
            return Ok(vm.ctx.new_int(i as i64));
        }
    }
    Err(vm.value_error(&format!("{} is not in list", vm.repr_string(&rest[0])?)))
}

fn list_count(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "count", &a, 1, 1)?;
    let mut n = 0;
    for it in list_of(s).snapshot() {
        if vm.eq(&it, &rest[0])? {
            n += 1;
        }
    }
    Ok(vm.ctx.new_int(n))
}

/// Stable sort with an optional key and reverse flag (CPython's `list.sort`): the list
/// is emptied while sorting so that mutation from key/comparison code is detected.
pub fn sort_items(vm: &Vm, items: &mut crate::objects::list::ItemVec, key: Option<&PyRef>, reverse: bool) -> PyResult<()> {
    // Without a key function the items themselves are compared, borrowed (as CPython
    // does: `sys.getrefcount` inside `__lt__` shows no extra reference). Python code run
    // by the comparisons cannot reach `items`: the list's items were taken out of it.
    let computed: Vec<PyRef>;
    let keys: &[PyRef] = match key {
        Some(k) if !k.is(&vm.ctx.consts.none) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call1(k, it)?);
            }
            computed = ks;
            &computed
        }
        _ => &items[..],
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    crate::builtins::timsort::timsort(&mut idx, &mut |x, y| vm.compare_bool(&keys[x], &keys[y], pyglass_bytecode::CompareOp::Lt))?;
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<PyRef> = idx.into_iter().map(|i| items[i].clone()).collect();
    // Keep the allocation, as CPython's list.sort does.
    items.clear();
    items.extend(sorted);
    Ok(())
}

fn list_sort(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    if a.pos().len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let b = args::bind(vm, "sort", &Args::with_kw(&a.items[a.pos().len()..], a.kwnames), &["key", "reverse"], 0)?;
    let reverse = match b[1] {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    let l = list_of(s);
    let mut items = l.take_items();
    let r = sort_items(vm, &mut items, b[0], reverse);
    let modified = !l.items.borrow().is_empty();
    *l.items.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    none(vm)
}

fn list_reverse(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "reverse", &a, 0, 0)?;
    list_of(s).items.borrow_mut().reverse();
    none(vm)
}
fn list_copy(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "copy", &a, 0, 0)?;
    let v = crate::objects::list::item_vec_cloned(&list_of(s).items.borrow());
    Ok(vm.ctx.new_list_items(v))
}
fn list_clear(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "clear", &a, 0, 0)?;
    crate::objects::list::release_items(&mut list_of(s).take_items());
    none(vm)
}
fn list_reversed(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__reversed__", &a, 0, 0)?;
    let n = list_of(s).len() as isize;
    Ok(new_iter(vm, &vm.ctx.types.list_reverseiterator, IterState::Reversed { seq: s.clone(), index: n - 1 }))
}

// ----- tuple -----

fn tuple_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "tuple", &a, 0, 1)?;
    let items = match p.first() {
        Some(it) => {
            if it.class().is(&vm.ctx.types.tuple) && cls.is(&vm.ctx.types.tuple) {
                return Ok(it.clone());
            }
            vm.iterate(it)?
        }
        None => Vec::new(),
    };
    if cls.is(&vm.ctx.types.tuple) {
        return Ok(vm.ctx.new_tuple(items));
    }
    let n = items.len();
    let t = crate::object::core::alloc_object(
        crate::object::AllocSpec { typ: cls, managed_dict: crate::objects::typeobject::type_data(cls).has_flag(crate::objects::typeobject::type_flags::MANAGED_DICT), owns_type: true },
        crate::objects::tuple::TupleData::with_len(n),
        n,
    )
    .ok_or_else(|| vm.new_error(&vm.ctx.exc.memory_error, ""))?;
    crate::objects::tuple::init_items(&t, items);
    Ok(t)
}
fn tuple_index(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "index", &a, 1, 3)?;
    let items = tuple_items(s);
    let (st, en) = range_bounds(vm, rest, items.len())?;
    for i in st..en.min(items.len()) {
        if vm.eq(&items[i], &rest[0])? {
            return Ok(vm.ctx.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}
fn tuple_count(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "count", &a, 1, 1)?;
    let mut n = 0;
    for it in tuple_items(s) {
        if vm.eq(it, &rest[0])? {
            n += 1;
        }
    }
    Ok(vm.ctx.new_int(n))
}
fn tuple_getnewargs(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__getnewargs__", &a, 0, 0)?;
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_tuple(tuple_items(s).to_vec())]))
}

// ----- dict -----

pub fn dict_of(v: &PyRef) -> &DictData {
    v.downcast::<DictData>().expect("a dict")
}

fn dict_new(vm: &Vm, cls: &PyRef, _a: Args<'_>) -> PyResult {
    Ok(if cls.is(&vm.ctx.types.dict) { vm.ctx.new_dict() } else { alloc_instance(vm, cls, DictData::new()) })
}

/// `dict.update` semantics: a mapping (has `keys`) or an iterable of pairs, then kwargs.
pub fn update_from(vm: &Vm, d: &PyRef, src: Option<&PyRef>, a: &Args<'_>) -> PyResult<()> {
    if let Some(src) = src {
        if src.is_kind(Kind::Dict) || vm.getattr_opt(src, "keys")?.is_some() {
            vm.dict_update_from(d, src)?;
        } else {
            let dd = dict_of(d);
            let it = vm.get_iter(src)?;
            let mut i = 0;
            while let Some(item) = vm.next_fast(&it)? {
                let pair = vm.iterate(&item).map_err(|_| vm.type_error(&format!("cannot convert dictionary update sequence element #{i} to a sequence")))?;
                if pair.len() != 2 {
                    return Err(vm.value_error(&format!("dictionary update sequence element #{} has length {}; 2 is required", i, pair.len())));
                }
                let mut p = pair.into_iter();
                let (k, v) = (p.next().expect("len 2"), p.next().expect("len 2"));
                dd.set_item(vm, k, v)?;
                i += 1;
            }
        }
    }
    let dd = dict_of(d);
    for (k, v) in a.kw() {
        dd.set_item(vm, k.clone(), v.clone())?;
    }
    Ok(())
}

fn dict_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let rest = a.rest();
    let p = rest.pos();
    if p.len() > 1 {
        return Err(vm.type_error(&format!("dict expected at most 1 argument, got {}", p.len())));
    }
    update_from(vm, s, p.first(), &rest)?;
    none(vm)
}
fn dict_get(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "get", &a, 1, 2)?;
    Ok(dict_of(s).get_item(vm, &rest[0])?.unwrap_or_else(|| rest.get(1).cloned().unwrap_or_else(|| vm.ctx.none())))
}
fn view(vm: &Vm, d: &PyRef, what: DictIterKind) -> PyRef {
    let t = match what {
        DictIterKind::Keys => &vm.ctx.types.dict_keys,
        DictIterKind::Values => &vm.ctx.types.dict_values,
        DictIterKind::Items => &vm.ctx.types.dict_items,
    };
    vm.ctx.alloc(t, DictViewData { dict: d.clone(), what })
}
fn dict_keys(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "keys", &a, 0, 0)?;
    Ok(view(vm, s, DictIterKind::Keys))
}
fn dict_values(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "values", &a, 0, 0)?;
    Ok(view(vm, s, DictIterKind::Values))
}
fn dict_items(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "items", &a, 0, 0)?;
    Ok(view(vm, s, DictIterKind::Items))
}
fn dict_pop(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "pop", &a, 1, 2)?;
    match dict_of(s).del_item(vm, &rest[0])? {
        Some(v) => Ok(v),
        None => rest.get(1).cloned().ok_or_else(|| vm.key_error(&rest[0])),
    }
}
fn dict_popitem(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "popitem", &a, 0, 0)?;
    match dict_of(s).pop_last() {
        Some((k, v)) => Ok(vm.ctx.new_tuple(vec![k, v])),
        None => Err(vm.key_error(&vm.ctx.new_str("popitem(): dictionary is empty"))),
    }
}
fn dict_setdefault(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "setdefault", &a, 1, 2)?;
    let d = dict_of(s);
    if let Some(v) = d.get_item(vm, &rest[0])? {
        return Ok(v);
    }
    let v = rest.get(1).cloned().unwrap_or_else(|| vm.ctx.none());
    d.set_item(vm, rest[0].clone(), v.clone())?;
    Ok(v)
}
fn dict_update(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = &a.items[0];
    let rest = a.rest();
    let p = rest.pos();
    if p.len() > 1 {
        return Err(vm.type_error(&format!("update expected at most 1 argument, got {}", p.len())));
    }
    update_from(vm, s, p.first(), &rest)?;
    none(vm)
}
fn dict_copy(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "copy", &a, 0, 0)?;
    let d = vm.ctx.new_dict();
    vm.dict_update_from(&d, s)?;
    Ok(d)
}
fn dict_clear(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "clear", &a, 0, 0)?;
    dict_of(s).clear_all();
    none(vm)
}
fn dict_fromkeys(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let cls = &p[0];
    if p.len() < 2 || p.len() > 3 {
        return Err(vm.type_error(&format!("fromkeys expected at least 1 argument, got {}", p.len() - 1)));
    }
    let d = vm.call(cls, &[])?;
    let v = p.get(2).cloned().unwrap_or_else(|| vm.ctx.none());
    for k in vm.iterate(&p[1])? {
        vm.setitem(&d, &k, v.clone())?;
    }
    Ok(d)
}
fn dict_reversed(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__reversed__", &a, 0, 0)?;
    let mut keys = dict_of(s).keys();
    keys.reverse();
    let l = vm.ctx.new_list(keys);
    Ok(new_iter(vm, &vm.ctx.types.list_iterator, IterState::Seq { seq: l, index: 0 }))
}

fn dictview_reversed(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "__reversed__", &a, 0, 0)?;
    let dv = s.downcast::<DictViewData>().expect("dict view");
    let d = dict_of(&dv.dict);
    let mut items: Vec<PyRef> = match dv.what {
        DictIterKind::Keys => d.keys(),
        DictIterKind::Values => d.values(),
        DictIterKind::Items => d.items().into_iter().map(|(k, v)| vm.ctx.new_tuple(vec![k, v])).collect(),
    };
    items.reverse();
    let l = vm.ctx.new_list(items);
    Ok(new_iter(vm, &vm.ctx.types.list_iterator, IterState::Seq { seq: l, index: 0 }))
}
fn dictview_mapping(vm: &Vm, o: &PyRef) -> PyResult {
    let dv = o.downcast::<DictViewData>().expect("dict view");
    Ok(vm.ctx.alloc(&vm.ctx.types.mappingproxy, DictViewData { dict: dv.dict.clone(), what: DictIterKind::Keys }))
}
fn dictview_isdisjoint(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "isdisjoint", &a, 1, 1)?;
    for x in vm.iterate(&rest[0])? {
        if vm.contains(s, &x)? {
            return Ok(vm.ctx.bool_obj(false));
        }
    }
    Ok(vm.ctx.bool_obj(true))
}

// ----- set -----

fn set_of(v: &PyRef) -> &SetData {
    v.downcast::<SetData>().expect("a set")
}

fn set_new(vm: &Vm, cls: &PyRef, _a: Args<'_>) -> PyResult {
    Ok(if cls.is(&vm.ctx.types.set) { vm.new_set(false) } else { alloc_instance(vm, cls, SetData::new()) })
}
fn frozenset_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "frozenset", &a, 0, 1)?;
    if let Some(it) = p.first() {
        if it.class().is(&vm.ctx.types.frozenset) && cls.is(&vm.ctx.types.frozenset) {
            return Ok(it.clone());
        }
    }
    let s = if cls.is(&vm.ctx.types.frozenset) { vm.new_set(true) } else { alloc_instance(vm, cls, SetData::new()) };
    if let Some(it) = p.first() {
        crate::builtins::setops::update_internal(vm, &s, it)?;
    }
    Ok(s)
}
fn set_init(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "set", &a, 0, 1)?;
    if set_of(s).counts().0 > 0 {
        set_of(s).clear_all();
    }
    if let Some(it) = rest.first() {
        crate::builtins::setops::update_internal(vm, s, it)?;
    }
    none(vm)
}
fn set_add_m(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "add", &a, 1, 1)?;
    set_of(s).add(vm, rest[0].clone())?;
    none(vm)
}
fn set_remove(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "remove", &a, 1, 1)?;
    if !set_of(s).discard(vm, &rest[0])? {
        return Err(vm.key_error(&rest[0]));
    }
    none(vm)
}
fn set_discard(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "discard", &a, 1, 1)?;
    set_of(s).discard(vm, &rest[0])?;
    none(vm)
}
fn set_pop(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "pop", &a, 0, 0)?;
    set_of(s).pop().ok_or_else(|| vm.key_error(&vm.ctx.new_str("pop from an empty set")))
}
fn set_clear(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "clear", &a, 0, 0)?;
    set_of(s).clear_all();
    none(vm)
}
fn as_set(vm: &Vm, v: &PyRef) -> PyResult {
    if v.is_kind(Kind::Set) {
        return Ok(v.clone());
    }
    let s = vm.new_set(false);
    for x in vm.iterate(v)? {
        set_of(&s).add(vm, x)?;
    }
    Ok(s)
}
fn set_copy(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, _) = args::meth(vm, "copy", &a, 0, 0)?;
    if s.class().is(&vm.ctx.types.frozenset) {
        return Ok(s.clone());
    }
    crate::builtins::setops::copy_set(vm, s)
}
fn set_union(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let s = &p[0];
    let r = crate::builtins::setops::copy_set(vm, s)?;
    for other in &p[1..] {
        if !other.is(s) {
            crate::builtins::setops::update_internal(vm, &r, other)?;
        }
    }
    Ok(r)
}
fn set_intersection(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let s = &p[0];
    if p.len() == 1 {
        return crate::builtins::setops::copy_set(vm, s);
    }
    let mut r = s.clone();
    for other in &p[1..] {
        r = crate::builtins::setops::intersection(vm, &r, other)?;
    }
    Ok(r)
}
fn set_difference(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    let s = &p[0];
    if p.len() == 1 {
        return crate::builtins::setops::copy_set(vm, s);
    }
    let r = crate::builtins::setops::difference(vm, s, &p[1])?;
    for other in &p[2..] {
        crate::builtins::setops::difference_update_internal(vm, &r, other)?;
    }
    Ok(r)
}
fn set_symmetric_difference(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "symmetric_difference", &a, 1, 1)?;
    crate::builtins::setops::symmetric_difference(vm, s, &rest[0])
}
fn set_issubset(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "issubset", &a, 1, 1)?;
    let o = as_set(vm, &rest[0])?;
    Ok(vm.ctx.bool_obj(crate::builtins::setops::is_subset(vm, s, &o)?))
}
fn set_issuperset(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "issuperset", &a, 1, 1)?;
    let o = as_set(vm, &rest[0])?;
    Ok(vm.ctx.bool_obj(crate::builtins::setops::is_subset(vm, &o, s)?))
}
fn set_isdisjoint(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "isdisjoint", &a, 1, 1)?;
    for x in vm.iterate(&rest[0])? {
        if set_of(s).contains(vm, &x)? {
            return Ok(vm.ctx.bool_obj(false));
        }
    }
    Ok(vm.ctx.bool_obj(true))
}
fn set_update(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    for other in &p[1..] {
        crate::builtins::setops::update_internal(vm, &p[0], other)?;
    }
    none(vm)
}
fn set_intersection_update(vm: &Vm, a: Args<'_>) -> PyResult {
    let r = set_intersection(vm, a)?;
    let s = &a.pos()[0];
    if !r.is(s) {
        set_of(s).swap_bodies(set_of(&r));
    }
    none(vm)
}
fn set_difference_update(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = a.pos();
    for other in &p[1..] {
        crate::builtins::setops::difference_update_internal(vm, &p[0], other)?;
    }
    none(vm)
}
fn set_symmetric_difference_update(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "symmetric_difference_update", &a, 1, 1)?;
    crate::builtins::setops::symmetric_difference_update(vm, s, &rest[0])?;
    none(vm)
}

// ----- range, slice -----

fn range_new(vm: &Vm, _cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "range", &a, 1, 3)?;
    let idx = |v: &PyRef| vm.index(v);
    let (start, stop, step) = match p.len() {
        1 => (IntValue::Small(0), idx(&p[0])?, IntValue::Small(1)),
        2 => (idx(&p[0])?, idx(&p[1])?, IntValue::Small(1)),
        _ => (idx(&p[0])?, idx(&p[1])?, idx(&p[2])?),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.ctx.alloc(&vm.ctx.types.range, RangeData { start, stop, step }))
}
fn range_of(v: &PyRef) -> &RangeData {
    v.downcast::<RangeData>().expect("a range")
}
fn range_start(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int_value(range_of(o).start.clone()))
}
fn range_stop(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int_value(range_of(o).stop.clone()))
}
fn range_step(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.ctx.new_int_value(range_of(o).step.clone()))
}
fn range_index(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "index", &a, 1, 1)?;
    if vm.contains(s, &rest[0])? {
        if let Some(i) = rest[0].downcast::<crate::objects::int::IntData>() {
            let r = range_of(s);
            return Ok(vm.ctx.new_int_value(i.value().sub(&r.start).floordiv(&r.step).unwrap_or(IntValue::Small(0))));
        }
    }
    Err(vm.value_error(&format!("{} is not in range", vm.repr_string(&rest[0])?)))
}
fn range_count(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "count", &a, 1, 1)?;
    Ok(vm.ctx.new_int(vm.contains(s, &rest[0])? as i64))
}
fn slice_new(vm: &Vm, _cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "slice", &a, 1, 3)?;
    let n = vm.ctx.none();
    Ok(match p.len() {
        1 => vm.new_slice(n.clone(), p[0].clone(), n),
        2 => vm.new_slice(p[0].clone(), p[1].clone(), n),
        _ => vm.new_slice(p[0].clone(), p[1].clone(), p[2].clone()),
    })
}
fn slice_of(v: &PyRef) -> &SliceData {
    v.downcast::<SliceData>().expect("a slice")
}
fn slice_start(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(slice_of(o).start.clone())
}
fn slice_stop(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(slice_of(o).stop.clone())
}
fn slice_step(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(slice_of(o).step.clone())
}
fn slice_indices_m(vm: &Vm, a: Args<'_>) -> PyResult {
    let (s, rest) = args::meth(vm, "indices", &a, 1, 1)?;
    let n = vm.index(&rest[0])?.to_i64().unwrap_or(0).max(0) as usize;
    let (st, sp, step, _) = crate::builtins::native::slice_indices(vm, slice_of(s), n)?;
    Ok(vm.ctx.new_tuple(vec![vm.ctx.new_int(st as i64), vm.ctx.new_int(sp as i64), vm.ctx.new_int(step as i64)]))
}

// ----- iterator constructors -----

fn enumerate_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "enumerate", &a, &["iterable", "start"], 1)?;
    let it = vm.get_iter(b[0].expect("required"))?;
    let start = match b[1] {
        Some(s) => vm.index(s)?,
        None => IntValue::Small(0),
    };
    Ok(new_iter(vm, cls, IterState::Enumerate { iter: it, count: start }))
}
fn zip_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let strict = match a.kwarg("strict") {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    if a.kw().any(|(k, _)| crate::objects::str::as_str(k) != Some("strict")) {
        return Err(vm.type_error("zip() takes at most one keyword argument"));
    }
    let mut iters = Vec::new();
    for (i, x) in a.pos().iter().enumerate() {
        let _ = i;
        iters.push(vm.get_iter(x)?);
    }
    Ok(new_iter(vm, cls, IterState::Zip { iters, strict }))
}
fn map_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    if a.pos().len() < 2 {
        if a.has_kw() {
            return Err(vm.type_error("map() takes no keyword arguments"));
        }
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let p = args::pos(vm, "map", &a, 2, usize::MAX)?;
    let mut iters = Vec::new();
    for x in &p[1..] {
        iters.push(vm.get_iter(x)?);
    }
    Ok(new_iter(vm, cls, IterState::Map { func: p[0].clone(), iters }))
}
fn filter_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "filter", &a, 2, 2)?;
    let it = vm.get_iter(&p[1])?;
    let func = if p[0].is(&vm.ctx.consts.none) { None } else { Some(p[0].clone()) };
    Ok(new_iter(vm, cls, IterState::Filter { func, iter: it }))
}
fn reversed_new(vm: &Vm, cls: &PyRef, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "reversed", &a, 1, 1)?;
    let seq = &p[0];
    if let Some(m) = crate::objects::typeobject::lookup_str(&seq.class(), "__reversed__") {
        return vm.call1(&m, seq);
    }
    if seq.is_kind(Kind::Range) {
        let r = range_of(seq);
        let len = r.len();
        if len.is_zero() {
            return vm.get_iter(&vm.ctx.new_tuple(vec![]));
        }
        let last = r.item(&len.sub(&IntValue::Small(1)));
        let nr = vm.ctx.alloc(&vm.ctx.types.range, RangeData { start: last.clone(), stop: r.start.sub(&r.step), step: r.step.neg() });
        return vm.get_iter(&nr);
    }
    if crate::objects::typeobject::lookup_str(&seq.class(), "__getitem__").is_none() || crate::objects::typeobject::lookup_str(&seq.class(), "__len__").is_none() || seq.is_kind(Kind::Dict) {
        return Err(vm.type_error(&format!("'{}' object is not reversible", vm.type_name(seq))));
    }
    let n = vm.len(seq)? as isize;
    Ok(new_iter(vm, cls, IterState::Reversed { seq: seq.clone(), index: n - 1 }))
}
