//! A sheet whose header row is matched to the template's columns, and reading its cells with
//! every refusal placed at `FILE:sheet:row:column`.

use std::collections::HashMap;

use super::Refusal;
use super::cells;
use super::columns::{Key, SheetKind, match_header};
use super::read::{Cell, Row, Table};
use crate::i18n::Lang;

/// A sheet whose header row has been matched to columns.
pub(super) struct Sheet<'a> {
    pub(super) table: &'a Table,
    pub(super) cols: HashMap<Key, usize>,
    headers: HashMap<usize, String>,
}

static EMPTY: Cell = Cell::Empty;

impl<'a> Sheet<'a> {
    pub(super) fn new(l: Lang, kind: SheetKind, table: &'a Table, out: &mut Vec<Refusal>) -> Sheet<'a> {
        let sheet = Self::columns(l, kind, table, out);
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
                        tr!(l, "erreur de formule dans la cellule", "formula error in the cell").into(),
                        e,
                    ));
                }
            }
        }
        sheet
    }

    fn columns(l: Lang, kind: SheetKind, table: &'a Table, out: &mut Vec<Refusal>) -> Sheet<'a> {
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
                    l,
                    "colonne inconnue dans cette feuille (voir docs/import.md)".to_string(),
                    "unknown column in this sheet (see docs/import.md)".to_string()
                ))),
                Some(k) if cols.contains_key(&k) => out.push(here(tr!(
                    l,
                    "colonne en double : la même information est déjà dans une autre colonne".to_string(),
                    "duplicate column: another column already holds this".to_string()
                ))),
                Some(k) => {
                    cols.insert(k, *col);
                }
            }
        }
        for c in kind.columns().iter().filter(|c| c.required && !cols.contains_key(&c.key)) {
            let name = if l == Lang::En { c.en } else { c.fr };
            out.push(Refusal::at(
                table,
                table.header.number,
                None,
                "",
                tr!(
                    l,
                    format!("colonne obligatoire absente : « {name} »"),
                    format!("required column missing: \"{name}\"")
                ),
                "",
            ));
        }
        Sheet { table, cols, headers }
    }

    pub(super) fn cell<'r>(&self, row: &'r Row, key: Key) -> &'r Cell {
        match self.cols.get(&key) {
            Some(c) => row.cells.iter().find(|(i, _)| i == c).map(|(_, c)| c).unwrap_or(&EMPTY),
            None => &EMPTY,
        }
    }

    pub(super) fn text(&self, row: &Row, key: Key) -> Option<String> {
        cells::text(self.cell(row, key))
    }

    /// A refusal of the cell of `key` in `row`.
    pub(super) fn refuse(&self, row: &Row, key: Key, reason: String) -> Refusal {
        let col = self.cols.get(&key).copied();
        let header = col.and_then(|c| self.headers.get(&c)).cloned().unwrap_or_default();
        Refusal::at(self.table, row.number, col, &header, reason, &self.cell(row, key).text())
    }

    /// Reads a cell with `f`, recording a refusal (and giving the default) when it fails.
    pub(super) fn get<T: Default>(
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
    pub(super) fn rows(&self) -> impl Iterator<Item = &'a Row> {
        self.table.rows.iter()
    }
}

pub(super) fn dup_id(l: Lang) -> String {
    tr!(l, "identifiant déjà pris plus haut", "id already taken above").into()
}

/// The action a row of the indicators or budgets names, if the actions sheet has it.
pub(super) fn known_action(
    l: Lang,
    s: &Sheet,
    row: &Row,
    index: &HashMap<String, usize>,
    out: &mut Vec<Refusal>,
) -> Option<String> {
    match s.text(row, Key::Action) {
        None => {
            out.push(s.refuse(row, Key::Action, tr!(l, "action manquante", "action missing").into()));
            None
        }
        Some(a) if !index.contains_key(&a) => {
            out.push(s.refuse(
                row,
                Key::Action,
                tr!(l, "action inconnue dans la feuille Actions", "no such action in the Actions sheet").into(),
            ));
            None
        }
        Some(a) => Some(a),
    }
}
