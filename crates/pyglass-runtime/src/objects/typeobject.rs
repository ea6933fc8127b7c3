//! `type` (CPython `Objects/typeobject.c`): type objects, the MRO, attribute lookup on
//! types, and the layout facts the object core needs (payload vtable, slot count).

use crate::object::core::{PyObject, VTable};
use crate::object::header::ObjHeader;
use crate::object::{Kind, PyPayload, PyRef};
use crate::objects::dict::DictData;
use crate::objects::str::StrData;
use crate::sync::PyCell;
use crate::vm::{Args, PyResult, Vm};
use std::cell::Cell;

/// Type flags (a subset of CPython's `Py_TPFLAGS_*`, our own bit values).
pub mod type_flags {
    pub const HEAPTYPE: u32 = 1 << 0;
    pub const BASETYPE: u32 = 1 << 1;
    /// Instances have a managed `__dict__` pre-header.
    pub const MANAGED_DICT: u32 = 1 << 2;
    /// Instances can be weakly referenced.
    pub const WEAKREFABLE: u32 = 1 << 3;
    /// Some class in the MRO defines `__del__`.
    pub const HAS_FINALIZER: u32 = 1 << 4;
    /// Subclass of BaseException.
    pub const EXCEPTION: u32 = 1 << 5;
    /// Instances are immutable (no attribute assignment on the type itself: static types).
    pub const IMMUTABLETYPE: u32 = 1 << 6;
    /// The type overrides `__getattribute__`/`__getattr__`/`__setattr__` in Python.
    pub const CUSTOM_GETATTR: u32 = 1 << 7;
    pub const CUSTOM_SETATTR: u32 = 1 << 8;
    /// The type (or a base) defines `__eq__` but no `__hash__`: instances are unhashable.
    pub const UNHASHABLE: u32 = 1 << 9;
    /// Instances keep their attributes inline, indexed by the class's shared keys, until
    /// their `__dict__` is materialized (CPython 3.13's `Py_TPFLAGS_INLINE_VALUES`): heap
    /// classes with a `__dict__`, no `__slots__` values and no built-in base.
    pub const INLINE_VALUES: u32 = 1 << 10;
}

