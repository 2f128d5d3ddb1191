//! From pairs to the figures of one evaluation, and their terminal and JSON forms.

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::stats::{
    self, BinaryCounts, ClassMetrics, ConfusionMatrix, KappaWeights, Threshold, bootstrap_cis,
};
use super::{Kind, Pair, PairError, PairSet};

/// How figures are estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvalOptions {
    /// Bootstrap resamples for the 95% intervals; 0 leaves the intervals out.
    pub bootstrap: usize,
    /// Seed of the resampling, so that a run can be repeated exactly.
    pub seed: u64,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            bootstrap: 1000,
            seed: 1,
        }
    }
}

/// One headline figure with its bootstrap interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Stable key, as in the JSON report (`macro_f1`, `kappa_quadratic`, `roc_auc`, …).
    pub name: &'static str,
    /// The figure on all items; `None` when undefined (e.g. a constant series).
    pub value: Option<f64>,
    /// 2.5th and 97.5th percentiles over the bootstrap resamples.
    pub ci95: Option<[f64; 2]>,
}

/// The headline figures, in report order; serialised as a JSON object keyed by name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures(pub Vec<Figure>);

impl Figures {
    /// The figure with this name, if the kind reports it.
    pub fn get(&self, name: &str) -> Option<&Figure> {
        self.0.iter().find(|f| f.name == name)
    }

    /// The value of the named figure, if reported and defined.
    pub fn value(&self, name: &str) -> Option<f64> {
        self.get(name).and_then(|f| f.value)
    }
}

impl Serialize for Figures {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Entry {
            value: Option<f64>,
            ci95: Option<[f64; 2]>,
        }
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for f in &self.0 {
            map.serialize_entry(
                f.name,
                &Entry {
                    value: f.value,
                    ci95: f.ci95,
                },
            )?;
        }
        map.end()
    }
}

/// Per-class figures and the confusion matrix of a classification.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassTable {
    /// The classes, sorted; values print as integers when they are.
    pub labels: Vec<String>,
    /// `confusion[g][p]`: items with gold `labels[g]` predicted `labels[p]`.
    pub confusion: Vec<Vec<usize>>,
    /// Precision, recall, F1, support of each class.
    pub per_class: Vec<ClassMetrics<String>>,
}

/// How the intervals were obtained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BootstrapInfo {
    /// Number of resamples.
    pub resamples: usize,
    /// Seed of the resampling.
    pub seed: u64,
    /// What is resampled: whole conversations, with all their items.
    pub unit: &'static str,
}

/// Everything `sincerity eval` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    /// The kind of label.
    pub kind: Kind,
    /// The gold expression.
    pub gold: String,
    /// The prediction expression.
    pub pred: String,
    /// The binary gold expression, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gold_binary: Option<String>,
    /// The filter expression, if any.
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// Whether items are turns.
    pub per_turn: bool,
    /// Records read, including those in error.
    pub records: usize,
    /// Items compared.
    pub n: usize,
    /// Records that gave no items because of an error.
    pub errors: usize,
    /// Items left out because a value is null.
    pub skipped: usize,
    /// Items left out by the filter.
    pub excluded: usize,
    /// Items whose (binary) gold is positive: non-zero for `binary`, level > 0 for `levels`,
    /// the binary gold for `scale`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positives: Option<usize>,
    /// For `binary`: whether the prediction is a score (not only 0/1), which gives ROC AUC
    /// instead of the fixed-threshold figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pred_is_score: Option<bool>,
    /// How the intervals were obtained, when they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bootstrap: Option<BootstrapInfo>,
    /// The headline figures.
    pub figures: Figures,
    /// Per-class table and confusion matrix (`levels`, and `binary` with a 0/1 prediction).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classes: Option<ClassTable>,
    /// The cut on a score prediction with the best F1 against the binary gold; fitted on the
    /// same items, hence optimistic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_f1: Option<Threshold>,
    /// Things the reader should know about the figures (e.g. a score passed as levels).
    pub warnings: Vec<String>,
    /// The errors, one per record.
    pub error_list: Vec<PairError>,
}

/// A class value with a total order, so that f64 labels can key a confusion matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Level(f64);

impl Eq for Level {}

