//! Learning a tally from inputs: a reader thread parses records into batches, each batch is
//! counted in parallel, and the counts are added up. The result does not depend on the
//! thread count or the batch size.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::analyse::Analysis;
use crate::ingest::{IngestOptions, Input};
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

/// Adds one conversation to a tally; a panic while analysing it skips it and says so.
fn add_conversation(tally: &mut Tally, conversation: &Conversation) -> bool {
    let mut one = Tally::default();
    let ok = catch_unwind(AssertUnwindSafe(|| one.add(&Analysis::new(conversation)))).is_ok();
    if ok {
        let mine = std::mem::take(tally);
        *tally = mine.absorb(one);
    }
    ok
}

/// Counts the lines of the conversations of a batch of records; returns the tally and the
/// number of records skipped.
pub fn tally_records(records: &[Record]) -> (Tally, u64) {
    records
        .par_iter()
        .fold(
            || (Tally::default(), 0u64),
            |(mut tally, errors), record| match &record.conversation {
                Ok(c) if add_conversation(&mut tally, c) => (tally, errors),
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
    crate::pipeline::read_in_batches(inputs, options, |batch| {
        let (counted, errors) = tally_records(&batch);
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
