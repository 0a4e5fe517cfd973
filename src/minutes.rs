//! The *relevé de décisions* of one meeting, as Markdown (`copil minutes PLAN MEETING`): who was
//! there, grouped by organisation, then what the meeting decided, the tasks it gave, the actions it
//! followed up (status changes, measurements, comments) and its notes.
//!
//! Everything comes from the replay: the meeting's attendance and the journal entries recorded in
//! it (`Meeting::items`), only those applied (an undone or skipped line is left out). The document's
//! wording lives here, French by default, English when the interface is. Pure: the same journal
//! gives the same bytes (no clock; journal order within a section, organisations sorted by name).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::i18n::{self, Lang, date_text, lang, status_label, value_text};
use crate::plan::journal::{Change, Presence};
use crate::plan::model::{Date, Plan, Value};
use crate::plan::state::{Entry, Meeting, Outcome, PlanState};
use crate::report::md_text;
use crate::search::fold;

/// Ids of every meeting of the plan, in the journal's order (for error messages).
pub fn meeting_ids(state: &PlanState) -> Vec<String> {
    state.meetings.iter().map(|m| m.id.clone()).collect()
}

/// A file name for a meeting's minutes, beside the plan: `<plan stem>-<meeting id>.md`, the
/// meeting id reduced to `[A-Za-z0-9._-]` (any other character becomes `_`).
pub fn default_path(plan: &Path, meeting: &str) -> PathBuf {
    let stem = plan.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "plan".to_string());
    let id: String = meeting
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '_' })
        .collect();
    plan.with_file_name(format!("{stem}-{id}.md"))
}

/// The plan has no meeting with this id: the message names the meetings it has.
pub fn unknown_meeting(id: &str, known: &[String]) -> String {
    if known.is_empty() {
        return tr!(
            format!("réunion inconnue « {id} » : le plan n'a aucune réunion"),
            format!("unknown meeting \"{id}\": the plan has no meeting")
        );
    }
    let list = known.join(", ");
    tr!(
        format!("réunion inconnue « {id} » ; réunions du plan : {list}"),
        format!("unknown meeting \"{id}\"; the plan's meetings: {list}")
    )
}

/// The minutes file could not be written (the message of `copil minutes -o FILE`).
pub fn write_error(path: &Path, e: &std::io::Error) -> String {
    let (path, why) = (path.display(), i18n::io_reason(e));
    tr!(
        format!("impossible d'écrire le relevé dans {path} ({why}) : aucun fichier n'a été modifié"),
        format!("cannot write the minutes to {path} ({why}): no file was changed")
    )
}

/// The minutes of one meeting as Markdown, or None when the plan has no meeting with that id.
pub fn markdown(state: &PlanState, meeting: &str) -> Option<String> {
    let m = state.meeting(meeting)?;
    let plan = &state.plan;
    let items: Vec<&Entry> =
        m.items.iter().filter_map(|&i| state.entries.get(i)).filter(|e| e.outcome == Outcome::Applied).collect();
    let mut out = String::new();
    header(&mut out, plan, m);
    attendance(&mut out, plan, m);
    decisions(&mut out, plan, &items);
    tasks(&mut out, state, &items);
    follow_up(&mut out, plan, &items);
    notes(&mut out, plan, &items);
    empreinte(&mut out, state, m);
    // Every section ends with a blank line; the document, with one line break.
    out.truncate(out.trim_end_matches('\n').len());
    out.push('\n');
    Some(out)
}

/// The label of the closing line's hash in the minutes; `copil verify --minutes` looks for it.
pub fn empreinte_label() -> &'static str {
    tr!("Empreinte du journal à la clôture", "Journal fingerprint at closing")
}

/// A closed meeting's minutes end with the SHA-256 of its closing line, which commits to every
/// journal line before it (the journal is a hash chain): `copil verify PLAN --minutes FILE` says
/// whether printed minutes match the journal.
fn empreinte(out: &mut String, state: &PlanState, m: &Meeting) {
    if let Some(hash) = m.closed_line.and_then(|l| state.closing_hashes.get(&l)) {
        let _ = writeln!(out, "{}", labelled(empreinte_label(), &format!("`{hash}`")));
        out.push('\n');
    }
}

/// Finds the empreinte printed in minutes (any language), if any.
pub fn find_empreinte(text: &str) -> Option<String> {
    ["Empreinte du journal à la clôture", "Journal fingerprint at closing"].iter().find_map(|label| {
        let rest = &text[text.find(label)? + label.len()..];
        let hex: String =
            rest.chars().skip_while(|c| !c.is_ascii_hexdigit()).take_while(char::is_ascii_hexdigit).collect();
        (hex.len() == 64).then(|| hex.to_lowercase())
    })
}

