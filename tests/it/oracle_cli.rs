//! `sqlforge oracle run|check` end to end: the bundled oracles hold on all
//! four real engines, a planted engine bug is caught with a bug folder,
//! shards add up to the whole run, and bad input is reported while the
//! campaign goes on.

use crate::common::{driver_command, run_sqlforge};
use serde_json::Value as Json;
use std::path::Path;

const ORACLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/oracles");

fn json(out: &str) -> Json {
    serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn bundled_oracles_hold_on_every_engine() {
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("junit.xml");
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        ORACLES,
        "--engines",
        "duckdb,sqlite,postgres,mysql",
        "--cases",
        "400",
        "--seed",
        "11",
        "--out",
        dir.path().to_str().unwrap(),
        "--junit",
        junit.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}\n{out}");
    let s = json(&out);
    assert_eq!(s["findings"], 0, "{s}");
    let tally = s["tally"].as_object().unwrap();
    assert!(tally.len() >= 30, "{} oracles ran", tally.len());
    for (oracle, engines) in tally {
        let passed: u64 = engines
            .as_object()
            .unwrap()
            .values()
            .map(|t| t["passed"].as_u64().unwrap())
            .sum();
        assert!(passed > 0, "{oracle} never passed: {engines}");
    }
    for engine in ["duckdb", "sqlite", "postgres", "mysql"] {
        let passed: u64 = tally
            .values()
            .filter_map(|e| e[engine]["passed"].as_u64())
            .sum();
        assert!(passed > 100, "{engine}: {passed} passed");
    }
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains("<testcase classname=\"tlp_where\" name=\"postgres\">"),
        "{xml}"
    );
    assert!(!xml.contains("<failure"));
}

