//! Messages in English or Simplified Chinese, from Fluent files a
//! non-programmer can edit (`locales/en.ftl`, `locales/zh-CN.ftl`), built
//! into the binary. The language: `--lang`, else LC_ALL, LC_MESSAGES or
//! LANG (a value starting with `zh` is Chinese), else English. The server's
//! errmsg and its 说明 are shown as the server and its documents say them.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub const EN: &str = include_str!("../locales/en.ftl");
pub const ZH_CN: &str = include_str!("../locales/zh-CN.ftl");
/// `--help` in Chinese (the English help is the CLI's doc comments).
pub const ZH_CN_HELP: &str = include_str!("../locales/zh-CN-help.ftl");

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum Lang {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// 简体中文.
    #[value(name = "zh-CN", alias = "zh")]
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Lang {
    pub fn is_en(&self) -> bool {
        *self == Lang::En
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

thread_local! {
    /// The language of this thread's messages while [`with_lang`] runs.
    static OVERRIDE: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Runs `f` with this thread's messages in `lang`: a saved plan's lines are
/// derived again in the language the plan was made in, whatever this run's.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.replace(Some(lang));
    let out = f();
    OVERRIDE.set(before);
    out
}

/// Sets the language once, from `--lang` or the environment.
pub fn set(flag: Option<Lang>) {
    let _ = LANG.set(flag.unwrap_or_else(|| from_env(|v| std::env::var(v).ok())));
}

/// The language the environment asks for: the first of LC_ALL, LC_MESSAGES
/// and LANG that is set and not empty decides (as gettext reads them).
pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| get(v))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if value.to_ascii_lowercase().starts_with("zh") {
        Lang::ZhCn
    } else {
        Lang::En
    }
}

pub fn lang() -> Lang {
    OVERRIDE
        .get()
        .or_else(|| LANG.get().copied())
        .unwrap_or(Lang::En)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static ZH_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, source, id) = match lang {
        Lang::En => (&EN_BUNDLE, EN, "en"),
        Lang::ZhCn => (&ZH_BUNDLE, ZH_CN, "zh-CN"),
    };
    load(cell, source, id)
}

/// The Chinese `--help` text `id`, if the file has it.
pub fn zh_help(id: &str) -> Option<String> {
    zh_help_with(id, &[])
}

/// [`zh_help`] with arguments (clap's words, `clap-*`).
pub fn zh_help_with(id: &str, args: &[(&str, &str)]) -> Option<String> {
    static HELP: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let bundle = load(&HELP, ZH_CN_HELP, "zh-CN");
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, FluentValue::from(*value));
    }
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned(),
    )
}

/// The language `--lang` names on a command line not parsed yet (the help
/// is built before the parse), else the environment's.
pub fn of_args(args: &[std::ffi::OsString]) -> Lang {
    use clap::ValueEnum;
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => continue,
        };
        if let Some(lang) = value.and_then(|v| Lang::from_str(v, true).ok()) {
            return lang;
        }
    }
    from_env(|v| std::env::var(v).ok())
}

