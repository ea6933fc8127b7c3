//! Run compiled programs on the small reference interpreter in `tests/minivm` and compare
//! their output with CPython 3.13's (generated into `tests/data/behaviour.golden`). This
//! checks what the verifier cannot: that loops, exception handlers, `finally` bodies,
//! `with` exits and early exits through them do the right thing at run time.

mod common;
mod minivm;

#[test]
fn programs_behave_like_cpython() {
    let cases = common::read_golden("behaviour.golden");
    assert!(cases.len() >= 15);
    let mut failures = Vec::new();
    for case in &cases {
        let code = common::compile_ok(&case.source);
        let mut vm = minivm::Vm::new();
        vm.run_module(&code);
        let got = vm.output.join("\n");
        if got != case.expected {
            failures.push(format!(
                "=== {}\n{}--- expected\n{}\n--- got\n{got}\n--- dis\n{}",
                case.name,
                case.source,
                case.expected,
                pyglass_bytecode::dis::disassemble(&code)
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
