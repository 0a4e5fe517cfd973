//! Bringing a plan in from a spreadsheet (`copil import`), writing the empty template
//! (`copil template`) and a plan to start from (`copil new`).
//!
//! The template is described once, in [`columns`]; [`read`] turns a CSV file or a workbook into
//! tables of typed cells, [`build`] reads them into a [`Plan`](crate::plan::model::Plan) listing
//! every refused cell, [`ron_out`] writes the plan as commented RON laid out as the bundled plans,
//! [`template`] writes the template and the starter plan, and [`create`] writes a new file
//! without ever replacing one. See `docs/import.md`.

pub mod build;
pub mod cells;
pub mod columns;
pub mod create;
mod figures;
pub mod read;
pub mod ron_out;
mod sheet;
pub mod template;

use crate::lang::Localized;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::exit;
use crate::i18n::{self, Lang};
use crate::sanitize::sanitize;

/// A cell refused: `FILE:sheet:row:column`, the reason and the value.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub file: PathBuf,
    pub sheet: String,
    pub row: usize,
    /// 0-based column; `None` for a whole row or a missing column.
    pub col: Option<usize>,
    /// The column's header as written in the file.
    pub header: String,
    pub reason: String,
    pub value: String,
}

impl Refusal {
    pub fn at(t: &read::Table, row: usize, col: Option<usize>, header: &str, reason: String, value: &str) -> Refusal {
        Refusal {
            file: t.file.clone(),
            sheet: t.sheet.clone(),
            row,
            col,
            header: header.to_string(),
            reason,
            value: value.to_string(),
        }
    }

    /// `FILE:sheet:row:column` (the column as a spreadsheet letter).
    pub fn place(&self) -> String {
        let col = self.col.map(read::column_letter).unwrap_or_else(|| "-".into());
        format!("{}:{}:{}:{col}", self.file.display(), self.sheet, self.row)
    }
}

impl crate::lang::Localized for Refusal {
    fn fmt_in(&self, l: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", sanitize(&self.place()))?;
        if !self.header.is_empty() {
            write!(f, " ({})", sanitize(&self.header))?;
        }
        write!(f, " : {}", sanitize(&self.reason))?;
        if self.col.is_some() {
            if self.value.is_empty() {
                write!(f, "{}", tr!(l, " — valeur vide", " — empty value"))?;
            } else {
                let mut value: String = sanitize(&self.value).chars().take(80).collect();
                if self.value.chars().count() > 80 {
                    value.push('…');
                }
                write!(f, "{}", tr!(l, format!(" — valeur « {value} »"), format!(" — value \"{value}\"")))?;
            }
        }
        Ok(())
    }
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum ImportError {
    Unreadable(read::ReadError),
    Refused(Vec<Refusal>),
}

/// Reads the input and builds the plan (nothing is written).
pub fn import(l: Lang, input: &Path) -> Result<(build::Built, Vec<String>), ImportError> {
    let (tables, skipped) = read::read_input(l, input).map_err(ImportError::Unreadable)?;
    if !tables.iter().any(|(k, _)| *k == columns::SheetKind::Actions) {
        return Err(ImportError::Unreadable(read::ReadError {
            file: input.to_path_buf(),
            reason: tr!(
                l,
                "aucune feuille d'actions (en CSV : NOM.csv, les autres feuilles à côté ; voir docs/import.md)",
                "no actions sheet (in CSV: NAME.csv, the other sheets beside it; see docs/import.md)"
            )
            .into(),
        }));
    }
    let name = input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.split('.').next().unwrap_or(&name).to_string();
    let built = build::build(l, &name, &tables).map_err(ImportError::Refused)?;
    Ok((built, skipped))
}

/// Why a new plan cannot be created at `path`: something is there already, or a journal is
/// beside it (it belongs to another plan: replayed on the new one, it would change it).
fn refuse_plan_path(l: Lang, path: &Path) -> Option<String> {
    if let Err(e) = create::refuse_existing(path) {
        return Some(create::error_text(l, path, &e));
    }
    let journal = crate::store::load::journal_path(path);
    if journal.symlink_metadata().is_ok() {
        let j = journal.display();
        return Some(tr!(
            l,
            format!("{j} existe déjà : ce journal est celui d'un autre plan (déplacez-le ou choisissez un autre nom)"),
            format!("{j} already exists: that journal is another plan's (move it or choose another name)")
        ));
    }
    None
}

/// `copil import FILE -o PLAN.ron`: 0 written, 2 the input is refused (every refused cell listed,
/// nothing written), 3 the plan cannot be written (it exists, or the disk refuses).
pub fn run_import(l: Lang, input: &Path, output: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    if let Some(why) = refuse_plan_path(l, output) {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&why));
        return exit::NOT_WRITTEN;
    }
    let (built, skipped) = match import(l, input) {
        Ok(b) => b,
        Err(ImportError::Unreadable(e)) => {
            let _ = writeln!(
                err,
                "{}{}{}",
                i18n::label(l, i18n::ERROR.get(l)),
                i18n::label(l, &sanitize(&e.file.display().to_string())),
                sanitize(&e.reason)
            );
            return exit::INVALID;
        }
        Err(ImportError::Refused(list)) => {
            for r in &list {
                let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), r.in_lang(l));
            }
            let n = list.len();
            let _ = writeln!(
                err,
                "{}",
                tr!(
                    l,
                    format!("{n} cellule(s) refusée(s) : rien n'a été écrit"),
                    format!("{n} cell(s) refused: nothing was written")
                )
            );
            return exit::INVALID;
        }
    };
    for s in &skipped {
        let _ = writeln!(err, "{}", sanitize(&tr!(l, format!("feuille ignorée : {s}"), format!("sheet skipped: {s}"))));
    }
    let text = ron_out::write(&built, input);
    // What copil check would say, before anything is written.
    if let Err(d) = crate::store::load::parse_plan(l, output, &text) {
        let _ = writeln!(err, "{d}");
        return exit::INVALID;
    }
    if let Err(e) = create::create_new(output, text.as_bytes()) {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&create::error_text(l, output, &e)));
        return exit::NOT_WRITTEN;
    }
    let plan = &built.plan;
    let actions = plan.walk().count();
    let indicators: usize = plan.walk().map(|(_, a, _)| a.indicators.len()).sum();
    let _ = writeln!(
        out,
        "{}",
        sanitize(&tr!(
            l,
            format!(
                "{} écrit : {} orientation(s), {actions} action(s), {indicators} indicateur(s), {} personne(s)",
                output.display(),
                plan.orientations.len(),
                plan.people.len()
            ),
            format!(
                "{} written: {} orientation(s), {actions} action(s), {indicators} indicator(s), {} people",
                output.display(),
                plan.orientations.len(),
                plan.people.len()
            )
        ))
    );
    for a in &built.assumed {
        let _ = writeln!(out, "{}", sanitize(&tr!(l, format!("  à vérifier : {a}"), format!("  to check: {a}"))));
    }
    exit::SUCCESS
}

