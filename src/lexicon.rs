//! Phrase lexicons compiled once into Aho-Corasick automata and matched on the normal form of
//! a turn (see [`TurnText::norm`]): case, punctuation, typographic apostrophes, contractions and
//! common chat spellings ("ur", "thankyou") do not matter, and a pattern matches whole words
//! only.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::analyse::TurnText;

/// A lexicon of phrases, each with a tag of type `T`.
pub struct Lexicon<T> {
    /// Built on first use: the built-in lexicons are scanned through [`Combined`] and never
    /// need their own.
    automaton: std::sync::OnceLock<AhoCorasick>,
    /// The compiled patterns, kept so that several lexicons can share one automaton.
    patterns: Vec<String>,
    tags: Vec<T>,
    /// For each compiled pattern, the entry (source phrase) it was expanded from.
    entries: Vec<usize>,
    phrases: Vec<String>,
}

/// One phrase found in a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the expanded phrase that matched, in its lexicon (see [`Lexicon::entry`] for
    /// the entry it was expanded from, [`Lexicon::said`] for the phrase).
    pub pattern: usize,
    /// Token indices covered.
    pub tokens: Range<usize>,
    /// Byte span in the turn's original text.
    pub span: Range<usize>,
}

/// A raw automaton match in a turn's normal form: byte range and pattern index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMatch {
    /// Start in the normal form.
    pub start: usize,
    /// End in the normal form.
    pub end: usize,
    /// Index of the pattern in its own lexicon.
    pub pattern: usize,
}

/// Several lexicons compiled into one automaton, so that a turn is scanned once for all of
/// them; the raw matches are then split back per lexicon.
pub struct Combined {
    automaton: AhoCorasick,
    /// For each combined pattern: the index of its lexicon.
    owners: Vec<usize>,
    /// For each lexicon: the index of its first combined pattern; then the number of patterns.
    /// A lexicon's patterns are numbered consecutively, in its own order.
    starts: Vec<usize>,
}

impl Combined {
    /// Combines the pattern lists of several lexicons, in order.
    pub fn new(pattern_lists: &[&[String]]) -> Combined {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        let mut starts = Vec::with_capacity(pattern_lists.len() + 1);
        for (l, list) in pattern_lists.iter().enumerate() {
            starts.push(patterns.len());
            for pattern in list.iter() {
                patterns.push(pattern.as_str());
                owners.push(l);
            }
        }
        starts.push(patterns.len());
        // Thousands of expanded patterns: a contiguous NFA is compact and fast to scan; a full
        // DFA would take tens of megabytes and ~0.15 s of start-up, about what it saves on a
        // 100,000-conversation batch. Dense transitions down to depth 6 (words of the first
        // word or two of a phrase, where a scan spends its time) cost little memory.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .dense_depth(6)
            .build(&patterns)
            .expect("lexicon patterns compile");
        Combined {
            automaton,
            owners,
            starts,
        }
    }

    /// One pass over a turn: the raw matches of every lexicon in one list, grouped by lexicon
    /// (in order of position within each), with combined pattern indices; [`Combined::split`]
    /// gives each lexicon its own. One list rather than one per lexicon: most turns match
    /// few of the lexicons, and two dozen lists per turn cost more than the scan's matches.
    pub fn scan(&self, text: &TurnText) -> Vec<RawMatch> {
        let mut raw: Vec<RawMatch> = self
            .automaton
            .find_overlapping_iter(&text.norm)
            .map(|m| RawMatch {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            })
            .collect();
        // Stable: each lexicon's matches stay in the order found.
        raw.sort_by_key(|m| self.owners[m.pattern]);
        raw
    }

    /// The matches of [`Combined::scan`] split back per lexicon, in order (one slice for each,
    /// empty when it has none), with each lexicon's own pattern indices.
    pub fn split<'r>(&self, raw: &'r mut [RawMatch]) -> impl Iterator<Item = &'r mut [RawMatch]> {
        let mut rest = raw;
        self.starts.windows(2).map(move |range| {
            let (first, end) = (range[0], range[1]);
            let len = rest.iter().take_while(|m| m.pattern < end).count();
            let (group, tail) = std::mem::take(&mut rest).split_at_mut(len);
            rest = tail;
            for m in group.iter_mut() {
                m.pattern -= first;
            }
            group
        })
    }
}

