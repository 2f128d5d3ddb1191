//! Masking personal data in everything the tool writes (`--redact`).
//!
//! What is masked: e-mail addresses, card numbers that pass the Luhn check, phone numbers and
//! runs of six or more digits. Masks have the same length in bytes as what they replace: every
//! digit becomes `#`, every other character of an e-mail address (except `@` and `.`) becomes
//! `*` once per byte. So byte offsets stay valid: a finding's `start..end` points at the same
//! place in the redacted text as in the original, and its quote is the redacted text there.
//!
//! Redaction runs after scoring, on the results, so scores never depend on it. Kept as they are,
//! because results must still join and group: the conversation `id`, its `source`, and the
//! metadata values whose key is `id`, ends in `_id`, or is `team` or `date`. The customer's
//! name is not one of the masked categories.

use std::borrow::Cow;
use std::sync::Arc;

use regex::Regex;
use serde_json::Value;

use crate::findings::{Outcome, ScoredConversation};
use crate::output::Exporter;

/// The character that replaces a digit.
pub const DIGIT_MASK: u8 = b'#';
/// The character that replaces each byte of an e-mail address other than `@` and `.`.
pub const EMAIL_MASK: u8 = b'*';
/// Runs of at least this many digits are masked whatever they are.
pub const LONG_DIGIT_RUN: usize = 6;

/// Compiled patterns; build once and share.
#[derive(Debug)]
pub struct Redactor {
    email: Regex,
    card: Regex,
    phone: Regex,
    digits: Regex,
}

