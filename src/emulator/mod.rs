//! A local emulator of the WeCom check-in rule API, over real HTTP, for tests,
//! CI and people trying the tool without a corp (`wecom-checkin emulate`).
//!
//! It serves gettoken and the five rule endpoints in the API's wire format,
//! keeps rules in memory (seeded from a getcorpcheckinoption answer), checks
//! writes with the project's validator, remembers which app made each rule,
//! expires tokens, and can be told to misbehave: the next N calls of an
//! endpoint answer -1, 45009, HTTP 500, slowly, or drop the connection.
//!
//! Admin endpoints for tests (not part of the WeCom API):
//! `POST /admin/faults {"endpoint","fault","count"}`, `GET /admin/calls`,
//! `GET /admin/call-times/ENDPOINT` (arrival of each call, ms since start),
//! `POST /admin/expire-tokens`.

pub mod directory;
pub mod rosters;
pub mod rules;
pub mod shape;

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::client::Endpoint;
use rules::{Answer, Owner, Store};
pub use shape::ReadShape;

#[derive(Clone, Debug)]
pub struct Config {
    pub corpid: String,
    /// The secrets of the apps that may call; each is one app (rule ownership).
    pub secrets: Vec<String>,
    pub token_ttl: Duration,
    pub read_shape: ReadShape,
    /// Calls per minute per endpoint; over it the emulator answers 45009.
    pub rate_limits: HashMap<Endpoint, u32>,
    /// Write the state here (as a getcorpcheckinoption answer) after each change.
    pub save: Option<PathBuf>,
    /// "Now" for the validator's future-date check (default: the real time).
    pub now: Option<i64>,
    /// Who is in which department and tag, for getcheckinoption.
    pub directory: directory::Directory,
    /// Items one setcheckinschedulist call may carry (not documented).
    pub max_schedule_items: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            corpid: "emulator-corp".into(),
            secrets: vec!["emulator-secret".into()],
            token_ttl: Duration::from_secs(7200),
            read_shape: ReadShape::Modern,
            // The three limits the documents state (000: 60次/分钟).
            rate_limits: HashMap::from([
                (Endpoint::GetCorpCheckinOption, 60),
                (Endpoint::GetCheckinScheduList, 60),
                (Endpoint::SetCheckinScheduList, 60),
            ]),
            save: None,
            now: None,
            directory: directory::Directory::default(),
            max_schedule_items: rosters::DEFAULT_MAX_ITEMS,
        }
    }
}

/// A misbehaviour for the next calls of an endpoint.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    Errcode(i64),
    Http(u16),
    Slow(Duration),
    Drop,
    /// The write is applied, then the answer is lost as `.0` says (an HTTP
    /// status or a dropped connection): a gateway failing after WeCom applied it.
    After(Box<Fault>),
    /// The write is acknowledged (errcode 0) and not applied.
    Ignore,
}

impl Fault {
    /// `-1`, `45009`, `301070` (errcodes), `http500`, `slow:1500` (ms), `drop`,
    /// `after:http502` / `after:drop` (applied, then the answer is lost),
    /// `ignore` (acknowledged, not applied).
    pub fn parse(s: &str) -> Option<Fault> {
        if s == "drop" {
            return Some(Fault::Drop);
        }
        if s == "ignore" {
            return Some(Fault::Ignore);
        }
        if let Some(inner) = s.strip_prefix("after:") {
            return match Fault::parse(inner)? {
                f @ (Fault::Http(_) | Fault::Drop) => Some(Fault::After(Box::new(f))),
                _ => None,
            };
        }
        if let Some(code) = s.strip_prefix("http") {
            return code.parse().ok().map(Fault::Http);
        }
        if let Some(ms) = s.strip_prefix("slow:") {
            return ms
                .parse()
                .ok()
                .map(|ms| Fault::Slow(Duration::from_millis(ms)));
        }
        s.parse().ok().map(Fault::Errcode)
    }
}

struct Token {
    app: usize,
    expires: Instant,
}

