//! Per-turn text analysis: tokens, sentences, normal forms and stems, done once per turn and
//! shared by every detector.

use std::ops::Range;
use std::sync::LazyLock;

use compact_str::CompactString;
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use xxhash_rust::xxh3::xxh3_64;

/// What kind of token a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// An ordinary word.
    Word,
    /// A token containing digits (amounts, order ids, times).
    Number,
    /// An anonymisation placeholder such as `#NAME#`, `[PII]` or `<PERSON>`: never a word or a name.
    Placeholder,
}

/// One token of a turn.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset in the turn's text.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// Lowercase form with typographic apostrophes straightened (inline, no allocation, for
    /// words of up to 24 bytes).
    pub norm: CompactString,
    /// English Snowball stem of `norm`, for content words only (empty otherwise: stemming is
    /// the costliest step of the analysis and only content words are compared by stem).
    stem: CompactString,
    /// Word, number or placeholder.
    pub kind: TokenKind,
    /// Whether `norm` is an English stop word.
    pub stop: bool,
}

impl Token {
    /// The stem of a content word, or the normal form of any other token.
    pub fn stem(&self) -> &str {
        if self.stem.is_empty() {
            &self.norm
        } else {
            &self.stem
        }
    }

    /// A content word: not a stop word, not a number or placeholder, at least three letters.
    pub fn is_content(&self) -> bool {
        self.kind == TokenKind::Word && !self.stop && self.norm.len() >= 3
    }
}

/// One sentence of a turn.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte offset of the sentence (without surrounding whitespace).
    pub start: usize,
    /// Byte offset just past the sentence.
    pub end: usize,
    /// The indices of its tokens in [`TurnText::tokens`].
    pub tokens: Range<usize>,
}

/// The analysed text of one turn.
#[derive(Debug, Clone, Default)]
pub struct TurnText {
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Sentences in order; every token belongs to exactly one.
    pub sentences: Vec<Sentence>,
    /// Normal form of the whole turn for phrase matching: the normal forms of the words,
    /// contractions expanded ("i'm" → "i am"), chat spellings and misspellings read as the
    /// words they stand for ("ur" → "your", "thankyou" → "thank you"), placeholders as
    /// `<slot>`, each word followed by one space and the whole preceded by one, so that
    /// `" phrase "` matches whole words only.
    pub norm: String,
    /// For each word of `norm`: its byte offset in `norm` and the index of the token it came from.
    pub norm_words: Vec<(usize, usize)>,
    /// Hashes of the stems of the content words, sorted and without duplicates.
    pub content: Vec<u64>,
    /// VADER compound sentiment of the text, computed when first asked for (see
    /// [`TurnText::sentiment`]).
    sentiment: std::sync::OnceLock<f64>,
    /// The mechanics' word count of the text, computed when first asked for (see
    /// [`TurnText::spoken_words`]).
    spoken_words: std::sync::OnceLock<usize>,
    /// The script-line normal form of each sentence with no name made a slot, computed when
    /// first asked for (see [`TurnText::unnamed_script_forms`]).
    unnamed_script_forms: std::sync::OnceLock<Vec<Option<String>>>,
    /// Which words that begin a name cue the text holds (see [`TurnText::name_cue_words`]).
    name_cue_words: u32,
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#[A-Za-z_]+#|\[[A-Z][A-Z_ ]*\]|<[A-Z][A-Z_]*>|\{\{?[A-Za-z_]+\}?\}|\*{3,}")
        .expect("placeholder pattern is valid")
});

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

static STOP_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    let mut set: rustc_hash::FxHashSet<&'static str> =
        stop_words::get("en").iter().copied().collect();
    // Service-talk filler that carries no topic.
    for w in [
        "yes", "yeah", "okay", "ok", "hi", "hello", "please", "thanks", "thank", "um", "uh", "oh",
        "well", "sure", "right", "just", "like", "get", "got", "would", "could", "also", "one",
    ] {
        set.insert(w);
    }
    set
});

/// Whether a lowercase word is an English stop word (or service filler).
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(word)
}

