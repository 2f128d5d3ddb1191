//! The small expression language of `--gold`, `--pred`, `--gold-binary` and `--where`:
//! dotted paths into a JSON record, a few aggregates, comparisons and boolean connectives.
//! The grammar and its semantics are documented in the [parent module](super).

use std::fmt;

use serde_json::Value;

/// A parsed expression, with the text it was parsed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    text: String,
    node: Node,
}

/// Why an expression could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("in '{text}' at column {column}: {message}")]
pub struct ExprError {
    /// The expression as written.
    pub text: String,
    /// 1-based character column of the problem.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Num(f64),
    Str(String),
    Path(Path),
    Func(Func, Path),
    Not(Box<Node>),
    Neg(Box<Node>),
    Cmp(Box<Node>, CmpOp, Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Func {
    Mean,
    Median,
    Min,
    Max,
    Sum,
    Count,
}

impl Func {
    const NAMES: &'static str = "mean, median, min, max, sum, count";

    fn from_name(name: &str) -> Option<Func> {
        Some(match name {
            "mean" => Func::Mean,
            "median" => Func::Median,
            "min" => Func::Min,
            "max" => Func::Max,
            "sum" => Func::Sum,
            "count" => Func::Count,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// A dotted path; `*` stands for the index of the current item.
#[derive(Debug, Clone, PartialEq)]
struct Path {
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Key(String),
    Wild,
}

/// The value of an expression or sub-expression on one item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// No value: a JSON null, or an aggregate over nothing. Items with one are skipped.
    Null,
    /// A number (JSON numbers, booleans as 0/1, numeric strings, comparison results).
    Num(f64),
    /// A string that is not a number; only `==` and `!=` accept it.
    Str(String),
}

/// The two records a path can read: the tool's output first, then the labelled input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub output: &'a Value,
    pub input: &'a Value,
}

impl Expr {
    /// Parses an expression.
    pub fn parse(text: &str) -> Result<Expr, ExprError> {
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            text,
            tokens: &tokens,
            pos: 0,
        };
        let node = parser.or()?;
        if let Some(tok) = parser.peek() {
            return Err(parser.error_at(tok.column, format!("unexpected {}", tok.kind)));
        }
        Ok(Expr {
            text: text.to_string(),
            node,
        })
    }

    /// The expression as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether any path of the expression has a `*`, making it per item (per turn).
    pub fn has_wildcard(&self) -> bool {
        let mut found = false;
        self.node
            .visit_paths(&mut |p| found |= p.wild_at().is_some());
        found
    }

    /// Whether any path starts with `first` (e.g. `turns`).
    pub fn reads_field(&self, first: &str) -> bool {
        let mut found = false;
        self.node.visit_paths(&mut |p| {
            found |= matches!(p.segments.first(), Some(Segment::Key(k)) if k == first)
        });
        found
    }

    /// Folds the lengths of the arrays this expression's wildcards range over into `acc`,
    /// shared by all the expressions of a spec: it stays `None` without wildcards, becomes
    /// `Some(None)` when such an array is null (nothing to pair in this record), and
    /// `Some(Some((len, path)))` otherwise. Arrays of different lengths are an error.
    pub(crate) fn item_count(
        &self,
        scope: Scope,
        acc: &mut Option<Option<(usize, String)>>,
    ) -> Result<(), String> {
        let mut result = Ok(());
        self.node.visit_paths(&mut |p| {
            if result.is_err() {
                return;
            }
            let Some(wild) = p.wild_at() else { return };
            let prefix = &p.segments[..wild];
            let shown = Path::show(prefix, None);
            let value = match p.resolve(prefix, scope, None) {
                Ok(v) => v,
                Err(e) => {
                    result = Err(e);
                    return;
                }
            };
            let len = match value {
                Value::Null => {
                    *acc = Some(None);
                    return;
                }
                Value::Array(items) => items.len(),
                other => {
                    result = Err(format!(
                        "field '{shown}' is {}, not an array",
                        crate::ingest::json::kind(other)
                    ));
                    return;
                }
            };
            match acc {
                Some(Some((n, first))) if *n != len => {
                    result = Err(format!(
                        "field '{first}' has {n} items but '{shown}' has {len}"
                    ));
                }
                Some(_) => {}
                None => *acc = Some(Some((len, shown))),
            }
        });
        result
    }

    /// Evaluates the expression on one item (`index` replaces `*`).
    pub(crate) fn eval(&self, scope: Scope, index: Option<usize>) -> Result<Val, String> {
        self.node.eval(scope, index)
    }

    /// Evaluates to a number, `Ok(None)` for a null; a string is an error naming the field.
    pub(crate) fn eval_number(
        &self,
        scope: Scope,
        index: Option<usize>,
    ) -> Result<Option<f64>, String> {
        match self.eval(scope, index)? {
            Val::Null => Ok(None),
            Val::Num(x) => Ok(Some(x)),
            Val::Str(s) => Err(match &self.node {
                Node::Path(p) => format!(
                    "field '{}' not a number ({s:?})",
                    Path::show(&p.segments, index)
                ),
                _ => format!("'{}' is not a number ({s:?})", self.text),
            }),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A JSON scalar as a value: numbers, booleans (0/1), numeric strings; other strings stay.
fn scalar(v: &Value, shown: &dyn Fn() -> String) -> Result<Val, String> {
    match v {
        Value::Null => Ok(Val::Null),
        Value::Bool(b) => Ok(Val::Num(f64::from(u8::from(*b)))),
        Value::Number(n) => n
            .as_f64()
            .filter(|x| x.is_finite())
            .map(Val::Num)
            .ok_or_else(|| format!("field '{}' not a finite number", shown())),
        Value::String(s) => Ok(match s.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Val::Num(x),
            _ => Val::Str(s.clone()),
        }),
        Value::Array(_) => Err(format!(
            "field '{}' is an array; aggregate it with one of {}",
            shown(),
            Func::NAMES
        )),
        Value::Object(_) => Err(format!("field '{}' is an object, not a number", shown())),
    }
}

impl Node {
    fn visit_paths(&self, f: &mut dyn FnMut(&Path)) {
        match self {
            Node::Num(_) | Node::Str(_) => {}
            Node::Path(p) | Node::Func(_, p) => f(p),
            Node::Not(a) | Node::Neg(a) => a.visit_paths(f),
            Node::Cmp(a, _, b) | Node::And(a, b) | Node::Or(a, b) => {
                a.visit_paths(f);
                b.visit_paths(f);
            }
        }
    }

    fn eval(&self, scope: Scope, index: Option<usize>) -> Result<Val, String> {
        match self {
            Node::Num(x) => Ok(Val::Num(*x)),
            Node::Str(s) => Ok(Val::Str(s.clone())),
            Node::Path(p) => {
                let v = p.resolve(&p.segments, scope, index)?;
                scalar(v, &|| Path::show(&p.segments, index))
            }
            Node::Func(func, p) => {
                let v = p.resolve(&p.segments, scope, index)?;
                aggregate(*func, v, &|| Path::show(&p.segments, index))
            }
            Node::Not(a) => Ok(match a.eval(scope, index)? {
                Val::Null => Val::Null,
                Val::Num(x) => Val::Num(f64::from(u8::from(x == 0.0))),
                Val::Str(s) => return Err(format!("'!' needs a number, not {s:?}")),
            }),
            Node::Neg(a) => Ok(match a.eval(scope, index)? {
                Val::Null => Val::Null,
                Val::Num(x) => Val::Num(-x),
                Val::Str(s) => return Err(format!("'-' needs a number, not {s:?}")),
            }),
            Node::Cmp(a, op, b) => compare(a.eval(scope, index)?, *op, b.eval(scope, index)?),
            Node::And(a, b) | Node::Or(a, b) => {
                let is_and = matches!(self, Node::And(..));
                let (x, y) = (a.eval(scope, index)?, b.eval(scope, index)?);
                Ok(match (truth(x)?, truth(y)?) {
                    (Some(x), Some(y)) => {
                        Val::Num(f64::from(u8::from(if is_and { x && y } else { x || y })))
                    }
                    _ => Val::Null,
                })
            }
        }
    }
}

fn truth(v: Val) -> Result<Option<bool>, String> {
    match v {
        Val::Null => Ok(None),
        Val::Num(x) => Ok(Some(x != 0.0)),
        Val::Str(s) => Err(format!("'&&' and '||' need numbers, not {s:?}")),
    }
}

fn compare(a: Val, op: CmpOp, b: Val) -> Result<Val, String> {
    let result = match (&a, &b) {
        (Val::Null, _) | (_, Val::Null) => return Ok(Val::Null),
        (Val::Num(x), Val::Num(y)) => match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
        },
        (Val::Str(x), Val::Str(y)) => match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            _ => {
                return Err(format!(
                    "strings {x:?} and {y:?} can only be compared with == or !="
                ));
            }
        },
        (Val::Str(s), Val::Num(x)) | (Val::Num(x), Val::Str(s)) => {
            return Err(format!(
                "cannot compare the string {s:?} with the number {x}"
            ));
        }
    };
    Ok(Val::Num(f64::from(u8::from(result))))
}

fn aggregate(func: Func, v: &Value, shown: &dyn Fn() -> String) -> Result<Val, String> {
    let mut xs = Vec::new();
    let mut push = |item: &Value, at: Option<usize>| -> Result<(), String> {
        let here = || match at {
            Some(i) => format!("{}.{i}", shown()),
            None => shown(),
        };
        match scalar(item, &here)? {
            Val::Null => Ok(()),
            Val::Num(x) => {
                xs.push(x);
                Ok(())
            }
            Val::Str(s) => Err(format!("field '{}' not a number ({s:?})", here())),
        }
    };
    match v {
        Value::Null => return Ok(Val::Null),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                push(item, Some(i))?;
            }
        }
        other => push(other, None)?,
    }
    let n = xs.len();
    if n == 0 {
        return Ok(match func {
            Func::Sum | Func::Count => Val::Num(0.0),
            _ => Val::Null,
        });
    }
    Ok(Val::Num(match func {
        Func::Count => n as f64,
        Func::Sum => xs.iter().sum(),
        Func::Mean => xs.iter().sum::<f64>() / n as f64,
        Func::Min => xs.iter().copied().fold(f64::INFINITY, f64::min),
        Func::Max => xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        Func::Median => {
            xs.sort_by(f64::total_cmp);
            if n % 2 == 1 {
                xs[n / 2]
            } else {
                (xs[n / 2 - 1] + xs[n / 2]) / 2.0
            }
        }
    }))
}

impl Path {
    fn parse(raw: &str) -> Result<Path, String> {
        // Bracket sugar: a[3] → a.3, a[] and a[*] → a.*
        let mut dotted = String::with_capacity(raw.len() + 4);
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '[' => {
                    let mut inner = String::new();
                    loop {
                        match chars.next() {
                            Some(']') => break,
                            Some(ch) => inner.push(ch),
                            None => return Err(format!("unclosed '[' in path '{raw}'")),
                        }
                    }
                    let inner = if inner.is_empty() {
                        "*".to_string()
                    } else {
                        inner
                    };
                    if inner != "*" && inner.parse::<usize>().is_err() {
                        return Err(format!(
                            "'[{inner}]' in path '{raw}': expected an index or '*'"
                        ));
                    }
                    dotted.push('.');
                    dotted.push_str(&inner);
                }
                ']' => return Err(format!("unmatched ']' in path '{raw}'")),
                c => dotted.push(c),
            }
        }
        let segments: Vec<Segment> = dotted
            .split('.')
            .map(|s| match s {
                "" => Err(format!("empty segment in path '{raw}'")),
                "*" => Ok(Segment::Wild),
                s if s.contains('*') => Err(format!("'*' must be a whole segment in path '{raw}'")),
                s => Ok(Segment::Key(s.to_string())),
            })
            .collect::<Result<_, _>>()?;
        if segments.iter().filter(|s| **s == Segment::Wild).count() > 1 {
            return Err(format!("path '{raw}' has more than one '*'"));
        }
        if segments.first() == Some(&Segment::Wild) {
            return Err(format!("path '{raw}' cannot start with '*'"));
        }
        Ok(Path { segments })
    }

    fn wild_at(&self) -> Option<usize> {
        self.segments.iter().position(|s| *s == Segment::Wild)
    }

    /// The path as text with `*` replaced by the item index, for messages.
    fn show(segments: &[Segment], index: Option<usize>) -> String {
        segments
            .iter()
            .map(|s| match (s, index) {
                (Segment::Key(k), _) => k.clone(),
                (Segment::Wild, Some(i)) => i.to_string(),
                (Segment::Wild, None) => "*".to_string(),
            })
            .collect::<Vec<_>>()
            .join(".")
    }

    /// Follows `segments` (a prefix of this path) through the output record, or through the
    /// input record when the output lacks the path: `turns.*.label` reads a label kept on the
    /// input's turns although the output has turns too.
    fn resolve<'a>(
        &self,
        segments: &[Segment],
        scope: Scope<'a>,
        index: Option<usize>,
    ) -> Result<&'a Value, String> {
        let missing = |upto: usize| {
            format!(
                "field '{}' missing",
                Path::show(&segments[..upto.min(segments.len())], index)
            )
        };
        let Some(Segment::Key(first)) = segments.first() else {
            return Err(missing(1));
        };
        let from_output = scope
            .output
            .get(first)
            .map(|root| walk(root, segments, index));
        match (from_output, scope.input.get(first)) {
            (Some(Ok(found)), _) => Ok(found),
            (Some(Err(depth)), Some(root)) => {
                walk(root, segments, index).map_err(|_| missing(depth))
            }
            (Some(Err(depth)), None) => Err(missing(depth)),
            (None, Some(root)) => walk(root, segments, index).map_err(missing),
            (None, None) => Err(missing(1)),
        }
    }
}

