//! `customer-thanks`: the customer thanks the agent. Gratitude for help received is the
//! customer's own evidence that the service landed, so each thanking turn takes points off
//! effort; a thanks that declines or gives up ("no thanks", "thanks anyway", "thanks for
//! nothing"), is sarcasm after a refusal ("Great. Thanks a lot."), or opens a complaint that
//! goes on ("Thanks, but it's still not there"), is not gratitude and counts for nothing.

use crate::analyse::Analysis;
use crate::detect::lexicons::Thanks;
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::lexicon::PhraseMatch;
use crate::model::Role;

/// One finding per customer turn after the first that thanks, on its first thanks, unless the
/// turn's thanks is hollow; "thanks to…" gives a cause, not thanks.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let lexicon = &cx.lexicons.thanks;
    let mut out = Vec::new();
    // The customer's opening turn thanks for nothing done yet ("thanks for taking my call").
    for (i, _, _) in analysis.turns_of(Role::Customer).skip(1) {
        if let Some(m) = gratitude(analysis, cx, i) {
            out.push(finding(
                analysis,
                "customer-thanks",
                i,
                m.span.clone(),
                format!("the customer thanks (\"{}\")", lexicon.said(m)),
            ));
        }
    }
    out
}

/// The first thanks of turn `i` that is gratitude for help received: none when the turn's
/// thanks declines or gives up, is sarcasm after a refusal, is undone or opens a complaint.
pub(crate) fn gratitude<'a>(
    analysis: &Analysis,
    cx: &'a Context,
    i: usize,
) -> Option<&'a PhraseMatch> {
    if cx.hits[i].thanks.is_empty()
        || crate::detect::resolution::praise_after_refusal(analysis, cx, i)
        || crate::detect::resolution::thanks_undone(analysis, cx, i)
    {
        return None;
    }
    thanks_given(analysis, cx, i)
}

/// [`gratitude`] in a turn already known to be neither sarcasm after a refusal nor thanks
/// undone (see [`crate::detect::resolution::praise_after_refusal`] and
/// [`crate::detect::resolution::thanks_undone`]).
pub(crate) fn thanks_given<'a>(
    analysis: &Analysis,
    cx: &'a Context,
    i: usize,
) -> Option<&'a PhraseMatch> {
    let lexicon = &cx.lexicons.thanks;
    let hits = &cx.hits[i].thanks;
    if hits
        .iter()
        .any(|m| matches!(lexicon.tag(m), Thanks::Hollow | Thanks::Declined))
        || crate::detect::resolution::complains_after_thanks(analysis, cx, i)
    {
        return None;
    }
    // "Thanks to your mistake…" says why, not thank you; "ta-ra" says goodbye; "thank God"
    // is relief.
    let text = &analysis.texts[i];
    hits.iter().find(|m| {
        text.word(m.tokens.end) != "to"
            && !crate::detect::resolution::is_ta_ra(text, m.tokens.start)
            && !crate::detect::resolution::is_thank_god(text, m.tokens.start)
    })
}
