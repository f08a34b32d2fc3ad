//! `wecom-checkin emulate`: the local API emulator, until Ctrl-C.

use std::path::Path;
use std::time::Duration;

use crate::Exit;
use crate::cli::{EmulateArgs, ReadShapeArg};
use crate::client::Endpoint;
use crate::emulator::{Config, Emulator, Fault, ReadShape};
use crate::error::ToolError;
use crate::t;

fn read_answer(path: &Path) -> Result<serde_json::Value, ToolError> {
    let text = std::fs::read_to_string(path).map_err(|e| ToolError::cannot_read(path, e))?;
    serde_json::from_str(&text).map_err(|e| {
        ToolError::new(t!(
            "emu-not-json",
            path = path.display().to_string(),
            error = e.to_string()
        ))
        .with_help(t!("err-live-file-help"))
    })
}

/// `path: error`, for a seed file the emulator cannot take.
fn in_file(path: &Path, error: impl std::fmt::Display) -> ToolError {
    ToolError::new(t!(
        "err-in-file",
        path = path.display().to_string(),
        error = error.to_string()
    ))
}

fn endpoint(name: &str) -> Result<Endpoint, ToolError> {
    Endpoint::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Endpoint::ALL.iter().map(|e| e.name()).collect();
        ToolError::new(t!("emu-unknown-endpoint", name = format!("{name:?}")))
            .with_help(t!("emu-one-of", names = names.join(", ")))
    })
}

pub fn run(args: &EmulateArgs) -> Result<Exit, ToolError> {
    let mut config = Config {
        corpid: args.corpid.clone(),
        secrets: args.corpsecrets.clone(),
        token_ttl: Duration::from_secs(args.token_ttl.max(1)),
        read_shape: match args.read_shape {
            ReadShapeArg::Modern => ReadShape::Modern,
            ReadShapeArg::Legacy => ReadShape::Legacy,
        },
        save: args.save.clone(),
        max_schedule_items: args.max_schedule_items.max(1),
        now: args.now.map(|t| t.as_second()),
        ..Config::default()
    };
    if let Some(path) = &args.directory {
        let text = std::fs::read_to_string(path).map_err(|e| ToolError::cannot_read(path, e))?;
        config.directory =
            crate::emulator::directory::Directory::parse(&text).map_err(|e| in_file(path, e))?;
    }
    for limit in &args.rate_limits {
        let (name, n) = limit.split_once('=').ok_or_else(|| {
            ToolError::new(t!("emu-rate-limit-form", spec = format!("{limit:?}")))
        })?;
        let n: u32 = n.parse().map_err(|_| {
            ToolError::new(t!(
                "emu-rate-limit-number",
                spec = format!("{limit:?}"),
                n = format!("{n:?}")
            ))
        })?;
        config.rate_limits.insert(endpoint(name)?, n);
    }
    let emulator = Emulator::new(config);
    for (path, console) in [(&args.state, false), (&args.console_state, true)] {
        if let Some(path) = path {
            let n = emulator
                .seed(&read_answer(path)?, console)
                .map_err(|e| in_file(path, e))?;
            let said = if console {
                "emu-seeded-console"
            } else {
                "emu-seeded"
            };
            eprintln!("{}", t!(said, n = n, path = path.display().to_string()));
        }
    }
    if let Some(path) = &args.rosters {
        let n = emulator
            .seed_rosters(&read_answer(path)?)
            .map_err(|e| in_file(path, e))?;
        let path = path.display().to_string();
        eprintln!("{}", t!("emu-seeded-rosters", n = n, path = path));
    }
    for spec in &args.faults {
        let (name, fault) = spec
            .split_once('=')
            .ok_or_else(|| ToolError::new(t!("emu-fault-form", spec = format!("{spec:?}"))))?;
        let (fault, count) = match fault.rsplit_once('x') {
            Some((f, n)) if n.parse::<usize>().is_ok() => (f, n.parse().unwrap_or(1)),
            _ => (fault, 1),
        };
        let fault = Fault::parse(fault).ok_or_else(|| {
            ToolError::new(t!("emu-fault-unknown", spec = format!("{spec:?}")))
                .with_help(t!("emu-fault-help"))
        })?;
        emulator.inject(endpoint(name)?, fault, count);
    }
    super::runtime()?.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.listen)
            .await
            .map_err(|e| {
                ToolError::new(t!(
                    "emu-cannot-listen",
                    addr = args.listen.to_string(),
                    error = e.to_string()
                ))
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| ToolError::new(e.to_string()))?;
        // Register the stop signals before announcing the address, so a Ctrl-C
        // that follows the announcement at once is never missed.
        let shutdown = stop_signal()
            .map_err(|e| ToolError::new(t!("emu-cannot-watch", error = e.to_string())))?;
        println!("{}", t!("emu-listening", addr = addr.to_string()));
        println!(
            "  WECOM_API_BASE=http://{addr} WECOM_CORPID={} WECOM_CORPSECRET={}",
            args.corpid,
            args.corpsecrets.first().map_or("", String::as_str)
        );
        println!("{}", t!("emu-ctrl-c"));
        use std::io::Write;
        let _ = std::io::stdout().flush();
        emulator
            .serve(listener, shutdown)
            .await
            .map_err(|e| ToolError::new(t!("emu-failed", error = e.to_string())))
    })?;
    eprintln!("{}", t!("emu-stopped"));
    Ok(Exit::Success)
}

/// Resolves on Ctrl-C (SIGINT) or SIGTERM; the handlers are registered on return.
#[cfg(unix)]
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()> + Send + 'static> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
