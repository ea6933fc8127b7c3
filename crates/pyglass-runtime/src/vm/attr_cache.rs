//! LOAD_ATTR / STORE_ATTR caches for instance attributes kept in inline values (CPython's
//! `LOAD_ATTR_INSTANCE_VALUE` / `STORE_ATTR_INSTANCE_VALUE` specializations, as a per-name
//! cache in the code object, with a few entries per name for sites that see several
//! classes).
//!
//! An entry says: in instances of the type whose version is `type_version`, the name is
//! shared key `index`, and nothing along that type's MRO overrides plain instance storage
//! for it (no data descriptor of that name, no `__getattribute__`/`__setattr__` hook).
//! Every change to any type bumps the context's type epoch, which empties every entry at
//! its next use (a base's change leaves the subclass's version alone). On a hit the value
//! is read or written directly; anything unusual (a materialized `__dict__`, a hole, a name
//! beyond the instance's capacity) takes the generic path.

use crate::object::{Kind, PyRef};
use crate::objects::function::{AttrCache, CodeData, ATTR_CACHE_WAYS};
use crate::object::core::cached_inline_values;
use crate::objects::instance::{live_inline_values, shared_key_index};
use crate::objects::typeobject::{lookup, type_data, type_flags};
use crate::vm::{PyResult, Vm};
use pyglass_bytecode::frameless::{InitStore, InitValue, MAX_INIT_STORES};
use std::cell::Cell;

/// Put `entry` first among a name's entries; the oldest falls out. (Misses only: kept
/// out of line so it does not weigh on the hit paths' code.)
#[cold]
#[inline(never)]
fn remember(ways: &[Cell<AttrCache>; ATTR_CACHE_WAYS], entry: AttrCache) {
    for i in (1..ATTR_CACHE_WAYS).rev() {
        ways[i].set(ways[i - 1].get());
    }
    ways[0].set(entry);
}

