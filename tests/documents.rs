//! The documents copil writes for people, read back: the relevé de décisions of a COTECH in the
//! standard shape (Markdown and HTML compared with golden files, ODT unzipped and its XML parsed),
//! the report as ODT (with its SVG charts), ODS and XLSX (read with calamine: numbers, dates and
//! euros where they belong, the heading row frozen with filters), and every document converted to
//! PDF by LibreOffice when it is installed (the test says it was skipped otherwise).
//!
//! After a deliberate change of the output, write the goldens again with
//! `UPDATE_GOLDEN=1 cargo test --test documents` and read the diff before keeping it.

mod common;

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use common::{copil, golden, section};
use copil::cli::ReportFormat;
use copil::lang::Lang;
use copil::minutes::{self, MinutesFormat};
use copil::plan::model::Date;
use copil::store::load;
use quick_xml::events::Event;

const RELEVE: &str = "tests/fixtures/releve.ron";
const SECOND: &str = "2018-12-11-cotech";
const EXTRACT: &str = "tests/fixtures/charente-extract.ron";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn state(path: &str) -> copil::plan::state::PlanState {
    let loaded = load::load(Lang::Fr, &root().join(path)).unwrap_or_else(|d| panic!("{d}"));
    assert!(loaded.state.all_warnings().is_empty(), "{:?}", loaded.state.all_warnings());
    loaded.state
}

fn minutes_md() -> String {
    (minutes::markdown(Lang::Fr, &state(RELEVE), SECOND)).expect("the fixture has this meeting")
}

#[test]
fn golden_minutes_markdown_and_html() {
    golden("releve-2018-12-11-cotech.md", minutes_md().as_bytes());
    let html = (minutes::render(Lang::Fr, &state(RELEVE), SECOND, MinutesFormat::Html)).unwrap().unwrap();
    golden("releve-2018-12-11-cotech.html", &html);
}

