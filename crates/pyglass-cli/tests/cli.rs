//! The command line itself: options, error messages and exit statuses that CPython's
//! `python3` has (checked against CPython 3.13 when these tests were written), plus the
//! pyglass-specific ones (version text, the internal-error path).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_pyglass")
}

/// Runs pyglass in `dir` with `args` and `stdin` (None: no stdin at all).
fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env_remove("PYGLASS_CLI_TEST_PANIC")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pyglass");
    if let Some(data) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(data).unwrap();
    }
    child.wait_with_output().expect("wait for pyglass")
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_in(&scratch(), args, stdin)
}

/// A per-process scratch directory with a canonical path (so it matches getcwd()).
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyglass-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn usage_tail() -> String {
    format!(
        "usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `pyglass -h' for more information.\n",
        bin()
    )
}

#[test]
fn version() {
    for flag in ["-V", "--version"] {
        let out = run(&[flag], None);
        assert_eq!(out.status.code(), Some(0));
        let stdout = text(&out.stdout);
        assert!(stdout.starts_with("pyglass 0.1.0 (Python 3.13"), "{stdout:?}");
        assert!(stdout.ends_with(" subset)\n"), "{stdout:?}");
    }
}

#[test]
fn help() {
    for flag in ["-h", "--help", "-?"] {
        let out = run(&[flag], None);
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stdout).starts_with(&format!("usage: {} [option]", bin())));
        assert!(text(&out.stdout).contains("-X opt"));
    }
}

#[test]
fn unknown_options() {
    let out = run(&["-z"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), format!("Unknown option: -z\n{}", usage_tail()));
    let out = run(&["--frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), format!("unknown option --frobnicate\n{}", usage_tail()));
    for (flag, name) in [("-X", "-X"), ("-c", "-c"), ("-W", "-W")] {
        let out = run(&[flag], None);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            text(&out.stderr),
            format!("Argument expected for the {name} option\n{}", usage_tail())
        );
    }
}

#[test]
fn missing_script() {
    let dir = scratch();
    let out = run_in(&dir, &["no_such_script.py"], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!(
            "{}: can't open file '{}/no_such_script.py': [Errno 2] No such file or directory\n",
            bin(),
            dir.display()
        )
    );
    // An absolute path is shown as given.
    let out = run_in(&dir, &["/nonexistent/dir/x.py"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).ends_with(
        ": can't open file '/nonexistent/dir/x.py': [Errno 2] No such file or directory\n"
    ));
}

#[test]
fn directory_as_script() {
    let dir = scratch();
    std::fs::create_dir_all(dir.join("pkgdir")).unwrap();
    let out = run_in(&dir, &["pkgdir"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("{}: can't find '__main__' module in '{}/pkgdir'\n", bin(), dir.display())
    );
}

#[test]
fn non_utf8_source() {
    let dir = scratch();
    std::fs::write(dir.join("latin.py"), b"x = 1\n\n# caf\xe9\n").unwrap();
    let out = run_in(&dir, &["latin.py"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file {}/latin.py on line 3, \
             but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
            dir.display()
        )
    );
    assert!(out.stdout.is_empty());
    let out = run_in(&dir, &["-"], Some(b"print(1)\n\xff\n"));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("'\\xff' in file <stdin> on line 2,"));
}

#[test]
fn unknown_encoding_declaration() {
    let dir = scratch();
    std::fs::write(dir.join("enc.py"), b"# -*- coding: klingon -*-\nprint(1)\n").unwrap();
    let out = run_in(&dir, &["enc.py"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "SyntaxError: encoding problem: klingon\n");
}

#[test]
fn latin1_declaration_is_honoured() {
    let dir = scratch();
    std::fs::write(dir.join("l1.py"), b"# coding: latin-1\nprint('caf\xe9')\n").unwrap();
    let out = run_in(&dir, &["l1.py"], None);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "caf\u{e9}\n");
}

#[test]
fn command_argv() {
    let out = run(&["-c", "import sys; print(sys.argv)", "a", "-z", "--x"], None);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "['-c', 'a', '-z', '--x']\n");
    assert_eq!(out.status.code(), Some(0));
    // Options before -c are accepted; -c glued to its argument works too.
    let out = run(&["-u", "-B", "-E", "-s", "-S", "-X", "dev", "-Xfoo=1", "-cprint('ok')"], None);
    assert_eq!(text(&out.stdout), "ok\n");
}

#[test]
fn script_argv_and_traceback_path() {
    let dir = scratch();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/prog.py"), "import sys\nprint(sys.argv)\n1/0\n").unwrap();
    let out = run_in(&dir, &["sub/prog.py", "one", "two"], None);
    assert_eq!(text(&out.stdout), "['sub/prog.py', 'one', 'two']\n");
    assert_eq!(out.status.code(), Some(1));
    // CPython shows the script as the current directory joined to the path given.
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("  File \"{}/sub/prog.py\", line 3, in <module>\n", dir.display())),
        "{stderr}"
    );
    assert!(stderr.ends_with("ZeroDivisionError: division by zero\n"), "{stderr}");
}

