//! Who the customer is: the name given in the input, or one inferred from the conversation.

use std::sync::LazyLock;

use regex::Regex;

use crate::analyse::text::is_stop_word;
use crate::model::{Conversation, Role};

/// Where the customer's name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSource {
    /// The input's `customer_name` field.
    Given,
    /// Inferred from what was said ("my name is …", "thank you, Mr. …").
    Inferred,
}

impl NameSource {
    /// "given" or "inferred", as in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            NameSource::Given => "given",
            NameSource::Inferred => "inferred",
        }
    }
}

/// The customer's name and the lowercase forms the agent may address them by.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerName {
    /// The name as given or found.
    pub display: String,
    /// Where it came from.
    pub source: NameSource,
    /// Lowercase single-word forms to look for (first name, last name).
    pub forms: Vec<String>,
}

const TITLE: &str = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?";
const NAME: &str = r"\p{Lu}[\p{L}'\-]+";

static CUSTOMER_SELF_INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Mm]y name is|[Mm]y name's|[Tt]his is|[Ii]t's|[Nn]ame is)\s+(?:{TITLE}\s+)?({NAME}(?:\s+{NAME})?)"
    ))
    .expect("valid pattern")
});

static AGENT_ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:[Tt]hank you|[Tt]hanks|[Hh]ello|[Hh]i|[Gg]ood (?:morning|afternoon|evening)|[Ss]ure|[Oo]kay|[Aa]lright|[Gg]reat|[Pp]erfect),?\s+({TITLE}\s+{NAME}|{NAME})\b"
    ))
    .expect("valid pattern")
});

static TITLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{TITLE}\s+({NAME})")).expect("valid pattern"));

/// Capitalised words that start sentences or fill greetings and are never names.
fn is_not_a_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_stop_word(&lower)
        || matches!(
            lower.as_str(),
            "calling"
                | "speaking"
                | "sorry"
                | "here"
                | "good"
                | "great"
                | "fine"
                | "afraid"
                | "trying"
                | "looking"
                | "just"
                | "still"
                | "really"
                | "sir"
                | "madam"
                | "ma'am"
                | "everyone"
                | "there"
                | "again"
                | "today"
                | "customer"
                | "support"
                | "service"
                | "team"
                | "agent"
                | "welcome"
                | "thank"
                | "thanks"
                | "bye"
                | "goodbye"
                | "yes"
                | "no"
                | "okay"
                | "ok"
                | "perfect"
                | "wonderful"
                | "excellent"
                | "awesome"
                | "alright"
                | "hello"
                | "hi"
                | "morning"
                | "afternoon"
                | "evening"
                | "the"
                | "calling about"
                | "regarding"
                | "account"
                | "order"
                | "billing"
        )
}

fn forms_of(name: &str) -> Vec<String> {
    let mut forms: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.chars().count() >= 2 && !is_stop_word(w))
        .filter(|w| !matches!(w.as_str(), "mr" | "mrs" | "ms" | "miss" | "mx" | "dr"))
        .collect();
    forms.dedup();
    forms
}

/// The customer's name: the given one, or one inferred from the turns, avoiding the agent's
/// own name and anonymisation placeholders.
pub fn customer_name(conversation: &Conversation) -> Option<CustomerName> {
    if let Some(given) = conversation.customer_name.as_deref() {
        let forms = forms_of(given);
        if !forms.is_empty() && !given.contains('#') && !given.starts_with('[') {
            return Some(CustomerName {
                display: given.trim().to_string(),
                source: NameSource::Given,
                forms,
            });
        }
    }
    let agent_forms: Vec<String> = conversation
        .agent_name
        .as_deref()
        .map(forms_of)
        .unwrap_or_default();
    let acceptable = |candidate: &str| -> Option<String> {
        let words: Vec<&str> = candidate
            .split_whitespace()
            .take_while(|w| !is_not_a_name(w))
            .collect();
        if words.is_empty() {
            return None;
        }
        let name = words.join(" ");
        let forms = forms_of(&name);
        if forms.is_empty() || forms.iter().any(|f| agent_forms.contains(f)) {
            return None;
        }
        Some(name)
    };
    let found = |name: String| {
        Some(CustomerName {
            forms: forms_of(&name),
            display: name,
            source: NameSource::Inferred,
        })
    };
    // The customer introducing themselves is the strongest evidence.
    for turn in conversation
        .turns
        .iter()
        .filter(|t| t.role == Role::Customer)
    {
        for caps in CUSTOMER_SELF_INTRO.captures_iter(&turn.text) {
            if let Some(name) = caps.get(1).and_then(|m| acceptable(m.as_str())) {
                return found(name);
            }
        }
    }
    // Then the agent addressing them by title ("Mr. Patel") or by name after a thanks.
    for turn in conversation.turns.iter().filter(|t| t.role == Role::Agent) {
        for caps in TITLED.captures_iter(&turn.text) {
            if let Some(name) = caps.get(1).and_then(|m| acceptable(m.as_str())) {
                return found(name);
            }
        }
    }
    for turn in conversation.turns.iter().filter(|t| t.role == Role::Agent) {
        for caps in AGENT_ADDRESS.captures_iter(&turn.text) {
            if let Some(name) = caps.get(1).and_then(|m| acceptable(m.as_str())) {
                return found(name);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Turn;

    fn conv(turns: &[(Role, &str)], customer: Option<&str>, agent: Option<&str>) -> Conversation {
        Conversation {
            id: "t".into(),
            customer_name: customer.map(str::to_string),
            agent_name: agent.map(str::to_string),
            turns: turns
                .iter()
                .map(|(role, text)| Turn {
                    role: *role,
                    speaker: role.as_str().into(),
                    text: text.to_string(),
                    start: None,
                    end: None,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn given_name_wins() {
        let c = conv(
            &[(Role::Customer, "My name is Bob")],
            Some("Ravi Patel"),
            None,
        );
        let name = customer_name(&c).unwrap();
        assert_eq!(name.source, NameSource::Given);
        assert_eq!(name.forms, ["ravi", "patel"]);
    }

    #[test]
    fn inferred_from_self_introduction_not_agent_name() {
        let c = conv(
            &[
                (Role::Agent, "Thanks for calling, this is Dana speaking."),
                (
                    Role::Customer,
                    "Hi Dana, my name is Maria Lopez and my card was declined.",
                ),
            ],
            None,
            Some("Dana"),
        );
        let name = customer_name(&c).unwrap();
        assert_eq!(name.display, "Maria Lopez");
        assert_eq!(name.source, NameSource::Inferred);
    }

    #[test]
    fn inferred_from_title_and_placeholders_ignored() {
        let c = conv(
            &[(Role::Agent, "Thank you, Mr. Okafor, one moment.")],
            Some("#NAME#"),
            None,
        );
        assert_eq!(customer_name(&c).unwrap().forms, ["okafor"]);
        let c = conv(
            &[(Role::Agent, "Thank you #NAME#, one moment.")],
            None,
            None,
        );
        assert_eq!(customer_name(&c), None);
        let c = conv(&[(Role::Customer, "This is ridiculous.")], None, None);
        assert_eq!(customer_name(&c), None);
    }
}
