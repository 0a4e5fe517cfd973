//! Text helpers that depend on nothing else in the crate: folding for lenient matching (accents,
//! case, ligatures), used by the search, the domain's sorting and the importer alike.

pub mod fold;

pub use fold::{Folded, fold, fold_with_map};
