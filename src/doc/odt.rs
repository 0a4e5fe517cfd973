//! A [`Doc`] as an OpenDocument text file (.odt), the format the French interoperability framework
//! (RGI) recommends: `content.xml` written here with quick-xml, the styles from the template kept
//! in the repository (`assets/odt/styles.xml`: A4, margins, page numbers in the footer, headings,
//! lists, table paragraphs), figures as SVG pictures in `Pictures/`, all packed with zip —
//! `mimetype` first and stored, as the standard requires. Headings are real headings (outline
//! levels, so a table of contents and the navigator work), tables are real tables with a heading
//! row repeated on each page.

use std::io::{Cursor, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::{Block, Doc, Item, Span, Table};
use crate::i18n::Lang;
use crate::sanitize::sanitize_multiline;

/// The styles template, packed as `styles.xml`.
pub const STYLES: &str = include_str!("../../assets/odt/styles.xml");

pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The width of the text area on A4 with the template's margins, in centimetres.
const TEXT_WIDTH_CM: f64 = 17.0;

const NS: [(&str, &str); 9] = [
    ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    ("xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
    ("xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"),
    ("xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ("xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
    ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
];

type W = Writer<Vec<u8>>;
type R = std::io::Result<()>;

/// Text for XML: control characters (which XML 1.0 forbids) replaced, line breaks as spaces.
fn clean(s: &str) -> String {
    sanitize_multiline(s).replace(['\n', '\r', '\t'], " ")
}

fn start(w: &mut W, name: &str, attrs: &[(&str, &str)]) -> R {
    w.write_event(Event::Start(BytesStart::new(name).with_attributes(attrs.iter().copied())))
}

fn end(w: &mut W, name: &str) -> R {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn empty(w: &mut W, name: &str, attrs: &[(&str, &str)]) -> R {
    w.write_event(Event::Empty(BytesStart::new(name).with_attributes(attrs.iter().copied())))
}

fn text(w: &mut W, s: &str) -> R {
    w.write_event(Event::Text(BytesText::new(&clean(s))))
}

fn spans(w: &mut W, line: &[Span]) -> R {
    for s in line {
        if s.strong {
            start(w, "text:span", &[("text:style-name", "Strong_20_Emphasis")])?;
            text(w, &s.text)?;
            end(w, "text:span")?;
        } else {
            text(w, &s.text)?;
        }
    }
    Ok(())
}

fn para(w: &mut W, style: &str, line: &[Span]) -> R {
    start(w, "text:p", &[("text:style-name", style)])?;
    spans(w, line)?;
    end(w, "text:p")
}

fn list(w: &mut W, style: &str, items: &[Item]) -> R {
    start(w, "text:list", &[("text:style-name", style)])?;
    for it in items {
        start(w, "text:list-item", &[])?;
        para(w, "List_20_Paragraph", &it.line)?;
        if !it.sub.is_empty() {
            start(w, "text:list", &[])?;
            for s in &it.sub {
                start(w, "text:list-item", &[])?;
                para(w, "List_20_Paragraph", s)?;
                end(w, "text:list-item")?;
            }
            end(w, "text:list")?;
        }
        end(w, "text:list-item")?;
    }
    end(w, "text:list")
}

fn table(w: &mut W, n: usize, t: &Table) -> R {
    let name = format!("Table{n}");
    start(w, "table:table", &[("table:name", &name), ("table:style-name", "Tbl")])?;
    for i in 0..t.head.len() {
        empty(w, "table:table-column", &[("table:style-name", &format!("{name}Col{i}"))])?;
    }
    let right = |i: usize| t.right.get(i).copied().unwrap_or(false);
    start(w, "table:table-header-rows", &[])?;
    start(w, "table:table-row", &[])?;
    for (i, h) in t.head.iter().enumerate() {
        start(w, "table:table-cell", &[("table:style-name", "HeadCell"), ("office:value-type", "string")])?;
        let style = if right(i) { "Table_20_Number" } else { "Table_20_Heading" };
        start(w, "text:p", &[("text:style-name", style)])?;
        if right(i) {
            start(w, "text:span", &[("text:style-name", "Strong_20_Emphasis")])?;
            text(w, h)?;
            end(w, "text:span")?;
        } else {
            text(w, h)?;
        }
        end(w, "text:p")?;
        end(w, "table:table-cell")?;
    }
    end(w, "table:table-row")?;
    end(w, "table:table-header-rows")?;
    for row in &t.rows {
        start(w, "table:table-row", &[])?;
        for i in 0..t.head.len() {
            start(w, "table:table-cell", &[("table:style-name", "Cell"), ("office:value-type", "string")])?;
            let style = if right(i) { "Table_20_Number" } else { "Table_20_Contents" };
            para(w, style, row.get(i).map(Vec::as_slice).unwrap_or_default())?;
            end(w, "table:table-cell")?;
        }
        end(w, "table:table-row")?;
    }
    end(w, "table:table")
}

/// The automatic styles of content.xml: tables, their cells and columns, figures.
fn automatic_styles(w: &mut W, doc: &Doc) -> R {
    start(w, "office:automatic-styles", &[])?;
    start(w, "style:style", &[("style:name", "Tbl"), ("style:family", "table")])?;
    empty(
        w,
        "style:table-properties",
        &[("style:width", &format!("{TEXT_WIDTH_CM}cm")), ("table:align", "margins"), ("fo:margin-bottom", "0.3cm")],
    )?;
    end(w, "style:style")?;
    for (name, bg) in [("Cell", None), ("HeadCell", Some("#dde4f0"))] {
        start(w, "style:style", &[("style:name", name), ("style:family", "table-cell")])?;
        let mut props = vec![("fo:padding", "0.06cm"), ("fo:border", "0.5pt solid #999999")];
        if let Some(bg) = bg {
            props.push(("fo:background-color", bg));
        }
        empty(w, "style:table-cell-properties", &props)?;
        end(w, "style:style")?;
    }
    let mut n = 0;
    for block in &doc.blocks {
        if let Block::Table(t) = block {
            n += 1;
            let cols = t.head.len().max(1);
            let weights: Vec<f64> = (0..cols).map(|i| t.widths.get(i).copied().unwrap_or(1).max(1) as f64).collect();
            let sum: f64 = weights.iter().sum();
            for (i, wgt) in weights.iter().enumerate() {
                let name = format!("Table{n}Col{i}");
                start(w, "style:style", &[("style:name", &name), ("style:family", "table-column")])?;
                let width = format!("{:.2}cm", TEXT_WIDTH_CM * wgt / sum);
                empty(w, "style:table-column-properties", &[("style:column-width", &width)])?;
                end(w, "style:style")?;
            }
        }
    }
    start(w, "style:style", &[("style:name", "fr1"), ("style:family", "graphic")])?;
    empty(
        w,
        "style:graphic-properties",
        &[("style:vertical-pos", "top"), ("style:vertical-rel", "baseline"), ("fo:border", "none")],
    )?;
    end(w, "style:style")?;
    end(w, "office:automatic-styles")
}

/// The pictures of a document: path in the package, SVG text.
type Pictures = Vec<(String, String)>;

/// content.xml, and the pictures it refers to.
fn content(doc: &Doc) -> std::io::Result<(Vec<u8>, Pictures)> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut root = NS.to_vec();
    root.push(("office:version", "1.3"));
    start(&mut w, "office:document-content", &root)?;
    automatic_styles(&mut w, doc)?;
    start(&mut w, "office:body", &[])?;
    start(&mut w, "office:text", &[])?;
    let (mut tables, mut pictures) = (0, Vec::new());
    for block in &doc.blocks {
        match block {
            Block::Heading(level, line) => {
                let level = (*level).clamp(1, 6).to_string();
                let style = format!("Heading_20_{level}");
                start(&mut w, "text:h", &[("text:style-name", &style), ("text:outline-level", &level)])?;
                spans(&mut w, line)?;
                end(&mut w, "text:h")?;
            }
            Block::Para(line) => para(&mut w, "Text_20_body", line)?,
            Block::List(items) => list(&mut w, "List_20_Bullet", items)?,
            Block::Numbered(items) => list(&mut w, "List_20_Number", items)?,
            Block::Table(t) => {
                tables += 1;
                table(&mut w, tables, t)?;
            }
            Block::Figure { svg, width_mm, height_mm, alt } => {
                let path = format!("Pictures/figure{}.svg", pictures.len() + 1);
                let name = format!("Figure {}", pictures.len() + 1);
                pictures.push((path.clone(), svg.clone()));
                start(&mut w, "text:p", &[("text:style-name", "Figure")])?;
                let (wd, ht) = (format!("{:.1}cm", width_mm / 10.0), format!("{:.1}cm", height_mm / 10.0));
                start(
                    &mut w,
                    "draw:frame",
                    &[
                        ("draw:style-name", "fr1"),
                        ("draw:name", &name),
                        ("text:anchor-type", "as-char"),
                        ("svg:width", &wd),
                        ("svg:height", &ht),
                        ("draw:z-index", "0"),
                    ],
                )?;
                empty(
                    &mut w,
                    "draw:image",
                    &[
                        ("xlink:href", &path),
                        ("xlink:type", "simple"),
                        ("xlink:show", "embed"),
                        ("xlink:actuate", "onLoad"),
                        ("draw:mime-type", "image/svg+xml"),
                    ],
                )?;
                start(&mut w, "svg:title", &[])?;
                text(&mut w, alt)?;
                end(&mut w, "svg:title")?;
                end(&mut w, "draw:frame")?;
                end(&mut w, "text:p")?;
                para(&mut w, "Caption", &[super::t(alt.clone())])?;
            }
        }
    }
    end(&mut w, "office:text")?;
    end(&mut w, "office:body")?;
    end(&mut w, "office:document-content")?;
    Ok((w.into_inner(), pictures))
}

fn meta(doc: &Doc) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "office:document-meta",
        &[
            ("xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
            ("xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("office:version", "1.3"),
        ],
    )?;
    start(&mut w, "office:meta", &[])?;
    start(&mut w, "meta:generator", &[])?;
    text(&mut w, concat!("copil/", env!("CARGO_PKG_VERSION")))?;
    end(&mut w, "meta:generator")?;
    start(&mut w, "dc:title", &[])?;
    text(&mut w, &doc.title)?;
    end(&mut w, "dc:title")?;
    start(&mut w, "dc:language", &[])?;
    text(
        &mut w,
        match doc.lang {
            Lang::Fr => "fr-FR",
            Lang::En => "en-GB",
        },
    )?;
    end(&mut w, "dc:language")?;
    end(&mut w, "office:meta")?;
    end(&mut w, "office:document-meta")?;
    Ok(w.into_inner())
}

fn manifest(pictures: &[(String, String)]) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "manifest:manifest",
        &[("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"), ("manifest:version", "1.3")],
    )?;
    let entry = |w: &mut W, path: &str, media: &str| {
        empty(w, "manifest:file-entry", &[("manifest:full-path", path), ("manifest:media-type", media)])
    };
    empty(
        &mut w,
        "manifest:file-entry",
        &[("manifest:full-path", "/"), ("manifest:version", "1.3"), ("manifest:media-type", MIMETYPE)],
    )?;
    entry(&mut w, "content.xml", "text/xml")?;
    entry(&mut w, "styles.xml", "text/xml")?;
    entry(&mut w, "meta.xml", "text/xml")?;
    for (path, _) in pictures {
        entry(&mut w, path, "image/svg+xml")?;
    }
    end(&mut w, "manifest:manifest")?;
    Ok(w.into_inner())
}

/// The document as the bytes of an .odt file. Deterministic: the same document gives the same
/// bytes (the zip entries carry a fixed date).
pub fn render(doc: &Doc) -> std::io::Result<Vec<u8>> {
    let (content, pictures) = content(doc)?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let io = |e: zip::result::ZipError| std::io::Error::other(e.to_string());
    zip.start_file("mimetype", stored).map_err(io)?;
    zip.write_all(MIMETYPE.as_bytes())?;
    for (name, bytes) in [
        ("content.xml", content),
        ("styles.xml", STYLES.as_bytes().to_vec()),
        ("meta.xml", meta(doc)?),
        ("META-INF/manifest.xml", manifest(&pictures)?),
    ] {
        zip.start_file(name, deflated).map_err(io)?;
        zip.write_all(&bytes)?;
    }
    for (path, svg) in &pictures {
        zip.start_file(path.as_str(), deflated).map_err(io)?;
        zip.write_all(svg.as_bytes())?;
    }
    Ok(zip.finish().map_err(io)?.into_inner())
}
