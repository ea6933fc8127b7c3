//! Decoding of string and bytes literal bodies (escape sequences).

/// An invalid escape: message plus the byte range of the escape within the body.
#[derive(Debug)]
pub struct EscapeError {
    pub msg: &'static str,
    pub from: usize,
    pub to: usize,
}

/// Decodes one escape sequence starting at `s[i] == b'\\'` (non-raw str or bytes).
/// Appends to `out` (chars; for bytes the caller maps them to bytes) and returns the
/// offset after the escape.
pub fn decode_escape(
    s: &str,
    i: usize,
    bytes: bool,
    out: &mut Vec<u32>,
) -> Result<usize, EscapeError> {
    let b = s.as_bytes();
    let Some(&c) = b.get(i + 1) else {
        out.push('\\' as u32);
        return Ok(i + 1);
    };
    let simple = match c {
        b'\n' => return Ok(i + 2),
        b'\r' => {
            return Ok(if b.get(i + 2) == Some(&b'\n') {
                i + 3
            } else {
                i + 2
            })
        }
        b'\\' => Some('\\'),
        b'\'' => Some('\''),
        b'"' => Some('"'),
        b'a' => Some('\x07'),
        b'b' => Some('\x08'),
        b'f' => Some('\x0c'),
        b'v' => Some('\x0b'),
        b'n' => Some('\n'),
        b'r' => Some('\r'),
        b't' => Some('\t'),
        _ => None,
    };
    if let Some(ch) = simple {
        out.push(ch as u32);
        return Ok(i + 2);
    }
    match c {
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut j = i + 1;
            while j < i + 4 && j < b.len() && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            out.push(if bytes { v & 0xFF } else { v });
            Ok(j)
        }
        b'x' => hex_escape(b, i, 2, "truncated \\xXX escape", out),
        b'u' if !bytes => hex_escape(b, i, 4, "truncated \\uXXXX escape", out),
        b'U' if !bytes => hex_escape(b, i, 8, "truncated \\UXXXXXXXX escape", out),
        b'N' if !bytes => {
            let err = |to| EscapeError {
                msg: "malformed \\N character escape",
                from: i,
                to,
            };
            if b.get(i + 2) != Some(&b'{') {
                return Err(err(i + 1));
            }
            let close = s[i + 3..]
                .find('}')
                .map(|k| i + 3 + k)
                .ok_or_else(|| err(s.len() - 1))?;
            let name = &s[i + 3..close];
            match lookup_name(name) {
                Some(ch) => {
                    out.push(ch);
                    Ok(close + 1)
                }
                None => Err(EscapeError {
                    msg: "unknown Unicode character name",
                    from: i,
                    to: close,
                }),
            }
        }
        _ => {
            out.push('\\' as u32);
            Ok(i + 1)
        }
    }
}

fn hex_escape(
    b: &[u8],
    i: usize,
    n: usize,
    msg: &'static str,
    out: &mut Vec<u32>,
) -> Result<usize, EscapeError> {
    let mut v = 0u32;
    for k in 0..n {
        match b.get(i + 2 + k).and_then(|&c| (c as char).to_digit(16)) {
            Some(d) => v = v * 16 + d,
            None => {
                return Err(EscapeError {
                    msg,
                    from: i,
                    to: i + 1 + k,
                })
            }
        }
    }
    if v > 0x10FFFF {
        return Err(EscapeError {
            msg: "illegal Unicode character",
            from: i,
            to: i + 1 + n,
        });
    }
    out.push(v);
    Ok(i + 2 + n)
}

/// Pushes the code points of `out` onto a String (lone surrogates, which Rust strings cannot
/// hold, become U+FFFD).
pub fn push_code_points(dst: &mut String, cps: &[u32]) {
    for &cp in cps {
        dst.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
    }
}

