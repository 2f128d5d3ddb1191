//! The conversation model every reader produces and every detector reads.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Who speaks a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A human agent (representative, advisor, …).
    Agent,
    /// The customer (caller, user, end user, …).
    Customer,
    /// An automated agent: IVR, chatbot, virtual assistant.
    Bot,
    /// Platform messages: "Agent joined", hold music notices, disclosures played by the system.
    System,
}

impl Role {
    /// Who serves the customer in a conversation whose turns have `roles`: the agent, or the
    /// bot when no agent took part (its canned apologies are the service's voice there).
    pub fn serving(roles: impl IntoIterator<Item = Role>) -> Role {
        let (mut agent, mut bot) = (false, false);
        for role in roles {
            agent |= role == Role::Agent;
            bot |= role == Role::Bot;
        }
        if !agent && bot {
            Role::Bot
        } else {
            Role::Agent
        }
    }

    /// Maps a speaker label to a role, if the label is one of the well-known aliases
    /// (case-insensitive, ignoring spaces, dashes and underscores).
    pub fn from_alias(label: &str) -> Option<Role> {
        // Most exports already write the key ("agent", "customer"): no need to build it.
        if label
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return Role::from_key(label);
        }
        // Short ASCII labels ("AGENT", "Customer"): the key is built on the stack.
        if label.is_ascii() && label.len() <= 32 {
            let mut key = [0u8; 32];
            let mut len = 0;
            for b in label.bytes().filter(u8::is_ascii_alphanumeric) {
                key[len] = b.to_ascii_lowercase();
                len += 1;
            }
            return std::str::from_utf8(&key[..len])
                .ok()
                .and_then(Role::from_key);
        }
        let key: String = label
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        Role::from_key(&key)
    }

    /// The role of a lowercase alphanumeric alias key.
    fn from_key(key: &str) -> Option<Role> {
        let role = match key {
            "agent" | "rep" | "representative" | "advisor" | "adviser" | "csr" | "operator"
            | "support" | "supportagent" | "associate" | "specialist" | "staff" | "employee"
            | "internal" | "humanagent" | "liveagent" | "a" | "assistantagent" | "host"
            | "responder" | "systemagent" | "consultant" | "teller" | "technician" | "tech" => {
                Role::Agent
            }
            "customer" | "caller" | "user" | "client" | "enduser" | "consumer" | "visitor"
            | "guest" | "external" | "member" | "patient" | "seeker" | "c" | "cust" | "contact"
            | "subscriber" | "buyer" | "passenger" => Role::Customer,
            "bot" | "ivr" | "virtualagent" | "automatedagent" | "chatbot" | "assistant"
            | "virtualassistant" | "acdivr" | "acd" | "automated" | "va" => Role::Bot,
            "system" | "sys" | "platform" | "notice" | "workflow" | "systemmessage"
            | "systemnotification" | "systemevent" | "notification" | "event" | "announcement"
            | "automatedmessage" | "statusmessage" => Role::System,
            _ => return None,
        };
        Some(role)
    }

    /// The lowercase name used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Customer => "customer",
            Role::Bot => "bot",
            Role::System => "system",
        }
    }
}

/// One turn of a conversation: a contiguous stretch of one speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// The role the speaker plays.
    pub role: Role,
    /// The speaker label as it appeared in the input ("agent", "Dana", "CUSTOMER", …).
    pub speaker: String,
    /// What was said or typed.
    pub text: String,
    /// Start, in seconds from the start of the conversation, when the input has timings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<f64>,
    /// End, in seconds from the start of the conversation, when the input has timings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<f64>,
}

/// A whole conversation (one call or one chat), as every reader produces it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Conversation {
    /// Identifier; readers default it to `file:line` when the input has none.
    pub id: String,
    /// "voice", "chat", "email", … when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The agent's name, when the input gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_name: Option<String>,
    /// The customer's name, when the input gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_name: Option<String>,
    /// Everything else the input carried about the conversation, passed through untouched.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub metadata: Map<String, Value>,
    /// The turns, in order.
    pub turns: Vec<Turn>,
}

/// Where a record came from, so that every result and every error can be traced back.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Source {
    /// The input file ("-" for standard input).
    pub file: String,
    /// 1-based line of the record in the file, for line-oriented formats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// A finer place inside the file when lines do not say it: a JSON path, a cue number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

impl Source {
    /// A source at a line of a file.
    pub fn at_line(file: &str, line: u64) -> Source {
        Source {
            file: file.to_string(),
            line: Some(line),
            place: None,
        }
    }

    /// `file:line` (or `file:place`), the default id of a record that has none.
    pub fn label(&self) -> String {
        match (&self.line, &self.place) {
            (Some(line), _) => format!("{}:{}", self.file, line),
            (None, Some(place)) => format!("{}:{}", self.file, place),
            (None, None) => self.file.clone(),
        }
    }
}

/// One record read from an input: a conversation, or what is wrong with the bytes that
/// should have been one. Readers never drop a record: each yields exactly one of these.
#[derive(Debug, Clone)]
pub struct Record {
    /// Where the record came from.
    pub source: Source,
    /// The conversation, or a message saying what is wrong.
    pub conversation: Result<Conversation, RecordError>,
}

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// The record's id when it could be recovered from the broken input.
    pub id: Option<String>,
    /// What is wrong, for a person to read.
    pub message: String,
}

impl RecordError {
    /// An error with no recoverable id.
    pub fn new(message: impl Into<String>) -> RecordError {
        RecordError {
            id: None,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Role;

    #[test]
    fn aliases_resolve_whatever_their_case_and_separators() {
        for (label, role) in [
            ("agent", Some(Role::Agent)),
            ("AGENT", Some(Role::Agent)),
            ("Live Agent", Some(Role::Agent)),
            ("End-User", Some(Role::Customer)),
            ("Virtual_Assistant", Some(Role::Bot)),
            ("SYSTEM_AGENT", Some(Role::Agent)),
            // Chat platforms' labels for their own notices ("… joined the chat").
            ("System Message", Some(Role::System)),
            ("system_notification", Some(Role::System)),
            ("Automated Message", Some(Role::System)),
            ("event", Some(Role::System)),
            ("ＡＧＥＮＴ", None),
            ("Speaker 1", None),
            ("A Very Long Speaker Label Of Forty Chars", None),
            ("", None),
        ] {
            assert_eq!(Role::from_alias(label), role, "{label:?}");
        }
    }
}
