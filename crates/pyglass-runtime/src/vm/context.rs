//! Interpreter state (CPython's `PyInterpreterState`): the built-in types, singletons,
//! small ints, interned strings, `sys.modules` and the builtins namespace. Everything
//! the runtime needs hangs off one `Context`; nothing is process-global, so several
//! interpreters can exist in one process.

use crate::object::core::{alloc_fixed, alloc_object, vtable_of, AllocSpec};
use crate::object::{Kind, PyPayload, PyRef};
use crate::objects::dict::DictData;
use crate::objects::function::{GetSetDescrData, Getter, InlineMethod, MethodDescrData, MethodKind, Setter};
use crate::objects::int::{IntData, IntValue};
use crate::objects::misc::ObjectData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::objects::typeobject::{type_flags, NativeNew, TypeData};
use crate::sync::PyCell;
use crate::vm::NativeFn;
use std::cell::{Cell, RefCell};

/// A method of a built-in type, as declared in the per-type tables.
pub struct MethodDef {
    pub name: &'static str,
    pub func: NativeFn,
    pub kind: MethodKind,
}

pub const fn method(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef { name, func, kind: MethodKind::Instance }
}
pub const fn classmethod(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef { name, func, kind: MethodKind::Class }
}
pub const fn staticmethod(name: &'static str, func: NativeFn) -> MethodDef {
    MethodDef { name, func, kind: MethodKind::Static }
}

/// A native attribute declaration.
pub struct GetSetDef {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
}

pub const fn getset(name: &'static str, get: Getter, set: Option<Setter>) -> GetSetDef {
    GetSetDef { name, get, set }
}

macro_rules! type_registry {
    ($($field:ident),* $(,)?) => {
        /// The built-in types of one interpreter.
        pub struct Types { $(pub $field: PyRef,)* }
        impl Types {
            /// Every registered type.
            pub fn all(&self) -> Vec<PyRef> {
                vec![$(self.$field.clone(),)*]
            }
        }
    };
}

type_registry!(
    type_, object, int, bool_, float, complex, str, bytes, bytearray, list, tuple, dict, set,
    frozenset, range, slice, function, builtin_function, method_descriptor,
    classmethod_descriptor, getset_descriptor, member_descriptor, bound_method, code, cell,
    module, none, not_implemented, ellipsis, property, staticmethod, classmethod, super_,
    traceback, generator, list_iterator, list_reverseiterator, tuple_iterator, range_iterator,
    str_iterator, dict_keyiterator, dict_valueiterator, dict_itemiterator, set_iterator,
    callable_iterator, seq_iterator, reversed, enumerate, zip, map, filter, dict_keys,
    dict_values, dict_items, frame, mappingproxy, simple_namespace, weakref, object_wrapper,
);

/// Singletons and caches.
pub struct Consts {
    pub none: PyRef,
    pub true_: PyRef,
    pub false_: PyRef,
    pub not_implemented: PyRef,
    pub ellipsis: PyRef,
    pub empty_tuple: PyRef,
    pub empty_str: PyRef,
    /// The value-stack NULL (CPython pushes a real NULL; pyglass pushes this immortal
    /// marker, never visible to Python code).
    pub null: PyRef,
    /// -5 ..= 256, immortal (CPython's small int cache). A fixed-size array, so an
    /// index already range-checked against the bounds needs no second check.
    pub small_ints: Box<[PyRef; SMALL_INT_COUNT]>,
}

pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;
const SMALL_INT_COUNT: usize = (SMALL_INT_MAX - SMALL_INT_MIN + 1) as usize;

