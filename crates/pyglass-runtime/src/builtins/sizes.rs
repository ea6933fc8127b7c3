//! Object sizes as CPython 3.13 reports them on 64-bit builds with the GIL.
//!
//! `sys.getsizeof(o)` is `type(o).__sizeof__(o)` plus the type's pre-header
//! (`_PyType_PreHeaderSize`: the 16-byte GC header for GC types, and 16 more for the
//! managed `__dict__`/weakref pointers of heap types that have them). The `__sizeof__`
//! methods below compute CPython's figures from each object's logical state: the list's
//! allocated capacity, the dict's keys-object geometry, the set's table size, the number
//! of 30-bit digits of an int, the kind of a string, the frame size of a generator.

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::int::IntData;
use crate::objects::list::ListData;
use crate::objects::set::SetData;
use crate::objects::str::StrData;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{type_data, type_flags};
use crate::vm::{Args, PyResult, Vm};

/// The nearest static (built-in) type in `t`'s base chain.
fn static_base(t: &PyRef) -> PyRef {
    let mut t = t.clone();
    loop {
        let td = type_data(&t);
        if !td.has_flag(type_flags::HEAPTYPE) {
            return t;
        }
        let b = td.base.borrow().clone();
        match b {
            Some(b) => t = b,
            None => return t,
        }
    }
}

/// `tp_basicsize` of the built-in type whose instances have payload `kind`.
fn kind_basicsize(vm: &Vm, t: &PyRef, kind: Kind) -> usize {
    match kind {
        Kind::Object => 16,
        Kind::Int | Kind::Float => 24,
        Kind::Complex => 32,
        Kind::Str => 64,
        Kind::Bytes => 33,
        Kind::ByteArray => 56,
        Kind::List => 40,
        Kind::Tuple => 24,
        Kind::Dict => 48,
        Kind::Set => 200,
        Kind::Range => 48,
        Kind::Slice => 40,
        Kind::Function => 144,
        Kind::BuiltinFunction => 56,
        Kind::BoundMethod => 48,
        Kind::Cell => 24,
        Kind::Module => 56,
        Kind::Exception => 72,
        Kind::Generator => 144,
        Kind::Property => 64,
        Kind::StaticMethod | Kind::ClassMethod => 32,
        Kind::WeakRef => 64,
        Kind::DictView | Kind::MappingProxy | Kind::Namespace => 24,
        Kind::Super => 40,
        Kind::Code => 200,
        Kind::Iterator => {
            let ty = &vm.ctx.types;
            if t.is(&ty.range_iterator) {
                40
            } else if t.is(&ty.zip) {
                48
            } else if t.is(&ty.enumerate) {
                56
            } else {
                32
            }
        }
        _ => 16,
    }
}

/// CPython's `tp_basicsize` of `t`: its built-in base's, plus 8 bytes per `__slots__`
/// entry (the `__dict__` and weakref pointers of heap types live in the pre-header).
pub fn basicsize(vm: &Vm, t: &PyRef) -> usize {
    let td = type_data(t);
    kind_basicsize(vm, &static_base(t), td.instance_kind) + 8 * td.nslots.get()
}

/// Whether instances of `t` carry CPython's GC header (`Py_TPFLAGS_HAVE_GC`): every heap
/// type, and the built-in container-like types.
pub fn is_gc_type(vm: &Vm, t: &PyRef) -> bool {
    let td = type_data(t);
    if td.has_flag(type_flags::HEAPTYPE) {
        return true;
    }
    match td.instance_kind {
        Kind::Iterator => !t.is(&vm.ctx.types.range_iterator),
        k => matches!(
            k,
            Kind::List
                | Kind::Tuple
                | Kind::Dict
                | Kind::Set
                | Kind::Slice
                | Kind::Function
                | Kind::BuiltinFunction
                | Kind::MethodDescriptor
                | Kind::BoundMethod
                | Kind::Cell
                | Kind::Module
                | Kind::Exception
                | Kind::Traceback
                | Kind::Generator
                | Kind::Property
                | Kind::StaticMethod
                | Kind::ClassMethod
                | Kind::Super
                | Kind::WeakRef
                | Kind::MemberDescriptor
                | Kind::GetSetDescriptor
                | Kind::DictView
                | Kind::Frame
                | Kind::MappingProxy
                | Kind::Namespace
                | Kind::Type
        ),
    }
}

/// CPython's `_PyType_PreHeaderSize`: what `sys.getsizeof` adds to `__sizeof__`.
pub fn preheader_size(vm: &Vm, t: &PyRef) -> usize {
    let td = type_data(t);
    let gc = if is_gc_type(vm, t) { 16 } else { 0 };
    let heap = td.has_flag(type_flags::HEAPTYPE);
    let managed_dict = td.has_flag(type_flags::MANAGED_DICT);
    // A weakref list added by a class statement is managed (in the pre-header); built-in
    // weakly referenceable types keep theirs in the object.
    let managed_weakref = td.has_flag(type_flags::WEAKREFABLE) && !type_data(&static_base(t)).has_flag(type_flags::WEAKREFABLE);
    gc + if heap && (managed_dict || managed_weakref) { 16 } else { 0 }
}

