//! `copil import`, `copil template`, `copil new`: bundled plans filled into the template come back
//! the same; refused cells are each listed and nothing is written; CSV variants (BOM, `;`, tab,
//! Windows-1252); the template round-trips in every format and language; nothing is ever replaced.

mod common;

use std::path::{Path, PathBuf};

use common::copil;
use copil::lang::Lang;
use copil::plan::model::{Plan, PlanAction, Value};
use copil::store::load::load;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = copil(args);
    (
        out.status.code().expect("copil exited normally"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn bundled(name: &str) -> Plan {
    load(Lang::Fr, &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans").join(name))
        .unwrap_or_else(|d| panic!("{d}"))
        .state
        .plan
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Number(n) => format!("{n}"),
        Value::Bool(true) => "oui".into(),
        Value::Bool(false) => "non".into(),
        Value::Text(t) => t.clone(),
    }
}

/// The sheets of the template filled with a plan's contents, as a person would type them:
/// (sheet, rows of cells), the first row the headers.
fn filled(plan: &Plan) -> Vec<(&'static str, Vec<Vec<String>>)> {
    let fr = |d: copil::plan::model::Date| d.0.format("%d/%m/%Y").to_string();
    let mut actions = vec![
        [
            "Orientation",
            "Titre de l'orientation",
            "Action",
            "Action parente",
            "Titre",
            "Description",
            "Pilotes",
            "Partenaires",
            "Référents",
            "Début",
            "Échéance",
            "Statut",
            "Étiquettes",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let status = |a: &PlanAction| copil::i18n::status_label(Lang::Fr, a.status).to_string();
    fn visit<'a>(a: &'a PlanAction, parent: Option<&'a str>, out: &mut Vec<(&'a PlanAction, Option<&'a str>)>) {
        out.push((a, parent));
        for sub in &a.sub_actions {
            visit(sub, Some(&a.id), out);
        }
    }
    let mut ind = vec![
        ["Action", "Indicateur", "Nom", "Unité", "Sens", "Date de référence", "Valeur de référence", "Source"]
            .map(String::from)
            .to_vec(),
    ];
    let max_targets = plan.walk().flat_map(|(_, a, _)| &a.indicators).map(|i| i.targets.len()).max().unwrap_or(0);
    for n in 1..=max_targets {
        ind[0].push(format!("Date cible {n}"));
        ind[0].push(format!("Valeur cible {n}"));
    }
    let mut measures = vec![["Action", "Indicateur", "Date", "Valeur", "Note"].map(String::from).to_vec()];
    let mut budgets = vec![["Action", "Prévu", "Engagé", "Dépensé", "Financeurs", "Note"].map(String::from).to_vec()];
    for o in &plan.orientations {
        let mut rows = Vec::new();
        for a in &o.actions {
            visit(a, None, &mut rows);
        }
        for (a, parent) in rows {
            let names =
                |ids: &[String]| ids.iter().map(|p| plan.person_name(p).to_string()).collect::<Vec<_>>().join(" ; ");
            actions.push(vec![
                if parent.is_some() { String::new() } else { o.id.clone() },
                o.title.clone(),
                a.id.clone(),
                parent.unwrap_or_default().to_string(),
                a.title.clone(),
                a.description.clone().unwrap_or_default(),
                names(&a.pilots),
                a.partners.join(" ; "),
                a.referents.join(" ; "),
                a.start.map(fr).unwrap_or_default(),
                a.due.map(fr).unwrap_or_default(),
                status(a),
                a.tags.join(" ; "),
            ]);
            for i in &a.indicators {
                let mut row = vec![
                    a.id.clone(),
                    i.id.clone(),
                    i.name.clone(),
                    i.unit.clone().unwrap_or_default(),
                    if i.direction == copil::plan::model::Direction::Decrease {
                        "baisse".into()
                    } else {
                        String::new()
                    },
                    i.baseline.as_ref().map(|p| fr(p.date)).unwrap_or_default(),
                    i.baseline.as_ref().map(|p| value_text(&p.value)).unwrap_or_default(),
                    i.source.clone().unwrap_or_default(),
                ];
                for n in 0..max_targets {
                    row.push(i.targets.get(n).map(|p| fr(p.date)).unwrap_or_default());
                    row.push(i.targets.get(n).map(|p| value_text(&p.value)).unwrap_or_default());
                }
                ind.push(row);
                for m in &i.measurements {
                    measures.push(vec![
                        a.id.clone(),
                        i.id.clone(),
                        fr(m.date),
                        value_text(&m.value),
                        m.note.clone().unwrap_or_default(),
                    ]);
                }
            }
            if let Some(b) = &a.budget {
                let funders: Vec<String> = b.funders.iter().map(|f| format!("{} : {}", f.funder, f.amount.0)).collect();
                budgets.push(vec![
                    a.id.clone(),
                    b.planned.0.to_string(),
                    b.committed.0.to_string(),
                    b.spent.0.to_string(),
                    funders.join(" ; "),
                    b.note.clone().unwrap_or_default(),
                ]);
            }
        }
    }
    let mut people = vec![["Identifiant", "Nom", "Organisation", "Rôle", "Login"].map(String::from).to_vec()];
    for p in &plan.people {
        let o = |x: &Option<String>| x.clone().unwrap_or_default();
        people.push(vec![p.id.clone(), p.name.clone(), o(&p.org), o(&p.role), o(&p.login)]);
    }
    let plan_sheet = vec![
        ["Titre", "Territoire", "Début", "Fin"].map(String::from).to_vec(),
        vec![plan.title.clone(), plan.territory.clone(), fr(plan.period.start), fr(plan.period.end)],
    ];
    vec![("Actions", actions), ("Indicateurs", ind), ("Budgets", budgets), ("Personnes", people), ("Plan", plan_sheet)]
}

/// The sheets as CSV files (`;`, BOM): NAME.csv and NAME.SHEET.csv.
fn write_csv(dir: &Path, sheets: &[(&str, Vec<Vec<String>>)]) -> PathBuf {
    for (name, rows) in sheets {
        let file =
            if *name == "Actions" { "plan.csv".to_string() } else { format!("plan.{}.csv", name.to_lowercase()) };
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(b"\xEF\xBB\xBF".to_vec());
        for r in rows {
            w.write_record(r).unwrap();
        }
        std::fs::write(dir.join(file), w.into_inner().unwrap()).unwrap();
    }
    dir.join("plan.csv")
}

/// The sheets as an XLSX workbook, dates as real date cells and amounts as numbers.
fn write_xlsx(dir: &Path, sheets: &[(&str, Vec<Vec<String>>)]) -> PathBuf {
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some(d) = copil::import::cells::parse_date_text(v).filter(|_| r > 0) {
                    use chrono::Datelike;
                    let dt =
                        rust_xlsxwriter::ExcelDateTime::from_ymd(d.0.year() as u16, d.0.month() as u8, d.0.day() as u8)
                            .unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                } else if r > 0 && !v.is_empty() && v.chars().all(|ch| ch.is_ascii_digit()) && v.len() < 12 {
                    ws.write_number(r, c, v.parse::<f64>().unwrap()).unwrap();
                } else if !v.is_empty() {
                    ws.write_string(r, c, v).unwrap();
                }
            }
        }
    }
    let path = dir.join("plan.xlsx");
    book.save(&path).unwrap();
    path
}

