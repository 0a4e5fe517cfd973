//! The imported plan as RON for people: a header naming its source, then the layout of the
//! bundled plans (one field a line, one action per block under a rule naming it, short lists
//! inline, long texts as raw strings).

use std::fmt::Write as _;
use std::path::Path;

use super::build::Built;
use crate::plan::model::{Budget, Indicator, Plan, PlanAction, Point, Status};

/// A string literal: `"…"` (escaped by RON itself), or a raw string `r#"…"#` for a text on
/// several lines.
pub fn lit(s: &str) -> String {
    if s.contains('\n') {
        let mut hashes = 1;
        while s.contains(&format!("\"{}", "#".repeat(hashes))) {
            hashes += 1;
        }
        let h = "#".repeat(hashes);
        return format!("r{h}\"{s}\"{h}");
    }
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => o.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", "))
}

/// A comment's text on one line (a file name or a title must not end the comment).
fn comment(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn status_name(s: Status) -> &'static str {
    s.spelling().ron
}

fn point(p: &Point) -> String {
    let value = ron::to_string(&p.value).unwrap_or_default();
    match &p.note {
        Some(n) => format!("Point(date: \"{}\", value: {value}, note: {})", p.date, lit(n)),
        None => format!("Point(date: \"{}\", value: {value})", p.date),
    }
}

/// The whole plan file.
pub fn write(built: &Built, source: &Path) -> String {
    let plan = &built.plan;
    let mut o = String::new();
    let source_name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let _ = writeln!(
        o,
        "// Imported from {} by `copil import` on {}.",
        comment(&source_name),
        crate::plan::model::Date::today()
    );
    for (sheet, file, rows) in &built.read {
        let file = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let _ = writeln!(o, "//   sheet {} of {}: {rows} row(s)", comment(sheet), comment(&file));
    }
    for a in &built.assumed {
        let _ = writeln!(o, "// To check: {}", comment(a));
    }
    o.push_str("// From now on this file is the plan: edit it by hand, then run `copil check` on it.\n");
    o.push_str("#![enable(implicit_some)]\nPlan(\n    format: 1,\n");
    let _ = writeln!(o, "    title: {},", lit(&plan.title));
    if let Some(s) = &plan.short_title {
        let _ = writeln!(o, "    short_title: {},", lit(s));
    }
    let _ = writeln!(o, "    territory: {},", lit(&plan.territory));
    if let Some(d) = plan.adopted {
        let _ = writeln!(o, "    adopted: \"{d}\",");
    }
    let _ = writeln!(o, "    period: (start: \"{}\", end: \"{}\"),", plan.period.start, plan.period.end);
    people(&mut o, plan);
    o.push_str("    orientations: [\n");
    for or in &plan.orientations {
        let _ = writeln!(
            o,
            "        // ------------------------------------------------------------------ {}",
            comment(&or.id)
        );
        o.push_str("        Orientation(\n");
        let _ = writeln!(o, "            id: {},", lit(&or.id));
        let _ = writeln!(o, "            title: {},", lit(&or.title));
        if let Some(s) = &or.summary {
            let _ = writeln!(o, "            summary: {},", lit(s));
        }
        o.push_str("            actions: [\n");
        for a in &or.actions {
            action(&mut o, a, 4);
        }
        o.push_str("            ],\n        ),\n");
    }
    o.push_str("    ],\n)\n");
    o
}

fn people(o: &mut String, plan: &Plan) {
    if plan.people.is_empty() {
        return;
    }
    o.push_str("    people: [\n");
    for p in &plan.people {
        let mut f = format!("id: {}, name: {}", lit(&p.id), lit(&p.name));
        for (k, v) in [("org", &p.org), ("role", &p.role), ("login", &p.login)] {
            if let Some(v) = v {
                let _ = write!(f, ", {k}: {}", lit(v));
            }
        }
        let _ = writeln!(o, "        Person({f}),");
    }
    o.push_str("    ],\n");
}

