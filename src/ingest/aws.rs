//! Amazon Connect Contact Lens analysis output (voice and chat) and AWS Transcribe Call
//! Analytics output: both carry a `Transcript[]` of items with `Content` and a participant,
//! timed by `BeginOffsetMillis`/`EndOffsetMillis` (voice) or `AbsoluteTime` (chat).

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::ingest::json::{
    Context, Fail, get, get_str, id_of, object_at, required_array, text_field,
};
use crate::ingest::timing::{Unit, parse_datetime, value_seconds};
use crate::ingest::turns::{Assembly, Rebase, Segment, assemble, per_turn};
use crate::model::{Conversation, Role};

/// Which of the two AWS outputs is read (they differ in ids and participant fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// Amazon Connect Contact Lens: items name a `ParticipantId`; id is the contact id.
    ContactLens,
    /// AWS Transcribe Call Analytics: items carry a `ParticipantRole`; id is the job name.
    Transcribe,
}

/// The roles AWS writes, beyond the common aliases.
fn aws_role(label: &str) -> Option<Role> {
    match label.to_ascii_uppercase().as_str() {
        "AGENT" | "SUPERVISOR" => Some(Role::Agent),
        "CUSTOMER" => Some(Role::Customer),
        "SYSTEM" => Some(Role::System),
        "CUSTOM_BOT" | "BOT" | "LEX" => Some(Role::Bot),
        _ => Role::from_alias(label),
    }
}

/// Converts one Contact Lens or Transcribe Call Analytics output object.
pub fn convert(
    obj: &Map<String, Value>,
    flavor: Flavor,
    ctx: &Context,
) -> Result<Conversation, Fail> {
    let customer_meta = obj.get("CustomerMetadata").and_then(Value::as_object);
    let contact_id = customer_meta.and_then(|m| id_of(m.get("ContactId")));
    let job_name = id_of(obj.get("JobName"));
    let id = match flavor {
        Flavor::ContactLens => contact_id
            .clone()
            .or_else(|| id_of(obj.get("ContactId")))
            .or(job_name.clone()),
        Flavor::Transcribe => job_name.clone().or(contact_id.clone()),
    };
    let items = required_array(obj, "Transcript", "transcript items", &id)?;
    // Chat outputs list who is who once; items then name only the participant id.
    let participants: HashMap<String, String> = obj
        .get("Participants")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .filter_map(|p| {
                    let pid = id_of(p.get("ParticipantId"))?;
                    let role = p.get("ParticipantRole")?.as_str()?.to_string();
                    Some((pid, role))
                })
                .collect()
        })
        .unwrap_or_default();

    let mut segments = Vec::with_capacity(items.len());
    let mut sentiments = Vec::new();
    let mut has_offsets = false;
    let mut has_absolute = false;
    for (i, item) in items.iter().enumerate() {
        let path = format!("$.Transcript[{i}]");
        let item = object_at(item, &id, &path, "a transcript item")?;
        let text = text_field(item, &["Content"], &id, &path)?;
        let participant = id_of(item.get("ParticipantId"));
        let label = get_str(item, &["ParticipantRole"])
            .map(str::to_string)
            .or_else(|| {
                participant
                    .as_ref()
                    .and_then(|p| participants.get(p).cloned())
            })
            .or(participant.clone());
        let Some(label) = label else {
            // An event item (participant joined, chat ended) says nothing and needs no speaker.
            if text.trim().is_empty() {
                segments.push(Segment::new("SYSTEM", Some(Role::System), ""));
                continue;
            }
            return Err(Fail::at(
                &id,
                path,
                "item has neither `ParticipantRole` nor `ParticipantId`",
            ));
        };
        let mut seg = Segment::new(label.clone(), aws_role(&label), text);
        if let Some(begin) = get(item, &["BeginOffsetMillis"]) {
            seg.start = Some(value_seconds(begin, Unit::Millis).ok_or_else(|| {
                Fail::at(
                    &id,
                    format!("{path}.BeginOffsetMillis"),
                    "expected milliseconds",
                )
            })?);
            has_offsets = true;
        }
        if let Some(end) = get(item, &["EndOffsetMillis"]) {
            seg.end = Some(value_seconds(end, Unit::Millis).ok_or_else(|| {
                Fail::at(
                    &id,
                    format!("{path}.EndOffsetMillis"),
                    "expected milliseconds",
                )
            })?);
        }
        if seg.start.is_none()
            && let Some(abs) = get(item, &["AbsoluteTime"])
        {
            let t = abs.as_str().and_then(parse_datetime).ok_or_else(|| {
                Fail::at(
                    &id,
                    format!("{path}.AbsoluteTime"),
                    "expected an ISO 8601 date-time",
                )
            })?;
            seg.start = Some(t);
            has_absolute = true;
        }
        if let Some(s) = get(item, &["Sentiment"]) {
            sentiments.push((segments.len(), s.clone()));
        }
        segments.push(seg);
    }

    let assembled = assemble(
        segments,
        Assembly {
            merge: true,
            rebase: if has_absolute {
                Rebase::Always
            } else {
                Rebase::Never
            },
        },
        None,
        None,
    );
    if assembled.turns.is_empty() {
        return Err(Fail::at(
            &id,
            "$.Transcript",
            "no transcript item has any `Content`",
        ));
    }

    let mut metadata = Map::new();
    if let Some(cid) = &contact_id {
        metadata.insert("contact_id".into(), cid.clone().into());
    }
    if let Some(instance) = customer_meta.and_then(|m| id_of(m.get("InstanceId"))) {
        metadata.insert("instance_id".into(), instance.into());
    }
    if let Some(job) = &job_name {
        metadata.insert("job_name".into(), job.clone().into());
    }
    if let Some(lang) = get_str(obj, &["LanguageCode"]) {
        metadata.insert("language".into(), lang.into());
    }
    if let Some(matched) = obj
        .get("Categories")
        .and_then(|c| c.get("MatchedCategories"))
        .filter(|m| m.is_array())
    {
        metadata.insert("categories".into(), matched.clone());
    }
    if let Some(cc) = obj.get("ConversationCharacteristics") {
        metadata.insert("conversation_characteristics".into(), cc.clone());
    }
    if let Some(s) = per_turn(sentiments, &assembled.turn_of, "sentiment") {
        metadata.insert("vendor_sentiment".into(), s);
    }
    let channel = get_str(obj, &["Channel"])
        .map(str::to_lowercase)
        .or_else(|| {
            if has_offsets {
                Some("voice".into())
            } else if has_absolute {
                Some("chat".into())
            } else {
                None
            }
        });
    Ok(ctx.conversation(id, channel, metadata, assembled.turns))
}
