//! How copil reads and writes RON (plans, journal lines, settings, keymaps): with the
//! `implicit_some` extension on by default, so an optional field is written and read as its bare
//! value (`due: "2027-06-30"`, not `due: Some("2027-06-30")`) and no `#![enable(…)]` line is
//! needed or written. A leaf: it depends on nothing else in the crate.

use ron::extensions::Extensions;

/// The options every RON text of copil is read and written with.
pub fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}
