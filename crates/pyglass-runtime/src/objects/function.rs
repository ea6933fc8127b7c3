//! Functions and the objects around calling them (CPython `Objects/funcobject.c`,
//! `methodobject.c`, `descrobject.c`, `classobject.c`, `codeobject.c`, `cellobject.c`).

use crate::object::{Kind, PyPayload, PyRef};
use crate::sync::PyCell;
use crate::vm::NativeFn;
use pyglass_bytecode::CodeObject;
use std::rc::Rc;

/// A code object as the VM runs it: the compiler's code plus its constants and names as
/// Python objects (constants deduplicated per code object, names interned).
pub struct CodeData {
    pub code: Rc<CodeObject>,
    /// The instructions the eval loop runs: `code.instructions` quickened (same length and
    /// indices; see `pyglass_bytecode::quicken`).
    pub instrs: Box<[pyglass_bytecode::Instr]>,
    pub consts: Vec<PyRef>,
    pub names: Vec<PyRef>,
    /// `localsplus` names as interned str objects (keyword-argument matching).
    pub varnames: Vec<PyRef>,
    pub filename: PyRef,
    pub name: PyRef,
    pub qualname: PyRef,
    /// Index of the first free-variable slot.
    pub free_start: usize,
    /// Slots that need MAKE_CELL at entry are handled by bytecode; this caches whether the
    /// code has any cells or frees (fast-path calls skip checks when false).
    pub has_cells: bool,
    /// The fast slot holding the `__class__` cell (methods using zero-argument `super()`).
    pub class_cell_slot: Option<usize>,
    /// The number of arguments a call must pass, all positional, to fill the parameters
    /// exactly (no generator, no `*args`, `**kwargs` or keyword-only parameters); `usize::MAX`
    /// when the code is not that simple. With the next two, what the calls' fast paths
    /// test, read without going through `code`.
    pub exact_args: usize,
    /// `code.nlocalsplus()`.
    pub nlocalsplus: usize,
    /// `code.stacksize`.
    pub stacksize: usize,
    /// The attribute stores of an `__init__` that only stores parameters and constants
    /// (`pyglass_bytecode::frameless`), which `cls(...)` may make without a frame.
    pub init_stores: Option<Box<[pyglass_bytecode::frameless::InitStore]>>,
    /// Those stores resolved for the type last seen (see [`InitStoresCache`]).
    pub init_store_slots: std::cell::Cell<InitStoresCache>,
    /// One LOAD_GLOBAL cache entry per name (see `vm/eval.rs::load_global`).
    pub global_cache: Box<[std::cell::Cell<GlobalCache>]>,
    /// One LOAD_ATTR/STORE_ATTR cache entry per name (see `vm/attr_cache.rs`).
    pub attr_cache: Box<[[std::cell::Cell<AttrCache>; ATTR_CACHE_WAYS]]>,
    /// One LOAD_METHOD entry per name for instances of built-in types (see
    /// `Vm::load_method_static`).
    pub static_methods: Box<[StaticMethodCache]>,
}

/// A frameless `__init__`'s stores (`CodeData::init_stores`) resolved for one type, so that
/// `Vm::init_without_frame` does not look each name up again: `slots[k]` is the inline-value
/// slot store `k` writes in instances of the type with version `type_version`, valid while
/// the context's type epoch is `epoch` (as an [`AttrCache`] entry is) and for calls with
/// `nargs` arguments after `self` (whose presence was checked when the entry was made); an
/// instance needs room for `needed` inline values. `type_version == 0`: empty.
#[derive(Clone, Copy)]
pub struct InitStoresCache {
    pub type_version: u64,
    pub epoch: u64,
    pub nargs: usize,
    pub needed: usize,
    pub slots: [u8; pyglass_bytecode::frameless::MAX_INIT_STORES],
}

