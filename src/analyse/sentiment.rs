//! Customer sentiment with VADER (Hutto & Gilbert, 2014), through a Rust implementation with
//! output parity against the reference Python package.

use std::ops::Range;
use std::sync::LazyLock;

use vader_parity::SentimentIntensityAnalyzer;

static ANALYZER: LazyLock<SentimentIntensityAnalyzer> =
    LazyLock::new(SentimentIntensityAnalyzer::new);

/// Short turns ("Okay.", "Thank you so much!", "No, that's wrong.") recur across a corpus;
/// their scores are kept per thread. Being a pure function's cache, it changes no result.
const CACHED_TEXT_BYTES: usize = 64;
const CACHE_LIMIT: usize = 100_000;

thread_local! {
    static CACHE: crate::memo::TextResults<f64> = crate::memo::TextResults::new(CACHE_LIMIT);
}

/// Given names that VADER's lexicon reads as words ("Thank you so much Rob" scores −0.34 for
/// "rob", −2.6), and the car maker Kia, which it reads as "killed in action" (−3.2).
const NAMES_VADER_READS_AS_WORDS: &[&str] = &[
    "rob", "hope", "joy", "faith", "grace", "bliss", "merry", "precious", "sunny", "liberty",
    "glory", "charity", "harmony", "mercy", "rich", "justice", "earnest", "dick", "hardy", "kia",
];

/// Names that stay names at the start of a sentence ("Kia said…", "Rob's been great").
const NAMES_AT_ANY_POSITION: &[&str] = &["kia", "rob"];

/// `text` with the names of [`NAMES_VADER_READS_AS_WORDS`] put as "them", when it has any: a
/// capitalised word (not all capitals) inside a sentence, or at its start when followed by a
/// comma ("Hope, thanks") or when it is always a name there. "Hope you're well" keeps its
/// hope. A pure function of the text, so the score stays one per text.
fn names_put_aside(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut aside: Vec<(Range<usize>, &str)> = Vec::new();
    for Range { start, end: k } in word_runs(bytes, |b| b.is_ascii_alphabetic()) {
        // Only a capital that begins a word can begin a name.
        if !bytes[start].is_ascii_uppercase() {
            continue;
        }
        let word = &text[start..k];
        let title_case = word.len() >= 3 && word.as_bytes()[1..].iter().all(u8::is_ascii_lowercase);
        // Letters glued to another script's letters ("éRob") are not a word of their own.
        let glued = start > 0 && !bytes[start - 1].is_ascii();
        if !title_case || glued {
            continue;
        }
        // The lists are in lower case and `word` is ASCII letters: no lowered copy is needed.
        let is = |name: &&str| name.eq_ignore_ascii_case(word);
        if !NAMES_VADER_READS_AS_WORDS.iter().any(is) {
            continue;
        }
        let before = text[..start].trim_end();
        let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', '\n']);
        let vocative = bytes.get(k) == Some(&b',');
        if sentence_start && !vocative && !NAMES_AT_ANY_POSITION.iter().any(is) {
            continue;
        }
        aside.push((start..k, "them"));
    }
    replaced(text, aside)
}

/// `text` with each span of `aside` (in order, not overlapping) replaced by its word, or `None`
/// when there is nothing to put aside: what every `…_put_aside` below returns.
fn replaced(text: &str, aside: Vec<(Range<usize>, &str)>) -> Option<String> {
    if aside.is_empty() {
        return None;
    }
    let mut masked = String::with_capacity(text.len());
    let mut copied = 0;
    for (span, by) in aside {
        masked.push_str(&text[copied..span.start]);
        masked.push_str(by);
        copied = span.end;
    }
    masked.push_str(&text[copied..]);
    Some(masked)
}

/// The byte ranges of the words of `bytes`: maximal runs of bytes that `is_word_byte` takes,
/// in order. The one walk over the text that a `…_put_aside` below makes when it must read
/// every word.
fn word_runs<'b>(
    bytes: &'b [u8],
    is_word_byte: impl Fn(u8) -> bool + 'b,
) -> impl Iterator<Item = Range<usize>> + 'b {
    let mut k = 0;
    std::iter::from_fn(move || {
        while k < bytes.len() && !is_word_byte(bytes[k]) {
            k += 1;
        }
        let start = k;
        while k < bytes.len() && is_word_byte(bytes[k]) {
            k += 1;
        }
        (k > start).then_some(start..k)
    })
}

