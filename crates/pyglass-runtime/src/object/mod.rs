//! The object core: header, strong references, payload access, allocation. The unsafe code
//! of the runtime lives here (and in the collector).

pub mod core;
pub mod datastack;
pub mod frames;
pub mod freelist;
pub mod header;
pub mod kind;
pub mod memory;
pub mod weakref;

pub use self::core::{alloc_object, alloc_object_with_values, clear_object, inline_values, InlineValues, MAX_INLINE_VALUES, traverse_object, vtable_of, AllocSpec, PyObject, PyPayload, PyRef, VTable};
pub use header::{gc_bits, layout_bits, ObjHeader, IMMORTAL_REFCNT};
pub use kind::Kind;
