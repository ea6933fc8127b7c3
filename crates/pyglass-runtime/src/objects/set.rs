//! `set` and `frozenset` (CPython `Objects/setobject.c`): open addressing with linear
//! probing runs of 9 slots and perturbed jumps, resizing at 60% fill. The table layout is
//! CPython's, so iteration order (and `print` of a set of ints) matches it.

use crate::object::{Kind, PyPayload, PyRef};
use crate::sync::PyCell;
use crate::vm::{PyResult, Vm};

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
pub const MINSIZE: usize = 8;

#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Active(isize, PyRef),
}

pub struct SetTable {
    pub slots: Vec<Slot>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
    pub version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::Empty; MINSIZE], fill: 0, used: 0, finger: 0, version: 0 }
    }
}

pub struct SetData {
    pub table: PyCell<SetTable>,
    /// Cached hash of a frozenset (-1 = not computed).
    pub hash: std::cell::Cell<isize>,
}

// SAFETY: Kind::Set is used by no other payload type.
unsafe impl PyPayload for SetData {
    const KIND: Kind = Kind::Set;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        if let Some(t) = self.table.try_borrow() {
            for s in &t.slots {
                if let Slot::Active(_, k) = s {
                    visit(k);
                }
            }
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        drop(old);
    }
}

enum Probe {
    Found(usize),
    /// Not present: (first empty slot, first dummy seen).
    Missing(usize, Option<usize>),
    /// A non-identical key with the same hash needs `__eq__`: slot to compare.
    Compare(usize, PyRef),
}