fn load(
    cell: &'static OnceLock<FluentBundle<FluentResource>>,
    source: &'static str,
    id: &str,
) -> &'static FluentBundle<FluentResource> {
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = id.parse().expect("a valid language id");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around values: every output escapes
        // such marks as hostile, so they would show as \u{2068}.
        bundle.set_use_isolating(false);
        // The files are part of the source and tested: a syntax error is a bug.
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id` in the current language, with `args` filled in; the
/// English message where the language lacks it, the id where both do.
pub fn t(id: &str, args: &[(&str, Arg)]) -> String {
    format_in(lang(), id, args)
}

pub fn format_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Num(n) => FluentValue::from(*n as f64),
            Arg::Str(s) => FluentValue::from(s.clone()),
        };
        fluent_args.set(*name, value);
    }
    for bundle in [bundle(lang), bundle(Lang::En)] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let said = bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
            // A variable the caller did not give shows as "{$error}": in a
            // debug build (every test), that is a failure, not a message.
            debug_assert!(errors.is_empty(), "message {id}: {errors:?}");
            return said;
        }
    }
    id.to_owned()
}

/// A value for a message.
pub enum Arg {
    Num(usize),
    Str(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n)
    }
}

impl From<i64> for Arg {
    /// Written as Rust writes it (no grouping), like a value from a file.
    fn from(n: i64) -> Self {
        Arg::Str(n.to_string())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

/// `t!("id", name = value, …)`.
#[macro_export]
macro_rules! t {
    ($id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::t($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}

/// The ids of a Fluent file's messages.
pub fn ids(source: &str) -> Vec<String> {
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message exists in both languages, both files parse, and no id
    /// is written twice (the bundle keeps the first and drops the second
    /// silently: "is not a plan: {$error}" came from such a pair).
    #[test]
    fn every_message_has_both_languages() {
        for (name, source) in [
            ("en.ftl", EN),
            ("zh-CN.ftl", ZH_CN),
            ("zh-CN-help.ftl", ZH_CN_HELP),
        ] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("locales/{name} does not parse: {errors:?}");
            }
            let mut seen = std::collections::BTreeSet::new();
            let twice: Vec<String> = ids(source)
                .into_iter()
                .filter(|id| !seen.insert(id.clone()))
                .collect();
            assert!(
                twice.is_empty(),
                "locales/{name} writes these ids twice: {twice:?}"
            );
        }
        let mut en = ids(EN);
        let mut zh = ids(ZH_CN);
        en.sort();
        zh.sort();
        assert_eq!(en, zh, "the two files have different message ids");
    }

    /// Chinese prose takes full-width punctuation (，：；（）？); a half-width
    /// mark right after a Chinese character is a slip. Code, values and field
    /// names keep theirs.
    #[test]
    fn chinese_messages_use_full_width_punctuation() {
        let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for (name, source) in [("zh-CN.ftl", ZH_CN), ("zh-CN-help.ftl", ZH_CN_HELP)] {
            for (n, line) in source.lines().enumerate() {
                if line.starts_with('#') {
                    continue;
                }
                // Outside `code` and "values", written as the user types them.
                let prose: Vec<char> = line
                    .split('`')
                    .step_by(2)
                    .flat_map(|part| part.split('"').step_by(2))
                    // What was left out stands as a word, `x`.
                    .flat_map(|part| part.chars().chain(['x']))
                    .chain([' '])
                    .collect();
                // A line of placeables alone ("{ $name }:groupid { $id }")
                // is still Chinese output: a colon glued to a word is a slip there too.
                let chinese = prose.iter().copied().any(is_han);
                for w in prose.windows(3) {
                    if !chinese {
                        assert!(
                            !(w[1] == ':' && w[2].is_ascii_alphabetic()),
                            "locales/{name}:{}: half-width ':' glued to a word: {line}",
                            n + 1
                        );
                        continue;
                    }
                    // `,` `;` `?` have no place in Chinese prose (a number's
                    // thousands are the exception); `:` `(` `)` next to
                    // Chinese, or `:` glued to what follows, neither.
                    let digits = w[0].is_ascii_digit() && w[2].is_ascii_digit();
                    let slip = match w[1] {
                        ',' | ';' => !digits,
                        // Alone between spaces, `?` is the plan's mark of a rule not managed.
                        '?' => !(w[0] == ' ' && w[2] == ' '),
                        ':' => is_han(w[0]) || !(w[2] == ' ' || w[2] == '/' || digits),
                        '(' | ')' => is_han(w[0]),
                        _ => false,
                    };
                    let pair = &w[..2];
                    assert!(
                        !slip,
                        "locales/{name}:{}: half-width {:?} after {:?}: {line}",
                        n + 1,
                        pair[1],
                        pair[0]
                    );
                }
            }
        }
    }

    #[test]
    fn the_environment_picks_chinese_for_zh_locales() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |v: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == v)
                    .map(|(_, x)| x.to_string())
            }
        };
        assert_eq!(from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::ZhCn);
        assert_eq!(from_env(env(&[("LANG", "zh_TW.UTF-8")])), Lang::ZhCn);
        assert_eq!(
            from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_env(env(&[("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")])),
            Lang::ZhCn
        );
        assert_eq!(from_env(env(&[])), Lang::En);
    }

    #[test]
    fn plurals_and_variables() {
        let summary = |lang, cells: usize, rosters: usize| {
            format_in(
                lang,
                "summary-rosters",
                &[("cells", cells.into()), ("rosters", rosters.into())],
            )
        };
        assert_eq!(
            summary(Lang::En, 1, 1),
            "; 1 roster cell in 1 roster to set"
        );
        assert_eq!(
            summary(Lang::En, 3, 2),
            "; 3 roster cells in 2 rosters to set"
        );
        assert_eq!(
            summary(Lang::ZhCn, 3, 2),
            "；待设置排班：2 个排班中的 3 个格子"
        );
        assert_eq!(
            format_in(Lang::ZhCn, "no-such-message", &[]),
            "no-such-message"
        );
    }
}