/// Expansions of contractions in the normal form, so that "I'm sorry" and "I am sorry" match
/// the same lexicon entry.
pub(crate) fn expand_contraction(word: &str) -> Option<&'static [&'static str]> {
    Some(match word {
        "i'm" => &["i", "am"],
        "i've" => &["i", "have"],
        "i'll" => &["i", "will"],
        "i'd" => &["i", "would"],
        "you're" => &["you", "are"],
        "you've" => &["you", "have"],
        "you'll" => &["you", "will"],
        "you'd" => &["you", "would"],
        "we're" => &["we", "are"],
        "we've" => &["we", "have"],
        "we'll" => &["we", "will"],
        "we'd" => &["we", "would"],
        "they're" => &["they", "are"],
        "they'll" => &["they", "will"],
        "they've" => &["they", "have"],
        "they'd" => &["they", "would"],
        "he'll" => &["he", "will"],
        "she'll" => &["she", "will"],
        "it'll" => &["it", "will"],
        "it's" => &["it", "is"],
        "that's" => &["that", "is"],
        "there's" => &["there", "is"],
        "what's" => &["what", "is"],
        "let's" => &["let", "us"],
        "can't" => &["cannot"],
        "won't" => &["will", "not"],
        "don't" => &["do", "not"],
        "doesn't" => &["does", "not"],
        "didn't" => &["did", "not"],
        "isn't" => &["is", "not"],
        "aren't" => &["are", "not"],
        "wasn't" => &["was", "not"],
        "haven't" => &["have", "not"],
        "hasn't" => &["has", "not"],
        "couldn't" => &["could", "not"],
        "wouldn't" => &["would", "not"],
        "shouldn't" => &["should", "not"],
        "weren't" => &["were", "not"],
        _ => {
            let (_, written) = APOSTROPHE_LESS.iter().find(|(bare, _)| *bare == word)?;
            return expand_contraction(written);
        }
    })
}

/// Contractions typed without the apostrophe, as chat often is, and their written form; only
/// forms that are not words of their own ("its", "wont", "were", "well", "ill", "id" are).
/// Each ends in `t`, `e`, `s` or `m`, the byte test [`analyse_text`] makes before looking a
/// word up.
const APOSTROPHE_LESS: &[(&str, &str)] = &[
    ("dont", "don't"),
    ("cant", "can't"),
    ("didnt", "didn't"),
    ("doesnt", "doesn't"),
    ("isnt", "isn't"),
    ("wasnt", "wasn't"),
    ("youre", "you're"),
    ("thats", "that's"),
    ("havent", "haven't"),
    ("couldnt", "couldn't"),
    ("wouldnt", "wouldn't"),
    ("shouldnt", "shouldn't"),
    ("arent", "aren't"),
    ("werent", "weren't"),
    ("hasnt", "hasn't"),
    ("im", "i'm"),
    ("ive", "i've"),
    ("youve", "you've"),
    ("weve", "we've"),
    ("theyve", "they've"),
    ("theyre", "they're"),
    ("whats", "what's"),
    ("theres", "there's"),
];

/// Chat spellings and common misspellings, and the words they stand for in the normal form, so
/// that "thank u for ur patience", "thankyou" and "sorry for the inconvinience" match the
/// lexicons' phrases. Only forms that are no English word of their own: "ur" is read as
/// "your", unless the word after it says "you're" ([`RESPELLINGS_BEFORE`]).
const RESPELLINGS: &[(&str, &[&str])] = &[
    ("u", &["you"]),
    ("ur", &["your"]),
    ("thankyou", &["thank", "you"]),
    ("thanku", &["thank", "you"]),
    ("inconvinience", &["inconvenience"]),
    ("inconveniance", &["inconvenience"]),
    ("inconvienence", &["inconvenience"]),
    ("inconvienience", &["inconvenience"]),
    ("inconvience", &["inconvenience"]),
    ("inconvenince", &["inconvenience"]),
    ("frustation", &["frustration"]),
    ("definately", &["definitely"]),
];

/// The words of the normal form a word stands for before the word `next` gives, when they
/// are not the word itself: [`RESPELLINGS_BEFORE`], else [`normal_words`]. The one reading of a
/// word that both turns and lexicon phrases are normalised by.
pub(crate) fn normal_words_before<'n>(
    word: &str,
    next: impl FnOnce() -> Option<&'n str>,
) -> Option<&'static [&'static str]> {
    if let Some(words) = respelling_before(word, next) {
        return Some(words);
    }
    // Only words with an apostrophe, or ending as the apostrophe-less forms do ("dont",
    // "thats", "youre"), can be contractions. Byte tests: `contains` on a char sets up a
    // searcher for each (short) word.
    let bytes = word.as_bytes();
    if bytes.contains(&b'\'') || matches!(bytes.last(), Some(b't' | b'e' | b's' | b'm')) {
        normal_words(word)
    } else {
        respelling(word)
    }
}

/// Chat spellings that are words of their own, or stand for two things, read by the word after
/// them: "ur welcome" is "you are welcome" (not "your"), "id be happy" is "I would be happy"
/// (not "id"), "ill be right back" is "I will be right back" (not "ill").
const RESPELLINGS_BEFORE: &[(&str, &[&str], &[&str])] = &[
    (
        "ur",
        &["welcome", "right", "not", "going", "all"],
        &["you", "are"],
    ),
    (
        "id",
        &["be", "like", "love", "rather", "recommend", "suggest"],
        &["i", "would"],
    ),
    (
        "ill",
        &[
            "be", "get", "check", "send", "call", "look", "have", "transfer", "put", "pass", "see",
        ],
        &["i", "will"],
    ),
];

