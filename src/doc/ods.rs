//! A [`Book`] as an OpenDocument spreadsheet (.ods), with spreadsheet-ods: numbers as floats, dates
//! as dates (dd/mm/yyyy), euros as currency values (EUR), percentages as percentages, the heading
//! row bold and frozen. spreadsheet-ods does not write database ranges, so the filters (one
//! range per sheet with filter buttons, as LibreOffice writes them) are added to its content.xml.

use std::io::{Cursor, Read, Write};

use spreadsheet_ods::color::Rgb;
use spreadsheet_ods::format::FormatNumberStyle;
use spreadsheet_ods::{
    CellStyle, Length, Sheet as OdsSheet, Value, ValueFormatCurrency, ValueFormatDateTime, ValueFormatPercentage,
    ValueFormatText, WorkBook,
};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::sheet::{Book, Cell, column_letters};
use crate::i18n::Lang;

fn io(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// The workbook as the bytes of an .ods file.
pub fn render(l: Lang, book: &Book) -> std::io::Result<Vec<u8>> {
    let mut wb = WorkBook::new_empty();

    let mut text = ValueFormatText::new_named("copil-text");
    text.part_text_content().build();
    let text = wb.add_text_format(text);
    let mut head = CellStyle::new("copil-head", &text);
    head.set_font_bold();
    head.set_background_color(Rgb::new(0xdd, 0xe4, 0xf0));
    let head = wb.add_cellstyle(head);

    let mut euros = ValueFormatCurrency::new_named("copil-euros");
    euros.part_number().decimal_places(0).min_integer_digits(1).grouping().build();
    euros.part_text(" ").build();
    euros.part_currency().symbol("€").build();
    let euros = wb.add_currency_format(euros);
    let euros = wb.add_cellstyle(CellStyle::new("copil-euros", &euros));

    let mut date = ValueFormatDateTime::new_named("copil-date");
    match l {
        Lang::Fr => {
            date.part_day().style(FormatNumberStyle::Long).build();
            date.part_text("/").build();
            date.part_month().style(FormatNumberStyle::Long).build();
            date.part_text("/").build();
            date.part_year().style(FormatNumberStyle::Long).build();
        }
        Lang::En => {
            date.part_year().style(FormatNumberStyle::Long).build();
            date.part_text("-").build();
            date.part_month().style(FormatNumberStyle::Long).build();
            date.part_text("-").build();
            date.part_day().style(FormatNumberStyle::Long).build();
        }
    }
    let date = wb.add_datetime_format(date);
    let date = wb.add_cellstyle(CellStyle::new("copil-date", &date));

    let mut percent = ValueFormatPercentage::new_named("copil-percent");
    percent.part_number().decimal_places(1).min_decimal_places(1).min_integer_digits(1).build();
    percent.part_text("%").build();
    let percent = wb.add_percentage_format(percent);
    let percent = wb.add_cellstyle(CellStyle::new("copil-percent", &percent));

    let mut ranges = Vec::new();
    for sheet in &book.sheets {
        let mut s = OdsSheet::new(sheet.name.as_str());
        for (c, h) in sheet.head.iter().enumerate() {
            s.set_styled_value(0, c as u32, h.as_str(), &head);
            // About 2 mm per character of 10 pt text.
            s.set_col_width(c as u32, Length::Mm(sheet.width(c) * 2.1));
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u32;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => s.set_value(r, c, t.as_str()),
                    Cell::Number(n) => s.set_value(r, c, Value::Number(*n)),
                    Cell::Euros(n) => s.set_styled_value(r, c, Value::Currency(*n as f64, "EUR".into()), &euros),
                    Cell::Percent(p) => s.set_styled_value(r, c, Value::Percentage(*p), &percent),
                    Cell::Date(d) => s.set_styled_value(r, c, d.0, &date),
                }
            }
        }
        s.split_row_header(0);
        wb.push_sheet(s);
        let last = format!("{}{}", column_letters(sheet.head.len().saturating_sub(1)), sheet.rows.len() + 1);
        ranges.push(format!("{}.A1:{}.{last}", quoted_sheet(&sheet.name), quoted_sheet(&sheet.name)));
    }
    let bytes = spreadsheet_ods::write_ods_buf(&mut wb, Vec::new()).map_err(io)?;
    with_filters(&bytes, &ranges)
}

/// A sheet name in a cell range address: quoted when it holds anything but letters and digits.
fn quoted_sheet(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('"', "&quot;")
}

/// The package again, with a database range with filter buttons over each sheet's table in
/// content.xml; every other entry copied as it is, `mimetype` first and stored.
fn with_filters(ods: &[u8], ranges: &[String]) -> std::io::Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(ods)).map_err(io)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let mut names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).and_then(|f| f.name().map(|n| n.into_owned())))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    names.sort_by_key(|n| n != "mimetype");
    for name in names {
        let mut file = archive.by_name(&name).map_err(io)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        drop(file);
        if name == "content.xml" {
            let xml = String::from_utf8(bytes).map_err(io)?;
            let mut db = String::from("<table:database-ranges>");
            for (i, r) in ranges.iter().enumerate() {
                db.push_str(&format!(
                    "<table:database-range table:name=\"__Anonymous_Sheet_DB__{i}\" \
                     table:target-range-address=\"{}\" table:display-filter-buttons=\"true\"/>",
                    xml_attr(r)
                ));
            }
            db.push_str("</table:database-ranges>");
            let at = xml.rfind("</office:spreadsheet>").ok_or_else(|| io("content.xml without a spreadsheet"))?;
            bytes = format!("{}{db}{}", &xml[..at], &xml[at..]).into_bytes();
        }
        let method = if name == "mimetype" { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        out.start_file(name.as_str(), SimpleFileOptions::default().compression_method(method)).map_err(io)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish().map_err(io)?.into_inner())
}
