//! Several corps in one repository: `wecom-checkin.toml` at the root names
//! each corp, the folder of its rules and the prefix of its environment
//! variables (README: "Several corps"). Without the file nothing changes.
//!
//! ```toml
//! [corp.hq]
//! rules = "hq/rules"
//! env_prefix = "HQ_"      # HQ_WECOM_CORPID, HQ_WECOM_CORPSECRET, …
//! ```

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::ToolError;

/// The file's name, looked for in the current folder.
pub const FILE: &str = "wecom-checkin.toml";

/// Set in the environment of a command run for one corp of the file: that
/// run reads no file and fans out no further.
pub const CHILD: &str = "WECOM_CHECKIN_CORP";

/// The variables a corp's prefix renames: `HQ_WECOM_CORPID` is read as
/// `WECOM_CORPID` for corp hq, and the unprefixed one is not used for it.
pub const VARIABLES: [&str; 4] = [
    "WECOM_CORPID",
    "WECOM_CORPSECRET",
    "WECOM_ACCESS_TOKEN",
    "WECOM_API_BASE",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    corp: BTreeMap<String, Corp>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Corp {
    /// The folder of this corp's rule files.
    pub rules: PathBuf,
    /// The folder of its roster files, if it has one.
    pub rosters: Option<PathBuf>,
    /// Prefix of its environment variables; empty: the unprefixed ones.
    #[serde(default)]
    pub env_prefix: String,
}

/// The corps of a file, by name (sorted: output and exit status do not
/// depend on the file's order).
#[derive(Debug)]
pub struct Corps {
    pub path: PathBuf,
    pub corps: BTreeMap<String, Corp>,
}

/// The file in `dir`, if there is one; a file that cannot be used is an error
/// (never skipped: commands would run against the wrong corp).
pub fn find(dir: &Path) -> Result<Option<Corps>, ToolError> {
    let path = dir.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ToolError::cannot_read(&path, e)),
    };
    parse(&text, &path).map(Some)
}

pub fn parse(text: &str, path: &Path) -> Result<Corps, ToolError> {
    let example = crate::t!("corps-example");
    let file: File = toml::from_str(text).map_err(|e| {
        ToolError::new(crate::t!(
            "err-in-file",
            path = path.display().to_string(),
            error = e.message().trim()
        ))
        .with_help(format!("{}{example}", position(text, e.span())))
    })?;
    if file.corp.is_empty() {
        return Err(ToolError::new(crate::t!(
            "corps-no-table",
            path = path.display().to_string()
        ))
        .with_help(example));
    }
    for (name, corp) in &file.corp {
        let name_ok = !name.is_empty()
            && name.len() <= 64
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !name_ok {
            return Err(ToolError::new(crate::t!(
                "corps-bad-name",
                path = path.display().to_string(),
                name = format!("{name:?}")
            ))
            .with_help(crate::t!("corps-bad-name-help")));
        }
        let prefix_ok = corp
            .env_prefix
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
        if !prefix_ok {
            return Err(ToolError::new(crate::t!(
                "corps-bad-prefix",
                path = path.display().to_string(),
                name = name.as_str(),
                prefix = format!("{:?}", corp.env_prefix)
            ))
            .with_help(crate::t!("corps-bad-prefix-help")));
        }
    }
    Ok(Corps {
        path: path.to_owned(),
        corps: file.corp,
    })
}

/// "line L, column C: " of a byte span, for the help line.
fn position(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    let Some(span) = span else {
        return String::new();
    };
    let before = &text[..span.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    crate::t!("corps-at", line = line, column = column)
}

/// The environment of one corp's run: the prefixed variables under their
/// plain names, and no plain one that the corp does not set itself (another
/// corp's secret must never serve this one).
pub fn environment(
    corp: &Corp,
    get: impl Fn(&str) -> Option<OsString>,
) -> Vec<(String, Option<OsString>)> {
    VARIABLES
        .iter()
        .map(|var| {
            let value = get(&format!("{}{var}", corp.env_prefix));
            (var.to_string(), value)
        })
        .collect()
}

/// `plan.json` → `plan.hq.json`: each corp's saved plan (and the reviewed
/// plan apply reads) in a file of its own when several corps run at once.
pub fn per_corp_file(file: &str, corp: &str) -> String {
    let path = Path::new(file);
    let (Some(stem), Some(parent)) = (path.file_stem(), path.parent()) else {
        return format!("{file}.{corp}");
    };
    let name = match path.extension() {
        Some(ext) => format!(
            "{}.{corp}.{}",
            stem.to_string_lossy(),
            ext.to_string_lossy()
        ),
        None => format!("{}.{corp}", stem.to_string_lossy()),
    };
    parent.join(name).to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_reads_and_a_bad_one_says_where() {
        let corps = parse(
            "[corp.retail]\nrules = \"retail/rules\"\nenv_prefix = \"RETAIL_\"\n[corp.hq]\nrules = \"hq/rules\"\nrosters = \"hq/rosters\"\n",
            Path::new(FILE),
        )
        .unwrap();
        assert_eq!(corps.corps.keys().collect::<Vec<_>>(), ["hq", "retail"]);
        assert_eq!(corps.corps["hq"].env_prefix, "");
        assert_eq!(corps.corps["hq"].rosters, Some(PathBuf::from("hq/rosters")));

        let e = parse("[corp.hq]\nrule = \"hq/rules\"\n", Path::new(FILE)).unwrap_err();
        assert!(e.to_string().contains("unknown field `rule`"), "{e}");
        assert!(e.to_string().contains("at line 2, column 1"), "{e}");
        let e = parse("[corp.\"h q\"]\nrules = \"x\"\n", Path::new(FILE)).unwrap_err();
        assert!(
            e.to_string().contains("corp name \"h q\" is not usable"),
            "{e}"
        );
        let e = parse(
            "[corp.hq]\nrules = \"x\"\nenv_prefix = \"hq-\"\n",
            Path::new(FILE),
        )
        .unwrap_err();
        assert!(e.to_string().contains("not a variable-name prefix"), "{e}");
        let e = parse("", Path::new(FILE)).unwrap_err();
        assert!(e.to_string().contains("missing field `corp`"), "{e}");
    }

    #[test]
    fn a_corp_reads_only_its_own_variables() {
        let corp = Corp {
            rules: "r".into(),
            rosters: None,
            env_prefix: "HQ_".into(),
        };
        let env = environment(&corp, |v| {
            (v == "HQ_WECOM_CORPID").then(|| "hq-corp".into())
        });
        assert_eq!(env[0], ("WECOM_CORPID".into(), Some("hq-corp".into())));
        // WECOM_CORPSECRET unset for hq: removed, even if the plain one is set.
        assert_eq!(env[1], ("WECOM_CORPSECRET".into(), None));
    }

    #[test]
    fn saved_plans_get_the_corps_name() {
        assert_eq!(per_corp_file("plan.json", "hq"), "plan.hq.json");
        assert_eq!(
            per_corp_file("reviewed/plan.json", "hq"),
            "reviewed/plan.hq.json"
        );
        assert_eq!(per_corp_file("plan", "hq"), "plan.hq");
    }
}