fn action(o: &mut String, a: &PlanAction, depth: usize) {
    let pad = "    ".repeat(depth);
    let _ = writeln!(o, "{pad}// ------------------------------------------------ {}", comment(&a.id));
    let _ = writeln!(o, "{pad}Action(");
    let f = format!("{pad}    ");
    let _ = writeln!(o, "{f}id: {},", lit(&a.id));
    let _ = writeln!(o, "{f}title: {},", lit(&a.title));
    if let Some(d) = &a.description {
        let _ = writeln!(o, "{f}description: {},", lit(d));
    }
    if a.status != Status::NotStarted {
        let _ = writeln!(o, "{f}status: {},", status_name(a.status));
    }
    for (k, v) in [("pilots", &a.pilots), ("partners", &a.partners), ("referents", &a.referents)] {
        if !v.is_empty() {
            let _ = writeln!(o, "{f}{k}: {},", list(v));
        }
    }
    if let Some(d) = a.start {
        let _ = writeln!(o, "{f}start: \"{d}\",");
    }
    if let Some(d) = a.due {
        let _ = writeln!(o, "{f}due: \"{d}\",");
    }
    if !a.tags.is_empty() {
        let _ = writeln!(o, "{f}tags: {},", list(&a.tags));
    }
    if let Some(b) = &a.budget {
        budget(o, b, &f);
    }
    if !a.indicators.is_empty() {
        let _ = writeln!(o, "{f}indicators: [");
        for i in &a.indicators {
            indicator(o, i, &format!("{f}    "));
        }
        let _ = writeln!(o, "{f}],");
    }
    if !a.sub_actions.is_empty() {
        let _ = writeln!(o, "{f}sub_actions: [");
        for s in &a.sub_actions {
            action(o, s, depth + 2);
        }
        let _ = writeln!(o, "{f}],");
    }
    let _ = writeln!(o, "{pad}),");
}

fn budget(o: &mut String, b: &Budget, f: &str) {
    let _ = writeln!(o, "{f}budget: Budget(");
    let _ = writeln!(o, "{f}    planned: {},", b.planned.0);
    if b.committed.0 > 0 {
        let _ = writeln!(o, "{f}    committed: {},", b.committed.0);
    }
    if b.spent.0 > 0 {
        let _ = writeln!(o, "{f}    spent: {},", b.spent.0);
    }
    if !b.funders.is_empty() {
        let list: Vec<String> =
            b.funders.iter().map(|x| format!("Funding(funder: {}, amount: {})", lit(&x.funder), x.amount.0)).collect();
        let _ = writeln!(o, "{f}    funders: [{}],", list.join(", "));
    }
    if let Some(n) = &b.note {
        let _ = writeln!(o, "{f}    note: {},", lit(n));
    }
    let _ = writeln!(o, "{f}),");
}

fn indicator(o: &mut String, i: &Indicator, f: &str) {
    let _ = writeln!(o, "{f}Indicator(");
    let _ = writeln!(o, "{f}    id: {},", lit(&i.id));
    let _ = writeln!(o, "{f}    name: {},", lit(&i.name));
    if let Some(u) = &i.unit {
        let _ = writeln!(o, "{f}    unit: {},", lit(u));
    }
    if i.direction == crate::plan::model::Direction::Decrease {
        let _ = writeln!(o, "{f}    direction: Decrease,");
    }
    if let Some(b) = &i.baseline {
        let _ = writeln!(o, "{f}    baseline: {},", point(b));
    }
    if !i.targets.is_empty() {
        let t: Vec<String> = i.targets.iter().map(point).collect();
        let _ = writeln!(o, "{f}    targets: [{}],", t.join(", "));
    }
    if !i.measurements.is_empty() {
        let _ = writeln!(o, "{f}    measurements: [");
        for m in &i.measurements {
            let _ = writeln!(o, "{f}        {},", point(m));
        }
        let _ = writeln!(o, "{f}    ],");
    }
    if let Some(s) = &i.source {
        let _ = writeln!(o, "{f}    source: {},", lit(s));
    }
    let _ = writeln!(o, "{f}),");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_read_back_as_the_same_text() {
        for s in [
            "simple",
            "guillemets \" et \\ barre",
            "deux\nlignes",
            "piège \"# dedans\nbis",
            "tab\tici",
            "échap \u{1b}[31m",
            "l'apostrophe",
        ] {
            let back: String = ron::from_str(&lit(s)).unwrap();
            assert_eq!(back, s);
        }
        assert!(lit("a\nb").starts_with("r#\""));
        assert_eq!(lit("d'accès"), "\"d'accès\"");
    }

    #[test]
    fn comments_stay_on_their_line() {
        assert_eq!(comment("a\nb\r"), "a b ");
    }
}
