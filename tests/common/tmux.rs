//! A private tmux server running one command, for every end-to-end test: keys sent with
//! `send-keys`, the screen read with `capture-pane`, waits for a state of the screen (never for
//! time alone: a test waits for what only the step under test produces).

use std::process::Command;
use std::time::{Duration, Instant};

/// A private tmux server running one command in a window of a fixed size.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, width: u16, height: u16, shell_cmd: &str) -> Tmux {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success()),
            "tmux is required for the end-to-end tests (apt-get install tmux)"
        );
        let socket = format!("copil-e2e-{name}-{}", std::process::id());
        let t = Tmux { socket };
        let (w, h) = (width.to_string(), height.to_string());
        t.run(&["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", &w, "-y", &h]);
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t.run(&["respawn-pane", "-k", "-t", "main", shell_cmd]);
        t
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "main", k]);
        }
    }

    /// Types a text literally (no key names).
    pub fn typed(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "main"])
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) -> String {
        self.wait_until(&format!("{text:?}"), secs, |s| s.contains(text))
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&self, text: &str, secs: u64) -> String {
        self.wait_until(&format!("{text:?} to go"), secs, |s| !s.contains(text))
    }

    /// Waits until the screen satisfies `state` (described by `what`) and is a whole frame; panics
    /// with the screen after `secs`. A frame still being written can already show what is waited
    /// for above the rows of the screen before (a busy machine stops copil mid-frame): the screen
    /// is taken once it reads the same twice in a row, as copil draws only when something changed.
    pub fn wait_until(&self, what: &str, secs: u64, state: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if state(&s) {
                std::thread::sleep(Duration::from_millis(50));
                if self.screen() == s {
                    return s;
                }
                continue;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                panic!("waited {secs}s for {what}; screen:\n{s}");
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