pub struct Context {
    pub types: Types,
    pub consts: Consts,
    /// Exception classes by name (the built-in hierarchy), see `exceptions.rs`.
    pub exc: crate::vm::exceptions::ExcTypes,
    interned: RefCell<ahash::AHashMap<Box<str>, PyRef>>,
    /// Bumped whenever any type's attributes change: attribute caches keyed by a type's
    /// version also check it, since a change to a base does not touch the subclass.
    pub type_epoch: Cell<u64>,
    /// Source of type versions: every heap type and every change gets a fresh one, so a
    /// version names one type in one state (never reused, unlike addresses).
    pub next_type_version: Cell<u64>,
    /// `sys.modules`.
    pub modules: PyRef,
    /// The `builtins` module's dict.
    pub builtins: PyRef,
    /// `sys` module, created at start-up.
    pub sys: RefCell<Option<PyRef>>,
    /// Source text of compiled files for traceback lines (CPython's linecache).
    pub sources: RefCell<ahash::AHashMap<String, std::rc::Rc<str>>>,
    pub recursion_limit: Cell<u32>,
    /// Objects made immortal at start-up that the interpreter owns and frees at teardown.
    pub(crate) owned_immortals: RefCell<Vec<PyRef>>,
    pub config: crate::Config,
    /// Strings printed by print() etc. go here before reaching fd 1.
    pub stdout: RefCell<crate::vm::frame::OutBuf>,
    /// The cycle collector's generations, counts and settings (`vm/gc.rs`).
    pub gc: crate::vm::gc::GcState,
    /// Weak references: referent address -> (weakref object address, payload address).
    pub weakrefs: RefCell<ahash::AHashMap<usize, Vec<(usize, usize)>>>,
    /// Blocks of dead floats kept for reuse (`object/freelist.rs`); released when the
    /// context is dropped.
    pub float_freelist: crate::object::freelist::FreeList<crate::objects::float::FloatData>,
    /// The same for ints (CPython 3.14 has one too).
    pub int_freelist: crate::object::freelist::FreeList<IntData>,
}

/// The data of a built-in (static, immutable) type whose instances have the payload of
/// `vt`, with `base` as its single base.
fn static_type_data(name: &str, dict: PyRef, vt: &'static crate::object::VTable, base: Option<PyRef>, flags: u32) -> TypeData {
    let mut mro = Vec::new();
    if let Some(b) = &base {
        mro.push(b.clone());
        mro.extend(b.downcast::<TypeData>().map(|t| t.mro.borrow().clone()).unwrap_or_default());
    }
    TypeData {
        name: PyCell::new(name.to_string()),
        qualname: PyCell::new(name.to_string()),
        bases: PyCell::new(base.iter().cloned().collect()),
        base: PyCell::new(base),
        mro: PyCell::new(mro),
        dict,
        flags: Cell::new(flags | type_flags::IMMUTABLETYPE),
        vtable: vt,
        instance_kind: vt.kind,
        nslots: Cell::new(0),
        inline_base: crate::objects::typeobject::inline_base(vt, 0),
        native_new: Cell::new(None),
        version: Cell::new(0),
        shared_keys: PyCell::new(Vec::new()),
        lookup_cache: crate::objects::typeobject::LookupCache::new(),
        init_cache: Default::default(),
    }
}

/// Allocate an object whose type pointer is patched later (bootstrap only).
fn alloc_boot<T: PyPayload>(payload: T) -> PyRef {
    crate::object::core::alloc_typeless(payload).unwrap_or_else(|| oom())
}

#[cold]
pub(crate) fn oom() -> ! {
    std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u8; 64]>())
}

impl Context {
    /// Build a fresh interpreter state with every built-in type.
    pub fn new(config: crate::Config) -> Context {
        // --- Bootstrap: `type`, `object`, `dict` and the dicts of those three. ---
        // These six objects are first created with a null type pointer, then re-pointed
        // once the real types exist. Nothing reads a type in between.
        let mk_dict = || alloc_boot(DictData::new());
        let d_type = mk_dict();
        let d_object = mk_dict();
        let d_dict = mk_dict();
        let mk_type = |name: &str, dict: PyRef, kind_vt: &'static crate::object::VTable, base: Option<PyRef>, flags: u32| {
            alloc_boot(static_type_data(name, dict, kind_vt, base, flags))
        };
        let object_t = mk_type("object", d_object, vtable_of::<ObjectData>(), None, type_flags::BASETYPE);
        let type_t = mk_type("type", d_type, vtable_of::<TypeData>(), Some(object_t.clone()), type_flags::BASETYPE | type_flags::WEAKREFABLE);
        let dict_t = mk_type("dict", d_dict, vtable_of::<DictData>(), Some(object_t.clone()), type_flags::BASETYPE);
        for t in [&object_t, &type_t, &dict_t] {
            crate::object::core::set_type_raw(t, &type_t);
            t.header().make_immortal();
            crate::object::core::set_type_raw(&t.downcast::<TypeData>().unwrap().dict, &dict_t);
        }