struct Inner {
    config: Config,
    store: Store,
    rosters: rosters::Rosters,
    tokens: HashMap<String, Token>,
    faults: HashMap<Endpoint, VecDeque<Fault>>,
    /// When each call arrived, per endpoint (faulted calls included).
    calls: HashMap<Endpoint, Vec<Instant>>,
    /// Writes that changed the state, per endpoint.
    applied: HashMap<Endpoint, usize>,
    /// Each write that changed the state, in order: (endpoint, groupid).
    applied_log: Vec<(Endpoint, i64)>,
    started: Instant,
    token_seq: u64,
}

#[derive(Clone)]
pub struct Emulator {
    inner: Arc<Mutex<Inner>>,
}

impl Emulator {
    pub fn new(config: Config) -> Self {
        let store = Store::new(config.now);
        Emulator {
            inner: Arc::new(Mutex::new(Inner {
                config,
                store,
                rosters: rosters::Rosters::default(),
                tokens: HashMap::new(),
                faults: HashMap::new(),
                calls: HashMap::new(),
                applied: HashMap::new(),
                applied_log: Vec::new(),
                started: Instant::now(),
                token_seq: 0,
            })),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A poisoned lock only means a handler panicked mid-request; the state is still usable.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Seeds rules from a getcorpcheckinoption answer, owned by the first app or made in the console.
    pub fn seed(&self, answer: &Value, console: bool) -> Result<usize, String> {
        let rules = crate::live::parse_answer(answer)?;
        let n = rules.len();
        self.lock().store.seed(
            rules,
            if console {
                Owner::Console
            } else {
                Owner::App(0)
            },
        );
        Ok(n)
    }

    /// Seeds rosters from a getcheckinschedulist answer (`schedule_list[]`);
    /// returns the number of cells.
    pub fn seed_rosters(&self, answer: &Value) -> Result<usize, String> {
        let mut n = 0;
        let mut inner = self.lock();
        for e in answer["schedule_list"]
            .as_array()
            .ok_or("no schedule_list")?
        {
            let (Some(userid), Some(groupid), Some(ym)) = (
                e["userid"].as_str(),
                e["groupid"].as_i64(),
                e["yearmonth"].as_u64().and_then(|v| u32::try_from(v).ok()),
            ) else {
                return Err(format!(
                    "a schedule_list entry lacks userid, groupid or yearmonth: {e}"
                ));
            };
            for d in e["schedule"]["scheduleList"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let day = d["day"]
                    .as_u64()
                    .filter(|d| (1..=31).contains(d))
                    .ok_or("a day is not 1 to 31")?;
                let id = d["schedule_info"]["schedule_id"]
                    .as_i64()
                    .ok_or("a day has no schedule_id")?;
                inner.rosters.put(groupid, ym, userid, day as u8, id);
                n += 1;
            }
        }
        Ok(n)
    }

    /// Sets a roster cell as the admin console would (no call is counted).
    pub fn put_roster(
        &self,
        groupid: i64,
        yearmonth: u32,
        userid: &str,
        day: u8,
        schedule_id: i64,
    ) {
        self.lock()
            .rosters
            .put(groupid, yearmonth, userid, day, schedule_id);
    }

    /// The groupid of the rule named `groupname`, if there is one.
    pub fn groupid_of(&self, groupname: &str) -> Option<i64> {
        self.lock()
            .store
            .rules
            .iter()
            .find(|(_, r)| r.rule.groupname.as_deref() == Some(groupname))
            .map(|(id, _)| *id)
    }

    pub fn inject(&self, endpoint: Endpoint, fault: Fault, count: usize) {
        let mut inner = self.lock();
        let queue = inner.faults.entry(endpoint).or_default();
        queue.extend(std::iter::repeat_n(fault, count));
    }

    /// Calls received per endpoint so far.
    pub fn call_counts(&self) -> HashMap<Endpoint, usize> {
        self.lock()
            .calls
            .iter()
            .map(|(e, v)| (*e, v.len()))
            .collect()
    }

    /// Writes that succeeded (changed the state) per endpoint so far.
    pub fn applied_counts(&self) -> HashMap<Endpoint, usize> {
        self.lock().applied.clone()
    }

    /// Arrival times of an endpoint's calls, as offsets from the start.
    /// Each write that changed the state, in order: (endpoint, groupid; for an add, the new one).
    pub fn applied_log(&self) -> Vec<(Endpoint, i64)> {
        self.lock().applied_log.clone()
    }

    pub fn call_times(&self, endpoint: Endpoint) -> Vec<Duration> {
        let inner = self.lock();
        inner
            .calls
            .get(&endpoint)
            .map(|v| v.iter().map(|t| t.duration_since(inner.started)).collect())
            .unwrap_or_default()
    }

    pub fn expire_tokens(&self) {
        for t in self.lock().tokens.values_mut() {
            t.expires = Instant::now();
        }
    }

    /// The state as a getcorpcheckinoption answer.
    pub fn answer(&self) -> Value {
        let inner = self.lock();
        answer_of(&inner)
    }

    pub fn router(&self) -> Router {
        Router::new()
            .route("/cgi-bin/gettoken", get(gettoken))
            .route("/cgi-bin/checkin/{name}", post(checkin))
            .route("/admin/faults", post(admin_faults))
            .route("/admin/calls", get(admin_calls))
            .route("/admin/call-times/{name}", get(admin_call_times))
            .route("/admin/expire-tokens", post(admin_expire))
            .with_state(self.clone())
    }

    /// Serves on `addr` until `shutdown` resolves; returns the bound address through `bound`.
    pub async fn serve(
        self,
        listener: tokio::net::TcpListener,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(listener, self.router())
            .with_graceful_shutdown(shutdown)
            .await
    }

    /// Starts on 127.0.0.1 with a free port, in the background of the current runtime.
    pub async fn spawn(self) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let handle = tokio::spawn(async move {
            let _ = self.serve(listener, std::future::pending()).await;
        });
        Ok((addr, handle))
    }
}

fn answer_of(inner: &Inner) -> Value {
    let groups: Vec<Value> = inner
        .store
        .rules
        .values()
        .map(|r| shape::render(r, inner.config.read_shape))
        .collect();
    json!({ "errcode": 0, "errmsg": "ok", "group": groups })
}

/// getcheckinoption: `{"datetime", "useridlist"}` → `info[]` of `{userid,
/// group}` for each listed person some rule applies to (001: at most 100
/// users a call). The rule is chosen from the directory (directory.rs); people
/// no rule applies to are left out of `info` (an emulator choice).
fn checkin_option_of(inner: &Inner, body: &Value) -> Value {
    let bad = |what: &str| json!({ "errcode": 40058, "errmsg": format!("invalid Request Parameter: {what}") });
    if body.get("datetime").and_then(Value::as_i64).is_none() {
        return bad("datetime is required");
    }
    let Some(users) = body.get("useridlist").and_then(Value::as_array) else {
        return bad("useridlist is required");
    };
    if users.is_empty() || users.len() > 100 {
        return bad("useridlist takes 1 to 100 users");
    }
    let rules = || inner.store.rules.iter().map(|(id, r)| (*id, &r.rule));
    let info: Vec<Value> = users
        .iter()
        .filter_map(Value::as_str)
        .filter_map(|userid| {
            let groupid = inner.config.directory.rule_of(userid, rules())?;
            let stored = inner.store.rules.get(&groupid)?;
            Some(json!({ "userid": userid, "group": shape::render_for_user(stored, inner.config.read_shape) }))
        })
        .collect();
    json!({ "errcode": 0, "errmsg": "ok", "info": info })
}

fn wecom(answer: &Answer) -> Response {
    Json(answer.to_json()).into_response()
}

/// What a queued fault does to a call that passed `arrive`.
enum Late {
    /// Answer as if applied, apply nothing.
    Ignore,
    /// Apply, then answer with this instead.
    Lose(Fault),
}

/// Records the call, then plays a queued fault if there is one: a fault that
/// strikes before the call is answered here; one that strikes after the write
/// (or instead of it) is handed back.
async fn arrive(emu: &Emulator, endpoint: Endpoint) -> Result<Option<Late>, Response> {
    let fault = {
        let mut inner = emu.lock();
        inner
            .calls
            .entry(endpoint)
            .or_default()
            .push(Instant::now());
        inner
            .faults
            .get_mut(&endpoint)
            .and_then(VecDeque::pop_front)
    };
    let Some(fault) = fault else { return Ok(None) };
    match fault {
        Fault::Ignore => Ok(Some(Late::Ignore)),
        Fault::After(f) => Ok(Some(Late::Lose(*f))),
        f => match answer_fault(f).await {
            Some(r) => Err(r),
            None => Ok(None),
        },
    }
}

/// The answer a fault gives, or None when the call proceeds (slow).
async fn answer_fault(fault: Fault) -> Option<Response> {
    match fault {
        Fault::Ignore | Fault::After(_) => None,
        Fault::Errcode(code) => {
            let errmsg = match code {
                -1 => "system busy",
                45009 => "api freq out of limit",
                _ => "system error",
            };
            Some(Json(json!({ "errcode": code, "errmsg": errmsg })).into_response())
        }
        Fault::Http(status) => Some(
            (
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                "emulated failure",
            )
                .into_response(),
        ),
        Fault::Slow(d) => {
            tokio::time::sleep(d).await;
            None
        }
        Fault::Drop => {
            // Headers go out, then the body fails: the client sees the connection die mid-answer.
            let stream = futures_util::stream::once(async {
                Err::<axum::body::Bytes, std::io::Error>(std::io::Error::other("dropped"))
            });
            Some(Response::new(Body::from_stream(stream)))
        }
    }
}

#[derive(Deserialize)]
struct TokenQuery {
    corpid: Option<String>,
    corpsecret: Option<String>,
}

async fn gettoken(State(emu): State<Emulator>, Query(q): Query<TokenQuery>) -> Response {
    if let Err(r) = arrive(&emu, Endpoint::GetToken).await {
        return r;
    }
    let mut inner = emu.lock();
    if q.corpid.as_deref() != Some(inner.config.corpid.as_str()) {
        return Json(json!({ "errcode": 40013, "errmsg": "invalid corpid" })).into_response();
    }
    let Some(app) = q
        .corpsecret
        .as_ref()
        .and_then(|s| inner.config.secrets.iter().position(|x| x == s))
    else {
        return Json(json!({ "errcode": 40001, "errmsg": "invalid credential, access_token is invalid or not latest" })).into_response();
    };
    inner.token_seq += 1;
    let token = format!(
        "emu-token-{}-{:x}",
        inner.token_seq,
        inner.started.elapsed().as_nanos()
    );
    let ttl = inner.config.token_ttl;
    inner.tokens.insert(
        token.clone(),
        Token {
            app,
            // Any --token-ttl is taken; one past what Instant can hold never expires.
            expires: Instant::now()
                .checked_add(ttl)
                .unwrap_or_else(|| Instant::now() + Duration::from_secs(100 * 365 * 86_400)),
        },
    );
    Json(json!({ "errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": ttl.as_secs().max(1) })).into_response()
}

#[derive(Deserialize)]
struct TokenParam {
    access_token: Option<String>,
}

async fn checkin(
    State(emu): State<Emulator>,
    Path(name): Path<String>,
    Query(q): Query<TokenParam>,
    body: axum::body::Bytes,
) -> Response {
    let Some(endpoint) = Endpoint::from_name(&name).filter(|e| *e != Endpoint::GetToken) else {
        return (StatusCode::NOT_FOUND, "no such endpoint").into_response();
    };
    let late = match arrive(&emu, endpoint).await {
        Ok(late) => late,
        Err(r) => return r,
    };
    let answer = {
        let mut inner = emu.lock();
        serve(&mut inner, endpoint, q, &body, late.as_ref())
    };
    match late {
        Some(Late::Lose(fault)) if endpoint.is_write() => {
            answer_fault(fault).await.unwrap_or(answer)
        }
        _ => answer,
    }
}

/// One call, past the faults that strike before it.
fn serve(
    inner: &mut Inner,
    endpoint: Endpoint,
    q: TokenParam,
    body: &[u8],
    late: Option<&Late>,
) -> Response {
    let app = match q.access_token.as_ref().and_then(|t| inner.tokens.get(t)) {
        None => {
            return wecom(&Answer {
                errcode: 40014,
                errmsg: "invalid access_token".into(),
            });
        }
        Some(t) if Instant::now() >= t.expires => {
            return wecom(&Answer {
                errcode: 42001,
                errmsg: "access_token expired".into(),
            });
        }
        Some(t) => t.app,
    };
    if let Some(limit) = inner.config.rate_limits.get(&endpoint).copied() {
        let window = Instant::now().checked_sub(Duration::from_secs(60));
        let recent = inner.calls.get(&endpoint).map_or(0, |v| {
            v.iter().filter(|t| window.is_none_or(|w| **t > w)).count()
        });
        if recent > limit as usize {
            return wecom(&Answer {
                errcode: 45009,
                errmsg: "api freq out of limit".into(),
            });
        }
    }
    // An empty body reads as `{}`: the documented body of getcorpcheckinoption
    // is `{}`, and SDKs (wechatpy) send nothing at all.
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    let body: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(_) => {
            return wecom(&Answer {
                errcode: 47001,
                errmsg: "data format error".into(),
            });
        }
    };
    if matches!(late, Some(Late::Ignore)) && endpoint.is_write() {
        return wecom(&Answer::ok());
    }
    let answer = match endpoint {
        Endpoint::GetCorpCheckinOption => return Json(answer_of(inner)).into_response(),
        Endpoint::GetCheckinOption => {
            return Json(checkin_option_of(inner, &body)).into_response();
        }
        Endpoint::Add => inner.store.add(&body, app),
        Endpoint::Update => inner.store.update(&body, app),
        Endpoint::Clear => inner.store.clear(&body, app),
        Endpoint::Delete => inner.store.delete(&body, app),
        Endpoint::GetCheckinScheduList => {
            let directory = &inner.config.directory;
            let known = |u: &str| {
                directory.users.is_empty() || directory.users.iter().any(|x| x.userid == u)
            };
            return Json(inner.rosters.get(&inner.store, known, &body)).into_response();
        }
        Endpoint::SetCheckinScheduList => {
            let max = inner.config.max_schedule_items;
            inner.rosters.set(&inner.store, max, &body)
        }
        Endpoint::GetToken => unreachable!("routed to gettoken"),
    };
    if answer.errcode == 0 {
        *inner.applied.entry(endpoint).or_default() += 1;
        let groupid = match endpoint {
            Endpoint::Add => inner.store.rules.keys().max().copied(),
            _ => body
                .get("groupid")
                .or_else(|| body.get("group").and_then(|g| g.get("groupid")))
                .and_then(Value::as_i64),
        };
        inner
            .applied_log
            .push((endpoint, groupid.unwrap_or_default()));
    }
    if answer.errcode == 0
        && let Some(path) = inner.config.save.clone()
    {
        let text = serde_json::to_string_pretty(&answer_of(inner)).unwrap_or_default();
        if let Err(e) = crate::atomic::write(&path, text + "\n") {
            let path = path.display().to_string();
            let said = crate::t!("emu-cannot-save", path = path, error = e.to_string());
            eprintln!("{said}");
        }
    }
    wecom(&answer)
}

