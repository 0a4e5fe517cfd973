//! A generator of large, realistic-looking plans and journals, for benchmarks and stress tests.
//! Deterministic: the same sizes and seed give the same bytes.

use crate::plan::journal::{Change, Event};
use crate::plan::model::{
    Amount, Body, BodyKind, Budget, Date, Direction, Funding, Indicator, Orientation, Period, Person, Plan, PlanAction,
    Point, Section, Status, Timestamp, Value,
};

/// A small deterministic pseudo-random sequence (64-bit LCG), enough for varied test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const WORDS: [&str; 24] = [
    "accès",
    "services",
    "numérique",
    "mobilité",
    "santé",
    "école",
    "maison",
    "réseau",
    "accompagnement",
    "proximité",
    "itinérance",
    "médiation",
    "œuvre",
    "démarches",
    "territoire",
    "rural",
    "quartiers",
    "emploi",
    "jeunesse",
    "Édition",
    "coopération",
    "guichet",
    "usagers",
    "inclusion",
];
const ORGS: [&str; 8] = ["CAF", "CPAM", "La Poste", "Pôle emploi", "MSA", "CARSAT", "Département", "Préfecture"];

fn words(rng: &mut Rng, n: usize) -> String {
    let mut s: Vec<&str> = (0..n).map(|_| *rng.pick(&WORDS)).collect();
    s[0] = WORDS[(rng.below(WORDS.len() as u64)) as usize];
    let mut text = s.join(" ");
    if let Some(first) = text.get(0..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

fn date(rng: &mut Rng, from_year: i32, years: u64) -> Date {
    Date::ymd(from_year + rng.below(years) as i32, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
}

fn action(rng: &mut Rng, id: String, people: &[Person]) -> PlanAction {
    let start = date(rng, 2018, 3);
    let due = Date(start.0 + chrono::Duration::days(180 + rng.below(1500) as i64));
    let kind = rng.below(3);
    let indicators = (0..rng.below(3))
        .map(|k| {
            let base = rng.below(50) as f64;
            let (baseline, targets) = match kind {
                0 => (
                    Value::Number(base),
                    vec![Value::Number(base + 10.0 + rng.below(40) as f64), Value::Number(base + 60.0)],
                ),
                1 => (Value::Bool(false), vec![Value::Bool(true)]),
                _ => (Value::Text("aucun".into()), vec![Value::Text(words(rng, 3))]),
            };
            Indicator {
                id: format!("i{k}"),
                name: words(rng, 5),
                unit: (kind == 0).then(|| "structures".to_string()),
                direction: Direction::Increase,
                baseline: Some(Point { date: Date::ymd(2017, 12, 31), value: baseline, note: None, by: None }),
                targets: targets
                    .into_iter()
                    .enumerate()
                    .map(|(j, v)| Point {
                        date: Date::ymd(2020 + 3 * j as i32, 12, 31),
                        value: v,
                        note: None,
                        by: None,
                    })
                    .collect(),
                measurements: Vec::new(),
                source: Some(rng.pick(&ORGS).to_string()),
            }
        })
        .collect();
    let planned = rng.below(500) * 1000;
    PlanAction {
        id,
        title: {
            let n = 6 + rng.below(6) as usize;
            words(rng, n)
        },
        description: Some(format!("{}.\n{}.", words(rng, 20), words(rng, 15))),
        status: Status::ALL[rng.below(3) as usize],
        pilots: vec![rng.pick(&ORGS).to_string()],
        partners: vec![rng.pick(&ORGS).to_string(), rng.pick(&ORGS).to_string()],
        referents: vec![rng.pick(people).id.clone()],
        start: Some(start),
        due: Some(due),
        tags: vec![rng.pick(&["Physique", "Numérique", "Mutualisation", "Horaires"]).to_string()],
        sections: vec![
            Section { title: "Public cible".into(), text: words(rng, 4) },
            Section { title: "Financement".into(), text: words(rng, 6) },
        ],
        milestones: Vec::new(),
        budget: (planned > 0).then(|| Budget {
            planned: Amount(planned),
            committed: Amount(planned / 2),
            spent: Amount(planned / 4),
            funders: vec![Funding { funder: "État".into(), amount: Amount(planned) }],
            note: None,
        }),
        indicators,
        sub_actions: Vec::new(),
    }
}

/// A plan of `n_actions` actions (a quarter of them top-level, each with three sub-actions),
/// spread over ten orientations.
pub fn plan(n_actions: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let people: Vec<Person> = (0..20)
        .map(|i| Person {
            id: format!("p{i}"),
            name: format!("Référent {i}"),
            org: Some(ORGS[i % ORGS.len()].to_string()),
            role: None,
            login: Some(format!("user{i}")),
            ssh_keys: Vec::new(),
        })
        .collect();
    let mut orientations: Vec<Orientation> = (1..=10)
        .map(|i| Orientation { id: i.to_string(), title: words(&mut rng, 7), summary: None, actions: Vec::new() })
        .collect();
    let mut made = 0;
    let mut top = 0;
    while made < n_actions {
        let o = top % orientations.len();
        let id = format!("{}-{}", o + 1, top / orientations.len() + 1);
        let mut a = action(&mut rng, id.clone(), &people);
        made += 1;
        for k in 1..=3 {
            if made >= n_actions {
                break;
            }
            a.sub_actions.push(action(&mut rng, format!("{id}-{k}"), &people));
            made += 1;
        }
        orientations[o].actions.push(a);
        top += 1;
    }
    Plan {
        format: 1,
        title: "Plan généré pour les mesures de performance".into(),
        short_title: Some(format!("Plan généré ({n_actions} actions)")),
        territory: "Territoire fictif".into(),
        adopted: Some(Date::ymd(2017, 12, 20)),
        period: Period { start: Date::ymd(2018, 1, 1), end: Date::ymd(2023, 12, 31) },
        people,
        bodies: vec![
            Body {
                id: "copil".into(),
                name: "Comité de pilotage".into(),
                kind: BodyKind::Copil,
                cadence: Some("annuel".into()),
                chairs: vec!["p0".into()],
                members: vec!["p1".into(), "p2".into()],
            },
            Body {
                id: "cotech".into(),
                name: "Comité technique".into(),
                kind: BodyKind::Cotech,
                cadence: Some("semestriel".into()),
                chairs: vec!["p0".into()],
                members: Vec::new(),
            },
        ],
        rights: None,
        orientations,
    }
}

/// `n_lines` journal lines for a generated plan: mostly status changes, measurements and comments,
/// with a meeting every thousand lines and a few undos.
pub fn journal(plan: &Plan, n_lines: usize, seed: u64) -> Vec<Event> {
    let mut rng = Rng::new(seed ^ 0x5eed);
    let actions: Vec<&PlanAction> = plan.walk().map(|(_, a, _)| a).collect();
    let mut at = chrono::DateTime::parse_from_rfc3339("2019-01-07T09:00:00+01:00").expect("valid");
    let mut out = Vec::with_capacity(n_lines);
    let mut meeting: Option<String> = None;
    while out.len() < n_lines {
        at += chrono::Duration::minutes(7 + rng.below(600) as i64);
        let line = out.len() + 1;
        let a = *rng.pick(&actions);
        let change = if line % 1000 == 1 && meeting.is_none() {
            let id = format!("m{line}");
            meeting = Some(id.clone());
            Change::MeetingOpened {
                id,
                body: "cotech".into(),
                title: Some("COTECH".into()),
                date: Timestamp(at).date(),
                place: None,
            }
        } else if line % 1000 == 20 && meeting.is_some() {
            Change::MeetingClosed { id: meeting.take().unwrap_or_default() }
        } else if line % 997 == 0 {
            Change::Undo { line: line - 1 }
        } else {
            match rng.below(10) {
                0..=3 => Change::Status { action: a.id.clone(), to: Status::ALL[rng.below(4) as usize] },
                4..=6 if !a.indicators.is_empty() => {
                    let ind = rng.pick(&a.indicators);
                    let value = match ind.value_kind() {
                        Some(crate::plan::model::ValueKind::Bool) => Value::Bool(rng.below(2) == 0),
                        Some(crate::plan::model::ValueKind::Text) => Value::Text(words(&mut rng, 3)),
                        _ => Value::Number(rng.below(120) as f64),
                    };
                    Change::Measure {
                        action: a.id.clone(),
                        indicator: ind.id.clone(),
                        point: Point { date: Timestamp(at).date(), value, note: None, by: None },
                    }
                }
                _ => Change::Comment { action: a.id.clone(), text: words(&mut rng, 12) },
            }
        };
        let in_meeting = matches!(change, Change::Status { .. } | Change::Measure { .. } | Change::Comment { .. });
        out.push(Event {
            at: Timestamp(at),
            by: format!("p{}", rng.below(20)),
            change,
            note: (rng.below(5) == 0).then(|| words(&mut rng, 6)),
            meeting: if in_meeting { meeting.clone() } else { None },
            prev: None,
        });
    }
    out
}

/// Writes a generated plan and its journal as `NAME.ron` and `NAME.journal.ron` in `dir`.
pub fn write(
    dir: &std::path::Path,
    name: &str,
    n_actions: usize,
    n_lines: usize,
) -> std::io::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir).map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    let plan = plan(n_actions, 42);
    let pretty = ron::ser::PrettyConfig::new().struct_names(true);
    let text = crate::ron_format::options().to_string_pretty(&plan, pretty).map_err(std::io::Error::other)?;
    let path = dir.join(format!("{name}.ron"));
    std::fs::write(&path, format!("// Generated by copil's generator (src/generate.rs).\n{text}\n"))?;
    let mut journal = String::new();
    for e in self::journal(&plan, n_lines, 42) {
        journal.push_str(&e.to_line());
        journal.push('\n');
    }
    std::fs::write(crate::store::load::journal_path(&path), journal)?;
    Ok(path)
}
