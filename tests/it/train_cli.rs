//! `sqlforge train` end to end (feature `train`): tokenizer, init, masks,
//! DM-SFT overfitting a handful of records then reproducing their fixes,
//! resume after a kill, LoRA, continued pre-training, and bad input.

use crate::common::run_sqlforge as run;
use serde_json::Value as Json;
use sqlforge::dataset::{write_record, Record};
use sqlforge::sql::diff::line_diff;
use std::path::{Path, PathBuf};

const BUGS: [(&str, &str, &str); 6] = [
    (
        "SELECT dept_id, COUNT(*)\nFROM emp\nGROUP BY dept_id",
        "SELECT dept_id, name, COUNT(*)\nFROM emp\nGROUP BY dept_id",
        "column \"emp.name\" must appear in the GROUP BY clause",
    ),
    (
        "SELECT name\nFROM emp\nWHERE salary >= 1000\nORDER BY name",
        "SELECT nme\nFROM emp\nWHERE salary >= 1000\nORDER BY name",
        "no such column: nme",
    ),
    (
        "SELECT e.name, d.title\nFROM emp e\nJOIN dept d ON d.id = e.dept_id",
        "SELECT e.name, d.title\nFROM emp e\nJOIN dept d ON d.id = e.dept",
        "no such column: e.dept",
    ),
    (
        "SELECT id\nFROM emp\nWHERE name LIKE 'A%'\nLIMIT 5",
        "SELECT id\nFROM emp\nWHERE name LIKE 'A%'\nLIMIT 'five'",
        "datatype mismatch",
    ),
    (
        "SELECT dept_id, AVG(salary)\nFROM emp\nGROUP BY dept_id\nHAVING AVG(salary) > 10",
        "SELECT dept_id, AVG(salary)\nFROM emp\nWHERE AVG(salary) > 10\nGROUP BY dept_id",
        "misuse of aggregate: AVG()",
    ),
    (
        "SELECT name\nFROM emp\nWHERE dept_id IN (SELECT id FROM dept)",
        "SELECT name\nFROM emp\nWHERE dept_id IN (SELECT id, title FROM dept)",
        "sub-select returns 2 columns - expected 1",
    ),
];

pub fn record(i: usize) -> Record {
    let (correct, bug, error) = BUGS[i % BUGS.len()];
    Record {
        id: format!("r{i}"),
        category: "semantic.name.unknown_column".into(),
        category_path: vec![],
        engine: "sqlite".into(),
        schema: "CREATE TABLE emp (id INTEGER, name TEXT, salary INTEGER, dept_id INTEGER);\nCREATE TABLE dept (id INTEGER, title TEXT);".into(),
        diff: line_diff(correct, bug),
        correct_sql: correct.into(),
        bug_sql: bug.into(),
        error_message: error.into(),
        error_code: None,
        injector: "rules/test".into(),
        injector_version: "1".into(),
        source_corpus: "hr".into(),
        source_query: format!("hr.q{i}"),
        seed: 1,
        validation: vec![],
    }
}

pub fn write_records(path: &Path, records: &[Record]) {
    let mut f = std::fs::File::create(path).unwrap();
    for r in records {
        write_record(&mut f, r).unwrap();
    }
}

pub fn read_jsonl(path: &Path) -> Vec<Json> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

pub fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(
        code,
        0,
        "sqlforge {}\nstdout: {out}\nstderr: {err}",
        args.join(" ")
    );
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A records file, a tokenizer trained on it and a tiny random model.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub data: PathBuf,
    pub model: PathBuf,
}

pub fn fixture(n: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("train.jsonl");
    write_records(&data, &(0..n).map(record).collect::<Vec<_>>());
    let tok = dir.path().join("tok");
    let out = ok(&[
        "train",
        "tokenizer",
        "--corpus",
        s(&data),
        "--vocab",
        "600",
        "--out",
        s(&tok),
        "--json",
    ]);
    let v: Json = serde_json::from_str(&out).unwrap();
    assert!(v["vocab_size"].as_u64().unwrap() <= 600);
    let model = dir.path().join("init");
    ok(&[
        "train",
        "init",
        "--config",
        "tiny",
        "--tokenizer",
        s(&tok),
        "--out",
        s(&model),
        "--seed",
        "3",
    ]);
    for f in ["config.json", "tokenizer.json", "model.safetensors"] {
        assert!(model.join(f).is_file(), "{f}");
    }
    Fixture { dir, data, model }
}

