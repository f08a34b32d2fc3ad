//! The wire form of a rule: what the API sends and takes (seconds, Unix
//! timestamps, weekday numbers, grouptype numbers). The model serializes to
//! it directly; the readable form exists only in the YAML files.

use serde_json::Value;

use super::Rule;

/// A rule as the API's JSON (`group` of a request body), tool keys included.
pub fn rule_to_wire(rule: &Rule) -> Value {
    // A rule is maps with string keys, numbers, strings and booleans: it
    // always serializes.
    serde_json::to_value(rule).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_values_become_wire_values() {
        let rule: Rule = serde_json::from_value(serde_json::json!({
            "grouptype": "schedule", "groupname": "x",
            "checkindate": [{"workdays": ["sun", "mon"], "checkintime": [{"work_sec": "09:00", "off_work_sec": "+1 02:00"}], "flex_on_duty_time": "5m"}],
            "spe_offdays": [{"timestamp": "2027-01-01", "notes": "元旦"}],
        }))
        .unwrap();
        let wire = rule_to_wire(&rule);
        assert_eq!(wire["grouptype"], 2);
        assert_eq!(
            wire["checkindate"][0]["workdays"],
            serde_json::json!([0, 1])
        );
        assert_eq!(
            wire["checkindate"][0]["checkintime"][0]["off_work_sec"],
            93600
        );
        assert_eq!(wire["checkindate"][0]["flex_on_duty_time"], 300);
        assert_eq!(wire["spe_offdays"][0]["timestamp"], 1798732800);
        assert_eq!(wire["spe_offdays"][0]["notes"], "元旦");
        let back: Rule = serde_json::from_value(wire).unwrap();
        assert_eq!(back, rule);

        let readable = super::super::to_readable_value(&rule).unwrap();
        assert_eq!(readable["grouptype"], "schedule");
        assert_eq!(
            readable["checkindate"][0]["workdays"],
            serde_json::json!(["sun", "mon"])
        );
        assert_eq!(
            readable["checkindate"][0]["checkintime"][0]["off_work_sec"],
            "+1 02:00"
        );
        assert_eq!(readable["spe_offdays"][0]["timestamp"], "2027-01-01");
        // The mode ends with the call.
        assert_eq!(rule_to_wire(&rule)["grouptype"], 2);
    }
}
