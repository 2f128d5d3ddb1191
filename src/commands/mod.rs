//! One module per subcommand.

pub mod rules;
pub mod score;