#[test]
fn the_minutes_have_the_standard_shape() {
    let doc = minutes_md();
    assert!(doc.starts_with("# Relevé de décisions — COTECH du 11 décembre 2018\n"), "{doc}");
    // The header: body, date, place, times, chair, secretary.
    for line in [
        "- Instance : Comité technique\n",
        "- Date : 11/12/2018\n",
        "- Lieu : Préfecture de la Charente, salle Marengo, Angoulême\n",
        "- Horaires : de 14 h 00 à 16 h 30\n",
        "- Présidence : Cellule technique (État), Cellule technique\n",
        "- Secrétariat de séance : Cellule technique (État), Cellule technique\n",
    ] {
        assert!(doc.contains(line), "{line:?} missing:\n{doc}");
    }
    // Attendance by organisation, a represented member with who represented them.
    let present = section(&doc, "### Présents");
    assert!(present.contains("- **CPAM de la Charente** : Référent CPAM\n"), "{present}");
    assert!(present.contains("- **Invités** : Maire de Rouillac\n"), "{present}");
    let represented = section(&doc, "### Représentés");
    assert!(
        represented.contains("- **CAF de la Charente** : Référent CAF, représenté(e) par Mme Durand, adjointe\n"),
        "{represented}"
    );
    assert!(section(&doc, "### Excusés").contains("- **La Poste** : Référent La Poste\n"), "{doc}");
    assert!(!doc.contains("### Absents"), "no empty section: {doc}");
    assert!(!doc.contains("non renseignée"), "everyone was recorded: {doc}");

    // The agenda as it was run.
    let agenda = section(&doc, "## Ordre du jour");
    assert!(agenda.contains("1. Spup01 — Constitution"), "{agenda}");
    assert!(agenda.contains("2. Spup05 — Mutualisation des moyens"), "{agenda}");
    assert!(!agenda.contains("3."), "{agenda}");

    // The follow-up of the first COTECH's decision and task, with their state on 11/12/2018.
    let earlier = section(&doc, "## Suivi des décisions antérieures");
    assert!(
        earlier.contains(
            "| 12/06/2018 | Décision n° 1 : Proposer au COPIL l'ouverture de cinq nouvelles MSAP d'ici 2020 | Cellule technique (Département) | 30/11/2018 | échéance dépassée |"
        ),
        "{earlier}"
    );
    assert!(earlier.contains("| Référent CAF | 30/09/2018 | faite le 28/09/2018 |"), "{earlier}");

    // Each item with what was decided or recorded; the decision without action goes with the
    // item under discussion.
    let first = section(
        &doc,
        "### 1. Spup01 — Constitution d'un réseau de présence mutualisée (MSAP, …) de proximité pour l'accès aux droits",
    );
    assert!(first.contains("- **Mesure :** Nombre de MSAP dans le département : 17 MSAP au 30/11/2018\n"), "{first}");
    assert!(first.contains("- **Décision n° 1 :** Ouvrir la MSAP d'Aigre au premier semestre 2019\n  - Responsable : Référent La Poste\n  - Échéance : 30/06/2019\n"), "{first}");
    let second = section(
        &doc,
        "### 2. Spup05 — Mutualisation des moyens pour mieux accompagner les publics les plus en difficulté",
    );
    assert!(second.contains("- **Statut :** En cours → Réalisée — « Convention PAD signée »\n"), "{second}");
    assert!(second.contains("- **Tâche :** Présenter le bilan des PAD (t2)\n"), "{second}");
    assert!(
        second.contains("- **Relevé :** Le calendrier 2019 des comités sera diffusé par la préfecture\n"),
        "{second}"
    );
    assert!(second.contains("- **Décision n° 2 :** Réunir le groupe de travail MSAP avant mars 2019\n"), "{second}");

    // The numbered decisions, the tasks, the next meeting, the distribution list.
    let decisions = section(&doc, "## Relevé des décisions");
    assert!(decisions.contains("| 1 | Ouvrir la MSAP d'Aigre au premier semestre 2019 (Spup01 — "), "{decisions}");
    assert!(
        decisions.contains(
            "| 2 | Réunir le groupe de travail MSAP avant mars 2019 | Cellule technique (Département) | 28/02/2019 |"
        ),
        "{decisions}"
    );
    assert!(
        section(&doc, "## Tâches")
            .contains("| Présenter le bilan des PAD (t2) | Cellule technique (Département) | 31/03/2019 | à faire |"),
        "{doc}"
    );
    assert!(
        section(&doc, "## Prochaine réunion")
            .contains("Comité technique : le 18/06/2019, Conseil départemental, Angoulême."),
        "{doc}"
    );
    let distribution = section(&doc, "## Diffusion");
    for who in
        ["Référent CPAM (CPAM de la Charente)", "Référent CAF (CAF de la Charente)", "Référent La Poste (La Poste)"]
    {
        assert!(distribution.contains(who), "{who}: {distribution}");
    }
    // No journal jargon, no line numbers, no empty section.
    // (The journal's empreinte at closing is the one mention of it: issue 11.)
    let body = doc.split(copil::minutes::empreinte_label(Lang::Fr)).next().unwrap_or_default();
    assert!(!body.contains("journal") && !doc.contains("ligne"), "{doc}");
    assert!(!doc.contains("Aucun"), "{doc}");
}

#[test]
fn an_open_meeting_without_agenda_lines_has_provisional_minutes_and_its_items_from_what_it_recorded() {
    let mut s = state(RELEVE);
    // The same meeting, cut before its agenda lines and its closing.
    let lines: Vec<_> = s.entries.iter().filter(|e| e.line <= 17).map(|e| (e.line, e.event.clone())).collect();
    s = copil::plan::state::PlanState::new(s.base().clone());
    for (l, e) in lines {
        s.apply(l, e);
    }
    let doc = (minutes::markdown(Lang::Fr, &s, SECOND)).unwrap();
    assert!(doc.contains("**Réunion en cours — relevé provisoire.**"), "{doc}");
    assert!(doc.contains("- Horaires : à partir de 14 h 00\n"), "{doc}");
    assert!(!doc.contains("## Ordre du jour"), "nothing recorded yet: no agenda: {doc}");
    assert!(!doc.contains("## Prochaine réunion"), "{doc}");
}

// ---------------------------------------------------------------------------------------------
// Reading the packages back

/// The entries of a zip package: names in order, and a way to read one.
struct Package {
    bytes: Vec<u8>,
}

