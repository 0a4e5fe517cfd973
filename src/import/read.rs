//! Reading the tables: a CSV file (`,`, `;` or tab, with or without a BOM, UTF-8 or Windows-1252)
//! or a workbook (XLSX, XLS, ODS, through calamine) into [`Table`]s of typed cells that know their
//! place (`FILE:sheet:row:column`).

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::columns::SheetKind;
use crate::i18n::Lang;

/// One cell's content, as the file gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell the spreadsheet itself types as a date.
    Date(NaiveDate),
    /// A formula error (`#DIV/0!`…).
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text: numbers without a useless `.0`, dates as `JJ/MM/AAAA`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.replace("\r\n", "\n").replace('\r', "\n").trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(true) => "oui".into(),
            Cell::Bool(false) => "non".into(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A row of a table: its number in the file (1-based, as a spreadsheet shows it) and its cells,
/// each with its column number (0-based: A is 0).
#[derive(Clone, Debug)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<(usize, Cell)>,
}

/// One sheet (or CSV file): where it comes from, its header row and data rows.
#[derive(Clone, Debug)]
pub struct Table {
    pub file: PathBuf,
    pub sheet: String,
    pub header: Row,
    pub rows: Vec<Row>,
}

/// The spreadsheet name of a 0-based column: A, B, … Z, AA… (one function for the documents
/// and the import).
pub use crate::doc::sheet::column_letters as column_letter;

/// A file that cannot be read at all.
#[derive(Debug)]
pub struct ReadError {
    pub file: PathBuf,
    pub reason: String,
}

/// Reads a whole regular file without following it into a FIFO or a device (opened non-blocking,
/// checked to be a regular file before reading).
pub fn read_regular(l: Lang, path: &Path) -> Result<Vec<u8>, ReadError> {
    let fail = |reason: String| ReadError { file: path.to_path_buf(), reason };
    let mut opts = std::fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc_nonblock());
    }
    let mut f = opts.open(path).map_err(|e| fail(crate::i18n::io_reason(l, &e)))?;
    let meta = f.metadata().map_err(|e| fail(crate::i18n::io_reason(l, &e)))?;
    if !meta.is_file() {
        return Err(fail(tr!(l, "ce n'est pas un fichier ordinaire", "it is not a regular file").into()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    f.read_to_end(&mut bytes).map_err(|e| fail(crate::i18n::io_reason(l, &e)))?;
    Ok(bytes)
}

#[cfg(unix)]
fn libc_nonblock() -> i32 {
    // O_NONBLOCK: 0o4000 on Linux and the BSDs' 0x0004 on macOS.
    if cfg!(any(
        target_os = "macos",
        target_os = "ios",
        target_os = "freebsd",
        target_os = "openbsd",
        target_os = "netbsd"
    )) {
        0x0004
    } else {
        0o4000
    }
}

/// Is this file a CSV (by its extension)?
pub fn is_csv(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).as_deref(),
        Some("csv" | "txt" | "tsv")
    )
}

/// Decodes a CSV file's bytes: UTF-8 (a BOM is dropped), else Windows-1252 (what a French Excel
/// writes by default).
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The delimiter of a CSV text: the one of `;`, `,` and tab found most often outside quotes in
/// its first line.
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ';' if !quoted => counts[0] += 1,
            ',' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(1);
    [b';', b',', b'\t'][best]
}

/// Parses CSV text into a table named after `sheet`.
pub fn csv_table(l: Lang, file: &Path, sheet: &str, text: &str) -> Result<Table, ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError {
            file: file.to_path_buf(),
            reason: match e.position() {
                Some(p) => tr!(
                    l,
                    format!("CSV illisible ligne {} : {e}", p.line()),
                    format!("unreadable CSV at line {}: {e}", p.line())
                ),
                None => tr!(l, format!("CSV illisible : {e}"), format!("unreadable CSV: {e}")),
            },
        })?;
        // The line where the record starts (the reader's own line count skips blank lines).
        let number = match record.position() {
            Some(p) => {
                let at = (p.byte() as usize).min(text.len());
                let skipped = text[at..].len() - text[at..].trim_start_matches(['\r', '\n']).len();
                text[..at + skipped].matches('\n').count() + 1
            }
            None => rows.len() + 1,
        };
        let cells = record.iter().enumerate().map(|(i, s)| (i, Cell::Text(s.to_string()))).collect();
        rows.push(Row { number, cells });
    }
    Ok(split_header(file, sheet, rows))
}

