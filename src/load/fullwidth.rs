//! Characters a Chinese input method types in full-width mode (全角) that look
//! like the half-width ones YAML and the readable values need: `：` for `:`,
//! `，` for `,`, curly quotes, the ideographic space, full-width digits. In
//! running text they are fine (a groupname may hold `，`); where the parser or
//! a value's reader fails, the message names them and the character to type.

use crate::t;

/// The half-width character to type instead of `c`, when `c` is one of them.
pub fn half_width(c: char) -> Option<char> {
    Some(match c {
        '：' => ':',
        '，' | '、' => ',',
        '“' | '”' | '＂' => '"',
        '‘' | '’' | '＇' => '\'',
        '\u{3000}' => ' ',
        '［' => '[',
        '］' => ']',
        '｛' => '{',
        '｝' => '}',
        '－' => '-',
        '＃' => '#',
        '＋' => '+',
        // Full-width digits: U+FF10 … U+FF19.
        '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10)?,
        _ => return None,
    })
}

/// How a message names `c` and its replacement: "the full-width `：`
/// (U+FF1A); type `:` instead …".
pub fn advice(c: char, half: char) -> String {
    let name = match c {
        '\u{3000}' => t!("fullwidth-space"),
        c => t!("fullwidth-char", c = c.to_string()),
    };
    let half = match half {
        ' ' => t!("fullwidth-half-space"),
        h => format!("`{h}`"),
    };
    t!(
        "fullwidth-advice",
        name = name,
        code = format!("{:04X}", u32::from(c)),
        half = half
    )
}

/// The first full-width look-alike in `s`: its char index, itself and its replacement.
pub fn find(s: &str) -> Option<(usize, char, char)> {
    s.chars()
        .enumerate()
        .find_map(|(i, c)| half_width(c).map(|h| (i, c, h)))
}

/// A full-width character standing where YAML's structure would be on
/// `line`: an ideographic space in the indentation, `－` as a list dash, or
/// `：` before any `:` (a key's colon). Its char index, itself and its
/// replacement. Elsewhere on a line (inside a value) it is text.
pub fn structural(line: &str) -> Option<(usize, char, char)> {
    let chars: Vec<char> = line.chars().collect();
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    if let Some(i) = chars[..indent].iter().position(|&c| c == '\u{3000}') {
        return Some((i, '\u{3000}', ' '));
    }
    if chars.get(indent) == Some(&'－') {
        return Some((indent, '－', '-'));
    }
    let colon = chars.iter().position(|&c| c == ':' || c == '：')?;
    (chars[colon] == '：').then_some((colon, '：', ':'))
}
