//! Loading rule files: find them, read them, parse each YAML document, check it
//! against the JSON Schema, and deserialize the rule model — keeping, for every
//! value, the file, line and column it came from.
//!
//! Nothing here stops at the first problem: every file is read and every
//! problem becomes a [`Diagnostic`]. Only a path that cannot be read at all is
//! a tool error (exit 2).

pub mod fullwidth;
pub mod tree;
pub mod yaml;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::diag::Diagnostic;
use crate::error::ToolError;
use crate::model::Rule;
use crate::schema;
use crate::t;
use yaml::{Pos, SpanTree, YamlError};

/// Rule files larger than this are refused: one rule is a few KiB, and a
/// multi-document file of hundreds of rules still fits.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The text of every file read, for showing source lines in diagnostics.
#[derive(Default, Debug)]
pub struct Sources {
    /// In the order read; a file read twice is found by its last text.
    texts: Vec<(String, Arc<String>)>,
    /// Which of `texts` is each file's: built the first time a line is
    /// looked up (most runs show none, and a large corp has thousands).
    index: OnceLock<HashMap<String, usize>>,
}

impl Sources {
    pub fn insert(&mut self, file: String, text: impl Into<Arc<String>>) {
        self.texts.push((file, text.into()));
        self.index.take();
    }

    pub fn extend(&mut self, other: Sources) {
        self.texts.extend(other.texts);
        self.index.take();
    }