/// Native constructor (`tp_new` + `tp_init` for built-in types): called as
/// `new(vm, cls, args)` where `cls` is the type being instantiated (maybe a subclass).
pub type NativeNew = fn(&Vm, &PyRef, Args<'_>) -> PyResult;

pub struct TypeData {
    pub name: PyCell<String>,
    pub qualname: PyCell<String>,
    /// The solid base (`__base__`); None only for `object`.
    pub base: PyCell<Option<PyRef>>,
    pub bases: PyCell<Vec<PyRef>>,
    /// The MRO *without* the type itself (so a type does not own a reference to itself);
    /// `__mro__` prepends it.
    pub mro: PyCell<Vec<PyRef>>,
    /// The attribute dict (a `dict` object).
    pub dict: PyRef,
    pub flags: Cell<u32>,
    /// Payload vtable of instances.
    pub vtable: &'static VTable,
    /// Payload kind of instances.
    pub instance_kind: Kind,
    /// Number of `__slots__` values trailing each instance.
    pub nslots: Cell<usize>,
    /// Where an instance's inline values start (their head word), in bytes from its header:
    /// after the payload and the `__slots__` values ([`inline_base`]). Fixed with
    /// `vtable` and `nslots` when the type is made; the attribute caches' hit paths read it.
    pub inline_base: usize,
    /// Native constructor inherited from the nearest built-in base.
    pub native_new: Cell<Option<NativeNew>>,
    /// Bumped whenever the type or a base changes (attribute caches check it).
    pub version: Cell<u64>,
    /// Shared keys of instances with inline values (CPython's `ht_cached_keys`): attribute
    /// names (interned exact strs) in the order they were first seen, at most
    /// `MAX_INLINE_VALUES`. Only grows; new instances get one inline value per key.
    pub shared_keys: PyCell<Vec<PyRef>>,
    /// Remembered MRO lookups (CPython's type method cache, per type here); holds no
    /// references. See `lookup`.
    pub lookup_cache: LookupCache,
    /// Where `cls(...)` found its `__init__` when the type is a plain class (see
    /// [`InitCache`]); holds no references.
    pub init_cache: Cell<InitCache>,
}

/// CPython's `CALL_ALLOC_AND_ENTER_INIT` precondition, remembered per type: at type version
/// `version` and type epoch `epoch`, instances are made by `object.__new__` and `__init__`
/// is a Python function stored at entry `pos` of the type's own dict, whose keys version
/// was `keys_version`. Any change to any type bumps the epoch (so a base gaining a
/// `__new__` is seen); a hit re-reads `__init__` from the live dict.
#[derive(Clone, Copy, Default)]
pub struct InitCache {
    pub epoch: u64,
    pub version: u64,
    pub pos: usize,
    pub keys_version: u64,
}

// SAFETY: Kind::Type is used by no other payload type.
unsafe impl PyPayload for TypeData {
    const KIND: Kind = Kind::Type;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.dict);
        if let Some(b) = self.base.try_borrow() {
            if let Some(b) = b.as_ref() {
                visit(b);
            }
        }
        if let Some(bs) = self.bases.try_borrow() {
            bs.iter().for_each(&mut *visit);
        }
        if let Some(m) = self.mro.try_borrow() {
            m.iter().for_each(&mut *visit);
        }
    }
    fn clear(&self) {
        drop(self.mro.take());
        drop(self.bases.take());
        drop(self.base.take());
        self.dict.downcast::<DictData>().map(|d| d.clear_all());
    }
}

/// The `TypeData` of the type object whose header is `typ`.
#[inline(always)]
fn type_data_of_header(typ: &ObjHeader) -> &TypeData {
    // SAFETY: `typ` is the header of a type object (every `ob_type` points at one), whose
    // payload is `TypeData`.
    unsafe { &(*(typ as *const ObjHeader as *const PyObject<TypeData>)).payload }
}

/// The type data of `obj`'s type, borrowed for as long as `obj` (no reference count
/// traffic, unlike `type_data(&obj.class())`).
#[inline(always)]
pub(crate) fn type_data_of_obj(obj: &PyRef) -> &TypeData {
    // SAFETY: as in `PyRef::class`: `ob_type` of a live object points at a live type
    // object, kept alive at least as long as the object (heap types by the instance's
    // strong reference, static types being immortal).
    type_data_of_header(unsafe { &*obj.class_ptr() })
}

/// [`TypeData::inline_base`] for instances with payload vtable `vt` and `nslots` slots.
pub fn inline_base(vt: &VTable, nslots: usize) -> usize {
    vt.object_size + nslots * std::mem::size_of::<usize>()
}

/// Where the inline values of instances of the type whose header is `typ` start.
#[inline(always)]
pub(crate) fn inline_base_of_type_header(typ: &ObjHeader) -> usize {
    type_data_of_header(typ).inline_base
}

/// The payload vtable of instances of the type whose header is `typ`.
pub(crate) fn vtable_of_type_header(typ: &ObjHeader) -> &'static VTable {
    type_data_of_header(typ).vtable
}

/// Trailing `__slots__` count of instances of the type whose header is `typ`.
pub(crate) fn nslots_of_type_header(typ: &ObjHeader) -> usize {
    type_data_of_header(typ).nslots.get()
}

/// The version of `obj`'s type (what the attribute caches compare), read through the
/// object's type pointer without taking a reference.
#[inline(always)]
pub(crate) fn type_version_of(obj: &PyRef) -> u64 {
    // SAFETY: `ob_type` of a live object points at a live type object (see `PyRef::class`);
    // `obj` keeps it alive while the version is read.
    type_data_of_header(unsafe { &*obj.class_ptr() }).version.get()
}

