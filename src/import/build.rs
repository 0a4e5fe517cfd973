//! From the tables to a [`Plan`]: every cell read as its column says, every refused cell
//! collected (never the first only), the people named in pilots and referents gathered.

use std::collections::HashMap;

use super::Refusal;
use super::cells;
use super::columns::{Key, SheetKind};
use super::figures;
use super::read::{Row, Table};
use super::sheet::{Sheet, dup_id};
use crate::i18n::Lang;
use crate::plan::model::{Date, Orientation, Period, Person, Plan, PlanAction};
use crate::search::fold;

/// The people of the plan: those of the People sheet, then everyone named in pilots or
/// referents, found by id or by name (case and accents ignored) or added.
#[derive(Default)]
struct People {
    list: Vec<Person>,
    by_key: HashMap<String, usize>,
}

impl People {
    fn add(&mut self, person: Person) {
        let i = self.list.len();
        self.by_key.entry(format!("id:{}", person.id)).or_insert(i);
        self.by_key.entry(format!("name:{}", fold(&person.name))).or_insert(i);
        self.list.push(person);
    }

    fn unique_id(&self, name: &str) -> String {
        let base = cells::slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.list.iter().any(|p| p.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// The id of the person named: by their exact id, else by their name (case and accents
    /// ignored); added when unknown.
    fn resolve(&mut self, name: &str) -> String {
        let by_id = self.by_key.get(&format!("id:{name}"));
        if let Some(&i) = by_id.or_else(|| self.by_key.get(&format!("name:{}", fold(name)))) {
            return self.list[i].id.clone();
        }
        let id = self.unique_id(name);
        self.add(Person {
            id: id.clone(),
            name: name.to_string(),
            org: None,
            role: None,
            login: None,
            ssh_keys: Vec::new(),
        });
        id
    }
}

/// An action row read, before the tree is built.
struct ActionRow<'a> {
    row: &'a Row,
    orientation: Option<String>,
    parent: Option<String>,
    action: PlanAction,
}

/// What the import made, and what it had to assume.
#[derive(Debug)]
pub struct Built {
    pub plan: Plan,
    /// Defaults taken (the title from the file name, the period from the actions' dates…).
    pub assumed: Vec<String>,
    /// Rows read per sheet: (sheet, file, rows).
    pub read: Vec<(String, std::path::PathBuf, usize)>,
}

/// Builds the plan from the tables; every refused cell is listed.
pub fn build(l: Lang, input_name: &str, tables: &[(SheetKind, Table)]) -> Result<Built, Vec<Refusal>> {
    let mut out = Vec::new();
    let mut assumed = Vec::new();
    let mut sheets: HashMap<SheetKind, Sheet> = HashMap::new();
    for (k, t) in tables {
        sheets.insert(*k, Sheet::new(l, *k, t, &mut out));
    }

    // People first, so that pilots and referents find them.
    let mut people = People::default();
    if let Some(s) = sheets.get(&SheetKind::People) {
        for row in s.rows() {
            let Some(name) = s.text(row, Key::PersonName) else {
                out.push(s.refuse(row, Key::PersonName, tr!(l, "nom manquant", "name missing").into()));
                continue;
            };
            let id = s.text(row, Key::PersonId).unwrap_or_else(|| people.unique_id(&name));
            if people.list.iter().any(|p| p.id == id) {
                out.push(s.refuse(row, Key::PersonId, dup_id(l)));
                continue;
            }
            let org = s.text(row, Key::PersonOrg);
            let role = s.text(row, Key::PersonRole);
            let login = s.text(row, Key::PersonLogin);
            people.add(Person { id, name, org, role, login, ssh_keys: Vec::new() });
        }
    }

    // Actions.
    let mut rows: Vec<ActionRow> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut orientations: Vec<(Orientation, &Row)> = Vec::new();
    if let Some(s) = sheets.get(&SheetKind::Actions) {
        for row in s.rows() {
            let Some(id) = s.text(row, Key::Action) else {
                out.push(s.refuse(
                    row,
                    Key::Action,
                    tr!(l, "identifiant d'action manquant", "action id missing").into(),
                ));
                continue;
            };
            if index.contains_key(&id) {
                out.push(s.refuse(row, Key::Action, dup_id(l)));
                continue;
            }
            let title = s.text(row, Key::Title).unwrap_or_else(|| {
                out.push(s.refuse(row, Key::Title, tr!(l, "titre manquant", "title missing").into()));
                String::new()
            });
            let start = s.get(row, Key::Start, &mut out, |c| cells::date(l, c));
            let due = s.get(row, Key::Due, &mut out, |c| cells::date(l, c));
            if let (Some(a), Some(b)) = (start, due)
                && a > b
            {
                out.push(s.refuse(
                    row,
                    Key::Due,
                    tr!(l, "échéance avant le début de l'action", "due date before the action's start").into(),
                ));
            }
            let status = s.get(row, Key::Status, &mut out, |c| cells::status(l, c));
            let pilots = cells::list(s.cell(row, Key::Pilots)).iter().map(|n| people.resolve(n)).collect();
            let referents = cells::list(s.cell(row, Key::Referents)).iter().map(|n| people.resolve(n)).collect();
            let action = PlanAction {
                id: id.clone(),
                title,
                description: s.text(row, Key::Description),
                status,
                pilots,
                partners: cells::list(s.cell(row, Key::Partners)),
                referents,
                start,
                due,
                tags: cells::list(s.cell(row, Key::Tags)),
                ..PlanAction::default()
            };
            let orientation = s.text(row, Key::Orientation);
            let parent = s.text(row, Key::Parent);
            if parent.is_none() && orientation.is_none() {
                out.push(
                    s.refuse(
                        row,
                        Key::Orientation,
                        tr!(
                            l,
                            "orientation manquante (obligatoire hors sous-action)",
                            "orientation missing (required unless a sub-action)"
                        )
                        .into(),
                    ),
                );
            }
            if let Some(o) = &orientation {
                let title = s.text(row, Key::OrientationTitle);
                let summary = s.text(row, Key::OrientationSummary);
                match orientations.iter_mut().find(|(x, _)| &x.id == o) {
                    None => orientations.push((
                        Orientation { id: o.clone(), title: title.unwrap_or_default(), summary, actions: Vec::new() },
                        row,
                    )),
                    Some((x, _)) => {
                        let conflicts = [
                            (Key::OrientationTitle, merge(&mut x.title, title)),
                            (Key::OrientationSummary, merge(x.summary.get_or_insert_with(String::new), summary)),
                        ];
                        if x.summary.as_deref() == Some("") {
                            x.summary = None;
                        }
                        for (key, have) in conflicts {
                            let Some(have) = have else { continue };
                            out.push(s.refuse(
                                row,
                                key,
                                tr!(
                                    l,
                                    format!("l'orientation {o} a déjà un autre texte : « {have} »"),
                                    format!("orientation {o} already has another text: \"{have}\"")
                                ),
                            ));
                        }
                    }
                }
            }
            index.insert(id, rows.len());
            rows.push(ActionRow { row, orientation, parent, action });
        }
        for (o, row) in &orientations {
            if o.title.is_empty() {
                out.push(s.refuse(
                    row,
                    Key::OrientationTitle,
                    tr!(
                        l,
                        format!("l'orientation {} n'a de titre sur aucune ligne", o.id),
                        format!("orientation {} has a title on no row", o.id)
                    ),
                ));
            }
        }
        // Parents: known, not the action itself nor one of its own sub-actions.
        for r in &rows {
            let Some(p) = &r.parent else { continue };
            if !index.contains_key(p) {
                out.push(s.refuse(
                    r.row,
                    Key::Parent,
                    tr!(l, "action parente inconnue", "unknown parent action").into(),
                ));
                continue;
            }
            let mut at = p.clone();
            let mut steps = 0;
            let cycle = loop {
                if at == r.action.id {
                    break true;
                }
                match rows[index[&at]].parent.clone() {
                    Some(next) if index.contains_key(&next) && steps < rows.len() => {
                        at = next;
                        steps += 1;
                    }
                    _ => break false,
                }
            };
            if cycle {
                out.push(s.refuse(
                    r.row,
                    Key::Parent,
                    tr!(l, "l'action serait sa propre sous-action", "the action would be its own sub-action").into(),
                ));
            } else if let Some(o) = &r.orientation {
                let root = root_of(&rows, &index, &r.action.id);
                if let Some(ro) = &rows[root].orientation
                    && ro != o
                {
                    out.push(s.refuse(
                        r.row,
                        Key::Orientation,
                        tr!(
                            l,
                            format!("une sous-action est dans l'orientation de son action ({ro})"),
                            format!("a sub-action is in its action's orientation ({ro})")
                        ),
                    ));
                }
            }
        }
    }

    let mut indicators = match sheets.get(&SheetKind::Indicators) {
        Some(s) => figures::indicators(l, s, &index, &mut out),
        None => HashMap::new(),
    };
    if let Some(s) = sheets.get(&SheetKind::Measurements) {
        figures::measurements(l, s, &index, &mut indicators, &mut out);
    }
    let mut budgets = match sheets.get(&SheetKind::Budgets) {
        Some(s) => figures::budgets(l, s, &index, &mut out),
        None => HashMap::new(),
    };

    // The plan's own fields.
    let (mut title, mut short_title, mut territory, mut adopted, mut start, mut end) =
        (None, None, None, None, None, None);
    if let Some(s) = sheets.get(&SheetKind::Plan) {
        for (i, row) in s.rows().enumerate() {
            if i > 0 {
                out.push(Refusal::at(
                    s.table,
                    row.number,
                    None,
                    "",
                    tr!(l, "la feuille Plan n'a qu'une ligne de données", "the Plan sheet has one data row only")
                        .into(),
                    "",
                ));
                continue;
            }
            title = s.text(row, Key::PlanTitle);
            short_title = s.text(row, Key::ShortTitle);
            territory = s.text(row, Key::Territory);
            adopted = s.get(row, Key::Adopted, &mut out, |c| cells::date(l, c));
            start = s.get(row, Key::PeriodStart, &mut out, |c| cells::date(l, c));
            end = s.get(row, Key::PeriodEnd, &mut out, |c| cells::date(l, c));
            if let (Some(a), Some(b)) = (start, end)
                && a > b
            {
                out.push(s.refuse(
                    row,
                    Key::PeriodEnd,
                    tr!(l, "fin de période avant son début", "period ends before it starts").into(),
                ));
            }
        }
    }
    if !out.is_empty() {
        return Err(out);
    }

    // The tree: sub-actions under their parents, actions under their orientations, in row order.
    let mut children: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(p) = &r.parent {
            children.entry(p.clone()).or_default().push(i);
        }
    }
    let mut slots: Vec<Option<PlanAction>> = rows
        .iter()
        .map(|r| {
            let mut a = r.action.clone();
            a.indicators = indicators.remove(&a.id).unwrap_or_default();
            a.budget = budgets.remove(&a.id);
            Some(a)
        })
        .collect();
    fn assemble(i: usize, slots: &mut [Option<PlanAction>], children: &HashMap<String, Vec<usize>>) -> PlanAction {
        let mut a = slots[i].take().expect("each action placed once");
        for &c in children.get(&a.id).map(Vec::as_slice).unwrap_or(&[]) {
            let sub = assemble(c, slots, children);
            a.sub_actions.push(sub);
        }
        a
    }
    let mut orientations: Vec<Orientation> = orientations.into_iter().map(|(o, _)| o).collect();
    for (i, r) in rows.iter().enumerate() {
        if r.parent.is_some() {
            continue;
        }
        let a = assemble(i, &mut slots, &children);
        if let Some(o) = orientations.iter_mut().find(|o| Some(&o.id) == r.orientation.as_ref()) {
            o.actions.push(a);
        }
    }

