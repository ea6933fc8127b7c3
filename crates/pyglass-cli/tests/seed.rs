//! Seed demos: every `../shared/seed-demos/NN_name.py` (beside the repository; override with
//! `PYGLASS_SEED_DIR`) must print exactly its `NN_name.out` and exit with status 0. Demos
//! that need features not built yet are listed in `tests/seed_pending.txt` (repo root); they
//! may fail, and any other failure fails the test. When CI=true the demos must be present.

mod harness;

use std::path::PathBuf;

use harness::{read_list, read_opt, Case};

fn main() -> std::process::ExitCode {
    let cli = harness::cli();
    let repo = harness::repo_root();
    let dir = match std::env::var_os("PYGLASS_SEED_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => repo.join("..").join("shared").join("seed-demos"),
    };
    let pending = read_list(&repo.join("tests").join("seed_pending.txt"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            println!("seed: the seed demos are missing at {} (required when CI=true)", dir.display());
            println!("seed: 0 passed, 1 failed");
            return std::process::ExitCode::FAILURE;
        }
        println!("seed: no seed demos at {}; skipped (set PYGLASS_SEED_DIR)", dir.display());
        println!("seed: 0 passed, 0 failed, 1 skipped");
        return std::process::ExitCode::SUCCESS;
    };
    let mut scripts: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    scripts.sort();
    let mut cases = Vec::new();
    for script in &scripts {
        let file = script.file_name().unwrap().to_string_lossy().into_owned();
        let name = format!("seed/{file}");
        if cli.list {
            println!("{name}: test");
            continue;
        }
        if !cli.selects(&name) {
            continue;
        }
        cases.push(Case {
            name,
            key: file.clone(),
            dir: dir.clone(),
            file,
            args: Vec::new(),
            stdin: None,
            stdout: read_opt(&script.with_extension("out")),
            stderr: None,
            code: 0,
        });
    }
    if cli.list {
        return std::process::ExitCode::SUCCESS;
    }
    let mut problems = Vec::new();
    if scripts.is_empty() {
        problems.push(format!("no seed demos in {}", dir.display()));
    }
    if cli.filters.is_empty() {
        let names: std::collections::BTreeSet<String> = scripts
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        for key in pending.difference(&names) {
            problems.push(format!("tests/seed_pending.txt lists {key}, which is not a seed demo"));
        }
    }
    // The shared directory is not ours to write into: no .actual files there.
    let summary = harness::run_suite("seed", &cases, &pending, false);
    let code = harness::finish("seed", &summary, &problems);
    if !harness::gcstress_pass() || cli.list {
        return code;
    }
    // The same scripts with a collection at every safe point (see docs/gc.md).
    let stressed = harness::run_gcstress("seed", &cases, &pending);
    let code2 = harness::finish("seed-gcstress", &stressed, &[]);
    if code == std::process::ExitCode::SUCCESS {
        code2
    } else {
        code
    }
}
