//! `herald serve`: the HTTP API and the dashboard over a store.

use anyhow::{Context, bail};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Flags of `herald serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SQLite database `herald ingest` writes (it may keep writing while this serves). Or a
    /// PostgreSQL URL, `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (the database must exist;
    /// no TLS: use a server on this machine or a trusted network).
    #[arg(long, value_name = "PATH|URL", default_value = "herald.db")]
    db: PathBuf,
    /// Address to listen on. Port 0 picks a free port; the address bound is printed on
    /// stderr. Anything but loopback exposes the data to the network: use --token.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Require `Authorization: Bearer TOKEN` on every /api request. Env HERALD_TOKEN does the
    /// same and keeps the token out of the process list.
    #[arg(long, value_name = "TOKEN")]
    token: Option<String>,
    /// Seconds before a request is answered 503.
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    timeout: u64,
    /// Queries run at once (more requests wait).
    #[arg(long, value_name = "N", default_value_t = 8)]
    readers: usize,
}

/// Serves until Ctrl-C or SIGTERM.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !super::db::exists(&args.db) {
        bail!(
            "{}: no such database (run `herald ingest --db {0} …` first)",
            args.db.display()
        );
    }
    // Fail now, not on the first request, when the file is not a herald store.
    herald_store::Store::open(&args.db)?;
    if args.timeout == 0 || args.readers == 0 {
        bail!("--timeout and --readers must be at least 1");
    }
    let loopback = args.addr.ip().is_loopback();
    let token = args
        .token
        .or_else(|| std::env::var("HERALD_TOKEN").ok())
        .filter(|t| !t.is_empty());
    if !loopback && token.is_none() {
        eprintln!(
            "herald: warning: serving {} to the network without --token",
            args.addr
        );
    }
    let mut config = herald_server::Config::new(&args.db);
    config.token = token;
    config.readers = args.readers;
    config.timeout = Duration::from_secs(args.timeout);
    config.loopback_only = loopback;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let bound = listener.local_addr()?;
        eprintln!(
            "herald: serving {} on http://{bound}/",
            super::db::shown(&args.db)
        );
        herald_server::serve(listener, herald_server::router(&config))
            .await
            .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}
