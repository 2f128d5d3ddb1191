//! One module per subcommand.

pub mod convert;
pub mod eval;
pub mod formats;
pub mod rules;
pub mod score;
