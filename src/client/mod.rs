//! The WeCom check-in rule API client: gettoken and the five rule endpoints,
//! with the habits a real API needs (docs/api-notes.md).
//!
//! - One token, cached for its `expires_in` and refreshed once on 40014 / 42001.
//! - Retries with exponential backoff and jitter (backon) on -1, 45009, 301070,
//!   HTTP 5xx, timeouts and connection errors, bounded in count and time; never
//!   on 301093 / 301094 or other permanent errors. An `add` whose request may
//!   have reached the server (timeout, dropped connection) is not replayed: the
//!   server answers no groupid, so a replay could create the rule twice;
//!   the caller re-reads and finds it by name instead (D1).
//! - A client-side rate limit per endpoint (governor).
//! - Errors never carry the token or the secret.

pub mod error;
pub mod write;

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};

use backon::{ExponentialBuilder, Retryable};
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::Mutex;

pub use error::ApiError;
use error::{hint, transport_message};
pub use write::Write;

pub const DEFAULT_API_BASE: &str = "https://qyapi.weixin.qq.com";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Endpoint {
    GetToken,
    GetCorpCheckinOption,
    /// getcheckinoption: the rule of given users on a given day.
    GetCheckinOption,
    Add,
    Update,
    Clear,
    Delete,
    /// getcheckinschedulist: who works which shift (the roster), per month.
    GetCheckinScheduList,
    /// setcheckinschedulist: set roster cells of a schedule rule.
    SetCheckinScheduList,
}

impl Endpoint {
    pub const ALL: [Endpoint; 9] = [
        Endpoint::GetToken,
        Endpoint::GetCorpCheckinOption,
        Endpoint::GetCheckinOption,
        Endpoint::Add,
        Endpoint::Update,
        Endpoint::Clear,
        Endpoint::Delete,
        Endpoint::GetCheckinScheduList,
        Endpoint::SetCheckinScheduList,
    ];

    /// The API's own name for it.
    pub fn name(self) -> &'static str {
        match self {
            Endpoint::GetToken => "gettoken",
            Endpoint::GetCorpCheckinOption => "getcorpcheckinoption",
            Endpoint::GetCheckinOption => "getcheckinoption",
            Endpoint::Add => "add_checkin_option",
            Endpoint::Update => "update_checkin_option",
            Endpoint::Clear => "clear_checkin_option_array_field",
            Endpoint::Delete => "del_checkin_option",
            Endpoint::GetCheckinScheduList => "getcheckinschedulist",
            Endpoint::SetCheckinScheduList => "setcheckinschedulist",
        }
    }

    pub fn path(self) -> String {
        match self {
            Endpoint::GetToken => "/cgi-bin/gettoken".into(),
            other => format!("/cgi-bin/checkin/{}", other.name()),
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.name() == name)
    }

    pub fn is_write(self) -> bool {
        matches!(
            self,
            Endpoint::Add
                | Endpoint::Update
                | Endpoint::Clear
                | Endpoint::Delete
                | Endpoint::SetCheckinScheduList
        )
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// By its API name, as in a saved plan's calls: an unknown name fails when
/// the plan is read, before any call is made.
impl serde::Serialize for Endpoint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Endpoint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Endpoint::from_name(&name).ok_or_else(|| {
            serde::de::Error::custom(format!("{name:?} is not an endpoint of the API"))
        })
    }
}

/// An array clear_checkin_option_array_field empties, by its code in `clear_field`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClearField {
    SpeWorkdays = 1,
    SpeOffdays = 2,
    WifimacInfos = 3,
    LocInfos = 4,
}

impl ClearField {
    pub const ALL: [ClearField; 4] = [
        ClearField::SpeWorkdays,
        ClearField::SpeOffdays,
        ClearField::WifimacInfos,
        ClearField::LocInfos,
    ];

    /// The code the API takes.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The rule field it empties.
    pub fn field(self) -> &'static str {
        match self {
            ClearField::SpeWorkdays => "spe_workdays",
            ClearField::SpeOffdays => "spe_offdays",
            ClearField::WifimacInfos => "wifimac_infos",
            ClearField::LocInfos => "loc_infos",
        }
    }

    pub fn from_code(code: u64) -> Option<Self> {
        Self::ALL.into_iter().find(|f| u64::from(f.code()) == code)
    }

    pub fn from_field(field: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.field() == field)
    }
}