/// The same actions (tree, ids, titles, statuses, dates), pilots (by name), indicators and budgets.
fn assert_same_plan(want: &Plan, got: &Plan) {
    let w: Vec<_> = want.walk().collect();
    let g: Vec<_> = got.walk().collect();
    assert_eq!(w.len(), g.len(), "as many actions");
    for ((wo, wa, wd), (go, ga, gd)) in w.iter().zip(&g) {
        assert_eq!((&wo.id, &wo.title), (&go.id, &go.title), "orientation of {}", wa.id);
        assert_eq!((&wa.id, wd), (&ga.id, gd), "same action at the same depth");
        assert_eq!(wa.title, ga.title);
        // Cells are trimmed: a description's leading spaces do not survive a spreadsheet.
        assert_eq!(wa.description.as_deref().map(str::trim), ga.description.as_deref(), "{}", wa.id);
        assert_eq!(wa.status, ga.status, "{}", wa.id);
        assert_eq!((wa.start, wa.due), (ga.start, ga.due), "{}", wa.id);
        assert_eq!(wa.partners, ga.partners, "{}", wa.id);
        assert_eq!(wa.tags, ga.tags, "{}", wa.id);
        // Pilots are gathered into people case and accents ignored: "Etat" and "État" are one.
        let names = |p: &Plan, a: &PlanAction| {
            a.pilots.iter().map(|x| copil::search::fold(p.person_name(x))).collect::<Vec<_>>()
        };
        assert_eq!(names(want, wa), names(got, ga), "pilots of {}", wa.id);
        for r in &ga.referents {
            assert!(got.person(r).is_some(), "referent {r} is one of the plan's people");
        }
        assert_eq!(wa.referents, ga.referents, "{}", wa.id);
        assert_eq!(wa.indicators.len(), ga.indicators.len(), "{}", wa.id);
        for (wi, gi) in wa.indicators.iter().zip(&ga.indicators) {
            assert_eq!((&wi.id, &wi.name, &wi.unit, wi.direction), (&gi.id, &gi.name, &gi.unit, gi.direction));
            let strip = |p: &copil::plan::model::Point| (p.date, p.value.clone());
            assert_eq!(wi.baseline.as_ref().map(strip), gi.baseline.as_ref().map(strip), "{} {}", wa.id, wi.id);
            assert_eq!(
                wi.targets.iter().map(strip).collect::<Vec<_>>(),
                gi.targets.iter().map(strip).collect::<Vec<_>>(),
                "{} {}",
                wa.id,
                wi.id
            );
            assert_eq!(wi.source, gi.source);
            let with_note = |p: &copil::plan::model::Point| (p.date, p.value.clone(), p.note.clone());
            assert_eq!(
                wi.measurements.iter().map(with_note).collect::<Vec<_>>(),
                gi.measurements.iter().map(with_note).collect::<Vec<_>>(),
                "measurements of {} {}",
                wa.id,
                wi.id
            );
        }
        assert_eq!(wa.budget, ga.budget, "{}", wa.id);
    }
    assert_eq!((&want.title, &want.territory, want.period), (&got.title, &got.territory, got.period));
    for p in &want.people {
        assert_eq!(got.person(&p.id), Some(p), "person {} kept", p.id);
    }
}

