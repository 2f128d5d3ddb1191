//! The corpus script model: which agent sentences recur, nearly verbatim, across many
//! conversations and agents. No built-in lexicon can know a company's script; the corpus can.
//!
//! # Lines
//! Every agent sentence is normalised into a *line* ([`normalise`]): lowercase words with
//! punctuation dropped and contractions expanded, the customer's and the agent's names as
//! `<name>`, numbers, amounts, times, order ids and codes in capitals ("JAML") as `<num>`,
//! e-mail addresses as `<email>`, dates as `<date>` and anonymisation placeholders as
//! `<slot>`. Sentences shorter than [`normalise::MIN_WORDS`] words (or with fewer than
//! [`normalise::MIN_PLAIN_WORDS`] words that are not slots) are not lines: "Okay, let me
//! check." is talk, not script.
//!
//! # Counts
//! For each line (keyed by the xxh3-64 hash of its text) the model keeps the number of
//! conversations that say it (once per conversation), the number of times it is said, and the
//! agents who say it: the agent is `metadata.agent_id`, else `agent_name`; the [`Agents`]
//! sketch keeps the [`AGENTS_KEPT`] smallest xxh3 hashes of their ids, which counts exactly up
//! to that many agents and estimates beyond; conversations with no agent identity are counted
//! apart (`anonymous`) and each counts as one more agent. Every count is a sum or a
//! union of the shards' counts, so models learned on shards add up exactly ([`Tally::absorb`]).
//!
//! # Grouping near-identical variants
//! Lines that differ by a word or two ("how can I help you today" / "how may I help you
//! today") form one group. Two lines are near-identical when their word-level edit distance
//! is at most a fifth of the longer line ([`similar::similar`]). Candidates are found with
//! MinHash: a line's shingles (its word pairs, with its start and end as words, hashed with
//! xxh3) give [`similar::BANDS`] band keys of [`similar::ROWS`] minimum hashes each, every
//! row re-hashing the shingles with a fixed xxh3 seed; lines sharing a band key are
//! candidates. Lines are visited from the most to the least said (conversations, then hash):
//! a line joins the first group whose centre line shares a band key with it (among the
//! first [`similar::WINDOW`] centres of each bucket) and is near-identical to it, or else
//! starts a group of its own as its centre. So every variant is close to its group's text,
//! and groups cannot drift through chains of small changes. A group's text is its centre,
//! its counts are the sums of its lines' counts (a conversation that says two variants of
//! one group counts twice) and the union of their agents. Grouping depends only on the set
//! of lines and their counts, never on the order of input, the thread count, the machine or
//! the version of a hashing library — xxh3 is a fixed function.
//!
//! # Pruning
//! Saving a model drops the groups said in fewer than `min_conversations` conversations
//! (default 2: a line said once is not a script). Pruning happens after grouping and only
//! when a model is written; learning each shard with `--min-conversations 1` and merging
//! with the final threshold gives exactly the model learned on the whole corpus. Merging
//! already pruned models is allowed but may undercount, and `merge` says so.
//!
//! # File
//! One line of JSON with sorted keys, the lines sorted by hash, hashes as 16 hex digits
//! (see [`model`]).

pub mod allow;
pub mod learn;
pub mod model;
pub mod normalise;
pub mod similar;

pub use model::{AGENTS_KEPT, Agents, Group, ScriptModel, Tally};
pub use normalise::{AgentLine, agent_lines};
