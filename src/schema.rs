//! The JSON Schema of a rule file, generated from the Rust types (schemars),
//! checked in at `schema/checkin-rule.schema.json` for editors, and used at
//! run time (jsonschema, compiled once) to check every document's shape.
//!
//! jsonschema's own messages name schema keywords; here each error becomes a
//! sentence about the rule file instead ("unknown key `flextime` … did you mean
//! `flex_time`?", "\"9am\" is not a time of day: write \"HH:MM\" …").

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::load::tree::{Node, Tree};
use crate::model::fields::Kind;
use crate::model::{Date, Duration, GroupType, Rule, TimeOfDay, Weekday};
use crate::t;

/// The check name of a key this version does not know that is no likely typo (a warning).
pub const UNKNOWN_FIELD: &str = "unknown field";
/// The check name of a whole number outside its field's range: the checks
/// report the server's row for it; this stands only where none does.
pub const OUT_OF_RANGE: &str = "out of range";

/// Where the checked-in schema lives, relative to the repository root.
pub const SCHEMA_PATH: &str = "schema/checkin-rule.schema.json";
pub const SCHEMA_ID: &str =
    "https://github.com/wecom-checkin/wecom-checkin/schema/checkin-rule.schema.json";

/// The schema as a JSON value.
pub fn generate() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<Rule>();
    let mut value = schema.to_value();
    strip_null(&mut value);
    add_defaults(&mut value);
    if let Some(obj) = value.as_object_mut() {
        obj.insert("$id".into(), SCHEMA_ID.into());
        obj.insert(
            "required".into(),
            serde_json::json!(["grouptype", "groupname"]),
        );
    }
    value
}

/// Each default of [`crate::model::defaults`] as its field's `default`, in
/// the form a file writes it, and at the end of its description: editors show
/// both, and no doc comment repeats the table.
fn add_defaults(schema: &mut Value) {
    use crate::model::defaults::{DEFAULTS, WireDefault, paths};
    for (pattern, default) in DEFAULTS {
        let key = pattern.rsplit('.').next().unwrap_or(pattern);
        let (value, shown) = match (*default, crate::model::fields::Kind::of(key)) {
            (WireDefault::Bool(b), _) => (Value::Bool(b), b.to_string()),
            // -1 ("unlimited") has no readable form: files write the number.
            (WireDefault::Int(n), Some(kind)) if n >= 0 => {
                let r = kind.readable(n);
                (Value::String(r.clone()), r)
            }
            (WireDefault::Int(n), _) => (Value::from(n), n.to_string()),
        };
        for path in paths(pattern) {
            // The table and the model are both ours: a path the schema lacks is a bug the tests catch.
            let pointer = property_pointer(schema, &path)
                .unwrap_or_else(|| panic!("the default at {path} names no field of the model"));
            let Some(Value::Object(field)) = schema.pointer_mut(&pointer) else {
                continue;
            };
            if let Some(before) = field.get("default") {
                // Fields shared by several lists (a check-in time in
                // checkindate, spe_workdays and schedulelist) share one default.
                assert_eq!(before, &value, "two defaults for {pointer}");
                continue;
            }
            field.insert("default".into(), value.clone());
            let text = field
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .trim_end()
                .to_owned();
            let sep = if text.is_empty() { "" } else { " " };
            field.insert(
                "description".into(),
                format!("{text}{sep}Default {shown}.").into(),
            );
        }
    }
}

/// The JSON pointer, in `schema`, of the field at a default's `path`
/// (`checkindate[].checkintime[].allow_rest`), `$ref`s followed.
fn property_pointer(schema: &Value, path: &str) -> Option<String> {
    let follow = |pointer: String| -> String {
        match schema
            .pointer(&pointer)
            .and_then(|n| n.get("$ref"))
            .and_then(Value::as_str)
        {
            Some(r) => r.strip_prefix('#').unwrap_or(r).to_owned(),
            None => pointer,
        }
    };
    let mut pointer = String::new();
    for segment in path.split('.') {
        let (key, each) = match segment.strip_suffix("[]") {
            Some(k) => (k, true),
            None => (segment, false),
        };
        pointer = follow(pointer) + "/properties/" + key;
        schema.pointer(&pointer)?;
        if each {
            pointer = follow(pointer) + "/items";
            schema.pointer(&pointer)?;
        }
    }
    Some(pointer)
}

