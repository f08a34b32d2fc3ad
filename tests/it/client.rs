//! The client against the emulator, over real HTTP on loopback: tokens,
//! retries, rate limits, the documented update semantics, ownership, secrets.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wecom_checkin::client::{ApiError, Client, Config, Credentials, Endpoint};
use wecom_checkin::emulator::{self, Emulator, Fault, ReadShape};

use super::util::root;

/// 2026-11-21 00:00 China Standard Time.
const NOW: i64 = 1_795_190_400;

fn emulator_config() -> emulator::Config {
    emulator::Config {
        now: Some(NOW),
        ..emulator::Config::default()
    }
}

fn fixture(name: &str) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/live").join(name)).unwrap(),
    )
    .unwrap()
}

/// A valid rule in wire form (the head office of rules/), for writes.
fn head_office() -> Value {
    let loaded = wecom_checkin::load::load_paths(&[root().join("rules/head-office.yaml")]).unwrap();
    wecom_checkin::model::wire::rule_to_wire(&loaded.rules[0].rule)
}

async fn start(config: emulator::Config) -> (Emulator, String) {
    let emu = Emulator::new(config);
    let (addr, _) = emu.clone().spawn().await.unwrap();
    (emu, format!("http://{addr}"))
}

fn client(base: &str, tune: impl FnOnce(&mut Config)) -> Arc<Client> {
    let mut config = Config::new(
        base,
        Credentials::Corp {
            corpid: "emulator-corp".into(),
            corpsecret: "emulator-secret".into(),
        },
    );
    config.min_backoff = Duration::from_millis(10);
    config.request_timeout = Duration::from_secs(2);
    // Tests read often; the rate-limit test sets its own.
    config.read_per_minute = 60_000;
    tune(&mut config);
    Client::new(config).unwrap()
}

fn count(emu: &Emulator, e: Endpoint) -> usize {
    emu.call_counts().get(&e).copied().unwrap_or(0)
}

