//! YAML 1.2 → a JSON [`Node`] tree, with the source position of every key and value.
//!
//! saphyr-parser gives a YAML 1.2 event stream with spans; this module builds
//! the JSON value the schema and serde work on, and beside it a [`SpanTree`]
//! that maps any JSON pointer back to file positions. It also enforces what a
//! generic loader would let through: duplicate keys are errors (with both
//! places), nesting depth and alias expansion are bounded, and scalars resolve
//! by the YAML 1.2 core schema (an unquoted `09:00` is a string, `no` is a
//! string, `0x1F` is 31).

use super::tree::Node;
use crate::t;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as YSpan, Tag};
use serde_json::Number;
use std::borrow::Cow;
use std::collections::HashMap;

/// A position in a source file: line and column, both 1-based, the column in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// A range of source text; `end` is exclusive and may be on a later line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl From<YSpan> for Span {
    fn from(s: YSpan) -> Self {
        let pos = |m: saphyr_parser::Marker| Pos {
            line: m.line(),
            col: m.col() + 1,
        };
        Span {
            start: pos(s.start),
            end: pos(s.end),
        }
    }
}

/// A span packed in 16 bytes: a large corp has millions of nodes, and a rule
/// file's lines and columns fit in u32. Line 0 means "no span".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Packed {
    start_line: u32,
    start_col: u32,
    end_line: u32,
    end_col: u32,
}

impl Packed {
    fn pack(s: Span) -> Self {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        Packed {
            start_line: n(s.start.line),
            start_col: n(s.start.col),
            end_line: n(s.end.line),
            end_col: n(s.end.col),
        }
    }

    fn unpack(self) -> Span {
        Span {
            start: Pos {
                line: self.start_line as usize,
                col: self.start_col as usize,
            },
            end: Pos {
                line: self.end_line as usize,
                col: self.end_col as usize,
            },
        }
    }
}

/// Where each node of a document sits in the source, shaped like the document.
#[derive(Clone, Debug, Default)]
pub struct SpanTree {
    /// The value's own span.
    span: Packed,
    /// The span of the key that holds this value, when it is a mapping entry.
    key: Packed,
    pub children: Children,
}

#[derive(Clone, Debug, Default)]
pub enum Children {
    #[default]
    Leaf,
    Seq(Box<[SpanTree]>),
    Map(Box<[(Box<str>, SpanTree)]>),
}

impl SpanTree {
    /// No positions: every lookup ends at the root, at line 0.
    pub const EMPTY: SpanTree = SpanTree {
        span: Packed {
            start_line: 0,
            start_col: 0,
            end_line: 0,
            end_col: 0,
        },
        key: Packed {
            start_line: 0,
            start_col: 0,
            end_line: 0,
            end_col: 0,
        },
        children: Children::Leaf,
    };

    fn new(span: Span, key: Option<Span>, children: Children) -> Self {
        SpanTree {
            span: Packed::pack(span),
            key: key.map(Packed::pack).unwrap_or_default(),
            children,
        }
    }

    /// The value's own span.
    pub fn span(&self) -> Span {
        self.span.unpack()
    }

    /// The span of the key that holds this value, when it is a mapping entry.
    pub fn key(&self) -> Option<Span> {
        (self.key.start_line != 0).then(|| self.key.unpack())
    }

