//! `dict` (CPython `Objects/dictobject.c`): a compact, insertion-ordered hash table.
//!
//! `indices` is the open-addressed hash table (CPython's probing with `perturb`), holding
//! positions into `entries`, which are in insertion order. Deleted entries become `None`
//! holes and are squeezed out on resize, as in CPython. Key comparison may run Python code
//! (`__eq__`), so lookups take the VM and copy what they need out of the table before
//! calling out; a table mutated during a comparison restarts the lookup (CPython does the
//! same) or raises RuntimeError where CPython does.

use crate::object::{Kind, PyPayload, PyRef};
use crate::sync::PyCell;
use std::cell::Cell;
use crate::vm::{PyResult, Vm};

impl Default for Table {
    fn default() -> Table {
        let oballoc = pyglass_alloc::local::ObAlloc;
        Table { indices: TableVec::new_in(oballoc), entries: TableVec::new_in(oballoc), used: 0, unicode: false, version: 0 }
    }
}

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;
/// Minimum table size of a non-empty dict (CPython's PyDict_MINSIZE).
pub const MINSIZE: usize = 8;

#[derive(Clone)]
pub struct Entry {
    pub hash: isize,
    pub key: PyRef,
    pub value: PyRef,
}

/// A table array, from the interpreter's small-object allocator when small (as CPython's
/// dict keys objects come from pymalloc).
pub type TableVec<T> = allocator_api2::vec::Vec<T, pyglass_alloc::local::ObAlloc>;

pub struct Table {
    /// Hash table of positions into `entries` (EMPTY / DUMMY markers); empty when the dict
    /// has never held anything.
    indices: TableVec<i32>,
    pub entries: TableVec<Option<Entry>>,
    pub used: usize,
    /// CPython's keys kind: true while every key is an exact str (DICT_KEYS_UNICODE, whose
    /// entries have no hash field), false once another key was inserted (GENERAL). Decides
    /// `sys.getsizeof` and, like CPython, the switch forces a resize.
    unicode: bool,
    /// Bumped on every insertion/deletion: iterators detect "changed size during iteration",
    /// lookups detect mutation by `__eq__`.
    pub version: u64,
}

pub struct DictData {
    pub table: PyCell<Table>,
    /// Set once the payload lives in its object (see `PyPayload::lives_in_object`).
    in_object: Cell<bool>,
}

// SAFETY: Kind::Dict is used by no other payload type.
unsafe impl PyPayload for DictData {
    const KIND: Kind = Kind::Dict;
    const HAS_GC: bool = true;
    const TRACK_ON_ALLOC: bool = false;
    fn on_alloc(&self) {
        self.in_object.set(true);
    }
    fn lives_in_object(&self) -> bool {
        self.in_object.get()
    }
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(t) = self.table.try_borrow() {
            // Value then key, as CPython's dict_traverse; a table of str keys only (never
            // containers) visits just the values, as CPython's unicode-keys tables do.
            let str_keys = t.unicode;
            for e in t.entries.iter().flatten() {
                visit(&e.value);
                if !str_keys {
                    visit(&e.key);
                }
            }
        }
    }
    fn clear(&self) {
        self.clear_all();
    }
}

/// Result of probing for a key.
enum Probe {
    /// Found at entries index.
    Found(usize),
    /// Not found; slot in `indices` where it would go.
    Missing(usize),
}

