//! `self-service-push`: the agent keeps pointing the customer to the app or the website after
//! the customer has said they do not use them ("I don't do the online, love, I haven't got a
//! computer" — "you can also use our mobile app"). Each push sends the customer away to a
//! channel they have said they cannot use, or makes them refuse it again.

use crate::analyse::{Analysis, Sentence, TurnText};
use crate::detect::lexicons::Digital;
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::lexicon::PhraseMatch;
use crate::model::Role;

/// One finding per agent turn that points the customer to a self-service channel after the
/// customer said they do not use the digital channels.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let lexicon = &cx.lexicons.digital;
    let Some((said_at, said)) = analysis.turns_of(Role::Customer).find_map(|(i, _, _)| {
        cx.hits[i]
            .digital
            .iter()
            .find(|m| lexicon.tag(m) == Digital::Unable)
            .map(|m| (i, lexicon.said(m)))
    }) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, _, text) in analysis.turns_of(analysis.service) {
        if i <= said_at {
            continue;
        }
        let pushed = cx.hits[i]
            .digital
            .iter()
            .filter(|m| lexicon.tag(m) == Digital::Channel)
            .find_map(|m| pointed_to(text, m));
        if let Some(sentence) = pushed {
            out.push(finding(
                analysis,
                "self-service-push",
                i,
                sentence.start..sentence.end,
                format!(
                    "the agent points the customer to a self-service channel after they said \
                     they do not use it (turn {said_at}: \"{said}\")"
                ),
            ));
        }
    }
    out
}

/// The sentence in which the channel `m` is held out for the customer to use ("just use the
/// app", "you can cancel them in online banking", "it's much quicker to do it online", "it's
/// all through the app"), unless it is denied there ("since you don't use the app, I'll post
/// it", "rather than online").
fn pointed_to<'t>(text: &'t TurnText, m: &PhraseMatch) -> Option<&'t Sentence> {
    let sentence = text.sentences.get(text.sentence_of(m.tokens.start)?)?;
    let denied = (m.tokens.start.saturating_sub(3)..m.tokens.start).any(|k| {
        matches!(
            text.word(k),
            "not"
                | "don't"
                | "dont"
                | "no"
                | "without"
                | "never"
                | "instead"
                | "rather"
                | "can't"
                | "cannot"
                | "won't"
                | "didn't"
        )
    });
    let words = || sentence.tokens.clone().map(|k| text.word(k));
    // Held out to the customer ("you can…", "your…"), or pressed on them ("just use the app",
    // "it's all through the app", "we do need the form completed online") — but not the
    // agent's own errand ("I'll just check that online").
    let to_the_customer = || {
        sentence.tokens.clone().any(|k| {
            matches!(
                text.word(k),
                "you" | "your" | "you'll" | "you've" | "you're" | "you'd" | "yourself"
            ) && !matches!(
                k.checked_sub(1).map_or("", |p| text.word(p)),
                "for" | "to" | "with" | "thank"
            )
        })
    };
    let pressed = || {
        words().any(|w| {
            matches!(
                w,
                "use"
                    | "download"
                    | "just"
                    | "simply"
                    | "easiest"
                    | "easier"
                    | "quickest"
                    | "quicker"
                    | "best"
                    | "recommend"
                    | "all"
                    | "need"
                    | "must"
                    | "only"
            )
        }) && !words().any(|w| matches!(w, "i" | "i'll" | "i'm" | "i've" | "let"))
    };
    let held_out = to_the_customer() || pressed();
    (held_out && !denied).then_some(sentence)
}
