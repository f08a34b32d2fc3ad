//! Every string that comes from a rule file or from the API — names, notes,
//! Wi-Fi names, userids, keys, the server's errmsg — is hostile in every
//! output: any console admin can name a rule. One escaping step per medium:
//!
//! - terminal and CI logs ([`text`], [`guard_lines`]): control characters and
//!   bidi overrides become visible escapes (`\u{1b}`, `\n`), so nothing
//!   clears the screen, hides text, links, overwrites a line or reorders it;
//!   and no output line can begin with `::`, which GitHub Actions would run as
//!   a workflow command;
//! - source lines under a caret ([`source_line`]): C0 controls become their
//!   one-character control pictures (␛, ␊), so the caret still lines up;
//! - markdown ([`html`], [`markdown`], [`fence`]): HTML-escaped (GitHub
//!   parses HTML before sanitizing it), markdown punctuation escaped where
//!   markdown is parsed so a value cannot start a block, a heading, a link or
//!   a table cell, mentions broken, and code fences longer than any backtick
//!   run inside; values are always one line, so no blank line can end a block;
//! - GitHub annotations ([`workflow_data`], [`workflow_property`]);
//! - YAML comments written by import ([`text`]: one line, always).

use std::borrow::Cow;

/// Bidi controls (embeddings, overrides, isolates, marks) and other
/// invisible format characters that change how text reads without showing.
fn is_format(c: char) -> bool {
    matches!(
        c,
        '\u{061c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// Characters no reader can see for what they are.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_format(c)
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
    }
}

/// A string for a terminal or a log line: hidden characters as visible
/// escapes. The result is always one line.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hidden(c) {
            push_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A source line shown under a caret: C0 controls and DEL as their control
/// pictures (one character each, so columns still line up), other hidden
/// characters as escapes.
pub fn source_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match u32::from(c) {
            n @ 0..=0x1f => out.push(char::from_u32(0x2400 + n).unwrap_or('\u{fffd}')),
            0x7f => out.push('\u{2421}'),
            _ if is_hidden(c) => push_escape(&mut out, c),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The last line of defence for logs: a line whose first non-blank
/// characters are `::` is a GitHub workflow command (`::error`,
/// `::add-mask::`, `::stop-commands::`). Such a line gets a visible `| `
/// in front. Lines the tool writes on purpose (`validate --format github`)
/// do not pass through here.
pub fn guard_lines(out: String) -> String {
    if !out.contains("::") {
        return out;
    }
    let mut guarded = String::with_capacity(out.len() + 8);
    for line in out.split_inclusive('\n') {
        if line.trim_start().starts_with("::") {
            guarded.push_str("| ");
        }
        guarded.push_str(line);
    }
    guarded
}

/// Writes `c` as HTML text wants it; false when `c` needs nothing.
fn push_html(out: &mut String, c: char) -> bool {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        // A mention needs `@` right before a name: the word joiner (no
        // width) keeps the text and stops the ping.
        '@' => out.push_str("@\u{2060}"),
        _ => return false,
    }
    true
}

/// A value inside raw HTML (a `<summary>` line: GitHub takes the line as an
/// HTML block, where backslash escapes mean nothing): one line, HTML-escaped,
/// `@` mentions broken with a word joiner.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in text(s).chars() {
        if !push_html(&mut out, c) {
            out.push(c);
        }
    }
    out
}

/// A value inside markdown text (a table cell, a paragraph): as [`html`],
/// and markdown punctuation backslash-escaped so it starts no block, heading,
/// emphasis, link or table cell.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in text(s).chars() {
        if push_html(&mut out, c) {
            continue;
        }
        if "\\`*_[]()#+-!|~{}=:".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A code fence for `content`: at least three backticks, and more than the
/// longest run of backticks inside, so nothing in it can close the block.
pub fn fence(content: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in content.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    "`".repeat((longest + 1).max(3))
}

/// The data part of a GitHub workflow command (after `::`): `%`, CR and LF
/// escaped as GitHub reads them, every other hidden character made visible.
pub fn workflow_data(s: &str) -> String {
    let escaped = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    text(&escaped).into_owned()
}

/// A property of a GitHub workflow command (`file=`, `title=`): as data,
/// plus `:` and `,`.
pub fn workflow_property(s: &str) -> String {
    workflow_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_become_visible() {
        assert_eq!(text("总部"), "总部");
        assert_eq!(text("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(text("x\ry\nz\0"), "x\\ry\\nz\\u{0}");
        assert_eq!(text("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(
            text("\x1b]8;;http://x\x07link"),
            "\\u{1b}]8;;http://x\\u{7}link"
        );
        assert_eq!(source_line("a\x1bb\tc"), "a\u{241b}b\u{2409}c");
    }

    #[test]
    fn no_line_begins_a_workflow_command() {
        let out = guard_lines("ok\n  ::error::x\n::add-mask::Applied\nrule ::a\n".into());
        assert_eq!(out, "ok\n|   ::error::x\n| ::add-mask::Applied\nrule ::a\n");
    }

    #[test]
    fn markdown_values_cannot_open_html_blocks_or_ping() {
        assert_eq!(markdown("食堂 <!--"), "食堂 &lt;\\!\\-\\-");
        assert_eq!(markdown("@org/team"), "@\u{2060}org/team");
        assert_eq!(markdown("# 标题\n\n## x"), "\\# 标题\\\\n\\\\n\\#\\# x");
        assert_eq!(
            html("</details><!-- @a"),
            "&lt;/details&gt;&lt;!-- @\u{2060}a"
        );
        assert_eq!(fence("a ``` b ````"), "`````");
        assert_eq!(fence("plain"), "```");
    }
}