impl PartialOrd for Level {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Level {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

fn level_name(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// More distinct values than this under `levels` means the input is probably a score: the
/// per-class tables are left out and so is the bootstrap, whose kappa costs grow with the
/// square of the number of classes.
const MAX_LEVELS: usize = 20;

/// Names of the figures of each kind, in report order.
fn figure_names(kind: Kind, pred_is_score: bool, has_binary_gold: bool) -> Vec<&'static str> {
    match kind {
        Kind::Levels => vec![
            "accuracy",
            "macro_f1",
            "kappa",
            "kappa_linear",
            "kappa_quadratic",
            "spearman",
            "any_precision",
            "any_recall",
            "any_f1",
        ],
        Kind::Binary if pred_is_score => vec!["roc_auc"],
        Kind::Binary => vec!["precision", "recall", "f1", "accuracy", "kappa"],
        Kind::Scale if has_binary_gold => vec!["spearman", "pearson", "roc_auc"],
        Kind::Scale => vec!["spearman", "pearson"],
    }
}

/// Computes the figures of `figure_names` on the items at `idx`.
fn compute(
    kind: Kind,
    pred_is_score: bool,
    has_binary_gold: bool,
    pairs: &[Pair],
    idx: &[usize],
) -> Vec<Option<f64>> {
    let gold: Vec<f64> = idx.iter().map(|&i| pairs[i].gold).collect();
    let pred: Vec<f64> = idx.iter().map(|&i| pairs[i].pred).collect();
    let defined = |x: f64| (!idx.is_empty()).then_some(x);
    match kind {
        Kind::Levels => {
            let g: Vec<Level> = gold.iter().map(|&x| Level(x)).collect();
            let p: Vec<Level> = pred.iter().map(|&x| Level(x)).collect();
            let cm = ConfusionMatrix::new(&g, &p);
            let any = BinaryCounts::new(
                &gold.iter().map(|&x| x > 0.0).collect::<Vec<_>>(),
                &pred.iter().map(|&x| x > 0.0).collect::<Vec<_>>(),
            );
            let (ap, ar, af) = any.prf();
            vec![
                cm.accuracy(),
                cm.macro_f1(),
                cm.kappa(KappaWeights::Unweighted),
                cm.kappa(KappaWeights::Linear),
                cm.kappa(KappaWeights::Quadratic),
                stats::spearman(&gold, &pred),
                defined(ap),
                defined(ar),
                defined(af),
            ]
        }
        Kind::Binary => {
            let g: Vec<bool> = gold.iter().map(|&x| x != 0.0).collect();
            if pred_is_score {
                return vec![stats::roc_auc(&g, &pred)];
            }
            let p: Vec<bool> = pred.iter().map(|&x| x != 0.0).collect();
            let (precision, recall, f1) = BinaryCounts::new(&g, &p).prf();
            let cm = ConfusionMatrix::new(&g, &p);
            vec![
                defined(precision),
                defined(recall),
                defined(f1),
                cm.accuracy(),
                cm.kappa(KappaWeights::Unweighted),
            ]
        }
        Kind::Scale => {
            let mut out = vec![stats::spearman(&gold, &pred), stats::pearson(&gold, &pred)];
            if has_binary_gold {
                let g: Vec<bool> = idx
                    .iter()
                    .map(|&i| pairs[i].gold_binary.unwrap_or(false))
                    .collect();
                out.push(stats::roc_auc(&g, &pred));
            }
            out
        }
    }
}

/// Evaluates with the default options (1000 bootstrap resamples, seed 1).
pub fn evaluate(set: &PairSet, kind: Kind) -> EvalReport {
    evaluate_with(set, kind, &EvalOptions::default())
}

/// Evaluates the pairs of `set` as labels of the given kind.
pub fn evaluate_with(set: &PairSet, kind: Kind, options: &EvalOptions) -> EvalReport {
    let pairs = &set.pairs;
    let spec = set.spec();
    let has_binary_gold = spec.gold_binary.is_some();
    let pred_is_score = pairs.iter().any(|p| p.pred != 0.0 && p.pred != 1.0);
    let names = figure_names(kind, pred_is_score, has_binary_gold);
    let mut warnings = Vec::new();
    let mut resamples = options.bootstrap;
    let mut too_many_levels = false;
    if kind == Kind::Levels {
        let mut distinct: Vec<Level> = pairs
            .iter()
            .flat_map(|p| [Level(p.gold), Level(p.pred)])
            .collect();
        distinct.sort();
        distinct.dedup();
        if distinct.len() > MAX_LEVELS {
            too_many_levels = true;
            resamples = 0;
            warnings.push(format!(
                "{} distinct values for levels: is one side a score? Use --kind scale, or write \
                 a cut into the expression. Class tables and intervals are left out.",
                distinct.len()
            ));
        }
    }
    if kind == Kind::Binary && pairs.iter().any(|p| p.gold != 0.0 && p.gold != 1.0) {
        warnings
            .push("gold has values other than 0 and 1; non-zero values count as positive.".into());
    }
    let all: Vec<usize> = (0..pairs.len()).collect();
    let values = compute(kind, pred_is_score, has_binary_gold, pairs, &all);

    // Items of one record are contiguous; the record is the resampling unit.
    let mut groups: Vec<Range<usize>> = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if pairs[g.start].record == p.record => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    let cis = bootstrap_cis(
        groups.len(),
        resamples,
        options.seed,
        names.len(),
        |units| {
            let idx: Vec<usize> = units.iter().flat_map(|&u| groups[u].clone()).collect();
            compute(kind, pred_is_score, has_binary_gold, pairs, &idx)
        },
    );
    let figures = Figures(
        names
            .iter()
            .zip(values)
            .zip(cis)
            .map(|((&name, value), ci)| Figure {
                name,
                value,
                ci95: ci.map(|(lo, hi)| [lo, hi]),
            })
            .collect(),
    );

    let gold_bool: Vec<bool> = match kind {
        Kind::Levels => pairs.iter().map(|p| p.gold > 0.0).collect(),
        Kind::Binary => pairs.iter().map(|p| p.gold != 0.0).collect(),
        Kind::Scale => pairs
            .iter()
            .map(|p| p.gold_binary.unwrap_or(false))
            .collect(),
    };
    let positives = match kind {
        Kind::Scale if !has_binary_gold => None,
        _ => Some(gold_bool.iter().filter(|&&g| g).count()),
    };
    let pred: Vec<f64> = pairs.iter().map(|p| p.pred).collect();
    let best_f1 = match kind {
        Kind::Binary if pred_is_score => stats::best_f1_threshold(&gold_bool, &pred),
        Kind::Scale if has_binary_gold => stats::best_f1_threshold(&gold_bool, &pred),
        _ => None,
    };
    let classes = match kind {
        Kind::Levels if too_many_levels => None,
        Kind::Levels => {
            let g: Vec<Level> = pairs.iter().map(|p| Level(p.gold)).collect();
            let p: Vec<Level> = pairs.iter().map(|p| Level(p.pred)).collect();
            Some(class_table(&ConfusionMatrix::new(&g, &p)))
        }
        Kind::Binary if !pred_is_score => {
            let p: Vec<Level> = pairs
                .iter()
                .map(|p| Level(f64::from(u8::from(p.pred != 0.0))))
                .collect();
            let g: Vec<Level> = gold_bool
                .iter()
                .map(|&b| Level(f64::from(u8::from(b))))
                .collect();
            Some(class_table(&ConfusionMatrix::new(&g, &p)))
        }
        _ => None,
    };

    EvalReport {
        kind,
        gold: spec.gold.text().to_string(),
        pred: spec.pred.text().to_string(),
        gold_binary: spec.gold_binary.as_ref().map(|e| e.text().to_string()),
        filter: spec.filter.as_ref().map(|e| e.text().to_string()),
        per_turn: spec.per_item(),
        records: set.records,
        n: pairs.len(),
        errors: set.errors.len(),
        skipped: set.skipped,
        excluded: set.excluded,
        positives,
        pred_is_score: (kind == Kind::Binary).then_some(pred_is_score),
        bootstrap: (resamples > 0).then_some(BootstrapInfo {
            resamples,
            seed: options.seed,
            unit: "conversation",
        }),
        figures,
        classes,
        best_f1,
        warnings,
        error_list: set.errors.clone(),
    }
}

fn class_table(cm: &ConfusionMatrix<Level>) -> ClassTable {
    ClassTable {
        labels: cm.labels.iter().map(|l| level_name(l.0)).collect(),
        confusion: cm.counts.clone(),
        per_class: cm
            .class_metrics()
            .into_iter()
            .map(|m| ClassMetrics {
                label: level_name(m.label.0),
                precision: m.precision,
                recall: m.recall,
                f1: m.f1,
                support: m.support,
            })
            .collect(),
    }
}

/// How a figure is named in the terminal table.
fn figure_title(name: &str) -> &str {
    match name {
        "accuracy" => "accuracy",
        "macro_f1" => "macro-F1",
        "kappa" => "Cohen's kappa",
        "kappa_linear" => "kappa, linear weights",
        "kappa_quadratic" => "kappa, quadratic weights",
        "spearman" => "Spearman's rho",
        "pearson" => "Pearson's r",
        "roc_auc" => "ROC AUC",
        "precision" => "precision",
        "recall" => "recall",
        "f1" => "F1",
        "any_precision" => "any vs none: precision",
        "any_recall" => "any vs none: recall",
        "any_f1" => "any vs none: F1",
        other => other,
    }
}

fn num(x: Option<f64>) -> String {
    match x {
        // Avoid printing "-0.000" for tiny negatives.
        Some(v) if v.abs() < 0.0005 => "0.000".to_string(),
        Some(v) => format!("{v:.3}"),
        None => "n/a".to_string(),
    }
}

/// Lays out rows in columns: the first `left` columns left-aligned, the others right-aligned,
/// two spaces apart.
fn table(rows: &[Vec<String>], left: usize) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                line.push_str("  ");
            }
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c < left {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Errors listed in the terminal report; the JSON report lists them all.
const ERRORS_SHOWN: usize = 20;

impl EvalReport {
    /// The report as a researcher reads it in a terminal: the setup, the headline figures
    /// with their intervals, the per-class table and confusion matrix, and the errors.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let mut head = vec![
            vec!["kind".to_string(), self.kind.to_string()],
            vec!["gold".to_string(), self.gold.clone()],
            vec!["pred".to_string(), self.pred.clone()],
        ];
        if let Some(b) = &self.gold_binary {
            head.push(vec!["gold (binary)".to_string(), b.clone()]);
        }
        if let Some(w) = &self.filter {
            head.push(vec!["where".to_string(), w.clone()]);
        }
        head.push(vec![
            "items".to_string(),
            format!(
                "{} {} from {} records ({} errors, {} skipped as null, {} excluded)",
                self.n,
                if self.per_turn {
                    "turns"
                } else {
                    "conversations"
                },
                self.records,
                self.errors,
                self.skipped,
                self.excluded
            ),
        ]);
        if let Some(pos) = self.positives {
            let what = match self.kind {
                Kind::Levels => "gold level > 0",
                _ => "gold positive",
            };
            head.push(vec!["positives".to_string(), format!("{pos} ({what})")]);
        }
        out.push_str(&table(&head, 2));
        out.push('\n');

        let ci_title = match &self.bootstrap {
            Some(b) => format!("95% CI ({} resamples)", b.resamples),
            None => "95% CI".to_string(),
        };
        let mut rows = vec![vec!["figure".to_string(), "value".to_string(), ci_title]];
        for f in &self.figures.0 {
            let ci = match f.ci95 {
                Some([lo, hi]) => format!("{} – {}", num(Some(lo)), num(Some(hi))),
                None if self.bootstrap.is_some() => "n/a".to_string(),
                None => String::new(),
            };
            rows.push(vec![figure_title(f.name).to_string(), num(f.value), ci]);
        }
        out.push_str(&table(&rows, 1));
        // Only when the whole interval is below 0.5 (or there is none): an AUC of 0.49 whose
        // interval spans 0.5 says no direction at all.
        let auc = self.figures.0.iter().find(|f| f.name == "roc_auc");
        if let Some(Figure {
            value: Some(value),
            ci95,
            ..
        }) = auc
            && *value < 0.5
            && ci95.is_none_or(|[_, hi]| hi < 0.5)
        {
            out.push_str(
                "note: ROC AUC below 0.5: the prediction runs against the gold; negate it \
                 (--pred '-…') to read it the other way.\n",
            );
        }

        for w in &self.warnings {
            let _ = writeln!(out, "note: {w}");
        }

        if let Some(t) = &self.best_f1 {
            out.push('\n');
            let _ = writeln!(
                out,
                "best F1 threshold (pred >= {}, fitted on these items): precision {}, recall {}, F1 {}",
                t.threshold,
                num(Some(t.precision)),
                num(Some(t.recall)),
                num(Some(t.f1))
            );
        }

        if let Some(c) = &self.classes {
            out.push('\n');
            let mut rows = vec![
                ["class", "precision", "recall", "F1", "support"]
                    .map(String::from)
                    .to_vec(),
            ];
            for m in &c.per_class {
                rows.push(vec![
                    m.label.clone(),
                    num(Some(m.precision)),
                    num(Some(m.recall)),
                    num(Some(m.f1)),
                    m.support.to_string(),
                ]);
            }
            out.push_str(&table(&rows, 1));
            out.push_str("\nconfusion matrix (rows: gold, columns: predicted)\n");
            let mut rows = vec![
                std::iter::once("gold \\ pred".to_string())
                    .chain(c.labels.iter().cloned())
                    .collect::<Vec<_>>(),
            ];
            for (label, counts) in c.labels.iter().zip(&c.confusion) {
                rows.push(
                    std::iter::once(label.clone())
                        .chain(counts.iter().map(ToString::to_string))
                        .collect(),
                );
            }
            out.push_str(&table(&rows, 1));
        }

        if !self.error_list.is_empty() {
            out.push('\n');
            let shown = self.error_list.len().min(ERRORS_SHOWN);
            let _ = writeln!(out, "errors ({} records):", self.error_list.len());
            for e in &self.error_list[..shown] {
                let _ = writeln!(out, "  {e}");
            }
            if self.error_list.len() > shown {
                let _ = writeln!(out, "  … and {} more", self.error_list.len() - shown);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Spec;
    use crate::model::Source;
    use serde_json::{Value, json};

    fn set_from(spec: Spec, rows: &[(Value, Value)]) -> PairSet {
        let mut set = PairSet::new(spec);
        for (i, (input, output)) in rows.iter().enumerate() {
            set.add(&Source::at_line("t.jsonl", i as u64 + 1), input, output);
        }
        set
    }

    fn levels_set(gold: &[i64], pred: &[i64]) -> PairSet {
        let rows: Vec<(Value, Value)> = gold
            .iter()
            .zip(pred)
            .enumerate()
            .map(|(i, (g, p))| {
                (
                    json!({"id": format!("c{i}"), "labels": {"emotional_reactions": g}}),
                    json!({"metrics": {"empathy_reaction": p}}),
                )
            })
            .collect();
        set_from(
            Spec::new("labels.emotional_reactions", "metrics.empathy_reaction").unwrap(),
            &rows,
        )
    }

    const GOLD3: [i64; 12] = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 0];
    const PRED3: [i64; 12] = [0, 0, 1, 0, 1, 2, 0, 2, 2, 1, 2, 0];

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn levels_report_figures() {
        let set = levels_set(&GOLD3, &PRED3);
        let r = evaluate_with(
            &set,
            Kind::Levels,
            &EvalOptions {
                bootstrap: 200,
                seed: 3,
            },
        );
        assert_eq!(r.n, 12);
        // The same inputs as the stats tests; references from scikit-learn 1.9.1 / SciPy 1.17.1:
        // accuracy 0.6666666666666666, macro-F1 0.6277777777777778,
        // kappa 0.4893617021276596 / linear 0.6417910447761195 / quadratic 0.7757009345794392,
        // spearmanr 0.7757936507936507, and on (g > 0, p > 0):
        // precision_recall_fscore_support(average="binary") = (0.8571428571428571, 0.8571428571428571, 0.8571428571428571).
        let f = &r.figures;
        assert!(close(f.value("accuracy"), 0.6666666666666666));
        assert!(close(f.value("macro_f1"), 0.6277777777777778));
        assert!(close(f.value("kappa"), 0.4893617021276596));
        assert!(close(f.value("kappa_linear"), 0.6417910447761195));
        assert!(close(f.value("kappa_quadratic"), 0.7757009345794392));
        assert!(close(f.value("spearman"), 0.7757936507936507));
        assert!(close(f.value("any_precision"), 0.8571428571428571));
        assert!(close(f.value("any_recall"), 0.8571428571428571));
        assert!(close(f.value("any_f1"), 0.8571428571428571));
        assert_eq!(r.positives, Some(7));
        let c = r.classes.as_ref().unwrap();
        assert_eq!(c.labels, vec!["0", "1", "2"]);
        assert_eq!(
            c.confusion,
            vec![vec![4, 1, 0], vec![1, 1, 1], vec![0, 1, 3]]
        );
        let acc = f.get("accuracy").unwrap();
        let [lo, hi] = acc.ci95.unwrap();
        assert!(lo <= 0.6666666666666666 && 0.6666666666666666 <= hi && lo < hi);
        // Deterministic.
        let again = evaluate_with(
            &set,
            Kind::Levels,
            &EvalOptions {
                bootstrap: 200,
                seed: 3,
            },
        );
        assert_eq!(r, again);
    }

    #[test]
    fn binary_with_score_prediction_gives_auc_and_threshold() {
        let gold = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0];
        let score = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.7, 0.2, 0.05];
        let rows: Vec<(Value, Value)> = gold
            .iter()
            .zip(score)
            .map(|(g, s)| {
                (
                    json!({"labels": {"x": g}}),
                    json!({"scores": {"effort": s}}),
                )
            })
            .collect();
        let set = set_from(Spec::new("labels.x", "scores.effort").unwrap(), &rows);
        let r = evaluate_with(
            &set,
            Kind::Binary,
            &EvalOptions {
                bootstrap: 0,
                seed: 1,
            },
        );
        assert_eq!(r.pred_is_score, Some(true));
        // sklearn roc_auc_score = 0.6; best F1 from precision_recall_curve: 0.769… at 0.2
        assert!(close(r.figures.value("roc_auc"), 0.6));
        assert_eq!(r.figures.0.len(), 1);
        let t = r.best_f1.unwrap();
        assert_eq!(t.threshold, 0.2);
        assert!(close(Some(t.f1), 0.7692307692307693));
        assert!(r.classes.is_none());
        assert_eq!(r.figures.get("roc_auc").unwrap().ci95, None);

        // The "runs against the gold" note needs the whole interval below 0.5.
        let note = "ROC AUC below 0.5";
        let with_auc = |value: f64, ci95: Option<[f64; 2]>| {
            let mut r = r.clone();
            r.figures.0 = vec![Figure {
                name: "roc_auc",
                value: Some(value),
                ci95,
            }];
            r.render_text()
        };
        assert!(with_auc(0.3, None).contains(note));
        assert!(with_auc(0.3, Some([0.2, 0.45])).contains(note));
        assert!(!with_auc(0.49, Some([0.45, 0.53])).contains(note));
        assert!(!with_auc(0.6, None).contains(note));
    }