impl Vm {
    /// The name's entries and the version of `obj`'s type, when that type can be cached:
    /// static types have no version (0), so their instances take the generic path with no
    /// entry search and no miss to record.
    #[inline(always)]
    fn attr_ways<'c>(&self, code: &'c CodeData, arg: usize, obj: &PyRef) -> Option<(&'c [Cell<AttrCache>; ATTR_CACHE_WAYS], u64)> {
        let version = crate::objects::typeobject::type_version_of(obj);
        if version == 0 {
            return None;
        }
        Some((code.attr_cache.get(arg)?, version))
    }

    /// The entry for type version `version` (not 0) among the name's entries, if still valid.
    #[inline(always)]
    fn attr_entry(&self, ways: &[Cell<AttrCache>; ATTR_CACHE_WAYS], version: u64) -> Option<AttrCache> {
        let epoch = self.ctx.type_epoch.get();
        let valid = |c: &AttrCache| c.type_version == version && c.epoch == epoch;
        // The first way on its own: most sites see one class.
        let first = ways[0].get();
        if valid(&first) {
            return Some(first);
        }
        ways[1..].iter().map(Cell::get).find(valid)
    }

    /// `obj.<code.names[arg]>`.
    ///
    /// The hit path is all this function holds; everything else is in
    /// [`Vm::load_attr_slow`], so that the hit needs no callee-saved registers (no
    /// register saves and restores around it).
    #[inline]
    pub(crate) fn load_attr_cached(&self, obj: &PyRef, code: &CodeData, arg: usize) -> PyResult {
        match self.load_attr_hit(obj, code, arg) {
            Some(v) => Ok(v),
            None => self.load_attr_slow(obj, code, arg),
        }
    }

    /// The cache hit of a load: the inline value the name's entry for `obj`'s type points
    /// at, if there is one.
    #[inline(always)]
    fn load_attr_hit(&self, obj: &PyRef, code: &CodeData, arg: usize) -> Option<PyRef> {
        let (ways, version) = self.attr_ways(code, arg, obj)?;
        let c = self.attr_entry(ways, version)?;
        // NO_SLOT is beyond every capacity: `get` answers None.
        cached_inline_values(obj).and_then(|iv| iv.get(c.load_slot as usize))
    }

    /// [`Vm::load_attr_cached`] for a receiver borrowed from a local's slot
    /// (`LOAD_FAST_ATTR`): the slow path takes a reference to it first, standing for the
    /// one the value stack would hold, so that a property or `__getattr__` sees CPython's
    /// reference count.
    #[inline]
    pub(crate) fn load_attr_cached_local(&self, obj: &PyRef, code: &CodeData, arg: usize) -> PyResult {
        match self.load_attr_hit(obj, code, arg) {
            Some(v) => Ok(v),
            None => self.load_attr_slow_local(obj, code, arg),
        }
    }

    #[inline(never)]
    fn load_attr_slow_local(&self, obj: &PyRef, code: &CodeData, arg: usize) -> PyResult {
        let obj = obj.clone();
        self.load_attr_slow(&obj, code, arg)
    }

    /// [`Vm::load_attr_cached`] when the hit path does not apply.
    #[inline(never)]
    fn load_attr_slow(&self, obj: &PyRef, code: &CodeData, arg: usize) -> PyResult {
        let Some((ways, version)) = self.attr_ways(code, arg, obj) else {
            return self.getattr(obj, &code.names[arg]);
        };
        match self.attr_entry(ways, version) {
            Some(_) => self.getattr(obj, &code.names[arg]),
            None => self.load_attr_miss(obj, code, arg, ways, false),
        }
    }

    /// `obj.<code.names[arg]> = v`.
    ///
    /// As with loads, the hit path is all this function holds (see
    /// [`Vm::store_attr_slow`]).
    #[inline]
    pub(crate) fn store_attr_cached(&self, obj: &PyRef, code: &CodeData, arg: usize, v: PyRef) -> PyResult<()> {
        if let Some((ways, version)) = self.attr_ways(code, arg, obj) {
            if let Some(c) = self.attr_entry(ways, version) {
                if let Some(iv) = cached_inline_values(obj) {
                    // NO_SLOT is beyond every capacity.
                    if (c.store_slot as usize) < iv.capacity() {
                        drop(iv.set(c.store_slot as usize, v));
                        return Ok(());
                    }
                }
            }
        }
        self.store_attr_slow(obj, code, arg, v)
    }

    /// [`Vm::store_attr_cached`] when the hit path does not apply.
    #[inline(never)]
    fn store_attr_slow(&self, obj: &PyRef, code: &CodeData, arg: usize, v: PyRef) -> PyResult<()> {
        if let Some((ways, version)) = self.attr_ways(code, arg, obj) {
            if self.attr_entry(ways, version).is_none() {
                let _ = self.load_attr_miss(obj, code, arg, ways, true);
            }
        }
        self.setattr(obj, &code.names[arg], Some(v))
    }

    /// Run `__init__` (whose code is `code`, with stores `plan`, see
    /// `pyglass_bytecode::frameless`) on the fresh instance `obj` without a frame: `args`
    /// are the call's arguments after `self`. Only when the cache has an entry for every
    /// store saying it writes a plain inline value of `obj`'s type (no data descriptor, no
    /// `__setattr__`, within the instance's capacity) and a frame would not exceed the
    /// recursion limit; all of that is checked before the first store, so `false` means
    /// nothing was done and the caller runs the frame (which fills the cache).
    pub(crate) fn init_without_frame(&self, obj: &PyRef, code: &CodeData, plan: &[InitStore], args: &[PyRef]) -> bool {
        if self.depth.get() >= self.ctx.recursion_limit.get() {
            return false;
        }
        let Some(iv) = cached_inline_values(obj) else { return false };
        let version = crate::objects::typeobject::type_version_of(obj);
        let c = code.init_store_slots.get();
        // The stores resolved for this type at an earlier call (the usual case): the
        // entries they came from would still be valid, and the same argument count means
        // every parameter a store reads is there.
        let hit = version != 0 && c.type_version == version && c.epoch == self.ctx.type_epoch.get() && c.nargs == args.len() && c.needed <= iv.capacity();
        let slots = if hit {
            c.slots
        } else {
            match self.resolve_init_stores(code, plan, args, version, iv.capacity()) {
                Some(slots) => slots,
                None => return false,
            }
        };
        for (s, &slot) in plan.iter().zip(slots.iter()) {
            let v = match s.value {
                InitValue::Param(0) => obj.clone(),
                InitValue::Param(i) => args[i as usize - 1].clone(),
                InitValue::Const(i) => code.consts[i as usize].clone(),
            };
            // A fresh instance and distinct names: the slot was empty.
            drop(iv.set(slot as usize, v));
        }
        true
    }

    /// The inline-value slot of each of `plan`'s stores in instances of the type with
    /// version `version`, from the stores' attribute cache entries, remembered in
    /// `code.init_store_slots`; `None` when a store has no entry saying it writes a plain inline
    /// value within `capacity`, or reads a parameter or constant that is not there.
    #[cold]
    #[inline(never)]
    fn resolve_init_stores(&self, code: &CodeData, plan: &[InitStore], args: &[PyRef], version: u64, capacity: usize) -> Option<[u8; MAX_INIT_STORES]> {
        if version == 0 || plan.len() > MAX_INIT_STORES {
            return None;
        }
        let mut slots = [0u8; MAX_INIT_STORES];
        let mut needed = 0;
        for (s, slot) in plan.iter().zip(slots.iter_mut()) {
            let c = code.attr_cache.get(s.name as usize).and_then(|ways| self.attr_entry(ways, version))?;
            // NO_SLOT is beyond every capacity.
            if c.store_slot as usize >= capacity {
                return None;
            }
            let present = match s.value {
                InitValue::Param(i) => i == 0 || args.get(i as usize - 1).is_some(),
                InitValue::Const(i) => code.consts.get(i as usize).is_some(),
            };
            if !present {
                return None;
            }
            *slot = c.store_slot;
            needed = needed.max(c.store_slot as usize + 1);
        }
        code.init_store_slots.set(crate::objects::function::InitStoresCache { type_version: version, epoch: self.ctx.type_epoch.get(), nargs: args.len(), needed, slots });
        Some(slots)
    }

    /// LOAD_METHOD (`Vm::load_method`'s result). When the entry for `obj`'s type says the
    /// name is not an instance value and the type has gained no shared key since, an
    /// instance whose values are inline cannot shadow it: a function found on the type is
    /// the method, with no look at the instance (CPython's LOAD_ATTR_METHOD_WITH_VALUES).
    #[inline]
    pub(crate) fn load_method_cached(&self, obj: &PyRef, code: &CodeData, arg: usize) -> PyResult<(PyRef, bool)> {
        let name = &code.names[arg];
        if let Some((ways, version)) = self.attr_ways(code, arg, obj) {
            match self.attr_entry(ways, version) {
                Some(c) if c.load && c.index == AttrCache::NOT_INLINE && live_inline_values(obj).is_some() => {
                    let t = obj.class();
                    let td = type_data(&t);
                    if td.shared_keys.borrow().len() as u32 == c.nkeys {
                        if let Some(d) = lookup(&t, name) {
                            if d.is_kind(Kind::Function) {
                                return Ok((d, true));
                            }
                        }
                    }
                }
                Some(_) => {}
                None => {
                    // Record the entry (a store-style miss returns without a lookup).
                    let _ = self.load_attr_miss(obj, code, arg, ways, true);
                }
            }
            return self.load_method(obj, name);
        }
        match self.load_method_static(obj, code, arg) {
            Some(m) => Ok((m, true)),
            None => self.load_method_static_slow(obj, code, arg),
        }
    }

    /// LOAD_METHOD on an instance of a type without a version (a built-in type): the
    /// name's `StaticMethodCache` entry, when it is for `obj`'s type (CPython's
    /// `LOAD_ATTR_METHOD_NO_DICT`). An entry is made when the result can only change with a
    /// type change, which cannot happen: the type is immortal and immutable, its instances
    /// have no attributes of their own (no `__dict__`: not a function, module or type), no
    /// `__getattribute__` hook, and the name is a built-in instance method. Out of line:
    /// the eval loop's code generation is sensitive to what is inlined into it.
    ///
    /// This function holds the hit path only and answers the method, which is then
    /// unbound, in a register; `None` sends the caller to [`Vm::load_method_static_slow`].
    #[inline(never)]
    fn load_method_static(&self, obj: &PyRef, code: &CodeData, arg: usize) -> Option<PyRef> {
        let c = code.static_methods.get(arg)?;
        if c.type_addr.get() != obj.class_ptr() as usize {
            return None;
        }
        let m = c.method.take();
        let r = m.clone();
        c.method.set(m);
        r
    }

    /// [`Vm::load_method_static`] when its hit path does not apply: the generic lookup,
    /// remembering the method when that cannot change.
    #[inline(never)]
    fn load_method_static_slow(&self, obj: &PyRef, code: &CodeData, arg: usize) -> PyResult<(PyRef, bool)> {
        let name = &code.names[arg];
        let r = self.load_method(obj, name)?;
        let Some(c) = code.static_methods.get(arg) else { return Ok(r) };
        let (m, unbound) = &r;
        if *unbound && m.is_kind(Kind::MethodDescriptor) && !matches!(obj.kind(), Kind::Type | Kind::Module | Kind::Super | Kind::Function) {
            let t = obj.class();
            let td = type_data(&t);
            let fixed = t.header().is_immortal() && td.has_flag(type_flags::IMMUTABLETYPE) && !td.has_flag(type_flags::HEAPTYPE);
            let no_instance_attrs = !td.has_flag(type_flags::MANAGED_DICT) && !td.has_flag(type_flags::CUSTOM_GETATTR);
            if fixed && no_instance_attrs {
                c.type_addr.set(t.as_ptr() as usize);
                drop(c.method.replace(Some(m.clone())));
            }
        }
        Ok(r)
    }

    /// Record what instances of `obj`'s type do with the name (newest entry first), then
    /// (loads) take the generic path.
    #[inline(never)]
    fn load_attr_miss(&self, obj: &PyRef, code: &CodeData, arg: usize, ways: &[Cell<AttrCache>; ATTR_CACHE_WAYS], store: bool) -> PyResult {
        let name = &code.names[arg];
        let t = obj.class();
        let td = type_data(&t);
        let version = td.version.get();
        if version != 0 {
            let mut entry = AttrCache {
                type_version: version,
                epoch: self.ctx.type_epoch.get(),
                index: AttrCache::NOT_INLINE,
                load: !td.has_flag(type_flags::CUSTOM_GETATTR),
                load_slot: AttrCache::NO_SLOT,
                store_slot: AttrCache::NO_SLOT,
                nkeys: td.shared_keys.borrow().len() as u32,
            };
            if td.has_flag(type_flags::INLINE_VALUES) {
                if let Some(index) = shared_key_index(self, td, name) {
                    if lookup(&t, name).map_or(true, |d| !self.is_data_descriptor(&d)) {
                        entry.index = index;
                        // Shared keys are at most MAX_INLINE_VALUES (< NO_SLOT).
                        let slot = u8::try_from(index).unwrap_or(AttrCache::NO_SLOT);
                        if entry.load {
                            entry.load_slot = slot;
                        }
                        if !td.has_flag(type_flags::CUSTOM_SETATTR) {
                            entry.store_slot = slot;
                        }
                    }
                }
            }
            remember(ways, entry);
        }
        if store {
            return Ok(self.ctx.consts.none.clone());
        }
        self.getattr(obj, name)
    }
}
