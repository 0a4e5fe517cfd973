//! A [`Doc`] as one self-contained HTML file: the styles inline, the figures as inline SVG, no
//! script and nothing fetched; laid out for A4 when printed (margins, page numbers where the
//! browser supports page margin boxes, no table or figure cut across pages).

use std::fmt::Write as _;

use super::{Block, Doc, Span};
use crate::i18n::Lang;
use crate::sanitize::sanitize_multiline;

/// Escapes text for HTML content and attribute values; control characters are replaced.
pub fn escape(s: &str) -> String {
    let clean = sanitize_multiline(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn line(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| if s.strong { format!("<strong>{}</strong>", escape(&s.text)) } else { escape(&s.text) })
        .collect()
}

const STYLE: &str = "\
@page { size: A4; margin: 20mm 18mm 22mm 18mm;
  @bottom-center { content: counter(page) \" / \" counter(pages); font: 9pt sans-serif; } }
html { font: 10.5pt/1.4 'Liberation Sans', Arial, Helvetica, sans-serif; color: #111; }
body { max-width: 174mm; margin: 0 auto; padding: 1em; }
h1 { font-size: 18pt; border-bottom: 2px solid #1f3864; color: #1f3864; padding-bottom: .2em; }
h2 { font-size: 14pt; color: #1f3864; margin-top: 1.4em; }
h3 { font-size: 12pt; margin-top: 1.1em; }
h4, h5, h6 { font-size: 10.5pt; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
th { background: #dde4f0; }
td.n, th.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: .5em 0 1em; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #444; }
@media print { body { max-width: none; padding: 0; } }
";

/// The document as one HTML page.
pub fn render(doc: &Doc) -> String {
    let lang = match doc.lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(level, l) => {
                let h = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{h}>{}</h{h}>", line(l));
            }
            Block::Para(l) => {
                let _ = writeln!(out, "<p>{}</p>", line(l));
            }
            Block::List(items) | Block::Numbered(items) => {
                let tag = if matches!(block, Block::List(_)) { "ul" } else { "ol" };
                let _ = writeln!(out, "<{tag}>");
                for it in items {
                    let _ = write!(out, "<li>{}", line(&it.line));
                    if !it.sub.is_empty() {
                        out.push_str("<ul>");
                        for s in &it.sub {
                            let _ = write!(out, "<li>{}</li>", line(s));
                        }
                        out.push_str("</ul>");
                    }
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Table(table) => {
                let class = |i: usize| if table.right.get(i).copied().unwrap_or(false) { " class=\"n\"" } else { "" };
                out.push_str("<table>\n");
                // The relative widths the document gives, as percentages.
                if !table.widths.is_empty() {
                    let n = table.head.len();
                    let w: Vec<u32> = (0..n).map(|i| table.widths.get(i).copied().unwrap_or(1).max(1)).collect();
                    let sum: u32 = w.iter().sum();
                    out.push_str("<colgroup>");
                    for x in w {
                        let _ = write!(out, "<col style=\"width: {:.1}%\">", 100.0 * x as f64 / sum as f64);
                    }
                    out.push_str("</colgroup>\n");
                }
                out.push_str("<thead><tr>");
                for (i, h) in table.head.iter().enumerate() {
                    let _ = write!(out, "<th{}>{}</th>", class(i), escape(h));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in &table.rows {
                    out.push_str("<tr>");
                    for (i, c) in row.iter().enumerate() {
                        let _ = write!(out, "<td{}>{}</td>", class(i), line(c));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Figure { svg, alt, .. } => {
                let _ = writeln!(
                    out,
                    "<figure role=\"img\" aria-label=\"{}\">\n{}\n<figcaption>{}</figcaption>\n</figure>",
                    escape(alt),
                    strip_xml_declaration(svg),
                    escape(alt)
                );
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// An SVG file's text without its `<?xml …?>` line, to be inlined in HTML.
fn strip_xml_declaration(svg: &str) -> &str {
    let s = svg.trim_start();
    match s.strip_prefix("<?xml").and_then(|r| r.find("?>").map(|i| &r[i + 2..])) {
        Some(rest) => rest.trim_start(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Item, t};

    #[test]
    fn text_cannot_inject_markup() {
        let l = Lang::Fr;
        assert_eq!(escape("<b>\"a\" & 'b'</b>"), "&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;");
        let mut d = Doc::new(l, "<x>");
        d.push(Block::List(vec![Item::new(vec![t("<script>")])]));
        let html = render(&d);
        assert!(html.contains("<title>&lt;x&gt;</title>") && html.contains("<li>&lt;script&gt;</li>"), "{html}");
        assert!(!html.contains("<script>"));
    }
}