fn import_and_load(input: &Path, dir: &Path) -> Plan {
    let out = dir.join("imported.ron");
    let (code, stdout, stderr) = run(&["--lang", "fr", "import", s(input), "-o", s(&out)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (code, stdout, stderr) = run(&["--lang", "fr", "check", s(&out)]);
    assert_eq!(code, 0, "copil check accepts the import: {stdout}{stderr}");
    load(Lang::Fr, &out).unwrap_or_else(|d| panic!("{d}")).state.plan
}

#[test]
fn every_bundled_plan_filled_into_the_csv_template_comes_back_the_same() {
    for name in ["charente.ron", "bouches-du-rhone.ron", "alpes-de-haute-provence.ron", "pas-de-calais.ron"] {
        let want = bundled(name);
        let dir = tempfile::tempdir().unwrap();
        let input = write_csv(dir.path(), &filled(&want));
        let got = import_and_load(&input, dir.path());
        assert_same_plan(&want, &got);
    }
}

#[test]
fn a_bundled_plan_filled_into_an_xlsx_workbook_comes_back_the_same() {
    let want = bundled("bouches-du-rhone.ron");
    assert!(want.walk().any(|(_, _, d)| d > 0) && want.walk().any(|(_, a, _)| !a.indicators.is_empty()));
    let dir = tempfile::tempdir().unwrap();
    let input = write_xlsx(dir.path(), &filled(&want));
    let got = import_and_load(&input, dir.path());
    assert_same_plan(&want, &got);
    let text = std::fs::read_to_string(dir.path().join("imported.ron")).unwrap();
    assert!(text.starts_with("// Imported from plan.xlsx"), "the header names the source");
    assert!(text.contains("// ------------------------------------------------ 1-1-1\n"), "one action per block");
}

#[test]
fn pilots_and_referents_are_gathered_into_the_people() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "Orientation,Titre de l'orientation,Action,Titre,Pilotes,Référents,Statut\n\
               1,Axe,1-1,Une,CAF ; Marie Dupont,Marie Dupont,réalisée\n\
               1,,1-2,Deux,caf,\"Jean Martin\nmarie dupont\",en cours\n";
    std::fs::write(dir.path().join("p.csv"), csv).unwrap();
    let plan = import_and_load(&dir.path().join("p.csv"), dir.path());
    let names: Vec<&str> = plan.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["CAF", "Marie Dupont", "Jean Martin"]);
    let a = plan.action("1-2").unwrap();
    assert_eq!(a.pilots, vec!["caf"], "the same organisation, whatever the case");
    assert_eq!(a.referents, vec!["jean-martin", "marie-dupont"]);
    assert_eq!(plan.action("1-1").unwrap().status, copil::plan::model::Status::Done);
    assert_eq!(a.status, copil::plan::model::Status::InProgress);
}

