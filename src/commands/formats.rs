//! `sincerity formats`: the input formats, each with a one-line description and a short
//! example.

use std::io::Write;

use crate::ingest::Format;

/// A short example of each format, as it would appear in a file.
fn example(format: Format) -> &'static str {
    match format {
        Format::Auto => {
            "sincerity convert exports/ -o all.jsonl   # .jsonl .ndjson .json .csv .tsv .txt .vtt .srt, and .gz"
        }
        Format::Jsonl => {
            r#"{"id":"c-1","agent_name":"Dana","turns":[{"speaker":"agent","text":"Thanks for calling.","start":0.0,"end":1.9},{"speaker":"customer","text":"Hi, my bill is wrong."}]}"#
        }
        Format::Json => {
            r#"[{"id":"c-1","turns":[…]}, {"Transcript":[…],"CustomerMetadata":{…}}]   or {"conversations":[…]}"#
        }
        Format::Csv => {
            "call_id,speaker,start_time,text\nc-1,Agent,0.0,Thanks for calling.\nc-1,Customer,2.4,\"Hi, my bill is wrong.\""
        }
        Format::Text => {
            "### c-1\n[00:00:00] Agent: Thanks for calling.\n[00:00:02] Customer: Hi, my bill is wrong.\n   It doubled this month."
        }
        Format::Vtt => "WEBVTT\n\n00:00:00.000 --> 00:00:01.900\n<v Dana>Thanks for calling.</v>",
        Format::Srt => "1\n00:00:00,000 --> 00:00:01,900\nDana: Thanks for calling.",
        Format::ContactLens => {
            r#"{"CustomerMetadata":{"ContactId":"…"},"Participants":[…],"Transcript":[{"ParticipantId":"AGENT","Content":"Thanks for calling.","BeginOffsetMillis":0,"EndOffsetMillis":1900,"Sentiment":"NEUTRAL"}]}"#
        }
        Format::Transcribe => {
            r#"{"JobName":"call-1","Transcript":[{"ParticipantRole":"AGENT","Content":"Thanks for calling.","BeginOffsetMillis":0,"EndOffsetMillis":1900}]}"#
        }
        Format::TranscribeJob => {
            r#"{"jobName":"call-1","results":{"audio_segments":[{"speaker_label":"spk_0","transcript":"Thanks for calling.","start_time":"0.0","end_time":"1.9"}],"items":[…]}}"#
        }
        Format::Ccai => {
            r#"{"entries":[{"text":"Thanks for calling.","role":"AGENT","user_id":2,"start_timestamp_usec":1700000000000000}]}"#
        }
        Format::Genesys => {
            r#"{"conversationId":"…","transcripts":[{"phrases":[{"text":"thanks for calling","participantPurpose":"internal","startTimeMs":1700000000000,"duration":{"milliseconds":1900}}]}]}"#
        }
        Format::Azure => {
            r#"{"source":"…/0042.wav","recognizedPhrases":[{"recognitionStatus":"Success","speaker":1,"offsetInTicks":0,"durationInTicks":19000000,"nBest":[{"display":"Thanks for calling."}]}]}"#
        }
        Format::Twilio => {
            r#"{"sid":"GT…","channel":{"participants":[{"channel_participant":1,"role":"Agent"}]},"sentences":[{"media_channel":1,"transcript":"Thanks for calling.","start_time":"0.0","end_time":"1.9"}]}"#
        }
    }
}

/// Writes the list of formats: name, description, and an indented example.
pub fn run(out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "Input formats (--format NAME; `auto` detects each input). Details: docs/formats.md\n"
    )?;
    for format in Format::ALL {
        writeln!(out, "{:<15} {}", format.name(), format.description())?;
        for line in example(format).lines() {
            if line.is_empty() {
                writeln!(out)?;
            } else {
                writeln!(out, "{:<15}   {line}", "")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
