//! The domain: pure types and rules; no disk, no terminal.

pub mod chain;
pub mod edit;
pub mod journal;
pub mod meeting;
pub mod model;
pub mod progress;
pub mod rights;
pub mod schedule;
pub mod ssh_key;
pub mod state;
pub mod status;
pub mod validate;