/// The normal form of one alternative of a lexicon entry, its contractions expanded ("can't" →
/// "cannot") and chat spellings read ("u" → "you"), when it is plain lowercase words; `None`
/// for anything else, which is kept as written.
fn normal_alternative(alternative: &str) -> Option<String> {
    if !alternative
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'\'')
    {
        return None;
    }
    let mut key = String::with_capacity(alternative.len() + 8);
    for word in alternative.split_whitespace() {
        let whole = [word];
        for part in crate::analyse::text::normal_words(word).unwrap_or(&whole) {
            key.push_str(part);
            key.push(' ');
        }
    }
    Some(key)
}

/// Expands the alternation syntax of lexicon entries: `[a|b|]` is one of `a`, `b` or nothing.
/// `"i [completely|totally|] understand"` gives three phrases.
pub fn expand(pattern: &str) -> Vec<String> {
    // Built by appending rather than `format!`: every run expands thousands of phrases at
    // start-up, before the first conversation is read.
    let mut out = vec![String::new()];
    let mut rest = pattern;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let head = &rest[..open];
        // "[can't|cannot]" and "[i'm|i am]" are one phrase in the normal form: expanded once.
        let mut seen: Vec<String> = Vec::new();
        let alternatives: Vec<&str> = rest[open + 1..close]
            .split('|')
            .filter(|alt| match normal_alternative(alt) {
                Some(key) if seen.contains(&key) => false,
                Some(key) => {
                    seen.push(key);
                    true
                }
                None => true,
            })
            .collect();
        out = out
            .iter()
            .flat_map(|prefix| {
                alternatives.iter().map(move |alt| {
                    let mut phrase = String::with_capacity(prefix.len() + head.len() + alt.len());
                    phrase.push_str(prefix);
                    phrase.push_str(head);
                    phrase.push_str(alt);
                    phrase
                })
            })
            .collect();
        rest = &rest[close + 1..];
    }
    out.into_iter()
        .map(|mut joined| {
            joined.push_str(rest);
            let mut spaced = String::with_capacity(joined.len() + 2);
            spaced.push(' ');
            for word in joined.split_whitespace() {
                spaced.push_str(word);
                spaced.push(' ');
            }
            spaced
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
        Lexicon {
            automaton: std::sync::OnceLock::new(),
            patterns,
            tags: entries.iter().map(|(_, t)| *t).collect(),
            entries: owners,
            phrases: entries.iter().map(|(p, _)| p.to_string()).collect(),
        }
    }

    /// The entry (source phrase) a match was expanded from.
    pub fn entry(&self, m: &PhraseMatch) -> usize {
        self.entries[m.pattern]
    }

    /// The tag of the entry a match was expanded from.
    pub fn tag(&self, m: &PhraseMatch) -> T {
        self.tags[self.entries[m.pattern]]
    }

    /// The phrase of an entry as written in the lexicon.
    pub fn phrase(&self, entry: usize) -> &str {
        &self.phrases[entry]
    }

    /// The expanded phrase a match found, in normal form ("that is frustrating" for the entry
    /// "[that|it] [is|was] [frustrating|annoying]"): what findings quote as the cue, rather than
    /// the whole entry with its alternatives.
    pub fn said(&self, m: &PhraseMatch) -> &str {
        self.patterns[m.pattern].trim()
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
        self.select(text, &mut self.raw(text))
    }

    /// Every match, overlapping ones included, in order of position.
    pub fn find_overlapping(&self, text: &TurnText) -> Vec<PhraseMatch> {
        self.select_overlapping(text, &self.raw(text))
    }

    fn automaton(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| {
            // No prefilter: every pattern starts with a space, so it would stop at each word
            // to call a byte search, which costs more than the automaton's own step.
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(&self.patterns)
                .expect("lexicon patterns compile")
        })
    }

    fn raw(&self, text: &TurnText) -> Vec<RawMatch> {
        self.automaton()
            .find_overlapping_iter(&text.norm)
            .map(|m| RawMatch {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            })
            .collect()
    }

    /// Leftmost-longest, non-overlapping selection among raw matches of this lexicon's patterns.
    pub fn select(&self, text: &TurnText, raw: &mut [RawMatch]) -> Vec<PhraseMatch> {
        if raw.is_empty() {
            return Vec::new();
        }
        raw.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(self.entries[a.pattern].cmp(&self.entries[b.pattern]))
        });
        // At most one phrase per raw match: one allocation, no growing (and these lists are
        // kept in the memo, where growth's spare room would stay).
        let mut out = Vec::with_capacity(raw.len());
        let mut covered = 0;
        for m in raw.iter() {
            // Patterns carry their surrounding spaces, so neighbours share one space.
            if m.start + 1 < covered {
                continue;
            }
            covered = m.end;
            out.push(self.to_match(text, m));
        }
        out
    }

    /// Every raw match as a phrase match, overlapping ones included, in order of position.
    pub fn select_overlapping(&self, text: &TurnText, raw: &[RawMatch]) -> Vec<PhraseMatch> {
        let mut found: Vec<PhraseMatch> = raw.iter().map(|m| self.to_match(text, m)).collect();
        found.sort_by_key(|m| (m.tokens.start, m.tokens.end, self.entry(m)));
        found.dedup_by_key(|m| (m.tokens.start, self.entry(m)));
        found
    }

    fn to_match(&self, text: &TurnText, m: &RawMatch) -> PhraseMatch {
        let tokens = text.norm_span_tokens(m.start, m.end);
        PhraseMatch {
            pattern: m.pattern,
            span: text.byte_span(tokens.clone()),
            tokens,
        }
    }

    /// The compiled patterns, for [`Combined`].
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Whether any entry matches.
    pub fn is_match(&self, text: &TurnText) -> bool {
        self.automaton().is_match(&text.norm)
    }
}

