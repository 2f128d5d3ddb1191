//! One module per subcommand.

pub mod convert;
pub mod formats;
pub mod rules;
pub mod score;
