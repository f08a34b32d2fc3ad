//! The parse floor of scripts/bench.sh: the least any validator or planner of
//! these files must do. It walks the folders, reads every file and runs the
//! tool's YAML parser (saphyr-parser) over it in parallel, and parses the live
//! JSON answer when one is given; nothing else. The benchmark prints each
//! command's time and peak memory as a ratio to this program's.
//!
//! Usage: parse_floor RULES_DIR [LIVE_JSON]

use rayon::prelude::*;
use saphyr_parser::Parser;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: parse_floor RULES_DIR [LIVE_JSON]");
        std::process::exit(2);
    };
    let files: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let events: usize = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let mut parser = Parser::new_from_str(&text);
            let mut n = 0;
            while let Some(Ok(_)) = parser.next_event() {
                n += 1;
            }
            n
        })
        .sum();
    let live = args.next().map(|path| {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        serde_json::from_str::<serde_json::Value>(&text)
            .map(|v| v["group"].as_array().map_or(0, Vec::len))
            .unwrap_or(0)
    });
    println!(
        "{} files, {events} YAML events, {live:?} live rules",
        files.len()
    );
}
