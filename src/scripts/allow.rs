//! Mandated lines: the policy's `allow` list (greeting, legal disclosure, recording notice).
//! A sincerity finding on a mandated line is still reported, but gives no points.
//!
//! The lines are compiled with the other lexicons ([`Lexicons::with_mandated_lines`]) and found
//! in the same scan of each line, so a line that recurs is not searched for them again.

use std::sync::Arc;

use crate::detect::{Lexicons, TurnHits};
use crate::findings::{Finding, ScoreKind};

/// Said in the detail of a finding on a mandated line.
pub const ALLOWED: &str = "allowed by policy";

/// Moves the sincerity findings that overlap a mandated line out of `findings`, noting it in
/// their detail, and returns them. `hits` are each turn's matches in `lexicons`. Scoring the
/// remaining findings leaves the mandated lines out of the penalty.
pub fn take_allowed(
    lexicons: &Lexicons,
    hits: &[Arc<TurnHits>],
    findings: &mut Vec<Finding>,
) -> Vec<Finding> {
    let lexicon = &lexicons.mandated;
    let mandated_on = |turn: usize| hits.get(turn).map_or(&[][..], |h| &h.mandated[..]);
    let on_a_mandated_line = |f: &Finding| {
        f.score == Some(ScoreKind::Sincerity)
            && mandated_on(f.turn)
                .iter()
                .any(|m| m.span.start < f.end && f.start < m.span.end)
    };
    if !findings.iter().any(on_a_mandated_line) {
        return Vec::new();
    }
    let mut allowed = Vec::new();
    let mut kept = Vec::with_capacity(findings.len());
    for mut f in findings.drain(..) {
        let hit = (f.score == Some(ScoreKind::Sincerity))
            .then(|| {
                mandated_on(f.turn)
                    .iter()
                    .find(|m| m.span.start < f.end && f.start < m.span.end)
            })
            .flatten();
        match hit {
            Some(m) => {
                f.weight = 0.0;
                f.detail = format!(
                    "{}; {ALLOWED}: mandated line \"{}\"",
                    f.detail,
                    lexicon.phrase(lexicon.entry(m))
                );
                allowed.push(f);
            }
            None => kept.push(f),
        }
    }
    *findings = kept;
    allowed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Analysis;
    use crate::model::{Conversation, Role, Turn};

    #[test]
    fn findings_on_mandated_lines_are_taken_out() {
        let text =
            "Hi. This call may be recorded for quality purposes. I understand your frustration.";
        let conversation = Conversation {
            id: "t".into(),
            turns: vec![Turn {
                role: Role::Agent,
                speaker: "agent".into(),
                text: text.into(),
                start: None,
                end: None,
            }],
            ..Default::default()
        };
        let analysis = Analysis::new(&conversation);
        let at = |s: &str| text.find(s).unwrap();
        let mk = |rule: &str, start: usize, end: usize| {
            let mut f = crate::detect::finding(&analysis, rule, 0, start..end, String::from("x"));
            f.weight = -3.0;
            f
        };
        let notice = at("This call");
        let notice_end = at(" I understand");
        let mut findings = vec![
            mk("script-line", notice, notice_end),
            mk("canned-phrase", at("I understand"), text.len() - 1),
            mk("transfer", notice, notice_end),
        ];
        let scanned = |lexicons: &Lexicons| vec![Arc::new(lexicons.scan(text, &analysis.texts[0]))];
        let lexicons = Lexicons::with_mandated_lines(&[
            "  ".to_string(),
            "this call [may be|is being] recorded".to_string(),
        ]);
        let allowed = take_allowed(&lexicons, &scanned(&lexicons), &mut findings);
        assert_eq!(allowed.len(), 1);
        assert_eq!(allowed[0].rule, "script-line");
        assert_eq!(
            allowed[0].detail,
            format!("x; {ALLOWED}: mandated line \"this call [may be|is being] recorded\"")
        );
        assert_eq!(allowed[0].weight, 0.0);
        assert_eq!(
            findings.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            ["canned-phrase", "transfer"],
            "other lines and other scores are untouched"
        );
        let none = Lexicons::new();
        assert!(take_allowed(&none, &scanned(&none), &mut findings).is_empty());
        assert_eq!(findings.len(), 2);
    }
}
