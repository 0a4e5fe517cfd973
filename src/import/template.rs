//! The empty template with one example row per sheet (CSV, ODS, XLSX), and the small commented
//! plan `copil new` writes.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::Datelike;

use super::TemplateFormat;
use super::cells::parse_date_text;
use super::columns::{Column, Key, SheetKind, header};
use crate::plan::model::Date;

/// Is this column a date?
fn is_date(key: Key) -> bool {
    matches!(
        key,
        Key::Adopted
            | Key::PeriodStart
            | Key::PeriodEnd
            | Key::Start
            | Key::Due
            | Key::BaselineDate
            | Key::TargetDate(_)
    )
}

/// Is this column's example a number a spreadsheet should hold as one?
fn is_number(key: Key) -> bool {
    matches!(
        key,
        Key::BaselineValue | Key::TargetValue(_) | Key::MeasureValue | Key::Planned | Key::Committed | Key::Spent
    )
}

/// One cell of the template.
enum Out {
    Text(String),
    Number(f64),
    Date(Date),
}

/// The header row and the example row of a sheet.
fn sheet_rows(kind: SheetKind, english: bool) -> (Vec<String>, Vec<Out>) {
    let cols: &[Column] = kind.columns();
    let headers = cols.iter().map(|c| header(kind, c.key, english)).collect();
    let example = cols
        .iter()
        .map(|c| {
            let ex = c.example;
            if is_date(c.key)
                && let Some(d) = parse_date_text(ex)
            {
                return Out::Date(d);
            }
            if is_number(c.key)
                && let Ok(n) = ex.parse::<f64>()
            {
                return Out::Number(n);
            }
            Out::Text(ex.to_string())
        })
        .collect();
    (headers, example)
}

fn sheet_name(kind: SheetKind, english: bool) -> &'static str {
    if english { kind.names().1 } else { kind.names().0 }
}

/// The files of the template: one for XLSX and ODS, one per sheet for CSV.
pub fn render(format: TemplateFormat, output: &Path, english: bool) -> Result<Vec<(PathBuf, Vec<u8>)>, String> {
    match format {
        TemplateFormat::Csv => Ok(csv_files(output, english)),
        TemplateFormat::Xlsx => xlsx(english).map(|b| vec![(output.to_path_buf(), b)]),
        TemplateFormat::Ods => ods(english).map(|b| vec![(output.to_path_buf(), b)]).map_err(|e| e.to_string()),
    }
}

/// CSV: `NAME.csv` holds the actions, `NAME.indicateurs.csv` (`NAME.indicators.csv` in English)
/// and so on the other sheets. French: `;` and a BOM, as a French spreadsheet expects; English:
/// `,` and no BOM.
fn csv_files(output: &Path, english: bool) -> Vec<(PathBuf, Vec<u8>)> {
    let ext = output.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_else(|| "csv".into());
    let stem = output.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "plan".into());
    let base = match stem.rsplit_once('.') {
        Some((b, k)) if SheetKind::from_name(k).is_some() => b.to_string(),
        _ => stem,
    };
    SheetKind::ALL
        .iter()
        .map(|&kind| {
            let name = if kind == SheetKind::Actions {
                format!("{base}.{ext}")
            } else {
                format!("{base}.{}.{ext}", sheet_name(kind, english).to_lowercase())
            };
            let (headers, example) = sheet_rows(kind, english);
            let mut w = csv::WriterBuilder::new().delimiter(if english { b',' } else { b';' }).from_writer(Vec::new());
            let _ = w.write_record(&headers);
            let row: Vec<String> = example
                .iter()
                .map(|c| match c {
                    Out::Text(t) => t.clone(),
                    Out::Number(n) => format!("{n}"),
                    Out::Date(d) if english => d.to_string(),
                    Out::Date(d) => d.0.format("%d/%m/%Y").to_string(),
                })
                .collect();
            let _ = w.write_record(&row);
            let mut bytes = if english { Vec::new() } else { b"\xEF\xBB\xBF".to_vec() };
            bytes.extend(w.into_inner().unwrap_or_default());
            (output.with_file_name(name), bytes)
        })
        .collect()
}

