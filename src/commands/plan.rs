//! `wecom-checkin plan`: the rules in git against live state, as API calls.

use std::path::Path;

use crate::Exit;
use crate::cli::{PlanArgs, PlanFormat};
use crate::diag::{Diagnostic, render};
use crate::error::ToolError;
use crate::pipeline::{self, Planned};
use crate::plan;

/// The --full-plan-url as it goes into a comment: an http(s) URL without
/// user name or password, percent-encoded (no space, `<` or `>` can end the link).
fn full_plan_url(raw: &str) -> Result<String, ToolError> {
    let refuse = |why: String| {
        ToolError::new(crate::t!(
            "err-full-plan-url",
            url = format!("{:?}", crate::client::without_userinfo(raw)),
            why = why
        ))
        .with_help(crate::t!("err-full-plan-url-help"))
    };
    let url = reqwest::Url::parse(raw.trim()).map_err(|e| refuse(e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse(crate::t!("err-url-scheme", scheme = url.scheme())));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse(crate::t!("err-url-userinfo")));
    }
    Ok(url.to_string())
}

/// The format of an --out file, by its extension.
fn out_format(path: &Path) -> Result<PlanFormat, ToolError> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => Ok(PlanFormat::Json),
        Some("txt") => Ok(PlanFormat::Text),
        Some("md") => Ok(PlanFormat::Markdown),
        _ => Err(ToolError::new(crate::t!(
            "err-out-extension",
            path = path.display().to_string()
        ))
        .with_help(crate::t!("err-out-extension-help"))),
    }
}

/// Writes `text` to `path` whole or not at all.
fn atomic_write(path: &Path, text: &str) -> Result<(), ToolError> {
    crate::atomic::write(path, text).map_err(|e| ToolError::cannot_write(path, e))
}

pub fn run(args: &PlanArgs) -> Result<Exit, ToolError> {
    for path in &args.out {
        out_format(path)?;
    }
    let full_plan_url = args
        .full_plan_url
        .as_deref()
        .map(full_plan_url)
        .transpose()?;
    let color = super::stdout_color();
    let input = pipeline::Input {
        paths: crate::cli::paths_or_default(&args.paths),
        live: match args.live.as_deref() {
            Some(path) => pipeline::Live::File(path),
            None => pipeline::Live::Api(Box::new(|| super::connect(&args.api))),
        },
        options: args.change.options(args.now),
        roster_batch: args.change.roster_batch,
        corpid: super::corpid(&args.api),
    };
    let (plan, loaded) = match pipeline::make(input)? {
        Planned::Plan(plan, loaded) => (*plan, loaded),
        Planned::Refused(blocking, loaded) => {
            print!(
                "{}",
                crate::escape::guard_lines(render::diagnostics_text(
                    &blocking,
                    &loaded.sources,
                    color
                ))
            );
            println!("{}", crate::t!("plan-refused-files", n = blocking.len()));
            return Ok(Exit::Failure);
        }
    };
    let mut diagnostics: Vec<Diagnostic> =
        plan.errors.iter().chain(&plan.warnings).cloned().collect();
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let diag_text = render::diagnostics_text(&diagnostics, &loaded.sources, false);
    let out = match args.format {
        PlanFormat::Text => {
            render::diagnostics_text(&diagnostics, &loaded.sources, color)
                + &plan::render::text(&plan, color)
        }
        PlanFormat::Markdown => plan::render::markdown(&plan, &diag_text, full_plan_url.as_deref()),
        PlanFormat::Json => plan::render::json(&plan),
    };
    // Logs run a line that begins with `::` as a workflow command.
    let out = crate::escape::guard_lines(out);
    print!("{out}");
    for path in &args.out {
        let text = match out_format(path)? {
            PlanFormat::Json => plan::render::json(&plan),
            PlanFormat::Text => {
                render::diagnostics_text(&diagnostics, &loaded.sources, false)
                    + &plan::render::text(&plan, false)
            }
            PlanFormat::Markdown => plan::render::markdown_full(&plan, &diag_text),
        };
        atomic_write(path, &text)?;
        super::note(crate::t!("plan-saved", path = path.display().to_string()));
    }
    Ok(if plan.is_blocked() {
        Exit::Failure
    } else if args.detailed_exitcode && plan.has_changes() {
        Exit::Changes
    } else {
        Exit::Success
    })
}