/// Every field is an `Option` so that absent stays distinguishable from the
/// default, but `null` is no value the API takes: the schema does not offer it.
fn strip_null(v: &mut Value) {
    match v {
        Value::Object(obj) => {
            if let Some(Value::Array(types)) = obj.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    obj.insert("type".into(), only);
                }
            }
            let null = serde_json::json!({ "type": "null" });
            if let Some(Value::Array(any)) = obj.get("anyOf")
                && any.len() == 2
                && any.contains(&null)
            {
                let other = any.iter().find(|s| **s != null).cloned();
                obj.remove("anyOf");
                if let Some(Value::Object(other)) = other {
                    for (k, val) in other {
                        obj.entry(k).or_insert(val);
                    }
                }
            }
            obj.values_mut().for_each(strip_null);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// The schema file's exact text.
pub fn generate_text() -> String {
    let mut s = serde_json::to_string_pretty(&generate()).unwrap_or_default();
    s.push('\n');
    s
}

struct Compiled {
    schema: Value,
    /// For the loader's tree: says only whether a document is valid.
    tree: jsonschema::Validator<Tree>,
    /// For a `Value`: says what is wrong; compiled the first time it is needed.
    validator: OnceLock<jsonschema::Validator>,
}

impl Compiled {
    fn validator(&self) -> &jsonschema::Validator {
        // The schema is generated from our own types: failing to compile it is a bug, caught by tests.
        self.validator.get_or_init(|| {
            jsonschema::validator_for(&self.schema).expect("the generated schema compiles")
        })
    }
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let schema = generate();
        let tree = jsonschema::options_for::<Tree>()
            .build(&schema)
            .expect("the generated schema compiles");
        Compiled {
            schema,
            tree,
            validator: OnceLock::new(),
        }
    })
}

/// Generates and compiles the schema now, so that a caller can do it beside
/// other work (the loader, while it walks the folders) rather than have every
/// thread wait for it at the first file.
pub fn prepare() {
    compiled();
}

/// Whether a document, as the loader first reads it, is a mapping the schema
/// accepts whole: no finding at all, not even a warning ([`check`] says what
/// is wrong with one that is not).
pub fn is_valid(document: &Node) -> bool {
    matches!(document, Node::Object(_)) && compiled().tree.is_valid(document)
}

/// The schema as a value, generated once per process.
pub fn schema_value() -> &'static Value {
    &compiled().schema
}

/// Checks one document against the schema: each problem, in the schema's order.
pub fn check(instance: &Value) -> Vec<Finding> {
    let mut out = Vec::new();
    findings(instance, &mut out);
    out
}

