//! Where people may check in: Wi-Fi access points and locations.

use std::collections::HashMap;

use super::{Check, Ctx, Level, Source::Row};
use crate::t;

pub const WIFI_MAC: Check = Check {
    id: "wifi-mac",
    source: Row(11),
    level: Level::Error,
    summary: "wifimac is a MAC address (aa:bb:cc:dd:ee:ff)",
};
pub const WIFI_MAC_UNIQUE: Check = Check {
    id: "wifi-mac-unique",
    source: Row(12),
    level: Level::Error,
    summary: "each wifimac appears once",
};
pub const WIFI_INFO: Check = Check {
    id: "wifi-info",
    source: Row(13),
    level: Level::Error,
    summary: "wifiname is 1 to 40 characters and wifimac is given",
};
pub const WIFI_OR_LOCATION: Check = Check {
    id: "wifi-or-location",
    source: Row(14),
    level: Level::Error,
    summary: "Wi-Fi and locations are not both empty",
};
pub const MAX_500: Check = Check {
    id: "wifi-location-count",
    source: Row(15),
    level: Level::Error,
    summary: "at most 500 Wi-Fi access points and 500 locations",
};
pub const DISTANCE: Check = Check {
    id: "location-distance",
    source: Row(23),
    level: Level::Error,
    summary: "distance is 100 … 1000 in steps of 100, 1500, 2000, 2500 or 3000 metres",
};
pub const LOCATION_INFO: Check = Check {
    id: "location-info",
    source: Row(24),
    level: Level::Error,
    summary: "lat and lng are given and in range; loc_title and loc_detail are 1 to 40 characters",
};

const DISTANCES: [i64; 14] = [
    100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1500, 2000, 2500, 3000,
];

pub fn check(ctx: &mut Ctx) {
    let rule = ctx.rule;
    let wifi = rule.wifimac_infos.as_deref().unwrap_or_default();
    let locs = rule.loc_infos.as_deref().unwrap_or_default();
    if wifi.is_empty() && locs.is_empty() {
        ctx.report(&WIFI_OR_LOCATION, "/wifimac_infos", t!("loc-none"))
            .help = Some(t!("loc-none-help"));
    }
    for (list, n) in [("wifimac_infos", wifi.len()), ("loc_infos", locs.len())] {
        if n > 500 {
            ctx.report(&MAX_500, format!("/{list}"), t!("loc-max-500", n = n));
        }
    }
    let mut macs: HashMap<String, usize> = HashMap::new();
    for (i, w) in wifi.iter().enumerate() {
        let at = format!("/wifimac_infos/{i}");
        let name = w.wifiname.as_deref().unwrap_or_default();
        let n = name.chars().count();
        if n == 0 || n > 40 {
            ctx.report(
                &WIFI_INFO,
                format!("{at}/wifiname"),
                t!("name-length", field = "wifiname", n = n),
            );
        }
        let Some(mac) = w.wifimac.as_deref().filter(|m| !m.is_empty()) else {
            ctx.report(&WIFI_INFO, at, t!("loc-wifimac-missing"));
            continue;
        };
        if !is_mac(mac) {
            ctx.report(
                &WIFI_MAC,
                format!("{at}/wifimac"),
                t!("loc-wifimac", mac = mac),
            )
            .help = Some(t!("loc-wifimac-help"));
        } else if let Some(first) = macs.insert(mac.to_ascii_lowercase(), i) {
            ctx.report(
                &WIFI_MAC_UNIQUE,
                format!("{at}/wifimac"),
                t!("loc-wifimac-repeated", mac = mac, first = first),
            );
        }
    }
    for (i, l) in locs.iter().enumerate() {
        let at = format!("/loc_infos/{i}");
        match (l.lat, l.lng) {
            (Some(lat), Some(lng)) => {
                if !(-90_000_000..=90_000_000).contains(&lat) {
                    ctx.report(
                        &LOCATION_INFO,
                        format!("{at}/lat"),
                        t!("loc-lat", value = lat),
                    );
                }
                if !(-180_000_000..=180_000_000).contains(&lng) {
                    ctx.report(
                        &LOCATION_INFO,
                        format!("{at}/lng"),
                        t!("loc-lng", value = lng),
                    );
                }
            }
            _ => {
                ctx.report(&LOCATION_INFO, at.clone(), t!("loc-lat-lng-missing"));
            }
        }
        for (name, v) in [("loc_title", &l.loc_title), ("loc_detail", &l.loc_detail)] {
            let n = v.as_deref().unwrap_or_default().chars().count();
            if n == 0 || n > 40 {
                ctx.report(
                    &LOCATION_INFO,
                    format!("{at}/{name}"),
                    t!("name-length", field = name, n = n),
                );
            }
        }
        match l.distance {
            Some(d) if DISTANCES.contains(&d) => {}
            d => {
                let message = match d {
                    Some(d) => t!("loc-distance", value = d),
                    None => t!("loc-distance-missing"),
                };
                // A missing key is shown where its entry is.
                ctx.report(&DISTANCE, format!("{at}/distance"), message)
                    .help = Some(t!("loc-distance-help"));
            }
        }
    }
}

fn is_mac(s: &str) -> bool {
    let parts: Vec<&str> = s.split(':').collect();
    parts.len() == 6
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_hexdigit()))
}
