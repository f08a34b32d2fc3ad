// Rules are many small JSON trees: allocation dominates planning, and
// mimalloc is much faster than the system allocator here, with or without threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    wecom_checkin::run(std::env::args_os())
}
