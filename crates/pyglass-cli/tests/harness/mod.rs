//! The script-comparison harness shared by the `conformance` and `seed` test targets.
//!
//! Each case is a Python script with the output CPython 3.13 printed for it. The harness runs
//! the `pyglass` binary on it, with the script's directory as the working directory and the
//! bare file name as the argument (`cd dir && pyglass [PYGLASS_TEST_ARGS] name.py [args]`), and
//! compares stdout, stderr and the exit status. CPython prints the absolute path of the script
//! in tracebacks, so in both streams "<absolute dir>/" is replaced by "" before comparing;
//! `scripts/gen_expected.py` applies the same rule when it records CPython's output.
//!
//! Environment:
//! - `PYGLASS_TEST_FILTER=substr`: run only cases whose name contains substr (also: positional
//!   arguments after `cargo test ... --`).
//! - `PYGLASS_TEST_ARGS="-X gcstress"`: extra arguments before the script name.
//! - `PYGLASS_TEST_TIMEOUT=secs`: per-script time limit (default 60).
//! - `PYGLASS_TEST_JOBS=n`: scripts run in parallel (default: available cores, at most 8).
//! - `PYGLASS_TEST_BIN=path`: run another binary instead of the freshly built `pyglass`
//!   (e.g. CPython itself, to check the corpus and the conventions).

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One script to run and what it must print.
#[derive(Clone)]
pub struct Case {
    /// Shown in reports and matched by the filter, e.g. "conformance/basics/arith.py".
    pub name: String,
    /// The key used in pending lists, e.g. "basics/arith.py".
    pub key: String,
    pub dir: PathBuf,
    pub file: String,
    pub args: Vec<String>,
    pub stdin: Option<Vec<u8>>,
    /// None: the expectation file is missing (the case fails with a hint).
    pub stdout: Option<Vec<u8>>,
    /// None: stderr is not compared (seed demos record stdout only).
    pub stderr: Option<Vec<u8>>,
    pub code: i32,
}

/// The repository root: two levels above this crate's manifest.
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("..").join("..");
    root.canonicalize().unwrap_or(root)
}

/// The binary under test.
pub fn binary() -> PathBuf {
    match std::env::var_os("PYGLASS_TEST_BIN") {
        Some(bin) if !bin.is_empty() => PathBuf::from(bin),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_pyglass")),
    }
}

/// Reads a pending list: one key per line, `#` starts a comment.
pub fn read_list(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads a file if it exists.
pub fn read_opt(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// The command-line filters: `PYGLASS_TEST_FILTER` plus positional arguments (libtest's
/// own flags are skipped, so `cargo test -- --nocapture` still runs everything).
pub struct Cli {
    pub filters: Vec<String>,
    pub list: bool,
}

pub fn cli() -> Cli {
    let mut filters = Vec::new();
    if let Ok(f) = std::env::var("PYGLASS_TEST_FILTER") {
        if !f.is_empty() {
            filters.push(f);
        }
    }
    let mut list = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--list" => list = true,
            "--test-threads" | "--skip" | "--color" | "--format" | "--logfile" | "-Z"
            | "--shuffle-seed" => {
                args.next();
            }
            a if a.starts_with('-') => {}
            a => filters.push(a.to_string()),
        }
    }
    Cli { filters, list }
}

impl Cli {
    pub fn selects(&self, name: &str) -> bool {
        self.filters.is_empty() || self.filters.iter().any(|f| name.contains(f.as_str()))
    }
}

/// What happened when a case ran.
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// None after a timeout or a death by signal.
    pub code: Option<i32>,
    pub timed_out: bool,
    /// The script printed more than MAX_OUTPUT bytes on a stream and was killed.
    pub overflowed: bool,
    pub signal: Option<i32>,
    pub elapsed: Duration,
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