impl Default for Redactor {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether a string of ASCII digits passes the Luhn check (card numbers do).
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    let mut count = 0usize;
    for (i, c) in digits.bytes().rev().enumerate() {
        if !c.is_ascii_digit() {
            return false;
        }
        let mut d = u32::from(c - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
        count += 1;
    }
    count > 0 && sum.is_multiple_of(10)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Redactor {
    /// Compiles the patterns.
    pub fn new() -> Redactor {
        // The patterns are constants; a failure here is a bug caught by the unit tests.
        let compile = |p: &str| Regex::new(p).expect("redaction pattern compiles");
        Redactor {
            // Letters of any script: internationalised addresses ("jürgen@exämple.de") too.
            email: compile(r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}"),
            // 13 to 19 digits, optionally in groups separated by one space or dash.
            card: compile(r"[0-9](?:[ \-]?[0-9]){12,18}"),
            // An optional country code, an optional area code in brackets, then two to five
            // groups of two to eight digits separated by one space, dot or dash.
            phone: compile(
                r"(?:\+[0-9]{1,3}[ .\-]?)?(?:\([0-9]{1,5}\)[ .\-]?)?[0-9]{2,8}(?:[ .\-][0-9]{2,8}){1,4}|\+[0-9]{7,15}",
            ),
            digits: compile(&format!("[0-9]{{{LONG_DIGIT_RUN},}}")),
        }
    }

    /// The text with personal data masked; the same length in bytes as `text`.
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        // Cheap exit: every category needs digits or an `@`.
        if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
            return Cow::Borrowed(text);
        }
        let mut bytes = text.as_bytes().to_vec();
        let mut changed = false;

        for m in self.email.find_iter(text) {
            for b in &mut bytes[m.range()] {
                if *b != b'@' && *b != b'.' {
                    *b = EMAIL_MASK;
                }
            }
            changed = true;
        }
        // Each later pass reads the text as masked so far, so nothing is matched twice.
        let current = String::from_utf8_lossy(&bytes).into_owned();
        for m in self.card.find_iter(&current) {
            if !standalone(&bytes, m.start(), m.end()) {
                continue;
            }
            let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
            if luhn_valid(&digits) {
                mask_digits(&mut bytes[m.range()]);
                changed = true;
            }
        }
        let current = String::from_utf8_lossy(&bytes).into_owned();
        for m in self.phone.find_iter(&current) {
            if !standalone(&bytes, m.start(), m.end()) {
                continue;
            }
            let s = m.as_str();
            let digits = s.bytes().filter(u8::is_ascii_digit).count();
            // Without a country or area code, fewer than nine digits is more often a date, an
            // amount or a reference than a phone number.
            let marked = s.starts_with('+') || s.contains('(');
            let wanted = if marked { 7..=15 } else { 9..=15 };
            if wanted.contains(&digits) {
                mask_digits(&mut bytes[m.range()]);
                changed = true;
            }
        }
        let current = String::from_utf8_lossy(&bytes).into_owned();
        for m in self.digits.find_iter(&current) {
            mask_digits(&mut bytes[m.range()]);
            changed = true;
        }
        if !changed {
            return Cow::Borrowed(text);
        }
        // Only ASCII bytes inside matches of ASCII patterns were replaced by ASCII bytes, so
        // the result is valid UTF-8; the fallback keeps this panic-free regardless.
        match String::from_utf8(bytes) {
            Ok(s) => Cow::Owned(s),
            Err(e) => Cow::Owned(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        }
    }

    /// Redacts in place; returns whether anything changed.
    pub fn redact_string(&self, text: &mut String) -> bool {
        match self.redact(text) {
            Cow::Borrowed(_) => false,
            Cow::Owned(s) => {
                *text = s;
                true
            }
        }
    }

    /// Masks personal data in one result: turn texts, finding quotes and details, the
    /// customer's name field, metadata values other than identifiers, and error messages.
    pub fn redact_outcome(&self, outcome: &mut Outcome) {
        match outcome {
            Outcome::Scored(c) => self.redact_scored(c),
            Outcome::Error(e) => {
                self.redact_string(&mut e.error);
            }
        }
    }

    /// Masks personal data in one scored conversation (see [`Redactor::redact_outcome`]).
    pub fn redact_scored(&self, c: &mut ScoredConversation) {
        let originals: Option<Vec<String>> = c
            .turns
            .as_ref()
            .map(|turns| turns.iter().map(|t| t.text.clone()).collect());
        if let Some(turns) = &mut c.turns {
            for t in turns.iter_mut() {
                self.redact_string(&mut t.text);
            }
        }
        for f in &mut c.findings {
            // The quote is the redacted text at the same span when the turn text is at hand and
            // the quote really is that span: masks that run into the quote from outside stay
            // consistent with the transcript. Otherwise the quote is redacted on its own.
            let in_place = originals
                .as_ref()
                .zip(c.turns.as_ref())
                .and_then(|(orig, turns)| {
                    let o = orig.get(f.turn)?;
                    let r = &turns.get(f.turn)?.text;
                    (o.get(f.start..f.end)? == f.quote)
                        .then(|| r.get(f.start..f.end).map(str::to_string))?
                });
            match in_place {
                Some(q) => f.quote = q,
                None => {
                    self.redact_string(&mut f.quote);
                }
            }
            self.redact_string(&mut f.detail);
        }
        if let Some(name) = &mut c.metrics.customer_name {
            self.redact_string(name);
        }
        if let Some(name) = &mut c.agent_name {
            self.redact_string(name);
        }
        for (key, value) in c.metadata.iter_mut() {
            if !is_identifier_key(key) {
                self.redact_value(value);
            }
        }
    }

    fn redact_value(&self, value: &mut Value) {
        match value {
            Value::String(s) => {
                self.redact_string(s);
            }
            Value::Number(n) => {
                // A long number (a phone or account number stored as a JSON number) is masked
                // as text; short numbers (counts, durations) stay numbers.
                let text = n.to_string();
                if let Cow::Owned(masked) = self.redact(&text) {
                    *value = Value::String(masked);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.redact_value(v)),
            Value::Object(map) => map.iter_mut().for_each(|(k, v)| {
                if !is_identifier_key(k) {
                    self.redact_value(v)
                }
            }),
            Value::Null | Value::Bool(_) => {}
        }
    }
}

/// Metadata keys whose values identify the contact or the team and are what results are joined
/// and grouped by; not masked. Only these: other identifiers ("account_id", "caller_id") may
/// be personal data and are masked like any value.
pub const IDENTIFIER_KEYS: &[&str] = &[
    "id",
    "agent_id",
    "team",
    "date",
    "conversation_id",
    "contact_id",
    "call_id",
    "interaction_id",
    "queue",
];

/// Whether a metadata key is one of the [`IDENTIFIER_KEYS`].
pub fn is_identifier_key(key: &str) -> bool {
    IDENTIFIER_KEYS.contains(&key)
}

/// Whether the match is not glued to letters, digits or more digit groups on either side (so
/// part of a longer reference is not taken for a card or phone number).
fn standalone(bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .is_some_and(|&b| is_word_byte(b) || b == DIGIT_MASK);
    let after = bytes
        .get(end)
        .is_some_and(|&b| is_word_byte(b) || b == DIGIT_MASK);
    !before && !after
}

fn mask_digits(bytes: &mut [u8]) {
    for b in bytes {
        if b.is_ascii_digit() {
            *b = DIGIT_MASK;
        }
    }
}

/// An exporter that renders results as they should leave the tool: personal data masked when
/// a redactor is given, and the per-turn view dropped when it was computed only for the HTML
/// report and not asked for in the other outputs.
pub struct Prepared<'a> {
    inner: Box<dyn Exporter + 'a>,
    redactor: Option<Arc<Redactor>>,
    keep_turns: bool,
}

impl<'a> Prepared<'a> {
    /// Wraps `inner`.
    pub fn new(
        inner: Box<dyn Exporter + 'a>,
        redactor: Option<Arc<Redactor>>,
        keep_turns: bool,
    ) -> Prepared<'a> {
        Prepared {
            inner,
            redactor,
            keep_turns,
        }
    }
}

