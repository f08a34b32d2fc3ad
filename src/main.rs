// Rules are many small JSON trees: allocation dominates planning, and
// mimalloc is much faster than the system allocator here, with or without threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Rust ignores SIGPIPE, so a write to a closed socket (HTTPS spoken to a
    // plain-HTTP port) is an error the client reports, never a silent death.
    // A closed stdout (`wecom-checkin plan | head`) makes print! panic: that
    // one case ends the process quietly, as Unix tools do.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            // The status a shell expects of a writer whose reader went away.
            std::process::exit(141);
        }
        default_hook(info);
    }));
    wecom_checkin::run(std::env::args_os())
}
