//! Bad input never crashes the process: every conformance script, truncated at many
//! points and mutated at random, plus random bytes, is run through the real binary. Each
//! run must end with a normal exit status (0, 1 or 2) or be stopped by the timeout (a
//! truncated loop may legitimately run forever); a panic (status 70), an abort or a signal
//! fails the test.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

enum Outcome {
    Exited(i32),
    TimedOut,
    Crashed(String),
}

fn run(bin: &Path, dir: &Path, source: &[u8]) -> Outcome {
    let file = dir.join("case.py");
    std::fs::write(&file, source).expect("write case");
    // PYGLASS_TEST_ARGS (e.g. "-X gcstress -X leakcheck") go before the script, as in the
    // conformance harness.
    let extra: Vec<String> = std::env::var("PYGLASS_TEST_ARGS").unwrap_or_default().split_whitespace().map(str::to_string).collect();
    let mut child = Command::new(bin)
        .args(&extra)
        .arg(&file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyglass");
    let start = Instant::now();
    loop {
        match child.try_wait().expect("wait") {
            Some(status) => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    use std::io::Read;
                    let _ = e.read_to_string(&mut err);
                }
                return match status.code() {
                    Some(c) if c == 70 || err.contains("Fatal Python error") => Outcome::Crashed(format!("status {c}: {}", err.lines().last().unwrap_or(""))),
                    Some(c) => Outcome::Exited(c),
                    None => Outcome::Crashed(format!("killed by a signal: {status:?}")),
                };
            }
            None if start.elapsed() > Duration::from_secs(3) => {
                let _ = child.kill();
                let _ = child.wait();
                return Outcome::TimedOut;
            }
            None => std::thread::sleep(Duration::from_millis(2)),
        }
    }
}

#[test]
fn truncated_mutated_and_random_programs_never_crash() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_pyglass"));
    let root = repo_root();
    let work = std::env::temp_dir().join(format!("pyglass-garbage-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("temp dir");
    let mut sources: Vec<(String, Vec<u8>)> = Vec::new();
    let mut stack = vec![root.join("tests/conformance")];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                let text = std::fs::read(&p).expect("read script");
                // Scripts that read stdin or need arguments are left out (stdin is null).
                if !String::from_utf8_lossy(&text).contains("input(") {
                    sources.push((p.display().to_string(), text));
                }
            }
        }
    }
    sources.sort();
    assert!(sources.len() > 50, "expected the conformance corpus, found {} scripts", sources.len());
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut crashes = Vec::new();
    let mut runs = 0;
    let mut timeouts = 0;
    let mut check = |name: String, src: Vec<u8>, crashes: &mut Vec<String>| {
        runs += 1;
        match run(&bin, &work, &src) {
            Outcome::Crashed(why) => crashes.push(format!("{name}: {why}")),
            Outcome::TimedOut => timeouts += 1,
            Outcome::Exited(_) => {}
        }
    };
    for (name, text) in &sources {
        // Truncations at four points.
        for k in 1..=4 {
            let cut = text.len() * k / 5;
            check(format!("{name} truncated at {cut}"), text[..cut].to_vec(), &mut crashes);
        }
        // Two random mutations: flip, delete or insert a byte.
        for _ in 0..2 {
            let mut m = text.clone();
            for _ in 0..3 {
                if m.is_empty() {
                    break;
                }
                let i = rng.below(m.len());
                match rng.below(3) {
                    0 => m[i] = b"()[]{}:=,.*\"'\n\t x0#\\"[rng.below(20)],
                    1 => {
                        m.remove(i);
                    }
                    _ => m.insert(i, (rng.next() & 0xff) as u8),
                }
            }
            check(format!("{name} mutated"), m, &mut crashes);
        }
    }
    for n in 0..20 {
        let len = 1 + rng.below(400);
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() & 0xff) as u8).collect();
        check(format!("random bytes #{n}"), bytes, &mut crashes);
    }
    for depth in [100usize, 1000, 100_000] {
        check(format!("{depth} nested brackets"), format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth)).into_bytes(), &mut crashes);
        check(format!("{depth} nested lists at run time"), format!("l = []\nfor i in range({depth}):\n    l = [l]\nprint(len(repr(l)) > 0)\n").into_bytes(), &mut crashes);
    }
    let _ = std::fs::remove_dir_all(&work);
    let _ = writeln!(std::io::stderr(), "garbage: {runs} runs, {timeouts} stopped by the timeout, {} crashes", crashes.len());
    assert!(crashes.is_empty(), "pyglass crashed on bad input:\n{}", crashes.join("\n"));
}
