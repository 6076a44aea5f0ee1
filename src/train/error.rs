//! The trainer's one error type. Every message is one line that names the
//! file, tensor or option at fault.

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// Bad input: a config, weights, tokenizer, data file or option.
    #[error("{0}")]
    Input(String),
    /// The environment: CUDA missing, a file that cannot be written.
    #[error("{0}")]
    Environment(String),
    /// libtorch failed.
    #[error("libtorch: {0}")]
    Torch(String),
}

impl TrainError {
    pub fn input(msg: impl Into<String>) -> Self {
        TrainError::Input(msg.into())
    }
    pub fn env(msg: impl Into<String>) -> Self {
        TrainError::Environment(msg.into())
    }
    /// Whether this is the user's input (exit code 2) rather than the
    /// environment (exit code 3).
    pub fn is_input(&self) -> bool {
        matches!(self, TrainError::Input(_))
    }
}

impl From<tch::TchError> for TrainError {
    fn from(e: tch::TchError) -> Self {
        // libtorch messages carry a C++ backtrace after the first line.
        let text = e.to_string();
        TrainError::Torch(text.lines().next().unwrap_or_default().to_string())
    }
}

/// Reads a file, naming it in the error.
pub fn read_text(path: &std::path::Path) -> Result<String, TrainError> {
    std::fs::read_to_string(path)
        .map_err(|e| TrainError::input(format!("cannot read {}: {e}", path.display())))
}

/// Writes a file, naming it in the error.
pub fn write_file(path: &std::path::Path, bytes: impl AsRef<[u8]>) -> Result<(), TrainError> {
    std::fs::write(path, bytes)
        .map_err(|e| TrainError::env(format!("cannot write {}: {e}", path.display())))
}

pub fn create_dir(path: &std::path::Path) -> Result<(), TrainError> {
    std::fs::create_dir_all(path)
        .map_err(|e| TrainError::env(format!("cannot create {}: {e}", path.display())))
}
