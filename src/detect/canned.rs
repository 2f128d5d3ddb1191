//! `canned-phrase`: stock service lines from the built-in lexicon, in agent turns.

use crate::analyse::Analysis;
use crate::detect::{Context, finding};
use crate::findings::Finding;

/// One finding per stock line the agent says.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let lexicon = &cx.lexicons.canned;
    let mut out = Vec::new();
    for (i, _, _) in analysis.turns_of(analysis.service) {
        for m in &cx.hits[i].canned {
            out.push(finding(
                analysis,
                "canned-phrase",
                i,
                m.span.clone(),
                format!(
                    "{}: matches the stock line \"{}\"",
                    lexicon.tag(m).as_str(),
                    lexicon.said(m)
                ),
            ));
        }
    }
    out
}
