//! Agreement between the tool's output and human labels: the library behind `sincerity eval`.
//!
//! For each labelled conversation, the caller hands over two JSON records: the labelled
//! input line (which carries e.g. `labels.emotional_reactions`) and the tool's output record
//! for it (`scores.effort`, `metrics.empathy_reaction`, `turns.3.sentiment`, …). A [`Spec`]
//! says which value of those records is the gold label and which is the prediction; a
//! [`PairSet`] collects one [`Pair`] per conversation (or per turn), with located errors for
//! the records that do not have them; [`evaluate`] turns the pairs into an [`EvalReport`] of
//! the figures that suit the [`Kind`] of label.
//!
//! # Expressions
//!
//! `--gold`, `--pred`, `--gold-binary` and `--where` each take an expression:
//!
//! ```text
//! expr    := and ("||" and)*
//! and     := cmp ("&&" cmp)*
//! cmp     := unary (("<" | "<=" | ">" | ">=" | "==" | "!=") unary)?
//! unary   := "!" unary | "-" unary | primary
//! primary := NUMBER | 'string' | "string" | path | func "(" path ")" | "(" expr ")"
//! func    := mean | median | min | max | sum | count
//! path    := key ("." key | "." INDEX | "." "*" | "[" INDEX "]" | "[]" | "[*]")*
//! ```
//!
//! - **Paths** are dotted: `labels.emotional_reactions`, `scores.effort`,
//!   `metrics.empathy_reaction`, `turns.3.sentiment` (an index into an array). A path is
//!   looked up in the output record first and, when the output has no such top-level key,
//!   in the labelled input record; so `labels.…` reads the labels and `scores.…`,
//!   `metrics.…`, `turns.…` read the tool's output. Keys are letters, digits and `_`.
//! - **Values**: JSON numbers; booleans as 1/0; strings that parse as numbers
//!   (`"3"`, `" 2.5 "`) as those numbers; other strings only compare with `==`/`!=`.
//!   A path that ends on an array must be aggregated; one that ends on an object is an error.
//! - **Aggregates** take a path to an array (or a single number): `mean`, `median`, `min`,
//!   `max`, `sum`, `count`. Null elements are ignored; `mean`/`median`/`min`/`max` of no
//!   numbers is null, `sum` and `count` of nothing are 0.
//! - **Comparisons** give 1 or 0, so a binary gold is written as a condition:
//!   `labels.overall_satisfaction_mean <= 2`. `&&`, `||` and `!` treat non-zero as true.
//!   Comparisons do not chain (`1 < x < 3` is an error; write `x > 1 && x < 3`).
//! - **Nulls**: a JSON null anywhere in an expression makes its value null, and an item whose
//!   gold, prediction or binary gold is null is *skipped* (counted, not an error): it is
//!   unlabelled, not broken. A missing field or a non-number is an *error* of its record.
//! - **Per turn**: `*` (or `[]`, `[*]`) in a path stands for the index of the current item.
//!   When any expression has one, each record gives one item per element of the array the
//!   `*` ranges over (all such arrays must have the same length, else the record is an
//!   error), and expressions without `*` are evaluated once per item with the same value.
//!   Each path may hold one `*`.
//!
//! Examples (the label fields of the EPITOME and USS data sets):
//!
//! ```text
//! --gold labels.emotional_reactions --pred metrics.empathy_reaction --kind levels
//! --gold labels.overall_satisfaction_mean --pred scores.effort --kind scale
//!     --gold-binary 'min(labels.overall_satisfaction) <= 2 && labels.overall_satisfaction_mean < 3'
//! --gold 'labels.turn_satisfaction_mean.*' --pred 'turns.*.sentiment' --kind scale
//! --gold 'min(labels.turn_satisfaction.*) <= 2' --pred 'turns.*.sentiment' --kind binary
//! --where "labels.source == 'MWOZ'"
//! ```
//!
//! `--where` keeps only the items for which it is true; the others are counted as excluded.
//!
//! # Kinds
//!
//! - [`Kind::Levels`]: ordered classes (0/1/2). Per-class precision, recall, F1 and support,
//!   the confusion matrix, accuracy, macro-F1, Cohen's kappa (unweighted, linear, quadratic),
//!   Spearman's rho, and "any vs none" precision/recall/F1 (level > 0 on both sides).
//! - [`Kind::Binary`]: gold is positive when non-zero. When every prediction is 0 or 1:
//!   precision, recall, F1 of the positive class, accuracy and kappa. Otherwise the
//!   prediction is a score: ROC AUC and the best-F1 threshold (write the cut into `--pred`,
//!   e.g. `'scores.effort >= 50'`, to get the fixed-threshold figures).
//! - [`Kind::Scale`]: Spearman's rho and Pearson's r; with a binary gold, also ROC AUC of
//!   the prediction against it and the best-F1 threshold.
//!
//! Headline figures carry a 95% percentile bootstrap interval; the resampling unit is the
//! conversation, so per-turn items of one conversation stay together.

