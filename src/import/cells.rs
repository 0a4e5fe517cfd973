//! Reading one cell as what its column holds: a date, a status, a list, an amount, a value.
//! Each function says in plain words why a cell is refused; the caller adds where it is.

use chrono::{Datelike, NaiveDate};

use super::read::Cell;
use crate::i18n::Lang;
use crate::plan::model::{Amount, Date, Direction, Status, Value, ValueKind};

/// A cell's text, `None` when empty.
pub fn text(cell: &Cell) -> Option<String> {
    let t = cell.text();
    if t.is_empty() { None } else { Some(t) }
}

/// Plausible dates as spreadsheet serial numbers: 1990-01-01 to 2099-12-31.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 32874.0..=73050.0;

/// A date: a spreadsheet date cell, `JJ/MM/AAAA` (also `J/M/AAAA`, with `-` or `.`), or
/// `AAAA-MM-JJ`.
pub fn date(l: Lang, cell: &Cell) -> Result<Option<Date>, String> {
    let bad = || {
        tr!(
            l,
            "date invalide : attendu une date du tableur, JJ/MM/AAAA ou AAAA-MM-JJ",
            "invalid date: expected a spreadsheet date, DD/MM/YYYY or YYYY-MM-DD"
        )
        .to_string()
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(Date(*d))),
        Cell::Number(n) if SERIAL_RANGE.contains(n) => {
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("the spreadsheet epoch");
            Ok(epoch.checked_add_days(chrono::Days::new(n.floor() as u64)).map(Date))
        }
        Cell::Text(_) => {
            let t = cell.text();
            if t.is_empty() {
                return Ok(None);
            }
            parse_date_text(&t).map(Some).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

/// `JJ/MM/AAAA` (or `J/M/AAAA`, `-` or `.` between) or `AAAA-MM-JJ`; the date must exist.
pub fn parse_date_text(t: &str) -> Option<Date> {
    let t = t.trim();
    let t = t.split(['T', ' ']).next().unwrap_or(t);
    if let Some(d) = Date::parse(t) {
        return Some(d);
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else { return None };
    if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    NaiveDate::from_ymd_opt(y, m, d).filter(|n| n.year() >= 1900).map(Date)
}

/// A status by its French or English name; empty is *not started*.
pub fn status(l: Lang, cell: &Cell) -> Result<Status, String> {
    match text(cell) {
        None => Ok(Status::NotStarted),
        Some(t) => crate::plan::edit::parse_status(&t).ok_or_else(|| {
            tr!(
                l,
                "statut inconnu : attendu non démarrée, en cours, réalisée ou abandonnée",
                "unknown status: expected not started, in progress, done or abandoned"
            )
            .to_string()
        }),
    }
}

/// Names separated by `;` or line breaks.
pub fn list(cell: &Cell) -> Vec<String> {
    cell.text().split([';', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// A whole, non-negative amount of euros: `442998`, `442 998 €`, `442998,00`.
pub fn amount(l: Lang, cell: &Cell) -> Result<Option<Amount>, String> {
    let bad = || {
        tr!(
            l,
            "montant invalide : attendu un nombre entier d'euros, positif ou nul",
            "invalid amount: expected a whole number of euros, zero or more"
        )
        .to_string()
    };
    match cell {
        Cell::Empty => Ok(None),
        Cell::Number(n) if *n >= 0.0 && n.fract() == 0.0 && *n < 9e15 => Ok(Some(Amount(*n as u64))),
        Cell::Text(_) => {
            let t = cell.text();
            if t.is_empty() {
                return Ok(None);
            }
            parse_amount_text(&t).map(Some).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

pub fn parse_amount_text(t: &str) -> Option<Amount> {
    let mut s: String = t.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€')).collect();
    if let Some(rest) = s.strip_suffix("EUR").or_else(|| s.strip_suffix("eur")) {
        s = rest.to_string();
    }
    for cents in [",00", ".00", ",0", ".0"] {
        if let Some(rest) = s.strip_suffix(cents) {
            s = rest.to_string();
            break;
        }
    }
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().map(Amount)
}

/// `funder: amount` pairs separated by `;` or line breaks.
pub fn funders(l: Lang, cell: &Cell) -> Result<Vec<(String, Amount)>, String> {
    let bad = || {
        tr!(
            l,
            "financeurs illisibles : attendu « financeur : montant » séparés par des points-virgules",
            "unreadable funders: expected \"funder: amount\" separated by semicolons"
        )
        .to_string()
    };
    let mut out = Vec::new();
    for part in list(cell) {
        let (name, amount) = part.rsplit_once(':').ok_or_else(bad)?;
        let name = name.trim();
        let amount = parse_amount_text(amount.trim()).ok_or_else(bad)?;
        if name.is_empty() {
            return Err(bad());
        }
        out.push((name.to_string(), amount));
    }
    Ok(out)
}

/// Which way is better: `hausse` (default) or `baisse`.
pub fn direction(l: Lang, cell: &Cell) -> Result<Direction, String> {
    let Some(t) = text(cell) else { return Ok(Direction::Increase) };
    match super::columns::squash_words(&t).as_str() {
        "hausse" | "augmentation" | "croissant" | "increase" | "up" | "higher" | "plus" => Ok(Direction::Increase),
        "baisse" | "diminution" | "decroissant" | "decrease" | "down" | "lower" | "moins" => Ok(Direction::Decrease),
        _ if t == "↑" || t == "+" => Ok(Direction::Increase),
        _ if t == "↓" || t == "-" => Ok(Direction::Decrease),
        _ => Err(tr!(l, "sens inconnu : attendu hausse ou baisse", "unknown direction: expected increase or decrease")
            .into()),
    }
}

/// An indicator's value, of the kind given (that of its first value when `None`): a number, yes/no,
/// or a text.
pub fn value(l: Lang, cell: &Cell, kind: Option<ValueKind>) -> Result<Option<Value>, String> {
    let expected = |k: ValueKind| -> String {
        match (k, l) {
            (ValueKind::Number, Lang::Fr) => {
                "valeur refusée : attendu un nombre, comme les autres valeurs de l'indicateur"
            }
            (ValueKind::Number, Lang::En) => "value refused: expected a number, as the indicator's other values",
            (ValueKind::Bool, Lang::Fr) => {
                "valeur refusée : attendu oui ou non, comme les autres valeurs de l'indicateur"
            }
            (ValueKind::Bool, Lang::En) => "value refused: expected yes or no, as the indicator's other values",
            (ValueKind::Text, Lang::Fr) => {
                "valeur refusée : attendu un texte, comme les autres valeurs de l'indicateur"
            }
            (ValueKind::Text, Lang::En) => "value refused: expected a text, as the indicator's other values",
        }
        .to_string()
    };
    let v = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => Value::Number(*n),
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Text(_) => {
            let t = cell.text();
            if t.is_empty() {
                return Ok(None);
            }
            match crate::plan::edit::parse_value(kind, &t) {
                Ok(v) => v,
                Err(_) => return Err(expected(kind.unwrap_or(ValueKind::Text))),
            }
        }
        Cell::Date(_) | Cell::Error(_) => {
            return Err(tr!(
                l,
                "valeur refusée : attendu un nombre, oui/non ou un texte",
                "value refused: expected a number, yes/no or a text"
            )
            .into());
        }
    };
    match kind {
        Some(k) if k != v.kind() => {
            // A number typed in a text indicator's cell is a text.
            if k == ValueKind::Text { Ok(Some(Value::Text(cell.text()))) } else { Err(expected(k)) }
        }
        _ => Ok(Some(v)),
    }
}

/// An id made from a name: lowercase, no accents, words joined by `-`.
pub fn slug(name: &str) -> String {
    let s = super::columns::squash_words(name).replace(' ', "-");
    if s.is_empty() { "x".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn dates_in_every_accepted_form() {
        let l = Lang::Fr;
        assert_eq!(date(l, &t("31/12/2019")), Ok(Some(Date::ymd(2019, 12, 31))));
        assert_eq!(date(l, &t("1/2/2020")), Ok(Some(Date::ymd(2020, 2, 1))));
        assert_eq!(date(l, &t("2019-12-31")), Ok(Some(Date::ymd(2019, 12, 31))));
        assert_eq!(date(l, &t("31.12.2019")), Ok(Some(Date::ymd(2019, 12, 31))));
        assert_eq!(date(l, &Cell::Number(43830.0)), Ok(Some(Date::ymd(2019, 12, 31))));
        assert_eq!(date(l, &t("")), Ok(None));
        assert!(date(l, &t("30/02/2020")).is_err());
        assert!(date(l, &t("12/31/2019")).is_err());
        assert!(date(l, &t("2019")).is_err());
        assert!(date(l, &Cell::Number(2019.0)).is_err());
        assert!(date(l, &t("demain")).is_err());
    }

    #[test]
    fn amounts_and_funders() {
        let l = Lang::Fr;
        assert_eq!(amount(l, &t("442 998 €")), Ok(Some(Amount(442998))));
        assert_eq!(amount(l, &t("442998,00")), Ok(Some(Amount(442998))));
        assert_eq!(amount(l, &Cell::Number(12.0)), Ok(Some(Amount(12))));
        assert!(amount(l, &Cell::Number(-1.0)).is_err());
        assert!(amount(l, &t("12,50")).is_err());
        assert!(amount(l, &t("-5")).is_err());
        assert_eq!(
            funders(l, &t("État : 221 499 ; Département: 221499")),
            Ok(vec![("État".into(), Amount(221499)), ("Département".into(), Amount(221499))])
        );
        assert!(funders(l, &t("État 221499")).is_err());
    }

    #[test]
    fn values_statuses_directions_lists() {
        let l = Lang::Fr;
        assert_eq!(value(l, &t("12,5"), None), Ok(Some(Value::Number(12.5))));
        assert_eq!(value(l, &t("oui"), Some(ValueKind::Bool)), Ok(Some(Value::Bool(true))));
        assert!(value(l, &t("douze"), Some(ValueKind::Number)).is_err());
        assert_eq!(value(l, &Cell::Number(3.0), Some(ValueKind::Text)), Ok(Some(Value::Text("3".into()))));
        assert_eq!(status(l, &t("Réalisée")), Ok(Status::Done));
        assert_eq!(status(l, &t("")), Ok(Status::NotStarted));
        assert!(status(l, &t("finie")).is_err());
        assert_eq!(direction(l, &t("Baisse")), Ok(Direction::Decrease));
        assert_eq!(list(&t("CAF ; CPAM\nLa Poste;")), vec!["CAF", "CPAM", "La Poste"]);
        assert_eq!(slug("Marie Légrand (CAF)"), "marie-legrand-caf");
    }
}
