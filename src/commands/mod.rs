//! One module per subcommand.

pub mod eval;
pub mod learn;
pub mod merge;
pub mod rules;
pub mod score;
pub mod scripts;
