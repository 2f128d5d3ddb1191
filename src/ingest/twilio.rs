//! Twilio Voice Intelligence (Conversational Intelligence) transcripts: the Sentences list
//! (`sentences[]` with `media_channel`, `transcript`, `start_time`, `end_time`), optionally
//! with the Transcript resource's `channel.participants[]` saying whose channel is whose.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::ingest::json::{Context, Fail, get, get_str, id_of, kind, object_at, text_field};
use crate::ingest::timing::{Unit, value_seconds};
use crate::ingest::turns::{Assembly, Rebase, Segment, assemble};
use crate::model::{Conversation, Role};

/// Twilio's documented default for dual-channel recordings: channel 1 is the agent,
/// channel 2 the customer.
pub const DEFAULT_AGENT_CHANNEL: u32 = 1;

/// Whether a JSON array is a bare list of sentences (rather than of conversations).
pub fn is_sentence_list(items: &[Value]) -> bool {
    items.first().is_some_and(|s| {
        (s.get("media_channel").is_some() || s.get("mediaChannel").is_some())
            && s.get("transcript").is_some()
    })
}

fn participant_role(label: &str) -> Option<Role> {
    match label.to_ascii_uppercase().as_str() {
        "AGENT" | "HUMAN_AGENT" => Some(Role::Agent),
        "AI_AGENT" | "VIRTUAL_AGENT" => Some(Role::Bot),
        "CUSTOMER" => Some(Role::Customer),
        _ => Role::from_alias(label),
    }
}

/// Who speaks on one audio channel.
struct Voice {
    label: String,
    role: Role,
    name: Option<String>,
}

/// Converts a Twilio object holding `sentences[]`.
pub fn convert(obj: &Map<String, Value>, ctx: &Context) -> Result<Conversation, Fail> {
    let transcript = obj.get("transcript").and_then(Value::as_object);
    let id = id_of(obj.get("sid"))
        .or_else(|| id_of(obj.get("transcript_sid")))
        .or_else(|| id_of(obj.get("transcriptSid")))
        .or_else(|| transcript.and_then(|t| id_of(t.get("sid"))));
    let Some(sentences) = obj.get("sentences") else {
        return Err(Fail::at(&id, "$", "missing `sentences`"));
    };
    let channel = obj
        .get("channel")
        .or_else(|| transcript.and_then(|t| t.get("channel")));
    let mut conv = convert_sentences_with(sentences, channel, ctx, id.clone(), "$.sentences")?;
    let mut metadata = Map::new();
    let resource = transcript.unwrap_or(obj);
    for (key, name) in [
        ("language_code", "language"),
        ("languageCode", "language"),
        ("media_start_time", "media_start_time"),
        ("mediaStartTime", "media_start_time"),
        ("service_sid", "service_sid"),
        ("serviceSid", "service_sid"),
    ] {
        if let Some(v) = get_str(resource, &[key]) {
            metadata.insert(name.into(), v.into());
        }
    }
    metadata.append(&mut conv.metadata);
    conv.metadata = metadata;
    Ok(conv)
}

/// Converts a bare sentence list (or `sentences` value) with an optional channel object.
pub fn convert_sentences(
    sentences: &Value,
    channel: Option<&Value>,
    ctx: &Context,
) -> Result<Conversation, Fail> {
    convert_sentences_with(sentences, channel, ctx, None, "$")
}

