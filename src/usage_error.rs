//! A command line clap refuses, said in Chinese. clap words its errors in
//! English only and its formatter is closed to other languages, but an
//! error's kind and context are public: the Chinese text is built from them
//! with the words in `locales/zh-CN-help.ftl` (`clap-*`). English keeps
//! clap's own formatting.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::zh_help_with;

/// Every `clap-*` message this module uses (a test holds the file to them).
pub const IDS: &[&str] = &[
    "clap-invalid-value",
    "clap-value-required",
    "clap-possible-values",
    "clap-unknown-argument",
    "clap-unknown-subcommand",
    "clap-missing-required",
    "clap-missing-subcommand",
    "clap-subcommands",
    "clap-used-twice",
    "clap-conflict",
    "clap-conflict-others",
    "clap-no-equals",
    "clap-too-many-values",
    "clap-wrong-number-of-values",
    "clap-similar-argument",
    "clap-similar-subcommand",
    "clap-similar-value",
    "clap-tip",
    "clap-pass-as-value",
    "clap-usage",
    "clap-more",
];

fn say(id: &str, args: &[(&str, &str)]) -> String {
    zh_help_with(id, args).unwrap_or_else(|| id.to_owned())
}

/// The whole message (`错误：…` to `更多信息…`), or `None` for a kind this
/// does not word (clap's English is printed then).
pub fn chinese(e: &clap::Error) -> Option<String> {
    let string = |k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let strings = |k| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let number = |k| match e.get(k) {
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let listed = |title: &str, values: Vec<String>| {
        if values.is_empty() {
            String::new()
        } else {
            format!("\n  [{}]", say(title, &[("values", &values.join("、"))]))
        }
    };
    let indented =
        |values: Vec<String>| -> String { values.iter().map(|v| format!("\n  {v}")).collect() };
    let arg = string(ContextKind::InvalidArg);
    let value = string(ContextKind::InvalidValue);
    let mut text = match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let (arg, value) = (arg?, value?);
            let mut text = if value.is_empty() {
                say("clap-value-required", &[("arg", arg)])
            } else {
                say("clap-invalid-value", &[("arg", arg), ("value", value)])
            };
            // The value parser's own reason (ours, already in Chinese).
            if let Some(source) = std::error::Error::source(e) {
                text += "：";
                text += &source.to_string();
            }
            text + &listed("clap-possible-values", strings(ContextKind::ValidValue))
        }
        ErrorKind::UnknownArgument => say("clap-unknown-argument", &[("arg", arg?)]),
        ErrorKind::InvalidSubcommand => say(
            "clap-unknown-subcommand",
            &[("name", string(ContextKind::InvalidSubcommand)?)],
        ),
        ErrorKind::MissingRequiredArgument => {
            say("clap-missing-required", &[]) + &indented(strings(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => {
            let name = string(ContextKind::InvalidSubcommand)?;
            say("clap-missing-subcommand", &[("name", name)])
                + &listed("clap-subcommands", strings(ContextKind::ValidSubcommand))
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if prior == arg => {
                    say("clap-used-twice", &[("arg", arg)])
                }
                Some(ContextValue::String(prior)) => {
                    say("clap-conflict", &[("arg", arg), ("prior", prior)])
                }
                Some(ContextValue::Strings(prior)) => say(
                    "clap-conflict",
                    &[("arg", arg), ("prior", &prior.join("、"))],
                ),
                _ => say("clap-conflict-others", &[("arg", arg)]),
            }
        }
        ErrorKind::NoEquals => say("clap-no-equals", &[("arg", arg?)]),
        ErrorKind::TooManyValues => {
            say("clap-too-many-values", &[("arg", arg?), ("value", value?)])
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let want = number(ContextKind::ExpectedNumValues)
                .or_else(|| number(ContextKind::MinValues))?;
            let got = number(ContextKind::ActualNumValues)?;
            say(
                "clap-wrong-number-of-values",
                &[("arg", arg?), ("want", &want), ("got", &got)],
            )
        }
        _ => return None,
    };
    let mut tips = Vec::new();
    for (kind, id) in [
        (ContextKind::SuggestedSubcommand, "clap-similar-subcommand"),
        (ContextKind::SuggestedArg, "clap-similar-argument"),
        (ContextKind::SuggestedValue, "clap-similar-value"),
    ] {
        for similar in strings(kind) {
            tips.push(say(id, &[("similar", &similar)]));
        }
    }
    // clap's free-text tips: the one it gives for an unknown `--x` is
    // worded here; any other is kept as clap says it rather than dropped.
    if let Some(ContextValue::StyledStrs(more)) = e.get(ContextKind::Suggested) {
        for tip in more.iter().map(ToString::to_string) {
            let as_value = tip
                .strip_prefix("to pass '")
                .and_then(|rest| rest.split_once("' as a value, use '"))
                .and_then(|(arg, rest)| Some((arg, rest.strip_suffix('\'')?)));
            tips.push(match as_value {
                Some((arg, written)) => {
                    say("clap-pass-as-value", &[("arg", arg), ("written", written)])
                }
                None => say("clap-tip", &[("tip", &tip)]),
            });
        }
    }
    if !tips.is_empty() {
        text += "\n";
        for tip in tips {
            text += "\n  ";
            text += &tip;
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        // clap titles the usage in English ("Usage: …").
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        text += "\n\n";
        text += &say("clap-usage", &[("usage", usage)]);
    }
    text += "\n\n";
    text += &say("clap-more", &[]);
    Some(text)
}
