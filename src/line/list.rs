//! `copil list PLAN [QUERY]`: the plan's actions as lines, or as an outline (`--tree`).
//!
//! The query is the search's (`/` in the interface, `copil search` on the command line): the
//! command line parses and runs it the same way for both (`cli::query_hits`, through
//! `crate::search`), so `list` takes every filter word search takes. Unlike `search`, which
//! ranks, `list` keeps the plan's order.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::show::status_and_late;
use crate::i18n::{self, Lang, date_text};
use crate::plan::model::{Date, Plan, PlanAction};
use crate::sanitize::sanitize;
use crate::search::Hit;

/// The ids of the actions and sub-actions a search found (`SearchIndex::search`, as `copil
/// search` runs it; every action for an empty query).
pub fn matching(hits: &[Hit]) -> HashSet<String> {
    hits.iter().map(|h| h.action_id.clone()).collect()
}

/// One line per matching action, in plan order: id, status in words (and lateness), due date,
/// title, separated by tabs.
pub fn lines(l: Lang, plan: &Plan, matching: &HashSet<String>, today: Date) -> String {
    let mut out = String::new();
    for (_, a, _) in plan.walk().filter(|(_, a, _)| matching.contains(&a.id)) {
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}",
            sanitize(&a.id),
            status_and_late(l, a, today),
            due(l, a),
            sanitize(&a.title)
        );
    }
    out
}

/// The outline: each orientation, then its actions indented two spaces per level, with the
/// status, the due date and, for a sub-action, its parent said in words (indentation alone is
/// not read aloud). With a query, the matching actions and their parents only.
pub fn tree(l: Lang, plan: &Plan, matching: &HashSet<String>, today: Date) -> String {
    let mut out = String::new();
    for o in &plan.orientations {
        let shown: Vec<&PlanAction> = o.actions.iter().filter(|a| keeps(a, matching)).collect();
        if shown.is_empty() {
            continue;
        }
        let _ =
            writeln!(out, "{}{} — {}", i18n::label(l, i18n::ORIENTATION.get(l)), sanitize(&o.id), sanitize(&o.title));
        for a in shown {
            node(l, &mut out, a, None, 1, matching, today);
        }
    }
    out
}

/// Whether the action or one of its sub-actions matches.
fn keeps(a: &PlanAction, matching: &HashSet<String>) -> bool {
    matching.contains(&a.id) || a.sub_actions.iter().any(|s| keeps(s, matching))
}

fn node(
    l: Lang,
    out: &mut String,
    a: &PlanAction,
    parent: Option<&str>,
    depth: usize,
    m: &HashSet<String>,
    today: Date,
) {
    let sep = tr!(l, " ; ", "; ");
    let mut about = status_and_late(l, a, today);
    if let Some(d) = a.due {
        let _ = write!(
            about,
            "{sep}{}",
            tr!(l, format!("échéance {}", date_text(l, d)), format!("due {}", date_text(l, d)))
        );
    }
    if let Some(p) = parent {
        let _ = write!(
            about,
            "{sep}{}",
            tr!(l, format!("sous-action de {}", sanitize(p)), format!("sub-action of {}", sanitize(p)))
        );
    }
    let _ = writeln!(
        out,
        "{}{}{}{} ({about})",
        "  ".repeat(depth),
        sanitize(&a.id),
        tr!(l, " : ", ": "),
        sanitize(&a.title)
    );
    for s in a.sub_actions.iter().filter(|s| keeps(s, m)) {
        node(l, out, s, Some(&a.id), depth + 1, m, today);
    }
}

fn due(l: Lang, a: &PlanAction) -> String {
    match a.due {
        Some(d) => date_text(l, d),
        None => tr!(l, "sans échéance", "no due date").to_string(),
    }
}
