//! The search engine on the real Charente extract (with its journal replayed) and on generated
//! plans: accent folding, ranking, highlighting, every filter and their combinations.

use std::path::Path;

use copil::lang::Lang;
use copil::plan::model::{Date, Orientation, Period, Plan, PlanAction, Section, Status};
use copil::search::{Field, Hit, SearchIndex, fold, parse_query, status_from_name};
use copil::store::load::load;

fn charente() -> (Plan, Plan) {
    let loaded = load(Lang::Fr, Path::new("tests/fixtures/charente-extract.ron")).unwrap_or_else(|d| panic!("{d}"));
    (loaded.state.base().clone(), loaded.state.plan.clone())
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.action_id.as_str()).collect()
}

fn find(plan: &Plan, query: &str, today: Date) -> Vec<String> {
    let idx = SearchIndex::new(plan);
    idx.search(plan, &parse_query(query), today).into_iter().map(|h| h.action_id).collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The original characters a hit highlights in its title.
fn lit(title: &str, idx: &[usize]) -> String {
    let chars: Vec<char> = title.chars().collect();
    idx.iter().map(|&i| chars[i]).collect()
}

fn plan_with(actions: Vec<PlanAction>) -> Plan {
    Plan {
        format: 1,
        title: "Essai".into(),
        short_title: None,
        territory: "Ici".into(),
        adopted: None,
        period: Period { start: Date::ymd(2020, 1, 1), end: Date::ymd(2025, 12, 31) },
        people: Vec::new(),
        bodies: Vec::new(),
        rights: None,
        orientations: vec![Orientation { id: "1".into(), title: "Une".into(), summary: None, actions }],
    }
}

fn action(id: &str, title: &str, description: Option<&str>) -> PlanAction {
    PlanAction {
        id: id.into(),
        title: title.into(),
        description: description.map(str::to_string),
        ..Default::default()
    }
}

const DAY: Date = Date(chrono::NaiveDate::from_ymd_opt(2018, 6, 1).unwrap());

#[test]
fn typing_without_accents_finds_accented_and_uppercase_text() {
    let plan = plan_with(vec![
        action("e1", "Une école rurale", None),
        action("e2", "ÉCOLE DU SOIR", None),
        action("e3", "Main-d’œuvre qualifiée", None),
        action("e4", "ŒUVRE SOCIALE", None),
        action("e5", "Ægide et Çà et là À Noël", None),
        action("e6", "Rien à voir", None),
    ]);
    let idx = SearchIndex::new(&plan);
    let today = Date::ymd(2024, 1, 1);
    let search = |q: &str| idx.search(&plan, &parse_query(q), today);

    let hits = search("ecole");
    assert_eq!(sorted(ids(&hits).iter().map(|s| s.to_string()).collect()), ["e1", "e2"]);
    let hits = search("Ecole");
    assert_eq!(ids(&hits).len(), 2);
    for h in &hits {
        let title = &plan.action(&h.action_id).unwrap().title;
        assert_eq!(h.field, Field::Title);
        assert_eq!(fold(&lit(title, &h.title_matches)), "ecole", "{title}");
    }
    // The é of "école" itself is highlighted when "e" is typed.
    let e1 = hits.iter().find(|h| h.action_id == "e1").unwrap();
    assert_eq!(lit("Une école rurale", &e1.title_matches), "école");
    let e2 = hits.iter().find(|h| h.action_id == "e2").unwrap();
    assert_eq!(lit("ÉCOLE DU SOIR", &e2.title_matches), "ÉCOLE");

    let hits = search("oeuvre");
    assert_eq!(sorted(ids(&hits).iter().map(|s| s.to_string()).collect()), ["e3", "e4"]);
    let e3 = hits.iter().find(|h| h.action_id == "e3").unwrap();
    assert_eq!(lit("Main-d’œuvre qualifiée", &e3.title_matches), "œuvre");
    let e4 = hits.iter().find(|h| h.action_id == "e4").unwrap();
    assert_eq!(lit("ŒUVRE SOCIALE", &e4.title_matches), "ŒUVRE");
    assert_eq!(ids(&search("d'oeuvre")), ["e3"], "a plain apostrophe finds a typographic one");

    for q in ["aegide", "ca et la", "a noel", "AEGIDE", "Çà", "Noël"] {
        assert_eq!(ids(&search(q)).first(), Some(&"e5"), "{q}");
    }
    let e5 = &search("aegide")[0];
    assert_eq!(lit("Ægide et Çà et là À Noël", &e5.title_matches), "Ægide");
    let e5 = &search("a noel")[0];
    assert!(lit("Ægide et Çà et là À Noël", &e5.title_matches).contains("Noël"));
}

#[test]
fn a_title_match_beats_a_description_match_and_ties_keep_plan_order() {
    let plan = plan_with(vec![
        action("d1", "Autre chose", Some("Ouverture d'une médiathèque itinérante")),
        action("t1", "Médiathèque itinérante", None),
        action("t2", "Médiathèque itinérante", None),
        action("n1", "Sans rapport", Some("Rien")),
    ]);
    let idx = SearchIndex::new(&plan);
    let hits = idx.search(&plan, &parse_query("mediatheque"), Date::ymd(2024, 1, 1));
    assert_eq!(ids(&hits), ["t1", "t2", "d1"]);
    assert_eq!(hits[0].field, Field::Title);
    assert_eq!(hits[0].score, hits[1].score);
    assert!(hits[1].score > hits[2].score);
    assert_eq!(hits[2].field, Field::Description);
    assert!(hits[2].title_matches.is_empty());
    let d = hits[2].field_text(&plan).unwrap();
    assert_eq!(lit(d, &hits[2].field_matches), "médiathèque");
}

#[test]
fn every_word_must_match_somewhere_and_an_exact_id_comes_first() {
    let mut a = action("x1", "Guichet unique", Some("accueil des usagers"));
    a.sections = vec![Section { title: "Public".into(), text: "Seniors isolés".into() }];
    let plan = plan_with(vec![a, action("x2", "Guichet mobile", None), action("gu", "Autre", None)]);
    let idx = SearchIndex::new(&plan);
    let today = Date::ymd(2024, 1, 1);
    assert_eq!(ids(&idx.search(&plan, &parse_query("guichet seniors"), today)), ["x1"]);
    assert_eq!(ids(&idx.search(&plan, &parse_query("seniors guichet"), today)), ["x1"]);
    let hits = idx.search(&plan, &parse_query("isoles"), today);
    assert_eq!((hits[0].field, hits[0].field_index), (Field::Section, 0));
    assert_eq!(idx.search(&plan, &parse_query("gu"), today)[0].action_id, "gu");
}

#[test]
fn an_empty_query_lists_every_action_in_plan_order() {
    let (_, live) = charente();
    let hits = SearchIndex::new(&live).search(&live, &parse_query("  "), DAY);
    assert_eq!(ids(&hits), ["Spup01", "Spup02", "Spup03", "Spup04", "Spup05"]);
    assert_eq!(hits.iter().map(|h| h.position).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
}

#[test]
fn free_text_on_the_real_plan() {
    let (_, live) = charente();
    let idx = SearchIndex::new(&live);
    let hits = idx.search(&live, &parse_query("operateurs"), DAY);
    // In the titles of Spup02 and Spup03 (plan order), then as a partner of Spup01.
    assert_eq!(ids(&hits), ["Spup02", "Spup03", "Spup01"]);
    assert_eq!(hits[0].field, Field::Title);
    assert_eq!(lit(&live.action("Spup02").unwrap().title, &hits[0].title_matches), "opérateurs");
    assert_eq!(hits[2].field, Field::Partner);
    // Indicator names and ids are searched too.
    assert_eq!(find(&live, "tableau de bord", DAY)[0], "Spup03");
    assert_eq!(find(&live, "spup04", DAY)[0], "Spup04");
    assert_eq!(find(&live, "quartiers prioritaires", DAY), ["Spup01"]);
    assert!(find(&live, "zzzz", DAY).is_empty());
}

#[test]
fn status_filter_reads_the_live_plan() {
    let (base, live) = charente();
    assert_eq!(sorted(find(&base, "statut:encours", DAY)), ["Spup01", "Spup03"]);
    // The journal moved Spup05 to "in progress" (and undid Spup03's abandonment).
    assert_eq!(sorted(find(&live, "statut:encours", DAY)), ["Spup01", "Spup03", "Spup05"]);
    // The index built from the plan file still serves the live plan.
    let idx = SearchIndex::new(&base);
    let hits = idx.search(&live, &parse_query("status:in-progress"), DAY);
    assert_eq!(ids(&hits), ["Spup01", "Spup03", "Spup05"]);
    for q in ["statut:realisee", "statut:réalisée", "status:done", "STATUT:RÉALISÉE", "statut:real"] {
        assert_eq!(find(&live, q, DAY), ["Spup02", "Spup04"], "{q}");
    }
    for q in ["statut:nondemarree", "statut:non-démarrée", "status:not-started"] {
        assert_eq!(find(&base, q, DAY), ["Spup05"], "{q}");
        assert!(find(&live, q, DAY).is_empty(), "{q}");
    }
    assert!(find(&live, "statut:abandonnee", DAY).is_empty());
    assert!(find(&live, "status:abandoned", DAY).is_empty());
    // Repeated or comma-separated values: OR.
    assert_eq!(find(&live, "statut:encours statut:done", DAY).len(), 5);
    assert_eq!(find(&live, "statut:encours,done", DAY).len(), 5);
    // An unknown status matches nothing (and says so in the filter line).
    assert!(find(&live, "statut:bientot", DAY).is_empty());
}

#[test]
fn status_names_parse_in_both_languages() {
    for (names, s) in [
        (&["nondemarree", "non-démarrée", "Non démarrée", "not-started", "NOT STARTED"][..], Status::NotStarted),
        (&["encours", "en cours", "En-Cours", "in-progress", "inprogress"][..], Status::InProgress),
        (&["realisee", "réalisée", "Réalisée", "done", "DONE"][..], Status::Done),
        (&["abandonnee", "abandonnée", "ABANDONNÉE", "abandoned"][..], Status::Abandoned),
    ] {
        for n in names {
            assert_eq!(status_from_name(n), Some(s), "{n}");
        }
    }
    assert_eq!(status_from_name("peut-être"), None);
}

#[test]
fn pilot_partner_and_tag_filters() {
    let (_, live) = charente();
    for q in ["pilote:poste", "pilot:POSTE", "pilote:\"La Poste\"", "partenaire:la-poste,poste"] {
        assert_eq!(find(&live, q, DAY), ["Spup01", "Spup02", "Spup04"], "{q}");
    }
    // Partners too: État is a partner of Spup01 only.
    assert_eq!(find(&live, "partner:etat", DAY), ["Spup01"]);
    assert_eq!(find(&live, "pilote:collectivites", DAY), ["Spup01", "Spup02"]);
    assert_eq!(find(&live, "tag:numerique", DAY), ["Spup03", "Spup04"]);
    assert_eq!(find(&live, "etiquette:Numérique", DAY), ["Spup03", "Spup04"]);
    assert_eq!(find(&live, "tag:physique", DAY), ["Spup02", "Spup04"]);
    assert_eq!(find(&live, "tag:numerique tag:physique", DAY), ["Spup02", "Spup03", "Spup04"]);
    assert!(find(&live, "tag:horaires", DAY).is_empty());
}

#[test]
fn orientation_and_referent_filters() {
    let (_, live) = charente();
    assert_eq!(find(&live, "orientation:4", DAY).len(), 5);
    assert_eq!(find(&live, "axe:ponctuel", DAY).len(), 5);
    assert!(find(&live, "orientation:2", DAY).is_empty());
    assert_eq!(find(&live, "referent:ref-caf", DAY), ["Spup03"]);
    assert_eq!(find(&live, "referent:refcaf", DAY), ["Spup03"], "by login");
    assert_eq!(find(&live, "referent:cpam", DAY), ["Spup02"], "by name: Référent CPAM");
    assert_eq!(find(&live, "referent:\"référent la poste\"", DAY), ["Spup04"]);
    assert_eq!(find(&live, "referent:cellule", DAY), ["Spup01"]);
    assert!(find(&live, "referent:ref", DAY).len() == 3, "names containing « ref »");
}

#[test]
fn late_and_behind_filters() {
    let (base, live) = charente();
    // Spup01 and Spup03 were due on 2017-12-31 and are not done; Spup05 is due on 2018-12-31.
    assert_eq!(find(&live, "est:retard", DAY), ["Spup01", "Spup03"]);
    assert_eq!(find(&live, "is:late", Date::ymd(2019, 1, 1)), ["Spup01", "Spup03", "Spup05"]);
    assert!(find(&live, "is:late", Date::ymd(2017, 1, 1)).is_empty());
    // The journal's measure (15 MSAP in May 2018) is below the line from 15 to 20: behind.
    assert_eq!(find(&live, "est:derriere", DAY), ["Spup01"]);
    assert_eq!(find(&live, "Est:Derrière", DAY), ["Spup01"]);
    assert_eq!(find(&live, "is:behind", DAY), ["Spup01"]);
    assert!(find(&base, "is:behind", DAY).is_empty(), "no measurement in the plan file");
    // Quoted, the filter is free text again.
    let q = parse_query("\"est:retard\"");
    assert!(!q.late);
    assert_eq!(q.terms, ["est:retard"]);
}

#[test]
fn filters_combine_with_and_and_with_free_text() {
    let (_, live) = charente();
    let late = Date::ymd(2019, 1, 1);
    assert_eq!(find(&live, "statut:encours est:retard", DAY), ["Spup01", "Spup03"]);
    assert_eq!(find(&live, "est:retard statut:encours tag:numerique", DAY), ["Spup03"]);
    assert_eq!(find(&live, "tag:numerique statut:done", DAY), ["Spup04"]);
    assert_eq!(find(&live, "pilote:poste statut:done tag:physique", DAY), ["Spup02", "Spup04"]);
    assert_eq!(find(&live, "is:late,behind", late), ["Spup01"]);
    assert!(find(&live, "statut:done est:retard", late).is_empty());
    // Free text ranks within the filtered set.
    // (Spup03's title has "réseau" too, but La Poste is not its pilot.)
    assert_eq!(find(&live, "pilote:poste reseau", DAY), ["Spup01", "Spup02"]);
    // An unknown filter is an error: nothing matches until it is fixed (or quoted: text).
    assert!(find(&live, "couleur:rouge msap", DAY).is_empty());
    let q = parse_query("couleur:rouge msap");
    assert_eq!(
        (q.terms.clone(), q.unknown_filters.clone()),
        (vec!["msap".to_string()], vec!["couleur:rouge".to_string()])
    );
    assert!(q.error(Lang::Fr).is_some());
    assert!(!find(&live, "msap", DAY).is_empty());
}

#[test]
fn the_filter_line_in_both_languages() {
    let q = parse_query(
        "statut:encours,done pilote:caf tag:numerique axe:2 referent:mlegrand est:retard est:derriere msap",
    );
    let en = q.describe(Lang::En);
    let fr = q.describe(Lang::Fr);
    assert_eq!(
        fr,
        "Filtres : statut : En cours ou Réalisée · pilote ou partenaire : « caf » · étiquette : « numerique » · \
         orientation : « 2 » · référent : « mlegrand » · en retard · un indicateur en retard sur la cible"
    );
    assert_eq!(
        en,
        "Filters: status: In progress or Done · pilot or partner: \"caf\" · tag: \"numerique\" · orientation: \"2\" · \
         referent: \"mlegrand\" · late · an indicator behind target"
    );
    assert_eq!(parse_query("msap").describe(Lang::Fr), "");
}

#[test]
fn large_generated_plan_filters_agree_with_a_plain_scan() {
    let plan = copil::generate::plan(2000, 7);
    let idx = SearchIndex::new(&plan);
    assert_eq!(idx.len(), 2000);
    let today = Date::ymd(2021, 6, 1);
    let all: Vec<&PlanAction> = plan.walk().map(|(_, a, _)| a).collect();
    let expect = |f: &dyn Fn(&PlanAction) -> bool| -> Vec<String> {
        all.iter().filter(|a| f(a)).map(|a| a.id.clone()).collect()
    };
    let got = |q: &str| find(&plan, q, today);
    assert_eq!(got("statut:encours"), expect(&|a| a.status == Status::InProgress));
    assert_eq!(got("est:retard"), expect(&|a| copil::plan::progress::is_late(a, today)));
    assert_eq!(
        got("pilote:caf statut:done"),
        expect(&|a| a.status == Status::Done && a.pilots.iter().chain(&a.partners).any(|p| p == "CAF"))
    );
    assert_eq!(got("tag:numerique"), expect(&|a| a.tags.iter().any(|t| t == "Numérique")));
    assert_eq!(got("orientation:3"), {
        let o = &plan.orientations[2];
        o.actions
            .iter()
            .flat_map(|a| copil::plan::model::walk_action(a, 0))
            .map(|(a, _)| a.id.clone())
            .collect::<Vec<_>>()
    });
    assert_eq!(got("referent:p3"), expect(&|a| a.referents.iter().any(|r| r == "p3")));
}

#[test]
fn large_generated_plan_ranks_and_highlights() {
    let plan = copil::generate::plan(3000, 42);
    let idx = SearchIndex::new(&plan);
    let today = Date::ymd(2021, 6, 1);
    // Exact id first.
    let target = plan.walk().nth(2222).unwrap().1.id.clone();
    assert_eq!(idx.search(&plan, &parse_query(&target), today)[0].action_id, target);
    // "edition" highlights the É of "Édition" in the original titles.
    let mut hits = idx.search(&plan, &parse_query("edition"), today);
    idx.highlight(&parse_query("edition"), &mut hits);
    assert!(hits.len() > 30);
    let mut checked = 0;
    for h in hits.iter().filter(|h| h.field == Field::Title) {
        let title = &plan.action(&h.action_id).unwrap().title;
        if !fold(title).contains("edition") {
            continue;
        }
        let shown = lit(title, &h.title_matches);
        assert_eq!(fold(&shown), "edition", "{title}: {shown}");
        if shown.starts_with('É') {
            checked += 1;
        }
    }
    assert!(checked > 10);
    // The actions with the words one after the other come first; within each group, scores
    // never increase down the list.
    let hits = idx.search(&plan, &parse_query("accompagnement numerique"), today);
    let phrase = |h: &Hit| {
        let a = plan.action(&h.action_id).unwrap();
        let mut texts = vec![a.title.clone()];
        texts.extend(a.description.clone());
        texts.extend(a.sections.iter().map(|s| s.text.clone()));
        texts.extend(a.indicators.iter().map(|i| i.name.clone()));
        texts.iter().any(|t| fold(t).contains("accompagnement numerique"))
    };
    let split = hits.iter().position(|h| !phrase(h)).unwrap_or(hits.len());
    assert!(split > 10 && split < hits.len(), "{split} of {}", hits.len());
    assert!(hits[split..].iter().all(|h| !phrase(h)));
    for group in [&hits[..split], &hits[split..]] {
        assert!(
            group
                .windows(2)
                .all(|w| w[0].score > w[1].score || (w[0].score == w[1].score && w[0].position < w[1].position))
        );
    }
}

#[test]
fn every_action_holding_a_word_as_typed_is_found() {
    let plan = copil::generate::plan(2000, 11);
    let idx = SearchIndex::new(&plan);
    let today = Date::ymd(2021, 6, 1);
    for word in ["mediation", "oeuvre", "ecole", "edition", "itinerance", "caf", "sante"] {
        let found: std::collections::HashSet<String> =
            idx.search(&plan, &parse_query(word), today).into_iter().map(|h| h.action_id).collect();
        for (_, a, _) in plan.walk() {
            let holds = fold(&a.title).contains(word)
                || a.description.as_deref().is_some_and(|d| fold(d).contains(word))
                || a.pilots.iter().chain(&a.partners).any(|p| fold(p).contains(word))
                || a.sections.iter().any(|s| fold(&s.text).contains(word));
            if holds {
                assert!(found.contains(&a.id), "{word}: {} not found", a.id);
            }
        }
    }
}

#[test]
fn one_letter_finds_every_action_with_a_word_starting_with_it_and_highlights_it() {
    let plan = copil::generate::plan(600, 5);
    let idx = SearchIndex::new(&plan);
    let today = Date::ymd(2021, 6, 1);
    for letter in ["q", "z", "7", "g", "E"] {
        let mut hits = idx.search(&plan, &parse_query(letter), today);
        idx.highlight(&parse_query(letter), &mut hits);
        let l = fold(letter);
        let holding: Vec<&str> = plan
            .walk()
            .filter(|(_, a, _)| {
                let mut texts = vec![a.id.clone(), a.title.clone()];
                texts.extend(a.description.clone());
                texts.extend(a.pilots.iter().chain(&a.partners).chain(&a.tags).cloned());
                texts.extend(a.sections.iter().map(|s| s.text.clone()));
                texts.extend(a.indicators.iter().map(|i| i.name.clone()));
                texts.iter().any(|t| starts_a_word(&fold(t), &l))
            })
            .map(|(_, a, _)| a.id.as_str())
            .collect();
        let mut got: Vec<&str> = ids(&hits);
        got.sort_by_key(|id| plan.walk().position(|(_, a, _)| a.id == *id));
        assert_eq!(got, holding, "{letter}");
        for h in &hits {
            let a = plan.action(&h.action_id).unwrap();
            assert_eq!(h.title_matches.len(), usize::from(starts_a_word(&fold(&a.title), &l)), "{letter} {}", a.title);
            // (The "e" of "oe" is the "œ" of the original.)
            assert!(h.title_matches.iter().all(|&i| fold(&a.title.chars().nth(i).unwrap().to_string()).contains(&l)));
            let text = h.field_text(&plan).unwrap();
            assert_eq!(h.field_matches.len(), 1);
            assert!(fold(&text.chars().nth(h.field_matches[0]).unwrap().to_string()).contains(&l));
        }
    }
}

/// Whether a word of `text` (letters and digits between anything else) starts with `prefix`.
fn starts_a_word(text: &str, prefix: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(prefix))
}

fn search_ids(plan: &Plan, query: &str) -> Vec<String> {
    find(plan, query, Date::ymd(2024, 1, 1))
}

#[test]
fn a_long_word_forgives_one_typo_and_ranks_below_exact_matches() {
    let plan = plan_with(vec![
        action("t1", "Chantiers d'insertion", None),
        action("x1", "Insersion (sic) dans le titre", None),
        action("t2", "Aide à la réinsertion", Some("Parcours d'insertions professionnelles")),
        action("n1", "Inscription scolaire", None),
    ]);
    // Exact first (x1 holds the typed word), then one letter wrong.
    assert_eq!(search_ids(&plan, "insersion"), ["x1", "t1", "t2"]);
    // One letter missing (also the letters of "insertion" in order: a fuzzy match, as
    // "Inscription" is), one extra.
    let got = search_ids(&plan, "insrtion");
    assert_eq!(got[0], "t1");
    assert!(got.contains(&"t2".to_string()));
    assert_eq!(search_ids(&plan, "inssertion"), ["t1", "t2"]);
    // Two letters wrong: nothing.
    assert!(search_ids(&plan, "imsersiun").is_empty());
    // Four letters or fewer: no typo forgiven.
    assert!(search_ids(&plan, "ade").is_empty());
    // The word found with its typo is highlighted.
    let idx = SearchIndex::new(&plan);
    let hits = idx.search(&plan, &parse_query("insersion"), Date::ymd(2024, 1, 1));
    assert_eq!(lit("Chantiers d'insertion", &hits[1].title_matches), "insertion");
    assert!(hits[0].score > hits[1].score || hits[0].action_id == "x1");
}

#[test]
fn words_that_follow_one_another_rank_first() {
    let plan = plan_with(vec![
        action("s1", "Santé : une maison pour tous", Some("De la prévention")),
        action("s2", "Accès aux soins", Some("Ouvrir des maisons de santé pluriprofessionnelles")),
        action("s3", "Maison de santé", None),
        action("s4", "Santé de la maison", None),
    ]);
    // s3 has the phrase in its title, s2 in its description ("maisons": a word's start); s1
    // and s4 have the words, apart or out of order, even in their titles.
    let got = search_ids(&plan, "maison de sante");
    assert_eq!(got[..2], ["s3", "s2"]);
    assert_eq!(sorted(got[2..].to_vec()), ["s1", "s4"]);
    assert_eq!(search_ids(&plan, "\"maison de sante\""), ["s3"]);
}

#[test]
fn short_words_match_whole_words_or_word_starts_never_scattered_letters() {
    let plan = plan_with(vec![
        action("i1", "Structures de l'IAE", None),
        action("i2", "Financiariser la dette", Some("Diagnostic initial aérien")),
        action("c1", "Permanences CAF", None),
        action("c2", "Un café citoyen", None),
        action("c3", "Décafeiné", None),
        action("r1", "Le RSA et l'emploi", None),
        action("r2", "Vers un dispositif transversal", None),
    ]);
    assert_eq!(search_ids(&plan, "IAE"), ["i1"]);
    assert_eq!(search_ids(&plan, "caf"), ["c1", "c2"]);
    assert_eq!(search_ids(&plan, "rsa"), ["r1"]);
    // Not in l'accompagnement, though its letters are.
    let plan = plan_with(vec![
        action("a1", "Renforcer l'accompagnement", None),
        action("l1", "Le logement des jeunes", None),
        action("l2", "Relogement d'urgence", None),
    ]);
    assert_eq!(search_ids(&plan, "logement"), ["l1", "l2"]);
}

#[test]
fn plain_words_are_text_even_filter_names() {
    let plan = plan_with(vec![
        action("p1", "Prévenir les retards de paiement", None),
        action("p2", "Prévenir le décrochage", None),
        action("p3", "Résorber le retard numérique", None),
    ]);
    assert_eq!(search_ids(&plan, "prevenir retard"), ["p1"]);
    assert_eq!(search_ids(&plan, "retard"), ["p1", "p3"]);
}

#[test]
fn my_actions_are_those_i_pilot_or_refer() {
    let mut plan = plan_with(vec![
        action("m1", "Piloté par moi", None),
        action("m2", "Suivi par moi", None),
        action("m3", "Pas à moi", None),
        action("m4", "Piloté par mon login", None),
    ]);
    plan.people = vec![
        copil::plan::model::Person {
            id: "ml".into(),
            name: "M. Legrand".into(),
            org: None,
            role: None,
            login: Some("mlegrand".into()),
            ssh_keys: Vec::new(),
        },
        copil::plan::model::Person {
            id: "xx".into(),
            name: "X".into(),
            org: None,
            role: None,
            login: None,
            ssh_keys: Vec::new(),
        },
    ];
    let acts = &mut plan.orientations[0].actions;
    acts[0].pilots = vec!["ml".into()];
    acts[1].referents = vec!["ml".into()];
    acts[2].pilots = vec!["xx".into()];
    acts[2].partners = vec!["ml".into()];
    acts[3].pilots = vec!["mlegrand".into()];
    let idx = SearchIndex::new(&plan);
    let day = Date::ymd(2024, 1, 1);
    let mine = |q: &str, me: Option<&str>| -> Vec<String> {
        idx.search_as(&plan, &parse_query(q), day, me).into_iter().map(|h| h.action_id).collect()
    };
    assert_eq!(mine("est:moi", Some("ml")), ["m1", "m2"]);
    assert_eq!(mine("is:mine", Some("mlegrand")), ["m1", "m2", "m4"]);
    assert_eq!(mine("est:moi suivi", Some("ml")), ["m2"]);
    assert_eq!(mine("est:moi", Some("xx")), ["m3"]);
    // No user known: nothing is mine.
    assert!(mine("est:moi", None).is_empty());
    assert!(idx.search(&plan, &parse_query("est:moi"), day).is_empty());
}

#[test]
fn results_past_the_first_ones_are_highlighted_on_demand() {
    let plan = copil::generate::plan(3000, 42);
    let idx = SearchIndex::new(&plan);
    let q = parse_query("mediation");
    let mut hits = idx.search(&plan, &q, Date::ymd(2021, 6, 1));
    assert!(hits.len() > copil::search::HIGHLIGHTED + 100, "{}", hits.len());
    let (first, rest) = hits.split_at(copil::search::HIGHLIGHTED);
    assert!(first.iter().all(|h| h.highlighted) && rest.iter().all(|h| !h.highlighted && h.title_matches.is_empty()));
    let before: Vec<(String, i64, Field)> = hits.iter().map(|h| (h.action_id.clone(), h.score, h.field)).collect();
    idx.highlight(&q, &mut hits);
    // The same results in the same order, now all highlighted where the word is.
    let after: Vec<(String, i64, Field)> = hits.iter().map(|h| (h.action_id.clone(), h.score, h.field)).collect();
    assert_eq!(before, after);
    for h in &hits {
        assert!(h.highlighted);
        let a = plan.action(&h.action_id).unwrap();
        if fold(&a.title).contains("mediation") {
            assert_eq!(fold(&lit(&a.title, &h.title_matches)), "mediation", "{}", a.title);
        }
        let text = h.field_text(&plan).unwrap();
        assert_eq!(fold(&lit(text, &h.field_matches)), "mediation", "{text}");
    }
}
