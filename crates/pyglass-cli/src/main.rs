//! `pyglass`: the command line of the pyglass Python interpreter.
//!
//! It mirrors CPython's `python3` command line: `pyglass script.py args`, `pyglass -c cmd`,
//! `pyglass -` or a pipe on stdin, and the REPL when stdin is a terminal. The interpreter runs
//! on a thread of its own with a large stack, so that recursion up to Python's recursion limit
//! cannot overflow the Rust stack, and a Rust panic ends the process with a "Fatal Python
//! error" and exit status 70 instead of looking like a normal exit.

mod args;
mod repl;
mod source;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::Mutex;

use args::{Early, Options, Program};
use pyglass_runtime::{Config, Interpreter};

/// Rust-side allocations (list buffers, dict tables, string data) go to the system
/// allocator through this wrapper, so that `tracemalloc` sees them as CPython's sees
/// `PyMem_Malloc`. Off, it costs one thread-local flag test per call.
#[global_allocator]
static GLOBAL: pyglass_runtime::TracingAllocator = pyglass_runtime::TracingAllocator;

/// Stack of the interpreter thread. Only touched pages are committed, so this costs address
/// space, not memory.
const INTERPRETER_STACK: usize = 512 << 20;

/// Name of the interpreter thread; the panic hook recognises it.
const INTERPRETER_THREAD: &str = "pyglass-main";

/// Exit status after an internal error (BSD's EX_SOFTWARE).
const EXIT_INTERNAL_ERROR: u8 = 70;

/// "pyglass 0.1.0 (Python 3.13 subset)": what `-V` prints and the REPL banner starts with.
fn version_line() -> String {
    let python = pyglass_runtime::PYTHON_VERSION;
    let major_minor = python.split('.').take(2).collect::<Vec<_>>().join(".");
    format!("pyglass {} (Python {major_minor} subset)", pyglass_runtime::VERSION)
}

fn usage_line(prog: &str) -> String {
    format!("usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

fn help_text(prog: &str) -> String {
    format!(
        "{usage}
Options:
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
-q     : don't print version and copyright messages on interactive startup
-V     : print the version number and exit (also --version)
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option (repeatable), e.g.
         -X gil=0|1, -X leakcheck, -X gcstress
-b -B -d -E -I -O -P -s -S -u -v, -W arg: accepted for compatibility with
         CPython and ignored

Arguments:
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
",
        usage = usage_line(prog)
    )
}

/// What to run, once the command line and the program text are settled.
struct Plan {
    options: Options,
    /// The program text and the filename shown in tracebacks; None for a bare REPL.
    program: Option<(String, String)>,
    /// Whether the REPL runs (no program on a terminal, or `-i`).
    repl: bool,
}

fn main() -> ExitCode {
    let raw: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let prog = raw.first().cloned().unwrap_or_else(|| "pyglass".to_string());
    let options = match args::parse(&raw[1.min(raw.len())..]) {
        Ok(options) => options,
        Err(Early::Help) => {
            print!("{}", help_text(&prog));
            return ExitCode::SUCCESS;
        }
        Err(Early::Version(n)) => {
            if n > 1 {
                println!("{} [{} {}]", version_line(), std::env::consts::OS, std::env::consts::ARCH);
            } else {
                println!("{}", version_line());
            }
            return ExitCode::SUCCESS;
        }
        Err(Early::Usage(message)) => {
            eprintln!("{message}");
            eprintln!("{}", usage_line(&prog));
            eprintln!("Try `pyglass -h' for more information.");
            return ExitCode::from(2);
        }
    };
    let plan = match plan(options, &prog) {
        Ok(plan) => plan,
        Err(code) => return ExitCode::from(code),
    };
    ExitCode::from(run_on_interpreter_thread(plan) as u8)
}

/// Reads the program named on the command line. On failure prints CPython's message and
/// returns the exit status.
fn plan(options: Options, prog: &str) -> Result<Plan, u8> {
    let stdin_is_tty = std::io::stdin().is_terminal();
    let (bytes, filename) = match &options.program {
        Program::Command(code) => (code.clone().into_bytes(), "<string>".to_string()),
        Program::Module(name) => {
            eprintln!("{prog}: No module named {name} (pyglass does not support -m yet)");
            return Err(1);
        }
        Program::Script(path) => {
            let shown = absolute(path);
            if std::path::Path::new(path).is_dir() {
                eprintln!("{prog}: can't find '__main__' module in '{shown}'");
                return Err(1);
            }
            match std::fs::read(path) {
                Ok(bytes) => (bytes, shown),
                Err(err) => {
                    eprintln!("{prog}: can't open file '{shown}': {}", errno_text(&err));
                    return Err(2);
                }
            }
        }
        Program::Stdin { .. } if stdin_is_tty || options.inspect => {
            return Ok(Plan { options, program: None, repl: true });
        }
        Program::Stdin { .. } => {
            let mut bytes = Vec::new();
            if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
                eprintln!("{prog}: can't read <stdin>: {}", errno_text(&err));
                return Err(2);
            }
            (bytes, "<stdin>".to_string())
        }
    };
    let mut text = match source::decode(&bytes) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{}", err.message(&filename));
            return Err(1);
        }
    };
    if options.skip_first_line {
        // Keep the newline so that line numbers stay those of the file.
        text = match text.find('\n') {
            Some(end) => text[end..].to_string(),
            None => String::new(),
        };
    }
    let repl = options.inspect;
    Ok(Plan { options, program: Some((text, filename)), repl })
}

