mod checks;
mod loading;
mod robustness;
mod schema_file;
mod util;
