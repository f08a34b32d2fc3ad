//! `wecom-checkin import [--live FILE] [--out rules/] [--force | --new-only]`:
//! one rule file per live rule, so a corp with rules made in the admin console
//! can adopt the tool: import, commit, and `plan` shows no change. With
//! `--new-only`, only the live rules no file describes yet.
//!
//! - readable form, groupid pinned, the schema header line;
//! - legacy fields kept as imported (never sent), each with a comment giving
//!   its current form where the API defines one (noneed_offwork →
//!   no_need_checkoff, flex_time → allow_flex with flex_on/off_duty_time);
//! - values the write API rejects (D4) imported as they are and recorded in
//!   `keep_live`, so validate passes (warnings) until someone edits them;
//! - file names from the group names: UTF-8 kept, safe on every OS, unique.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::Exit;
use crate::checks;
use crate::cli::ImportArgs;
use crate::emit;
use crate::error::ToolError;
use crate::escape;
use crate::live::LiveRule;
use crate::load::{self, LoadedRule};
use crate::model::wire::rule_to_wire;
use crate::model::{Duration, KeepLive, Rule};
use crate::pipeline;
use crate::t;
use unicode_normalization::UnicodeNormalization;

pub fn run(args: &ImportArgs) -> Result<Exit, ToolError> {
    if let Some(month) = &args.rosters {
        return rosters(args, month);
    }
    let now = crate::cli::now_seconds(args.now);
    let (mut live, source) = match args.live.as_deref() {
        Some(path) => pipeline::read_live_file(path)?,
        None => pipeline::read_live_api(&*super::connect(&args.api)?, &super::runtime()?)?,
    };
    let mut taken = BTreeSet::new();
    if args.new_only {
        let described = match described(&args.out)? {
            Ok(d) => d,
            Err(unreadable) => {
                println!(
                    "{}",
                    t!(
                        "import-refused-unreadable",
                        files = escape::text(&unreadable.join(", ")).into_owned()
                    )
                );
                println!("{}", t!("import-refused-unreadable-help"));
                return Ok(Exit::Failure);
            }
        };
        let before = live.len();
        live.retain(|l| {
            !described.ids.contains(&l.groupid)
                && !described
                    .names
                    .contains(l.rule.groupname.as_deref().unwrap_or_default())
        });
        println!(
            "{}",
            t!(
                "import-new-only",
                described = before - live.len(),
                live = before,
                folder = load::display_path(&args.out),
                rest = live.len()
            )
        );
        taken = described.files;
    }
    let names = file_names_beside(&live, &taken);
    let targets: Vec<PathBuf> = names.iter().map(|n| args.out.join(n)).collect();
    let existing: Vec<String> = targets
        .iter()
        .filter(|p| p.exists())
        .map(|p| load::display_path(p))
        .collect();
    if !existing.is_empty() && !args.force {
        println!(
            "{}",
            t!(
                "import-refused-existing",
                n = existing.len(),
                files = escape::text(&existing.join(", ")).into_owned()
            )
        );
        println!("{}", t!("import-refused-existing-help"));
        return Ok(Exit::Failure);
    }
    std::fs::create_dir_all(&args.out).map_err(|e| ToolError::cannot_create(&args.out, e))?;
    let header = emit::schema_header(&schema_path_from(&args.out));
    let mut kept_total = 0;
    let mut written: usize = 0;
    for (l, path) in live.iter().zip(&targets) {
        let (rule, notes) = imported(l, now);
        kept_total += rule.keep_live.as_ref().map_or(0, Vec::len);
        let mut text = header.clone();
        let said = t!(
            "import-file-header",
            groupid = l.groupid.to_string(),
            source = escape::text(&source).as_ref()
        );
        text += &format!("# {said}\n");
        // A comment is one line: a note quoting a live key or value could
        // otherwise end it and write a real key (`readonly: true`).
        for note in &notes {
            text += &format!("# {}\n", escape::text(note));
        }
        text += &emit::rule_to_yaml(&rule);
        crate::atomic::write(path, text).map_err(|e| ToolError::cannot_write(path, e))?;
        written += 1;
        let line = format!(
            "  {}  ←  {} (groupid {})\n",
            escape::text(&load::display_path(path)),
            escape::text(l.rule.groupname.as_deref().unwrap_or_default()),
            l.groupid
        );
        print!("{}", escape::guard_lines(line));
    }
    println!(
        "{}",
        t!(
            "import-done",
            n = written,
            folder = load::display_path(&args.out)
        )
    );
    if kept_total > 0 {
        println!("{}", t!("import-kept-live", n = kept_total));
    }
    println!("{}", t!("import-next"));
    Ok(Exit::Success)
}

