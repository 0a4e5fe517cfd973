//! Who may change what, as the plan declares it (`rights: Rights(cell: [...])`).
//!
//! Without the section, anyone who can write the journal may change anything (`copil check`
//! notes it). With it:
//! - the technical cell (`cell`) may do everything, including opening, running and closing
//!   meetings and rescheduling actions;
//! - an action's pilots and referents (person ids) may change its status, record its
//!   measurements and comment on it, and on its sub-actions;
//! - a body's chairs may run (record in, close) a meeting of that body, and the person who
//!   opened a meeting may run it;
//! - a task's owner may mark it done;
//! - every other person declared in the plan may comment;
//! - a login that is not a person of the plan may only read.
//!
//! An undo is allowed to whoever could have made the change it cancels, if it is theirs (the cell
//! may undo anyone's). The same rules are checked by the interface (the key says why not), the
//! command line (nothing written, exit 4) and the replay (a line whose author had no right to it
//! is not applied, with a warning naming it): a line appended by hand does not count.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::journal::Change;
use super::model::{Plan, PlanAction};
use crate::lang::Lang;

/// The plan's `rights` section.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Rights", deny_unknown_fields)]
pub struct Rights {
    /// The technical cell: person ids that may do everything.
    #[serde(default)]
    pub cell: Vec<String>,
}

/// What a line (or a key) asks to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act<'a> {
    Status(&'a str),
    Measure(&'a str),
    Comment(&'a str),
    Reschedule(&'a str),
    OpenMeeting,
    /// Record in, or close, the meeting of this body opened by this person.
    RunMeeting {
        body: &'a str,
        opened_by: &'a str,
    },
    /// Mark done the task owned by this person (or free text).
    TaskDone {
        owner: Option<&'a str>,
    },
}

/// Why a person may not do something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Not a person of the plan: read only.
    Undeclared { by: String },
    /// Not a pilot or referent of the action (nor of an action above it).
    NotResponsible { by: String, action: String },
    /// Only the technical cell may do this.
    CellOnly { by: String },
    /// Only the meeting's runner (who opened it, the body's chairs) or the cell.
    NotRunner { by: String },
    /// Only the task's owner or the cell.
    NotOwner { by: String },
    /// An undo of someone else's line.
    NotTheirs { by: String, line: usize },
}

impl crate::lang::Localized for Denied {
    fn fmt_in(&self, l: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Denied::Undeclared { by } => tr!(l,
                format!("« {by} » n'est pas une personne du plan : lecture seule"),
                format!("\"{by}\" is not a person of the plan: read only")
            ),
            Denied::NotResponsible { by, action } => tr!(l,
                format!("« {by} » n'est ni pilote ni référent de l'action {action} : seul un commentaire lui est permis"),
                format!("\"{by}\" is neither a pilot nor a referent of action {action}: only a comment is allowed")
            ),
            Denied::CellOnly { by } => tr!(l,
                format!("réservé à la cellule technique (« {by} » n'en fait pas partie)"),
                format!("for the technical cell only (\"{by}\" is not in it)")
            ),
            Denied::NotRunner { by } => tr!(l,
                format!(
                    "réservé à qui conduit la réunion (qui l'a ouverte, les présidents de l'instance) et à la cellule technique, pas à « {by} »"
                ),
                format!(
                    "for whoever runs the meeting (who opened it, the body's chairs) and the technical cell, not \"{by}\""
                )
            ),
            Denied::NotOwner { by } => tr!(l,
                format!("seuls le responsable de la tâche et la cellule technique peuvent la solder, pas « {by} »"),
                format!("only the task's owner and the technical cell may mark it done, not \"{by}\"")
            ),
            Denied::NotTheirs { by, line } => tr!(l,
                format!("la ligne {line} n'est pas de « {by} » : seule la cellule technique annule les lignes des autres"),
                format!("line {line} is not by \"{by}\": only the technical cell undoes other people's lines")
            ),
        })
    }
}

