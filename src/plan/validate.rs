//! The load-time rules of `plan-format.md` that parsing alone does not check.
//!
//! This module sees no file: each problem carries an [`Anchor`] that the loader turns into a
//! `file:line:column` by looking at the source text.

use std::collections::HashSet;

use super::model::{Plan, PlanAction};

pub const FORMAT_VERSION: u32 = 1;

/// Where in the source a problem is: the loader finds it in the text.
#[derive(Clone, Debug, PartialEq)]
pub enum Anchor {
    /// The `n`-th (from 0) occurrence of the field `key` anywhere in the file.
    Key(&'static str, usize),
    /// The `n`-th occurrence of `key: "value"`.
    KeyValue(&'static str, String, usize),
    /// The `n`-th string literal equal to the text.
    Str(String, usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    FormatVersion(u32),
    DuplicateId { what: IdKind, id: String },
    UnknownPerson { field: &'static str, id: String },
    PeriodReversed,
    StartAfterDue { action: String },
    KindMismatch { action: String, indicator: String },
    BadSshKey { person: String, why: super::ssh_key::KeyProblem },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Orientation,
    Action,
    Indicator,
    Person,
    Body,
}

/// Checks the rules; returns the first problem found (in file order as far as possible).
pub fn validate(plan: &Plan) -> Result<(), (Problem, Anchor)> {
    if plan.format != FORMAT_VERSION {
        return Err((Problem::FormatVersion(plan.format), Anchor::Key("format", 0)));
    }
    if plan.period.start > plan.period.end {
        return Err((Problem::PeriodReversed, Anchor::Key("period", 0)));
    }
    // Counts occurrences of `id: "X"` seen so far, so that a duplicate points at its second place.
    let mut seen_id_values: std::collections::HashMap<String, usize> = Default::default();
    let mut bump = |id: &str| -> usize {
        let n = seen_id_values.entry(id.to_string()).or_default();
        *n += 1;
        *n - 1
    };
    let dup = |what, id: &str, n| {
        Err((Problem::DuplicateId { what, id: id.to_string() }, Anchor::KeyValue("id", id.to_string(), n)))
    };

    let mut people = HashSet::new();
    for p in &plan.people {
        let n = bump(&p.id);
        if !people.insert(p.id.as_str()) {
            return dup(IdKind::Person, &p.id, n);
        }
    }
    check_ssh_keys(plan)?;
    let mut bodies = HashSet::new();
    for b in &plan.bodies {
        let n = bump(&b.id);
        if !bodies.insert(b.id.as_str()) {
            return dup(IdKind::Body, &b.id, n);
        }
        for (field, list) in [("chairs", &b.chairs), ("members", &b.members)] {
            if let Some(id) = list.iter().find(|id| !people.contains(id.as_str())) {
                return Err((Problem::UnknownPerson { field, id: id.clone() }, Anchor::Str(id.clone(), 0)));
            }
        }
    }
    if let Some(r) = &plan.rights
        && let Some(id) = r.cell.iter().find(|id| !people.contains(id.as_str()))
    {
        return Err((Problem::UnknownPerson { field: "cell", id: id.clone() }, Anchor::Str(id.clone(), 0)));
    }
    let mut orientations = HashSet::new();
    let mut actions = HashSet::new();
    let mut dues = 0usize;
    for o in &plan.orientations {
        let n = bump(&o.id);
        if !orientations.insert(o.id.as_str()) {
            return dup(IdKind::Orientation, &o.id, n);
        }
        for a in &o.actions {
            check_action(a, &people, &mut actions, &mut bump, &mut dues)?;
        }
    }
    Ok(())
}

/// Every declared SSH key is well formed and declared once (sshd would log in as the first).
fn check_ssh_keys(plan: &Plan) -> Result<(), (Problem, Anchor)> {
    use super::ssh_key::{KeyProblem, check, parts};
    let mut seen: std::collections::HashMap<&str, usize> = Default::default();
    let mut keys = HashSet::new();
    for p in &plan.people {
        for key in &p.ssh_keys {
            let n = seen.entry(key.as_str()).or_default();
            let anchor = Anchor::Str(key.clone(), *n);
            *n += 1;
            let bad = |why| Err((Problem::BadSshKey { person: p.id.clone(), why }, anchor.clone()));
            if let Err(why) = check(key) {
                return bad(why);
            }
            if !keys.insert(parts(key)) {
                return bad(KeyProblem::Duplicate);
            }
        }
    }
    Ok(())
}

fn check_action<'a>(
    a: &'a PlanAction,
    people: &HashSet<&str>,
    actions: &mut HashSet<&'a str>,
    bump: &mut impl FnMut(&str) -> usize,
    dues: &mut usize,
) -> Result<(), (Problem, Anchor)> {
    let n = bump(&a.id);
    if !actions.insert(a.id.as_str()) {
        return Err((
            Problem::DuplicateId { what: IdKind::Action, id: a.id.clone() },
            Anchor::KeyValue("id", a.id.clone(), n),
        ));
    }
    if let Some(id) = a.referents.iter().find(|id| !people.contains(id.as_str())) {
        return Err((Problem::UnknownPerson { field: "referents", id: id.clone() }, Anchor::Str(id.clone(), 0)));
    }
    if let (Some(start), Some(due)) = (a.start, a.due)
        && start > due
    {
        return Err((Problem::StartAfterDue { action: a.id.clone() }, Anchor::Key("due", *dues)));
    }
    if a.due.is_some() {
        *dues += 1;
    }
    let mut indicators = HashSet::new();
    for i in &a.indicators {
        let n = bump(&i.id);
        if !indicators.insert(i.id.as_str()) {
            return Err((
                Problem::DuplicateId { what: IdKind::Indicator, id: i.id.clone() },
                Anchor::KeyValue("id", i.id.clone(), n),
            ));
        }
        let kind = i.value_kind();
        let all = i.baseline.iter().chain(&i.targets).chain(&i.measurements);
        if all.into_iter().any(|p| Some(p.value.kind()) != kind) {
            return Err((
                Problem::KindMismatch { action: a.id.clone(), indicator: i.id.clone() },
                Anchor::KeyValue("id", i.id.clone(), n),
            ));
        }
    }
    for s in &a.sub_actions {
        check_action(s, people, actions, bump, dues)?;
    }
    Ok(())
}
