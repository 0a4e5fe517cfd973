//! From the tables to a [`Plan`]: every cell read as its column says, every refused cell
//! collected (never the first only), the people named in pilots and referents gathered.

use std::collections::HashMap;

use super::Refusal;
use super::cells;
use super::columns::{Key, SheetKind, match_header};
use super::read::{Cell, Row, Table};
use crate::i18n::{Lang, lang};
use crate::plan::model::{
    Budget, Date, Funding, Indicator, Orientation, Period, Person, Plan, PlanAction, Point, ValueKind,
};
use crate::search::fold;

/// A sheet whose header row has been matched to columns.
struct Sheet<'a> {
    table: &'a Table,
    cols: HashMap<Key, usize>,
    headers: HashMap<usize, String>,
}

static EMPTY: Cell = Cell::Empty;

impl<'a> Sheet<'a> {
    fn new(kind: SheetKind, table: &'a Table, out: &mut Vec<Refusal>) -> Sheet<'a> {
        let sheet = Self::columns(kind, table, out);
        // A formula's error (#N/A, #DIV/0!…) is never taken for a value.
        for row in &table.rows {
            for (col, cell) in &row.cells {
                if let Cell::Error(e) = cell
                    && let Some(h) = sheet.headers.get(col)
                    && sheet.cols.values().any(|c| c == col)
                {
                    out.push(Refusal::at(
                        table,
                        row.number,
                        Some(*col),
                        h,
                        tr!("erreur de formule dans la cellule", "formula error in the cell").into(),
                        e,
                    ));
                }
            }
        }
        sheet
    }

    fn columns(kind: SheetKind, table: &'a Table, out: &mut Vec<Refusal>) -> Sheet<'a> {
        let mut cols = HashMap::new();
        let mut headers = HashMap::new();
        for (col, cell) in &table.header.cells {
            let h = cell.text();
            if h.is_empty() {
                continue;
            }
            headers.insert(*col, h.clone());
            let here = |reason: String| Refusal::at(table, table.header.number, Some(*col), "", reason, &h);
            match match_header(kind, &h) {
                None => out.push(here(tr!(
                    "colonne inconnue dans cette feuille (voir docs/import.md)".to_string(),
                    "unknown column in this sheet (see docs/import.md)".to_string()
                ))),
                Some(k) if cols.contains_key(&k) => out.push(here(tr!(
                    "colonne en double : la même information est déjà dans une autre colonne".to_string(),
                    "duplicate column: another column already holds this".to_string()
                ))),
                Some(k) => {
                    cols.insert(k, *col);
                }
            }
        }
        for c in kind.columns().iter().filter(|c| c.required && !cols.contains_key(&c.key)) {
            let name = if lang() == Lang::En { c.en } else { c.fr };
            out.push(Refusal::at(
                table,
                table.header.number,
                None,
                "",
                tr!(
                    format!("colonne obligatoire absente : « {name} »"),
                    format!("required column missing: \"{name}\"")
                ),
                "",
            ));
        }
        Sheet { table, cols, headers }
    }

    fn cell<'r>(&self, row: &'r Row, key: Key) -> &'r Cell {
        match self.cols.get(&key) {
            Some(c) => row.cells.iter().find(|(i, _)| i == c).map(|(_, c)| c).unwrap_or(&EMPTY),
            None => &EMPTY,
        }
    }

    fn text(&self, row: &Row, key: Key) -> Option<String> {
        cells::text(self.cell(row, key))
    }

    /// A refusal of the cell of `key` in `row`.
    fn refuse(&self, row: &Row, key: Key, reason: String) -> Refusal {
        let col = self.cols.get(&key).copied();
        let header = col.and_then(|c| self.headers.get(&c)).cloned().unwrap_or_default();
        Refusal::at(self.table, row.number, col, &header, reason, &self.cell(row, key).text())
    }