    /// The node at a JSON pointer, or the deepest existing ancestor when the
    /// pointer names something absent (a missing key points at its parent).
    pub fn lookup(&self, pointer: &str) -> (&SpanTree, bool) {
        let mut node = self;
        for raw in pointer.split('/').skip(1) {
            let token = raw.replace("~1", "/").replace("~0", "~");
            let next = match &node.children {
                Children::Map(entries) => {
                    entries.iter().find(|(k, _)| **k == *token).map(|(_, v)| v)
                }
                Children::Seq(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                Children::Leaf => None,
            };
            match next {
                Some(n) => node = n,
                None => return (node, false),
            }
        }
        (node, true)
    }
}

/// One YAML document: its JSON value and where each part of it came from.
#[derive(Clone, Debug)]
pub struct YamlDocument {
    pub value: Node,
    pub spans: SpanTree,
    /// No key or scalar of the document holds a hidden character or begins
    /// or ends with whitespace: its rule's strings need no second look.
    pub strings_clean: bool,
}

/// Why a file could not be read as YAML; `related` names a second place (e.g. the first of two duplicate keys).
#[derive(Clone, Debug, PartialEq)]
pub struct YamlError {
    pub pos: Pos,
    pub end: Option<Pos>,
    pub kind: &'static str,
    pub message: String,
    pub help: Option<String>,
}

/// Deeper than any rule needs (a rule is at most 7 levels), shallow enough that
/// nothing downstream can exhaust the stack.
pub const MAX_DEPTH: usize = 64;
/// Caps alias expansion ("billion laughs") and absurd documents.
pub const MAX_NODES: usize = 2_000_000;

enum Frame {
    Seq {
        anchor: usize,
        span: Span,
        key: Option<Span>,
        /// Where its items begin in `Builder::items`.
        start: usize,
        spans: Vec<SpanTree>,
    },
    Map {
        anchor: usize,
        span: Span,
        key: Option<Span>,
        /// Where its entries begin in `Builder::entries`.
        start: usize,
        spans: Vec<(Box<str>, SpanTree)>,
        pending_key: Option<(String, Span)>,
    },
}

struct Builder {
    stack: Vec<Frame>,
    docs: Vec<YamlDocument>,
    anchors: HashMap<usize, (Node, SpanTree, usize)>,
    nodes: usize,
    /// The items of the open lists and the entries of the open mappings, on
    /// one stack each: a list or mapping is built once, at its end, at its
    /// exact size (no growing, no rehashing).
    items: Vec<Node>,
    entries: Vec<(String, Node)>,
    /// Whether to build the [`SpanTree`]s (else each is an empty leaf).
    spans: bool,
    /// Whether a key or scalar of the current document looks unreadable.
    suspect: bool,
}

/// A hidden character (a control, bidi or invisible one), or whitespace at
/// either end: what `checks` reports of a string, seen while parsing.
fn suspect(text: &str) -> bool {
    text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
        || (!text.bytes().all(|b| (0x20..0x7f).contains(&b))
            && text.chars().any(crate::escape::is_hidden))
}

/// Parses every document of a YAML stream, with the position of every node.
/// The first problem stops the parse.
pub fn parse(text: &str) -> Result<Vec<YamlDocument>, YamlError> {
    parse_with(text, true)
}

/// [`parse`] without positions (every `spans` is an empty leaf): what the
/// loader does first, since most files need no position ever; they are found
/// again by [`parse`] for the few that do. A file it refuses is refused by
/// [`parse`] with the same message and the full positions (a duplicate key
/// names its first place).
pub fn parse_values(text: &str) -> Result<Vec<YamlDocument>, YamlError> {
    parse_with(text, false).or_else(|_| parse(text))
}

fn parse_with(text: &str, spans: bool) -> Result<Vec<YamlDocument>, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut b = Builder {
        stack: Vec::new(),
        docs: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        items: Vec::new(),
        entries: Vec::new(),
        spans,
        suspect: false,
    };
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(scan_error)?;
        b.on_event(event, span.into())?;
    }
    Ok(b.docs)
}

fn scan_error(e: ScanError) -> YamlError {
    let m = e.marker();
    YamlError {
        pos: Pos {
            line: m.line(),
            col: m.col() + 1,
        },
        end: None,
        kind: "yaml syntax",
        message: t!("yaml-syntax", info = e.info()),
        help: Some(t!("yaml-syntax-help")),
    }
}