fn train_args<'a>(f: &'a Fixture, out: &'a Path, extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec![
        "train",
        "run",
        "--data",
        s(&f.data),
        "--model",
        s(&f.model),
        "--out",
        s(out),
        "--device",
        "cpu",
        "--batch",
        "3",
        "--lr",
        "5e-3",
        "--warmup",
        "10",
        "--seed",
        "11",
    ];
    a.extend_from_slice(extra);
    a
}

#[test]
fn masks_show_each_target_line_with_its_class() {
    let f = fixture(6);
    let out = ok(&[
        "train",
        "masks",
        "--data",
        s(&f.data),
        "--model",
        s(&f.model),
        "--json",
    ]);
    let v: Json = serde_json::from_str(&out).unwrap();
    let recs = v["records"].as_array().unwrap();
    assert_eq!(recs.len(), 6);
    // r4: the WHERE line is deleted (so GROUP BY, which follows it, is
    // diff) and HAVING is added.
    let lines = recs[4]["lines"].as_array().unwrap();
    let classes: Vec<&str> = lines.iter().map(|l| l["class"].as_str().unwrap()).collect();
    assert_eq!(classes, ["consistent", "consistent", "diff", "diff"]);
    assert_eq!(lines[2]["kind"], "after_deletion");
    assert_eq!(lines[3]["kind"], "added");
    // r2: one changed line.
    let kinds: Vec<&Json> = recs[2]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| &l["kind"])
        .collect();
    assert_eq!(kinds, [&Json::Null, &Json::Null, &Json::from("changed")]);
    assert_eq!(lines[3]["text"], "HAVING AVG(salary) > 10");
    assert!(lines.iter().all(|l| l["tokens"].as_u64().unwrap() > 0));
    let human = ok(&["train", "masks", "--data", s(&f.data), "--limit", "1"]);
    assert!(human.contains("r0 (1 diff of 3 lines)"), "{human}");
    assert!(human.contains("diff/changed"), "{human}");
}

