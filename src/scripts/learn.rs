//! Learning a tally from inputs: a reader thread parses records into batches, each batch is
//! counted in parallel, and the counts are added up. The result does not depend on the
//! thread count or the batch size.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analyse::Analysis;
use crate::ingest::{IngestOptions, Input};
use crate::memo::TextMemo;
use crate::model::{Conversation, Record};
use crate::scripts::model::Tally;

/// Lines (with their variants) said in fewer conversations are dropped when a model is
/// saved, unless told otherwise: a line said once is not a script.
pub const DEFAULT_MIN_CONVERSATIONS: u64 = 2;

/// What a learning run read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LearnSummary {
    /// Conversations learned from.
    pub conversations: u64,
    /// Records that could not be read (skipped).
    pub errors: u64,
    /// Wall time.
    pub elapsed: Duration,
}

impl LearnSummary {
    /// The one-line summary printed on stderr.
    pub fn line(&self, tally: &Tally) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        format!(
            "learned from {} conversations ({} errors skipped) in {:.2}s, {:.0} conversations/s: {} agent sentences, {} distinct lines",
            self.conversations,
            self.errors,
            secs,
            self.conversations as f64 / secs,
            tally.agent_sentences,
            tally.lines.len()
        )
    }
}

/// Adds one conversation to a tally, its lines' analyses taken from `memo` when they recur;
/// a panic while analysing it skips it and says so.
fn add_conversation(tally: &mut Tally, memo: &TextMemo, conversation: &Conversation) -> bool {
    let mut one = Tally::default();
    let analyse = || {
        let texts = conversation
            .turns
            .iter()
            .map(|t| memo.analysed_text(&t.text))
            .collect();
        one.add(&Analysis::with_texts(conversation, texts));
    };
    let ok = catch_unwind(AssertUnwindSafe(analyse)).is_ok();
    if ok {
        let mine = std::mem::take(tally);
        *tally = mine.absorb(one);
    }
    ok
}

/// Counts the lines of the conversations of a batch of records, with `memo` keeping the
/// analyses of the lines that recur; returns the tally and the number of records skipped.
pub fn tally_records(records: &[Record], memo: &TextMemo) -> (Tally, u64) {
    records
        .par_iter()
        .fold(
            || (Tally::default(), 0u64),
            |(mut tally, errors), record| match &record.conversation {
                Ok(c) if add_conversation(&mut tally, memo, c) => (tally, errors),
                _ => (tally, errors + 1),
            },
        )
        .reduce(
            || (Tally::default(), 0),
            |(a, ea), (b, eb)| (a.absorb(b), ea + eb),
        )
}

/// Learns from every input. `progress` is called after each batch with the records done.
pub fn learn(
    inputs: &[Input],
    options: &IngestOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> anyhow::Result<(Tally, LearnSummary)> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut summary = LearnSummary::default();
    let mut done = 0u64;
    let memo = TextMemo::new();
    crate::pipeline::read_in_batches(inputs, options, |batch| {
        let (counted, errors) = tally_records(&batch, &memo);
        summary.errors += errors;
        tally = std::mem::take(&mut tally).absorb(counted);
        done += batch.len() as u64;
        progress(done);
        Ok(())
    })?;
    summary.conversations = tally.conversations;
    summary.elapsed = started.elapsed();
    Ok((tally, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Role, Source, Turn};

    #[test]
    fn lines_analysed_once_count_as_lines_analysed_afresh() {
        // The same agent lines in calls with other names: from the second call on, the memo
        // gives their analysis (and its forms without names), and each call's names must
        // still be slots in its own lines.
        let records: Vec<Record> = ["Sam Taylor", "Priya Shah", "Sam Taylor", "Li Wei"]
            .iter()
            .enumerate()
            .map(|(n, customer)| {
                let turn = |role: Role, text: &str| Turn {
                    role,
                    speaker: role.as_str().into(),
                    text: text.into(),
                    start: None,
                    end: None,
                };
                Record {
                    source: Source::at_line("calls.jsonl", n as u64 + 1),
                    conversation: Ok(Conversation {
                        id: format!("c{n}"),
                        customer_name: Some(customer.to_string()),
                        turns: vec![
                            turn(Role::Agent, "Thanks for calling, how can I help you today?"),
                            turn(Role::Customer, "Hi, my parcel never arrived."),
                            turn(
                                Role::Agent,
                                "Sorry Sam, let me check that order for you now.",
                            ),
                            turn(
                                Role::Agent,
                                "Thanks Priya, your refund is on its way today.",
                            ),
                        ],
                        ..Default::default()
                    }),
                }
            })
            .collect();
        let memo = TextMemo::new();
        let (with_memo, skipped) = tally_records(&records, &memo);
        assert_eq!(skipped, 0);
        let mut afresh = Tally::default();
        for record in &records {
            let conversation = record.conversation.as_ref().unwrap();
            let mut one = Tally::default();
            one.add(&Analysis::new(conversation));
            afresh = afresh.absorb(one);
        }
        assert_eq!(with_memo, afresh);
        let texts: Vec<&str> = afresh.lines.values().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(&"sorry <name> let me check that order for you now"));
        assert!(texts.contains(&"sorry sam let me check that order for you now"));
    }
}
