//! CPython 3.13's `list.sort()` algorithm (`Objects/listobject.c`: count_run with
//! equal-element sub-runs, binary insertion, powersort merge policy, galloping merges),
//! ported comparison for comparison, so that user `__lt__` methods see exactly the calls
//! CPython makes. It sorts a vector of indices with a fallible "less than"; inconsistent
//! comparisons never panic (the result is then some permutation, as in CPython).

use crate::vm::PyResult;

const MIN_GALLOP: usize = 7;

type Lt<'a> = dyn FnMut(usize, usize) -> PyResult<bool> + 'a;

struct Run {
    base: usize,
    len: usize,
    power: i32,
}

struct MergeState<'a, 'b> {
    lt: &'a mut Lt<'b>,
    min_gallop: usize,
    pending: Vec<Run>,
    tmp: Vec<usize>,
    listlen: usize,
}

/// Sort `v` (indices) stably with `lt`.
pub fn timsort(v: &mut [usize], lt: &mut Lt<'_>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState { lt, min_gallop: MIN_GALLOP, pending: Vec::new(), tmp: Vec::new(), listlen: n };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut nremaining = n;
    while nremaining > 0 {
        let mut run = count_run(&mut ms, &mut v[lo..lo + nremaining])?;
        if run < minrun {
            let force = nremaining.min(minrun);
            binarysort(&mut ms, &mut v[lo..lo + force], run)?;
            run = force;
        }
        found_new_run(&mut ms, v, run)?;
        ms.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
        nremaining -= run;
    }
    while ms.pending.len() > 1 {
        let mut i = ms.pending.len() - 2;
        if i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len {
            i -= 1;
        }
        merge_at(&mut ms, v, i)?;
    }
    Ok(())
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Length of the run at the start of `a`, made ascending in place.
fn count_run(ms: &mut MergeState, a: &mut [usize]) -> PyResult<usize> {
    let nremaining = a.len();
    let mut n = 1;
    // Ascending run first.
    while n < nremaining {
        if (ms.lt)(a[n], a[n - 1])? {
            break;
        }
        n += 1;
    }
    if n == nremaining {
        return Ok(n);
    }
    if n > 1 {
        if (ms.lt)(a[0], a[n - 1])? {
            return Ok(n);
        }
        // All equal so far: reverse them so the descending pass keeps them stable.
        a[..n].reverse();
    }
    n += 1;
    // Descending run, with sub-runs of equal elements kept in order.
    let mut neq = 0;
    let reverse_last_neq = |a: &mut [usize], n: usize, neq: &mut usize| {
        if *neq > 0 {
            let k = *neq + 1;
            a[n - k..n].reverse();
            *neq = 0;
        }
    };
    while n < nremaining {
        if (ms.lt)(a[n], a[n - 1])? {
            reverse_last_neq(a, n, &mut neq);
        } else if (ms.lt)(a[n - 1], a[n])? {
            break;
        } else {
            neq += 1;
        }
        n += 1;
    }
    reverse_last_neq(a, n, &mut neq);
    a[..n].reverse();
    // The reversed run may extend with an ascending suffix.
    while n < nremaining {
        if (ms.lt)(a[n], a[n - 1])? {
            break;
        }
        n += 1;
    }
    Ok(n)
}

/// Binary insertion sort of `a`, whose first `ok` elements are sorted.
fn binarysort(ms: &mut MergeState, a: &mut [usize], ok: usize) -> PyResult<()> {
    let n = a.len();
    let mut ok = ok.max(1);
    while ok < n {
        let pivot = a[ok];
        let (mut l, mut r) = (0, ok);
        while l < r {
            let m = (l + r) >> 1;
            if (ms.lt)(pivot, a[m])? {
                r = m;
            } else {
                l = m + 1;
            }
        }
        a.copy_within(l..ok, l + 1);
        a[l] = pivot;
        ok += 1;
    }
    Ok(())
}

fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> i32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

fn found_new_run(ms: &mut MergeState, v: &mut [usize], n2: usize) -> PyResult<()> {
    if let Some(last) = ms.pending.last() {
        let (s1, n1) = (last.base, last.len);
        let power = powerloop(s1, n1, n2, ms.listlen);
        while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].power > power {
            let i = ms.pending.len() - 2;
            merge_at(ms, v, i)?;
        }
        let k = ms.pending.len() - 1;
        ms.pending[k].power = power;
    }
    Ok(())
}