#[test]
fn dm_sft_overfits_a_handful_of_records_and_generation_reproduces_the_fixes() {
    let f = fixture(6);
    let out = f.dir.path().join("run");
    let valid = f.data.clone();
    let mut args = train_args(
        &f,
        &out,
        &[
            "--method",
            "dm-sft",
            "--mask-ratio",
            "0.3",
            "--steps",
            "240",
            "--eval-every",
            "120",
            "--json",
        ],
    );
    args.extend(["--valid", s(&valid)]);
    let summary: Json = serde_json::from_str(&ok(&args)).unwrap();
    assert_eq!(summary["steps"], 240);
    let metrics = read_jsonl(&out.join("metrics.jsonl"));
    let steps: Vec<&Json> = metrics.iter().filter(|m| m.get("loss").is_some()).collect();
    assert_eq!(steps.len(), 240);
    for key in ["step", "loss", "l1", "l2", "lr", "tokens_per_s"] {
        assert!(steps[0].get(key).is_some(), "metrics lack {key}");
    }
    let first = steps[0]["loss"].as_f64().unwrap();
    let valid_lines: Vec<&Json> = metrics
        .iter()
        .filter(|m| m.get("valid_loss").is_some())
        .collect();
    assert_eq!(valid_lines.len(), 2);
    let last_valid = valid_lines[1];
    let (vl, v1, v2) = (
        last_valid["valid_loss"].as_f64().unwrap(),
        last_valid["valid_l1"].as_f64().unwrap(),
        last_valid["valid_l2"].as_f64().unwrap(),
    );
    assert!((vl - (v1 + v2)).abs() < 1e-9);
    assert!(first > 3.0, "a random model starts near ln(vocab): {first}");
    assert!(
        vl < 0.05,
        "validation loss on the training records should be near zero: {vl}"
    );
    assert!(v2 > 0.0);

    let preds = f.dir.path().join("preds.jsonl");
    let g: Json = serde_json::from_str(&ok(&[
        "train",
        "generate",
        "--model",
        s(&out),
        "--data",
        s(&f.data),
        "--out",
        s(&preds),
        "--greedy",
        "--device",
        "cpu",
        "--max-new-tokens",
        "80",
        "--json",
    ]))
    .unwrap();
    assert_eq!(g["records"], 6);
    let lines = read_jsonl(&preds);
    assert_eq!(lines.len(), 6);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], format!("r{i}"));
        assert_eq!(l["pred_sql"].as_str().unwrap(), BUGS[i].0, "record r{i}");
    }
    // The library entry point the eval harness uses gives the same texts.
    let prompts: Vec<String> = (0..6)
        .map(|i| sqlforge::dataset::prompt::paper_prompt(&record(i)))
        .collect();
    let opts = sqlforge::train::generate::GenerateOptions {
        device: tch::Device::Cpu,
        max_new_tokens: 80,
        ..Default::default()
    };
    let fixes = sqlforge::train::generate::generate_fixes(&out, &prompts, &opts).unwrap();
    assert_eq!(
        fixes,
        BUGS.iter().map(|b| b.0.to_string()).collect::<Vec<_>>()
    );
    // Sampling at a low temperature, seeded, is reproducible.
    let sampled = |seed: &str| {
        let p = f.dir.path().join(format!("s{seed}.jsonl"));
        ok(&[
            "train",
            "generate",
            "--model",
            s(&out),
            "--data",
            s(&f.data),
            "--out",
            s(&p),
            "--temperature",
            "0.7",
            "--top-p",
            "0.9",
            "--device",
            "cpu",
            "--max-new-tokens",
            "80",
            "--seed",
            seed,
        ]);
        std::fs::read_to_string(p).unwrap()
    };
    assert_eq!(sampled("5"), sampled("5"));

    // `sqlforge eval --model local:DIR` scores the trained model end to end:
    // every fix is reproduced, so every record is right and exact.
    let eval_out = f.dir.path().join("eval");
    let rep: Json = serde_json::from_str(&ok(&[
        "eval",
        "--data",
        s(&f.data),
        "--model",
        &format!("local:{}", s(&out)),
        "--out",
        s(&eval_out),
        "--corpora",
        s(f.dir.path()),
        "--json",
    ]))
    .unwrap();
    assert_eq!(rep["evaluated_now"], 6, "{rep}");
    assert_eq!(rep["report"]["overall"]["scored"], 6, "{rep}");
    assert_eq!(rep["report"]["overall"]["accuracy"], 1.0, "{rep}");
    assert_eq!(rep["report"]["exact_match_rate"], 1.0, "{rep}");
    assert_eq!(rep["report"]["hallucinated_edit_rate"], 0.0, "{rep}");
    // The untrained model gets them wrong, and its edits are counted.
    let init_out = f.dir.path().join("eval-init");
    let rep: Json = serde_json::from_str(&ok(&[
        "eval",
        "--data",
        s(&f.data),
        "--model",
        &format!("local:{}", s(&f.model)),
        "--out",
        s(&init_out),
        "--corpora",
        s(f.dir.path()),
        "--no-fuzz",
        "--json",
    ]))
    .unwrap();
    assert_eq!(rep["report"]["exact_match_rate"], 0.0, "{rep}");
    assert!(rep["report"]["overall"]["accuracy"].as_f64().unwrap() < 0.5);
}

fn tensors(path: &Path) -> sqlforge::train::model::Params {
    sqlforge::train::weights::read_file(path, &|_| true, None, tch::Device::Cpu).unwrap()
}