impl Table {
    pub fn len(&self) -> usize {
        self.used
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Capacity of `entries` for a table of `n` index slots (CPython's USABLE_FRACTION).
    fn usable(n: usize) -> usize {
        (n << 1) / 3
    }

    /// Find the index slot for `hash` using identity/str-fast equality only. Returns
    /// `Err(candidates)` style info through the closure when a full comparison is needed.
    fn probe_with(&self, hash: isize, mut is_match: impl FnMut(&Entry) -> Option<bool>) -> Result<Probe, usize> {
        if self.indices.is_empty() {
            return Ok(Probe::Missing(usize::MAX));
        }
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        let mut first_dummy = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok(Probe::Missing(first_dummy.unwrap_or(i)));
            }
            if ix == DUMMY {
                if first_dummy.is_none() {
                    first_dummy = Some(i);
                }
            } else if let Some(e) = &self.entries[ix as usize] {
                if e.hash == hash {
                    match is_match(e) {
                        Some(true) => return Ok(Probe::Found(ix as usize)),
                        Some(false) => {}
                        None => return Err(ix as usize),
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    /// Entry positions holding `hash` along its probe sequence, in probe order.
    fn hash_matches(&self, hash: isize) -> Vec<usize> {
        let mut out = Vec::new();
        if self.indices.is_empty() {
            return out;
        }
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return out;
            }
            if ix != DUMMY && self.entries[ix as usize].as_ref().is_some_and(|e| e.hash == hash) {
                out.push(ix as usize);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
    }

    fn insert_new_entry(&mut self, mut slot: usize, hash: isize, key: PyRef, value: PyRef) {
        if self.indices.is_empty() {
            // CPython's insert_to_emptydict: a fresh minimum-size table whose kind is
            // decided by the first key.
            self.unicode = is_exact_str(&key);
            self.rebuild(MINSIZE);
            slot = usize::MAX;
        } else {
            if self.unicode && !is_exact_str(&key) {
                self.to_general();
                slot = usize::MAX;
            }
            if self.entries.len() >= Self::usable(self.indices.len()) {
                // Full (holes included): CPython's insertion_resize, before inserting.
                self.rebuild(Self::growth_size(self.used));
                slot = usize::MAX;
            }
        }
        if slot == usize::MAX {
            slot = self.find_empty_slot(hash);
        }
        self.indices[slot] = self.entries.len() as i32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.used += 1;
        self.version += 1;
    }

    /// A unicode-keys table receiving another key becomes a general one through a resize
    /// (CPython's insertdict: `insertion_resize(mp, 0)`).
    fn to_general(&mut self) {
        self.unicode = false;
        self.rebuild(Self::growth_size(self.used));
        self.version += 1;
    }

    /// First EMPTY index slot on `hash`'s probe sequence (CPython's find_empty_slot).
    fn find_empty_slot(&self, hash: isize) -> usize {
        let mask = self.mask();
        let mut perturb = hash as usize;
        let mut i = (hash as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        i
    }

    /// CPython 3.13.0's GROWTH_RATE (used*3) through calculate_log2_keysize, which
    /// computes `bit_length(((minsize | 8) - 1) | 7)`: the next power of two, except that
    /// sizes below 8 give 16 (a one-item dict converted to general keys gets 16 slots).
    fn growth_size(used: usize) -> usize {
        calculate_keysize(used * 3)
    }

    /// Rebuild the index table with `n` slots, squeezing out holes.
    fn rebuild(&mut self, n: usize) {
        let n = n.max(MINSIZE).next_power_of_two();
        self.entries.retain(|e| e.is_some());
        self.indices.clear();
        self.indices.resize(n, EMPTY);
        let mask = n - 1;
        for (pos, e) in self.entries.iter().enumerate() {
            let hash = e.as_ref().map(|e| e.hash).unwrap_or(0);
            let mut perturb = hash as usize;
            let mut i = (hash as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
            }
            self.indices[i] = pos as i32;
        }
        let cap = Self::usable(n);
        if self.entries.capacity() < cap {
            self.entries.reserve_exact(cap - self.entries.len());
        }
    }

    /// Number of index slots (for `sys.getsizeof`).
    pub fn index_slots(&self) -> usize {
        self.indices.len()
    }

    fn remove_at(&mut self, pos: usize) -> Option<Entry> {
        let e = self.entries[pos].take()?;
        // Find and mark the index slot that points at pos.
        let mask = self.mask();
        let mut perturb = e.hash as usize;
        let mut i = (e.hash as usize) & mask;
        loop {
            if self.indices[i] == pos as i32 {
                self.indices[i] = DUMMY;
                break;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(perturb).wrapping_add(1)) & mask;
        }
        self.used -= 1;
        self.version += 1;
        Some(e)
    }

    /// Iterate live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The i-th live entry position at or after `pos` (for iterators): returns (entry, next pos).
    pub fn entry_from(&self, mut pos: usize) -> Option<(&Entry, usize)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((e, pos + 1));
            }
            pos += 1;
        }
        None
    }
}

impl DictData {
    pub fn new() -> DictData {
        DictData { table: PyCell::new(Table::default()), in_object: Cell::new(false) }
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut t = Table::default();
        if n > 0 {
            t.rebuild(Table::growth_size(n).max(MINSIZE));
            t.indices.iter_mut().for_each(|x| *x = EMPTY);
        }
        DictData { table: PyCell::new(t), in_object: Cell::new(false) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Look a key up. Runs `__eq__` for hash collisions with non-identical keys.
    pub fn get_item(&self, vm: &Vm, key: &PyRef) -> PyResult<Option<PyRef>> {
        if is_exact_str(key) && self.str_keys_only() {
            return Ok(self.get_str_key(key));
        }
        let hash = vm.hash(key)?;
        self.get_item_hashed(vm, key, hash)
    }

    pub fn get_item_hashed(&self, vm: &Vm, key: &PyRef, hash: isize) -> PyResult<Option<PyRef>> {
        {
            let t = self.table.borrow();
            match t.probe_with(hash, |e| fast_eq(&e.key, key)) {
                Ok(Probe::Found(pos)) => return Ok(t.entries[pos].as_ref().map(|e| e.value.clone())),
                Ok(Probe::Missing(_)) => return Ok(None),
                Err(_) => {}
            }
        }
        // A key with an equal hash needs `__eq__` (may run Python code): compare outside
        // any borrow of the table.
        Ok(self.slow_lookup(vm, key, hash)?.map(|(_, v)| v))
    }

    /// Probe with full `__eq__` for every hash match (rare path: unequal keys with equal
    /// hashes). Returns the entry position and value.
    fn slow_lookup(&self, vm: &Vm, key: &PyRef, hash: isize) -> PyResult<Option<(usize, PyRef)>> {
        // The entries with this hash along the key's probe sequence, in probe order (as
        // CPython compares them), copied out so `__eq__` runs with no borrow held.
        let candidates: Vec<(usize, PyRef, PyRef)> = {
            let t = self.table.borrow();
            t.hash_matches(hash)
                .into_iter()
                .filter_map(|ix| t.entries[ix].as_ref().map(|e| (ix, e.key.clone(), e.value.clone())))
                .collect()
        };
        for (i, k, v) in candidates {
            if k.is(key) || vm.eq(&k, key)? {
                return Ok(Some((i, v)));
            }
        }
        Ok(None)
    }

    /// Find the entry position of a key (full comparison).
    fn find_pos(&self, vm: &Vm, key: &PyRef, hash: isize) -> PyResult<Result<usize, usize>> {
        let r = {
            let t = self.table.borrow();
            t.probe_with(hash, |e| fast_eq(&e.key, key))
        };
        match r {
            Ok(Probe::Found(pos)) => Ok(Ok(pos)),
            Ok(Probe::Missing(slot)) => Ok(Err(slot)),
            Err(_) => match self.slow_lookup(vm, key, hash)? {
                Some((pos, _)) => Ok(Ok(pos)),
                None => {
                    // Find an insertion slot ignoring equality.
                    let t = self.table.borrow();
                    match t.probe_with(hash, |_| Some(false)) {
                        Ok(Probe::Missing(slot)) => Ok(Err(slot)),
                        _ => Ok(Err(usize::MAX)),
                    }
                }
            },
        }
    }

    pub fn set_item(&self, vm: &Vm, key: PyRef, value: PyRef) -> PyResult<()> {
        if is_exact_str(&key) && self.str_keys_only() {
            self.set_str_key(key, value);
            return Ok(());
        }
        let hash = vm.hash(&key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    pub fn set_item_hashed(&self, vm: &Vm, key: PyRef, hash: isize, value: PyRef) -> PyResult<()> {
        self.maintain_tracking(&key, &value);
        self.set_item_hashed_untracked(vm, key, hash, value)
    }

    /// Store an instance attribute in a managed `__dict__`: like `set_item`, but the
    /// dict's tracking state is left alone, as CPython's inline values do (the owner
    /// visits the items while the dict is held only by it).
    pub fn set_attr_item(&self, vm: &Vm, key: PyRef, value: PyRef) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_item_hashed_untracked(vm, key, hash, value)
    }

    /// Track this dict if it is about to hold a container (CPython's MAINTAIN_TRACKING).
    #[inline]
    fn maintain_tracking(&self, key: &PyRef, value: &PyRef) {
        crate::object::core::with_payload_owner(self, |d| crate::vm::gc::maintain_dict_tracking(d, key, value));
    }

    fn set_item_hashed_untracked(&self, vm: &Vm, key: PyRef, hash: isize, value: PyRef) -> PyResult<()> {
        {
            // CPython converts a unicode-keys table before looking the key up.
            let mut t = self.table.borrow_mut();
            if t.unicode && !t.indices.is_empty() && !is_exact_str(&key) {
                t.to_general();
            }
        }
        let pos = self.find_pos(vm, &key, hash)?;
        let old;
        {
            let mut t = self.table.borrow_mut();
            match pos {
                Ok(pos) => {
                    let e = t.entries[pos].as_mut().expect("live entry");
                    old = Some(std::mem::replace(&mut e.value, value));
                }
                Err(slot) => {
                    old = None;
                    t.insert_new_entry(slot, hash, key, value);
                }
            }
        }
        drop(old); // may run __del__: outside the borrow
        Ok(())
    }

    /// Remove a key; `Ok(None)` if missing.
    pub fn del_item(&self, vm: &Vm, key: &PyRef) -> PyResult<Option<PyRef>> {
        let hash = vm.hash(key)?;
        let pos = self.find_pos(vm, key, hash)?;
        let removed = match pos {
            Ok(pos) => self.table.borrow_mut().remove_at(pos),
            Err(_) => None,
        };
        Ok(removed.map(|e| e.value))
    }

    /// Keys, values or items snapshots (cheap clones of the references).
    pub fn keys(&self) -> Vec<PyRef> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<PyRef> {
        self.table.borrow().iter().map(|e| e.value.clone()).collect()
    }
    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.table.borrow().iter().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// Remove everything. The keys version keeps counting up from where it was (caches
    /// that remember a version rely on it never repeating for one dict).
    pub fn clear_all(&self) {
        let old = {
            let mut t = self.table.borrow_mut();
            let version = t.version;
            let old = std::mem::take(&mut *t);
            t.version = version + 1;
            old
        };
        drop(old);
    }

    /// Look up a str key by its text without the VM (for interned attribute names; only
    /// str keys can match).
    pub fn get_str(&self, name: &str) -> Option<PyRef> {
        let hash = crate::objects::str::str_hash(name);
        let t = self.table.borrow();
        match t.probe_with(hash, |e| Some(e.key.downcast::<crate::objects::str::StrData>().is_some_and(|s| s.as_str() == name))) {
            Ok(Probe::Found(pos)) => t.entries[pos].as_ref().map(|e| e.value.clone()),
            _ => None,
        }
    }

    /// Every key is an exact str, or there is none: an exact str key is then found or
    /// placed by str comparison alone (no `__hash__` or `__eq__` can run, as in CPython's
    /// unicode-keys lookup), which is what `get_str_key` and `set_str_key` do.
    #[inline]
    fn str_keys_only(&self) -> bool {
        let t = self.table.borrow();
        t.unicode || t.used == 0
    }

    /// Look up by an (ideally interned) str key object without running Python code.
    #[inline]
    pub fn get_str_key(&self, key: &PyRef) -> Option<PyRef> {
        let s = key.downcast::<crate::objects::str::StrData>()?;
        let hash = s.hash();
        let t = self.table.borrow();
        match t.probe_with(hash, |e| Some(e.key.is(key) || e.key.downcast::<crate::objects::str::StrData>().is_some_and(|k| k.as_str() == s.as_str()))) {
            Ok(Probe::Found(pos)) => t.entries[pos].as_ref().map(|e| e.value.clone()),
            _ => None,
        }
    }

    /// Store under a str key without running Python code (str keys never call `__eq__`).
    pub fn set_str_key(&self, key: PyRef, value: PyRef) {
        let Some(s) = key.downcast::<crate::objects::str::StrData>() else { return };
        self.maintain_tracking(&key, &value);
        let hash = s.hash();
        let old;
        {
            let mut t = self.table.borrow_mut();
            let probe = t.probe_with(hash, |e| Some(e.key.is(&key) || e.key.downcast::<crate::objects::str::StrData>().is_some_and(|k| k.as_str() == s.as_str())));
            match probe {
                Ok(Probe::Found(pos)) => {
                    let e = t.entries[pos].as_mut().expect("live entry");
                    old = Some(std::mem::replace(&mut e.value, value));
                }
                Ok(Probe::Missing(slot)) => {
                    old = None;
                    t.insert_new_entry(slot, hash, key, value);
                }
                Err(_) => unreachable!("probe closure never defers"),
            }
        }
        drop(old);
    }

    /// Remove a str key without running Python code.
    pub fn del_str_key(&self, key: &PyRef) -> Option<PyRef> {
        let s = key.downcast::<crate::objects::str::StrData>()?;
        let hash = s.hash();
        let removed = {
            let mut t = self.table.borrow_mut();
            let probe = t.probe_with(hash, |e| Some(e.key.is(key) || e.key.downcast::<crate::objects::str::StrData>().is_some_and(|k| k.as_str() == s.as_str())));
            match probe {
                Ok(Probe::Found(pos)) => t.remove_at(pos),
                _ => None,
            }
        };
        removed.map(|e| e.value)
    }

    /// Remove and return the last inserted item (`popitem`).
    pub fn pop_last(&self) -> Option<(PyRef, PyRef)> {
        let removed = {
            let mut t = self.table.borrow_mut();
            let pos = t.entries.iter().rposition(|e| e.is_some())?;
            t.remove_at(pos)
        };
        removed.map(|e| (e.key, e.value))
    }

    /// Index-table size (0 for a dict that never held anything or was cleared: CPython's
    /// shared empty keys) and whether the keys object is of the unicode kind, for
    /// `sys.getsizeof`.
    pub fn keys_geometry(&self) -> (usize, bool) {
        let t = self.table.borrow();
        (t.indices.len(), t.unicode)
    }
}

impl Default for DictData {
    fn default() -> Self {
        DictData::new()
    }
}

/// CPython's PyUnicode_CheckExact.
#[inline]
fn is_exact_str(k: &PyRef) -> bool {
    k.is_kind(Kind::Str) && crate::vm::abstract_::type_is_static(k)
}

/// CPython 3.13.0's `calculate_log2_keysize` as a slot count.
fn calculate_keysize(minsize: usize) -> usize {
    let m = ((minsize | MINSIZE) - 1) | (MINSIZE - 1);
    1usize << (usize::BITS - m.leading_zeros())
}

/// Equality that needs no Python code: identity, or two exact str objects. `None` means
/// a full `__eq__` comparison is needed.
#[inline]
fn fast_eq(a: &PyRef, b: &PyRef) -> Option<bool> {
    fast_eq_depth(a, b, 0)
}

fn fast_eq_depth(a: &PyRef, b: &PyRef, depth: u32) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    // Only exact built-in types: a subclass may override __eq__.
    if !(crate::vm::abstract_::type_is_static(a) && crate::vm::abstract_::type_is_static(b)) {
        return None;
    }
    use crate::objects::str::StrData;
    if let (Some(x), Some(y)) = (a.downcast::<StrData>(), b.downcast::<StrData>()) {
        return Some(x.as_str() == y.as_str());
    }
    // Exact ints and floats compare without Python code too.
    use crate::objects::int::IntData;
    if let (Some(x), Some(y)) = (a.downcast::<IntData>(), b.downcast::<IntData>()) {
        return Some(x.value() == y.value());
    }
    use crate::objects::float::FloatData;
    if let (Some(x), Some(y)) = (a.downcast::<FloatData>(), b.downcast::<FloatData>()) {
        return Some(x.0 == y.0);
    }
    // Exact tuples of such items (memo-cache keys): equal when every pair is, as
    // tuple.__eq__ decides; anything undecidable here takes the `__eq__` path.
    if depth < 16 && a.is_kind(crate::object::Kind::Tuple) && b.is_kind(crate::object::Kind::Tuple) {
        let (x, y) = (crate::objects::tuple::tuple_items(a), crate::objects::tuple::tuple_items(b));
        if x.len() != y.len() {
            return Some(false);
        }
        for (p, q) in x.iter().zip(y) {
            match fast_eq_depth(p, q, depth + 1) {
                Some(true) => {}
                other => return other,
            }
        }
        return Some(true);
    }
    None
}

/// Support for the VM's global-name caches (CPython's LOAD_GLOBAL inline cache): the
/// position of a key's entry stays valid while the dict's keys version is unchanged
/// (values may be replaced in place without invalidating it).
impl DictData {
    /// The keys version: changes whenever a key is added or removed or the table is rebuilt.
    #[inline(always)]
    pub fn keys_version(&self) -> u64 {
        self.table.borrow().version
    }

    /// Entry position of a str key (no Python code runs).
    pub fn str_key_position(&self, key: &PyRef) -> Option<usize> {
        let s = key.downcast::<crate::objects::str::StrData>()?;
        let hash = s.hash();
        let t = self.table.borrow();
        match t.probe_with(hash, |e| Some(e.key.is(key) || e.key.downcast::<crate::objects::str::StrData>().is_some_and(|k| k.as_str() == s.as_str()))) {
            Ok(Probe::Found(pos)) => Some(pos),
            _ => None,
        }
    }

    /// The keys version and, when present, the entry position and value of a str key
    /// matched by text (`hash` is the text's str hash; `key` the key object when there is
    /// one, for an identity fast check). No Python code runs. For the type attribute cache.
    pub fn str_entry(&self, name: &str, hash: isize, key: Option<&PyRef>) -> (u64, Option<(usize, PyRef)>) {
        let t = self.table.borrow();
        let probe = t.probe_with(hash, |e| {
            Some(key.is_some_and(|k| e.key.is(k)) || e.key.downcast::<crate::objects::str::StrData>().is_some_and(|k| k.as_str() == name))
        });
        match probe {
            Ok(Probe::Found(pos)) => (t.version, t.entries[pos].as_ref().map(|e| (pos, e.value.clone()))),
            _ => (t.version, None),
        }
    }

    /// The value at entry position `pos` if that entry's key is the object `key` (so the
    /// value is the one stored for it now, whatever else changed).
    #[inline(always)]
    pub fn value_at_if_key(&self, pos: usize, key: &PyRef) -> Option<PyRef> {
        let t = self.table.borrow();
        t.entries.get(pos).and_then(|e| e.as_ref()).filter(|e| e.key.is(key)).map(|e| e.value.clone())
    }

    /// The value at entry position `pos` if the keys version is still `version`.
    #[inline(always)]
    pub fn value_at_if_version(&self, pos: usize, version: u64) -> Option<PyRef> {
        let t = self.table.borrow();
        if t.version != version {
            return None;
        }
        t.entries.get(pos).and_then(|e| e.as_ref()).map(|e| e.value.clone())
    }
}