impl Exporter for Prepared<'_> {
    fn header(&self) -> anyhow::Result<Vec<u8>> {
        self.inner.header()
    }

    fn render(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        let strip = !self.keep_turns && matches!(outcome, Outcome::Scored(c) if c.turns.is_some());
        let Some(redactor) = &self.redactor else {
            return if strip {
                self.inner.render_without_turns(outcome, out)
            } else {
                self.inner.render(outcome, out)
            };
        };
        let mut owned = outcome.clone();
        // Redact first: quotes are taken from the redacted turn texts while they are there.
        redactor.redact_outcome(&mut owned);
        if strip && let Outcome::Scored(c) = &mut owned {
            c.turns = None;
        }
        self.inner.render(&owned, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(text: &str) -> String {
        Redactor::new().redact(text).into_owned()
    }

    #[test]
    fn luhn_check() {
        // Well-known test numbers (Visa, Mastercard, Amex) pass; one changed digit fails.
        assert!(luhn_valid("4111111111111111"));
        assert!(luhn_valid("5555555555554444"));
        assert!(luhn_valid("378282246310005"));
        assert!(!luhn_valid("4111111111111112"));
        assert!(!luhn_valid(""));
        assert!(!luhn_valid("4111a11111111111"));
    }

    #[test]
    fn luhn_valid_card_numbers_are_masked() {
        assert_eq!(
            r("card 4111 1111 1111 1111 thanks"),
            "card #### #### #### #### thanks"
        );
        assert_eq!(r("4111-1111-1111-1111"), "####-####-####-####");
        assert_eq!(r("amex 378282246310005."), "amex ###############.");
    }

    #[test]
    fn luhn_invalid_grouped_digits_are_not_a_card() {
        // 16 digits in groups of four that fail Luhn: not a card, not a phone (too many
        // digits), and no group is a long run.
        let text = "serial 4111 1111 1111 1112 printed on the box";
        assert_eq!(r(text), text);
    }

    #[test]
    fn long_digit_runs_are_masked_whatever_they_are() {
        assert_eq!(r("account 12345678"), "account ########");
        assert_eq!(r("it's 4111111111111112."), "it's ################.");
        // Five digits are not a long run.
        assert_eq!(r("zip 90210"), "zip 90210");
    }

    #[test]
    fn emails_are_masked_keeping_at_and_dots() {
        assert_eq!(
            r("mail ravi.patel+home@example.co.uk now"),
            "mail ****.**********@*******.**.** now"
        );
        assert_eq!(r("no address here @ all"), "no address here @ all");
    }

    #[test]
    fn phone_numbers_are_masked() {
        assert_eq!(r("call +44 20 7946 0958"), "call +## ## #### ####");
        assert_eq!(r("(555) 123-4567 works"), "(###) ###-#### works");
        assert_eq!(r("555.123.4567"), "###.###.####");
        assert_eq!(r("07700 900123"), "##### ######");
        assert_eq!(r("+15551234567"), "+###########");
    }

    #[test]
    fn dates_times_amounts_and_codes_are_kept() {
        for text in [
            "on 2026-03-02 at 10:30",
            "it cost $1,250.00",
            "confirmation code ABX-42Q",
            "reference 7F3K9Z",
            "order A12-3456",
            "call me at 5 pm, room 12-34",
        ] {
            assert_eq!(r(text), text, "{text}");
        }
    }

    #[test]
    fn masks_keep_byte_length_and_char_boundaries() {
        let text = "Müller: é-mail jörg@example.com, 📞 +49 30 1234567, Karte 4111111111111111 ✓";
        let out = r(text);
        assert_eq!(out.len(), text.len());
        for (i, _) in text.char_indices() {
            // Every boundary of the original is a boundary of the masked text.
            assert!(out.is_char_boundary(i));
        }
        assert!(!out.contains("example"));
        assert!(!out.contains("1234567"));
        assert!(!out.contains("4111"));
        assert!(out.starts_with("Müller: é-mail "));
    }

    fn conversation(text: &str, start: usize, end: usize) -> ScoredConversation {
        use crate::findings::{EmpathyLevels, Finding, Metrics, Scores, TurnView};
        use crate::model::{Role, Source};
        ScoredConversation {
            id: "c-1".into(),
            source: Source::at_line("t.jsonl", 1),
            channel: None,
            agent_name: None,
            metadata: serde_json::Map::new(),
            scores: Scores::default(),
            metrics: Metrics::default(),
            findings: vec![Finding {
                rule: "hold".into(),
                turn: 0,
                speaker: Role::Customer,
                start,
                end,
                quote: text[start..end].to_string(),
                weight: 5.0,
                score: None,
                level: None,
                detail: String::new(),
            }],
            turns: Some(vec![TurnView {
                speaker: Role::Customer,
                text: text.to_string(),
                start: None,
                scripted: false,
                empathy: EmpathyLevels::default(),
                sentiment: None,
            }]),
        }
    }

    #[test]
    fn quotes_are_masked_in_the_context_of_their_turn() {
        // The quote holds half a card number: on its own it is two groups of four digits
        // (nothing to mask), in its turn it is part of a Luhn-valid card.
        let text = "card 4111 1111 1111 1111 ok";
        let mut c = conversation(text, 15, 24);
        assert_eq!(c.findings[0].quote, "1111 1111");
        assert_eq!(r("1111 1111"), "1111 1111");
        Redactor::new().redact_scored(&mut c);
        assert_eq!(c.findings[0].quote, "#### ####");
        assert_eq!(
            c.turns.as_ref().map(|t| t[0].text.as_str()),
            Some("card #### #### #### #### ok")
        );
    }

    #[test]
    fn each_output_renders_a_result_without_its_turns_as_it_renders_a_copy_without_them() {
        // The CSV exporters render results with their per-turn view as they are, and JSON
        // Lines leaves the view out as it writes: each must write what a copy without the
        // view gives.
        use crate::output::csv::CsvExporter;
        use crate::output::findings_csv::FindingsCsvExporter;
        use crate::output::jsonl::JsonlExporter;
        let with_turns = conversation("card 4111 1111 1111 1111 ok", 15, 24);
        let mut without_turns = with_turns.clone();
        without_turns.turns = None;
        let exporters: [Box<dyn Exporter>; 3] = [
            Box::new(CsvExporter::new()),
            Box::new(FindingsCsvExporter),
            Box::new(JsonlExporter),
        ];
        for exporter in exporters {
            let (mut left_out, mut copied) = (Vec::new(), Vec::new());
            exporter
                .render_without_turns(
                    &Outcome::Scored(Box::new(with_turns.clone())),
                    &mut left_out,
                )
                .unwrap();
            exporter
                .render(
                    &Outcome::Scored(Box::new(without_turns.clone())),
                    &mut copied,
                )
                .unwrap();
            assert_eq!(left_out, copied);
        }
    }

    #[test]
    fn prepared_output_drops_turns_unless_asked_and_redacts() {
        use crate::output::jsonl::JsonlExporter;
        let outcome = Outcome::Scored(Box::new(conversation("mail a.b@example.com now", 5, 20)));
        let render = |redact: bool, keep_turns: bool| {
            let redactor = redact.then(|| Arc::new(Redactor::new()));
            let exporter = Prepared::new(Box::new(JsonlExporter), redactor, keep_turns);
            let mut out = Vec::new();
            exporter.render(&outcome, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let plain = render(false, true);
        assert!(plain.contains("a.b@example.com") && plain.contains("\"turns\":["));
        let stripped = render(false, false);
        assert!(!stripped.contains("\"turns\":[") && stripped.contains("a.b@example.com"));
        let masked = render(true, false);
        assert!(!masked.contains("example") && !masked.contains("\"turns\":["));
        assert!(masked.contains("\"quote\":\"*.*@*******.***\""));
    }

    #[test]
    fn emails_in_any_script_are_masked() {
        assert_eq!(r("jürgen@example.com"), "*******@*******.***");
        assert_eq!(r("bob@exämple.com ok"), "***@********.*** ok");
    }

    #[test]
    fn only_join_keys_of_the_metadata_are_kept() {
        let mut metadata = serde_json::json!({
            "agent_id": "A-1042",
            "team": "billing",
            "account_id": "40001234567890",
            "caller_id": "+447700900123",
        });
        Redactor::new().redact_value(&mut metadata);
        assert_eq!(metadata["agent_id"], "A-1042");
        assert_eq!(metadata["team"], "billing");
        assert_eq!(metadata["account_id"], "##############");
        assert_eq!(metadata["caller_id"], "+############");
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in ["", "@", "+", "((((", "1", "+1 (", "a@b.c", "٣٤٥٦٧٨٩٠"] {
            assert_eq!(r(text).len(), text.len());
        }
    }
}