#[test]
fn a_planted_left_join_bug_is_caught_with_a_bug_folder() {
    let dir = tempfile::tempdir().unwrap();
    let engine = format!("cmd:{}", driver_command("--plant-left-join-on-true"));
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        &format!("{ORACLES}/joins.toml"),
        "--engines",
        &engine,
        "--cases",
        "70",
        "--seed",
        "1",
        "--out",
        dir.path().to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 1, "{err}\n{out}");
    let s = json(&out);
    let unique = s["unique_findings"].as_object().unwrap();
    assert_eq!(
        unique.keys().collect::<Vec<_>>(),
        vec!["left_join_empty_on_true.cmd.row_count"],
        "{s}"
    );
    let folder = dir
        .path()
        .join("findings/left_join_empty_on_true.cmd.row_count");
    for f in [
        "seed.txt",
        "setup.sql",
        "query_a.sql",
        "query_b.sql",
        "result_a.txt",
        "result_b.txt",
        "engine.txt",
        "count.txt",
    ] {
        assert!(folder.join(f).exists(), "{f} missing");
    }
    let a = std::fs::read_to_string(folder.join("query_a.sql")).unwrap();
    assert!(a.contains("LEFT JOIN") && a.contains("ON TRUE"), "{a}");
    let count: u64 = std::fs::read_to_string(folder.join("count.txt"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(
        count,
        unique["left_join_empty_on_true.cmd.row_count"]
            .as_u64()
            .unwrap()
    );
    // Reduced to a one-row reproduction that still fails the same way.
    let reduced = std::fs::read_to_string(folder.join("reduced_setup.sql")).unwrap();
    assert_eq!(reduced.matches("INSERT INTO").count(), 1, "{reduced}");
    assert!(!reduced.contains("CREATE INDEX"), "{reduced}");
    // Columns the queries do not use are gone too.
    assert!(!reduced.contains("c_date"), "{reduced}");
    // The queries shrank on their AST as well (one select item each), and
    // the shrunk pair still holds on the reference engine.
    let reduced_a = std::fs::read_to_string(folder.join("reduced_query_a.sql")).unwrap();
    let reduced_b = std::fs::read_to_string(folder.join("reduced_query_b.sql")).unwrap();
    assert!(!reduced_a.contains(", t0."), "{reduced_a}");
    assert!(!reduced_b.contains(", t0."), "{reduced_b}");
    assert!(
        reduced_a.to_uppercase().contains("LEFT JOIN"),
        "{reduced_a}"
    );
    let setup = std::fs::read_to_string(folder.join("setup.sql")).unwrap();
    assert!(setup.len() > reduced.len());
    assert!(folder.join("reduced_query_a.sql").exists());
    // Every occurrence is logged as it happens.
    let log = std::fs::read_to_string(dir.path().join("findings.jsonl")).unwrap();
    assert_eq!(log.lines().count() as u64, count);
    // The same driver without the planted bug passes.
    let clean = format!("cmd:{}", driver_command(""));
    let (code, _, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        &format!("{ORACLES}/joins.toml"),
        "--engines",
        &clean,
        "--cases",
        "70",
        "--seed",
        "1",
        "--out",
        dir.path().join("clean").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
}

fn run_shard(dir: &Path, shard: &str) -> Json {
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        ORACLES,
        "--engines",
        "duckdb",
        "--cases",
        "90",
        "--seed",
        "4",
        "--shard",
        shard,
        "--out",
        dir.join(shard.replace('/', "_")).to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    json(&out)
}

#[test]
fn shards_together_run_the_whole_campaign() {
    let dir = tempfile::tempdir().unwrap();
    let whole = run_shard(dir.path(), "0/1");
    let parts = [
        run_shard(dir.path(), "0/3"),
        run_shard(dir.path(), "1/3"),
        run_shard(dir.path(), "2/3"),
    ];
    for key in ["cases", "executed", "passed"] {
        let sum: u64 = parts.iter().map(|p| p[key].as_u64().unwrap()).sum();
        assert_eq!(sum, whole[key].as_u64().unwrap(), "{key}");
    }
    assert_eq!(whole["cases"], 90);
}

#[test]
fn bad_input_is_reported_and_the_campaign_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let oracles = dir.path().join("oracles");
    std::fs::create_dir(&oracles).unwrap();
    std::fs::copy(format!("{ORACLES}/norec.toml"), oracles.join("a.toml")).unwrap();
    std::fs::write(
        oracles.join("b.toml"),
        "[[oracle]]\nid = \"broken\"\ncompare = \"multiset\"\nprovenance = \"hand-written\"\nverification = \"tested\"\nquery_a = \"SELECT [x:t9:INT]\"\nquery_b = \"SELECT 1\"\n",
    )
    .unwrap();
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        oracles.to_str().unwrap(),
        "--engines",
        "sqlite",
        "--cases",
        "9",
        "--out",
        dir.path().join("out").to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("b.toml:1: oracle 'broken': placeholder [x]: 't9' is not a table placeholder"),
        "{err}"
    );
    assert_eq!(json(&out)["tally"].as_object().unwrap().len(), 3);

    for (args, needle) in [
        (vec!["--oracles", "/nonexistent"], "oracles not found"),
        (vec!["--shard", "3/2"], "--shard '3/2'"),
        (vec!["--duration", "5 weeks"], "--duration"),
        (vec!["--engines", "oracle9"], "unknown engine"),
    ] {
        let mut all = vec!["oracle", "run", "--out", "/tmp/sqlforge-never"];
        all.extend(args);
        let (code, _, err) = run_sqlforge(&all);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(needle), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}

#[test]
fn check_labels_a_true_oracle_tested_and_rejects_a_false_one() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "check",
        &format!("{ORACLES}/logic.toml"),
        "--databases",
        "5",
        "--fillings",
        "4",
        "--out",
        dir.path().join("good").to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert!(
        v["oracles"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["verdict"] == "tested"),
        "{v}"
    );

    let wrong = dir.path().join("wrong.toml");
    std::fs::write(
        &wrong,
        "[[oracle]]\nid = \"where_changes_nothing\"\ncompare = \"multiset\"\nprovenance = \"llm-discovered\"\nverification = \"unverified\"\nquery_a = \"SELECT t0.c_int FROM [t0:TABLE] AS t0 WHERE [p:t0:BOOLEAN]\"\nquery_b = \"SELECT t0.c_int FROM [t0] AS t0\"\n",
    )
    .unwrap();
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "check",
        wrong.to_str().unwrap(),
        "--databases",
        "5",
        "--fillings",
        "4",
        "--out",
        dir.path().join("bad").to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("where_changes_nothing: rejected"), "{out}");
    assert!(dir
        .path()
        .join("bad/where_changes_nothing/findings")
        .read_dir()
        .unwrap()
        .next()
        .is_some());
}

