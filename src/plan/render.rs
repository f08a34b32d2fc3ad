//! The plan as text (a terminal, CI logs), markdown (a pull-request comment
//! or job summary) and JSON (what apply reads; format_version 2).

use std::fmt::Write;

use anstyle::AnsiColor;

use super::{Action, Change, Plan, RulePlan};
use crate::escape;
use crate::t;

/// GitHub refuses comments over 65,536 characters; stay well under.
pub const MARKDOWN_BUDGET: usize = 60_000;
/// Lines of changes shown per rule in markdown before truncating.
const MARKDOWN_RULE_LINES: usize = 80;

/// (sign, verb, colour) of an action.
fn sign(a: Action) -> (&'static str, String, Option<AnsiColor>) {
    let (sign, verb, colour) = match a {
        Action::Add => ("+", "verb-add", Some(AnsiColor::Green)),
        Action::Update => ("~", "verb-update", Some(AnsiColor::Yellow)),
        Action::Clear => ("!", "verb-clear", Some(AnsiColor::Magenta)),
        Action::Replace => ("±", "verb-replace", Some(AnsiColor::Magenta)),
        Action::Delete => ("-", "verb-delete", Some(AnsiColor::Red)),
        Action::Drift => ("≠", "verb-drift", Some(AnsiColor::Cyan)),
        Action::Blocked => ("✗", "verb-blocked", Some(AnsiColor::Red)),
        Action::Unchanged => ("=", "verb-unchanged", None),
        Action::NotManaged => ("?", "verb-not-managed", None),
    };
    (sign, t!(verb), colour)
}

fn change_line(c: &Change) -> String {
    match (&c.old, &c.new) {
        (Some(o), Some(n)) => format!("{}: {o} → {n}", c.field),
        (None, Some(n)) => format!("{}: + {n}", c.field),
        (Some(o), None) => format!("{}: - {o}", c.field),
        (None, None) => c.field.clone(),
    }
}

fn header(r: &RulePlan) -> String {
    let mut where_ = Vec::new();
    if let Some(id) = r.groupid {
        where_.push(format!("groupid {id}"));
    }
    if let Some(f) = &r.file {
        where_.push(f.clone());
    }
    let place = if where_.is_empty() {
        String::new()
    } else {
        t!("aside", what = where_.join(&t!("clause-separator")))
    };
    format!("{}{place}", r.groupname)
}

/// "takes effect 2026-11-22", or "takes effect today, 2026-11-21".
fn when(r: &RulePlan) -> String {
    match (&r.takes_effect, r.effective_now) {
        (Some(day), true) => t!("takes-effect-today-on", day = day.as_str()),
        (Some(day), false) => t!("takes-effect-on", day = day.as_str()),
        (None, true) => t!("takes-effect-today"),
        (None, false) => t!("takes-effect-tomorrow"),
    }
}

/// A title and its indented lines, or nothing when there are none.
fn titled_list(out: &mut String, title: &str, lines: Vec<String>) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}");
    for line in lines {
        let _ = writeln!(out, "    {}", escape::text(&line));
    }
    out.push('\n');
}

pub fn summary_line(p: &Plan) -> String {
    let s = &p.summary;
    let mut line = t!(
        "summary",
        add = s.add,
        update = s.update,
        clear = s.clear,
        delete = s.delete,
        replace = s.replace,
        unchanged = s.unchanged
    );
    if s.replace > 0 {
        line += &t!("summary-replace", delete = s.delete);
    }
    if s.drift > 0 {
        line += &t!("summary-drift", n = s.drift);
    }
    if s.not_managed > 0 {
        line += &t!("summary-not-managed", n = s.not_managed);
    }
    if s.rosters > 0 {
        let cells: usize = p.rosters.iter().map(|r| r.changes.len()).sum();
        line += &t!("summary-rosters", cells = cells, rosters = s.rosters);
    }
    if p.is_blocked() {
        line = t!("summary-refused", n = p.errors.len(), line = line);
    }
    line + &t!("sentence-end")
}

/// Terraform-like text; colour only when asked (a terminal without NO_COLOR).
pub fn text(p: &Plan, color: bool) -> String {
    let paint = |c: Option<AnsiColor>, s: &str| match c.filter(|_| color) {
        Some(c) => {
            let style = c.on_default();
            format!("{style}{s}{style:#}")
        }
        None => s.to_owned(),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        t!(
            "plan-header",
            source = escape::text(&p.live.source).into_owned(),
            fingerprint = p.live.fingerprint.as_str()
        )
    );
    for r in p
        .rules
        .iter()
        .filter(|r| !matches!(r.action, Action::Unchanged | Action::NotManaged))
    {
        let (sign, verb, colour) = sign(r.action);
        let mut head = format!("{sign} {verb} {}", header(r));
        if matches!(
            r.action,
            Action::Add | Action::Update | Action::Clear | Action::Replace | Action::Delete
        ) {
            head += &t!("clause-separator");
            head += &when(r);
        }
        // Names and values are escaped before colour is added.
        let _ = writeln!(out, "{}", paint(colour, &escape::text(&head)));
        if !matches!(r.action, Action::Update | Action::Clear) {
            let _ = writeln!(out, "    {}", escape::text(&r.reason));
        }
        for c in &r.changes {
            let _ = writeln!(out, "    {}", escape::text(&change_line(c)));
        }
        if !r.clear.is_empty() {
            let after = if r.action == Action::Update {
                "yes"
            } else {
                "no"
            };
            let clear = t!("clear-line", fields = r.clear.join(", "), after = after);
            let _ = writeln!(
                out,
                "    {}",
                paint(Some(AnsiColor::Magenta), &escape::text(&clear))
            );
        }
        out.push('\n');
    }
    crate::roster::plan::text(p, &mut out);
    let not_managed: Vec<String> = p
        .rules
        .iter()
        .filter(|r| r.action == Action::NotManaged)
        .map(header)
        .collect();
    titled_list(&mut out, &t!("list-not-managed"), not_managed);
    let fields = |pick: fn(&RulePlan) -> &Vec<String>| -> Vec<String> {
        p.rules
            .iter()
            .filter(|r| !pick(r).is_empty())
            .map(|r| {
                t!(
                    "rule-fields",
                    name = r.groupname.as_str(),
                    fields = pick(r).join(", ")
                )
            })
            .collect()
    };
    titled_list(&mut out, &t!("list-unknown"), fields(|r| &r.unknown));
    titled_list(&mut out, &t!("list-unmanaged"), fields(|r| &r.unmanaged));
    let _ = writeln!(out, "{}", summary_line(p));
    escape::guard_lines(out)
}