#[test]
fn stdin_program() {
    let program = b"import sys\nprint(sys.argv)\n";
    let out = run(&[], Some(program));
    assert_eq!(text(&out.stdout), "['']\n");
    let out = run(&["-", "x", "y"], Some(program));
    assert_eq!(text(&out.stdout), "['-', 'x', 'y']\n");
    let out = run(&["--", "-", "x"], Some(program));
    assert_eq!(text(&out.stdout), "['-', 'x']\n");
    let out = run(&[], Some(b"print('before')\nraise KeyError('k')\n"));
    assert_eq!(text(&out.stdout), "before\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("  File \"<stdin>\", line 2, in <module>\n"));
}

#[test]
fn command_traceback_and_exit_codes() {
    let out = run(&["-c", "x = 1\nx.nope"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("  File \"<string>\", line 2, in <module>\n"));
    let out = run(&["-c", "import sys; sys.exit(5)"], None);
    assert_eq!(out.status.code(), Some(5));
    let out = run(&["-c", "raise SystemExit('bye')"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "bye\n");
}

#[test]
fn skip_first_line() {
    let dir = scratch();
    std::fs::write(dir.join("dos.py"), "this line is not Python\nprint('second')\n1/0\n").unwrap();
    let out = run_in(&dir, &["-x", "dos.py"], None);
    assert_eq!(text(&out.stdout), "second\n");
    // Line numbers stay those of the file.
    assert!(text(&out.stderr).contains("line 3, in <module>"));
}

#[test]
fn deep_recursion_does_not_overflow_the_rust_stack() {
    let program = "import sys\nsys.setrecursionlimit(30000)\n\
                   def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n\
                   print(f(25000))\n\
                   def g(n):\n    return g(n + 1)\n\
                   try:\n    g(0)\nexcept RecursionError:\n    print('RecursionError')\n";
    let out = run(&["-c", program], None);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "25000\nRecursionError\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn repl_on_piped_stdin_with_i() {
    // As CPython: prompts and the banner go to stderr, results to stdout.
    let out = run(&["-i"], Some(b"x = 6 * 7\nx\nif x:\n    print('yes')\n\nprint('end')\n"));
    assert_eq!(text(&out.stdout), "42\nyes\nend\n");
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("pyglass 0.1.0 (Python 3.13 subset) on "), "{stderr}");
    assert!(stderr.contains(">>> >>> >>> ... ... >>> >>> \n"), "{stderr:?}");
    assert_eq!(out.status.code(), Some(0));
    // -q drops the banner.
    let out = run(&["-i", "-q"], Some(b"1 + 1\n"));
    assert_eq!(text(&out.stdout), "2\n");
    assert_eq!(text(&out.stderr), ">>> >>> \n");
}

#[test]
fn repl_errors_and_exit() {
    let out = run(&["-iq"], Some(b"1/0\nprint('after')\nimport sys\nsys.exit(3)\nprint('not reached')\n"));
    assert_eq!(text(&out.stdout), "after\n");
    assert!(text(&out.stderr).contains("ZeroDivisionError: division by zero\n"));
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn inspect_after_script() {
    let dir = scratch();
    std::fs::write(dir.join("setup.py"), "value = 'from the script'\nprint('ran')\n").unwrap();
    let out = run_in(&dir, &["-i", "setup.py"], Some(b"print(value)\n"));
    assert_eq!(text(&out.stdout), "ran\nfrom the script\n");
    // No banner after a script.
    assert_eq!(text(&out.stderr), ">>> >>> \n");
}

#[test]
fn internal_error_is_fatal_with_status_70() {
    let out = Command::new(bin())
        .args(["-c", "print('never')"])
        .env("PYGLASS_CLI_TEST_PANIC", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(70));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("Fatal Python error: pyglass internal error: panic requested by PYGLASS_CLI_TEST_PANIC"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn leakcheck_is_quiet_when_everything_is_freed() {
    let src = "import gc, weakref\nclass N:\n    pass\na = N(); b = N(); a.o = b; b.o = a\nd = {}; d['d'] = d\nw = weakref.ref(a)\nprint('ok')\n";
    let out = run(&["-X", "leakcheck", "-c", src], None);
    assert_eq!(text(&out.stdout), "ok\n");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn leakcheck_reports_objects_kept_past_shutdown() {
    // Frozen objects are never collected (as in CPython), so they outlive teardown.
    let src = "import gc\nl = []\nl.append(l)\ngc.freeze()\ndel l\n";
    let out = run(&["-X", "leakcheck", "-c", src], None);
    let err = text(&out.stderr);
    assert!(err.starts_with("leakcheck: ") && err.contains("blocks") && err.contains("list: "), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn gc_pause_example_runs_and_finds_all_the_garbage() {
    // examples/gc_pause.py prints timings, so it is not a conformance script; this runs it
    // small and checks the counts it reports, and that nothing leaks.
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/gc_pause.py");
    let out = run(&["-X", "leakcheck", script, "2000"], None);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("full collection over 2,001 reachable tracked objects: ") && lines[0].ends_with(" ms, 0 unreachable"), "{stdout}");
    assert!(lines[1].starts_with("full collection of 2,000 garbage instances in 2-cycles: ") && lines[1].ends_with(" ms"), "{stdout}");
}
