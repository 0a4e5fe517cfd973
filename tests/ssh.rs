//! A team served over SSH, for real: an sshd of our own on 127.0.0.1 (its own host key, config
//! and authorized_keys, written by `copil keys` from the plan's `ssh_keys`), a client key, and
//! copil run as the forced command. One headless edit and one refusal through `ssh`, then the
//! interface through `ssh -t` under tmux: the chooser, a comment saved, back to the chooser.
//!
//! Needs openssh-server, openssh-client and tmux (`.ci/run` installs them). Without them the
//! tests fail in CI (CI=true) and are skipped elsewhere, saying so.

mod common;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_copil");

/// The first of `names` found in PATH or the sbin folders (sshd is rarely in a user's PATH).
fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/local/sbin"].map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// The programs, or `None` after saying why the test is skipped (outside CI only).
fn tools() -> Option<(PathBuf, PathBuf, PathBuf)> {
    let (sshd, keygen, ssh) = (find("sshd"), find("ssh-keygen"), find("ssh"));
    let tmux = Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success());
    if let (Some(sshd), Some(keygen), Some(ssh), true) = (sshd.clone(), keygen.clone(), ssh.clone(), tmux) {
        return Some((sshd, keygen, ssh));
    }
    let missing: Vec<&str> =
        [("sshd", sshd.is_some()), ("ssh-keygen", keygen.is_some()), ("ssh", ssh.is_some()), ("tmux", tmux)]
            .iter()
            .filter(|(_, found)| !found)
            .map(|(n, _)| *n)
            .collect();
    let why = format!("the SSH tests need {} (apt-get install openssh-server openssh-client tmux)", missing.join(", "));
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{why}");
    }
    eprintln!("note: skipped: {why}");
    None
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

/// An sshd serving the plans' folder to one key, stopped when dropped.
struct Server {
    dir: tempfile::TempDir,
    child: Child,
    port: u16,
    user: String,
    ssh: PathBuf,
}