impl InitStoresCache {
    pub const EMPTY: InitStoresCache = InitStoresCache { type_version: 0, epoch: 0, nargs: 0, needed: 0, slots: [0; pyglass_bytecode::frameless::MAX_INIT_STORES] };
}

/// LOAD_METHOD of a built-in method on an instance of a built-in type (CPython's
/// `LOAD_ATTR_METHOD_NO_DICT`): the type's address and the method descriptor found. Such
/// a type is immortal and immutable, so its address names it for the interpreter's life
/// and the descriptor can never change; the entry holds a reference to it.
#[derive(Default)]
pub struct StaticMethodCache {
    pub type_addr: std::cell::Cell<usize>,
    pub method: std::cell::Cell<Option<PyRef>>,
}

/// Where an instance attribute was last found: the inline-value index in instances of the
/// type with version `type_version` (a version names one type in one state), valid while
/// the context's type epoch is `epoch` (no type changed since). `type_version == 0`: empty.
/// `index == NOT_INLINE`: in instances of that type the name is not a plain inline value
/// (a method, a class attribute, a descriptor...), so the generic path runs at once.
/// `load`: whether a load may use the entry (no `__getattribute__` hook on the type);
/// `load_slot`/`store_slot` say whether a load / a store may read or write the value
/// directly (a store needs no `__setattr__` hook).
///
#[derive(Clone, Copy, Debug)]
pub struct AttrCache {
    pub type_version: u64,
    pub epoch: u64,
    pub index: usize,
    pub load: bool,
    /// `index` when loads may read the inline value directly (`load` and an inline name),
    /// else `NO_SLOT`, which no capacity exceeds: the hit paths test it against the
    /// instance's capacity alone.
    pub load_slot: u8,
    /// As `load_slot`, for stores (no `__setattr__` hook and an inline name).
    pub store_slot: u8,
    /// How many shared keys the type had when the entry was made: while it still has that
    /// many, a `NOT_INLINE` name is not a key, so an instance without a materialized dict
    /// cannot hold it (LOAD_METHOD skips the instance).
    pub nkeys: u32,
}

const _: () = assert!(std::mem::size_of::<AttrCache>() == 32);
const _: () = assert!(crate::object::core::MAX_INLINE_VALUES < AttrCache::NO_SLOT as usize);

impl AttrCache {
    pub const EMPTY: AttrCache = AttrCache { type_version: 0, epoch: 0, index: 0, load: false, load_slot: Self::NO_SLOT, store_slot: Self::NO_SLOT, nkeys: 0 };
    pub const NOT_INLINE: usize = usize::MAX;
    /// `load_slot`/`store_slot` of an entry that does not allow the direct access.
    pub const NO_SLOT: u8 = u8::MAX;
}

/// Entries per name: a site that sees instances of a few classes (subclasses sharing a
/// method, CPython's polymorphic sites) keeps one entry per class.
pub const ATTR_CACHE_WAYS: usize = 4;

/// Where a global name was last found: the globals dict (identified by address) and the
/// keys versions that keep the cached entry position valid. `pos == usize::MAX`: empty.
#[derive(Clone, Copy, Debug)]
pub struct GlobalCache {
    pub globals: usize,
    pub globals_version: u64,
    pub builtins_version: u64,
    pub in_builtins: bool,
    pub pos: usize,
}

impl GlobalCache {
    pub const EMPTY: GlobalCache = GlobalCache { globals: 0, globals_version: 0, builtins_version: 0, in_builtins: false, pos: usize::MAX };
}

// SAFETY: Kind::Code is used by no other payload type.
unsafe impl PyPayload for CodeData {
    const KIND: Kind = Kind::Code;
}

pub struct FunctionData {
    pub code: PyRef,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: PyCell<PyRef>,
    pub qualname: PyCell<PyRef>,
    pub defaults: PyCell<Option<PyRef>>,
    pub kwdefaults: PyCell<Option<PyRef>>,
    pub closure: PyCell<Option<PyRef>>,
    pub annotations: PyCell<Option<PyRef>>,
    pub doc: PyCell<Option<PyRef>>,
    pub module: PyCell<Option<PyRef>>,
    pub dict: PyCell<Option<PyRef>>,
}

