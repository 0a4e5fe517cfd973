//! The only code that touches files.

pub mod append;
pub mod export;
pub mod load;
pub mod safe;
pub mod watch;