/// Follows `segments` below `root` (the value of the first segment); on failure, how many
/// segments were found plus one.
fn walk<'a>(
    root: &'a Value,
    segments: &[Segment],
    index: Option<usize>,
) -> Result<&'a Value, usize> {
    let mut cur = root;
    for (depth, seg) in segments.iter().enumerate().skip(1) {
        let next = match (seg, cur) {
            (Segment::Key(k), Value::Object(map)) => map.get(k),
            (Segment::Key(k), Value::Array(items)) => {
                k.parse::<usize>().ok().and_then(|i| items.get(i))
            }
            (Segment::Wild, Value::Array(items)) => index.and_then(|i| items.get(i)),
            // Below a null there is nothing; the item is unlabelled, not broken.
            (_, Value::Null) => return Ok(cur),
            _ => None,
        };
        cur = next.ok_or(depth + 1)?;
    }
    Ok(cur)
}

#[derive(Debug, Clone, PartialEq)]
enum TokKind {
    Num(f64),
    Str(String),
    Path(String),
    Func(String),
    LParen,
    RParen,
    Not,
    Minus,
    And,
    Or,
    Cmp(CmpOp),
}

impl fmt::Display for TokKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokKind::Num(x) => write!(f, "number {x}"),
            TokKind::Str(s) => write!(f, "string {s:?}"),
            TokKind::Path(p) => write!(f, "path '{p}'"),
            TokKind::Func(name) => write!(f, "function '{name}'"),
            TokKind::LParen => f.write_str("'('"),
            TokKind::RParen => f.write_str("')'"),
            TokKind::Not => f.write_str("'!'"),
            TokKind::Minus => f.write_str("'-'"),
            TokKind::And => f.write_str("'&&'"),
            TokKind::Or => f.write_str("'||'"),
            TokKind::Cmp(_) => f.write_str("a comparison"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Token {
    kind: TokKind,
    column: usize,
}

fn tokenize(text: &str) -> Result<Vec<Token>, ExprError> {
    let err = |column: usize, message: String| ExprError {
        text: text.to_string(),
        column,
        message,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        let next = chars.get(i + 1).copied();
        let (kind, width) = match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '(' => (TokKind::LParen, 1),
            ')' => (TokKind::RParen, 1),
            '-' => (TokKind::Minus, 1),
            '&' if next == Some('&') => (TokKind::And, 2),
            '|' if next == Some('|') => (TokKind::Or, 2),
            '<' if next == Some('=') => (TokKind::Cmp(CmpOp::Le), 2),
            '>' if next == Some('=') => (TokKind::Cmp(CmpOp::Ge), 2),
            '=' if next == Some('=') => (TokKind::Cmp(CmpOp::Eq), 2),
            '!' if next == Some('=') => (TokKind::Cmp(CmpOp::Ne), 2),
            '<' => (TokKind::Cmp(CmpOp::Lt), 1),
            '>' => (TokKind::Cmp(CmpOp::Gt), 1),
            '!' => (TokKind::Not, 1),
            '=' => return Err(err(column, "'=' is not an operator; use '=='".into())),
            '\'' | '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&ch| ch == c)
                    .ok_or_else(|| err(column, "unclosed string".into()))?;
                let s: String = chars[i + 1..i + 1 + end].iter().collect();
                (TokKind::Str(s), end + 2)
            }
            c if c.is_ascii_digit() || (c == '.' && next.is_some_and(|d| d.is_ascii_digit())) => {
                let mut j = i;
                while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                    j += 1;
                }
                if j < chars.len() && matches!(chars[j], 'e' | 'E') {
                    let mut k = j + 1;
                    if k < chars.len() && matches!(chars[k], '+' | '-') {
                        k += 1;
                    }
                    if k < chars.len() && chars[k].is_ascii_digit() {
                        j = k;
                        while j < chars.len() && chars[j].is_ascii_digit() {
                            j += 1;
                        }
                    }
                }
                let s: String = chars[i..j].iter().collect();
                let x: f64 = s
                    .parse()
                    .map_err(|_| err(column, format!("bad number '{s}'")))?;
                (TokKind::Num(x), j - i)
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].is_alphanumeric()
                        || matches!(chars[j], '_' | '.' | '*' | '[' | ']'))
                {
                    j += 1;
                }
                let s: String = chars[i..j].iter().collect();
                let kind = if chars.get(j) == Some(&'(') {
                    TokKind::Func(s)
                } else {
                    TokKind::Path(s)
                };
                (kind, j - i)
            }
            other => return Err(err(column, format!("unexpected character '{other}'"))),
        };
        tokens.push(Token { kind, column });
        i += width;
    }
    Ok(tokens)
}