fn findings(instance: &Value, out: &mut Vec<Finding>) {
    let c = compiled();
    if !instance.is_object() {
        say(
            out,
            "",
            "type",
            t!("shape-not-a-mapping", found = describe(instance)),
            Some(t!("shape-not-a-mapping-help")),
        );
        return;
    }
    // Most rules are valid, and saying so is much cheaper than listing errors.
    if c.validator().is_valid(instance) {
        return;
    }
    for error in c.validator().iter_errors(instance) {
        let pointer = error.instance_path().as_str().to_owned();
        let schema_path = error.schema_path().as_str().to_owned();
        let field = last_field(&pointer);
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                let allowed = allowed_keys(&c.schema, &schema_path);
                for key in unexpected {
                    let key_pointer =
                        format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                    let place = if pointer.is_empty() {
                        t!("shape-the-rule")
                    } else {
                        format!("`{}`", field_path(&pointer))
                    };
                    // What is said of the key, in the words of message `id`.
                    let of_key = |id: &str| t!(id, key = key.as_str(), place = place.as_str());
                    // A likely typo of a known key is an error; any other key is
                    // a field this version does not know (newer than its
                    // documents): kept and sent as written, with a warning.
                    // An input method in full-width mode: `groupname：x` or
                    // an ideographic space as indentation. No API key has one.
                    if let Some((_, c, half)) = crate::load::fullwidth::find(key) {
                        let fixed: String = key
                            .chars()
                            .map(|c| crate::load::fullwidth::half_width(c).unwrap_or(c))
                            .collect();
                        say(
                            out,
                            &key_pointer,
                            "unknown key",
                            of_key("shape-fullwidth-key"),
                            Some(t!(
                                "shape-fullwidth-key-help",
                                advice = crate::load::fullwidth::advice(c, half),
                                fixed = fixed.trim()
                            )),
                        );
                        continue;
                    }
                    if let Some(hint) = misplaced(&c.schema, key, &pointer) {
                        say(
                            out,
                            &key_pointer,
                            UNKNOWN_FIELD,
                            of_key("shape-misplaced"),
                            Some(hint),
                        );
                        continue;
                    }
                    match did_you_mean(key, &allowed) {
                        Some(meant) => {
                            say(
                                out,
                                &key_pointer,
                                "unknown key",
                                of_key("shape-unknown-key"),
                                Some(t!("shape-did-you-mean", key = meant)),
                            );
                            about(out, meant);
                        }
                        None => say(
                            out,
                            &key_pointer,
                            UNKNOWN_FIELD,
                            of_key("shape-unknown-field"),
                            Some(t!("shape-unknown-field-help", keys = allowed.join(", "))),
                        ),
                    }
                }
            }
            ValidationErrorKind::Required { property } => {
                let key = property.as_str().unwrap_or_default();
                say(
                    out,
                    &pointer,
                    "missing key",
                    t!("shape-missing-key", key = key),
                    Some(match key {
                        "grouptype" => t!("shape-add-grouptype"),
                        "groupname" => t!("shape-add-groupname"),
                        _ => t!("shape-add-key", key = key),
                    }),
                );
                about(out, key);
            }
            ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => {
                let (out_of_range, message) =
                    readable_value_error(Kind::of(&field), error.instance());
                // A whole number outside the range reaches the server, which
                // answers with a row of its error table: the checks report
                // that row, and this message stands only where no row does.
                let check = if out_of_range { OUT_OF_RANGE } else { "type" };
                say(
                    out,
                    &pointer,
                    check,
                    t!("shape-field", field = field.as_str(), message = message),
                    None,
                );
            }
            ValidationErrorKind::Type { kind } => {
                let expected = match kind {
                    TypeKind::Single(t) => article(&t.to_string()),
                    TypeKind::Multiple(ts) => ts
                        .iter()
                        .map(|t| article(&t.to_string()))
                        .collect::<Vec<_>>()
                        .join(&t!("shape-or")),
                };
                say(
                    out,
                    &pointer,
                    "type",
                    t!(
                        "shape-must-be",
                        field = field.as_str(),
                        expected = expected,
                        found = describe(error.instance())
                    ),
                    None,
                );
            }
            ValidationErrorKind::Minimum { limit } | ValidationErrorKind::Maximum { limit } => {
                let least = matches!(error.kind(), ValidationErrorKind::Minimum { .. });
                let message = t!(
                    if least {
                        "shape-below-minimum"
                    } else {
                        "shape-above-maximum"
                    },
                    found = error.instance().to_string(),
                    limit = limit.to_string()
                );
                say(
                    out,
                    &pointer,
                    "schema",
                    t!("shape-field", field = field.as_str(), message = message),
                    None,
                );
            }
            ValidationErrorKind::Not { .. } => say(
                out,
                &pointer,
                "duplicate key",
                t!("shape-party-id-twice"),
                Some(t!("shape-keep-party-id")),
            ),
            _ => say(
                out,
                &pointer,
                "schema",
                t!(
                    "shape-field",
                    field = field.as_str(),
                    message = error.to_string()
                ),
                None,
            ),
        }
    }
}

/// One problem of a document's shape.
pub struct Finding {
    pub pointer: String,
    pub check: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// The key a "missing key" finding misses, or the key an unknown key
    /// was likely meant to be: the loader sets what is said of it aside.
    pub key: Option<String>,
}

fn say(
    out: &mut Vec<Finding>,
    pointer: &str,
    check: &'static str,
    message: String,
    help: Option<String>,
) {
    out.push(Finding {
        pointer: pointer.to_owned(),
        check,
        message,
        help,
        key: None,
    });
}

/// The key the finding just said is about (see [`Finding::key`]).
fn about(out: &mut [Finding], key: &str) {
    if let Some(last) = out.last_mut() {
        last.key = Some(key.to_owned());
    }
}

/// The last object key of a pointer (`/checkindate/0/workdays/2` → `workdays`).
fn last_field(pointer: &str) -> String {
    pointer
        .rsplit('/')
        .find(|seg| !seg.is_empty() && seg.parse::<usize>().is_err())
        .unwrap_or("rule")
        .replace("~1", "/")
        .replace("~0", "~")
}

/// A pointer as people write paths: `/checkindate/0/workdays` → `checkindate[0].workdays`.
pub fn field_path(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        if seg.parse::<usize>().is_ok() {
            out += &format!("[{seg}]");
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out += &seg.replace("~1", "/").replace("~0", "~");
        }
    }
    out
}

/// A schema node with its `$ref` followed.
pub(crate) fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(schema),
        None => schema,
    }
}

fn parent<'a>(schema: &'a Value, schema_path: &str) -> Option<&'a Value> {
    let parent = schema_path.rsplit_once('/').map_or("", |(p, _)| p);
    schema.pointer(parent)
}

