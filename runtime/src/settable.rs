//! CPython 3.11's set hash table (`Objects/setobject.c`), emulated slot for
//! slot so that a set iterates, and `pop`s, in exactly the order CPython's
//! does; plus CPython's hash functions for the types whose hash is
//! deterministic.
//!
//! A CPython set's iteration order is a function of its keys' hashes *and* of
//! its whole history: which slot each insertion probed to, which deleted
//! slots (dummies) were reused, when and to what size the table was rebuilt,
//! and which fast path each bulk operation took. So everything here follows
//! the C code step by step, and each piece names the function it mirrors.
//!
//! Keys are opaque `Copy` words. Equality is the caller's callback
//! `eq(stored, probe)`, called exactly where CPython calls
//! `PyObject_RichCompareBool(startkey, key, Py_EQ)` (the callback must do the
//! identity shortcut itself, as `PyObject_RichCompareBool` does); it may fail
//! with the caller's error type `E`. Hashes are precomputed `i64`s (never -1).
//! The table never owns references: functions that store keys say which ones
//! the caller must incref, and functions that drop keys hand them back.
//!
//! Aliasing: CPython special-cases "`other` is `so`" in several operations.
//! The `&self, &other` functions detect it with [`std::ptr::eq`], so pass the
//! same `&SetTable` for the same object. The in-place ones cannot be given an
//! alias; for `a |= a` do nothing, for `a &= a` call
//! [`SetTable::intersection_update_self`], and for `a -= a` / `a ^= a` call
//! [`SetTable::clear`] (that is what CPython does).
//!
//! Not emulated: CPython's dict-argument paths (`set.update(d)` and friends
//! iterate a dict's hash table directly), and the restart CPython performs
//! when an `__eq__` mutates the set being probed (the callback cannot reach
//! the table here). Frozensets share this table; a frozenset whose hash has
//! been cached can answer `==` without comparing keys in CPython, which only
//! changes how many times `eq` runs, never a result.
//!
//! Compiler note (3.11): a set display of three or more constants,
//! `{3, 1, 2}`, compiles to `BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE`,
//! and that frozenset is not laid out as adding the items in order would lay
//! it out: see [`SetTable::constant_frozenset`]. Other displays (`BUILD_SET
//! n`) add their items in source order ([`SetTable::from_keys`]).

use std::convert::Infallible;

use num_bigint::BigInt;

// ---------------------------------------------------------------------------
// Hash functions (Python/pyhash.c, Objects/longobject.c, floatobject.c,
// tupleobject.c, setobject.c on a 64-bit build).
// ---------------------------------------------------------------------------

/// Number of bits of `_PyHASH_MODULUS`.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`, the Mersenne prime 2**61 - 1 numeric hashes reduce by.
pub const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `hash(float('inf'))`; `-HASH_INF` for negative infinity.
pub const HASH_INF: i64 = 314_159;
/// A stand-in for `hash(None)`. In CPython 3.11 `None` hashes by its address
/// (`_Py_HashPointer`), which changes from run to run, so no set order that
/// involves `None` is reproducible there; this is the constant CPython 3.12
/// adopted. Do not expect it to match a 3.11 process.
pub const HASH_NONE: i64 = 0xFCA8_6420;

/// Turns CPython's error sentinel -1 into -2, as every `tp_hash` does.
fn not_minus_one(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `hash(v)` for an int that fits in an `i64`: same result as [`hash_int`].
pub fn hash_i64(v: i64) -> i64 {
    // long_hash reduces |v| modulo 2**61 - 1 and restores the sign.
    let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
    not_minus_one(if v < 0 { -m } else { m })
}

/// `hash(v)` for any int (mirrors `long_hash`). `hash(True) == hash_i64(1)`.
pub fn hash_int(v: &BigInt) -> i64 {
    // Horner over the 64-bit digits, most significant first; x stays below
    // the modulus so `x << 64 | d` fits in a u128.
    let m = u128::from(HASH_MODULUS);
    let digits = v.magnitude().to_u64_digits();
    let x = digits
        .iter()
        .rev()
        .fold(0u128, |x, &d| ((x << 64) | u128::from(d)) % m) as i64;
    not_minus_one(if v.sign() == num_bigint::Sign::Minus {
        -x
    } else {
        x
    })
}

/// `frexp` for a finite non-zero `x`: `x == m * 2**e` with `0.5 <= |m| < 1`.
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first (2**64 is exact).
        let (m, e) = frexp(x * f64::from_bits((1023 + 64) << 52));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}

/// `hash(x)` for a float (mirrors `_Py_HashDouble`). `None` for NaN, which
/// CPython 3.10+ hashes by object identity (`_Py_HashPointer`).
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if x == 0.0 {
        return Some(0);
    }
    let (mut m, mut e) = frexp(x);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    // Consume the mantissa 28 bits at a time, reducing modulo 2**61 - 1
    // (a left rotation in 61 bits multiplies by a power of two mod P).
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS) | (h >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64; // the integer part; m < 2**28 here
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS {
            h -= HASH_MODULUS;
        }
    }
    // The exponent, reduced modulo 61 (floor semantics for negatives).
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    };
    let e = e as u32;
    h = ((h << e) & HASH_MODULUS) | (h >> (HASH_BITS - e));
    let h = h as i64;
    Some(not_minus_one(if negative { -h } else { h }))
}

/// `hash(t)` for a tuple given its items' hashes (mirrors 3.8+ `tuplehash`,
/// the xxHash64-based one).
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut hash = TupleHash::new();
    item_hashes.iter().for_each(|&h| hash.add(h));
    hash.finish()
}

/// `tuplehash` one item at a time, for callers that hash the items as they go.
pub struct TupleHash {
    acc: u64,
    len: u64,
}

impl Default for TupleHash {
    fn default() -> Self {
        Self::new()
    }
}

impl TupleHash {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;

    pub fn new() -> Self {
        TupleHash {
            acc: Self::PRIME_5,
            len: 0,
        }
    }

