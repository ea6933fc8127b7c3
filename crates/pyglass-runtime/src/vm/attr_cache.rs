//! LOAD_ATTR / STORE_ATTR caches for instance attributes kept in inline values (CPython's
//! `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE` specializations, as a per-name
//! cache in the code object).
//!
//! An entry says: in instances of the type whose version is `type_version`, the name is
//! shared key `index`, and nothing along that type's MRO overrides plain instance storage
//! for it (no data descriptor of that name, no `__getattribute__`/`__setattr__` hook).
//! Every change to any type bumps the context's type epoch, which empties every entry at
//! its next use (a base's change leaves the subclass's version alone). On a hit the value
//! is read or written directly; anything unusual (a materialized `__dict__`, a hole, a name
//! beyond the instance's capacity) takes the generic path.

use crate::object::PyRef;
use crate::objects::function::{AttrCache, CodeData};
use crate::objects::instance::{live_inline_values, shared_key_index};
use crate::objects::typeobject::{lookup, type_data, type_flags};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

impl Vm {
    /// `obj.<code.names[arg]>`.
    #[inline]
    pub(crate) fn load_attr_cached(&self, obj: &PyRef, code: &CodeData, arg: usize) -> PyResult {
        let Some(cell) = code.attr_cache.get(arg) else {
            return self.getattr(obj, &code.names[arg]);
        };
        let c = cell.get();
        if c.epoch == self.ctx.type_epoch.get() && type_data(&obj.class()).version.get() == c.type_version {
            if let Some(v) = live_inline_values(obj).and_then(|iv| iv.get(c.index)) {
                return Ok(v);
            }
        }
        self.load_attr_miss(obj, code, arg, cell, false)
    }

    /// `obj.<code.names[arg]> = v`.
    #[inline]
    pub(crate) fn store_attr_cached(&self, obj: &PyRef, code: &CodeData, arg: usize, v: PyRef) -> PyResult<()> {
        let Some(cell) = code.attr_cache.get(arg) else {
            return self.setattr(obj, &code.names[arg], Some(v));
        };
        let c = cell.get();
        if c.epoch == self.ctx.type_epoch.get() && type_data(&obj.class()).version.get() == c.type_version {
            if let Some(iv) = live_inline_values(obj) {
                if c.index < iv.capacity() {
                    drop(iv.set(c.index, v));
                    return Ok(());
                }
            }
        }
        let _ = self.load_attr_miss(obj, code, arg, cell, true);
        self.setattr(obj, &code.names[arg], Some(v))
    }

    /// Refill the entry if `obj`'s type allows it, then (loads) take the generic path.
    #[inline(never)]
    fn load_attr_miss(&self, obj: &PyRef, code: &CodeData, arg: usize, cell: &Cell<AttrCache>, store: bool) -> PyResult {
        let name = &code.names[arg];
        let t = obj.class();
        let td = type_data(&t);
        let hook = if store { type_flags::CUSTOM_SETATTR } else { type_flags::CUSTOM_GETATTR };
        if td.has_flag(type_flags::INLINE_VALUES) && !td.has_flag(hook) {
            if let Some(index) = shared_key_index(self, td, name) {
                if lookup(&t, name).map_or(true, |d| !self.is_data_descriptor(&d)) {
                    cell.set(AttrCache { type_version: td.version.get(), epoch: self.ctx.type_epoch.get(), index });
                }
            }
        }
        if store {
            return Ok(self.ctx.consts.none.clone());
        }
        self.getattr(obj, name)
    }
}