#[test]
fn resume_after_a_kill_ends_with_the_weights_of_an_uninterrupted_run() {
    let f = fixture(6);
    let common = [
        "--method",
        "dm-sft",
        "--mask-ratio",
        "0.5",
        "--steps",
        "60",
        "--save-every",
        "4",
        "--grad-accum",
        "2",
    ];
    let straight = f.dir.path().join("straight");
    ok(&train_args(&f, &straight, &common));

    let killed = f.dir.path().join("killed");
    let args = train_args(&f, &killed, &common);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sqlforge"))
        .args(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let metrics = killed.join("metrics.jsonl");
    let started = std::time::Instant::now();
    loop {
        let steps = std::fs::read_to_string(&metrics)
            .map(|t| t.lines().count())
            .unwrap_or(0);
        if steps >= 10 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be killed"
        );
        assert!(started.elapsed().as_secs() < 120, "no progress");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        !killed.join("model.safetensors").exists(),
        "killed before the end"
    );
    let state: Json = serde_json::from_str(
        &std::fs::read_to_string(killed.join("checkpoint/state.json"))
            .or_else(|_| std::fs::read_to_string(killed.join("checkpoint.old/state.json")))
            .unwrap(),
    )
    .unwrap();
    let at = state["step"].as_u64().unwrap();
    assert!(
        (8..60).contains(&at) && at.is_multiple_of(4),
        "checkpoint at {at}"
    );

    // Without --resume the checkpoint is not overwritten.
    let (code, _, err) = run(&args);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pass --resume"), "{err}");
    // Resuming with other options is refused.
    let mut other = args.clone();
    other.extend(["--resume", "--weight-decay", "0.1"]);
    let (code, _, err) = run(&other);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("options changed: weight-decay"), "{err}");

    let mut resume = args.clone();
    resume.extend(["--resume", "--json"]);
    let summary: Json = serde_json::from_str(&ok(&resume)).unwrap();
    assert_eq!(summary["resumed_from"], at);
    let a = tensors(&straight.join("model.safetensors"));
    let b = tensors(&killed.join("model.safetensors"));
    assert_eq!(a.len(), b.len());
    for (name, t) in &a {
        assert!(t.equal(&b[name]), "{name} differs after resume");
    }
    // The metrics of the resumed run are those of the uninterrupted one.
    let losses = |p: &Path| -> Vec<(u64, f64)> {
        read_jsonl(&p.join("metrics.jsonl"))
            .iter()
            .filter(|m| m.get("loss").is_some())
            .map(|m| (m["step"].as_u64().unwrap(), m["loss"].as_f64().unwrap()))
            .collect()
    };
    assert_eq!(losses(&straight), losses(&killed));
}

#[test]
fn lora_trains_adapters_only_and_saves_a_merged_model() {
    let f = fixture(3);
    let out = f.dir.path().join("lora");
    ok(&train_args(
        &f,
        &out,
        &[
            "--method",
            "sft",
            "--steps",
            "6",
            "--lora-rank",
            "4",
            "--lora-alpha",
            "8",
            "--lora-targets",
            "q_proj,v_proj",
        ],
    ));
    let adapters = tensors(&out.join("adapter_model.safetensors"));
    assert_eq!(adapters.len(), 2 * 2 * 2, "A and B for q and v in 2 layers");
    assert!(adapters.contains_key("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"));
    let before = tensors(&f.model.join("model.safetensors"));
    let after = tensors(&out.join("model.safetensors"));
    assert!(before["model.layers.0.mlp.up_proj.weight"]
        .equal(&after["model.layers.0.mlp.up_proj.weight"]));
    assert!(!before["model.layers.0.self_attn.q_proj.weight"]
        .equal(&after["model.layers.0.self_attn.q_proj.weight"]));
    let cfg: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("adapter_config.json")).unwrap())
            .unwrap();
    assert_eq!(cfg["r"], 4);
}

#[test]
fn continue_pretrain_on_a_sql_corpus_lowers_the_loss() {
    let f = fixture(3);
    let out = f.dir.path().join("cpt");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/hr");
    ok(&[
        "train",
        "continue-pretrain",
        "--corpus",
        s(&corpus),
        "--model",
        s(&f.model),
        "--out",
        s(&out),
        "--steps",
        "30",
        "--batch",
        "4",
        "--seq-len",
        "64",
        "--lr",
        "3e-3",
        "--device",
        "cpu",
    ]);
    let m = read_jsonl(&out.join("metrics.jsonl"));
    let first = m[0]["loss"].as_f64().unwrap();
    let last = m[29]["loss"].as_f64().unwrap();
    assert!(last < first - 1.0, "loss {first} -> {last}");
    assert!(out.join("model.safetensors").is_file());
}

