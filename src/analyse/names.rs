//! Who the customer is: the name given in the input, or one inferred from the conversation.

use crate::analyse::Analysis;
use crate::analyse::text::{Token, TokenKind, TurnText, is_stop_word};
use crate::model::{Conversation, Role};

/// Where the customer's name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSource {
    /// The input's `customer_name` field.
    Given,
    /// Inferred from what was said ("my name is …", "thank you, Mr. …").
    Inferred,
}

impl NameSource {
    /// "given" or "inferred", as in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            NameSource::Given => "given",
            NameSource::Inferred => "inferred",
        }
    }
}

/// The customer's name and the lowercase forms the agent may address them by.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerName {
    /// The name as given or found.
    pub display: String,
    /// Where it came from.
    pub source: NameSource,
    /// Lowercase single-word forms to look for (first name, last name).
    pub forms: Vec<String>,
    /// Lowercase forms that are also common words ("Will", "May"): a mention only where the
    /// agent writes them with a capital as a name, not as the verb (see `mentions`).
    pub word_forms: Vec<String>,
}

/// Capitalised words that start sentences or fill greetings and are never names.
fn is_not_a_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_stop_word(&lower)
        || matches!(
            lower.as_str(),
            "calling"
                | "speaking"
                | "sorry"
                | "here"
                | "good"
                | "great"
                | "fine"
                | "afraid"
                | "trying"
                | "looking"
                | "just"
                | "still"
                | "really"
                | "sir"
                | "madam"
                | "ma'am"
                | "everyone"
                | "there"
                | "again"
                | "today"
                | "customer"
                | "support"
                | "service"
                | "team"
                | "agent"
                | "welcome"
                | "thank"
                | "thanks"
                | "bye"
                | "goodbye"
                | "yes"
                | "no"
                | "okay"
                | "ok"
                | "perfect"
                | "wonderful"
                | "excellent"
                | "awesome"
                | "alright"
                | "hello"
                | "hi"
                | "morning"
                | "afternoon"
                | "evening"
                | "the"
                | "calling about"
                | "regarding"
                // Sentence openers: "Great. Since you've got a few hours…".
                | "since"
                | "because"
                | "although"
                | "though"
                | "unless"
                | "whilst"
                | "meanwhile"
                | "also"
                | "actually"
                | "please"
                | "unfortunately"
                | "luckily"
                | "hopefully"
                | "apparently"
                | "basically"
                | "account"
                | "order"
                | "billing"
                | "let"
                | "let's"
                | "shall"
                // "My name is wrong on my bill."
                | "wrong"
                | "incorrect"
                | "missing"
                | "different"
        )
        || is_participle(&lower)
}

/// Whether a lowercase word is a past participle, as an agent says one as a sentence of its
/// own ("Done.", "Fixed now.", "Booked for Monday."): never a name. A regular one is any
/// word of five letters or more in "-ed" but "-eed" ("Reed", "Saeed") and the few names so
/// made; an irregular one is one of the common ones.
fn is_participle(lower: &str) -> bool {
    // "Al-Sayed" is judged by "Sayed", "re-booked" by "booked".
    let lower = lower.rsplit(is_hyphen).next().unwrap_or(lower);
    (lower.ends_with("ed")
        && !lower.ends_with("eed")
        && lower.chars().count() >= 5
        && !NAMES_IN_ED.contains(&lower))
        || IRREGULAR_PARTICIPLES.contains(&lower)
}

/// Names of five letters or more that end in "-ed" as regular participles do.
const NAMES_IN_ED: &[&str] = &[
    "ahmed",
    "ahmmed",
    "akhmed",
    "mahmed",
    "mehmed",
    "mohammed",
    "mohamed",
    "muhammed",
    "hamed",
    "majed",
    "sajed",
    "wajed",
    "zahed",
    "shahed",
    "fahed",
    "khaled",
    "javed",
    "naved",
    "sayed",
    "seyed",
    "zayed",
    "jared",
    "alfred",
    "wilfred",
    "manfred",
    "winifred",
    "mildred",
    "siegfried",
    "sigfried",
    "gottfried",
];

/// Common irregular past participles, none of them a name ("Done.", "Sent.", "Paid.").
/// Those that are also names ("Read", "Bent", "Won", "Hung", "Sung") are left out.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "done",
    "gone",
    "sent",
    "paid",
    "made",
    "taken",
    "given",
    "seen",
    "shown",
    "known",
    "told",
    "sold",
    "spelt",
    "misspelt",
    "meant",
    "dealt",
    "found",
    "kept",
    "left",
    "lost",
    "held",
    "brought",
    "bought",
    "caught",
    "taught",
    "thought",
    "chosen",
    "written",
    "spoken",
    "broken",
    "frozen",
    "stolen",
    "forgotten",
    "gotten",
    "understood",
    "withdrawn",
    "drawn",
    "begun",
    "spent",
    "built",
    "meant",
    "felt",
    "dealt",
    "heard",
    "shut",
    "put",
    "set",
    "cut",
    "said",
    "laid",
    "eaten",
    "driven",
    "hidden",
    "fallen",
];

/// Lowercase particles that join the parts of a name ("Maria de la Cruz", "Ludwig van
/// Beethoven", "Aoife Ní Bhriain", "Ahmed al-Sayed"): part of the name between its
/// capitalised words, but no form of it on their own ("de" is no one's name).
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "della"
            | "dela"
            | "dei"
            | "degli"
            | "dal"
            | "dalla"
            | "des"
            | "der"
            | "den"
            | "di"
            | "da"
            | "das"
            | "do"
            | "dos"
            | "du"
            | "van"
            | "von"
            | "zu"
            | "ter"
            | "ten"
            | "te"
            | "le"
            | "la"
            | "lo"
            | "ní"
            | "nic"
            | "mhic"
            | "ó"
            | "ua"
            | "uí"
            | "mac"
            | "bin"
            | "bint"
            | "binti"
            | "ibn"
            | "al"
            | "el"
            | "ben"
            | "bat"
            | "y"
            | "af"
            | "av"
    )
}

/// Whether a word (in normal form) is a title used before a name: "mr", "ms", "dr", ….
pub fn is_title(word: &str) -> bool {
    TITLES.iter().any(|title| title[0] == word)
}