    #[inline]
    pub fn add(&mut self, item_hash: i64) {
        self.acc = self
            .acc
            .wrapping_add((item_hash as u64).wrapping_mul(Self::PRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(Self::PRIME_1);
        self.len += 1;
    }

    pub fn finish(&self) -> i64 {
        // The length term is mangled to keep hash(()) at its historical value.
        let acc = self
            .acc
            .wrapping_add(self.len ^ (Self::PRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            return 1_546_275_796;
        }
        acc as i64
    }
}

/// `hash(frozenset(...))` given its items' hashes in any order (mirrors
/// `frozenset_hash`; the table's empty and dummy slots cancel out there).
pub fn hash_frozenset(item_hashes: &[i64]) -> i64 {
    fn shuffle_bits(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash = item_hashes
        .iter()
        .fold(0u64, |acc, &h| acc ^ shuffle_bits(h as u64));
    hash ^= (item_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        return 590_923_713;
    }
    hash as i64
}

/// SipHash-1-3 with the all-zero key (mirrors `siphash13` in pyhash.c, which
/// is keyed by `_Py_HashSecret`; that key is all zeros under
/// `PYTHONHASHSEED=0`).
fn siphash13(data: &[u8]) -> u64 {
    let mut v = [
        0x736f_6d65_7073_6575u64,
        0x646f_7261_6e64_6f6d,
        0x6c79_6765_6e65_7261,
        0x7465_6462_7974_6573,
    ];
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[2] = v[2].wrapping_add(v[3]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[1]);
        v[0] = v[0].wrapping_add(v[3]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mi = u64::from_le_bytes(word);
        v[3] ^= mi;
        round(&mut v);
        v[0] ^= mi;
    }
    let tail = chunks
        .remainder()
        .iter()
        .enumerate()
        .fold(0u64, |t, (i, &b)| t | (u64::from(b) << (8 * i)));
    let b = ((data.len() as u64) << 56) | tail;
    v[3] ^= b;
    round(&mut v);
    v[0] ^= b;
    v[2] ^= 0xff;
    round(&mut v);
    round(&mut v);
    round(&mut v);
    (v[0] ^ v[1]) ^ (v[2] ^ v[3])
}

/// `hash(b)` for bytes as CPython computes it under `PYTHONHASHSEED=0`
/// (mirrors `_Py_HashBytes`). Real CPython randomizes this per process.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    not_minus_one(siphash13(data) as i64)
}

/// A deterministic hash for `str`, never -1. CPython salts string hashes per
/// process, so a set of strings has no reproducible order there; this is
/// exactly CPython's hash under `PYTHONHASHSEED=0` (SipHash-1-3, zero key,
/// over the PEP 393 representation: Latin-1, UCS-2 or UCS-4 by the widest
/// character), so orders match a CPython run with that setting.
pub fn hash_str(s: &str) -> i64 {
    if s.is_ascii() {
        return hash_bytes(s.as_bytes());
    }
    let widest = s.chars().map(u32::from).max().unwrap_or(0);
    let data: Vec<u8> = if widest < 0x100 {
        s.chars().map(|c| u32::from(c) as u8).collect()
    } else if widest < 0x1_0000 {
        s.chars()
            .flat_map(|c| (u32::from(c) as u16).to_le_bytes())
            .collect()
    } else {
        s.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect()
    };
    hash_bytes(&data)
}

// ---------------------------------------------------------------------------
// The table.
// ---------------------------------------------------------------------------

/// `PySet_MINSIZE`: the size of the table embedded in every set object.
const MINSIZE: usize = 8;
/// How many extra neighbouring slots each probe inspects.
const LINEAR_PROBES: u64 = 9;
const PERTURB_SHIFT: u32 = 5;

/// One `setentry`.
#[derive(Clone, Copy, Debug)]
enum Slot<K> {
    /// `key == NULL`: never used since the table was (re)built.
    Empty,
    /// `key == dummy, hash == -1`: a deleted key, reusable by an insertion.
    Dummy,
    Active(K, i64),
}

/// The probe sequence shared by `set_lookkey`, `set_add_entry` and
/// `set_insert_clean`: runs of up to `LINEAR_PROBES + 1` adjacent slots,
/// jumping by `i = i*5 + 1 + perturb` with the hash's high bits shifted in.
struct Probe {
    i: u64,
    perturb: u64,
    mask: u64,
    started: bool,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Self {
        let mask = mask as u64;
        Probe {
            i: hash as u64 & mask,
            perturb: hash as u64,
            mask,
            started: false,
        }
    }

    /// The next run of slot indexes to inspect, in order.
    fn next_run(&mut self) -> std::ops::RangeInclusive<usize> {
        if self.started {
            self.perturb >>= PERTURB_SHIFT;
            self.i = self
                .i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
        }
        self.started = true;
        // The linear run only happens when it cannot wrap past the end.
        let last = if self.i + LINEAR_PROBES <= self.mask {
            self.i + LINEAR_PROBES
        } else {
            self.i
        };
        self.i as usize..=last as usize
    }
}

/// Mirrors `set_insert_clean`: places a key known to be absent into a table
/// known to have no dummies.
fn insert_clean<K: Copy>(slots: &mut [Slot<K>], key: K, hash: i64) {
    let mut probe = Probe::new(hash, slots.len() - 1);
    loop {
        for j in probe.next_run() {
            if let Slot::Empty = slots[j] {
                slots[j] = Slot::Active(key, hash);
                return;
            }
        }
    }
}

/// What an in-place operation did to the table's references.
///
/// Even when `result` is an error the lists describe what was done before
/// the failure (CPython leaves such partial updates in place too).
#[must_use]
#[derive(Debug)]
pub struct Changes<K, E = Infallible> {
    /// Keys the table now holds that it did not hold before: incref them.
    pub added: Vec<K>,
    /// Keys the table no longer holds: release them.
    pub removed: Vec<K>,
    /// Whether an `eq` call (or the input iterator) failed part way.
    pub result: Result<(), E>,
}

impl<K, E> Changes<K, E> {
    fn new(added: Vec<K>, removed: Vec<K>, result: Result<(), E>) -> Self {
        Changes {
            added,
            removed,
            result,
        }
    }
}

/// A set's table, laid out exactly as CPython's setobject.c lays it out.
#[derive(Debug)]
pub struct SetTable<K: Copy> {
    /// `so->table`; its length is `so->mask + 1`, a power of two >= 8.
    slots: Vec<Slot<K>>,
    /// `so->fill`: active plus dummy slots.
    fill: usize,
    /// `so->used`: active slots.
    used: usize,
    /// `so->finger`: where the next `pop` starts looking.
    finger: usize,
}

impl<K: Copy> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// An `eq` for paths that never compare (merging into an empty table).
fn never_eq<K>(_: K, _: K) -> Result<bool, Infallible> {
    Ok(false)
}

impl<K: Copy> SetTable<K> {
    /// An empty set (mirrors `make_new_set`: the 8-slot embedded table).
    pub fn new() -> Self {
        SetTable {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.used
    }

    /// `not s`.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The number of slots (`mask + 1`), which is what `sys.getsizeof` of a
    /// CPython set reflects.
    pub fn table_size(&self) -> usize {
        self.slots.len()
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Keys with their hashes in table (iteration) order (mirrors `set_next`).
    pub fn iter(&self) -> impl Iterator<Item = (K, i64)> + '_ {
        self.slots.iter().filter_map(|slot| match *slot {
            Slot::Active(k, h) => Some((k, h)),
            _ => None,
        })
    }

    fn keys(&self) -> Vec<K> {
        self.iter().map(|(k, _)| k).collect()
    }

    /// Mirrors `set_lookkey`: the index of the stored key equal to `key`.
    fn lookkey<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mut probe = Probe::new(hash, self.mask());
        loop {
            for j in probe.next_run() {
                match self.slots[j] {
                    Slot::Empty => return Ok(None),
                    Slot::Active(k, h) => {
                        if h == hash && eq(k, key)? {
                            return Ok(Some(j));
                        }
                    }
                    Slot::Dummy => {}
                }
            }
        }
    }

    /// `key in s` with a precomputed hash (mirrors `set_contains_entry`).
    pub fn contains<E>(
        &self,
        key: K,
        hash: i64,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.lookkey(key, hash, eq)?.is_some())
    }

    /// Inserts `key` with precomputed `hash` unless an equal key is present;
    /// returns true if inserted (then the caller increfs `key`). `eq(a, b)`
    /// is Python equality and may fail; on failure nothing is inserted.
    /// Mirrors `set_add_entry`, including its resize.
    pub fn insert<E>(
        &mut self,
        key: K,
        hash: i64,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        let mask = self.mask();
        let mut probe = Probe::new(hash, mask);
        // CPython reuses the *last* dummy seen on the probe path, not the first.
        let mut freeslot = None;
        loop {
            for j in probe.next_run() {
                match self.slots[j] {
                    Slot::Empty => {
                        self.used += 1;
                        if let Some(f) = freeslot {
                            self.slots[f] = Slot::Active(key, hash);
                            return Ok(true);
                        }
                        self.slots[j] = Slot::Active(key, hash);
                        self.fill += 1;
                        if self.fill * 5 >= mask * 3 {
                            self.table_resize(self.growth_target());
                        }
                        return Ok(true);
                    }
                    Slot::Active(k, h) => {
                        if h == hash && eq(k, key)? {
                            return Ok(false);
                        }
                    }
                    Slot::Dummy => freeslot = Some(j),
                }
            }
        }
    }

    /// The `minused` CPython passes to `set_table_resize` when growing or
    /// purging dummies.
    fn growth_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// Mirrors `set_table_resize`: rebuilds into the smallest power-of-two
    /// table larger than `minused`, reinserting in old slot order.
    fn table_resize(&mut self, minused: usize) {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        // An 8-slot table is the embedded one; CPython skips rebuilding it
        // when it has no dummies (any other resize rebuilds, even to the same
        // size, which can reorder keys).
        if newsize == MINSIZE && self.slots.len() == MINSIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(k, h) = slot {
                insert_clean(&mut self.slots, k, h);
            }
        }
    }

    /// Removes and returns the stored key equal to `key` (the caller releases
    /// it), like `set.discard`; `Ok(None)` if absent. Mirrors
    /// `set_discard_entry`: the slot becomes a dummy and the table never
    /// shrinks here.
    pub fn remove<E>(
        &mut self,
        key: K,
        hash: i64,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Option<K>, E> {
        let Some(j) = self.lookkey(key, hash, eq)? else {
            return Ok(None);
        };
        let Slot::Active(old, _) = self.slots[j] else {
            return Ok(None);
        };
        self.slots[j] = Slot::Dummy;
        self.used -= 1;
        Ok(Some(old))
    }

    /// `set.pop()` (mirrors `set_pop`): scans from the finger, wrapping, and
    /// leaves the finger after the popped slot, so repeated pops return what
    /// CPython returns. `None` when empty. The caller owns the returned key.
    pub fn pop(&mut self) -> Option<K> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        loop {
            if let Slot::Active(k, _) = self.slots[i] {
                self.slots[i] = Slot::Dummy;
                self.used -= 1;
                self.finger = i + 1;
                return Some(k);
            }
            i = if i == mask { 0 } else { i + 1 };
        }
    }

    /// `set.clear()` (mirrors `set_clear_internal`: back to the 8-slot
    /// table; the pop finger is kept). Returns the keys for the caller to
    /// release.
    pub fn clear(&mut self) -> Vec<K> {
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; MINSIZE]);
        self.fill = 0;
        self.used = 0;
        old.into_iter()
            .filter_map(|slot| match slot {
                Slot::Active(k, _) => Some(k),
                _ => None,
            })
            .collect()
    }

    /// An exact copy of the layout (dummies and all), with a fresh pop
    /// finger. This is what `frozenset(f)` / `f.copy()` amount to for a
    /// frozenset `f` (CPython returns `f` itself). For `set.copy()` use
    /// [`SetTable::copy`], which may lay keys out differently. The keys are
    /// copied as is; the caller increfs them.
    pub fn clone_table(&self) -> Self {
        SetTable {
            slots: self.slots.clone(),
            fill: self.fill,
            used: self.used,
            finger: 0,
        }
    }

    /// `s.copy()`, `set(s)`, `frozenset(s)` for a set `s` (mirrors
    /// `set_copy`: `set_merge` into a new empty set, which copies the layout
    /// only when the sizes agree and `s` has no dummies, and otherwise
    /// reinserts in slot order). The caller increfs every key of the result.
    pub fn copy(&self) -> Self {
        let mut copy = Self::new();
        let Ok(()) = copy.merge(self, &mut never_eq, &mut Vec::new());
        copy
    }

    /// Mirrors `set_merge` (`so` is `self`), recording inserted keys.
    fn merge<E>(
        &mut self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
        added: &mut Vec<K>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        // One big resize up front, expecting few overlapping keys.
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.table_resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.slots.len() == other.slots.len() && other.fill == other.used {
            self.slots.copy_from_slice(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            added.extend(other.iter().map(|(k, _)| k));
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (k, h) in other.iter() {
                insert_clean(&mut self.slots, k, h);
                added.push(k);
            }
            return Ok(());
        }
        for (k, h) in other.iter() {
            if self.insert(k, h, eq)? {
                added.push(k);
            }
        }
        Ok(())
    }

    /// Adds keys one by one, as `set_update_internal` does for an iterable
    /// that is not a set (list, tuple, range, generator...).
    fn add_all<E>(
        &mut self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
        added: &mut Vec<K>,
    ) -> Result<(), E> {
        for item in keys {
            let (k, h) = item?;
            if self.insert(k, h, eq)? {
                added.push(k);
            }
        }
        Ok(())
    }

    /// `set(iterable)` / `frozenset(iterable)` for a non-set iterable, and
    /// the items of a set display, added one by one in order (`make_new_set`
    /// then `set_update_internal`). Each item is a key with its hash, or the
    /// error hashing or iterating raised (which stops the build). The caller
    /// increfs every key of the result. For a set argument use
    /// [`SetTable::copy`].
    pub fn from_keys<E>(
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut set = Self::new();
        set.add_all(keys, eq, &mut Vec::new())?;
        Ok(set)
    }

    /// The frozenset constant CPython 3.11's compiler makes for a set
    /// display of three or more constants (`{3, 1, 2}`, and `x in {..}` /
    /// `for x in {..}`): built by adding `keys` in source order, then rebuilt
    /// by adding them in that set's iteration order (`merge_consts_recursive`
    /// builds a new frozenset from the old one's items). The display itself
    /// is `BUILD_SET 0; SET_UPDATE` with it, i.e. this table's
    /// [`SetTable::copy`]; iterating or testing membership uses it directly.
    ///
    /// One case cannot be reproduced: when a key is a `str` made only of
    /// ASCII letters, digits and `_` and the process had already interned an
    /// equal string, code-object creation (`intern_string_constants`)
    /// rebuilds the frozenset once more. Strings have no reproducible order
    /// in CPython anyway (their hashes are salted).
    pub fn constant_frozenset<E>(
        keys: &[(K, i64)],
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let first = Self::from_keys(keys.iter().copied().map(Ok), eq)?;
        Self::from_keys(first.iter().map(Ok), eq)
    }

    /// Moves `new`'s body into `self` (mirrors `set_swap_bodies`, which
    /// leaves the pop finger behind).
    fn swap_in<E>(&mut self, new: Self) -> Changes<K, E> {
        let removed = self.keys();
        let added = new.keys();
        self.slots = new.slots;
        self.fill = new.fill;
        self.used = new.used;
        Changes::new(added, removed, Ok(()))
    }

    // ----- union ---------------------------------------------------------

    /// `s.update(other)` and `s |= other` for a set `other` (mirrors
    /// `set_update_internal` -> `set_merge`). `other` must not be `self`'s
    /// own object (that is a no-op in CPython).
    pub fn update<E>(
        &mut self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        let mut added = Vec::new();
        let result = self.merge(other, eq, &mut added);
        Changes::new(added, Vec::new(), result)
    }

    /// `s.update(iterable)` for a non-set iterable: adds one by one.
    pub fn update_iter<E>(
        &mut self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        let mut added = Vec::new();
        let result = self.add_all(keys, eq, &mut added);
        Changes::new(added, Vec::new(), result)
    }

    /// `s | other` and `s.union(other)` for a set `other` (mirrors `set_or`:
    /// copy `s`, then merge `other` unless it is `s` itself).
    pub fn union<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = self.copy();
        if !std::ptr::eq(self, other) {
            result.merge(other, eq, &mut Vec::new())?;
        }
        Ok(result)
    }

    /// `s.union(iterable)` for a non-set iterable (mirrors `set_union`).
    pub fn union_iter<E>(
        &self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = self.copy();
        result.add_all(keys, eq, &mut Vec::new())?;
        Ok(result)
    }

    // ----- intersection --------------------------------------------------

    /// `s & other` and `s.intersection(other)` for a set `other` (mirrors
    /// `set_intersection`): iterates the smaller set (`other` on a tie),
    /// adding to a fresh set those of its keys the larger one contains, so
    /// the result keeps the smaller set's key objects.
    pub fn intersection<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        if std::ptr::eq(self, other) {
            return Ok(self.copy());
        }
        let (large, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        let mut result = Self::new();
        for (k, h) in small.iter() {
            if large.contains(k, h, eq)? {
                result.insert(k, h, eq)?;
            }
        }
        Ok(result)
    }

    /// `s.intersection(iterable)` for a non-set iterable (mirrors
    /// `set_intersection`'s iterator path): keeps the iterable's key objects
    /// and stops consuming it once the result is as large as `s`.
    pub fn intersection_iter<E>(
        &self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = Self::new();
        for item in keys {
            let (k, h) = item?;
            if self.contains(k, h, eq)? {
                result.insert(k, h, eq)?;
                if result.used >= self.used {
                    break;
                }
            }
        }
        Ok(result)
    }

    /// `s &= other` and `s.intersection_update(other)` for a set `other`
    /// (mirrors `set_intersection_update`: the intersection is built as a new
    /// set whose body replaces `s`'s). For `s &= s` use
    /// [`SetTable::intersection_update_self`].
    pub fn intersection_update<E>(
        &mut self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        match self.intersection(other, eq) {
            Ok(new) => self.swap_in(new),
            Err(e) => Changes::new(Vec::new(), Vec::new(), Err(e)),
        }
    }

    /// `s &= s`: CPython replaces `s`'s body with `s.copy()`, which can
    /// reorder it.
    pub fn intersection_update_self(&mut self) -> Changes<K> {
        let new = self.copy();
        self.swap_in(new)
    }

    /// `s.intersection_update(iterable)` for a non-set iterable.
    pub fn intersection_update_iter<E>(
        &mut self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        match self.intersection_iter(keys, eq) {
            Ok(new) => self.swap_in(new),
            Err(e) => Changes::new(Vec::new(), Vec::new(), Err(e)),
        }
    }

    // ----- difference ----------------------------------------------------

    /// Discards every key of `keys` from `self`, recording what went.
    fn discard_all<E>(
        &mut self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
        removed: &mut Vec<K>,
    ) -> Result<(), E> {
        for item in keys {
            let (k, h) = item?;
            if let Some(old) = self.remove(k, h, eq)? {
                removed.push(old);
            }
        }
        Ok(())
    }

    /// The tail of `set_difference_update_internal`: rebuild when more than
    /// a quarter of the slots are dummies.
    fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.table_resize(self.growth_target());
        }
    }

    /// Mirrors `set_difference_update_internal` for a set `other` that is
    /// not `self`'s object.
    fn difference_update_set<E>(
        &mut self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
        removed: &mut Vec<K>,
    ) -> Result<(), E> {
        // When `other` is more than 8 times larger, CPython discards the
        // intersection instead (same keys, fewer probes of `other`).
        if (other.used >> 3) > self.used {
            let common = self.intersection(other, eq)?;
            self.discard_all(common.iter().map(Ok), eq, removed)?;
        } else {
            self.discard_all(other.iter().map(Ok), eq, removed)?;
        }
        self.purge_dummies();
        Ok(())
    }

    /// Mirrors `set_difference_update_internal` for a non-set iterable.
    fn difference_update_keys<E>(
        &mut self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
        removed: &mut Vec<K>,
    ) -> Result<(), E> {
        self.discard_all(keys, eq, removed)?;
        self.purge_dummies();
        Ok(())
    }

    /// `s -= other` and `s.difference_update(other)` for a set `other`
    /// (mirrors `set_difference_update_internal`, including its final
    /// rebuild when over a quarter of the slots are dummies). For `s -= s`
    /// use [`SetTable::clear`].
    pub fn difference_update<E>(
        &mut self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        let mut removed = Vec::new();
        let result = self.difference_update_set(other, eq, &mut removed);
        Changes::new(Vec::new(), removed, result)
    }

    /// `s.difference_update(iterable)` for a non-set iterable.
    pub fn difference_update_iter<E>(
        &mut self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        let mut removed = Vec::new();
        let result = self.difference_update_keys(keys, eq, &mut removed);
        Changes::new(Vec::new(), removed, result)
    }

    /// `s - other` and `s.difference(other)` for a set `other` (mirrors
    /// `set_difference`): when `len(s) >> 2 > len(other)` copy `s` and
    /// discard `other`'s keys from the copy; otherwise add to a fresh set
    /// each key of `s` that `other` lacks.
    pub fn difference<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        if (self.used >> 2) > other.used {
            let mut result = self.copy();
            result.difference_update_set(other, eq, &mut Vec::new())?;
            return Ok(result);
        }
        let mut result = Self::new();
        for (k, h) in self.iter() {
            if !other.contains(k, h, eq)? {
                result.insert(k, h, eq)?;
            }
        }
        Ok(result)
    }

    /// `s.difference(iterable)` for a non-set iterable (mirrors
    /// `set_copy_and_difference`).
    pub fn difference_iter<E>(
        &self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = self.copy();
        result.difference_update_keys(keys, eq, &mut Vec::new())?;
        Ok(result)
    }

    // ----- symmetric difference ------------------------------------------

    /// The toggle loop of `set_symmetric_difference_update`: each key of
    /// `other`, in its order, is discarded from `self` or else added.
    fn toggle_all<E>(
        &mut self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
        added: &mut Vec<K>,
        removed: &mut Vec<K>,
    ) -> Result<(), E> {
        for (k, h) in other.iter() {
            match self.remove(k, h, eq)? {
                Some(old) => removed.push(old),
                None => {
                    if self.insert(k, h, eq)? {
                        added.push(k);
                    }
                }
            }
        }
        Ok(())
    }

    /// `s ^= other` and `s.symmetric_difference_update(other)` for a set
    /// `other` (mirrors `set_symmetric_difference_update`). For `s ^= s` use
    /// [`SetTable::clear`].
    pub fn symmetric_difference_update<E>(
        &mut self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        let (mut added, mut removed) = (Vec::new(), Vec::new());
        let result = self.toggle_all(other, eq, &mut added, &mut removed);
        Changes::new(added, removed, result)
    }

    /// `s.symmetric_difference_update(iterable)` for a non-set iterable:
    /// CPython first builds a set from it (one by one), then toggles.
    pub fn symmetric_difference_update_iter<E>(
        &mut self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Changes<K, E> {
        let other = match Self::from_keys(keys, eq) {
            Ok(other) => other,
            Err(e) => return Changes::new(Vec::new(), Vec::new(), Err(e)),
        };
        self.symmetric_difference_update(&other, eq)
    }

    /// `s ^ other` and `s.symmetric_difference(other)` for a set `other`
    /// (mirrors `set_symmetric_difference`): copies *`other`*, then toggles
    /// each key of `s` in the copy.
    pub fn symmetric_difference<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = other.copy();
        result.toggle_all(self, eq, &mut Vec::new(), &mut Vec::new())?;
        Ok(result)
    }

    /// `s.symmetric_difference(iterable)` for a non-set iterable: a set is
    /// built from the iterable one by one, then `s`'s keys are toggled in it.
    pub fn symmetric_difference_iter<E>(
        &self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<Self, E> {
        let mut result = Self::from_keys(keys, eq)?;
        result.toggle_all(self, eq, &mut Vec::new(), &mut Vec::new())?;
        Ok(result)
    }

    // ----- comparisons ---------------------------------------------------

    /// `s.issubset(other)` and `s <= other` for a set `other` (mirrors
    /// `set_issubset`).
    pub fn is_subset<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.used > other.used {
            return Ok(false);
        }
        for (k, h) in self.iter() {
            if !other.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `s.issubset(iterable)` for a non-set iterable: CPython computes the
    /// intersection and compares sizes.
    pub fn is_subset_iter<E>(
        &self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(self.intersection_iter(keys, eq)?.used == self.used)
    }

    /// `s.issuperset(other)` and `s >= other` for a set `other`.
    pub fn is_superset<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        other.is_subset(self, eq)
    }

    /// `s.issuperset(iterable)` for a non-set iterable: stops at the first
    /// missing key.
    pub fn is_superset_iter<E>(
        &self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        for item in keys {
            let (k, h) = item?;
            if !self.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `s.isdisjoint(other)` for a set `other` (mirrors `set_isdisjoint`:
    /// probes the larger set with the smaller one's keys).
    pub fn is_disjoint<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if std::ptr::eq(self, other) {
            return Ok(self.used == 0);
        }
        let (large, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        for (k, h) in small.iter() {
            if large.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `s.isdisjoint(iterable)` for a non-set iterable.
    pub fn is_disjoint_iter<E>(
        &self,
        keys: impl IntoIterator<Item = Result<(K, i64), E>>,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        for item in keys {
            let (k, h) = item?;
            if self.contains(k, h, eq)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `s == other` for a set `other` (mirrors `set_richcompare`'s `Py_EQ`).
    pub fn is_equal<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.used != other.used {
            return Ok(false);
        }
        self.is_subset(other, eq)
    }

    /// `s < other` for a set `other`.
    pub fn is_proper_subset<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.used >= other.used {
            return Ok(false);
        }
        self.is_subset(other, eq)
    }

    /// `s > other` for a set `other`.
    pub fn is_proper_superset<E>(
        &self,
        other: &Self,
        eq: &mut impl FnMut(K, K) -> Result<bool, E>,
    ) -> Result<bool, E> {
        if self.used <= other.used {
            return Ok(false);
        }
        self.is_superset(other, eq)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    //! A tiny interpreter for a Python subset (set statements over int,
    //! float, str, bool and tuple literals) runs programs whose expected
    //! output came from CPython 3.11 (`PYTHONHASHSEED=0`, for the strings).
    //! The programs are valid Python; the harness there predefines
    //! `p(x)`: prints a set as `{e1 e2 ...}` in iteration order, or a single
    //! value, with floats as their IEEE bits (`f<bits>`), so
    //! print formatting never enters the comparison;
    //! `d(s)`: prints `len(s)` and a positional digest of a set of ints
    //! (`acc = (acc * 1000003 + x) % 2**64` in iteration order).

    use super::*;
    use num_integer::Integer;
    use num_traits::{FromPrimitive, ToPrimitive};
    use std::collections::HashMap;

    #[derive(Clone, Debug)]
    enum Val {
        Int(BigInt),
        Bool(bool),
        Float(f64),
        Str(String),
        Tuple(Vec<Val>),
    }

    fn as_int(v: &Val) -> Option<BigInt> {
        match v {
            Val::Int(i) => Some(i.clone()),
            Val::Bool(b) => Some(BigInt::from(u8::from(*b))),
            _ => None,
        }
    }

    /// Python `==` between the literal kinds the interpreter knows.
    fn py_eq(a: &Val, b: &Val) -> bool {
        match (a, b) {
            (Val::Str(x), Val::Str(y)) => x == y,
            (Val::Tuple(x), Val::Tuple(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
            }
            (Val::Float(x), Val::Float(y)) => x == y,
            (Val::Float(f), other) | (other, Val::Float(f)) => match as_int(other) {
                Some(i) => f.fract() == 0.0 && BigInt::from_f64(*f) == Some(i),
                None => false,
            },
            _ => match (as_int(a), as_int(b)) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            },
        }
    }

    fn py_hash(v: &Val) -> i64 {
        match v {
            Val::Int(i) => hash_int(i),
            Val::Bool(b) => hash_i64(i64::from(*b)),
            Val::Float(f) => hash_float(*f).expect("no NaN in test programs"),
            Val::Str(s) => hash_str(s),
            Val::Tuple(t) => hash_tuple(&t.iter().map(py_hash).collect::<Vec<_>>()),
        }
    }

    fn fmt_val(v: &Val) -> String {
        match v {
            Val::Int(i) => i.to_string(),
            Val::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            Val::Float(f) => format!("f{}", f.to_bits() as i64),
            Val::Str(s) => format!("'{s}'"),
            Val::Tuple(t) => {
                let items: Vec<String> = t.iter().map(fmt_val).collect();
                format!("({})", items.join(","))
            }
        }
    }

    #[derive(Clone, Debug, PartialEq)]
    enum Tok {
        Name(String),
        Int(BigInt),
        Float(f64),
        Str(String),
        Op(&'static str),
    }

    const OPS: [&str; 24] = [
        "|=", "&=", "-=", "^=", "==", "<=", ">=", "(", ")", "[", "]", "{", "}", ",", ".", ":", "=",
        "<", ">", "|", "&", "-", "^", ";",
    ];

    fn lex(line: &str) -> Vec<Tok> {
        let chars: Vec<char> = line.chars().collect();
        let mut toks = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                i += 1;
            } else if c.is_ascii_digit() {
                let start = i;
                let mut float = false;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i < chars.len() && chars[i] == '.' {
                    float = true;
                    i += 1;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                if i < chars.len() && chars[i] == 'e' {
                    float = true;
                    i += 1;
                    if chars[i] == '-' || chars[i] == '+' {
                        i += 1;
                    }
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                let text: String = chars[start..i].iter().collect();
                toks.push(if float {
                    Tok::Float(text.parse().expect("float literal"))
                } else {
                    Tok::Int(text.parse().expect("int literal"))
                });
            } else if c.is_alphabetic() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                toks.push(Tok::Name(chars[start..i].iter().collect()));
            } else if c == '\'' {
                let start = i + 1;
                i = start;
                while chars[i] != '\'' {
                    i += 1;
                }
                toks.push(Tok::Str(chars[start..i].iter().collect()));
                i += 1;
            } else {
                let rest: String = chars[i..].iter().take(2).collect();
                let op = OPS
                    .iter()
                    .find(|op| rest.starts_with(**op))
                    .unwrap_or_else(|| panic!("bad character {c:?} in {line:?}"));
                toks.push(Tok::Op(op));
                i += op.len();
            }
        }
        toks
    }

    /// A literal, and whether CPython's compiler would fold it to a constant.
    struct Lit {
        val: Val,
        constant: bool,
    }

    /// What an iterable argument is: a set object, or other keys in order.
    enum Arg {
        Set(usize),
        Keys(Vec<usize>),
    }

    /// The value of an expression.
    enum Res {
        Set(usize),
        Value(String),
    }

    struct Obj {
        table: SetTable<usize>,
        frozen: bool,
    }

    struct Parser {
        toks: Vec<Tok>,
        pos: usize,
    }

    impl Parser {
        fn peek(&self) -> Option<&Tok> {
            self.toks.get(self.pos)
        }
        fn next(&mut self) -> Tok {
            let t = self.toks[self.pos].clone();
            self.pos += 1;
            t
        }
        fn is_op(&self, op: &str) -> bool {
            matches!(self.peek(), Some(Tok::Op(o)) if *o == op)
        }
        fn eat_op(&mut self, op: &str) -> bool {
            let found = self.is_op(op);
            if found {
                self.pos += 1;
            }
            found
        }
        fn expect_op(&mut self, op: &str) {
            assert!(self.eat_op(op), "expected {op:?} at {:?}", self.peek());
        }
        fn name(&mut self) -> String {
            match self.next() {
                Tok::Name(n) => n,
                t => panic!("expected a name, got {t:?}"),
            }
        }
        fn int(&mut self) -> i64 {
            let neg = self.eat_op("-");
            match self.next() {
                Tok::Int(i) => {
                    let v = i.to_i64().expect("small int");
                    if neg { -v } else { v }
                }
                t => panic!("expected an int, got {t:?}"),
            }
        }
        fn literal(&mut self) -> Lit {
            let neg = self.eat_op("-");
            let lit = match self.next() {
                Tok::Int(i) => Lit {
                    val: Val::Int(if neg { -i } else { i }),
                    constant: true,
                },
                Tok::Float(f) => Lit {
                    val: Val::Float(if neg { -f } else { f }),
                    constant: true,
                },
                Tok::Str(s) => Lit {
                    val: Val::Str(s),
                    constant: true,
                },
                Tok::Name(n) if n == "True" || n == "False" => Lit {
                    val: Val::Bool(n == "True"),
                    constant: true,
                },
                Tok::Name(n) if n == "float" => {
                    self.expect_op("(");
                    let Tok::Str(s) = self.next() else {
                        panic!("float() takes a string here")
                    };
                    self.expect_op(")");
                    let f = match s.as_str() {
                        "inf" => f64::INFINITY,
                        "-inf" => f64::NEG_INFINITY,
                        other => other.parse().expect("float text"),
                    };
                    Lit {
                        val: Val::Float(f),
                        constant: false,
                    }
                }
                Tok::Op("(") => {
                    let mut items = Vec::new();
                    let mut constant = true;
                    while !self.eat_op(")") {
                        let item = self.literal();
                        constant &= item.constant;
                        items.push(item.val);
                        self.eat_op(",");
                    }
                    Lit {
                        val: Val::Tuple(items),
                        constant,
                    }
                }
                t => panic!("expected a literal, got {t:?}"),
            };
            assert!(
                !neg || matches!(lit.val, Val::Int(_) | Val::Float(_)),
                "bad negation"
            );
            lit
        }
    }

    pub(crate) struct Interp {
        vals: Vec<Val>,
        objs: Vec<Obj>,
        vars: HashMap<String, usize>,
        out: Vec<String>,
    }

    fn eq_in(vals: &[Val]) -> impl FnMut(usize, usize) -> Result<bool, Infallible> + '_ {
        // PyObject_RichCompareBool's identity shortcut, then ==.
        move |a, b| Ok(a == b || py_eq(&vals[a], &vals[b]))
    }

    fn keys_in<'a>(
        vals: &'a [Val],
        ids: &'a [usize],
    ) -> impl Iterator<Item = Result<(usize, i64), Infallible>> + 'a {
        ids.iter().map(move |&i| Ok((i, py_hash(&vals[i]))))
    }

    /// The table's references after an in-place operation must be the ones
    /// before it, minus `removed`, plus `added` (as multisets).
    fn check_changes(before: Vec<usize>, changes: Changes<usize>, after: Vec<usize>) {
        ok(changes.result);
        let mut counts: HashMap<usize, i64> = HashMap::new();
        for &k in before.iter().chain(&changes.added) {
            *counts.entry(k).or_default() += 1;
        }
        for &k in changes.removed.iter().chain(&after) {
            *counts.entry(k).or_default() -= 1;
        }
        assert!(counts.values().all(|&c| c == 0), "reference bookkeeping");
    }

    fn ok<T>(r: Result<T, Infallible>) -> T {
        let Ok(v) = r;
        v
    }

    impl Interp {
        pub(crate) fn new() -> Self {
            Interp {
                vals: Vec::new(),
                objs: Vec::new(),
                vars: HashMap::new(),
                out: Vec::new(),
            }
        }

        /// Runs a program and returns what it printed, one line per print.
        pub(crate) fn run(src: &str) -> String {
            let mut it = Interp::new();
            for line in src.lines() {
                let toks = lex(line);
                if !toks.is_empty() {
                    it.stmt(&mut Parser { toks, pos: 0 });
                }
            }
            it.out.join("\n")
        }

        fn new_val(&mut self, v: Val) -> usize {
            self.vals.push(v);
            self.vals.len() - 1
        }

        fn new_obj(&mut self, table: SetTable<usize>, frozen: bool) -> usize {
            self.objs.push(Obj { table, frozen });
            self.objs.len() - 1
        }

        fn var(&self, name: &str) -> usize {
            *self
                .vars
                .get(name)
                .unwrap_or_else(|| panic!("unknown variable {name}"))
        }

        fn stmt(&mut self, p: &mut Parser) {
            let first = p.name();
            match first.as_str() {
                "p" | "d" => {
                    p.expect_op("(");
                    let r = self.expr(p);
                    p.expect_op(")");
                    let line = match (first.as_str(), r) {
                        ("p", Res::Set(o)) => {
                            let items: Vec<String> = self.objs[o]
                                .table
                                .iter()
                                .map(|(k, _)| fmt_val(&self.vals[k]))
                                .collect();
                            format!("{{{}}}", items.join(" "))
                        }
                        ("p", Res::Value(v)) => v,
                        ("d", Res::Set(o)) => self.digest(o),
                        _ => panic!("d() takes a set"),
                    };
                    self.out.push(line);
                }
                "for" => {
                    assert_eq!(p.name(), "i");
                    assert_eq!(p.name(), "in");
                    assert_eq!(p.name(), "range");
                    let range = self.range_args(p);
                    p.expect_op(":");
                    let target = self.var(&p.name());
                    p.expect_op(".");
                    let method = p.name();
                    p.expect_op("(");
                    assert_eq!(p.name(), "i");
                    p.expect_op(")");
                    for i in range {
                        let k = self.new_val(Val::Int(BigInt::from(i)));
                        self.elem_method(target, &method, k);
                    }
                }
                _ => {
                    if p.eat_op("=") {
                        let Res::Set(o) = self.expr(p) else {
                            panic!("only sets can be assigned")
                        };
                        self.vars.insert(first, o);
                    } else if p.eat_op(".") {
                        let target = self.var(&first);
                        self.method(p, target);
                    } else {
                        let Some(Tok::Op(op)) = p.peek().cloned() else {
                            panic!("bad statement")
                        };
                        p.pos += 1;
                        let target = self.var(&first);
                        let other = self.operand(p);
                        self.inplace(&first, target, op, other);
                    }
                }
            }
            assert!(p.peek().is_none(), "trailing tokens: {:?}", p.peek());
        }

        fn digest(&self, o: usize) -> String {
            let modulus = BigInt::from(u64::MAX) + 1;
            let mut acc: u64 = 0;
            for (k, _) in self.objs[o].table.iter() {
                let x = as_int(&self.vals[k]).expect("d() digests ints");
                let x = x.mod_floor(&modulus).to_u64().expect("reduced");
                acc = acc.wrapping_mul(1_000_003).wrapping_add(x);
            }
            format!("{} {}", self.objs[o].table.len(), acc)
        }

        fn range_args(&mut self, p: &mut Parser) -> Vec<i64> {
            p.expect_op("(");
            let mut args = vec![p.int()];
            while p.eat_op(",") {
                args.push(p.int());
            }
            p.expect_op(")");
            let (start, stop, step) = match args[..] {
                [stop] => (0, stop, 1),
                [start, stop] => (start, stop, 1),
                [start, stop, step] => (start, stop, step),
                _ => panic!("range takes 1 to 3 arguments"),
            };
            let mut out = Vec::new();
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                out.push(i);
                i += step;
            }
            out
        }

        /// An iterable argument: a set variable, a list display or a range.
        fn arg(&mut self, p: &mut Parser) -> Arg {
            if p.eat_op("[") {
                let mut ids = Vec::new();
                while !p.eat_op("]") {
                    let lit = p.literal();
                    ids.push(self.new_val(lit.val));
                    p.eat_op(",");
                }
                return Arg::Keys(ids);
            }
            if p.peek() != Some(&Tok::Name("range".into())) {
                return Arg::Set(self.operand(p));
            }
            p.pos += 1;
            let ids = self
                .range_args(p)
                .into_iter()
                .map(|i| self.new_val(Val::Int(BigInt::from(i))))
                .collect();
            Arg::Keys(ids)
        }

        /// A set-valued operand: a variable, a display or a constructor call.
        fn operand(&mut self, p: &mut Parser) -> usize {
            if p.eat_op("{") {
                let mut lits = Vec::new();
                while !p.eat_op("}") {
                    lits.push(p.literal());
                    p.eat_op(",");
                }
                return self.display(lits);
            }
            let name = p.name();
            if name != "set" && name != "frozenset" {
                return self.var(&name);
            }
            let frozen = name == "frozenset";
            p.expect_op("(");
            if p.eat_op(")") {
                return self.new_obj(SetTable::new(), frozen);
            }
            let arg = self.arg(p);
            p.expect_op(")");
            let table = match arg {
                // frozenset(f) is f itself.
                Arg::Set(o) if frozen && self.objs[o].frozen => return o,
                Arg::Set(o) => self.objs[o].table.copy(),
                Arg::Keys(ids) => ok(SetTable::from_keys(
                    keys_in(&self.vals, &ids),
                    &mut eq_in(&self.vals),
                )),
            };
            self.new_obj(table, frozen)
        }

        fn expr(&mut self, p: &mut Parser) -> Res {
            if p.peek() == Some(&Tok::Name("len".into())) {
                p.pos += 1;
                p.expect_op("(");
                let o = self.operand(p);
                p.expect_op(")");
                return Res::Value(self.objs[o].table.len().to_string());
            }
            let a = self.operand(p);
            if p.eat_op(".") {
                return self.method(p, a).expect("method with a value");
            }
            let op = match p.peek() {
                Some(Tok::Op(op @ ("|" | "&" | "-" | "^" | "==" | "<=" | ">=" | "<" | ">"))) => *op,
                _ => return Res::Set(a),
            };
            p.pos += 1;
            let b = self.operand(p);
            self.binary(a, op, b)
        }

        /// A set display: constants (3 or more) become a frozenset constant
        /// built twice, merged into a new set; otherwise items are added in
        /// order (BUILD_SET).
        fn display(&mut self, lits: Vec<Lit>) -> usize {
            let folded = lits.len() > 2 && lits.iter().all(|l| l.constant);
            let ids: Vec<usize> = lits.into_iter().map(|l| self.new_val(l.val)).collect();
            let vals = &self.vals;
            let table = if folded {
                let keys: Vec<(usize, i64)> = ids.iter().map(|&k| (k, py_hash(&vals[k]))).collect();
                ok(SetTable::constant_frozenset(&keys, &mut eq_in(vals))).copy()
            } else {
                ok(SetTable::from_keys(keys_in(vals, &ids), &mut eq_in(vals)))
            };
            self.new_obj(table, false)
        }

        fn binary(&mut self, a: usize, op: &str, b: usize) -> Res {
            let table = {
                let eq = &mut eq_in(&self.vals);
                let (x, y) = (&self.objs[a].table, &self.objs[b].table);
                match op {
                    "|" => ok(x.union(y, eq)),
                    "&" => ok(x.intersection(y, eq)),
                    "-" => ok(x.difference(y, eq)),
                    "^" => ok(x.symmetric_difference(y, eq)),
                    _ => {
                        let r = match op {
                            "==" => x.is_equal(y, eq),
                            "<=" => x.is_subset(y, eq),
                            ">=" => x.is_superset(y, eq),
                            "<" => x.is_proper_subset(y, eq),
                            ">" => x.is_proper_superset(y, eq),
                            _ => panic!("unknown operator {op}"),
                        };
                        return Res::Value(if ok(r) { "True" } else { "False" }.to_string());
                    }
                }
            };
            let frozen = self.objs[a].frozen;
            Res::Set(self.new_obj(table, frozen))
        }

        fn inplace(&mut self, name: &str, a: usize, op: &str, b: usize) {
            if self.objs[a].frozen {
                // frozenset has no in-place operators: `f |= x` is `f = f | x`.
                let Res::Set(o) = self.binary(a, &op[..1], b) else {
                    unreachable!()
                };
                self.vars.insert(name.to_string(), o);
                return;
            }
            let mut t = std::mem::take(&mut self.objs[a].table);
            let before = t.keys();
            let changes = if a == b {
                match op {
                    "|=" => Changes::new(Vec::new(), Vec::new(), Ok(())),
                    "&=" => t.intersection_update_self(),
                    "-=" | "^=" => Changes::new(Vec::new(), t.clear(), Ok(())),
                    _ => panic!("unknown operator {op}"),
                }
            } else {
                let other = &self.objs[b].table;
                let eq = &mut eq_in(&self.vals);
                match op {
                    "|=" => t.update(other, eq),
                    "&=" => t.intersection_update(other, eq),
                    "-=" => t.difference_update(other, eq),
                    "^=" => t.symmetric_difference_update(other, eq),
                    _ => panic!("unknown operator {op}"),
                }
            };
            check_changes(before, changes, t.keys());
            self.objs[a].table = t;
        }

        fn elem_method(&mut self, target: usize, method: &str, k: usize) {
            let h = py_hash(&self.vals[k]);
            let eq = &mut eq_in(&self.vals);
            let t = &mut self.objs[target].table;
            match method {
                "add" => drop(ok(t.insert(k, h, eq))),
                "discard" | "remove" => drop(ok(t.remove(k, h, eq))),
                _ => panic!("unknown method {method}"),
            }
        }

        /// `target.method(...)`; `None` for methods returning None.
        fn method(&mut self, p: &mut Parser, target: usize) -> Option<Res> {
            let method = p.name();
            p.expect_op("(");
            let res = match method.as_str() {
                "add" | "discard" | "remove" => {
                    let lit = p.literal();
                    let k = self.new_val(lit.val);
                    self.elem_method(target, &method, k);
                    None
                }
                "pop" => {
                    let k = self.objs[target]
                        .table
                        .pop()
                        .expect("pop from an empty set");
                    Some(Res::Value(fmt_val(&self.vals[k])))
                }
                "clear" => {
                    drop(self.objs[target].table.clear());
                    None
                }
                "copy" => {
                    if self.objs[target].frozen {
                        Some(Res::Set(target))
                    } else {
                        let table = self.objs[target].table.copy();
                        Some(Res::Set(self.new_obj(table, false)))
                    }
                }
                _ => {
                    let arg = self.arg(p);
                    self.method_with_arg(target, &method, arg)
                }
            };
            p.expect_op(")");
            res
        }

        fn method_with_arg(&mut self, target: usize, method: &str, arg: Arg) -> Option<Res> {
            let frozen = self.objs[target].frozen;
            let boolean = |b: bool| Some(Res::Value(if b { "True" } else { "False" }.into()));
            match arg {
                Arg::Set(o) => {
                    let op = match method {
                        "union" => "|",
                        "intersection" => "&",
                        "difference" => "-",
                        "symmetric_difference" => "^",
                        "update" => "|=",
                        "intersection_update" => "&=",
                        "difference_update" => "-=",
                        "symmetric_difference_update" => "^=",
                        "issubset" => "<=",
                        "issuperset" => ">=",
                        "isdisjoint" => {
                            let eq = &mut eq_in(&self.vals);
                            let (x, y) = (&self.objs[target].table, &self.objs[o].table);
                            return boolean(ok(x.is_disjoint(y, eq)));
                        }
                        _ => panic!("unknown method {method}"),
                    };
                    if op.ends_with('=') && op.len() == 2 && op != "<=" && op != ">=" {
                        assert!(!frozen, "frozenset has no {method}");
                        let name = String::new();
                        self.inplace(&name, target, op, o);
                        None
                    } else {
                        Some(self.binary(target, op, o))
                    }
                }
                Arg::Keys(ids) => {
                    let new = {
                        let vals = &self.vals;
                        let keys = keys_in(vals, &ids);
                        let eq = &mut eq_in(vals);
                        let t = &mut self.objs[target].table;
                        let before = t.keys();
                        match method {
                            "union" => ok(t.union_iter(keys, eq)),
                            "intersection" => ok(t.intersection_iter(keys, eq)),
                            "difference" => ok(t.difference_iter(keys, eq)),
                            "symmetric_difference" => ok(t.symmetric_difference_iter(keys, eq)),
                            "issubset" => return boolean(ok(t.is_subset_iter(keys, eq))),
                            "issuperset" => return boolean(ok(t.is_superset_iter(keys, eq))),
                            "isdisjoint" => return boolean(ok(t.is_disjoint_iter(keys, eq))),
                            _ => {
                                assert!(!frozen, "frozenset has no {method}");
                                let changes = match method {
                                    "update" => t.update_iter(keys, eq),
                                    "intersection_update" => t.intersection_update_iter(keys, eq),
                                    "difference_update" => t.difference_update_iter(keys, eq),
                                    "symmetric_difference_update" => {
                                        t.symmetric_difference_update_iter(keys, eq)
                                    }
                                    _ => panic!("unknown method {method}"),
                                };
                                check_changes(before, changes, t.keys());
                                return None;
                            }
                        }
                    };
                    Some(Res::Set(self.new_obj(new, frozen)))
                }
            }
        }
    }

    /// (program, what CPython 3.11 printed with `PYTHONHASHSEED=0`)
    const ROWS: &[(&str, &str)] = &[
        (
            "a = {3, 1, 2}\np(a)\nb = {0, 8, 16, 24, 32, 40, 5, 13, 21}\np(b)\nc = {1, 2}\np(c)\ne = {100, 7, float('inf'), 36, 3}\np(e)",
            "{1 2 3}\n{0 32 5 8 40 13 16 21 24}\n{1 2}\n{3 100 36 7 f9218868437227405312}",
        ),
        (
            "a = set()\na.add(3)\na.add(1)\na.add(2)\np(a)\np(set(range(20, 0, -3)))\np(set(range(100)))\np(set([40, 32, 24, 16, 8, 0]))",
            "{1 2 3}\n{2 5 8 11 14 17 20}\n{0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99}\n{32 0 40 8 16 24}",
        ),
        (
            "a = set([-1, -2, -3, 5, -8, 7, -9, 17, -16, 0])\np(a)\na.discard(-2)\np(a)\na.add(-2)\np(a)\np(set([-1, -2]))\np(set([-2, -1]))",
            "{0 5 7 -16 17 -2 -9 -8 -3 -1}\n{0 5 7 -16 17 -9 -8 -3 -1}\n{0 5 7 -16 17 -2 -9 -8 -3 -1}\n{-1 -2}\n{-2 -1}",
        ),
        (
            "a = set([0, 8, 16, 24, 1, 9])\np(a)\nb = set([0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352])\np(b)\nc = set([2305843009213693951, 0, 4611686018427387902, 1, 2305843009213693952])\np(c)\ne = set([18446744073709551616, 18446744073709551615, 9223372036854775807, -9223372036854775808, 1180591620717411303424, -36893488147419103232])\np(e)",
            "{0 1 8 9 16 24}\n{0 32 64 96 128 160 192 224 256 288 320 352}\n{2305843009213693951 0 2305843009213693952 4611686018427387902 1}\n{1180591620717411303424 9223372036854775807 18446744073709551615 18446744073709551616 -36893488147419103232 -9223372036854775808}",
        ),
        (
            "a = set([2305843009213693950, 2305843009213693951, 2305843009213693952, -2305843009213693950, -2305843009213693951, -2305843009213693952, 1000000000000000000000000000000, -1000000000000000000000000000000, 340282366920938463463374607431768211456, 12345678901234567890123456789012345678901234567890])\np(a)\np(set([4611686018427387903, 4611686018427387904, -4611686018427387903, 2305843009213693953]))",
            "{2305843009213693951 2305843009213693952 -2305843009213693950 -2305843009213693951 1000000000000000000000000000000 -1000000000000000000000000000000 340282366920938463463374607431768211456 12345678901234567890123456789012345678901234567890 -2305843009213693952 2305843009213693950}\n{4611686018427387903 4611686018427387904 2305843009213693953 -4611686018427387903}",
        ),
        (
            "a = set([0.5, 1.5, -0.0, 0.0, 1e300, 2.5e-310, 5e-324, float('inf'), float('-inf'), 3.141592653589793, 1.0, 1, 2, 2.0, -2.5, 0.1, 0.2, 0.30000000000000004, 1e16, 1e-5])\np(a)\nb = set([1, 1.0, True])\np(b)\nc = set([True, 1, 1.0, False, 0, 0.0, -0.0])\np(c)\np(set([1.0, 1, True]))\np(set([4503599627370496.5, 9007199254740993.0, 1.7976931348623157e308, 2.2250738585072014e-308, 123456.789]))",
            "{f4602678819172646912 f4609434218613702656 f-9223372036854775808 f1 f4614256656552045848 f4607182418800017408 2 f4591870180066957722 f4596373779694328218 f4599075939470750516 f4846369599423283200 f4532020583610935537 f9218868437227405312 f50600563326828 f-4503599627370496 f9094988921128908188 f-4610560118520545280}\n{1}\n{False True}\n{f4607182418800017408}\n{f4841369599423283200 f4845873199050653696 f4683220299150161609 f4503599627370496 f9218868437227405311}",
        ),
        (
            "a = set([(1, 2), (2, 1), (), (1,), ((1, 2), 3), (-1, -2), (1, 2.0), (0, 0, 0), (1.5, 'x'), ((), ()), (True, False)])\np(a)\np(set([(3, 4), (4, 3), (5, 6), (6, 5), (7, 8)]))",
            "{(1,2) (2,1) (-1,-2) ((),()) (0,0,0) ((1,2),3) (f4609434218613702656,'x') (1) (True,False) ()}\n{(3,4) (6,5) (4,3) (5,6) (7,8)}",
        ),
        (
            "a = set(['a', 'b', 'c', 'abc', 'hello', 'world', '', 'x1', 'longer string here', 'é', 'ü1', '€', 'ab€', '😀', 'a😀'])\np(a)\nb = {'é', 'ü1', '€', 'aé', 'ÿ', '€€'}\np(b)\nc = set(['q', 'r', 's', 't', 'u'])\np(c)",
            "{'' 'é' '€' '😀' 'b' 'a😀' 'c' 'a' 'abc' 'world' 'x1' 'longer string here' 'ü1' 'ab€' 'hello'}\n{'aé' 'é' '€€' '€' 'ü1' 'ÿ'}\n{'q' 'u' 's' 'r' 't'}",
        ),
        (
            "a = set()\nfor i in range(0, 1000, 1): a.add(i)\nfor i in range(0, 1000, 3): a.discard(i)\nd(a)\nfor i in range(1000, 1300, 1): a.add(i)\nd(a)\nfor i in range(0, 1300, 2): a.discard(i)\nd(a)\np(a)\nb = set([0, 8, 16])\nb.discard(0)\nb.discard(16)\nb.add(24)\np(b)",
            "666 1999727871280086873\n966 11759358420710800143\n483 44497622790332231\n{1 5 7 11 13 17 19 23 25 29 31 35 37 41 43 47 49 53 55 59 61 65 67 71 73 77 79 83 85 89 91 95 97 101 103 107 109 113 115 119 121 125 127 131 133 137 139 143 145 149 151 155 157 161 163 167 169 173 175 179 181 185 187 191 193 197 199 203 205 209 211 215 217 221 223 227 229 233 235 239 241 245 247 251 253 257 259 263 265 269 271 275 277 281 283 287 289 293 295 299 301 305 307 311 313 317 319 323 325 329 331 335 337 341 343 347 349 353 355 359 361 365 367 371 373 377 379 383 385 389 391 395 397 401 403 407 409 413 415 419 421 425 427 431 433 437 439 443 445 449 451 455 457 461 463 467 469 473 475 479 481 485 487 491 493 497 499 503 505 509 511 515 517 521 523 527 529 533 535 539 541 545 547 551 553 557 559 563 565 569 571 575 577 581 583 587 589 593 595 599 601 605 607 611 613 617 619 623 625 629 631 635 637 641 643 647 649 653 655 659 661 665 667 671 673 677 679 683 685 689 691 695 697 701 703 707 709 713 715 719 721 725 727 731 733 737 739 743 745 749 751 755 757 761 763 767 769 773 775 779 781 785 787 791 793 797 799 803 805 809 811 815 817 821 823 827 829 833 835 839 841 845 847 851 853 857 859 863 865 869 871 875 877 881 883 887 889 893 895 899 901 905 907 911 913 917 919 923 925 929 931 935 937 941 943 947 949 953 955 959 961 965 967 971 973 977 979 983 985 989 991 995 997 1001 1003 1005 1007 1009 1011 1013 1015 1017 1019 1021 1023 1025 1027 1029 1031 1033 1035 1037 1039 1041 1043 1045 1047 1049 1051 1053 1055 1057 1059 1061 1063 1065 1067 1069 1071 1073 1075 1077 1079 1081 1083 1085 1087 1089 1091 1093 1095 1097 1099 1101 1103 1105 1107 1109 1111 1113 1115 1117 1119 1121 1123 1125 1127 1129 1131 1133 1135 1137 1139 1141 1143 1145 1147 1149 1151 1153 1155 1157 1159 1161 1163 1165 1167 1169 1171 1173 1175 1177 1179 1181 1183 1185 1187 1189 1191 1193 1195 1197 1199 1201 1203 1205 1207 1209 1211 1213 1215 1217 1219 1221 1223 1225 1227 1229 1231 1233 1235 1237 1239 1241 1243 1245 1247 1249 1251 1253 1255 1257 1259 1261 1263 1265 1267 1269 1271 1273 1275 1277 1279 1281 1283 1285 1287 1289 1291 1293 1295 1297 1299}\n{8 24}",
        ),
        (
            "a = set(range(30))\nfor i in range(0, 30, 1): a.discard(i)\np(a)\na.add(5)\na.add(37)\na.add(69)\np(a)\na.clear()\na.add(9)\na.add(1)\np(a)\nb = set(range(4))\nfor i in range(0, 4, 1): b.discard(i)\nfor i in range(10, 14, 1): b.add(i)\np(b)",
            "{}\n{5 37 69}\n{9 1}\n{10 11 12 13}",
        ),
        (
            "a = set(range(10))\np(a.pop())\np(a.pop())\np(a.pop())\na.add(100)\na.add(0)\np(a.pop())\np(a)\nb = set([5, 13, 21, 29])\np(b.pop())\nb.add(45)\np(b.pop())\np(b.pop())\nb.clear()\nb.add(3)\nb.add(1)\np(b.pop())\np(b)",
            "0\n1\n2\n3\n{0 4 5 6 7 8 9 100}\n29\n13\n21\n1\n{3}",
        ),
        (
            "a = set(range(0, 200, 7))\np(a.pop())\np(a.pop())\na.difference_update(range(0, 100))\np(a.pop())\np(a)\nb = a.copy()\np(b.pop())\na &= a\np(a.pop())",
            "0\n133\n140\n{147 154 161 168 175 182 189 196 105 112 119 126}\n161\n175",
        ),
        (
            "a = set([1, 2, 3, 4, 5])\nb = set([4, 5, 6, 7, 8, 9, 10])\np(a | b)\np(b | a)\np(a & b)\np(b & a)\np(a - b)\np(b - a)\np(a ^ b)\np(b ^ a)\np(a == b)\np(a <= b)\np(a < a)\np(a >= a)\np(a > b)\nq = set([4])\np(b > q)\np(q < b)",
            "{1 2 3 4 5 6 7 8 9 10}\n{1 2 3 4 5 6 7 8 9 10}\n{4 5}\n{4 5}\n{1 2 3}\n{6 7 8 9 10}\n{1 2 3 6 7 8 9 10}\n{1 2 3 6 7 8 9 10}\nFalse\nFalse\nFalse\nTrue\nFalse\nTrue\nTrue",
        ),
        (
            "a = set([1, 2, 3])\nb = set([1.0, 2.0, 3.0])\np(a & b)\np(b & a)\nc = set([True, 2.0, 5, 6])\np(a & c)\np(c & a)\np(a.intersection(b))\np(a.intersection([3.0, 1.0, 7]))\np(a.union([1.0, 4.0]))\np(a ^ b)\np(a - b)",
            "{f4607182418800017408 f4611686018427387904 f4613937818241073152}\n{1 2 3}\n{1 2}\n{1 2}\n{f4607182418800017408 f4611686018427387904 f4613937818241073152}\n{f4607182418800017408 f4613937818241073152}\n{1 2 3 f4616189618054758400}\n{}\n{}",
        ),
        (
            "a = set([0, 8, 16, 24, 32, 40, 48])\nb = set([8, 24, 40, 56, 72])\np(a | b)\np(b | a)\np(a & b)\np(a - b)\np(b - a)\np(a ^ b)\np(b ^ a)",
            "{0 32 8 40 72 16 48 24 56}\n{0 32 8 40 72 16 48 56 24}\n{8 24 40}\n{0 16 32 48}\n{72 56}\n{0 32 72 16 48 56}\n{0 32 16 48 72 56}",
        ),
        (
            "a = set(range(0, 100))\nb = set([5, 50, 95, 200])\np(a - b)\nc = set(range(90, 130))\np(a - c)\ne = set(range(0, 64, 2))\np(a - e)\np(e - a)\nf = set(range(0, 200, 3))\ng = set([3, 6])\np(g - f)\np(f - g)",
            "{0 1 2 3 4 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 96 97 98 99}\n{0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89}\n{1 3 5 7 9 11 13 15 17 19 21 23 25 27 29 31 33 35 37 39 41 43 45 47 49 51 53 55 57 59 61 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99}\n{}\n{}\n{0 9 12 15 18 21 24 27 30 33 36 39 42 45 48 51 54 57 60 63 66 69 72 75 78 81 84 87 90 93 96 99 102 105 108 111 114 117 120 123 126 129 132 135 138 141 144 147 150 153 156 159 162 165 168 171 174 177 180 183 186 189 192 195 198}",
        ),
        (
            "a = set([1, 2, 3, 200, 300])\nb = set(range(0, 100))\na -= b\np(a)\nc = set(range(0, 100))\nc -= set(range(0, 100, 2))\np(c)\nc.add(1000)\nc.add(2000)\np(c)\ne = set(range(0, 100))\ne.difference_update([1, 2, 3])\np(e)\ne.difference_update(range(0, 80))\np(e)",
            "{200 300}\n{1 3 5 7 9 11 13 15 17 19 21 23 25 27 29 31 33 35 37 39 41 43 45 47 49 51 53 55 57 59 61 63 65 67 69 71 73 75 77 79 81 83 85 87 89 91 93 95 97 99}\n{1 3 5 7 9 11 13 15 17 19 21 23 25 27 29 31 33 35 37 39 41 43 45 47 49 51 53 55 57 59 61 63 65 67 69 71 73 75 77 79 81 83 85 87 89 91 93 95 97 99 2000 1000}\n{0 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99}\n{80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 96 97 98 99}",
        ),
        (
            "a = set([1, 2, 3, 40, 50])\nb = set([3, 4, 5, 50, 60, 70])\na |= b\np(a)\na &= set([1, 3, 5, 70, 99])\np(a)\na -= set([1])\np(a)\na ^= set([3, 8, 16, 24])\np(a)\nc = set([10, 20, 30])\nc.update([5, 15, 25, 35, 45])\np(c)\nc.update(set([1, 2]))\np(c)\nc.intersection_update([45, 5, 1, 2, 99])\np(c)\nc.symmetric_difference_update([2, 3, 4, 3])\np(c)\nc.symmetric_difference_update(set([1, 100]))\np(c)\nc.intersection_update(set([4, 5, 100, 7]))\np(c)\nc.difference_update(set([4]))\np(c)",
            "{1 2 3 4 5 70 40 50 60}\n{1 3 5 70}\n{3 5 70}\n{5 70 8 16 24}\n{35 5 10 45 15 20 25 30}\n{1 2 35 5 10 45 15 20 25 30}\n{1 5 2 45}\n{1 3 4 5 45}\n{3 4 5 100 45}\n{5 100 4}\n{5 100}",
        ),
        (
            "a = set(range(0, 40, 3))\nb = set(range(0, 40, 4))\np(a.union(b))\np(a.intersection(b))\np(a.difference(b))\np(a.symmetric_difference(b))\np(a.union([100, 0, 101]))\np(a.difference([0, 3, 6, 1000]))\np(a.symmetric_difference([0, 1, 2, 3]))\np(a.issubset(b))\np(a.issubset(range(0, 100)))\np(set([0, 12]).issubset(a))\np(a.issuperset([0, 3]))\np(a.issuperset(b))\np(a.isdisjoint(b))\np(a.isdisjoint([1, 2]))\np(a.isdisjoint(set([1, 2])))",
            "{0 3 4 6 8 9 12 15 16 18 20 21 24 27 28 30 32 33 36 39}\n{0 24 36 12}\n{33 3 6 39 9 15 18 21 27 30}\n{3 4 6 8 9 15 16 18 20 21 27 28 30 32 33 39}\n{0 33 3 36 100 6 39 101 9 12 15 18 21 24 27 30}\n{33 36 39 9 12 15 18 21 24 27 30}\n{1 2 33 36 6 39 9 12 15 18 21 24 27 30}\nFalse\nTrue\nTrue\nTrue\nFalse\nFalse\nTrue\nTrue",
        ),
        (
            "a = set(range(0, 50, 5))\na.discard(5)\na.discard(15)\np(a | a)\np(a & a)\np(a - a)\np(a ^ a)\nb = a ^ a\nb.add(3)\nb.add(0)\np(b)\na |= a\np(a)\na &= a\np(a)\nc = set(range(10))\nc -= c\np(c)\ne = set(range(10))\ne ^= e\np(e)\nf = set(range(20))\nf.discard(3)\nf.intersection_update(f)\np(f)\np(f.isdisjoint(f))",
            "{0 35 40 10 45 20 25 30}\n{0 35 40 10 45 20 25 30}\n{}\n{}\n{0 3}\n{0 35 40 10 45 20 25 30}\n{0 35 40 10 45 20 25 30}\n{}\n{}\n{0 1 2 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19}\nFalse",
        ),
        (
            "a = set([31, 0, 63, 95])\np(a)\nb = set(a)\np(b)\nc = set(range(5))\nc.discard(1)\np(set(c))\ne = set([7, 15, 23, 31, 39])\np(e)\np(e.copy())\nt = set(range(0, 320, 32))\np(t.copy())\nf = set([9, 1, 17, 25, 33])\nf.discard(9)\np(f.copy())\np(f | f)",
            "{0 63 95 31}\n{0 63 95 31}\n{0 2 3 4}\n{39 7 15 23 31}\n{7 23 39 31 15}\n{0 32 64 96 128 160 192 224 256 288}\n{33 25 1 17}\n{33 25 1 17}",
        ),
        (
            "f = frozenset([3, 11, 19, 27, 35])\np(f)\ng = frozenset(f)\np(g)\ns = set(f)\np(s)\nh = f | set([1, 2])\np(h)\nh |= set([43])\np(h)\np(f.copy())\np(frozenset(s))\np(f & set([11, 19]))\np(f ^ s)",
            "{3 35 11 19 27}\n{3 35 11 19 27}\n{3 35 19 27 11}\n{1 2 3 35 19 27 11}\n{1 2 3 35 19 27 43 11}\n{3 35 11 19 27}\n{3 35 19 27 11}\n{11 19}\n{}",
        ),
        (
            "a = set(range(0, 300000, 3))\nd(a)\na.add(-1)\nd(a)\nfor i in range(0, 150000, 2): a.discard(i)\nd(a)\nb = set(range(100000, 400000, 5))\nd(a | b)\nd(a & b)\nd(a - b)\nd(a ^ b)\nd(b - a)\na |= b\nd(a)\na ^= set(range(0, 60000))\nd(a)\na -= set(range(50000, 250000))\nd(a)\na &= set(range(0, 1000000, 7))\nd(a)\nd(set(range(60000, 0, -1)))",
            "100000 8190236725710552242\n100001 17608157868568938133\n75001 18358352862245562543\n123334 9998166256917404922\n11667 2634833390605072567\n63334 12610231733851249720\n111667 12052802493882535013\n48333 15964110796876717483\n123334 5240205064393253004\n163334 14387919924494690028\n85001 6991887128767690250\n12143 9491339062856777794\n60000 5633443663696439664",
        ),
        (
            "a = set()\nfor i in range(0, 70000, 1): a.add(i)\nd(a)\nfor i in range(0, 70000, 3): a.discard(i)\nd(a)\nfor i in range(70000, 90000, 1): a.add(i)\nd(a)\nb = set(a)\nd(b)\nb.difference_update(range(0, 90000, 5))\nd(b)\nc = set(range(0, 50001))\nd(c)\nc.add(50001)\nd(c)\nc.update(range(200000, 250000))\nd(c)",
            "70000 10793554939864152312\n46666 2005968424631534081\n66666 7047805904727345937\n66666 7047805904727345937\n53333 5359434047121982318\n50001 5953765690174772360\n50002 4667961716552545001\n100002 6532342759439811473",
        ),
    ];

    /// (int, hash) from CPython 3.11
    const INT_HASHES: &[(&str, i64)] = &[
        ("0", 0),
        ("1", 1),
        ("-1", -2),
        ("-2", -2),
        ("2", 2),
        ("5", 5),
        ("-5", -5),
        ("2305843009213693950", 2305843009213693950),
        ("2305843009213693951", 0),
        ("2305843009213693952", 1),
        ("2305843009213693953", 2),
        ("-2305843009213693951", 0),
        ("-2305843009213693952", -2),
        ("-2305843009213693953", -2),
        ("4611686018427387904", 2),
        ("9223372036854775807", 3),
        ("-9223372036854775808", -4),
        ("18446744073709551616", 8),
        ("18446744073709551615", 7),
        ("-18446744073709551616", -8),
        ("1000000000000000000000000000000", 465258685558744706),
        ("-1000000000000000000000000000000", -465258685558744706),
        (
            "515377520732011331036461129765621272702107522001",
            1175369268131054105,
        ),
        (
            "-515377520732011331036461129765621272702107522001",
            -1175369268131054105,
        ),
        (
            "1606938044258990275541962092341162602522202993782792835313721",
            143417,
        ),
    ];
    /// (float bits, hash) from CPython 3.11
    const FLOAT_HASHES: &[(u64, i64)] = &[
        (0x0, 0),                                   // 0.0
        (0x8000000000000000, 0),                    // -0.0
        (0x3fe0000000000000, 1152921504606846976),  // 0.5
        (0xbfe0000000000000, -1152921504606846976), // -0.5
        (0x3ff0000000000000, 1),                    // 1.0
        (0xbff0000000000000, -2),                   // -1.0
        (0x3ff8000000000000, 1152921504606846977),  // 1.5
        (0x3fb999999999999a, 230584300921369408),   // 0.1
        (0xbfb999999999999a, -230584300921369408),  // -0.1
        (0x7e37e43c8800759c, 1224995262755759164),  // 1e+300
        (0xfe37e43c8800759c, -1224995262755759164), // -1e+300
        (0x1a56e1fc2f8f359, 482449582752280463),    // 1e-300
        (0x1, 16777216),                            // 5e-324
        (0x2e055c9a3f6c, 386353265232576880),       // 2.5e-310
        (0x10000000000000, 32768),                  // 2.2250738585072014e-308
        (0x7fefffffffffffff, 2234066890152476671),  // 1.7976931348623157e+308
        (0x400921fb54442d18, 326490430436040707),   // 3.141592653589793
        (0x43c0000000000000, 1),                    // 2.305843009213694e+18
        (0x43d0000000000000, 2),                    // 4.611686018427388e+18
        (0x43b0000000000001, 1152921504606847232),  // 1.1529215046068472e+18
        (0x40fe240c9fbe76c9, 1819310134279660096),  // 123456.789
        (0xc0fe240c9fbe76c9, -1819310134279660096), // -123456.789
        (0x4341c37937e08000, 10000000000000000),    // 1e+16
        (0x4330000000000000, 4503599627370496),     // 4503599627370496.0
        (0x1, 16777216),                            // 5e-324
        (0x3fd5555555555555, 768614336404564608),   // 0.3333333333333333
        (0x4630000000000000, 549755813888),         // 1.2676506002282294e+30
        (0xc450000000000000, -512),                 // -1.1805916207174113e+21
    ];
    /// (item hashes, hash) from CPython 3.11
    const TUPLE_HASHES: &[(&[i64], i64)] = &[
        (&[], 5740354900026072187),
        (&[1], -6644214454873602895),
        (&[1, 2], -3550055125485641917),
        (&[2, 1], 6794810172467074373),
        (&[-2], 8078679518589016365),
        (&[-2], 8078679518589016365),
        (
            &[5740354900026072187, 5740354900026072187],
            9028247024705308198,
        ),
        (&[1, 8409376899596376432], 7267574591690527098),
        (&[0, 0, 0, 0, 0], -1981010948988890347),
        (&[0, -2], 8374038142897728572),
        (
            &[1152921504606846977, -3368204716105132637],
            3284398874032286768,
        ),
        (
            &[4644417185603328019, -8420940591063670578],
            7372137184884179083,
        ),
    ];
    /// (item hashes, hash) from CPython 3.11
    const FROZENSET_HASHES: &[(&[i64], i64)] = &[
        (&[], 133146708735736),
        (&[1], -558064481276695278),
        (&[1, 2, 3], -272375401224217160),
        (
            &[
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
                44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
                65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85,
                86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99,
            ],
            4411996150312757951,
        ),
        (&[-2, -2], 399283329322573),
        (
            &[4644417185603328019, -8420940591063670578],
            1679668661828516449,
        ),
        (&[-558064481276695278], 5515263749738256364),
    ];
    /// (str, hash) from CPython 3.11 with PYTHONHASHSEED=0
    const STR_HASHES: &[(&str, i64)] = &[
        ("", 0),
        ("a", 4644417185603328019),
        ("abc", -4594863902769663758),
        ("abcdefgh", 4574395652268504554),
        ("abcdefghi", -532774252720507163),
        ("hello world, this is longer", -3483295518001240135),
        ("é", 6047309291227476195),
        ("ÿþ", -1440243854243083951),
        ("Ā", 75343234424780393),
        ("€", -5529981157763016009),
        ("ab€cd", -4724825241079114274),
        ("😀", -3536540696076613844),
        ("a😀b", -7541021549821082252),
        ("ĀĀĀĀĀĀĀ", 6865580321124875564),
        (
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            1359644457043326220,
        ),
    ];
    /// (bytes, hash) from CPython 3.11 with PYTHONHASHSEED=0
    const BYTES_HASHES: &[(&[u8], i64)] = &[
        (&[], 0),
        (&[97], 4644417185603328019),
        (&[97, 98, 99], -4594863902769663758),
        (
            &[
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43,
                44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64,
                65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85,
                86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104,
                105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120,
                121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136,
                137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152,
                153, 154, 155, 156, 157, 158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168,
                169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 184,
                185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200,
                201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216,
                217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232,
                233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248,
                249, 250, 251, 252, 253, 254, 255,
            ],
            3579909164457460488,
        ),
        (
            &[255, 255, 255, 255, 255, 255, 255, 255, 255],
            -2129700217430894956,
        ),
    ];

    #[test]
    fn hashes_match_cpython() {
        for &(text, expected) in INT_HASHES {
            let v: BigInt = text.parse().expect("int");
            assert_eq!(hash_int(&v), expected, "hash({text})");
            if let Some(small) = v.to_i64() {
                assert_eq!(hash_i64(small), expected, "hash({text}) fast path");
            }
        }
        for &(bits, expected) in FLOAT_HASHES {
            let x = f64::from_bits(bits);
            assert_eq!(hash_float(x), Some(expected), "hash({x:e})");
        }
        assert_eq!(hash_float(f64::INFINITY), Some(314_159));
        assert_eq!(hash_float(f64::NEG_INFINITY), Some(-314_159));
        assert_eq!(hash_float(f64::NAN), None);
        for &(items, expected) in TUPLE_HASHES {
            assert_eq!(hash_tuple(items), expected, "hash of tuple {items:?}");
        }
        for &(items, expected) in FROZENSET_HASHES {
            assert_eq!(hash_frozenset(items), expected, "frozenset {items:?}");
        }
        for &(text, expected) in STR_HASHES {
            assert_eq!(hash_str(text), expected, "hash({text:?})");
        }
        for &(data, expected) in BYTES_HASHES {
            assert_eq!(hash_bytes(data), expected, "hash({data:?})");
        }
    }

    #[test]
    fn small_and_big_int_hashes_agree() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = x as i64 >> (x % 64);
            assert_eq!(hash_i64(v), hash_int(&BigInt::from(v)), "{v}");
        }
        for v in [i64::MIN, i64::MAX, -1, 0, 1] {
            assert_eq!(hash_i64(v), hash_int(&BigInt::from(v)), "{v}");
        }
    }

    /// Equality on plain ints that fails when either side is `bad`.
    fn failing_eq(bad: u64) -> impl FnMut(u64, u64) -> Result<bool, &'static str> {
        move |a, b| {
            if a == bad || b == bad {
                Err("boom")
            } else {
                Ok(a == b)
            }
        }
    }

    #[test]
    fn failed_comparisons_insert_nothing() {
        let mut t: SetTable<u64> = SetTable::new();
        // Same hash forces a comparison.
        for k in [1, 2, 3] {
            assert_eq!(t.insert(k, 7, &mut failing_eq(99)), Ok(true));
        }
        assert_eq!(t.insert(99, 7, &mut failing_eq(99)), Err("boom"));
        assert_eq!(t.len(), 3);
        assert_eq!(t.contains(99, 7, &mut failing_eq(99)), Err("boom"));
        assert_eq!(t.remove(99, 7, &mut failing_eq(99)), Err("boom"));
        assert_eq!(t.len(), 3);
        // A different hash never compares, so it goes in.
        assert_eq!(t.insert(99, 8, &mut failing_eq(99)), Ok(true));

        // A bulk update stops at the failure and reports what it did.
        let mut target: SetTable<u64> = SetTable::new();
        assert_eq!(target.insert(2, 5, &mut failing_eq(99)), Ok(true));
        let mut source: SetTable<u64> = SetTable::new();
        for (k, h) in [(10, 0), (2, 5), (11, 1), (12, 2)] {
            assert_eq!(source.insert(k, h, &mut failing_eq(99)), Ok(true));
        }
        let changes = target.update(&source, &mut failing_eq(2));
        assert_eq!(changes.result, Err("boom"));
        // `source` iterates 10, 11, 12 (hashes 0..2) before 2 (hash 5).
        assert_eq!(changes.added, vec![10, 11, 12]);
        assert!(changes.removed.is_empty());
        assert_eq!(target.len(), 4);

        // A failed intersection leaves the set untouched.
        let changes = target.intersection_update(&source, &mut failing_eq(2));
        assert_eq!(changes.result, Err("boom"));
        assert!(changes.added.is_empty() && changes.removed.is_empty());
        assert_eq!(target.len(), 4);
    }

    #[test]
    fn pop_and_clear_hand_back_keys() {
        let mut t: SetTable<u64> = SetTable::new();
        let eq = &mut |a: u64, b: u64| Ok::<_, Infallible>(a == b);
        for k in 0..20u64 {
            ok(t.insert(k, hash_i64(k as i64), eq));
        }
        assert_eq!(t.pop(), Some(0));
        assert_eq!(t.remove(5, 5, eq), Ok(Some(5)));
        assert_eq!(t.remove(5, 5, eq), Ok(None));
        let mut rest = t.clear();
        rest.sort_unstable();
        assert_eq!(rest, (1..20).filter(|&k| k != 5).collect::<Vec<_>>());
        assert!(t.is_empty());
        assert_eq!(t.table_size(), 8);
        assert_eq!(t.pop(), None);
        let copy = t.clone_table();
        assert!(copy.is_empty());
    }

    #[test]
    fn orders_match_cpython() {
        for (i, (program, expected)) in ROWS.iter().enumerate() {
            assert_eq!(Interp::run(program), *expected, "row {i}:\n{program}");
        }
    }
}