    /// Reads a cell with `f`, recording a refusal (and giving the default) when it fails.
    fn get<T: Default>(
        &self,
        row: &Row,
        key: Key,
        out: &mut Vec<Refusal>,
        f: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> T {
        match f(self.cell(row, key)) {
            Ok(v) => v,
            Err(reason) => {
                out.push(self.refuse(row, key, reason));
                T::default()
            }
        }
    }

    /// The rows holding something.
    fn rows(&self) -> impl Iterator<Item = &'a Row> {
        self.table.rows.iter()
    }
}

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
        self.add(Person { id: id.clone(), name: name.to_string(), org: None, role: None, login: None });
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
pub fn build(input_name: &str, tables: &[(SheetKind, Table)]) -> Result<Built, Vec<Refusal>> {
    let mut out = Vec::new();
    let mut assumed = Vec::new();
    let mut sheets: HashMap<SheetKind, Sheet> = HashMap::new();
    for (k, t) in tables {
        sheets.insert(*k, Sheet::new(*k, t, &mut out));
    }

    // People first, so that pilots and referents find them.
    let mut people = People::default();
    if let Some(s) = sheets.get(&SheetKind::People) {
        for row in s.rows() {
            let Some(name) = s.text(row, Key::PersonName) else {
                out.push(s.refuse(row, Key::PersonName, tr!("nom manquant", "name missing").into()));
                continue;
            };
            let id = s.text(row, Key::PersonId).unwrap_or_else(|| people.unique_id(&name));
            if people.list.iter().any(|p| p.id == id) {
                out.push(s.refuse(row, Key::PersonId, dup_id()));
                continue;
            }
            let org = s.text(row, Key::PersonOrg);
            let role = s.text(row, Key::PersonRole);
            let login = s.text(row, Key::PersonLogin);
            people.add(Person { id, name, org, role, login });
        }
    }

    // Actions.
    let mut rows: Vec<ActionRow> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut orientations: Vec<(Orientation, &Row)> = Vec::new();
    if let Some(s) = sheets.get(&SheetKind::Actions) {
        for row in s.rows() {
            let Some(id) = s.text(row, Key::Action) else {
                out.push(s.refuse(row, Key::Action, tr!("identifiant d'action manquant", "action id missing").into()));
                continue;
            };
            if index.contains_key(&id) {
                out.push(s.refuse(row, Key::Action, dup_id()));
                continue;
            }
            let title = s.text(row, Key::Title).unwrap_or_else(|| {
                out.push(s.refuse(row, Key::Title, tr!("titre manquant", "title missing").into()));
                String::new()
            });
            let start = s.get(row, Key::Start, &mut out, cells::date);
            let due = s.get(row, Key::Due, &mut out, cells::date);
            if let (Some(a), Some(b)) = (start, due)
                && a > b
            {
                out.push(s.refuse(
                    row,
                    Key::Due,
                    tr!("échéance avant le début de l'action", "due date before the action's start").into(),
                ));
            }
            let status = s.get(row, Key::Status, &mut out, cells::status);
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
                out.push(s.refuse(r.row, Key::Parent, tr!("action parente inconnue", "unknown parent action").into()));
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
                    tr!("l'action serait sa propre sous-action", "the action would be its own sub-action").into(),
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
                            format!("une sous-action est dans l'orientation de son action ({ro})"),
                            format!("a sub-action is in its action's orientation ({ro})")
                        ),
                    ));
                }
            }
        }
    }

    // Indicators.
    let mut indicators: HashMap<String, Vec<Indicator>> = HashMap::new();
    if let Some(s) = sheets.get(&SheetKind::Indicators) {
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
            let Some(action) = known_action(s, row, &index, &mut out) else { continue };
            let Some(name) = s.text(row, Key::Name) else {
                out.push(s.refuse(
                    row,
                    Key::Name,
                    tr!("nom de l'indicateur manquant", "indicator name missing").into(),
                ));
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
                out.push(s.refuse(row, Key::Indicator, dup_id()));
                continue;
            }
            let direction = s.get(row, Key::Direction, &mut out, cells::direction);
            // The kind of the indicator's values: that of its first target, else its baseline.
            let mut kind: Option<ValueKind> = None;
            let mut point = |date_key: Key, value_key: Key, out: &mut Vec<Refusal>| -> Option<Point> {
                let date = s.get(row, date_key, out, cells::date);
                let value = match cells::value(s.cell(row, value_key), kind) {
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
                            tr!("date manquante pour cette valeur", "date missing for this value").into(),
                        ));
                        None
                    }
                    (Some(_), None) => {
                        out.push(s.refuse(
                            row,
                            value_key,
                            tr!("valeur manquante pour cette date", "value missing for this date").into(),
                        ));
                        None
                    }
                    _ => None,
                }
            };
            let targets: Vec<Point> =
                ranks.iter().filter_map(|&n| point(Key::TargetDate(n), Key::TargetValue(n), &mut out)).collect();
            let baseline = point(Key::BaselineDate, Key::BaselineValue, &mut out);
            let unit = s.text(row, Key::Unit);
            let source = s.text(row, Key::Source);
            list.push(Indicator { id, name, unit, direction, baseline, targets, measurements: Vec::new(), source });
        }
    }

    // Measurements: each of an indicator of the Indicators sheet, of its kind.
    if let Some(s) = sheets.get(&SheetKind::Measurements) {
        for row in s.rows() {
            let Some(action) = known_action(s, row, &index, &mut out) else { continue };
            let Some(name) = s.text(row, Key::Indicator) else {
                out.push(s.refuse(row, Key::Indicator, tr!("indicateur manquant", "indicator missing").into()));
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
                            "indicateur inconnu pour cette action dans la feuille Indicateurs",
                            "no such indicator of this action in the Indicators sheet"
                        )
                        .into(),
                    ),
                );
                continue;
            };
            let ind = &mut list[i];
            let date = s.get(row, Key::MeasureDate, &mut out, cells::date);
            if date.is_none() && s.cell(row, Key::MeasureDate).is_empty() {
                out.push(s.refuse(row, Key::MeasureDate, tr!("date manquante", "date missing").into()));
            }
            let value = s.get(row, Key::MeasureValue, &mut out, |c| cells::value(c, ind.value_kind()));
            if value.is_none() && s.cell(row, Key::MeasureValue).is_empty() {
                out.push(s.refuse(row, Key::MeasureValue, tr!("valeur manquante", "value missing").into()));
            }
            if let (Some(date), Some(value)) = (date, value) {
                ind.measurements.push(Point { date, value, note: s.text(row, Key::Note), by: None });
            }
        }
    }

    // Budgets.
    let mut budgets: HashMap<String, Budget> = HashMap::new();
    if let Some(s) = sheets.get(&SheetKind::Budgets) {
        for row in s.rows() {
            let Some(action) = known_action(s, row, &index, &mut out) else { continue };
            if budgets.contains_key(&action) {
                out.push(
                    s.refuse(
                        row,
                        Key::Action,
                        tr!(
                            "cette action a déjà un budget (une ligne par action)",
                            "this action already has a budget (one row per action)"
                        )
                        .into(),
                    ),
                );
                continue;
            }
            let planned = s.get(row, Key::Planned, &mut out, cells::amount);
            if planned.is_none() && !s.cell(row, Key::Planned).is_empty() {
                continue;
            }
            let Some(planned) = planned else {
                out.push(s.refuse(row, Key::Planned, tr!("montant prévu manquant", "planned amount missing").into()));
                continue;
            };
            let committed = s.get(row, Key::Committed, &mut out, cells::amount).unwrap_or_default();
            let spent = s.get(row, Key::Spent, &mut out, cells::amount).unwrap_or_default();
            let funders = s
                .get(row, Key::Funders, &mut out, cells::funders)
                .into_iter()
                .map(|(funder, amount)| Funding { funder, amount })
                .collect();
            budgets.insert(action, Budget { planned, committed, spent, funders, note: s.text(row, Key::Note) });
        }
    }

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
                    tr!("la feuille Plan n'a qu'une ligne de données", "the Plan sheet has one data row only").into(),
                    "",
                ));
                continue;
            }
            title = s.text(row, Key::PlanTitle);
            short_title = s.text(row, Key::ShortTitle);
            territory = s.text(row, Key::Territory);
            adopted = s.get(row, Key::Adopted, &mut out, cells::date);
            start = s.get(row, Key::PeriodStart, &mut out, cells::date);
            end = s.get(row, Key::PeriodEnd, &mut out, cells::date);
            if let (Some(a), Some(b)) = (start, end)
                && a > b
            {
                out.push(s.refuse(
                    row,
                    Key::PeriodEnd,
                    tr!("fin de période avant son début", "period ends before it starts").into(),
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
        assumed.push(tr!("titre : le nom du fichier", "title: the file's name").into());
        input_name.to_string()
    });
    let territory = territory.unwrap_or_else(|| {
        assumed.push(tr!("territoire : non donné, à compléter", "territory: not given, to fill in").into());
        String::new()
    });
    let dates: Vec<Date> = rows.iter().flat_map(|r| [r.action.start, r.action.due]).flatten().chain(adopted).collect();
    let period_start = start.unwrap_or_else(|| {
        assumed.push(
            tr!("début de période : la première date des actions", "period start: the actions' earliest date").into(),
        );
        dates.iter().min().copied().or(end).unwrap_or_else(|| Date::ymd(Date::today().0.year(), 1, 1))
    });
    let period_end = end.unwrap_or_else(|| {
        assumed
            .push(tr!("fin de période : la dernière date des actions", "period end: the actions' latest date").into());
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

fn dup_id() -> String {
    tr!("identifiant déjà pris plus haut", "id already taken above").into()
}

/// The action a row of the indicators or budgets names, if the actions sheet has it.
fn known_action(s: &Sheet, row: &Row, index: &HashMap<String, usize>, out: &mut Vec<Refusal>) -> Option<String> {
    match s.text(row, Key::Action) {
        None => {
            out.push(s.refuse(row, Key::Action, tr!("action manquante", "action missing").into()));
            None
        }
        Some(a) if !index.contains_key(&a) => {
            out.push(s.refuse(
                row,
                Key::Action,
                tr!("action inconnue dans la feuille Actions", "no such action in the Actions sheet").into(),
            ));
            None
        }
        Some(a) => Some(a),
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
        let err = build("p", &actions(vec![row(2, vec![t("1"), t("Axe"), t("1-1"), Cell::Error("#N/A".into())])]))
            .unwrap_err();
        assert_eq!(err.len(), 1, "{err:?}");
        assert_eq!(err[0].place(), "p.xlsx:Actions:2:D");
        assert_eq!(err[0].value, "#N/A");
    }

    #[test]
    fn sub_actions_nest_in_row_order_and_cycles_are_refused() {
        let built = build(
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
