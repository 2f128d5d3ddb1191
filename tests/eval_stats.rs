//! The evaluation library through its public API, on records shaped like the labelled data
//! sets (EPITOME: per-conversation levels; USS: per-dialogue and per-turn satisfaction) and
//! outputs built from the real output types, so that the documented paths are the paths
//! the tool writes.

use proptest::prelude::*;
use serde_json::{Value, json};

use sincerity::eval::{EvalOptions, Kind, PairSet, Spec, evaluate_with};
use sincerity::findings::{EmpathyLevels, Metrics, ScoredConversation, Scores, TurnView};
use sincerity::model::{Role, Source};

fn output(id: &str, effort: f64, reaction: u8, turns: &[(Role, u8, Option<f64>)]) -> Value {
    let scored = ScoredConversation {
        id: id.to_string(),
        source: Source::at_line("in.jsonl", 1),
        channel: Some("chat".into()),
        agent_name: None,
        metadata: Default::default(),
        scores: Scores {
            empathy: 50.0,
            sincerity: 50.0,
            effort,
        },
        metrics: Metrics {
            empathy_reaction: reaction,
            ..Metrics::default()
        },
        findings: Vec::new(),
        turns: Some(
            turns
                .iter()
                .map(|&(speaker, reaction, sentiment)| TurnView {
                    speaker,
                    text: String::new(),
                    start: None,
                    scripted: false,
                    empathy: EmpathyLevels {
                        reaction,
                        ..EmpathyLevels::default()
                    },
                    sentiment,
                })
                .collect(),
        ),
    };
    serde_json::to_value(scored).expect("a scored conversation serialises")
}

fn no_bootstrap() -> EvalOptions {
    EvalOptions {
        bootstrap: 0,
        seed: 1,
    }
}

#[test]
fn epitome_levels_against_metrics() {
    // (gold emotional_reactions, predicted empathy_reaction)
    let items = [(0, 0), (1, 1), (2, 1), (0, 2), (1, 0), (2, 2)];
    let spec = Spec::new("labels.emotional_reactions", "metrics.empathy_reaction").unwrap();
    let mut set = PairSet::new(spec);
    for (i, &(g, p)) in items.iter().enumerate() {
        let input = json!({"id": format!("e{i}"), "turns": [],
                           "labels": {"emotional_reactions": g, "interpretations": 0, "explorations": 0}});
        set.add(
            &Source::at_line("epitome.jsonl", i as u64 + 1),
            &input,
            &output(&format!("e{i}"), 0.0, p, &[]),
        );
    }
    let r = evaluate_with(&set, Kind::Levels, &no_bootstrap());
    assert_eq!(r.n, 6);
    // By hand: 3 of 6 agree; confusion [[1,0,1],[1,1,0],[0,1,1]] → every class P = R = F1 = 1/2.
    assert_eq!(r.figures.value("accuracy"), Some(0.5));
    assert_eq!(r.figures.value("macro_f1"), Some(0.5));
    let c = r.classes.unwrap();
    assert_eq!(
        c.confusion,
        vec![vec![1, 0, 1], vec![1, 1, 0], vec![0, 1, 1]]
    );
    // scikit-learn 1.9.1: cohen_kappa_score([0,1,2,0,1,2], [0,1,1,2,0,2]) = 0.25,
    // with weights="linear" 0.25 and weights="quadratic" 0.2499999999999999.
    assert!((r.figures.value("kappa").unwrap() - 0.25).abs() < 1e-9);
    assert!((r.figures.value("kappa_linear").unwrap() - 0.25).abs() < 1e-9);
    assert!((r.figures.value("kappa_quadratic").unwrap() - 0.2499999999999999).abs() < 1e-9);
}