#[derive(Deserialize)]
struct FaultRequest {
    endpoint: String,
    fault: String,
    #[serde(default = "one")]
    count: usize,
}

fn one() -> usize {
    1
}

async fn admin_faults(State(emu): State<Emulator>, Json(req): Json<FaultRequest>) -> Response {
    match (Endpoint::from_name(&req.endpoint), Fault::parse(&req.fault)) {
        (Some(e), Some(f)) => {
            emu.inject(e, f, req.count);
            Json(json!({ "ok": true })).into_response()
        }
        _ => (StatusCode::BAD_REQUEST, "unknown endpoint or fault").into_response(),
    }
}

async fn admin_calls(State(emu): State<Emulator>) -> Response {
    let counts: serde_json::Map<String, Value> = emu
        .call_counts()
        .into_iter()
        .map(|(e, n)| (e.name().to_owned(), json!(n)))
        .collect();
    Json(Value::Object(counts)).into_response()
}

/// When each call of an endpoint arrived, in ms since the emulator started.
async fn admin_call_times(State(emu): State<Emulator>, Path(name): Path<String>) -> Response {
    match Endpoint::from_name(&name) {
        Some(e) => {
            let ms: Vec<u128> = emu.call_times(e).iter().map(Duration::as_millis).collect();
            Json(json!(ms)).into_response()
        }
        None => (StatusCode::NOT_FOUND, "no such endpoint").into_response(),
    }
}

async fn admin_expire(State(emu): State<Emulator>) -> Response {
    emu.expire_tokens();
    Json(json!({ "ok": true })).into_response()
}