mod expr;
mod report;
pub mod stats;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use expr::{Expr, ExprError};
pub use report::{
    BootstrapInfo, ClassTable, EvalOptions, EvalReport, Figure, Figures, evaluate, evaluate_with,
};

use crate::model::Source;
use expr::{Scope, Val};

/// What kind of label is evaluated, which decides the figures reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Ordered classes, e.g. EPITOME's 0 (none), 1 (weak), 2 (strong).
    Levels,
    /// Yes/no: a value is positive when it is non-zero.
    Binary,
    /// A continuous or Likert-type rating, e.g. a mean satisfaction of 1–5.
    Scale,
}

impl Kind {
    /// The lowercase name, as accepted by [`Kind::from_str`].
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Levels => "levels",
            Kind::Binary => "binary",
            Kind::Scale => "scale",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown kind name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown kind '{0}' (expected levels, binary or scale)")]
pub struct ParseKindError(pub String);

impl FromStr for Kind {
    type Err = ParseKindError;

    fn from_str(s: &str) -> Result<Kind, ParseKindError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "levels" | "level" => Ok(Kind::Levels),
            "binary" => Ok(Kind::Binary),
            "scale" => Ok(Kind::Scale),
            _ => Err(ParseKindError(s.to_string())),
        }
    }
}

/// Which values of a labelled record and its output are compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// The human label.
    pub gold: Expr,
    /// The tool's value.
    pub pred: Expr,
    /// A yes/no version of the gold label, for ROC AUC of a scale prediction.
    pub gold_binary: Option<Expr>,
    /// Only items for which this is true are evaluated.
    pub filter: Option<Expr>,
}

impl Spec {
    /// Parses the gold and prediction expressions.
    pub fn new(gold: &str, pred: &str) -> Result<Spec, ExprError> {
        Ok(Spec {
            gold: Expr::parse(gold)?,
            pred: Expr::parse(pred)?,
            gold_binary: None,
            filter: None,
        })
    }

    /// Adds a binary gold expression (`--gold-binary`).
    pub fn with_gold_binary(mut self, expr: &str) -> Result<Spec, ExprError> {
        self.gold_binary = Some(Expr::parse(expr)?);
        Ok(self)
    }

    /// Adds a filter expression (`--where`).
    pub fn with_filter(mut self, expr: &str) -> Result<Spec, ExprError> {
        self.filter = Some(Expr::parse(expr)?);
        Ok(self)
    }

    fn exprs(&self) -> impl Iterator<Item = &Expr> {
        [
            Some(&self.gold),
            Some(&self.pred),
            self.gold_binary.as_ref(),
            self.filter.as_ref(),
        ]
        .into_iter()
        .flatten()
    }

