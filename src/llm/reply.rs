//! Reading the JSON an LLM was asked for out of what it actually wrote:
//! code fences, prose around the object and key spellings are tolerated;
//! anything else is a rejection with a reason, never a panic.

use serde_json::Value;

/// The injector's answer (METHODS.md §1): the buggy SQL, the correct SQL,
/// why, and whether the bug could be made at all.
#[derive(Debug, Clone, PartialEq)]
pub struct InjectorReply {
    pub error_sql: String,
    pub correct_sql: String,
    pub reason: String,
    pub suitable: bool,
}

/// The first balanced JSON object in `text` that parses.
pub fn extract_json_object(text: &str) -> Option<Value> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(offset) = text[start..].find('{') {
        let open = start + offset;
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        for (i, &b) in bytes.iter().enumerate().skip(open) {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        if let Ok(v @ Value::Object(_)) =
                            serde_json::from_str::<Value>(&text[open..=i])
                        {
                            return Some(v);
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
        start = open + 1;
    }
    None
}

fn field<'a>(obj: &'a serde_json::Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    obj.iter()
        .find(|(k, _)| {
            let norm = k.to_ascii_lowercase().replace(['_', '-'], " ");
            names.contains(&norm.trim())
        })
        .map(|(_, v)| v)
}

/// Parses an injector reply; `Err` says why it is rejected.
pub fn parse_injector_reply(text: &str) -> Result<InjectorReply, String> {
    let value = extract_json_object(text).ok_or("the reply contains no JSON object")?;
    let obj = value.as_object().ok_or("the reply is not a JSON object")?;
    let text_of = |names: &[&str]| {
        field(obj, names)
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let suitable = match field(obj, &["suitable"]) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => !matches!(
            s.to_ascii_lowercase().as_str(),
            "false" | "no" | "not suitable"
        ),
        None => true,
        Some(other) => return Err(format!("\"suitable\" is {other}, not a boolean")),
    };
    let reason = text_of(&["reason"]).unwrap_or_default();
    if !suitable {
        return Ok(InjectorReply {
            error_sql: String::new(),
            correct_sql: String::new(),
            reason,
            suitable,
        });
    }
    let error_sql =
        text_of(&["error sql", "bug sql", "buggy sql"]).ok_or("no \"error sql\" string")?;
    let correct_sql = text_of(&["correct sql", "fixed sql"]).ok_or("no \"correct sql\" string")?;
    if error_sql.trim().is_empty() || correct_sql.trim().is_empty() {
        return Err("an SQL field is empty".into());
    }
    Ok(InjectorReply {
        error_sql,
        correct_sql,
        reason,
        suitable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fenced_json_with_prose_and_spaced_keys() {
        let text = "Sure! Here it is:\n```json\n{\"error sql\": \"SELECT a, b FROM t GROUP BY a\", \"correct sql\": \"SELECT a FROM t GROUP BY a\", \"reason\": \"b {not} grouped\", \"suitable\": true}\n```\nHope this helps.";
        let r = parse_injector_reply(text).unwrap();
        assert_eq!(r.error_sql, "SELECT a, b FROM t GROUP BY a");
        assert_eq!(r.reason, "b {not} grouped");
        assert!(r.suitable);
    }

    #[test]
    fn underscored_keys_and_not_suitable() {
        let r = parse_injector_reply("{\"error_sql\": \"x\", \"correct_sql\": \"y\", \"suitable\": \"no\", \"reason\": \"no GROUP BY\"}").unwrap();
        assert!(!r.suitable);
        assert_eq!(r.reason, "no GROUP BY");
    }

    #[test]
    fn garbage_is_a_rejection_not_a_panic() {
        for bad in [
            "",
            "no json here",
            "{\"error sql\": 1}",
            "{not json}",
            "[1, 2]",
            "{\"correct sql\": \"x\"}",
            "{\"error sql\": \"\", \"correct sql\": \"x\"}",
        ] {
            assert!(parse_injector_reply(bad).is_err(), "{bad}");
        }
    }
}