/// The rights of a plan, ready to answer: who is in the cell, who is declared, who is
/// responsible for each action (its pilots and referents and those of the actions above it).
#[derive(Clone, Debug, Default)]
pub struct Gate {
    /// `None`: the plan declares no rights, anyone may change anything.
    cell: Option<HashSet<String>>,
    people: HashSet<String>,
    responsible: HashMap<String, HashSet<String>>,
    chairs: HashMap<String, Vec<String>>,
}

impl Gate {
    pub fn new(plan: &Plan) -> Gate {
        let Some(rights) = &plan.rights else { return Gate::default() };
        let mut responsible = HashMap::new();
        fn visit(a: &PlanAction, above: &HashSet<String>, out: &mut HashMap<String, HashSet<String>>) {
            let mut mine = above.clone();
            mine.extend(a.pilots.iter().chain(&a.referents).cloned());
            for s in &a.sub_actions {
                visit(s, &mine, out);
            }
            out.insert(a.id.clone(), mine);
        }
        for o in &plan.orientations {
            for a in &o.actions {
                visit(a, &HashSet::new(), &mut responsible);
            }
        }
        Gate {
            cell: Some(rights.cell.iter().cloned().collect()),
            people: plan.people.iter().map(|p| p.id.clone()).collect(),
            responsible,
            chairs: plan.bodies.iter().map(|b| (b.id.clone(), b.chairs.clone())).collect(),
        }
    }

    /// Whether the plan declares rights at all.
    pub fn declared(&self) -> bool {
        self.cell.is_some()
    }

    pub fn in_cell(&self, by: &str) -> bool {
        self.cell.as_ref().is_none_or(|c| c.contains(by))
    }

    /// Whether `by` may do `act`.
    pub fn allows(&self, by: &str, act: Act) -> Result<(), Denied> {
        let Some(cell) = &self.cell else { return Ok(()) };
        if cell.contains(by) {
            return Ok(());
        }
        let who = || by.to_string();
        if !self.people.contains(by) {
            return Err(Denied::Undeclared { by: who() });
        }
        let responsible = |action: &str| self.responsible.get(action).is_some_and(|r| r.contains(by));
        match act {
            Act::Comment(_) => Ok(()),
            Act::Status(a) | Act::Measure(a) if responsible(a) => Ok(()),
            Act::Status(a) | Act::Measure(a) => Err(Denied::NotResponsible { by: who(), action: a.to_string() }),
            Act::Reschedule(_) | Act::OpenMeeting => Err(Denied::CellOnly { by: who() }),
            Act::RunMeeting { body, opened_by } => {
                let chair = self.chairs.get(body).is_some_and(|c| c.iter().any(|c| c == by));
                if chair || opened_by == by { Ok(()) } else { Err(Denied::NotRunner { by: who() }) }
            }
            Act::TaskDone { owner } if owner == Some(by) => Ok(()),
            Act::TaskDone { .. } => Err(Denied::NotOwner { by: who() }),
        }
    }
}

/// What a change asks to do, given how to find a meeting's body and opener and a task's owner.
/// `None` for an undo (checked against the line it cancels) and for a line naming something the
/// plan does not have (replay skips it for that).
pub fn act_of<'a>(
    change: &'a Change,
    meeting: impl Fn(&str) -> Option<(&'a str, &'a str)>,
    task_owner: impl Fn(&str) -> Option<Option<&'a str>>,
) -> Option<Act<'a>> {
    Some(match change {
        Change::Status { action, .. } => Act::Status(action),
        Change::Measure { action, .. } => Act::Measure(action),
        Change::Comment { action, .. } => Act::Comment(action),
        Change::Reschedule { action, .. } => Act::Reschedule(action),
        Change::MeetingOpened { .. } => Act::OpenMeeting,
        Change::Attendance { meeting: id, .. }
        | Change::Decision { meeting: id, .. }
        | Change::Note { meeting: id, .. }
        | Change::Task { meeting: id, .. }
        | Change::AgendaItem { meeting: id, .. }
        | Change::NextMeeting { meeting: id, .. }
        | Change::MeetingClosed { id } => {
            let (body, opened_by) = meeting(id)?;
            Act::RunMeeting { body, opened_by }
        }
        Change::TaskDone { task } => Act::TaskDone { owner: task_owner(task)? },
        Change::Undo { .. } => return None,
    })
}
