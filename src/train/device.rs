//! `--device cpu|cuda|auto`.

use super::TrainError;
use tch::Device;

/// Resolves a `--device` value. `cuda` without a usable CUDA device is an
/// error, not a silent fallback.
pub fn parse_device(text: &str) -> Result<Device, TrainError> {
    match text {
        "cpu" => Ok(Device::Cpu),
        "auto" => Ok(Device::cuda_if_available()),
        "cuda" | "cuda:0" => {
            if tch::Cuda::is_available() {
                Ok(Device::Cuda(0))
            } else {
                Err(TrainError::env(
                    "--device cuda: no CUDA device is available (libtorch sees none); use --device cpu or auto",
                ))
            }
        }
        other => {
            if let Some(n) = other
                .strip_prefix("cuda:")
                .and_then(|n| n.parse::<usize>().ok())
            {
                let count = tch::Cuda::device_count() as usize;
                if n < count {
                    return Ok(Device::Cuda(n));
                }
                return Err(TrainError::env(format!(
                    "--device {other}: libtorch sees {count} CUDA device(s)"
                )));
            }
            Err(TrainError::input(format!(
                "--device '{other}': expected cpu, cuda, cuda:N or auto"
            )))
        }
    }
}

pub fn device_name(d: Device) -> String {
    match d {
        Device::Cpu => "cpu".into(),
        Device::Cuda(n) => format!("cuda:{n}"),
        other => format!("{other:?}").to_lowercase(),
    }
}