    /// Line `n` (1-based) of `file`, without its line break.
    pub fn line(&self, file: &str, n: usize) -> Option<&str> {
        let index = self.index.get_or_init(|| {
            let by_file = self.texts.iter().enumerate();
            by_file.map(|(i, (file, _))| (file.clone(), i)).collect()
        });
        let text = &self.texts[*index.get(file)?].1;
        text.split('\n')
            .nth(n.checked_sub(1)?)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

/// A rule as loaded from one YAML document.
#[derive(Clone, Debug, Default)]
pub struct LoadedRule {
    /// The file, as the user named it (forward slashes).
    pub file: String,
    /// Index of the document within the file (0 for single-document files).
    pub doc: usize,
    pub rule: Rule,
    pub spans: Spans,
    /// Pointers of values left out of `rule` because the file's shape is wrong
    /// there (already reported): the checks say nothing more about them, so
    /// that every other problem of the file is still found in the same run.
    pub set_aside: Vec<String>,
    /// Whole numbers out of their field's range: the checks report the
    /// server's row for them; these stand only where no check does.
    pub out_of_range: Vec<Diagnostic>,
    /// The YAML reader saw no string or key that hides characters or has
    /// whitespace at an end (false when nobody looked: the checks look).
    pub strings_clean: bool,
}

/// Where each part of one document sits in its file. Found only when asked:
/// positions are for diagnostics, and most documents have none, so the loader
/// reads values without them (a third of a large corp's memory, and time) and
/// the file is parsed again, once for all its documents, the first time one
/// of them needs a position.
#[derive(Clone, Debug, Default)]
pub struct Spans {
    text: Option<Arc<String>>,
    doc: usize,
    trees: Arc<OnceLock<Vec<SpanTree>>>,
}

impl Spans {
    /// The spans of document `doc` of `text`; `trees` is shared by the
    /// documents of one file.
    fn new(text: Arc<String>, doc: usize, trees: Arc<OnceLock<Vec<SpanTree>>>) -> Self {
        Spans {
            text: Some(text),
            doc,
            trees,
        }
    }

    /// The document's tree; an empty one for a rule not read from a file.
    pub fn tree(&self) -> &SpanTree {
        static EMPTY: SpanTree = SpanTree::EMPTY;
        let trees = self.trees.get_or_init(|| {
            // The text parsed once already, so this parse succeeds as that one did.
            let parsed = self
                .text
                .as_deref()
                .map(|t| parse_documents(t, yaml::parse));
            match parsed {
                Some(Ok(docs)) => docs.into_iter().map(|d| d.spans).collect(),
                _ => Vec::new(),
            }
        });
        trees.get(self.doc).unwrap_or(&EMPTY)
    }
}

impl LoadedRule {
    /// Where the value at `pointer` is; for an absent value, its parent's key.
    pub fn locate(&self, pointer: &str) -> (Pos, Option<Pos>) {
        locate(self.spans.tree(), pointer)
    }
}

/// Position of the value at `pointer`; for a mapping or list held by a key, of
/// that key (a block mapping starts at its first child, which would mislead);
/// for an absent value, of its deepest existing ancestor's key (so "missing
/// key" points at the parent's key).
pub fn locate(spans: &SpanTree, pointer: &str) -> (Pos, Option<Pos>) {
    let (node, found) = spans.lookup(pointer);
    let is_collection = !matches!(node.children, yaml::Children::Leaf);
    if found && !(is_collection && node.key().is_some()) {
        (node.span().start, Some(node.span().end))
    } else {
        let at = node.key().unwrap_or(node.span());
        (at.start, Some(at.end))
    }
}

/// Position of the key that holds the value at `pointer` (for unknown keys).
pub fn locate_key(spans: &SpanTree, pointer: &str) -> (Pos, Option<Pos>) {
    let (node, _) = spans.lookup(pointer);
    let at = node.key().unwrap_or(node.span());
    (at.start, Some(at.end))
}

#[derive(Default, Debug)]
pub struct Loaded {
    pub sources: Sources,
    pub rules: Vec<LoadedRule>,
    pub diagnostics: Vec<Diagnostic>,
    pub files: usize,
    /// The roster files found beside the rules, for [`crate::roster::load`].
    pub roster_files: Vec<PathBuf>,
}

impl Loaded {
    fn merge(&mut self, other: Loaded) {
        self.sources.extend(other.sources);
        self.rules.extend(other.rules);
        self.diagnostics.extend(other.diagnostics);
        self.files += other.files;
    }
}

/// Whether a file name is a rule file's: `.yaml`, `.yml` or `.json`, in any case.
fn is_rule_file_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["yaml", "yml", "json"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Finds the rule files under `paths`: `*.yaml`, `*.yml` and `*.json` (any
/// case) in directories, recursively, following symbolic links (a loop is an
/// error) and skipping hidden entries; and any file named explicitly but a
/// roster (`*.csv`, read by [`crate::roster`]). An entry that cannot be read
/// is an error, never skipped in silence: a rule left unread would look
/// deleted to `plan --prune`. The order is sorted.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ToolError> {
    Ok(discover_all(paths)?.rules)
}

/// The files under `paths` by kind, found in one walk.
#[derive(Debug, Default)]
pub struct Found {
    /// As [`discover`] finds them.
    pub rules: Vec<PathBuf>,
    /// Rosters: `*.csv` in folders, and any `.csv` named explicitly.
    pub rosters: Vec<PathBuf>,
}

/// Rule files and roster files under `paths`, in one walk of the folders
/// (a corp of thousands of stores has as many files to list).
pub fn discover_all(paths: &[PathBuf]) -> Result<Found, ToolError> {
    use crate::roster::file::is_roster_file_name;
    let files = find(
        paths,
        |_| true,
        |p| is_rule_file_name(p) || is_roster_file_name(p),
    )?;
    let (rosters, rules) = files.into_iter().partition(|p| is_roster_file_name(p));
    Ok(Found { rules, rosters })
}

/// The files under `paths`: those named explicitly that `named` takes, and
/// those found in folders (recursively, links followed, hidden entries
/// skipped) that `found` takes; sorted, each once.
pub fn find(
    paths: &[PathBuf],
    named: impl Fn(&Path) -> bool + Send + Sync,
    found: impl Fn(&Path) -> bool + Send + Sync,
) -> Result<Vec<PathBuf>, ToolError> {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for item in walk(paths, named, found) {
        match item {
            Ok(path) => files.push((path, ())),
            Err(e) => failures.push(e),
        }
    }
    if let Some(e) = first_failure(failures) {
        return Err(e);
    }
    Ok(sorted_by_path(files).into_iter().map(|(p, ())| p).collect())
}

/// Which of several unreadable entries is said does not depend on the order
/// the file system lists them in, nor on which core met them first.
fn first_failure(failures: Vec<ToolError>) -> Option<ToolError> {
    failures.into_iter().min_by_key(ToString::to_string)
}

/// `items` in path order, each path once. The walk lists folders in the
/// file system's order: sorting once at the end is cheaper than sorting
/// each folder, and comparing paths by a key of bytes made once per path,
/// on every core (not by splitting both at each comparison, as `Path`'s
/// `Ord` does), is cheaper again: the sort is the only part of a large
/// validate that one core does alone. The order is `Path`'s own.
fn sorted_by_path<T: Send + Sync>(items: Vec<(PathBuf, T)>) -> Vec<(PathBuf, T)> {
    use rayon::prelude::*;
    let keys: Option<Vec<Vec<u8>>> = items.par_iter().map(|(p, _)| path_key(p)).collect();
    let order = match keys {
        Some(keys) => order_of(&keys),
        // A Windows prefix (`C:`), whose order is its own: by components.
        None => {
            let keys: Vec<Vec<std::path::Component>> = items
                .iter()
                .map(|(p, _)| p.components().collect())
                .collect();
            order_of(&keys)
        }
    };
    let mut slots: Vec<Option<(PathBuf, T)>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The indices of `keys` in their order, the first of equal keys only.
fn order_of<K: Ord>(keys: &[K]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_unstable_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
    order.dedup_by(|a, b| keys[*a] == keys[*b]);
    order
}

/// Bytes that order as `path`'s components do: each component is a tag in
/// `Component`'s own order, then a name's bytes, and a 0 byte (which no name
/// holds) between components, so that a component that is a prefix of
/// another sorts first, as it does among names. `None` for a path with a
/// Windows prefix.
fn path_key(path: &Path) -> Option<Vec<u8>> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for (i, component) in path.components().enumerate() {
        if i > 0 {
            key.push(0);
        }
        match component {
            Component::Prefix(_) => return None,
            Component::RootDir => key.push(1),
            Component::CurDir => key.push(2),
            Component::ParentDir => key.push(3),
            Component::Normal(name) => {
                key.push(4);
                key.extend_from_slice(name.as_encoded_bytes());
            }
        }
    }
    Some(key)
}

/// [`find`]'s files as the walk meets them (unsorted, possibly twice when
/// paths overlap), so that a caller can read each while the walk goes on.
/// An entry that cannot be read is an error; the walk goes on, so that the
/// caller can say the same one whatever order the folders list them in.
fn walk<'a>(
    paths: &'a [PathBuf],
    named: impl Fn(&Path) -> bool + Send + Sync + 'a,
    found: impl Fn(&Path) -> bool + Send + Sync + 'a,
) -> impl Iterator<Item = Result<PathBuf, ToolError>> + Send + 'a {
    let found = std::sync::Arc::new(found);
    paths.iter().flat_map(
        move |path| -> Box<dyn Iterator<Item = Result<PathBuf, ToolError>> + Send + 'a> {
            let meta = match std::fs::metadata(path) {
                Ok(meta) => meta,
                Err(e) => {
                    return Box::new(std::iter::once(Err(
                        ToolError::cannot_read(path, e).with_help(crate::t!("err-paths-help"))
                    )));
                }
            };
            if meta.is_file() {
                return Box::new(named(path).then(|| Ok(path.clone())).into_iter());
            }
            let found = found.clone();
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            Box::new(walker.filter_map(move |entry| {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        let at = e.path().unwrap_or(path);
                        let why = if e.loop_ancestor().is_some() {
                            crate::t!("err-symlink-loop")
                        } else {
                            e.io_error()
                                .map_or_else(|| e.to_string(), ToString::to_string)
                        };
                        return Some(Err(ToolError::cannot_read(at, why)
                            .with_help(crate::t!("err-unreadable-entry-help"))));
                    }
                };
                let kind = entry.file_type();
                if kind.is_file() && found(entry.path()) {
                    Some(Ok(entry.into_path()))
                } else if !kind.is_dir() && !kind.is_file() && found(entry.path()) {
                    Some(Err(ToolError::new(crate::t!(
                        "err-not-a-regular-file",
                        path = entry.path().display().to_string()
                    ))))
                } else {
                    None
                }
            }))
        },
    )
}