fn convert_sentences_with(
    sentences: &Value,
    channel: Option<&Value>,
    ctx: &Context,
    id: Option<String>,
    path_prefix: &str,
) -> Result<Conversation, Fail> {
    let items = match sentences {
        Value::Array(items) => items,
        other => {
            return Err(Fail::at(
                &id,
                path_prefix,
                format!("expected an array of sentences, found {}", kind(other)),
            ));
        }
    };
    let voices = voices(channel, ctx.options.twilio_agent_channel, &id)?;
    let mut segments = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("{path_prefix}[{i}]");
        let s = object_at(item, &id, &path, "a sentence")?;
        let text = text_field(s, &["transcript"], &id, &path)?;
        let media_channel = match get(s, &["media_channel", "mediaChannel"]) {
            Some(Value::Number(n)) => n.as_u64(),
            Some(Value::String(n)) => n.trim().parse::<u64>().ok(),
            _ => None,
        };
        let Some(media_channel) = media_channel.and_then(|c| u32::try_from(c).ok()) else {
            return Err(Fail::at(
                &id,
                format!("{path}.media_channel"),
                "missing or invalid `media_channel`",
            ));
        };
        let voice = voice_of(&voices, media_channel, ctx.options.twilio_agent_channel);
        let mut seg = Segment::new(voice.label.clone(), Some(voice.role), text);
        for (keys, slot) in [
            (["start_time", "startTime"], &mut seg.start),
            (["end_time", "endTime"], &mut seg.end),
        ] {
            if let Some(v) = get(s, &keys) {
                *slot = Some(value_seconds(v, Unit::Seconds).ok_or_else(|| {
                    Fail::at(&id, format!("{path}.{}", keys[0]), "expected seconds")
                })?);
            }
        }
        segments.push(seg);
    }
    let assembled = assemble(
        segments,
        Assembly {
            merge: true,
            rebase: Rebase::Never,
        },
        None,
        None,
    );
    if assembled.turns.is_empty() {
        return Err(Fail::at(&id, path_prefix, "no sentence has any text"));
    }
    let name_for = |role: Role| {
        voices
            .values()
            .filter(|v| v.role == role)
            .find_map(|v| v.name.clone())
    };
    Ok(Conversation {
        id: id.unwrap_or_else(|| ctx.default_id.to_string()),
        channel: Some("voice".into()),
        agent_name: name_for(Role::Agent),
        customer_name: name_for(Role::Customer),
        metadata: Map::new(),
        turns: assembled.turns,
    })
}

/// Channel number → voice, from `channel.participants[]` when given.
fn voices(
    channel: Option<&Value>,
    agent_channel: Option<u32>,
    id: &Option<String>,
) -> Result<HashMap<u32, Voice>, Fail> {
    let mut map = HashMap::new();
    let Some(participants) = channel
        .and_then(|c| c.get("participants"))
        .and_then(Value::as_array)
    else {
        return Ok(map);
    };
    for (i, p) in participants.iter().enumerate() {
        let path = format!("$.channel.participants[{i}]");
        let Some(p) = p.as_object() else {
            return Err(Fail::at(id, path, "expected a participant object"));
        };
        let number = match get(p, &["channel_participant", "channelParticipant"]) {
            Some(Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        };
        let Some(number) = number else {
            return Err(Fail::at(
                id,
                format!("{path}.channel_participant"),
                "missing or invalid `channel_participant`",
            ));
        };
        let stated = get_str(p, &["role", "type"]);
        let role = stated.and_then(participant_role).unwrap_or(
            if Some(number) == agent_channel.or(Some(DEFAULT_AGENT_CHANNEL)) {
                Role::Agent
            } else {
                Role::Customer
            },
        );
        let name = get_str(p, &["full_name", "fullName"])
            .filter(|n| !n.trim().is_empty())
            .map(str::to_string);
        let label = name
            .clone()
            .or_else(|| stated.map(str::to_string))
            .unwrap_or_else(|| role.as_str().to_string());
        map.insert(number, Voice { label, role, name });
    }
    Ok(map)
}

fn voice_of(voices: &HashMap<u32, Voice>, channel: u32, agent_channel: Option<u32>) -> Voice {
    if let Some(v) = voices.get(&channel) {
        return Voice {
            label: v.label.clone(),
            role: v.role,
            name: v.name.clone(),
        };
    }
    let role = if channel == agent_channel.unwrap_or(DEFAULT_AGENT_CHANNEL) {
        Role::Agent
    } else {
        Role::Customer
    };
    Voice {
        label: role.as_str().to_string(),
        role,
        name: None,
    }
}