#[test]
fn bad_input_is_a_one_line_error() {
    let f = fixture(2);
    let out = f.dir.path().join("o");
    let err_of = |args: &[&str], code: i32| -> String {
        let (c, _, err) = run(args);
        assert_eq!(c, code, "sqlforge {}: {err}", args.join(" "));
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        err
    };
    // A record with empty SQL, named by file and line.
    let bad = f.dir.path().join("bad.jsonl");
    let mut empty = record(1);
    empty.correct_sql = " ".into();
    write_records(&bad, &[record(0), empty]);
    let mut a = train_args(&f, &out, &["--steps", "1"]);
    a[3] = s(&bad);
    let e = err_of(&a, 2);
    assert!(
        e.contains("bad.jsonl:2: record 'r1' has an empty correct_sql"),
        "{e}"
    );

    // Weights without a tensor the config calls for: the tensor is named.
    let broken = f.dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    for n in ["config.json", "tokenizer.json"] {
        std::fs::copy(f.model.join(n), broken.join(n)).unwrap();
    }
    let mut t = tensors(&f.model.join("model.safetensors"));
    t.remove("model.layers.1.mlp.up_proj.weight");
    sqlforge::train::weights::save(&t, &broken.join("model.safetensors")).unwrap();
    let mut a = train_args(&f, &out, &["--steps", "1"]);
    a[5] = s(&broken);
    let e = err_of(&a, 2);
    assert!(
        e.contains("missing tensor 'model.layers.1.mlp.up_proj.weight'"),
        "{e}"
    );

    // A config whose shapes disagree with the weights.
    let mut cfg: Json =
        serde_json::from_str(&std::fs::read_to_string(f.model.join("config.json")).unwrap())
            .unwrap();
    cfg["intermediate_size"] = 96.into();
    std::fs::write(broken.join("config.json"), cfg.to_string()).unwrap();
    sqlforge::train::weights::save(
        &tensors(&f.model.join("model.safetensors")),
        &broken.join("model.safetensors"),
    )
    .unwrap();
    let e = err_of(&a, 2);
    assert!(e.contains("tensor 'model.layers.0.mlp.gate_proj.weight' has shape [128, 64] but the config calls for [96, 64]"), "{e}");

    // A tokenizer with more tokens than the model's vocabulary.
    let mut cfg: Json =
        serde_json::from_str(&std::fs::read_to_string(f.model.join("config.json")).unwrap())
            .unwrap();
    cfg["vocab_size"] = 100.into();
    std::fs::write(broken.join("config.json"), cfg.to_string()).unwrap();
    let e = err_of(&a, 2);
    assert!(e.contains("does not match the model"), "{e}");

    // No config at all.
    std::fs::remove_file(broken.join("config.json")).unwrap();
    let e = err_of(&a, 2);
    assert!(e.contains("no config.json"), "{e}");

    // --device cuda without CUDA (this machine has none) is an environment error.
    if !tch::Cuda::is_available() {
        let mut a = train_args(&f, &out, &["--steps", "1"]);
        let at = a.iter().position(|x| *x == "cpu").unwrap();
        a[at] = "cuda";
        let e = err_of(&a, 3);
        assert!(e.contains("no CUDA device"), "{e}");
    }
    // --mask-ratio with sft, and out of range.
    let e = err_of(
        &train_args(
            &f,
            &out,
            &["--steps", "1", "--method", "sft", "--mask-ratio", "0.5"],
        ),
        2,
    );
    assert!(e.contains("--mask-ratio applies to --method dm-sft"), "{e}");
    let e = err_of(
        &train_args(&f, &out, &["--steps", "1", "--mask-ratio", "1.5"]),
        2,
    );
    assert!(e.contains("between 0 and 1"), "{e}");
}
