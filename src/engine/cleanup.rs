//! Server-side sandboxes (PostgreSQL schemas and roles, MySQL databases and
//! users) are registered here when made, so they are removed on close, on
//! drop and on Ctrl-C.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

#[derive(Debug, Clone)]
pub enum Task {
    Postgres { admin_url: String, name: String },
    MySql { admin_url: String, name: String },
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
static PENDING: Mutex<BTreeMap<u64, Task>> = Mutex::new(BTreeMap::new());

pub fn register(task: Task) -> u64 {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id, task);
    id
}

/// Removes a task from the registry and returns it, so exactly one of
/// close, drop or the Ctrl-C handler runs it.
pub fn take(id: u64) -> Option<Task> {
    PENDING
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&id)
}

/// Runs one cleanup. Errors are logged, never fatal.
pub async fn run(task: Task) {
    let result = match &task {
        Task::Postgres { admin_url, name } => super::postgres::drop_sandbox(admin_url, name).await,
        Task::MySql { admin_url, name } => super::mysql::drop_sandbox(admin_url, name).await,
    };
    if let Err(e) = result {
        tracing::warn!("could not remove sandbox: {e}");
    }
}

/// Runs a cleanup from synchronous code (a `Drop`), on a private runtime in
/// its own thread so it works inside or outside an async context.
pub fn run_blocking(task: Task) {
    let worker = std::thread::spawn(move || {
        if let Ok(rt) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            rt.block_on(run(task));
        }
    });
    let _ = worker.join();
}

/// Runs every pending cleanup (the Ctrl-C path).
pub async fn run_all() {
    let tasks: Vec<Task> = std::mem::take(&mut *PENDING.lock().unwrap_or_else(|e| e.into_inner()))
        .into_values()
        .collect();
    for task in tasks {
        run(task).await;
    }
}

/// Hides the password of a connection URL for messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or("");
            if user_info.contains(':') {
                format!("{scheme}://{user}:***@{host}")
            } else {
                url.to_string()
            }
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(
            super::redact_url("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(
            super::redact_url("mysql://root@h:3306/test"),
            "mysql://root@h:3306/test"
        );
    }
}