/// `object.__sizeof__`: `tp_basicsize + tp_itemsize * ob_size`.
pub fn object_sizeof(vm: &Vm, o: &PyRef) -> usize {
    let n = basicsize(vm, &o.class());
    match o.kind() {
        Kind::Tuple => n + 8 * tuple_items(o).len(),
        Kind::Bytes => n + crate::builtins::bytes::bytes_of(o).len(),
        // CPython 3.12+ ints keep `lv_tag` (digit count << 3 | sign) where `ob_size` was,
        // and object.__sizeof__ reads it as the item count (itemsize 4).
        Kind::Int => {
            let v = o.downcast::<IntData>().expect("kind checked").value();
            let digits = v.cpython_digits() as usize;
            let sign = if v.is_zero() {
                1
            } else if v.is_negative() {
                2
            } else {
                0
            };
            n + 4 * ((digits << 3) | sign)
        }
        _ => n,
    }
}

/// The size of a string's data as CPython stores it: (kind, whether it is compact ASCII).
fn str_sizeof(vm: &Vm, o: &PyRef) -> usize {
    let s = o.downcast::<StrData>().expect("kind checked");
    let n = s.char_len();
    let mx = s.max_char();
    let width = if mx < 0x100 {
        1
    } else if mx < 0x10000 {
        2
    } else {
        4
    };
    if !o.class().is(&vm.ctx.types.str) {
        // Instances of str subclasses are not compact: a PyUnicodeObject (the type's
        // basic size) plus a separate data buffer.
        return basicsize(vm, &o.class()) + (n + 1) * width;
    }
    if mx < 0x80 {
        return 40 + n + 1;
    }
    let mut size = 56 + (n + 1) * width;
    // The one-character Latin-1 strings are CPython's static singletons, created with
    // their UTF-8 form (2 bytes + NUL) cached.
    if n == 1 && mx < 0x100 {
        size += 3;
    }
    size
}

/// Bytes of CPython's `PyDictKeysObject` for a table of `slots` index slots whose keys
/// are all exact str (`unicode`, 16-byte entries) or not (24-byte entries).
pub fn dict_keys_size(slots: usize, unicode: bool) -> usize {
    let log2 = slots.trailing_zeros();
    let index_bytes = if log2 < 8 {
        1
    } else if log2 < 16 {
        2
    } else if log2 < 32 {
        4
    } else {
        8
    };
    let usable = (slots << 1) / 3;
    32 + slots * index_bytes + usable * if unicode { 16 } else { 24 }
}

/// What the built-in type's own `__sizeof__` returns (`list.__sizeof__`,
/// `dict.__sizeof__`, ...); `object.__sizeof__` for the others.
pub fn native_sizeof(vm: &Vm, o: &PyRef) -> usize {
    let cls = o.class();
    match o.kind() {
        Kind::Int => {
            let d = o.downcast::<IntData>().map(|i| i.value().cpython_digits()).unwrap_or(0) as usize;
            basicsize(vm, &cls) + 4 * d.max(1)
        }
        Kind::Str => str_sizeof(vm, o),
        Kind::List => basicsize(vm, &cls) + 8 * o.downcast::<ListData>().map(|l| l.items.borrow().capacity()).unwrap_or(0),
        Kind::Dict => {
            let d = o.downcast::<DictData>().expect("kind checked");
            let (slots, unicode) = d.keys_geometry();
            basicsize(vm, &cls) + if slots == 0 { 0 } else { dict_keys_size(slots, unicode) }
        }
        Kind::Set => {
            let t = o.downcast::<SetData>().expect("kind checked").table.borrow().table_size();
            basicsize(vm, &cls) + if t > 8 { 16 * t } else { 0 }
        }
        Kind::ByteArray => {
            // ob_alloc: the buffer keeps a trailing NUL once it has any data.
            let cap = o.downcast::<crate::objects::misc::ByteArrayData>().map(|b| b.0.borrow().capacity()).unwrap_or(0);
            basicsize(vm, &cls) + if cap == 0 { 0 } else { cap + 1 }
        }
        Kind::Generator => {
            // offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus)
            // + one pointer per fast local and value-stack slot of the code object.
            let g = o.downcast::<crate::objects::generator::GeneratorData>().expect("kind checked");
            // CPython wraps a generator body in an implicit handler (StopIteration to
            // RuntimeError) entered with two stack items (lasti, exception), so its
            // co_stacksize is at least 2; our compiler converts StopIteration in the
            // runtime and has no such handler.
            let slots = g.code.downcast::<crate::objects::function::CodeData>().map(|c| c.code.nlocalsplus() + (c.code.stacksize as usize).max(2)).unwrap_or(0);
            144 + 8 * slots
        }
        _ => object_sizeof(vm, o),
    }
}

/// `sys.getsizeof` of a built-in object whose `__sizeof__` is not overridden.
pub fn getsizeof_native(vm: &Vm, o: &PyRef) -> usize {
    native_sizeof(vm, o) + preheader_size(vm, &o.class())
}

