//! Customer sentiment with VADER (Hutto & Gilbert, 2014), through a Rust implementation with
//! output parity against the reference Python package.

use std::sync::LazyLock;

use vader_parity::SentimentIntensityAnalyzer;

static ANALYZER: LazyLock<SentimentIntensityAnalyzer> =
    LazyLock::new(SentimentIntensityAnalyzer::new);

/// VADER's compound score of `text`, from −1 (most negative) to 1 (most positive), at the
/// reference implementation's precision (4 decimals).
pub fn compound(text: &str) -> f64 {
    ANALYZER.polarity_scores(text).compound
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
