//! Substring search for the methods of str and bytes (`find`, `count`, `split`,
//! `partition`, `replace`): memchr's vectorized searchers, a byte scan for a
//! one-byte needle. The std searcher (two-way) sets up a table for every call,
//! which costs more than the search on the short lines programs split and scan.
//!
//! Results are byte offsets. In UTF-8 text a match of valid UTF-8 can only start
//! at a character boundary, so the offsets are valid `str` indices too.

/// The first occurrence of `needle` in `hay` (0 for an empty needle).
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [b] => memchr::memchr(*b, hay),
        _ => memchr::memmem::find(hay, needle),
    }
}

/// The last occurrence of `needle` in `hay` (`hay.len()` for an empty needle).
pub fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle {
        [b] => memchr::memrchr(*b, hay),
        _ => memchr::memmem::rfind(hay, needle),
    }
}

/// The starts of the leftmost non-overlapping occurrences of a non-empty
/// `needle`, in order.
pub fn positions<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    debug_assert!(!needle.is_empty(), "an empty needle matches everywhere");
    let (single, many) = match needle {
        [b] => (Some(memchr::memchr_iter(*b, hay)), None),
        _ => (None, Some(memchr::memmem::find_iter(hay, needle))),
    };
    single
        .into_iter()
        .flatten()
        .chain(many.into_iter().flatten())
}

/// The number of non-overlapping occurrences of a non-empty `needle`.
pub fn count(hay: &[u8], needle: &[u8]) -> usize {
    match needle {
        // memchr counts one byte vectorized; through `positions` it would step.
        [b] => memchr::memchr_iter(*b, hay).count(),
        _ => positions(hay, needle).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_std_searcher() {
        let hays = [
            "",
            "a",
            "abcabcab",
            "aaaa",
            "héllo wörld héllo",
            "ab\u{1F600}ab\u{1F600}",
        ];
        let needles = [
            "a",
            "ab",
            "aa",
            "abc",
            "é",
            "héllo",
            "\u{1F600}",
            "b\u{1F600}",
            "zz",
        ];
        for hay in hays {
            for needle in needles {
                let (h, n) = (hay.as_bytes(), needle.as_bytes());
                assert_eq!(find(h, n), hay.find(needle), "{hay:?}.find({needle:?})");
                assert_eq!(rfind(h, n), hay.rfind(needle), "{hay:?}.rfind({needle:?})");
                let std: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
                assert_eq!(
                    positions(h, n).collect::<Vec<_>>(),
                    std,
                    "{hay:?} {needle:?}"
                );
                assert_eq!(count(h, n), std.len(), "{hay:?}.count({needle:?})");
            }
        }
        assert_eq!((find(b"abc", b""), rfind(b"abc", b"")), (Some(0), Some(3)));
    }
}
