//! Property suite for invariants 2 through 5, with generators biased toward
//! the defect-mechanism shapes: "least" windows, idiom superstrings, zero-sum
//! texts with trailing punctuation, and negation trigram fragments. Bounded
//! proptest stands in for fuzzing; the totality property runs over arbitrary
//! bytes lossily converted to `String`.

use proptest::prelude::*;
use std::sync::OnceLock;
use vader_parity::{SentimentIntensityAnalyzer, SentimentScores};

fn analyzer() -> &'static SentimentIntensityAnalyzer {
    static ANALYZER: OnceLock<SentimentIntensityAnalyzer> = OnceLock::new();
    ANALYZER.get_or_init(SentimentIntensityAnalyzer::new)
}

/// Invariant 4's range checks, applied wherever a score is produced. Range
/// membership is spelled with comparisons because the M2 CI grep bans the
/// substring predicate method names crate-wide.
#[allow(clippy::manual_range_contains)]
fn assert_well_formed(scores: &SentimentScores, text: &str) {
    for (name, v) in [
        ("neg", scores.neg),
        ("neu", scores.neu),
        ("pos", scores.pos),
    ] {
        assert!(
            v >= 0.0 && v <= 1.0,
            "{name} = {v} out of range on {text:?}"
        );
    }
    assert!(
        scores.compound >= -1.0 && scores.compound <= 1.0,
        "compound = {} out of range on {text:?}",
        scores.compound
    );
}

/// Tokens with no lexicon, booster, idiom, or emoji reading. None contains
/// "n't", none is a NEGATE word, and every punctuation-stripped form misses
/// every table.
fn gibberish_token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "qzxv", "wbrrk", "zzzp", "mmnnb", "trxq", "xkcdw", "qq!", "vrnnt", "the", "meeting",
        "noon", "is", "at",
    ])
}

/// Tokens spanning the whole rule surface, biased to the M-class shapes.
fn loaded_token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "good",
        "bad",
        "GREAT",
        "terrible",
        "smart",
        "happy",
        "shit",
        "die",
        "doubt",
        "heart",
        "not",
        "never",
        "so",
        "this",
        "without",
        "least",
        "at",
        "very",
        "no",
        "or",
        "nor",
        "kind",
        "of",
        "but",
        "the",
        "to",
        "for",
        "really",
        "kinda",
        "sort",
        "friggin",
        "uber",
        "quite",
        "shittiest",
        "shitty",
        "person",
        "sort-of",
        "don't",
        "wasn't",
        "isn't",
        "uh-uh",
        ":)",
        ":(",
        "8-)",
        "VADER",
        "SUX",
        "lol",
        "was",
        "it",
        "he",
        "ass",
        "badass",
        "yeah",
        "right",
        "bus",
        "stop",
        "beating",
        "kiss",
        "death",
        "bomb",
        "\u{1F496}",
        "\u{1F62D}",
        "good,",
        "--bad--",
        "GOOD",
    ])
}

fn join(words: Vec<&str>) -> String {
    words.join(" ")
}

proptest! {
    /// Invariant 2 (no panic) and invariant 4 (well-formed output) over
    /// arbitrary strings.
    #[test]
    fn total_over_arbitrary_strings(text in any::<String>()) {
        let scores = analyzer().polarity_scores(&text);
        assert_well_formed(&scores, &text);
    }

    /// The fuzz-shaped totality test: arbitrary bytes, lossily converted.
    #[test]
    fn total_over_lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let scores = analyzer().polarity_scores(&text);
        assert_well_formed(&scores, &text);
    }

    /// Invariant 3 (M3): lexicon-free text under any trailing "!" / "?" run
    /// compounds to exactly 0.0 with neu exactly 1.0.
    #[test]
    fn zero_stays_zero_under_punctuation(
        words in prop::collection::vec(gibberish_token(), 1..8),
        tail in prop::collection::vec(prop::sample::select(vec!['!', '?']), 0..7),
    ) {
        let mut text = join(words);
        text.extend(tail);
        let scores = analyzer().polarity_scores(&text);
        assert_eq!(scores.compound.to_bits(), 0.0_f64.to_bits(), "on {text:?}");
        assert_eq!(scores.neu.to_bits(), 1.0_f64.to_bits(), "on {text:?}");
        assert_eq!(scores.neg, 0.0, "on {text:?}");
        assert_eq!(scores.pos, 0.0, "on {text:?}");
    }

    /// Invariant 4: the proportions are a distribution on any tokenizable
    /// text, matching the reference's rounding residue.
    #[test]
    fn proportions_form_a_distribution(
        words in prop::collection::vec(loaded_token(), 1..12),
        tail in prop::collection::vec(prop::sample::select(vec!['!', '?', '.']), 0..7),
    ) {
        let mut text = join(words);
        text.extend(tail);
        let scores = analyzer().polarity_scores(&text);
        assert_well_formed(&scores, &text);
        // Three fields each rounded to three decimals: the rounding residue
        // can legitimately reach 0.0015 (the reference returns 0.999 sums,
        // for instance on "smart of ass not not not!").
        let sum = scores.neg + scores.neu + scores.pos;
        assert!((sum - 1.0).abs() < 0.0015, "proportions sum to {sum} on {text:?}");
    }

    /// Invariant 5: identical bits across repeated calls on one analyzer.
    #[test]
    fn deterministic_on_one_analyzer(
        words in prop::collection::vec(loaded_token(), 0..12),
    ) {
        let text = join(words);
        let a = analyzer().polarity_scores(&text);
        let b = analyzer().polarity_scores(&text);
        assert_eq!(a, b);
        assert_eq!(a.compound.to_bits(), b.compound.to_bits());
        assert_eq!(a.neg.to_bits(), b.neg.to_bits());
        assert_eq!(a.neu.to_bits(), b.neu.to_bits());
        assert_eq!(a.pos.to_bits(), b.pos.to_bits());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Invariant 5, second half: two separately constructed analyzers return
    /// identical bits. Fewer cases because each builds a fresh analyzer.
    #[test]
    fn deterministic_across_analyzers(
        words in prop::collection::vec(loaded_token(), 0..12),
    ) {
        let text = join(words);
        let fresh = SentimentIntensityAnalyzer::new();
        let a = fresh.polarity_scores(&text);
        let b = analyzer().polarity_scores(&text);
        assert_eq!(a.compound.to_bits(), b.compound.to_bits());
        assert_eq!(a.neg.to_bits(), b.neg.to_bits());
        assert_eq!(a.neu.to_bits(), b.neu.to_bits());
        assert_eq!(a.pos.to_bits(), b.pos.to_bits());
    }
}

/// Invariant 2 at the megabyte end: a large mixed input returns, both
/// profiles, without quadratic blowup mattering here.
#[test]
fn megabyte_input_returns() {
    let unit =
        "The plot was good, but the characters are uncompelling and the dialog is not great!! \
                never so good, at least smart, the shittiest of times, is? \u{1F496} ";
    let mut text = String::with_capacity(1_200_000);
    while text.len() < 1_048_576 {
        text.push_str(unit);
    }
    let scores = analyzer().polarity_scores(&text);
    assert_well_formed(&scores, "megabyte input");
}

/// The `Default` construction scores identically to `new`.
#[test]
fn default_is_new() {
    let a = SentimentIntensityAnalyzer::default().polarity_scores("not bad at all");
    let b = analyzer().polarity_scores("not bad at all");
    assert_eq!(a, b);
}
