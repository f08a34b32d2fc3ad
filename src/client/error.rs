//! What can go wrong talking to the API, as a typed error that carries a hint
//! and never a secret: reqwest's errors carry the URL, whose query string holds
//! the access_token, so every message is built from `without_url()` and then
//! scrubbed of the token and the corp secret.

use std::fmt;

use super::Endpoint;
use crate::t;

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with a non-zero errcode.
    Api {
        endpoint: Endpoint,
        errcode: i64,
        errmsg: String,
        hint: Option<String>,
    },
    /// An HTTP status other than 200.
    Http { endpoint: Endpoint, status: u16 },
    /// Timeout, refused or dropped connection, TLS … (message already scrubbed).
    Transport {
        endpoint: Endpoint,
        message: String,
        /// Whether the request may have reached the server (a timeout or a
        /// dropped connection) rather than surely not (connect refused).
        maybe_sent: bool,
    },
    /// The answer was not the JSON we expect.
    Decode { endpoint: Endpoint, message: String },
    /// No usable credentials.
    Credentials(String),
}

impl ApiError {
    /// Worth another try: the server said "busy" or "too fast", or the network failed.
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::Api { errcode, .. } => matches!(errcode, -1 | 45009 | 301070),
            ApiError::Http { status, .. } => *status >= 500,
            ApiError::Transport { .. } => true,
            ApiError::Decode { .. } | ApiError::Credentials(_) => false,
        }
    }

    /// The request may have reached WeCom and been applied although no answer
    /// says so: a timeout or a dropped connection after sending, any HTTP 5xx
    /// (a gateway between us and WeCom may answer it after forwarding the
    /// request), or an answer that could not be read. An errcode answered, or
    /// a connection refused before sending, means "not applied".
    pub fn outcome_unknown(&self) -> bool {
        match self {
            ApiError::Transport { maybe_sent, .. } => *maybe_sent,
            ApiError::Http { status, .. } => *status >= 500,
            ApiError::Decode { .. } => true,
            ApiError::Api { .. } | ApiError::Credentials(_) => false,
        }
    }

    pub fn errcode(&self) -> Option<i64> {
        match self {
            ApiError::Api { errcode, .. } => Some(*errcode),
            _ => None,
        }
    }

    /// Removes every occurrence of the given secrets from the messages.
    pub fn scrubbed(mut self, secrets: &[&str]) -> Self {
        let scrub = |s: &mut String| {
            for secret in secrets.iter().filter(|s| s.len() >= 4) {
                *s = s.replace(secret, "[redacted]");
            }
        };
        match &mut self {
            ApiError::Api { errmsg, hint, .. } => {
                scrub(errmsg);
                if let Some(h) = hint {
                    scrub(h);
                }
            }
            ApiError::Transport { message, .. }
            | ApiError::Decode { message, .. }
            | ApiError::Credentials(message) => scrub(message),
            ApiError::Http { .. } => {}
        }
        self
    }
}

/// What to do about the common errcodes.
pub fn hint(endpoint: Endpoint, errcode: i64) -> Option<String> {
    let writes_existing = matches!(
        endpoint,
        Endpoint::Update | Endpoint::Clear | Endpoint::Delete
    );
    let id = match errcode {
        40001 | 40013 | 40091 => "hint-credentials",
        40014 | 42001 => "hint-token",
        60020 => "hint-ip",
        48002 | 60011 if writes_existing => "hint-not-creator",
        48002 | 60011 => "hint-permission",
        301093 | 301094 => "hint-content",
        45009 => {
            // The flag that paces this endpoint (write rates are apply's only).
            let flag = match endpoint {
                Endpoint::Add | Endpoint::Update | Endpoint::Clear | Endpoint::Delete => {
                    "apply's --write-rate-limit"
                }
                Endpoint::GetCheckinScheduList | Endpoint::SetCheckinScheduList => {
                    "--roster-rate-limit"
                }
                _ => "--read-rate-limit",
            };
            return Some(t!("hint-rate-limit", flag = flag));
        }
        -1 | 301070 => "hint-busy",
        _ => return None,
    };
    Some(t!(id))
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ApiError::Api {
                endpoint,
                errcode,
                errmsg,
                hint,
            } => {
                write!(f, "{endpoint}: errcode {errcode}: {errmsg}")?;
                if let Some(h) = hint {
                    write!(f, "\n  {}", t!("api-error-help", hint = h.as_str()))?;
                }
                Ok(())
            }
            ApiError::Http { endpoint, status } => {
                let status = usize::from(*status);
                write!(f, "{endpoint}: {}", t!("api-http-status", status = status))
            }
            ApiError::Transport {
                endpoint, message, ..
            } => write!(f, "{endpoint}: {message}"),
            ApiError::Decode { endpoint, message } => {
                let message = message.as_str();
                write!(f, "{endpoint}: {}", t!("api-unexpected", message = message))
            }
            ApiError::Credentials(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ApiError {}

/// A transport error's message without its URL, with its causes.
pub fn transport_message(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "api-timed-out"
    } else if e.is_connect() {
        "api-could-not-connect"
    } else {
        "api-request-failed"
    };
    let mut message = t!(kind);
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message += &format!(": {text}");
        }
        source = cause.source();
    }
    if message.contains("InvalidContentType") || message.contains("corrupt message") {
        message += &t!("api-https-to-http");
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rate-limit hint names a flag the command that hit it has.
    #[test]
    fn the_rate_limit_hint_names_the_flag_of_the_endpoint() {
        let flag = |e| hint(e, 45009).unwrap();
        assert!(flag(Endpoint::Add).contains("apply's --write-rate-limit"));
        assert!(flag(Endpoint::Delete).contains("apply's --write-rate-limit"));
        assert!(flag(Endpoint::GetCorpCheckinOption).contains("lower --read-rate-limit"));
        assert!(flag(Endpoint::SetCheckinScheduList).contains("lower --roster-rate-limit"));
    }
}
