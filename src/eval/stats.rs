//! Agreement statistics between a gold standard and a prediction: confusion matrices and the
//! figures derived from them, Cohen's kappa, rank and linear correlation, ROC AUC, and
//! percentile bootstrap intervals.
//!
//! Every function is pure. A figure that is undefined for its input (no items, a single
//! class where two are needed, a constant series) is `None`, never NaN and never a panic.
//! Conventions follow scikit-learn and SciPy where they differ from textbooks, so that
//! figures can be checked against them: precision/recall/F1 with a zero denominator are 0
//! (scikit-learn's `zero_division=0`), weighted kappa weighs by the distance between the
//! positions of the labels in sorted order (not their values), and ties get average ranks.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

/// Counts of (gold, predicted) label pairs over the sorted union of the labels seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfusionMatrix<L> {
    /// Every label that occurs in gold or prediction, sorted.
    pub labels: Vec<L>,
    /// `counts[g][p]`: items with gold `labels[g]` predicted as `labels[p]`.
    pub counts: Vec<Vec<usize>>,
}

/// Precision, recall and F1 of one class taken as the positive class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassMetrics<L> {
    /// The class.
    pub label: L,
    /// Of the items predicted as this class, the share that are.
    pub precision: f64,
    /// Of the items that are this class, the share predicted as it.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Items whose gold label is this class.
    pub support: usize,
}

/// How disagreements between ordered categories are weighed in Cohen's kappa.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KappaWeights {
    /// Every disagreement counts the same (nominal categories).
    Unweighted,
    /// A disagreement counts by the distance between the categories.
    Linear,
    /// A disagreement counts by the squared distance between the categories.
    Quadratic,
}

impl<L: Ord + Clone> ConfusionMatrix<L> {
    /// Builds the matrix from parallel slices of gold and predicted labels; the labels are the
    /// sorted union of both, so a class only ever predicted still gets a row and a column.
    /// Extra items in the longer slice are ignored.
    pub fn new(gold: &[L], pred: &[L]) -> ConfusionMatrix<L> {
        let mut index: BTreeMap<&L, usize> = BTreeMap::new();
        for label in gold.iter().chain(pred) {
            index.entry(label).or_insert(0);
        }
        let labels: Vec<L> = index.keys().map(|l| (*l).clone()).collect();
        for (i, slot) in index.values_mut().enumerate() {
            *slot = i;
        }
        let k = labels.len();
        let mut counts = vec![vec![0usize; k]; k];
        for (g, p) in gold.iter().zip(pred) {
            // Both labels were inserted above, so the lookups cannot miss.
            if let (Some(&gi), Some(&pi)) = (index.get(g), index.get(p)) {
                counts[gi][pi] += 1;
            }
        }
        ConfusionMatrix { labels, counts }
    }
}

impl<L: Clone> ConfusionMatrix<L> {
    /// Number of items counted.
    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    /// Share of items whose prediction equals the gold label; `None` without items.
    pub fn accuracy(&self) -> Option<f64> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let correct: usize = (0..self.labels.len()).map(|i| self.counts[i][i]).sum();
        Some(correct as f64 / n as f64)
    }

    /// Precision, recall, F1 and support of every class, in label order.
    pub fn class_metrics(&self) -> Vec<ClassMetrics<L>> {
        let k = self.labels.len();
        (0..k)
            .map(|c| {
                let tp = self.counts[c][c];
                let predicted: usize = (0..k).map(|g| self.counts[g][c]).sum();
                let support: usize = self.counts[c].iter().sum();
                let (precision, recall, f1) = prf(tp, predicted, support);
                ClassMetrics {
                    label: self.labels[c].clone(),
                    precision,
                    recall,
                    f1,
                    support,
                }
            })
            .collect()
    }

    /// Unweighted mean of the per-class F1 scores; `None` without items.
    pub fn macro_f1(&self) -> Option<f64> {
        if self.total() == 0 {
            return None;
        }
        let per_class = self.class_metrics();
        Some(per_class.iter().map(|m| m.f1).sum::<f64>() / per_class.len() as f64)
    }

    /// Cohen's kappa: agreement beyond what the two marginal distributions give by chance.
    /// `None` without items or when chance disagreement is zero (both sides use one and the
    /// same single class), where kappa is 0/0.
    pub fn kappa(&self, weights: KappaWeights) -> Option<f64> {
        let n = self.total();
        if n == 0 {
            return None;
        }
        let k = self.labels.len();
        let rows: Vec<f64> = (0..k)
            .map(|g| self.counts[g].iter().sum::<usize>() as f64)
            .collect();
        let cols: Vec<f64> = (0..k)
            .map(|p| (0..k).map(|g| self.counts[g][p]).sum::<usize>() as f64)
            .collect();
        let mut observed = 0.0;
        let mut expected = 0.0;
        for (g, (row, &row_total)) in self.counts.iter().zip(&rows).enumerate() {
            for (p, (&count, &col_total)) in row.iter().zip(&cols).enumerate() {
                let d = g.abs_diff(p) as f64;
                let w = match weights {
                    KappaWeights::Unweighted => f64::from(u8::from(g != p)),
                    KappaWeights::Linear => d,
                    KappaWeights::Quadratic => d * d,
                };
                observed += w * count as f64;
                expected += w * row_total * col_total / n as f64;
            }
        }
        if expected <= 0.0 {
            return None;
        }
        Some(1.0 - observed / expected)
    }
}