    #[test]
    fn binary_with_binary_prediction_through_a_threshold_expression() {
        let gold = [true, true, false, false, true, false];
        let effort = [80, 20, 70, 10, 90, 30];
        let rows: Vec<(Value, Value)> = gold
            .iter()
            .zip(effort)
            .map(|(g, e)| {
                (
                    json!({"labels": {"bad": g}}),
                    json!({"scores": {"effort": e}}),
                )
            })
            .collect();
        let set = set_from(
            Spec::new("labels.bad", "scores.effort >= 50").unwrap(),
            &rows,
        );
        let r = evaluate_with(
            &set,
            Kind::Binary,
            &EvalOptions {
                bootstrap: 0,
                seed: 1,
            },
        );
        assert_eq!(r.pred_is_score, Some(false));
        // tp 2, fp 1, fn 1, tn 2 → P = R = F1 = 2/3, accuracy 4/6;
        // sklearn cohen_kappa_score([1,1,0,0,1,0],[1,0,1,0,1,0]) = 0.33333333333333337
        assert!(close(r.figures.value("precision"), 2.0 / 3.0));
        assert!(close(r.figures.value("recall"), 2.0 / 3.0));
        assert!(close(r.figures.value("f1"), 2.0 / 3.0));
        assert!(close(r.figures.value("accuracy"), 4.0 / 6.0));
        assert!(close(r.figures.value("kappa"), 0.33333333333333337));
        assert_eq!(r.positives, Some(3));
        assert_eq!(r.classes.unwrap().confusion, vec![vec![2, 1], vec![1, 2]]);
    }

