//! `copil search` from the command line: unknown filters are errors naming the filters, plain
//! words are text, and `est:moi` is the user running copil.

mod common;

use common::copil;

fn stdout_ids(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| l.split('\t').next().unwrap_or("").to_string()).collect()
}

#[test]
fn an_unknown_filter_exits_2_and_names_the_filters() {
    for (lang, word, said) in [
        ("fr", "foo:bar", "filtre inconnu « foo:bar »"),
        ("en", "est:fini", "unknown filter \"est:fini\""),
        ("fr", "etat:fini", "statut inconnu « fini »"),
    ] {
        let out = copil(&["--lang", lang, "search", "plans/charente.ron", "reseau", word]);
        assert_eq!(out.status.code(), Some(2), "{word}: {out:?}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{err}");
        if !word.starts_with("etat") {
            let list =
                if lang == "fr" { ["statut:", "est:retard", "est:moi"] } else { ["status:", "is:late", "is:mine"] };
            assert!(list.iter().all(|f| err.contains(f)), "{err}");
        }
    }
    // Quoted, it is text (found nowhere here: exit 1, no error).
    let out = copil(&["search", "plans/charente.ron", "\"foo:bar\""]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stderr.is_empty());
    // An accepted English alias is no error.
    let out = copil(&["search", "plans/charente.ron", "status:done"]);
    assert_ne!(out.status.code(), Some(2), "{out:?}");
}

#[test]
fn filter_names_typed_as_words_are_searched_as_text() {
    // "rupture" is no filter, nor would "retard" be.
    let out = copil(&["search", "plans/bouches-du-rhone.ron", "prevenir", "rupture"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let out = copil(&["search", "plans/bouches-du-rhone.ron", "prevenir", "retard"]);
    assert_eq!(out.status.code(), Some(1), "no plan text speaks of delays: {out:?}");
    assert!(out.stderr.is_empty());
}

#[test]
fn my_actions_are_those_of_the_user_running_copil() {
    let dir = tempfile::tempdir().unwrap();
    let me = copil::cli::system_login();
    let plan = format!(
        r#"#![enable(implicit_some)]
Plan(format: 1, title: "T", territory: "X", period: (start: "2020-01-01", end: "2025-12-31"),
  people: [
    Person(id: "moi", name: "Moi Même", login: "{me}"),
    Person(id: "autre", name: "Quelqu'un d'autre", login: "zz-not-{me}"),
  ],
  orientations: [Orientation(id: "1", title: "Une", actions: [
    Action(id: "A1", title: "Que je pilote", pilots: ["moi"]),
    Action(id: "A2", title: "Dont je suis référent", pilots: ["autre"], referents: ["moi"]),
    Action(id: "A3", title: "Où je suis partenaire", pilots: ["autre"], partners: ["moi"]),
    Action(id: "A4", title: "Sans moi"),
  ])])"#
    );
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, plan).unwrap();
    let p = path.to_str().unwrap();
    let out = copil(&["search", p, "est:moi"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout_ids(&out), ["A1", "A2"]);
    let out = copil(&["search", p, "is:mine", "referent"]);
    assert_eq!(stdout_ids(&out), ["A2"]);
}