/// Precision, recall and F1 from true positives, predicted positives and actual positives,
/// with 0 for a zero denominator.
fn prf(tp: usize, predicted: usize, actual: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, predicted);
    let recall = ratio(tp, actual);
    // 2tp / (predicted + actual) equals the harmonic mean and is exact for tp = 0.
    let f1 = ratio(2 * tp, predicted + actual);
    (precision, recall, f1)
}

/// Figures of a binary decision, for the positive class.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BinaryCounts {
    /// Gold positive, predicted positive.
    pub tp: usize,
    /// Gold negative, predicted positive.
    pub fp: usize,
    /// Gold positive, predicted negative (`fn` in JSON; the name is a Rust keyword).
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Gold negative, predicted negative.
    pub tn: usize,
}

impl BinaryCounts {
    /// Counts the four cells from parallel slices.
    pub fn new(gold: &[bool], pred: &[bool]) -> BinaryCounts {
        let mut c = BinaryCounts {
            tp: 0,
            fp: 0,
            fn_: 0,
            tn: 0,
        };
        for (&g, &p) in gold.iter().zip(pred) {
            match (g, p) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (true, false) => c.fn_ += 1,
                (false, false) => c.tn += 1,
            }
        }
        c
    }

    /// Precision, recall and F1 of the positive class (0 for a zero denominator).
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.tp, self.tp + self.fp, self.tp + self.fn_)
    }
}

/// Average ranks (1-based) of the values, ties sharing the mean of the ranks they span, as
/// `scipy.stats.rankdata(method="average")`. NaNs sort last.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean is (start+1+end)/2.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            ranks[i] = rank;
        }
        start = end;
    }
    ranks
}

/// Pearson's correlation coefficient; `None` for fewer than two pairs, a constant series or
/// non-finite values. Extra items in the longer slice are ignored.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 || x[..n].iter().chain(&y[..n]).any(|v| !v.is_finite()) {
        return None;
    }
    // Tested exactly: rounding leaves a constant series a variance of about 1e-33, not 0.
    let constant = |v: &[f64]| v.iter().all(|a| *a == v[0]);
    if constant(&x[..n]) || constant(&y[..n]) {
        return None;
    }
    let mx = x[..n].iter().sum::<f64>() / n as f64;
    let my = y[..n].iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x[..n].iter().zip(&y[..n]) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    // Rounding can push |r| a hair past 1.
    Some((sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// Spearman's rank correlation with ties (Pearson's r of the average ranks), as
/// `scipy.stats.spearmanr`; `None` when either series is constant or too short.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if x[..n].iter().chain(&y[..n]).any(|v| !v.is_finite()) {
        return None;
    }
    pearson(&average_ranks(&x[..n]), &average_ranks(&y[..n]))
}

/// Area under the ROC curve of a score against a binary gold: the probability that a random
/// positive scores above a random negative, ties counting one half (the Mann–Whitney U
/// statistic over n₊·n₋). `None` unless both classes are present and all scores are finite.
pub fn roc_auc(gold: &[bool], score: &[f64]) -> Option<f64> {
    let n = gold.len().min(score.len());
    if score[..n].iter().any(|v| !v.is_finite()) {
        return None;
    }
    let positives = gold[..n].iter().filter(|&&g| g).count();
    let negatives = n - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    let ranks = average_ranks(&score[..n]);
    let rank_sum: f64 = ranks
        .iter()
        .zip(&gold[..n])
        .filter(|(_, g)| **g)
        .map(|(r, _)| r)
        .sum();
    let p = positives as f64;
    let u = rank_sum - p * (p + 1.0) / 2.0;
    Some(u / (p * negatives as f64))
}

