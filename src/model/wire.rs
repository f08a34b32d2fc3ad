//! The wire form of a rule: what the API sends and takes (seconds, Unix
//! timestamps, weekday numbers, grouptype numbers). The model serializes to the
//! readable form; this walks that value beside the JSON Schema and turns every
//! readable value back into its wire value.

use serde_json::Value;

use super::{Date, Duration, GroupType, Rule, TimeOfDay, Weekday};

/// A rule as the API's JSON (`group` of a request body), tool keys included.
pub fn rule_to_wire(rule: &Rule) -> Value {
    let mut value = serde_json::to_value(rule).unwrap_or(Value::Null);
    let schema = crate::schema::schema_value();
    to_wire(&mut value, schema, schema);
    value
}

/// A schema node with its `$ref` followed.
pub(crate) fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => r
            .strip_prefix('#')
            .and_then(|p| root.pointer(p))
            .unwrap_or(schema),
        None => schema,
    }
}

fn to_wire(value: &mut Value, schema: &Value, root: &Value) {
    let schema = resolve(schema, root);
    if let Value::String(s) = value {
        let wire = match schema.get("title").and_then(Value::as_str) {
            Some("TimeOfDay") => TimeOfDay::parse(s).map(|v| v.0),
            Some("Duration") => Duration::parse(s).map(|v| v.0),
            Some("Date") => Date::parse(s).map(|v| v.0),
            Some("Weekday") => Weekday::NAMES.iter().position(|n| n == s).map(|i| i as i64),
            Some("GroupType") => serde_json::from_value::<GroupType>(Value::String(s.clone()))
                .ok()
                .map(|g| g.0),
            _ => None,
        };
        if let Some(n) = wire {
            *value = Value::from(n);
        }
        return;
    }
    match value {
        Value::Object(obj) => {
            for (k, v) in obj.iter_mut() {
                if let Some(sub) = schema.get("properties").and_then(|p| p.get(k)) {
                    to_wire(v, sub, root);
                }
            }
        }
        Value::Array(items) => {
            if let Some(sub) = schema.get("items") {
                items.iter_mut().for_each(|v| to_wire(v, sub, root));
            }
        }
        _ => {}
    }
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
    }
}
