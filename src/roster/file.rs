//! Reading roster files: `rosters/<groupname>/<YYYY-MM>.csv`, a header row
//! `userid,1,2,…` with one column per day of the month, one row per person,
//! each cell a shift's `schedule_name` or empty (that day is not managed).
//!
//! Every problem is a [`Diagnostic`] at `file:row:column`, with the cell
//! underlined, as for rule files; nothing stops at the first one.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::load::yaml::Pos;
use crate::load::{Sources, display_path};
use crate::t;

/// One non-empty cell: a shift name on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub day: u8,
    /// The shift's schedule_name, trimmed.
    pub name: String,
    pub at: Pos,
    pub end: Pos,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub userid: String,
    pub at: Pos,
    pub cells: Vec<Cell>,
}

/// One roster file as read: the rule it is for (its folder's name), the
/// month (its file name) and who works what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterFile {
    pub file: String,
    pub groupname: String,
    pub year: i16,
    pub month: i8,
    pub rows: Vec<Row>,
}

impl RosterFile {
    /// The API's month: 202612.
    pub fn yearmonth(&self) -> u32 {
        self.year as u32 * 100 + self.month as u32
    }

    /// A problem of the whole file (its rule, its plan), shown at its start.
    pub fn problem(&self, check: &'static str, message: String) -> Diagnostic {
        Diagnostic::file_error(check, &self.file, "", at(1, 1), message)
    }

    /// `2026-12`.
    pub fn month_label(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// Days in the month (jiff's calendar).
pub fn days_in_month(year: i16, month: i8) -> Option<u8> {
    jiff::civil::Date::new(year, month, 1)
        .ok()
        .map(|d| d.days_in_month() as u8)
}

/// Rosters read from some paths, with their text for diagnostics.
#[derive(Debug, Default)]
pub struct Rosters {
    pub files: Vec<RosterFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

/// Whether a file name is a roster's: `.csv`, in any case.
pub fn is_roster_file_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Reads the roster files found by [`crate::load::discover_all`].
pub fn read_files(files: &[PathBuf]) -> Rosters {
    let mut out = Rosters::default();
    for path in files {
        let file = display_path(path);
        match std::fs::read(path) {
            Ok(bytes) => read_bytes(&file, path, bytes, &mut out),
            Err(e) => out.diagnostics.push(Diagnostic::file_error(
                "roster-file",
                &file,
                "",
                Pos { line: 0, col: 0 },
                format!("cannot read the roster: {e}"),
            )),
        }
    }
    out
}

fn at(line: usize, col: usize) -> Pos {
    Pos { line, col }
}

/// The rule (folder) and month (file name) of a roster path.
fn name_parts(path: &Path) -> Result<(String, i16, i8), String> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let month = stem.split_once('-').and_then(|(y, m)| {
        let ok = y.len() == 4 && m.len() == 2;
        let y: i16 = y.parse().ok().filter(|_| ok)?;
        let m: i8 = m.parse().ok()?;
        days_in_month(y, m).map(|_| (y, m))
    });
    let Some((year, month)) = month else {
        return Err(t!(
            "roster-name-not-month",
            name = format!(
                "{:?}",
                path.file_name().unwrap_or_default().to_string_lossy()
            )
        ));
    };
    let groupname = path
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| t!("roster-no-folder"))?;
    Ok((groupname, year, month))
}

/// Where each field of a one-line record starts and ends (1-based character
/// columns, end exclusive): the csv crate gives values, not places.
fn field_columns(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 1;
    let mut col = 1;
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push((start, col));
                start = col + 1;
            }
            _ => {}
        }
        col += 1;
    }
    out.push((start, col));
    out
}

