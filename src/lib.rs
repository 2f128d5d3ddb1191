//! `sincerity`: batch scoring of contact-centre transcripts for empathy, sincerity and
//! customer effort, with the evidence behind every number.
//!
//! Data flow: [`ingest`] → [`model`] → `analyse` → `detect` → `score` → `output`.

pub mod eval;
pub mod findings;
pub mod ingest;
pub mod model;
