//! Object sizes as CPython 3.13 reports them (`__sizeof__`; `sys.getsizeof` adds the GC
//! header for container types). These are CPython's figures on 64-bit builds, computed
//! from each object's logical state, so demos print what CPython prints.

use crate::object::{Kind, PyRef};
use crate::objects::dict::DictData;
use crate::objects::int::IntData;
use crate::objects::list::ListData;
use crate::objects::set::SetData;
use crate::objects::str::StrData;
use crate::objects::tuple::tuple_items;
use crate::objects::typeobject::{type_data, type_flags};
use crate::vm::Vm;

/// CPython's `__sizeof__` (without the GC pre-header).
pub fn basic_sizeof(vm: &Vm, o: &PyRef) -> usize {
    match o.kind() {
        Kind::Int => {
            let d = o.downcast::<IntData>().map(|i| i.value().cpython_digits()).unwrap_or(0) as usize;
            if d == 0 { 28 } else { 24 + 4 * d }
        }
        Kind::Float => 24,
        Kind::Str => {
            let s = o.downcast::<StrData>().expect("kind checked");
            let n = s.char_len();
            let mx = s.max_char();
            if mx < 0x80 {
                40 + n + 1
            } else if mx < 0x100 {
                56 + n + 1
            } else if mx < 0x10000 {
                56 + 2 * (n + 1)
            } else {
                56 + 4 * (n + 1)
            }
        }
        Kind::List => 40 + 8 * o.downcast::<ListData>().map(|l| l.items.borrow().capacity()).unwrap_or(0),
        Kind::Tuple => 24 + 8 * tuple_items(o).len(),
        Kind::Dict => {
            let d = o.downcast::<DictData>().expect("kind checked");
            let (slots, usable) = d.size_info();
            if slots == 0 {
                48
            } else {
                // PyDictKeysObject: header 32 + index bytes + entries (24 each; 16 for
                // all-str-key "unicode" tables).
                let ix = if slots <= 0xff { 1 } else if slots <= 0xffff { 2 } else if slots <= 0xffff_ffff { 4 } else { 8 };
                let all_str = d.keys().iter().all(|k| k.is_kind(Kind::Str));
                let entry = if all_str { 16 } else { 24 };
                48 + 32 + slots * ix + usable * entry
            }
        }
        Kind::Set => {
            let t = o.downcast::<SetData>().expect("kind checked").table.borrow().table_size();
            200 + if t > 8 { 16 * t } else { 0 }
        }
        Kind::Object => {
            let cls = o.class();
            let t = type_data(&cls);
            let mut n = 16 + 8 * t.nslots.get();
            if t.has_flag(type_flags::HEAPTYPE) {
                // Managed dict and weakref pointers live in the pre-header in 3.13.
                if t.has_flag(type_flags::MANAGED_DICT) {
                    n += 16;
                }
                if t.has_flag(type_flags::WEAKREFABLE) && !t.has_flag(type_flags::MANAGED_DICT) {
                    n += 8;
                }
            }
            n
        }
        Kind::Function => 160,
        Kind::Generator => 96,
        Kind::Range => 48,
        Kind::Bytes => 33 + crate::builtins::bytes::bytes_of(o).len(),
        _ => {
            let _ = vm;
            16
        }
    }
}

/// Whether CPython counts a GC header for this object in `sys.getsizeof`.
pub fn has_gc_header(o: &PyRef) -> bool {
    matches!(o.kind(), Kind::List | Kind::Tuple | Kind::Dict | Kind::Set | Kind::Object | Kind::Function | Kind::Generator | Kind::Type | Kind::Cell | Kind::BoundMethod | Kind::Exception | Kind::Module | Kind::Iterator)
        && !(o.is_kind(Kind::Tuple) && tuple_items(o).is_empty())
}
