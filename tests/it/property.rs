//! Property: for random valid desired rules and random live states in the
//! emulator, plan → apply → plan again is empty, and the emulator rejected no call.

use std::sync::Arc;

use proptest::prelude::*;
use serde_json::{Value, json};
use wecom_checkin::apply;
use wecom_checkin::client::{Client, Config, Credentials};
use wecom_checkin::emulator::{self, Emulator};
use wecom_checkin::live;
use wecom_checkin::load::LoadedRule;
use wecom_checkin::model::Rule;
use wecom_checkin::plan::{self, Options};

/// 2026-11-21 00:00 China Standard Time.
const NOW: i64 = 1_795_190_400;
const DAY: i64 = 86_400;

/// The random choices a rule is made from.
struct Shape {
    start_h: i64,
    hours: i64,
    remind: i64,
    wifi: usize,
    locs: usize,
    photo: bool,
    offdays: Vec<i64>,
    party: Vec<i64>,
}

/// A valid fixed rule from a few random choices.
fn fixed_rule(name: String, shape: Shape) -> Value {
    let Shape {
        start_h,
        hours,
        remind,
        wifi,
        locs,
        photo,
        offdays,
        party,
    } = shape;
    let work = start_h * 3600;
    let off = work + hours * 3600;
    let mut rule = json!({
        "grouptype": 1,
        "groupname": name,
        "checkindate": [{"workdays": [1, 2, 3, 4, 5], "checkintime": [{
            "time_id": 1, "work_sec": work, "off_work_sec": off, "remind_work_sec": work - remind * 300, "remind_off_work_sec": off,
            "earliest_work_sec": work - 3600, "latest_work_sec": work + 3600, "earliest_off_work_sec": off - 3600, "latest_off_work_sec": off + 3600}]}],
        "range": {"party_id": party},
        "need_photo": photo,
        "ot_info_v2": {"workdayconf": {"allow_ot": false, "type": 2}, "restdayconf": {"allow_ot": false, "type": 2}, "holidayconf": {"allow_ot": false, "type": 2}},
    });
    if wifi > 0 {
        rule["wifimac_infos"] = Value::Array((0..wifi).map(|i| json!({"wifiname": format!("w{i}"), "wifimac": format!("02:00:00:00:00:{i:02x}")})).collect());
    }
    if locs > 0 {
        rule["loc_infos"] = Value::Array((0..locs).map(|i| json!({"lat": 30_000_000 + i as i64, "lng": 104_000_000, "loc_title": format!("L{i}"), "loc_detail": "地址", "distance": 300})).collect());
    }
    if !offdays.is_empty() {
        let first = wecom_checkin::model::Date::parse("2027-01-01").unwrap().0;
        rule["spe_offdays"] = Value::Array(
            offdays
                .iter()
                .map(|d| json!({"timestamp": first + d * DAY, "notes": "休"}))
                .collect(),
        );
    }
    rule
}

prop_compose! {
    fn arb_rule(name: String)(
        start_h in 6i64..=10, hours in 6i64..=10, remind in 0i64..=4,
        wifi in 0usize..=2, locs in 0usize..=2, photo in any::<bool>(),
        offdays in proptest::collection::btree_set(0i64..60, 0..3),
        party in proptest::collection::btree_set(1i64..9, 1..3),
    ) -> Value {
        let (wifi, locs) = if wifi + locs == 0 { (1, 0) } else { (wifi, locs) };
        let (offdays, party) = (offdays.into_iter().collect(), party.into_iter().collect());
        fixed_rule(name.clone(), Shape { start_h, hours, remind, wifi, locs, photo, offdays, party })
    }
}

/// Desired rules, and a live state: some desired rules as they are or changed, plus rules no file describes.
fn arb_corp() -> impl Strategy<Value = (Vec<Value>, Vec<Value>, bool)> {
    let names: Vec<String> = (0..4).map(|i| format!("规则{i}")).collect();
    let desired = names
        .iter()
        .map(|n| arb_rule(n.clone()))
        .collect::<Vec<_>>();
    let live = names
        .iter()
        .map(|n| proptest::option::of(arb_rule(n.clone())))
        .collect::<Vec<_>>();
    let extra = proptest::option::of(arb_rule("控制台规则".into()));
    (desired, live, extra, any::<bool>(), 1usize..=4).prop_map(
        |(desired, live, extra, prune, keep)| {
            let desired: Vec<Value> = desired.into_iter().take(keep).collect();
            let mut live: Vec<Value> = live.into_iter().flatten().collect();
            live.extend(extra);
            (desired, live, prune)
        },
    )
}

