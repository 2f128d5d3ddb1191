//! Empathy: the three EPITOME mechanisms (`empathy-reaction`, `empathy-interpretation`,
//! `empathy-exploration`) at weak or strong level, `generic-empathy`, `repeated-empathy` and
//! `missed-empathy`.
//!
//! A response is *strong* when it is specific: it shares content words with what the customer
//! said, or names a specific feeling or hardship. A generic line ("I understand how you feel")
//! is weak, and when nothing in it refers to the customer it is also `generic-empathy`.

use std::collections::HashMap;

use crate::analyse::text::TurnText;
use crate::analyse::{Analysis, Sentence};
use crate::detect::lexicons::{Mechanism, Tone};
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

impl Mechanism {
    /// The rule id of the mechanism.
    pub fn rule(self) -> &'static str {
        match self {
            Mechanism::Reaction => "empathy-reaction",
            Mechanism::Interpretation => "empathy-interpretation",
            Mechanism::Exploration => "empathy-exploration",
        }
    }
}

/// Whether customer turn `turn` voices distress, and the evidence span.
pub fn distress(
    analysis: &Analysis,
    cx: &Context,
    turn: usize,
) -> Option<(std::ops::Range<usize>, String)> {
    let text = &analysis.texts[turn];
    if let Some(m) = cx.hits[turn].distress.first() {
        return Some((
            m.span.clone(),
            format!(
                "distress phrase \"{}\"",
                cx.lexicons.distress.phrase(m.entry)
            ),
        ));
    }
    let sentiment = analysis.sentiment(turn)?;
    if sentiment <= cx.policy.distress_sentiment {
        let span = text.sentences.first().map_or(0..0, |s| s.start..s.end);
        return Some((
            span,
            format!("negative sentiment (VADER compound {sentiment:.2})"),
        ));
    }
    None
}

/// Content shared between the words of a sentence outside `exclude` (the stock phrases and
/// cues themselves, which say nothing about this customer) and what the customer said before
/// `turn`.
fn shared_with_customer(
    analysis: &Analysis,
    turn: usize,
    text: &TurnText,
    sentence: &Sentence,
    exclude: &[std::ops::Range<usize>],
) -> usize {
    let name_forms: &[String] = analysis.customer_name.as_ref().map_or(&[], |n| &n.forms);
    let mut words: Vec<u64> = text.tokens[sentence.tokens.clone()]
        .iter()
        .enumerate()
        .filter(|(k, t)| {
            let at = sentence.tokens.start + k;
            t.is_content()
                && !exclude.iter().any(|r| r.contains(&at))
                && !name_forms.iter().any(|f| *f == t.norm)
        })
        .map(|(_, t)| xxhash_rust::xxh3::xxh3_64(t.stem().as_bytes()))
        .collect();
    words.sort_unstable();
    words.dedup();
    analysis
        .turns_of(Role::Customer)
        .take_while(|(i, _, _)| *i < turn)
        .map(|(_, _, c)| crate::analyse::text::overlap(&words, &c.content).1)
        .max()
        .unwrap_or(0)
}

fn is_question(text: &str, sentence: &Sentence) -> bool {
    text[sentence.start..sentence.end].trim_end().ends_with('?')
}

/// Words that say nothing about which empathy line it is ("I'm *so* sorry about *that*").
fn is_filler(word: &str) -> bool {
    crate::analyse::text::is_stop_word(word)
        || matches!(
            word,
            "so" | "really"
                | "very"
                | "truly"
                | "terribly"
                | "awfully"
                | "completely"
                | "totally"
                | "fully"
                | "definitely"
                | "sincerely"
                | "deeply"
                | "oh"
                | "indeed"
                | "again"
        )
}

