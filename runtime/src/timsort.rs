//! `list.sort` and `sorted`: CPython 3.11's timsort (runs, binary insertion sort,
//! the powersort merge policy, galloping merges), so that a program sees the same
//! sequence of `__lt__` calls as under CPython, and the same order when its
//! comparisons are inconsistent. The algorithm is described in CPython's
//! `Objects/listsort.txt`; this is the team's own transcription of it.
//!
//! The sort permutes a slice of indices; `lt(a, b)` compares the items behind
//! two indices and may raise. On an error the slice is left a permutation of
//! what it was, as CPython leaves the list.

use crate::exc::PyResult;

/// Galloping starts after this many consecutive wins of one run.
const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    /// The powersort "power" of the boundary between this run and the next.
    power: u32,
}

struct MergeState<'a, F> {
    v: &'a mut [usize],
    lt: F,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// Sorts `v` stably by `lt`.
pub fn sort<F>(v: &mut [usize], lt: F) -> PyResult<()>
where
    F: FnMut(usize, usize) -> PyResult<bool>,
{
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        v,
        lt,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = ms.count_run(lo, lo + remaining)?;
        if descending {
            ms.v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binary_insertion_sort(lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(lo, run, n)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        remaining -= run;
    }
    ms.force_collapse()
}

/// CPython's `merge_compute_minrun`.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The powersort power of the boundary between runs `[s1, s1+n1)` and
/// `[s1+n1, s1+n1+n2)` in a list of `n` items (CPython's `powerloop`).
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

impl<F> MergeState<'_, F>
where
    F: FnMut(usize, usize) -> PyResult<bool>,
{
    fn lt(&mut self, a: usize, b: usize) -> PyResult<bool> {
        (self.lt)(a, b)
    }

    /// The length of the run starting at `lo` (ending before `hi`) and whether it
    /// is strictly descending.
    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut i = lo + 1;
        if self.lt(self.v[i], self.v[i - 1])? {
            i += 1;
            while i < hi && self.lt(self.v[i], self.v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            i += 1;
            while i < hi && !self.lt(self.v[i], self.v[i - 1])? {
                i += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Sorts `[lo, hi)` whose prefix `[lo, start)` is already sorted.
    fn binary_insertion_sort(&mut self, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.v[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, self.v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.v.copy_within(l..start, l + 1);
            self.v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// Merges pending runs while the new run's boundary has the lower power.
    fn found_new_run(&mut self, start: usize, n2: usize, n: usize) -> PyResult<()> {
        let Some(last) = self.pending.last() else {
            return Ok(());
        };
        let power = powerloop(last.base, last.len, n2, n);
        debug_assert_eq!(last.base + last.len, start);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(self.pending.len() - 2)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    fn force_collapse(&mut self) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(n)?;
        }
        Ok(())
    }

    /// Merges the runs at `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let (mut pa, mut na) = (self.pending[i].base, self.pending[i].len);
        let (pb, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Items of A before where B's first goes are already in place.
        let k = gallop_right(&mut self.lt, self.v[pb], &self.v[pa..pa + na], 0)?;
        pa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        // Items of B after where A's last goes are already in place.
        let nb = gallop_left(
            &mut self.lt,
            self.v[pa + na - 1],
            &self.v[pb..pb + nb],
            nb - 1,
        )?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(pa, na, pb, nb)
        } else {
            self.merge_hi(pa, na, pb, nb)
        }
    }

    /// Merges A = `v[pa..pa+na]` and B = `v[pb..pb+nb]` (adjacent, `na <= nb`)
    /// left to right, A copied aside.
    fn merge_lo(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = self.v[pa..pa + na].to_vec();
        let (mut a, mut na) = (0usize, na);
        let (mut b, mut nb) = (pb, nb);
        let mut dest = pa;
        let result = self.merge_lo_body(&tmp, &mut a, &mut na, &mut b, &mut nb, &mut dest);
        match result {
            Ok(true) => {
                // CopyB: A's last item goes after the rest of B.
                self.v.copy_within(b..b + nb, dest);
                self.v[dest + nb] = tmp[a];
                Ok(())
            }
            Ok(false) => {
                self.v[dest..dest + na].copy_from_slice(&tmp[a..a + na]);
                Ok(())
            }
            Err(e) => {
                self.v[dest..dest + na].copy_from_slice(&tmp[a..a + na]);
                Err(e)
            }
        }
    }

    /// The loop of `merge_lo`; `Ok(true)` means "copy B, then A's one item".
    fn merge_lo_body(
        &mut self,
        tmp: &[usize],
        a: &mut usize,
        na: &mut usize,
        b: &mut usize,
        nb: &mut usize,
        dest: &mut usize,
    ) -> PyResult<bool> {
        self.v[*dest] = self.v[*b];
        *dest += 1;
        *b += 1;
        *nb -= 1;
        if *nb == 0 {
            return Ok(false);
        }
        if *na == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0;
            let mut bcount = 0;
            // One item at a time until one run wins consistently.
            loop {
                if self.lt(self.v[*b], tmp[*a])? {
                    self.v[*dest] = self.v[*b];
                    *dest += 1;
                    *b += 1;
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 0 {
                        return Ok(false);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    self.v[*dest] = tmp[*a];
                    *dest += 1;
                    *a += 1;
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 1 {
                        return Ok(true);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            // Galloping, until neither run wins consistently any more.
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let k = gallop_right(&mut self.lt, self.v[*b], &tmp[*a..*a + *na], 0)?;
                acount = k;
                if k > 0 {
                    self.v[*dest..*dest + k].copy_from_slice(&tmp[*a..*a + k]);
                    *dest += k;
                    *a += k;
                    *na -= k;
                    if *na == 1 {
                        return Ok(true);
                    }
                    // Impossible for a consistent comparison, but possible.
                    if *na == 0 {
                        return Ok(false);
                    }
                }
                self.v[*dest] = self.v[*b];
                *dest += 1;
                *b += 1;
                *nb -= 1;
                if *nb == 0 {
                    return Ok(false);
                }
                let k = gallop_left(&mut self.lt, tmp[*a], &self.v[*b..*b + *nb], 0)?;
                bcount = k;
                if k > 0 {
                    self.v.copy_within(*b..*b + k, *dest);
                    *dest += k;
                    *b += k;
                    *nb -= k;
                    if *nb == 0 {
                        return Ok(false);
                    }
                }
                self.v[*dest] = tmp[*a];
                *dest += 1;
                *a += 1;
                *na -= 1;
                if *na == 1 {
                    return Ok(true);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges A = `v[pa..pa+na]` and B = `v[pb..pb+nb]` (adjacent, `na > nb`)
    /// right to left, B copied aside.
    fn merge_hi(&mut self, pa: usize, na: usize, pb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = self.v[pb..pb + nb].to_vec();
        let basea = pa;
        // Positions are "one past" the current item, so they never go below zero.
        let mut a_end = pa + na; // A is v[basea..a_end]
        let mut b_end = nb; // B is tmp[0..b_end]
        let mut dest_end = pb + nb; // the next item goes at dest_end - 1
        let result = self.merge_hi_body(&tmp, basea, &mut a_end, &mut b_end, &mut dest_end);
        match result {
            Ok(true) => {
                // CopyA: B's first item goes before the rest of A.
                let na = a_end - basea;
                self.v.copy_within(basea..a_end, dest_end - na);
                self.v[dest_end - na - 1] = tmp[0];
                Ok(())
            }
            Ok(false) => {
                self.v[dest_end - b_end..dest_end].copy_from_slice(&tmp[..b_end]);
                Ok(())
            }
            Err(e) => {
                self.v[dest_end - b_end..dest_end].copy_from_slice(&tmp[..b_end]);
                Err(e)
            }
        }
    }

    /// The loop of `merge_hi`; `Ok(true)` means "copy A, then B's one item".
    fn merge_hi_body(
        &mut self,
        tmp: &[usize],
        basea: usize,
        a_end: &mut usize,
        b_end: &mut usize,
        dest_end: &mut usize,
    ) -> PyResult<bool> {
        // A's last item is the merge's last.
        self.v[*dest_end - 1] = self.v[*a_end - 1];
        *dest_end -= 1;
        *a_end -= 1;
        if *a_end == basea {
            return Ok(false);
        }
        if *b_end == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let mut acount = 0;
            let mut bcount = 0;
            loop {
                if self.lt(tmp[*b_end - 1], self.v[*a_end - 1])? {
                    self.v[*dest_end - 1] = self.v[*a_end - 1];
                    *dest_end -= 1;
                    *a_end -= 1;
                    acount += 1;
                    bcount = 0;
                    if *a_end == basea {
                        return Ok(false);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    self.v[*dest_end - 1] = tmp[*b_end - 1];
                    *dest_end -= 1;
                    *b_end -= 1;
                    bcount += 1;
                    acount = 0;
                    if *b_end == 1 {
                        return Ok(true);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let na = *a_end - basea;
                let k = gallop_right(
                    &mut self.lt,
                    tmp[*b_end - 1],
                    &self.v[basea..*a_end],
                    na - 1,
                )?;
                let k = na - k;
                acount = k;
                if k > 0 {
                    self.v.copy_within(*a_end - k..*a_end, *dest_end - k);
                    *dest_end -= k;
                    *a_end -= k;
                    if *a_end == basea {
                        return Ok(false);
                    }
                }
                self.v[*dest_end - 1] = tmp[*b_end - 1];
                *dest_end -= 1;
                *b_end -= 1;
                if *b_end == 1 {
                    return Ok(true);
                }
                let nb = *b_end;
                let k = gallop_left(&mut self.lt, self.v[*a_end - 1], &tmp[..nb], nb - 1)?;
                let k = nb - k;
                bcount = k;
                if k > 0 {
                    self.v[*dest_end - k..*dest_end].copy_from_slice(&tmp[*b_end - k..*b_end]);
                    *dest_end -= k;
                    *b_end -= k;
                    if *b_end == 1 {
                        return Ok(true);
                    }
                    // Impossible for a consistent comparison, but possible.
                    if *b_end == 0 {
                        return Ok(false);
                    }
                }
                self.v[*dest_end - 1] = self.v[*a_end - 1];
                *dest_end -= 1;
                *a_end -= 1;
                if *a_end == basea {
                    return Ok(false);
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}

/// Where `key` goes in the sorted run `a`, leftmost among equals: galloping
/// from `a[hint]` outwards, then a binary search.
fn gallop_left<F>(lt: &mut F, key: usize, a: &[usize], hint: usize) -> PyResult<usize>
where
    F: FnMut(usize, usize) -> PyResult<bool>,
{
    let n = a.len();
    // Afterwards a[lastofs] < key <= a[ofs], with lastofs = -1 meaning "before a[0]".
    let (mut lastofs, mut ofs): (isize, usize);
    if lt(a[hint], key)? {
        let maxofs = n - hint;
        let (mut last, mut next) = (0, 1);
        while next < maxofs && lt(a[hint + next], key)? {
            last = next;
            next = (next << 1) + 1;
        }
        lastofs = (hint + last) as isize;
        ofs = hint + next.min(maxofs);
    } else {
        let maxofs = hint + 1;
        let (mut last, mut next) = (0, 1);
        while next < maxofs && !lt(a[hint - next], key)? {
            last = next;
            next = (next << 1) + 1;
        }
        lastofs = hint as isize - next.min(maxofs) as isize;
        ofs = hint - last;
    }
    lastofs += 1;
    let mut lo = lastofs as usize;
    while lo < ofs {
        let m = lo + ((ofs - lo) >> 1);
        if lt(a[m], key)? {
            lo = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs)
}

/// Where `key` goes in the sorted run `a`, rightmost among equals.
fn gallop_right<F>(lt: &mut F, key: usize, a: &[usize], hint: usize) -> PyResult<usize>
where
    F: FnMut(usize, usize) -> PyResult<bool>,
{
    let n = a.len();
    // Afterwards a[lastofs] <= key < a[ofs], with lastofs = -1 meaning "before a[0]".
    let (mut lastofs, mut ofs): (isize, usize);
    if lt(key, a[hint])? {
        let maxofs = hint + 1;
        let (mut last, mut next) = (0, 1);
        while next < maxofs && lt(key, a[hint - next])? {
            last = next;
            next = (next << 1) + 1;
        }
        lastofs = hint as isize - next.min(maxofs) as isize;
        ofs = hint - last;
    } else {
        let maxofs = n - hint;
        let (mut last, mut next) = (0, 1);
        while next < maxofs && !lt(key, a[hint + next])? {
            last = next;
            next = (next << 1) + 1;
        }
        lastofs = (hint + last) as isize;
        ofs = hint + next.min(maxofs);
    }
    lastofs += 1;
    let mut lo = lastofs as usize;
    while lo < ofs {
        let m = lo + ((ofs - lo) >> 1);
        if lt(key, a[m])? {
            ofs = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(ofs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_with_calls(data: &[i64]) -> (Vec<i64>, usize) {
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut calls = 0;
        sort(&mut order, |a, b| {
            calls += 1;
            Ok(data[a] < data[b])
        })
        .expect("no errors");
        (order.iter().map(|&i| data[i]).collect(), calls)
    }

    #[test]
    fn sorts_and_is_stable() {
        // A deterministic scramble with many equal keys, long enough to merge.
        let data: Vec<i64> = (0..5000).map(|i| (i * 7919 % 1013) % 97).collect();
        let mut order: Vec<usize> = (0..data.len()).collect();
        sort(&mut order, |a, b| Ok(data[a] < data[b])).expect("no errors");
        for w in order.windows(2) {
            let (a, b) = (w[0], w[1]);
            assert!(data[a] < data[b] || (data[a] == data[b] && a < b));
        }
    }

    #[test]
    fn presorted_input_takes_n_minus_one_comparisons() {
        let data: Vec<i64> = (0..2000).collect();
        assert_eq!(sorted_with_calls(&data), (data.clone(), 1999));
    }
}
