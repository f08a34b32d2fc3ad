//! The emulator's small directory of users (`emulate --directory FILE`), from
//! which getcheckinoption decides which rule applies to whom. The real server
//! knows the corp's directory; the rule API never shows it, so the emulator is
//! told. How a person's rule is chosen when several ranges name them is not
//! documented: the order here is this emulator's choice (docs/api-notes.md).
//!
//! ```json
//! {"users": [{"userid": "zhangsan", "department": [2], "tagid": [7]}],
//!  "departments": [{"id": 2, "parentid": 1}]}
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::model::Rule;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    #[serde(default)]
    pub users: Vec<User>,
    #[serde(default)]
    pub departments: Vec<Department>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub userid: String,
    #[serde(default)]
    pub department: Vec<i64>,
    #[serde(default)]
    pub tagid: Vec<i64>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    pub id: i64,
    #[serde(default)]
    pub parentid: Option<i64>,
}

/// How closely a rule's range names a person: a named user beats a tag, a
/// tag beats a department, a nearer department beats a farther one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Closeness {
    /// Through a department, `depth` levels above the person's own (0 = their own).
    Department {
        nearness: std::cmp::Reverse<usize>,
    },
    Tag,
    User,
}

impl Directory {
    pub fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| format!("not a directory file: {e}"))
    }

    /// The departments of `userid`, each with how many levels above the
    /// person it is (0 for their own departments).
    fn departments_of(&self, userid: &str) -> BTreeMap<i64, usize> {
        let parents: BTreeMap<i64, i64> = self
            .departments
            .iter()
            .filter_map(|d| d.parentid.map(|p| (d.id, p)))
            .collect();
        let mut out = BTreeMap::new();
        for user in self.users.iter().filter(|u| u.userid == userid) {
            for &dept in &user.department {
                let (mut at, mut depth, mut seen) = (Some(dept), 0, BTreeSet::new());
                // A parent loop in the file ends the walk instead of spinning.
                while let Some(d) = at.filter(|d| seen.insert(*d)) {
                    let e = out.entry(d).or_insert(depth);
                    *e = (*e).min(depth);
                    at = parents.get(&d).copied();
                    depth += 1;
                }
            }
        }
        out
    }

    fn closeness(&self, rule: &Rule, userid: &str) -> Option<Closeness> {
        if rule.white_users.iter().flatten().any(|u| u == userid) {
            return None;
        }
        let range = rule.range.as_ref()?;
        if range.userid.iter().flatten().any(|u| u == userid) {
            return Some(Closeness::User);
        }
        let tags: BTreeSet<i64> = self
            .users
            .iter()
            .filter(|u| u.userid == userid)
            .flat_map(|u| u.tagid.iter().copied())
            .collect();
        if range.tagid.iter().flatten().any(|t| tags.contains(t)) {
            return Some(Closeness::Tag);
        }
        let depts = self.departments_of(userid);
        range
            .party_id
            .iter()
            .flatten()
            .filter_map(|p| p.to_string().parse::<i64>().ok())
            .filter_map(|p| depts.get(&p).copied())
            .min()
            .map(|depth| Closeness::Department {
                nearness: std::cmp::Reverse(depth),
            })
    }

    /// The groupid of the rule that applies to `userid`: the closest range,
    /// and among equally close ones the lowest groupid.
    pub fn rule_of<'a>(
        &self,
        userid: &str,
        rules: impl IntoIterator<Item = (i64, &'a Rule)>,
    ) -> Option<i64> {
        rules
            .into_iter()
            .filter_map(|(id, r)| {
                self.closeness(r, userid)
                    .map(|c| (c, std::cmp::Reverse(id)))
            })
            .max()
            .map(|(_, std::cmp::Reverse(id))| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(v: serde_json::Value) -> Rule {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn the_closest_range_wins() {
        let dir = Directory::parse(
            r#"{"users": [{"userid": "a", "department": [3], "tagid": [7]}, {"userid": "b", "department": [3]}],
                "departments": [{"id": 3, "parentid": 2}, {"id": 2, "parentid": 1}, {"id": 1, "parentid": 3}]}"#,
        )
        .unwrap();
        let top = rule(serde_json::json!({"range": {"party_id": [1]}}));
        let near = rule(serde_json::json!({"range": {"party_id": [2]}}));
        let tag = rule(serde_json::json!({"range": {"tagid": [7]}}));
        let named = rule(serde_json::json!({"range": {"userid": ["b"]}, "white_users": ["a"]}));
        let all = [(1, &top), (2, &near), (3, &tag), (4, &named)];
        assert_eq!(dir.rule_of("a", all), Some(3));
        assert_eq!(dir.rule_of("b", all), Some(4));
        assert_eq!(dir.rule_of("b", [(1, &top), (2, &near)]), Some(2));
        assert_eq!(dir.rule_of("nobody", all), None);
    }
}