/// The words a chat spelling stands for before the word `next` gives (see
/// [`RESPELLINGS_BEFORE`]).
fn respelling_before<'n>(
    word: &str,
    next: impl FnOnce() -> Option<&'n str>,
) -> Option<&'static [&'static str]> {
    // Each form is of two or three letters; most words are longer and skip the table.
    if !matches!(word.len(), 2 | 3) {
        return None;
    }
    let next = next()?;
    RESPELLINGS_BEFORE
        .iter()
        .find(|(written, before, _)| *written == word && before.contains(&next))
        .map(|(_, _, words)| *words)
}

/// The words a chat spelling or misspelling stands for (see [`RESPELLINGS`]).
fn respelling(word: &str) -> Option<&'static [&'static str]> {
    // Every form is of one or two letters, or of six or more: the commonest words, of three
    // to five, skip the table.
    if matches!(word.len(), 0 | 3..=5) {
        return None;
    }
    RESPELLINGS
        .iter()
        .find(|(written, _)| *written == word)
        .map(|(_, words)| *words)
}

/// The words of the normal form a word stands for, when they are not the word itself:
/// contractions expanded ("i'm", "dont") and chat spellings and misspellings read as the words
/// they stand for ("ur", "thankyou", "inconvinience").
pub(crate) fn normal_words(word: &str) -> Option<&'static [&'static str]> {
    expand_contraction(word).or_else(|| respelling(word))
}

fn normalise_word(word: &str) -> CompactString {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return CompactString::new(word);
    }
    let mut out = CompactString::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Analyses one turn's text.
pub fn analyse_text(text: &str) -> TurnText {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut content: Vec<u64> = Vec::with_capacity(text.len() / 8 + 1);
    let mut cursor = 0;
    let may_hold_placeholder = memchr::memchr3(b'#', b'[', b'<', text.as_bytes()).is_some()
        || memchr::memchr2(b'{', b'*', text.as_bytes()).is_some();
    let mut cache = WORDS.with(|cache| cache.take());
    let mut name_cue_words = 0;
    for m in PLACEHOLDER.find_iter(if may_hold_placeholder { text } else { "" }) {
        words_into(
            &mut cache,
            &text[cursor..m.start()],
            cursor,
            &mut tokens,
            &mut content,
            &mut name_cue_words,
        );
        tokens.push(Token {
            start: m.start(),
            end: m.end(),
            norm: CompactString::const_new("<slot>"),
            stem: CompactString::const_new(""),
            kind: TokenKind::Placeholder,
            stop: false,
        });
        cursor = m.end();
    }
    words_into(
        &mut cache,
        &text[cursor..],
        cursor,
        &mut tokens,
        &mut content,
        &mut name_cue_words,
    );
    WORDS.with(|slot| slot.replace(cache));

    let sentences = split_sentences(text, &tokens);

    let mut norm = String::with_capacity(text.len() + 8);
    norm.push(' ');
    // Room for a few contractions, which add a word each.
    let mut norm_words = Vec::with_capacity(tokens.len() + 8);
    for (i, tok) in tokens.iter().enumerate() {
        let whole = [tok.norm.as_str()];
        // The next word counts only when nothing but a space parts them: "ill, be careful".
        let next = || {
            tokens
                .get(i + 1)
                .filter(|next| text[tok.end..next.start].bytes().all(|b| b == b' '))
                .map(|next| next.norm.as_str())
        };
        let parts = normal_words_before(&tok.norm, next).unwrap_or(&whole);
        for part in parts {
            norm_words.push((norm.len(), i));
            norm.push_str(part);
            norm.push(' ');
        }
    }

    content.sort_unstable();
    content.dedup();

    TurnText {
        tokens,
        sentences,
        norm,
        norm_words,
        content,
        sentiment: std::sync::OnceLock::new(),
        spoken_words: std::sync::OnceLock::new(),
        unnamed_script_forms: std::sync::OnceLock::new(),
        name_cue_words,
    }
}

/// What the analysis needs to know of a word as written.
struct WordFacts {
    /// Its normal form (see [`Token::norm`]).
    norm: CompactString,
    /// An English stop word (or service filler).
    stop: bool,
    /// The Snowball stem of a content word; empty otherwise.
    stem: CompactString,
    /// The hash of the stem of a content word (see [`TurnText::content`]); 0 otherwise.
    content: u64,
    /// Its bit among the words that begin a name cue, if it is one (see
    /// [`TurnText::name_cue_words`]).
    name_cue: u32,
}

/// Word as written → facts, per thread: conversations repeat their vocabulary, and one lookup
/// is far cheaper than normalising, a stop-word test and the Snowball algorithm. Cleared when
/// large, so memory stays bounded.
type WordCache = rustc_hash::FxHashMap<CompactString, WordFacts>;

thread_local! {
    static WORDS: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache::default());
}

