//! Documents for people, written once and rendered in several formats: the minutes and the report
//! build a [`Doc`] (headings, paragraphs, lists, tables, figures) and each writer renders it —
//! Markdown here, [`html`] (one self-contained page for A4), [`odt`] (OpenDocument text, the
//! format French administrations exchange). Spreadsheets (`ods`, `xlsx`) render a [`sheet::Book`].
//!
//! Texts in a `Doc` are raw (as in the plan and the journal); every writer escapes them for its
//! own format and replaces control characters (`sanitize`).

pub mod html;
pub mod ods;
pub mod odt;
pub mod sheet;
pub mod svg;
pub mod xlsx;

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::report::md_text;

/// A run of text, plain or strong.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
}

/// Plain text.
pub fn t(s: impl Into<String>) -> Span {
    Span { text: s.into(), strong: false }
}

/// Strong text.
pub fn b(s: impl Into<String>) -> Span {
    Span { text: s.into(), strong: true }
}

/// A line of text: spans one after the other.
pub type Line = Vec<Span>;

/// One item of a list, with sub-items (one level).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub line: Line,
    pub sub: Vec<Line>,
}

impl Item {
    pub fn new(line: Line) -> Item {
        Item { line, sub: Vec::new() }
    }
}

/// "label : value" (French spacing) as one line.
pub fn labelled(l: Lang, label: &str, value: Line) -> Line {
    let mut l = vec![t(tr!(l, format!("{label} : "), format!("{label}: ")))];
    l.extend(value);
    l
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1 is the document's title.
    Heading(u8, Line),
    Para(Line),
    List(Vec<Item>),
    Numbered(Vec<Item>),
    Table(Table),
    /// An SVG picture, its size on paper in millimetres and a text for who cannot see it.
    Figure {
        svg: String,
        width_mm: f64,
        height_mm: f64,
        alt: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    /// Columns aligned right (numbers, amounts).
    pub right: Vec<bool>,
    pub rows: Vec<Vec<Line>>,
    /// Relative column widths (for ODT); empty: equal.
    pub widths: Vec<u32>,
}

impl Table {
    pub fn new(head: &[&str], right: &[bool]) -> Table {
        Table {
            head: head.iter().map(|s| s.to_string()).collect(),
            right: right.to_vec(),
            rows: Vec::new(),
            widths: Vec::new(),
        }
    }
    pub fn row(&mut self, cells: Vec<Line>) {
        self.rows.push(cells);
    }
}

/// A document: its title (for the file's metadata), language and blocks.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    pub title: String,
    pub lang: crate::i18n::Lang,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new(l: Lang, title: impl Into<String>) -> Doc {
        Doc { title: title.into(), lang: l, blocks: Vec::new() }
    }
    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }
    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, vec![t(text)]));
    }
    pub fn para(&mut self, line: Line) {
        self.blocks.push(Block::Para(line));
    }
}

/// The plain text of a line (for captions, metadata and tests).
pub fn plain(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

fn md_line(line: &[Span]) -> String {
    line.iter().map(|s| if s.strong { format!("**{}**", md_text(&s.text)) } else { md_text(&s.text) }).collect()
}

/// Text that starts a list item: `md_text`, and a leading `-`, `+` or `1.` escaped so that it
/// is not read as a list of its own.
fn md_item(line: &[Span]) -> String {
    let t = md_line(line);
    let marker_at =
        |i: usize| t[i..].starts_with(['-', '+', '.', ')']) && t[i + 1..].chars().next().is_none_or(|c| c == ' ');
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let at = match digits {
        0 if t.starts_with(['-', '+']) => Some(0),
        0 => None,
        d if t[d..].starts_with(['.', ')']) => Some(d),
        _ => None,
    };
    match at {
        Some(i) if marker_at(i) => format!("{}\\{}", &t[..i], &t[i..]),
        _ => t,
    }
}

/// The document as Markdown (CommonMark with GFM tables): every block followed by a blank line,
/// the file ending with one line break. Figures have no Markdown form: their text is given.
pub fn markdown(doc: &Doc) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading(level, line) => {
                let _ = writeln!(out, "{} {}", "#".repeat((*level).clamp(1, 6) as usize), md_line(line));
            }
            Block::Para(line) => {
                let _ = writeln!(out, "{}", md_line(line));
            }
            Block::List(items) => {
                for it in items {
                    let _ = writeln!(out, "- {}", md_item(&it.line));
                    for s in &it.sub {
                        let _ = writeln!(out, "  - {}", md_item(s));
                    }
                }
            }
            Block::Numbered(items) => {
                for (n, it) in items.iter().enumerate() {
                    let marker = format!("{}. ", n + 1);
                    let _ = writeln!(out, "{marker}{}", md_item(&it.line));
                    let pad = " ".repeat(marker.len());
                    for s in &it.sub {
                        let _ = writeln!(out, "{pad}- {}", md_item(s));
                    }
                }
            }
            Block::Table(table) => {
                let head: Vec<String> = table.head.iter().map(|h| md_text(h)).collect();
                let _ = writeln!(out, "| {} |", head.join(" | "));
                let rule: Vec<&str> = (0..table.head.len())
                    .map(|i| if table.right.get(i).copied().unwrap_or(false) { "---:" } else { "---" })
                    .collect();
                let _ = writeln!(out, "| {} |", rule.join(" | "));
                for row in &table.rows {
                    let cells: Vec<String> = row.iter().map(|c| md_line(c)).collect();
                    let _ = writeln!(out, "| {} |", cells.join(" | "));
                }
            }
            Block::Figure { alt, .. } => {
                let _ = writeln!(out, "*{}*", md_text(alt));
            }
        }
        out.push('\n');
    }
    out.truncate(out.trim_end_matches('\n').len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_from_the_journal_cannot_start_a_list_of_its_own() {
        let f = |s: &str| md_item(&[t(s)]);
        assert_eq!(f("- suite"), "\\- suite");
        assert_eq!(f("+"), "\\+");
        assert_eq!(f("2020. Bilan"), "2020\\. Bilan");
        assert_eq!(f("3) voir"), "3\\) voir");
        assert_eq!(f("-5 % d'appels"), "-5 % d'appels");
        assert_eq!(f("1.2 Diagnostic"), "1.2 Diagnostic");
        assert_eq!(f("  # titre | x "), "  \\# titre \\| x ");
    }

    #[test]
    fn markdown_blocks_are_separated_by_one_blank_line() {
        let l = Lang::Fr;
        let mut d = Doc::new(l, "x");
        d.heading(1, "Titre");
        d.push(Block::List(vec![Item { line: vec![t("a"), b("b")], sub: vec![vec![t("c")]] }]));
        let mut tab = Table::new(&["n", "v"], &[false, true]);
        tab.row(vec![vec![t("a|b")], vec![t("1")]]);
        d.push(Block::Table(tab));
        assert_eq!(markdown(&d), "# Titre\n\n- a**b**\n  - c\n\n| n | v |\n| --- | ---: |\n| a\\|b | 1 |\n");
    }
}