/// Applies the turn normaliser's contraction expansion and respellings to a lexicon phrase, so
/// that entries may be written either way.
fn normalise_contractions(phrase: &str) -> String {
    // Most phrases are lowercase ASCII words between single spaces, as `expand` writes them;
    // the normal form of those is the words themselves, contractions written without the
    // apostrophe expanded and chat spellings respelled, and the full analysis (tokens, stems, sentences) is not needed.
    // Anything else (apostrophes, digits, punctuation, placeholders) takes the full analysis.
    if phrase.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
        let mut norm = String::with_capacity(phrase.len() + 16);
        norm.push(' ');
        let mut words = phrase.split(' ').filter(|w| !w.is_empty()).peekable();
        while let Some(word) = words.next() {
            let whole = [word];
            let parts: &[&str] =
                crate::analyse::text::normal_words_before(word, || words.peek().copied())
                    .unwrap_or(&whole);
            for part in parts {
                norm.push_str(part);
                norm.push(' ');
            }
        }
        return norm;
    }
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
    fn alternatives_that_are_one_in_the_normal_form_expand_once() {
        assert_eq!(
            expand("[can't|cannot|cant] [help|]"),
            [" can't help ", " can't "]
        );
        assert_eq!(
            expand("[i'm|i am|we are] sorry"),
            [" i'm sorry ", " we are sorry "]
        );
    }

    #[test]
    fn expands_to_the_words_between_single_spaces() {
        assert_eq!(
            expand("  we [can|could  ] help\tyou [|today] "),
            [
                " we can help you ",
                " we can help you today ",
                " we could help you ",
                " we could help you today "
            ]
        );
        assert_eq!(expand("[ab|]"), [" ab "]);
        // A phrase of one letter matches too much to keep.
        assert!(expand("[a|]").is_empty());
        assert!(expand("[|]").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn plain_phrases_normalise_as_the_turn_analysis_does(
            words in proptest::collection::vec(
                "(dont|cant|thats|youre|couldnt|its|wont|well|were|i|am|sorry|u|ur|id|ill|be|welcome|thankyou|inconvinience|[a-z]{1,8})",
                0..8,
            ),
            gap in " {1,2}",
        ) {
            let phrase = format!(" {} ", words.join(&gap));
            proptest::prop_assert_eq!(normalise_contractions(&phrase), analyse_text(&phrase).norm);
        }
    }

    #[test]
    fn other_phrases_take_the_full_analysis() {
        for phrase in [
            " i'm sorry ",
            " it’s 4 pm ",
            " you're #NAME# ",
            " don't, ok? ",
        ] {
            assert_eq!(normalise_contractions(phrase), analyse_text(phrase).norm);
        }
        assert_eq!(normalise_contractions(" i'm sorry "), " i am sorry ");
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
