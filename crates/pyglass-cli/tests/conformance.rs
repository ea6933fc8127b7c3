//! Conformance suite: every `tests/conformance/<area>/<name>.py` (repo root) against the
//! output CPython 3.13 printed for it, recorded by `scripts/gen_expected.py` beside it:
//! `<name>.out` (stdout, always), `<name>.err` (stderr, when not empty), `<name>.code` (exit
//! status, when not 0), and optionally `<name>.args` (arguments, one per line) and
//! `<name>.stdin` (fed to stdin). Scripts listed in `tests/conformance/PENDING` may fail;
//! any other failure fails the test. See `harness/mod.rs` for the environment variables.

mod harness;

use std::path::{Path, PathBuf};

use harness::{read_list, read_opt, Case};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

fn main() -> std::process::ExitCode {
    let cli = harness::cli();
    let root = harness::repo_root().join("tests").join("conformance");
    let mut scripts = Vec::new();
    collect(&root, &mut scripts);
    scripts.sort();
    let pending = read_list(&root.join("PENDING"));
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    let keys: std::collections::BTreeSet<String> = scripts
        .iter()
        .map(|p| p.strip_prefix(&root).unwrap().to_string_lossy().into_owned())
        .collect();
    for script in &scripts {
        let key = script.strip_prefix(&root).unwrap().to_string_lossy().into_owned();
        let name = format!("conformance/{key}");
        if cli.list {
            println!("{name}: test");
            continue;
        }
        if !cli.selects(&name) {
            continue;
        }
        let stem = script.with_extension("");
        let with = |ext: &str| PathBuf::from(format!("{}.{ext}", stem.display()));
        let args = std::fs::read_to_string(with("args"))
            .map(|t| t.lines().map(str::to_string).collect())
            .unwrap_or_default();
        let code = match std::fs::read_to_string(with("code")) {
            Ok(text) => match text.trim().parse() {
                Ok(code) => code,
                Err(_) => {
                    problems.push(format!("{name}: unreadable {}", with("code").display()));
                    continue;
                }
            },
            Err(_) => 0,
        };
        cases.push(Case {
            name,
            key,
            dir: script.parent().unwrap().to_path_buf(),
            file: script.file_name().unwrap().to_string_lossy().into_owned(),
            args,
            stdin: read_opt(&with("stdin")),
            stdout: read_opt(&with("out")),
            stderr: Some(read_opt(&with("err")).unwrap_or_default()),
            code,
        });
    }
    if cli.list {
        return std::process::ExitCode::SUCCESS;
    }
    if scripts.is_empty() {
        problems.push(format!("no scripts found under {}", root.display()));
    }
    // Stale entries would hide nothing but rot; only checked on full runs.
    if cli.filters.is_empty() {
        for key in pending.difference(&keys) {
            problems.push(format!("tests/conformance/PENDING lists {key}, which does not exist"));
        }
    }
    let summary = harness::run_suite("conformance", &cases, &pending, true);
    let code = harness::finish("conformance", &summary, &problems);
    if !harness::gcstress_pass() || cli.list {
        return code;
    }
    // The same scripts with a collection at every safe point (see docs/gc.md).
    let stressed = harness::run_gcstress("conformance", &cases, &pending);
    let code2 = harness::finish("conformance-gcstress", &stressed, &[]);
    if code == std::process::ExitCode::SUCCESS {
        code2
    } else {
        code
    }
}
