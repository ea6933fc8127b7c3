//! Command-line parsing that follows CPython's `Modules/main.c` / `Python/getopt.c`.
//!
//! Options are read until the first non-option argument (the script), `-c cmd`, `-m mod`,
//! `-` or `--`; everything after that goes to `sys.argv`. Short flags combine (`-uB`), and the
//! options that take an argument accept it glued or separate (`-Xdev`, `-X dev`, `-cpass`).

/// What the program to run is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `-c cmd`: argv[0] is "-c".
    Command(String),
    /// `-m mod`: accepted by the parser, reported as unsupported by main.
    Module(String),
    /// A script path exactly as given on the command line.
    Script(String),
    /// Standard input: `-` given explicitly (argv[0] "-") or nothing given (argv[0] "").
    Stdin { explicit: bool },
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub program: Program,
    /// Arguments after the program (sys.argv[1:]).
    pub args: Vec<String>,
    /// `-X` options in order, e.g. "gil=0", "leakcheck".
    pub xoptions: Vec<String>,
    /// `-i`: enter the REPL after the program.
    pub inspect: bool,
    /// `-q`: no banner.
    pub quiet: bool,
    /// `-x`: skip the first line of the source.
    pub skip_first_line: bool,
}

impl Options {
    /// The value of `sys.argv`, as CPython builds it.
    pub fn argv(&self) -> Vec<String> {
        let first = match &self.program {
            Program::Command(_) => "-c".to_string(),
            Program::Module(m) => m.clone(),
            Program::Script(path) => path.clone(),
            Program::Stdin { explicit: true } => "-".to_string(),
            Program::Stdin { explicit: false } => String::new(),
        };
        std::iter::once(first).chain(self.args.iter().cloned()).collect()
    }
}

/// An action that ends the process before any program runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Early {
    /// `-h`, `-?`, `--help` (and the other `--help-*` forms).
    Help,
    /// `-V` / `--version`; the count is how many times it was given (`-VV` adds build details).
    Version(u32),
    /// A usage error: the message line printed before the usage lines (exit status 2).
    Usage(String),
}