impl Server {
    fn start(sshd: &Path, keygen: &Path, ssh: &Path) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_path_buf();
        for (name, comment) in [("host_key", "host"), ("client_key", "ref-caf@poste")] {
            run(Command::new(keygen).args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"]).arg(d.join(name)));
        }
        // The plan declares the client key on the CAF's referent; `copil keys` writes the lines.
        let plans = d.join("plans");
        std::fs::create_dir(&plans).unwrap();
        let plan = common::copy_fixture(&plans);
        let key = std::fs::read_to_string(d.join("client_key.pub")).unwrap();
        let text = std::fs::read_to_string(&plan).unwrap();
        let person = r#"login: "refcaf")"#;
        assert!(text.contains(person));
        let text = text.replacen(person, &format!(r#"login: "refcaf", ssh_keys: [{:?}])"#, key.trim()), 1);
        std::fs::write(&plan, text).unwrap();
        let keys = run(Command::new(BIN).arg("keys").arg(&plan));
        let lines = String::from_utf8(keys.stdout).unwrap();
        assert!(lines.contains("shell --user ref-caf"), "{lines}");
        std::fs::write(d.join("authorized_keys"), &lines).unwrap();

        let user = String::from_utf8(run(Command::new("id").arg("-un")).stdout).unwrap().trim().to_string();
        // sshd's privilege separation wants its empty folder (systemd makes it on a real server).
        let _ = std::fs::create_dir_all("/run/sshd");
        // A free port, asked of the system; if another process takes it first, another one.
        for _ in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let host_pub = std::fs::read_to_string(d.join("host_key.pub")).unwrap();
            std::fs::write(d.join("known_hosts"), format!("[127.0.0.1]:{port} {host_pub}")).unwrap();
            let root = user == "root";
            let config = format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nPidFile {pid}\nAuthorizedKeysFile {keys}\n\
                 StrictModes no\nPubkeyAuthentication yes\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n\
                 PermitRootLogin prohibit-password\nUsePAM {pam}\nPermitUserEnvironment no\nX11Forwarding no\n\
                 AllowTcpForwarding no\nLogLevel VERBOSE\nSetEnv SHLVL=5\n",
                host = d.join("host_key").display(),
                pid = d.join("sshd.pid").display(),
                keys = d.join("authorized_keys").display(),
                pam = if root { "yes" } else { "no" },
            );
            // `SetEnv SHLVL=5`: bash sources the account's ~/.bashrc for a command run by sshd only
            // at the first shell level; the test machine's own rc files (a slow pyenv, say) are not
            // under test. A real service account has a plain shell and no rc files (README).
            std::fs::write(d.join("sshd_config"), config).unwrap();
            let log = std::fs::File::create(d.join("sshd.log")).unwrap();
            let mut child = Command::new(sshd)
                .args(["-D", "-e", "-f"])
                .arg(d.join("sshd_config"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .expect("start sshd");
            if listening(&mut child, port, &d) {
                return Server { dir, child, port, user, ssh: ssh.to_path_buf() };
            }
            let log = std::fs::read_to_string(d.join("sshd.log")).unwrap_or_default();
            assert!(log.contains("Address already in use"), "sshd ended:\n{log}");
        }
        panic!("no free port for sshd in 5 tries");
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("plans").join("plan.ron")
    }

    /// The ssh command line, as a list of words (`-t` for a terminal).
    fn ssh_args(&self, tty: bool) -> Vec<String> {
        let mut args = vec![self.ssh.display().to_string(), "-F".into(), "/dev/null".into()];
        args.extend(["-i".into(), self.dir.path().join("client_key").display().to_string()]);
        args.extend(["-p".into(), self.port.to_string()]);
        // Our sshd's host key, and no other.
        args.extend(["-o".into(), format!("UserKnownHostsFile={}", self.dir.path().join("known_hosts").display())]);
        for o in ["StrictHostKeyChecking=yes", "IdentitiesOnly=yes", "BatchMode=yes", "LogLevel=ERROR"] {
            args.extend(["-o".into(), o.into()]);
        }
        args.push(if tty { "-tt".into() } else { "-T".into() });
        args.push(format!("{}@127.0.0.1", self.user));
        args
    }

    /// `ssh ACCOUNT@127.0.0.1 COMMAND`, with an environment that names someone else.
    fn ssh(&self, command: &str) -> Output {
        let args = self.ssh_args(false);
        Command::new(&args[0])
            .args(&args[1..])
            .arg(command)
            .env("USER", "mallory")
            .env("LOGNAME", "mallory")
            .stdin(Stdio::null())
            .output()
            .expect("run ssh")
    }
}

/// Waits until sshd accepts connections: true, or false when it has ended (see its log).
fn listening(child: &mut Child, port: u16, dir: &Path) -> bool {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let log = std::fs::read_to_string(dir.join("sshd.log")).unwrap_or_default();
            panic!("sshd did not listen in 30 s:\n{log}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_headless_edit_over_ssh_is_written_as_the_key_s_person_and_other_programs_are_refused() {
    let Some((sshd, keygen, ssh)) = tools() else { return };
    let server = Server::start(&sshd, &keygen, &ssh);
    let before = common::journal_lines(&server.plan()).len();

    let o = server.ssh("status plan.ron Spup02 encours --note 'par ssh'");
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}\nsshd:\n{}", server.log());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Enregistré"), "{}", String::from_utf8_lossy(&o.stdout));
    let lines = common::journal_lines(&server.plan());
    assert_eq!(lines.len(), before + 1);
    let last = lines.last().unwrap();
    assert!(last.contains(r#"by: "ref-caf""#) && last.contains(r#"note: "par ssh""#), "{last}");

    let o = server.ssh("cat /etc/passwd");
    assert_eq!(o.status.code(), Some(126));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("commande refusée : « cat »"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    let o = server.ssh("check ../plans/plan.ron");
    assert_eq!(o.status.code(), Some(126));
    assert!(String::from_utf8_lossy(&o.stderr).contains("`..` n'est pas permis"));
    assert_eq!(common::journal_lines(&server.plan()).len(), before + 1);
}

/// A private tmux server running one command in an 80×24 window.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, command: &str) -> Tmux {
        let t = Tmux { socket: format!("copil-ssh-{name}-{}", std::process::id()) };
        t.run(&["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "80", "-y", "24"]);
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t.run(&["respawn-pane", "-k", "-t", "main", command]);
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

    fn typed(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    fn wait_for(&self, text: &str, server: Option<&Server>) -> String {
        let start = Instant::now();
        loop {
            let s = self.run(&["capture-pane", "-p", "-t", "main"]);
            // A whole frame: the same screen on two looks (see `common::tmux::Tmux::wait_until`).
            if s.contains(text) {
                std::thread::sleep(Duration::from_millis(50));
                if self.run(&["capture-pane", "-p", "-t", "main"]) == s {
                    return s;
                }
                continue;
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("waited 30s for {text:?}; screen:\n{s}\nsshd:\n{}", server.map(Server::log).unwrap_or_default());
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
fn the_interface_over_ssh_t_chooses_a_plan_saves_a_comment_and_comes_back() {
    let Some((sshd, keygen, ssh)) = tools() else { return };
    let server = Server::start(&sshd, &keygen, &ssh);
    let words: Vec<String> = server.ssh_args(true).iter().map(|w| format!("'{w}'")).collect();
    let tmux = Tmux::start("chooser", &format!("USER=mallory {}; echo \"EXIT=$?\"; sleep 60", words.join(" ")));

    let s = tmux.wait_for("connecté en tant que ref-caf", Some(&server));
    assert!(s.contains("▶ plan.ron") && s.contains("SDAASP Charente — Charente"), "{s}");
    tmux.keys(&["Enter"]);
    // The plan: its tree, with the orientation's actions.
    tmux.wait_for("Spup01", Some(&server));
    tmux.keys(&["j"]);
    tmux.wait_for("Spup01 · Constitution", Some(&server));
    tmux.keys(&["c"]);
    tmux.wait_for("Commentaire", Some(&server));
    tmux.typed("vu par ssh");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Enregistré", Some(&server));
    let last = common::journal_lines(&server.plan()).pop().unwrap();
    assert!(last.contains(r#"text: "vu par ssh""#) && last.contains(r#"by: "ref-caf""#), "{last}");
    // Quitting the plan comes back to the chooser; quitting it ends the session.
    tmux.keys(&["q"]);
    tmux.wait_for("connecté en tant que ref-caf", Some(&server));
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0", Some(&server));
}

/// Without sshd: the forced command on one plan file opens that plan at once; a user who is not
/// a person of the plan reads it, and the edit keys say why they do nothing.
#[test]
fn on_one_plan_the_shell_opens_it_directly_and_a_stranger_only_reads() {
    if Command::new("tmux").arg("-V").output().is_err() {
        panic!("tmux is required for the end-to-end tests (apt-get install tmux)");
    }
    let dir = tempfile::tempdir().unwrap();
    let plan = common::copy_fixture(dir.path());
    let before = common::journal_lines(&plan);
    let tmux = Tmux::start(
        "one-plan",
        &format!(
            "env -u SSH_ORIGINAL_COMMAND LANG=C.UTF-8 USER=ref-caf {BIN} shell --user inconnu '{}'; echo \"EXIT=$?\"; sleep 60",
            plan.display()
        ),
    );
    tmux.wait_for("Spup01", None);
    tmux.keys(&["j"]);
    tmux.wait_for("Spup01 · Constitution", None);
    tmux.keys(&["c"]);
    tmux.wait_for("Lecture seule (« inconnu » n'est pas une personne du plan)", None);
    tmux.keys(&["q"]);
    tmux.wait_for("EXIT=0", None);
    assert_eq!(common::journal_lines(&plan), before);
}