/// The cut on a score that gives the best F1 when `score >= threshold` is called positive.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Threshold {
    /// Items scoring at least this are predicted positive.
    pub threshold: f64,
    /// Precision at the threshold.
    pub precision: f64,
    /// Recall at the threshold.
    pub recall: f64,
    /// F1 at the threshold.
    pub f1: f64,
}

/// Tries every distinct score as a threshold and keeps the one with the highest F1 (the
/// highest threshold among equals). `None` without positives or with non-finite scores. The
/// figure is fitted to the data it is measured on, so it is an optimistic ceiling.
pub fn best_f1_threshold(gold: &[bool], score: &[f64]) -> Option<Threshold> {
    let n = gold.len().min(score.len());
    if score[..n].iter().any(|v| !v.is_finite()) {
        return None;
    }
    let positives = gold[..n].iter().filter(|&&g| g).count();
    if positives == 0 {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let mut best: Option<Threshold> = None;
    let (mut tp, mut predicted) = (0usize, 0usize);
    let mut i = 0;
    while i < order.len() {
        let t = score[order[i]];
        // Everything tied at t goes positive together.
        while i < order.len() && score[order[i]] == t {
            tp += usize::from(gold[order[i]]);
            predicted += 1;
            i += 1;
        }
        let (precision, recall, f1) = prf(tp, predicted, positives);
        if best.is_none_or(|b| f1 > b.f1) {
            best = Some(Threshold {
                threshold: t,
                precision,
                recall,
                f1,
            });
        }
    }
    best
}

/// SplitMix64: a tiny, well-studied generator, written out here so that bootstrap intervals
/// stay identical across versions of any random-number crate.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0), without modulo bias worth speaking of for n ≪ 2⁶⁴:
    /// the 128-bit multiply maps the full 64-bit range onto `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

/// The `q`-quantile (0…1) of sorted values, interpolating linearly between order statistics
/// (NumPy's default method).
fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let pos = q.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let frac = pos - lo as f64;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * frac)
}

/// Percentile bootstrap 95% interval of a statistic over `units` resampling units.
///
/// Each of `reps` resamples draws `units` unit indices with replacement and hands them to
/// `stat` (which maps them to its items, so that whole conversations can be resampled when
/// items are turns). Resample `r` uses its own generator seeded from `seed` and `r`, so the
/// interval is the same whatever the thread count. Resamples on which the statistic is
/// undefined are left out; the interval is `None` when more than half are, or when there is
/// nothing to resample.
pub fn bootstrap_ci<F>(units: usize, reps: usize, seed: u64, stat: F) -> Option<(f64, f64)>
where
    F: Fn(&[usize]) -> Option<f64> + Sync,
{
    bootstrap_cis(units, reps, seed, 1, |idx| vec![stat(idx)])
        .pop()
        .flatten()
}