#[test]
fn uss_per_turn_and_per_dialogue() {
    let input = json!({
        "id": "uss-1",
        "turns": [{"speaker": "customer", "text": "a"}, {"speaker": "agent", "text": "b"},
                  {"speaker": "customer", "text": "c"}, {"speaker": "agent", "text": "d"},
                  {"speaker": "customer", "text": "e"}],
        "labels": {"source": "SGD",
                   "turn_satisfaction": [[3, 3, 3], null, [2, 2, 3], null, [4, 5, 4]],
                   "turn_satisfaction_mean": [3.0, null, 2.3333, null, 4.3333],
                   "overall_satisfaction": [2, 3, 3],
                   "overall_satisfaction_mean": 2.6667}
    });
    let out = output(
        "uss-1",
        42.0,
        0,
        &[
            (Role::Customer, 0, Some(0.1)),
            (Role::Agent, 1, None),
            (Role::Customer, 0, Some(-0.6)),
            (Role::Agent, 2, None),
            (Role::Customer, 0, Some(0.7)),
        ],
    );

    let spec = Spec::new("labels.turn_satisfaction_mean.*", "turns.*.sentiment")
        .unwrap()
        .with_gold_binary("min(labels.turn_satisfaction.*) <= 2")
        .unwrap();
    let mut set = PairSet::new(spec);
    set.add(&Source::at_line("uss.jsonl", 1), &input, &out);
    let r = evaluate_with(&set, Kind::Scale, &no_bootstrap());
    assert_eq!((r.n, r.skipped, r.errors), (3, 2, 0));
    // Gold 3.0, 2.3333, 4.3333 against 0.1, −0.6, 0.7: same order, rho = r-of-ranks = 1.
    assert!((r.figures.value("spearman").unwrap() - 1.0).abs() < 1e-9);
    // The one dissatisfied turn has the lowest sentiment: AUC 0, and the report says so.
    assert_eq!(r.figures.value("roc_auc"), Some(0.0));
    assert!(r.render_text().contains("negate it"));

    // Negated, the same prediction ranks the dissatisfied turn first.
    let spec = Spec::new("min(labels.turn_satisfaction[]) <= 2", "-turns[].sentiment").unwrap();
    let mut set = PairSet::new(spec);
    set.add(&Source::at_line("uss.jsonl", 1), &input, &out);
    let r = evaluate_with(&set, Kind::Binary, &no_bootstrap());
    assert_eq!(r.figures.value("roc_auc"), Some(1.0));

    // Agent turns' empathy levels are reachable per turn.
    let spec = Spec::new("1", "turns.*.empathy.reaction")
        .unwrap()
        .with_filter("turns.*.speaker == 'agent'")
        .unwrap();
    let mut set = PairSet::new(spec);
    set.add(&Source::at_line("uss.jsonl", 1), &input, &out);
    let preds: Vec<f64> = set.pairs.iter().map(|p| p.pred).collect();
    assert_eq!(preds, vec![1.0, 2.0]);
    assert_eq!(set.excluded, 3);

    // Per dialogue, with the dissatisfaction rule.
    let spec = Spec::new("labels.overall_satisfaction_mean", "scores.effort")
        .unwrap()
        .with_gold_binary(
            "min(labels.overall_satisfaction) <= 2 && labels.overall_satisfaction_mean < 3",
        )
        .unwrap();
    let mut set = PairSet::new(spec);
    set.add(&Source::at_line("uss.jsonl", 1), &input, &out);
    assert_eq!(set.pairs.len(), 1);
    assert_eq!(set.pairs[0].gold_binary, Some(true));
    assert_eq!(set.pairs[0].pred, 42.0);
}

#[test]
fn output_without_per_turn_view_is_a_located_error() {
    let input = json!({"id": "x", "labels": {"turn_satisfaction_mean": [3.0, null]}});
    let mut out = output("x", 1.0, 0, &[]);
    if let Some(map) = out.as_object_mut() {
        map.remove("turns");
    }
    let spec = Spec::new("labels.turn_satisfaction_mean.*", "turns.*.sentiment").unwrap();
    assert!(spec.needs_turns());
    let mut set = PairSet::new(spec);
    set.add(&Source::at_line("uss.jsonl", 4), &input, &out);
    assert_eq!(
        set.errors[0].to_string(),
        "uss.jsonl:4: field 'turns' missing"
    );
}

proptest! {
    #[test]
    fn parsing_never_panics(text in "\\PC{0,40}") {
        let _ = Spec::new(&text, "scores.effort");
    }

    #[test]
    fn expressions_on_arbitrary_records_never_panic(
        expr in "[a-z.*\\[\\]0-9()<=>!&| '-]{1,30}",
        n in proptest::collection::vec(proptest::option::of(-5i32..5), 0..6),
        s in "[a-z0-9 .]{0,6}",
    ) {
        let input = json!({"labels": {"a": n, "b": s, "c": {"d": n}}});
        let out = json!({"turns": n.iter().map(|x| json!({"s": x})).collect::<Vec<_>>()});
        if let Ok(spec) = Spec::new(&expr, "turns.*.s") {
            let mut set = PairSet::new(spec);
            set.add(&Source::at_line("p", 1), &input, &out);
            let r = evaluate_with(&set, Kind::Levels, &EvalOptions { bootstrap: 5, seed: 1 });
            prop_assert_eq!(r.records, 1);
            let _ = r.render_text();
        }
    }
}