/// Extra arguments from `PYGLASS_TEST_ARGS`, split on whitespace.
pub fn extra_args() -> Vec<String> {
    std::env::var("PYGLASS_TEST_ARGS")
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// Runs one case with the time limit.
pub fn run_case(case: &Case, bin: &Path, extra: &[String], timeout: Duration) -> Outcome {
    let start = Instant::now();
    let mut cmd = Command::new(bin);
    cmd.args(extra)
        .arg(&case.file)
        .args(&case.args)
        .current_dir(&case.dir)
        .env("PYTHON_COLORS", "0")
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONINSPECT")
        .stdin(if case.stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(err) => {
            return Outcome {
                stdout: Vec::new(),
                stderr: format!("harness: cannot start {}: {err}", bin.display()).into_bytes(),
                code: None,
                timed_out: false,
                overflowed: false,
                signal: None,
                elapsed: start.elapsed(),
            }
        }
    };
    let stdin_writer = case.stdin.clone().map(|data| {
        let mut pipe = child.stdin.take().expect("piped stdin");
        std::thread::spawn(move || {
            let _ = pipe.write_all(&data);
        })
    });
    let overflow = Arc::new(AtomicBool::new(false));
    let out_reader = spawn_reader(child.stdout.take().expect("piped stdout"), overflow.clone());
    let err_reader = spawn_reader(child.stderr.take().expect("piped stderr"), overflow.clone());
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= timeout => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) if overflow.load(Ordering::SeqCst) => {
                let _ = child.kill();
                break child.wait().ok();
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    // The readers end when the pipes close. A subprocess of the script that still holds
    // them must not stall the harness: wait a little, then take what was read.
    let deadline = Instant::now() + Duration::from_secs(5);
    let stdout = out_reader.finish(deadline);
    let stderr = err_reader.finish(deadline);
    if let Some(w) = stdin_writer {
        let _ = w.join();
    }
    use std::os::unix::process::ExitStatusExt;
    let signal = status.and_then(|s| s.signal());
    let overflowed = overflow.load(Ordering::SeqCst);
    Outcome {
        stdout: normalize(&stdout, &case.dir),
        stderr: normalize(&stderr, &case.dir),
        code: if timed_out || overflowed { None } else { status.and_then(|s| s.code()) },
        timed_out,
        overflowed,
        signal: if timed_out || overflowed { None } else { signal },
        elapsed: start.elapsed(),
    }
}

/// Most output kept per stream; a script printing more is killed (a runaway loop must not
/// fill the harness's memory). Expected outputs are far smaller.
const MAX_OUTPUT: usize = 8 << 20;

/// A thread reading one of the child's pipes.
struct Reader {
    kept: Arc<Mutex<Vec<u8>>>,
    done: std::sync::mpsc::Receiver<()>,
}

impl Reader {
    /// What was read, once the pipe closed or the deadline passed.
    fn finish(self, deadline: Instant) -> Vec<u8> {
        let _ = self.done.recv_timeout(deadline.saturating_duration_since(Instant::now()));
        std::mem::take(&mut *self.kept.lock().unwrap())
    }
}

/// Reads a child's pipe to the end, keeping at most MAX_OUTPUT bytes; past that it raises
/// `overflow` and keeps draining so that the child is never blocked on a full pipe.
fn spawn_reader(mut pipe: impl Read + Send + 'static, overflow: Arc<AtomicBool>) -> Reader {
    let kept = Arc::new(Mutex::new(Vec::new()));
    let (tx, done) = std::sync::mpsc::channel();
    let sink = kept.clone();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 64 * 1024];
        loop {
            match pipe.read(&mut chunk) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let mut kept = sink.lock().unwrap();
                    let room = MAX_OUTPUT.saturating_sub(kept.len());
                    kept.extend_from_slice(&chunk[..n.min(room)]);
                    if n > room {
                        overflow.store(true, Ordering::SeqCst);
                    }
                }
            }
        }
        let _ = tx.send(());
    });
    Reader { kept, done }
}

/// Replaces "<absolute dir>/" by "" (both the canonical and the given spelling of the dir).
pub fn normalize(bytes: &[u8], dir: &Path) -> Vec<u8> {
    let mut prefixes = Vec::new();
    if let Ok(canon) = dir.canonicalize() {
        prefixes.push(format!("{}/", canon.display()));
    }
    prefixes.push(format!("{}/", dir.display()));
    let mut text = bytes.to_vec();
    for prefix in prefixes {
        text = replace_all(&text, prefix.as_bytes(), b"");
    }
    text
}

