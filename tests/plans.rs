//! Every bundled real plan passes `copil check` with exit 0 and names its source on its first line.

use std::process::Command;

#[test]
fn every_bundled_plan_checks_clean_and_names_its_seed() {
    let mut n = 0;
    for entry in std::fs::read_dir("plans").unwrap() {
        let path = entry.unwrap().path();
        let name = path.to_string_lossy().into_owned();
        if !name.ends_with(".ron") || name.ends_with(".journal.ron") {
            continue;
        }
        let first = std::fs::read_to_string(&path).unwrap().lines().next().unwrap_or_default().to_string();
        assert!(first.starts_with("//") && first.contains("seeds/"), "{name}: first line names the source: {first}");
        let out = Command::new(env!("CARGO_BIN_EXE_copil")).args(["--lang", "fr", "check", &name]).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        n += 1;
    }
    assert_eq!(n, 4, "Charente, Alpes-de-Haute-Provence, Bouches-du-Rhône, Pas-de-Calais");
}
