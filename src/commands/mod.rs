//! One module per subcommand.

pub mod convert;
pub mod eval;
pub mod formats;
pub mod learn;
pub mod merge;
pub mod report;
pub mod rules;
pub mod score;
pub mod scripts;
pub mod show;