impl Package {
    fn names(&self) -> Vec<String> {
        let mut z = zip::ZipArchive::new(Cursor::new(&self.bytes)).expect("a zip");
        (0..z.len()).map(|i| z.by_index(i).unwrap().name().unwrap().into_owned()).collect()
    }
    fn read(&self, name: &str) -> String {
        let mut z = zip::ZipArchive::new(Cursor::new(&self.bytes)).expect("a zip");
        let mut s = String::new();
        z.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut s).unwrap();
        s
    }
    fn mimetype_is_first_and_stored(&self, mime: &str) {
        let mut z = zip::ZipArchive::new(Cursor::new(&self.bytes)).expect("a zip");
        let mut first = z.by_index(0).unwrap();
        assert_eq!(first.name().unwrap(), "mimetype");
        assert_eq!(first.compression(), zip::CompressionMethod::Stored);
        let mut s = String::new();
        first.read_to_string(&mut s).unwrap();
        assert_eq!(s, mime);
    }
}

/// A parsed XML element tree, small and enough for the checks here.
#[derive(Debug)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    fn attr(&self, k: &str) -> Option<&str> {
        self.attrs.iter().find(|(a, _)| a == k).map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        self.children
            .iter()
            .map(|c| match c {
                Node::El(e) => e.text(),
                Node::Text(t) => t.clone(),
            })
            .collect()
    }
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        for c in &self.children {
            if let Node::El(e) = c {
                if e.name == name {
                    out.push(e);
                }
                e.all(name, out);
            }
        }
    }
    fn find_all(&self, name: &str) -> Vec<&El> {
        let mut v = Vec::new();
        self.all(name, &mut v);
        v
    }
    /// The element's children that are elements, in order.
    fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|c| if let Node::El(e) = c { Some(e) } else { None })
    }
}