#[test]
fn two_workers_run_the_same_cases_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let run = |workers: &str| {
        let (code, out, err) = run_sqlforge(&[
            "oracle",
            "run",
            "--oracles",
            ORACLES,
            "--engines",
            "duckdb,sqlite",
            "--cases",
            "120",
            "--seed",
            "8",
            "--workers",
            workers,
            "--out",
            dir.path().join(workers).to_str().unwrap(),
            "--json",
        ]);
        assert_eq!(code, 0, "{err}");
        json(&out)
    };
    let (one, two) = (run("1"), run("2"));
    for key in ["cases", "executed", "passed", "tally"] {
        assert_eq!(one[key], two[key], "{key}");
    }
}

#[test]
fn snippets_are_verified_per_engine_with_their_checks() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "snippets",
        "build",
        "--engines",
        "duckdb,sqlite,postgres,mysql",
        "--count",
        "400",
        "--seed",
        "3",
        "--out",
        dir.path().to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report = json(&out);
    assert_eq!(report["engines"].as_array().unwrap().len(), 4);
    for engine in ["duckdb", "sqlite", "postgres", "mysql"] {
        let text = std::fs::read_to_string(dir.path().join(format!("{engine}.jsonl"))).unwrap();
        let snippets: Vec<Json> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(snippets.len(), 400, "{engine}");
        // RANDOM() exists except on MySQL; where it runs, the check sees it.
        if engine != "mysql" {
            assert!(
                snippets.iter().any(|s| s["deterministic"] == false),
                "[{engine}] no snippet failed the determinism check"
            );
        }
        for s in &snippets {
            let sql = s["sql"].as_str().unwrap();
            assert!(
                !s["engine_type"].as_str().unwrap().is_empty() || engine == "sqlite",
                "{s}"
            );
            if sql.starts_with("COUNT(") || sql.starts_with("MAX(") {
                assert_eq!(s["empty_preserving"], false, "[{engine}] {s}");
            }

            if sql == "snip.c_int" {
                assert_eq!(s["null_preserving"], true);
            }
            if sql.starts_with("COALESCE(") && sql.ends_with(", 1)") {
                assert_eq!(s["null_preserving"], false, "[{engine}] {s}");
            }
        }
    }
    // A campaign filled from these snippets runs clean.
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        ORACLES,
        "--snippets",
        dir.path().to_str().unwrap(),
        "--engines",
        "duckdb,sqlite",
        "--cases",
        "150",
        "--out",
        dir.path().join("run").to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(json(&out)["passed"].as_u64().unwrap() > 100);
    let (code, _, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--snippets",
        "/nonexistent",
        "--cases",
        "5",
        "--out",
        dir.path().join("never").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no duckdb.jsonl, sqlite.jsonl"), "{err}");
}

#[test]
fn the_shipped_snippet_corpus_has_5000_per_engine() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/snippets");
    for engine in ["duckdb", "sqlite", "postgres", "mysql"] {
        let snippets =
            sqlforge::oracle::snippets::read(&Path::new(dir).join(format!("{engine}.jsonl")))
                .unwrap();
        assert!(snippets.len() >= 5000, "{engine}: {}", snippets.len());
    }
    let pool = sqlforge::oracle::snippets::usable(
        Path::new(dir),
        &["duckdb", "sqlite", "postgres", "mysql"],
    )
    .unwrap();
    let total: usize = pool.values().map(Vec::len).sum();
    assert!(total >= 1000, "{total} snippets run on all four engines");
    assert_eq!(pool.len(), 5, "every type has snippets: {:?}", pool.keys());
}

/// The sqllogictest runner over a sandboxed engine, values rendered as the
/// exporter renders them.
struct SltDb(Box<dyn sqlforge::engine::Engine>);

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct SltError(String);

#[async_trait::async_trait]
impl sqllogictest::AsyncDB for SltDb {
    type Error = SltError;
    type ColumnType = sqllogictest::DefaultColumnType;

    async fn run(
        &mut self,
        sql: &str,
    ) -> Result<sqllogictest::DBOutput<Self::ColumnType>, SltError> {
        use sqlforge::engine::Outcome;
        use sqlforge::oracle::export::slt_value;
        match self.0.execute(sql).await {
            Outcome::Rows { columns, rows } => Ok(sqllogictest::DBOutput::Rows {
                types: vec![sqllogictest::DefaultColumnType::Text; columns.len()],
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(slt_value).collect())
                    .collect(),
            }),
            Outcome::Done { affected } => Ok(sqllogictest::DBOutput::StatementComplete(affected)),
            other => Err(SltError(format!("{other:?}"))),
        }
    }

    async fn shutdown(&mut self) {}
}

