//! A per-engine watchdog thread that interrupts a statement past its
//! deadline. Arming and disarming cost a mutex lock, not a thread spawn.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

#[derive(Default)]
struct State {
    deadline: Option<Instant>,
    shutdown: bool,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
    fired: AtomicBool,
}

pub struct Watchdog {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Starts the thread; `interrupt` runs (under the watchdog's lock) when a
    /// deadline passes while armed.
    pub fn new(interrupt: impl Fn() + Send + 'static) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            fired: AtomicBool::new(false),
        });
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("sqlforge-watchdog".into())
            .spawn(move || run(&worker, interrupt))
            .expect("spawn watchdog thread");
        Watchdog {
            shared,
            thread: Some(thread),
        }
    }

    pub fn arm(&self, timeout: Duration) {
        self.shared.fired.store(false, Ordering::SeqCst);
        let mut state = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        state.deadline = Some(Instant::now() + timeout);
        self.shared.wake.notify_one();
    }

    /// Disarms; returns whether the deadline fired while armed. After this
    /// returns, the interrupt callback will not run for that arming.
    pub fn disarm(&self) -> bool {
        let mut state = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
        state.deadline = None;
        self.shared.fired.load(Ordering::SeqCst)
    }
}

fn run(shared: &Shared, interrupt: impl Fn()) {
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if state.shutdown {
            return;
        }
        match state.deadline {
            None => state = shared.wake.wait(state).unwrap_or_else(|e| e.into_inner()),
            Some(deadline) => {
                let now = Instant::now();
                if now >= deadline {
                    state.deadline = None;
                    shared.fired.store(true, Ordering::SeqCst);
                    interrupt();
                } else {
                    state = shared
                        .wake
                        .wait_timeout(state, deadline - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        {
            let mut state = self.shared.state.lock().unwrap_or_else(|e| e.into_inner());
            state.shutdown = true;
            self.shared.wake.notify_one();
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