/// VADER's compound score of `text`, from −1 (most negative) to 1 (most positive), at the
/// reference implementation's precision (4 decimals), with the names VADER reads as words
/// put aside (`names_put_aside`).
pub fn compound(text: &str) -> f64 {
    if text.len() > CACHED_TEXT_BYTES {
        return vader(text);
    }
    CACHE.with(|cache| cache.get_or_insert_with(text, || vader(text)))
}

/// Figures and codes that VADER's lexicon reads as chat slang: "187" (murder, −3.1), "86"
/// (−1.6), "143" ("I love you", +3.2), and the "2QT" ("too cute") of a postcode. Slang that
/// is written as words ("gr8", "m8", "h8") keeps its score.
const FIGURES_VADER_READS_AS_WORDS: &[&str] = &[
    "143", "1432", "182", "187", "86", "1337", "14aa41", "2g2b4g", "2g2bt", "2qt", "4col", "4q",
    "5fs", "8d", "d8", "g1", "n1", "j4f", "j4g", "k4y", "ly4e",
];

/// Two-letter codes that VADER's lexicon reads as chat slang and that, written in capitals next
/// to figures, are parts of references: a National Insurance number ("JT 12 34 56 C", the
/// specimen "QQ 12 34 56 C": "qq" is crying, −2.2), a PO box ("PO Box 12", "po" −2.6), a state
/// ("TX 75001"). Ordinary replies ("OK", "NO") and exclamations ("WTF") are left as they are.
const CODES_VADER_READS_AS_WORDS: &[&str] = &[
    "BL", "BZ", "DX", "EZ", "FF", "GG", "GJ", "GL", "GN", "GT", "JJ", "JP", "JT", "JW", "KK", "LY",
    "NH", "NP", "PO", "PU", "QQ", "QT", "TX", "WD", "WP", "XP",
];

/// `text` with the figures of [`FIGURES_VADER_READS_AS_WORDS`] put as "x0" ("X0" when written
/// in capitals, so that VADER's emphasis of capitals sees the same), and the codes of
/// [`CODES_VADER_READS_AS_WORDS`] next to figures as "X0", when it has any: "my flat is 187"
/// tells of an address, not a murder.
fn figures_put_aside(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // Most turns hold no digit: one test over the whole text (no early exit, so it runs a
    // vector at a time) settles them.
    if !bytes.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
        return None;
    }
    let word_before = |at: usize| {
        let end = bytes[..at].iter().rposition(|b| !b.is_ascii_whitespace())? + 1;
        let start = bytes[..end]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |p| p + 1);
        Some(start..end)
    };
    let is_code = |span: &Range<usize>| CODES_VADER_READS_AS_WORDS.contains(&&text[span.clone()]);
    // What to put aside, in order: the span and what replaces it.
    let mut aside: Vec<(Range<usize>, &str)> = Vec::new();
    let mut k = 0;
    // Only the words around a digit are looked at: most turns have none, or a few.
    while let Some(digit) = bytes[k..].iter().position(u8::is_ascii_digit) {
        let digit = k + digit;
        let start = bytes[..digit]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |p| p + 1);
        let end = bytes[digit..]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(bytes.len(), |p| digit + p);
        k = end;
        // The code before the figures ("QQ 12 34 56 C"), or before "Box" ("PO Box 12").
        let mut before = word_before(start);
        if before
            .as_ref()
            .is_some_and(|w| text[w.clone()].eq_ignore_ascii_case("box"))
        {
            before = before.and_then(|w| word_before(w.start));
        }
        if let Some(code) = before
            .filter(|w| is_code(w) && aside.last().is_none_or(|(done, _)| done.end <= w.start))
        {
            aside.push((code, "X0"));
        }
        let word = &text[start..end];
        let core = word.trim_matches(|c: char| c.is_ascii_punctuation());
        if FIGURES_VADER_READS_AS_WORDS
            .iter()
            .any(|figure| figure.eq_ignore_ascii_case(core))
        {
            let at = start + word.find(core).unwrap_or(0);
            let by = if core.bytes().any(|b| b.is_ascii_uppercase()) {
                "X0"
            } else {
                "x0"
            };
            aside.push((at..at + core.len(), by));
        }
        // The code after the figures: "ref 4471 GT".
        let after = bytes[end..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map(|p| end + p)
            .map(|from| {
                from..bytes[from..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || b.is_ascii_punctuation())
                    .map_or(bytes.len(), |p| from + p)
            });
        if let Some(code) = after.filter(is_code) {
            k = code.end;
            aside.push((code, "X0"));
        }
    }
    replaced(text, aside)
}