    /// Whether items are turns rather than conversations (some path has a `*`).
    pub fn per_item(&self) -> bool {
        self.exprs().any(Expr::has_wildcard)
    }

    /// Whether some path reads `turns…`, so the output must carry the per-turn view.
    pub fn needs_turns(&self) -> bool {
        self.exprs().any(|e| e.reads_field("turns"))
    }
}

/// One compared item: a conversation, or one turn of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The conversation id.
    pub id: String,
    /// The turn index, for per-turn items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turn: Option<usize>,
    /// The human label.
    pub gold: f64,
    /// The tool's value.
    pub pred: f64,
    /// The binary gold, when a `--gold-binary` expression is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold_binary: Option<bool>,
    /// 0-based number of the record the item came from; items of one record share it and
    /// are resampled together.
    pub record: usize,
}

/// A record that gave no pairs because something in it is wrong or unreadable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PairError {
    /// `file:line` of the record.
    pub location: String,
    /// The conversation id, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for PairError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// The pairs collected from a labelled file, with everything that could not be paired.
#[derive(Debug, Clone)]
pub struct PairSet {
    spec: Spec,
    /// The compared items, in input order.
    pub pairs: Vec<Pair>,
    /// One entry per record that gave no pairs because of an error.
    pub errors: Vec<PairError>,
    /// Records seen, including those in error.
    pub records: usize,
    /// Items left out because their gold, prediction or binary gold is null.
    pub skipped: usize,
    /// Items left out by the filter.
    pub excluded: usize,
}

impl PairSet {
    /// An empty set for the given expressions.
    pub fn new(spec: Spec) -> PairSet {
        PairSet {
            spec,
            pairs: Vec::new(),
            errors: Vec::new(),
            records: 0,
            skipped: 0,
            excluded: 0,
        }
    }

    /// The expressions the pairs are collected with.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Records an input record that could not be read or scored at all.
    pub fn add_error(&mut self, source: &Source, id: Option<String>, message: impl Into<String>) {
        self.records += 1;
        self.errors.push(PairError {
            location: source.label(),
            id,
            message: message.into(),
        });
    }