const WORD_CACHE_LIMIT: usize = 200_000;

/// The facts of `word` as written (a word of kind [`TokenKind::Word`]), worked out afresh.
fn new_word_facts(word: &str) -> WordFacts {
    let norm = normalise_word(word);
    let stop = is_stop_word(&norm);
    let stem = if !stop && norm.len() >= 3 {
        CompactString::new(STEMMER.stem(&norm))
    } else {
        CompactString::const_new("")
    };
    let content = if stem.is_empty() {
        0
    } else {
        xxh3_64(stem.as_bytes())
    };
    let name_cue = crate::analyse::names::cue_bit(&norm);
    WordFacts {
        norm,
        stop,
        stem,
        content,
        name_cue,
    }
}

/// How the fast word splitter sees a character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordClass {
    /// A letter: ASCII, Latin-1 or Latin Extended-A (UAX #29 ALetter).
    Letter,
    /// An ASCII digit.
    Digit,
    /// `_`: a word character that is neither (UAX #29 ExtendNumLet).
    Underscore,
    /// Joins letter to letter and digit to digit: `'`, `.`, `’`, `‘` (MidNumLet, Single_Quote).
    MidNumLet,
    /// Joins letter to letter: `:` (MidLetter).
    MidLetter,
    /// Joins digit to digit: `,` and `;` (MidNum).
    MidNum,
    /// Any other ASCII character, `£`, `€`, and the typographic dashes, double quotes and
    /// ellipsis.
    Other,
}

/// The fast splitter's class of each ASCII byte.
const ASCII_CLASS: [WordClass; 128] = {
    let mut table = [WordClass::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => WordClass::Letter,
            b'0'..=b'9' => WordClass::Digit,
            b'_' => WordClass::Underscore,
            b'\'' | b'.' => WordClass::MidNumLet,
            b':' => WordClass::MidLetter,
            b',' | b';' => WordClass::MidNum,
            _ => WordClass::Other,
        };
        b += 1;
    }
    table
};

/// The class and length of the non-ASCII character starting at `bytes[i]`, or `None` for a
/// character outside the fast splitter's alphabet: Latin-1 and Latin Extended-A letters,
/// `£`, `€`, and the punctuation typed or auto-corrected in chats: `‘ ’` (MidNumLet to
/// UAX #29), `– — “ ” …` (Other).
fn non_ascii_class(bytes: &[u8], i: usize) -> Option<(WordClass, usize)> {
    match bytes.get(i..i + 2)? {
        [0xC3, 0x97 | 0xB7] => return None, // × ÷
        [0xC3, 0x80..=0xBF] | [0xC4 | 0xC5, 0x80..=0xBF] => return Some((WordClass::Letter, 2)),
        [0xC2, 0xA3] => return Some((WordClass::Other, 2)), // £
        _ => {}
    }
    match bytes.get(i..i + 3)? {
        [0xE2, 0x80, 0x98 | 0x99] => Some((WordClass::MidNumLet, 3)),
        [0xE2, 0x80, 0x93 | 0x94 | 0x9C | 0x9D | 0xA6] | [0xE2, 0x82, 0xAC] => {
            Some((WordClass::Other, 3))
        }
        _ => None,
    }
}

/// Calls `each(offset, word)` for the words of `segment` by the UAX #29 rules that matter for
/// Latin text: letters, digits and `_` form words; `'`, `’`, `‘` and `.` join letters to
/// letters and digits to digits ("don't", "e.g", "4.5"), `:` joins letters, `,` and `;` join
/// digits ("1,000"). Returns `false`, having called nothing, when the segment holds a
/// character outside that alphabet: then the general Unicode segmentation decides. Much
/// faster than the general segmentation, and property-tested to agree with it.
fn fast_words<'s>(segment: &'s str, each: impl FnMut(usize, &'s str)) -> bool {
    let bytes = segment.as_bytes();
    if segment.is_ascii() {
        split_ascii(segment, each);
        return true;
    }
    let mut classes = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let (class, len) = if bytes[i].is_ascii() {
            (ASCII_CLASS[usize::from(bytes[i])], 1)
        } else {
            match non_ascii_class(bytes, i) {
                Some(found) => found,
                None => return false,
            }
        };
        classes.push((i, class));
        i += len;
    }
    split_classified(segment, classes.len(), |k| classes[k], each);
    true
}

/// Whether an ASCII byte is a word character (letter, digit or `_`).
const ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(
            ASCII_CLASS[b],
            WordClass::Letter | WordClass::Digit | WordClass::Underscore
        );
        b += 1;
    }
    table
};

