//! End to end in tmux: on a large plan, `/` opens at once and keeps taking keys while the search
//! index is built on another thread; the results of what was typed then show. Needs tmux.

use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_copil");

/// A private tmux server running one command in a window of a fixed size.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, width: u16, height: u16, shell_cmd: &str) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success()),
            "tmux is required for the end-to-end tests (apt-get install tmux)"
        );
        let socket = format!("copil-e2e-{name}-{}", std::process::id());
        let t = Tmux { socket };
        t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t.run(&["respawn-pane", "-k", "-t", "main", shell_cmd]);
        t
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "main", k]);
        }
    }

    /// Types a text literally (no key names).
    fn typed(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "main"])
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    fn wait_for(&self, text: &str, secs: u64) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("waited {secs}s for {text:?}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

#[test]
fn a_large_plan_takes_search_keys_while_its_index_builds() {
    let dir = tempfile::tempdir().unwrap();
    let plan = copil::generate::write(dir.path(), "big", 30_000, 100).unwrap();
    let cmd = format!("{BIN} --lang fr --today 2026-11-23 '{}'; echo \"EXIT=$?\"; sleep 60", plan.display());
    let t = Tmux::start("bigsearch", 100, 30, &cmd);
    t.wait_for("Détail", 60);
    // `/` and the words at once: the keys that arrive while the index is being built (on a
    // slow machine, all of them) land in the line.
    t.keys(&["/"]);
    t.typed("mediation sante");
    let s = t.wait_for("/ mediation sante", 10);
    assert!(s.contains("Recherche"), "{s}");
    // Then the results of the whole line, without another key.
    let s = t.wait_for("actions sur 30000", 60);
    assert!(!s.contains("indexation du plan"), "{s}");
    // Typing goes on, each key answered; the filter shows.
    t.typed(" est:retard");
    let s = t.wait_for("/ mediation sante est:retard", 10);
    let s = if s.contains("Filtres : en retard") { s } else { t.wait_for("Filtres : en retard", 10) };
    assert!(s.contains("actions sur 30000") || s.contains("1 action sur 30000"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("filtre", 10);
    assert!(!s.contains("Recherche"), "back to the tree: {s}");
}
