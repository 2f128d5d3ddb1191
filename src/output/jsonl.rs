//! JSON Lines: one object per input record, as documented in README.md.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::findings::{Finding, Metrics, Outcome, ScoredConversation, Scores};
use crate::model::Source;
use crate::output::Exporter;

/// Writes each outcome as one line of JSON.
pub struct JsonlExporter;

impl Exporter for JsonlExporter {
    fn render(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        serde_json::to_writer(&mut *out, outcome)?;
        out.push(b'\n');
        Ok(())
    }

    fn render_without_turns(&self, outcome: &Outcome, out: &mut Vec<u8>) -> anyhow::Result<()> {
        match outcome {
            Outcome::Scored(c) => serde_json::to_writer(&mut *out, &WithoutTurns::of(c))?,
            Outcome::Error(_) => serde_json::to_writer(&mut *out, outcome)?,
        }
        out.push(b'\n');
        Ok(())
    }
}

/// A scored conversation as written without its per-turn view: its fields borrowed, with the
/// attributes of [`ScoredConversation`], so that nothing is copied to leave the view out.
#[derive(Serialize)]
struct WithoutTurns<'a> {
    id: &'a str,
    source: &'a Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent_name: &'a Option<String>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    metadata: &'a Map<String, Value>,
    scores: &'a Scores,
    metrics: &'a Metrics,
    findings: &'a [Finding],
}

impl<'a> WithoutTurns<'a> {
    fn of(c: &'a ScoredConversation) -> Self {
        // Every field named: a field added to `ScoredConversation` fails to compile here
        // until it is written here too.
        let ScoredConversation {
            id,
            source,
            channel,
            agent_name,
            metadata,
            scores,
            metrics,
            findings,
            turns: _,
        } = c;
        WithoutTurns {
            id,
            source,
            channel,
            agent_name,
            metadata,
            scores,
            metrics,
            findings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::ingest::jsonl::parse_conversation;
    use crate::policy::Policy;

    #[test]
    fn leaving_the_turns_out_as_it_writes_gives_what_a_copy_without_them_gives() {
        let mut engine = Engine::new(Policy::default());
        engine.per_turn = true;
        let lines = [
            r#"{"id":"a","channel":"chat","agent_name":"Dana","metadata":{"team":"t1","date":"2026-01-02"},"turns":[{"speaker":"agent","text":"Hi, I'm Dana. How can I help?"},{"speaker":"customer","text":"My card was declined twice and I'm so stressed."}]}"#,
            r#"{"turns":[{"speaker":"customer","text":"Hello?"},{"speaker":"agent","text":"Sorry for the wait."}]}"#,
        ];
        for (n, line) in lines.iter().enumerate() {
            let source = Source::at_line("calls.jsonl", n as u64 + 1);
            let conversation = parse_conversation(line.as_bytes(), &source).unwrap();
            let scored = engine.score(&conversation, &source);
            assert!(scored.turns.is_some());
            let mut copy = scored.clone();
            copy.turns = None;
            let mut expected = Vec::new();
            JsonlExporter
                .render(&Outcome::Scored(Box::new(copy)), &mut expected)
                .unwrap();
            let mut written = Vec::new();
            JsonlExporter
                .render_without_turns(&Outcome::Scored(Box::new(scored)), &mut written)
                .unwrap();
            assert_eq!(
                String::from_utf8(written).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
    }
}
