//! Arbitrary bytes as a rule file: load (YAML 1.2, spans, schema, model),
//! every check, and the text rendering of what was found. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wecom_checkin::{checks, diag, load};

fuzz_target!(|data: &[u8]| {
    let mut loaded = load::Loaded::default();
    load::load_bytes("fuzz.yaml", data.to_vec(), &mut loaded);
    let mut found = loaded.diagnostics.clone();
    found.extend(checks::check_all(&loaded.rules, 1_795_190_400));
    let summary = diag::Summary::new(loaded.files, loaded.rules.len(), &found);
    let _ = diag::render::text(&found, &loaded.sources, &summary, false);
    let _ = diag::render::json(&found, &summary);
});
