//! Arbitrary bytes as a getcorpcheckinoption answer (a hostile or broken API):
//! normalize the read shape, fingerprint it, import it, and plan it against
//! itself. Nothing may panic; what parses must plan as no change.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wecom_checkin::{live, load, plan};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(rules) = live::parse_answer_text(text) else { return };
    let now = 1_795_190_400;
    let _ = plan::fingerprint(&rules, now);
    let desired: Vec<load::LoadedRule> = rules
        .iter()
        .map(|l| load::LoadedRule { file: "x.yaml".into(), doc: 0, rule: l.rule.clone(), spans: Default::default(), ..Default::default() })
        .collect();
    let opts = plan::Options { prune: false, allow_replace: false, now, effective_now: false };
    let p = plan::build(&desired, &rules, &opts);
    let _ = plan::render::text(&p, false);
    let _ = plan::render::markdown(&p, "");
});
