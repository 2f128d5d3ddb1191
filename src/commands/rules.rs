//! `sincerity rules`: the rule catalogue with the weights in force.

use std::io::Write;

use crate::cli::RulesArgs;
use crate::policy::Policy;

/// Prints every rule.
pub fn run(args: RulesArgs) -> anyhow::Result<i32> {
    let policy = match &args.policy {
        Some(path) => Policy::from_file(path)?,
        None => Policy::default(),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let rules: Vec<serde_json::Value> = policy
            .effective_rules()
            .into_iter()
            .map(|(r, weight, cap, enabled)| {
                let settings: serde_json::Map<String, serde_json::Value> = policy
                    .threshold_settings(&r)
                    .into_iter()
                    .map(|(name, value)| (name.to_string(), value))
                    .collect();
                serde_json::json!({
                    "id": r.id, "score": r.score.map(|s| s.as_str()), "weight": weight, "cap": cap,
                    "enabled": enabled, "description": r.description,
                    "threshold": policy.threshold_in_force(&r), "settings": settings,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &rules)?;
        writeln!(out)?;
        return Ok(0);
    }
    for (r, weight, cap, enabled) in policy.effective_rules() {
        writeln!(
            out,
            "{}{}\n  score: {}   weight: {weight:+} per occurrence   cap: {cap} per conversation\n  detects: {}\n  fires when: {}\n",
            r.id,
            if enabled {
                ""
            } else {
                "  (disabled by policy)"
            },
            r.score.map_or("none", |s| s.as_str()),
            r.description,
            policy.threshold_in_force(&r),
        )?;
    }
    writeln!(
        out,
        "Scores: sincerity = 100 + sincerity weights; empathy = {} (an opportunity: distress, a life event at stake, or the customer repeating themselves) or {} (none) + empathy weights (weak = half, scripted or generic = x{}, said again = 0); effort = effort weights + {} per customer turn beyond {} (max {}) + {} per minute of hold (measured, or reported by the platform's events) + {} per minute in the queue (reported; max {}). All clamped to 0-100.",
        policy.empathy_base,
        policy.empathy_neutral,
        policy.scripted_empathy_factor,
        policy.effort_per_extra_turn,
        policy.effort_typical_customer_turns,
        policy.effort_length_cap,
        policy.hold_weight_per_minute,
        policy.queue_weight_per_minute,
        policy.queue_cap
    )?;
    Ok(0)
}