/// One "label: value" list item, with the language's spacing before the colon.
fn item(label: &str, value: &str) -> String {
    tr!(format!("- {label} : {value}"), format!("- {label}: {value}"))
}

/// "label: value" without the list marker (a line of a nested list or of a paragraph).
fn labelled(label: &str, value: &str) -> String {
    tr!(format!("{label} : {value}"), format!("{label}: {value}"))
}

/// Text from a file that starts a list item: `md_text`, and a leading `-`, `+` or `1.` escaped
/// so that it is not read as a list of its own.
fn inline(s: &str) -> String {
    let t = md_text(s.trim());
    // A marker is followed by a space or ends the line: `-5 %` and `1.2` are plain text.
    let marker_at =
        |i: usize| t[i..].starts_with(['-', '+', '.', ')']) && t[i + 1..].chars().next().is_none_or(|c| c == ' ');
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let at = match digits {
        0 if t.starts_with(['-', '+']) => Some(0),
        0 => None,
        d if t[d..].starts_with(['.', ')']) => Some(d),
        _ => None,
    };
    match at {
        Some(i) if marker_at(i) => format!("{}\\{}", &t[..i], &t[i..]),
        _ => t,
    }
}

/// A quoted text: « … » in French, “…” in English.
fn quoted(s: &str) -> String {
    tr!(format!("« {} »", md_text(s.trim())), format!("“{}”", md_text(s.trim())))
}

/// A person's name when `who` is a person id, else `who` itself (an organisation, a free name).
fn who_text(plan: &Plan, who: &str) -> String {
    md_text(plan.person_name(who))
}

/// The linked actions: `Spup01 — title ; Spup03 — title`.
fn actions_text(plan: &Plan, actions: &[String]) -> String {
    actions.iter().map(|id| action_text(plan, id)).collect::<Vec<_>>().join(tr!(" ; ", "; "))
}

/// An action by id and title (for the follow-up lines).
fn action_text(plan: &Plan, id: &str) -> String {
    match plan.action(id) {
        Some(a) => format!("{} — {}", md_text(id), md_text(&a.title)),
        None => md_text(id),
    }
}

/// A numbered list item with its details as a nested list, indented under the item's text.
fn numbered(out: &mut String, n: usize, text: &str, details: &[String]) {
    let marker = format!("{n}. ");
    let _ = writeln!(out, "{marker}{text}");
    let pad = " ".repeat(marker.len());
    for d in details {
        let _ = writeln!(out, "{pad}- {d}");
    }
}

fn section(out: &mut String, level: usize, title: &str) {
    let _ = writeln!(out, "{} {title}", "#".repeat(level));
    out.push('\n');
}

/// A paragraph saying that a section is empty.
fn nothing(out: &mut String, text: &str) {
    let _ = writeln!(out, "{text}");
    out.push('\n');
}

fn header(out: &mut String, plan: &Plan, m: &Meeting) {
    let body = plan.body(&m.body).map(|b| b.name.as_str()).unwrap_or(&m.body);
    let date = date_text(m.date);
    let title = match &m.title {
        Some(t) => md_text(t),
        None => tr!(format!("{} du {date}", md_text(body)), format!("{} of {date}", md_text(body))),
    };
    let _ = writeln!(out, "# {} — {title}", tr!("Relevé de décisions", "Minutes"));
    out.push('\n');
    let _ = writeln!(out, "{}", item(tr!("Plan", "Plan"), &md_text(plan.display_title())));
    let _ = writeln!(out, "{}", item(tr!("Instance", "Body"), &md_text(body)));
    let _ = writeln!(out, "{}", item(tr!("Date", "Date"), &date));
    let (id, from) = (md_text(&m.id), m.opened_line);
    let meeting = match m.closed_line {
        Some(to) => {
            tr!(format!("{id} (journal, lignes {from} à {to})"), format!("{id} (journal, lines {from} to {to})"))
        }
        None => tr!(format!("{id} (journal, depuis la ligne {from})"), format!("{id} (journal, from line {from})")),
    };
    let _ = writeln!(out, "{}", item(tr!("Réunion", "Meeting"), &meeting));
    let state = if m.is_open() {
        tr!("**Réunion en cours — relevé provisoire**", "**Meeting in progress — provisional minutes**")
    } else {
        tr!("réunion close", "meeting closed")
    };
    let _ = writeln!(out, "{}", item(tr!("État", "State"), state));
    out.push('\n');
}

/// Where a person of the attendance belongs: an organisation, none, or a guest (a free name).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    /// Folded name (the sort key), then the name as written.
    Org(String, String),
    NoOrg,
    Guests,
}

/// Present, excused, absent, then the body's people with no attendance line.
fn presence_rank(p: Option<Presence>) -> usize {
    match p {
        Some(Presence::Present) => 0,
        Some(Presence::Excused) => 1,
        Some(Presence::Absent) => 2,
        None => 3,
    }
}

