//! A synthetic corpus with a known script, shared by the script-model tests.

#![allow(dead_code)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::json;

/// Agents: (id, name).
pub const AGENTS: &[(&str, &str)] = &[
    ("A1", "Dana"),
    ("A2", "Lee"),
    ("A3", "Priya"),
    ("A4", "Omar"),
    ("A5", "Kim"),
];

/// The greeting every conversation opens with (two variants, the agent's name in it).
pub const GREETINGS: &[&str] = &[
    "Thank you for calling Acme, my name is {agent}, how can I help you today?",
    "Thank you for calling Acme, my name is {agent}, how may I help you today?",
];
/// The mandated notice every conversation carries.
pub const NOTICE: &str = "This call may be recorded for quality and training purposes.";
/// A scripted check said by every agent in about half of the conversations, with an amount.
pub const CHECK: &str = "I can see a charge of ${amount} on order AB-{order} from {day}.";
/// The scripted closing, said in conversations whose index is a multiple of 3.
pub const CLOSING: &str = "Is there anything else I can help you with today, {customer}?";

const CUSTOMERS: &[&str] = &["Ravi Patel", "Maria Lopez", "Aiko Tanaka", "Nora Quinn"];
const WORDS: &[&str] = &[
    "router",
    "bill",
    "refund",
    "modem",
    "engineer",
    "visit",
    "cable",
    "signal",
    "app",
    "password",
    "parcel",
    "courier",
    "invoice",
    "tariff",
    "upgrade",
    "speed",
    "line",
    "fault",
    "credit",
    "replacement",
];
const DAYS: &[&str] = &["Monday", "March 3rd", "May 5", "Friday"];

/// The facts a test checks against.
#[derive(Debug, Default, Clone)]
pub struct Truth {
    /// Conversations that say the check line.
    pub check: u64,
    /// Conversations that say the closing.
    pub closing: u64,
}

/// `count` conversations as JSON Lines (no trailing newline missing), and what they say.
pub fn corpus(count: usize, seed: u64) -> (String, Truth) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = String::new();
    let mut truth = Truth::default();
    // Rare lines: each said in a handful of conversations, or once.
    let pool: Vec<String> = (0..count.max(1))
        .map(|_| {
            let words: Vec<&str> = (0..rng.random_range(6..9))
                .map(|_| WORDS[rng.random_range(0..WORDS.len())])
                .collect();
            format!("Note that {}.", words.join(" "))
        })
        .collect();
    for i in 0..count {
        let (agent_id, agent) = AGENTS[rng.random_range(0..AGENTS.len())];
        let customer = CUSTOMERS[rng.random_range(0..CUSTOMERS.len())];
        let first = customer.split(' ').next().unwrap_or(customer);
        let greeting = GREETINGS[rng.random_range(0..GREETINGS.len())].replace("{agent}", agent);
        let mut turns = vec![
            json!({"speaker": "agent", "text": format!("{greeting} {NOTICE}")}),
            json!({"speaker": "customer", "text": "Hi, my internet keeps dropping and I am fed up."}),
        ];
        // Free talk: sentences of random words, unique to the conversation.
        for _ in 0..rng.random_range(1..4) {
            let words: Vec<&str> = (0..rng.random_range(5..9))
                .map(|_| WORDS[rng.random_range(0..WORDS.len())])
                .collect();
            turns.push(json!({"speaker": "agent", "text": format!("So the {}.", words.join(" "))}));
            turns.push(json!({"speaker": "customer", "text": "Okay."}));
        }
        if rng.random_bool(0.7) {
            let rare = &pool[rng.random_range(0..pool.len())];
            turns.push(json!({"speaker": "agent", "text": rare}));
            turns.push(json!({"speaker": "customer", "text": "Fine."}));
        }
        if rng.random_bool(0.5) {
            truth.check += 1;
            let line = CHECK
                .replace(
                    "{amount}",
                    &format!(
                        "{}.{:02}",
                        rng.random_range(5..200),
                        rng.random_range(0..100)
                    ),
                )
                .replace("{order}", &rng.random_range(1000..99999).to_string())
                .replace("{day}", DAYS[rng.random_range(0..DAYS.len())]);
            turns.push(json!({"speaker": "agent", "text": line}));
            turns.push(
                json!({"speaker": "customer", "text": "That is wrong, I never ordered that."}),
            );
        }
        if i % 3 == 0 {
            truth.closing += 1;
            turns.push(json!({"speaker": "agent", "text": CLOSING.replace("{customer}", first)}));
        } else {
            turns.push(json!({"speaker": "agent", "text": "Right, that is sorted then."}));
        }
        let record = json!({
            "id": format!("c-{i:04}"),
            "agent_name": agent,
            "customer_name": customer,
            "metadata": {"agent_id": agent_id, "team": if i % 2 == 0 { "billing" } else { "tech" }},
            "turns": turns,
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    (out, truth)
}

/// Splits JSON Lines into `parts` consecutive shards of uneven sizes.
pub fn shards(jsonl: &str, parts: usize) -> Vec<String> {
    let lines: Vec<&str> = jsonl.lines().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for p in 0..parts {
        // Shard p gets a share proportional to p + 1, so sizes differ.
        let total: usize = (1..=parts).sum();
        let end = if p + 1 == parts {
            lines.len()
        } else {
            (start + lines.len() * (p + 1) / total).min(lines.len())
        };
        let mut shard = lines[start..end].join("\n");
        if !shard.is_empty() {
            shard.push('\n');
        }
        out.push(shard);
        start = end;
    }
    out
}