fn client(base: &str) -> Arc<Client> {
    let mut config = Config::new(
        base,
        Credentials::Corp {
            corpid: "emulator-corp".into(),
            corpsecret: "emulator-secret".into(),
        },
    );
    config.read_per_minute = 60_000;
    config.write_per_minute = 60_000;
    Client::new(config).unwrap()
}

fn plan_against(desired: &[LoadedRule], answer: &Value, prune: bool) -> plan::Plan {
    let live = live::parse_answer(answer).unwrap();
    plan::build(
        desired,
        &live,
        &Options {
            prune,
            allow_replace: false,
            now: jiff::Timestamp::from_second(NOW).unwrap(),
            effective_now: true,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn plan_apply_plan_is_empty((desired, live_rules, prune) in arb_corp()) {
        let rt = super::util::runtime();
        let emu = Emulator::new(emulator::Config { now: Some(NOW), ..emulator::Config::default() });
        let groups: Vec<Value> = live_rules.iter().enumerate().map(|(i, g)| { let mut g = g.clone(); g["groupid"] = json!(100 + i); g }).collect();
        emu.seed(&json!({"errcode": 0, "group": groups}), false).unwrap();
        let (addr, _) = rt.block_on(emu.clone().spawn()).unwrap();
        let c = client(&format!("http://{addr}"));
        let desired: Vec<LoadedRule> = desired.iter().map(|v| LoadedRule {
            file: "x.yaml".into(), doc: 0, rule: serde_json::from_value::<Rule>(v.clone()).unwrap(), spans: Default::default(),
        ..Default::default()
        }).collect();

        let first = plan_against(&desired, &emu.answer(), prune);
        prop_assert!(!first.blocked, "{:#?}", first.errors);
        let prior: std::collections::BTreeSet<i64> = first.live.rules.keys().copied().collect();
        let executed = rt.block_on(apply::execute(c.clone(), &first.calls, &prior, 2, false, |_| {}, |_| {}));
        let failures: Vec<String> = executed.outcomes.iter().filter_map(|o| o.result.clone().err()).collect();
        prop_assert!(failures.is_empty(), "the emulator rejected calls: {failures:?}\ncalls: {:#?}", first.calls);
        let second = plan_against(&desired, &emu.answer(), prune);
        prop_assert!(second.calls.is_empty(), "a change remains: {:#?}", second.calls);
    }
}

/// Strings as files and live answers bring them: any character (controls,
/// a BOM, bidi marks, U+2028, full-width punctuation, surrogate-free
/// unicode), and the shapes YAML readers trip on: `no`, `~`, `0x1F`,
/// `1e3`, `- x`, `? x`, `#x`, `CON`/`NUL` (Windows names), trailing spaces.
fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just('\u{feff}'),
                Just('\u{202e}'),
                Just('\u{2028}'),
                Just('\u{0}'),
                Just('\u{7}'),
                Just('\u{1b}'),
                Just('\u{85}'),
                Just('\t'),
                Just('\n'),
                Just('\r'),
                Just(' '),
                Just('"'),
                Just('\''),
                Just('\\'),
                Just('#'),
                Just(':'),
                Just('-'),
                Just('?'),
                Just('&'),
                Just('*'),
                Just('!'),
                Just('|'),
                Just('>'),
                Just('%'),
                Just('@'),
                Just('`'),
                Just('：'),
                Just('\u{3000}'),
                Just('总'),
                any::<char>(),
            ],
            0..12
        )
        .prop_map(|cs| cs.into_iter().collect()),
        prop_oneof![
            Just("no"),
            Just("Yes"),
            Just("~"),
            Just("null"),
            Just("0x1F"),
            Just("1e3"),
            Just("0o17"),
            Just(".inf"),
            Just("- x"),
            Just("? x"),
            Just("CON"),
            Just("NUL.yaml"),
            Just("09:00"),
            Just("2027-01-01"),
            Just("a: b"),
            Just("a #b"),
            Just("x "),
            Just(" x"),
            Just("---"),
            Just("..."),
        ]
        .prop_map(str::to_owned),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// What the tool writes as YAML (import, --write-ids) reads back as the
    /// same strings, as keys and as values, at any depth.
    #[test]
    fn the_yaml_writer_round_trips_any_string(
        name in hostile_string(),
        key in hostile_string(),
        items in proptest::collection::vec(hostile_string(), 0..4),
    ) {
        let value = serde_json::json!({
            "groupname": name,
            "keep_live": {key.clone(): name.clone()},
            "list": items,
            "nested": [{"note": key}],
        });
        let text = wecom_checkin::emit::to_yaml(&value);
        let docs = wecom_checkin::load::yaml::parse(&text)
            .map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(docs.len(), 1, "{}", text);
        prop_assert_eq!(&docs[0].value.to_value(), &value, "{}", text);
    }
}
