//! The read-eval-print loop.
//!
//! On a terminal it reads lines with rustyline (editing, history in `~/.pyglass_history`);
//! otherwise (`pyglass -i < file`) it reads plain lines and writes the prompts to stderr, as
//! CPython does. Lines accumulate until the interpreter stops answering `Incomplete`; an
//! empty line is passed on too, which is what ends an indented block.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use pyglass_runtime::{Interactive, Interpreter};

const PS1: &str = ">>> ";
const PS2: &str = "... ";

/// One answer from a line source.
enum Input {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D or the end of the input.
    Eof,
}

trait LineSource {
    fn read(&mut self, prompt: &str) -> Input;
    fn remember(&mut self, _line: &str) {}
    fn close(&mut self) {}
}

/// Runs the REPL until end of input or `exit()`; returns the exit status.
pub fn run(interp: &Interpreter, banner: Option<String>) -> i32 {
    if let Some(banner) = banner {
        eprintln!("{banner}");
    }
    let mut source: Box<dyn LineSource> = if std::io::stdin().is_terminal() {
        match Terminal::new() {
            Some(t) => Box::new(t),
            None => Box::new(Plain::default()),
        }
    } else {
        Box::new(Plain::default())
    };
    let code = repl_loop(interp, source.as_mut());
    source.close();
    code
}

fn repl_loop(interp: &Interpreter, source: &mut dyn LineSource) -> i32 {
    let mut pending = String::new();
    loop {
        let prompt = if pending.is_empty() { PS1 } else { PS2 };
        let line = match source.read(prompt) {
            Input::Line(line) => line,
            Input::Interrupted => {
                eprintln!("KeyboardInterrupt");
                pending.clear();
                continue;
            }
            Input::Eof => {
                // CPython runs what is pending (a block without its closing blank line).
                if !pending.is_empty() {
                    pending.push('\n');
                    if let Interactive::Exit(code) = interp.run_interactive(&pending) {
                        return code;
                    }
                }
                eprintln!();
                return 0;
            }
        };
        if pending.is_empty() && line.trim().is_empty() {
            continue;
        }
        if !line.trim().is_empty() {
            source.remember(&line);
        }
        pending.push_str(&line);
        pending.push('\n');
        let outcome = interp.run_interactive(&pending);
        let _ = std::io::stdout().flush();
        match outcome {
            Interactive::Incomplete => {}
            Interactive::Done => pending.clear(),
            Interactive::Exit(code) => return code,
        }
    }
}

/// Lines from a pipe or file; prompts go to stderr.
#[derive(Default)]
struct Plain {
    buf: String,
}

impl LineSource for Plain {
    fn read(&mut self, prompt: &str) -> Input {
        eprint!("{prompt}");
        let _ = std::io::stderr().flush();
        self.buf.clear();
        match std::io::stdin().lock().read_line(&mut self.buf) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) => {
                let line = self.buf.strip_suffix('\n').unwrap_or(&self.buf);
                Input::Line(line.strip_suffix('\r').unwrap_or(line).to_string())
            }
        }
    }
}

/// A terminal, through rustyline.
struct Terminal {
    editor: rustyline::DefaultEditor,
    history: Option<PathBuf>,
}

impl Terminal {
    fn new() -> Option<Terminal> {
        let config = rustyline::Config::builder()
            .auto_add_history(false)
            .max_history_size(10_000)
            .ok()?
            .build();
        let mut editor = rustyline::DefaultEditor::with_config(config).ok()?;
        let history = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".pyglass_history"));
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        Some(Terminal { editor, history })
    }
}

impl LineSource for Terminal {
    fn read(&mut self, prompt: &str) -> Input {
        use rustyline::error::ReadlineError;
        match self.editor.readline(prompt) {
            Ok(line) => Input::Line(line),
            Err(ReadlineError::Interrupted) => Input::Interrupted,
            Err(_) => Input::Eof,
        }
    }

    fn remember(&mut self, line: &str) {
        let _ = self.editor.add_history_entry(line);
    }

    fn close(&mut self) {
        if let Some(path) = &self.history {
            let _ = self.editor.save_history(path);
        }
    }
}