/// The live rule as a rule file: legacy fields translated where possible,
/// rejected values recorded in keep_live.
pub fn imported(l: &LiveRule, now: i64) -> (Rule, Vec<String>) {
    let mut rule = l.rule.clone();
    rule.groupid = Some(l.groupid);
    let mut notes: Vec<String> = l.notes.clone();
    // Modern answers carry the old fields with neutral values beside the new
    // ones (noneed_offwork: false, limit_aheadtime: 0): they say nothing and
    // are never sent, so they are left out of the file.
    for day in rule.checkindate.iter_mut().flatten() {
        day.noneed_offwork = day.noneed_offwork.filter(|v| *v);
        day.flex_time = day.flex_time.filter(|v| *v != 0);
        day.limit_aheadtime = day.limit_aheadtime.filter(|v| *v != 0);
        day.limit_offtime = day.limit_offtime.filter(|v| *v != 0);
    }
    for s in rule.schedulelist.iter_mut().flatten() {
        s.noneed_offwork = s.noneed_offwork.filter(|v| *v);
        s.limit_aheadtime = s.limit_aheadtime.filter(|v| *v != 0);
        s.limit_offtime = s.limit_offtime.filter(|v| *v != 0);
    }
    // Old fields are kept as imported and their current form is suggested:
    // writing the current field would change the rule (live shows it with its
    // own value), and import must plan as no change. They are never sent.
    for (i, day) in rule.checkindate.iter().flatten().enumerate() {
        if let Some(noneed) = day.noneed_offwork {
            notes.push(t!(
                "import-note-noneed-offwork",
                i = i,
                value = noneed.to_string()
            ));
        }
        if let Some(ms) = day.flex_time {
            notes.push(t!(
                "import-note-flex-time",
                i = i,
                ms = ms.to_string(),
                duration = Duration(ms / 1000).to_string()
            ));
        }
        for (field, present) in [
            ("limit_aheadtime", day.limit_aheadtime.is_some()),
            ("limit_offtime", day.limit_offtime.is_some()),
        ] {
            if present {
                notes.push(t!("import-note-no-current-form", i = i, field = field));
            }
        }
    }
    if rule.ot_info.is_some() {
        notes.push(t!("import-note-ot-info"));
    }
    // Values the write API rejects: kept as they are, recorded, so validate passes.
    let lr = LoadedRule {
        file: String::new(),
        doc: 0,
        rule: rule.clone(),
        spans: Default::default(),
        ..Default::default()
    };
    let wire = rule_to_wire(&rule);
    let mut kept: BTreeMap<String, KeepLive> = BTreeMap::new();
    for d in checks::check_rule(&lr, now)
        .into_iter()
        .filter(|d| d.is_error())
    {
        kept.entry(d.path.clone()).or_insert_with(|| KeepLive {
            path: d.path.clone(),
            value: wire
                .pointer(&d.path)
                .cloned()
                .unwrap_or(serde_json::Value::Null),
            errmsg: Some(format!("{} {}", d.code, d.errmsg)),
        });
    }
    if !kept.is_empty() {
        notes.push(t!("import-note-keep-live", n = kept.len()));
        rule.keep_live = Some(kept.into_values().collect());
    }
    (rule, notes)
}

/// A file name per rule: the group name made safe on every OS, unique after
/// every transformation, as macOS and Windows compare names: case-insensitively
/// and in Unicode NFC (a name typed in NFD is the same file there).
pub fn file_names(live: &[LiveRule]) -> Vec<String> {
    file_names_beside(live, &BTreeSet::new())
}

/// What the rule files of a folder describe: pinned groupids, groupnames,
/// and the file names taken; or the files that could not be read as a rule.
struct Described {
    ids: BTreeSet<i64>,
    names: BTreeSet<String>,
    files: BTreeSet<String>,
}