/// The word loop of [`fast_words`] on ASCII text: the same rules as [`split_classified`], with
/// runs of word and non-word bytes skipped by slice scans rather than character by character
/// (most of the analysis of a new line is spent here).
fn split_ascii<'s>(segment: &'s str, mut each: impl FnMut(usize, &'s str)) {
    let bytes = segment.as_bytes();
    // `& 0x7F` keeps the index in the tables; every byte of ASCII text is below 0x80.
    let class = |b: u8| ASCII_CLASS[usize::from(b & 0x7F)];
    let is_word = |b: u8| ASCII_WORD[usize::from(b & 0x7F)];
    let mut k = 0;
    while let Some(skip) = bytes[k..].iter().position(|&b| is_word(b)) {
        let start = k + skip;
        k = start;
        loop {
            k += bytes[k..]
                .iter()
                .position(|&b| !is_word(b))
                .unwrap_or(bytes.len() - k);
            // `bytes[k]` (if any) is not a word character: does it join the word to the next?
            let (Some(&mid), Some(&after)) = (bytes.get(k), bytes.get(k + 1)) else {
                break;
            };
            if !is_word(after) {
                break;
            }
            if !joins_across(class(bytes[k - 1]), class(mid), class(after)) {
                break;
            }
            k += 1;
        }
        // A word of underscores only is no word (UAX #29 keeps it, `unicode_words` drops it).
        let word = &segment[start..k];
        if !word.bytes().all(|b| b == b'_') {
            each(start, word);
        }
    }
}

/// Whether a character of class `mid` between `before` and `after` keeps one word going
/// (UAX #29 rules WB6/7 and WB11/12: "don't", "e.g", "3.5", "1,000").
fn joins_across(before: WordClass, mid: WordClass, after: WordClass) -> bool {
    let letters = before == WordClass::Letter && after == WordClass::Letter;
    let digits = before == WordClass::Digit && after == WordClass::Digit;
    match mid {
        WordClass::MidNumLet => letters || digits,
        WordClass::MidLetter => letters,
        WordClass::MidNum => digits,
        _ => false,
    }
}

/// The word loop of [`fast_words`] over `count` characters, `class(k)` giving the byte
/// offset and class of the k-th.
fn split_classified<'s>(
    segment: &'s str,
    count: usize,
    class: impl Fn(usize) -> (usize, WordClass),
    mut each: impl FnMut(usize, &'s str),
) {
    let is_word = |k: usize| {
        matches!(
            class(k).1,
            WordClass::Letter | WordClass::Digit | WordClass::Underscore
        )
    };
    let mut k = 0;
    while k < count {
        if !is_word(k) {
            k += 1;
            continue;
        }
        let start = k;
        let mut alphanumeric = false;
        loop {
            while k < count && is_word(k) {
                alphanumeric |= class(k).1 != WordClass::Underscore;
                k += 1;
            }
            if k + 1 >= count || !is_word(k + 1) {
                break;
            }
            if !joins_across(class(k - 1).1, class(k).1, class(k + 1).1) {
                break;
            }
            k += 1;
        }
        let from = class(start).0;
        let to = if k < count { class(k).0 } else { segment.len() };
        if alphanumeric {
            each(from, &segment[from..to]);
        }
    }
}

/// Splits `segment` (at byte `offset` of the turn) into tokens, collects the stem hashes of
/// its content words into `content` and adds the bits of its name cue words to
/// `name_cue_words`. A number is never a name cue word.
fn words_into(
    cache: &mut WordCache,
    segment: &str,
    offset: usize,
    tokens: &mut Vec<Token>,
    content: &mut Vec<u64>,
    name_cue_words: &mut u32,
) {
    let mut push = |at: usize, word: &str| {
        let (start, end) = (offset + at, offset + at + word.len());
        // Numbers (amounts, order ids) rarely recur and are not cached.
        if word.bytes().any(|b| b.is_ascii_digit()) {
            tokens.push(Token {
                start,
                end,
                norm: normalise_word(word),
                stem: CompactString::const_new(""),
                kind: TokenKind::Number,
                stop: false,
            });
            return;
        }
        // The token is made from the cached facts in place, with no copy of them in between.
        let mut word_token = |facts: &WordFacts| {
            // A word is content exactly when it has a stem (see `Token::is_content`).
            if !facts.stem.is_empty() {
                content.push(facts.content);
            }
            *name_cue_words |= facts.name_cue;
            tokens.push(Token {
                start,
                end,
                norm: facts.norm.clone(),
                stem: facts.stem.clone(),
                kind: TokenKind::Word,
                stop: facts.stop,
            });
        };
        if let Some(facts) = cache.get(word) {
            word_token(facts);
        } else {
            let facts = new_word_facts(word);
            word_token(&facts);
            if cache.len() >= WORD_CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(CompactString::new(word), facts);
        }
    };
    if !fast_words(segment, &mut push) {
        for (at, word) in segment.unicode_word_indices() {
            push(at, word);
        }
    }
}

