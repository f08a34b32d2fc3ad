//! `wecom-checkin man [DIR]`: man pages from the same definitions as --help
//! (clap_mangen), one for the tool and one per command.

use std::path::Path;

use clap::CommandFactory;

use crate::Exit;
use crate::cli::{Cli, ManArgs};
use crate::error::ToolError;
use crate::t;

fn write(dir: &Path, cmd: clap::Command) -> Result<(), ToolError> {
    let path = dir.join(format!("{}.1", cmd.get_name()));
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page).map_err(|e| {
        ToolError::new(t!(
            "man-cannot-render",
            path = path.display().to_string(),
            error = e.to_string()
        ))
    })?;
    crate::atomic::write(&path, page).map_err(|e| ToolError::cannot_write(&path, e))
}

pub fn run(args: &ManArgs) -> Result<Exit, ToolError> {
    std::fs::create_dir_all(&args.out).map_err(|e| ToolError::cannot_create(&args.out, e))?;
    let cmd = Cli::command();
    let mut written: usize = 1;
    write(&args.out, cmd.clone())?;
    for sub in cmd.get_subcommands() {
        // "wecom-checkin-plan.1", titled as the command people type.
        let name = format!("wecom-checkin-{}", sub.get_name());
        write(&args.out, sub.clone().name(name))?;
        written += 1;
    }
    super::note(t!(
        "man-wrote",
        n = written,
        folder = args.out.display().to_string()
    ));
    Ok(Exit::Success)
}