// SAFETY: Kind::Function is used by no other payload type.
unsafe impl PyPayload for FunctionData {
    const KIND: Kind = Kind::Function;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.code);
        visit(&self.globals);
        visit(&self.builtins);
        for cell in [&self.defaults, &self.kwdefaults, &self.closure, &self.annotations, &self.doc, &self.module, &self.dict] {
            if let Some(b) = cell.try_borrow() {
                if let Some(r) = b.as_ref() {
                    visit(r);
                }
            }
        }
    }
    fn clear(&self) {
        for cell in [&self.defaults, &self.kwdefaults, &self.closure, &self.annotations, &self.doc, &self.module, &self.dict] {
            drop(cell.take());
        }
    }
}

impl FunctionData {
    pub fn code_data(&self) -> &CodeData {
        // The code field is set at construction from a code object and never reassigned.
        self.code.downcast::<CodeData>().expect("function code is a code object")
    }
}

/// A cell (closure variable).
pub struct CellData(pub PyCell<Option<PyRef>>);

// SAFETY: Kind::Cell is used by no other payload type.
unsafe impl PyPayload for CellData {
    const KIND: Kind = Kind::Cell;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(b) = self.0.try_borrow() {
            if let Some(r) = b.as_ref() {
                visit(r);
            }
        }
    }
    fn clear(&self) {
        drop(self.0.take());
    }
}

/// A function implemented in Rust (`builtin_function_or_method`), optionally bound to
/// `self` (a bound built-in method such as `[].append`).
pub struct BuiltinFunctionData {
    pub name: &'static str,
    pub func: NativeFn,
    pub self_: Option<PyRef>,
    /// Module name for free functions (`builtins`, `math`...); for bound methods the owner
    /// type's name is taken from `self_`.
    pub module: Option<&'static str>,
    pub doc: Option<&'static str>,
    /// A built-in the VM answers without calling `func` for the usual arguments (see
    /// `Vm::call_native_fast`).
    pub inline: InlineBuiltin,
}

/// Built-in functions the eval loop runs directly (CPython's `CALL_LEN`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InlineBuiltin {
    None,
    /// `builtins.len`.
    Len,
}

// SAFETY: Kind::BuiltinFunction is used by no other payload type.
unsafe impl PyPayload for BuiltinFunctionData {
    const KIND: Kind = Kind::BuiltinFunction;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(s) = &self.self_ {
            visit(s);
        }
    }
}

/// How a method defined in Rust binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method (`method_descriptor`): `args[0]` is self.
    Instance,
    /// A class method (`classmethod_descriptor`): `args[0]` is the class.
    Class,
    /// A static method: no implicit argument.
    Static,
}

/// A method of a built-in type, stored in the type's dict (`method_descriptor`,
/// `wrapper_descriptor` for dunders).
pub struct MethodDescrData {
    pub name: &'static str,
    pub func: NativeFn,
    pub owner: PyRef,
    pub kind: MethodKind,
    pub doc: Option<&'static str>,
    /// A method the VM runs without calling `func` (CPython's callable cache behind
    /// `CALL_LIST_APPEND`), when the receiver is exactly of type `owner`.
    pub inline: InlineMethod,
}

/// Built-in methods the VM runs directly (see `Vm::call_native_fast`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum InlineMethod {
    None,
    /// `list.append`.
    ListAppend,
}

// SAFETY: Kind::MethodDescriptor is used by no other payload type.
unsafe impl PyPayload for MethodDescrData {
    const KIND: Kind = Kind::MethodDescriptor;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.owner);
    }
}