#[test]
fn every_refused_cell_is_listed_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.csv"),
        "Orientation;Titre de l'orientation;Action;Titre;Début;Échéance;Statut;Couleur\n\
         1;Axe;1-1;Une;01/01/2020;31/12/2019;en cours;\n\
         1;;1-2;Deux;32/01/2020;;finie;\n\
         1;;1-1;Doublon;;;;\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.indicateurs.csv"),
        "Action;Nom;Date de référence;Valeur de référence;Date cible 1;Valeur cible 1\n\
         9-9;Inconnue;;;;\n\
         1-1;Mesure;01/01/2020;deux;31/12/2020;10\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.mesures.csv"),
        "Action;Indicateur;Date;Valeur\n1-1;absent;31/12/2020;3\n1-1;Mesure;;oui\n",
    )
    .unwrap();
    let out = dir.path().join("bad.ron");
    let (code, _, stderr) = run(&["--lang", "fr", "import", s(&dir.path().join("bad.csv")), "-o", s(&out)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!out.exists(), "nothing written");
    let f = s(&dir.path().join("bad.csv")).to_string();
    let fi = s(&dir.path().join("bad.indicateurs.csv")).to_string();
    let fm = s(&dir.path().join("bad.mesures.csv")).to_string();
    for want in [
        format!("{f}:Actions:1:H : colonne inconnue dans cette feuille (voir docs/import.md) — valeur « Couleur »"),
        format!("{f}:Actions:2:F (Échéance) : échéance avant le début de l'action — valeur « 31/12/2019 »"),
        format!("{f}:Actions:3:E (Début) : date invalide"),
        "valeur « 32/01/2020 »".to_string(),
        format!("{f}:Actions:3:G (Statut) : statut inconnu"),
        "valeur « finie »".to_string(),
        format!("{f}:Actions:4:C (Action) : identifiant déjà pris plus haut — valeur « 1-1 »"),
        format!("{fi}:Indicateurs:2:A (Action) : action inconnue"),
        format!("{fi}:Indicateurs:3:D (Valeur de référence) : valeur refusée : attendu un nombre"),
        format!(
            "{fm}:Mesures:2:B (Indicateur) : indicateur inconnu pour cette action dans la feuille Indicateurs — valeur « absent »"
        ),
        format!("{fm}:Mesures:3:C (Date) : date manquante — valeur vide"),
        format!("{fm}:Mesures:3:D (Valeur) : valeur refusée : attendu un nombre"),
        "10 cellule(s) refusée(s) : rien n'a été écrit".to_string(),
    ] {
        assert!(stderr.contains(&want), "missing «{want}» in:\n{stderr}");
    }
    let (_, _, en) = run(&["--lang", "en", "import", s(&dir.path().join("bad.csv")), "-o", s(&out)]);
    assert!(en.contains(&format!("{f}:Actions:3:G (Statut) : unknown status")), "{en}");
    assert!(!out.exists());
}

