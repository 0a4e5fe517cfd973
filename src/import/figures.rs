//! The sheets about an action's figures: its indicators, their measurements, its budget.

use std::collections::HashMap;

use super::Refusal;
use super::cells;
use super::columns::Key;
use super::sheet::{Sheet, dup_id, known_action};
use crate::i18n::Lang;
use crate::plan::model::{Budget, Funding, Indicator, Point, ValueKind};
use crate::search::fold;

/// The indicators per action id; targets are the numbered `Date cible N` / `Valeur cible N`
/// columns, in the order of N; the values' kind is that of the first target, else the baseline.
pub(super) fn indicators(
    l: Lang,
    s: &Sheet,
    index: &HashMap<String, usize>,
    out: &mut Vec<Refusal>,
) -> HashMap<String, Vec<Indicator>> {
    let mut indicators: HashMap<String, Vec<Indicator>> = HashMap::new();
    let mut ranks: Vec<u8> = s
        .cols
        .keys()
        .filter_map(|k| match k {
            Key::TargetDate(n) | Key::TargetValue(n) => Some(*n),
            _ => None,
        })
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    for row in s.rows() {
        let Some(action) = known_action(l, s, row, index, out) else { continue };
        let Some(name) = s.text(row, Key::Name) else {
            out.push(s.refuse(row, Key::Name, tr!(l, "nom de l'indicateur manquant", "indicator name missing").into()));
            continue;
        };
        let list = indicators.entry(action.clone()).or_default();
        let id = match s.text(row, Key::Indicator) {
            Some(id) => id,
            None => {
                let base = cells::slug(&name);
                let mut id = base.clone();
                let mut n = 2;
                while list.iter().any(|i| i.id == id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                id
            }
        };
        if list.iter().any(|i| i.id == id) {
            out.push(s.refuse(row, Key::Indicator, dup_id(l)));
            continue;
        }
        let direction = s.get(row, Key::Direction, out, |c| cells::direction(l, c));
        // The kind of the indicator's values: that of its first target, else its baseline.
        let mut kind: Option<ValueKind> = None;
        let mut point = |date_key: Key, value_key: Key, out: &mut Vec<Refusal>| -> Option<Point> {
            let date = s.get(row, date_key, out, |c| cells::date(l, c));
            let value = match cells::value(l, s.cell(row, value_key), kind) {
                Ok(v) => v,
                Err(reason) => {
                    out.push(s.refuse(row, value_key, reason));
                    return None;
                }
            };
            match (date, value) {
                (Some(date), Some(value)) => {
                    kind.get_or_insert(value.kind());
                    Some(Point { date, value, note: None, by: None })
                }
                (None, Some(_)) if s.cell(row, date_key).is_empty() => {
                    out.push(s.refuse(
                        row,
                        date_key,
                        tr!(l, "date manquante pour cette valeur", "date missing for this value").into(),
                    ));
                    None
                }
                (Some(_), None) => {
                    out.push(s.refuse(
                        row,
                        value_key,
                        tr!(l, "valeur manquante pour cette date", "value missing for this date").into(),
                    ));
                    None
                }
                _ => None,
            }
        };
        let targets: Vec<Point> =
            ranks.iter().filter_map(|&n| point(Key::TargetDate(n), Key::TargetValue(n), out)).collect();
        let baseline = point(Key::BaselineDate, Key::BaselineValue, out);
        let unit = s.text(row, Key::Unit);
        let source = s.text(row, Key::Source);
        list.push(Indicator { id, name, unit, direction, baseline, targets, measurements: Vec::new(), source });
    }
    indicators
}

/// Each measurement of an indicator of the Indicators sheet (by id or name), of its kind.
pub(super) fn measurements(
    l: Lang,
    s: &Sheet,
    index: &HashMap<String, usize>,
    indicators: &mut HashMap<String, Vec<Indicator>>,
    out: &mut Vec<Refusal>,
) {
    for row in s.rows() {
        let Some(action) = known_action(l, s, row, index, out) else { continue };
        let Some(name) = s.text(row, Key::Indicator) else {
            out.push(s.refuse(row, Key::Indicator, tr!(l, "indicateur manquant", "indicator missing").into()));
            continue;
        };
        let list = indicators.entry(action).or_default();
        let found = match list.iter().position(|i| i.id == name) {
            Some(i) => Some(i),
            None => list.iter().position(|i| fold(&i.name) == fold(&name)),
        };
        let Some(i) = found else {
            out.push(
                s.refuse(
                    row,
                    Key::Indicator,
                    tr!(
                        l,
                        "indicateur inconnu pour cette action dans la feuille Indicateurs",
                        "no such indicator of this action in the Indicators sheet"
                    )
                    .into(),
                ),
            );
            continue;
        };
        let ind = &mut list[i];
        let date = s.get(row, Key::MeasureDate, out, |c| cells::date(l, c));
        if date.is_none() && s.cell(row, Key::MeasureDate).is_empty() {
            out.push(s.refuse(row, Key::MeasureDate, tr!(l, "date manquante", "date missing").into()));
        }
        let value = s.get(row, Key::MeasureValue, out, |c| cells::value(l, c, ind.value_kind()));
        if value.is_none() && s.cell(row, Key::MeasureValue).is_empty() {
            out.push(s.refuse(row, Key::MeasureValue, tr!(l, "valeur manquante", "value missing").into()));
        }
        if let (Some(date), Some(value)) = (date, value) {
            ind.measurements.push(Point { date, value, note: s.text(row, Key::Note), by: None });
        }
    }
}

/// One budget per action: the planned amount required, committed and spent 0 by default.
pub(super) fn budgets(
    l: Lang,
    s: &Sheet,
    index: &HashMap<String, usize>,
    out: &mut Vec<Refusal>,
) -> HashMap<String, Budget> {
    let mut budgets: HashMap<String, Budget> = HashMap::new();
    for row in s.rows() {
        let Some(action) = known_action(l, s, row, index, out) else { continue };
        if budgets.contains_key(&action) {
            out.push(
                s.refuse(
                    row,
                    Key::Action,
                    tr!(
                        l,
                        "cette action a déjà un budget (une ligne par action)",
                        "this action already has a budget (one row per action)"
                    )
                    .into(),
                ),
            );
            continue;
        }
        let planned = s.get(row, Key::Planned, out, |c| cells::amount(l, c));
        if planned.is_none() && !s.cell(row, Key::Planned).is_empty() {
            continue;
        }
        let Some(planned) = planned else {
            out.push(s.refuse(row, Key::Planned, tr!(l, "montant prévu manquant", "planned amount missing").into()));
            continue;
        };
        let committed = s.get(row, Key::Committed, out, |c| cells::amount(l, c)).unwrap_or_default();
        let spent = s.get(row, Key::Spent, out, |c| cells::amount(l, c)).unwrap_or_default();
        let funders = s
            .get(row, Key::Funders, out, |c| cells::funders(l, c))
            .into_iter()
            .map(|(funder, amount)| Funding { funder, amount })
            .collect();
        budgets.insert(action, Budget { planned, committed, spent, funders, note: s.text(row, Key::Note) });
    }
    budgets
}
