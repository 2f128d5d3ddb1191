//! Google CCAI Insights conversations, in both shapes Insights speaks: the upload format
//! (`entries[]` with `text`, `role`, `user_id`, `start_timestamp_usec`) and the API's
//! Conversation resource (`transcript.transcriptSegments[]` with `segmentParticipant`,
//! word offsets or `messageTime`).

use serde_json::{Map, Value};

use crate::ingest::json::{
    Context, Fail, get, get_str, id_of, kind, object_at, required_array, text_field,
};
use crate::ingest::timing::{Unit, parse_datetime, value_seconds};
use crate::ingest::turns::{Assembly, Rebase, Segment, assemble, per_turn};
use crate::model::{Conversation, Role};

/// The roles Insights and Dialogflow write.
fn ccai_role(label: &str) -> Option<Role> {
    match label.to_ascii_uppercase().as_str() {
        "AGENT" | "HUMAN_AGENT" | "ANY_AGENT" => Some(Role::Agent),
        "AUTOMATED_AGENT" => Some(Role::Bot),
        "CUSTOMER" | "END_USER" => Some(Role::Customer),
        _ => Role::from_alias(label),
    }
}

/// Converts one CCAI Insights conversation object.
pub fn convert(obj: &Map<String, Value>, ctx: &Context) -> Result<Conversation, Fail> {
    let name = get_str(obj, &["name"]).filter(|n| !n.trim().is_empty());
    // Resource names end in the conversation id: projects/p/locations/l/conversations/ID.
    let id = name
        .and_then(|n| n.rsplit('/').find(|s| !s.is_empty()))
        .map(str::to_string)
        .or_else(|| id_of(obj.get("conversation_id")));
    let mut metadata = Map::new();
    if let Some(n) = name {
        metadata.insert("name".into(), n.into());
    }
    let (segments, sentiments, rebase) = if obj.contains_key("entries") {
        entries(obj, &id, &mut metadata)?
    } else {
        segments(obj, &id)?
    };
    let assembled = assemble(
        segments,
        Assembly {
            merge: true,
            rebase,
        },
        None,
        None,
    );
    if assembled.turns.is_empty() {
        return Err(Fail::at(&id, "$", "no entry has any text"));
    }
    if let Some(agent) = id_of(obj.get("agentId")) {
        metadata.insert("agent_id".into(), agent.into());
    }
    if let Some(lang) = get_str(obj, &["languageCode", "language_code"]) {
        metadata.insert("language".into(), lang.into());
    }
    if let Some(labels) = obj.get("labels").filter(|l| l.is_object()) {
        metadata.insert("labels".into(), labels.clone());
    }
    if let Some(start) = get_str(obj, &["startTime"]) {
        metadata.insert("start_time".into(), start.into());
    }
    if let Some(s) = per_turn(sentiments, &assembled.turn_of, "sentiment") {
        metadata.insert("vendor_sentiment".into(), s);
    }
    let channel = match get_str(obj, &["medium"]) {
        Some("PHONE_CALL") => Some("voice".to_string()),
        Some("CHAT") => Some("chat".to_string()),
        Some(other) if !other.is_empty() && other != "MEDIUM_UNSPECIFIED" => {
            Some(other.to_lowercase())
        }
        _ => None,
    };
    Ok(ctx.conversation(id, channel, metadata, assembled.turns))
}

type Pieces = (Vec<Segment>, Vec<(usize, Value)>, Rebase);

