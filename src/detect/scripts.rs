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
        let Some((group, exact)) = model.lookup(
            &line.text,
            cx.policy.script_min_conversations,
            cx.policy.script_min_agents,
        ) else {
            continue;
        };
        let agents = if group.agents_exact {
            group.agents.to_string()
        } else {
            format!("about {}", group.agents)
        };
        // The quote is the line itself; a variant also names the line it varies.
        let variant = if exact {
            String::new()
        } else {
            format!(", a variant of \"{}\"", group.text)
        };
        out.push(finding(
            analysis,
            "script-line",
            line.turn,
            line.span,
            format!(
                "script line said in {} of {} conversations by {agents} agents{variant}",
                group.conversations, model.conversations,
            ),
        ));
    }
    out
}
