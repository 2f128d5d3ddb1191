//! Customer sentiment with VADER (Hutto & Gilbert, 2014), through a Rust implementation with
//! output parity against the reference Python package.

use std::sync::LazyLock;

use vader_parity::SentimentIntensityAnalyzer;

static ANALYZER: LazyLock<SentimentIntensityAnalyzer> =
    LazyLock::new(SentimentIntensityAnalyzer::new);

/// Short turns ("Okay.", "Thank you so much!", "No, that's wrong.") recur across a corpus;
/// their scores are kept per thread. Being a pure function's cache, it changes no result.
const CACHED_TEXT_BYTES: usize = 64;
const CACHE_LIMIT: usize = 100_000;

thread_local! {
    static CACHE: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, f64>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// VADER's compound score of `text`, from −1 (most negative) to 1 (most positive), at the
/// reference implementation's precision (4 decimals).
pub fn compound(text: &str) -> f64 {
    if text.len() > CACHED_TEXT_BYTES {
        return ANALYZER.polarity_scores(text).compound;
    }
    CACHE.with(|cache| {
        if let Some(&score) = cache.borrow().get(text) {
            return score;
        }
        let score = ANALYZER.polarity_scores(text).compound;
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(text.into(), score);
        score
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference values from the Python vaderSentiment 3.3.2 package
    /// (`SentimentIntensityAnalyzer().polarity_scores(text)["compound"]`).
    #[test]
    fn matches_reference_implementation() {
        let cases = [
            ("VADER is smart, handsome, and funny.", 0.8316),
            ("The book was good.", 0.4404),
            ("The book was kind of good.", 0.3832),
            ("At least it isn't a horrible book.", 0.431),
            ("Today SUX!", -0.5461),
            (
                "This is ridiculous, I have called three times and nobody helps me!",
                0.1007,
            ),
            (
                "I am so frustrated, my internet has been down for three days :(",
                -0.8056,
            ),
            ("Thank you so much, that fixed it!", 0.4199),
            (
                "Hi, I'm checking when the grey armchair will be back in stock. No worries, it's not urgent.",
                0.2359,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(compound(text), expected, "{text:?}");
        }
    }
}