/// Decodes a str literal body (the text between the quotes).
pub fn decode_str(body: &str, raw: bool) -> Result<String, EscapeError> {
    if raw || !body.contains('\\') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut cps = Vec::new();
    let mut i = 0;
    let b = body.as_bytes();
    while i < b.len() {
        if b[i] == b'\\' {
            cps.clear();
            i = decode_escape(body, i, false, &mut cps)?;
            push_code_points(&mut out, &cps);
        } else {
            let ch = body[i..].chars().next().unwrap_or('\u{FFFD}');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    Ok(out)
}

/// Decodes a bytes literal body; `Err(None)` means a non-ASCII character was found.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, Option<EscapeError>> {
    if !body.is_ascii() {
        return Err(None);
    }
    if raw {
        return Ok(body.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(body.len());
    let mut cps = Vec::new();
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            cps.clear();
            i = decode_escape(body, i, true, &mut cps).map_err(Some)?;
            out.extend(cps.iter().map(|&c| c as u8));
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(out)
}

/// A small table for `\N{...}`: common names plus generated Latin letters and digits.
fn lookup_name(name: &str) -> Option<u32> {
    let up = name.to_ascii_uppercase();
    if let Some(rest) = up.strip_prefix("LATIN CAPITAL LETTER ") {
        if rest.len() == 1 && rest.as_bytes()[0].is_ascii_uppercase() {
            return Some(rest.as_bytes()[0] as u32);
        }
    }
    if let Some(rest) = up.strip_prefix("LATIN SMALL LETTER ") {
        if rest.len() == 1 && rest.as_bytes()[0].is_ascii_uppercase() {
            return Some(rest.as_bytes()[0].to_ascii_lowercase() as u32);
        }
    }
    const DIGITS: [&str; 10] = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
    ];
    if let Some(rest) = up.strip_prefix("DIGIT ") {
        if let Some(k) = DIGITS.iter().position(|d| *d == rest) {
            return Some('0' as u32 + k as u32);
        }
    }
    const GREEK: [&str; 24] = [
        "ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA", "KAPPA",
        "LAMDA", "MU", "NU", "XI", "OMICRON", "PI", "RHO", "SIGMA", "TAU", "UPSILON", "PHI", "CHI",
        "PSI", "OMEGA",
    ];
    for (prefix, base) in [
        ("GREEK SMALL LETTER ", 0x3B1u32),
        ("GREEK CAPITAL LETTER ", 0x391u32),
    ] {
        if let Some(rest) = up.strip_prefix(prefix) {
            let rest = if rest == "LAMBDA" { "LAMDA" } else { rest };
            if let Some(k) = GREEK.iter().position(|g| *g == rest) {
                // skip the gap at final sigma (U+03C2) / reserved U+03A2
                let k = k as u32;
                return Some(if k >= 17 { base + k + 1 } else { base + k });
            }
        }
    }
    const TABLE: &[(&str, u32)] = &[
        ("NULL", 0x0),
        ("BELL", 0x7),
        ("BACKSPACE", 0x8),
        ("CHARACTER TABULATION", 0x9),
        ("TAB", 0x9),
        ("LINE FEED", 0xA),
        ("LINE FEED (LF)", 0xA),
        ("LF", 0xA),
        ("NEW LINE", 0xA),
        ("CARRIAGE RETURN", 0xD),
        ("CARRIAGE RETURN (CR)", 0xD),
        ("ESCAPE", 0x1B),
        ("SPACE", 0x20),
        ("EXCLAMATION MARK", 0x21),
        ("QUOTATION MARK", 0x22),
        ("NUMBER SIGN", 0x23),
        ("DOLLAR SIGN", 0x24),
        ("PERCENT SIGN", 0x25),
        ("AMPERSAND", 0x26),
        ("APOSTROPHE", 0x27),
        ("LEFT PARENTHESIS", 0x28),
        ("RIGHT PARENTHESIS", 0x29),
        ("ASTERISK", 0x2A),
        ("PLUS SIGN", 0x2B),
        ("COMMA", 0x2C),
        ("HYPHEN-MINUS", 0x2D),
        ("FULL STOP", 0x2E),
        ("SOLIDUS", 0x2F),
        ("COLON", 0x3A),
        ("SEMICOLON", 0x3B),
        ("LESS-THAN SIGN", 0x3C),
        ("EQUALS SIGN", 0x3D),
        ("GREATER-THAN SIGN", 0x3E),
        ("QUESTION MARK", 0x3F),
        ("COMMERCIAL AT", 0x40),
        ("LEFT SQUARE BRACKET", 0x5B),
        ("REVERSE SOLIDUS", 0x5C),
        ("RIGHT SQUARE BRACKET", 0x5D),
        ("LOW LINE", 0x5F),
        ("GRAVE ACCENT", 0x60),
        ("LEFT CURLY BRACKET", 0x7B),
        ("VERTICAL LINE", 0x7C),
        ("RIGHT CURLY BRACKET", 0x7D),
        ("TILDE", 0x7E),
        ("DELETE", 0x7F),
        ("NO-BREAK SPACE", 0xA0),
        ("INVERTED EXCLAMATION MARK", 0xA1),
        ("CENT SIGN", 0xA2),
        ("POUND SIGN", 0xA3),
        ("YEN SIGN", 0xA5),
        ("SECTION SIGN", 0xA7),
        ("COPYRIGHT SIGN", 0xA9),
        ("LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB),
        ("NOT SIGN", 0xAC),
        ("SOFT HYPHEN", 0xAD),
        ("REGISTERED SIGN", 0xAE),
        ("DEGREE SIGN", 0xB0),
        ("PLUS-MINUS SIGN", 0xB1),
        ("MICRO SIGN", 0xB5),
        ("PILCROW SIGN", 0xB6),
        ("MIDDLE DOT", 0xB7),
        ("RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB),
        ("INVERTED QUESTION MARK", 0xBF),
        ("MULTIPLICATION SIGN", 0xD7),
        ("DIVISION SIGN", 0xF7),
        ("LATIN SMALL LETTER SHARP S", 0xDF),
        ("LATIN SMALL LETTER A WITH GRAVE", 0xE0),
        ("LATIN SMALL LETTER A WITH ACUTE", 0xE1),
        ("LATIN SMALL LETTER A WITH DIAERESIS", 0xE4),
        ("LATIN SMALL LETTER C WITH CEDILLA", 0xE7),
        ("LATIN SMALL LETTER E WITH GRAVE", 0xE8),
        ("LATIN SMALL LETTER E WITH ACUTE", 0xE9),
        ("LATIN SMALL LETTER N WITH TILDE", 0xF1),
        ("LATIN SMALL LETTER O WITH DIAERESIS", 0xF6),
        ("LATIN SMALL LETTER U WITH DIAERESIS", 0xFC),
        ("LATIN CAPITAL LETTER E WITH ACUTE", 0xC9),
        ("EN DASH", 0x2013),
        ("EM DASH", 0x2014),
        ("LEFT SINGLE QUOTATION MARK", 0x2018),
        ("RIGHT SINGLE QUOTATION MARK", 0x2019),
        ("LEFT DOUBLE QUOTATION MARK", 0x201C),
        ("RIGHT DOUBLE QUOTATION MARK", 0x201D),
        ("DAGGER", 0x2020),
        ("BULLET", 0x2022),
        ("HORIZONTAL ELLIPSIS", 0x2026),
        ("PER MILLE SIGN", 0x2030),
        ("EURO SIGN", 0x20AC),
        ("TRADE MARK SIGN", 0x2122),
        ("LEFTWARDS ARROW", 0x2190),
        ("UPWARDS ARROW", 0x2191),
        ("RIGHTWARDS ARROW", 0x2192),
        ("DOWNWARDS ARROW", 0x2193),
        ("INFINITY", 0x221E),
        ("NOT EQUAL TO", 0x2260),
        ("LESS-THAN OR EQUAL TO", 0x2264),
        ("GREATER-THAN OR EQUAL TO", 0x2265),
        ("ZERO WIDTH SPACE", 0x200B),
        ("ZERO WIDTH JOINER", 0x200D),
        ("BOX DRAWINGS LIGHT HORIZONTAL", 0x2500),
        ("BOX DRAWINGS LIGHT VERTICAL", 0x2502),
        ("FULL BLOCK", 0x2588),
        ("BLACK STAR", 0x2605),
        ("WHITE STAR", 0x2606),
        ("SNOWMAN", 0x2603),
        ("WHITE SMILING FACE", 0x263A),
        ("BLACK HEART SUIT", 0x2665),
        ("CHECK MARK", 0x2713),
        ("HEAVY CHECK MARK", 0x2714),
        ("BALLOT X", 0x2717),
        ("REPLACEMENT CHARACTER", 0xFFFD),
        ("BYTE ORDER MARK", 0xFEFF),
        ("ZERO WIDTH NO-BREAK SPACE", 0xFEFF),
        ("GRINNING FACE", 0x1F600),
        ("THUMBS UP SIGN", 0x1F44D),
        ("SNAKE", 0x1F40D),
    ];
    TABLE.iter().find(|(n, _)| *n == up).map(|&(_, c)| c)
}
