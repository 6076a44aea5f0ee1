//! HF-layout safetensors: `model.safetensors` or a sharded
//! `model.safetensors.index.json`, read tensor by tensor (a 7B checkpoint
//! never sits in memory twice); written with `{"format": "pt"}` metadata as
//! `transformers` expects.

use super::error::read_text;
use super::model::Params;
use super::TrainError;
use safetensors::tensor::{Dtype, View};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use tch::{Device, Kind, Tensor};

#[derive(serde::Deserialize)]
struct Entry {
    dtype: String,
    shape: Vec<i64>,
    data_offsets: (u64, u64),
}

fn kind_of(dtype: &str) -> Option<Kind> {
    Some(match dtype {
        "F32" => Kind::Float,
        "F16" => Kind::Half,
        "BF16" => Kind::BFloat16,
        "F64" => Kind::Double,
        "I64" => Kind::Int64,
        "I32" => Kind::Int,
        "I16" => Kind::Int16,
        "I8" => Kind::Int8,
        "U8" => Kind::Uint8,
        "BOOL" => Kind::Bool,
        _ => return None,
    })
}

fn dtype_of(kind: Kind) -> Result<Dtype, TrainError> {
    Ok(match kind {
        Kind::Float => Dtype::F32,
        Kind::Half => Dtype::F16,
        Kind::BFloat16 => Dtype::BF16,
        Kind::Double => Dtype::F64,
        Kind::Int64 => Dtype::I64,
        Kind::Int => Dtype::I32,
        Kind::Int16 => Dtype::I16,
        Kind::Int8 => Dtype::I8,
        Kind::Uint8 => Dtype::U8,
        Kind::Bool => Dtype::BOOL,
        other => return Err(TrainError::input(format!("cannot save a {other:?} tensor"))),
    })
}

/// The weight files of a model folder, in order.
pub fn weight_files(dir: &Path) -> Result<Vec<PathBuf>, TrainError> {
    let single = dir.join("model.safetensors");
    if single.is_file() {
        return Ok(vec![single]);
    }
    let index = dir.join("model.safetensors.index.json");
    if index.is_file() {
        let v: serde_json::Value = serde_json::from_str(&read_text(&index)?).map_err(|e| {
            TrainError::input(format!("{}: not a safetensors index: {e}", index.display()))
        })?;
        let Some(map) = v.get("weight_map").and_then(|m| m.as_object()) else {
            return Err(TrainError::input(format!(
                "{}: no weight_map object",
                index.display()
            )));
        };
        let mut files: Vec<String> = map
            .values()
            .filter_map(|f| f.as_str().map(String::from))
            .collect();
        files.sort();
        files.dedup();
        return Ok(files.into_iter().map(|f| dir.join(f)).collect());
    }
    Err(TrainError::input(format!(
        "{}: no model.safetensors or model.safetensors.index.json",
        dir.display()
    )))
}

/// Reads the tensors of one safetensors file that `want` accepts, converted
/// to `kind` (floating tensors only) on `device`.
pub fn read_file(
    path: &Path,
    want: &dyn Fn(&str) -> bool,
    kind: Option<Kind>,
    device: Device,
) -> Result<Params, TrainError> {
    let bad = |m: String| TrainError::input(format!("{}: {m}", path.display()));
    let mut f = std::fs::File::open(path).map_err(|e| bad(format!("cannot open: {e}")))?;
    let mut len = [0u8; 8];
    f.read_exact(&mut len)
        .map_err(|_| bad("not a safetensors file (too short)".into()))?;
    let header_len = u64::from_le_bytes(len);
    if header_len > 100 << 20 {
        return Err(bad("not a safetensors file (header too large)".into()));
    }
    let mut header = vec![0u8; header_len as usize];
    f.read_exact(&mut header)
        .map_err(|_| bad("not a safetensors file (truncated header)".into()))?;
    let mut table: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&header).map_err(|e| bad(format!("not a safetensors file: {e}")))?;
    table.remove("__metadata__");
    let base = 8 + header_len;
    let mut out = Params::new();
    for (name, entry) in table {
        if !want(&name) {
            continue;
        }
        let e: Entry = serde_json::from_value(entry)
            .map_err(|err| bad(format!("tensor '{name}': bad header entry: {err}")))?;
        let file_kind = kind_of(&e.dtype)
            .ok_or_else(|| bad(format!("tensor '{name}': unsupported dtype {}", e.dtype)))?;
        let (start, end) = e.data_offsets;
        let numel: i64 = e.shape.iter().product();
        if end < start || (end - start) as usize != numel as usize * file_kind.elt_size_in_bytes() {
            return Err(bad(format!(
                "tensor '{name}': data size does not match its shape"
            )));
        }
        let mut bytes = vec![0u8; (end - start) as usize];
        f.seek(SeekFrom::Start(base + start))
            .and_then(|_| f.read_exact(&mut bytes))
            .map_err(|err| bad(format!("tensor '{name}': truncated data: {err}")))?;
        let mut t = Tensor::f_from_data_size(&bytes, &e.shape, file_kind)?;
        if let Some(k) = kind {
            if t.is_floating_point() {
                t = t.to_kind(k);
            }
        }
        out.insert(name, t.to_device(device));
    }
    Ok(out)
}

