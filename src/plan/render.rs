//! The plan as text (a terminal, CI logs), markdown (a pull-request comment
//! or job summary) and JSON (what apply reads; format_version 2).

use std::fmt::Write;

use super::{Action, Change, Plan, RulePlan};
use crate::escape;

/// GitHub refuses comments over 65,536 characters; stay well under.
pub const MARKDOWN_BUDGET: usize = 60_000;
/// Lines of changes shown per rule in markdown before truncating.
const MARKDOWN_RULE_LINES: usize = 80;

fn sign(a: Action) -> (&'static str, &'static str, &'static str) {
    // (sign, verb, ANSI colour)
    match a {
        Action::Add => ("+", "add", "\x1b[32m"),
        Action::Update => ("~", "update", "\x1b[33m"),
        Action::Clear => ("!", "clear", "\x1b[35m"),
        Action::Replace => ("±", "replace", "\x1b[35m"),
        Action::Delete => ("-", "delete", "\x1b[31m"),
        Action::Drift => ("≠", "drift (readonly, not written)", "\x1b[36m"),
        Action::Blocked => ("✗", "blocked", "\x1b[31m"),
        Action::Unchanged => ("=", "unchanged", ""),
        Action::NotManaged => ("?", "not managed here", ""),
    }
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
        format!(" ({})", where_.join(", "))
    };
    format!("{}{place}", r.groupname)
}

/// "takes effect 2026-11-22", or "takes effect today, 2026-11-21".
fn when(r: &RulePlan) -> String {
    match (&r.takes_effect, r.effective_now) {
        (Some(day), true) => format!("takes effect today, {day}"),
        (Some(day), false) => format!("takes effect {day}"),
        (None, true) => "takes effect today".into(),
        (None, false) => "takes effect tomorrow".into(),
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
    let mut line = format!(
        "Plan: {} to add, {} to update, {} to clear, {} to delete, {} to replace; {} unchanged",
        s.add, s.update, s.clear, s.delete, s.replace, s.unchanged
    );
    if s.replace > 0 {
        line += &format!(
            " (a replacement adds the new rule, then deletes the old: its delete is among the {} to delete)",
            s.delete
        );
    }
    if s.drift > 0 {
        line += &format!(", {} readonly drifted", s.drift);
    }
    if s.not_managed > 0 {
        line += &format!(", {} not managed here", s.not_managed);
    }
    if s.rosters > 0 {
        let cells: usize = p.rosters.iter().map(|r| r.changes.len()).sum();
        line += &format!(
            "; {} in {} to set",
            super::plural(cells, "roster cell"),
            super::plural(s.rosters, "roster")
        );
    }
    if p.is_blocked() {
        line = format!(
            "Plan refused: {} error{} (nothing will be applied). {line}",
            p.errors.len(),
            if p.errors.len() == 1 { "" } else { "s" }
        );
    }
    line + "."
}

/// Terraform-like text; colour only when asked (a terminal without NO_COLOR).
pub fn text(p: &Plan, color: bool) -> String {
    let paint = |c: &str, s: &str| {
        if color && !c.is_empty() {
            format!("{c}{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "wecom-checkin plan against {} (live fingerprint {})\n",
        escape::text(&p.live.source),
        p.live.fingerprint
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
            head += &format!(", {}", when(r));
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
                ", after the update"
            } else {
                ""
            };
            let clear = format!(
                "! clear {} (clear_checkin_option_array_field{after})",
                r.clear.join(", ")
            );
            let _ = writeln!(out, "    {}", paint("\x1b[35m", &escape::text(&clear)));
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
    titled_list(
        &mut out,
        "Not managed here (no file describes them; left alone, --prune deletes them):",
        not_managed,
    );
    let fields = |pick: fn(&RulePlan) -> &Vec<String>| -> Vec<String> {
        p.rules
            .iter()
            .filter(|r| !pick(r).is_empty())
            .map(|r| format!("{}: {}", r.groupname, pick(r).join(", ")))
            .collect()
    };
    titled_list(
        &mut out,
        "Could not compare (the live answer does not show these fields):",
        fields(|r| &r.unknown),
    );
    titled_list(
        &mut out,
        "Left as live has them (not in the file, no default; write them to manage them):",
        fields(|r| &r.unmanaged),
    );
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
    let _ = writeln!(out, "### wecom-checkin plan\n");
    let _ = writeln!(out, "{}\n", summary_line(p));
    let _ = writeln!(out, "| action | rules |\n| --- | --- |");
    for (label, n) in [
        ("➕ add", s.add),
        ("✏️ update", s.update),
        ("🧹 clear", s.clear),
        ("🗑️ delete", s.delete),
        ("♻️ replace", s.replace),
        ("≠ readonly drift", s.drift),
        ("= unchanged", s.unchanged),
        ("? not managed here", s.not_managed),
        ("🗓️ roster to set", s.rosters),
    ] {
        if n > 0 {
            let _ = writeln!(out, "| {label} | {n} |");
        }
    }
    out.push('\n');
    if !diagnostics_text.is_empty() {
        let text = diagnostics_text.trim_end();
        let fence = escape::fence(text);
        let _ = writeln!(
            out,
            "<details open><summary>Errors and warnings</summary>\n\n{fence}text\n{text}\n{fence}\n</details>\n",
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
            body.push(format!("- clear {}", r.clear.join(", ")));
        }
        if !r.unknown.is_empty() {
            body.push(format!("# could not compare: {}", r.unknown.join(", ")));
        }
        let total = body.len();
        if total > rule_lines {
            body.truncate(rule_lines);
            body.push(format!(
                "# … {} more lines: {}",
                total - rule_lines,
                where_full(full_plan)
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
            "\n**{} more rules not shown** (a comment is limited to 65,536 characters). {}",
            sections.len() - shown,
            match full_plan {
                // Checked and percent-encoded by the plan command.
                Some(url) => format!("The full plan: <{url}>"),
                None => "Run `wecom-checkin plan` or save it with `--out plan.txt` to read it all."
                    .to_owned(),
            }
        );
    }
    out
}

/// Where the lines left out of a comment can be read.
fn where_full(full_plan: Option<&str>) -> String {
    match full_plan {
        Some(url) => format!("the full plan is at {url}"),
        None => "run `wecom-checkin plan` for all".to_owned(),
    }
}

pub fn json(p: &Plan) -> String {
    serde_json::to_string_pretty(p).unwrap_or_default() + "\n"
}