/// [`bootstrap_ci`] for `k` statistics computed together on each resample (one resampling
/// pass for all the figures of a report); `stat` returns the `k` values in a fixed order.
pub fn bootstrap_cis<F>(
    units: usize,
    reps: usize,
    seed: u64,
    k: usize,
    stat: F,
) -> Vec<Option<(f64, f64)>>
where
    F: Fn(&[usize]) -> Vec<Option<f64>> + Sync,
{
    if units == 0 || reps == 0 {
        return vec![None; k];
    }
    let draws: Vec<Vec<Option<f64>>> = (0..reps)
        .into_par_iter()
        .map(|r| {
            let mut rng = SplitMix64(seed ^ (r as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
            let sample: Vec<usize> = (0..units).map(|_| rng.below(units)).collect();
            stat(&sample)
        })
        .collect();
    (0..k)
        .map(|j| {
            let mut values: Vec<f64> = draws
                .iter()
                .filter_map(|d| d.get(j).copied().flatten())
                .filter(|v| v.is_finite())
                .collect();
            if values.len() * 2 < reps {
                return None;
            }
            values.sort_by(f64::total_cmp);
            Some((quantile(&values, 0.025)?, quantile(&values, 0.975)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values below were computed with scikit-learn 1.9.1 and SciPy 1.17.1
    // (sklearn.metrics.confusion_matrix, precision_recall_fscore_support, f1_score,
    // accuracy_score, cohen_kappa_score, roc_auc_score; scipy.stats.spearmanr, pearsonr,
    // rankdata) on the same inputs, and written in by hand.

    const TOL: f64 = 1e-9;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < TOL
    }

    // Three ordered levels, 12 items.
    const GOLD3: [i64; 12] = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 0];
    const PRED3: [i64; 12] = [0, 0, 1, 0, 1, 2, 0, 2, 2, 1, 2, 0];

    #[test]
    fn confusion_matrix_counts_and_labels() {
        let cm = ConfusionMatrix::new(&GOLD3, &PRED3);
        assert_eq!(cm.labels, vec![0, 1, 2]);
        // sklearn: confusion_matrix(g, p) == [[4,1,0],[1,1,1],[0,1,3]]
        assert_eq!(cm.counts, vec![vec![4, 1, 0], vec![1, 1, 1], vec![0, 1, 3]]);
        assert_eq!(cm.total(), 12);
    }

    #[test]
    fn per_class_macro_f1_accuracy_match_sklearn() {
        let cm = ConfusionMatrix::new(&GOLD3, &PRED3);
        let m = cm.class_metrics();
        // sklearn precision_recall_fscore_support(g, p):
        //   precision [0.8, 0.33333333, 0.75], recall [0.8, 0.33333333, 0.75],
        //   f1 [0.8, 0.33333333, 0.75], support [5, 3, 4]
        let expect = [
            (0.8, 0.8, 0.8, 5),
            (1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 3),
            (0.75, 0.75, 0.75, 4),
        ];
        for (got, (p, r, f, s)) in m.iter().zip(expect) {
            assert!(close(got.precision, p), "{got:?}");
            assert!(close(got.recall, r), "{got:?}");
            assert!(close(got.f1, f), "{got:?}");
            assert_eq!(got.support, s);
        }
        // f1_score(average="macro") = 0.6277777777777778, accuracy_score = 0.6666666666666666
        assert!(close(cm.macro_f1().unwrap(), 0.6277777777777778));
        assert!(close(cm.accuracy().unwrap(), 0.6666666666666666));
    }

    #[test]
    fn kappa_unweighted_linear_quadratic_match_sklearn() {
        let cm = ConfusionMatrix::new(&GOLD3, &PRED3);
        // cohen_kappa_score(g, p) = 0.4893617021276596
        // cohen_kappa_score(g, p, weights="linear") = 0.6417910447761195
        // cohen_kappa_score(g, p, weights="quadratic") = 0.7757009345794392
        assert!(close(
            cm.kappa(KappaWeights::Unweighted).unwrap(),
            0.4893617021276596
        ));
        assert!(close(
            cm.kappa(KappaWeights::Linear).unwrap(),
            0.6417910447761195
        ));
        assert!(close(
            cm.kappa(KappaWeights::Quadratic).unwrap(),
            0.7757009345794392
        ));
    }

    #[test]
    fn string_labels_and_a_class_only_predicted() {
        let gold = ["neg", "neg", "pos", "pos", "pos"];
        let pred = ["neg", "neu", "pos", "neg", "pos"];
        let cm = ConfusionMatrix::new(&gold, &pred);
        assert_eq!(cm.labels, vec!["neg", "neu", "pos"]);
        let m = cm.class_metrics();
        // sklearn precision_recall_fscore_support(g, p, zero_division=0):
        //   precision [0.5, 0, 1], recall [0.5, 0, 0.66666667], f1 [0.5, 0, 0.8], support [2, 0, 3]
        assert!(close(m[0].precision, 0.5) && close(m[0].recall, 0.5) && close(m[0].f1, 0.5));
        assert_eq!(
            (m[1].precision, m[1].recall, m[1].f1, m[1].support),
            (0.0, 0.0, 0.0, 0)
        );
        assert!(close(m[2].precision, 1.0) && close(m[2].recall, 2.0 / 3.0) && close(m[2].f1, 0.8));
        // f1_score(g, p, average="macro", zero_division=0) = 0.43333333333333335
        assert!(close(cm.macro_f1().unwrap(), 0.43333333333333335));
        // cohen_kappa_score(g, p) = 0.33333333333333337
        assert!(close(
            cm.kappa(KappaWeights::Unweighted).unwrap(),
            0.33333333333333337
        ));
    }

    #[test]
    fn empty_and_single_class_inputs_are_undefined_not_nan() {
        let empty: ConfusionMatrix<i64> = ConfusionMatrix::new(&[], &[]);
        assert_eq!(empty.accuracy(), None);
        assert_eq!(empty.macro_f1(), None);
        assert_eq!(empty.kappa(KappaWeights::Quadratic), None);
        assert!(empty.class_metrics().is_empty());

        let one = ConfusionMatrix::new(&[1, 1, 1], &[1, 1, 1]);
        assert_eq!(one.accuracy(), Some(1.0));
        // Both sides constant on one class: chance agreement is total, kappa is 0/0
        // (sklearn returns nan here).
        assert_eq!(one.kappa(KappaWeights::Unweighted), None);

        // Constant prediction against a varied gold: kappa is defined and 0.
        // cohen_kappa_score([0,1,2,1], [1,1,1,1]) = 0.0
        let flat = ConfusionMatrix::new(&[0, 1, 2, 1], &[1, 1, 1, 1]);
        assert!(close(flat.kappa(KappaWeights::Unweighted).unwrap(), 0.0));
    }

    #[test]
    fn binary_counts_prf() {
        let gold = [true, true, false, false, true, false];
        let pred = [true, false, true, false, true, false];
        let c = BinaryCounts::new(&gold, &pred);
        assert_eq!((c.tp, c.fp, c.fn_, c.tn), (2, 1, 1, 2));
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"tp":2,"fp":1,"fn":1,"tn":2}"#
        );
        let (p, r, f) = c.prf();
        assert!(close(p, 2.0 / 3.0) && close(r, 2.0 / 3.0) && close(f, 2.0 / 3.0));
        let none = BinaryCounts::new(&[false, false], &[false, false]);
        assert_eq!(none.prf(), (0.0, 0.0, 0.0));
    }

    #[test]
    fn ranks_with_ties_match_scipy() {
        // scipy.stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5]) = [4, 1.5, 5, 1.5, 6.5, 9, 3, 8, 6.5]
        let r = average_ranks(&[3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0]);
        assert_eq!(r, vec![4.0, 1.5, 5.0, 1.5, 6.5, 9.0, 3.0, 8.0, 6.5]);
        assert!(average_ranks(&[]).is_empty());
    }

    #[test]
    fn spearman_and_pearson_match_scipy() {
        let x = [1.0, 2.0, 2.0, 3.0, 4.0, 4.0, 4.0, 5.0, 6.0, 7.0];
        let y = [2.1, 1.9, 3.5, 3.5, 2.0, 5.5, 6.0, 6.0, 8.2, 7.9];
        // scipy.stats.spearmanr(x, y).statistic = 0.8080843912832267
        // scipy.stats.pearsonr(x, y).statistic = 0.8651252354358177
        assert!(close(spearman(&x, &y).unwrap(), 0.8080843912832267));
        assert!(close(pearson(&x, &y).unwrap(), 0.8651252354358177));
        // Perfectly monotone but not linear.
        let sq: Vec<f64> = x.iter().map(|v| v * v * v).collect();
        assert!(close(spearman(&x, &sq).unwrap(), 1.0));
        assert!(pearson(&x, &sq).unwrap() < 1.0);
    }

    #[test]
    fn correlations_undefined_for_constant_short_or_nan() {
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0]), None);
        assert_eq!(pearson(&[4.0, 4.0], &[1.0, 2.0]), None);
        assert_eq!(spearman(&[1.0], &[2.0]), None);
        assert_eq!(spearman(&[], &[]), None);
        assert_eq!(pearson(&[1.0, f64::NAN, 3.0], &[1.0, 2.0, 3.0]), None);
        // A constant 0.1 whose mean rounds to 0.1 + 1e-17: exactly constant all the same.
        let constant = [0.1; 10];
        let varied = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        assert_eq!(pearson(&constant, &varied), None);
    }

    #[test]
    fn roc_auc_with_ties_matches_sklearn() {
        let gold = [
            false, false, true, true, false, true, false, true, true, false,
        ];
        let score = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.7, 0.2, 0.05];
        // sklearn.metrics.roc_auc_score(gold, score) = 0.6
        assert!(close(roc_auc(&gold, &score).unwrap(), 0.6));
        // Perfect and perfectly inverted separation.
        assert_eq!(roc_auc(&[false, true], &[0.0, 1.0]), Some(1.0));
        assert_eq!(roc_auc(&[false, true], &[1.0, 0.0]), Some(0.0));
        // All tied: 1/2.
        assert_eq!(roc_auc(&[false, true, true], &[3.0, 3.0, 3.0]), Some(0.5));
    }

    #[test]
    fn roc_auc_needs_both_classes() {
        assert_eq!(roc_auc(&[true, true], &[0.2, 0.3]), None);
        assert_eq!(roc_auc(&[false], &[0.2]), None);
        assert_eq!(roc_auc(&[], &[]), None);
    }

    #[test]
    fn best_f1_threshold_scans_every_cut() {
        let gold = [
            false, false, true, true, false, true, false, true, true, false,
        ];
        let score = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.7, 0.2, 0.05];
        let t = best_f1_threshold(&gold, &score).unwrap();
        // sklearn.metrics.precision_recall_curve(gold, score), F1 = 2PR/(P+R) per cut:
        // the best is the cut at 0.2 with P = 0.625, R = 1.0, F1 = 0.7692307692307693.
        assert_eq!(t.threshold, 0.2);
        assert!(close(t.precision, 0.625));
        assert!(close(t.recall, 1.0));
        assert!(close(t.f1, 0.7692307692307693));
        assert_eq!(best_f1_threshold(&[false, false], &[0.1, 0.2]), None);
    }

    #[test]
    fn bootstrap_is_deterministic_and_brackets_the_estimate() {
        let x: Vec<f64> = (0..200).map(|i| f64::from(i % 17)).collect();
        let y: Vec<f64> = x
            .iter()
            .enumerate()
            .map(|(i, v)| v + f64::from((i * 7 % 11) as u32))
            .collect();
        let stat = |idx: &[usize]| {
            let xs: Vec<f64> = idx.iter().map(|&i| x[i]).collect();
            let ys: Vec<f64> = idx.iter().map(|&i| y[i]).collect();
            spearman(&xs, &ys)
        };
        let whole = spearman(&x, &y).unwrap();
        let a = bootstrap_ci(x.len(), 300, 7, stat).unwrap();
        let b = bootstrap_ci(x.len(), 300, 7, stat).unwrap();
        assert_eq!(a, b);
        assert!(a.0 < whole && whole < a.1, "{a:?} vs {whole}");
        assert!(a.1 - a.0 < 0.5);
        let c = bootstrap_ci(x.len(), 300, 8, stat).unwrap();
        assert_ne!(a, c);
    }

    #[test]
    fn bootstrap_undefined_cases() {
        assert_eq!(bootstrap_ci(0, 100, 1, |_| Some(1.0)), None);
        assert_eq!(bootstrap_ci(10, 0, 1, |_| Some(1.0)), None);
        assert_eq!(bootstrap_ci(10, 100, 1, |_| None), None);
        assert_eq!(bootstrap_ci(10, 100, 1, |_| Some(2.0)), Some((2.0, 2.0)));
        assert_eq!(
            bootstrap_cis(0, 100, 1, 2, |_| vec![Some(1.0); 2]),
            vec![None, None]
        );
    }

    #[test]
    fn joint_bootstrap_matches_separate_runs() {
        let x: Vec<f64> = (0..50).map(|i| f64::from(i * 37 % 23)).collect();
        let mean = |idx: &[usize]| Some(idx.iter().map(|&i| x[i]).sum::<f64>() / idx.len() as f64);
        let max = |idx: &[usize]| idx.iter().map(|&i| x[i]).reduce(f64::max);
        let joint = bootstrap_cis(x.len(), 200, 3, 3, |idx| vec![mean(idx), max(idx), None]);
        assert_eq!(joint[0], bootstrap_ci(x.len(), 200, 3, mean));
        assert_eq!(joint[1], bootstrap_ci(x.len(), 200, 3, max));
        assert_eq!(joint[2], None);
    }

    #[test]
    fn quantile_interpolates_like_numpy() {
        // numpy.quantile([1, 2, 3, 4], [0.025, 0.975]) = [1.075, 3.925]
        let q = [1.0, 2.0, 3.0, 4.0];
        assert!(close(quantile(&q, 0.025).unwrap(), 1.075));
        assert!(close(quantile(&q, 0.975).unwrap(), 3.925));
    }
}