impl Builder {
    fn on_event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                self.suspect |= suspect(&text);
                if self.awaiting_key() {
                    return self.on_key(text, style, span);
                }
                let value = resolve_scalar(text, style, tag.as_deref(), span)?;
                self.add_value(value, leaf(span), anchor)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if self.awaiting_key() {
                    return Err(YamlError {
                        pos: span.start,
                        end: None,
                        kind: "yaml syntax",
                        message: t!("yaml-key-not-plain"),
                        help: Some(t!("yaml-key-not-plain-help")),
                    });
                }
                if self.stack.len() >= MAX_DEPTH {
                    return Err(YamlError {
                        pos: span.start,
                        end: None,
                        kind: "too deep",
                        message: t!("yaml-too-deep", max = MAX_DEPTH),
                        help: Some(t!("yaml-too-deep-help")),
                    });
                }
                let key = self.current_key_span();
                let frame = if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        anchor,
                        span,
                        key,
                        start: self.items.len(),
                        spans: Vec::new(),
                    }
                } else {
                    Frame::Map {
                        anchor,
                        span,
                        key,
                        start: self.entries.len(),
                        spans: Vec::new(),
                        pending_key: None,
                    }
                };
                self.stack.push(frame);
                Ok(())
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(());
                };
                let (value, tree, anchor) = match frame {
                    Frame::Seq {
                        anchor,
                        span: s,
                        key,
                        start,
                        spans,
                    } => (
                        Node::Array(self.items.drain(start..).collect()),
                        SpanTree::new(
                            Span {
                                start: s.start,
                                end: span.end.max(s.end),
                            },
                            key,
                            Children::Seq(spans.into_boxed_slice()),
                        ),
                        anchor,
                    ),
                    Frame::Map {
                        anchor,
                        span: s,
                        key,
                        start,
                        spans,
                        ..
                    } => (
                        Node::Object(self.entries.drain(start..).collect()),
                        SpanTree::new(
                            Span {
                                start: s.start,
                                end: span.end.max(s.end),
                            },
                            key,
                            Children::Map(spans.into_boxed_slice()),
                        ),
                        anchor,
                    ),
                };
                self.add_value(value, tree, anchor)
            }
            Event::Alias(id) => {
                if self.awaiting_key() {
                    return Err(YamlError {
                        pos: span.start,
                        end: None,
                        kind: "yaml syntax",
                        message: t!("yaml-alias-key"),
                        help: None,
                    });
                }
                let Some((value, mut tree, count)) = self.anchors.get(&id).cloned() else {
                    return Err(YamlError {
                        pos: span.start,
                        end: None,
                        kind: "yaml syntax",
                        message: t!("yaml-unknown-anchor"),
                        help: None,
                    });
                };
                self.nodes += count;
                if self.nodes > MAX_NODES {
                    return Err(too_many_nodes(span));
                }
                tree.key = Packed::default();
                self.add_value(value, tree, 0)
            }
            Event::DocumentStart(_) => {
                self.anchors.clear();
                self.suspect = false;
                Ok(())
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => Ok(()),
        }
    }

    fn awaiting_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame::Map {
                pending_key: None,
                ..
            })
        )
    }

    fn current_key_span(&self) -> Option<Span> {
        match self.stack.last() {
            Some(Frame::Map {
                pending_key: Some((_, s)),
                ..
            }) => Some(*s),
            _ => None,
        }
    }

    fn on_key(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        span: Span,
    ) -> Result<(), YamlError> {
        if text.is_empty() && style == ScalarStyle::Plain {
            return Err(YamlError {
                pos: span.start,
                end: None,
                kind: "yaml syntax",
                message: t!("yaml-empty-key"),
                help: Some(t!("yaml-empty-key-help")),
            });
        }
        let keep_spans = self.spans;
        let Some(Frame::Map {
            start,
            spans,
            pending_key,
            ..
        }) = self.stack.last_mut()
        else {
            return Ok(());
        };
        // A mapping of a rule has a few dozen keys: a scan beats hashing them.
        if !keep_spans && self.entries[*start..].iter().any(|(k, _)| *k == *text) {
            // parse_values reparses with positions to say where the first one is.
            return Err(YamlError {
                pos: span.start,
                end: Some(span.end),
                kind: "duplicate key",
                message: t!("yaml-duplicate-key", key = text.as_ref()),
                help: None,
            });
        }
        if let Some((_, first)) = spans.iter().find(|(k, _)| **k == *text) {
            let first = first.key().unwrap_or(first.span()).start;
            return Err(YamlError {
                pos: span.start,
                end: Some(span.end),
                kind: "duplicate key",
                message: t!(
                    "yaml-duplicate-key-at",
                    key = text.as_ref(),
                    line = first.line,
                    column = first.col
                ),
                help: Some(t!("yaml-duplicate-key-help")),
            });
        }
        *pending_key = Some((text.into_owned(), span));
        Ok(())
    }

    fn add_value(
        &mut self,
        value: Node,
        mut tree: SpanTree,
        anchor: usize,
    ) -> Result<(), YamlError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(too_many_nodes(tree.span()));
        }
        if anchor != 0 {
            let count = value.count();
            self.anchors
                .insert(anchor, (value.clone(), tree.clone(), count));
        }
        let keep_spans = self.spans;
        match self.stack.last_mut() {
            None => self.docs.push(YamlDocument {
                value,
                spans: if keep_spans {
                    tree
                } else {
                    SpanTree::default()
                },
                strings_clean: !self.suspect,
            }),
            Some(Frame::Seq { spans, .. }) => {
                self.items.push(value);
                if keep_spans {
                    spans.push(tree);
                }
            }
            Some(Frame::Map {
                spans, pending_key, ..
            }) => {
                if let Some((key, key_span)) = pending_key.take() {
                    if keep_spans {
                        tree.key = Packed::pack(key_span);
                        spans.push((key.clone().into_boxed_str(), tree));
                    }
                    self.entries.push((key, value));
                }
            }
        }
        Ok(())
    }
}