/// Terms of endearment that VADER's lexicon reads as feelings ("love" +3.2, "sweetheart"
/// +3.3): said to the agent after a comma ("That's the third time, love."), they address, and
/// feel nothing.
const ENDEARMENTS_VADER_READS_AS_WORDS: &[&str] =
    &["love", "dear", "darling", "sweetheart", "sweetie"];

/// `text` with the terms of [`ENDEARMENTS_VADER_READS_AS_WORDS`] put as "them" where they are
/// a form of address: after a comma and before the end of the clause. "I love it, dear" keeps
/// its love.
fn endearments_put_aside(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut aside: Vec<(Range<usize>, &str)> = Vec::new();
    let mut from = 0;
    while let Some(comma) = text[from..].find(',') {
        let comma = from + comma;
        from = comma + 1;
        let start = comma + 1 + (bytes[comma + 1..].len() - text[comma + 1..].trim_start().len());
        let end = start
            + bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_alphabetic())
                .unwrap_or(bytes.len() - start);
        let word = &text[start..end];
        let ends_clause = bytes
            .get(end)
            .is_none_or(|b| matches!(b, b'.' | b'!' | b'?' | b',' | b';' | b'\n'));
        if end == start
            || !ends_clause
            || !ENDEARMENTS_VADER_READS_AS_WORDS
                .iter()
                .any(|e| e.eq_ignore_ascii_case(word))
        {
            continue;
        }
        aside.push((start..end, "them"));
    }
    replaced(text, aside)
}

/// Praise VADER's lexicon does not know, with a word of the same warmth it does: "omg legend
/// 🙏", "you absolute legend" (VADER: "hero", +2.6).
const SLANG_PRAISE: &[(&str, &str)] = &[
    ("legend", "hero"),
    ("legends", "heroes"),
    // British spelling VADER does not know: "You've been marvellous."
    ("marvellous", "marvelous"),
    // Spanish thanks in an English call: "ok muchas gracias, bye!"
    ("gracias", "thanks"),
];

/// `text` with the praise of [`SLANG_PRAISE`] put as words VADER knows, when written as whole
/// words.
fn slang_praise_put_aside(text: &str) -> Option<String> {
    // Most lines hold no such praise: a search for the "g" of "legend" and "gracias" and the
    // "v" of "marvellous" settles them.
    let bytes = text.as_bytes();
    let holds = |letters: (u8, u8), offset: usize, word: &[u8]| {
        memchr::memchr2_iter(letters.0, letters.1, bytes).any(|at| {
            at >= offset
                && bytes
                    .get(at - offset..at - offset + word.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(word))
        })
    };
    if !holds((b'g', b'G'), 2, b"legend")
        && !holds((b'v', b'V'), 3, b"marvellous")
        && !holds((b'g', b'G'), 0, b"gracias")
    {
        return None;
    }
    let aside = word_runs(bytes, |b| b.is_ascii_alphabetic())
        .filter_map(|word| {
            SLANG_PRAISE
                .iter()
                .find(|(slang, _)| slang.eq_ignore_ascii_case(&text[word.clone()]))
                .map(|(_, known)| (word, *known))
        })
        .collect();
    replaced(text, aside)
}

/// Words that may follow a negation before its clause ends without being negated themselves:
/// "nothing else", "not really", "not at all".
const NEGATION_FILLERS: &[&str] = &[
    "else", "really", "at", "all", "yet", "today", "now", "that's", "thats", "it",
];