fn no_args<'a>(vm: &Vm, owner: &str, a: &Args<'a>) -> PyResult<&'a PyRef> {
    let p = a.pos();
    let Some((s, rest)) = p.split_first() else {
        return Err(vm.type_error(&format!("unbound method {owner}.__sizeof__() needs an argument")));
    };
    if a.has_kw() {
        return Err(vm.type_error(&format!("{owner}.__sizeof__() takes no keyword arguments")));
    }
    if !rest.is_empty() {
        return Err(vm.type_error(&format!("{owner}.__sizeof__() takes no arguments ({} given)", rest.len())));
    }
    Ok(s)
}

/// `object.__sizeof__`.
pub fn object_sizeof_method(vm: &Vm, a: Args<'_>) -> PyResult {
    let s = no_args(vm, "object", &a)?;
    Ok(vm.ctx.new_int(object_sizeof(vm, s) as i64))
}

macro_rules! sizeof_method {
    ($name:ident, $owner:literal, $kind:expr) => {
        pub fn $name(vm: &Vm, a: Args<'_>) -> PyResult {
            let s = no_args(vm, $owner, &a)?;
            if !s.is_kind($kind) {
                return Err(vm.type_error(&format!("descriptor '__sizeof__' requires a '{}' object but received a '{}'", $owner, vm.type_name(s))));
            }
            Ok(vm.ctx.new_int(native_sizeof(vm, s) as i64))
        }
    };
}

sizeof_method!(int_sizeof, "int", Kind::Int);
sizeof_method!(str_sizeof_method, "str", Kind::Str);
sizeof_method!(bytes_sizeof, "bytes", Kind::Bytes);
sizeof_method!(bytearray_sizeof, "bytearray", Kind::ByteArray);
sizeof_method!(list_sizeof, "list", Kind::List);
sizeof_method!(dict_sizeof, "dict", Kind::Dict);
sizeof_method!(set_sizeof, "set", Kind::Set);
sizeof_method!(frozenset_sizeof, "frozenset", Kind::Set);
sizeof_method!(generator_sizeof, "generator", Kind::Generator);

/// Install the built-in types' own `__sizeof__` methods (CPython defines them on these
/// types; the others inherit `object.__sizeof__`).
pub fn init(ctx: &crate::vm::context::Context) {
    use crate::vm::context::method;
    let t = &ctx.types;
    ctx.add_methods(&t.int, &[method("__sizeof__", int_sizeof)]);
    ctx.add_methods(&t.str, &[method("__sizeof__", str_sizeof_method)]);
    ctx.add_methods(&t.bytes, &[method("__sizeof__", bytes_sizeof)]);
    ctx.add_methods(&t.bytearray, &[method("__sizeof__", bytearray_sizeof)]);
    ctx.add_methods(&t.list, &[method("__sizeof__", list_sizeof)]);
    ctx.add_methods(&t.dict, &[method("__sizeof__", dict_sizeof)]);
    ctx.add_methods(&t.set, &[method("__sizeof__", set_sizeof)]);
    ctx.add_methods(&t.frozenset, &[method("__sizeof__", frozenset_sizeof)]);
    ctx.add_methods(&t.generator, &[method("__sizeof__", generator_sizeof)]);
}

/// `sys.getsizeof(object[, default])` (CPython's `_PySys_GetSizeOf`): calls
/// `__sizeof__`, which must return an int in `0..=sys.maxsize`, and adds the pre-header.
/// With a default, a TypeError is replaced by the default.
pub fn getsizeof(vm: &Vm, o: &PyRef, default: Option<&PyRef>) -> PyResult {
    match sizeof_checked(vm, o) {
        Ok(n) => Ok(vm.ctx.new_int_value(crate::objects::int::IntValue::from_big(num_bigint::BigInt::from(n)))),
        Err(e) => match default {
            Some(d) if vm.is_instance_of(&e.0, &vm.ctx.exc.type_error) => Ok(d.clone()),
            _ => Err(e),
        },
    }
}

fn sizeof_checked(vm: &Vm, o: &PyRef) -> PyResult<u64> {
    let t = o.class();
    let Some(m) = crate::objects::typeobject::lookup_str(&t, "__sizeof__") else {
        return Err(vm.type_error(&format!("Type {} doesn't define __sizeof__", type_data(&t).name())));
    };
    let size: i64 = if m.is_kind(Kind::MethodDescriptor) && crate::vm::abstract_::is_static_type(&t) {
        // A built-in object with its own type's method: no need for a call.
        native_sizeof(vm, o) as i64
    } else {
        let r = vm.call1(&m, o)?;
        let Some(i) = r.downcast::<IntData>() else {
            return Err(vm.type_error("an integer is required"));
        };
        let v = i.value();
        let Some(n) = v.to_i64() else {
            return Err(vm.new_error(&vm.ctx.exc.overflow_error, "Python int too large to convert to C ssize_t"));
        };
        if n < 0 {
            return Err(vm.value_error("__sizeof__() should return >= 0"));
        }
        n
    };
    Ok(size as u64 + preheader_size(vm, &t) as u64)
}