fn presence_label(rank: usize) -> &'static str {
    match rank {
        0 => tr!("Présents", "Present"),
        1 => tr!("Excusés", "Excused"),
        2 => tr!("Absents", "Absent"),
        _ => tr!("Non renseigné", "Not recorded"),
    }
}

fn attendance(out: &mut String, plan: &Plan, m: &Meeting) {
    section(out, 2, tr!("Présences", "Attendance"));
    // (group, presence rank, label), in the journal's order then the body's chairs and members.
    let mut people: Vec<(Group, usize, String)> = Vec::new();
    let mut add = |who: &str, presence: Option<Presence>| {
        let (group, label) = match plan.person(who) {
            Some(p) => {
                let group = match p.org.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
                    Some(org) => Group::Org(fold(org), org.to_string()),
                    None => Group::NoOrg,
                };
                let mut label = md_text(&p.name);
                if let Some(role) = p.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                    let _ = write!(label, ", {}", md_text(role));
                }
                (group, label)
            }
            None => (Group::Guests, md_text(who)),
        };
        people.push((group, presence_rank(presence), label));
    };
    for (who, presence) in &m.attendance {
        add(who, Some(*presence));
    }
    if let Some(body) = plan.body(&m.body) {
        let mut seen: Vec<&str> = m.attendance.iter().map(|(p, _)| p.as_str()).collect();
        for who in body.chairs.iter().chain(&body.members) {
            if !seen.contains(&who.as_str()) {
                seen.push(who);
                add(who, None);
            }
        }
    }
    if people.is_empty() {
        nothing(out, tr!("Aucune présence enregistrée.", "No attendance recorded."));
        return;
    }
    // A stable sort: within a group and a presence, the order above.
    people.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut rest = people.as_slice();
    while let Some((group, _, _)) = rest.first() {
        let n = rest.iter().take_while(|p| p.0 == *group).count();
        let (mine, next) = rest.split_at(n);
        let heading = match group {
            Group::Org(_, org) => md_text(org),
            Group::NoOrg => tr!("Sans organisation", "No organisation").to_string(),
            Group::Guests => tr!("Invités", "Guests").to_string(),
        };
        section(out, 3, &heading);
        for rank in 0..4 {
            let names: Vec<&str> = mine.iter().filter(|p| p.1 == rank).map(|p| p.2.as_str()).collect();
            if !names.is_empty() {
                let _ = writeln!(out, "{}", item(presence_label(rank), &names.join(tr!(" ; ", "; "))));
            }
        }
        out.push('\n');
        rest = next;
    }
}

/// Owner, due date and linked actions: the details of a decision or a task.
fn details(plan: &Plan, owner: Option<&str>, due: Option<Date>, actions: &[String]) -> Vec<String> {
    let mut d = Vec::new();
    if let Some(o) = owner {
        d.push(labelled(tr!("Responsable", "Owner"), &who_text(plan, o)));
    }
    if let Some(due) = due {
        d.push(labelled(tr!("Échéance", "Due"), &date_text(due)));
    }
    if !actions.is_empty() {
        d.push(labelled(tr!("Actions liées", "Linked actions"), &actions_text(plan, actions)));
    }
    d
}

fn decisions(out: &mut String, plan: &Plan, items: &[&Entry]) {
    section(out, 2, tr!("Décisions", "Decisions"));
    let mut n = 0;
    for e in items {
        if let Change::Decision { text, actions, owner, due, .. } = &e.event.change {
            n += 1;
            numbered(out, n, &inline(text), &details(plan, owner.as_deref(), *due, actions));
        }
    }
    if n == 0 {
        nothing(out, tr!("Aucune décision.", "No decision."));
    } else {
        out.push('\n');
    }
}

fn tasks(out: &mut String, state: &PlanState, items: &[&Entry]) {
    let plan = &state.plan;
    section(out, 2, tr!("Tâches", "Tasks"));
    let mut n = 0;
    for e in items {
        let Change::Task { id, text, actions, owner, due, .. } = &e.event.change else { continue };
        n += 1;
        let mut d = details(plan, owner.as_deref(), *due, actions);
        let done = state
            .tasks
            .iter()
            .find(|t| t.id == *id && t.line == e.line)
            .and_then(|t| t.done_line)
            .map(|line| state.entry_by_line(line).map(|d| date_text(d.event.at.date())));
        let progress = match done {
            Some(Some(date)) => tr!(format!("faite le {date}"), format!("done on {date}")),
            Some(None) => tr!("faite", "done").to_string(),
            None => tr!("à faire", "to do").to_string(),
        };
        d.push(labelled(tr!("État", "State"), &progress));
        numbered(out, n, &format!("{} ({})", inline(text), md_text(id)), &d);
    }
    if n == 0 {
        nothing(out, tr!("Aucune tâche.", "No task."));
    } else {
        out.push('\n');
    }
}

