//! `list` (CPython `Objects/listobject.c`). The items are a `Vec` whose capacity follows
//! CPython's `list_resize` over-allocation, so `sys.getsizeof` reports CPython's figures.
//! The item array comes from the interpreter's small-object allocator up to 512 bytes
//! (64 items), as CPython's comes from pymalloc through `PyMem_Malloc`: growing, shrinking
//! and freeing small lists costs a pool operation, not a `malloc` call.

use crate::object::{Kind, PyPayload, PyRef};
use crate::sync::PyCell;
use pyglass_alloc::local::ObAlloc;

/// A list's item array.
pub type ItemVec = allocator_api2::vec::Vec<PyRef, ObAlloc>;

/// An empty item array (allocates nothing).
#[inline(always)]
pub fn item_vec() -> ItemVec {
    ItemVec::new_in(ObAlloc)
}

/// An empty item array with room for `n` items.
#[inline]
pub fn item_vec_with_capacity(n: usize) -> ItemVec {
    ItemVec::with_capacity_in(n, ObAlloc)
}

/// An item array holding `items` with room for exactly `items.len()`.
pub fn item_vec_from(items: Vec<PyRef>) -> ItemVec {
    let mut v = item_vec_with_capacity(items.len());
    v.extend(items);
    v
}

/// An item array holding clones of `items` with room for exactly `items.len()`.
pub fn item_vec_cloned(items: &[PyRef]) -> ItemVec {
    let mut v = item_vec_with_capacity(items.len());
    v.extend_from_slice(items);
    v
}

pub struct ListData {
    pub items: PyCell<ItemVec>,
}

// SAFETY: Kind::List is used by no other payload type.
unsafe impl PyPayload for ListData {
    const KIND: Kind = Kind::List;
    const HAS_GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&PyRef)) {
        // Last to first, as CPython's list_traverse (the order gc.get_referents shows).
        if let Some(v) = self.items.try_borrow() {
            v.iter().rev().for_each(visit);
        }
    }
    fn clear(&self) {
        release_items(&mut self.take_items());
    }
}

impl Drop for ListData {
    fn drop(&mut self) {
        release_items(self.items.get_mut());
    }
}

/// Drop a list's items last to first, as CPython's `list_dealloc` and `_list_clear` do
/// (visible through `__del__` and weakref callbacks).
pub fn release_items(items: &mut ItemVec) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}

/// CPython's `list_resize` growth: the capacity for a list that must hold `newsize` items,
/// given its current capacity.
pub fn list_grow_capacity(allocated: usize, cursize: usize, newsize: usize) -> usize {
    if allocated >= newsize && newsize >= (allocated >> 1) {
        return allocated;
    }
    if newsize == 0 {
        return 0;
    }
    // new_allocated = (newsize + (newsize >> 3) + 6) & ~3, and if newsize - Py_SIZE(self) >
    // new_allocated - newsize, just use newsize rounded up.
    let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3usize;
    if newsize.saturating_sub(cursize) > new_allocated - newsize {
        new_allocated = (newsize + 3) & !3usize;
    }
    new_allocated
}

impl ListData {
    /// A list holding exactly `items` (CPython allocates new lists to their exact size:
    /// `list_new_prealloc`, `BUILD_LIST`, slices, concatenation, repetition).
    pub fn new(items: Vec<PyRef>) -> ListData {
        ListData { items: PyCell::new(item_vec_from(items)) }
    }

    /// A list holding exactly `items` (already an item array of the right capacity).
    pub fn from_items(mut items: ItemVec) -> ListData {
        items.shrink_to_fit();
        ListData { items: PyCell::new(items) }
    }

    /// Take the items out, leaving the list empty with no item array.
    pub fn take_items(&self) -> ItemVec {
        std::mem::replace(&mut *self.items.borrow_mut(), item_vec())
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Append with CPython's growth pattern.
    #[inline]
    pub fn append(&self, v: PyRef) {
        let mut items = self.items.borrow_mut();
        let n = items.len();
        if n == items.capacity() {
            let cap = list_grow_capacity(items.capacity(), n, n + 1);
            items.reserve_exact(cap - n);
        }
        items.push(v);
    }

    /// `list.pop()`: the last item, shrinking the buffer as CPython's `list_resize` does
    /// when the list falls below half its capacity; `None` when empty.
    pub fn pop_last(&self) -> Option<PyRef> {
        let mut items = self.items.borrow_mut();
        let v = items.pop()?;
        shrink_after_pop(&mut items);
        Some(v)
    }

    /// Make room for `extra` more items with CPython's growth pattern (list.extend, +=).
    pub fn reserve_for(items: &mut ItemVec, extra: usize) {
        let n = items.len();
        let want = n + extra;
        if want > items.capacity() {
            let cap = list_grow_capacity(items.capacity(), n, want);
            items.reserve_exact(cap.max(want) - n);
        }
    }

    /// CPython's `list_resize(self, newsize)` applied to the capacity of `items` while it
    /// still holds `cursize` items (the size before the change): grows (amortised) or
    /// shrinks (when falling below half) exactly as CPython reallocates.
    pub fn resize(items: &mut ItemVec, cursize: usize, newsize: usize) {
        let cap = list_grow_capacity(items.capacity(), cursize, newsize);
        if cap > items.capacity() {
            let len = items.len();
            items.reserve_exact(cap - len);
        } else if cap < items.capacity() {
            items.shrink_to(cap);
        }
    }

    /// Room for `n` more items from a source of known size (`list_extend`): an exact
    /// preallocation when the list has no item array yet, else `list_resize`.
    pub fn grow_for_extend(items: &mut ItemVec, n: usize) {
        let m = items.len();
        if items.capacity() == 0 {
            ListData::preallocate_exact(items, n);
        } else {
            ListData::resize(items, m, m + n);
        }
    }

    /// CPython's `list_preallocate_exact` for a list with no item array yet: room for `n`
    /// items rounded up to an even count.
    pub fn preallocate_exact(items: &mut ItemVec, n: usize) {
        let want = (n + 1) & !1usize;
        if want > items.capacity() {
            let len = items.len();
            items.reserve_exact(want - len);
        }
    }

    pub fn get(&self, i: usize) -> Option<PyRef> {
        self.items.borrow().get(i).cloned()
    }

    pub fn snapshot(&self) -> Vec<PyRef> {
        self.items.borrow().to_vec()
    }
}

/// After removing one item: shrink like CPython's `list_resize` when the list has fallen
/// below half its capacity.
pub fn shrink_after_pop(items: &mut ItemVec) {
    let n = items.len();
    if n < items.capacity() / 2 {
        let cap = list_grow_capacity(items.capacity(), n + 1, n);
        items.shrink_to(cap);
    }
}