/// The words of a name that are also stop words ("will" of "Will Turner"), which
/// [`forms_of`] leaves out.
fn word_forms_of(name: &str) -> Vec<String> {
    name_words(name)
        .enumerate()
        .filter(|&(i, w)| !is_particle_in_name(i, w))
        .map(|(_, w)| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 2 && is_stop_word(w) && !is_title(w))
        .collect()
}

/// The words of a name, a hyphenated one ("Kerry-Ann", "Smith-Jones") in its parts, as the
/// turns are split into words and a speech recogniser writes it ("kerry ann").
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| c.is_whitespace() || is_hyphen(c))
        .filter(|w| !w.is_empty())
}

/// Whether word `i` of a name, as written, is a particle within it ("de", "la" of "Maria de la
/// Cruz", "van" of "Mr van Beethoven"); not a capitalised first word ("Van Morrison").
fn is_particle_in_name(i: usize, word: &str) -> bool {
    (i > 0 || word.starts_with(char::is_lowercase)) && is_particle(&word.to_lowercase())
}

/// Whether `c` joins the parts of a hyphenated name.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether a lowercase letter is a vowel (with "y", as in "Lynn"), accented or not: a word
/// in capitals without one is a code ("SHL", "DJRSBR"), not a name.
fn is_vowel(c: char) -> bool {
    matches!(base_letter(c), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// A lowercase letter without its accent ("é" is "e"), for the Latin letters names are
/// written with; any other character unchanged.
fn base_letter(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'ş' | 'š' => 's',
        'ť' | 'ţ' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// Whether two lowercase words are the same but for accents ("gonzález", "gonzalez").
fn same_but_accents(a: &str, b: &str) -> bool {
    a.chars().map(base_letter).eq(b.chars().map(base_letter))
}

/// The single-word forms of a name the agent may address the customer by: its words (the
/// parts of a hyphenated one too), lowercase, without titles, stop words and the particles
/// within it ("de", "la" of "Maria de la Cruz"; a first word such as "Van" is kept, but as an
/// everyday word).
fn forms_of(name: &str) -> Vec<String> {
    let mut forms: Vec<String> = name_words(name)
        .enumerate()
        .filter(|&(i, w)| !is_particle_in_name(i, w))
        .map(|(_, w)| {
            // As tokens are normalised: "O’Brien" is "o'brien".
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .replace('\u{2019}', "'")
        })
        .filter(|w| w.chars().count() >= 2 && !is_stop_word(w))
        .filter(|w| !is_title(w))
        .collect();
    forms.dedup();
    forms
}

/// The customer's name: the given one, or one inferred from the turns, avoiding the agent's
/// own name and anonymisation placeholders.
pub fn customer_name(
    conversation: &Conversation,
    texts: &[std::sync::Arc<TurnText>],
) -> Option<CustomerName> {
    if let Some(given) = conversation.customer_name.as_deref() {
        let forms = forms_of(given);
        if !forms.is_empty() && !given.contains('#') && !given.starts_with('[') {
            return Some(CustomerName {
                display: given.trim().to_string(),
                source: NameSource::Given,
                forms,
                word_forms: word_forms_of(given),
            });
        }
    }
    // The agent's name as given, and as the agent introduces themselves ("Northwave, Owen
    // speaking"), so that "Hi, Northwave, Owen speaking" does not name the customer. Worked
    // out only when there is a candidate to check.
    let agent_forms = std::cell::OnceCell::new();
    let agent_forms = || {
        agent_forms.get_or_init(|| {
            let mut forms: Vec<String> = conversation
                .agent_name
                .as_deref()
                .map(forms_of)
                .unwrap_or_default();
            for (turn, text) in conversation.turns.iter().zip(texts) {
                if turn.role == Role::Agent {
                    for name in agent_self_names(&turn.text, text) {
                        forms.extend(forms_of(&name));
                    }
                }
            }
            forms
        })
    };
    let acceptable = |candidate: &str| -> Option<String> {
        let mut words: Vec<&str> = candidate
            .split_whitespace()
            .take_while(|w| is_particle(&w.to_lowercase()) || !is_not_a_name(w))
            .collect();
        while words.last().is_some_and(|w| is_particle(&w.to_lowercase())) {
            words.pop();
        }
        if words.is_empty() {
            return None;
        }
        let name = words.join(" ");
        let forms = forms_of(&name);
        if forms.is_empty()
            || forms.iter().any(|f| agent_forms().contains(f))
            || forms
                .iter()
                .any(|f| ORGANISATION_WORDS.contains(&f.as_str()))
        {
            return None;
        }
        Some(name)
    };
    let found = |name: String| {
        Some(CustomerName {
            forms: forms_of(&name),
            word_forms: Vec::new(),
            display: name,
            source: NameSource::Inferred,
        })
    };
    let turns = || conversation.turns.iter().zip(texts);
    // The agent addressing the customer by title ("Mr. Patel"); `doctors` says whether "Dr"
    // counts (an agent's "Dr Sandhu" is as often the customer's doctor).
    // Someone the customer spoke of ("my school counsellor Mrs Iyer said…"), whom the agent
    // then names too ("Mrs Iyer isn't wrong").
    let spoken_of = |name: &str| {
        let forms = forms_of(name);
        turns()
            .filter(|(t, _)| t.role == Role::Customer)
            .any(|(_, text)| {
                (0..text.tokens.len()).any(|k| {
                    let before = k.saturating_sub(4)..k;
                    forms.iter().any(|f| *f == text.tokens[k].norm)
                        && ((before.clone().any(|b| {
                            matches!(text.word(b), "my" | "our" | "his" | "her" | "their")
                        }) && !before.clone().any(|b| text.word(b) == "name"))
                            || matches!(text.word(k + 1), "said" | "says" | "told"))
                })
            })
    };
    // The cue words each list can begin with: a turn holding none of them is passed over
    // without trying each cue of the list.
    let (intro_words, title_words, address_words) = (
        first_words(SELF_INTRO),
        first_words(TITLES),
        first_words(ADDRESS),
    );
    let titled = |doctors: bool| {
        turns()
            .filter(|(t, text)| t.role == Role::Agent && text.name_cue_words() & title_words != 0)
            .find_map(|(turn, text)| {
                TITLES
                    .iter()
                    .filter(|cue| doctors || cue[0] != "dr")
                    .find_map(|cue| {
                        name_after(&turn.text, text, cue, 1)
                            .filter(|n| cue[0] != "dr" || !appointment_with(text, n))
                    })
                    .filter(|n| !spoken_of(n))
                    .and_then(|n| acceptable(&n))
            })
    };
    // The customer introducing themselves is the strongest evidence. An agent who then says
    // "Mrs. Holt" to a customer who said "this is Margaret" names the same person.
    for (at, (turn, text)) in turns()
        .enumerate()
        .filter(|(_, (t, _))| t.role == Role::Customer)
    {
        // Capitals first; a turn typed all in lowercase has none, so its forms come second.
        let cues: &[&[&str]] = if text.name_cue_words() & intro_words != 0 {
            SELF_INTRO
        } else {
            &[]
        };
        let introduced = cues
            .iter()
            .find_map(|cue| {
                name_after(&turn.text, text, cue, 2)
                    // "I'm Tom." introduces; "I'm British Gas's customer" does not.
                    .filter(|n| cue[0] != "i'm" || ends_an_introduction(&turn.text, n))
                    .and_then(|n| acceptable(&n))
            })
            .or_else(|| lowercase_intro(&turn.text, text).and_then(|n| acceptable(&n)))
            .or_else(|| lowercase_answer(conversation, texts, at).and_then(|n| acceptable(&n)));
        if let Some(name) = introduced {
            // Only a first name given alone can be joined by a title: after "Owen Fairclough",
            // the agent's "Mr Hussain" is the landlord.
            let first_name_only = !name.contains(' ');
            let mut known = found(name)?;
            if let Some(title) = titled(false).filter(|_| first_name_only) {
                let extra: Vec<String> = forms_of(&title)
                    .into_iter()
                    .filter(|f| !known.forms.contains(f))
                    .collect();
                if !extra.is_empty() {
                    known.forms.extend(extra);
                    known.display = format!("{} / {title}", known.display);
                }
            }
            return Some(known);
        }
    }
    // Then the agent addressing them by title, or by name after a thanks.
    if let Some(name) = titled(true) {
        return found(name);
    }
    if let Some(name) = turns()
        .filter(|(t, _)| t.role == Role::Agent)
        .find_map(|(turn, text)| lowercase_titled(&turn.text, text))
        .and_then(|n| acceptable(&n))
    {
        return found(name);
    }
    // An agent's greeting before the customer has said a word names the company or the
    // branch ("Good afternoon, Hargreaves Home and Garden"), not the customer.
    let first_customer = conversation
        .turns
        .iter()
        .position(|t| t.role == Role::Customer)
        .unwrap_or(conversation.turns.len());
    for (turn, text) in turns()
        .skip(first_customer)
        .filter(|(t, text)| t.role == Role::Agent && text.name_cue_words() & address_words != 0)
    {
        for cue in ADDRESS {
            if let Some(name) = name_after(&turn.text, text, cue, 2).and_then(|n| acceptable(&n)) {
                return found(name);
            }
        }
    }
    None
}

/// Every agent mention of the customer's name: (turn, token index); see
/// [`Analysis::name_mentions`], which keeps them.
pub(super) fn mentions(analysis: &Analysis) -> Vec<(usize, usize)> {
    let Some(name) = &analysis.customer_name else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (i, turn, text) in analysis.turns_of(analysis.service) {
        // "Sure Will, …", "I've fixed it, Will." name him; "I will check" and "Will you…?"
        // do not: a capital, and at the start of a sentence a comma after it.
        let written_as_name = |t: usize, token: &Token| {
            let raw = &turn.text;
            raw[token.start..].starts_with(|c: char| c.is_uppercase())
                && (!text.sentences.iter().any(|s| s.tokens.start == t)
                    || raw[token.end..].starts_with(','))
        };
        let mut previous: Option<usize> = None;
        for (t, token) in text.tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            // Compared as `&str`: a length test first, where a `String` against a
            // `CompactString` decodes the latter and compares bytes for every form.
            let norm = token.norm.as_str();
            let is_name =
                name.forms.iter().any(|f| {
                    f.as_str() == norm && (!is_everyday_word(f) || written_as_name(t, token))
                }) || (name.word_forms.iter().any(|f| f.as_str() == norm)
                    && written_as_name(t, token));
            // "Dear Mr Whitfield" opens a letter: the salutation is the form of the channel.
            // Looked for only before a name: most words are none.
            let salutation = || {
                t > 0
                    && (text.tokens[t - 1].norm == "dear"
                        || (t > 1
                            && text.tokens[t - 2].norm == "dear"
                            && is_title(&text.tokens[t - 1].norm)))
            };
            if is_name && !salutation() {
                // "Ravi Patel", "Maria de la Cruz" said in full is one mention, not two.
                let same_mention = previous.is_some_and(|p| {
                    text.tokens[p + 1..t]
                        .iter()
                        .all(|k| k.kind == TokenKind::Word && is_particle(&k.norm))
                });
                if !same_mention && !someone_else(turn, text, t, name) {
                    found.push((i, t));
                }
                previous = Some(t);
            }
        }
    }
    found
}

/// Whether the name at token `t` of an agent's turn is not the customer's but someone
/// else's: the agent's own in a self-introduction ("Dana speaking", "Dana here", "this is
/// Dana"), or another person's, the first name followed by a different surname ("my
/// colleague Ravi Shah" to Ravi Patel). Asked only of the words that are the customer's name.
fn someone_else(turn: &crate::model::Turn, text: &TurnText, t: usize, name: &CustomerName) -> bool {
    let raw = &turn.text;
    let tokens = &text.tokens;
    let next = tokens
        .get(t + 1)
        .filter(|next| &raw[tokens[t].end..next.start] == " ");
    if next.is_some_and(|next| matches!(next.norm.as_str(), "speaking" | "here")) {
        return true;
    }
    let introduced = AGENT_INTRO.iter().any(|cue| {
        t >= cue.len()
            && cue
                .iter()
                .zip(&tokens[t - cue.len()..t])
                .all(|(w, k)| k.norm == *w)
    });
    if introduced {
        return true;
    }
    next.is_some_and(|next| {
        let word = &raw[next.start..next.end];
        next.kind == TokenKind::Word
            && word.starts_with(char::is_uppercase)
            && !is_particle(&next.norm)
            && !is_title(&next.norm)
            && !is_not_a_name(word)
            && !name
                .forms
                .iter()
                .chain(&name.word_forms)
                .any(|f| same_but_accents(f, &next.norm))
    })
}

/// Given names that are everyday words of a service call ("your bill", "I hope", "a grace
/// period", "mark it as paid"): said by the agent they are the customer's name only when
/// written as one (see [`mentions`]).
const EVERYDAY_WORD_NAMES: &[&str] = &[
    "bill", "hope", "grace", "mark", "faith", "joy", "rose", "frank", "april", "june", "dawn",
    "chase", "penny", "sky", "summer", "ray", "drew", "guy", "max", "miles", "dale", "lance",
    "patience", "charity", "mercy", "holly", "ruby", "amber", "crystal", "robin", "sandy", "cliff",
    "pat", "sue", "don", "rich", "dean", "gene", "art", "bob", "sunny", "jack",
];

/// Whether a name form is also an everyday word ([`EVERYDAY_WORD_NAMES`]), or a particle that
/// begins a name ("Van Morrison": "the van").
fn is_everyday_word(form: &str) -> bool {
    EVERYDAY_WORD_NAMES.contains(&form) || is_particle(form)
}

/// Words of a company's name, which the agent's greeting puts where a customer's name could
/// stand ("Hello, Greenleaf Bank, how can I help?").
const ORGANISATION_WORDS: &[&str] = &[
    "bank",
    "banking",
    "energy",
    "power",
    "insurance",
    "assurance",
    "airways",
    "airlines",
    "air",
    "telecom",
    "mobile",
    "broadband",
    "fibre",
    "water",
    "gas",
    "electric",
    "council",
    "services",
    "ltd",
    "limited",
    "plc",
    "inc",
    "llc",
    "group",
    "health",
    "healthcare",
    "pharmacy",
    "rentals",
    "hotels",
    "hotel",
    "parcels",
    "delivery",
    "deliveries",
    "travel",
    "motors",
    "finance",
    "credit",
    "cards",
    "utilities",
    "homes",
    "housing",
    "rail",
    "trains",
    "clinic",
    "surgery",
    "vets",
    "store",
    "stores",
    "shop",
    "online",
    "direct",
    "company",
    "collections",
    "mortgages",
    "loans",
    "lending",
    "solutions",
    "systems",
    "software",
    "media",
    "networks",
    "claims",
    "helpline",
    "support",
    "team",
    "department",
    "nursing",
    "desk",
    "centre",
    "center",
    "care",
];

/// Word sequences after which the customer says their own name.
const SELF_INTRO: &[&[&str]] = &[
    &["my", "name", "is"],
    &["my", "name's"],
    &["name", "is"],
    &["this", "is"],
    &["it's"],
    &["i'm"],
];
/// Titles the agent puts before the customer's surname.
const TITLES: &[&[&str]] = &[
    &["mr"],
    &["mrs"],
    &["ms"],
    &["miss"],
    &["mx"],
    &["dr"],
    &["mister"],
    &["missus"],
];
/// Whether the doctor `name` is the one an appointment is with ("I've booked you in with Dr
/// Sandhu", "to see Dr Sandhu"), not the customer addressed as a doctor ("Thank you, Dr Sandhu").
fn appointment_with(text: &TurnText, name: &str) -> bool {
    let forms = forms_of(name);
    (2..text.tokens.len()).any(|k| {
        forms.iter().any(|f| *f == text.tokens[k].norm)
            && text.word(k - 1) == "dr"
            && matches!(text.word(k - 2), "with" | "see" | "by" | "from")
    })
}

/// Words after which the agent addresses the customer by name.
const ADDRESS: &[&[&str]] = &[
    &["thank", "you"],
    &["thanks"],
    &["hello"],
    &["hi"],
    &["morning"],
    &["afternoon"],
    &["evening"],
    &["sure"],
    &["okay"],
    &["alright"],
    &["great"],
    &["perfect"],
];

/// The capitalised words (at most `max_words`, an optional title first) that directly follow
/// an occurrence of the word sequence `cue` in a turn, separated from it only by spaces or a
/// comma: "my name is Maria Lopez" gives "Maria Lopez".
fn name_after(raw: &str, text: &TurnText, cue: &[&str], max_words: usize) -> Option<String> {
    if cue
        .first()
        .is_none_or(|first| text.name_cue_words() & cue_bit(first) == 0)
    {
        return None;
    }
    let tokens = &text.tokens;
    // The gap before token `k`: spaces and commas, and a full stop only after a title or an
    // initial ("Mr. Patel", "J. Smith"). After any other word it ends the sentence, and the
    // next one is no name: "Thank you. Done.", "It's Mrs Fairclough. Jean."
    let gap_ok = |k: usize| {
        let before = &tokens[k - 1];
        let gap = &raw[before.end..tokens[k].start];
        gap.chars().all(|c| c == ' ' || c == ',' || c == '.')
            && (!gap.contains('.') || is_title(&before.norm) || before.norm.chars().count() == 1)
    };
    let capitalised = |t: &Token| {
        t.kind == TokenKind::Word && raw[t.start..].starts_with(|c: char| c.is_uppercase())
    };
    let lowercase_in_turn = std::cell::OnceCell::new();
    // A reference, not a name: a word glued to digits ("BC-5903107", "SHL-9452-4964"), or
    // one in capitals ("SHL", "DJRSBR", "CBBYHD") without a vowel or in a turn otherwise
    // written in lower case, unless after a title ("Mrs NG") or a first name ("Jean DUPONT").
    let reads_as_code = |k: usize, names: usize| {
        let t = &tokens[k];
        if tokens.get(k + 1).is_some_and(|next| {
            next.kind == TokenKind::Number
                && matches!(
                    &raw[t.end..next.start],
                    "" | "-" | "/" | "\u{2010}" | "\u{2011}"
                )
        }) {
            return true;
        }
        let word = &raw[t.start..t.end];
        if word.chars().any(char::is_lowercase)
            || word.chars().filter(|c| c.is_alphabetic()).count() < 2
            || (k > 0 && is_title(&tokens[k - 1].norm))
        {
            return false;
        }
        !t.norm.chars().any(is_vowel)
            || (names == 0
                && *lowercase_in_turn.get_or_init(|| raw.chars().any(char::is_lowercase)))
    };
    for start in 0..tokens.len() {
        if start + cue.len() > tokens.len()
            || !cue.iter().zip(&tokens[start..]).all(|(w, t)| t.norm == *w)
        {
            continue;
        }
        let mut at = start + cue.len();
        let mut previous_end = tokens[at - 1].end;
        let mut words: Vec<&str> = Vec::new();
        // "Mr. Patel": the title belongs to the name.
        if let Some(t) = tokens.get(at).filter(|t| is_title(&t.norm) && gap_ok(at)) {
            words.push(&raw[t.start..t.end]);
            previous_end = t.end;
            at += 1;
        }
        let mut names = 0;
        // Where the last word of the name begins.
        let mut last_start = 0;
        // Where a comma first comes inside the run: the words before it and the token after.
        let mut comma_at: Option<(usize, usize)> = None;
        while let Some(t) = tokens.get(at) {
            // "Kerry-Ann": the part after a hyphen belongs to the word before it.
            if names > 0
                && capitalised(t)
                && raw[previous_end..t.start].chars().all(is_hyphen)
                && raw[previous_end..t.start].chars().count() == 1
                && let Some(last) = words.last_mut()
            {
                *last = &raw[last_start..t.end];
                previous_end = t.end;
                at += 1;
                continue;
            }
            // "Maria de la Cruz", "Aoife Ní Bhriain", "Mr van Beethoven": particles between
            // the words of a name (or after a title) belong to it, and are not counted as
            // its words.
            if names < max_words
                && (names > 0 || is_title(&tokens[at - 1].norm))
                && is_particle(&t.norm)
            {
                let mut next = at;
                while tokens.get(next).is_some_and(|p| {
                    p.kind == TokenKind::Word
                        && is_particle(&p.norm)
                        // "Mr. van Beethoven"; but "Dave, van Hire" is no name.
                        && if next == at && names == 0 {
                            gap_ok(next)
                        } else {
                            &raw[tokens[next - 1].end..p.start] == " "
                        }
                }) {
                    next += 1;
                }
                // Then a capitalised word, after a space or, for "al-Sayed", a hyphen.
                let named = tokens.get(next).is_some_and(|n| {
                    let gap = &raw[tokens[next - 1].end..n.start];
                    capitalised(n)
                        && !is_particle(&n.norm)
                        && (gap == " " || (gap.chars().count() == 1 && gap.chars().all(is_hyphen)))
                });
                if named {
                    for p in &tokens[at..next] {
                        words.push(&raw[p.start..p.end]);
                        last_start = p.start;
                    }
                    previous_end = tokens[next - 1].end;
                    at = next;
                    // The word after the hyphen is joined to the particle ("al-Sayed").
                    if raw[previous_end..tokens[at].start] != *" " {
                        let t = &tokens[at];
                        if let Some(last) = words.last_mut() {
                            *last = &raw[last_start..t.end];
                        }
                        previous_end = t.end;
                        names += 1;
                        at += 1;
                    }
                    continue;
                }
            }
            if names == max_words || !capitalised(t) || !gap_ok(at) || reads_as_code(at, names) {
                break;
            }
            if names > 0 && comma_at.is_none() && raw[previous_end..t.start].contains(',') {
                comma_at = Some((words.len(), at));
            }
            // "This is Tom's dad": the name is someone else's.
            if raw[..t.end].ends_with("'s") || raw[..t.end].ends_with("\u{2019}s") {
                names = 0;
                break;
            }
            words.push(&raw[t.start..t.end]);
            last_start = t.start;
            previous_end = t.end;
            names += 1;
            at += 1;
        }
        // A name said again in full after a comma ("I'm Jenna, Jenna Rowe", "it's Mrs Doyle,
        // Margaret Doyle") is the fuller form of it.
        if let Some((before, after)) = comma_at
            && let Some(last) = words[..before].last().map(|w| w.to_lowercase())
        {
            let again = &tokens[after..tokens.len().min(after + 2)];
            if again.len() == 2
                && again.iter().all(capitalised)
                && &raw[again[0].end..again[1].start] == " "
                && again.iter().any(|t| t.norm == last)
            {
                words = again.iter().map(|t| &raw[t.start..t.end]).collect();
                previous_end = again[1].end;
                at = after + 2;
            }
        }
        // "Good morning, Universal Support helpline": the words run on into a company's.
        let mut end = previous_end;
        let runs_into_a_company = tokens[at..]
            .iter()
            .take(4)
            .take_while(|t| {
                let joined = &raw[end..t.start] == " ";
                end = t.end;
                joined
            })
            .any(|t| ORGANISATION_WORDS.contains(&t.norm.as_str()));
        if names > 0 && !runs_into_a_company {
            return Some(words.join(" "));
        }
    }
    None
}

/// Whether the name `name`, said after "I'm", ends the clause: "I'm Tom.", "I'm Tom, from
/// flat 4", "I'm Tom and…".
fn ends_an_introduction(raw: &str, name: &str) -> bool {
    raw.match_indices(name).any(|(at, _)| {
        let rest = &raw[at + name.len()..];
        rest.trim().is_empty()
            || rest.starts_with(['.', ',', '!', '?', ';'])
            || rest.starts_with(" and ")
            || rest.starts_with(" from ")
            || rest.starts_with(" here")
    })
}

/// Word sequences after which agents say their own name.
const AGENT_INTRO: &[&[&str]] = &[
    &["my", "name", "is"],
    &["my", "name's"],
    &["this", "is"],
    &["you're", "speaking", "to"],
    &["you're", "speaking", "with"],
    &["you're", "talking", "to"],
    &["you're", "through", "to"],
    &["you're", "chatting", "with"],
    &["you", "are", "speaking", "to"],
    &["you", "are", "through", "to"],
    &["i'm"],
];

/// The names an agent gives as their own in a turn: after an introduction ("my name is
/// Owen", "you're speaking to Owen") or before "speaking" ("Owen speaking").
fn agent_self_names(raw: &str, text: &TurnText) -> Vec<String> {
    // Most agent turns introduce no one: one pass over the words rules them out.
    let may_introduce = text.tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "speaking"
                | "here"
                | "name"
                | "name's"
                | "this"
                | "through"
                | "talking"
                | "chatting"
                | "i'm"
                | "in"
                | "from"
        )
    });
    if !may_introduce {
        return Vec::new();
    }
    let mut names: Vec<String> = AGENT_INTRO
        .iter()
        .filter_map(|cue| name_after(raw, text, cue, 2))
        .collect();
    let tokens = &text.tokens;
    for k in 1..tokens.len() {
        let before = &tokens[k - 1];
        let capitalised = |t: &Token| {
            t.kind == TokenKind::Word && raw[t.start..].starts_with(|c: char| c.is_uppercase())
        };
        // "Owen speaking", "Hi, Rhys here".
        if matches!(tokens[k].norm.as_str(), "speaking" | "here")
            && capitalised(before)
            && !is_not_a_name(&raw[before.start..before.end])
        {
            names.push(raw[before.start..before.end].to_string());
        }
        // "Hi, Imran in Practice Manager.", "Hi, it's Owen from Billing": after a transfer.
        if matches!(tokens[k].norm.as_str(), "in" | "from")
            && k >= 2
            && matches!(
                tokens[k - 2].norm.as_str(),
                "hi" | "hello" | "hey" | "it's" | "its"
            )
            && capitalised(before)
            && tokens.get(k + 1).is_some_and(capitalised)
            && !is_not_a_name(&raw[before.start..before.end])
        {
            names.push(raw[before.start..before.end].to_string());
        }
    }
    names
}

