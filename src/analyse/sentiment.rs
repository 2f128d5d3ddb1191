//! Customer sentiment with VADER (Hutto & Gilbert, 2014), through its Rust port.

use std::sync::LazyLock;

use vader_sentiment::SentimentIntensityAnalyzer;

static ANALYZER: LazyLock<SentimentIntensityAnalyzer<'static>> =
    LazyLock::new(SentimentIntensityAnalyzer::new);

/// VADER's compound score of `text`, from −1 (most negative) to 1 (most positive),
/// rounded to 4 decimals as the reference implementation reports it.
pub fn compound(text: &str) -> f64 {
    let scores = ANALYZER.polarity_scores(text);
    let value = scores.get("compound").copied().unwrap_or(0.0);
    (value * 10_000.0).round() / 10_000.0
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
        ];
        for (text, expected) in cases {
            let got = compound(text);
            assert!(
                (got - expected).abs() < 0.005,
                "{text:?}: got {got}, reference {expected}"
            );
        }
    }
}