    /// Pairs one labelled record (`input`, the line as read) with the tool's output record
    /// for it. A record with any error contributes no pairs and one [`PairError`], so that a
    /// record is either wholly in or wholly out.
    pub fn add(&mut self, source: &Source, input: &Value, output: &Value) {
        let record = self.records;
        self.records += 1;
        let id = [output, input]
            .iter()
            .find_map(|r| match r.get("id") {
                Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| source.label());
        let scope = Scope { output, input };
        match self.collect(scope, &id, record) {
            Ok((pairs, skipped, excluded)) => {
                self.pairs.extend(pairs);
                self.skipped += skipped;
                self.excluded += excluded;
            }
            Err(message) => self.errors.push(PairError {
                location: source.label(),
                id: Some(id),
                message,
            }),
        }
    }

    fn collect(
        &self,
        scope: Scope,
        id: &str,
        record: usize,
    ) -> Result<(Vec<Pair>, usize, usize), String> {
        let mut count = None;
        for e in self.spec.exprs() {
            e.item_count(scope, &mut count)?;
        }
        let items: Vec<Option<usize>> = match count {
            None => vec![None],
            // An array the items range over is null: nothing labelled in this record.
            Some(None) => return Ok((Vec::new(), 1, 0)),
            Some(Some((n, _))) => (0..n).map(Some).collect(),
        };
        let (mut pairs, mut skipped, mut excluded) = (Vec::new(), 0, 0);
        for index in items {
            if let Some(filter) = &self.spec.filter {
                match filter.eval(scope, index)? {
                    Val::Num(x) if x != 0.0 => {}
                    Val::Num(_) | Val::Null => {
                        excluded += 1;
                        continue;
                    }
                    Val::Str(s) => {
                        return Err(format!("'{filter}' gives the string {s:?}, not true/false"));
                    }
                }
            }
            let gold = self.spec.gold.eval_number(scope, index)?;
            let pred = self.spec.pred.eval_number(scope, index)?;
            let gold_binary = match &self.spec.gold_binary {
                Some(e) => Some(e.eval_number(scope, index)?),
                None => None,
            };
            match (gold, pred, gold_binary) {
                (Some(gold), Some(pred), None | Some(Some(_))) => pairs.push(Pair {
                    id: id.to_string(),
                    turn: index,
                    gold,
                    pred,
                    gold_binary: gold_binary.flatten().map(|b| b != 0.0),
                    record,
                }),
                _ => skipped += 1,
            }
        }
        Ok((pairs, skipped, excluded))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn src(line: u64) -> Source {
        Source::at_line("dev.jsonl", line)
    }

    #[test]
    fn kind_parses_and_prints() {
        for k in [Kind::Levels, Kind::Binary, Kind::Scale] {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
            assert_eq!(k.to_string(), k.as_str());
        }
        assert_eq!(" Scale ".parse::<Kind>(), Ok(Kind::Scale));
        assert!("ordinal".parse::<Kind>().is_err());
        assert_eq!(serde_json::to_string(&Kind::Levels).unwrap(), "\"levels\"");
    }

    #[test]
    fn conversation_pairs_and_located_errors() {
        let spec = Spec::new("labels.emotional_reactions", "metrics.empathy_reaction").unwrap();
        let mut set = PairSet::new(spec);
        let out = |r: u8| json!({"id": "c", "metrics": {"empathy_reaction": r}});
        set.add(
            &src(1),
            &json!({"id": "a", "labels": {"emotional_reactions": 2}}),
            &json!({"metrics": {"empathy_reaction": 1}}),
        );
        set.add(&src(2), &json!({"id": "b", "labels": {}}), &out(0));
        set.add(
            &src(3),
            &json!({"labels": {"emotional_reactions": "strong"}}),
            &out(0),
        );
        set.add(
            &src(4),
            &json!({"labels": {"emotional_reactions": null}}),
            &out(0),
        );
        set.add_error(&src(5), None, "invalid conversation JSON");
        assert_eq!(set.records, 5);
        assert_eq!(set.skipped, 1);
        assert_eq!(
            set.pairs,
            vec![Pair {
                id: "a".into(),
                turn: None,
                gold: 2.0,
                pred: 1.0,
                gold_binary: None,
                record: 0,
            }]
        );
        let errors: Vec<String> = set.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            vec![
                "dev.jsonl:2: field 'labels.emotional_reactions' missing",
                "dev.jsonl:3: field 'labels.emotional_reactions' not a number (\"strong\")",
                "dev.jsonl:5: invalid conversation JSON",
            ]
        );
        // The output's id wins over the input's.
        assert_eq!(set.errors[0].id.as_deref(), Some("c"));
    }

    /// A record shaped like the USS dev file: per-turn rating lists on customer turns, null
    /// on agent turns.
    fn uss_like() -> (Value, Value) {
        let input = json!({
            "id": "uss-1",
            "turns": [
                {"speaker": "customer", "text": "hi"}, {"speaker": "agent", "text": "hello"},
                {"speaker": "customer", "text": "no"}, {"speaker": "agent", "text": "sorry"}
            ],
            "labels": {
                "source": "MWOZ",
                "turn_satisfaction": [[3, 4, 3], null, [2, 2, 3], null],
                "turn_satisfaction_mean": [3.3333, null, 2.3333, null],
                "overall_satisfaction": [2, 3, 3],
                "overall_satisfaction_mean": 2.6667
            }
        });
        let output = json!({
            "id": "uss-1",
            "scores": {"effort": 35.0},
            "turns": [
                {"speaker": "customer", "sentiment": 0.4, "empathy": {"reaction": 0}},
                {"speaker": "agent", "sentiment": null, "empathy": {"reaction": 1}},
                {"speaker": "customer", "sentiment": -0.3, "empathy": {"reaction": 0}},
                {"speaker": "agent", "sentiment": null, "empathy": {"reaction": 2}}
            ]
        });
        (input, output)
    }

    #[test]
    fn per_turn_pairs_skip_nulls() {
        let (input, output) = uss_like();
        let spec = Spec::new("labels.turn_satisfaction_mean.*", "turns.*.sentiment")
            .unwrap()
            .with_gold_binary("min(labels.turn_satisfaction[]) <= 2")
            .unwrap();
        assert!(spec.per_item() && spec.needs_turns());
        let mut set = PairSet::new(spec);
        set.add(&src(7), &input, &output);
        assert!(set.errors.is_empty(), "{:?}", set.errors);
        assert_eq!(set.skipped, 2);
        let got: Vec<(Option<usize>, f64, f64, Option<bool>)> = set
            .pairs
            .iter()
            .map(|p| (p.turn, p.gold, p.pred, p.gold_binary))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(0), 3.3333, 0.4, Some(false)),
                (Some(2), 2.3333, -0.3, Some(true)),
            ]
        );
    }

    #[test]
    fn per_turn_length_mismatch_is_one_error() {
        let (input, mut output) = uss_like();
        if let Some(turns) = output.get_mut("turns").and_then(Value::as_array_mut) {
            turns.pop();
        }
        let spec = Spec::new("labels.turn_satisfaction_mean.*", "turns.*.sentiment").unwrap();
        let mut set = PairSet::new(spec);
        set.add(&src(9), &input, &output);
        assert!(set.pairs.is_empty());
        assert_eq!(
            set.errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            vec![
                "dev.jsonl:9: field 'labels.turn_satisfaction_mean' has 4 items but 'turns' has 3"
            ]
        );
    }

    #[test]
    fn dissatisfaction_gold_and_filter() {
        let (input, output) = uss_like();
        let spec = Spec::new("labels.overall_satisfaction_mean", "scores.effort")
            .unwrap()
            .with_gold_binary(
                "min(labels.overall_satisfaction) <= 2 && labels.overall_satisfaction_mean < 3",
            )
            .unwrap()
            .with_filter("labels.source == 'MWOZ'")
            .unwrap();
        assert!(!spec.per_item() && !spec.needs_turns());
        let mut set = PairSet::new(spec.clone());
        set.add(&src(1), &input, &output);
        assert_eq!(set.pairs.len(), 1);
        assert_eq!(set.pairs[0].gold_binary, Some(true));
        assert_eq!((set.pairs[0].gold, set.pairs[0].pred), (2.6667, 35.0));

        let mut other = input.clone();
        other["labels"]["source"] = json!("SGD");
        let mut set = PairSet::new(spec);
        set.add(&src(2), &other, &output);
        assert!(set.pairs.is_empty() && set.errors.is_empty());
        assert_eq!(set.excluded, 1);
    }

    #[test]
    fn broadcast_of_a_conversation_value_over_turns() {
        let (input, output) = uss_like();
        let spec = Spec::new("labels.turn_satisfaction_mean.*", "scores.effort").unwrap();
        let mut set = PairSet::new(spec);
        set.add(&src(1), &input, &output);
        let preds: Vec<f64> = set.pairs.iter().map(|p| p.pred).collect();
        assert_eq!(preds, vec![35.0, 35.0]);
    }

    #[test]
    fn null_array_under_wildcard_skips_the_record() {
        let (mut input, output) = uss_like();
        input["labels"]["turn_satisfaction_mean"] = Value::Null;
        let spec = Spec::new("labels.turn_satisfaction_mean.*", "turns.*.sentiment").unwrap();
        let mut set = PairSet::new(spec);
        set.add(&src(1), &input, &output);
        assert!(set.pairs.is_empty() && set.errors.is_empty());
        assert_eq!(set.skipped, 1);
    }
}