/// Where `key` belongs in sorted `a`: the leftmost position (a[ofs-1] < key <= a[ofs]).
fn gallop_left(lt: &mut Lt<'_>, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len();
    let mut lastofs: isize = 0;
    let mut ofs: isize = 1;
    let h = hint as isize;
    if lt(a[hint], key)? {
        let maxofs = (n - hint) as isize;
        while ofs < maxofs {
            if lt(a[(h + ofs) as usize], key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += h;
        ofs += h;
    } else {
        let maxofs = h + 1;
        while ofs < maxofs {
            if lt(a[(h - ofs) as usize], key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = h - ofs;
        ofs = h - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(a[m as usize], key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// Where `key` belongs in sorted `a`: the rightmost position (a[ofs-1] <= key < a[ofs]).
fn gallop_right(lt: &mut Lt<'_>, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
    let n = a.len();
    let mut lastofs: isize = 0;
    let mut ofs: isize = 1;
    let h = hint as isize;
    if lt(key, a[hint])? {
        let maxofs = h + 1;
        while ofs < maxofs {
            if lt(key, a[(h - ofs) as usize])? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = h - ofs;
        ofs = h - k;
    } else {
        let maxofs = (n - hint) as isize;
        while ofs < maxofs {
            if lt(key, a[(h + ofs) as usize])? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += h;
        ofs += h;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(key, a[m as usize])? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

fn merge_at(ms: &mut MergeState, v: &mut [usize], i: usize) -> PyResult<()> {
    let mut base_a = ms.pending[i].base;
    let mut na = ms.pending[i].len;
    let base_b = ms.pending[i + 1].base;
    let nb = ms.pending[i + 1].len;
    ms.pending[i].len = na + nb;
    ms.pending.remove(i + 1);
    // Elements of A before B's first element are already in place.
    let k = gallop_right(ms.lt, v[base_b], &v[base_a..base_a + na], 0)?;
    base_a += k;
    na -= k;
    if na == 0 {
        return Ok(());
    }
    // Elements of B after A's last element are already in place.
    let nb = gallop_left(ms.lt, v[base_a + na - 1], &v[base_b..base_b + nb], nb - 1)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        merge_lo(ms, v, base_a, na, base_b, nb)
    } else {
        merge_hi(ms, v, base_a, na, base_b, nb)
    }
}

fn merge_lo(ms: &mut MergeState, v: &mut [usize], base_a: usize, mut na: usize, base_b: usize, mut nb: usize) -> PyResult<()> {
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&v[base_a..base_a + na]);
    let mut tmp = std::mem::take(&mut ms.tmp);
    let mut dest = base_a;
    let mut pa = 0; // into tmp
    let mut pb = base_b; // into v
    let r = (|| -> PyResult<bool> {
        // Returns true for the CopyB exit.
        v[dest] = v[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        if nb == 0 {
            return Ok(false);
        }
        if na == 1 {
            return Ok(true);
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                if (ms.lt)(v[pb], tmp[pa])? {
                    v[dest] = v[pb];
                    dest += 1;
                    pb += 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    v[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let k = gallop_right(ms.lt, v[pb], &tmp[pa..pa + na], 0)?;
                acount = k;
                if k > 0 {
                    v[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                    dest += k;
                    pa += k;
                    na -= k;
                    if na == 1 {
                        return Ok(true);
                    }
                    if na == 0 {
                        return Ok(false);
                    }
                }
                v[dest] = v[pb];
                dest += 1;
                pb += 1;
                nb -= 1;
                if nb == 0 {
                    return Ok(false);
                }
                let k = gallop_left(ms.lt, tmp[pa], &v[pb..pb + nb], 0)?;
                bcount = k;
                if k > 0 {
                    v.copy_within(pb..pb + k, dest);
                    dest += k;
                    pb += k;
                    nb -= k;
                    if nb == 0 {
                        return Ok(false);
                    }
                }
                v[dest] = tmp[pa];
                dest += 1;
                pa += 1;
                na -= 1;
                if na == 1 {
                    return Ok(true);
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    })();
    match r {
        Ok(true) => {
            // CopyB: the rest of B, then A's last element.
            v.copy_within(pb..pb + nb, dest);
            v[dest + nb] = tmp[pa];
        }
        _ => {
            if na > 0 {
                v[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
            }
        }
    }
    tmp.clear();
    ms.tmp = tmp;
    r.map(drop)
}

fn merge_hi(ms: &mut MergeState, v: &mut [usize], base_a: usize, mut na: usize, base_b: usize, mut nb: usize) -> PyResult<()> {
    ms.tmp.clear();
    ms.tmp.extend_from_slice(&v[base_b..base_b + nb]);
    let mut tmp = std::mem::take(&mut ms.tmp);
    // Positions of the current last elements (signed: they can step below the start).
    let mut dest: isize = (base_b + nb - 1) as isize;
    let mut pa: isize = (base_a + na - 1) as isize; // into v
    let mut pb: isize = nb as isize - 1; // into tmp
    let base_a_i = base_a as isize;
    let r = (|| -> PyResult<bool> {
        // Returns true for the CopyA exit.
        v[dest as usize] = v[pa as usize];
        dest -= 1;
        pa -= 1;
        na -= 1;
        if na == 0 {
            return Ok(false);
        }
        if nb == 1 {
            return Ok(true);
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let mut acount = 0usize;
            let mut bcount = 0usize;
            loop {
                if (ms.lt)(tmp[pb as usize], v[pa as usize])? {
                    v[dest as usize] = v[pa as usize];
                    dest -= 1;
                    pa -= 1;
                    acount += 1;
                    bcount = 0;
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    v[dest as usize] = tmp[pb as usize];
                    dest -= 1;
                    pb -= 1;
                    bcount += 1;
                    acount = 0;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                ms.min_gallop = min_gallop;
                let k = gallop_right(ms.lt, tmp[pb as usize], &v[base_a..base_a + na], na - 1)?;
                let k = na - k;
                acount = k;
                if k > 0 {
                    let ki = k as isize;
                    dest -= ki;
                    pa -= ki;
                    v.copy_within((pa + 1) as usize..(pa + 1 + ki) as usize, (dest + 1) as usize);
                    na -= k;
                    if na == 0 {
                        return Ok(false);
                    }
                }
                v[dest as usize] = tmp[pb as usize];
                dest -= 1;
                pb -= 1;
                nb -= 1;
                if nb == 1 {
                    return Ok(true);
                }
                let k = gallop_left(ms.lt, v[pa as usize], &tmp[..nb], nb - 1)?;
                let k = nb - k;
                bcount = k;
                if k > 0 {
                    let ki = k as isize;
                    dest -= ki;
                    pb -= ki;
                    v[(dest + 1) as usize..(dest + 1 + ki) as usize].copy_from_slice(&tmp[(pb + 1) as usize..(pb + 1 + ki) as usize]);
                    nb -= k;
                    if nb == 1 {
                        return Ok(true);
                    }
                    if nb == 0 {
                        return Ok(false);
                    }
                }
                v[dest as usize] = v[pa as usize];
                dest -= 1;
                pa -= 1;
                na -= 1;
                if na == 0 {
                    return Ok(false);
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    })();
    let _ = base_a_i;
    match r {
        Ok(true) => {
            // CopyA: the rest of A moves right, then B's first element goes in front.
            let nai = na as isize;
            dest -= nai;
            pa -= nai;
            v.copy_within((pa + 1) as usize..(pa + 1 + nai) as usize, (dest + 1) as usize);
            v[dest as usize] = tmp[pb as usize];
        }
        _ => {
            if nb > 0 {
                let start = (dest - (nb as isize - 1)) as usize;
                v[start..start + nb].copy_from_slice(&tmp[..nb]);
            }
        }
    }
    tmp.clear();
    ms.tmp = tmp;
    r.map(drop)
}
