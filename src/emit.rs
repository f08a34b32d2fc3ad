//! Writing rules as YAML, the way a person would: block mappings, short lists of
//! scalars in flow style (`[mon, tue]`), and every string that a YAML 1.1 tool
//! could read as something else (`"09:00"`, `"2027-01-01"`, `"no"`) quoted, so
//! the files mean the same to every reader (README: values).

use serde_json::Value;

use crate::model::{Duration, Rule};

/// The first line of every rule file the tool writes: editors complete and check with it.
pub fn schema_header(schema_rel_path: &str) -> String {
    format!("# yaml-language-server: $schema={schema_rel_path}\n")
}

/// A rule as a YAML document (readable forms, field-table order).
pub fn rule_to_yaml(rule: &Rule) -> String {
    let value = crate::model::to_readable_value(rule).unwrap_or(Value::Null);
    to_yaml(&value)
}

/// Any JSON value as a YAML 1.2 block document.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0),
        other => {
            out += &scalar(other);
            out.push('\n');
        }
    }
    out
}

fn write_map(out: &mut String, map: &serde_json::Map<String, Value>, indent: usize) {
    for (i, (key, value)) in map.iter().enumerate() {
        // The first key of a mapping inside a list item follows the "- ".
        if i > 0 || indent == 0 || !out.ends_with("- ") {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&plain_or_quoted(key));
        out.push(':');
        write_value(out, value, indent);
    }
}

fn write_value(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            write_map(out, m, indent + 2);
        }
        Value::Array(items) if !items.is_empty() => {
            if let Some(flow) = flow_seq(items) {
                out.push(' ');
                out.push_str(&flow);
                out.push('\n');
            } else {
                out.push('\n');
                write_seq(out, items, indent + 2);
            }
        }
        other => {
            out.push(' ');
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn write_seq(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match item {
            Value::Object(m) if !m.is_empty() => write_map(out, m, indent + 2),
            Value::Array(inner) if !inner.is_empty() => {
                out.push('\n');
                write_seq(out, inner, indent + 2);
            }
            other => {
                out.push_str(&scalar(other));
                out.push('\n');
            }
        }
    }
}

/// `[a, b, c]` for short lists of scalars.
fn flow_seq(items: &[Value]) -> Option<String> {
    if items.iter().any(|v| v.is_object() || v.is_array()) {
        return None;
    }
    let parts: Vec<String> = items.iter().map(scalar).collect();
    let flow = format!("[{}]", parts.join(", "));
    (flow.chars().count() <= 80).then_some(flow)
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => plain_or_quoted(s),
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
    }
}

/// A string as a plain scalar when every YAML reader (1.1 and 1.2) reads it
/// back as that same string; double-quoted otherwise.
fn plain_or_quoted(s: &str) -> String {
    if needs_quotes(s) {
        double_quoted(s)
    } else {
        s.to_owned()
    }
}

/// A YAML double-quoted scalar. Every character no reader can see (controls,
/// bidi marks, a BOM, U+2028) and the two YAML cannot hold raw (U+FFFE,
/// U+FFFF) become escapes: the file shows what is there, and reads back the same.
fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if must_escape(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn must_escape(c: char) -> bool {
    crate::escape::is_hidden(c) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

fn needs_quotes(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return true;
    };
    const RESERVED_START: &str = "-?:,[]{}#&*!|>'\"%@` ";
    const YAML11_WORDS: [&str; 22] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
        "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ];
    RESERVED_START.contains(first)
        || s.ends_with(' ')
        || s.contains(": ")
        || s.contains(" #")
        || s.contains(':')
        || s.contains([',', '[', ']', '{', '}'])
        // A dash after a space, then `,` or `]` in a flow list: the reader
        // takes it for a new block item and refuses the file.
        || s.char_indices()
            .any(|(i, c)| c == '-' && s[..i].ends_with(char::is_whitespace))
        || s.chars().any(must_escape)
        || YAML11_WORDS.contains(&s)
        || matches!(s, "~" | "null" | "Null" | "NULL")
        || looks_numeric(s)
}

/// Anything that starts like a number, a date or a sexagesimal could be read as
/// one by some YAML reader; durations ("5m", "1h30m") are strings to all of them.
fn looks_numeric(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let starts_with_digit = unsigned
        .trim_start_matches('.')
        .starts_with(|c: char| c.is_ascii_digit());
    (starts_with_digit && Duration::parse(s).is_none()) || unsigned == ".inf" || unsigned == ".nan"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;
    use serde_json::json;

    #[test]
    fn round_trips_through_the_loader() {
        let v = json!({
            "groupname": "总部: 新",
            "times": ["09:00", "+1 04:00", "5m", "2027-01-01", "no", "", " x", "a,b", "-1", "1h30m"],
            // Short enough for a flow list, where ` -]` would not read back.
            "dashes": ["： -", "a -", "a\t-", "a-"],
            "nested": [{"a": 1, "b": [{"c": true}]}, {"d": []}, {}],
            "empty": {},
            "multi": "line\nbreak",
        });
        let text = to_yaml(&v);
        let back = yaml::parse(&text).unwrap();
        assert_eq!(back[0].value.to_value(), v, "{text}");
        assert!(text.contains("\"09:00\""), "{text}");
        assert!(text.contains("5m"), "{text}");
        assert!(
            text.contains("dashes: [\"： -\", \"a -\", \"a\\t-\", a-]"),
            "{text}"
        );
    }
}