/// Loads every rule under `paths`. Problems in files are diagnostics; a path
/// that does not exist is a [`ToolError`].
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, ToolError> {
    load_paths_with(paths, |_| Vec::new())
}

/// [`load_paths`], running `check` on each rule as soon as it is read (on the
/// same core, while the rule is still in its cache); what it finds joins the
/// diagnostics.
pub fn load_paths_with(
    paths: &[PathBuf],
    check: impl Fn(&LoadedRule) -> Vec<Diagnostic> + Sync,
) -> Result<Loaded, ToolError> {
    use crate::roster::file::is_roster_file_name;
    use rayon::prelude::*;
    // Files are independent: each is read on whichever core is free while
    // the walk goes on (a large corp's folder takes as long to list as a
    // fifth of its files to read), then all are put back in file order.
    enum Item {
        Rule(PathBuf, Loaded),
        Roster(PathBuf),
    }
    // The schema compiles beside the first files rather than before them.
    rayon::spawn(schema::prepare);
    let items: Vec<Result<Item, ToolError>> = walk(
        paths,
        |_| true,
        |p| is_rule_file_name(p) || is_roster_file_name(p),
    )
    .par_bridge()
    .map(|path| {
        let path = path?;
        if is_roster_file_name(&path) {
            return Ok(Item::Roster(path));
        }
        let mut one = Loaded::default();
        load_file(&path, &mut one);
        for lr in &one.rules {
            one.diagnostics.extend(check(lr));
        }
        Ok(Item::Rule(path, one))
    })
    .collect();
    let mut per_file = Vec::with_capacity(items.len());
    let mut rosters = Vec::new();
    let mut failures = Vec::new();
    for item in items {
        match item {
            Ok(Item::Rule(path, one)) => per_file.push((path, one)),
            Ok(Item::Roster(path)) => rosters.push(path),
            Err(e) => failures.push(e),
        }
    }
    if let Some(e) = first_failure(failures) {
        return Err(e);
    }
    let per_file = sorted_by_path(per_file);
    rosters.sort();
    rosters.dedup();
    let mut loaded = Loaded {
        roster_files: rosters,
        ..Loaded::default()
    };
    if per_file.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
        loaded.diagnostics.push(
            Diagnostic::file_error(
                "no rule files",
                &shown.join(", "),
                "",
                Pos::default(),
                t!("load-no-rule-files"),
            )
            .with_help(t!("load-no-rule-files-help")),
        );
        return Ok(loaded);
    }
    loaded
        .rules
        .reserve(per_file.iter().map(|(_, one)| one.rules.len()).sum());
    loaded.sources.texts.reserve(per_file.len());
    for (_, one) in per_file {
        loaded.merge(one);
    }
    Ok(loaded)
}

pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

fn load_file(path: &Path, loaded: &mut Loaded) {
    let file = display_path(path);
    match read_limited(path) {
        Ok(bytes) => load_bytes(&file, bytes, loaded),
        Err(message) => {
            loaded.files += 1;
            let at_start = Pos { line: 0, col: 0 };
            loaded
                .diagnostics
                .push(Diagnostic::file_error("file", &file, "", at_start, message));
        }
    }
}

/// Where the first byte that is not UTF-8 is: its line and column (in
/// characters), and the byte itself.
pub(crate) fn first_bad_byte(e: &std::string::FromUtf8Error) -> (Pos, u8) {
    let valid = e.utf8_error().valid_up_to();
    let good = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
    let line = good.matches('\n').count() + 1;
    let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (Pos { line, col }, e.as_bytes()[valid])
}

/// Loads one file's content (named `file` in diagnostics): the whole pipeline
/// from bytes to rules and diagnostics, with no filesystem (the fuzz target uses it).
pub fn load_bytes(file: &str, bytes: Vec<u8>, loaded: &mut Loaded) {
    loaded.files += 1;
    let file = file.to_owned();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (pos, byte) = first_bad_byte(&e);
            loaded.diagnostics.push(
                Diagnostic::file_error(
                    "encoding",
                    &file,
                    "",
                    pos,
                    t!("load-not-utf8", byte = format!("0x{byte:02x}")),
                )
                .with_help(t!("load-not-utf8-help")),
            );
            return;
        }
    };
    // An Arc of the String itself, not a copy of a file's text (a large
    // corp's worth of copying into memory nothing has touched yet).
    let mut text = text;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let text = Arc::new(text);
    let parsed = parse_documents(&text, yaml::parse_values);
    loaded.sources.insert(file.clone(), text.clone());
    let docs = match parsed {
        Ok(docs) => docs,
        Err(e) => {
            loaded.diagnostics.push(yaml_diagnostic(&file, e, &text));
            return;
        }
    };
    let non_empty: Vec<_> = docs
        .into_iter()
        .enumerate()
        .filter(|(_, d)| !d.value.is_null())
        .collect();
    if non_empty.is_empty() {
        loaded.diagnostics.push(
            Diagnostic::file_error(
                "empty file",
                &file,
                "",
                Pos { line: 1, col: 1 },
                t!("load-empty-file"),
            )
            .with_help(t!("load-empty-file-help")),
        );
        return;
    }
    let trees = Arc::new(OnceLock::new());
    for (doc, yaml_doc) in non_empty {
        let spans = Spans::new(text.clone(), doc, trees.clone());
        load_document(
            &file,
            doc,
            yaml_doc.value,
            yaml_doc.strings_clean,
            spans,
            loaded,
        );
    }
}