fn parse(xml: &str) -> El {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut stack = vec![El { name: "#root".into(), attrs: vec![], children: vec![] }];
    let dec = r.decoder();
    let el = |e: &quick_xml::events::BytesStart| El {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.expect("attribute");
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    a.decode_and_unescape_value(dec).expect("value").into_owned(),
                )
            })
            .collect(),
        children: vec![],
    };
    loop {
        match r.read_event().unwrap_or_else(|e| panic!("XML error at {}: {e}", r.buffer_position())) {
            Event::Start(e) => stack.push(el(&e)),
            Event::Empty(e) => {
                let x = el(&e);
                stack.last_mut().unwrap().children.push(Node::El(x));
            }
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().expect("balanced").children.push(Node::El(done));
            }
            Event::Text(t) => {
                let s = t.decode().expect("text").into_owned();
                stack.last_mut().unwrap().children.push(Node::Text(s));
            }
            Event::GeneralRef(g) => {
                let name = String::from_utf8_lossy(&g).into_owned();
                let s = match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                };
                stack.last_mut().unwrap().children.push(Node::Text(s.to_string()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unbalanced XML");
    stack.pop().unwrap()
}

#[test]
fn the_minutes_as_odt_have_real_headings_tables_a4_and_page_numbers() {
    let odt = (minutes::render(Lang::Fr, &state(RELEVE), SECOND, MinutesFormat::Odt)).unwrap().unwrap();
    let p = Package { bytes: odt };
    p.mimetype_is_first_and_stored("application/vnd.oasis.opendocument.text");
    let names = p.names();
    for n in ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"] {
        assert!(names.contains(&n.to_string()), "{n} in {names:?}");
    }
    let manifest = parse(&p.read("META-INF/manifest.xml"));
    assert!(
        manifest.find_all("manifest:file-entry").iter().any(|e| e.attr("manifest:full-path") == Some("content.xml"))
    );

    let styles = parse(&p.read("styles.xml"));
    let layout = styles.find_all("style:page-layout-properties");
    assert_eq!(layout[0].attr("fo:page-width"), Some("21cm"));
    assert_eq!(layout[0].attr("fo:page-height"), Some("29.7cm"));
    assert_eq!(styles.find_all("text:page-number").len(), 1, "a page number in the footer");

    let content = parse(&p.read("content.xml"));
    let text = content.find_all("office:text");
    let body = text[0];
    // Headings are text:h with outline levels.
    let headings: Vec<(String, String)> = body
        .find_all("text:h")
        .iter()
        .map(|h| (h.attr("text:outline-level").unwrap_or("").to_string(), h.text()))
        .collect();
    assert_eq!(headings[0], ("1".into(), "Relevé de décisions — COTECH du 11 décembre 2018".into()));
    for (level, title) in [
        ("2", "Participants"),
        ("3", "Représentés"),
        ("2", "Ordre du jour"),
        ("2", "Relevé des décisions"),
        ("2", "Prochaine réunion"),
    ] {
        assert!(headings.contains(&(level.to_string(), title.to_string())), "{title} in {headings:?}");
    }
    // The decisions table follows its heading; the decisions are in its rows, numbered.
    let blocks: Vec<&El> = body.elements().collect();
    let at = blocks.iter().position(|e| e.name == "text:h" && e.text() == "Relevé des décisions").unwrap();
    let table = blocks[at + 1];
    assert_eq!(table.name, "table:table");
    assert_eq!(table.find_all("table:table-header-rows").len(), 1, "a heading row repeated on each page");
    let rows: Vec<Vec<String>> = table
        .find_all("table:table-row")
        .iter()
        .map(|r| r.find_all("table:table-cell").iter().map(|c| c.text()).collect())
        .collect();
    assert_eq!(rows[0], ["N°", "Décision", "Responsable", "Échéance"]);
    assert_eq!(rows[1][0], "1");
    assert!(rows[1][1].starts_with("Ouvrir la MSAP d'Aigre au premier semestre 2019"), "{rows:?}");
    assert_eq!((rows[1][2].as_str(), rows[1][3].as_str()), ("Référent La Poste", "30/06/2019"));
    assert_eq!(rows[2][..2], ["2".to_string(), "Réunir le groupe de travail MSAP avant mars 2019".to_string()]);
    // Lists are lists; strong runs are spans of the bold style.
    assert!(!body.find_all("text:list").is_empty());
    assert!(body.find_all("text:span").iter().any(|s| s.attr("text:style-name") == Some("Strong_20_Emphasis")));
    // The document's language and title in meta.xml.
    let meta = p.read("meta.xml");
    assert!(meta.contains("<dc:language>fr-FR</dc:language>") && meta.contains("COTECH du 11 décembre 2018"), "{meta}");
}

#[test]
fn the_report_as_odt_and_html_shows_its_charts() {
    let s = state(EXTRACT);
    let at = Date::ymd(2019, 1, 1);
    let odt = (copil::report::render(Lang::Fr, &s, at, ReportFormat::Odt)).unwrap();
    let p = Package { bytes: odt };
    p.mimetype_is_first_and_stored("application/vnd.oasis.opendocument.text");
    let content = parse(&p.read("content.xml"));
    let images = content.find_all("draw:image");
    // The status bars, then one chart per indicator with numbers or yes/no values.
    let pictures: Vec<String> = images.iter().map(|i| i.attr("xlink:href").unwrap().to_string()).collect();
    assert!(pictures.len() >= 2, "{pictures:?}");
    let manifest = p.read("META-INF/manifest.xml");
    for pic in &pictures {
        let svg = parse(&p.read(pic));
        assert_eq!(svg.elements().next().unwrap().name, "svg", "{pic}");
        assert!(manifest.contains(&format!("manifest:full-path=\"{pic}\"")), "{pic} in the manifest");
    }
    // The first picture is the status bars: a segment per status present, in its colour.
    let bars = p.read(&pictures[0]);
    assert!(bars.contains("◐ 3") && bars.contains("● 2"), "{bars}");
    // The MSAP chart: the baseline 2, targets 15 and 20, the measurement 15 on 31/05/2018.
    let frames = content.find_all("draw:frame");
    let msap = frames
        .iter()
        .position(|f| f.find_all("svg:title").first().is_some_and(|t| t.text().contains("Nombre de MSAP")))
        .expect("the MSAP chart");
    let chart = p.read(&pictures[msap]);
    assert!(chart.contains("<circle") && chart.contains("<polygon"), "points and target markers: {chart}");
    let svg = parse(&chart);
    let labels: Vec<String> = svg.find_all("text").iter().map(|t| t.text().trim().to_string()).collect();
    let french_date = |l: &str| chrono::NaiveDate::parse_from_str(l, "%d/%m/%Y").is_ok();
    let dates = labels.iter().filter(|l| french_date(l)).count();
    assert!(dates >= 3, "dates in French on the axis: {labels:?}");
    for l in ["20", "MSAP", "Trajectoire", "Valeur initiale", "Cibles", "Mesures"] {
        assert!(labels.iter().any(|x| x == l), "{l} in {labels:?}");
    }

    let html = String::from_utf8((copil::report::render(Lang::Fr, &s, at, ReportFormat::Html)).unwrap()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@page { size: A4"), "{}", &html[..300]);
    assert_eq!(html.matches("<svg").count(), pictures.len(), "the same pictures, inline");
    assert!(!html.contains("<script") && !html.contains("src=\"http"), "self-contained");
    golden("report-charente-extract.html", html.as_bytes());
}

fn sheet_rows(range: &calamine::Range<Data>) -> Vec<Vec<Data>> {
    range.rows().map(|r| r.to_vec()).collect()
}

fn text_of(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => format!("{other:?}"),
    }
}

/// The checks shared by ODS and XLSX: sheets, one row per action, typed cells.
fn check_workbook(sheets: Vec<(String, Vec<Vec<Data>>)>) {
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Synthèse", "Orientations", "Actions"]);
    let summary = &sheets[0].1;
    let value = |label: &str| {
        summary.iter().find(|r| text_of(&r[0]) == label).unwrap_or_else(|| panic!("{label} in the summary"))[1].clone()
    };
    assert_eq!(value("Actions"), Data::Float(5.0));
    assert_eq!(value("Actions en retard"), Data::Float(3.0));
    assert_eq!(value("Budget prévu"), Data::Float(404000.0));
    assert_eq!(value("Budget dépensé"), Data::Float(84000.0));
    let actions = &sheets[2].1;
    assert_eq!(text_of(&actions[0][1]), "Action");
    assert_eq!(actions.len(), 1 + 5, "a heading row and one row per action and sub-action");
    let spup01 = actions.iter().find(|r| text_of(&r[1]) == "Spup01").expect("Spup01");
    assert_eq!(text_of(&spup01[4]), "En cours");
    assert_eq!(text_of(&spup01[5]), "oui", "late");
    // The due date is a date; the indicator counts are numbers.
    let due = &spup01[8];
    assert!(matches!(due, Data::DateTime(_) | Data::DateTimeIso(_)), "the due date is a date: {due:?}");
    let as_date = match due {
        Data::DateTime(d) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            Some((epoch + chrono::Duration::days(d.as_f64() as i64)).to_string())
        }
        Data::DateTimeIso(s) => Some(s[..10].to_string()),
        _ => None,
    };
    assert_eq!(as_date.as_deref(), Some("2017-12-31"));
    assert_eq!(spup01[9], Data::Float(1.0));
    let with_budget = actions.iter().find(|r| matches!(r[11], Data::Float(_))).expect("an action with a budget");
    assert!(matches!(with_budget[12], Data::Float(_)), "{with_budget:?}");
}

#[test]
fn the_report_as_ods_has_typed_cells_a_frozen_header_and_filters() {
    let s = state(EXTRACT);
    let at = Date::ymd(2019, 1, 1);
    let bytes = (copil::report::render(Lang::Fr, &s, at, ReportFormat::Ods)).unwrap();
    let p = Package { bytes: bytes.clone() };
    p.mimetype_is_first_and_stored("application/vnd.oasis.opendocument.spreadsheet");
    let mut book: calamine::Ods<_> = calamine::Ods::new(Cursor::new(bytes)).expect("an ODS calamine reads");
    let sheets = book
        .sheet_names()
        .into_iter()
        .map(|n| {
            let r = book.worksheet_range(&n).unwrap();
            (n, sheet_rows(&r))
        })
        .collect();
    check_workbook(sheets);
    let content = p.read("content.xml");
    let xml = parse(&content);
    let ranges = xml.find_all("table:database-range");
    assert_eq!(ranges.len(), 3, "a filter per sheet");
    assert!(ranges.iter().all(|r| r.attr("table:display-filter-buttons") == Some("true")));
    assert_eq!(ranges[2].attr("table:target-range-address"), Some("Actions.A1:Actions.N6"));
    // Euros are currency values in EUR, with a currency style.
    assert!(content.contains("office:value-type=\"currency\"") && content.contains("office:currency=\"EUR\""));
    assert!(content.contains("office:value-type=\"date\""));
    let settings = p.read("settings.xml");
    assert!(settings.contains("VerticalSplitMode") && settings.contains(">2<"), "a frozen row: {settings}");
}

#[test]
fn the_report_as_xlsx_has_typed_cells_a_frozen_header_and_filters() {
    let s = state(EXTRACT);
    let at = Date::ymd(2019, 1, 1);
    let bytes = (copil::report::render(Lang::Fr, &s, at, ReportFormat::Xlsx)).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::Xlsx::new(Cursor::new(bytes.clone())).expect("an XLSX calamine reads");
    let sheets = book
        .sheet_names()
        .into_iter()
        .map(|n| {
            let r = book.worksheet_range(&n).unwrap();
            (n, sheet_rows(&r))
        })
        .collect();
    check_workbook(sheets);
    let p = Package { bytes };
    let sheet3 = p.read("xl/worksheets/sheet3.xml");
    assert!(sheet3.contains("<autoFilter ref=\"A1:N6\""), "{sheet3}");
    assert!(sheet3.contains("state=\"frozen\""), "{sheet3}");
    let styles = p.read("xl/styles.xml");
    assert!(styles.contains("€"), "a euro number format: {styles}");
}

// ---------------------------------------------------------------------------------------------
// The command line, and LibreOffice

fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join("soffice")).find(|p| p.is_file())
}

