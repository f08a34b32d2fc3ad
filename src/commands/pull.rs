//! `wecom-checkin pull [--out FILE]`: save the live state as JSON.
//! Exit 0 saved, 1 the API or the answer failed, 2 bad arguments or credentials missing.

use crate::Exit;
use crate::cli::PullArgs;
use crate::client::Client;
use crate::error::ToolError;

pub fn run(args: &PullArgs) -> Result<Exit, ToolError> {
    let config = super::client_config(&args.api)?;
    let answer = super::runtime()?.block_on(async {
        let client = Client::new(config)?;
        client.get_corp_checkin_option().await
    });
    let answer =
        answer.map_err(|e| ToolError::new(crate::t!("err-live-rules", error = e.to_string())))?;
    // Refuse to save an answer the planner could not read back.
    let rules = crate::live::parse_answer(&answer)
        .map_err(|e| ToolError::new(crate::t!("err-live-answer", error = e.to_string())))?;
    let text = serde_json::to_string_pretty(&answer).unwrap_or_default() + "\n";
    match &args.out {
        Some(path) => {
            // An interrupted pull never leaves half a file.
            crate::atomic::write(path, &text).map_err(|e| ToolError::cannot_write(path, e))?;
            super::note(crate::t!(
                "pull-saved",
                n = rules.len(),
                path = path.display().to_string()
            ));
        }
        None => print!("{text}"),
    }
    Ok(Exit::Success)
}
