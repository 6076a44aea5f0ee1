//! Engine names as users write them: `duckdb`, `sqlite`, `postgres`, `mysql`
//! or `cmd:'<command line>'`.

use super::SetupError;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EngineKind {
    DuckDb,
    Sqlite,
    Postgres,
    MySql,
    Cmd,
}

impl EngineKind {
    pub fn name(self) -> &'static str {
        match self {
            EngineKind::DuckDb => "duckdb",
            EngineKind::Sqlite => "sqlite",
            EngineKind::Postgres => "postgres",
            EngineKind::MySql => "mysql",
            EngineKind::Cmd => "cmd",
        }
    }

    pub fn is_embedded(self) -> bool {
        matches!(self, EngineKind::DuckDb | EngineKind::Sqlite)
    }
}

impl fmt::Display for EngineKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A parsed `--engine` value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EngineSpec {
    DuckDb,
    Sqlite,
    Postgres,
    MySql,
    /// An external driver: the command line to start it.
    Cmd(String),
}

impl EngineSpec {
    pub const BUILTIN: [EngineSpec; 4] = [
        EngineSpec::DuckDb,
        EngineSpec::Sqlite,
        EngineSpec::Postgres,
        EngineSpec::MySql,
    ];

    pub fn kind(&self) -> EngineKind {
        match self {
            EngineSpec::DuckDb => EngineKind::DuckDb,
            EngineSpec::Sqlite => EngineKind::Sqlite,
            EngineSpec::Postgres => EngineKind::Postgres,
            EngineSpec::MySql => EngineKind::MySql,
            EngineSpec::Cmd(_) => EngineKind::Cmd,
        }
    }

    /// Parses a comma-separated list, as in `--engines duckdb,sqlite`.
    /// Commas inside a `cmd:` command are kept when the command is quoted.
    pub fn parse_list(list: &str) -> Result<Vec<EngineSpec>, SetupError> {
        let mut out = Vec::new();
        let mut rest = list.trim();
        while !rest.is_empty() {
            let (item, tail) = if rest.starts_with("cmd:") {
                split_cmd_item(rest)
            } else {
                rest.split_once(',').unwrap_or((rest, ""))
            };
            out.push(item.trim().parse()?);
            rest = tail.trim_start_matches(',').trim();
        }
        Ok(out)
    }
}

fn split_cmd_item(rest: &str) -> (&str, &str) {
    let body = &rest[4..];
    let quote = body.chars().next().filter(|c| *c == '\'' || *c == '"');
    match quote.and_then(|q| body[1..].find(q).map(|end| end + 2 + 4)) {
        Some(end) => (&rest[..end], &rest[end..]),
        None => rest.split_once(',').unwrap_or((rest, "")),
    }
}

impl FromStr for EngineSpec {
    type Err = SetupError;
    fn from_str(s: &str) -> Result<Self, SetupError> {
        let s = s.trim();
        if let Some(command) = s.strip_prefix("cmd:") {
            let command = command.trim();
            let unquoted = command
                .strip_prefix('\'')
                .and_then(|c| c.strip_suffix('\''))
                .or_else(|| command.strip_prefix('"').and_then(|c| c.strip_suffix('"')))
                .unwrap_or(command)
                .trim();
            if unquoted.is_empty() {
                return Err(SetupError::UnknownEngine(s.to_string()));
            }
            return Ok(EngineSpec::Cmd(unquoted.to_string()));
        }
        match s.to_ascii_lowercase().as_str() {
            "duckdb" => Ok(EngineSpec::DuckDb),
            "sqlite" | "sqlite3" => Ok(EngineSpec::Sqlite),
            "postgres" | "postgresql" | "pg" => Ok(EngineSpec::Postgres),
            "mysql" | "mariadb" => Ok(EngineSpec::MySql),
            _ => Err(SetupError::UnknownEngine(s.to_string())),
        }
    }
}

impl fmt::Display for EngineSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineSpec::Cmd(c) => write!(f, "cmd:{c}"),
            other => f.write_str(other.kind().name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_lists() {
        assert_eq!("DuckDB".parse::<EngineSpec>().unwrap(), EngineSpec::DuckDb);
        assert_eq!("mariadb".parse::<EngineSpec>().unwrap(), EngineSpec::MySql);
        assert!("oracle".parse::<EngineSpec>().is_err());
        assert!("cmd:".parse::<EngineSpec>().is_err());
        assert_eq!(
            EngineSpec::parse_list("duckdb, sqlite,cmd:'python3 d.py --a,b',postgres").unwrap(),
            vec![
                EngineSpec::DuckDb,
                EngineSpec::Sqlite,
                EngineSpec::Cmd("python3 d.py --a,b".into()),
                EngineSpec::Postgres
            ]
        );
    }
}