/// The words of a turn typed or transcribed all in lowercase, in normal form; `None` when the
/// turn has a capital, by which names are found otherwise.
fn lowercase_words<'t>(raw: &str, text: &'t TurnText) -> Option<Vec<&'t str>> {
    if raw.chars().any(char::is_uppercase) {
        return None;
    }
    Some(
        text.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.norm.as_str())
            .collect(),
    )
}

/// Whether a lowercase word found where a name goes may be one: letters only, and not a word
/// that names no one.
fn may_be_a_name(word: &str) -> bool {
    word.chars().all(char::is_alphabetic) && !is_not_a_name(word)
}

/// The name in an all-lowercase self-introduction, as customers type in chat: "my name is
/// james", "this is james speaking" or "this is james here". Without capitals to go by, only
/// these forms count ("this is ridiculous" names no one).
fn lowercase_intro(raw: &str, text: &TurnText) -> Option<String> {
    let words = lowercase_words(raw, text)?;
    let name = words.windows(4).find_map(|w| match w {
        ["my", "name", "is", name] | ["this", "is", name, "speaking" | "here"] => Some(*name),
        _ => None,
    })?;
    may_be_a_name(name).then(|| name.to_string())
}

/// The name in turn `at`, an all-lowercase answer to the agent's request for it, as speech
/// recognition writes it: "can i take your name" — "it's chloe ashworth flat six…" — "thanks
/// chloe". The first word after "it's" counts only when the agent's next turn says it back.
fn lowercase_answer(
    conversation: &Conversation,
    texts: &[std::sync::Arc<TurnText>],
    at: usize,
) -> Option<String> {
    let words = lowercase_words(&conversation.turns[at].text, &texts[at])?;
    let asked = conversation.turns[..at]
        .iter()
        .zip(texts.iter())
        .rev()
        .find(|(t, _)| t.role == Role::Agent)
        .is_some_and(|(_, asked)| asked.tokens.iter().any(|t| t.norm == "name"));
    if !asked {
        return None;
    }
    let start = words
        .iter()
        .position(|w| !matches!(*w, "yeah" | "yes" | "hi" | "um" | "erm" | "uh" | "so"))?;
    let name = match words[start..] {
        ["it's" | "its", name, ..] => name,
        _ => return None,
    };
    let said_back = conversation.turns[at + 1..]
        .iter()
        .zip(texts[at + 1..].iter())
        .find(|(t, _)| t.role == Role::Agent)
        .is_some_and(|(_, reply)| reply.tokens.iter().take(4).any(|t| t.norm == name));
    (may_be_a_name(name) && said_back).then(|| name.to_string())
}