/// Reads every tensor of a model folder that `want` accepts.
pub fn load_dir(
    dir: &Path,
    want: &dyn Fn(&str) -> bool,
    kind: Option<Kind>,
    device: Device,
) -> Result<Params, TrainError> {
    let mut out = Params::new();
    for file in weight_files(dir)? {
        out.extend(read_file(&file, want, kind, device)?);
    }
    Ok(out)
}

struct Bytes {
    dtype: Dtype,
    shape: Vec<usize>,
    data: Vec<u8>,
}

impl View for &Bytes {
    fn dtype(&self) -> Dtype {
        self.dtype
    }
    fn shape(&self) -> &[usize] {
        &self.shape
    }
    fn data(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self.data)
    }
    fn data_len(&self) -> usize {
        self.data.len()
    }
}

/// Writes named tensors as one safetensors file (atomically: a temporary
/// file renamed into place).
pub fn save(tensors: &Params, path: &Path) -> Result<(), TrainError> {
    let mut views = Vec::with_capacity(tensors.len());
    for (name, t) in tensors {
        let t = t.detach().to_device(Device::Cpu).contiguous();
        let numel = t.numel();
        let mut data = vec![0u8; numel * t.kind().elt_size_in_bytes()];
        t.f_copy_data_u8(&mut data, numel)?;
        views.push((
            name.clone(),
            Bytes {
                dtype: dtype_of(t.kind())?,
                shape: t.size().iter().map(|&d| d as usize).collect(),
                data,
            },
        ));
    }
    let tmp = path.with_extension("safetensors.tmp");
    let meta = HashMap::from([("format".to_string(), "pt".to_string())]);
    safetensors::tensor::serialize_to_file(
        views.iter().map(|(n, b)| (n.as_str(), b)),
        Some(meta),
        &tmp,
    )
    .map_err(|e| TrainError::env(format!("cannot write {}: {e}", tmp.display())))?;
    std::fs::rename(&tmp, path)
        .map_err(|e| TrainError::env(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_dtype_shape_and_bits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("model.safetensors");
        let mut p = Params::new();
        p.insert(
            "a.weight".into(),
            Tensor::randn([3, 5], (Kind::Float, Device::Cpu)),
        );
        p.insert(
            "b.bias".into(),
            Tensor::randn([7], (Kind::Float, Device::Cpu)).to_kind(Kind::BFloat16),
        );
        save(&p, &path).unwrap();
        let back = load_dir(dir.path(), &|_| true, None, Device::Cpu).unwrap();
        assert_eq!(back.len(), 2);
        for (n, t) in &p {
            assert_eq!(back[n].kind(), t.kind());
            assert!(back[n].equal(t), "{n}");
        }
        let only = load_dir(
            dir.path(),
            &|n| n.starts_with("a."),
            Some(Kind::Half),
            Device::Cpu,
        )
        .unwrap();
        assert_eq!(only.len(), 1);
        assert_eq!(only["a.weight"].kind(), Kind::Half);
        std::fs::write(&path, b"garbage").unwrap();
        let e = load_dir(dir.path(), &|_| true, None, Device::Cpu)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("model.safetensors: not a safetensors file"),
            "{e}"
        );
    }
}