impl TypeData {
    pub fn has_flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    pub fn set_flag(&self, f: u32, on: bool) {
        let v = self.flags.get();
        self.flags.set(if on { v | f } else { v & !f });
    }
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }
    #[inline]
    pub fn dict(&self) -> &DictData {
        self.dict.downcast().expect("type dict is a dict")
    }
}

/// The TypeData of a type object. Every `class()` is a type, so this never fails for those.
#[inline(always)]
pub fn type_data(t: &PyRef) -> &TypeData {
    match t.downcast::<TypeData>() {
        Some(d) => d,
        None => unreachable_type(),
    }
}

#[cold]
fn unreachable_type() -> ! {
    // Only reachable if a non-type object is passed where the object core guarantees a
    // type (an interpreter bug, not bad input).
    panic!("pyglass internal error: expected a type object")
}

/// `__name__` of an object's type.
pub fn type_name_of(obj: &PyRef) -> String {
    type_data(&obj.class()).name()
}

/// Look `name` up along the MRO of `typ` (type itself first). Interned names go through
/// the type's lookup cache; other str objects are looked up by their text.
#[inline]
pub fn lookup(typ: &PyRef, name: &PyRef) -> Option<PyRef> {
    let Some(s) = name.downcast::<StrData>() else { return None };
    if s.interned.get() {
        // Interned strs stay alive as long as the interpreter: the address names the text.
        cached_lookup(typ, NameKey { addr: name.as_ptr() as usize, len: INTERNED }, s.as_str(), Some(name))
    } else {
        uncached_lookup(typ, s.as_str(), Some(name)).0
    }
}

/// Look a name given as a string literal up along the MRO (cached: the literal's address
/// names its text). For other `&str`s use `lookup_text`.
#[inline]
pub fn lookup_str(typ: &PyRef, name: &'static str) -> Option<PyRef> {
    cached_lookup(typ, NameKey { addr: name.as_ptr() as usize, len: name.len() }, name, None)
}

/// Look any `&str` up along the MRO (not cached).
pub fn lookup_text(typ: &PyRef, name: &str) -> Option<PyRef> {
    uncached_lookup(typ, name, None).0
}

// ----- the lookup cache (CPython's `_PyType_Lookup` method cache) -----
//
// Each type remembers, per name, where the MRO walk ended: at which depth (0 = the type
// itself, d = `mro[d-1]`) and at which entry position of that dict, or that it found
// nothing. It stores no references, so it changes no refcount and keeps nothing alive;
// the value is re-read from the live dict on every hit, so a class attribute replaced in
// place (`C.count += 1`) needs no invalidation.
//
// Validity rests on dict keys versions (`DictData::keys_version`), which only ever grow
// and change on every key insertion or deletion and every table rebuild: an entry keeps
// the sum of the keys versions of the dicts searched before the found one (of all of
// them for a miss) and the found dict's own version. As every addend only grows, an equal
// sum means none of those dicts gained or lost a key, whatever code path changed them
// (`type_modified` or not); a type's MRO list is fixed after creation except for the
// collector's `clear`, which empties it (the entry's MRO length then differs). Names are
// identified by address: interned str objects (immortal or held by the intern table) and
// `&'static str` literals, whose text never changes while the address is in use.

/// Entries per type (direct-mapped on the name's address).
const CACHE_SIZE: usize = 32;
/// `NameKey::len` of an interned str object.
const INTERNED: usize = usize::MAX;
/// `CacheEntry::depth` of a name found nowhere in the MRO.
const NOT_FOUND: u32 = u32::MAX;

#[derive(Clone, Copy, PartialEq, Eq)]
struct NameKey {
    addr: usize,
    len: usize,
}