/// The name after a title in an all-lowercase turn, as speech recognition writes it: "okay
/// mister patel", "thanks mrs okafor". Not after "miss" or "dr", which are as often a verb
/// ("you won't miss the engineer") and the customer's doctor.
fn lowercase_titled(raw: &str, text: &TurnText) -> Option<String> {
    let words = lowercase_words(raw, text)?;
    words.windows(2).find_map(|pair| {
        let [title, name] = pair else { return None };
        (is_title(title) && !matches!(*title, "miss" | "dr") && may_be_a_name(name))
            .then(|| format!("{title} {name}"))
    })
}

/// The bit of a word that begins a cue of [`SELF_INTRO`], [`TITLES`], [`ADDRESS`] or
/// [`AGENT_INTRO`]; 0 for any other word.
pub(crate) fn cue_bit(word: &str) -> u32 {
    let bit = match word {
        "my" => 0,
        "name" => 1,
        "this" => 2,
        "it's" => 3,
        "i'm" => 4,
        "mr" => 5,
        "mrs" => 6,
        "ms" => 7,
        "miss" => 8,
        "mx" => 9,
        "dr" => 10,
        "mister" => 11,
        "missus" => 12,
        "thank" => 13,
        "thanks" => 14,
        "hello" => 15,
        "hi" => 16,
        "morning" => 17,
        "afternoon" => 18,
        "evening" => 19,
        "sure" => 20,
        "okay" => 21,
        "alright" => 22,
        "great" => 23,
        "perfect" => 24,
        "you're" => 25,
        "you" => 26,
        _ => return 0,
    };
    1 << bit
}