/// `url` with any user name and password replaced by `***`, for messages.
pub fn without_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return match url.rsplit_once('@') {
            Some((_, host)) => format!("***@{host}"),
            None => url.to_owned(),
        };
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://***@{host}{}", &rest[end..]),
        None => url.to_owned(),
    }
}

/// How the client gets its token.
#[derive(Clone)]
pub enum Credentials {
    /// corpid + the app's secret: the client calls gettoken itself.
    Corp { corpid: String, corpsecret: String },
    /// A token from the company's own token service; it cannot be refreshed here.
    Token(String),
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Credentials::Corp { corpid, .. } => {
                write!(f, "Corp {{ corpid: {corpid:?}, corpsecret: [redacted] }}")
            }
            Credentials::Token(_) => f.write_str("Token([redacted])"),
        }
    }
}

/// Calls per minute to each write endpoint unless `--write-rate-limit` says
/// otherwise: the limit is not documented.
pub const DEFAULT_WRITE_PER_MINUTE: u32 = 600;

#[derive(Clone, Debug)]
pub struct Config {
    pub base: String,
    pub credentials: Credentials,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// Attempts per call, the first included.
    pub max_attempts: usize,
    /// Upper bound on the time spent waiting between attempts of one call.
    pub max_retry_time: Duration,
    pub min_backoff: Duration,
    /// Calls per minute: getcorpcheckinoption (documented: 60) and each write endpoint (undocumented).
    pub read_per_minute: u32,
    pub write_per_minute: u32,
    /// Calls per minute of getcheckinschedulist and of setcheckinschedulist
    /// (documented: 60 each).
    pub roster_per_minute: u32,
    /// Say each request on stderr (`-v`): endpoint, answer, duration.
    pub log_requests: bool,
}

impl Config {
    pub fn new(base: impl Into<String>, credentials: Credentials) -> Self {
        Config {
            base: base.into(),
            credentials,
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_attempts: 5,
            max_retry_time: Duration::from_secs(60),
            min_backoff: Duration::from_millis(500),
            read_per_minute: 60,
            write_per_minute: DEFAULT_WRITE_PER_MINUTE,
            roster_per_minute: 60,
            log_requests: false,
        }
    }
}

#[derive(Deserialize)]
struct Answer {
    errcode: i64,
    #[serde(default)]
    errmsg: String,
}

#[derive(Deserialize)]
struct TokenAnswer {
    errcode: i64,
    #[serde(default)]
    errmsg: String,
    #[serde(default)]
    access_token: String,
    #[serde(default)]
    expires_in: u64,
}

struct CachedToken {
    token: String,
    valid_until: Instant,
}

pub struct Client {
    config: Config,
    http: reqwest::Client,
    token: Mutex<Option<CachedToken>>,
    limiters: HashMap<Endpoint, DefaultDirectRateLimiter>,
    /// Every token this client has held, to scrub from any message.
    seen_tokens: std::sync::Mutex<Vec<String>>,
}

/// How one attempt ended, before retry policy is applied.
type Attempt = Result<Value, ApiError>;