/// The same actions written every way a spreadsheet saves CSV.
#[test]
fn csv_with_or_without_bom_comma_semicolon_tab_or_windows_1252() {
    let rows = [
        ["Orientation", "Titre de l'orientation", "Action", "Titre", "Échéance", "Statut", "Pilotes"],
        [
            "1",
            "Accès physique",
            "1-1",
            "Maisons \"France services\", partout",
            "31/12/2025",
            "réalisée",
            "Préfecture ; CAF",
        ],
        ["1", "", "1-2", "Deuxième", "2026-06-30", "En cours", "Département"],
    ];
    let mut plans = Vec::new();
    for (delim, bom, latin1) in
        [(b',', false, false), (b';', true, false), (b';', false, false), (b'\t', true, false), (b';', false, true)]
    {
        let dir = tempfile::tempdir().unwrap();
        let mut w = csv::WriterBuilder::new().delimiter(delim).from_writer(Vec::new());
        for r in &rows {
            w.write_record(r).unwrap();
        }
        let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
        let mut bytes: Vec<u8> = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        if latin1 {
            bytes.extend(text.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text")));
        } else {
            bytes.extend(text.as_bytes());
        }
        let input = dir.path().join("variant.csv");
        std::fs::write(&input, bytes).unwrap();
        plans.push(import_and_load(&input, dir.path()));
    }
    let first = &plans[0];
    assert_eq!(first.action("1-1").unwrap().title, "Maisons \"France services\", partout");
    assert_eq!(first.orientations[0].title, "Accès physique");
    assert_eq!(first.action("1-2").unwrap().due, Some(copil::plan::model::Date::ymd(2026, 6, 30)));
    for p in &plans[1..] {
        assert_same_plan(first, p);
        assert_eq!(p.people, first.people);
    }
}

#[test]
fn the_template_round_trips_in_every_format_and_language() {
    for lang in ["fr", "en"] {
        for (format, file) in [("csv", "t.csv"), ("ods", "t.ods"), ("xlsx", "t.xlsx")] {
            let dir = tempfile::tempdir().unwrap();
            let t = dir.path().join(file);
            let (code, stdout, stderr) = run(&["--lang", lang, "template", "--format", format, "-o", s(&t)]);
            assert_eq!(code, 0, "{stdout}{stderr}");
            let plan = import_and_load(&t, dir.path());
            let a = plan.action("1-1").unwrap_or_else(|| panic!("{lang} {format}: the example action"));
            assert_eq!(a.status, copil::plan::model::Status::InProgress, "{lang} {format}");
            assert_eq!(a.due, Some(copil::plan::model::Date::ymd(2019, 12, 31)), "{lang} {format}");
            assert_eq!(a.referents, vec!["mlegrand"], "the referent found among the people by name");
            assert_eq!(a.indicators[0].targets[0].value, Value::Number(20.0), "{lang} {format}");
            assert_eq!(a.budget.as_ref().map(|b| b.planned.0), Some(442998));
            let m = &a.indicators[0].measurements;
            assert_eq!(m.len(), 1, "{lang} {format}: the example measurement");
            assert_eq!((m[0].date, &m[0].value), (copil::plan::model::Date::ymd(2019, 12, 31), &Value::Number(17.0)));
            assert_eq!(plan.short_title.as_deref(), Some("SDAASP Exemple"));
        }
    }
}

#[test]
fn nothing_is_ever_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.xlsx");
    assert_eq!(run(&["template", "--format", "xlsx", "-o", s(&t)]).0, 0);
    let before = std::fs::read(&t).unwrap();
    let (code, _, stderr) = run(&["--lang", "fr", "template", "--format", "xlsx", "-o", s(&t)]);
    assert_eq!(code, 3);
    assert!(stderr.contains("existe déjà"), "{stderr}");
    assert_eq!(std::fs::read(&t).unwrap(), before);

    // A CSV template whose third file exists: none is written.
    std::fs::write(dir.path().join("c.budgets.csv"), "à moi").unwrap();
    assert_eq!(run(&["template", "--format", "csv", "-o", s(&dir.path().join("c.csv"))]).0, 3);
    assert!(!dir.path().join("c.csv").exists() && !dir.path().join("c.indicateurs.csv").exists());

    let plan = dir.path().join("plan.ron");
    std::fs::write(&plan, "// mine\n").unwrap();
    let (code, _, stderr) = run(&["--lang", "fr", "import", s(&t), "-o", s(&plan)]);
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), "// mine\n");
    assert_eq!(run(&["new", s(&plan)]).0, 3);
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), "// mine\n");

    // A journal left beside the name belongs to another plan: it would be replayed on this one.
    std::fs::write(dir.path().join("old.journal.ron"), "").unwrap();
    let (code, _, stderr) = run(&["--lang", "fr", "import", s(&t), "-o", s(&dir.path().join("old.ron"))]);
    assert_eq!(code, 3);
    assert!(stderr.contains("old.journal.ron existe déjà"), "{stderr}");
    assert_eq!(run(&["new", s(&dir.path().join("old.ron"))]).0, 3);
    assert!(!dir.path().join("old.ron").exists());

    #[cfg(unix)]
    {
        let target = dir.path().join("elsewhere.ron");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(run(&["import", s(&t), "-o", s(&link)]).0, 3);
        assert_eq!(run(&["new", s(&link)]).0, 3);
        assert!(!target.exists(), "a symlink is never followed");
    }
}