        let new_type = |name: &str, vt: &'static crate::object::VTable, base: &PyRef, flags: u32| -> PyRef {
            let dict = alloc_object(AllocSpec { typ: &dict_t, managed_dict: false, owns_type: false }, DictData::new(), 0).unwrap_or_else(|| oom());
            let t = mk_type(name, dict, vt, Some(base.clone()), flags);
            crate::object::core::set_type_raw(&t, &type_t);
            t.header().make_immortal();
            t
        };
        use crate::objects::exception::{ExceptionData, TracebackData};
        use crate::objects::float::FloatData;
        use crate::objects::function::*;
        use crate::objects::list::ListData;
        use crate::objects::misc::*;
        let o = &object_t;
        let b = type_flags::BASETYPE;
        let int_t = new_type("int", vtable_of::<IntData>(), o, b);
        let str_t = new_type("str", vtable_of::<StrData>(), o, b);
        let tuple_t = new_type("tuple", vtable_of::<TupleData>(), o, b);
        let iter_vt = vtable_of::<IterData>();
        let types = Types {
            bool_: new_type("bool", vtable_of::<IntData>(), &int_t, 0),
            float: new_type("float", vtable_of::<FloatData>(), o, b),
            complex: new_type("complex", vtable_of::<FloatData>(), o, b),
            bytes: new_type("bytes", vtable_of::<BytesData>(), o, b),
            bytearray: new_type("bytearray", vtable_of::<ByteArrayData>(), o, b),
            list: new_type("list", vtable_of::<ListData>(), o, b),
            set: new_type("set", vtable_of::<crate::objects::set::SetData>(), o, b | type_flags::WEAKREFABLE),
            frozenset: new_type("frozenset", vtable_of::<crate::objects::set::SetData>(), o, b | type_flags::WEAKREFABLE),
            range: new_type("range", vtable_of::<RangeData>(), o, 0),
            slice: new_type("slice", vtable_of::<SliceData>(), o, 0),
            function: new_type("function", vtable_of::<FunctionData>(), o, type_flags::WEAKREFABLE),
            builtin_function: new_type("builtin_function_or_method", vtable_of::<BuiltinFunctionData>(), o, type_flags::WEAKREFABLE),
            method_descriptor: new_type("method_descriptor", vtable_of::<MethodDescrData>(), o, 0),
            classmethod_descriptor: new_type("classmethod_descriptor", vtable_of::<MethodDescrData>(), o, 0),
            getset_descriptor: new_type("getset_descriptor", vtable_of::<GetSetDescrData>(), o, 0),
            member_descriptor: new_type("member_descriptor", vtable_of::<MemberDescrData>(), o, 0),
            bound_method: new_type("method", vtable_of::<BoundMethodData>(), o, type_flags::WEAKREFABLE),
            code: new_type("code", vtable_of::<CodeData>(), o, 0),
            cell: new_type("cell", vtable_of::<CellData>(), o, 0),
            module: new_type("module", vtable_of::<ModuleData>(), o, b | type_flags::WEAKREFABLE),
            none: new_type("NoneType", vtable_of::<ObjectData>(), o, 0),
            not_implemented: new_type("NotImplementedType", vtable_of::<ObjectData>(), o, 0),
            ellipsis: new_type("ellipsis", vtable_of::<ObjectData>(), o, 0),
            property: new_type("property", vtable_of::<PropertyData>(), o, b),
            staticmethod: new_type("staticmethod", vtable_of::<StaticMethodData>(), o, b),
            classmethod: new_type("classmethod", vtable_of::<ClassMethodData>(), o, b),
            super_: new_type("super", vtable_of::<SuperData>(), o, b),
            traceback: new_type("traceback", vtable_of::<TracebackData>(), o, 0),
            generator: new_type("generator", vtable_of::<crate::objects::generator::GeneratorData>(), o, type_flags::WEAKREFABLE),
            list_iterator: new_type("list_iterator", iter_vt, o, 0),
            list_reverseiterator: new_type("list_reverseiterator", iter_vt, o, 0),
            tuple_iterator: new_type("tuple_iterator", iter_vt, o, 0),
            range_iterator: new_type("range_iterator", iter_vt, o, 0),
            str_iterator: new_type("str_ascii_iterator", iter_vt, o, 0),
            dict_keyiterator: new_type("dict_keyiterator", iter_vt, o, 0),
            dict_valueiterator: new_type("dict_valueiterator", iter_vt, o, 0),
            dict_itemiterator: new_type("dict_itemiterator", iter_vt, o, 0),
            set_iterator: new_type("set_iterator", iter_vt, o, 0),
            callable_iterator: new_type("callable_iterator", iter_vt, o, 0),
            seq_iterator: new_type("iterator", iter_vt, o, 0),
            reversed: new_type("reversed", iter_vt, o, b),
            enumerate: new_type("enumerate", iter_vt, o, b),
            zip: new_type("zip", iter_vt, o, b),
            map: new_type("map", iter_vt, o, b),
            filter: new_type("filter", iter_vt, o, b),
            dict_keys: new_type("dict_keys", vtable_of::<DictViewData>(), o, 0),
            dict_values: new_type("dict_values", vtable_of::<DictViewData>(), o, 0),
            dict_items: new_type("dict_items", vtable_of::<DictViewData>(), o, 0),
            frame: new_type("frame", vtable_of::<ObjectData>(), o, 0),
            mappingproxy: new_type("mappingproxy", vtable_of::<DictViewData>(), o, 0),
            simple_namespace: new_type("SimpleNamespace", vtable_of::<ObjectData>(), o, b | type_flags::MANAGED_DICT),
            weakref: new_type("ReferenceType", vtable_of::<crate::object::weakref::WeakRefData>(), o, b),
            object_wrapper: new_type("wrapper_descriptor", vtable_of::<MethodDescrData>(), o, 0),
            type_: type_t.clone(),
            object: object_t.clone(),
            int: int_t,
            str: str_t,
            tuple: tuple_t,
            dict: dict_t.clone(),
        };
        let _ = (ExceptionData::KIND, Kind::Object);

        // --- Singletons ---
        let immortal = |r: PyRef| {
            r.header().make_immortal();
            r
        };
        let plain = |t: &PyRef| immortal(alloc_object(AllocSpec { typ: t, managed_dict: false, owns_type: false }, ObjectData, 0).unwrap_or_else(|| oom()));
        let int_obj = |t: &PyRef, v: i64| immortal(alloc_object(AllocSpec { typ: t, managed_dict: false, owns_type: false }, IntData(IntValue::Small(v)), 0).unwrap_or_else(|| oom()));
        let consts = Consts {
            none: plain(&types.none),
            not_implemented: plain(&types.not_implemented),
            ellipsis: plain(&types.ellipsis),
            true_: int_obj(&types.bool_, 1),
            false_: int_obj(&types.bool_, 0),
            null: plain(&types.object),
            empty_tuple: immortal(alloc_object(AllocSpec { typ: &types.tuple, managed_dict: false, owns_type: false }, TupleData::with_len(0), 0).unwrap_or_else(|| oom())),
            empty_str: immortal(alloc_object(AllocSpec { typ: &types.str, managed_dict: false, owns_type: false }, StrData::new(""), 0).unwrap_or_else(|| oom())),
            small_ints: Box::new(std::array::from_fn(|i| int_obj(&types.int, SMALL_INT_MIN + i as i64))),
        };
        let exc = crate::vm::exceptions::ExcTypes::new(&types, &new_type);
        let mk_dict = || alloc_object(AllocSpec { typ: &types.dict, managed_dict: false, owns_type: false }, DictData::new(), 0).unwrap_or_else(|| oom());
        let modules = mk_dict();
        let builtins = mk_dict();
        let mk_list = || alloc_object(AllocSpec { typ: &types.list, managed_dict: false, owns_type: false }, crate::objects::list::ListData::new(Vec::new()), 0).unwrap_or_else(|| oom());
        let stress = config.xoptions.iter().any(|x| x == "gcstress") || std::env::var_os("PYGLASS_GC_STRESS").is_some_and(|v| !v.is_empty() && v != "0");
        let gc = crate::vm::gc::GcState::new(mk_list(), mk_list(), stress);
        let ctx = Context {
            gc,
            types,
            consts,
            exc,
            interned: RefCell::new(ahash::AHashMap::new()),
            type_epoch: Cell::new(0),
            next_type_version: Cell::new(1),
            modules,
            builtins,
            sys: RefCell::new(None),
            sources: RefCell::new(ahash::AHashMap::new()),
            recursion_limit: Cell::new(1000),
            owned_immortals: RefCell::new(Vec::new()),
            config,
            stdout: RefCell::new(crate::vm::frame::OutBuf::default()),
            weakrefs: RefCell::new(ahash::AHashMap::new()),
            float_freelist: crate::object::freelist::FreeList::new(),
            int_freelist: crate::object::freelist::FreeList::new(),
        };
        crate::builtins::types_init::init_builtin_types(&ctx);
        ctx
    }

    /// Leak-check teardown: every immortal object this interpreter created, as
    /// `(non-types, types)`. The types come last-to-free ordered: `object`, `type` and
    /// `dict` at the end (see `object::core::free_static_types`).
    pub(crate) fn immortal_objects(&self) -> (Vec<PyRef>, Vec<PyRef>) {
        let c = &self.consts;
        let mut others: Vec<PyRef> = vec![c.none.clone(), c.true_.clone(), c.false_.clone(), c.not_implemented.clone(), c.ellipsis.clone(), c.empty_tuple.clone(), c.empty_str.clone(), c.null.clone()];
        others.extend(c.small_ints.iter().cloned());
        others.extend(self.interned.borrow().values().cloned());
        let last = [&self.types.object, &self.types.type_, &self.types.dict];
        let mut types: Vec<PyRef> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let owned: Vec<PyRef> = self.owned_immortals.borrow().clone();
        let all = self.types.all().into_iter().chain(self.exc.all.iter().map(|(_, t)| t.clone())).chain(owned);
        for t in all {
            if last.iter().any(|l| l.is(&t)) || !seen.insert(t.addr()) {
                continue;
            }
            types.push(t);
        }
        types.extend(last.iter().map(|t| (*t).clone()));
        (others, types)
    }

    /// A fresh type version (see `next_type_version`).
    pub fn new_type_version(&self) -> u64 {
        let v = self.next_type_version.get();
        self.next_type_version.set(v + 1);
        v
    }

    /// Record that `td`'s attributes changed: new version, and every cache revalidates.
    pub fn type_modified(&self, td: &crate::objects::typeobject::TypeData) {
        td.version.set(self.new_type_version());
        self.type_epoch.set(self.type_epoch.get() + 1);
    }

    /// The interned str object for `s` (immortal, like CPython 3.12+'s interned strings).
    pub fn intern(&self, s: &str) -> PyRef {
        if let Some(r) = self.interned.borrow().get(s) {
            return r.clone();
        }
        let r = self.new_str_obj(s);
        if let Some(d) = r.downcast::<StrData>() {
            d.interned.set(true);
        }
        r.header().make_immortal();
        self.interned.borrow_mut().insert(s.into(), r.clone());
        r
    }

    /// Intern an existing str object (`sys.intern`): returns the canonical object.
    pub fn intern_obj(&self, s: &PyRef) -> PyRef {
        let Some(d) = s.downcast::<StrData>() else { return s.clone() };
        if let Some(r) = self.interned.borrow().get(d.as_str()) {
            return r.clone();
        }
        d.interned.set(true);
        self.interned.borrow_mut().insert(d.as_str().into(), s.clone());
        s.clone()
    }

    #[inline]
    pub fn alloc<T: PyPayload>(&self, typ: &PyRef, payload: T) -> PyRef {
        alloc_fixed(typ, payload).unwrap_or_else(|| oom())
    }

    fn new_str_obj(&self, s: &str) -> PyRef {
        self.alloc(&self.types.str, StrData::new(s))
    }

    #[inline]
    pub fn none(&self) -> PyRef {
        self.consts.none.clone()
    }

    #[inline]
    pub fn bool_obj(&self, b: bool) -> PyRef {
        if b {
            self.consts.true_.clone()
        } else {
            self.consts.false_.clone()
        }
    }

    #[inline(always)]
    pub fn new_int(&self, v: i64) -> PyRef {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v) {
            return self.consts.small_ints[(v - SMALL_INT_MIN) as usize].clone_immortal();
        }
        self.new_int_obj(IntData(IntValue::Small(v)))
    }

    pub fn new_int_value(&self, v: IntValue) -> PyRef {
        match v {
            IntValue::Small(i) => self.new_int(i),
            big => self.new_int_obj(IntData(big)),
        }
    }

    #[inline(always)]
    fn new_int_obj(&self, d: IntData) -> PyRef {
        match self.int_freelist.alloc(&self.types.int, d) {
            Ok(r) => r,
            Err(d) => self.alloc(&self.types.int, d),
        }
    }

    #[inline(always)]
    pub fn new_float(&self, v: f64) -> PyRef {
        match self.float_freelist.alloc(&self.types.float, crate::objects::float::FloatData(v)) {
            Ok(r) => r,
            Err(payload) => self.alloc(&self.types.float, payload),
        }
    }

    pub fn new_str(&self, s: &str) -> PyRef {
        if s.is_empty() {
            return self.consts.empty_str.clone();
        }
        if s.len() == 1 && s.is_ascii() {
            // CPython caches one-character Latin-1 strings.
            return self.intern(s);
        }
        self.new_str_obj(s)
    }

    pub fn new_string(&self, s: String) -> PyRef {
        if s.len() <= 1 {
            return self.new_str(&s);
        }
        self.alloc(&self.types.str, StrData::new(s))
    }

    pub fn new_list(&self, items: Vec<PyRef>) -> PyRef {
        self.alloc(&self.types.list, crate::objects::list::ListData::new(items))
    }

    /// A list adopting an item array (its capacity trimmed to its length).
    pub fn new_list_items(&self, items: crate::objects::list::ItemVec) -> PyRef {
        self.alloc(&self.types.list, crate::objects::list::ListData::from_items(items))
    }

    /// A tuple; `None` when the size cannot be allocated.
    pub fn try_new_tuple(&self, items: impl ExactSizeIterator<Item = PyRef>) -> Option<PyRef> {
        let n = items.len();
        if n == 0 {
            return Some(self.consts.empty_tuple.clone());
        }
        let t = self.alloc_tuple_slots(n)?;
        crate::objects::tuple::init_items(&t, items);
        Some(t)
    }

    /// A tuple of `n > 0` empty slots, for the caller to fill before anything else sees
    /// it (`BUILD_TUPLE` moves its items in with `tuple::init_items_from_stack`, which
    /// stays inline in the eval loop: handing the loop's value stack to a function that is
    /// not inlined costs the whole loop its registers). `None` if memory ran out.
    #[inline(never)]
    pub(crate) fn alloc_tuple_slots(&self, n: usize) -> Option<PyRef> {
        alloc_object(AllocSpec { typ: &self.types.tuple, managed_dict: false, owns_type: false }, TupleData::with_len(n), n)
    }

    pub fn new_tuple(&self, items: Vec<PyRef>) -> PyRef {
        self.try_new_tuple(items.into_iter()).unwrap_or_else(|| oom())
    }

    pub fn new_tuple_from(&self, items: &[PyRef]) -> PyRef {
        self.try_new_tuple(items.iter().cloned()).unwrap_or_else(|| oom())
    }

    pub fn new_dict(&self) -> PyRef {
        self.alloc(&self.types.dict, DictData::new())
    }

    /// Add native methods to a built-in type's dict.
    pub fn add_methods(&self, typ: &PyRef, defs: &[MethodDef]) {
        let td = typ.downcast::<TypeData>().expect("a type");
        for d in defs {
            let descr_type = match d.kind {
                MethodKind::Class => &self.types.classmethod_descriptor,
                _ => &self.types.method_descriptor,
            };
            let inline = if typ.is(&self.types.list) && d.name == "append" && d.kind == MethodKind::Instance { InlineMethod::ListAppend } else { InlineMethod::None };
            let descr = self.alloc(descr_type, MethodDescrData { name: d.name, func: d.func, owner: typ.clone(), kind: d.kind, doc: None, inline });
            td.dict().set_str_key(self.intern(d.name), descr);
        }
    }

    pub fn add_getsets(&self, typ: &PyRef, defs: &[GetSetDef]) {
        let td = typ.downcast::<TypeData>().expect("a type");
        for d in defs {
            let descr = self.alloc(&self.types.getset_descriptor, GetSetDescrData { name: d.name, get: d.get, set: d.set, owner: typ.clone() });
            td.dict().set_str_key(self.intern(d.name), descr);
        }
    }

    /// A new static (non-heap) type with no payload of its own, e.g. `sys.stdout`'s type.
    pub fn new_builtin_type(&self, name: &str, base: &PyRef) -> PyRef {
        let t = alloc_object(
            AllocSpec { typ: &self.types.type_, managed_dict: false, owns_type: false },
            static_type_data(name, self.new_dict(), vtable_of::<ObjectData>(), Some(base.clone()), 0),
            0,
        )
        .unwrap_or_else(|| oom());
        t.header().make_immortal();
        self.owned_immortals.borrow_mut().push(t.clone());
        t
    }

    pub fn set_native_new(&self, typ: &PyRef, f: NativeNew) {
        if let Some(td) = typ.downcast::<TypeData>() {
            td.native_new.set(Some(f));
        }
    }

    /// Store an attribute in a type's dict.
    pub fn set_type_attr(&self, typ: &PyRef, name: &str, value: PyRef) {
        if let Some(td) = typ.downcast::<TypeData>() {
            td.dict().set_str_key(self.intern(name), value);
        }
    }
}