fn replace_all(hay: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    if needle.is_empty() {
        return hay.to_vec();
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// Compares an outcome with the case; returns the report of the differences (empty: pass).
pub fn check(case: &Case, outcome: &Outcome) -> String {
    let mut report = String::new();
    if outcome.timed_out {
        report.push_str("  timed out (PYGLASS_TEST_TIMEOUT to change the limit)\n");
    }
    if outcome.overflowed {
        report.push_str(&format!("  killed: printed more than {} MiB on a stream\n", MAX_OUTPUT >> 20));
    }
    if let Some(sig) = outcome.signal {
        report.push_str(&format!("  killed by signal {sig}\n"));
    }
    let Some(expected_stdout) = &case.stdout else {
        report.push_str(
            "  no expected output: run `PYENV_VERSION=3.13.0 python3 scripts/gen_expected.py` \
             (expectations are never written by hand)\n",
        );
        return report;
    };
    if !outcome.timed_out && !outcome.overflowed && outcome.code != Some(case.code) {
        report.push_str(&format!(
            "  exit status: expected {}, got {}\n",
            case.code,
            outcome.code.map_or("none".to_string(), |c| c.to_string())
        ));
    }
    if &outcome.stdout != expected_stdout {
        report.push_str("  stdout differs (- expected, + actual):\n");
        report.push_str(&diff(expected_stdout, &outcome.stdout));
    }
    match &case.stderr {
        Some(expected) if &outcome.stderr != expected => {
            report.push_str("  stderr differs (- expected, + actual):\n");
            report.push_str(&diff(expected, &outcome.stderr));
        }
        None if !report.is_empty() && !outcome.stderr.is_empty() => {
            report.push_str("  stderr (not compared):\n");
            for line in String::from_utf8_lossy(&outcome.stderr).lines().take(30) {
                report.push_str(&format!("    | {line}\n"));
            }
        }
        _ => {}
    }
    report
}

/// Maximum lines of diff shown per stream.
const DIFF_LINES: usize = 40;

/// A line diff with a few lines of context, from a longest common subsequence. Large
/// outputs are trimmed to the region between the common prefix and suffix first.
pub fn diff(expected: &[u8], actual: &[u8]) -> String {
    let exp_text = String::from_utf8_lossy(expected);
    let act_text = String::from_utf8_lossy(actual);
    let exp: Vec<&str> = exp_text.split_inclusive('\n').collect();
    let act: Vec<&str> = act_text.split_inclusive('\n').collect();
    let prefix = exp.iter().zip(&act).take_while(|(a, b)| a == b).count();
    let suffix = exp[prefix..]
        .iter()
        .rev()
        .zip(act[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let e = &exp[prefix..exp.len() - suffix];
    let a = &act[prefix..act.len() - suffix];
    // Edit script: (' ', line) / ('-', line) / ('+', line).
    let mut ops: Vec<(char, &str)> = Vec::new();
    if e.len() * a.len() <= 4_000_000 {
        let (n, m) = (e.len(), a.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * (m + 1) + j] = if e[i] == a[j] {
                    lcs[(i + 1) * (m + 1) + j + 1] + 1
                } else {
                    lcs[(i + 1) * (m + 1) + j].max(lcs[i * (m + 1) + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && e[i] == a[j] {
                ops.push((' ', e[i]));
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                ops.push(('-', e[i]));
                i += 1;
            } else {
                ops.push(('+', a[j]));
                j += 1;
            }
        }
    } else {
        ops.extend(e.iter().map(|l| ('-', *l)));
        ops.extend(a.iter().map(|l| ('+', *l)));
    }
    let mut out = String::new();
    out.push_str(&format!("    @@ first difference at line {} @@\n", prefix + 1));
    for line in &exp[prefix.saturating_sub(3)..prefix] {
        out.push_str(&format!("     {}\n", show(line)));
    }
    let mut shown = 0;
    for (op, line) in &ops {
        if shown == DIFF_LINES {
            out.push_str("    ... (diff truncated)\n");
            break;
        }
        out.push_str(&format!("    {op}{}\n", show(line)));
        shown += 1;
    }
    if shown < DIFF_LINES {
        for line in exp[exp.len() - suffix..].iter().take(3) {
            out.push_str(&format!("     {}\n", show(line)));
        }
    }
    out
}

/// Longest line shown in a diff, in characters.
const SHOWN_LINE: usize = 300;

/// A line without its newline, cut to SHOWN_LINE characters; a missing final newline is
/// made visible.
fn show(line: &str) -> String {
    let (body, missing_newline) = match line.strip_suffix('\n') {
        Some(l) => (l, false),
        None => (line, true),
    };
    let mut out: String = body.chars().take(SHOWN_LINE).collect();
    if body.chars().count() > SHOWN_LINE {
        out.push_str("… (line cut)");
    }
    if missing_newline {
        out.push_str("⏎ (no newline at end)");
    }
    out
}

/// The result of a suite run, for the closing line.
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub pending: usize,
}

/// Runs the cases in parallel, prints the report and returns the summary. `pending` is the
/// set of keys expected to fail; `write_actual` keeps `<name>.stdout.actual` /
/// `<name>.stderr.actual` beside failing scripts (gitignored) for a closer look.
/// Marker line of scripts whose output depends on when collections happen (they print
/// `gc.collect()` results or thresholds): skipped when the suite runs with `-X gcstress`.
pub const GCSTRESS_SKIP: &str = "# gcstress: skip";

pub fn run_suite(title: &str, cases: &[Case], pending: &BTreeSet<String>, write_actual: bool) -> Summary {
    run_suite_with(title, cases, pending, write_actual, extra_args())
}

/// Whether suites also run a second pass under `-X gcstress` (the collector runs at every
/// safe point): yes unless extra arguments were given or `PYGLASS_TEST_GCSTRESS=0`.
pub fn gcstress_pass() -> bool {
    extra_args().is_empty() && std::env::var("PYGLASS_TEST_GCSTRESS").map_or(true, |v| v != "0")
}

/// The suite again under `-X gcstress -X leakcheck`, as `<title>-gcstress`: collections
/// at every safe point, and a complete teardown at exit that must leave no allocator block
/// in use (a leak makes the script exit with status 1 and a report on stderr).
pub fn run_gcstress(title: &str, cases: &[Case], pending: &BTreeSet<String>) -> Summary {
    let args = ["-X", "gcstress", "-X", "leakcheck"].iter().map(|s| s.to_string()).collect();
    run_suite_with(&format!("{title}-gcstress"), cases, pending, false, args)
}

pub fn run_suite_with(title: &str, cases: &[Case], pending: &BTreeSet<String>, write_actual: bool, extra: Vec<String>) -> Summary {
    let bin = binary();
    let stressed = extra.iter().any(|a| a == "gcstress");
    let kept: Vec<Case>;
    let cases = if stressed {
        let (skip, keep): (Vec<&Case>, Vec<&Case>) = cases.iter().partition(|c| {
            std::fs::read_to_string(c.dir.join(&c.file)).is_ok_and(|t| t.lines().any(|l| l.starts_with(GCSTRESS_SKIP)))
        });
        for c in &skip {
            println!("{title}: skipped under -X gcstress (collection timing shows in its output): {}", c.key);
        }
        kept = keep.into_iter().cloned().collect();
        &kept[..]
    } else {
        cases
    };
    let timeout = Duration::from_secs(env_number("PYGLASS_TEST_TIMEOUT", 60));
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).min(8);
    let jobs = (env_number("PYGLASS_TEST_JOBS", cores as u64) as usize).max(1);
    println!(
        "{title}: {} scripts, binary {}{}, {jobs} jobs, {}s limit",
        cases.len(),
        bin.display(),
        if extra.is_empty() { String::new() } else { format!(" with {}", extra.join(" ")) },
        timeout.as_secs()
    );
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<(String, Duration)>>> = Mutex::new((0..cases.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(cases.len()) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(case) = cases.get(i) else { break };
                let outcome = run_case(case, &bin, &extra, timeout);
                let report = check(case, &outcome);
                if write_actual {
                    keep_actual(case, &outcome, !report.is_empty());
                }
                results.lock().unwrap()[i] = Some((report, outcome.elapsed));
            });
        }
    });
    let results = results.into_inner().unwrap();
    let mut summary = Summary { passed: 0, failed: 0, pending: 0 };
    let mut unexpected_passes = Vec::new();
    let mut pending_failures = Vec::new();
    let mut slow = Vec::new();
    for (case, result) in cases.iter().zip(results) {
        let (report, elapsed) = result.expect("every case ran");
        if elapsed > Duration::from_secs(10) {
            slow.push(format!("{} ({:.1}s)", case.name, elapsed.as_secs_f64()));
        }
        let is_pending = pending.contains(&case.key);
        match (report.is_empty(), is_pending) {
            (true, false) => summary.passed += 1,
            (true, true) => {
                summary.passed += 1;
                unexpected_passes.push(case.key.clone());
            }
            (false, true) => {
                summary.pending += 1;
                pending_failures.push(case.key.clone());
            }
            (false, false) => {
                summary.failed += 1;
                println!("\nFAIL {}\n{report}", case.name);
            }
        }
    }
    if !pending_failures.is_empty() {
        println!("\n{title}: {} pending scripts still fail (expected):", pending_failures.len());
        for key in &pending_failures {
            println!("  pending {key}");
        }
    }
    if !unexpected_passes.is_empty() {
        println!(
            "\n{title}: {} PENDING SCRIPTS NOW PASS - remove them from the pending list:",
            unexpected_passes.len()
        );
        for key in &unexpected_passes {
            println!("  PASSES {key}");
        }
    }
    if !slow.is_empty() {
        println!("\n{title}: slow scripts (>10s): {}", slow.join(", "));
    }
    summary
}

fn keep_actual(case: &Case, outcome: &Outcome, failed: bool) {
    let stem = case.file.strip_suffix(".py").unwrap_or(&case.file);
    let out = case.dir.join(format!("{stem}.stdout.actual"));
    let err = case.dir.join(format!("{stem}.stderr.actual"));
    if failed {
        let _ = std::fs::write(out, &outcome.stdout);
        let _ = std::fs::write(err, &outcome.stderr);
    } else {
        let _ = std::fs::remove_file(out);
        let _ = std::fs::remove_file(err);
    }
}

/// Prints the closing line and turns the summary into the process exit status.
pub fn finish(title: &str, summary: &Summary, extra_failures: &[String]) -> std::process::ExitCode {
    for failure in extra_failures {
        println!("\nFAIL {failure}");
    }
    let failed = summary.failed + extra_failures.len();
    println!();
    println!("{title}: {} passed, {failed} failed, {} skipped", summary.passed, summary.pending);
    if failed > 0 {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {}