/// Reads one roster file's content (`path` gives its rule and month).
pub fn read_bytes(file: &str, path: &Path, bytes: Vec<u8>, out: &mut Rosters) {
    let error = |pos: Pos, end: Option<Pos>, check: &'static str, message: String| {
        Diagnostic::file_error(check, file, "", pos, message).with_end(end)
    };
    let (groupname, year, month) = match name_parts(path) {
        Ok(p) => p,
        Err(message) => {
            out.diagnostics.push(
                error(at(1, 1), None, "roster-file", message).with_help(t!("roster-name-help")),
            );
            return;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (pos, _) = crate::load::first_bad_byte(&e);
            out.diagnostics.push(
                error(pos, None, "roster-file", t!("roster-not-utf8"))
                    .with_help(t!("roster-not-utf8-help")),
            );
            return;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => records.push(r),
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                out.diagnostics.push(error(
                    at(line, 1),
                    None,
                    "roster-file",
                    t!("roster-not-csv", error = e.to_string()),
                ));
                out.sources.insert(file.to_owned(), text);
                return;
            }
        }
    }
    let days = days_in_month(year, month).unwrap_or(31);
    let label = format!("{year:04}-{month:02}");
    let Some(header) = records.first() else {
        out.diagnostics.push(
            error(at(1, 1), None, "roster-header", t!("roster-empty")).with_help(t!(
                "roster-empty-help",
                days = days.to_string(),
                month = label.as_str()
            )),
        );
        out.sources.insert(file.to_owned(), text);
        return;
    };
    // The line from the byte offset: csv's own line count misses CRLF ends
    // (Excel's), and its offset of a record after CRLF is the LF.
    let line_of = |r: &csv::StringRecord| {
        let byte = r
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(text.len());
        let before = text.as_bytes()[..byte]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        before + 1 + usize::from(text.as_bytes().get(byte) == Some(&b'\n'))
    };
    let columns_of = |line: usize| field_columns(lines.get(line - 1).copied().unwrap_or(""));
    // The header: userid, then exactly the days of the month in order.
    let hline = line_of(header);
    let hcols = columns_of(hline);
    let place = |cols: &[(usize, usize)], line: usize, i: usize| {
        let (s, e) = cols.get(i).copied().unwrap_or((1, 1));
        (at(line, s), Some(at(line, e.max(s + 1))))
    };
    let mut header_ok = true;
    if header.get(0).map(str::trim) != Some("userid") {
        let (p, e) = place(&hcols, hline, 0);
        out.diagnostics.push(
            error(
                p,
                e,
                "roster-header",
                t!(
                    "roster-header-first",
                    found = format!("{:?}", header.get(0).unwrap_or_default())
                ),
            )
            .with_help(t!("roster-header-help", days = days.to_string())),
        );
        header_ok = false;
    }
    for i in 1..header.len().max(days as usize + 1) {
        let want = i;
        let got = header.get(i).map(str::trim);
        let (p, e) = place(&hcols, hline, i.min(header.len().saturating_sub(1)));
        let message = match got {
            Some(g) if g == want.to_string() && want <= days as usize => continue,
            None => t!(
                "roster-header-stops",
                last = header.len() - 1,
                month = label.as_str(),
                days = days.to_string()
            ),
            Some(g) if want > days as usize => t!(
                "roster-header-extra",
                found = format!("{g:?}"),
                month = label.as_str(),
                days = days.to_string()
            ),
            Some(g) => t!(
                "roster-header-column",
                column = i + 1,
                found = format!("{g:?}"),
                want = want
            ),
        };
        out.diagnostics
            .push(error(p, e, "roster-header", message).with_help(t!(
                "roster-header-order-help",
                days = days.to_string(),
                month = label.as_str()
            )));
        header_ok = false;
        break;
    }
    let mut rows: Vec<Row> = Vec::new();
    for record in records.iter().skip(1) {
        let line = line_of(record);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let cols = columns_of(line);
        let userid = record.get(0).unwrap_or_default().trim().to_owned();
        let (p, e) = place(&cols, line, 0);
        if userid.is_empty() {
            out.diagnostics.push(
                error(p, e, "roster-userid", t!("roster-no-userid"))
                    .with_help(t!("roster-no-userid-help")),
            );
            continue;
        }
        if let Some(first) = rows.iter().find(|r| r.userid == userid) {
            out.diagnostics.push(
                error(
                    p,
                    e,
                    "roster-userid",
                    t!(
                        "roster-second-row",
                        userid = format!("{userid:?}"),
                        line = first.at.line
                    ),
                )
                .with_help(t!("roster-second-row-help")),
            );
            continue;
        }
        let mut cells = Vec::new();
        for (i, value) in record.iter().enumerate().skip(1) {
            let name = value.trim();
            if name.is_empty() {
                continue;
            }
            let (p, e) = place(&cols, line, i);
            if i > days as usize {
                out.diagnostics.push(
                    error(
                        p,
                        e,
                        "roster-header",
                        t!(
                            "roster-cell-after",
                            found = format!("{name:?}"),
                            month = label.as_str(),
                            days = days.to_string()
                        ),
                    )
                    .with_help(t!("roster-cell-after-help")),
                );
                continue;
            }
            cells.push(Cell {
                day: i as u8,
                name: name.to_owned(),
                at: p,
                end: e.unwrap_or(p),
            });
        }
        rows.push(Row {
            userid,
            at: p,
            cells,
        });
    }
    out.sources.insert(file.to_owned(), text);
    if header_ok {
        out.files.push(RosterFile {
            file: file.to_owned(),
            groupname,
            year,
            month,
            rows,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str, text: &str) -> Rosters {
        let mut out = Rosters::default();
        read_bytes(path, Path::new(path), text.as_bytes().to_vec(), &mut out);
        out
    }

    fn header(days: u8) -> String {
        let mut h = "userid".to_owned();
        for d in 1..=days {
            h += &format!(",{d}");
        }
        h
    }

    #[test]
    fn cells_keep_their_places_and_empty_cells_are_not_managed() {
        let text = format!("\u{feff}{}\r\nzhangsan,早班,,\"晚班\"\r\n", header(30));
        let r = read("rosters/店/2026-11.csv", &text);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        let f = &r.files[0];
        assert_eq!((f.groupname.as_str(), f.yearmonth()), ("店", 202611));
        let cells = &f.rows[0].cells;
        assert_eq!(cells.len(), 2);
        assert_eq!(
            (cells[0].day, cells[0].at.line, cells[0].at.col),
            (1, 2, 10)
        );
        assert_eq!(
            (cells[1].day, cells[1].name.as_str(), cells[1].at.col),
            (3, "晚班", 14)
        );
    }

    #[test]
    fn a_day_past_the_month_and_a_second_row_are_errors() {
        let text = format!("{}\nzhangsan\nzhangsan\n", header(31));
        let r = read("rosters/店/2026-11.csv", &text);
        let messages: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert!(messages[0].contains("after day 30"), "{messages:?}");
        assert_eq!(r.diagnostics[0].line, 1);
        let r = read(
            "rosters/店/2026-12.csv",
            &format!("{}\nzhangsan\nzhangsan\n", header(31)),
        );
        assert!(
            r.diagnostics[0]
                .message
                .contains("second row (the first is on line 2)")
        );
        assert_eq!(r.diagnostics[0].line, 3);
    }

    #[test]
    fn the_file_name_is_the_month() {
        let r = read("rosters/店/december.csv", "userid\n");
        assert!(r.diagnostics[0].message.contains("YYYY-MM.csv"));
        let r = read("rosters/店/2026-13.csv", "userid\n");
        assert!(r.files.is_empty());
    }
}