/// The key under which two empathy lines count as the same line: their content words, in order.
fn line_key(text: &TurnText, sentence: &Sentence) -> String {
    text.tokens[sentence.tokens.clone()]
        .iter()
        .filter(|t| !is_filler(&t.norm))
        .map(|t| t.stem())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a question is procedure (asking for data, offering a choice) rather than
/// exploration of the customer's experience.
fn is_procedural(cx: &Context, turn: usize, text: &TurnText, sentence: &Sentence) -> bool {
    let inside = |r: &std::ops::Range<usize>| {
        r.start >= sentence.tokens.start && r.start < sentence.tokens.end
    };
    let norm: String = text.tokens[sentence.tokens.clone()]
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    cx.hits[turn].info.iter().any(|m| inside(&m.tokens))
        || [
            "would you like",
            "do you want",
            "shall i",
            "should i",
            "would you prefer",
            "is that right",
            "is that correct",
        ]
        .iter()
        .any(|p| norm.contains(p))
}

/// Empathy findings of the whole conversation.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen_lines: HashMap<String, usize> = HashMap::new();
    let mut empathic_turns = vec![false; analysis.texts.len()];
    for (i, turn, text) in analysis.turns_of(Role::Agent) {
        let cues = &cx.hits[i].empathy;
        let stock: Vec<std::ops::Range<usize>> = cues
            .iter()
            .map(|m| m.tokens.clone())
            .chain(cx.hits[i].canned.iter().map(|m| m.tokens.clone()))
            .collect();
        let feelings = &cx.hits[i].feelings;
        for sentence in &text.sentences {
            let within = |r: &std::ops::Range<usize>| {
                r.start >= sentence.tokens.start && r.start < sentence.tokens.end
            };
            let question = is_question(&turn.text, sentence);
            let procedural = question && is_procedural(cx, i, text, sentence);
            let shared = shared_with_customer(analysis, i, text, sentence, &stock);
            let names_feeling = feelings
                .iter()
                .any(|m| within(&m.tokens) && !stock.iter().any(|r| r.contains(&m.tokens.start)));
            let specific = shared > 0 || names_feeling;
            let mut best: [Option<(u8, std::ops::Range<usize>, &str)>; 3] = [None, None, None];
            let mut sympathy = false;
            for m in cues.iter().filter(|m| within(&m.tokens)) {
                let (mechanism, tone) = cx.lexicons.empathy.tag(m.entry);
                if mechanism == Mechanism::Exploration && (!question || procedural) {
                    continue;
                }
                if tone == Tone::Restatement && shared == 0 {
                    continue;
                }
                sympathy |= tone == Tone::Sympathy && mechanism != Mechanism::Exploration;
                let level = if specific { 2 } else { 1 };
                let slot = &mut best[mechanism as usize];
                if slot.as_ref().is_none_or(|(l, _, _)| level > *l) {
                    *slot = Some((level, m.span.clone(), cx.lexicons.empathy.phrase(m.entry)));
                }
            }
            // A question about the customer's own words is exploration even without a cue.
            if best[Mechanism::Exploration as usize].is_none()
                && question
                && shared > 0
                && !procedural
            {
                best[Mechanism::Exploration as usize] = Some((
                    2,
                    sentence.start..sentence.end,
                    "a question about what the customer said",
                ));
            }
            let mut any = false;
            for (mechanism, slot) in [
                Mechanism::Reaction,
                Mechanism::Interpretation,
                Mechanism::Exploration,
            ]
            .into_iter()
            .zip(best)
            {
                let Some((level, span, cue)) = slot else {
                    continue;
                };
                any = true;
                let why = if level == 2 {
                    if shared > 0 {
                        format!(
                            "strong: \"{cue}\", tied to the customer's words ({shared} shared content words)"
                        )
                    } else {
                        format!("strong: \"{cue}\", naming a specific feeling or situation")
                    }
                } else {
                    format!("weak: \"{cue}\", generic")
                };
                let mut f = finding(analysis, mechanism.rule(), i, span, why);
                f.level = Some(level);
                out.push(f);
            }
            if !any {
                continue;
            }
            empathic_turns[i] = true;
            if !sympathy || question {
                continue;
            }
            if !specific {
                out.push(finding(
                    analysis,
                    "generic-empathy",
                    i,
                    sentence.start..sentence.end,
                    "empathy that refers to nothing the customer said and names no feeling".into(),
                ));
            }
            let key = line_key(text, sentence);
            if let Some(first) = seen_lines.get(&key) {
                out.push(finding(
                    analysis,
                    "repeated-empathy",
                    i,
                    sentence.start..sentence.end,
                    format!("the same empathy line was said in turn {first}"),
                ));
            } else {
                seen_lines.insert(key, i);
            }
        }
    }
    // Missed opportunities: distress followed by an agent turn with no empathy at all.
    for (i, _, _) in analysis.turns_of(Role::Customer) {
        let Some((_, evidence)) = distress(analysis, cx, i) else {
            continue;
        };
        let Some(reply) = analysis.next_of(i, Role::Agent) else {
            continue;
        };
        // Only the agent's direct answer counts: a later customer turn means the moment passed.
        if analysis
            .next_of(i, Role::Customer)
            .is_some_and(|c| c < reply)
            || empathic_turns[reply]
        {
            continue;
        }
        let text = &analysis.texts[reply];
        let span = text.sentences.first().map_or(0..0, |s| s.start..s.end);
        out.push(finding(
            analysis,
            "missed-empathy",
            reply,
            span,
            format!("the customer voiced distress in turn {i} ({evidence}); this reply does not acknowledge it"),
        ));
    }
    out
}

/// Whether the conversation offers an opportunity for empathy: a customer turn voicing distress.
pub fn opportunity(analysis: &Analysis, cx: &Context) -> bool {
    analysis
        .turns_of(Role::Customer)
        .any(|(i, _, _)| distress(analysis, cx, i).is_some())
}
