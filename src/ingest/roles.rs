//! Turning speaker labels into roles when the input does not say them plainly.

use crate::model::Role;

/// Phrases that mark a speaker as the agent when the label alone does not.
const AGENT_CUES: &[&str] = &[
    "how can i help",
    "how may i help",
    "how can i assist",
    "how may i assist",
    "thank you for calling",
    "thanks for calling",
    "thank you for contacting",
    "thanks for contacting",
    "my name is",
    "speaking",
    "what can i do for you",
];

/// Whether two speaker labels (or a label and a name) are the same: spaces around ignored,
/// any case ("Speaker 2", " speaker 2").
pub fn same_label(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Resolves a role for every speaker label of one conversation.
///
/// Labels that are known aliases ("agent", "caller", …) or equal to a given agent or
/// customer name take that role. The remaining labels (real names, "Speaker 1") are assigned
/// by what they say: the first unresolved speaker using an agent cue ("thank you for calling",
/// "how can I help") is the agent when no agent is known yet; every other one is a customer.
/// `turns` are `(label, text)` pairs in order.
pub fn resolve_roles(
    turns: &[(&str, &str)],
    agent_name: Option<&str>,
    customer_name: Option<&str>,
) -> Vec<Role> {
    let same = |a: &str, b: Option<&str>| b.is_some_and(|b| same_label(a, b));
    let mut roles: Vec<Option<Role>> = turns
        .iter()
        .map(|(label, _)| {
            Role::from_alias(label).or_else(|| {
                if same(label, agent_name) {
                    Some(Role::Agent)
                } else if same(label, customer_name) {
                    Some(Role::Customer)
                } else {
                    None
                }
            })
        })
        .collect();
    if roles.iter().all(Option::is_some) {
        return roles.into_iter().flatten().collect();
    }
    let has_agent = roles.contains(&Some(Role::Agent));
    let mut agent_label: Option<&str> = None;
    if !has_agent {
        agent_label = turns
            .iter()
            .zip(&roles)
            .filter(|(_, r)| r.is_none())
            .find(|((_, text), _)| {
                let lower = text.to_lowercase();
                AGENT_CUES.iter().any(|cue| lower.contains(cue))
            })
            .map(|((label, _), _)| *label)
            // Nobody used a cue: on a service line the first unknown voice is usually the agent's.
            .or_else(|| {
                turns
                    .iter()
                    .zip(&roles)
                    .find(|(_, r)| r.is_none())
                    .map(|((label, _), _)| *label)
            });
    }
    for ((label, _), role) in turns.iter().zip(roles.iter_mut()) {
        if role.is_none() {
            *role = Some(if Some(*label) == agent_label {
                Role::Agent
            } else {
                Role::Customer
            });
        }
    }
    roles.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_names_resolve() {
        let turns = [
            ("Dana", "Thanks for calling, this is Dana."),
            ("Ravi", "Hi, my internet is down."),
            ("CUSTOMER", "Hello?"),
        ];
        let roles = resolve_roles(&turns, None, None);
        assert_eq!(roles, vec![Role::Agent, Role::Customer, Role::Customer]);
        let roles = resolve_roles(&turns, Some("ravi"), None);
        assert_eq!(roles, vec![Role::Customer, Role::Agent, Role::Customer]);
    }

    #[test]
    fn agent_cue_wins_over_order() {
        let turns = [
            ("Sam", "hello my order is late"),
            ("Kim", "Thank you for contacting us!"),
        ];
        assert_eq!(
            resolve_roles(&turns, None, None),
            vec![Role::Customer, Role::Agent]
        );
    }
}
