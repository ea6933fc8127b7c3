//! A small open-addressing set of non-zero `usize` keys: the arena map (keys are arena
//! numbers, `address >> ARENA_BITS`) and the table of live large allocations (keys are
//! addresses). Linear probing with Fibonacci hashing; deletion shifts entries back so no
//! tombstones accumulate. Entirely safe code: the allocator's membership test
//! (CPython's `address_in_range`) never touches the memory a pointer points at.

/// The empty-slot marker; keys are never 0.
const EMPTY: usize = 0;
const MIN_CAPACITY: usize = 16;

pub(crate) struct AddrSet {
    slots: Box<[usize]>,
    len: usize,
    /// `64 - log2(capacity)`: the hash keeps the top bits of the product.
    shift: u32,
}

#[inline(always)]
fn hash(key: usize, shift: u32) -> usize {
    // `shift` is 64 only for the empty table, where any index misses.
    (key as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_shr(shift) as usize
}

impl AddrSet {
    pub(crate) fn new() -> AddrSet {
        AddrSet {
            slots: Box::new([]),
            len: 0,
            shift: 64,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Bytes of table memory (for statistics).
    pub(crate) fn table_bytes(&self) -> usize {
        self.slots.len() * std::mem::size_of::<usize>()
    }

    #[inline(always)]
    pub(crate) fn contains(&self, key: usize) -> bool {
        debug_assert_ne!(key, EMPTY);
        // The first probe inline (the table is at most half full, so it usually decides);
        // the empty table has no slot, so `get` finds nothing whatever the index.
        let i = hash(key, self.shift);
        match self.slots.get(i) {
            Some(&k) if k == key => true,
            Some(&k) if k == EMPTY => false,
            Some(_) => self.probe(key, i + 1),
            None => false,
        }
    }

    #[inline(never)]
    fn probe(&self, key: usize, mut i: usize) -> bool {
        let mask = self.slots.len() - 1;
        loop {
            let k = self.slots[i & mask];
            if k == key {
                return true;
            }
            if k == EMPTY {
                return false;
            }
            i = i.wrapping_add(1);
        }
    }

    /// Insert `key`; returns false if it was already present.
    pub(crate) fn insert(&mut self, key: usize) -> bool {
        debug_assert_ne!(key, EMPTY);
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(key, self.shift) & mask;
        loop {
            let k = self.slots[i];
            if k == key {
                return false;
            }
            if k == EMPTY {
                self.slots[i] = key;
                self.len += 1;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /// Remove `key`; returns false if it was not present.
    pub(crate) fn remove(&mut self, key: usize) -> bool {
        debug_assert_ne!(key, EMPTY);
        if self.slots.is_empty() {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = hash(key, self.shift) & mask;
        loop {
            let k = self.slots[i];
            if k == EMPTY {
                return false;
            }
            if k == key {
                break;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: move later members of the probe run into the hole when
        // the hole lies between their home slot and their current slot.
        self.slots[i] = EMPTY;
        let mut hole = i;
        let mut j = i;
        loop {
            j = (j + 1) & mask;
            let k = self.slots[j];
            if k == EMPTY {
                break;
            }
            let home = hash(k, self.shift) & mask;
            if (j.wrapping_sub(home) & mask) >= (j.wrapping_sub(hole) & mask) {
                self.slots[hole] = k;
                self.slots[j] = EMPTY;
                hole = j;
            }
        }
        self.len -= 1;
        true
    }

    fn grow(&mut self) {
        let cap = (self.slots.len() * 2).max(MIN_CAPACITY);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; cap].into_boxed_slice());
        self.shift = 64 - cap.trailing_zeros();
        self.len = 0;
        for k in old.iter().copied().filter(|&k| k != EMPTY) {
            self.insert(k);
        }
    }

    /// Every key (unordered).
    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = usize> + '_ {
        self.slots.iter().copied().filter(|&k| k != EMPTY)
    }
}

#[cfg(test)]
mod tests {
    use super::AddrSet;
    use std::collections::HashSet;

    #[test]
    fn insert_contains_remove_against_hashset() {
        let mut s = AddrSet::new();
        let mut model = HashSet::new();
        let mut x: u64 = 0x1234_5678;
        let n = if cfg!(miri) { 300 } else { 20_000 };
        for _ in 0..n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Small key space so that removals hit and probe runs collide.
            let key = (x % 97) as usize * 16 + 16;
            if x & 1 == 0 {
                assert_eq!(s.insert(key), model.insert(key));
            } else {
                assert_eq!(s.remove(key), model.remove(&key));
            }
            assert_eq!(s.len(), model.len());
            let probe = ((x >> 8) % 97) as usize * 16 + 16;
            assert_eq!(s.contains(probe), model.contains(&probe));
        }
        let mut got: Vec<usize> = s.keys().collect();
        let mut want: Vec<usize> = model.into_iter().collect();
        got.sort();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn empty_set() {
        let mut s = AddrSet::new();
        assert!(!s.contains(1));
        assert!(!s.remove(1));
        assert!(s.insert(1));
        assert!(!s.insert(1));
        assert!(s.contains(1));
        assert!(s.remove(1));
        assert!(!s.contains(1));
    }
}
