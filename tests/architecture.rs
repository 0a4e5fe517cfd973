//! The layering rules of docs/architecture.md, checked on the source: the domain (`plan/`) uses
//! only the leaf modules, and the leaves use nothing else in the crate.

use std::path::Path;

/// Every `crate::NAME` a Rust file (or a folder of them) names, with where.
fn crate_paths(path: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            out.extend(crate_paths(&entry.unwrap().path()));
        }
        return out;
    }
    let text = std::fs::read_to_string(path).unwrap();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            let name: String = code[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            out.push((name, format!("{}:{}: {}", path.display(), n + 1, line.trim())));
        }
    }
    out
}

const LEAVES: [&str; 4] = ["lang", "text", "ron_format", "exit"];

#[test]
fn the_domain_uses_only_the_leaf_modules() {
    let bad: Vec<String> = crate_paths(Path::new("src/plan"))
        .into_iter()
        .filter(|(name, _)| name != "plan" && !LEAVES.contains(&name.as_str()))
        .map(|(_, at)| at)
        .collect();
    assert!(bad.is_empty(), "plan/ may use only {LEAVES:?}:\n{}", bad.join("\n"));
}

#[test]
fn the_leaves_use_nothing_else_in_the_crate() {
    for leaf in ["src/lang.rs", "src/text", "src/ron_format.rs", "src/exit.rs"] {
        let own = leaf.trim_start_matches("src/").trim_end_matches(".rs");
        let bad: Vec<String> =
            crate_paths(Path::new(leaf)).into_iter().filter(|(name, _)| name != own).map(|(_, at)| at).collect();
        assert!(bad.is_empty(), "{leaf} is a leaf:\n{}", bad.join("\n"));
    }
}