    #[test]
    fn scale_with_binary_gold() {
        let means = [2.0, 2.6667, 3.0, 3.3333, 3.6667, 4.0, 2.3333, 3.0];
        let mins = [1, 2, 3, 3, 3, 4, 2, 2];
        let effort = [70.0, 55.0, 40.0, 30.0, 35.0, 10.0, 40.0, 50.0];
        let rows: Vec<(Value, Value)> = (0..means.len())
            .map(|i| {
                (
                    json!({"labels": {"overall_satisfaction": [mins[i], 4, 5],
                                      "overall_satisfaction_mean": means[i]}}),
                    json!({"scores": {"effort": effort[i]}}),
                )
            })
            .collect();
        let spec = Spec::new("labels.overall_satisfaction_mean", "scores.effort")
            .unwrap()
            .with_gold_binary(
                "min(labels.overall_satisfaction) <= 2 && labels.overall_satisfaction_mean < 3",
            )
            .unwrap();
        let set = set_from(spec, &rows);
        let r = evaluate_with(
            &set,
            Kind::Scale,
            &EvalOptions {
                bootstrap: 100,
                seed: 9,
            },
        );
        // scipy spearmanr(means, effort) = -0.86144578313253,
        // pearsonr(means, effort) = -0.8589557274856626;
        // gold binary [1,1,0,0,0,0,1,0]: roc_auc_score(bin, effort) = 0.8999999999999999
        assert!(close(r.figures.value("spearman"), -0.86144578313253));
        assert!(close(r.figures.value("pearson"), -0.8589557274856626));
        assert!(close(r.figures.value("roc_auc"), 0.8999999999999999));
        assert_eq!(r.positives, Some(3));
        assert!(r.best_f1.is_some());
    }