/// `text` with each negation that closes its clause ("Nothing else, thanks.", "Nope, that's
/// all, thanks!", "I won't. Thank you, you've made my week.") put as "x0": VADER negates the
/// next three words whatever punctuation comes between, and read these closings as negative
/// (−0.34 for "Nothing else, thanks."). A negation with a word of its own ("not happy.") stays.
fn closed_negations_put_aside(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let is_word_byte = |b: &u8| b.is_ascii_alphabetic() || *b == b'\'';
    let mut aside: Vec<(Range<usize>, &str)> = Vec::new();
    // Every negation holds an "n": only the words that do are read, each once, in order.
    let mut read_to = 0;
    for n in memchr::memchr2_iter(b'n', b'N', bytes) {
        if n < read_to {
            continue;
        }
        let start = bytes[..n]
            .iter()
            .rposition(|b| !is_word_byte(b))
            .map_or(0, |p| p + 1);
        let k = n + bytes[n..]
            .iter()
            .position(|b| !is_word_byte(b))
            .unwrap_or(bytes.len() - n);
        read_to = k;
        // Every negation begins with "n" or holds "n't".
        if !(bytes[start].eq_ignore_ascii_case(&b'n') || bytes[start..k].contains(&b'\'')) {
            continue;
        }
        let word = &text[start..k];
        let negation = ["nope", "nothing", "not", "none", "never"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(word))
            || word
                .as_bytes()
                .windows(3)
                .any(|w| w.eq_ignore_ascii_case(b"n't"));
        if !negation {
            continue;
        }
        // Past the fillers, the clause must end and more must follow.
        let mut at = k;
        loop {
            let next = at + bytes[at..].iter().take_while(|b| **b == b' ').count();
            let end = next
                + bytes[next..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic() || **b == b'\'')
                    .count();
            if end > next
                && NEGATION_FILLERS
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(&text[next..end]))
            {
                at = end;
            } else {
                at = next;
                break;
            }
        }
        let closes = bytes
            .get(at)
            .is_some_and(|b| matches!(b, b',' | b'.' | b'!' | b'?' | b';'))
            && bytes[at + 1..].iter().any(u8::is_ascii_alphabetic);
        if !closes {
            continue;
        }
        aside.push((start..k, "x0"));
    }
    replaced(text, aside)
}

