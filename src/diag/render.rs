//! Renderers: the same diagnostics as rustc-like text, JSON, GitHub workflow
//! commands or SARIF 2.1.0.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::json;

use super::{Diagnostic, Severity, Summary};
use crate::escape;
use crate::load::Sources;

/// rustc-like text: the source line with a caret under the offending value, then the summary line.
pub fn text(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    summary: &Summary,
    color: bool,
) -> String {
    let mut out = diagnostics_text(diagnostics, sources, color);
    out += &summary_line(summary);
    out.push('\n');
    out
}

/// The diagnostics alone, rustc-like.
pub fn diagnostics_text(diagnostics: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let names = LevelNames::new();
    let note = Level::NOTE.with_name(names.note.as_str());
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => Level::ERROR.with_name(names.error.as_str()),
            Severity::Warning => Level::WARNING.with_name(names.warning.as_str()),
        };
        // Messages quote values from the file: make hidden characters visible.
        let message = escape::text(&d.message);
        let (title, label) = if d.code == 0 {
            (message.as_ref(), None)
        } else {
            (d.errmsg.as_str(), Some(message.as_ref()))
        };
        let mut title = level.primary_title(title);
        let code = d.code.to_string();
        if d.code != 0 {
            title = title.id(code.as_str());
        }
        let file = escape::text(&d.file);
        let shown_line = sources.line(&d.file, d.line).map(escape::source_line);
        let mut group = match shown_line.as_deref() {
            Some(line_text) if d.line > 0 => {
                let start = byte_offset(line_text, d.column);
                let end = match d.end {
                    // A CSV cell (rosters) has no comments: its span is its value.
                    Some(end)
                        if end.line == d.line && end.col > d.column && d.file.ends_with(".csv") =>
                    {
                        byte_offset(line_text, end.col)
                    }
                    Some(end) if end.line == d.line && end.col > d.column => {
                        value_end(line_text, start, byte_offset(line_text, end.col))
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
                        .path(file.as_ref())
                        .annotation(annotation),
                )
            }
            _ => title.element(note.clone().message(crate::t!(
                "diag-in",
                place = escape::text(&location(d)).into_owned()
            ))),
        };
        if label.is_some() && sources.line(&d.file, d.line).is_none() {
            group = group.element(note.clone().message(message.as_ref()));
        }
        if let Some(explanation) = &d.explanation {
            let at = crate::t!("aside", what = escape::text(&d.path).as_ref());
            group = group.element(note.clone().message(format!("{explanation}{at}")));
        } else if !d.path.is_empty() {
            group = group.element(note.clone().message(crate::t!(
                "diag-at",
                pointer = escape::text(&d.path).into_owned()
            )));
        }
        let help = d.help.as_deref().map(escape::text);
        if let Some(help) = &help {
            group = group.element(
                Level::HELP
                    .with_name(names.help.as_str())
                    .message(help.as_ref()),
            );
        }
        let report: &[Group] = &[group];
        out += &renderer.render(report);
        out += "\n\n";
    }
    out
}

/// The words before a diagnostic's parts ("error", "note", "help") in the
/// output's language.
struct LevelNames {
    error: String,
    warning: String,
    note: String,
    help: String,
}

impl LevelNames {
    fn new() -> Self {
        LevelNames {
            error: crate::t!("diag-error"),
            warning: crate::t!("diag-warning"),
            note: crate::t!("diag-note"),
            help: crate::t!("diag-help"),
        }
    }
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
    let len = match quoted_len(rest) {
        Some(len) => len,
        None => rest.find([' ', ',', ']', '}', '#']).unwrap_or(rest.len()),
    };
    start + len.max(1).min(rest.len().max(1))
}

/// The end of a value whose span (from the parser) runs to `end`: the
/// parser's end of a scalar can take in the spaces and `# comment` after it,
/// and the caret belongs under the value only.
fn value_end(line: &str, start: usize, end: usize) -> usize {
    let text = &line[start..end.min(line.len()).max(start)];
    let len = quoted_len(text).unwrap_or_else(|| {
        // A comment starts at a `#` after a space (YAML 1.2, 6.6).
        let cut = text.find(" #").unwrap_or(text.len());
        text[..cut].trim_end().len()
    });
    start + len.max(1).min(text.len().max(1))
}