    #[test]
    fn undefined_figures_are_null_not_nan() {
        // Constant prediction: rho undefined; a single record: no interval.
        let set = levels_set(&[0, 1, 2], &[1, 1, 1]);
        let r = evaluate_with(
            &set,
            Kind::Levels,
            &EvalOptions {
                bootstrap: 50,
                seed: 1,
            },
        );
        assert_eq!(r.figures.value("spearman"), None);
        assert!(r.figures.value("kappa").is_some());
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["figures"]["spearman"]["value"], Value::Null);
        assert!(!serde_json::to_string(&r).unwrap().contains("NaN"));

        let empty = levels_set(&[], &[]);
        let r = evaluate(&empty, Kind::Levels);
        assert_eq!(r.n, 0);
        assert!(
            r.figures
                .0
                .iter()
                .all(|f| f.value.is_none() && f.ci95.is_none())
        );
        assert!(r.render_text().contains("n/a"));
        let r = evaluate(&empty, Kind::Scale);
        assert!(r.figures.0.iter().all(|f| f.value.is_none()));
    }

    #[test]
    fn per_turn_items_resample_by_conversation() {
        // Six conversations with two labelled turns each (agent turns null).
        let rows: Vec<(Value, Value)> = (0..6)
            .map(|i| {
                let g = f64::from(i);
                (
                    json!({"id": format!("c{i}"), "labels": {"t": [g, null, g + 0.5]}}),
                    json!({"turns": [{"s": g * 2.0}, {"s": null}, {"s": g * 2.0 + 0.3}]}),
                )
            })
            .collect();
        let set = set_from(Spec::new("labels.t.*", "turns.*.s").unwrap(), &rows);
        assert_eq!(set.pairs.len(), 12);
        assert_eq!(set.skipped, 6);
        let r = evaluate_with(
            &set,
            Kind::Scale,
            &EvalOptions {
                bootstrap: 50,
                seed: 2,
            },
        );
        assert!(r.per_turn);
        assert!(close(r.figures.value("spearman"), 1.0));

        // All turns in one conversation: every resample draws that conversation whole, so
        // the interval has no width (resampling single turns would spread it).
        let input = json!({"labels": {"t": [1, 2, 3, 4, 5, 6, 7, 8]}});
        let output = json!({"turns": [{"s": 2}, {"s": 1}, {"s": 4}, {"s": 3},
                                      {"s": 6}, {"s": 5}, {"s": 8}, {"s": 7}]});
        let set = set_from(
            Spec::new("labels.t.*", "turns.*.s").unwrap(),
            &[(input, output)],
        );
        let r = evaluate_with(
            &set,
            Kind::Scale,
            &EvalOptions {
                bootstrap: 50,
                seed: 2,
            },
        );
        let rho = r.figures.get("spearman").unwrap();
        let v = rho.value.unwrap();
        assert!(v < 1.0);
        assert_eq!(rho.ci95, Some([v, v]));
    }

    #[test]
    fn a_score_passed_as_levels_is_flagged() {
        let gold: Vec<i64> = (0..30).map(|i| i % 3).collect();
        let pred: Vec<i64> = (0..30).map(|i| i * 7).collect();
        let r = evaluate(&levels_set(&gold, &pred), Kind::Levels);
        assert!(r.classes.is_none());
        assert!(r.bootstrap.is_none());
        assert!(r.figures.value("spearman").is_some());
        assert_eq!(r.warnings.len(), 1);
        // pred: 0, 7, …, 203 (30 values); gold adds 1 and 2.
        assert!(r.render_text().contains("note: 32 distinct values"));

        let ok = evaluate_with(
            &levels_set(&GOLD3, &PRED3),
            Kind::Levels,
            &EvalOptions::default(),
        );
        assert!(ok.warnings.is_empty() && ok.classes.is_some());
    }

    #[test]
    fn binary_gold_other_than_zero_one_is_flagged() {
        let rows: Vec<(Value, Value)> = [(0, 0), (2, 1), (1, 1)]
            .iter()
            .map(|(g, p)| (json!({"labels": {"x": g}}), json!({"scores": {"y": p}})))
            .collect();
        let set = set_from(Spec::new("labels.x", "scores.y").unwrap(), &rows);
        let r = evaluate_with(
            &set,
            Kind::Binary,
            &EvalOptions {
                bootstrap: 0,
                seed: 1,
            },
        );
        assert_eq!(r.positives, Some(2));
        assert!(close(r.figures.value("f1"), 1.0));
        assert!(r.warnings[0].contains("non-zero values count as positive"));
    }

    #[test]
    fn json_and_text_forms() {
        let mut set = levels_set(&GOLD3, &PRED3);
        set.add(
            &Source::at_line("t.jsonl", 13),
            &json!({"labels": {}}),
            &json!({"metrics": {"empathy_reaction": 0}}),
        );
        let r = evaluate_with(
            &set,
            Kind::Levels,
            &EvalOptions {
                bootstrap: 100,
                seed: 1,
            },
        );
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["kind"], "levels");
        assert_eq!(json["n"], 12);
        assert_eq!(json["errors"], 1);
        assert_eq!(json["records"], 13);
        assert!(json["figures"]["macro_f1"]["ci95"].is_array());
        assert_eq!(
            json["error_list"][0]["message"],
            "field 'labels.emotional_reactions' missing"
        );
        assert_eq!(json["classes"]["per_class"][2]["support"], 4);

        let text = r.render_text();
        assert!(text.contains("macro-F1"), "{text}");
        assert!(text.contains("0.628"), "{text}");
        assert!(text.contains("quadratic weights"), "{text}");
        assert!(text.contains("t.jsonl:13: field 'labels.emotional_reactions' missing"));
        assert!(
            text.contains("12 conversations from 13 records (1 errors"),
            "{text}"
        );
        // Figure values line up in one column.
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("accuracy") || l.starts_with("macro-F1"))
            .collect();
        assert_eq!(lines.len(), 2);
        let col = |l: &str, v: &str| l.find(v).map(|i| i + v.len());
        assert_eq!(col(lines[0], "0.667"), col(lines[1], "0.628"));
    }
}