#[derive(Clone, Copy)]
struct CacheEntry {
    /// `addr == 0`: an empty entry.
    name: NameKey,
    depth: u32,
    mro_len: u32,
    pos: usize,
    /// Sum of the keys versions of the dicts before the found one (all of them for a miss).
    before: u64,
    /// Keys version of the dict the name was found in.
    found_version: u64,
}

const EMPTY_ENTRY: CacheEntry = CacheEntry { name: NameKey { addr: 0, len: 0 }, depth: 0, mro_len: 0, pos: 0, before: 0, found_version: 0 };

/// A type's lookup cache; the table is allocated at the type's first lookup.
#[derive(Default)]
pub struct LookupCache(std::cell::OnceCell<Box<[Cell<CacheEntry>; CACHE_SIZE]>>);

impl LookupCache {
    pub fn new() -> LookupCache {
        LookupCache::default()
    }

    #[inline(always)]
    fn slot(&self, name: NameKey) -> &Cell<CacheEntry> {
        let table = self.0.get_or_init(new_cache_table);
        let h = (name.addr ^ name.len).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (usize::BITS - CACHE_SIZE.trailing_zeros());
        &table[h]
    }
}

/// A type's cache table. Like CPython's method cache (static storage), it is interpreter
/// bookkeeping that tracemalloc does not see: without this, the first `C()` after
/// `tracemalloc.start()` would show a block that outlives every object it made.
#[cold]
fn new_cache_table() -> Box<[Cell<CacheEntry>; CACHE_SIZE]> {
    let _untraced = pyglass_alloc::trace::suspend();
    Box::new([const { Cell::new(EMPTY_ENTRY) }; CACHE_SIZE])
}

/// The dict at `depth` of `td`'s MRO walk (0 = the type's own).
#[inline(always)]
fn dict_at<'a>(td: &'a TypeData, mro: &'a [PyRef], depth: usize) -> &'a DictData {
    if depth == 0 {
        td.dict()
    } else {
        type_data(&mro[depth - 1]).dict()
    }
}

#[inline]
fn cached_lookup(typ: &PyRef, name: NameKey, text: &str, key: Option<&PyRef>) -> Option<PyRef> {
    let td = type_data(typ);
    let slot = td.lookup_cache.slot(name);
    let e = slot.get();
    if e.name == name && e.depth == 0 {
        // Found in the type's own dict: its keys version alone says whether it still is.
        if let Some(v) = td.dict().value_at_if_version(e.pos, e.found_version) {
            return Some(v);
        }
    } else if e.name == name {
        let mro = td.mro.borrow();
        if mro.len() as u32 == e.mro_len {
            if e.depth == NOT_FOUND {
                let sum = (0..=mro.len()).fold(0u64, |acc, d| acc.wrapping_add(dict_at(td, &mro, d).keys_version()));
                if sum == e.before {
                    return None;
                }
            } else {
                let depth = e.depth as usize;
                let sum = (0..depth).fold(0u64, |acc, d| acc.wrapping_add(dict_at(td, &mro, d).keys_version()));
                if sum == e.before {
                    if let Some(v) = dict_at(td, &mro, depth).value_at_if_version(e.pos, e.found_version) {
                        return Some(v);
                    }
                }
            }
        }
    }
    lookup_and_remember(typ, slot, name, text, key)
}

#[inline(never)]
fn lookup_and_remember(typ: &PyRef, slot: &Cell<CacheEntry>, name: NameKey, text: &str, key: Option<&PyRef>) -> Option<PyRef> {
    let (found, entry) = uncached_lookup(typ, text, key);
    slot.set(CacheEntry { name, ..entry });
    found
}

