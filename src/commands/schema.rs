//! `wecom-checkin schema [--check]`: write or verify the checked-in JSON Schema.

use crate::Exit;
use crate::cli::SchemaArgs;
use crate::error::ToolError;
use crate::schema::generate_text;
use crate::t;

pub fn run(args: &SchemaArgs) -> Result<Exit, ToolError> {
    let want = generate_text();
    let path = &args.out;
    if args.check {
        let have = match std::fs::read_to_string(path) {
            Ok(have) => have,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let shown = path.display().to_string();
                println!("{}", t!("schema-missing", path = shown));
                println!("{}", t!("schema-run-help"));
                return Ok(Exit::Failure);
            }
            Err(e) => {
                return Err(ToolError::cannot_read(path, e));
            }
        };
        if have == want {
            let shown = path.display().to_string();
            println!("{}", t!("schema-up-to-date", path = shown));
            return Ok(Exit::Success);
        }
        println!("{}", t!("schema-stale", path = path.display().to_string()));
        println!("{}", t!("schema-run-help"));
        return Ok(Exit::Failure);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| ToolError::cannot_create(dir, e))?;
    }
    crate::atomic::write(path, want).map_err(|e| ToolError::cannot_write(path, e))?;
    println!("{}", t!("wrote-file", path = path.display().to_string()));
    Ok(Exit::Success)
}
