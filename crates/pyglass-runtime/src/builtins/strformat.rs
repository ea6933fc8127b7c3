//! `str.format` (PEP 3101): replacement fields with auto/explicit numbering, keyword
//! names, attribute and index lookups, conversions and nested format specs.

use crate::objects::str::as_str;
use crate::vm::{Args, PyResult, Vm};

pub fn format_method(vm: &Vm, fmt: &str, args: Args<'_>) -> PyResult<String> {
    let mut auto = 0usize;
    let mut manual = false;
    format_with(vm, fmt, &args, None, &mut auto, &mut manual, 0)
}

/// `str.format_map(mapping)`: keyword fields are looked up with `mapping[name]`.
pub fn format_map(vm: &Vm, fmt: &str, mapping: &crate::object::PyRef) -> PyResult<String> {
    let mut auto = 0usize;
    let mut manual = false;
    format_with(vm, fmt, &Args::new(&[]), Some(mapping), &mut auto, &mut manual, 0)
}

fn format_with(vm: &Vm, fmt: &str, args: &Args<'_>, mapping: Option<&crate::object::PyRef>, auto: &mut usize, manual: &mut bool, depth: u32) -> PyResult<String> {
    if depth > 2 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching '}' allowing nested braces in the spec.
            let mut j = i + 1;
            let mut nest = 1;
            while j < chars.len() {
                match chars[j] {
                    '{' => nest += 1,
                    '}' => {
                        nest -= 1;
                        if nest == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= chars.len() {
                if i + 1 == chars.len() {
                    return Err(vm.value_error("Single '{' encountered in format string"));
                }
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&render_field(vm, &field, args, mapping, auto, manual, depth)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(vm: &Vm, field: &str, args: &Args<'_>, mapping: Option<&crate::object::PyRef>, auto: &mut usize, manual: &mut bool, depth: u32) -> PyResult<String> {
    // Split off ':spec' and '!conv' (the name part ends at the first ':' or '!' outside
    // brackets).
    let mut name_end = field.len();
    let mut in_br = false;
    for (k, ch) in field.char_indices() {
        match ch {
            '[' => in_br = true,
            ']' => in_br = false,
            ':' | '!' if !in_br => {
                name_end = k;
                break;
            }
            _ => {}
        }
    }
    let name = &field[..name_end];
    let rest = &field[name_end..];
    let (conv, spec) = if let Some(r) = rest.strip_prefix('!') {
        let mut it = r.chars();
        let cv = it.next();
        let after = it.as_str();
        if !(after.is_empty() || after.starts_with(':')) {
            return Err(vm.value_error("expected ':' after conversion specifier"));
        }
        (cv, after.strip_prefix(':').unwrap_or(""))
    } else {
        (None, rest.strip_prefix(':').unwrap_or(""))
    };
    // The first part of the name: index, keyword or empty (auto).
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if *manual {
            return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
        }
        let idx = *auto;
        *auto += 1;
        args.pos().get(idx).cloned().ok_or_else(|| vm.index_error(&format!("Replacement index {idx} out of range for positional args tuple")))?
    } else if let Ok(idx) = first.parse::<usize>() {
        if *auto > 0 {
            return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
        }
        *manual = true;
        args.pos().get(idx).cloned().ok_or_else(|| vm.index_error(&format!("Replacement index {idx} out of range for positional args tuple")))?
    } else if let Some(m) = mapping {
        vm.getitem(m, &vm.ctx.new_str(first))?
    } else {
        args.kwarg(first).cloned().ok_or_else(|| vm.key_error(&vm.ctx.new_str(first)))?
    };
    // Attribute and index accessors.
    let mut rest_name = &name[first_end..];
    while !rest_name.is_empty() {
        if let Some(r) = rest_name.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            obj = vm.getattr_str(&obj, &r[..end])?;
            rest_name = &r[end..];
        } else if let Some(r) = rest_name.strip_prefix('[') {
            let end = r.find(']').ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(i) => vm.ctx.new_int(i),
                Err(_) => vm.ctx.new_str(key),
            };
            obj = vm.getitem(&obj, &k)?;
            rest_name = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let obj = match conv {
        None => obj,
        Some('r') => vm.repr(&obj)?,
        Some('s') => vm.str(&obj)?,
        Some('a') => vm.ascii(&obj)?,
        Some(c) => return Err(vm.value_error(&format!("Unknown conversion specifier {c}"))),
    };
    let spec = if spec.contains('{') { format_with(vm, spec, args, mapping, auto, manual, depth + 1)? } else { spec.to_string() };
    let r = vm.format(&obj, &spec)?;
    Ok(as_str(&r).unwrap_or("").to_string())
}