/// Markdown for a pull-request comment: a summary table, then a collapsible
/// section per rule, truncated so the whole stays under GitHub's limit; the
/// truncation note links to `full_plan` (where the whole plan is kept).
pub fn markdown(p: &Plan, diagnostics_text: &str, full_plan: Option<&str>) -> String {
    markdown_within(
        p,
        diagnostics_text,
        MARKDOWN_BUDGET,
        MARKDOWN_RULE_LINES,
        full_plan,
    )
}

/// The whole plan in markdown, nothing left out (for a file).
pub fn markdown_full(p: &Plan, diagnostics_text: &str) -> String {
    markdown_within(p, diagnostics_text, usize::MAX, usize::MAX, None)
}

fn markdown_within(
    p: &Plan,
    diagnostics_text: &str,
    budget: usize,
    rule_lines: usize,
    full_plan: Option<&str>,
) -> String {
    let s = &p.summary;
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", t!("plan-markdown-title"));
    let _ = writeln!(out, "{}\n", summary_line(p));
    let _ = writeln!(
        out,
        "| {} | {} |\n| --- | --- |",
        t!("table-action"),
        t!("table-rules")
    );
    for (label, n) in [
        ("row-add", s.add),
        ("row-update", s.update),
        ("row-clear", s.clear),
        ("row-delete", s.delete),
        ("row-replace", s.replace),
        ("row-drift", s.drift),
        ("row-unchanged", s.unchanged),
        ("row-not-managed", s.not_managed),
        ("row-rosters", s.rosters),
    ] {
        if n > 0 {
            let _ = writeln!(out, "| {} | {n} |", t!(label));
        }
    }
    out.push('\n');
    if !diagnostics_text.is_empty() {
        let text = diagnostics_text.trim_end();
        let fence = escape::fence(text);
        let _ = writeln!(
            out,
            "<details open><summary>{}</summary>\n\n{fence}text\n{text}\n{fence}\n</details>\n",
            t!("errors-and-warnings")
        );
    }
    let mut sections = Vec::new();
    for r in p
        .rules
        .iter()
        .filter(|r| !matches!(r.action, Action::Unchanged))
    {
        let (sign, verb, _) = sign(r.action);
        let mut body = Vec::new();
        body.push(format!("# {}", r.reason));
        for c in &r.changes {
            body.push(match (&c.old, &c.new) {
                (None, Some(n)) => format!("+ {}: {n}", c.field),
                (Some(o), None) => format!("- {}: {o}", c.field),
                _ => format!("! {}", change_line(c)),
            });
        }
        if !r.clear.is_empty() {
            body.push(t!("md-clear", fields = r.clear.join(", ")));
        }
        if !r.unknown.is_empty() {
            body.push(t!("md-could-not-compare", fields = r.unknown.join(", ")));
        }
        let total = body.len();
        if total > rule_lines {
            body.truncate(rule_lines);
            body.push(t!(
                "md-more-lines",
                n = total - rule_lines,
                where = where_full(full_plan)
            ));
        }
        // Inside the fence every value is one line (escape::text) and the
        // fence is longer than any backtick run: nothing can break out.
        let body: Vec<String> = body.iter().map(|l| escape::text(l).into_owned()).collect();
        let body = body.join("\n");
        let fence = escape::fence(&body);
        let mut title = format!("{sign} {verb} {}", escape::html(&header(r)));
        if r.takes_effect.is_some() {
            title += &format!(" · {}", when(r));
        }
        // The day as a picture (GitHub renders Mermaid): no backtick can be
        // in it (times::gantt), so a plain fence holds it.
        let picture = if r.times.is_empty() {
            String::new()
        } else {
            format!(
                "\n```mermaid\n{}```\n",
                super::times::gantt(&r.groupname, &r.times)
            )
        };
        sections.push(format!(
            "<details><summary>{title}</summary>\n\n{fence}diff\n{body}\n{fence}\n{picture}</details>\n",
        ));
    }
    sections.extend(crate::roster::plan::markdown(p));
    let mut shown = 0;
    for section in &sections {
        if out.len().saturating_add(section.len()) > budget {
            break;
        }
        out += section;
        shown += 1;
    }
    if shown < sections.len() {
        let _ = writeln!(
            out,
            "\n{} {}",
            t!("md-more-rules", n = sections.len() - shown),
            match full_plan {
                // Checked and percent-encoded by the plan command.
                Some(url) => t!("md-full-plan", url = url),
                None => t!("md-run-plan"),
            }
        );
    }
    out
}

/// Where the lines left out of a comment can be read.
fn where_full(full_plan: Option<&str>) -> String {
    match full_plan {
        Some(url) => t!("md-full-plan-at", url = url),
        None => t!("md-run-plan-for-all"),
    }
}

pub fn json(p: &Plan) -> String {
    serde_json::to_string_pretty(p).unwrap_or_default() + "\n"
}