async fn run_slt(spec: sqlforge::engine::EngineSpec, file: &Path) -> Result<(), String> {
    let mut runner = sqllogictest::Runner::new(move || {
        let spec = spec.clone();
        async move {
            let e = sqlforge::engine::connect(&spec, &crate::common::config(5000))
                .await
                .map_err(|e| SltError(e.to_string()))?;
            Ok(SltDb(e))
        }
    });
    runner.run_file_async(file).await.map_err(|e| e.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exported_slt_passes_the_sqllogictest_runner() {
    let dir = tempfile::tempdir().unwrap();
    for (engine, spec) in [
        ("sqlite", sqlforge::engine::EngineSpec::Sqlite),
        ("duckdb", sqlforge::engine::EngineSpec::DuckDb),
    ] {
        let file = dir.path().join(format!("{engine}.slt"));
        let (code, out, err) = run_sqlforge(&[
            "oracle",
            "export",
            "--format",
            "slt",
            "--engine",
            engine,
            "--cases",
            "120",
            "--seed",
            "6",
            "--out",
            file.to_str().unwrap(),
            "--json",
        ]);
        assert_eq!(code, 0, "{err}");
        let stats = &json(&out)["stats"];
        assert!(stats["exported"].as_u64().unwrap() >= 80, "{stats}");
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(
            text.matches("\nquery ").count() as u64,
            2 * stats["exported"].as_u64().unwrap()
        );
        run_slt(spec.clone(), &file)
            .await
            .unwrap_or_else(|e| panic!("[{engine}] {e}"));

        // The runner really compares: one wrong expected value fails it.
        let tampered = dir.path().join(format!("{engine}-tampered.slt"));
        let first_row = text
            .split("----\n")
            .skip(1)
            .find_map(|rest| rest.lines().next().filter(|l| !l.is_empty()))
            .expect("a query with rows")
            .to_string();
        std::fs::write(
            &tampered,
            text.replacen(
                &format!("----\n{first_row}\n"),
                "----\nnot what the engine says\n",
                1,
            ),
        )
        .unwrap();
        assert!(
            run_slt(spec, &tampered).await.is_err(),
            "[{engine}] tampered file passed"
        );
    }
}

#[test]
fn differential_mode_catches_an_engine_that_disagrees() {
    let dir = tempfile::tempdir().unwrap();
    let oracle = dir.path().join("same.toml");
    // A trivial oracle (A = B) passes on every engine by itself; only the
    // comparison across engines can see the planted bug.
    std::fs::write(
        &oracle,
        "[[oracle]]\nid = \"empty_left_join\"\ncompare = \"multiset\"\nprovenance = \"hand-written\"\nverification = \"tested\"\nquery_a = \"SELECT t0.c_int FROM [t0:TABLE] AS t0 LEFT JOIN (SELECT t1.c_int FROM [t1:TABLE] AS t1 WHERE 1 = 0) AS s ON TRUE\"\nquery_b = \"SELECT t0.c_int FROM [t0] AS t0 LEFT JOIN (SELECT t1.c_int FROM [t1] AS t1 WHERE 1 = 0) AS s ON TRUE\"\n",
    )
    .unwrap();
    let planted = format!("sqlite,cmd:{}", driver_command("--plant-left-join-on-true"));
    let run = |extra: &[&str], out: &str| {
        let mut args = vec![
            "oracle",
            "run",
            "--oracles",
            oracle.to_str().unwrap(),
            "--engines",
            &planted,
            "--cases",
            "40",
            "--no-reduce",
            "--json",
        ];
        args.extend_from_slice(extra);
        let out_dir = dir.path().join(out);
        args.extend_from_slice(&["--out", out_dir.to_str().unwrap()]);
        let (code, out, err) = run_sqlforge(&args);
        (code, json(&out), err)
    };
    let (code, s, err) = run(&[], "plain");
    assert_eq!(code, 0, "{err} {s}");
    let (code, s, err) = run(&["--differential"], "diff");
    assert_eq!(code, 1, "{err}");
    assert!(s["compared_across_engines"].as_u64().unwrap() > 0);
    let unique = s["unique_findings"].as_object().unwrap();
    assert_eq!(
        unique.keys().collect::<Vec<_>>(),
        vec!["empty_left_join.cmd.differs_from_sqlite"],
        "{s}"
    );
    // The bundled oracles agree across the four real engines.
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--differential",
        "--engines",
        "duckdb,sqlite,postgres,mysql",
        "--cases",
        "300",
        "--seed",
        "12",
        "--no-reduce",
        "--json",
        "--out",
        dir.path().join("real").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}\n{out}");
    assert!(
        json(&out)["compared_across_engines"].as_u64().unwrap() > 50,
        "{out}"
    );
}

#[test]
fn an_engine_that_dies_mid_campaign_is_restarted_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    // The driver exits whenever it sees tlp_max's B query.
    let engine = format!("cmd:{}", driver_command("--die-on 'UNION ALL SELECT MAX'"));
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        &format!("{ORACLES}/tlp.toml"),
        "--engines",
        &engine,
        "--cases",
        "90",
        "--seed",
        "2",
        "--no-reduce",
        "--out",
        dir.path().to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code, 1, "{err}");
    let s = json(&out);
    let unique = s["unique_findings"].as_object().unwrap();
    assert_eq!(
        unique.keys().collect::<Vec<_>>(),
        vec!["tlp_max.cmd.crash"],
        "{s}"
    );
    // The cases after each crash still ran: the other oracles passed.
    for oracle in ["tlp_where", "tlp_min", "tlp_count"] {
        let engines = s["tally"][oracle].as_object().unwrap();
        let passed = engines.values().next().unwrap()["passed"].as_u64().unwrap();
        assert!(passed > 0, "{oracle}: {s}");
    }
    assert!(s["failed_engines"].as_object().unwrap().is_empty());
}

