//! The dict: an insertion-ordered hash map from Python keys to values, like
//! CPython's compact dict (entries in insertion order, an index table over them).
//!
//! Keys are hashed with `ops::hash` and compared with `ops::equal`, which may
//! raise; every lookup reports that through `PyResult`.

use std::cell::Cell;

use hashbrown::HashTable;
use skink_abi::Word;

use crate::exc::{PyResult, Raised};
use crate::object::{decref, incref};
use crate::ops;

/// One slot of the entry list: `None` once deleted (compacted away on growth).
#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    pub key: Word,
    pub value: Word,
}

#[derive(Default)]
pub struct Dict {
    entries: Vec<Option<Entry>>,
    index: HashTable<usize>,
    len: usize,
}

impl Drop for Dict {
    fn drop(&mut self) {
        for e in self.entries.iter().flatten() {
            decref(e.key);
            decref(e.value);
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The number of entry slots, live or deleted (iterators walk these).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    pub fn slot(&self, i: usize) -> Option<Entry> {
        self.entries.get(i).copied().flatten()
    }

    pub fn iter(&self) -> impl Iterator<Item = Entry> + '_ {
        self.entries.iter().flatten().copied()
    }

    /// The entry index of `key`.
    fn find(&self, key: Word, hash: i64) -> PyResult<Option<usize>> {
        let failed = Cell::new(false);
        let entries = &self.entries;
        let found = self.index.find(hash as u64, |&i| {
            if failed.get() {
                return false;
            }
            let Some(e) = entries[i] else { return false };
            if e.hash != hash {
                return false;
            }
            // Identity first, as CPython's lookup: names are usually the same object.
            if e.key == key {
                return true;
            }
            match ops::equal(e.key, key) {
                Ok(b) => b,
                Err(Raised) => {
                    failed.set(true);
                    false
                }
            }
        });
        if failed.get() {
            return Err(Raised);
        }
        Ok(found.copied())
    }

    /// A borrowed value.
    pub fn get(&self, key: Word) -> PyResult<Option<Word>> {
        let hash = ops::hash(key)?;
        self.get_hashed(key, hash)
    }

    pub fn get_hashed(&self, key: Word, hash: i64) -> PyResult<Option<Word>> {
        Ok(self
            .find(key, hash)?
            .and_then(|i| self.entries[i])
            .map(|e| e.value))
    }

    /// Sets `self[key] = value`, taking new references to both (an existing key keeps
    /// its original key object and position, as in CPython).
    pub fn set(&mut self, key: Word, value: Word) -> PyResult<()> {
        let hash = ops::hash(key)?;
        self.set_hashed(key, hash, value)
    }

    pub fn set_hashed(&mut self, key: Word, hash: i64, value: Word) -> PyResult<()> {
        if let Some(i) = self.find(key, hash)? {
            incref(value);
            if let Some(e) = self.entries[i].as_mut() {
                let old = std::mem::replace(&mut e.value, value);
                decref(old);
            }
            return Ok(());
        }
        incref(key);
        incref(value);
        if self.entries.len() >= 8 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        let i = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index
            .insert_unique(hash as u64, i, |&j| entries[j].map_or(0, |e| e.hash as u64));
        self.len += 1;
        Ok(())
    }

    /// Removes `key`, returning its (owned) key and value.
    pub fn remove(&mut self, key: Word) -> PyResult<Option<(Word, Word)>> {
        let hash = ops::hash(key)?;
        let Some(i) = self.find(key, hash)? else {
            return Ok(None);
        };
        Ok(self.remove_slot(i, hash))
    }

    fn remove_slot(&mut self, i: usize, hash: i64) -> Option<(Word, Word)> {
        if let Ok(entry) = self.index.find_entry(hash as u64, |&j| j == i) {
            entry.remove();
        }
        let e = self.entries[i].take()?;
        self.len -= 1;
        Some((e.key, e.value))
    }

    /// Removes the last inserted entry (`popitem`), owned.
    pub fn pop_last(&mut self) -> Option<(Word, Word)> {
        while let Some(last) = self.entries.last().copied() {
            let i = self.entries.len() - 1;
            match last {
                Some(e) => {
                    let r = self.remove_slot(i, e.hash);
                    self.entries.pop();
                    return r;
                }
                None => {
                    self.entries.pop();
                }
            }
        }
        None
    }

    /// Empties the dict, returning what it owned.
    pub fn take_all(&mut self) -> Vec<Entry> {
        let out: Vec<Entry> = self.entries.drain(..).flatten().collect();
        self.index.clear();
        self.len = 0;
        out
    }

    pub fn clear(&mut self) {
        for e in self.take_all() {
            decref(e.key);
            decref(e.value);
        }
    }

    /// Drops deleted slots; the order of live entries is kept.
    fn compact(&mut self) {
        self.entries.retain(|e| e.is_some());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(e) = e {
                let entries = &self.entries;
                self.index.insert_unique(e.hash as u64, i, |&j| {
                    entries[j].map_or(0, |e| e.hash as u64)
                });
            }
        }
    }

    /// A copy with new references.
    pub fn copy(&self) -> Dict {
        let mut d = Dict::new();
        for e in self.iter() {
            // Keys were hashable when inserted and equal keys cannot repeat.
            let _ = d.set_hashed(e.key, e.hash, e.value);
        }
        d
    }
}
