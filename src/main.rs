fn main() -> std::process::ExitCode {
    wecom_checkin::run(std::env::args_os())
}