impl SetTable {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Probe for `key`, deciding equality without Python code where possible;
    /// `skip_until` makes the probe continue past slots already compared unequal.
    fn probe(&self, hash: isize, key: &PyRef, unequal: &[usize]) -> Probe {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let idx = i + j;
                match &self.slots[idx] {
                    Slot::Empty => return Probe::Missing(idx, freeslot),
                    Slot::Active(h, k) if *h == hash => {
                        if k.is(key) {
                            return Probe::Found(idx);
                        }
                        if !unequal.contains(&idx) {
                            match fast_eq(k, key) {
                                Some(true) => return Probe::Found(idx),
                                Some(false) => {}
                                None => return Probe::Compare(idx, k.clone()),
                            }
                        }
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(idx);
                        }
                    }
                    Slot::Active(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    fn insert_clean(slots: &mut [Slot], hash: isize, key: PyRef) {
        let mask = slots.len() - 1;
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(slots[i + j], Slot::Empty) {
                        slots[i + j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// CPython's `set_table_resize` (a small table without dummies is left alone).
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        if newsize == MINSIZE && self.slots.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        for s in old {
            if let Slot::Active(h, k) = s {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
        self.fill = self.used;
        self.version += 1;
    }

    pub fn iter(&self) -> impl Iterator<Item = &PyRef> {
        self.slots.iter().filter_map(|s| if let Slot::Active(_, k) = s { Some(k) } else { None })
    }

    /// Slots (for `sys.getsizeof`).
    pub fn table_size(&self) -> usize {
        self.slots.len()
    }
}

fn fast_eq(a: &PyRef, b: &PyRef) -> Option<bool> {
    use crate::objects::int::IntData;
    use crate::objects::str::StrData;
    // Only exact built-in types: a subclass may override __eq__.
    if !(crate::vm::abstract_::type_is_static(a) && crate::vm::abstract_::type_is_static(b)) {
        return None;
    }
    if let (Some(x), Some(y)) = (a.downcast::<StrData>(), b.downcast::<StrData>()) {
        return Some(x.as_str() == y.as_str());
    }
    if let (Some(x), Some(y)) = (a.downcast::<IntData>(), b.downcast::<IntData>()) {
        return Some(x.value() == y.value());
    }
    None
}

impl SetData {
    pub fn new() -> SetData {
        SetData { table: PyCell::new(SetTable::default()), hash: std::cell::Cell::new(-1) }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Find `key`: the slot index if present, else the insertion slot.
    fn find(&self, vm: &Vm, key: &PyRef, hash: isize) -> PyResult<Result<usize, usize>> {
        let mut unequal: Vec<usize> = Vec::new();
        loop {
            let (probe, version) = {
                let t = self.table.borrow();
                (t.probe(hash, key, &unequal), t.version)
            };
            match probe {
                Probe::Found(i) => return Ok(Ok(i)),
                Probe::Missing(empty, dummy) => return Ok(Err(dummy.unwrap_or(empty))),
                Probe::Compare(i, k) => {
                    let eq = vm.eq(&k, key)?;
                    if self.table.borrow().version != version {
                        unequal.clear();
                        continue;
                    }
                    if eq {
                        return Ok(Ok(i));
                    }
                    unequal.push(i);
                }
            }
        }
    }

    pub fn add(&self, vm: &Vm, key: PyRef) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.add_hashed(vm, key, hash)
    }

    pub fn add_hashed(&self, vm: &Vm, key: PyRef, hash: isize) -> PyResult<()> {
        match self.find(vm, &key, hash)? {
            Ok(_) => Ok(()),
            Err(slot) => {
                let mut t = self.table.borrow_mut();
                let was_empty = matches!(t.slots[slot], Slot::Empty);
                t.slots[slot] = Slot::Active(hash, key);
                t.used += 1;
                t.version += 1;
                if was_empty {
                    t.fill += 1;
                    let mask = t.mask();
                    if t.fill * 5 >= mask * 3 {
                        let used = t.used;
                        t.resize(if used > 50000 { used * 2 } else { used * 4 });
                    }
                }
                Ok(())
            }
        }
    }

    /// Active entries `(key, hash)` in table order.
    pub fn entries(&self) -> Vec<(PyRef, isize)> {
        self.table.borrow().slots.iter().filter_map(|s| if let Slot::Active(h, k) = s { Some((k.clone(), *h)) } else { None }).collect()
    }

    pub fn contains_hashed(&self, vm: &Vm, key: &PyRef, hash: isize) -> PyResult<bool> {
        Ok(self.find(vm, key, hash)?.is_ok())
    }

    /// Remove `key` (hash known); whether it was present.
    pub fn discard_hashed(&self, vm: &Vm, key: &PyRef, hash: isize) -> PyResult<bool> {
        match self.find(vm, key, hash)? {
            Ok(i) => {
                let old = {
                    let mut t = self.table.borrow_mut();
                    t.used -= 1;
                    t.version += 1;
                    std::mem::replace(&mut t.slots[i], Slot::Dummy)
                };
                drop(old);
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }

    /// Resize the table for about `minused` entries (CPython's `set_table_resize`).
    pub fn resize_for(&self, minused: usize) {
        let mut t = self.table.borrow_mut();
        t.resize(minused);
    }

    /// (fill, used, mask) of the table.
    pub fn counts(&self) -> (usize, usize, usize) {
        let t = self.table.borrow();
        (t.fill, t.used, t.mask())
    }

    /// Exchange the contents of two sets (CPython's `set_swap_bodies`).
    pub fn swap_bodies(&self, other: &SetData) {
        std::mem::swap(&mut *self.table.borrow_mut(), &mut *other.table.borrow_mut());
        self.table.borrow_mut().version += 1;
        other.table.borrow_mut().version += 1;
        self.hash.set(-1);
        other.hash.set(-1);
    }

    /// Add every element of another set (CPython's `set_merge`, whose table-copying
    /// shortcuts decide the resulting iteration order).
    pub fn merge(&self, vm: &Vm, other: &SetData) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let (oslots, omask, ofill, oused) = {
            let t = other.table.borrow();
            (t.slots.clone(), t.mask(), t.fill, t.used)
        };
        if oused == 0 {
            return Ok(());
        }
        {
            let mut t = self.table.borrow_mut();
            if (t.fill + oused) * 5 >= t.mask() * 3 {
                let u = t.used;
                t.resize((u + oused) * 2);
            }
            if t.fill == 0 && t.mask() == omask && ofill == oused {
                for (i, s) in oslots.into_iter().enumerate() {
                    if matches!(s, Slot::Active(..)) {
                        t.slots[i] = s;
                    }
                }
                t.fill = ofill;
                t.used = oused;
                t.version += 1;
                return Ok(());
            }
            if t.fill == 0 {
                t.fill = oused;
                t.used = oused;
                for s in oslots {
                    if let Slot::Active(h, k) = s {
                        Self::insert_clean_into(&mut t.slots, h, k);
                    }
                }
                t.version += 1;
                return Ok(());
            }
        }
        for s in oslots {
            if let Slot::Active(h, k) = s {
                self.add_hashed(vm, k, h)?;
            }
        }
        Ok(())
    }

    fn insert_clean_into(slots: &mut [Slot], hash: isize, key: PyRef) {
        SetTable::insert_clean(slots, hash, key)
    }

    pub fn contains(&self, vm: &Vm, key: &PyRef) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        Ok(self.find(vm, key, hash)?.is_ok())
    }

    /// Remove `key`; whether it was present.
    pub fn discard(&self, vm: &Vm, key: &PyRef) -> PyResult<bool> {
        let hash = vm.hash(key)?;
        match self.find(vm, key, hash)? {
            Ok(i) => {
                let old = {
                    let mut t = self.table.borrow_mut();
                    t.used -= 1;
                    t.version += 1;
                    std::mem::replace(&mut t.slots[i], Slot::Dummy)
                };
                drop(old);
                Ok(true)
            }
            Err(_) => Ok(false),
        }
    }

    /// Remove and return an arbitrary element (CPython's `set.pop` order).
    pub fn pop(&self) -> Option<PyRef> {
        let mut t = self.table.borrow_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Slot::Active(..)) {
            i = (i + 1) & mask;
        }
        let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
        t.used -= 1;
        t.version += 1;
        t.finger = i + 1;
        match old {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }

    pub fn items(&self) -> Vec<PyRef> {
        self.table.borrow().iter().cloned().collect()
    }

    pub fn clear_all(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        drop(old);
    }

    /// How many active keys there are at or after `pos` (a set iterator's length hint).
    pub fn count_from(&self, pos: usize) -> usize {
        let t = self.table.borrow();
        t.slots.get(pos..).unwrap_or_default().iter().filter(|s| matches!(s, Slot::Active(..))).count()
    }

    /// Every active key at or after `pos`, in table order, appended to `out` (a set
    /// iterator drained at once).
    pub fn keys_into(&self, pos: usize, out: &mut Vec<PyRef>) {
        let t = self.table.borrow();
        for s in t.slots.get(pos..).unwrap_or_default() {
            if let Slot::Active(_, k) = s {
                out.push(k.clone());
            }
        }
    }

    /// Next active entry at or after `pos`: (key, next position).
    pub fn entry_from(&self, mut pos: usize) -> Option<(PyRef, usize)> {
        let t = self.table.borrow();
        while pos < t.slots.len() {
            if let Slot::Active(_, k) = &t.slots[pos] {
                return Some((k.clone(), pos + 1));
            }
            pos += 1;
        }
        None
    }
}

impl Default for SetData {
    fn default() -> Self {
        SetData::new()
    }
}

impl Vm {
    pub fn new_set(&self, frozen: bool) -> PyRef {
        let t = if frozen { &self.ctx.types.frozenset } else { &self.ctx.types.set };
        self.ctx.alloc(t, SetData::new())
    }

    pub fn set_add(&self, s: &PyRef, v: PyRef) -> PyResult<()> {
        match s.downcast::<SetData>() {
            Some(sd) => sd.add(self, v),
            None => Err(self.type_error("set expected")),
        }
    }
}
