//! Phrase lexicons compiled once into Aho-Corasick automata and matched on the normal form of
//! a turn (see [`TurnText::norm`]): case, punctuation, typographic apostrophes and contractions
//! do not matter, and a pattern matches whole words only.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::analyse::TurnText;

/// A lexicon of phrases, each with a tag of type `T`.
pub struct Lexicon<T> {
    automaton: AhoCorasick,
    tags: Vec<T>,
    /// For each compiled pattern, the entry (source phrase) it was expanded from.
    entries: Vec<usize>,
    phrases: Vec<String>,
}

/// One phrase found in a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the lexicon entry that matched.
    pub entry: usize,
    /// Token indices covered.
    pub tokens: Range<usize>,
    /// Byte span in the turn's original text.
    pub span: Range<usize>,
}

/// Expands the alternation syntax of lexicon entries: `[a|b|]` is one of `a`, `b` or nothing.
/// `"i [completely|totally|] understand"` gives three phrases.
pub fn expand(pattern: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = pattern;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let head = &rest[..open];
        let alternatives: Vec<&str> = rest[open + 1..close].split('|').collect();
        out = out
            .iter()
            .flat_map(|prefix| {
                alternatives
                    .iter()
                    .map(move |alt| format!("{prefix}{head}{alt}"))
            })
            .collect();
        rest = &rest[close + 1..];
    }
    out.into_iter()
        .map(|p| {
            let joined = format!("{p}{rest}");
            let words: Vec<&str> = joined.split_whitespace().collect();
            format!(" {} ", words.join(" "))
        })
        .filter(|p| p.trim().len() > 1)
        .collect()
}

impl<T: Copy> Lexicon<T> {
    /// Compiles entries written in lowercase normal form with the `[a|b|]` syntax.
    pub fn new(entries: &[(&str, T)]) -> Lexicon<T> {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, (entry, _)) in entries.iter().enumerate() {
            for phrase in expand(&entry.to_lowercase().replace(['\u{2019}', '`'], "'")) {
                patterns.push(normalise_contractions(&phrase));
                owners.push(i);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("lexicon patterns compile");
        Lexicon {
            automaton,
            tags: entries.iter().map(|(_, t)| *t).collect(),
            entries: owners,
            phrases: entries.iter().map(|(p, _)| p.to_string()).collect(),
        }
    }

    /// The tag of an entry.
    pub fn tag(&self, entry: usize) -> T {
        self.tags[entry]
    }

    /// The phrase of an entry as written in the lexicon.
    pub fn phrase(&self, entry: usize) -> &str {
        &self.phrases[entry]
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// Whether the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Leftmost-longest, non-overlapping matches in a turn, in order.
    pub fn find(&self, text: &TurnText) -> Vec<PhraseMatch> {
        let mut found: Vec<(usize, usize, usize)> = self
            .automaton
            .find_overlapping_iter(&text.norm)
            .map(|m| (m.start(), m.end(), self.entries[m.pattern().as_usize()]))
            .collect();
        if found.is_empty() {
            return Vec::new();
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        let mut covered = 0;
        for (start, end, entry) in found {
            // Patterns carry their surrounding spaces, so neighbours share one space.
            if start + 1 < covered {
                continue;
            }
            covered = end;
            let tokens = text.norm_span_tokens(start, end);
            out.push(PhraseMatch {
                entry,
                span: text.byte_span(tokens.clone()),
                tokens,
            });
        }
        out
    }

    /// Every match, overlapping ones included, in order of position.
    pub fn find_overlapping(&self, text: &TurnText) -> Vec<PhraseMatch> {
        let mut found: Vec<PhraseMatch> = self
            .automaton
            .find_overlapping_iter(&text.norm)
            .map(|m| {
                let tokens = text.norm_span_tokens(m.start(), m.end());
                PhraseMatch {
                    entry: self.entries[m.pattern().as_usize()],
                    span: text.byte_span(tokens.clone()),
                    tokens,
                }
            })
            .collect();
        found.sort_by_key(|m| (m.tokens.start, m.tokens.end, m.entry));
        found.dedup_by_key(|m| (m.tokens.start, m.entry));
        found
    }

    /// Whether any entry matches.
    pub fn is_match(&self, text: &TurnText) -> bool {
        self.automaton.is_match(&text.norm)
    }
}

/// Applies the turn normaliser's contraction expansion to a lexicon phrase, so that entries
/// may be written either way.
fn normalise_contractions(phrase: &str) -> String {
    let analysed = crate::analyse::text::analyse_text(phrase);
    analysed.norm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::text::analyse_text;

    #[test]
    fn expands_alternatives() {
        assert_eq!(
            expand("i [completely|] understand [you|]"),
            [
                " i completely understand you ",
                " i completely understand ",
                " i understand you ",
                " i understand "
            ]
        );
    }

    #[test]
    fn matches_whole_words_tolerantly() {
        let lex = Lexicon::new(&[
            ("i [completely|totally|] understand your frustration", 1u8),
            ("i'm sorry", 2),
        ]);
        let text = "Oh, I’m SORRY!! I totally understand your frustration.";
        let t = analyse_text(text);
        let found = lex.find(&t);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "I’m SORRY");
        assert_eq!(
            &text[found[1].span.clone()],
            "I totally understand your frustration"
        );
        assert!(
            lex.find(&analyse_text("misunderstand your frustrations"))
                .is_empty()
        );
    }
}
