mod checks;
mod cli_api;
mod client;
mod loading;
mod plan;
mod robustness;
mod schema_file;
mod util;
