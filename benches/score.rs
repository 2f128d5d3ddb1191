//! Criterion benchmark: scoring one conversation (analysis, every detector, scores) whose lines
//! are all new or all seen before, and rendering it as JSON.

use criterion::{Criterion, criterion_group, criterion_main};
use sincerity::engine::Engine;
use sincerity::ingest::jsonl::parse_conversation;
use sincerity::model::Source;
use sincerity::policy::Policy;

const CALL: &str = r#"{"id":"bench","channel":"voice","customer_name":"Ravi Patel","metadata":{"agent_id":"A17"},"turns":[{"speaker":"agent","text":"Thank you for calling Acme, my name is Dana, how may I help you today?","start":0,"end":3},{"speaker":"customer","text":"Hi, my internet has been down since Monday and I'm so frustrated, I work from home.","start":3.5,"end":8},{"speaker":"agent","text":"I understand your frustration, Ravi. Can I have your account number, Ravi?","start":8.2,"end":12},{"speaker":"customer","text":"It's 4481-2290.","start":12.5,"end":14},{"speaker":"agent","text":"Thank you Ravi. Let me place you on a brief hold.","start":14,"end":16},{"speaker":"agent","text":"Thank you for your patience Ravi. Could I have your account number again?","start":76,"end":80},{"speaker":"customer","text":"As I said, it's 4481-2290. This is my third call about this.","start":80.5,"end":84},{"speaker":"agent","text":"I'm going to transfer you to our technical team, Ravi.","start":84.5,"end":87},{"speaker":"customer","text":"My internet has been down since Monday and I work from home, I need it fixed.","start":90,"end":95},{"speaker":"agent","text":"Oh no, three days without internet when you work from home sounds really stressful. What happened when you tried restarting the router?","start":95,"end":100},{"speaker":"customer","text":"Still not working. I'll just cancel.","start":100,"end":103}]}"#;

fn bench(c: &mut Criterion) {
    let source = Source::at_line("bench", 1);
    let engine = Engine::new(Policy::default());
    let conversation = parse_conversation(CALL.as_bytes(), &source).expect("valid");
    c.bench_function("parse one conversation", |b| {
        b.iter(|| parse_conversation(std::hint::black_box(CALL.as_bytes()), &source))
    });
    // Every line new: each iteration scores a copy whose turns end in a fresh counter, so the
    // engine's memo of recurring lines never helps (calls of mostly unscripted talk).
    let mut counter = 0u64;
    c.bench_function("score one 11-turn call, every line new", |b| {
        b.iter_batched(
            || {
                counter += 1;
                // The counter in letters, so the extra word is a word like any other.
                let mut tag = String::from(" zq");
                let mut n = counter;
                while n > 0 {
                    tag.push(char::from(b'a' + (n % 26) as u8));
                    n /= 26;
                }
                let mut fresh = conversation.clone();
                for turn in &mut fresh.turns {
                    turn.text.push_str(&tag);
                }
                fresh
            },
            |fresh| engine.score(std::hint::black_box(&fresh), &source),
            criterion::BatchSize::SmallInput,
        )
    });
    // The same call again and again: every line comes from the memo (scripted lines).
    c.bench_function("score one 11-turn call, every line seen before", |b| {
        b.iter(|| engine.score(std::hint::black_box(&conversation), &source))
    });
    c.bench_function("score and render one call as JSON", |b| {
        b.iter(|| serde_json::to_vec(&engine.score(std::hint::black_box(&conversation), &source)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
