//! No input panics: arbitrary bytes through the reader and scorer, and arbitrary
//! conversations through every detector, always give one well-formed record each.

use proptest::prelude::*;
use sincerity::engine::Engine;
use sincerity::findings::Outcome;
use sincerity::ingest::jsonl::JsonlReader;
use sincerity::model::{Conversation, Role, Source, Turn};
use sincerity::pipeline::score_record;
use sincerity::policy::Policy;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut e = Engine::new(Policy::default());
        e.per_turn = true;
        e
    })
}

fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Agent),
        Just(Role::Customer),
        Just(Role::Bot),
        Just(Role::System)
    ]
}

/// Text mixing service vocabulary, names, placeholders, digits, markup and arbitrary unicode.
fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "I",
        "understand",
        "your",
        "frustration",
        "sorry",
        "as",
        "said",
        "again",
        "transfer",
        "you",
        "hold",
        "please",
        "Maria",
        "Mr.",
        "Patel",
        "#NAME#",
        "[PII]",
        "4821",
        "account",
        "number",
        "what",
        "happened",
        "?",
        "!",
        ".",
        ",",
        "’",
        "—",
        "é",
        "🙂",
        "<script>",
        "\u{0}",
        "\u{200d}",
        "manager",
        "third",
        "call",
        "app",
        "still",
        "not",
        "working",
        "thanks",
        "my",
        "name",
        "is",
    ]);
    prop_oneof![
        prop::collection::vec(words, 0..40).prop_map(|w| w.join(" ")),
        any::<String>(),
    ]
}

prop_compose! {
    fn conversation()(
        turns in prop::collection::vec((role(), text(), prop::option::of(-1e6f64..1e6)), 0..14),
        customer_name in prop::option::of(text()),
        agent_name in prop::option::of(text()),
    ) -> Conversation {
        Conversation {
            id: "p".into(),
            customer_name,
            agent_name,
            turns: turns
                .into_iter()
                .map(|(role, text, start)| Turn {
                    role,
                    speaker: role.as_str().into(),
                    text,
                    start,
                    end: start.map(|s| s + 2.0),
                })
                .collect(),
            ..Conversation::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_give_one_record_per_line_and_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let records: Vec<_> = JsonlReader::new(&bytes[..], "fuzz", 1 << 20).collect();
        let non_blank = bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l).trim_ascii().is_empty())
            .count();
        prop_assert_eq!(records.len(), non_blank);
        for record in &records {
            let _ = score_record(engine(), record);
        }
    }

    #[test]
    fn arbitrary_conversations_score_with_valid_evidence(conv in conversation()) {
        let scored = engine().score(&conv, &Source::at_line("p", 1));
        for s in [scored.scores.empathy, scored.scores.sincerity, scored.scores.effort] {
            prop_assert!((0.0..=100.0).contains(&s));
        }
        for f in &scored.findings {
            let text = &conv.turns[f.turn].text;
            prop_assert!(f.start <= f.end && f.end <= text.len());
            prop_assert_eq!(&text[f.start..f.end], f.quote.as_str());
        }
        prop_assert_eq!(scored.turns.as_ref().map(Vec::len), Some(conv.turns.len()));
        let line = serde_json::to_string(&Outcome::Scored(Box::new(scored))).unwrap();
        prop_assert!(serde_json::from_str::<serde_json::Value>(&line).is_ok());
    }
}