fn described(dir: &Path) -> Result<Result<Described, Vec<String>>, ToolError> {
    let mut d = Described {
        ids: BTreeSet::new(),
        names: BTreeSet::new(),
        files: BTreeSet::new(),
    };
    if !dir.exists() {
        return Ok(Ok(d));
    }
    let loaded = load::load_paths(&[dir.to_path_buf()])?;
    let read: BTreeSet<&str> = loaded.rules.iter().map(|r| r.file.as_str()).collect();
    let unreadable: BTreeSet<String> = loaded
        .diagnostics
        .iter()
        .filter(|x| x.is_error() && x.check != "no rule files" && !read.contains(x.file.as_str()))
        .map(|x| x.file.clone())
        .collect();
    if !unreadable.is_empty() {
        return Ok(Err(unreadable.into_iter().collect()));
    }
    for r in &loaded.rules {
        d.ids.extend(r.rule.groupid);
        d.names.extend(r.rule.groupname.clone());
        if let Some(name) = Path::new(&r.file).file_name() {
            d.files.insert(
                name.to_string_lossy()
                    .nfc()
                    .collect::<String>()
                    .to_lowercase(),
            );
        }
    }
    // Files that are not rules (a README.md) still take their names.
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        d.files.insert(
            entry
                .file_name()
                .to_string_lossy()
                .nfc()
                .collect::<String>()
                .to_lowercase(),
        );
    }
    Ok(Ok(d))
}

/// File names for `live`, none of them one of `taken` (lower-case NFC).
fn file_names_beside(live: &[LiveRule], taken: &BTreeSet<String>) -> Vec<String> {
    let key = |name: &str| name.nfc().collect::<String>().to_lowercase();
    let mut used = taken.clone();
    live.iter()
        .map(|l| {
            let base = safe_name(l.rule.groupname.as_deref().unwrap_or_default())
                .unwrap_or_else(|| format!("rule-{}", l.groupid));
            // Each candidate is checked again: `x` of groupid 6 must not
            // take `x-6.yaml`, already the file of a rule named `x-6`.
            let mut name = format!("{base}.yaml");
            let mut n = 1;
            while !used.insert(key(&name)) {
                name = match n {
                    1 => format!("{base}-{}.yaml", l.groupid),
                    _ => format!("{base}-{}-{n}.yaml", l.groupid),
                };
                n += 1;
            }
            name
        })
        .collect()
}

/// Windows device names: a file whose name before the first dot is one of
/// these (in any case) cannot be created there, whatever its extension.
/// (COM¹ … LPT³ with superscript digits too: checked as their digit.)
const RESERVED: [&str; 26] = [
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4",
    "COM5", "COM6", "COM7", "COM8", "COM9", "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6",
    "LPT7", "LPT8", "LPT9",
];

fn safe_name(name: &str) -> Option<String> {
    let cleaned: String = name
        .nfc()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) || c.is_whitespace() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let trim = |s: &str| s.trim_matches(|c: char| c == '.' || c == '-').to_owned();
    let mut s = trim(&cleaned);
    // Stay well under file-name limits (255 bytes): 60 characters of a name
    // is plenty. Trimmed again: a cut may end on a dot (Windows drops it).
    if s.chars().count() > 60 {
        s = trim(&s.chars().take(60).collect::<String>());
    }
    if s.is_empty() {
        return None;
    }
    let stem = s.split('.').next().unwrap_or_default().to_uppercase();
    if RESERVED.contains(&stem.replace(['¹', '²', '³'], "1").as_str()) {
        s = format!("{stem}-rule{}", &s[s.find('.').unwrap_or(s.len())..]);
    }
    Some(s)
}

