//! Benchmarks run by `sqlforge bench`. Each measures a capability against its
//! baseline in one run and reports the ratio.

pub mod engine_overhead;
pub mod oracle;
pub mod recall;
pub mod synth;