fn xlsx(english: bool) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format(if english { "yyyy-mm-dd" } else { "dd/mm/yyyy" });
    let wrap = Format::new().set_text_wrap();
    let mut book = Workbook::new();
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    for kind in SheetKind::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(kind, english)).map_err(e)?;
        let (headers, example) = sheet_rows(kind, english);
        for (c, h) in headers.iter().enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, h, &bold).map_err(e)?;
            sheet.set_column_width(c, (h.chars().count() as f64 + 4.0).max(14.0)).map_err(e)?;
        }
        for (c, v) in example.iter().enumerate() {
            let c = c as u16;
            match v {
                Out::Text(t) if t.is_empty() => {}
                Out::Text(t) => {
                    sheet.write_string_with_format(1, c, t, &wrap).map_err(e)?;
                }
                Out::Number(n) => {
                    sheet.write_number(1, c, *n).map_err(e)?;
                }
                Out::Date(d) => {
                    let (y, m, dd) = (d.0.year() as u16, d.0.month() as u8, d.0.day() as u8);
                    let dt = ExcelDateTime::from_ymd(y, m, dd).map_err(e)?;
                    sheet.write_datetime_with_format(1, c, &dt, &date).map_err(e)?;
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(e)?;
    }
    book.save_to_buffer().map_err(e)
}

fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

fn ods_cell(o: &mut String, v: &Out, english: bool, head: bool) {
    match v {
        Out::Text(t) if t.is_empty() => o.push_str("<table:table-cell/>"),
        Out::Text(t) => {
            o.push_str(if head {
                "<table:table-cell table:style-name=\"head\" office:value-type=\"string\">"
            } else {
                "<table:table-cell office:value-type=\"string\">"
            });
            for line in t.split('\n') {
                o.push_str(&format!("<text:p>{}</text:p>", xml_escape(line)));
            }
            o.push_str("</table:table-cell>");
        }
        Out::Number(n) => o.push_str(&format!(
            "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
        )),
        Out::Date(d) => {
            let shown = if english { d.to_string() } else { d.0.format("%d/%m/%Y").to_string() };
            o.push_str(&format!(
                "<table:table-cell table:style-name=\"date\" office:value-type=\"date\" office:date-value=\"{d}\"><text:p>{shown}</text:p></table:table-cell>"
            ))
        }
    }
}

const ODS_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0""#;

/// An OpenDocument spreadsheet: `mimetype` first and stored, the manifest, the content.
fn ods(english: bool) -> zip::result::ZipResult<Vec<u8>> {
    let mut content =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} office:version="1.2">"#);
    content.push_str("<office:automatic-styles>");
    if english {
        content.push_str(r#"<number:date-style style:name="N1"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>"#);
    } else {
        content.push_str(r#"<number:date-style style:name="N1"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>"#);
    }
    content.push_str(r#"<style:style style:name="date" style:family="table-cell" style:data-style-name="N1"/><style:style style:name="head" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:spreadsheet>"#);
    for kind in SheetKind::ALL {
        let (headers, example) = sheet_rows(kind, english);
        content.push_str(&format!("<table:table table:name=\"{}\">", xml_escape(sheet_name(kind, english))));
        content.push_str(&format!("<table:table-column table:number-columns-repeated=\"{}\"/>", headers.len()));
        content.push_str("<table:table-row>");
        for h in headers {
            ods_cell(&mut content, &Out::Text(h), english, true);
        }
        content.push_str("</table:table-row><table:table-row>");
        for v in &example {
            ods_cell(&mut content, v, english, false);
        }
        content.push_str("</table:table-row></table:table>");
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored)?;
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")?;
    zip.start_file("META-INF/manifest.xml", stored)?;
    zip.write_all(manifest.as_bytes())?;
    zip.start_file("content.xml", stored)?;
    zip.write_all(content.as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

/// The small commented plan of `copil new`: valid as it is (`copil check` accepts it), to fill in.
pub fn starter_plan(today: Date) -> String {
    let y = today.0.year();
    let end = y + 5;
    format!(
        r#"// A new plan, written by `copil new` on {today}. Replace the examples with your own, then run
// `copil check` on this file. The format is described in docs/plan-format.md; dates are
// "YYYY-MM-DD", amounts whole euros. A plan already in a spreadsheet comes in with `copil import`.
#![enable(implicit_some)]
Plan(
    format: 1,
    title: "Schéma départemental d'amélioration de l'accessibilité des services au public",
    short_title: "SDAASP",                      // shown in headers and on the projected screen
    territory: "Mon département",
    period: (start: "{y}-01-01", end: "{end}-12-31"),
    people: [
        // Who keeps actions up to date (`referents`) and sits in the bodies; `login` is their
        // system account, so that their changes carry their name.
        Person(id: "referent", name: "Prénom Nom", org: "Préfecture", role: "Cellule technique"),
    ],
    bodies: [
        Body(id: "copil", name: "Comité de pilotage", kind: Copil, cadence: "annuel"),
        Body(id: "cotech", name: "Comité technique", kind: Cotech, cadence: "semestriel", members: ["referent"]),
    ],
    orientations: [
        // ------------------------------------------------------------------ Orientation 1
        Orientation(
            id: "1",
            title: "Améliorer l'offre d'accès physique aux services publics",
            actions: [
                // ------------------------------------------------ 1-1
                Action(
                    id: "1-1",                      // unique in the whole plan
                    title: "Développer un maillage territorial d'espaces d'accueil",
                    description: "Ce que l'action fait, pour qui, comment.",
                    status: InProgress,             // NotStarted, InProgress, Done or Abandoned
                    pilots: ["Préfecture"],         // organisations or person ids
                    partners: ["La Poste"],
                    referents: ["referent"],        // person ids
                    start: "{y}-01-01",
                    due: "{end}-12-31",             // past due and not Done: late
                    tags: ["Physique"],
                    indicators: [
                        Indicator(
                            id: "espaces",
                            name: "Nombre d'espaces d'accueil",
                            unit: "espaces",
                            baseline: Point(date: "{y}-01-01", value: 0),
                            targets: [Point(date: "{end}-12-31", value: 10)],
                        ),
                    ],
                    sub_actions: [
                        // Same shape as an action, at any depth.
                    ],
                ),
            ],
        ),
    ],
)
"#
    )
}
