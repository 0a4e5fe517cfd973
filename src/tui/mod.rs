//! The terminal interface.

pub mod app;
pub mod command;
pub mod derived;
pub mod form;
pub mod keymap;
pub mod meeting_ui;
pub mod mode;
pub mod search_ui;
pub mod terminal;
pub mod ui_state;
pub mod update;
pub mod view;
