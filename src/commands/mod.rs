//! One module per subcommand.

pub mod eval;
pub mod report;
pub mod rules;
pub mod score;
pub mod show;