/// `import --rosters YYYY-MM`: the live roster of every schedule rule for
/// that month, one file per rule. Existing files are kept unless --force.
fn rosters(args: &ImportArgs, month: &str) -> Result<Exit, ToolError> {
    use crate::model::GroupType;
    use crate::roster::{live as roster_live, write};
    let (yearmonth, (start, end)) = month
        .split_once('-')
        .filter(|(y, m)| y.len() == 4 && m.len() == 2)
        .and_then(|(y, m)| Some(y.parse::<u32>().ok()? * 100 + m.parse::<u32>().ok()?))
        .and_then(|ym| Some((ym, roster_live::month_span(ym)?)))
        .ok_or_else(|| {
            ToolError::new(t!("err-rosters-month", month = format!("{month:?}")))
                .with_help(t!("err-rosters-month-help"))
        })?;
    if args.live.is_some() {
        return Err(ToolError::new(t!("err-rosters-live")).with_help(t!("err-rosters-live-help")));
    }
    let client = super::connect(&args.api)?;
    let runtime = super::runtime()?;
    let (live, _) = pipeline::read_live_api(&client, &runtime)?;
    // All the month's rosters, then split by rule: one read (per 100 people).
    let mut answers = Vec::new();
    if args.userid.is_empty() {
        answers.push(runtime.block_on(client.get_checkin_schedule_list(start, end, &[])));
    } else {
        for batch in args.userid.chunks(roster_live::USERS_PER_READ) {
            answers.push(runtime.block_on(client.get_checkin_schedule_list(start, end, batch)));
        }
    }
    let answers: Vec<serde_json::Value> = answers
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(|e| ToolError::new(t!("err-live-rosters", error = e.to_string())))?;
    let mut written: usize = 0;
    let mut kept = Vec::new();
    for rule in live
        .iter()
        .filter(|l| l.rule.grouptype == Some(GroupType::SCHEDULE))
    {
        let name = rule.rule.groupname.clone().unwrap_or_default();
        let mut cells = roster_live::Cells::new();
        for answer in &answers {
            roster_live::parse_answer(answer, rule.groupid, yearmonth, &mut cells)
                .map_err(|e| ToolError::new(t!("err-live-roster-answer", error = e.to_string())))?;
        }
        if cells.is_empty() {
            println!(
                "  {}",
                t!(
                    "import-roster-none",
                    name = escape::text(&name).into_owned(),
                    month = month
                )
            );
            continue;
        }
        if safe_name(&name).as_deref() != Some(name.as_str()) {
            println!(
                "  {}",
                t!(
                    "import-roster-unsafe-name",
                    name = escape::text(&name).into_owned()
                )
            );
            kept.push(name);
            continue;
        }
        let dir = args.rosters_out.join(&name);
        let path = dir.join(format!("{month}.csv"));
        if path.exists() && !args.force {
            println!(
                "  {}",
                t!(
                    "import-roster-kept",
                    path = escape::text(&load::display_path(&path)).into_owned()
                )
            );
            kept.push(name);
            continue;
        }
        let (text, risky) = write::csv_text(yearmonth, &cells).map_err(|e| {
            ToolError::new(t!(
                "err-roster-write",
                path = path.display().to_string(),
                error = e.to_string()
            ))
        })?;
        std::fs::create_dir_all(&dir)
            .and_then(|()| crate::atomic::write(&path, text))
            .map_err(|e| ToolError::cannot_write(&path, e))?;
        let shown = escape::text(&load::display_path(&path)).into_owned();
        println!(
            "  {}",
            t!(
                "import-roster-wrote",
                path = shown.as_str(),
                n = cells.len()
            )
        );
        for v in risky {
            let value = format!("{:?}", escape::text(&v));
            println!(
                "  {}",
                t!(
                    "import-roster-formula",
                    path = shown.as_str(),
                    value = value
                )
            );
        }
        written += 1;
    }
    println!(
        "{}",
        t!(
            "import-rosters-summary",
            n = written,
            month = month,
            kept = kept.len()
        )
    );
    Ok(if kept.is_empty() {
        Exit::Success
    } else {
        Exit::Failure
    })
}

/// The schema's path relative to the output folder (for the editor header),
/// the schema being `schema/checkin-rule.schema.json` under the working folder.
fn schema_path_from(out: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let normal = |p: &Path| -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    parts.pop();
                }
                std::path::Component::CurDir => {}
                other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
            }
        }
        parts
    };
    let from = normal(&cwd.join(out));
    let to = normal(&cwd.join(crate::schema::SCHEMA_PATH));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let ups = "../".repeat(from.len() - common);
    format!("{ups}{}", to[common..].join("/"))
}

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(safe_name("总部-固定班").as_deref(), Some("总部-固定班"));
        assert_eq!(safe_name("A/B: C?").as_deref(), Some("A-B--C"));
        assert_eq!(safe_name("con").as_deref(), Some("CON-rule"));
        assert_eq!(safe_name("aux.总部").as_deref(), Some("AUX-rule.总部"));
        assert_eq!(safe_name("Com1").as_deref(), Some("COM1-rule"));
        assert_eq!(safe_name("名字. ").as_deref(), Some("名字"));
        assert_eq!(
            safe_name(&format!("{}.x", "a".repeat(59))).as_deref(),
            Some("a".repeat(59).as_str())
        );
        assert_eq!(safe_name("...").as_deref(), None);
        assert_eq!(
            safe_name(&"长".repeat(100)).map(|s| s.chars().count()),
            Some(60)
        );
    }
}
