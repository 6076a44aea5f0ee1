//! The paper's prompt (METHODS.md §1): `[TABLES SCHEMA]`, `[BUG SQL]` and
//! `[ERROR MESSAGE]` sections, with the correct SQL as the response; and the
//! OpenAI chat-messages form of the same sample.

use super::record::Record;
use serde_json::json;

pub const INSTRUCTION: &str = "Fix the bug in the SQL below. Use the table schema and the error message. \
Write the whole corrected SQL and nothing else. Do not change existing comments or any code that is already correct.";

/// The prompt text for one record (everything before the response).
pub fn paper_prompt(r: &Record) -> String {
    let error = if r.error_message.is_empty() {
        "(no error: the query runs but returns wrong results)".to_string()
    } else {
        r.error_message.clone()
    };
    format!(
        "{INSTRUCTION}\n\n[TABLES SCHEMA]\n{}\n\n[BUG SQL]\n{}\n\n[ERROR MESSAGE]\n{}\n",
        r.schema.trim(),
        r.bug_sql.trim_end(),
        error.trim()
    )
}

/// One `{"prompt", "response"}` object.
pub fn paper_example(r: &Record) -> serde_json::Value {
    json!({"id": r.id, "prompt": paper_prompt(r), "response": r.correct_sql})
}

/// One `{"messages": [...]}` object in the OpenAI chat fine-tuning format.
pub fn chat_example(r: &Record) -> serde_json::Value {
    json!({
        "messages": [
            {"role": "system", "content": "You are an expert SQL engineer who fixes buggy SQL."},
            {"role": "user", "content": paper_prompt(r)},
            {"role": "assistant", "content": r.correct_sql},
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_prompt_has_the_three_sections_in_order() {
        let p = paper_prompt(&crate::dataset::record::sample());
        let schema = p.find("[TABLES SCHEMA]\nCREATE TABLE emp").unwrap();
        let bug = p.find("[BUG SQL]\nSELECT dept_id, name, COUNT(*)").unwrap();
        let error = p.find("[ERROR MESSAGE]\ncolumn \"emp.name\"").unwrap();
        assert!(schema < bug && bug < error);
        assert!(
            !p.contains("GROUP BY dept_id\n\nSELECT dept_id, COUNT(*)"),
            "the answer leaked into the prompt"
        );
    }

    #[test]
    fn chat_form_puts_the_fix_in_the_assistant_turn() {
        let r = crate::dataset::record::sample();
        let c = chat_example(&r);
        assert_eq!(c["messages"][2]["role"], "assistant");
        assert_eq!(c["messages"][2]["content"], r.correct_sql);
        assert_eq!(c["messages"][1]["content"], paper_prompt(&r));
        assert_eq!(paper_example(&r)["response"], r.correct_sql);
    }
}
