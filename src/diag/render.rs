//! Renderers: the same diagnostics as rustc-like text, JSON, GitHub workflow
//! commands or SARIF 2.1.0.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::json;

use super::{Diagnostic, Severity, Summary};
use crate::load::Sources;

/// rustc-like text: the source line with a caret under the offending value.
pub fn text(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    summary: &Summary,
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let (title, label) = if d.code == 0 {
            (d.message.as_str(), None)
        } else {
            (d.errmsg.as_str(), Some(d.message.as_str()))
        };
        let mut title = level.primary_title(title);
        let code = d.code.to_string();
        if d.code != 0 {
            title = title.id(code.as_str());
        }
        let mut group = match sources.line(&d.file, d.line) {
            Some(line_text) if d.line > 0 => {
                let start = byte_offset(line_text, d.column);
                let end = match d.end {
                    Some(end) if end.line == d.line && end.col > d.column => {
                        byte_offset(line_text, end.col)
                    }
                    _ => token_end(line_text, start),
                };
                let mut annotation = AnnotationKind::Primary.span(start..end.max(start));
                if let Some(label) = label {
                    annotation = annotation.label(label);
                }
                title.element(
                    Snippet::source(line_text)
                        .line_start(d.line)
                        .path(d.file.as_str())
                        .annotation(annotation),
                )
            }
            _ => title.element(Level::NOTE.message(format!("in {}", location(d)))),
        };
        if label.is_some() && sources.line(&d.file, d.line).is_none() {
            group = group.element(Level::NOTE.message(d.message.as_str()));
        }
        if let Some(explanation) = &d.explanation {
            group = group.element(Level::NOTE.message(format!("{} ({})", explanation, d.path)));
        } else if !d.path.is_empty() {
            group = group.element(Level::NOTE.message(format!("at {}", d.path)));
        }
        if let Some(help) = &d.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let report: &[Group] = &[group];
        out += &renderer.render(report);
        out += "\n\n";
    }
    out += &summary_line(summary);
    out.push('\n');
    out
}

fn location(d: &Diagnostic) -> String {
    if d.line == 0 {
        d.file.clone()
    } else {
        format!("{}:{}:{}", d.file, d.line, d.column)
    }
}

/// Byte offset of a 1-based character column (clamped to the line).
fn byte_offset(line: &str, col: usize) -> usize {
    line.char_indices()
        .nth(col.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

/// Underline to the end of the token that starts at `start`.
fn token_end(line: &str, start: usize) -> usize {
    let rest = &line[start..];
    let len = match rest.chars().next() {
        Some('"') => rest[1..].find('"').map_or(rest.len(), |i| i + 2),
        Some('\'') => rest[1..].find('\'').map_or(rest.len(), |i| i + 2),
        _ => rest.find([' ', ',', ']', '}', '#']).unwrap_or(rest.len()),
    };
    start + len.max(1).min(rest.len().max(1))
}

pub fn summary_line(s: &Summary) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let checked = format!(
        "{} in {}",
        plural(s.rules, "rule", "rules"),
        plural(s.files, "file", "files")
    );
    if s.errors == 0 && s.warnings == 0 {
        format!("ok: {checked}, no problems")
    } else {
        format!(
            "{}: {}, {} ({checked})",
            if s.errors > 0 { "failed" } else { "ok" },
            plural(s.errors, "error", "errors"),
            plural(s.warnings, "warning", "warnings"),
        )
    }
}

/// The `--format json` contract: `{"files", "rules", "diagnostics": [...]}`.
pub fn json(diagnostics: &[Diagnostic], summary: &Summary) -> String {
    let doc = json!({
        "files": summary.files,
        "rules": summary.rules,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "diagnostics": diagnostics,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
