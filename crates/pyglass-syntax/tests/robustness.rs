//! Robustness: arbitrary input must give Ok or Err, never a panic or a stack overflow.

use pyglass_syntax::{dump, parse_module};

const REALISTIC: &str = r#"
import os, sys
from collections import defaultdict as dd, OrderedDict

@decorator(arg=1)
class Thing(Base, metaclass=Meta):
    """Doc string."""
    x: int = 0

    def __init__(self, a, b=2, *args, c, d=4, **kw) -> None:
        self.a = a; self.b = b
        self.items = [i ** 2 for i in range(10) if i % 2 == 0]
        self.map = {k: v for k, v in kw.items()}
        try:
            value = int(a) if a else -1
        except (ValueError, TypeError) as e:
            raise RuntimeError(f"bad value {a!r:>10} {e}") from e
        finally:
            pass

    async def run(self):
        async with self.lock as l:
            await l.wait()
        return [x async for x in self.stream()]

def gen(n):
    while n > 0:
        yield n
        n -= 1
    else:
        yield from range(3)

with open(__file__) as f, open(os.devnull, "w") as g:
    data = f.read()[1:10:2]
print(*sorted({1, 2, 3}), sep=", ", end="\n")
lam = lambda x, /, y=1, *, z: (x, y, z)
assert lam(1, z=3) == (1, 1, 3), 'oops'
del lam
"#;

fn check(src: &str) {
    let _ = parse_module(src, "<fuzz>").map(|m| dump(&m));
}

#[test]
fn truncated_prefixes() {
    let mut cut = 0;
    while cut <= REALISTIC.len() {
        if REALISTIC.is_char_boundary(cut) {
            check(&REALISTIC[..cut]);
            check(&REALISTIC[cut..]);
        }
        cut += 1;
    }
    assert!(parse_module(REALISTIC, "<r>").is_ok());
}

#[test]
fn random_bytes() {
    // xorshift; deterministic
    let mut s: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let alphabet: Vec<char> =
        "()[]{}:;,.=+-*/%&|^~<>!@'\"\\#\n\t abcxyz0123456789_ejfrbuJ€λ\r\x0c\u{a0}"
            .chars()
            .collect();
    for _ in 0..3000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        check(&text);
        // raw random bytes, lossily decoded
        let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        check(&String::from_utf8_lossy(&bytes));
    }
    // token soup from the realistic file
    let words: Vec<&str> = REALISTIC.split_whitespace().collect();
    for _ in 0..2000 {
        let n = (next() % 12) as usize;
        let text: Vec<&str> = (0..n)
            .map(|_| words[(next() % words.len() as u64) as usize])
            .collect();
        check(&text.join(" "));
        check(&text.join("\n"));
    }
}

#[test]
fn deep_nesting_is_a_clean_error() {
    let cases = [
        "(".repeat(100_000),
        "[".repeat(100_000),
        "(".repeat(199) + &")".repeat(199),
        "-".repeat(100_000) + "1",
        "not ".repeat(100_000) + "x",
        "1+".repeat(100_000) + "1",
        "a.".repeat(100_000) + "b",
        "f()".to_string() + &"()".repeat(100_000),
        "x**".repeat(100_000) + "x",
        "lambda: ".repeat(100_000) + "0",
        "lambda a,: ".repeat(100_000) + "0",
        "a if b else ".repeat(100_000) + "c",
        "await ".repeat(100_000) + "x",
        "x = ".to_string() + &"f'{".repeat(1000) + "x" + &"}'".repeat(1000),
        "[".repeat(150) + &"-".repeat(5000) + "1" + &"]".repeat(150),
        "if x:\n".to_string()
            + &(1..200)
                .map(|i| " ".repeat(i) + "if x:\n")
                .collect::<String>(),
    ];
    for src in &cases {
        check(src);
    }
    assert!(parse_module(&("(".repeat(199) + &")".repeat(199)), "<d>").is_ok());
    let e = parse_module(&"(".repeat(100_000), "<d>").unwrap_err();
    assert_eq!(e.msg, "too many nested parentheses");
    let e = parse_module(&("-".repeat(100_000) + "1"), "<d>").unwrap_err();
    assert!(e.msg.contains("too deeply nested"), "{}", e.msg);
}

#[test]
fn deep_but_allowed_trees_fit_in_a_small_stack() {
    // Anything the depth guard lets through must be droppable / dumpable on a 2 MiB
    // thread stack (the default for spawned threads and test threads).
    let srcs = [
        "-".repeat(990) + "1",
        "1+".repeat(990) + "1",
        "a.".repeat(990) + "b",
        "x**".repeat(990) + "x",
    ];
    for src in srcs {
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || {
                let m = parse_module(&src, "<d>").expect("within the limit");
                dump(&m).len()
            })
            .expect("spawn");
        assert!(h.join().expect("no overflow") > 0);
    }
}

#[test]
fn nested_fstrings_fit_in_a_small_stack() {
    for depth in [10usize, 31, 32, 33, 200] {
        let src = "f\"{".repeat(depth) + "x" + &"}\"".repeat(depth);
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || parse_module(&src, "<d>").is_ok())
            .expect("spawn");
        let ok = h.join().expect("no overflow");
        if depth <= 32 {
            assert!(ok, "depth {depth} should parse");
        }
        if depth > 40 {
            assert!(!ok, "depth {depth} should hit the nesting limit");
        }
    }
}
