//! copil: steer French public action plans (SDAASP and the like) from the terminal.
//!
//! The state on screen is the plan file with the journal replayed on top: see `docs/architecture.md`.

#[macro_use]
pub mod lang;
pub mod cli;
pub mod config;
pub mod doc;
pub mod exit;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod line;
pub mod minutes;
pub mod plan;
pub mod report;
pub mod ron_format;
pub mod sanitize;
pub mod search;
pub mod shell;
pub mod store;
pub mod text;
pub mod tui;
pub mod wording;