#[test]
fn new_writes_a_commented_plan_that_checks() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("nouveau.ron");
    let (code, stdout, stderr) = run(&["--lang", "fr", "new", s(&plan)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.starts_with("// A new plan, written by `copil new`"));
    let (code, stdout, stderr) = run(&["--lang", "fr", "check", s(&plan)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let loaded = load(Lang::Fr, &plan).unwrap().state.plan;
    assert_eq!(loaded.walk().count(), 1);
    assert_eq!(loaded.people.len(), 1);
}

#[test]
fn a_fifo_or_a_missing_file_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) =
        run(&["--lang", "fr", "import", s(&dir.path().join("absent.xlsx")), "-o", s(&dir.path().join("o.ron"))]);
    assert_eq!(code, 2);
    assert!(stderr.contains("absent.xlsx"), "{stderr}");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("tube.csv");
        let ok = std::process::Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
        if ok {
            let (code, _, stderr) = run(&["--lang", "fr", "import", s(&fifo), "-o", s(&dir.path().join("o.ron"))]);
            assert_eq!(code, 2);
            assert!(stderr.contains("pas un fichier ordinaire"), "{stderr}");
        }
    }
    assert!(!dir.path().join("o.ron").exists());
}

#[cfg(unix)]
#[test]
fn a_sheet_file_beside_the_csv_that_is_a_symlink_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.csv"), "Orientation,Titre de l'orientation,Action,Titre\n1,Axe,1-1,Une\n")
        .unwrap();
    let elsewhere = dir.path().join("secret.txt");
    std::fs::write(&elsewhere, "Action,Nom\n1-1,Fuite\n").unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("p.indicateurs.csv")).unwrap();
    let out = dir.path().join("p.ron");
    let (code, _, stderr) = run(&["--lang", "fr", "import", s(&dir.path().join("p.csv")), "-o", s(&out)]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("p.indicateurs.csv") && stderr.contains("lien symbolique"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_title_row_above_the_headers_of_a_workbook_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Fiches").unwrap();
    ws.write_string(0, 0, "SDAASP — plan d'actions adopté").unwrap();
    for (c, h) in
        ["N° orientation", "Intitulé de l'orientation", "Fiche", "Intitulé", "État", "Échéance"].iter().enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (c, v) in ["1", "Accès", "F1", "Créer", "Réalisée"].iter().enumerate() {
        ws.write_string(3, c as u16, *v).unwrap();
    }
    ws.write_number(3, 5, 45657.0).unwrap(); // a date typed as a bare serial number: 2024-12-31
    let input = dir.path().join("fiches.xlsx");
    book.save(&input).unwrap();
    let plan = import_and_load(&input, dir.path());
    let a = plan.action("F1").expect("the row under the headers");
    assert_eq!(a.status, copil::plan::model::Status::Done);
    assert_eq!(a.due, Some(copil::plan::model::Date::ymd(2024, 12, 31)));
    assert_eq!(plan.title, "fiches", "no Plan sheet: the file's name");
}