/// The formats of `copil template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateFormat {
    /// One CSV file per sheet: FILE (actions) and FILE's name with `.indicateurs`, `.mesures`,
    /// `.budgets`, `.personnes`, `.plan` before `.csv` (English names with --lang en).
    Csv,
    /// OpenDocument spreadsheet (LibreOffice).
    Ods,
    /// Excel workbook.
    Xlsx,
}

/// `copil template --format F -o FILE`: 0 written, 3 a file exists or cannot be written
/// (nothing is left behind).
pub fn run_template(l: Lang, format: TemplateFormat, output: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let english = l == Lang::En;
    let files = match template::render(format, output, english) {
        Ok(f) => f,
        Err(e) => {
            let _ = writeln!(err, "{}{e}", i18n::label(l, i18n::ERROR.get(l)));
            return exit::NOT_WRITTEN;
        }
    };
    match create::create_all(&files) {
        Ok(()) => {
            for (p, _) in &files {
                let _ = writeln!(out, "{}", sanitize(&p.display().to_string()));
            }
            exit::SUCCESS
        }
        Err((p, e)) => {
            let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&create::error_text(l, &p, &e)));
            exit::NOT_WRITTEN
        }
    }
}

/// `copil new PLAN.ron`: 0 written, 3 it exists or cannot be written.
pub fn run_new(l: Lang, output: &Path, out: &mut impl Write, err: &mut impl Write) -> i32 {
    if let Some(why) = refuse_plan_path(l, output) {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&why));
        return exit::NOT_WRITTEN;
    }
    let text = template::starter_plan(crate::plan::model::Date::today());
    if let Err(e) = create::create_new(output, text.as_bytes()) {
        let _ = writeln!(err, "{}{}", i18n::label(l, i18n::ERROR.get(l)), sanitize(&create::error_text(l, output, &e)));
        return exit::NOT_WRITTEN;
    }
    let _ = writeln!(
        out,
        "{}",
        sanitize(&tr!(
            l,
            format!("{} écrit : à compléter, puis « copil check {} »", output.display(), output.display()),
            format!("{} written: fill it in, then \"copil check {}\"", output.display(), output.display())
        ))
    );
    exit::SUCCESS
}
