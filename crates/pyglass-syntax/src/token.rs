//! Tokens as the parser sees them (after the layout pass).

use crate::ast::IntLit;

/// A string literal token: where it is and what kind it is. Decoding (escapes, f-string
/// fields) happens in the parser action, so errors come out in source order.
#[derive(Clone, Debug, PartialEq)]
pub struct StrTok {
    /// Byte offset of the token start (the prefix) in the source.
    pub start: usize,
    /// Byte offset one past the closing quote.
    pub end: usize,
    /// Length of the prefix (`rb` = 2).
    pub prefix_len: usize,
    /// 1 or 3.
    pub quote_len: usize,
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
    /// Estimated expression nesting around this token (for the depth guard of f-string fields).
    pub depth_base: u32,
}

impl StrTok {
    pub fn body(&self) -> (usize, usize) {
        (
            self.start + self.prefix_len + self.quote_len,
            self.end - self.quote_len,
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(IntLit),
    Float(f64),
    Imag(f64),
    Str(StrTok),
    Newline,
    Indent,
    Dedent,
    /// Synthetic first token of a whole-file parse.
    StartFile,
    /// Synthetic first token of an f-string replacement-field expression parse.
    StartExpr,
    /// A `(` right after `with` that opens a parenthesized list of with-items.
    WithLPar,
    /// A character that starts no token (`$`, `?`, ...): always a syntax error.
    Invalid,
    // keywords
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // operators and delimiters
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    Exclamation,
}

impl Tok {
    pub fn keyword(s: &str) -> Option<Tok> {
        Some(match s {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// True for tokens that can begin an expression (used by error diagnosis).
    pub fn starts_expr(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Str(_)
                | Tok::False
                | Tok::None
                | Tok::True
                | Tok::Lambda
                | Tok::Await
                | Tok::LPar
                | Tok::LSqb
                | Tok::LBrace
                | Tok::Tilde
                | Tok::Ellipsis
        )
    }

    /// True for tokens that can end an expression.
    pub fn ends_expr(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Str(_)
                | Tok::False
                | Tok::None
                | Tok::True
                | Tok::RPar
                | Tok::RSqb
                | Tok::RBrace
                | Tok::Ellipsis
        )
    }

    pub fn is_open_bracket(&self) -> bool {
        matches!(self, Tok::LPar | Tok::LSqb | Tok::LBrace | Tok::WithLPar)
    }

    pub fn is_close_bracket(&self) -> bool {
        matches!(self, Tok::RPar | Tok::RSqb | Tok::RBrace)
    }
}

/// A token with its byte span.
pub type Spanned = (usize, Tok, usize);
