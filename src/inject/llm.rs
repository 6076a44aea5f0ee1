//! The LLM injector (METHODS.md §1): a category-specific prompt with the
//! schema and the target SQL; the model answers in JSON with the buggy SQL,
//! the correct SQL, a reason and whether the bug fits at all.

use crate::llm::reply::parse_injector_reply;
use crate::llm::{LlmClient, LlmError};
use crate::taxonomy::Category;

pub const SYSTEM: &str =
    "You write realistic SQL bugs for training data. Answer with one JSON object only.";

/// The user prompt for one (category, schema, target SQL).
pub fn prompt(category: &Category, schema: &str, sql: &str) -> String {
    let feature = if category.requires.is_empty() && category.requires_any.is_empty() {
        "any query".to_string()
    } else {
        let mut parts = vec![category.requires.join(", ")];
        if !category.requires_any.is_empty() {
            parts.push(format!("one of: {}", category.requires_any.join(", ")));
        }
        parts.retain(|p| !p.is_empty());
        parts.join("; ")
    };
    format!(
        "Inject exactly one bug of this category into the target SQL.\n\n\
         Category: {id}\nDescription: {description}\nThe query must contain: {feature}\n\
         Example correct SQL: {example_correct}\nExample buggy SQL: {example_bug}\n\n\
         [TABLES SCHEMA]\n{schema}\n\n[TARGET SQL]\n{sql}\n\n\
         Rules: keep everything except the bug identical, including comments, indentation and line breaks. \
         If this kind of bug cannot be made in this query, answer with \"suitable\": false.\n\
         Answer with JSON: {{\"error sql\": \"...\", \"correct sql\": \"...\", \"reason\": \"...\", \"suitable\": true}}",
        id = category.id,
        description = category.description,
        example_correct = category.example_correct,
        example_bug = category.example_bug,
        schema = schema.trim(),
        sql = sql,
    )
}

/// What one LLM request produced.
#[derive(Debug)]
pub enum LlmOutcome {
    Bug(String),
    /// The model said the bug does not fit, or its reply was unusable.
    Rejected(String),
    Failed(LlmError),
}

pub async fn inject(
    client: &LlmClient,
    category: &Category,
    schema: &str,
    sql: &str,
) -> LlmOutcome {
    match client.chat(SYSTEM, &prompt(category, schema, sql)).await {
        Err(e) => LlmOutcome::Failed(e),
        Ok(reply) => match parse_injector_reply(&reply.content) {
            Ok(r) if !r.suitable => LlmOutcome::Rejected("llm_not_suitable".into()),
            Ok(r) => LlmOutcome::Bug(r.error_sql),
            Err(_) => LlmOutcome::Rejected("llm_bad_reply".into()),
        },
    }
}
