//! One module per subcommand.

pub mod eval;
pub mod rules;
pub mod score;
