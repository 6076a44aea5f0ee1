//! Exit codes (docs/EXIT_CODES.md) and the one-line error that goes with them.

use crate::engine::SetupError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum ExitCode {
    /// Success.
    Ok = 0,
    /// The command ran and found failures (an SQL error, a finding).
    Failures = 1,
    /// Usage or input error.
    Usage = 2,
    /// Environment error: an engine unreachable, a service down, a driver
    /// that died.
    Environment = 3,
    /// The command ran but could not decide (`check`: verdict `unknown`).
    Undecided = 4,
    /// Interrupted by Ctrl-C (sandboxes removed).
    Interrupted = 130,
}

#[derive(Debug)]
pub struct CliError {
    pub code: ExitCode,
    pub message: String,
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> Self {
        CliError {
            code: ExitCode::Usage,
            message: message.into(),
        }
    }
    pub fn environment(message: impl Into<String>) -> Self {
        CliError {
            code: ExitCode::Environment,
            message: message.into(),
        }
    }
}

impl From<SetupError> for CliError {
    fn from(e: SetupError) -> Self {
        CliError {
            code: if e.is_usage() {
                ExitCode::Usage
            } else {
                ExitCode::Environment
            },
            message: e.to_string(),
        }
    }
}