struct Parser<'t> {
    text: &'t str,
    tokens: &'t [Token],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn end_column(&self) -> usize {
        self.text.chars().count() + 1
    }

    fn error_at(&self, column: usize, message: String) -> ExprError {
        ExprError {
            text: self.text.to_string(),
            column,
            message,
        }
    }

    fn eat(&mut self, kind: &TokKind) -> bool {
        if self.peek().is_some_and(|t| &t.kind == kind) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<Node, ExprError> {
        let mut node = self.and()?;
        while self.eat(&TokKind::Or) {
            node = Node::Or(Box::new(node), Box::new(self.and()?));
        }
        Ok(node)
    }

    fn and(&mut self) -> Result<Node, ExprError> {
        let mut node = self.cmp()?;
        while self.eat(&TokKind::And) {
            node = Node::And(Box::new(node), Box::new(self.cmp()?));
        }
        Ok(node)
    }

    fn cmp(&mut self) -> Result<Node, ExprError> {
        let left = self.unary()?;
        if let Some(Token {
            kind: TokKind::Cmp(op),
            ..
        }) = self.peek().cloned()
        {
            self.pos += 1;
            let right = self.unary()?;
            if let Some(Token {
                kind: TokKind::Cmp(_),
                column,
            }) = self.peek()
            {
                return Err(self.error_at(
                    *column,
                    "comparisons do not chain; join them with '&&'".into(),
                ));
            }
            return Ok(Node::Cmp(Box::new(left), op, Box::new(right)));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if self.eat(&TokKind::Not) {
            return Ok(Node::Not(Box::new(self.unary()?)));
        }
        if self.eat(&TokKind::Minus) {
            return Ok(match self.unary()? {
                Node::Num(x) => Node::Num(-x),
                other => Node::Neg(Box::new(other)),
            });
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node, ExprError> {
        let Some(tok) = self.peek().cloned() else {
            return Err(self.error_at(self.end_column(), "expression ends too early".into()));
        };
        self.pos += 1;
        match tok.kind {
            TokKind::Num(x) => Ok(Node::Num(x)),
            TokKind::Str(s) => Ok(Node::Str(s)),
            TokKind::Path(raw) => Ok(Node::Path(
                Path::parse(&raw).map_err(|m| self.error_at(tok.column, m))?,
            )),
            TokKind::Func(name) => {
                let func = Func::from_name(&name).ok_or_else(|| {
                    self.error_at(
                        tok.column,
                        format!("unknown function '{name}' (known: {})", Func::NAMES),
                    )
                })?;
                // The tokenizer only makes a Func when '(' follows.
                self.pos += 1;
                let arg = match self.peek().cloned() {
                    Some(Token {
                        kind: TokKind::Path(raw),
                        column,
                    }) => {
                        self.pos += 1;
                        Path::parse(&raw).map_err(|m| self.error_at(column, m))?
                    }
                    Some(t) => {
                        return Err(self
                            .error_at(t.column, format!("{name}() takes a path, not {}", t.kind)));
                    }
                    None => {
                        return Err(
                            self.error_at(self.end_column(), "expression ends too early".into())
                        );
                    }
                };
                if !self.eat(&TokKind::RParen) {
                    let column = self.peek().map_or(self.end_column(), |t| t.column);
                    return Err(self.error_at(column, format!("expected ')' to close {name}(")));
                }
                Ok(Node::Func(func, arg))
            }
            TokKind::LParen => {
                let inner = self.or()?;
                if !self.eat(&TokKind::RParen) {
                    let column = self.peek().map_or(self.end_column(), |t| t.column);
                    return Err(self.error_at(column, "expected ')'".into()));
                }
                Ok(inner)
            }
            other => Err(self.error_at(tok.column, format!("unexpected {other}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(text: &str, input: &Value) -> Result<Val, String> {
        let e = Expr::parse(text).map_err(|e| e.to_string())?;
        e.eval(
            Scope {
                output: &json!({}),
                input,
            },
            None,
        )
    }

    #[test]
    fn paths_numbers_bools_numeric_strings() {
        let r = json!({"labels": {"a": 2, "b": true, "c": " 3.5 ", "d": "high", "e": null,
                                  "arr": [10, 20, [1, 2]]}});
        assert_eq!(eval("labels.a", &r), Ok(Val::Num(2.0)));
        assert_eq!(eval("labels.b", &r), Ok(Val::Num(1.0)));
        assert_eq!(eval("labels.c", &r), Ok(Val::Num(3.5)));
        assert_eq!(eval("labels.d", &r), Ok(Val::Str("high".into())));
        assert_eq!(eval("labels.e", &r), Ok(Val::Null));
        assert_eq!(eval("labels.arr.1", &r), Ok(Val::Num(20.0)));
        assert_eq!(eval("labels.arr[1]", &r), Ok(Val::Num(20.0)));
        assert_eq!(eval("labels.arr.2.0", &r), Ok(Val::Num(1.0)));
        assert_eq!(eval("labels.e.deeper", &r), Ok(Val::Null));
    }

    #[test]
    fn missing_and_wrong_shapes_name_the_field() {
        let r = json!({"labels": {"arr": [1, 2], "o": {}}});
        assert_eq!(eval("labels.x", &r), Err("field 'labels.x' missing".into()));
        assert_eq!(eval("nope.x", &r), Err("field 'nope' missing".into()));
        assert_eq!(
            eval("labels.arr.5", &r),
            Err("field 'labels.arr.5' missing".into())
        );
        assert!(
            eval("labels.arr", &r)
                .unwrap_err()
                .contains("is an array; aggregate")
        );
        assert!(eval("labels.o", &r).unwrap_err().contains("is an object"));
    }

    #[test]
    fn aggregates() {
        let r = json!({"l": {"r": [2, 3, 3, null], "one": 4, "empty": [], "bad": [1, "x"]}});
        assert_eq!(eval("mean(l.r)", &r), Ok(Val::Num(8.0 / 3.0)));
        assert_eq!(eval("median(l.r)", &r), Ok(Val::Num(3.0)));
        assert_eq!(eval("min(l.r)", &r), Ok(Val::Num(2.0)));
        assert_eq!(eval("max(l.r)", &r), Ok(Val::Num(3.0)));
        assert_eq!(eval("sum(l.r)", &r), Ok(Val::Num(8.0)));
        assert_eq!(eval("count(l.r)", &r), Ok(Val::Num(3.0)));
        assert_eq!(eval("min(l.one)", &r), Ok(Val::Num(4.0)));
        assert_eq!(eval("mean(l.empty)", &r), Ok(Val::Null));
        assert_eq!(eval("count(l.empty)", &r), Ok(Val::Num(0.0)));
        assert_eq!(
            eval("mean(l.bad)", &r),
            Err("field 'l.bad.1' not a number (\"x\")".into())
        );
    }

    #[test]
    fn comparisons_and_connectives() {
        let r = json!({"labels": {"ratings": [2, 3, 3], "mean": 2.6667, "source": "MWOZ"}});
        let dissatisfied = "min(labels.ratings) <= 2 && labels.mean < 3";
        assert_eq!(eval(dissatisfied, &r), Ok(Val::Num(1.0)));
        let r2 = json!({"labels": {"ratings": [2, 4, 4], "mean": 3.3333}});
        assert_eq!(eval(dissatisfied, &r2), Ok(Val::Num(0.0)));
        assert_eq!(eval("labels.source == 'MWOZ'", &r), Ok(Val::Num(1.0)));
        assert_eq!(eval("labels.source != \"SGD\"", &r), Ok(Val::Num(1.0)));
        assert_eq!(eval("!(labels.mean > 2) || 1", &r), Ok(Val::Num(1.0)));
        assert_eq!(eval("!(labels.mean > 2)", &r), Ok(Val::Num(0.0)));
        assert_eq!(eval("labels.mean > -0.5", &r), Ok(Val::Num(1.0)));
        assert_eq!(eval("-labels.mean", &r), Ok(Val::Num(-2.6667)));
        assert_eq!(eval("labels.mean >= 2.5e0", &r), Ok(Val::Num(1.0)));
        assert!(eval("labels.source < 'Z'", &r).is_err());
        assert!(eval("labels.source == 3", &r).is_err());
    }

    #[test]
    fn null_propagates() {
        let r = json!({"l": {"a": null, "b": 1}});
        assert_eq!(eval("l.a <= 2 && l.b < 3", &r), Ok(Val::Null));
        assert_eq!(eval("!l.a", &r), Ok(Val::Null));
    }

    #[test]
    fn wildcard_indexes_the_current_item() {
        let input = json!({"labels": {"ts": [[3, 4], null, [1, 2]]}});
        let output = json!({"turns": [{"s": 0.5}, {"s": null}, {"s": -0.2}]});
        let scope = Scope {
            output: &output,
            input: &input,
        };
        let gold = Expr::parse("mean(labels.ts.*)").unwrap();
        let pred = Expr::parse("turns[].s").unwrap();
        assert!(gold.has_wildcard() && pred.has_wildcard());
        assert!(pred.reads_field("turns") && !gold.reads_field("turns"));
        let mut acc = None;
        gold.item_count(scope, &mut acc).unwrap();
        pred.item_count(scope, &mut acc).unwrap();
        assert_eq!(acc, Some(Some((3, "labels.ts".to_string()))));
        assert_eq!(gold.eval_number(scope, Some(0)), Ok(Some(3.5)));
        assert_eq!(gold.eval_number(scope, Some(1)), Ok(None));
        assert_eq!(pred.eval_number(scope, Some(2)), Ok(Some(-0.2)));
        assert_eq!(pred.eval_number(scope, Some(1)), Ok(None));

        let short = json!({"turns": [{"s": 1}]});
        let mut acc = None;
        gold.item_count(scope, &mut acc).unwrap();
        let err = pred
            .item_count(
                Scope {
                    output: &short,
                    input: &input,
                },
                &mut acc,
            )
            .unwrap_err();
        assert_eq!(err, "field 'labels.ts' has 3 items but 'turns' has 1");
    }

    #[test]
    fn output_record_is_read_before_input_record() {
        let input = json!({"id": "in", "labels": {"x": 1}});
        let output = json!({"id": "out", "scores": {"effort": 40.5}});
        let scope = Scope {
            output: &output,
            input: &input,
        };
        let e = Expr::parse("scores.effort").unwrap();
        assert_eq!(e.eval_number(scope, None), Ok(Some(40.5)));
        let e = Expr::parse("labels.x").unwrap();
        assert_eq!(e.eval_number(scope, None), Ok(Some(1.0)));
        let e = Expr::parse("id").unwrap();
        assert_eq!(e.eval(scope, None), Ok(Val::Str("out".into())));
        assert_eq!(
            e.eval_number(scope, None),
            Err("field 'id' not a number (\"out\")".into())
        );
    }

    #[test]
    fn a_path_the_output_lacks_is_read_from_the_input() {
        // Labels kept on the input's turns, although the output has turns too.
        let input = json!({"turns": [{"text": "hi", "label": 1}, {"text": "ok", "label": 4}]});
        let output = json!({"turns": [{"sentiment": 0.2}, {"sentiment": 0.6}]});
        let scope = Scope {
            output: &output,
            input: &input,
        };
        let gold = Expr::parse("turns.*.label").unwrap();
        assert_eq!(gold.eval_number(scope, Some(1)), Ok(Some(4.0)));
        let pred = Expr::parse("turns.*.sentiment").unwrap();
        assert_eq!(pred.eval_number(scope, Some(0)), Ok(Some(0.2)));
        // Missing in both: named at the depth the output reached.
        let neither = Expr::parse("turns.*.nothing").unwrap();
        assert_eq!(
            neither.eval_number(scope, Some(0)),
            Err("field 'turns.0.nothing' missing".into())
        );
    }

    #[test]
    fn parse_errors_are_located() {
        let bad = [
            ("labels.x <", 11, "ends too early"),
            ("labels.x = 2", 10, "use '=='"),
            ("1 < labels.x < 3", 14, "do not chain"),
            ("avg(labels.x)", 1, "unknown function 'avg'"),
            ("mean(2)", 6, "takes a path"),
            ("labels..x", 1, "empty segment"),
            ("a.*.b.*", 1, "more than one '*'"),
            ("a.b*", 1, "whole segment"),
            ("(labels.x", 10, "expected ')'"),
            ("labels.x 'oops", 10, "unclosed string"),
            ("labels.x $", 10, "unexpected character"),
            ("labels.x 2", 10, "unexpected number"),
            ("a[x]", 1, "expected an index"),
        ];
        for (text, column, needle) in bad {
            let e = Expr::parse(text).unwrap_err();
            assert_eq!(e.column, column, "{text}: {e}");
            assert!(e.message.contains(needle), "{text}: {e}");
        }
    }
}
