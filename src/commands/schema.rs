//! `wecom-checkin schema [--check]`: write or verify the checked-in JSON Schema.

use crate::Exit;
use crate::cli::SchemaArgs;
use crate::error::ToolError;
use crate::schema::generate_text;

pub fn run(args: &SchemaArgs) -> Result<Exit, ToolError> {
    let want = generate_text();
    let path = &args.out;
    if args.check {
        let have = match std::fs::read_to_string(path) {
            Ok(have) => have,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                println!(
                    "{} is missing\n  help: run `wecom-checkin schema` and commit the file",
                    path.display()
                );
                return Ok(Exit::Failure);
            }
            Err(e) => {
                return Err(ToolError::cannot_read(path, e));
            }
        };
        if have == want {
            println!("{} is up to date", path.display());
            return Ok(Exit::Success);
        }
        println!(
            "{} is stale: it differs from the schema this version generates\n  help: run `wecom-checkin schema` and commit the file",
            path.display()
        );
        return Ok(Exit::Failure);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| ToolError::cannot_create(dir, e))?;
    }
    crate::atomic::write(path, want).map_err(|e| ToolError::cannot_write(path, e))?;
    println!("wrote {}", path.display());
    Ok(Exit::Success)
}