/// Abbreviations whose full stop does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "mr" | "mrs"
            | "ms"
            | "mx"
            | "dr"
            | "st"
            | "vs"
            | "etc"
            | "eg"
            | "ie"
            | "e.g"
            | "i.e"
            | "no"
            | "jr"
            | "sr"
            | "prof"
            | "approx"
            | "dept"
            | "ref"
            | "tel"
            | "ext"
            | "inc"
            | "ltd"
            | "co"
    ) || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
}

/// The bytes that can end a sentence: a line break, `.`, `!`, `?` and the first byte of `…`.
const MAY_END_SENTENCE: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xE2] = true;
    table
};

/// Sentence boundaries: after `.`, `!`, `?` or `…` (and any closing quotes or brackets) when
/// whitespace follows, except after an abbreviation or initial; and at line breaks. A rule
/// set rather than full UAX #29 segmentation: it is many times faster, and transcripts are
/// short turns of plain prose where the two agree.
fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<(usize, usize)>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push((s + lead, s + lead + trimmed.len()));
        }
    };
    while i < bytes.len() {
        // Only a line break, `.`, `!`, `?` or the first byte of `…` can end a sentence.
        i += bytes[i..]
            .iter()
            .position(|&b| MAY_END_SENTENCE[usize::from(b)])
            .unwrap_or(bytes.len() - i);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b'\n' {
            push(&mut out, start, i);
            start = i + 1;
            i += 1;
            continue;
        }
        let terminal_len = if matches!(b, b'.' | b'!' | b'?') {
            1
        } else if bytes[i..].starts_with("…".as_bytes()) {
            '…'.len_utf8()
        } else {
            0
        };
        if terminal_len == 0 {
            i += 1;
            continue;
        }
        let mut end = i + terminal_len;
        while end < bytes.len() {
            let rest = &text[end..];
            let c = rest.chars().next().unwrap_or(' ');
            if matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '”' | '’'
            ) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let followed_by_space = text[end..].chars().next().is_none_or(char::is_whitespace);
        let word_before = text[start..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        if followed_by_space && !(b == b'.' && is_abbreviation(word_before)) {
            push(&mut out, start, end);
            start = end;
        }
        i = end;
    }
    push(&mut out, start, bytes.len());
    out
}

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let ranges = sentence_ranges(text);
    let mut sentences = Vec::with_capacity(ranges.len());
    let mut next_token = 0;
    for (start, end) in ranges {
        let first = next_token;
        while next_token < tokens.len() && tokens[next_token].start < end {
            next_token += 1;
        }
        sentences.push(Sentence {
            start,
            end,
            tokens: first..next_token,
        });
    }
    if let Some(last) = sentences.last_mut().filter(|_| next_token < tokens.len()) {
        last.tokens.end = tokens.len();
    }
    sentences
}

impl TurnText {
    /// VADER compound sentiment of `text`, which must be the text this analysis was made
    /// from; computed once: it is the costliest per-turn measure and most turns never need it.
    pub fn sentiment(&self, text: &str) -> f64 {
        // `+ 0.0` turns a rounded −0.0 into 0.0, which prints as "0.0".
        *self
            .sentiment
            .get_or_init(|| crate::analyse::sentiment::compound(text) + 0.0)
    }

    /// Which of the words that begin a name cue ("my name is…", "Mr…", "thanks…") the text
    /// holds, one bit each ([`crate::analyse::names`]); gathered with the words' other facts,
    /// so that each cue tried on the turn costs one test.
    pub fn name_cue_words(&self) -> u32 {
        self.name_cue_words
    }

    /// [`crate::mechanics::words`] of `text`, which must be the text this analysis was made
    /// from; counted once, so that a line kept in the memo is not counted again in each call.
    pub fn spoken_words(&self, text: &str) -> usize {
        *self
            .spoken_words
            .get_or_init(|| crate::mechanics::words(text))
    }

    /// The script-line normal form of each sentence of `text` ([`crate::scripts::agent_lines`]),
    /// which must be the text this analysis was made from, as if no one had a name: the form
    /// of every sentence that holds no name form. Worked out once, so that an agent line kept
    /// in the memo is not normalised again in each call.
    pub fn unnamed_script_forms(&self, text: &str) -> &[Option<String>] {
        self.unnamed_script_forms_from(text, &std::cell::OnceCell::new())
    }