/// The MRO walk, and the cache entry that remembers its outcome.
fn uncached_lookup(typ: &PyRef, text: &str, key: Option<&PyRef>) -> (Option<PyRef>, CacheEntry) {
    let hash = match key.and_then(|k| k.downcast::<StrData>()) {
        Some(s) => s.hash(),
        None => crate::objects::str::str_hash(text),
    };
    let td = type_data(typ);
    let mro = td.mro.borrow();
    let mut before = 0u64;
    for depth in 0..=mro.len() {
        let (version, found) = dict_at(td, &mro, depth).str_entry(text, hash, key);
        if let Some((pos, v)) = found {
            let entry = CacheEntry { depth: depth as u32, mro_len: mro.len() as u32, pos, before, found_version: version, ..EMPTY_ENTRY };
            return (Some(v), entry);
        }
        before = before.wrapping_add(version);
    }
    (None, CacheEntry { depth: NOT_FOUND, mro_len: mro.len() as u32, before, ..EMPTY_ENTRY })
}

/// `issubclass(a, b)` by MRO (no `__subclasscheck__`).
pub fn is_subtype(a: &PyRef, b: &PyRef) -> bool {
    if a.is(b) {
        return true;
    }
    type_data(a).mro.borrow().iter().any(|t| t.is(b))
}

/// The full MRO including the type itself.
pub fn full_mro(t: &PyRef) -> Vec<PyRef> {
    let mut v = vec![t.clone()];
    v.extend(type_data(t).mro.borrow().iter().cloned());
    v
}