fn allowed_keys(schema: &Value, schema_path: &str) -> Vec<String> {
    parent(schema, schema_path)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// Where a key the schema knows elsewhere belongs, for a key written at the
/// wrong indentation: "did you mean to indent it under `checkintime`?".
fn misplaced(schema: &Value, key: &str, pointer: &str) -> Option<String> {
    // The place as a pattern: `/checkindate/0` → `checkindate[]`.
    let here = field_path(pointer)
        .split('[')
        .map(|s| s.split_once(']').map_or(s, |(_, rest)| rest))
        .collect::<Vec<_>>()
        .join("[]");
    let mut places = Vec::new();
    key_places(schema, schema, key, String::new(), 0, &mut places);
    places.sort();
    places.dedup();
    let place = places.first()?;
    let shown = |p: &str| {
        if p.is_empty() {
            t!("shape-top-level")
        } else {
            format!("`{p}`")
        }
    };
    let under = place
        .strip_prefix(&here)
        .map(|rest| rest.trim_start_matches("[]").trim_start_matches('.'))
        .filter(|rest| !rest.is_empty());
    let how = match under {
        // Deeper than written: indent it under the next field on the way.
        Some(rest) => t!(
            "shape-indent-under",
            under = rest.split(['.', '[']).next().unwrap_or(rest),
            key = key,
            place = shown(place)
        ),
        None => t!("shape-move-out", place = shown(place), key = key),
    };
    Some(t!("shape-keep-if-newer", how = how))
}

/// Every place (a field path pattern such as `checkindate[].checkintime[]`)
/// whose object has `key`, following $ref, items and anyOf/oneOf/allOf.
fn key_places(
    root: &Value,
    schema: &Value,
    key: &str,
    place: String,
    depth: usize,
    out: &mut Vec<String>,
) {
    if depth > 12 {
        return;
    }
    if let Some(target) = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|r| root.pointer(r))
    {
        key_places(root, target, key, place.clone(), depth + 1, out);
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        if properties.contains_key(key) {
            out.push(place.clone());
        }
        for (name, sub) in properties {
            let next = if place.is_empty() {
                name.clone()
            } else {
                format!("{place}.{name}")
            };
            key_places(root, sub, key, next, depth + 1, out);
        }
    }
    if let Some(items) = schema.get("items") {
        key_places(root, items, key, format!("{place}[]"), depth + 1, out);
    }
    for combinator in ["anyOf", "oneOf", "allOf"] {
        for sub in schema
            .get(combinator)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            key_places(root, sub, key, place.clone(), depth + 1, out);
        }
    }
}

/// The closest allowed key, if it is close enough to be a typo: similar
/// (Jaro-Winkler above 0.8) and of about the same length (a key that merely
/// contains a known one, such as `zz\nreadonly: true`, is no typo of it).
pub fn did_you_mean<'a>(key: &str, allowed: &'a [String]) -> Option<&'a str> {
    let len = key.chars().count();
    allowed
        .iter()
        .filter(|a| a.chars().count().abs_diff(len) <= 3)
        .map(|a| (strsim::jaro_winkler(key, a), a))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, a)| a.as_str())
}

/// The message of the value type's own parser, which says what to write, and
/// whether the value is of the right kind but out of range (the parser took it).
fn readable_value_error(kind: Option<Kind>, instance: &Value) -> (bool, String) {
    /// The parser's own complaint, or None when it takes the value.
    fn msg<T: serde::de::DeserializeOwned>(v: &Value) -> Option<String> {
        serde_json::from_value::<T>(v.clone())
            .err()
            .map(|e| e.to_string())
    }
    let (complaint, what) = match kind {
        Some(Kind::TimeOfDay) => (msg::<TimeOfDay>(instance), "time-of-day"),
        Some(Kind::Duration) => (msg::<Duration>(instance), "duration"),
        Some(Kind::Date) => (msg::<Date>(instance), "date"),
        Some(Kind::Weekday) => (msg::<Weekday>(instance), "weekday"),
        Some(Kind::GroupType) => (msg::<GroupType>(instance), "grouptype"),
        None => {
            return (false, t!("shape-not-allowed", found = describe(instance)));
        }
    };
    match complaint {
        // `"09：00"`, `“09:00”`, `[mon，tue]` look right: say which character is not.
        Some(m) => match instance.as_str().and_then(crate::load::fullwidth::find) {
            Some((_, c, half)) => (
                false,
                t!(
                    "shape-value-fullwidth",
                    complaint = m,
                    advice = crate::load::fullwidth::advice(c, half)
                ),
            ),
            None => (false, m),
        },
        None => (
            true,
            t!(
                "shape-out-of-range",
                found = describe(instance),
                kind = what
            ),
        ),
    }
}