    /// As [`TurnText::unnamed_script_forms`], working them out (the first time) from the turn's
    /// normal-form words in `parts`, which are built there if they are not yet: a caller that
    /// normalises a named sentence of the turn too builds them once for both.
    pub(crate) fn unnamed_script_forms_from<'t>(
        &'t self,
        text: &str,
        parts: &std::cell::OnceCell<crate::scripts::normalise::NormParts<'t>>,
    ) -> &'t [Option<String>] {
        self.unnamed_script_forms.get_or_init(|| {
            let parts = parts.get_or_init(|| crate::scripts::normalise::NormParts::new(self));
            crate::scripts::normalise::forms_without_names(text, self, parts)
        })
    }

    /// Where in `norm` the first word of token `token` begins; `None` for a token that gives
    /// no word.
    pub fn norm_offset(&self, token: usize) -> Option<usize> {
        self.norm_words
            .iter()
            .find(|(_, t)| *t == token)
            .map(|&(at, _)| at)
    }

    /// The token index range of the words of `norm` in `[norm_start, norm_end)`.
    pub fn norm_span_tokens(&self, norm_start: usize, norm_end: usize) -> Range<usize> {
        let first = self.norm_words.partition_point(|&(at, _)| at < norm_start);
        let last = self.norm_words.partition_point(|&(at, _)| at < norm_end);
        let first_tok = self.norm_words.get(first).map_or(0, |&(_, t)| t);
        let last_tok = if last == 0 {
            first_tok
        } else {
            self.norm_words[last - 1].1
        };
        first_tok..last_tok + 1
    }

    /// The byte range in the original text covered by the tokens `range`.
    pub fn byte_span(&self, range: Range<usize>) -> Range<usize> {
        match (
            self.tokens.get(range.start),
            self.tokens.get(range.end.saturating_sub(1)),
        ) {
            (Some(a), Some(b)) => a.start..b.end,
            _ => 0..0,
        }
    }

    /// The index of the sentence containing token `token`.
    pub fn sentence_of(&self, token: usize) -> Option<usize> {
        self.sentences
            .iter()
            .position(|s| s.tokens.contains(&token))
    }

    /// The normal form of token `k`, or "" past the last token: for looking at the words
    /// around a match.
    pub fn word(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.norm.as_str())
    }

    /// Number of word tokens (words and numbers; placeholders count as one word).
    pub fn word_count(&self) -> usize {
        self.tokens.len()
    }
}

/// Hashes of the stems of the content words among `tokens`, sorted and without duplicates: the
/// form of [`TurnText::content`] for part of a turn, to compare with [`overlap`].
pub fn content_of<'t>(tokens: impl IntoIterator<Item = &'t Token>) -> Vec<u64> {
    let mut content: Vec<u64> = tokens
        .into_iter()
        .filter(|t| t.is_content())
        .map(|t| xxh3_64(t.stem().as_bytes()))
        .collect();
    content.sort_unstable();
    content.dedup();
    content
}

