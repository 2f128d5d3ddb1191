//! `script-line`: agent sentences that the corpus script model marks as script — said nearly
//! verbatim in at least `script_min_conversations` conversations by at least
//! `script_min_agents` agents.

use crate::analyse::Analysis;
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::scripts::agent_lines;

/// One finding per agent sentence that is a script line; nothing without a script model.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let Some(model) = cx.scripts else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for line in agent_lines(analysis) {
        let Some((group, exact)) = model.lookup_index(
            &line.text,
            cx.policy.script_min_conversations,
            cx.policy.script_min_agents,
        ) else {
            continue;
        };
        out.push(finding(
            analysis,
            "script-line",
            line.turn,
            line.span,
            model.script_line_detail(group, exact).to_string(),
        ));
    }
    out
}