/// A JSON type as a person names it: "a list", "an integer".
fn article(json_type: &str) -> String {
    t!("shape-a-type", json_type = json_type)
}

/// How a value looks to a person: `a string "abc"`, `the number 1.5`, `a list`.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => t!("shape-a-type", json_type = "null"),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => t!("shape-the-number", n = n.to_string()),
        Value::String(s) => t!("shape-the-string", s = s.as_str()),
        Value::Array(_) => t!("shape-a-type", json_type = "array"),
        Value::Object(_) => t!("shape-a-type", json_type = "object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_compiles_and_accepts_an_add_body() {
        let _ = compiled();
        let found =
            check(&serde_json::json!({"grouptype": 1, "groupname": "x", "range": {"partyid": []}}));
        assert_eq!(found.len(), 0);
    }

    /// The defaults are one table: each is its field's `default`, every
    /// path of the table names a field, and no doc comment says a default
    /// again (the description says it once, from the table).
    #[test]
    fn each_default_is_said_once_from_the_table() {
        use crate::model::defaults::{DEFAULTS, OT_CONFS};
        let root = schema_value();
        let mut fields = 0;
        for (pattern, _) in DEFAULTS {
            for conf in OT_CONFS {
                let path = pattern.replace("{conf}", conf);
                let pointer = property_pointer(root, &path).expect(&path);
                let field = root.pointer(&pointer).expect(&pointer);
                assert!(field.get("default").is_some(), "{path}");
                let description = field["description"].as_str().unwrap_or_default();
                assert_eq!(
                    description.to_lowercase().matches("default").count(),
                    1,
                    "{path}: the doc comment says the default again: {description}"
                );
                fields += 1;
            }
        }
        assert_eq!(fields, DEFAULTS.len() * 3);
        let sync = property_pointer(root, "sync_holidays").unwrap();
        assert_eq!(root.pointer(&sync).unwrap()["default"], true);
        let start = property_pointer(root, "ot_info_v2.restdayconf.checkin.ot_time_start").unwrap();
        assert_eq!(root.pointer(&start).unwrap()["default"], "30m");
    }

    /// `Kind::of` is a table beside the model's types: every field the
    /// schema (generated from those types) gives a value type must have that
    /// kind, and no other field any kind.
    #[test]
    fn every_field_has_the_kind_of_its_type() {
        fn walk(node: &Value, root: &Value, key: Option<&str>, seen: &mut Vec<String>) {
            let node = resolve(node, root);
            let title = node.get("title").and_then(Value::as_str);
            if let Some(key) = key {
                let kind = Kind::of(key).map(Kind::name);
                let typed = title.filter(|t| {
                    ["TimeOfDay", "Duration", "Date", "Weekday", "GroupType"].contains(t)
                });
                let items = node.get("items").map(|i| resolve(i, root));
                let item_title = items.and_then(|i| i.get("title")).and_then(Value::as_str);
                let declared = typed.or(item_title.filter(|t| *t == "Weekday"));
                assert_eq!(kind, declared, "field `{key}`");
                seen.push(key.to_owned());
                if typed.is_some() {
                    return;
                }
            }
            if let Some(props) = node.get("properties").and_then(Value::as_object) {
                for (k, v) in props {
                    walk(v, root, Some(k), seen);
                }
            }
            if let Some(items) = node.get("items") {
                walk(items, root, None, seen);
            }
            for sub in ["anyOf", "oneOf", "allOf"] {
                for v in node
                    .get(sub)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    walk(v, root, None, seen);
                }
            }
        }
        let root = schema_value();
        let mut seen = Vec::new();
        walk(root, root, None, &mut seen);
        assert!(seen.len() > 100, "{}", seen.len());
        assert!(seen.iter().any(|k| k == "off_work_sec"));
    }

    #[test]
    fn unknown_keys_suggest_the_field() {
        let seen: Vec<_> = check(
            &serde_json::json!({"grouptype": 1, "groupname": "x", "checkindate": [{"flextime": 1}]}),
        )
        .into_iter()
        .map(|f| (f.pointer, f.check, f.message, f.help))
        .collect();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert_eq!(seen[0].0, "/checkindate/0/flextime");
        assert_eq!(seen[0].3.as_deref(), Some("did you mean `flex_time`?"));
    }
}