fn too_many_nodes(span: Span) -> YamlError {
    YamlError {
        pos: span.start,
        end: None,
        kind: "too large",
        message: t!("yaml-too-large", max = MAX_NODES),
        help: Some(t!("yaml-too-large-help")),
    }
}

fn leaf(span: Span) -> SpanTree {
    SpanTree::new(span, None, Children::Leaf)
}

/// Resolves a scalar by the YAML 1.2 core schema (or by its explicit core tag).
fn resolve_scalar(
    text: Cow<'_, str>,
    style: ScalarStyle,
    tag: Option<&Tag>,
    span: Span,
) -> Result<Node, YamlError> {
    let bad = |message: String| YamlError {
        pos: span.start,
        end: Some(span.end),
        kind: "yaml value",
        message,
        help: None,
    };
    if let Some(tag) = tag {
        let known = tag.is_yaml_core_schema() || tag.handle == "!!";
        return match (known, tag.suffix.as_str()) {
            (true, "str") => Ok(Node::String(text.into_owned())),
            (true, "null") => Ok(Node::Null),
            (true, "bool" | "int" | "float") => {
                // A string (None) is none of these.
                let v = resolve_plain(&text).map_err(&bad)?.filter(|v| {
                    match (tag.suffix.as_str(), v) {
                        ("bool", Node::Bool(_)) => true,
                        ("int", Node::Number(n)) => n.is_i64() || n.is_u64(),
                        ("float", Node::Number(_)) => true,
                        _ => false,
                    }
                });
                if let Some(v) = v {
                    Ok(v)
                } else {
                    Err(bad(t!(
                        "yaml-bad-tagged",
                        text = text.as_ref(),
                        tag = tag.suffix.as_str()
                    )))
                }
            }
            _ => Err(bad(t!("yaml-unsupported-tag", tag = tag.to_string()))),
        };
    }
    if style != ScalarStyle::Plain {
        return Ok(Node::String(text.into_owned()));
    }
    // A string (most scalars) keeps the parser's own allocation.
    match resolve_plain(&text).map_err(bad)? {
        Some(value) => Ok(value),
        None => Ok(Node::String(text.into_owned())),
    }
}