/// Flags CPython knows that take no argument. Only `-i`, `-q` and `-x` change anything here.
const PLAIN_FLAGS: &str = "bBdEiIOPqsSuvx";

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Options, Early> {
    let mut opts = Options {
        program: Program::Stdin { explicit: false },
        args: Vec::new(),
        xoptions: Vec::new(),
        inspect: false,
        quiet: false,
        skip_first_line: false,
    };
    let mut version = 0;
    let mut help = false;
    let mut i = 0;
    let mut program = None;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            // "--" ends the options; the next argument, if any, is the script.
            if let Some(next) = args.get(i) {
                i += 1;
                program = Some(if next == "-" {
                    Program::Stdin { explicit: true }
                } else {
                    Program::Script(next.clone())
                });
            }
            break;
        }
        if arg == "-" {
            program = Some(Program::Stdin { explicit: true });
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            match long {
                "help" | "help-env" | "help-xoptions" | "help-all" => help = true,
                "version" => version += 1,
                "check-hash-based-pycs" => {
                    if i >= args.len() {
                        return Err(Early::Usage(
                            "Argument expected for the --check-hash-based-pycs option".into(),
                        ));
                    }
                    i += 1;
                }
                _ => return Err(Early::Usage(format!("unknown option --{long}"))),
            }
            continue;
        }
        let Some(flags) = arg.strip_prefix('-') else {
            program = Some(Program::Script(arg.clone()));
            break;
        };
        // A cluster of short options such as "-uB" or "-Xdev".
        for (pos, c) in flags.char_indices() {
            match c {
                'c' | 'm' | 'W' | 'X' => {
                    let glued = &flags[pos + c.len_utf8()..];
                    let value = if !glued.is_empty() {
                        glued.to_string()
                    } else if i < args.len() {
                        i += 1;
                        args[i - 1].clone()
                    } else {
                        return Err(Early::Usage(format!("Argument expected for the -{c} option")));
                    };
                    match c {
                        'c' => program = Some(Program::Command(value)),
                        'm' => program = Some(Program::Module(value)),
                        'X' => opts.xoptions.push(value),
                        _ => {} // -W: warning filters are accepted and ignored
                    }
                    break;
                }
                'h' | '?' => help = true,
                'V' => version += 1,
                'i' => opts.inspect = true,
                'q' => opts.quiet = true,
                'x' => opts.skip_first_line = true,
                c if PLAIN_FLAGS.contains(c) => {}
                c => return Err(Early::Usage(format!("Unknown option: -{c}"))),
            }
        }
        if program.is_some() {
            break;
        }
    }
    // CPython: help wins over version, both win over running anything.
    if help {
        return Err(Early::Help);
    }
    if version > 0 {
        return Err(Early::Version(version));
    }
    if let Some(p) = program {
        opts.program = p;
    }
    opts.args = args[i..].to_vec();
    Ok(opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, Early> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn script_and_args() {
        let o = p(&["x.py", "-c", "y"]).unwrap();
        assert_eq!(o.program, Program::Script("x.py".into()));
        assert_eq!(o.argv(), vec!["x.py", "-c", "y"]);
    }

    #[test]
    fn command() {
        let o = p(&["-c", "print(1)", "a", "-z"]).unwrap();
        assert_eq!(o.program, Program::Command("print(1)".into()));
        assert_eq!(o.argv(), vec!["-c", "a", "-z"]);
        let o = p(&["-uBc", "pass"]).unwrap();
        assert_eq!(o.program, Program::Command("pass".into()));
        let o = p(&["-cpass"]).unwrap();
        assert_eq!(o.program, Program::Command("pass".into()));
    }

    #[test]
    fn stdin_forms() {
        let o = p(&[]).unwrap();
        assert_eq!(o.program, Program::Stdin { explicit: false });
        assert_eq!(o.argv(), vec![""]);
        let o = p(&["-", "a"]).unwrap();
        assert_eq!(o.argv(), vec!["-", "a"]);
    }

    #[test]
    fn xoptions() {
        let o = p(&["-X", "gil=0", "-Xleakcheck", "-uX", "dev", "s.py"]).unwrap();
        assert_eq!(o.xoptions, vec!["gil=0", "leakcheck", "dev"]);
        assert_eq!(o.program, Program::Script("s.py".into()));
    }

    #[test]
    fn flags() {
        let o = p(&["-i", "-q", "-BEsSu", "-W", "ignore", "s.py"]).unwrap();
        assert!(o.inspect && o.quiet);
        assert_eq!(o.argv(), vec!["s.py"]);
    }

    #[test]
    fn double_dash() {
        let o = p(&["--", "s.py", "q"]).unwrap();
        assert_eq!(o.argv(), vec!["s.py", "q"]);
        let o = p(&["--", "-c"]).unwrap();
        assert_eq!(o.program, Program::Script("-c".into()));
        let o = p(&["--"]).unwrap();
        assert_eq!(o.program, Program::Stdin { explicit: false });
    }

    #[test]
    fn early_exits() {
        assert_eq!(p(&["-V"]), Err(Early::Version(1)));
        assert_eq!(p(&["-VV"]), Err(Early::Version(2)));
        assert_eq!(p(&["--version"]), Err(Early::Version(1)));
        assert_eq!(p(&["-h"]), Err(Early::Help));
        assert_eq!(p(&["--help"]), Err(Early::Help));
        assert_eq!(p(&["-z"]), Err(Early::Usage("Unknown option: -z".into())));
        assert_eq!(p(&["--foo"]), Err(Early::Usage("unknown option --foo".into())));
        assert_eq!(p(&["-X"]), Err(Early::Usage("Argument expected for the -X option".into())));
        assert_eq!(p(&["-c"]), Err(Early::Usage("Argument expected for the -c option".into())));
        // Options after the script belong to the script.
        assert!(p(&["s.py", "-V"]).is_ok());
    }
}