    // Defaults, said in the plan's header.
    let title = title.unwrap_or_else(|| {
        assumed.push(tr!(l, "titre : le nom du fichier", "title: the file's name").into());
        input_name.to_string()
    });
    let territory = territory.unwrap_or_else(|| {
        assumed.push(tr!(l, "territoire : non donné, à compléter", "territory: not given, to fill in").into());
        String::new()
    });
    let dates: Vec<Date> = rows.iter().flat_map(|r| [r.action.start, r.action.due]).flatten().chain(adopted).collect();
    let period_start = start.unwrap_or_else(|| {
        assumed.push(
            tr!(l, "début de période : la première date des actions", "period start: the actions' earliest date")
                .into(),
        );
        dates.iter().min().copied().or(end).unwrap_or_else(|| Date::ymd(Date::today().0.year(), 1, 1))
    });
    let period_end = end.unwrap_or_else(|| {
        assumed.push(
            tr!(l, "fin de période : la dernière date des actions", "period end: the actions' latest date").into(),
        );
        dates.iter().max().copied().filter(|d| *d >= period_start).unwrap_or(period_start)
    });
    let plan = Plan {
        format: crate::plan::validate::FORMAT_VERSION,
        title,
        short_title,
        territory,
        adopted,
        period: Period { start: period_start, end: period_end },
        people: people.list,
        bodies: Vec::new(),
        rights: None,
        orientations,
    };
    let read = tables.iter().map(|(_, t)| (t.sheet.clone(), t.file.clone(), t.rows.len())).collect();
    Ok(Built { plan, assumed, read })
}