/// The first non-empty row is the header; empty rows are dropped.
fn split_header(file: &Path, sheet: &str, rows: Vec<Row>) -> Table {
    let mut rows: Vec<Row> = rows.into_iter().filter(|r| r.cells.iter().any(|(_, c)| !c.is_empty())).collect();
    let header = if rows.is_empty() { Row { number: 1, cells: Vec::new() } } else { rows.remove(0) };
    Table { file: file.to_path_buf(), sheet: sheet.to_string(), header, rows }
}

impl Table {
    /// Skips title rows above the headers: when the first row names no column of this sheet but
    /// one of the next five names at least two, that one is the header row.
    pub fn find_header(&mut self, kind: SheetKind) {
        let known =
            |r: &Row| r.cells.iter().filter(|(_, c)| super::columns::match_header(kind, &c.text()).is_some()).count();
        if known(&self.header) > 0 {
            return;
        }
        if let Some(i) = self.rows.iter().take(5).position(|r| known(r) >= 2) {
            let mut rest = self.rows.split_off(i);
            self.header = rest.remove(0);
            self.rows = rest;
        }
    }
}

/// Every sheet of a workbook (XLSX, XLS, ODS), in order.
pub fn workbook_tables(l: Lang, file: &Path, bytes: Vec<u8>) -> Result<Vec<Table>, ReadError> {
    use calamine::{Data, Reader};
    let fail = |e: &dyn std::fmt::Display| ReadError {
        file: file.to_path_buf(),
        reason: tr!(
            l,
            format!("classeur illisible (XLSX, XLS ou ODS attendu) : {e}"),
            format!("unreadable workbook (expected XLSX, XLS or ODS): {e}")
        ),
    };
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| fail(&e))?;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(|e| fail(&e))?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, r) in range.rows().enumerate() {
            let cells = r
                .iter()
                .enumerate()
                .map(|(j, d)| {
                    let cell = match d {
                        Data::Empty => Cell::Empty,
                        Data::String(s) => Cell::Text(s.clone()),
                        Data::Int(n) => Cell::Number(*n as f64),
                        Data::Float(f) => Cell::Number(*f),
                        Data::Bool(b) => Cell::Bool(*b),
                        Data::DateTime(dt) => excel_date(dt),
                        Data::DateTimeIso(s) => iso_date(s),
                        Data::DurationIso(s) => Cell::Text(s.clone()),
                        Data::Error(e) => Cell::Error(format!("{e}")),
                    };
                    (left as usize + j, cell)
                })
                .collect();
            rows.push(Row { number: top as usize + i + 1, cells });
        }
        tables.push(split_header(file, &name, rows));
    }
    Ok(tables)
}