/// A Python function bound to an instance (`method`).
pub struct BoundMethodData {
    pub func: PyRef,
    pub self_: PyRef,
}

// SAFETY: Kind::BoundMethod is used by no other payload type.
unsafe impl PyPayload for BoundMethodData {
    const KIND: Kind = Kind::BoundMethod;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.func);
        visit(&self.self_);
    }
}

/// `staticmethod(f)` (`CLASS == false`) and `classmethod(f)` (`CLASS == true`): one
/// wrapper shape, two payload kinds.
pub struct FuncWrapperData<const CLASS: bool> {
    pub func: PyCell<Option<PyRef>>,
}

pub type StaticMethodData = FuncWrapperData<false>;
pub type ClassMethodData = FuncWrapperData<true>;

// SAFETY: the two instantiations get distinct kinds (StaticMethod, ClassMethod), used by no
// other payload type.
unsafe impl<const CLASS: bool> PyPayload for FuncWrapperData<CLASS> {
    const KIND: Kind = if CLASS { Kind::ClassMethod } else { Kind::StaticMethod };
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(b) = self.func.try_borrow() {
            if let Some(r) = b.as_ref() {
                visit(r);
            }
        }
    }
    fn clear(&self) {
        drop(self.func.take());
    }
}

/// `property(fget, fset, fdel, doc)`.
pub struct PropertyData {
    pub fget: PyCell<Option<PyRef>>,
    pub fset: PyCell<Option<PyRef>>,
    pub fdel: PyCell<Option<PyRef>>,
    pub doc: PyCell<Option<PyRef>>,
    /// The attribute name given by `__set_name__` (CPython 3.13's `prop_name`).
    pub name: PyCell<Option<PyRef>>,
}

// SAFETY: Kind::Property is used by no other payload type.
unsafe impl PyPayload for PropertyData {
    const KIND: Kind = Kind::Property;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        for c in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            if let Some(b) = c.try_borrow() {
                if let Some(r) = b.as_ref() {
                    visit(r);
                }
            }
        }
    }
    fn clear(&self) {
        for c in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            drop(c.take());
        }
    }
}

/// A `__slots__` member descriptor: reads and writes trailing slot `index` of instances of
/// `owner` (the class that declared the slot; `__objclass__`).
pub struct MemberDescrData {
    pub name: PyRef,
    pub index: usize,
    pub owner_name: String,
    /// The declaring class (a cycle class -> dict -> descriptor -> class, as in CPython).
    pub owner: PyCell<Option<PyRef>>,
}

// SAFETY: Kind::MemberDescriptor is used by no other payload type.
unsafe impl PyPayload for MemberDescrData {
    const KIND: Kind = Kind::MemberDescriptor;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(b) = self.owner.try_borrow() {
            if let Some(r) = b.as_ref() {
                visit(r);
            }
        }
    }
    fn clear(&self) {
        drop(self.owner.take());
    }
}

impl MemberDescrData {
    /// The declaring class, while it is alive.
    pub fn owner(&self) -> Option<PyRef> {
        self.owner.borrow().clone()
    }
}

/// Getter of a native attribute (`getset_descriptor`).
pub type Getter = fn(&crate::vm::Vm, &PyRef) -> crate::vm::PyResult;
/// Setter (value `None` means delete).
pub type Setter = fn(&crate::vm::Vm, &PyRef, Option<PyRef>) -> crate::vm::PyResult<()>;

/// A native attribute of a built-in type (`__name__` of functions, `args` of exceptions,
/// `__dict__`, `__class__`...).
pub struct GetSetDescrData {
    pub name: &'static str,
    pub get: Getter,
    pub set: Option<Setter>,
    pub owner: PyRef,
}

// SAFETY: Kind::GetSetDescriptor is used by no other payload type.
unsafe impl PyPayload for GetSetDescrData {
    const KIND: Kind = Kind::GetSetDescriptor;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        visit(&self.owner);
    }
}