/// One YAML document: its shape checked against the schema, then the rule
/// read from what is left once the misshapen values are set aside, so that
/// the server's checks still run on the rest (all problems in one run).
fn load_document(
    file: &str,
    doc: usize,
    document: tree::Node,
    strings_clean: bool,
    spans: Spans,
    loaded: &mut Loaded,
) {
    // Most documents are valid whole: read the rule straight from the tree.
    // Any other goes the one way that finds and words its problems.
    if schema::is_valid(&document)
        && let Ok(rule) = <Rule as serde::Deserialize>::deserialize(&document)
    {
        loaded.rules.push(LoadedRule {
            file: file.to_owned(),
            doc,
            rule,
            spans,
            set_aside: Vec::new(),
            out_of_range: Vec::new(),
            strings_clean,
        });
        return;
    }
    let value = document.into_value();
    let mut set_aside: Vec<String> = Vec::new();
    let mut out_of_range = Vec::new();
    let mut shape_errors = 0;
    let mut unreadable = false;
    for finding in schema::check(&value) {
        let schema::Finding {
            pointer,
            check,
            message,
            help,
            key,
        } = finding;
        let (pos, end) = if check == "unknown key" || check == schema::UNKNOWN_FIELD {
            locate_key(spans.tree(), &pointer)
        } else {
            locate(spans.tree(), &pointer)
        };
        let mut d = Diagnostic::file_error(check, file, &pointer, pos, message).with_end(end);
        d.help = help;
        match check {
            // A warning by its registered severity.
            schema::UNKNOWN_FIELD => loaded.diagnostics.push(d),
            schema::OUT_OF_RANGE => out_of_range.push(d),
            _ => {
                shape_errors += 1;
                unreadable |= pointer.is_empty() && check != "missing key";
                match (check, key) {
                    // Nothing to set aside; the checks' own "required" rows
                    // for the key would only say it again.
                    ("missing key", Some(key)) => set_aside.push(format!("{pointer}/{key}")),
                    // A typo stands for the key it was meant to be: what the
                    // checks would say of that key's absence is not news either.
                    (_, Some(meant)) => {
                        let parent = pointer.rsplit_once('/').map_or("", |(p, _)| p);
                        set_aside.push(format!("{parent}/{meant}"));
                        set_aside.push(pointer);
                    }
                    (_, None) => set_aside.push(pointer),
                }
                loaded.diagnostics.push(d);
            }
        }
    }
    if unreadable {
        return;
    }
    let value = if shape_errors == 0 {
        value
    } else {
        without(&value, &mut set_aside)
    };
    // The path of a type error is tracked only when there is one: tracking
    // it costs a string per key, a tenth of a large validate.
    let rule = <Rule as serde::Deserialize>::deserialize(&value)
        .or_else(|_| serde_path_to_error::deserialize::<_, Rule>(&value));
    match rule {
        Ok(rule) => loaded.rules.push(LoadedRule {
            file: file.to_owned(),
            doc,
            rule,
            spans,
            set_aside,
            out_of_range,
            strings_clean,
        }),
        // Said already, in the schema's words.
        Err(_) if shape_errors > 0 => {}
        Err(e) => {
            let pointer = serde_pointer(e.path());
            let (pos, end) = locate(spans.tree(), &pointer);
            loaded.diagnostics.push(
                Diagnostic::file_error("type", file, &pointer, pos, e.inner().to_string())
                    .with_end(end),
            );
        }
    }
}

/// `value` without the values at `pointers`. A list loses the whole list (its
/// indices would shift under the positions otherwise), and its pointer
/// replaces the element's in `pointers`.
fn without(value: &serde_json::Value, pointers: &mut [String]) -> serde_json::Value {
    let mut copy = value.clone();
    for pointer in pointers.iter_mut() {
        let mut at = pointer.clone();
        while let Some((parent, last)) = at.rsplit_once('/') {
            match copy.pointer_mut(parent) {
                Some(serde_json::Value::Array(_)) => at = parent.to_owned(),
                Some(serde_json::Value::Object(m)) => {
                    let key = last.replace("~1", "/").replace("~0", "~");
                    m.shift_remove(&key);
                    break;
                }
                _ => break,
            }
        }
        *pointer = at;
    }
    copy
}