/// The upload format: `entries[]`, times in microseconds since the epoch.
fn entries(
    obj: &Map<String, Value>,
    id: &Option<String>,
    metadata: &mut Map<String, Value>,
) -> Result<Pieces, Fail> {
    let items = required_array(obj, "entries", "entries", id)?;
    let mut segments = Vec::with_capacity(items.len());
    let mut users: Vec<Value> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("$.entries[{i}]");
        let item = object_at(item, id, &path, "an entry")?;
        let text = text_field(item, &["text"], id, &path)?;
        let Some(role) = get_str(item, &["role"]) else {
            return Err(Fail::at(id, format!("{path}.role"), "missing `role`"));
        };
        let mut seg = Segment::new(role, ccai_role(role), text);
        if let Some(t) = get(item, &["start_timestamp_usec"]) {
            seg.start = Some(value_seconds(t, Unit::Micros).ok_or_else(|| {
                Fail::at(
                    id,
                    format!("{path}.start_timestamp_usec"),
                    "expected microseconds since the epoch",
                )
            })?);
        }
        if let Some(user) = item.get("user_id") {
            let entry = serde_json::json!({"user_id": user, "role": role});
            if !users.contains(&entry) {
                users.push(entry);
            }
        }
        segments.push(seg);
    }
    if !users.is_empty() {
        metadata.insert("participants".into(), Value::Array(users));
    }
    if let Some(cats) = obj
        .get("conversation_info")
        .and_then(|c| c.get("categories"))
        .and_then(Value::as_array)
    {
        let names: Vec<Value> = cats
            .iter()
            .filter_map(|c| c.get("display_name").cloned())
            .collect();
        if !names.is_empty() {
            metadata.insert("categories".into(), Value::Array(names));
        }
    }
    // The documented unit is microseconds since the epoch; count from the first entry.
    Ok((segments, Vec::new(), Rebase::Always))
}

/// The API's Conversation resource: `transcript.transcriptSegments[]`.
fn segments(obj: &Map<String, Value>, id: &Option<String>) -> Result<Pieces, Fail> {
    let items = match obj
        .get("transcript")
        .and_then(|t| t.get("transcriptSegments"))
    {
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(Fail::at(
                id,
                "$.transcript.transcriptSegments",
                format!("expected an array of segments, found {}", kind(other)),
            ));
        }
        None => {
            return Err(Fail::at(
                id,
                "$",
                "missing `entries` or `transcript.transcriptSegments`",
            ));
        }
    };
    // Voice calls without participant roles say which audio channel is whose.
    let call = obj.get("callMetadata");
    let channel_of = |key: &str| call.and_then(|c| c.get(key)).and_then(Value::as_i64);
    let (agent_channel, customer_channel) =
        (channel_of("agentChannel"), channel_of("customerChannel"));
    let mut segments = Vec::with_capacity(items.len());
    let mut sentiments = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("$.transcript.transcriptSegments[{i}]");
        let item = object_at(item, id, &path, "a segment")?;
        let text = text_field(item, &["text"], id, &path)?;
        let participant = item.get("segmentParticipant");
        let stated = participant
            .and_then(|p| p.get("role"))
            .and_then(Value::as_str)
            .filter(|r| *r != "ROLE_UNSPECIFIED");
        let tag = item.get("channelTag").and_then(Value::as_i64);
        let (label, role) = match (stated, tag) {
            (Some(r), _) => (r.to_string(), ccai_role(r)),
            (None, Some(t)) if Some(t) == agent_channel => {
                (format!("channel {t}"), Some(Role::Agent))
            }
            (None, Some(t)) if Some(t) == customer_channel => {
                (format!("channel {t}"), Some(Role::Customer))
            }
            (None, Some(t)) => (format!("channel {t}"), None),
            (None, None) => ("unknown".to_string(), None),
        };
        let mut seg = Segment::new(label, role, text);
        let words = item.get("words").and_then(Value::as_array);
        let first_word = words.and_then(|w| w.first());
        let last_word = words.and_then(|w| w.last());
        seg.start = first_word
            .and_then(|w| w.get("startOffset"))
            .and_then(|v| value_seconds(v, Unit::Seconds));
        seg.end = last_word
            .and_then(|w| w.get("endOffset"))
            .and_then(|v| value_seconds(v, Unit::Seconds));
        if seg.start.is_none()
            && let Some(t) = item.get("messageTime")
        {
            seg.start = Some(t.as_str().and_then(parse_datetime).ok_or_else(|| {
                Fail::at(
                    id,
                    format!("{path}.messageTime"),
                    "expected an RFC 3339 date-time",
                )
            })?);
        }
        if let Some(score) = item.get("sentiment").and_then(|s| s.get("score")) {
            sentiments.push((segments.len(), score.clone()));
        }
        segments.push(seg);
    }
    Ok((segments, sentiments, Rebase::IfAbsolute))
}
