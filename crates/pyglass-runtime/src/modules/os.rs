//! `posix`: the operating-system primitives behind `lib/os.py` and `lib/posixpath.py`
//! (CPython `Modules/posixmodule.c`, the small part scripts use).

use super::io::{os_error, os_error2};
use crate::builtins::args;
use crate::object::{Kind, PyRef};
use crate::objects::str::as_str;
use crate::vm::{Args, PyResult, Vm};

pub fn make(vm: &Vm) -> PyRef {
    let m = vm.new_module("posix");
    super::add_functions(
        vm,
        &m,
        "posix",
        &[
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("remove", remove),
            ("unlink", remove),
            ("rename", rename),
            ("replace", rename),
            ("_stat", stat),
            ("getpid", getpid),
            ("urandom", urandom),
            ("_environ", environ),
            ("cpu_count", cpu_count),
            ("_exit", exit_now),
            ("strerror", strerror),
        ],
    );
    m
}

/// A path argument: str, bytes (as UTF-8), or an object with `__fspath__`.
fn path_arg(vm: &Vm, func: &str, v: &PyRef) -> PyResult<String> {
    if let Some(s) = as_str(v) {
        if s.contains('\0') {
            return Err(vm.value_error(&format!("{func}: embedded null character in path")));
        }
        return Ok(s.to_string());
    }
    if v.is_kind(Kind::Bytes) {
        return Ok(String::from_utf8_lossy(crate::builtins::bytes::bytes_of(v)).to_string());
    }
    if let Some(f) = crate::objects::typeobject::lookup_str(&v.class(), "__fspath__") {
        let p = vm.call(&f, std::slice::from_ref(v))?;
        if let Some(s) = as_str(&p) {
            return Ok(s.to_string());
        }
    }
    Err(vm.type_error(&format!("{func}: path should be string, bytes or os.PathLike, not {}", vm.type_name(v))))
}

fn getcwd(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "getcwd", &a, 0, 0)?;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.ctx.new_string(d.to_string_lossy().to_string()))
}

fn chdir(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "chdir", &a, 1, 1)?;
    let path = path_arg(vm, "chdir", &p[0])?;
    std::env::set_current_dir(&path).map_err(|e| os_error(vm, &e, Some(&p[0])))?;
    Ok(vm.ctx.none())
}

fn listdir(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "listdir", &a, 0, 1)?;
    let (path, arg) = match p.first().filter(|x| !x.is(&vm.ctx.consts.none)) {
        Some(x) => (path_arg(vm, "listdir", x)?, x.clone()),
        None => (".".to_string(), vm.ctx.new_str(".")),
    };
    let rd = std::fs::read_dir(&path).map_err(|e| os_error(vm, &e, Some(&arg)))?;
    let mut out = Vec::new();
    for ent in rd {
        let ent = ent.map_err(|e| os_error(vm, &e, Some(&arg)))?;
        out.push(vm.ctx.new_string(ent.file_name().to_string_lossy().to_string()));
    }
    Ok(vm.ctx.new_list(out))
}

fn mkdir(vm: &Vm, a: Args<'_>) -> PyResult {
    let b = args::bind(vm, "mkdir", &a, &["path", "mode", "dir_fd"], 1)?;
    let p = b[0].expect("required");
    let path = path_arg(vm, "mkdir", p)?;
    std::fs::create_dir(&path).map_err(|e| os_error(vm, &e, Some(p)))?;
    Ok(vm.ctx.none())
}

fn rmdir(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "rmdir", &a, 1, 1)?;
    let path = path_arg(vm, "rmdir", &p[0])?;
    std::fs::remove_dir(&path).map_err(|e| os_error(vm, &e, Some(&p[0])))?;
    Ok(vm.ctx.none())
}

fn remove(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "remove", &a, 1, 1)?;
    let path = path_arg(vm, "remove", &p[0])?;
    if std::path::Path::new(&path).is_dir() {
        return Err(os_error(vm, &std::io::Error::from_raw_os_error(21), Some(&p[0])));
    }
    std::fs::remove_file(&path).map_err(|e| os_error(vm, &e, Some(&p[0])))?;
    Ok(vm.ctx.none())
}

fn rename(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "rename", &a, 2, 2)?;
    let (src, dst) = (path_arg(vm, "rename", &p[0])?, path_arg(vm, "rename", &p[1])?);
    std::fs::rename(&src, &dst).map_err(|e| os_error2(vm, &e, Some(&p[0]), Some(&p[1])))?;
    Ok(vm.ctx.none())
}

/// `_stat(path, follow_symlinks) -> (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)`.
fn stat(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "stat", &a, 1, 2)?;
    let path = path_arg(vm, "stat", &p[0])?;
    let follow = match p.get(1) {
        Some(f) => vm.is_true(f)?,
        None => true,
    };
    let md = if follow { std::fs::metadata(&path) } else { std::fs::symlink_metadata(&path) }.map_err(|e| os_error(vm, &e, Some(&p[0])))?;
    use std::os::unix::fs::MetadataExt;
    let f = |x: f64| vm.ctx.new_float(x);
    let t = |s: i64, ns: i64| s as f64 + ns as f64 * 1e-9;
    Ok(vm.ctx.new_tuple(vec![
        vm.ctx.new_int(md.mode() as i64),
        vm.ctx.new_int(md.ino() as i64),
        vm.ctx.new_int(md.dev() as i64),
        vm.ctx.new_int(md.nlink() as i64),
        vm.ctx.new_int(md.uid() as i64),
        vm.ctx.new_int(md.gid() as i64),
        vm.ctx.new_int(md.size() as i64),
        f(t(md.atime(), md.atime_nsec())),
        f(t(md.mtime(), md.mtime_nsec())),
        f(t(md.ctime(), md.ctime_nsec())),
    ]))
}

fn getpid(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "getpid", &a, 0, 0)?;
    Ok(vm.ctx.new_int(std::process::id() as i64))
}

fn urandom(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "urandom", &a, 1, 1)?;
    let n = vm.index(&p[0])?.to_i64().unwrap_or(-1);
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    use std::io::Read;
    let mut buf = vec![0u8; n as usize];
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).map_err(|e| os_error(vm, &e, None))?;
    Ok(crate::builtins::bytes::new_bytes(vm, buf))
}

fn environ(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "_environ", &a, 0, 0)?;
    let d = vm.ctx.new_dict();
    let dd = d.downcast::<crate::objects::dict::DictData>().expect("dict");
    for (k, v) in std::env::vars_os() {
        dd.set_item(vm, vm.ctx.new_string(k.to_string_lossy().to_string()), vm.ctx.new_string(v.to_string_lossy().to_string()))?;
    }
    Ok(d)
}

fn cpu_count(vm: &Vm, a: Args<'_>) -> PyResult {
    args::pos(vm, "cpu_count", &a, 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => vm.ctx.new_int(n.get() as i64),
        Err(_) => vm.ctx.none(),
    })
}

fn exit_now(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "_exit", &a, 1, 1)?;
    let code = vm.index(&p[0])?.to_i64().unwrap_or(1);
    vm.ctx.stdout.borrow_mut().flush();
    std::process::exit(code as i32)
}

fn strerror(vm: &Vm, a: Args<'_>) -> PyResult {
    let p = args::pos(vm, "strerror", &a, 1, 1)?;
    let code = vm.index(&p[0])?.to_i64().unwrap_or(0) as i32;
    let e = std::io::Error::from_raw_os_error(code);
    let s = e.to_string();
    Ok(vm.ctx.new_string(s.split(" (os error").next().unwrap_or(&s).to_string()))
}