/// The note of an event, after a dash, if it has one.
fn with_note(mut line: String, notes: &[Option<&String>]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for n in notes.iter().flatten().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if !seen.contains(&n) {
            seen.push(n);
            let _ = write!(line, " — {}", quoted(n));
        }
    }
    line
}

fn follow_up(out: &mut String, plan: &Plan, items: &[&Entry]) {
    section(out, 2, tr!("Suivi des actions", "Action follow-up"));

    section(out, 3, tr!("Changements de statut", "Status changes"));
    let mut lines = Vec::new();
    for e in items {
        if let Change::Status { action, to } = &e.event.change {
            let change = match e.before {
                Some(b) => crate::line::from_to(status_label(b), status_label(*to)),
                None => crate::line::becomes(status_label(*to)),
            };
            let line = item(&action_text(plan, action), &change);
            lines.push(with_note(line, &[e.event.note.as_ref()]));
        }
    }
    list(out, &lines, tr!("Aucun changement de statut.", "No status change."));

    // Due dates moved in the meeting (a section only when there are some).
    let moved: Vec<String> = items
        .iter()
        .filter_map(|e| {
            let (from, to) = crate::plan::schedule::moved(e)?;
            let Change::Reschedule { action, .. } = &e.event.change else { return None };
            let line = item(&action_text(plan, action), &crate::wording::rescheduled(from, to));
            Some(with_note(line, &[e.event.note.as_ref()]))
        })
        .collect();
    if !moved.is_empty() {
        section(out, 3, tr!("Échéances reportées", "Due dates moved"));
        list(out, &moved, "");
    }

    section(out, 3, tr!("Mesures", "Measurements"));
    let mut lines = Vec::new();
    for e in items {
        if let Change::Measure { action, indicator, point } = &e.event.change {
            let ind = plan.action(action).and_then(|a| a.indicators.iter().find(|i| i.id == *indicator));
            let name = ind.map(|i| i.name.as_str()).unwrap_or(indicator);
            let mut value = md_text(&value_text(&point.value));
            if let (Value::Number(_), Some(unit)) = (&point.value, ind.and_then(|i| i.unit.as_ref())) {
                let _ = write!(value, " {}", md_text(unit));
            }
            let date = date_text(point.date);
            let value = tr!(format!("{value} au {date}"), format!("{value} on {date}"));
            let line = item(&format!("{}, {}", md_text(action), md_text(name)), &value);
            lines.push(with_note(line, &[point.note.as_ref(), e.event.note.as_ref()]));
        }
    }
    list(out, &lines, tr!("Aucune mesure.", "No measurement."));

    section(out, 3, tr!("Commentaires", "Comments"));
    let mut lines = Vec::new();
    for e in items {
        if let Change::Comment { action, text } = &e.event.change {
            let line = item(&action_text(plan, action), &quoted(text));
            lines.push(with_note(line, &[e.event.note.as_ref()]));
        }
    }
    list(out, &lines, tr!("Aucun commentaire.", "No comment."));
}

/// The lines of a list, or the sentence that says it is empty.
fn list(out: &mut String, lines: &[String], empty: &str) {
    if lines.is_empty() {
        nothing(out, empty);
        return;
    }
    for l in lines {
        let _ = writeln!(out, "{l}");
    }
    out.push('\n');
}

fn notes(out: &mut String, plan: &Plan, items: &[&Entry]) {
    section(out, 2, tr!("Notes", "Notes"));
    let mut n = 0;
    for e in items {
        if let Change::Note { text, actions, .. } = &e.event.change {
            n += 1;
            let _ = writeln!(out, "- {}", inline(text));
            if !actions.is_empty() {
                let _ = writeln!(
                    out,
                    "  - {}",
                    labelled(tr!("Actions liées", "Linked actions"), &actions_text(plan, actions))
                );
            }
        }
    }
    if n == 0 {
        nothing(out, tr!("Aucune note.", "No note."));
    } else {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_from_the_journal_cannot_start_a_list_of_its_own() {
        assert_eq!(inline("- suite"), "\\- suite");
        assert_eq!(inline("+"), "\\+");
        assert_eq!(inline("2020. Bilan"), "2020\\. Bilan");
        assert_eq!(inline("3) voir"), "3\\) voir");
        assert_eq!(inline("-5 % d'appels"), "-5 % d'appels");
        assert_eq!(inline("1.2 Diagnostic"), "1.2 Diagnostic");
        assert_eq!(inline("  # titre | x "), "\\# titre \\| x");
    }
}