/// The path CPython shows for a script: the current directory joined to the path as given,
/// without normalising "." or "..".
fn absolute(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => {
            let cwd = cwd.to_string_lossy();
            format!("{}/{}", cwd.trim_end_matches('/'), path)
        }
        Err(_) => path.to_string(),
    }
}

/// "[Errno 2] No such file or directory", as CPython's OSError prints.
fn errno_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    match err.raw_os_error() {
        Some(code) => {
            let suffix = format!(" (os error {code})");
            format!("[Errno {code}] {}", text.strip_suffix(&suffix).unwrap_or(&text))
        }
        None => text,
    }
}

/// The message of the last panic on the interpreter thread.
static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// Runs the plan on the interpreter thread and returns the exit status. A panic there is
/// reported as a fatal error with status 70.
fn run_on_interpreter_thread(plan: Plan) -> i32 {
    install_panic_hook();
    let thread = std::thread::Builder::new()
        .name(INTERPRETER_THREAD.to_string())
        .stack_size(INTERPRETER_STACK)
        .spawn(move || run(plan));
    let result = match thread {
        Ok(handle) => handle.join(),
        Err(err) => {
            eprintln!("Fatal Python error: pyglass internal error: cannot start the interpreter thread: {err}");
            return EXIT_INTERNAL_ERROR as i32;
        }
    };
    let _ = std::io::stdout().flush();
    match result {
        // Exit statuses are taken modulo 256, as the OS does for CPython's exit(n).
        Ok(code) => code & 0xff,
        Err(_) => {
            let message = PANIC_MESSAGE
                .lock()
                .ok()
                .and_then(|m| m.clone())
                .unwrap_or_else(|| "panic without a message".to_string());
            eprintln!("Fatal Python error: pyglass internal error: {message}");
            EXIT_INTERNAL_ERROR as i32
        }
    }
}

/// Panics on the interpreter thread are recorded silently (main reports them); panics on
/// other threads get Rust's usual report, and so does everything when RUST_BACKTRACE is set.
fn install_panic_hook() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let on_interpreter = std::thread::current().name() == Some(INTERPRETER_THREAD);
        if on_interpreter {
            let payload = info.payload();
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic with a non-string payload".to_string());
            let text = match info.location() {
                Some(loc) => format!("{text} (at {}:{})", loc.file(), loc.line()),
                None => text,
            };
            if let Ok(mut slot) = PANIC_MESSAGE.lock() {
                *slot = Some(text);
            }
        }
        if !on_interpreter || std::env::var_os("RUST_BACKTRACE").is_some() {
            default_hook(info);
        }
    }));
}

/// The body of the interpreter thread.
fn run(plan: Plan) -> i32 {
    let Plan { options, program, repl } = plan;
    let config = Config {
        argv: options.argv(),
        xoptions: options.xoptions.clone(),
        interactive: repl,
        inspect: options.inspect,
    };
    let interp = Interpreter::new(config);
    install_sigint_handler(&interp);
    // Lets tests/cli.rs check the internal-error path without a runtime bug to hand.
    if std::env::var_os("PYGLASS_CLI_TEST_PANIC").is_some() {
        panic!("panic requested by PYGLASS_CLI_TEST_PANIC");
    }
    let mut code = 0;
    if let Some((text, filename)) = program {
        code = interp.run_main(&text, &filename);
    }
    if repl {
        let _ = std::io::stdout().flush();
        // As CPython: a banner only for a REPL started instead of a program.
        let banner = !options.quiet && matches!(options.program, Program::Stdin { .. });
        code = repl::run(&interp, if banner { Some(banner_text()) } else { None });
    }
    let adjustment = interp.finish();
    let _ = std::io::stdout().flush();
    // A failing shutdown (e.g. the -X leakcheck report) overrides the program's status.
    if adjustment != 0 {
        adjustment
    } else {
        code
    }
}

fn banner_text() -> String {
    format!(
        "{} on {}\nType \"exit()\" or press Ctrl-D to leave, Ctrl-C to interrupt.",
        version_line(),
        std::env::consts::OS
    )
}

/// Ctrl-C makes the running Python code raise KeyboardInterrupt at its next check. Should
/// the interpreter stop checking (a bug), three Ctrl-C within two seconds end the process.
fn install_sigint_handler(interp: &Interpreter) {
    let handle = interp.interrupt_handle();
    let mut recent: Vec<std::time::Instant> = Vec::new();
    let _ = ctrlc::set_handler(move || {
        let now = std::time::Instant::now();
        recent.retain(|t| now.duration_since(*t).as_secs_f64() < 2.0);
        recent.push(now);
        if recent.len() >= 3 {
            let _ = std::io::stdout().flush();
            eprintln!("\nKeyboardInterrupt: the interpreter did not respond; exiting");
            std::process::exit(130);
        }
        handle.interrupt();
    });
}
