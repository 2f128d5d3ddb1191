//! `sincerity`: batch scoring of contact-centre transcripts for empathy, sincerity and
//! customer effort, with the evidence behind every number.
//!
//! Data flow: [`ingest`] → [`model`] → [`analyse`] → [`detect`] → [`score`] → [`output`],
//! driven by [`pipeline`] and [`engine`]; [`eval`] measures agreement with human labels.

pub mod analyse;
pub mod cli;
pub mod commands;
pub mod detect;
pub mod engine;
pub mod eval;
pub mod findings;
pub mod ingest;
pub mod lexicon;
pub mod mechanics;
pub mod memo;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod policy;
pub mod redact;
pub mod rules;
pub mod score;
pub mod scripts;
pub mod waits;