#[test]
fn hangs_and_unfillable_placeholders_are_skipped_and_the_campaign_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // A statement that hangs times out; the driver is restarted, the
    // database reloaded, and later cases pass.
    let engine = format!("cmd:{}", driver_command("--hang-on 'UNION ALL SELECT MIN'"));
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        &format!("{ORACLES}/tlp.toml"),
        "--engines",
        &engine,
        "--cases",
        "40",
        "--timeout-ms",
        "500",
        "--no-reduce",
        "--json",
        "--out",
        dir.path().join("hang").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let s = json(&out);
    let tally = |oracle: &str| {
        s["tally"][oracle]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .clone()
    };
    assert!(
        tally("tlp_min")["skipped"]["timeout"].as_u64().unwrap() > 0,
        "{s}"
    );
    assert!(tally("tlp_sum")["passed"].as_u64().unwrap() > 0, "{s}");

    // Snippets without a DATE type: an oracle that needs one is skipped
    // with a warning, the others run.
    let snippets = dir.path().join("snippets");
    std::fs::create_dir(&snippets).unwrap();
    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/snippets/sqlite.jsonl"
    ))
    .unwrap();
    let no_dates: String = shipped
        .lines()
        .filter(|l| !l.contains("\"type\":\"DATE\""))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        snippets.join("sqlite.jsonl"),
        format!("{no_dates}not json\n"),
    )
    .unwrap();
    let oracles = dir.path().join("oracles.toml");
    let norec = std::fs::read_to_string(format!("{ORACLES}/norec.toml")).unwrap();
    std::fs::write(
        &oracles,
        format!("{norec}\n[[oracle]]\nid = \"dates\"\ncompare = \"multiset\"\nprovenance = \"hand-written\"\nverification = \"tested\"\nquery_a = \"SELECT [d:t0:DATE] FROM [t0:TABLE] AS t0\"\nquery_b = \"SELECT [d] FROM [t0] AS t0\"\n"),
    )
    .unwrap();
    let (code, out, err) = run_sqlforge(&[
        "oracle",
        "run",
        "--oracles",
        oracles.to_str().unwrap(),
        "--snippets",
        snippets.to_str().unwrap(),
        "--engines",
        "sqlite",
        "--cases",
        "30",
        "--json",
        "--out",
        dir.path().join("dates").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("skipped oracle 'dates'") && err.contains("no snippet of type DATE"),
        "{err}"
    );
    assert!(
        err.contains("sqlite.jsonl:") && err.contains("skipped snippet"),
        "{err}"
    );
    assert_eq!(json(&out)["tally"].as_object().unwrap().len(), 3);
}
