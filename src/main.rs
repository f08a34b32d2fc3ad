// Rules are many small JSON trees: allocation dominates planning, and
// mimalloc is much faster than the system allocator here, with or without threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // `wecom-checkin plan | head` must end quietly when head stops reading,
    // as Unix tools do, not panic on a broken pipe (Rust ignores SIGPIPE).
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to its default at start, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    wecom_checkin::run(std::env::args_os())
}
