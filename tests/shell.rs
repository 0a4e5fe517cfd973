//! `copil shell` as sshd runs it (the command in SSH_ORIGINAL_COMMAND) and `copil keys`, without
//! sshd: the allowlist, the confinement to PATH, the identity from `--user`. `tests/ssh.rs`
//! drives the same through a real sshd.

mod common;

use copil::lang::Lang;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{copy_fixture, journal_lines};

const BIN: &str = env!("CARGO_BIN_EXE_copil");

/// `copil shell --user USER PATH` with sshd's SSH_ORIGINAL_COMMAND, run by an account whose
/// environment names someone else (mallory), without a locale (French), stdin closed.
fn shell(user: &str, path: &Path, original: Option<&str>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(["shell", "--user", user])
        .arg(path)
        .env("USER", "mallory")
        .env("LOGNAME", "mallory")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("LANGUAGE")
        .env_remove("SSH_ORIGINAL_COMMAND")
        .stdin(Stdio::null());
    if let Some(o) = original {
        cmd.env("SSH_ORIGINAL_COMMAND", o);
    }
    cmd.output().expect("run copil shell")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn an_edit_is_written_as_the_user_of_the_forced_command_whatever_the_environment_says() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_fixture(dir.path());
    let before = journal_lines(&plan).len();
    let o = shell("ref-caf", dir.path(), Some("status plan.ron Spup02 encours --note 'vu en COTECH'"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines = journal_lines(&plan);
    assert_eq!(lines.len(), before + 1);
    let last = lines.last().unwrap();
    assert!(last.contains(r#"by: "ref-caf""#), "{last}");
    assert!(last.contains(r#"note: "vu en COTECH""#), "{last}");
    assert!(!last.contains("mallory"));
    // A leading `copil` and a plan named without `.ron` are fine; quotes are the shell's, and
    // what they hold is never run.
    let o = shell("ref-caf", dir.path(), Some(r#"copil comment plan Spup02 "ok; rm -rf / $(id)""#));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let last = journal_lines(&plan).pop().unwrap();
    assert!(last.contains(r#"text: "ok; rm -rf / $(id)""#), "{last}");
    assert!(last.contains(r#"by: "ref-caf""#), "{last}");
}

#[test]
fn reading_commands_run_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let o = shell("ref-caf", dir.path(), Some("check plan.ron"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("SDAASP Charente"));
    let o = shell("ref-caf", dir.path(), Some("search plan msap"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Spup01"));
    let o = shell("ref-caf", dir.path(), Some("log plan.ron --action Spup01"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = shell("ref-caf", dir.path(), Some("minutes plan.ron 2018-06-12-cotech -o cr.md"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.path().join("cr.md")).unwrap().contains("COTECH"));
    let o = shell("ref-caf", dir.path(), Some("report plan.ron --format csv -o tableau.csv"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("tableau.csv").is_file());
}

#[test]
fn other_programs_and_copil_s_other_commands_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_fixture(dir.path());
    let before = journal_lines(&plan);
    for (cmd, word) in [
        ("ls /", "ls"),
        ("cat /etc/passwd", "cat"),
        ("sh -c 'id'", "sh"),
        ("/bin/sh", "/bin/sh"),
        ("scp -t /tmp", "scp"),
        ("keys plan.ron", "keys"),
        ("generate /tmp", "generate"),
        ("shell --user cellule-etat /", "shell"),
        ("--lang en keys plan.ron", "keys"),
        ("--read-only --keymap x.ron cat /etc/passwd", "cat"),
    ] {
        let o = shell("ref-caf", dir.path(), Some(cmd));
        assert_eq!(o.status.code(), Some(126), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).contains(&format!("commande refusée : « {word} »")), "{cmd}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(
                "check, verify, status, measure, comment, reschedule, log, search, show, list, report, minutes"
            )
        );
        assert!(stdout(&o).is_empty(), "{cmd}");
    }
    let o = shell("ref-caf", dir.path(), Some("comment plan.ron Spup01 'no end"));
    assert_eq!(o.status.code(), Some(126));
    assert!(stderr(&o).contains("guillemets non refermés"), "{}", stderr(&o));
    assert_eq!(journal_lines(&plan), before, "nothing written");
}

#[test]
fn files_outside_the_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    let plan = copy_fixture(&plans);
    // A plan beside the folder, and a link to it from inside.
    let outside = copy_fixture(dir.path());
    std::os::unix::fs::symlink(&outside, plans.join("lien.ron")).unwrap();
    std::os::unix::fs::symlink(dir.path(), plans.join("haut")).unwrap();
    let before = (journal_lines(&plan), journal_lines(&outside));
    for (cmd, want) in [
        ("check ../plan.ron", "chemin refusé : « ../plan.ron » : `..` n'est pas permis"),
        ("status ../plan.ron Spup01 encours", "`..` n'est pas permis"),
        ("check /etc/passwd", "chemin refusé : « /etc/passwd » est hors du dossier des plans"),
        ("check lien.ron", "chemin refusé : « lien.ron » est hors du dossier des plans"),
        ("comment haut/plan.ron Spup01 x", "« haut/plan.ron » est hors du dossier des plans"),
        ("report plan.ron -o ../r.md", "`..` n'est pas permis"),
        ("report plan.ron -o /tmp/r.md", "« /tmp/r.md » est hors du dossier des plans"),
        (
            "report plan.ron -o plan.journal.ron",
            "sortie refusée : « plan.journal.ron » : attendu un fichier .md ou .csv",
        ),
        ("minutes plan.ron 2018-06-12-cotech -o haut/cr.md", "hors du dossier des plans"),
        ("check --keymap /etc/passwd plan.ron", "« /etc/passwd » est hors du dossier des plans"),
        ("check --config ../x.ron plan.ron", "`..` n'est pas permis"),
        ("check plan.journal", "« plan.journal » n'est pas un plan"),
    ] {
        let o = shell("ref-caf", &plans, Some(cmd));
        assert_eq!(o.status.code(), Some(126), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{cmd}: {}", stderr(&o));
    }
    assert_eq!((journal_lines(&plan), journal_lines(&outside)), before, "nothing written");
    assert!(!dir.path().join("r.md").exists() && !dir.path().join("cr.md").exists());
    // An absolute path inside the folder is fine.
    let abs = std::fs::canonicalize(&plan).unwrap();
    let o = shell("ref-caf", &plans, Some(&format!("check '{}'", abs.display())));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_shell_on_one_plan_serves_only_that_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_fixture(dir.path());
    std::fs::copy(&plan, dir.path().join("autre.ron")).unwrap();
    let o = shell("ref-caf", &plan, Some("check autre.ron"));
    assert_eq!(o.status.code(), Some(126));
    assert!(stderr(&o).contains("ce compte ne sert qu'un plan"), "{}", stderr(&o));
    let o = shell("ref-caf", &plan, Some("check plan"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_user_who_is_not_a_person_of_the_plan_may_only_read() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_fixture(dir.path());
    let before = journal_lines(&plan);
    // "refcaf" is ref-caf's login, not a person id; mallory is the account's $USER.
    for user in ["inconnu", "refcaf", "mallory"] {
        let o = shell(user, dir.path(), Some("status plan.ron Spup01 realisee"));
        assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("erreur : lecture seule : « {user} » n'est pas une personne du plan\n")),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(journal_lines(&plan), before);
    let o = shell("inconnu", dir.path(), Some("log plan.ron"));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn help_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let o = shell("ref-caf", dir.path(), Some("help"));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("connecté en tant que « ref-caf »"), "{}", stdout(&o));
    assert!(stdout(&o).contains("ssh COMPTE@SERVEUR status PLAN 1-1 encours"));
    let o = shell("ref-caf", dir.path(), Some("--lang en help"));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("logged in as \"ref-caf\""), "{}", stdout(&o));
    let o = shell("ref-caf", dir.path(), Some("status --help"));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Usage: copil status"), "{}", stdout(&o));
    let o = shell("ref-caf", dir.path(), Some("status plan.ron"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("required"), "{}", stderr(&o));
}

#[test]
fn the_interface_needs_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    for original in [None, Some("plan.ron")] {
        let o = shell("ref-caf", dir.path(), original);
        assert_eq!(o.status.code(), Some(2), "{original:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("connectez-vous avec `ssh -t`"), "{}", stderr(&o));
    }
}

const ED25519: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIClPpmz58G+KYnZMkpWhS5jP+SdNuOnyWHzMvt6bvFDh alice@laptop";
const ECDSA: &str = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHBGT3MuB1ebl0MgG/xpIfp7+gpJEAeOIrk7Sm7XoAaD32OnODraxfkHoUEZBpawk/fhARfNv8plcsl+OYHiFJw= bob";

/// A small plan whose people declare the keys (RON string literals, as written by hand).
fn plan_with_keys(dir: &Path, alice: &str, bob: &str) -> std::path::PathBuf {
    plan_named(dir, "equipe.ron", alice, bob)
}

fn plan_named(dir: &Path, name: &str, alice: &str, bob: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            r#"Plan(
    format: 1,
    title: "Plan",
    territory: "Charente",
    period: (start: "2018-01-01", end: "2023-12-31"),
    people: [
        Person(id: "alice", name: "Alice Martin", ssh_keys: [{alice}]),
        Person(id: "bob", name: "Bob Durand", org: "CAF",
               ssh_keys: [{bob}]),
        Person(id: "carole", name: "Carole Sans Clé"),
    ],
    orientations: [Orientation(id: "1", title: "O", actions: [Action(id: "1-1", title: "A")])],
)
"#
        ),
    )
    .unwrap();
    path
}

#[test]
fn keys_prints_one_forced_line_per_declared_key() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("plans de l'équipe");
    std::fs::create_dir(&folder).unwrap();
    let plan = plan_with_keys(&folder, &format!("{ED25519:?}"), &format!("{ECDSA:?}"));
    let o = common::copil(&["keys", plan.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bin = std::fs::canonicalize(BIN).unwrap();
    let folder = std::fs::canonicalize(&folder).unwrap().display().to_string().replace('\'', r"'\''");
    let bin = bin.display();
    assert_eq!(
        stdout(&o),
        format!(
            "# Alice Martin (alice)\n\
             command=\"{bin} shell --user alice '{folder}'\",restrict,pty {ED25519}\n\
             # Bob Durand (bob)\n\
             command=\"{bin} shell --user bob '{folder}'\",restrict,pty {ECDSA}\n"
        )
    );
}

#[test]
fn a_bad_key_is_refused_with_its_place_in_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let truncated = &ED25519[..60];
    let plan = plan_with_keys(dir.path(), &format!("{ED25519:?}"), &format!("{truncated:?}"));
    let o = common::copil(&["keys", plan.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("clé SSH de « bob » invalide : le base64 n'est pas une clé du type annoncé"), "{e}");
    assert!(e.contains(&format!("{}:9:27", plan.display())), "{e}");
    assert!(e.contains("ssh_keys: [\"ssh-ed25519 AAAA"), "{e}");
    // The same key for two people, and a key with options of its own.
    let plan = plan_with_keys(dir.path(), &format!("{ED25519:?}"), &format!("{ED25519:?}"));
    let o = common::copil(&["check", plan.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("clé déclarée deux fois"), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("{}:9:27", plan.display())), "{}", stderr(&o));
    let forced = format!("command=\"/bin/sh\" {ED25519}");
    let plan = plan_with_keys(dir.path(), &format!("{forced:?}"), &format!("{ECDSA:?}"));
    let o = common::copil(&["keys", plan.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("clé SSH de « alice » invalide : forme inattendue"), "{}", stderr(&o));
    // No key at all: nothing to write, said so.
    let o = common::copil(&["keys", "tests/fixtures/charente-extract.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ne déclare de clé"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

/// The chooser of `ssh -t ACCOUNT@SERVER` on a folder: its plans (a broken one says why, links
/// out of the folder and journals are not listed), drawn at 80×24; the tree's keys choose.
#[test]
fn the_chooser_lists_the_folder_s_plans_and_opens_the_chosen_one() {
    use copil::shell::chooser::{Choice, Chooser};
    use copil::shell::confine::Scope;
    use copil::tui::keymap::Keymap;
    use copil::tui::view::theme::Theme;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::{Terminal, backend::TestBackend};

    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap();
    copy_fixture(&plans);
    std::fs::copy("plans/charente.ron", plans.join("charente.ron")).unwrap();
    std::fs::copy("tests/fixtures/bad-syntax.ron", plans.join("casse.ron")).unwrap();
    std::fs::write(plans.join("notes.txt"), "").unwrap();
    let outside = copy_fixture(dir.path());
    std::os::unix::fs::symlink(&outside, plans.join("lien.ron")).unwrap();
    let scope = Scope::new(&plans).unwrap();
    let text = {
        let chooser = Chooser::new(Lang::Fr, &scope, "cellule-etat", Keymap::builtin());
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| chooser.draw(Lang::Fr, f, &Theme::default16())).unwrap();
        common::text(&term)
    };
    insta::assert_snapshot!(text);
    let mut chooser = Chooser::new(Lang::Fr, &scope, "ref-caf", Keymap::builtin());
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(chooser.handle_key(key(KeyCode::Down)), None);
    assert_eq!(chooser.handle_key(key(KeyCode::Down)), None);
    assert_eq!(chooser.handle_key(key(KeyCode::Down)), None);
    assert_eq!(chooser.handle_key(key(KeyCode::Enter)), Some(Choice::Open("plan.ron".into())));
    assert_eq!(chooser.handle_key(key(KeyCode::Char('g'))), None);
    assert_eq!(chooser.handle_key(key(KeyCode::Enter)), Some(Choice::Open("casse.ron".into())));
    assert_eq!(chooser.handle_key(key(KeyCode::Char('q'))), Some(Choice::Quit));
}

#[test]
fn keys_of_a_folder_write_each_person_s_key_once_and_refuse_one_key_for_two_people() {
    let dir = tempfile::tempdir().unwrap();
    let (ed, ec) = (format!("{ED25519:?}"), format!("{ECDSA:?}"));
    plan_named(dir.path(), "a.ron", &ed, &ec);
    // The same people and keys in a second plan of the folder, and a journal (not a plan).
    plan_named(dir.path(), "equipe.ron", &ed, &ec);
    std::fs::write(dir.path().join("equipe.journal.ron"), "").unwrap();
    let o = common::copil(&["keys", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 4, "{out}");
    let folder = std::fs::canonicalize(dir.path()).unwrap();
    assert!(out.contains(&format!("shell --user bob {}\",restrict,pty {ECDSA}\n", folder.display())), "{out}");
    // Bob's key declared for alice in a third plan.
    plan_named(dir.path(), "c.ron", &ec, "");
    let o = common::copil(&["keys", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let e = stderr(&o);
    assert!(e.contains("une même clé SSH est déclarée pour « bob » (") && e.contains("a.ron) et « alice » ("), "{e}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn refusals_speak_the_client_s_language() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let o = Command::new(BIN)
        .args(["shell", "--user", "ref-caf"])
        .arg(dir.path())
        .env("LANG", "en_GB.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("SSH_ORIGINAL_COMMAND", "rm -rf plan.ron")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(126));
    assert!(
        stderr(&o).contains("error: command refused: \"rm\"; this account runs only copil: check,"),
        "{}",
        stderr(&o)
    );
    assert!(dir.path().join("plan.ron").exists());
}

/// The identity reaches the interface the same way: `Global::user`, set only by `copil shell`.
#[test]
fn the_interface_writes_as_the_shell_s_user_or_only_reads() {
    use clap::Parser;
    let dir = tempfile::tempdir().unwrap();
    let plan = copy_fixture(dir.path());
    let mut global = copil::cli::Cli::parse_from(["copil"]).global;
    global.user = Some("ref-caf".into());
    let app = copil::cli::prepare(Lang::Fr, &plan, &global, &mut Vec::new()).unwrap().unwrap();
    assert_eq!((app.by.as_str(), app.read_only.as_deref()), ("ref-caf", None));
    global.user = Some("mallory".into());
    let app = copil::cli::prepare(Lang::Fr, &plan, &global, &mut Vec::new()).unwrap().unwrap();
    assert_eq!(app.by, "mallory");
    assert_eq!(app.read_only.as_deref(), Some("« mallory » n'est pas une personne du plan"));
}