#[test]
fn every_document_is_written_by_the_command_line_and_opens_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for f in ["md", "odt", "html"] {
        let out = dir.path().join(format!("releve.{f}"));
        let o = copil(&["minutes", RELEVE, SECOND, "--format", f, "-o", out.to_str().unwrap(), "--lang", "fr"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        files.push(out);
    }
    for f in ["md", "csv", "odt", "ods", "xlsx", "html"] {
        let out = dir.path().join(format!("rapport.{f}"));
        let args = ["report", EXTRACT, "--format", f, "-o", out.to_str().unwrap(), "--today", "2019-01-01"];
        let o = copil(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        files.push(out);
    }
    for f in &files {
        assert!(std::fs::metadata(f).unwrap().len() > 100, "{}", f.display());
    }
    // A binary format is not written to a terminal.
    let o = copil(&["report", EXTRACT, "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o"), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let o = copil(&["minutes", RELEVE, SECOND, "--format", "odt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());

    let Some(soffice) = soffice() else {
        // Written to the process's stderr directly, so that it shows even when output is captured.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "every_document_is_written_by_the_command_line_and_opens_in_libreoffice: PDF conversion skipped: LibreOffice (soffice) is not installed"
        );
        return;
    };
    let pdf = dir.path().join("pdf");
    let profile = dir.path().join("profile");
    for f in files.iter().filter(|f| !f.extension().is_some_and(|e| e == "md" || e == "csv")) {
        let mut child = std::process::Command::new(&soffice)
            .arg(format!("-env:UserInstallation=file://{}", profile.display()))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(&pdf)
            .arg(f)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("run soffice");
        // A generous limit for a busy machine; a conversion that hangs fails the test.
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for soffice") {
                break status;
            }
            if start.elapsed() > std::time::Duration::from_secs(180) {
                let _ = child.kill();
                panic!("soffice did not convert {} in 180 s", f.display());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        };
        assert!(status.success(), "soffice failed on {}", f.display());
        let out = pdf.join(Path::new(f.file_stem().unwrap())).with_extension("pdf");
        let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        assert!(bytes.starts_with(b"%PDF") && bytes.len() > 1000, "{}", out.display());
        // Same stem for releve.odt and releve.html: convert, check, then remove.
        std::fs::remove_file(&out).unwrap();
    }
}
