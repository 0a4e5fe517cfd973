//! Rescheduling an action (the `Reschedule` change) and the dates people type: `JJ/MM/AAAA` as
//! well as `AAAA-MM-JJ`. Pure, like `edit`: the callers pass the time and write the line.

use chrono::NaiveDate;

use super::edit::{Author, EditError, event};
use super::journal::{Change, Event};
use super::model::Date;
use super::state::{Entry, PlanState};

/// A date as a person types it: `JJ/MM/AAAA` (also `J/M/AAAA`, and `.` or `-` between the
/// parts) or `AAAA-MM-JJ`. `None` when it is not a real date.
pub fn parse_user_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if let Some(d) = Date::parse(t) {
        return Some(d);
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    let ok = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(d, 2) || !ok(m, 2) || y.len() != 4 || !ok(y, 4) {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).map(Date)
}

/// A date as a form shows it for editing: `JJ/MM/AAAA`.
pub fn user_date_text(d: Date) -> String {
    d.0.format("%d/%m/%Y").to_string()
}

/// A `Reschedule` line: the action's new due date, and why (the event's note).
pub fn reschedule(
    state: &PlanState,
    who: &Author,
    action: &str,
    due: Date,
    note: Option<String>,
) -> Result<Event, EditError> {
    let a = state.plan.action(action).ok_or_else(|| EditError::UnknownAction(action.to_string()))?;
    if let Some(start) = a.start
        && due < start
    {
        return Err(EditError::BadDate(due.to_string()));
    }
    Ok(event(state, who, Change::Reschedule { action: action.to_string(), due }, note))
}

/// For a `Reschedule` entry: the due date before it and the new one.
pub fn moved(entry: &Entry) -> Option<(Option<Date>, Date)> {
    match &entry.event.change {
        Change::Reschedule { due, .. } => Some((entry.due_before, *due)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_people_write_them() {
        assert_eq!(parse_user_date("31/12/2026"), Some(Date::ymd(2026, 12, 31)));
        assert_eq!(parse_user_date(" 1/2/2027 "), Some(Date::ymd(2027, 2, 1)));
        assert_eq!(parse_user_date("01.02.2027"), Some(Date::ymd(2027, 2, 1)));
        assert_eq!(parse_user_date("2027-02-01"), Some(Date::ymd(2027, 2, 1)));
        assert_eq!(parse_user_date("01-02-2027"), Some(Date::ymd(2027, 2, 1)));
        assert_eq!(parse_user_date("30/02/2027"), None, "not a real date");
        assert_eq!(parse_user_date("12/31/2026"), None, "month first is refused, not guessed");
        assert_eq!(parse_user_date("1/2/27"), None, "a two-digit year is ambiguous");
        assert_eq!(parse_user_date(""), None);
        assert_eq!(user_date_text(Date::ymd(2027, 2, 1)), "01/02/2027");
    }
}
