//! `wecom-checkin validate [PATH]...`: load every rule file, check it, report
//! every problem with its place, and exit 1 if any is an error.

use crate::Exit;
use crate::checks;
use crate::cli::{Format, ValidateArgs};
use crate::diag::{Summary, render};
use crate::error::ToolError;
use crate::load;

pub fn run(args: &ValidateArgs) -> Result<Exit, ToolError> {
    let now = crate::cli::now_seconds(args.now);
    let paths = crate::cli::paths_or_default(&args.paths);
    let mut loaded = load::load_paths_with(&paths, |lr| checks::check_validate(lr, now))?;
    let across = checks::check_corp(&loaded.rules);
    loaded.diagnostics.extend(across);
    let (_, roster_problems) = crate::roster::load(&mut loaded);
    loaded.diagnostics.extend(roster_problems);
    let mut diagnostics = loaded.diagnostics;
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let summary = Summary::new(loaded.files, loaded.rules.len(), &diagnostics);
    let out = match args.format {
        // -q: the problems only, no summary line (nothing at all when clean).
        Format::Text if super::quiet() => {
            render::diagnostics_text(&diagnostics, &loaded.sources, super::stdout_color())
        }
        Format::Text => render::text(
            &diagnostics,
            &loaded.sources,
            &summary,
            super::stdout_color(),
        ),
        Format::Json => render::json(&diagnostics, &summary),
        Format::Github => render::github(&diagnostics, &summary),
        Format::Sarif => render::sarif(&diagnostics),
    };
    // github output is workflow commands by design (its data is escaped there).
    let out = match args.format {
        Format::Github => out,
        _ => crate::escape::guard_lines(out),
    };
    print!("{out}");
    // The process ends with this command: freeing a large corp's rules one
    // allocation at a time is work nobody waits for (a twentieth of the run).
    std::mem::forget(loaded.rules);
    std::mem::forget(loaded.sources);
    Ok(if summary.errors > 0 {
        Exit::Failure
    } else {
        Exit::Success
    })
}