/// VADER's compound score of `text` with [`names_put_aside`], [`endearments_put_aside`],
/// [`closed_negations_put_aside`], [`slang_praise_put_aside`] and [`figures_put_aside`].
fn vader(text: &str) -> f64 {
    let named = names_put_aside(text);
    let text = named.as_deref().unwrap_or(text);
    let addressed = endearments_put_aside(text);
    let text = addressed.as_deref().unwrap_or(text);
    let closed = closed_negations_put_aside(text);
    let text = closed.as_deref().unwrap_or(text);
    let praised = slang_praise_put_aside(text);
    let text = praised.as_deref().unwrap_or(text);
    match figures_put_aside(text) {
        Some(masked) => ANALYZER.polarity_scores(&masked).compound,
        None => ANALYZER.polarity_scores(text).compound,
    }
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

    #[test]
    fn names_vader_reads_as_words_are_put_aside() {
        assert_eq!(
            names_put_aside("Thank you so much Rob.").as_deref(),
            Some("Thank you so much them.")
        );
        assert_eq!(
            names_put_aside("I've got a Kia Niro and the app won't pair.").as_deref(),
            Some("I've got a them Niro and the app won't pair.")
        );
        assert_eq!(
            names_put_aside("Hope, thanks for that.").as_deref(),
            Some("them, thanks for that.")
        );
        // The verb at a sentence's start, the word in lower case and shouted capitals stay.
        assert_eq!(names_put_aside("Hope you're well. I hope so."), None);
        assert_eq!(names_put_aside("they rob you blind"), None);
        assert_eq!(names_put_aside("THANK YOU ROB"), None);
        assert_eq!(
            compound("Thank you so much Rob."),
            compound("Thank you so much.")
        );
        assert!(compound("Thank you so much Rob.") > 0.0);
        assert!(compound("they rob you blind") < 0.0);
    }

    #[test]
    fn endearments_that_address_are_put_aside() {
        assert_eq!(
            endearments_put_aside("And that's the third time, love. The third time.").as_deref(),
            Some("And that's the third time, them. The third time.")
        );
        assert_eq!(
            endearments_put_aside("Thanks, Dear!").as_deref(),
            Some("Thanks, them!")
        );
        // Love that is felt, "oh dear" and words that only begin like one stay.
        assert_eq!(endearments_put_aside("I love it, honestly."), None);
        assert_eq!(endearments_put_aside("Oh dear, the bill."), None);
        assert_eq!(endearments_put_aside("Right, lovely, that's done."), None);
        assert_eq!(endearments_put_aside("It's fine, love it."), None);
        assert!(compound("That's the third time, love. I've waited fourteen months.") <= 0.0);
        assert!(compound("Thank you, love.") > 0.0);
    }

    #[test]
    fn negations_that_close_their_clause_are_put_aside() {
        assert_eq!(
            closed_negations_put_aside("Nothing else, thanks.").as_deref(),
            Some("x0 else, thanks.")
        );
        assert_eq!(
            closed_negations_put_aside("I won't. Thank you!").as_deref(),
            Some("I x0. Thank you!")
        );
        // A negation with a word of its own, or with nothing after its clause, stays.
        assert_eq!(
            closed_negations_put_aside("I'm not happy. This is awful."),
            None
        );
        assert_eq!(closed_negations_put_aside("Nothing else."), None);
        assert_eq!(closed_negations_put_aside("It doesn't work, sorry."), None);
        // The whole word is read wherever its "n" is, in any case, and each one once.
        assert_eq!(
            closed_negations_put_aside("Honestly? I DIDN'T, no. Never, thanks!").as_deref(),
            Some("Honestly? I x0, no. x0, thanks!")
        );
        assert!(compound("Nothing else, thanks.") > 0.0);
        assert!(compound("Nope, that's all, thanks!") > 0.0);
        assert!(compound("Not happy, not at all.") < 0.0);
    }

    #[test]
    fn figures_vader_reads_as_slang_are_put_aside() {
        assert_eq!(
            figures_put_aside("My flat is 187, by the park.").as_deref(),
            Some("My flat is x0, by the park.")
        );
        assert_eq!(
            figures_put_aside("It's LS6 2QT").as_deref(),
            Some("It's LS6 X0")
        );
        // Other figures, slang written as words, and emoticons stay.
        assert_eq!(figures_put_aside("I paid 1870 on the 8th"), None);
        assert_eq!(figures_put_aside("gr8 service m8"), None);
        assert_eq!(figures_put_aside("love it <3"), None);
        assert_eq!(compound("LS6 2QT"), 0.0);
        assert_eq!(compound("My flat is 187."), compound("My flat is x0."));
        assert!(compound("My flat is 187.") > -0.05);
        assert!(compound("gr8 service") > 0.0);
    }

    #[test]
    fn codes_beside_figures_are_put_aside() {
        assert_eq!(
            figures_put_aside("QQ 12 34 56 C.").as_deref(),
            Some("X0 12 34 56 C.")
        );
        assert_eq!(
            figures_put_aside("It's PO Box 14, Austin, TX 75001").as_deref(),
            Some("It's X0 Box 14, Austin, X0 75001")
        );
        assert_eq!(
            figures_put_aside("ref 4471 GT. Flat 187").as_deref(),
            Some("ref 4471 X0. Flat x0")
        );
        assert_eq!(compound("QQ 12 34 56 C."), 0.0);
        // Codes away from figures, replies and exclamations beside figures, and lower case stay.
        assert_eq!(figures_put_aside("GG everyone"), None);
        assert_eq!(figures_put_aside("OK 2 minutes"), None);
        assert_eq!(figures_put_aside("WTF 3 weeks"), None);
        assert_eq!(figures_put_aside("qq 12"), None);
        assert!(compound("WTF 3 weeks") < 0.0);
    }
}