/// Overlap of two sorted, deduplicated hash sets: |A ∩ B| / min(|A|, |B|), and |A ∩ B|.
pub fn overlap(a: &[u64], b: &[u64]) -> (f64, usize) {
    if a.is_empty() || b.is_empty() {
        return (0.0, 0);
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (shared as f64 / a.len().min(b.len()) as f64, shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophe_less_forms_expand_as_written_and_pass_the_byte_test() {
        for (bare, written) in APOSTROPHE_LESS {
            assert!(
                matches!(bare.as_bytes().last(), Some(b't' | b'e' | b's' | b'm')),
                "{bare}"
            );
            assert!(expand_contraction(written).is_some(), "{written}");
            assert_eq!(
                expand_contraction(bare),
                expand_contraction(written),
                "{bare}"
            );
        }
    }

    #[test]
    fn expands_contractions_with_and_without_apostrophe() {
        let t =
            analyse_text("Please dont worry, it’s fine and thats not your fault; its box is here.");
        assert_eq!(
            t.norm,
            " please do not worry it is fine and that is not your fault its box is here "
        );
        // Each word of the normal form points back at the token it came from.
        let (at, token) = t.norm_words[2];
        assert_eq!(&t.norm[at..at + 3], "not");
        assert_eq!(t.tokens[token].norm, "dont");
        // Chat typing drops the apostrophe of "I'm" and "aren't" too; "ill" and "id" are words,
        // unless the word after them says otherwise ("ill check").
        let t = analyse_text("im sure you arent the only one, ill check the id");
        assert_eq!(
            t.norm,
            " i am sure you are not the only one i will check the id "
        );
    }

    #[test]
    fn chat_spellings_and_misspellings_read_as_the_words_they_stand_for() {
        let text = "Thankyou for ur patience, sorry for the Inconvinience u had";
        let t = analyse_text(text);
        assert_eq!(
            t.norm,
            " thank you for your patience sorry for the inconvenience you had "
        );
        // Both words of "thankyou" point back at it, so a phrase quotes the text as written.
        let at = t.norm.find("thank you for your").unwrap();
        let tokens = t.norm_span_tokens(at, at + "thank you for your".len());
        assert_eq!(&text[t.byte_span(tokens)], "Thankyou for ur");
        // The tokens keep the words as written.
        assert_eq!(t.tokens[2].norm, "ur");
        // Words of their own are left alone.
        let t = analyse_text("Your patients are seen at 9");
        assert!(t.norm.starts_with(" your patients are "), "{}", t.norm);
        for (written, words) in RESPELLINGS {
            assert!(respelling(written).is_some(), "{written}");
            assert!(
                words
                    .iter()
                    .all(|w| respelling(w).is_none() && !w.is_empty()),
                "{written}"
            );
        }
    }

    #[test]
    fn chat_spellings_that_are_words_are_read_by_the_word_after_them() {
        let t = analyse_text("ur welcome! id be happy to look, ill be quick");
        assert_eq!(
            t.norm,
            " you are welcome i would be happy to look i will be quick "
        );
        // Elsewhere they are the word itself, or the plain respelling.
        let t = analyse_text("ur order id is 42. she was ill, be kind. Ur account");
        assert_eq!(
            t.norm,
            " your order id is 42 she was ill be kind your account "
        );
    }

    #[test]
    fn tokens_keep_offsets_and_placeholders() {
        let text = "Hi #NAME#, I’m sorry — order 4821 isn't here.";
        let t = analyse_text(text);
        let norms: Vec<&str> = t.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "hi", "<slot>", "i'm", "sorry", "order", "4821", "isn't", "here"
            ]
        );
        for tok in &t.tokens {
            assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
        }
        assert_eq!(&text[t.tokens[1].start..t.tokens[1].end], "#NAME#");
        assert_eq!(t.tokens[1].kind, TokenKind::Placeholder);
        assert_eq!(t.tokens[5].kind, TokenKind::Number);
        assert!(
            t.norm
                .starts_with(" hi <slot> i am sorry order 4821 is not here ")
        );
    }

    #[test]
    fn sentences_cover_tokens() {
        let t = analyse_text("My router is down. I tried a reset! Nothing works");
        assert_eq!(t.sentences.len(), 3);
        assert_eq!(t.sentences[1].tokens, 4..8);
        assert_eq!(t.sentences.last().unwrap().tokens.end, t.tokens.len());
    }

    fn fast_words_of(text: &str) -> Option<Vec<(usize, &str)>> {
        let mut out = Vec::new();
        fast_words(text, |at, w| out.push((at, w))).then_some(out)
    }

    #[test]
    fn fast_words_leave_other_scripts_to_unicode_segmentation() {
        assert_eq!(fast_words_of("ok ✓"), None);
        assert_eq!(fast_words_of("Gruß 👋"), None);
        assert_eq!(fast_words_of("2×3"), None);
    }

    #[test]
    fn fast_words_agree_with_unicode_segmentation() {
        for text in [
            "I don't know, it's 4.5 GB or 1,000 MB; e.g. ian.fletcher@example.co.uk at 3pm!",
            "order 52-88140 -- (call) back_end a:b 'quoted' rock'n'roll x.y.z 10:30 end.",
            "",
            "...",
            "I’m sure it’s fine — “really”… 4’5 x‘y end–start",
            "Café £4.50 or €5, Zoë Łukasz ńa ı __ _x_",
        ] {
            let fast = fast_words_of(text).expect("fast alphabet");
            let reference: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            assert_eq!(fast, reference, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_words_match_unicode_segmentation_on_ascii(text in "[a-zA-Z0-9 '.,;:_!?()@#-]{0,40}") {
            let fast = fast_words_of(&text).expect("fast alphabet");
            let reference: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            proptest::prop_assert_eq!(fast, reference);
        }

        #[test]
        fn fast_words_match_unicode_segmentation(text in "[a-zA-Z0-9 '.,;:_!?()@#’‘–—“”…£€éÉüñçßøÿĀąłŉſ-]{0,40}") {
            let fast = fast_words_of(&text).expect("fast alphabet");
            let reference: Vec<(usize, &str)> = text.unicode_word_indices().collect();
            proptest::prop_assert_eq!(fast, reference);
        }
    }

    #[test]
    fn sentence_rules() {
        let text = "Thank you, Mr. Patel. Is it 4.5 GB?! Yes… it is\nnew line (really.) Done";
        let got: Vec<&str> = sentence_ranges(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            got,
            [
                "Thank you, Mr. Patel.",
                "Is it 4.5 GB?!",
                "Yes…",
                "it is",
                "new line (really.)",
                "Done"
            ]
        );
        assert!(sentence_ranges("  ").is_empty());
    }

    #[test]
    fn norm_spans_map_back_to_text() {
        let text = "Well, I'm so sorry about that.";
        let t = analyse_text(text);
        let at = t.norm.find("i am so sorry").unwrap();
        let toks = t.norm_span_tokens(at, at + "i am so sorry".len());
        let span = t.byte_span(toks);
        assert_eq!(&text[span], "I'm so sorry");
    }

    #[test]
    fn overlap_counts_shared() {
        assert_eq!(overlap(&[1, 2, 3], &[2, 3, 9, 10]), (2.0 / 3.0, 2));
        assert_eq!(overlap(&[], &[1]).1, 0);
    }
}
