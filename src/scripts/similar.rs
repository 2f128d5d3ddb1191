//! Near-identical lines: MinHash band keys over word shingles (candidates) and a word-level
//! edit distance (the decision). Every hash is xxh3-64 with fixed seeds, so keys are the same
//! on every machine and in every version.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Bands of the MinHash signature; two lines sharing one band key are candidates.
pub const BANDS: usize = 12;
/// Rows (minimum hashes) per band.
pub const ROWS: usize = 2;
/// Within a band bucket, each line is compared with at most this many lines before it, so
/// that a bucket of very common shingles never costs quadratic time.
pub const WINDOW: usize = 8;
/// Two lines are near-identical when their word edit distance is at most this share of the
/// longer line (one word in five).
pub const MAX_EDIT_SHARE: f64 = 0.2;

/// The band keys of a line.
pub type BandKeys = [u64; BANDS];

/// The shingles of a line: each word and each pair of neighbouring words, hashed.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<u64> = words.iter().map(|w| xxh3_64(w.as_bytes())).collect();
    let mut pair = String::new();
    for w in words.windows(2) {
        pair.clear();
        pair.push_str(w[0]);
        pair.push(' ');
        pair.push_str(w[1]);
        out.push(xxh3_64(pair.as_bytes()));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash band keys of a line (its text in normal form).
pub fn band_keys(text: &str) -> BandKeys {
    let shingles = shingles(text);
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

/// Word-level edit distance (insertions, deletions, substitutions), giving up once it
/// exceeds `limit`.
fn edit_distance(a: &[&str], b: &[&str], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, wa) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, wb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(wa != wb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= limit).then_some(d)
}

/// Whether two lines are near-identical variants: word edit distance at most
/// [`MAX_EDIT_SHARE`] of the longer line's length.
pub fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    let longer = wa.len().max(wb.len());
    let limit = (longer as f64 * MAX_EDIT_SHARE).floor() as usize;
    limit > 0 && edit_distance(&wa, &wb, limit).is_some()
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
        assert_eq!(edit_distance(&a, &a, 0), Some(0));
        assert_eq!(edit_distance(&a, &["x", "y", "z", "w"], 2), None);
    }

    #[test]
    fn band_keys_are_fixed_and_shared_by_variants() {
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