fn excel_date(dt: &calamine::ExcelDateTime) -> Cell {
    if dt.is_duration() {
        return Cell::Number(dt.as_f64());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
        .map(Cell::Date)
        .unwrap_or(Cell::Number(dt.as_f64()))
}

fn iso_date(s: &str) -> Cell {
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d").map(Cell::Date).unwrap_or_else(|_| Cell::Text(s.to_string()))
}

/// The sheet kind of a CSV file from its name: `NAME.indicateurs.csv` is the indicators of
/// `NAME.csv`; any other name holds actions.
pub fn csv_kind(path: &Path) -> SheetKind {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    stem.rsplit_once('.').and_then(|(_, k)| SheetKind::from_name(k)).unwrap_or(SheetKind::Actions)
}

/// The files of a CSV template, given any one of them: `NAME.csv` (or `NAME.actions.csv`) and
/// the `NAME.SHEET.csv` beside it that exist, SHEET in French or English.
pub fn csv_siblings(path: &Path) -> Vec<(SheetKind, PathBuf)> {
    let ext = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_else(|| "csv".into());
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let base = match stem.rsplit_once('.') {
        Some((b, k)) if SheetKind::from_name(k).is_some() => b.to_string(),
        _ => stem.clone(),
    };
    let mut out = Vec::new();
    for kind in SheetKind::ALL {
        let (fr, en) = kind.names();
        let mut candidates: Vec<String> = vec![format!("{base}.{}.{ext}", fr.to_lowercase())];
        if en != fr {
            candidates.push(format!("{base}.{}.{ext}", en.to_lowercase()));
        }
        if kind == SheetKind::Actions {
            candidates.insert(0, format!("{base}.{ext}"));
        }
        for c in candidates {
            let p = path.with_file_name(&c);
            // Anything there counts (a symlink or a FIFO is then refused, not silently left out).
            if p.symlink_metadata().is_ok() || (kind == csv_kind(path) && p == path) {
                out.push((kind, p));
                break;
            }
        }
    }
    if !out.iter().any(|(k, _)| *k == csv_kind(path)) {
        out.push((csv_kind(path), path.to_path_buf()));
    }
    out
}

/// The tables read, each with its kind, and the names of the sheets skipped.
pub type Input = (Vec<(SheetKind, Table)>, Vec<String>);

/// Reads the input: a CSV file with its siblings, or a workbook's sheets. Each table comes with
/// its kind: a sheet whose name is no known sheet is the actions if it comes first and no sheet
/// is named so, else it is skipped (and said to be).
pub fn read_input(l: Lang, path: &Path) -> Result<Input, ReadError> {
    let mut skipped = Vec::new();
    if is_csv(path) {
        let mut out = Vec::new();
        for (kind, file) in csv_siblings(path) {
            // The file named is the user's to choose; a file found beside it is never a symlink.
            if file != path && file.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(ReadError {
                    file,
                    reason: tr!(
                        l,
                        "lien symbolique trouvé à côté du fichier importé : non suivi (copiez le fichier)",
                        "symbolic link found beside the imported file: not followed (copy the file)"
                    )
                    .into(),
                });
            }
            let text = decode(&read_regular(l, &file)?);
            let name = match l {
                Lang::Fr => kind.names().0,
                Lang::En => kind.names().1,
            };
            let mut table = csv_table(l, &file, name, &text)?;
            table.find_header(kind);
            out.push((kind, table));
        }
        return Ok((out, skipped));
    }
    let tables = workbook_tables(l, path, read_regular(l, path)?)?;
    let named_actions = tables.iter().any(|t| SheetKind::from_name(&t.sheet) == Some(SheetKind::Actions));
    let mut out: Vec<(SheetKind, Table)> = Vec::new();
    for (i, mut t) in tables.into_iter().enumerate() {
        let kind = SheetKind::from_name(&t.sheet).or((i == 0 && !named_actions).then_some(SheetKind::Actions));
        if let Some(k) = kind {
            t.find_header(k);
        }
        match SheetKind::from_name(&t.sheet) {
            Some(k) if out.iter().any(|(o, _)| *o == k) => skipped.push(t.sheet),
            Some(k) => out.push((k, t)),
            None if i == 0 && !named_actions => out.push((SheetKind::Actions, t)),
            None => skipped.push(t.sheet),
        }
    }
    Ok((out, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn delimiters_and_encodings() {
        assert_eq!(sniff_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(sniff_delimiter("a,b,c\n1;2"), b',');
        assert_eq!(sniff_delimiter("\"a;b\",c\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\n"), b'\t');
        assert_eq!(decode(b"\xEF\xBB\xBFStatut;\xC3\xA9"), "Statut;é");
        assert_eq!(decode(b"R\xe9f\xe9rents;\x80"), "Référents;€");
    }

    #[test]
    fn csv_rows_keep_their_line_numbers_and_skip_empty_lines() {
        let l = Lang::Fr;
        let t = csv_table(l, Path::new("x.csv"), "Actions", "a;b\n\n1;\"deux\nlignes\"\n3;4\n").unwrap();
        assert_eq!(t.header.number, 1);
        assert_eq!(t.rows.iter().map(|r| r.number).collect::<Vec<_>>(), vec![3, 5]);
        assert_eq!(t.rows[0].cells[1].1.text(), "deux\nlignes");
    }

    #[test]
    fn a_title_row_above_the_headers_is_skipped() {
        let l = Lang::Fr;
        let mut t =
            csv_table(l, Path::new("x.csv"), "Actions", "Plan d'actions 2024;;\nOrientation;Action;Titre\n1;1-1;Une\n")
                .unwrap();
        t.find_header(SheetKind::Actions);
        assert_eq!(t.header.number, 2);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].number, 3);
        let mut plain = csv_table(l, Path::new("x.csv"), "Actions", "Orientation;Action;Titre\n1;1-1;Une\n").unwrap();
        plain.find_header(SheetKind::Actions);
        assert_eq!(plain.header.number, 1);
    }
}