/// The [`cue_bit`]s of the words `cues` begin with: [`name_after`] finds none of the cues in a
/// turn whose [`TurnText::name_cue_words`] hold none of these bits.
fn first_words(cues: &[&[&str]]) -> u32 {
    cues.iter()
        .filter_map(|cue| cue.first())
        .fold(0, |bits, word| bits | cue_bit(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Turn;

    fn name_of(c: &Conversation) -> Option<CustomerName> {
        let texts: Vec<std::sync::Arc<TurnText>> = c
            .turns
            .iter()
            .map(|t| std::sync::Arc::new(crate::analyse::text::analyse_text(&t.text)))
            .collect();
        customer_name(c, &texts)
    }

    fn conv(turns: &[(Role, &str)], customer: Option<&str>, agent: Option<&str>) -> Conversation {
        Conversation {
            id: "t".into(),
            customer_name: customer.map(str::to_string),
            agent_name: agent.map(str::to_string),
            turns: turns
                .iter()
                .map(|(role, text)| Turn {
                    role: *role,
                    speaker: role.as_str().into(),
                    text: text.to_string(),
                    start: None,
                    end: None,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn every_cue_begins_with_a_word_that_has_a_bit() {
        for cue in SELF_INTRO
            .iter()
            .chain(TITLES)
            .chain(ADDRESS)
            .chain(AGENT_INTRO)
        {
            assert_ne!(cue_bit(cue[0]), 0, "{cue:?}");
        }
        let text = crate::analyse::text::analyse_text("Hi, it's Mr. Okafor: my NAME is Ada");
        for word in ["hi", "it's", "mr", "my", "name"] {
            assert_ne!(text.name_cue_words() & cue_bit(word), 0, "{word}");
        }
        for word in ["thanks", "ms", "this"] {
            assert_eq!(text.name_cue_words() & cue_bit(word), 0, "{word}");
        }
        // Gathered with the words' facts, they are the bits of the words as normalised, in
        // ASCII and other text, beside numbers and placeholders, on a second sighting (from
        // the word cache) as on the first.
        for said in [
            "Thank you, MRS Ng, it\u{2019}s 4471 for #NAME#",
            "Good morning, Zoë, you\u{2019}re through to Dr Nuñez",
            "Thank you, MRS Ng, it\u{2019}s 4471 for #NAME#",
            "perfect thanks",
            "",
        ] {
            let text = crate::analyse::text::analyse_text(said);
            let expected = text
                .tokens
                .iter()
                .fold(0, |bits, t| bits | cue_bit(t.norm.as_str()));
            assert_eq!(text.name_cue_words(), expected, "{said}");
        }
    }

    #[test]
    fn a_title_names_the_customer_in_a_lowercase_transcript() {
        for (said, expected) in [
            (
                "okay mister patel i can see the fault",
                Some("mister patel"),
            ),
            ("thanks mrs okafor that's all done", Some("mrs okafor")),
            // "miss" and "dr" are as often a verb and the customer's doctor.
            ("you won't miss the engineer, he'll ring first", None),
            ("has dr sandhu seen the results", None),
            // With capitals, the capitalised name after the title, as for "Mr. Patel".
            ("Okay Mister Patel, I can see the fault", Some("Patel")),
        ] {
            let c = conv(
                &[
                    (Role::Customer, "hi my internet is down"),
                    (Role::Agent, said),
                ],
                None,
                None,
            );
            assert_eq!(
                name_of(&c).map(|n| n.display).as_deref(),
                expected,
                "{said:?}"
            );
        }
    }

    #[test]
    fn a_lowercase_chat_introduction_names_the_customer_only_in_its_set_forms() {
        for (said, expected) in [
            ("hi my name is james and my card is blocked", Some("james")),
            ("this is james here, card blocked", Some("james")),
            ("this is james speaking", Some("james")),
            ("this is ridiculous, my card is blocked", None),
            ("this is me again", None),
            ("hi my name is spelt wrong", None),
            ("hi my name is wrong on my bill", None),
            ("my name is incorrect on the letter", None),
        ] {
            let c = conv(&[(Role::Customer, said)], None, None);
            assert_eq!(
                name_of(&c).map(|n| n.display),
                expected.map(String::from),
                "{said}"
            );
        }
    }

    #[test]
    fn a_word_said_after_thanks_in_a_sentence_of_its_own_is_no_name() {
        for said in [
            "Thank you. Done. What is the next one?",
            "Thank you. Fixed.",
            "Thanks. Sorted.",
            "Thank you. Refunded.",
            "Thank you. Cancelled.",
            "Thank you. Booked for Monday.",
            // In the same sentence, a past participle is no name either.
            "Thank you, Fixed now.",
            "Thanks, Rebooked for Friday.",
            "Okay, Escalated to the network team.",
            "Perfect, Sent.",
            "Great. Since you've got a few hours, let's try a reset.",
        ] {
            let c = conv(
                &[(Role::Customer, "My bill is wrong."), (Role::Agent, said)],
                None,
                None,
            );
            assert_eq!(name_of(&c), None, "{said:?}");
        }
        // A name in the same sentence still counts, as does a title after a full stop.
        for (said, expected) in [
            ("Thank you, Tom. Done.", "Tom"),
            ("Thank you. Mr. Okafor, one moment.", "Okafor"),
        ] {
            let c = conv(
                &[(Role::Customer, "My bill is wrong."), (Role::Agent, said)],
                None,
                None,
            );
            assert_eq!(name_of(&c).unwrap().display, expected, "{said:?}");
        }
    }

    #[test]
    fn names_in_ed_are_names_and_participles_are_not() {
        for (said, expected) in [
            ("Hi, this is Ahmed speaking.", Some("Ahmed")),
            ("Hi, this is Jared speaking.", Some("Jared")),
            ("Hi, this is Fred speaking.", Some("Fred")),
            ("Hi, my name is Saeed Khan.", Some("Saeed Khan")),
            ("Hi, my name is Alfred Rahman.", Some("Alfred Rahman")),
            ("my name is spelled wrong on the booking", None),
            ("my name is changed on the app", None),
        ] {
            let c = conv(&[(Role::Customer, said)], None, None);
            assert_eq!(
                name_of(&c).map(|n| n.display).as_deref(),
                expected,
                "{said:?}"
            );
        }
        assert!(is_participle("booked") && is_participle("re-booked") && is_participle("done"));
        assert!(!is_participle("al-sayed") && !is_participle("mohammed") && !is_participle("reed"));
    }

    #[test]
    fn a_reference_is_no_name() {
        for said in [
            "Hold on, let me find it… okay, it's BC-5903107.",
            "Sure, it's SHL-9452-4964.",
            "Sure, it's DJRSBR",
            "It's CBBYHD.",
            "It's CLM-573744",
            "It's AB12 3CD.",
        ] {
            let c = conv(
                &[
                    (Role::Agent, "Can I take your reference, please?"),
                    (Role::Customer, said),
                ],
                None,
                None,
            );
            assert_eq!(name_of(&c), None, "{said:?}");
        }
        // Capitals in a turn written all in capitals, after a first name, or after a title.
        for (turns, expected) in [
            (
                &[(Role::Customer, "HI, IT'S JOHN SMITH, MY CARD IS BLOCKED")][..],
                "JOHN SMITH",
            ),
            (
                &[(Role::Customer, "Hello, my name is Jean DUPONT.")][..],
                "Jean DUPONT",
            ),
            (
                &[
                    (Role::Customer, "My card is blocked."),
                    (Role::Agent, "Thank you, Mrs NG, one moment."),
                ][..],
                "NG",
            ),
        ] {
            let c = conv(turns, None, None);
            assert_eq!(name_of(&c).unwrap().display, expected, "{turns:?}");
        }
    }

    #[test]
    fn particles_belong_to_the_name_but_are_no_form_of_it() {
        for (said, expected, forms) in [
            (
                "Hello, this is Maria de la Cruz speaking.",
                "Maria de la Cruz",
                &["maria", "cruz"][..],
            ),
            (
                "Hello, this is Ludwig van Beethoven speaking.",
                "Ludwig van Beethoven",
                &["ludwig", "beethoven"],
            ),
            (
                "Hello, this is Aoife Ní Bhriain speaking.",
                "Aoife Ní Bhriain",
                &["aoife", "bhriain"],
            ),
            (
                "Hello, this is Seán Ó Briain speaking.",
                "Seán Ó Briain",
                &["seán", "briain"],
            ),
            (
                "Hello, this is Ahmed al-Sayed speaking.",
                "Ahmed al-Sayed",
                &["ahmed", "sayed"],
            ),
            (
                "Hello, this is Ahmed Al-Sayed speaking.",
                "Ahmed Al-Sayed",
                &["ahmed", "sayed"],
            ),
            // A particle with no name after it is not the name's.
            ("Hi, this is Maria de la cruz", "Maria", &["maria"]),
        ] {
            let c = conv(&[(Role::Customer, said)], None, None);
            let name = name_of(&c).unwrap();
            assert_eq!(name.display, expected, "{said:?}");
            assert_eq!(name.forms, forms, "{said:?}");
        }
        // After the agent's title too.
        let c = conv(
            &[
                (Role::Customer, "My bill is wrong."),
                (Role::Agent, "Thank you, Mr. van Beethoven, one moment."),
            ],
            None,
            None,
        );
        assert_eq!(name_of(&c).unwrap().forms, ["beethoven"]);
        // A name that begins with one keeps it, as an everyday word ("the van").
        let given = conv(&[], Some("Van Morrison"), None);
        assert_eq!(name_of(&given).unwrap().forms, ["van", "morrison"]);
        assert!(is_everyday_word("van"));
    }

    #[test]
    fn a_first_name_with_another_surname_or_in_a_self_introduction_is_someone_else() {
        for (said, agent, expected) in [
            ("My colleague Ravi Shah will call you.", None, 0),
            ("Thanks, Ravi. Ravi Shah in billing will call you.", None, 1),
            // The customer's own surname, with or without its accent.
            ("Thanks, Ravi Patel.", None, 1),
            ("Gracias, Ravi Pátel.", None, 1),
            // A sentence that starts without a full stop before it is no surname.
            ("Thanks Ravi Let me check that.", None, 1),
            ("Ravi here, from billing.", Some("Ravi"), 0),
            ("Hi, this is Ravi, I've found the charge.", Some("Ravi"), 0),
            ("Hi Ravi, this is Dana from billing.", Some("Dana"), 1),
        ] {
            let c = conv(
                &[(Role::Customer, "My bill is wrong."), (Role::Agent, said)],
                Some("Ravi Patel"),
                agent,
            );
            let analysis = Analysis::new(&c);
            assert_eq!(mentions(&analysis).len(), expected, "{said:?}");
        }
    }

    #[test]
    fn a_hyphenated_name_is_kept_whole_and_addressed_by_its_parts() {
        let c = conv(
            &[(Role::Customer, "Hi, it's Kerry-Ann Doyle, about my bill.")],
            None,
            None,
        );
        let name = name_of(&c).unwrap();
        assert_eq!(name.display, "Kerry-Ann Doyle");
        // Turns are split into words at the hyphen, and speech recognition writes "kerry ann".
        assert_eq!(name.forms, ["kerry", "ann", "doyle"]);
        let given = conv(&[], Some("Lucy Smith\u{2011}Jones"), None);
        assert_eq!(name_of(&given).unwrap().forms, ["lucy", "smith", "jones"]);
    }

    #[test]
    fn a_title_the_agent_uses_joins_the_name_the_customer_gave() {
        let c = conv(
            &[
                (Role::Customer, "Hello, this is Margaret speaking."),
                (Role::Agent, "Thank you, Mrs. Holt. And the date of birth?"),
                (Role::Agent, "Dr Sandhu will call you."),
            ],
            None,
            None,
        );
        let name = name_of(&c).unwrap();
        assert_eq!(name.display, "Margaret / Holt");
        assert_eq!(name.forms, ["margaret", "holt"]);
    }

    #[test]
    fn the_doctor_an_appointment_is_with_is_not_the_customer() {
        for said in [
            "I've booked a priority slot with Dr Sandhu on 3 May at 17:15.",
            "You'll see Dr Sandhu at Northgate on Friday.",
        ] {
            let c = conv(
                &[
                    (Role::Customer, "I need an appointment."),
                    (Role::Agent, said),
                ],
                None,
                None,
            );
            assert_eq!(name_of(&c), None, "{said:?}");
        }
        // A customer who is a doctor, addressed as one, is named.
        let c = conv(
            &[
                (Role::Customer, "I need an appointment."),
                (Role::Agent, "Thank you, Dr Sandhu, one moment."),
            ],
            None,
            None,
        );
        assert_eq!(name_of(&c).unwrap().display, "Sandhu");
    }

    #[test]
    fn given_name_wins() {
        let c = conv(
            &[(Role::Customer, "My name is Bob")],
            Some("Ravi Patel"),
            None,
        );
        let name = name_of(&c).unwrap();
        assert_eq!(name.source, NameSource::Given);
        assert_eq!(name.forms, ["ravi", "patel"]);
    }

    #[test]
    fn inferred_from_self_introduction_not_agent_name() {
        let c = conv(
            &[
                (Role::Agent, "Thanks for calling, this is Dana speaking."),
                (
                    Role::Customer,
                    "Hi Dana, my name is Maria Lopez and my card was declined.",
                ),
            ],
            None,
            Some("Dana"),
        );
        let name = name_of(&c).unwrap();
        assert_eq!(name.display, "Maria Lopez");
        assert_eq!(name.source, NameSource::Inferred);
    }

    #[test]
    fn inferred_from_title_and_placeholders_ignored() {
        let c = conv(
            &[(Role::Agent, "Thank you, Mr. Okafor, one moment.")],
            Some("#NAME#"),
            None,
        );
        assert_eq!(name_of(&c).unwrap().forms, ["okafor"]);
        let c = conv(
            &[(Role::Agent, "Thank you #NAME#, one moment.")],
            None,
            None,
        );
        assert_eq!(name_of(&c), None);
        let c = conv(&[(Role::Customer, "This is ridiculous.")], None, None);
        assert_eq!(name_of(&c), None);
    }
}