/// `parse(text)` with a panic in it caught: the parser is third-party code
/// fed with user input, and a panic must become a diagnostic, never a crash.
fn parse_documents(
    text: &str,
    parse: fn(&str) -> Result<Vec<yaml::YamlDocument>, YamlError>,
) -> Result<Vec<yaml::YamlDocument>, YamlError> {
    std::panic::catch_unwind(|| parse(text)).unwrap_or_else(|_| {
        Err(YamlError {
            pos: Pos { line: 1, col: 1 },
            end: None,
            kind: "yaml syntax",
            message: t!("yaml-parser-failed"),
            help: Some(t!("yaml-parser-failed-help")),
        })
    })
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let cannot = |e: std::io::Error| t!("load-cannot-read", error = e.to_string());
    // One open and one stat per file: a large corp has thousands.
    let file = std::fs::File::open(path).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    let too_large = |len: u64| {
        t!(
            "load-too-large",
            size = format!("{:.1}", len as f64 / (1024.0 * 1024.0)),
            max = (MAX_FILE_BYTES / (1024 * 1024)) as usize
        )
    };
    if len > MAX_FILE_BYTES {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file that grows while it is read is still held to the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// A file YAML cannot read. A full-width look-alike of YAML's punctuation
/// where YAML's structure stands (typed by an input method in full-width
/// mode), on the failing line or the two above it, is the likely cause: the
/// diagnostic stands on the nearest one and names it, with the parser's own
/// words beside it.
fn yaml_diagnostic(file: &str, e: YamlError, text: &str) -> Diagnostic {
    // Such a mistake surfaces on its line or the next ones: look at the
    // failing line and the two above it.
    let nearest = text
        .split('\n')
        .enumerate()
        .take(e.pos.line)
        .skip(e.pos.line.saturating_sub(3))
        .filter_map(|(i, line)| {
            fullwidth::structural(line).map(|(col, c, h)| (i + 1, col + 1, c, h))
        })
        .last();
    if e.kind == "yaml syntax"
        && let Some((line, col, c, half)) = nearest
    {
        let at = Pos { line, col };
        let mut d = Diagnostic::file_error(
            e.kind,
            file,
            "",
            at,
            t!("yaml-fullwidth", c = c.to_string()),
        )
        .with_end(Some(Pos { line, col: col + 1 }));
        d.help = Some(t!(
            "yaml-fullwidth-help",
            advice = fullwidth::advice(c, half),
            line = e.pos.line,
            column = e.pos.col,
            message = e.message
        ));
        return d;
    }
    let mut d = Diagnostic::file_error(e.kind, file, "", e.pos, e.message).with_end(e.end);
    d.help = e.help;
    d
}

/// serde_path_to_error's path (`checkindate[0].workdays[1]`) as a JSON pointer.
fn serde_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out += &format!("/{index}"),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out += &format!("/{}", key.replace('~', "~0").replace('/', "~1"))
            }
            Segment::Unknown => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sorted_by_path;
    use proptest::prelude::*;
    use std::path::PathBuf;

    proptest! {
        /// The one sort of the walk's files keeps `Path`'s order and
        /// equality: a folder before a name that extends it ("a/b" before
        /// "a-b"), and "a//b" or "./a" once with "a/b" or "a"; a root, a
        /// parent and a name with a byte below any printable one in place.
        #[test]
        fn sorted_by_path_is_paths_own_order(
            paths in proptest::collection::vec("(/|\\./|\\.\\./)?[ab\u{1}-]{1,2}(/{1,2}[ab.\u{1}-]{1,2}){0,2}", 0..12)
        ) {
            let items: Vec<(PathBuf, usize)> =
                paths.iter().enumerate().map(|(i, p)| (PathBuf::from(p), i)).collect();
            let mut expected = items.clone();
            expected.sort_by(|(a, _), (b, _)| a.cmp(b));
            expected.dedup_by(|(a, _), (b, _)| a == b);
            prop_assert_eq!(sorted_by_path(items), expected);
        }
    }
}