/// A plain scalar's value, or `None` when it is a string.
fn resolve_plain(text: &str) -> Result<Option<Node>, String> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Ok(Some(Node::Null)),
        "true" | "True" | "TRUE" => return Ok(Some(Node::Bool(true))),
        "false" | "False" | "FALSE" => return Ok(Some(Node::Bool(false))),
        _ => {}
    }
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    let (sign, unsigned) = match text.as_bytes()[0] {
        b'-' => (-1i128, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let int = if digits(unsigned, 10) {
        Some(unsigned.parse::<i128>().map(|v| sign * v))
    } else if let Some(oct) = text.strip_prefix("0o").filter(|s| digits(s, 8)) {
        Some(i128::from_str_radix(oct, 8))
    } else {
        text.strip_prefix("0x")
            .filter(|s| digits(s, 16))
            .map(|hex| i128::from_str_radix(hex, 16))
    };
    if let Some(parsed) = int {
        let n = parsed.ok().and_then(|v| {
            i64::try_from(v)
                .map(Number::from)
                .ok()
                .or_else(|| u64::try_from(v).ok().map(Number::from))
        });
        return n
            .map(|n| Some(Node::Number(n)))
            .ok_or_else(|| t!("yaml-number-too-large", text = text));
    }
    if is_float(text) {
        let f: f64 = text
            .parse()
            .map_err(|_| t!("yaml-not-a-number", text = text))?;
        return Number::from_f64(f)
            .map(|n| Some(Node::Number(n)))
            .ok_or_else(|| t!("yaml-number-unrepresentable", text = text));
    }
    if matches!(
        text,
        ".inf"
            | ".Inf"
            | ".INF"
            | "+.inf"
            | "+.Inf"
            | "+.INF"
            | "-.inf"
            | "-.Inf"
            | "-.INF"
            | ".nan"
            | ".NaN"
            | ".NAN"
    ) {
        return Err(t!("yaml-no-json-form", text = text));
    }
    Ok(None)
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_float(text: &str) -> bool {
    let s = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            all_digits(int) && all_digits(frac) && !(int.is_empty() && frac.is_empty())
        }
        None => !mantissa.is_empty() && all_digits(mantissa),
    };
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && all_digits(e)
    });
    mantissa_ok && exp_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn one(text: &str) -> Value {
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 1);
        docs[0].value.to_value()
    }

    /// An explicit core tag decides the type; a value that is not of it, or
    /// any other tag, is refused with the value named.
    #[test]
    fn core_tags() {
        assert_eq!(
            one("a: !!int 5\nb: !!str 5\nc: !!float 1\nd: !!bool true\ne: !!null ~\n"),
            json!({"a": 5, "b": "5", "c": 1, "d": true, "e": null})
        );
        for (text, said) in [
            ("a: !!int x\n", "`x` is not a valid !!int"),
            ("a: !!bool yes\n", "`yes` is not a valid !!bool"),
            ("a: !!int 1.5\n", "`1.5` is not a valid !!int"),
            ("a: !foo x\n", "unsupported tag"),
        ] {
            let e = parse(text).err().unwrap_or_else(|| panic!("{text} parsed"));
            assert!(e.message.contains(said), "{text}: {}", e.message);
        }
    }

    #[test]
    fn yaml_1_2_core_schema() {
        assert_eq!(
            one(
                "a: 09:00\nb: no\nc: 0x1F\nd: 0o17\ne: '5'\nf: 1.5\ng: ~\nh: True\ni: 1e3\nj: 012\n"
            ),
            json!({"a": "09:00", "b": "no", "c": 31, "d": 15, "e": "5", "f": 1.5, "g": null, "h": true, "i": 1000.0, "j": 12})
        );
    }

    #[test]
    fn spans_point_at_keys_and_values() {
        let docs = parse("groupname: 总部\nrange:\n  userid: [a, b]\n").unwrap();
        let (node, found) = docs[0].spans.lookup("/range/userid/1");
        assert!(found);
        assert_eq!(node.span().start, Pos { line: 3, col: 15 });
        let (node, found) = docs[0].spans.lookup("/range/tagid");
        assert!(!found);
        assert_eq!(node.key().unwrap().start, Pos { line: 2, col: 1 });
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(err.pos, Pos { line: 3, col: 1 });
        assert!(
            err.message.contains("first defined at line 1, column 1"),
            "{}",
            err.message
        );
    }

    #[test]
    fn aliases_expand_within_budget() {
        assert_eq!(
            one("a: &x [1, 2]\nb: *x\n"),
            json!({"a": [1, 2], "b": [1, 2]})
        );
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            bomb += &format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
                p = i - 1
            );
        }
        assert_eq!(parse(&bomb).unwrap_err().kind, "too large");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse(&deep).is_err());
        let block: String = (0..200).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert_eq!(parse(&block).unwrap_err().kind, "too deep");
    }
}
