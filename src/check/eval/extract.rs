//! The SQL inside a model's reply: the first fenced code block (preferring
//! one tagged `sql`), else the whole reply without a leading "SQL:" label.

/// The SQL of `reply`, trimmed; empty when the reply holds none.
pub fn extract_sql(reply: &str) -> String {
    let blocks = fenced_blocks(reply);
    if let Some((_, body)) = blocks
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case("sql"))
    {
        return body.trim().to_string();
    }
    if let Some((_, body)) = blocks.first() {
        return body.trim().to_string();
    }
    let text = reply.trim();
    for label in ["SQL:", "sql:", "Fixed SQL:", "Corrected SQL:"] {
        if let Some(rest) = text.strip_prefix(label) {
            return rest.trim().to_string();
        }
    }
    text.to_string()
}

/// (info string, body) of every ``` block.
fn fenced_blocks(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(tag) = line.trim_start().strip_prefix("```") else {
            continue;
        };
        let mut body = Vec::new();
        let mut closed = false;
        for l in lines.by_ref() {
            if l.trim_start().starts_with("```") {
                closed = true;
                break;
            }
            body.push(l);
        }
        if closed || !body.is_empty() {
            out.push((tag.trim().to_string(), body.join("\n")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::extract_sql;

    #[test]
    fn prefers_the_sql_fence() {
        let reply =
            "Here is the fix:\n```text\nnot this\n```\n```sql\nSELECT 1\nFROM t\n```\nDone.";
        assert_eq!(extract_sql(reply), "SELECT 1\nFROM t");
    }

    #[test]
    fn takes_any_fence_then_plain_text() {
        assert_eq!(extract_sql("```\nSELECT 2\n```"), "SELECT 2");
        assert_eq!(extract_sql("  SQL: SELECT 3  "), "SELECT 3");
        assert_eq!(extract_sql("SELECT 4\nFROM t\n"), "SELECT 4\nFROM t");
        assert_eq!(extract_sql("```sql\nSELECT 5"), "SELECT 5");
        assert_eq!(extract_sql(""), "");
    }
}
