//! Near-identical lines: MinHash band keys over word-pair shingles (candidates) and a
//! word-level edit distance (the decision). Every hash is xxh3-64 with fixed seeds, so keys are the same
//! on every machine and in every version.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Bands of the MinHash signature; two lines sharing one band key are candidates.
pub const BANDS: usize = 12;
/// Rows (minimum hashes) per band.
pub const ROWS: usize = 2;
/// A line is compared with at most this many group centres of each of its band buckets, so
/// that a bucket of very common shingles never costs quadratic time.
pub const WINDOW: usize = 4;
/// Two lines are near-identical when their word edit distance is at most this share of the
/// longer line (one word in five).
pub const MAX_EDIT_SHARE: f64 = 0.2;

/// The band keys of a line.
pub type BandKeys = [u64; BANDS];

/// The words of a line, hashed: what [`similar_words`] compares.
pub fn word_hashes(text: &str) -> Vec<u64> {
    text.split(' ').map(|w| xxh3_64(w.as_bytes())).collect()
}

/// The shingles of a line: each pair of neighbouring words, with the line's start and end
/// as words, so that a short line still has a few ("^ thank", "thank you", …, "today $").
/// Pairs rather than single words keep common words ("you", "the") from putting most lines
/// in one bucket.
fn shingles(words: &[u64]) -> Vec<u64> {
    const START: u64 = 0x5354_4152_5400_0000;
    const END: u64 = 0x454e_4400_0000_0000;
    let mut out = Vec::with_capacity(words.len() + 1);
    let mut previous = START;
    for &w in words.iter().chain(std::iter::once(&END)) {
        let mut pair = [0u8; 16];
        pair[..8].copy_from_slice(&previous.to_le_bytes());
        pair[8..].copy_from_slice(&w.to_le_bytes());
        out.push(xxh3_64(&pair));
        previous = w;
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash band keys of a line, from its word hashes.
pub fn band_keys(words: &[u64]) -> BandKeys {
    let shingles = shingles(words);
    let mut keys = [0u64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut buf = [0u8; 8 * (ROWS + 1)];
        buf[..8].copy_from_slice(&(band as u64).to_le_bytes());
        for row in 0..ROWS {
            let seed = (band * ROWS + row + 1) as u64;
            let min = shingles
                .iter()
                .map(|s| xxh3_64_with_seed(&s.to_le_bytes(), seed))
                .min()
                .unwrap_or(0);
            buf[8 * (row + 1)..8 * (row + 2)].copy_from_slice(&min.to_le_bytes());
        }
        *key = xxh3_64(&buf);
    }
    keys
}

/// Word-level edit distance (insertions, deletions, substitutions), or `None` when it
/// exceeds `limit`. Only the diagonal band of width `limit` is computed (cells outside it
/// cost more than `limit` anyway), so near-identical checks take time linear in the length.
fn edit_distance<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let over = limit + 1;
    // Lines are short: two rows on the stack spare an allocation per comparison.
    let mut stack = [[0usize; 64]; 2];
    let mut heap: [Vec<usize>; 2];
    let [previous, current]: [&mut [usize]; 2] = if b.len() < 64 {
        let [p, c] = &mut stack;
        [&mut p[..=b.len()], &mut c[..=b.len()]]
    } else {
        heap = [vec![0; b.len() + 1], vec![0; b.len() + 1]];
        let [p, c] = &mut heap;
        [p.as_mut_slice(), c.as_mut_slice()]
    };
    let (mut previous, mut current) = (previous, current);
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j.min(over);
    }
    for (i, wa) in a.iter().enumerate() {
        let row = i + 1;
        let lo = row.saturating_sub(limit).max(1);
        let hi = (row + limit).min(b.len());
        current.fill(over);
        current[0] = row.min(over);
        let mut row_min = current[0];
        for j in lo..=hi {
            let substitute = previous[j - 1] + usize::from(*wa != b[j - 1]);
            let value = substitute
                .min(previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(over);
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= limit).then_some(d)
}

/// Whether two lines, given as word hashes, are near-identical variants: word edit
/// distance at most [`MAX_EDIT_SHARE`] of the longer line's length.
pub fn similar_words(a: &[u64], b: &[u64]) -> bool {
    let longer = a.len().max(b.len());
    let limit = (longer as f64 * MAX_EDIT_SHARE).floor() as usize;
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    a == b || (limit > 0 && edit_distance(a, b, limit).is_some())
}

/// Whether two lines are near-identical variants (see [`similar_words`]).
pub fn similar(a: &str, b: &str) -> bool {
    a == b || similar_words(&word_hashes(a), &word_hashes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_in_five_may_differ() {
        assert!(similar(
            "thank you for calling acme how can i help you",
            "thank you for calling acme how may i help you"
        ));
        assert!(similar(
            "i can definitely help you with that",
            "i can help you with that"
        ));
        assert!(!similar("how can i help", "how may i help"));
        assert!(!similar(
            "your order has shipped today",
            "your refund was approved yesterday"
        ));
    }

    #[test]
    fn edit_distance_counts_words() {
        let a = ["a", "b", "c", "d"];
        assert_eq!(edit_distance(&a, &["a", "c", "d", "e"], 5), Some(2));
        assert_eq!(edit_distance(&a, &["a", "c", "d", "e"], 2), Some(2));
        assert_eq!(edit_distance(&a, &["a", "c", "d", "e"], 1), None);
        assert_eq!(edit_distance(&a, &a, 0), Some(0));
        assert_eq!(edit_distance(&a, &["x", "y", "z", "w"], 2), None);
        assert_eq!(
            edit_distance(&a, &["a", "b", "c", "d", "e", "f"], 2),
            Some(2)
        );
        assert_eq!(
            edit_distance(
                &["k", "i", "t", "t", "e", "n"],
                &["s", "i", "t", "t", "i", "n", "g"],
                3
            ),
            Some(3)
        );
    }

    #[test]
    fn band_keys_are_fixed_and_shared_by_variants() {
        let band_keys = |t: &str| band_keys(&word_hashes(t));
        let a = band_keys("thank you for calling acme how can i help you today");
        let b = band_keys("thank you for calling acme how may i help you today");
        assert_eq!(
            a,
            band_keys("thank you for calling acme how can i help you today")
        );
        assert!(a.iter().zip(&b).any(|(x, y)| x == y));
        let c = band_keys("your refund of <num> was approved and will arrive in <num> days");
        assert!(a.iter().zip(&c).all(|(x, y)| x != y));
    }
}