/// The length of a quoted scalar at the start of `text`, quotes included:
/// `"…"` with backslash escapes, `'…'` with `''` for a quote. None when
/// `text` does not start with a quote; all of it when the quote is not closed
/// on this line.
fn quoted_len(text: &str) -> Option<usize> {
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
            }
            c if c == quote => return Some(i + 1),
            _ => {}
        }
    }
    Some(text.len())
}

pub fn summary_line(s: &Summary) -> String {
    use crate::t;
    let checked = t!("validate-checked", rules = s.rules, files = s.files);
    if s.errors == 0 && s.warnings == 0 {
        t!("validate-ok", checked = checked)
    } else {
        t!(
            "validate-problems",
            failed = if s.errors > 0 { "yes" } else { "no" },
            errors = s.errors,
            warnings = s.warnings,
            checked = checked
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

/// GitHub Actions workflow commands: one annotation per diagnostic.
pub fn github(diagnostics: &[Diagnostic], summary: &Summary) -> String {
    // Workflow-command escaping: data escapes %, CR, LF; properties also : and
    // ,; every other control or bidi character is made visible.
    let data = crate::escape::workflow_data;
    let prop = crate::escape::workflow_property;
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let title = if d.code == 0 {
            d.errmsg.clone()
        } else {
            format!("{} {}", d.code, d.errmsg)
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message += "\n";
            message += &crate::t!("diag-help-line", help = help.as_str());
        }
        if let Some(explanation) = &d.explanation {
            message += &format!("\n{explanation}");
        }
        out += &format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            prop(&d.file),
            d.line.max(1),
            d.column.max(1),
            prop(&title),
            data(&message)
        );
    }
    out += &summary_line(summary);
    out.push('\n');
    out
}

/// SARIF 2.1.0, for code scanning: one rule per check.
pub fn sarif(diagnostics: &[Diagnostic]) -> String {
    use crate::checks::registry::CHECKS;
    let rule_id = |check: &str| check.replace(' ', "-");
    let mut rules: Vec<serde_json::Value> = CHECKS
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "shortDescription": { "text": c.summary },
                "fullDescription": { "text": format!("{} {}", c.code(), c.errmsg()) },
                "help": { "text": c.explanation() },
                "properties": { "errcode": c.code(), "errmsg": c.errmsg() },
            })
        })
        .collect();
    let mut ids: Vec<String> = CHECKS.iter().map(|c| c.id.to_owned()).collect();
    // Problems of the files themselves and of planning: registered too, with
    // their own descriptions and default levels (no rule is made up here).
    for c in crate::checks::registry::FILE_CHECKS {
        let id = rule_id(c.id);
        rules.push(json!({
            "id": id,
            "shortDescription": { "text": c.summary },
            "defaultConfiguration": { "level": match c.severity { Severity::Error => "error", Severity::Warning => "warning" } },
        }));
        ids.push(id);
    }
    let results: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let id = rule_id(d.check);
            let text = match &d.help {
                Some(help) => crate::t!(
                    "diag-with-help",
                    message = d.message.as_str(),
                    help = help.as_str()
                ),
                None => d.message.clone(),
            };
            json!({
                "ruleId": id,
                "ruleIndex": ids.iter().position(|i| *i == id),
                "level": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": d.file },
                        "region": { "startLine": d.line.max(1), "startColumn": d.column.max(1) },
                    },
                    "logicalLocations": [{ "fullyQualifiedName": d.path, "kind": "member" }],
                }],
                "properties": { "errcode": d.code, "errmsg": d.errmsg },
            })
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "wecom-checkin",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/wecom-checkin/wecom-checkin",
                "rules": rules,
            }},
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The caret stops at the value's end: a closing quote (escapes
    /// skipped), or before the spaces and comment after a plain value.
    #[test]
    fn the_underline_covers_the_value_only() {
        fn under(line: &str, start: usize) -> &str {
            &line[start..value_end(line, start, line.len())]
        }
        assert_eq!(under(r#"a: "9am"   # c"#, 3), r#""9am""#);
        assert_eq!(under(r#"a: "x \" y" # c"#, 3), r#""x \" y""#);
        assert_eq!(under("a: 'it''s' # c", 3), "'it''s'");
        assert_eq!(under("a: 6 pm  # c", 3), "6 pm");
        assert_eq!(
            under("a: x#y", 3),
            "x#y",
            "a # inside a plain value is no comment"
        );
        assert_eq!(under(r#"a: "open"#, 3), r#""open"#);
        assert_eq!(token_end(r#"a: "x \" y", b"#, 3), 11);
    }
}