fn groups(answer: &Value) -> Vec<Value> {
    answer["group"].as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn token_is_cached_and_refreshed_when_it_expires() {
    let (emu, base) = start(emulator::Config {
        token_ttl: Duration::from_secs(4),
        ..emulator_config()
    })
    .await;
    let c = client(&base, |_| {});
    for _ in 0..3 {
        c.get_corp_checkin_option().await.unwrap();
    }
    assert_eq!(
        count(&emu, Endpoint::GetToken),
        1,
        "one token for three calls"
    );
    // The server expires it early (42001): the client refreshes once and resends.
    emu.expire_tokens();
    c.get_corp_checkin_option().await.unwrap();
    assert_eq!(count(&emu, Endpoint::GetToken), 2);
    // The token's own lifetime runs out: the client fetches a new one before using it.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    c.get_corp_checkin_option().await.unwrap();
    assert_eq!(count(&emu, Endpoint::GetToken), 3);
    assert_eq!(
        count(&emu, Endpoint::GetCorpCheckinOption),
        6,
        "5 calls + 1 resend after 42001"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn retries_succeed_through_busy_rate_limited_500_and_dropped() {
    let (emu, base) = start(emulator_config()).await;
    for f in [
        Fault::Errcode(-1),
        Fault::Errcode(45009),
        Fault::Http(500),
        Fault::Drop,
        Fault::Errcode(301070),
    ] {
        emu.inject(Endpoint::GetCorpCheckinOption, f, 1);
    }
    let c = client(&base, |cfg| cfg.max_attempts = 6);
    c.get_corp_checkin_option().await.unwrap();
    assert_eq!(count(&emu, Endpoint::GetCorpCheckinOption), 6);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_persistent_fault_gives_up_within_its_bound() {
    let (emu, base) = start(emulator_config()).await;
    emu.inject(Endpoint::GetCorpCheckinOption, Fault::Errcode(-1), 100);
    let c = client(&base, |cfg| cfg.max_attempts = 3);
    let started = Instant::now();
    let err = c.get_corp_checkin_option().await.unwrap_err();
    assert_eq!(err.errcode(), Some(-1));
    assert_eq!(count(&emu, Endpoint::GetCorpCheckinOption), 3);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.to_string().contains("the server was busy"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn rejected_rules_and_ambiguous_adds_are_not_retried() {
    let (emu, base) = start(emulator_config()).await;
    let c = client(&base, |_| {});
    let mut bad = head_office();
    bad["wifimac_infos"][0]["wifimac"] = json!("zz:zz");
    let err = c.add_checkin_option(bad, false).await.unwrap_err();
    assert_eq!(err.errcode(), Some(301093));
    assert!(err.to_string().contains("invalid wifi mac"), "{err}");
    assert!(
        err.to_string().contains("run `wecom-checkin validate`"),
        "{err}"
    );
    assert_eq!(count(&emu, Endpoint::Add), 1);
    // A dropped answer to an add may hide a created rule: no replay.
    emu.inject(Endpoint::Add, Fault::Drop, 1);
    let err = c
        .add_checkin_option(head_office(), false)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            ApiError::Transport {
                maybe_sent: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(count(&emu, Endpoint::Add), 2);
    // An add the server refused as busy was not applied: it is retried.
    emu.inject(Endpoint::Add, Fault::Errcode(45009), 1);
    c.add_checkin_option(head_office(), false).await.unwrap();
    assert_eq!(count(&emu, Endpoint::Add), 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_rate_limit_holds() {
    let (emu, base) = start(emulator_config()).await;
    let c = client(&base, |cfg| cfg.read_per_minute = 600);
    let started = Instant::now();
    for _ in 0..8 {
        c.get_corp_checkin_option().await.unwrap();
    }
    // 600 per minute: one call per 100 ms, so 8 calls span at least 700 ms.
    assert!(
        started.elapsed() >= Duration::from_millis(690),
        "{:?}",
        started.elapsed()
    );
    // At the server, count per window: the limit allows 3 calls in 300 ms.
    // Network jitter can shift one arrival, so a window may see one more, never two.
    let times = emu.call_times(Endpoint::GetCorpCheckinOption);
    for (i, t) in times.iter().enumerate() {
        let in_window = times[i..]
            .iter()
            .filter(|u| **u - *t < Duration::from_millis(300))
            .count();
        assert!(in_window <= 4, "{in_window} calls within 300 ms: {times:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_emulator_answers_45009_over_its_own_limit() {
    let (emu, base) = start(emulator::Config {
        rate_limits: [(Endpoint::GetCorpCheckinOption, 2)].into(),
        ..emulator_config()
    })
    .await;
    let c = client(&base, |cfg| cfg.max_attempts = 1);
    c.get_corp_checkin_option().await.unwrap();
    c.get_corp_checkin_option().await.unwrap();
    assert_eq!(
        c.get_corp_checkin_option().await.unwrap_err().errcode(),
        Some(45009),
        "the third call in a minute"
    );
    assert_eq!(count(&emu, Endpoint::GetCorpCheckinOption), 3);
}

/// 注意 3: absent or empty arrays unchanged, present arrays replaced, present
/// objects replaced recursively, absent fields unchanged.
#[tokio::test(flavor = "multi_thread")]
async fn update_follows_the_documented_semantics() {
    let (_emu, base) = start(emulator_config()).await;
    let c = client(&base, |_| {});
    c.add_checkin_option(head_office(), true).await.unwrap();
    let before = groups(&c.get_corp_checkin_option().await.unwrap())[0].clone();
    let groupid = before["groupid"].as_i64().unwrap();
    let update = json!({
        "groupid": groupid,
        "wifimac_infos": [],
        "loc_infos": [{"lat": 30547030, "lng": 104062890, "loc_title": "新地点", "loc_detail": "成都", "distance": 300}],
        "range": {"userid": ["alice"]},
        "need_photo": true,
    });
    c.update_checkin_option(update, true).await.unwrap();
    let after = groups(&c.get_corp_checkin_option().await.unwrap())[0].clone();
    assert_eq!(
        after["wifimac_infos"], before["wifimac_infos"],
        "an empty array leaves the field unchanged"
    );
    assert_eq!(
        after["loc_infos"][0]["loc_title"], "新地点",
        "a present array replaces"
    );
    assert_eq!(
        after["range"],
        json!({"userid": ["alice"]}),
        "a present object replaces recursively: party_id is gone"
    );
    assert_eq!(after["need_photo"], true);
    assert_eq!(
        after["checkindate"], before["checkindate"],
        "absent fields are unchanged"
    );
    assert_eq!(after["groupid"], groupid);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_clear_code_and_the_wifi_or_location_guard() {
    let (_emu, base) = start(emulator_config()).await;
    let c = client(&base, |_| {});
    let mut rule = head_office();
    rule["loc_infos"] = json!([{"lat": 30547030, "lng": 104062890, "loc_title": "总部", "loc_detail": "成都", "distance": 300}]);
    c.add_checkin_option(rule, true).await.unwrap();
    let read = || async { groups(&c.get_corp_checkin_option().await.unwrap())[0].clone() };
    let g = read().await;
    let id = g["groupid"].as_i64().unwrap();
    assert!(g["spe_workdays"].is_array() && g["spe_offdays"].is_array());
    c.clear_checkin_option_array_field(id, &[1, 2], true)
        .await
        .unwrap();
    let g = read().await;
    assert!(
        g.get("spe_workdays").is_none() && g.get("spe_offdays").is_none(),
        "{g}"
    );
    let both = c
        .clear_checkin_option_array_field(id, &[3, 4], true)
        .await
        .unwrap_err();
    assert_eq!(both.errcode(), Some(301093));
    assert!(both.to_string().contains("need wifi or location"), "{both}");
    c.clear_checkin_option_array_field(id, &[3], true)
        .await
        .unwrap();
    assert!(read().await.get("wifimac_infos").is_none());
    assert_eq!(
        c.clear_checkin_option_array_field(id, &[4], true)
            .await
            .unwrap_err()
            .errcode(),
        Some(301093)
    );
    assert_eq!(
        c.clear_checkin_option_array_field(id, &[5], true)
            .await
            .unwrap_err()
            .errcode(),
        Some(40058)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rule_made_in_the_console_cannot_be_changed_and_the_hint_says_why() {
    let emu = Emulator::new(emulator_config());
    emu.seed(&fixture("doc93384-v2023-getcorpcheckinoption.json"), true)
        .unwrap();
    let (addr, _) = emu.clone().spawn().await.unwrap();
    let c = client(&format!("http://{addr}"), |_| {});
    let err = c.del_checkin_option(69, false).await.unwrap_err();
    assert_eq!(
        err.errcode(),
        Some(wecom_checkin::emulator::rules::NOT_OWNER)
    );
    let text = err.to_string();
    assert!(
        text.contains("can only be changed by the app that created it")
            && text.contains("readonly: true"),
        "{text}"
    );
    assert_eq!(
        groups(&c.get_corp_checkin_option().await.unwrap()).len(),
        1,
        "still there"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn both_read_shapes_normalize_to_the_same_rule() {
    let mut rules = Vec::new();
    for shape in [ReadShape::Modern, ReadShape::Legacy] {
        let (_emu, base) = start(emulator::Config {
            read_shape: shape,
            ..emulator_config()
        })
        .await;
        let c = client(&base, |_| {});
        let mut rule = head_office();
        rule["checkindate"][0]["flex_on_duty_time"] = json!(600);
        c.add_checkin_option(rule, true).await.unwrap();
        let answer = c.get_corp_checkin_option().await.unwrap();
        let g = &groups(&answer)[0];
        match shape {
            ReadShape::Legacy => {
                assert!(
                    g["range"].get("partyid").is_some() && g.get("ot_info_v2").is_none(),
                    "{g}"
                );
                assert_eq!(
                    g["checkindate"][0]["flex_on_duty_time"], 600_000,
                    "milliseconds"
                );
            }
            ReadShape::Modern => {
                assert!(
                    g["range"].get("party_id").is_some() && g.get("create_time").is_some(),
                    "{g}"
                );
            }
        }
        let live = wecom_checkin::live::parse_answer(&answer).unwrap();
        rules.push(live[0].rule.checkindate.as_ref().unwrap()[0].flex_on_duty_time);
    }
    assert_eq!(
        rules[0], rules[1],
        "flex is seconds after normalization, whatever the shape"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_answer_times_out_and_is_retried() {
    let (emu, base) = start(emulator_config()).await;
    emu.inject(
        Endpoint::GetCorpCheckinOption,
        Fault::Slow(Duration::from_millis(3000)),
        1,
    );
    // Wide margins: a loaded CI machine must not make a normal answer time out.
    let c = client(&base, |cfg| {
        cfg.request_timeout = Duration::from_millis(1000)
    });
    c.get_corp_checkin_option().await.unwrap();
    assert_eq!(count(&emu, Endpoint::GetCorpCheckinOption), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn save_writes_the_state_back_after_each_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let (_emu, base) = start(emulator::Config {
        save: Some(path.clone()),
        ..emulator_config()
    })
    .await;
    let c = client(&base, |_| {});
    c.add_checkin_option(head_office(), true).await.unwrap();
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let live = wecom_checkin::live::parse_answer(&saved).unwrap();
    assert_eq!(live.len(), 1);
    assert_eq!(live[0].rule.groupname.as_deref(), Some("总部-固定班"));
    // The saved file seeds a new emulator with the same rule.
    let again = Emulator::new(emulator_config());
    assert_eq!(again.seed(&saved, false).unwrap(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_add_is_checked_whole_and_refused_without_each_required_field() {
    let (emu, base) = start(emulator_config()).await;
    let c = client(&base, |_| {});
    for (fields, check) in [
        (&["checkindate"][..], "checkindate-size"),
        (&["range"][..], "range"),
        (&["wifimac_infos", "loc_infos"][..], "wifi-or-location"),
        (&["ot_info_v2"][..], "ot-info-v2-required"),
    ] {
        let mut body = head_office();
        for f in fields {
            body.as_object_mut().unwrap().shift_remove(*f);
        }
        let err = c.add_checkin_option(body, false).await.unwrap_err();
        let want = wecom_checkin::checks::registry::by_id(check).unwrap();
        assert_eq!(
            err.errcode(),
            Some(i64::from(want.code())),
            "{fields:?}: {err}"
        );
        assert!(err.to_string().contains(want.errmsg()), "{fields:?}: {err}");
    }
    // Only grouptype and groupname: refused, as the server does.
    let err = c
        .add_checkin_option(json!({"grouptype": 1, "groupname": "空"}), false)
        .await
        .unwrap_err();
    assert_eq!(err.errcode(), Some(301093), "{err}");
    assert!(groups(&emu.answer()).is_empty(), "nothing was stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn tool_keys_are_no_api_fields_but_unknown_fields_are_stored() {
    let (emu, base) = start(emulator_config()).await;
    let c = client(&base, |_| {});
    for (key, value) in [
        ("readonly", json!(true)),
        ("keep_live", json!([])),
        ("effective_now", json!(true)),
    ] {
        let mut body = head_office();
        body[key] = value;
        let err = c.add_checkin_option(body, false).await.unwrap_err();
        assert_eq!(err.errcode(), Some(40058), "{key}: {err}");
        assert!(err.to_string().contains(key), "{key}: {err}");
    }
    let mut body = head_office();
    body["zz_future"] = json!({"a": [1, 2]});
    body["checkindate"][0]["biweekly"] = json!({"enable_weekday_recurrence": true, "odd_workdays": [1, 2, 3, 4, 5, 6], "even_workdays": [1, 2, 3, 4, 5]});
    c.add_checkin_option(body, false).await.unwrap();
    let live = groups(&emu.answer());
    assert_eq!(live[0]["zz_future"], json!({"a": [1, 2]}));
    assert_eq!(
        live[0]["checkindate"][0]["biweekly"]["even_workdays"],
        json!([1, 2, 3, 4, 5])
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn getcheckinoption_answers_from_the_directory() {
    let directory = wecom_checkin::emulator::directory::Directory::parse(
        r#"{"users": [{"userid": "zhangsan", "department": [3]}, {"userid": "lisi", "department": [3], "tagid": [9]}],
            "departments": [{"id": 3, "parentid": 2}, {"id": 2, "parentid": 1}]}"#,
    )
    .unwrap();
    let (emu, base) = start(emulator::Config {
        directory,
        ..emulator_config()
    })
    .await;
    let mut store = head_office();
    store["groupid"] = json!(1);
    store["groupname"] = json!("门店");
    store["range"] = json!({"party_id": [2]});
    let mut tagged = head_office();
    tagged["groupid"] = json!(2);
    tagged["groupname"] = json!("店长");
    tagged["range"] = json!({"tagid": [9]});
    emu.seed(&json!({"errcode": 0, "group": [store, tagged]}), false)
        .unwrap();
    let c = client(&base, |_| {});
    let answer = c
        .call(
            Endpoint::GetCheckinOption,
            json!({"datetime": 1_795_190_400, "useridlist": ["zhangsan", "lisi", "nobody"]}),
        )
        .await
        .unwrap();
    let info = answer["info"].as_array().unwrap();
    let rule_of = |u: &str| {
        info.iter()
            .find(|i| i["userid"] == u)
            .map(|i| i["group"]["groupname"].clone())
    };
    assert_eq!(rule_of("zhangsan"), Some(json!("门店")), "{answer}");
    assert_eq!(rule_of("lisi"), Some(json!("店长")), "{answer}");
    assert_eq!(rule_of("nobody"), None, "{answer}");
    assert!(info[0]["group"].get("range").is_none(), "{answer}");
    let many: Vec<String> = (0..101).map(|i| format!("u{i}")).collect();
    let err = c
        .call(
            Endpoint::GetCheckinOption,
            json!({"datetime": 1_795_190_400, "useridlist": many}),
        )
        .await
        .unwrap_err();
    assert_eq!(err.errcode(), Some(40058), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_body_reads_as_the_documented_empty_object() {
    let (_emu, base) = start(emulator_config()).await;
    let http = reqwest::Client::new();
    let token: Value = http
        .get(format!(
            "{base}/cgi-bin/gettoken?corpid=emulator-corp&corpsecret=emulator-secret"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["access_token"].as_str().unwrap();
    let answer: Value = http
        .post(format!(
            "{base}/cgi-bin/checkin/getcorpcheckinoption?access_token={token}"
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer["errcode"], 0, "{answer}");
    assert!(answer["group"].is_array(), "{answer}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_absurd_token_lifetime_neither_panics_the_emulator_nor_the_client() {
    // The emulator answers expires_in = 2^64 − 1; the client holds it for a day at most.
    let (emu, base) = start(emulator::Config {
        token_ttl: Duration::from_secs(u64::MAX),
        ..emulator_config()
    })
    .await;
    let c = client(&base, |_| {});
    c.get_corp_checkin_option().await.unwrap();
    c.get_corp_checkin_option().await.unwrap();
    assert_eq!(count(&emu, Endpoint::GetToken), 1);
}