use chrono::Datelike;

/// Fills an empty text with the one given; a different one given is a conflict: the text kept.
fn merge(have: &mut String, given: Option<String>) -> Option<String> {
    let given = given?;
    if have.is_empty() {
        *have = given;
        None
    } else if *have != given {
        Some(have.clone())
    } else {
        None
    }
}

fn root_of(rows: &[ActionRow], index: &HashMap<String, usize>, id: &str) -> usize {
    let mut i = index[id];
    for _ in 0..rows.len() {
        match rows[i].parent.as_ref().and_then(|p| index.get(p)) {
            Some(&p) => i = p,
            None => break,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::super::read::Cell;
    use super::*;
    use std::path::PathBuf;

    fn row(number: usize, cells: Vec<Cell>) -> Row {
        Row { number, cells: cells.into_iter().enumerate().collect() }
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn actions(rows: Vec<Row>) -> Vec<(SheetKind, Table)> {
        let header =
            row(1, vec![t("Orientation"), t("Titre de l'orientation"), t("Action"), t("Titre"), t("Action parente")]);
        vec![(SheetKind::Actions, Table { file: PathBuf::from("p.xlsx"), sheet: "Actions".into(), header, rows })]
    }

    #[test]
    fn a_formula_error_is_refused_not_imported() {
        let l = Lang::Fr;
        let err = build(l, "p", &actions(vec![row(2, vec![t("1"), t("Axe"), t("1-1"), Cell::Error("#N/A".into())])]))
            .unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].place(), "p.xlsx:Actions:2:D");
        assert_eq!(err[0].value, "#N/A");
    }

    #[test]
    fn sub_actions_nest_in_row_order_and_cycles_are_refused() {
        let l = Lang::Fr;
        let built = build(
            l,
            "p",
            &actions(vec![
                row(2, vec![t("1"), t("Axe"), t("1-1"), t("Une")]),
                row(3, vec![t(""), t(""), t("1-1-2"), t("Sous deux"), t("1-1")]),
                row(4, vec![t(""), t(""), t("1-1-2-a"), t("Sous-sous"), t("1-1-2")]),
                row(5, vec![t("1"), t(""), t("1-2"), t("Deux")]),
            ]),
        )
        .unwrap();
        let ids: Vec<(&str, usize)> = built.plan.walk().map(|(_, a, d)| (a.id.as_str(), d)).collect();
        assert_eq!(ids, vec![("1-1", 0), ("1-1-2", 1), ("1-1-2-a", 2), ("1-2", 0)]);

        let err = build(
            l,
            "p",
            &actions(vec![
                row(2, vec![t(""), t(""), t("a"), t("A"), t("b")]),
                row(3, vec![t(""), t(""), t("b"), t("B"), t("a")]),
                row(4, vec![t(""), t(""), t("c"), t("C"), t("zz")]),
                row(5, vec![t("2"), t(""), t("d"), t("D")]),
            ]),
        )
        .unwrap_err();
        let places: Vec<String> = err.iter().map(|r| r.place()).collect();
        assert_eq!(
            places,
            vec!["p.xlsx:Actions:5:B", "p.xlsx:Actions:2:E", "p.xlsx:Actions:3:E", "p.xlsx:Actions:4:E"]
        );
    }
}