/// C3 linearisation (CPython's `mro_implementation`). Returns the MRO *without* `t` itself
/// (the caller prepends it), or an error message for an inconsistent hierarchy.
pub fn c3_mro(bases: &[PyRef]) -> Result<Vec<PyRef>, String> {
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(full_mro).collect();
    seqs.push(bases.to_vec());
    let mut result = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|other| other[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = type_data(&s[0]).name();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

#[cfg(test)]
mod tests {
    //! The lookup cache must answer exactly like the uncached MRO walk, whatever changed.
    use super::*;
    use crate::Interpreter;

    /// Run `src` in `globals`.
    fn run(vm: &Vm, globals: &PyRef, src: &str) {
        let code = vm.compile(src, "<test>", pyglass_compiler::Mode::Exec).expect("compiles");
        vm.exec_code(code, globals).expect("runs");
    }

    fn global(vm: &Vm, globals: &PyRef, name: &str) -> PyRef {
        globals.downcast::<DictData>().unwrap().get_str(name).unwrap_or_else(|| vm.ctx.none())
    }

    fn small(v: Option<PyRef>) -> Option<i64> {
        v.map(|v| v.downcast::<crate::objects::int::IntData>().expect("an int").as_small().expect("small") as i64)
    }

    /// `lookup_str`, `lookup` with an interned name and the uncached walk, which must agree.
    fn look(vm: &Vm, t: &PyRef, name: &'static str) -> Option<i64> {
        let a = small(lookup_str(t, name));
        let b = small(lookup(t, &vm.ctx.intern(name)));
        let c = small(lookup_text(t, name));
        assert_eq!(a, c, "lookup_str({name})");
        assert_eq!(b, c, "lookup({name})");
        c
    }

    #[test]
    fn class_attribute_changes_are_seen() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let g = vm.ctx.new_dict();
            run(vm, &g, "class A:\n    x = 1\n");
            let a = global(vm, &g, "A");
            assert_eq!(look(vm, &a, "x"), Some(1));
            assert_eq!(look(vm, &a, "x"), Some(1));
            run(vm, &g, "A.x = 2");
            assert_eq!(look(vm, &a, "x"), Some(2));
            run(vm, &g, "del A.x");
            assert_eq!(look(vm, &a, "x"), None);
            run(vm, &g, "A.x = 3");
            assert_eq!(look(vm, &a, "x"), Some(3));
            // Many other names added (the table is rebuilt, positions move).
            run(vm, &g, "for i in range(50): setattr(A, f'n{i}', i)");
            assert_eq!(look(vm, &a, "x"), Some(3));
        });
    }

    #[test]
    fn base_class_changes_are_seen_by_subclasses() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let g = vm.ctx.new_dict();
            run(vm, &g, "class B:\n    f = 1\nclass M:\n    f = 7\nclass C(B, M):\n    pass\n");
            let c = global(vm, &g, "C");
            assert_eq!(look(vm, &c, "f"), Some(1));
            assert_eq!(look(vm, &c, "g"), None);
            run(vm, &g, "C.f = 2");
            assert_eq!(look(vm, &c, "f"), Some(2));
            run(vm, &g, "del C.f");
            assert_eq!(look(vm, &c, "f"), Some(1));
            run(vm, &g, "B.f = 4");
            assert_eq!(look(vm, &c, "f"), Some(4));
            run(vm, &g, "del B.f");
            assert_eq!(look(vm, &c, "f"), Some(7));
            // A miss becomes a hit when a base (or object) gains the name.
            assert_eq!(look(vm, &c, "g"), None);
            run(vm, &g, "M.g = 5");
            assert_eq!(look(vm, &c, "g"), Some(5));
            run(vm, &g, "B.g = 6");
            assert_eq!(look(vm, &c, "g"), Some(6));
        });
    }

    #[test]
    fn dict_changes_without_type_modified_are_seen() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let g = vm.ctx.new_dict();
            run(vm, &g, "class B:\n    pass\nclass C(B):\n    pass\n");
            let (b, c) = (global(vm, &g, "B"), global(vm, &g, "C"));
            assert_eq!(look(vm, &c, "h"), None);
            type_data(&b).dict().set_str_key(vm.ctx.intern("h"), vm.ctx.new_int(1));
            assert_eq!(look(vm, &c, "h"), Some(1));
            type_data(&c).dict().set_str_key(vm.ctx.intern("h"), vm.ctx.new_int(2));
            assert_eq!(look(vm, &c, "h"), Some(2));
            type_data(&c).dict().del_str_key(&vm.ctx.intern("h"));
            assert_eq!(look(vm, &c, "h"), Some(1));
            type_data(&b).dict().clear_all();
            assert_eq!(look(vm, &c, "h"), None);
            // The collector's clear of a type empties its dict and MRO.
            type_data(&b).dict().set_str_key(vm.ctx.intern("h"), vm.ctx.new_int(3));
            type_data(&c).dict().set_str_key(vm.ctx.intern("k"), vm.ctx.new_int(4));
            assert_eq!(look(vm, &c, "h"), Some(3));
            assert_eq!(look(vm, &c, "k"), Some(4));
            type_data(&c).clear();
            assert_eq!(look(vm, &c, "h"), None);
            assert_eq!(look(vm, &c, "k"), None);
        });
    }

    #[test]
    fn new_classes_do_not_inherit_old_answers() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let g = vm.ctx.new_dict();
            for i in 0..20 {
                // Each class dies before the next is made (addresses get reused).
                let src = if i % 2 == 0 { "class T:\n    y = 1\n" } else { "class T:\n    z = 2\n" };
                run(vm, &g, src);
                let t = global(vm, &g, "T");
                if i % 2 == 0 {
                    assert_eq!((look(vm, &t, "y"), look(vm, &t, "z")), (Some(1), None));
                } else {
                    assert_eq!((look(vm, &t, "y"), look(vm, &t, "z")), (None, Some(2)));
                }
                drop(t);
                run(vm, &g, "del T\nimport gc\ngc.collect()");
            }
        });
    }

    #[test]
    fn non_interned_names_are_looked_up_by_text() {
        let interp = Interpreter::new(crate::Config::default());
        interp.vm().enter(|vm| {
            let g = vm.ctx.new_dict();
            run(vm, &g, "class A:\n    abc = 1\n");
            let a = global(vm, &g, "A");
            let name = vm.ctx.new_str("abc");
            assert_eq!(small(lookup(&a, &name)), Some(1));
            run(vm, &g, "A.abc = 2");
            assert_eq!(small(lookup(&a, &name)), Some(2));
            assert_eq!(small(lookup(&a, &vm.ctx.new_int(1))), None);
        });
    }
}
