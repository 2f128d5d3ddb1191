//! Mandated lines: the policy's `allow` list (greeting, legal disclosure, recording notice).
//! A sincerity finding on a mandated line is still reported, but gives no points.

use crate::analyse::Analysis;
use crate::findings::{Finding, ScoreKind};
use crate::lexicon::Lexicon;

/// Said in the detail of a finding on a mandated line.
pub const ALLOWED: &str = "allowed by policy";

/// The policy's mandated lines, compiled like the stock-line lexicon.
pub struct AllowList {
    lexicon: Option<Lexicon<()>>,
}

impl AllowList {
    /// Compiles the phrases (plain words, `[a|b|]` variants allowed).
    pub fn new(phrases: &[String]) -> AllowList {
        let entries: Vec<(&str, ())> = phrases
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(|p| (p, ()))
            .collect();
        AllowList {
            lexicon: (!entries.is_empty()).then(|| Lexicon::new(&entries)),
        }
    }

    /// Moves the sincerity findings that overlap a mandated line out of `findings`, noting
    /// it in their detail, and returns them. Scoring the remaining findings leaves the
    /// mandated lines out of the penalty.
    pub fn take_allowed(&self, analysis: &Analysis, findings: &mut Vec<Finding>) -> Vec<Finding> {
        let Some(lexicon) = &self.lexicon else {
            return Vec::new();
        };
        let mut mandated: Vec<(usize, usize, usize, usize)> = Vec::new();
        for turn in findings
            .iter()
            .filter(|f| f.score == Some(ScoreKind::Sincerity))
            .map(|f| f.turn)
        {
            if mandated.iter().any(|m| m.0 == turn) {
                continue;
            }
            if let Some(text) = analysis.texts.get(turn) {
                mandated.extend(
                    lexicon
                        .find(text)
                        .into_iter()
                        .map(|m| (turn, m.span.start, m.span.end, lexicon.entry(&m))),
                );
            }
        }
        if mandated.is_empty() {
            return Vec::new();
        }
        let mut allowed = Vec::new();
        let mut kept = Vec::with_capacity(findings.len());
        for mut f in findings.drain(..) {
            let hit = (f.score == Some(ScoreKind::Sincerity))
                .then(|| {
                    mandated
                        .iter()
                        .find(|&&(t, s, e, _)| t == f.turn && s < f.end && f.start < e)
                })
                .flatten();
            match hit {
                Some(&(_, _, _, entry)) => {
                    f.weight = 0.0;
                    f.detail = format!(
                        "{}; {ALLOWED}: mandated line \"{}\"",
                        f.detail,
                        lexicon.phrase(entry)
                    );
                    allowed.push(f);
                }
                None => kept.push(f),
            }
        }
        *findings = kept;
        allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            crate::detect::finding(&analysis, rule, 0, start..end, String::from("x"))
        };
        let notice = at("This call");
        let notice_end = at(" I understand");
        let mut findings = vec![
            mk("script-line", notice, notice_end),
            mk("canned-phrase", at("I understand"), text.len() - 1),
            mk("transfer", notice, notice_end),
        ];
        let allow = AllowList::new(&["this call [may be|is being] recorded".to_string()]);
        let allowed = allow.take_allowed(&analysis, &mut findings);
        assert_eq!(allowed.len(), 1);
        assert_eq!(allowed[0].rule, "script-line");
        assert!(allowed[0].detail.contains(ALLOWED));
        assert_eq!(
            findings.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
            ["canned-phrase", "transfer"],
            "other lines and other scores are untouched"
        );
        assert!(
            AllowList::new(&[])
                .take_allowed(&analysis, &mut findings)
                .is_empty()
        );
    }
}