impl Client {
    pub fn new(config: Config) -> Result<Arc<Self>, ApiError> {
        // reqwest is built without a crypto provider (ring, not aws-lc-rs);
        // an Err means one is already installed, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .user_agent(concat!("wecom-checkin/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                ApiError::Credentials(crate::t!("api-no-http", error = transport_message(&e)))
            })?;
        // Evenly spaced, no burst: "60 per minute" must hold in every sliding
        // minute, which a full-minute burst followed by the steady rate breaks.
        let per_minute = |n: u32| {
            let period = Duration::from_secs(60) / n.max(1);
            Quota::with_period(period)
                .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
                .allow_burst(NonZeroU32::MIN)
        };
        let mut limiters = HashMap::new();
        limiters.insert(
            Endpoint::GetCorpCheckinOption,
            RateLimiter::direct(per_minute(config.read_per_minute)),
        );
        for e in [
            Endpoint::Add,
            Endpoint::Update,
            Endpoint::Clear,
            Endpoint::Delete,
        ] {
            limiters.insert(e, RateLimiter::direct(per_minute(config.write_per_minute)));
        }
        // Both roster endpoints: 60 calls a minute (documented, 000).
        for e in [
            Endpoint::GetCheckinScheduList,
            Endpoint::SetCheckinScheduList,
        ] {
            limiters.insert(e, RateLimiter::direct(per_minute(config.roster_per_minute)));
        }
        let seen = match &config.credentials {
            Credentials::Token(t) => vec![t.clone()],
            Credentials::Corp { .. } => Vec::new(),
        };
        Ok(Arc::new(Client {
            config,
            http,
            token: Mutex::new(None),
            limiters,
            seen_tokens: std::sync::Mutex::new(seen),
        }))
    }

    /// The API's base URL (never with userinfo: such a base is refused first).
    pub fn base(&self) -> &str {
        &self.config.base
    }

    /// The secrets this client knows, for scrubbing.
    fn secrets(&self) -> Vec<String> {
        // A panic elsewhere while the lock was held must not leave the
        // tokens unscrubbed: the list is read whatever the poison.
        let mut s = match self.seen_tokens.lock() {
            Ok(v) => v.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        if let Credentials::Corp { corpsecret, .. } = &self.config.credentials {
            s.push(corpsecret.clone());
        }
        s
    }

    fn scrub(&self, e: ApiError) -> ApiError {
        let secrets = self.secrets();
        e.scrubbed(&secrets.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// getcorpcheckinoption: every rule of the corp, the answer as it came.
    pub async fn get_corp_checkin_option(&self) -> Result<Value, ApiError> {
        self.call(Endpoint::GetCorpCheckinOption, json!({})).await
    }

    pub async fn add_checkin_option(
        &self,
        group: Value,
        effective_now: bool,
    ) -> Result<(), ApiError> {
        self.call(
            Endpoint::Add,
            json!({ "effective_now": effective_now, "group": group }),
        )
        .await
        .map(drop)
    }

    /// `group` must hold `groupid` and the top-level fields to change, each whole (D2).
    pub async fn update_checkin_option(
        &self,
        group: Value,
        effective_now: bool,
    ) -> Result<(), ApiError> {
        self.call(
            Endpoint::Update,
            json!({ "effective_now": effective_now, "group": group }),
        )
        .await
        .map(drop)
    }

    /// `clear_field`: 1 spe_workdays, 2 spe_offdays, 3 wifimac_infos, 4 loc_infos.
    pub async fn clear_checkin_option_array_field(
        &self,
        groupid: i64,
        clear_field: &[u8],
        effective_now: bool,
    ) -> Result<(), ApiError> {
        let body = json!({ "groupid": groupid, "clear_field": clear_field, "effective_now": effective_now });
        self.call(Endpoint::Clear, body).await.map(drop)
    }

    pub async fn del_checkin_option(
        &self,
        groupid: i64,
        effective_now: bool,
    ) -> Result<(), ApiError> {
        self.call(
            Endpoint::Delete,
            json!({ "groupid": groupid, "effective_now": effective_now }),
        )
        .await
        .map(drop)
    }

    /// A typed write, as planned.
    pub async fn write(&self, write: &Write) -> Result<Value, ApiError> {
        self.call(write.endpoint(), write.body()).await
    }

    /// getcheckinschedulist: the rosters of up to 100 people (none: of
    /// everyone) between two times at most a month apart, the answer as it came.
    pub async fn get_checkin_schedule_list(
        &self,
        starttime: i64,
        endtime: i64,
        useridlist: &[String],
    ) -> Result<Value, ApiError> {
        // No people: the key is left out (optional in 000: everyone's roster).
        let mut body = json!({ "starttime": starttime, "endtime": endtime });
        if !useridlist.is_empty() {
            body["useridlist"] = json!(useridlist);
        }
        self.call(Endpoint::GetCheckinScheduList, body).await
    }

    /// Exponential backoff with jitter, bounded in attempts and in total delay.
    fn backoff(&self) -> ExponentialBuilder {
        ExponentialBuilder::default()
            .with_min_delay(self.config.min_backoff)
            .with_max_delay(Duration::from_secs(10))
            .with_max_times(self.config.max_attempts.saturating_sub(1))
            .with_total_delay(Some(self.config.max_retry_time))
            .with_jitter()
    }

    /// One API call with retries; the returned error is scrubbed. Each retry
    /// is said on stderr (what failed, attempt n of N, the wait): silence
    /// while retrying looks like a hang.
    pub async fn call(&self, endpoint: Endpoint, body: Value) -> Result<Value, ApiError> {
        let started = Instant::now();
        let tries = std::sync::atomic::AtomicUsize::new(1);
        let attempt = || async { self.attempt(endpoint, &body).await };
        attempt
            .retry(self.backoff())
            .notify(|e: &ApiError, wait: Duration| {
                let n = tries.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let e = self.scrub(e.clone()).to_string();
                let first_line = e.lines().next().unwrap_or_default();
                eprintln!(
                    "{}",
                    crate::t!(
                        "api-retrying",
                        endpoint = endpoint.to_string(),
                        n = n,
                        of = self.config.max_attempts,
                        error = first_line,
                        wait = format!("{:.1}", wait.as_secs_f64())
                    )
                );
            })
            .when(|e: &ApiError| {
                // add and delete are not idempotent: when one may have been
                // applied, replaying it blindly could add a rule twice or
                // report a done delete as failed. The caller re-reads and decides.
                let replay_unsafe =
                    matches!(endpoint, Endpoint::Add | Endpoint::Delete) && e.outcome_unknown();
                e.is_retryable() && !replay_unsafe && started.elapsed() < self.config.max_retry_time
            })
            .await
            .map_err(|e| self.scrub(e))
    }

    async fn attempt(&self, endpoint: Endpoint, body: &Value) -> Attempt {
        if let Some(limiter) = self.limiters.get(&endpoint) {
            limiter.until_ready().await;
        }
        let token = self.token().await?;
        let answer = self.post(endpoint, &token, body).await?;
        match answer.1 {
            40014 | 42001 if matches!(self.config.credentials, Credentials::Corp { .. }) => {
                // The cached token died early (revoked, clock skew): refresh once and resend.
                self.forget_token(&token).await;
                let token = self.token().await?;
                let again = self.post(endpoint, &token, body).await?;
                self.finish(endpoint, again)
            }
            _ => self.finish(endpoint, answer),
        }
    }

    fn finish(
        &self,
        endpoint: Endpoint,
        (value, errcode, errmsg): (Value, i64, String),
    ) -> Attempt {
        if errcode == 0 {
            Ok(value)
        } else {
            Err(ApiError::Api {
                endpoint,
                errcode,
                errmsg,
                hint: hint(endpoint, errcode),
            })
        }
    }

    async fn post(
        &self,
        endpoint: Endpoint,
        token: &str,
        body: &Value,
    ) -> Result<(Value, i64, String), ApiError> {
        let url = format!(
            "{}{}",
            self.config.base.trim_end_matches('/'),
            endpoint.path()
        );
        let sent = Instant::now();
        let answer = async {
            let response = self
                .http
                .post(&url)
                .query(&[("access_token", token)])
                .json(body)
                .send()
                .await
                .map_err(|e| transport(endpoint, &e))?;
            read_answer(endpoint, response).await
        }
        .await;
        self.log_request(endpoint, sent, &answer);
        answer
    }

    /// `-v`: one line per request, from what the tool itself knows (the
    /// endpoint's name, the errcode or HTTP status, a scrubbed error), so no
    /// token, secret or URL can reach it.
    fn log_request(
        &self,
        endpoint: Endpoint,
        sent: Instant,
        answer: &Result<(Value, i64, String), ApiError>,
    ) {
        if !self.config.log_requests {
            return;
        }
        let outcome = match answer {
            Ok((_, errcode, _)) => format!("errcode {errcode}"),
            Err(ApiError::Http { status, .. }) => format!("HTTP {status}"),
            Err(e) => {
                let e = self.scrub(e.clone()).to_string();
                let first = e.lines().next().unwrap_or_default().to_owned();
                crate::t!(
                    "api-log-unusable",
                    error = crate::escape::text(&first).as_ref()
                )
            }
        };
        let ms = sent.elapsed().as_millis().to_string();
        eprintln!(
            "{}",
            crate::t!(
                "api-log-request",
                endpoint = endpoint.to_string(),
                outcome = outcome,
                ms = ms
            )
        );
    }

    async fn forget_token(&self, token: &str) {
        let mut cached = self.token.lock().await;
        if cached.as_ref().is_some_and(|c| c.token == token) {
            *cached = None;
        }
    }

    /// The cached token, or a fresh one from gettoken.
    async fn token(&self) -> Result<String, ApiError> {
        let (corpid, corpsecret) = match &self.config.credentials {
            Credentials::Token(t) => return Ok(t.clone()),
            Credentials::Corp { corpid, corpsecret } => (corpid, corpsecret),
        };
        let mut cached = self.token.lock().await;
        if let Some(c) = cached.as_ref().filter(|c| Instant::now() < c.valid_until) {
            return Ok(c.token.clone());
        }
        let url = format!(
            "{}{}",
            self.config.base.trim_end_matches('/'),
            Endpoint::GetToken.path()
        );
        let fetch = || async {
            let sent = Instant::now();
            let answer = async {
                let response = self
                    .http
                    .get(&url)
                    .query(&[
                        ("corpid", corpid.as_str()),
                        ("corpsecret", corpsecret.as_str()),
                    ])
                    .send()
                    .await
                    .map_err(|e| transport(Endpoint::GetToken, &e))?;
                read_answer(Endpoint::GetToken, response).await
            }
            .await;
            self.log_request(Endpoint::GetToken, sent, &answer);
            let (value, errcode, errmsg) = answer?;
            if errcode != 0 {
                return Err(ApiError::Api {
                    endpoint: Endpoint::GetToken,
                    errcode,
                    errmsg,
                    hint: hint(Endpoint::GetToken, errcode),
                });
            }
            serde_json::from_value::<TokenAnswer>(value).map_err(|e| ApiError::Decode {
                endpoint: Endpoint::GetToken,
                message: e.to_string(),
            })
        };
        // One try: the call that needs the token retries as a whole, so a
        // call's attempts (gettoken included) stay within one budget.
        let answer = fetch().await?;
        if answer.errcode != 0 || answer.access_token.is_empty() {
            return Err(ApiError::Decode {
                endpoint: Endpoint::GetToken,
                message: crate::t!(
                    "api-no-token",
                    errcode = answer.errcode,
                    errmsg = answer.errmsg.as_str()
                ),
            });
        }
        if let Ok(mut seen) = self.seen_tokens.lock() {
            seen.push(answer.access_token.clone());
        }
        // Refresh a minute early (half-way for short-lived tokens), so a token
        // never expires between the check and its use.
        // A token lives 7200 s (README of the API documents); an absurd
        // answer (up to 2^64 − 1) is held for a day at most, never overflows.
        let secs = answer.expires_in.clamp(1, 86_400);
        let ttl = Duration::from_secs(if secs > 120 {
            secs - 60
        } else {
            secs.div_ceil(2)
        });
        *cached = Some(CachedToken {
            token: answer.access_token.clone(),
            valid_until: Instant::now() + ttl,
        });
        Ok(answer.access_token)
    }
}

/// A transport error; its message is built from the error's kind and causes,
/// never from its Display, which carries the URL (and so the access_token).
fn transport(endpoint: Endpoint, e: &reqwest::Error) -> ApiError {
    ApiError::Transport {
        endpoint,
        message: transport_message(e),
        maybe_sent: !e.is_connect(),
    }
}

/// The answer's JSON, errcode and errmsg; HTTP errors and non-JSON become errors.
async fn read_answer(
    endpoint: Endpoint,
    response: reqwest::Response,
) -> Result<(Value, i64, String), ApiError> {
    let status = response.status();
    if !status.is_success() {
        return Err(ApiError::Http {
            endpoint,
            status: status.as_u16(),
        });
    }
    let bytes = response
        .bytes()
        .await
        .map_err(|e| transport(endpoint, &e))?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| ApiError::Decode {
        endpoint,
        message: crate::t!("api-not-json", error = e.to_string()),
    })?;
    let answer: Answer = serde_json::from_value(value.clone()).map_err(|e| ApiError::Decode {
        endpoint,
        message: crate::t!("api-no-errcode", error = e.to_string()),
    })?;
    Ok((value, answer.errcode, answer.errmsg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_fields_are_the_entry_lists_in_code_order() {
        let fields: Vec<&str> = ClearField::ALL.iter().map(|f| f.field()).collect();
        assert_eq!(fields, crate::model::fields::ENTRY_LISTS);
        let codes: Vec<u8> = ClearField::ALL.iter().map(|f| f.code()).collect();
        assert_eq!(codes, [1, 2, 3, 4]);
        assert_eq!(ClearField::from_code(5), None);
    }

    #[test]
    fn an_unknown_endpoint_fails_when_read() {
        let e: Endpoint = serde_json::from_value(serde_json::json!("del_checkin_option")).unwrap();
        assert_eq!(e, Endpoint::Delete);
        let err = serde_json::from_value::<Endpoint>(serde_json::json!("drop_everything\u{1b}[2J"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            r#""drop_everything\u{1b}[2J" is not an endpoint of the API"#
        );
    }
}
