//! Deterministic generator of synthetic contact-centre conversations in the canonical
//! JSON Lines format (one conversation a line).
//!
//! ```text
//! cargo run --release --example gen_corpus -- --count 240 --seed 2026 -o corpora/demo.jsonl
//! ```
//!
//! The same count and seed give byte-identical output on every machine: conversation `i`
//! draws all its randomness from ChaCha8 stream `i` of the seed (so a shorter run is a prefix
//! of a longer one), the tables are fixed slices, and nothing is iterated out of a hash map.
//!
//! Conversations are assembled from per-domain templates with random slot filling and random
//! optional steps: eight service domains, voice calls with timings (pauses, overlaps, holds
//! as long silences) and chats (typos, lowercase, emoji, pasted knowledge-base text), a pool
//! of agents with scripted or natural styles, and customer journeys that exercise every rule
//! of the tool together with deliberate hard negatives. All people, companies and numbers
//! are invented.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::Parser;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// Command-line arguments.
#[derive(Parser)]
#[command(
    about = "Generate a synthetic corpus of contact-centre conversations (canonical JSON Lines)"
)]
struct Args {
    /// Number of conversations to generate.
    #[arg(long, default_value_t = 240)]
    count: u64,
    /// Seed of the random streams; the same count and seed give the same bytes.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Output file (standard output when absent).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Also write one JSON line per conversation naming the rules and the hard negatives
    /// planted in it.
    #[arg(long)]
    labels: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let sink: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, sink);
    let mut labels = match &args.labels {
        Some(path) => {
            Some(BufWriter::new(File::create(path).with_context(|| {
                format!("cannot create {}", path.display())
            })?))
        }
        None => None,
    };
    for index in 0..args.count {
        let (record, label) = generate(args.seed, index);
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
        if let Some(labels) = labels.as_mut() {
            serde_json::to_writer(&mut *labels, &label)?;
            labels.write_all(b"\n")?;
        }
    }
    out.flush()?;
    if let Some(mut labels) = labels {
        labels.flush()?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Output records
// ---------------------------------------------------------------------------------------

/// One conversation in the canonical input format.
#[derive(Serialize)]
struct Record {
    id: String,
    channel: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    agent_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_name: Option<String>,
    metadata: Metadata,
    turns: Vec<TurnOut>,
}

/// What a contact-centre platform typically exports alongside a transcript.
#[derive(Serialize)]
struct Metadata {
    agent_id: &'static str,
    team: &'static str,
    date: String,
    domain: &'static str,
    company: &'static str,
    reason: &'static str,
}

#[derive(Serialize)]
struct TurnOut {
    speaker: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<f64>,
}

/// What was planted in one conversation, for checking detectors against the generator.
#[derive(Serialize)]
struct Label {
    id: String,
    domain: &'static str,
    channel: &'static str,
    agent_style: &'static str,
    rules: Vec<&'static str>,
    negatives: Vec<&'static str>,
}

// ---------------------------------------------------------------------------------------
// Agents and customers
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    /// Reads the script: stock lines verbatim, the customer's name in nearly every turn.
    Scripted,
    /// Some stock lines, some real listening.
    Mixed,
    /// Talks like a person: specific empathy, real questions, names used sparingly.
    Natural,
}

impl Style {
    fn as_str(self) -> &'static str {
        match self {
            Style::Scripted => "scripted",
            Style::Mixed => "mixed",
            Style::Natural => "natural",
        }
    }
}

struct Agent {
    id: &'static str,
    name: &'static str,
    domain: usize,
    style: Style,
    /// Addresses customers as "Mr. Patel" rather than "Ravi".
    formal: bool,
}

const fn ag(
    id: &'static str,
    name: &'static str,
    domain: usize,
    style: Style,
    formal: bool,
) -> Agent {
    Agent {
        id,
        name,
        domain,
        style,
        formal,
    }
}

use Style::{Mixed, Natural, Scripted};

const AGENTS: &[Agent] = &[
    ag("A01", "Dana", 0, Natural, false),
    ag("A02", "Marcus", 0, Scripted, false),
    ag("A03", "Priya", 0, Mixed, false),
    ag("A04", "Tom", 0, Scripted, true),
    ag("A05", "Helen", 1, Scripted, true),
    ag("A06", "Kwame", 1, Natural, false),
    ag("A07", "Sofia", 1, Mixed, false),
    ag("A08", "Jake", 2, Scripted, false),
    ag("A09", "Amara", 2, Natural, false),
    ag("A10", "Liam", 2, Mixed, false),
    ag("A11", "Camille", 3, Natural, false),
    ag("A12", "Raj", 3, Scripted, false),
    ag("A13", "Megan", 3, Mixed, true),
    ag("A14", "Owen", 4, Scripted, true),
    ag("A15", "Fatima", 4, Natural, false),
    ag("A16", "Greg", 4, Mixed, false),
    ag("A17", "Nadia", 5, Scripted, false),
    ag("A18", "Ben", 5, Natural, false),
    ag("A19", "Zoë", 5, Mixed, false),
    ag("A20", "Grace", 6, Natural, false),
    ag("A21", "Hannah", 6, Scripted, true),
    ag("A22", "Imran", 6, Mixed, false),
    ag("A23", "Leo", 7, Natural, false),
    ag("A24", "Kirsty", 7, Scripted, false),
    ag("A25", "Mateo", 7, Mixed, false),
];

/// (first name, surname, title). Disjoint from the agents' names, so that a colleague's name
/// is never the customer's.
const CUSTOMERS: &[(&str, &str, &str)] = &[
    ("Ravi", "Patel", "Mr."),
    ("Maria", "González", "Ms."),
    ("Jürgen", "Müller", "Mr."),
    ("Chloé", "Dubois", "Ms."),
    ("Siobhán", "Kelly", "Ms."),
    ("Wei", "Zhang", "Mr."),
    ("Aisha", "Bello", "Ms."),
    ("Daniel", "Okoro", "Mr."),
    ("Emma", "Thompson", "Ms."),
    ("Oliver", "Brennan", "Mr."),
    ("Sarah", "Collins", "Ms."),
    ("Mohammed", "Rahman", "Mr."),
    ("Lucy", "Fraser", "Ms."),
    ("Peter", "Novak", "Mr."),
    ("Anna", "Kowalska", "Ms."),
    ("James", "Whitfield", "Mr."),
    ("Fiona", "MacLeod", "Ms."),
    ("Hiroshi", "Tanaka", "Mr."),
    ("Gemma", "Pryce", "Ms."),
    ("Samuel", "Adeyemi", "Mr."),
    ("Laura", "Bianchi", "Ms."),
    ("Connor", "Walsh", "Mr."),
    ("Yasmin", "Haddad", "Ms."),
    ("Ethan", "Clarke", "Mr."),
    ("Niamh", "Doyle", "Ms."),
    ("Arjun", "Mehta", "Mr."),
    ("Rebecca", "Stone", "Ms."),
    ("Tomasz", "Zieliński", "Mr."),
    ("Ingrid", "Johansson", "Ms."),
    ("Kevin", "O'Brien", "Mr."),
    ("Olivia", "Reid", "Ms."),
    ("George", "Ellis", "Mr."),
    ("Renée", "Fontaine", "Ms."),
    ("Björn", "Lindqvist", "Mr."),
    ("Alex", "Morgan", "Mx."),
    ("Sam", "Taylor", "Mx."),
    ("Joanne", "Pike", "Mrs."),
    ("Margaret", "Holt", "Mrs."),
    ("David", "Kim", "Mr."),
    ("Patricia", "Dunn", "Mrs."),
    ("Zainab", "Yusuf", "Ms."),
    ("Luca", "Romano", "Mr."),
    ("Ewa", "Nowak", "Ms."),
    ("Kenji", "Watanabe", "Mr."),
    ("Eleanor", "Shaw", "Mrs."),
    ("Mehmet", "Yılmaz", "Mr."),
    ("Rosa", "Delgado", "Ms."),
    ("Nathan", "Brooks", "Mr."),
    ("Catherine", "Lowe", "Mrs."),
    ("Callum", "Fraser", "Mr."),
];

// ---------------------------------------------------------------------------------------
// Domains
// ---------------------------------------------------------------------------------------

/// One reason for contact, with everything the conversation about it needs.
struct Issue {
    /// Disposition code written to `metadata.reason`.
    reason: &'static str,
    /// What the customer types to a chatbot.
    short: &'static str,
    /// How the agent refers to the problem ("the broadband being down since {day}").
    topic: &'static str,
    /// The customer's first explanation.
    open: &'static [&'static str],
    /// The same problem told again (shares content words with `open`).
    restate: &'static [&'static str],
    /// Procedural questions and the customer's answers.
    qa: &'static [(&'static str, &'static str)],
    /// Questions about the customer's experience and the answers.
    explore: &'static [(&'static str, &'static str)],
    /// Agent lines that show understanding of this customer's situation.
    interpret: &'static [&'static str],
    /// Agent lines that fix it.
    fix: &'static [&'static str],
    /// Customer lines confirming it is fixed.
    fixed: &'static [&'static str],
    /// Agent lines when it cannot be fixed.
    cant_fix: &'static [&'static str],
}

/// Indices of the domain's issues a line fits, the customer's line, a specific reply.
type Distress = (&'static [usize], &'static str, &'static str);

struct Domain {
    key: &'static str,
    team: &'static str,
    companies: &'static [&'static str],
    id_label: &'static str,
    second_label: &'static str,
    /// (how the agent names the team, the queue name in system messages)
    transfers: &'static [(&'static str, &'static str)],
    hold_reasons: &'static [&'static str],
    /// (issues it fits, customer distress, a specific empathic reply to it)
    distress: &'static [Distress],
    /// Knowledge-base paragraphs agents paste into chats verbatim.
    kb: &'static [&'static str],
    issues: &'static [Issue],
}

const TELECOM: usize = 0;
const BANKING: usize = 1;
const RETAIL: usize = 2;
const TRAVEL: usize = 3;
const ENERGY: usize = 4;
const INSURANCE: usize = 5;
const HEALTHCARE: usize = 6;
const SAAS: usize = 7;

const DOMAINS: &[Domain] = &[
    // 0 — telecom / internet
    Domain {
        key: "telecom",
        team: "broadband-support",
        companies: &["Northwave Broadband", "Kestrel Mobile"],
        id_label: "account number",
        second_label: "postcode",
        transfers: &[
            ("our billing team", "Billing"),
            ("the technical support team", "Technical Support"),
            ("our home moves team", "Home Moves"),
        ],
        hold_reasons: &[
            "run a line test",
            "check with the network team",
            "look at your billing history",
        ],
        distress: &[
            (
                &[0],
                "I work from home and I've lost two days of work because of this.",
                "Two days of lost work because of {topic} is a real cost to you, and I'm sorry. Let's get you back online.",
            ),
            (
                &[0],
                "My mum's in hospital and I can't even video call her.",
                "Oh no, not being able to video call your mum while she's in hospital, that's really hard. I'm going to prioritise this.",
            ),
            (
                &[1, 2],
                "I honestly can't afford this, I've got nothing left until payday.",
                "Having nothing left until payday and then a bill like this is really worrying; let's get the amount right so you're not out of pocket.",
            ),
        ],
        kb: &[
            "If the broadband light on your Hub is flashing orange, please switch the Hub off at the wall, wait 60 seconds and switch it back on. It can take up to 10 minutes for the light to turn white. If it stays orange, check that the grey broadband cable is firmly plugged into the master socket and into the “Broadband” port on the Hub. If the problem continues, we can run a line test from our side.",
            "Price changes: every April your monthly price rises by the amount shown in your contract summary. Introductory discounts end on the date shown under “My Plan” in our app, after which the standard price for your plan applies. You can check your current price and any discounts at any time under Account > Billing.",
        ],
        issues: &[
            Issue {
                reason: "no-connection",
                short: "internet not working",
                topic: "the broadband being down since {day}",
                open: &[
                    "My internet has been down since {day}. The light on the {device} keeps flashing orange.",
                    "Hi, the broadband keeps dropping out every few minutes and it's been like that since {day}. I'm on {plan}.",
                    "The wifi cut out again this morning and now nothing connects at all. It's been on and off since {day}.",
                ],
                restate: &[
                    "The internet has been down since {day} and the light on the {device} is flashing orange.",
                    "The broadband keeps dropping out every few minutes, since {day}, and I'm on {plan}.",
                ],
                qa: &[
                    (
                        "Have you tried restarting the {device} at the wall?",
                        "Yes, twice this morning. It comes back for ten minutes and then drops again.",
                    ),
                    (
                        "What colour is the light on the front of the {device} right now?",
                        "Flashing orange. It was white for a second and then went orange again.",
                    ),
                    (
                        "Is it every device in the house, or just one?",
                        "Everything. Phones, the TV, my work laptop.",
                    ),
                    (
                        "Are you using the grey cable that came with the {device}?",
                        "I think so, it's the one that was in the box.",
                    ),
                ],
                explore: &[
                    (
                        "What happened when you tried the restart?",
                        "It came back for about ten minutes and then dropped out again.",
                    ),
                    (
                        "How has it been affecting you this week?",
                        "I work from home, so I've been tethering off my phone and burning through my data.",
                    ),
                ],
                interpret: &[
                    "So it's been cutting out since {day} even after restarting the {device}, no wonder you're fed up.",
                    "Dropping out every few minutes on {plan}, when you rely on it for work, is not what you're paying for.",
                ],
                fix: &[
                    "I can see a fault at the cabinet for {postcode}. I've reset the port from our side, so could you restart the {device} now?",
                    "I've pushed a fresh profile to your {device}. Give it two minutes and the light should turn white.",
                ],
                fixed: &[
                    "Oh, the light's gone white. That's working now, thank you.",
                    "Yes, it's back. Pages are loading fine now.",
                ],
                cant_fix: &[
                    "I'm unable to fix this remotely, I'm afraid. The earliest engineer visit I can offer is {later}.",
                    "The line test shows a fault outside the property, and there's nothing more I can do from here until an engineer has been out on {later}.",
                ],
            },
            Issue {
                reason: "bill-query",
                short: "bill too high",
                topic: "the jump in your bill",
                open: &[
                    "My bill has gone up to {amount} this month and nobody told me. I'm on {plan}.",
                    "Why am I being charged {amount} when my contract says {amount_small} less? I'm on {plan}.",
                ],
                restate: &[
                    "My bill went up to {amount} this month on {plan} and nobody warned me.",
                    "I'm being charged {amount} on {plan} and that's more than my contract says.",
                ],
                qa: &[
                    (
                        "When did you first notice the higher amount?",
                        "On this month's bill, it came out on {date}.",
                    ),
                    (
                        "Did you get a letter or an email about a price change?",
                        "No, nothing. I'd remember.",
                    ),
                    (
                        "Are you still using the {device} we sent you?",
                        "Yes, same one.",
                    ),
                ],
                explore: &[
                    (
                        "What were you expecting to pay each month?",
                        "{amount_small} less than that. That's what I signed up for.",
                    ),
                    (
                        "Has it left you short this month?",
                        "A bit, yes. It came out right before payday.",
                    ),
                ],
                interpret: &[
                    "So the bill jumped to {amount} without a word from us, and it came out right before payday, I'd be annoyed too.",
                    "You signed up for a price on {plan} and now it's {amount}; I can see why that feels like a bait and switch.",
                ],
                fix: &[
                    "Your introductory discount on {plan} ended last month. I've applied a loyalty discount of {amount_small} a month and credited this month's difference back to you.",
                    "I've moved you to the 2026 price for {plan}, which brings it back down, and I've refunded the overcharge of {amount_small}.",
                ],
                fixed: &[
                    "Okay, that's more like it. Thanks, that's sorted then.",
                    "Brilliant, thank you. That's what I was after.",
                ],
                cant_fix: &[
                    "I'm afraid the price rise is in line with the contract and I'm unable to change it.",
                    "I can't apply any further discount to {plan}, sorry.",
                ],
            },
            Issue {
                reason: "roaming-charges",
                short: "roaming charges",
                topic: "the roaming charges from {country}",
                open: &[
                    "I've been charged {amount} for roaming in {country}, but I bought the travel add-on before I went.",
                    "I just got back from {country} and there's {amount} of data charges on my bill.",
                ],
                restate: &[
                    "I was charged {amount} for roaming in {country} even though I had the travel add-on.",
                    "There's {amount} of roaming data charges from {country} on my bill.",
                ],
                qa: &[
                    (
                        "Which dates were you in {country}?",
                        "From {date}, for a week.",
                    ),
                    (
                        "Did you get a text when you arrived saying the add-on was active?",
                        "I got a welcome text, yeah. That's why I thought I was covered.",
                    ),
                ],
                explore: &[
                    (
                        "What did the text say when you landed?",
                        "Just 'Welcome to {country}' with a link. Nothing about charges.",
                    ),
                    (
                        "Were you using maps or streaming much while you were away?",
                        "Mostly maps. We were driving around.",
                    ),
                ],
                interpret: &[
                    "So you paid for the travel add-on specifically to avoid this and still got a {amount} bill, that's really frustrating.",
                ],
                fix: &[
                    "The add-on was applied a day late. I've refunded the {amount} in full; you'll see it on your next bill.",
                ],
                fixed: &[
                    "Oh great, thanks, that's a relief.",
                    "Thanks, that's sorted then.",
                ],
                cant_fix: &[
                    "The usage was outside the add-on's allowance, so I'm unable to refund it, I'm afraid.",
                ],
            },
            Issue {
                reason: "home-move",
                short: "moving house",
                topic: "your move on {later}",
                open: &[
                    "I'm moving to {postcode2} on {later} and I want to take my broadband with me.",
                    "We're moving house on {later}, the new postcode's {postcode2}. Can I keep {plan}?",
                ],
                restate: &["I'm moving to {postcode2} on {later} and want to keep my broadband."],
                qa: &[
                    (
                        "Do you know if there's already a line at the new place?",
                        "There's a socket in the hallway, so I think so.",
                    ),
                    (
                        "Would you like to keep {plan}, or look at what's available at {postcode2}?",
                        "Keep the same if I can.",
                    ),
                ],
                explore: &[(
                    "Is there a date you absolutely need it working by?",
                    "The Monday after. I work from home.",
                )],
                interpret: &[
                    "So you need it live at {postcode2} by the Monday after the move because you work from home; let's make sure that happens.",
                ],
                fix: &[
                    "{plan} is available at {postcode2}. I've booked the switch-over for {later}; your {device} just needs plugging in at the new place.",
                ],
                fixed: &[
                    "Perfect, thank you.",
                    "Great, that's easier than I thought.",
                ],
                cant_fix: &[
                    "{plan} isn't available at {postcode2} yet, and I can't book the move until it is.",
                ],
            },
        ],
    },
    // 1 — banking / cards
    Domain {
        key: "banking",
        team: "cards-and-payments",
        companies: &["Harbour Bank", "Meridian Card Services"],
        id_label: "account number",
        second_label: "date of birth",
        transfers: &[
            ("our fraud team", "Fraud"),
            ("the cards team", "Card Services"),
            ("our payments team", "Payments"),
        ],
        hold_reasons: &[
            "check the payment with our payments team",
            "look at the fraud notes on the account",
        ],
        distress: &[
            (
                &[0],
                "I'm stuck abroad with no way to pay for anything, I'm panicking.",
                "Being stuck abroad without a working card is frightening; let's get you able to pay again right now.",
            ),
            (
                &[1],
                "That's my rent money. If it doesn't arrive I could lose the flat.",
                "That's your rent, so I understand why you're worried about the flat. Let's trace the payment together.",
            ),
            (
                &[3],
                "I feel sick that someone's been in my account. I'm really scared they'll take more.",
                "Finding someone's been in your account is scary, and it's natural to worry they'll take more; the first thing I'll do is make sure they can't.",
            ),
        ],
        kb: &[
            "Payments made by bank transfer to a new payee may be held for up to 24 hours for security checks. You will receive a notification in the app once the payment is released. If you do not recognise a payment on your account, freeze your card immediately in the app under Cards > Freeze, then contact us so we can investigate. We will never ask you to move money to a “safe account”.",
            "Balance transfer offers: the promotional rate applies to balances moved within 60 days of account opening. A balance transfer fee of 3% (minimum £5) is added to each balance moved. Your minimum monthly payment must be made on time for the promotional rate to continue.",
        ],
        issues: &[
            Issue {
                reason: "card-blocked",
                short: "card declined",
                topic: "your card being blocked in {city}",
                open: &[
                    "My card was declined at a restaurant in {city} last night and now the app says it's blocked.",
                    "I'm in {city} and my debit card keeps getting declined. I need it working.",
                ],
                restate: &[
                    "My card got declined in {city} and now it's showing as blocked.",
                    "I'm in {city} and my card is blocked, it keeps getting declined.",
                ],
                qa: &[
                    (
                        "Did you get a text from us asking you to confirm a payment?",
                        "I got something, but my phone was off roaming so I couldn't reply.",
                    ),
                    (
                        "What was the last payment that went through?",
                        "A taxi from the airport, about {amount_small}.",
                    ),
                    (
                        "Do you still have the card with you?",
                        "Yes, it's right here in my wallet.",
                    ),
                ],
                explore: &[
                    (
                        "What happened when you tried to pay?",
                        "The machine said 'declined, contact your bank' and the waiter took the card back to the till twice.",
                    ),
                    (
                        "Are you managing for money out there at the moment?",
                        "My partner's paying for everything, which is embarrassing.",
                    ),
                ],
                interpret: &[
                    "So you're in {city}, your card's been declined in front of people, and your partner is covering everything; that's not the trip you planned.",
                ],
                fix: &[
                    "Our fraud system blocked it because of the new country. I've confirmed the payments with you and removed the block, so try it again and it should go through.",
                ],
                fixed: &[
                    "Just checked the app, it says active now. Thank you so much.",
                    "Brilliant, it worked, thank you.",
                ],
                cant_fix: &[
                    "The block was placed by our fraud team and I'm unable to remove it from here. They'll review it within 24 hours.",
                ],
            },
            Issue {
                reason: "payment-missing",
                short: "bank transfer missing",
                topic: "the missing payment to your landlord",
                open: &[
                    "I made a bank transfer of {amount_big} to my landlord on {day} and it still hasn't arrived.",
                    "I sent {amount_big} by bank transfer on {day} and my landlord says he's got nothing.",
                ],
                restate: &[
                    "I sent {amount_big} to my landlord by bank transfer on {day} and it hasn't arrived.",
                    "The bank transfer of {amount_big} from {day} never reached my landlord.",
                ],
                qa: &[
                    (
                        "Was it a new payee, or someone you've paid before?",
                        "Same landlord, same account, every month.",
                    ),
                    (
                        "Does it show as pending or completed in your app?",
                        "It says completed, that's the weird thing.",
                    ),
                ],
                explore: &[(
                    "What has your landlord said about it?",
                    "He's been quite patient, but he wants it by Friday.",
                )],
                interpret: &[
                    "So it's your rent, it shows as completed on your side and your landlord has nothing; I can see why that's worrying.",
                ],
                fix: &[
                    "The payment was held for a routine check. I've released it now, so it should reach your landlord's account within two hours.",
                ],
                fixed: &[
                    "Okay, thank you. I'll let him know.",
                    "Thank you, that's a weight off.",
                ],
                cant_fix: &[
                    "I'm unable to trace the payment further today; the receiving bank has to respond first, and that can take up to ten working days.",
                ],
            },
            Issue {
                reason: "fee-query",
                short: "balance transfer fee",
                topic: "the balance transfer fee",
                open: &[
                    "I was charged a balance transfer fee of {amount_small} but the offer said 0% for 20 months.",
                    "I wanted to transfer the balance from my old card, and now there's a fee of {amount_small}. I was told it was free.",
                ],
                restate: &["The balance transfer fee was {amount_small} when the offer said 0%."],
                qa: &[
                    (
                        "When did you move the balance across?",
                        "On {day}, about {amount_big}.",
                    ),
                    (
                        "Do you remember where you saw the offer?",
                        "It was in the email you sent me last month.",
                    ),
                ],
                explore: &[(
                    "What did the email say exactly?",
                    "0% on balance transfers for 20 months. Nothing about a fee.",
                )],
                interpret: &[
                    "So the email promised 0% and you've ended up paying {amount_small} for moving {amount_big} across; that's not what you signed up for.",
                ],
                fix: &[
                    "The 0% was the interest rate; there's a 3% fee on the amount moved. As a goodwill gesture my supervisor approved the refund of the fee, and it'll be back on your card in three working days.",
                ],
                fixed: &[
                    "Thanks, I appreciate that.",
                    "Okay, thanks for sorting that.",
                ],
                cant_fix: &[
                    "The fee is part of the terms of the offer, so I'm unable to refund it.",
                ],
            },
            Issue {
                reason: "fraud-report",
                short: "payment i dont recognise",
                topic: "the payment to {merchant} you don't recognise",
                open: &[
                    "There's a payment of {amount} to {merchant} on my account that I don't recognise.",
                    "Someone's taken {amount} from my account, it says {merchant}. I've never heard of them.",
                ],
                restate: &[
                    "There's a payment of {amount} to {merchant} on my account that I didn't make.",
                ],
                qa: &[
                    (
                        "Is your card still in your possession?",
                        "Yes, it's in my hand.",
                    ),
                    (
                        "Have you shared your card details anywhere recently?",
                        "I bought something online last week, that's all.",
                    ),
                    (
                        "Is it one payment or several to {merchant}?",
                        "Two. One for {amount} and a small one the day before.",
                    ),
                ],
                explore: &[(
                    "When did you first spot it?",
                    "This morning, when I checked my balance before doing the shopping.",
                )],
                interpret: &[
                    "So {amount} has gone to {merchant}, a company you've never dealt with, and you only found out checking your balance; that's unsettling.",
                ],
                fix: &[
                    "I've cancelled the card, raised a fraud claim and refunded the {amount} while we investigate. A new card will be with you in three to five days.",
                ],
                fixed: &[
                    "Thank you. That's a relief.",
                    "Okay, good. Thanks for acting quickly.",
                ],
                cant_fix: &[
                    "As the payment was authorised with your card details, I'm unable to refund it today; the fraud team will review it within ten working days.",
                ],
            },
            Issue {
                reason: "app-payments",
                short: "cant transfer money",
                topic: "the app not letting you move your money",
                open: &[
                    "I'm trying to transfer money to my savings account and the app keeps saying 'something went wrong'.",
                    "The app won't let me transfer money between my own accounts since the update.",
                ],
                restate: &[
                    "The app won't let me transfer money to my savings, it says something went wrong.",
                ],
                qa: &[
                    (
                        "What version of the app are you on?",
                        "Whatever the latest is. It updated on {day}.",
                    ),
                    (
                        "Does the same happen for payments to other people?",
                        "No, just moving money between my own accounts.",
                    ),
                ],
                explore: &[(
                    "What happens exactly when you press transfer?",
                    "It spins for ages and then says 'something went wrong, try later'.",
                )],
                interpret: &[
                    "So you can pay other people fine, but moving your own money between your own accounts fails; that's maddening.",
                ],
                fix: &[
                    "There was a limit set on your savings account after the update. I've removed it, so could you try the transfer again now?",
                ],
                fixed: &[
                    "Yep, it's gone through. Thanks!",
                    "That's worked now, thank you.",
                ],
                cant_fix: &[
                    "It's a known issue with the latest update and I'm unable to fix it from here; the app team expects a fix next week.",
                ],
            },
        ],
    },
    // 2 — e-commerce / retail orders
    Domain {
        key: "retail",
        team: "online-orders",
        companies: &["Brightcart", "Loom & Lantern Home"],
        id_label: "order number",
        second_label: "email address",
        transfers: &[
            ("our returns team", "Returns"),
            ("the delivery team", "Deliveries"),
            ("customer relations", "Customer Relations"),
        ],
        hold_reasons: &["check with the warehouse", "get an update from {courier}"],
        distress: &[
            (
                &[0, 1, 3],
                "It was my son's birthday present and his party is on Saturday.",
                "Oh no, with your son's party on Saturday that's cutting it really close; let's see what we can do to get it there in time.",
            ),
            (
                &[0, 1, 2, 3],
                "I'm so stressed about this, I paid for it with money I really can't spare.",
                "I'm sorry, when you've paid with money you can't spare, {topic} is the last thing you need. Let's get your money or your order sorted today.",
            ),
        ],
        kb: &[
            "Refunds are processed within 5 working days of your return arriving at our warehouse. You will receive an email confirmation once your refund has been issued. Please allow a further 3–5 working days for the money to appear in your account, depending on your bank. If you returned your item in store, please keep your receipt until the refund is shown on your statement.",
            "Tracking updates: once your order has left our warehouse, tracking is provided by our courier partner. Tracking can take up to 24 hours to update after dispatch. If your tracking has not updated for more than 3 working days, please let us know and we will open an investigation with the courier.",
        ],
        issues: &[
            Issue {
                reason: "late-delivery",
                short: "where is my order",
                topic: "your order not turning up",
                open: &[
                    "My order {id} was supposed to arrive on {day} and it still hasn't come.",
                    "I ordered {item} two weeks ago and the tracking hasn't moved since {day}.",
                ],
                restate: &[
                    "My order was due on {day} and it still hasn't arrived.",
                    "The tracking on my order for {item} hasn't moved since {day}.",
                ],
                qa: &[
                    (
                        "What does the tracking page show right now?",
                        "It says 'with courier' and that's it.",
                    ),
                    (
                        "Has {courier} left a card or a message at all?",
                        "Nothing. I was in all day.",
                    ),
                    (
                        "Is the delivery address still {postcode}?",
                        "Yes, that's right.",
                    ),
                ],
                explore: &[(
                    "Is it needed for something in particular?",
                    "It's a present, so yes, it's kind of urgent.",
                )],
                interpret: &[
                    "So {item} was meant to be there on {day}, you stayed in for it, and the tracking's been frozen since; I'd be fed up too.",
                ],
                fix: &[
                    "{courier} have it at their depot. I've booked it onto tomorrow's first van and upgraded you to next-day delivery for free.",
                ],
                fixed: &["Okay, brilliant. Thank you.", "Thank you, that's great."],
                cant_fix: &[
                    "{courier} have marked it as lost, and I'm unable to send a replacement until their investigation closes in seven days.",
                ],
            },
            Issue {
                reason: "wrong-item",
                short: "wrong item",
                topic: "the wrong item arriving",
                open: &[
                    "I ordered {item} and you sent me {item2} instead.",
                    "My order arrived today but it's {item2}, not {item}.",
                ],
                restate: &["I got {item2} instead of {item}."],
                qa: &[
                    (
                        "Is the packaging still sealed?",
                        "Yes, I opened the outer box and saw straight away.",
                    ),
                    (
                        "Is the label on the box in your name?",
                        "Yes, my name's on it.",
                    ),
                ],
                explore: &[(
                    "Were you planning to use it for anything soon?",
                    "It was for my daughter's room, we're decorating this weekend.",
                )],
                interpret: &[
                    "So you've been waiting for {item} and opened the box to find {item2}; that's disappointing, especially with plans for the weekend.",
                ],
                fix: &[
                    "I've sent {item} out on next-day delivery and booked the courier to collect {item2} on the same visit.",
                ],
                fixed: &[
                    "Great, thanks for sorting that so quickly.",
                    "Perfect, thank you.",
                ],
                cant_fix: &[
                    "{item} is out of stock now, so I'm unable to send a replacement; I can only refund it.",
                ],
            },
            Issue {
                reason: "refund-missing",
                short: "refund",
                topic: "the refund for {item}",
                open: &[
                    "I returned {item} on {day} and I still haven't had my refund of {amount}.",
                    "Where's my refund? I sent {item} back weeks ago.",
                ],
                restate: &[
                    "I returned {item} and still haven't got the {amount} back.",
                    "My refund for {item} hasn't come through.",
                ],
                qa: &[
                    (
                        "Did you get a returns receipt when you dropped it off?",
                        "Yes, I've got it here. It was scanned on {day}.",
                    ),
                    (
                        "Was it returned to a store or by courier?",
                        "In store. The store manager in {city} said it would be processed in three days.",
                    ),
                ],
                explore: &[(
                    "Has the delay caused you any problems?",
                    "I paid on my credit card, so I'm paying interest on something I don't even have.",
                )],
                interpret: &[
                    "So you handed {item} back on {day}, you've got the receipt, and you're still out of pocket by {amount}; that's not okay.",
                ],
                fix: &[
                    "The return was scanned but never processed. I've pushed the refund of {amount} through now; it'll show in three to five working days. My supervisor approved an extra {amount_small} credit for the hassle.",
                ],
                fixed: &["Thank you, that's what I needed.", "Great, thanks a lot."],
                cant_fix: &[
                    "The warehouse hasn't received the item yet, so I'm unable to issue the refund until they do.",
                ],
            },
            Issue {
                reason: "damaged-item",
                short: "item arrived damaged",
                topic: "{item} arriving damaged",
                open: &[
                    "{item} arrived this morning and it's damaged, there's a crack right across it.",
                    "The box was crushed and {item} inside is broken.",
                ],
                restate: &["{item} turned up broken, the box was crushed."],
                qa: &[
                    (
                        "Could you send a photo of the damage to the email we have on file?",
                        "I've just sent it.",
                    ),
                    (
                        "Was the outer box damaged too?",
                        "Yes, crushed at one corner.",
                    ),
                ],
                explore: &[(
                    "Did you manage to use it at all?",
                    "No, I didn't want to risk it.",
                )],
                interpret: &[
                    "So you waited for {item} and it came out of the box cracked; really disappointing.",
                ],
                fix: &[
                    "Thanks for the photo. I've arranged a replacement for tomorrow, and the courier will take the damaged one away.",
                ],
                fixed: &["Great, thank you.", "Lovely, thanks."],
                cant_fix: &["I'm unable to replace it without the original packaging, sorry."],
            },
        ],
    },
    // 3 — airline / travel
    Domain {
        key: "travel",
        team: "bookings",
        companies: &["Skylark Airways", "Wayfarer Holidays"],
        id_label: "booking reference",
        second_label: "email address",
        transfers: &[
            ("our baggage team", "Baggage Services"),
            ("the refunds team", "Refunds"),
            ("our disruption team", "Disruption Desk"),
        ],
        hold_reasons: &[
            "check availability on the next flights",
            "speak to the airport team",
        ],
        distress: &[
            (
                &[0],
                "We're stranded at the airport with two small kids and nobody will tell us anything.",
                "Being stranded at the airport with two little ones and no information sounds exhausting; let's get you a plan right now.",
            ),
            (
                &[0],
                "I'm going to miss my sister's wedding. I'm honestly in tears here.",
                "Missing your sister's wedding would be heartbreaking; let me look at every option to get you there.",
            ),
            (
                &[1],
                "My medication is in that bag and I've only got two days left. I'm really scared.",
                "Only two days of medication left with the bag missing is frightening; getting that bag to you is my first priority.",
            ),
        ],
        kb: &[
            "If your flight is cancelled, you can choose a full refund or a free change to another of our flights on the same route within 14 days. Refunds are returned to the original payment method within 7 working days. If you are already at the airport, please speak to our ground staff, who can provide meal vouchers and, where needed, hotel accommodation. Keep all receipts for reasonable expenses so we can reimburse them.",
            "Delayed or missing baggage: please report missing bags at the baggage desk before leaving the airport and keep your Property Irregularity Report (PIR) reference. You can claim up to €50 per day for essential items, up to a maximum of 5 days, by submitting receipts through the Baggage Claim form on our website.",
        ],
        issues: &[
            Issue {
                reason: "cancellation",
                short: "flight cancelled",
                topic: "your flight {flight} being cancelled",
                open: &[
                    "My flight {flight} from {origin} to {dest} tomorrow has just been cancelled and I need to get there.",
                    "You cancelled {flight} to {dest} and the app won't let me rebook.",
                ],
                restate: &[
                    "My flight {flight} to {dest} got cancelled and I need another one.",
                    "{flight} from {origin} to {dest} was cancelled and I can't rebook it in the app.",
                ],
                qa: &[
                    (
                        "How many passengers are on the booking?",
                        "Two adults and two kids.",
                    ),
                    (
                        "Are you able to fly from another airport?",
                        "Not really, we don't drive.",
                    ),
                    (
                        "Would a later flight on the same day work?",
                        "As long as it's tomorrow, yes.",
                    ),
                ],
                explore: &[
                    ("What's the trip for?", "My sister's wedding on Saturday."),
                    (
                        "Where are you now, at home or at the airport?",
                        "At the airport, in the café by gate 12.",
                    ),
                ],
                interpret: &[
                    "So {flight} has been cancelled the day before you travel to {dest}, with the whole family booked; I understand why you need an answer today.",
                ],
                fix: &[
                    "I've rebooked you on the {time} to {dest} tomorrow, and all four seats are together. I'll hold the reservation until midnight while you confirm in the app, and you'll get {amount} compensation for the change.",
                ],
                fixed: &[
                    "Oh thank goodness. Yes, that's perfect, thank you.",
                    "That works, thank you so much.",
                ],
                cant_fix: &[
                    "All flights to {dest} are full until Thursday, and I'm unable to book you on another airline.",
                ],
            },
            Issue {
                reason: "baggage",
                short: "lost luggage",
                topic: "your missing bag",
                open: &[
                    "I landed in {dest} on {flight} yesterday and my suitcase never came out.",
                    "My bag didn't arrive on {flight} and nobody at {dest} airport can tell me where it is.",
                ],
                restate: &["My suitcase didn't arrive in {dest} on {flight}."],
                qa: &[
                    (
                        "Did you fill in a report at the baggage desk?",
                        "Yes, they gave me a reference but said to contact you.",
                    ),
                    (
                        "Can you describe the bag?",
                        "Large, navy blue, with a yellow strap round it.",
                    ),
                ],
                explore: &[(
                    "What have you had to manage without?",
                    "Everything. My medication's in there, and all my clothes.",
                )],
                interpret: &[
                    "So you've landed in {dest} with only what you're wearing, and your medication is in that bag; that's urgent.",
                ],
                fix: &[
                    "Your bag was left in {origin}; it's on tonight's flight and will be couriered to your hotel tomorrow morning. You can claim up to {amount} for essentials in the meantime.",
                ],
                fixed: &["Okay, that's a relief. Thank you.", "Great, thanks."],
                cant_fix: &[
                    "The bag hasn't been scanned anywhere since {origin}, so I'm unable to tell you where it is right now.",
                ],
            },
            Issue {
                reason: "refund-request",
                short: "refund",
                topic: "the refund for your cancelled trip",
                open: &[
                    "I was promised a refund of {amount} for my cancelled flight in {month} and I still haven't had it.",
                    "I applied for a refund for {flight} weeks ago and heard nothing.",
                ],
                restate: &["I still haven't got the {amount} refund for my cancelled flight."],
                qa: &[
                    (
                        "Did you request a refund or a voucher?",
                        "A refund. I definitely didn't want a voucher.",
                    ),
                    (
                        "Which card did you pay with?",
                        "My Visa, ending {card_tail}.",
                    ),
                ],
                explore: &[(
                    "Has the wait caused you any problems?",
                    "I had to pay for new flights out of my own pocket, so yes.",
                )],
                interpret: &[
                    "So you've already paid twice for the same trip and the {amount} is still sitting with us; that's not fair on you.",
                ],
                fix: &[
                    "The refund was stuck waiting for approval. I've approved it now, {amount} back to the Visa ending {card_tail} within seven days.",
                ],
                fixed: &[
                    "Finally. Thank you.",
                    "Great, thanks for pushing it through.",
                ],
                cant_fix: &[
                    "Refunds for that date are handled by our refunds team and I'm unable to speed it up, I'm afraid.",
                ],
            },
            Issue {
                reason: "booking-change",
                short: "change name on booking",
                topic: "the name on your booking",
                open: &[
                    "The name on my booking is spelled wrong, it says {misspelt} instead of {first}.",
                    "I need to correct the spelling of my name on the booking before I fly on {later}.",
                ],
                restate: &["My name is spelled wrong on the booking and I fly on {later}."],
                qa: &[
                    (
                        "Is the name on your passport exactly as you'd like it on the booking?",
                        "Yes, exactly.",
                    ),
                    ("When is the flight?", "{later}, the {time} from {origin}."),
                ],
                explore: &[(
                    "Were you charged anything when you tried to change it online?",
                    "The website wanted {amount_small} for it, which seemed a lot for a typo.",
                )],
                interpret: &[
                    "So it's just a typo in your name and the website wanted {amount_small} to fix it; I'd be annoyed as well.",
                ],
                fix: &[
                    "I've corrected the name free of charge; your updated boarding pass will come by email.",
                ],
                fixed: &["Perfect, thanks.", "Lovely, thank you."],
                cant_fix: &[
                    "Name changes within 48 hours of departure can only be done at the airport, so I'm unable to change it here.",
                ],
            },
        ],
    },
    // 4 — energy utility
    Domain {
        key: "energy",
        team: "energy-billing",
        companies: &["Greenfield Energy", "Volta Power"],
        id_label: "account number",
        second_label: "postcode",
        transfers: &[
            ("our metering team", "Metering"),
            ("the billing team", "Billing"),
            ("our priority services team", "Priority Services"),
        ],
        hold_reasons: &[
            "check the readings on the account",
            "speak to the metering team",
        ],
        distress: &[
            (
                &[2],
                "We've been without heating for three days and I've got a newborn at home.",
                "Three days without heating with a newborn is really hard, and it's urgent. I'm treating this as a priority.",
            ),
            (
                &[0, 3],
                "I'm a pensioner and I can't pay a bill like that. I'm worried sick.",
                "A bill like that is frightening on a pension, and I'm sorry it's worried you; let's look at exactly how it was worked out.",
            ),
        ],
        kb: &[
            "If we haven't received a meter reading, your bill will be based on an estimate of your usage. Estimated bills can be higher or lower than your actual usage. To make sure your bill is accurate, please submit a meter reading in your online account or our app under “Readings”. Once we receive an actual reading, we will recalculate your bill automatically and adjust your Direct Debit if needed.",
            "Prepayment meters: if your credit has run out, you can use up to £10 of emergency credit by pressing the A button on your meter and then the Enter button. Emergency credit is repaid from your next top-up. If you are worried about staying warm, or someone in your home is vulnerable, please tell us and we will add you to our Priority Services Register.",
        ],
        issues: &[
            Issue {
                reason: "high-bill",
                short: "bill too high",
                topic: "the {amount_big} bill",
                open: &[
                    "I've just had a bill for {amount_big} and it's based on estimated readings. There's no way we used that much.",
                    "Your bill says I owe {amount_big}. My normal bill is about {amount}.",
                ],
                restate: &[
                    "I got a bill for {amount_big} based on estimated readings and we never used that much.",
                ],
                qa: &[
                    (
                        "Do you have a current meter reading you can give me?",
                        "Hold on, let me find it… it's {meter}.",
                    ),
                    (
                        "When did you last send us a reading?",
                        "I thought the smart meter did it automatically.",
                    ),
                ],
                explore: &[
                    (
                        "How did you feel when you opened it?",
                        "Honestly, sick. I thought I'd done something wrong.",
                    ),
                    (
                        "Has anything changed at home, like a new heater or someone working from home?",
                        "No, nothing. Same as last winter.",
                    ),
                ],
                interpret: &[
                    "So your bill is usually about {amount} and this one says {amount_big}, all from estimates; no wonder it was a shock.",
                ],
                fix: &[
                    "Using your reading of {meter}, the corrected bill comes to {amount}. I've cancelled the estimated bill and set your direct debit back to what it was.",
                ],
                fixed: &[
                    "Oh, that's much better. Thank you.",
                    "That makes more sense. Thanks.",
                ],
                cant_fix: &[
                    "I'm unable to re-bill without a reading from the meter itself, so the {amount_big} will stand until an engineer reads it.",
                ],
            },
            Issue {
                reason: "smart-meter",
                short: "smart meter not working",
                topic: "the smart meter not sending readings",
                open: &[
                    "My smart meter stopped sending readings in {month} and now I'm getting estimated bills again.",
                    "The in-home display has said 'no signal' since {day} and the smart meter isn't sending readings.",
                ],
                restate: &[
                    "The smart meter stopped sending readings and the display says no signal.",
                ],
                qa: &[
                    (
                        "Is the in-home display plugged in near the meter?",
                        "It's in the kitchen, the meter's in the hallway cupboard.",
                    ),
                    (
                        "What does the screen on the meter itself show?",
                        "Just a row of numbers and a little aerial symbol with a cross.",
                    ),
                ],
                explore: &[(
                    "Had you been keeping an eye on your usage with the display?",
                    "I was, it really helped us cut down. Now I'm guessing.",
                )],
                interpret: &[
                    "So the display was helping you keep usage down, and now you're back to guessing and estimated bills; that's a step backwards.",
                ],
                fix: &[
                    "I've sent a reset signal to the meter and it's just checked in with us. Readings should come through daily again from tonight.",
                ],
                fixed: &[
                    "The display's just lit up. That's working now, thank you.",
                    "Oh yes, it's showing today's usage. Thanks!",
                ],
                cant_fix: &[
                    "The meter's communications hub needs replacing, and I'm unable to book that until {later}.",
                ],
            },
            Issue {
                reason: "supply-off",
                short: "no gas",
                topic: "having no gas for the heating",
                open: &[
                    "I topped up my prepayment meter on {day} but the gas still hasn't come back on.",
                    "We've got no heating or hot water. I put {amount_small} on the key and nothing happened.",
                ],
                restate: &[
                    "I topped up {amount_small} on the prepayment meter and the gas is still off.",
                ],
                qa: &[
                    (
                        "Did the meter show the credit when you put the key in?",
                        "It beeped and showed the top-up, then it went back to zero.",
                    ),
                    (
                        "Is there an emergency credit option on the screen?",
                        "I already used it last week.",
                    ),
                ],
                explore: &[(
                    "Is there anyone at home who's especially vulnerable to the cold?",
                    "My baby's seven weeks old, and my dad lives with us.",
                )],
                interpret: &[
                    "So you've paid, the credit vanished, and you've got a baby and your dad at home with no heating; that's an emergency and I'll treat it as one.",
                ],
                fix: &[
                    "The top-up went to an old meter number. I've moved the {amount_small} across and added emergency credit; press A then Enter on the meter and the gas should come back on.",
                ],
                fixed: &[
                    "It's clicked on, the boiler's firing. Thank you so much.",
                    "Yes! Hot water's back. Thank you.",
                ],
                cant_fix: &[
                    "I'm unable to add credit remotely to that meter type; an engineer will attend on {later}.",
                ],
            },
            Issue {
                reason: "home-move",
                short: "moving out final bill",
                topic: "your final bill after the move",
                open: &[
                    "I moved out of {postcode} on {date} and you're still taking direct debits.",
                    "I need a final bill for my old flat, I moved out on {date}.",
                ],
                restate: &["I moved out on {date} and you're still taking money by direct debit."],
                qa: &[
                    (
                        "Did you give us a closing meter reading?",
                        "Yes, I sent a photo of it on the day.",
                    ),
                    (
                        "What's your new address, so we can send the final bill?",
                        "It's {postcode2}, flat 3.",
                    ),
                ],
                explore: &[(
                    "How's the move gone otherwise?",
                    "Fine, I'm just worried about paying twice.",
                )],
                interpret: &[
                    "So you left on {date}, sent the closing reading, and you're still being charged for the old place; paying twice would worry anyone.",
                ],
                fix: &[
                    "I've closed the account at {postcode} from {date}, stopped the direct debit, and your final bill shows a credit of {amount_small}, which I'll refund.",
                ],
                fixed: &["Perfect, thanks.", "Great, thanks for sorting it."],
                cant_fix: &[
                    "The new tenant hasn't registered yet, so I'm unable to close the account until they do.",
                ],
            },
        ],
    },
    // 5 — insurance claims
    Domain {
        key: "insurance",
        team: "claims",
        companies: &["Shieldline Insurance", "Harbourside Mutual"],
        id_label: "policy number",
        second_label: "date of birth",
        transfers: &[
            ("our claims team", "Claims"),
            ("the renewals team", "Renewals"),
            ("our complaints team", "Complaints"),
        ],
        hold_reasons: &[
            "check the notes from the claims handler",
            "speak to the engineer's office",
        ],
        distress: &[
            (
                &[0],
                "I've got no car to get to work and I'm on my own with the kids. I can't cope with much more of this.",
                "Being without the car when you're getting the kids around on your own is a lot to juggle; let me see about a hire car today.",
            ),
            (
                &[1],
                "The water came through the ceiling and we've been living with buckets for two weeks. It's miserable.",
                "Two weeks of living with buckets under the ceiling sounds miserable, and I'm sorry it's taken this long.",
            ),
            (
                &[3],
                "That bike was how I got to work. I can't afford another one and now I'm stuck.",
                "That bike was how you got to work, so losing it and then having the claim turned down leaves you stuck; let's look at the decision properly.",
            ),
        ],
        kb: &[
            "Once your claim has been registered, a claims handler will contact you within 2 working days. If your vehicle is not drivable, you may be entitled to a courtesy car for the duration of repairs carried out by one of our approved garages. Please note that your policy excess is payable for every claim unless the accident was not your fault and we are able to recover our costs in full from the other party’s insurer.",
            "How we calculate your renewal price: your premium is based on a range of factors, including your vehicle, where it is kept overnight, your annual mileage, your claims history and the cost of repairs. Prices across the market can rise even when your details stay the same. You can review your details and any available discounts in your online account at any time.",
        ],
        issues: &[
            Issue {
                reason: "claim-status",
                short: "claim update",
                topic: "your claim for the {car}",
                open: &[
                    "I made a claim for my {car} after an accident on {date} and I haven't heard anything since.",
                    "My {car} has been at the garage for {weeks} weeks waiting on your approval. The claim is {claim}.",
                ],
                restate: &[
                    "I claimed for the {car} after the accident on {date} and nobody's updated me.",
                    "The {car} has been sitting at the garage for {weeks} weeks waiting for approval.",
                ],
                qa: &[
                    ("Do you have the claim reference?", "It's {claim}."),
                    (
                        "Has the garage sent their estimate to us?",
                        "They said they sent it on {day}.",
                    ),
                    (
                        "Was anyone else involved in the accident?",
                        "Yes, the other driver went into the back of me at the lights.",
                    ),
                ],
                explore: &[(
                    "How are you getting around without the car?",
                    "Lifts from friends, and a lot of taxis.",
                )],
                interpret: &[
                    "So the {car} has been off the road for {weeks} weeks through no fault of yours and you're paying for taxis; that adds up fast.",
                ],
                fix: &[
                    "I've approved the garage's estimate today and arranged a courtesy car from tomorrow. The excess will be recovered from the other driver's insurer.",
                ],
                fixed: &["That's great news, thank you.", "Finally. Thank you."],
                cant_fix: &[
                    "The engineer's report is still outstanding, and I'm unable to approve the repair without it.",
                ],
            },
            Issue {
                reason: "home-claim",
                short: "water leak claim",
                topic: "the leak damage in your home",
                open: &[
                    "We had a leak from the bathroom on {date} and water came through the kitchen ceiling. I need to claim.",
                    "The loss adjuster was meant to visit on {day} for our leak claim and nobody turned up.",
                ],
                restate: &[
                    "Water came through the kitchen ceiling from a bathroom leak and I need the claim moving.",
                    "The loss adjuster for our leak claim never turned up on {day}.",
                ],
                qa: &[
                    (
                        "Has the leak itself been stopped?",
                        "Yes, a plumber fixed the pipe the same day.",
                    ),
                    (
                        "Have you got photos of the damage?",
                        "Loads. I've got the plumber's invoice too.",
                    ),
                ],
                explore: &[(
                    "How are you managing in the house at the moment?",
                    "We're eating takeaways because we can't use the kitchen.",
                )],
                interpret: &[
                    "So the kitchen's been out of action since the leak, you've done everything right, and the visit you waited in for never happened; I'm sorry.",
                ],
                fix: &[
                    "I've booked the loss adjuster for {day2} morning and approved {amount} towards meals while the kitchen's unusable.",
                ],
                fixed: &[
                    "Okay, that helps. Thank you.",
                    "Thanks, that's sorted then.",
                ],
                cant_fix: &[
                    "I'm unable to authorise any payment until the adjuster has been, and the next slot is {later}.",
                ],
            },
            Issue {
                reason: "renewal-price",
                short: "renewal price",
                topic: "your renewal price",
                open: &[
                    "My renewal has come through at {amount_big} and last year I paid {amount}. Nothing has changed.",
                    "Why has my car insurance gone up to {amount_big}? No claims, same {car}.",
                ],
                restate: &[
                    "The renewal is {amount_big} when last year was {amount}, and nothing's changed.",
                ],
                qa: &[
                    (
                        "Are you still parking the {car} on a driveway overnight?",
                        "Yes, same as always.",
                    ),
                    (
                        "Has your annual mileage changed?",
                        "If anything it's gone down.",
                    ),
                ],
                explore: &[(
                    "Have you had any quotes elsewhere?",
                    "One at about {amount}, that's why I'm getting in touch.",
                )],
                interpret: &[
                    "So you've had no claims, same {car}, and the price has jumped to {amount_big}; I can see why you're shopping around.",
                ],
                fix: &[
                    "I've re-rated the policy with your lower mileage and matched the {amount} quote. The new premium is confirmed.",
                ],
                fixed: &["Great, I'll stay then. Thanks.", "Thanks, that's fair."],
                cant_fix: &["The increase reflects market rates and I'm unable to change it."],
            },
            Issue {
                reason: "claim-declined",
                short: "claim declined",
                topic: "your claim being declined",
                open: &[
                    "You've declined my claim for my stolen bike, saying it wasn't listed, but I added it in {month}.",
                    "My claim {claim} was rejected and the letter doesn't explain why.",
                ],
                restate: &[
                    "My claim {claim} for the stolen bike was declined and I don't understand why.",
                ],
                qa: &[
                    (
                        "Do you have the email confirming the bike was added?",
                        "Yes, I can forward it.",
                    ),
                    ("When was the bike stolen?", "On {day}, from the shed."),
                ],
                explore: &[(
                    "What did the letter say exactly?",
                    "Just 'excluded under section 4'. Nothing else.",
                )],
                interpret: &[
                    "So you added the bike, you've got the email to prove it, and the letter just quotes 'section 4' at you; that's a poor way to be told.",
                ],
                fix: &[
                    "You're right, the bike was added to the policy. I've overturned the decision and the payment of {amount} will be with you within five days.",
                ],
                fixed: &[
                    "Oh, thank you. I really didn't expect that.",
                    "That's brilliant. Thank you.",
                ],
                cant_fix: &[
                    "The decision stands, I'm afraid, and I'm unable to do anything further; you can refer it to the Financial Ombudsman.",
                ],
            },
        ],
    },
    // 6 — healthcare appointment scheduling
    Domain {
        key: "healthcare",
        team: "appointments",
        companies: &["Riverside Health Clinic", "Oakwell Medical Group"],
        id_label: "patient number",
        second_label: "date of birth",
        transfers: &[
            ("the nurse team", "Nursing"),
            ("our referrals team", "Referrals"),
            ("the practice manager", "Practice Manager"),
        ],
        hold_reasons: &["check the clinic lists", "speak to the duty doctor"],
        distress: &[
            (
                &[0, 1, 2, 3],
                "My mother is in hospital and I'm trying to sort all of her appointments on my own.",
                "Sorting your mother's appointments on your own while she's in hospital is a lot; I'll keep this as simple as I can for you.",
            ),
            (
                &[0, 2],
                "I've been in pain for weeks and I just need to see someone. I'm at the end of my tether.",
                "Weeks of pain is a long time to wait; let's find the earliest slot we've got.",
            ),
        ],
        kb: &[
            "Appointments can be booked, changed or cancelled online through the patient portal up to 24 hours before your appointment. If no slots are shown, new appointments are released every weekday at 8am. If you need to be seen urgently, please call NHS 111 or, in an emergency, 999. Please let us know at least 24 hours in advance if you cannot attend so that your appointment can be offered to another patient.",
            "Test results: most blood test results are available within 5 working days. Your clinician will review your results and we will contact you if any follow-up is needed. You can view results marked “Normal – no action” in the patient portal. We are unable to discuss results over the phone until they have been reviewed by a clinician.",
        ],
        issues: &[
            Issue {
                reason: "new-appointment",
                short: "book appointment",
                topic: "getting an appointment for {specialty}",
                open: &[
                    "I need to book an appointment for {specialty}. My GP referred me on {date}.",
                    "I was told to book a {specialty} appointment, but every time I try the online booking it says no slots.",
                ],
                restate: &["I need a {specialty} appointment, I was referred on {date}."],
                qa: &[
                    (
                        "Do you have a preference for the {clinic} site?",
                        "{clinic} is easier for me, yes.",
                    ),
                    (
                        "Are mornings or afternoons better?",
                        "Mornings if possible, I work afternoons.",
                    ),
                ],
                explore: &[
                    (
                        "How have you been since your GP referred you?",
                        "Not great, to be honest. It's getting worse.",
                    ),
                    (
                        "Is there anything that makes it hard to get to appointments?",
                        "I don't drive, so I need somewhere near a bus route.",
                    ),
                ],
                interpret: &[
                    "So you were referred on {date}, it's getting worse, and the online system keeps showing no slots; let's get you booked in today.",
                ],
                fix: &[
                    "I've booked you in with {doctor} at {clinic} on {date2} at {time}. You'll get a text confirmation shortly.",
                ],
                fixed: &["That's great, thank you.", "Perfect, thanks so much."],
                cant_fix: &[
                    "There are no {specialty} appointments for the next eight weeks and I'm unable to add extra slots, I'm sorry.",
                ],
            },
            Issue {
                reason: "reschedule",
                short: "change appointment",
                topic: "moving your appointment",
                open: &[
                    "I need to move my appointment with {doctor} on {later}, I've got a hospital scan the same morning.",
                    "Can I change my {time} appointment on {later}? Something's come up.",
                ],
                restate: &["I need to rearrange my appointment with {doctor} on {later}."],
                qa: &[
                    (
                        "Would you like to stay with {doctor}?",
                        "Yes please, they know my history.",
                    ),
                    ("Is the following week any good?", "Any day but Wednesday."),
                ],
                explore: &[(
                    "Is the scan related to what you're seeing {doctor} about?",
                    "Yes, they'll want the results, actually.",
                )],
                interpret: &[
                    "So the scan is on the same morning and {doctor} will want to see the results; it actually makes sense to go a bit later.",
                ],
                fix: &[
                    "I've moved you to {date2} at {time} with {doctor}, which gives the scan results time to come through.",
                ],
                fixed: &["Brilliant, that works. Thanks.", "Thanks, that's perfect."],
                cant_fix: &[
                    "{doctor} has nothing free for six weeks and I'm unable to overbook the clinic.",
                ],
            },
            Issue {
                reason: "clinic-cancellation",
                short: "appointment cancelled",
                topic: "your appointment being cancelled",
                open: &[
                    "You cancelled my {specialty} appointment by text the night before. That's twice now it's been cancelled.",
                    "I got a text saying my {specialty} appointment on {later} is cancelled, with no new date.",
                ],
                restate: &[
                    "My {specialty} appointment was cancelled by text the night before with no new date.",
                ],
                qa: &[
                    (
                        "Did the text give a reason for the cancellation?",
                        "No, just 'your appointment has been cancelled, we will be in touch'.",
                    ),
                    ("Have you had a letter since?", "Nothing."),
                ],
                explore: &[(
                    "What did you have to rearrange to be there?",
                    "I'd booked the day off work and sorted childcare.",
                )],
                interpret: &[
                    "So you'd booked the day off and sorted childcare, and it was cancelled by text the night before; that's a lot of wasted effort on your side.",
                ],
                fix: &[
                    "I've booked a priority slot with {doctor} on {date2} at {time}, and I've flagged your record so it can't be cancelled without a call.",
                ],
                fixed: &["Okay. Thank you, that helps.", "Thanks, I appreciate that."],
                cant_fix: &[
                    "The clinic list hasn't been released yet, so I'm unable to give you a new date today.",
                ],
            },
            Issue {
                reason: "test-results",
                short: "blood test results",
                topic: "waiting on your blood test results",
                open: &[
                    "I had blood tests on {date} and was told the results would take a week. It's been three.",
                    "I'm chasing my blood test results from {date}.",
                ],
                restate: &["I'm still waiting for my blood test results from {date}."],
                qa: &[
                    ("Which clinic took the bloods?", "{clinic}, with the nurse."),
                    (
                        "Did they say how you'd be contacted?",
                        "By text, they said. Nothing yet.",
                    ),
                ],
                explore: &[(
                    "Has the wait been worrying you?",
                    "Yes, I keep thinking no news is bad news.",
                )],
                interpret: &[
                    "So it's been three weeks instead of one, and the silence has you thinking the worst; that's a horrible wait.",
                ],
                fix: &[
                    "The results are back and {doctor} has reviewed them; there's nothing urgent. I've booked a call with {doctor} on {date2} to talk them through.",
                ],
                fixed: &["Oh, thank you. That's a relief.", "Thanks so much."],
                cant_fix: &[
                    "I'm unable to give results over the phone, and {doctor} hasn't reviewed them yet.",
                ],
            },
        ],
    },
    // 7 — software / SaaS support
    Domain {
        key: "saas",
        team: "product-support",
        companies: &["Ledgerly", "TaskHarbor"],
        id_label: "workspace ID",
        second_label: "email address",
        transfers: &[
            ("our billing team", "Billing"),
            ("the integrations team", "Integrations"),
            ("our account security team", "Account Security"),
        ],
        hold_reasons: &["check the logs", "ask engineering about the error"],
        distress: &[
            (
                &[0],
                "Payroll is due tomorrow and I can't get into the system. I'm panicking.",
                "With payroll due tomorrow, being locked out is the worst timing; let's get you back in first and worry about the rest after.",
            ),
            (
                &[1, 3],
                "My client is waiting on these invoices and I look completely unprofessional. This is ridiculous.",
                "Having a client waiting on invoices you can't send is embarrassing, I get it; let's get those invoices out today.",
            ),
        ],
        kb: &[
            "To reset two-factor authentication, the workspace owner must approve the request from Settings > Security > Members. If you are the workspace owner and have lost access to your authenticator app, use one of the backup codes you saved when you set up two-factor authentication. If you no longer have your backup codes, our support team will need to verify your identity before resetting access; this can take up to 2 working days.",
            "Bank feeds: we connect to your bank through our open banking partner. Connections need to be re-authorised every 90 days. If your feed shows “Sync failed”, go to Banking > Connections, select the account and choose “Reconnect”. Transactions from the last 90 days will be imported automatically once the connection is restored.",
        ],
        issues: &[
            Issue {
                reason: "login-2fa",
                short: "cant log in",
                topic: "being locked out of {company}",
                open: &[
                    "I'm locked out of my account. I got a new phone and the two-factor codes don't work any more.",
                    "I can't log in to {company}, it keeps saying my two-factor code is invalid.",
                ],
                restate: &[
                    "I'm locked out because my two-factor codes stopped working after I changed phone.",
                ],
                qa: &[
                    (
                        "Do you still have access to the email address on the account?",
                        "Yes, {email}.",
                    ),
                    (
                        "Did you save the backup codes when you set up two-factor?",
                        "No idea where they'd be.",
                    ),
                    (
                        "Are you logging in with a password or single sign-on?",
                        "Password and the authenticator app.",
                    ),
                ],
                explore: &[(
                    "What were you trying to get done when it locked you out?",
                    "Payroll. It's due tomorrow.",
                )],
                interpret: &[
                    "So you switched phones, the authenticator didn't come with you, and payroll is due; let's get you back in first.",
                ],
                fix: &[
                    "I've verified you and reset two-factor on the account. Log in with your password and you'll be asked to scan a new QR code.",
                ],
                fixed: &[
                    "I'm in. That's working now, thank you.",
                    "Yes, that's it, I'm back in. Thanks.",
                ],
                cant_fix: &[
                    "For security I'm unable to reset two-factor without the workspace owner's approval.",
                ],
            },
            Issue {
                reason: "integration-error",
                short: "bank feed not syncing",
                topic: "the {feature} failing",
                open: &[
                    "The {feature} has stopped syncing since {day}. Nothing new is coming through.",
                    "Since the update on {day} the {feature} keeps failing with error 502.",
                ],
                restate: &["The {feature} stopped syncing on {day} and keeps failing."],
                qa: &[
                    (
                        "Have you tried disconnecting and reconnecting the {feature}?",
                        "Yes, twice. It works for a day and then fails again.",
                    ),
                    (
                        "Which bank is the feed connected to?",
                        "Harbour Bank, the business account.",
                    ),
                    (
                        "Do you see an error message?",
                        "'Sync failed: 502'. That's all.",
                    ),
                ],
                explore: &[(
                    "What happened when you reconnected it?",
                    "It pulled in two days of transactions, then failed again overnight.",
                )],
                interpret: &[
                    "So every time you reconnect the {feature} it works for a day and falls over again; you're doing our job for us.",
                ],
                fix: &[
                    "There was a token problem on our side since the {day} update. I've refreshed it and re-run the sync, so you should see the missing transactions now.",
                ],
                fixed: &[
                    "Yep, they're all there now. Thanks again.",
                    "Got them. Thank you.",
                ],
                cant_fix: &[
                    "It's a known issue with that bank's connection, and I'm unable to fix it until the engineering team ships a patch.",
                ],
            },
            Issue {
                reason: "billing-duplicate",
                short: "charged twice",
                topic: "the double charge for your {plan} plan",
                open: &[
                    "I've been charged twice for the {plan} plan this month, {amount} each time.",
                    "Two payments of {amount} have gone out to {company} this month.",
                ],
                restate: &["You've charged me {amount} twice for the {plan} plan."],
                qa: &[
                    (
                        "Do you have two workspaces, by any chance?",
                        "No, just the one.",
                    ),
                    (
                        "Which dates did the payments go out?",
                        "The first and the third.",
                    ),
                ],
                explore: &[(
                    "Has the extra payment caused problems with cash flow?",
                    "It's a small business, so {amount} matters.",
                )],
                interpret: &[
                    "For a small business, an extra {amount} going out for nothing matters; I'd want it back straight away too.",
                ],
                fix: &[
                    "The renewal retried after a bank timeout and took it twice. I've refunded the duplicate {amount}; it'll be back in three to five working days.",
                ],
                fixed: &[
                    "Thanks, that's sorted then.",
                    "Great, thanks for the quick fix.",
                ],
                cant_fix: &[
                    "The second charge is for the annual add-on, so I'm unable to refund it.",
                ],
            },
            Issue {
                reason: "bug-report",
                short: "export crashing",
                topic: "the export crashing",
                open: &[
                    "The invoice export crashed again this morning. It's the third time this week.",
                    "Every time I export invoices to PDF the app crashes.",
                ],
                restate: &["The export keeps crashing when I try to download my invoices."],
                qa: &[
                    ("Which browser are you using?", "Chrome, latest version."),
                    (
                        "How many invoices are you exporting at once?",
                        "About 300, the whole quarter.",
                    ),
                    (
                        "Does it work with a smaller date range?",
                        "I haven't tried, to be honest.",
                    ),
                ],
                explore: &[(
                    "What happens on screen right before it crashes?",
                    "The progress bar gets to about 80% and the tab goes blank.",
                )],
                interpret: &[
                    "So the quarter's export gets to 80% and dies, every time, and you've got a deadline; that's maddening.",
                ],
                fix: &[
                    "There's a limit of 250 invoices per export at the moment. I've run the full export on our side and emailed you the file.",
                ],
                fixed: &[
                    "Got it, thank you.",
                    "Brilliant, that's everything. Thanks.",
                ],
                cant_fix: &[
                    "It's a known bug and I'm unable to work around it; engineering are aiming to fix it next sprint.",
                ],
            },
        ],
    },
];

// ---------------------------------------------------------------------------------------
// Shared lines
// ---------------------------------------------------------------------------------------

/// Stock empathy lines; a scripted agent always uses the same one (chosen by agent), which is
/// what makes them recur verbatim across calls.
const STOCK_EMPATHY: &[&str] = &[
    "I understand your frustration.",
    "I completely understand how you feel.",
    "I'm sorry to hear that.",
    "I understand how you feel.",
    "I apologize for any inconvenience this may have caused.",
];

/// The security notice chat agents paste while verifying the customer, in every domain.
const SECURITY_NOTICE: &str = "For your security, please do not share your full card number, password or PIN in this chat. We will only ask for the information we need to verify your identity. This conversation is recorded for training and quality purposes and is stored in line with our privacy policy, which you can read on our website.";

/// Reflections of the problem the customer has just described (only what they said).
const REFLECT: &[&str] = &[
    "So it's {topic}, and you've been left to chase it; I'm sorry, that shouldn't be on you.",
    "Ah, {topic}. That's frustrating, and I can see why you want it sorted today.",
    "Okay, so this is about {topic}. I can hear that it's been a hassle, so let's fix it properly.",
];

const GENERAL_DISTRESS: &[(&str, &str)] = &[
    (
        "I'm honestly so stressed about this, I've barely slept.",
        "I'm sorry, losing sleep over {topic} is awful. Let's get it sorted so it's not keeping you up tonight.",
    ),
    (
        "This is ridiculous. I pay every month and this keeps happening.",
        "You're right to be fed up; you pay every month and you shouldn't have to chase us about {topic}.",
    ),
    (
        "I'm at my wits' end with this, I really am.",
        "It sounds like {topic} has worn you right down, and I'm sorry it got this far. Let's finish it today.",
    ),
    (
        "I can't afford for this to go wrong again, money is really tight at the moment.",
        "I hear you; when money's tight, {topic} is the last thing you need. I'll make sure it doesn't cost you anything extra.",
    ),
];

const REPEAT_CONTACT: &[&str] = &[
    "This is my third call about this.",
    "I called yesterday and was promised a callback that never came.",
    "I already contacted you last week about this and nothing has happened.",
    "I've been on to you {times} times now about the same thing.",
    "I spoke to someone on {day} and they said it would be sorted within 48 hours.",
    "This is the second time I've had to get in touch about this.",
];

const CHANNEL_SWITCH_VOICE: &[&str] = &[
    "I tried the app already and it just gives me an error.",
    "I sent an email last week and never heard back.",
    "The chat told me to call you.",
    "Your website said it would be sorted in five working days.",
    "I already filled in the online form twice.",
];

const CHANNEL_SWITCH_CHAT: &[&str] = &[
    "I tried the app already and it just gives me an error.",
    "I sent an email last week and never heard back.",
    "I was on the phone for 40 minutes on hold and gave up, so I'm trying the chat.",
    "Your website said it would be sorted in five working days.",
    "I already filled in the online form twice.",
];

const ESCALATE: &[&str] = &[
    "I want to speak to a supervisor.",
    "Can I talk to your manager, please?",
    "I'd like to make a formal complaint about this.",
    "Can you escalate this? I'm getting nowhere.",
    "Put me through to someone more senior, please.",
];

const UNRESOLVED_END: &[&str] = &[
    "So it's still not fixed. Great.",
    "I'll just cancel then.",
    "This is useless. I'm going elsewhere.",
    "Fine. I'll wait, but I'm not happy.",
    "So I've wasted another hour for nothing.",
    "Right. So nothing's changed, then.",
];

const MARKUP: &[&str] = &[
    "the page just shows this when I log in: <script>alert('x')</script>",
    "copying the error exactly as it appears: \"><img src=x onerror=alert(1)>",
    "this is what's in the name field on my account <b>test</b><script>alert('x')</script> i never typed that",
    "it says <iframe src=\"javascript:alert(1)\"></iframe> where my address should be??",
];

const EMOJI_SAD: &[&str] = &["🙁", "😡", "😤", "😩", "🤦"];
const EMOJI_HAPPY: &[&str] = &["👍", "🙏", "😊", "🙂"];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---------------------------------------------------------------------------------------
// Slots: per-conversation values substituted into templates
// ---------------------------------------------------------------------------------------

#[derive(Default)]
struct Slots(Vec<(&'static str, String)>);

impl Slots {
    fn set(&mut self, key: &'static str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Substitutes `{key}` placeholders (recursively, so that a slot such as `topic` may
    /// itself contain placeholders) and capitalises the first letter.
    fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        self.fill_into(template, &mut out, 0);
        capitalise_first(out)
    }

    fn fill_into(&self, template: &str, out: &mut String, depth: u8) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let key = &after[..close];
                    match self.get(key) {
                        Some(value) if depth < 3 => self.fill_into(value, out, depth + 1),
                        Some(value) => out.push_str(value),
                        None => {
                            out.push('{');
                            out.push_str(key);
                            out.push('}');
                        }
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
    }
}

fn capitalise_first(mut s: String) -> String {
    let plain_word = s
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().all(|c| c.is_alphabetic() || c == '\''));
    if let Some(first) = s.chars().next()
        && first.is_lowercase()
        && plain_word
    {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
    s
}

/// Lowercases the first letter unless the first word is "I…" or looks like a code or a name
/// ("SK482", "Harbour" cannot be told from "The", so templates avoid leading names).
fn lower_first(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let keep = first_word == "I"
        || first_word.starts_with("I'")
        || first_word.chars().filter(|c| c.is_uppercase()).count() > 1
        || first_word.chars().any(|c| c.is_ascii_digit());
    if keep {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn pick<'a, T: ?Sized>(rng: &mut ChaCha8Rng, items: &[&'a T]) -> &'a T {
    items[rng.random_range(0..items.len())]
}

fn pick_pair<'a>(rng: &mut ChaCha8Rng, items: &[(&'a str, &'a str)]) -> (&'a str, &'a str) {
    items[rng.random_range(0..items.len())]
}

fn digits(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|i| {
            let lo = if i == 0 { 1 } else { 0 };
            char::from(b'0' + rng.random_range(lo..10u8))
        })
        .collect()
}

fn letters(rng: &mut ChaCha8Rng, n: usize, alphabet: &[u8]) -> String {
    (0..n)
        .map(|_| char::from(alphabet[rng.random_range(0..alphabet.len())]))
        .collect()
}

const REF_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const POSTCODE_AREAS: &[&str] = &[
    "SW4", "M14", "LS6", "B15", "EH9", "G12", "CF24", "BS7", "NE6", "L17", "OX4", "N16", "E8",
    "SE15", "BN2", "NG7", "YO10", "CB1",
];

fn postcode(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {}{}",
        pick(rng, POSTCODE_AREAS),
        rng.random_range(1..10u8),
        letters(rng, 2, b"ABDEFGHJLNPQRSTUWXYZ")
    )
}

fn money(rng: &mut ChaCha8Rng, symbol: &str, lo: u32, hi: u32, pence: bool) -> String {
    let pounds = rng.random_range(lo..hi);
    let whole = if pounds >= 1000 {
        format!("{},{:03}", pounds / 1000, pounds % 1000)
    } else {
        pounds.to_string()
    };
    if pence {
        format!("{symbol}{whole}.{:02}", rng.random_range(0..100u32))
    } else {
        format!("{symbol}{whole}")
    }
}

const MONTH_DAYS: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// A 2026 date as (month 1-12, day 1-31) from a 0-based day of the year.
fn month_day(mut doy: u32) -> (u32, u32) {
    for (m, len) in MONTH_DAYS.iter().enumerate() {
        if doy < *len {
            return (m as u32 + 1, doy + 1);
        }
        doy -= len;
    }
    (12, 31)
}

/// "14 March" for a 0-based day of 2026 (days before the year read as 31 December).
fn spoken_date(doy: i64) -> String {
    if doy < 0 {
        return "31 December".to_string();
    }
    let (m, d) = month_day(doy as u32);
    format!("{d} {}", MONTHS[(m - 1) as usize])
}

/// ASCII folding for e-mail addresses.
fn fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c {
                'á' | 'à' | 'ä' | 'â' => 'a',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'í' | 'ı' | 'ï' => 'i',
                'ó' | 'ö' | 'ô' => 'o',
                'ú' | 'ü' => 'u',
                'ń' => 'n',
                _ => c,
            };
            c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
        })
        .collect()
}

fn misspell(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 4 {
        return format!("{name}{}", chars.last().copied().unwrap_or('e'));
    }
    let mut out = chars.clone();
    out.swap(1, 2);
    if out == chars {
        out.remove(2);
    }
    out.into_iter().collect()
}

fn domain_slots(domain: usize, rng: &mut ChaCha8Rng, s: &mut Slots) {
    let cur = if domain == TRAVEL { "€" } else { "£" };
    s.set("amount", money(rng, cur, 38, 260, true));
    s.set("amount_small", money(rng, cur, 6, 36, true));
    s.set("amount_big", money(rng, cur, 420, 2400, false));
    s.set("postcode2", postcode(rng));
    s.set("card_tail", digits(rng, 4));
    match domain {
        TELECOM => {
            s.set("id", digits(rng, 8));
            s.set(
                "plan",
                pick(
                    rng,
                    &[
                        "Fibre 150",
                        "Fibre 500",
                        "Full Fibre 900",
                        "Unlimited 5G Max",
                        "Essentials 30GB",
                    ],
                ),
            );
            s.set(
                "device",
                pick(rng, &["Hub 4", "Hub 3", "router", "Smart Hub"]),
            );
            s.set(
                "country",
                pick(
                    rng,
                    &["Spain", "Portugal", "Türkiye", "Switzerland", "the US"],
                ),
            );
        }
        BANKING => {
            s.set("id", digits(rng, 8));
            s.set(
                "city",
                pick(
                    rng,
                    &["Lisbon", "Zürich", "Kraków", "Paris", "New York", "Málaga"],
                ),
            );
            s.set(
                "merchant",
                pick(
                    rng,
                    &[
                        "QuickMart Online",
                        "STREAMPLUS*SUB",
                        "Apex Travel Ltd",
                        "GLX Gaming",
                    ],
                ),
            );
        }
        RETAIL => {
            let prefix = if s.get("company") == Some("Brightcart") {
                "BC"
            } else {
                "LL"
            };
            s.set("id", format!("{prefix}-{}", digits(rng, 7)));
            let items = [
                "a standing desk",
                "a pair of running shoes",
                "a 55-inch TV",
                "a coffee machine",
                "a double duvet set",
                "a kids' bike",
                "a crème brûlée torch set",
            ];
            let a = rng.random_range(0..items.len());
            let b = (a + rng.random_range(1..items.len())) % items.len();
            s.set("item", items[a]);
            s.set("item2", items[b]);
            s.set("courier", pick(rng, &["Parcelwise", "DPX", "SwiftDrop"]));
            s.set(
                "city",
                pick(rng, &["Leeds", "Bristol", "Glasgow", "Norwich", "Cardiff"]),
            );
        }
        TRAVEL => {
            s.set("id", letters(rng, 6, REF_ALPHABET));
            s.set("flight", format!("SK{}", digits(rng, 3)));
            let cities = [
                "Manchester",
                "Málaga",
                "Zürich",
                "Lisbon",
                "Dublin",
                "Nice",
                "Reykjavík",
                "Kraków",
            ];
            let a = rng.random_range(0..cities.len());
            let b = (a + rng.random_range(1..cities.len())) % cities.len();
            s.set("origin", cities[a]);
            s.set("dest", cities[b]);
        }
        ENERGY => {
            s.set("id", digits(rng, 10));
            s.set("meter", digits(rng, 5));
        }
        INSURANCE => {
            s.set("id", format!("SHL-{}-{}", digits(rng, 4), digits(rng, 4)));
            s.set("claim", format!("CLM-{}", digits(rng, 6)));
            s.set(
                "car",
                pick(rng, &["Ford Fiesta", "VW Golf", "Toyota Yaris", "Kia Niro"]),
            );
            s.set("weeks", pick(rng, &["three", "four", "five", "six"]));
        }
        HEALTHCARE => {
            s.set("id", format!("RH{}", digits(rng, 6)));
            s.set(
                "doctor",
                pick(
                    rng,
                    &["Dr Okafor", "Dr Sandhu", "Dr Whitaker", "Dr Ferreira"],
                ),
            );
            s.set(
                "specialty",
                pick(
                    rng,
                    &[
                        "physiotherapy",
                        "dermatology",
                        "the diabetes clinic",
                        "cardiology",
                    ],
                ),
            );
            s.set(
                "clinic",
                pick(rng, &["Riverside", "Northgate", "Eastfield"]),
            );
        }
        SAAS => {
            s.set("id", format!("ws-{}", digits(rng, 5)));
            s.set(
                "feature",
                pick(rng, &["bank feed", "invoice export", "payroll sync"]),
            );
            s.set("plan", pick(rng, &["Starter", "Growth", "Scale"]));
        }
        _ => s.set("id", digits(rng, 8)),
    }
}

// ---------------------------------------------------------------------------------------
// The plan of one conversation
// ---------------------------------------------------------------------------------------

#[derive(Default)]
struct Plan {
    repeat_contact: bool,
    channel_switch: bool,
    distress: bool,
    distress_early: bool,
    hold: bool,
    transfer: bool,
    warm_transfer: bool,
    repeat_info: bool,
    restate_marker: bool,
    escalation: bool,
    unresolved: bool,
    /// A short, simple contact: no identification, one question, a brief goodbye.
    quick: bool,
}

impl Plan {
    fn draw(rng: &mut ChaCha8Rng) -> Plan {
        let mut p = Plan::default();
        // Journey archetypes, weighted; extras below mix them.
        let weights = [18u32, 12, 10, 9, 10, 8, 12, 8, 7, 6];
        let total: u32 = weights.iter().sum();
        let mut roll = rng.random_range(0..total);
        let mut archetype = 0;
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                archetype = i;
                break;
            }
            roll -= w;
        }
        match archetype {
            0 => {
                // Resolved first time, nothing in the way.
                p.quick = rng.random_bool(0.35);
                return p;
            }
            1 => p.transfer = true,
            2 => {
                p.repeat_contact = true;
                p.restate_marker = rng.random_bool(0.3);
            }
            3 => p.channel_switch = true,
            4 => p.hold = true,
            5 => p.repeat_info = true,
            6 => p.distress = true,
            7 => {
                p.escalation = true;
                p.unresolved = rng.random_bool(0.5);
            }
            8 => p.unresolved = true,
            _ => {
                p.repeat_contact = true;
                p.channel_switch = rng.random_bool(0.6);
                p.transfer = true;
                p.hold = true;
                p.restate_marker = true;
                p.distress = rng.random_bool(0.5);
                p.escalation = rng.random_bool(0.5);
                p.unresolved = rng.random_bool(0.5);
            }
        }
        p.hold |= rng.random_bool(0.15);
        p.distress |= rng.random_bool(0.12);
        p.channel_switch |= rng.random_bool(0.1);
        p.repeat_contact |= rng.random_bool(0.08);
        p.repeat_info |= rng.random_bool(0.08);
        p.restate_marker |= rng.random_bool(0.08);
        p.escalation |= p.repeat_contact && rng.random_bool(0.2);
        p.distress_early = rng.random_bool(0.5);
        p.warm_transfer = rng.random_bool(0.25);
        p
    }
}

// ---------------------------------------------------------------------------------------
// The conversation being written
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameIntro {
    /// The agent already knows the name (from the record or the pre-chat form).
    Known,
    /// "Hi, my name is …"
    MyNameIs,
    /// "… this is Ravi speaking."
    ThisIsSpeaking,
    /// The agent asks, then "Thank you, Mr. Patel."
    AgentAsks,
    /// The name is never said.
    Never,
}

struct Convo {
    rng: ChaCha8Rng,
    voice: bool,
    agent_label: &'static str,
    customer_label: &'static str,
    turns: Vec<TurnOut>,
    clock: f64,
    last_start: f64,
    agent_wps: f64,
    customer_wps: f64,
    slots: Slots,
    style: Style,
    name_known: bool,
    addr: String,
    rules: BTreeSet<&'static str>,
    empathy_said: Vec<String>,
    /// Customer turns that say the customer is repeating themselves ("As I said, …"): an
    /// opportunity for empathy, missed when the agent's answer has none.
    repeat_said_turns: Vec<usize>,
    /// Customer turns typed verbatim (pasted markup) escape the chat transform.
    verbatim_next: bool,
    /// The agent reads the identifier back wrong and the customer corrects it (fixed
    /// positions, like the markup, so that other conversations draw the same randomness).
    misread: bool,
    /// A caller who does not use the internet; the agent mentions the app (fixed positions).
    offline: bool,
    /// The turn in which that caller said so.
    offline_said: Option<usize>,
    /// A bot that does not understand the customer's first message (fixed positions).
    bot_confused: bool,
}

impl Convo {
    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        pick(&mut self.rng, items)
    }

    fn fill(&self, template: &str) -> String {
        self.slots.fill(template)
    }

    fn push(&mut self, speaker: &'static str, text: String) {
        let (start, end) = if self.voice {
            let words = text.split_whitespace().count().max(1) as f64;
            let (wps, is_customer, is_system) = if speaker == self.customer_label {
                (self.customer_wps, true, false)
            } else if speaker == "system" {
                (1.0, false, true)
            } else {
                (self.agent_wps, false, false)
            };
            if is_system {
                (self.clock, self.clock)
            } else {
                let dur = words / wps + self.rng.random_range(0.2..0.9);
                let prev_long = self
                    .turns
                    .last()
                    .and_then(|t| Some(t.end? - t.start?))
                    .is_some_and(|d| d > 2.5);
                let start = if self.turns.is_empty() {
                    self.rng.random_range(0.0..0.6)
                } else if is_customer && prev_long && self.chance(0.08) {
                    // The caller starts before the agent has finished.
                    (self.clock - self.rng.random_range(0.3..1.2)).max(self.last_start + 0.5)
                } else if self.chance(0.1) {
                    self.clock + self.rng.random_range(1.5..4.5)
                } else {
                    self.clock + self.rng.random_range(0.15..1.2)
                };
                (start, start + dur)
            }
        } else {
            (0.0, 0.0)
        };
        let (start, end) = if self.voice {
            let (s, e) = (round2(start), round2(end));
            self.last_start = s;
            self.clock = self.clock.max(e);
            (Some(s), Some(e))
        } else {
            (None, None)
        };
        self.turns.push(TurnOut {
            speaker,
            text,
            start,
            end,
        });
    }

    /// An agent turn; scripted agents work the customer's name into nearly every one.
    fn agent(&mut self, template: &str) {
        let text = self.fill(template);
        let p = match self.style {
            Scripted => 0.85,
            Mixed => 0.3,
            Natural => 0.0,
        };
        let text = if self.name_known && self.chance(p) {
            let at_end = self.chance(0.35);
            with_name(&text, &self.addr, at_end)
        } else {
            text
        };
        self.push(self.agent_label, text);
    }

    /// An agent turn said exactly as written (pasted knowledge-base text, disclosures).
    fn agent_plain(&mut self, template: &str) {
        let text = self.fill(template);
        self.push(self.agent_label, text);
    }

    fn agent_of(&mut self, options: &[&str]) {
        let line = self.pick(options);
        self.agent(line);
    }

    fn agent_plain_of(&mut self, options: &[&str]) {
        let line = self.pick(options);
        self.agent_plain(line);
    }

    fn customer_of(&mut self, options: &[&str]) {
        let line = self.pick(options);
        self.customer(line);
    }

    fn customer(&mut self, template: &str) {
        let text = self.fill(template);
        let text = if self.verbatim_next {
            self.verbatim_next = false;
            text
        } else if self.voice {
            if self.chance(0.1) {
                format!(
                    "{} {}",
                    self.pick(&["Um,", "Yeah, so", "Right,", "Uh,"]),
                    lower_first(&text)
                )
            } else {
                text
            }
        } else {
            chatify(&mut self.rng, &text)
        };
        self.push(self.customer_label, text);
    }

    fn system(&mut self, template: &str) {
        let text = self.fill(template);
        self.push("system", text);
    }

    fn bot(&mut self, template: &str) {
        let text = self.fill(template);
        self.push("bot", text);
    }

    fn silence(&mut self, seconds: f64) {
        self.clock += seconds;
    }

    /// Records an empathy line so that a second use of the same line can be labelled.
    fn note_empathy(&mut self, line: &str) {
        let line = self.fill(line);
        if self.empathy_said.contains(&line) {
            self.rules.insert("repeated-empathy");
        }
        self.empathy_said.push(line);
    }

    /// A stock empathy line: noted for repetition, and generic unless it is the apology
    /// (canned, but not a claim of empathy).
    fn stock_empathy(&mut self, line: &'static str) -> &'static str {
        self.note_empathy(line);
        if !line.contains("apologize") {
            self.plant("generic-empathy");
        }
        line
    }

    fn plant(&mut self, rule: &'static str) {
        self.rules.insert(rule);
    }

    /// A customer who has already done the steps an agent pastes is made to go over them
    /// again: `repeated-explanation`.
    fn plant_if_already_done(&mut self, reply: &str) {
        if reply.contains("already") {
            self.plant("repeated-explanation");
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Puts ", {addr}" before the end punctuation of the first (or last) sentence.
fn with_name(text: &str, addr: &str, at_end: bool) -> String {
    let ends: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            if !matches!(c, '.' | '?' | '!') {
                return false;
            }
            let next = text[i + c.len_utf8()..].chars().next();
            if !next.is_none_or(char::is_whitespace) {
                return false;
            }
            let word = text[..i].rsplit(' ').next().unwrap_or("");
            !matches!(word, "Mr" | "Ms" | "Mrs" | "Mx" | "Dr") && !word.is_empty()
        })
        .map(|(i, _)| i)
        .collect();
    let at = if at_end { ends.last() } else { ends.first() };
    match at {
        Some(&i) => {
            let (head, tail) = text.split_at(i);
            let head = head.trim_end_matches(',');
            format!("{head}, {addr}{tail}")
        }
        None => format!("{text}, {addr}."),
    }
}

/// How customers type in chat windows: lowercase, dropped full stops, typos, "u", emoji.
fn chatify(rng: &mut ChaCha8Rng, text: &str) -> String {
    let mut s = text.to_string();
    if rng.random_bool(0.35) {
        s = s
            .to_lowercase()
            .replace("#name#", "#NAME#")
            .replace("#number#", "#NUMBER#");
        s = s.replace("#email#", "#EMAIL#");
    }
    if rng.random_bool(0.3) && s.ends_with('.') && !s.ends_with("..") {
        s.pop();
    }
    if rng.random_bool(0.25) {
        s = typo(rng, &s);
    }
    if rng.random_bool(0.1) {
        // Phone keyboards turn apostrophes into typographic ones.
        s = s.replace('\'', "’");
    }
    if rng.random_bool(0.12) {
        s = s.replace("you ", "u ").replace("You ", "u ");
    }
    if rng.random_bool(0.15) {
        s = s.replace("please", "pls").replace("Please", "pls");
    }
    // Emoji only where the mood is plain from the words.
    let lower = s.to_lowercase();
    let sad = [
        "still",
        "never",
        "nothing",
        "ridiculous",
        "stressed",
        "second time",
        "useless",
        "again?",
        "wits' end",
        "panicking",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let happy = ["thank", "great", "perfect", "brilliant", "relief"]
        .iter()
        .any(|w| lower.contains(w));
    if (sad || happy) && rng.random_bool(0.15) {
        let e = if sad {
            pick(rng, EMOJI_SAD)
        } else {
            pick(rng, EMOJI_HAPPY)
        };
        s.push(' ');
        s.push_str(e);
    }
    s
}

/// Swaps two adjacent letters inside one longer plain word.
fn typo(rng: &mut ChaCha8Rng, s: &str) -> String {
    let words: Vec<&str> = s.split(' ').collect();
    let candidates: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.len() >= 5 && w.chars().all(|c| c.is_ascii_lowercase()))
        .map(|(i, _)| i)
        .collect();
    if candidates.is_empty() {
        return s.to_string();
    }
    let w = candidates[rng.random_range(0..candidates.len())];
    let mut chars: Vec<char> = words[w].chars().collect();
    let k = rng.random_range(1..chars.len() - 2);
    chars.swap(k, k + 1);
    let changed: String = chars.into_iter().collect();
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[w] = changed;
    out.join(" ")
}

// ---------------------------------------------------------------------------------------
// One conversation
// ---------------------------------------------------------------------------------------

/// Longest conversation kept; longer drafts are redrawn from another stream.
const MAX_TURNS: usize = 30;

/// Conversation `index` of the corpus for `seed`: drawn from ChaCha8 stream `index`, or, in
/// the rare case that draft runs past [`MAX_TURNS`], from the next alternative streams.
fn generate(seed: u64, index: u64) -> (Record, Label) {
    let mut attempt = 0u64;
    loop {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(index ^ (attempt << 48));
        let (record, label) = draft(rng, index);
        if record.turns.len() <= MAX_TURNS || attempt >= 15 {
            return (record, label);
        }
        attempt += 1;
    }
}

fn draft(mut rng: ChaCha8Rng, index: u64) -> (Record, Label) {
    // A handful of chats carry pasted markup, at fixed positions so every corpus has some.
    let inject = index % 47 == 11;
    let voice = !inject && rng.random_bool(0.55);
    // Domains take turns, so that every slice of the corpus has them in equal shares.
    let domain_ix = (index % DOMAINS.len() as u64) as usize;
    let domain = &DOMAINS[domain_ix];
    let team: Vec<&'static Agent> = AGENTS.iter().filter(|a| a.domain == domain_ix).collect();
    let agent = team[rng.random_range(0..team.len())];
    let issue_ix = rng.random_range(0..domain.issues.len());
    let issue = &domain.issues[issue_ix];
    let company = pick(&mut rng, domain.companies);
    let (first, last, title) = CUSTOMERS[rng.random_range(0..CUSTOMERS.len())];
    let anonymised = !voice && !inject && rng.random_bool(0.12);
    let name_in_record = !anonymised && rng.random_bool(0.8);
    let intro = if anonymised {
        NameIntro::Known
    } else if name_in_record {
        if voice && rng.random_bool(0.25) {
            NameIntro::MyNameIs
        } else {
            NameIntro::Known
        }
    } else {
        match rng.random_range(0..10) {
            0..=2 => NameIntro::MyNameIs,
            3..=4 => NameIntro::ThisIsSpeaking,
            5..=7 => NameIntro::AgentAsks,
            _ => NameIntro::Never,
        }
    };
    let plan = Plan::draw(&mut rng);
    let call_doy = loop {
        let doy = rng.random_range(4..181u32);
        // 1 January 2026 is a Thursday; contact centres here are closed on Sundays.
        if (doy + 3) % 7 != 6 {
            break doy;
        }
    };
    let (m, d) = month_day(call_doy);
    let date = format!("2026-{m:02}-{d:02}");

    // Another agent of the same team for transfers and colleague mentions.
    let teammates: Vec<&Agent> = AGENTS
        .iter()
        .filter(|a| a.domain == agent.domain && a.id != agent.id)
        .collect();
    let agent2 = teammates[rng.random_range(0..teammates.len())];
    let colleague = AGENTS[rng.random_range(0..AGENTS.len())].name;
    let colleague = if colleague == agent.name {
        agent2.name
    } else {
        colleague
    };

    let mut slots = Slots::default();
    slots.set("company", company);
    domain_slots(agent.domain, &mut rng, &mut slots);
    slots.set("first", first);
    slots.set("full", format!("{first} {last}"));
    slots.set("title_last", format!("{title} {last}"));
    slots.set("misspelt", misspell(first));
    slots.set("agent", agent.name);
    slots.set("agent2", agent2.name);
    slots.set("colleague", colleague);
    slots.set("id_label", domain.id_label);
    slots.set("second_label", domain.second_label);
    slots.set("day", pick(&mut rng, WEEKDAYS));
    slots.set("day2", pick(&mut rng, WEEKDAYS));
    // Past events happened before the call; bookings and visits come after it.
    let call_doy = i64::from(call_doy);
    let past = call_doy - rng.random_range(3..40i64);
    let later = call_doy + rng.random_range(2..25i64);
    let later2 = later + rng.random_range(1..12i64);
    let long_ago = call_doy - rng.random_range(25..120i64);
    slots.set("date", spoken_date(past));
    slots.set("later", spoken_date(later));
    slots.set("date2", spoken_date(later2));
    let month = if long_ago < 0 {
        "December"
    } else {
        MONTHS[(month_day(long_ago as u32).0 - 1) as usize]
    };
    slots.set("month", month);
    slots.set("times", pick(&mut rng, &["three", "four", "five"]));
    slots.set(
        "time",
        format!(
            "{}:{}",
            rng.random_range(8..18u8),
            pick(&mut rng, &["00", "15", "30", "45"])
        ),
    );
    slots.set("postcode", postcode(&mut rng));
    slots.set(
        "email",
        format!(
            "{}.{}{}@{}",
            fold(first),
            fold(last),
            rng.random_range(1..99u8),
            pick(
                &mut rng,
                &[
                    "gmail.com",
                    "outlook.com",
                    "yahoo.co.uk",
                    "icloud.com",
                    "btinternet.com"
                ]
            )
        ),
    );
    let dob = {
        let (dm, dd) = month_day(rng.random_range(0..365));
        format!(
            "{dd} {} {}",
            MONTHS[(dm - 1) as usize],
            rng.random_range(1940..2005u32)
        )
    };
    slots.set("dob", dob);
    slots.set(
        "ref",
        format!(
            "{}{}",
            letters(&mut rng, 2, b"ABCDEFGHJKLMNPRSTUVWXYZ"),
            digits(&mut rng, 5)
        ),
    );
    slots.set("topic", issue.topic);
    let team_short = domain.transfers[rng.random_range(0..domain.transfers.len())]
        .1
        .to_lowercase();
    slots.set("team_short", team_short);
    let id_value = slots.get("id").unwrap_or("").to_string();
    let tail: String = id_value
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // The tail misheard: its last digit or letter one further on.
    let wrong_tail: String = {
        let mut chars: Vec<char> = tail.chars().collect();
        if let Some(last) = chars.last_mut() {
            *last = match *last {
                '9' => '0',
                'z' => 'a',
                'Z' => 'A',
                c if c.is_ascii_alphanumeric() => (c as u8 + 1) as char,
                c => c,
            };
        }
        chars.into_iter().collect()
    };
    slots.set("wrong_tail", wrong_tail);
    slots.set("id_tail", tail);
    let second = match domain.second_label {
        "postcode" => slots.get("postcode").unwrap_or("").to_string(),
        "email address" => slots.get("email").unwrap_or("").to_string(),
        _ => slots.get("dob").unwrap_or("").to_string(),
    };
    slots.set("second", second);
    if anonymised {
        // Exports that mask personal data replace it with placeholders.
        for key in [
            "first",
            "full",
            "title_last",
            "agent",
            "agent2",
            "colleague",
        ] {
            slots.set(key, "#NAME#");
        }
        slots.set("misspelt", "#NAME#");
        for key in ["id", "id_tail", "card_tail"] {
            slots.set(key, "#NUMBER#");
        }
        slots.set("email", "#EMAIL#");
        let second = if domain.second_label == "email address" {
            "#EMAIL#"
        } else {
            "#NUMBER#"
        };
        slots.set("second", second);
    }

    let (agent_label, customer_label) = {
        let roll = rng.random_range(0..20);
        match (voice, roll) {
            (_, 0..=15) => ("agent", "customer"),
            (true, 16..=17) => ("AGENT", "CUSTOMER"),
            (true, _) => ("rep", "caller"),
            (false, 16..=17) => ("Agent", "Customer"),
            (false, _) => ("agent", "visitor"),
        }
    };
    let addr = if anonymised {
        "#NAME#".to_string()
    } else if agent.formal {
        format!("{title} {last}")
    } else {
        first.to_string()
    };
    let agent_wps = rng.random_range(2.6..3.2);
    let customer_wps = rng.random_range(2.2..3.0);

    let mut c = Convo {
        rng,
        voice,
        agent_label,
        customer_label,
        turns: Vec::with_capacity(24),
        clock: 0.0,
        last_start: 0.0,
        agent_wps,
        customer_wps,
        slots,
        style: agent.style,
        name_known: intro == NameIntro::Known,
        addr,
        rules: BTreeSet::new(),
        empathy_said: Vec::new(),
        repeat_said_turns: Vec::new(),
        verbatim_next: false,
        misread: index % 23 == 7 && !anonymised,
        offline: index % 13 == 5
            && voice
            && matches!(domain.key, "banking" | "energy" | "telecom" | "insurance"),
        bot_confused: index % 4 == 1,
        offline_said: None,
    };
    let ctx = Ctx {
        agent,
        agent2,
        domain,
        issue,
        issue_ix,
        plan: &plan,
        intro,
        inject,
        anonymised,
    };
    run(&mut c, &ctx);

    let id = format!("c-{:06}", index + 1);
    let channel = if voice { "voice" } else { "chat" };
    let (rules, negatives) = label_conversation(&c, &ctx, first, last);
    let record = Record {
        id: id.clone(),
        channel,
        agent_name: (!anonymised).then(|| agent.name.to_string()),
        customer_name: name_in_record.then(|| format!("{first} {last}")),
        metadata: Metadata {
            agent_id: agent.id,
            team: domain.team,
            date,
            domain: domain.key,
            company,
            reason: issue.reason,
        },
        turns: c.turns,
    };
    let label = Label {
        id,
        domain: domain.key,
        channel,
        agent_style: agent.style.as_str(),
        rules,
        negatives,
    };
    (record, label)
}

struct Ctx<'a> {
    agent: &'static Agent,
    agent2: &'static Agent,
    domain: &'static Domain,
    issue: &'static Issue,
    issue_ix: usize,
    plan: &'a Plan,
    intro: NameIntro,
    inject: bool,
    anonymised: bool,
}

fn run(c: &mut Convo, x: &Ctx) {
    let plan = x.plan;
    let issue = x.issue;
    let domain = x.domain;
    let style = x.agent.style;

    // --- preamble -------------------------------------------------------------------------
    if c.voice {
        if c.chance(0.2) {
            c.system("This call may be recorded for training and quality purposes.");
        }
    } else if c.chance(0.3) {
        c.bot(
            "Hi! I'm Sky, the {company} virtual assistant. Tell me in a few words what you need help with.",
        );
        let short = if c.chance(0.3) { "agent" } else { issue.short };
        c.customer(short);
        if c.bot_confused && short != "agent" {
            c.bot("Sorry, I didn't quite understand that. Could you rephrase your question?");
            // Short, so that the agent hearing the whole story next is no restatement.
            c.customer(&format!("{short} please"));
            c.plant("bot-misunderstood");
        }
        c.bot("Thanks. I'll connect you to one of our team; it may take a few minutes.");
        c.system("{agent} has joined the chat");
    }

    // --- greeting ---------------------------------------------------------------------------
    let ask_name = x.intro == NameIntro::AgentAsks;
    let greeting = match (style, c.voice) {
        (Scripted, true) => {
            "Thank you for calling {company}, my name is {agent}, how may I help you?"
        }
        (Scripted, false) => {
            "Thank you for contacting {company}, my name is {agent}, how may I help you today?"
        }
        (Mixed, true) => c.pick(&[
            "Thanks for calling {company}, you're speaking with {agent}. How can I help?",
            "Thank you for calling {company}, my name is {agent}, how may I help you?",
        ]),
        (Mixed, false) => c.pick(&[
            "Hi, thanks for contacting {company}. You're chatting with {agent}, how can I help?",
            "Thank you for contacting {company}, my name is {agent}, how may I help you today?",
        ]),
        (Natural, true) => c.pick(&[
            "Hi, you're through to {agent} at {company}. What can I do for you?",
            "Morning! {agent} here at {company}, how can I help?",
            "Hello, {company}, this is {agent}. What's going on?",
        ]),
        (Natural, false) => c.pick(&[
            "Hi there, {agent} here 👋 what can I help with?",
            "Hi! I'm {agent} from the {company} team. What's up?",
            "Hello, {agent} here. How can I help today?",
        ]),
    };
    if ask_name {
        let g = format!(
            "{greeting} {}",
            c.pick(&["Who am I speaking with?", "Can I take your name, please?"])
        );
        c.agent_plain(&g);
        c.customer_of(&["It's {full}.", "{full}.", "Yeah, it's {full}."]);
        c.name_known = true;
        c.agent_plain_of(&[
            "Thank you, {title_last}. How can I help today?",
            "Thanks, {title_last}. What can I do for you?",
        ]);
    } else {
        c.agent_plain(greeting);
    }

    // --- customer opening ------------------------------------------------------------------
    let mut opening = String::new();
    match x.intro {
        NameIntro::MyNameIs => {
            opening.push_str(c.pick(&["Hi, my name is {full}. ", "Hello, my name is {full}, "]))
        }
        NameIntro::ThisIsSpeaking => opening.push_str("Hello, this is {first} speaking. "),
        _ => {}
    }
    if plan.repeat_contact {
        let line = c.pick(REPEAT_CONTACT);
        append_sentence(&mut opening, line);
        opening.push(' ');
        c.plant("repeat-contact");
    }
    let open_line = c.pick(issue.open);
    append_sentence(&mut opening, open_line);
    if plan.channel_switch {
        let line = if c.voice {
            c.pick(CHANNEL_SWITCH_VOICE)
        } else {
            c.pick(CHANNEL_SWITCH_CHAT)
        };
        opening.push(' ');
        opening.push_str(line);
        c.plant("channel-switch");
    }
    let distress = if plan.distress {
        let fitting: Vec<(&str, &str)> = domain
            .distress
            .iter()
            .filter(|(fits, _, _)| fits.contains(&x.issue_ix))
            .map(|&(_, line, reply)| (line, reply))
            .collect();
        let pool: &[(&str, &str)] = if !fitting.is_empty() && c.chance(0.6) {
            &fitting
        } else {
            GENERAL_DISTRESS
        };
        Some(pick_pair(&mut c.rng, pool))
    } else {
        None
    };
    if let (Some((line, _)), true) = (distress, plan.distress_early) {
        opening.push(' ');
        opening.push_str(line);
    }
    c.customer(&opening);
    if matches!(x.intro, NameIntro::MyNameIs | NameIntro::ThisIsSpeaking) {
        c.name_known = true;
    }

    // --- first response: empathy (or not) and identification -----------------------------
    // A quick contact goes straight to the one question that matters.
    let quick_qa = plan.quick.then(|| pick_pair(&mut c.rng, issue.qa));
    let ask_id = match style {
        Scripted => "Can I please have your {id_label}?",
        Mixed => c.pick(&[
            "Can I take your {id_label}, please?",
            "Could you give me your {id_label} so I can pull the account up?",
        ]),
        Natural => c.pick(&[
            "Can I grab your {id_label} so I can pull everything up?",
            "What's the {id_label}? I'll have a look.",
            "If you give me your {id_label}, I'll take a look.",
        ]),
    };
    let ask_id = quick_qa.map_or(ask_id, |(q, _)| q);
    if plan.distress_early
        && let Some(d) = distress
    {
        respond_to_distress(c, x, d, ask_id);
    } else {
        let mut line = String::new();
        match style {
            Scripted => {
                if c.chance(0.75) {
                    let e = c.stock_empathy(own_stock_line(x.agent));
                    line.push_str(e);
                    line.push(' ');
                }
                line.push_str("I'd be happy to help you with that. ");
                line.push_str(ask_id);
            }
            Mixed => {
                let roll = c.rng.random_range(0..10);
                if roll < 4 {
                    let e = c.pick(STOCK_EMPATHY);
                    let e = c.stock_empathy(e);
                    line.push_str(e);
                    line.push(' ');
                } else if roll < 7 {
                    let e = c.pick(REFLECT);
                    c.note_empathy(e);
                    c.plant("empathy-interpretation");
                    line.push_str(e);
                    line.push(' ');
                } else {
                    line.push_str(
                        c.pick(&["Okay, let's have a look. ", "Right, I can help with that. "]),
                    );
                }
                line.push_str(ask_id);
            }
            Natural => {
                let roll = c.rng.random_range(0..20);
                if roll < 9 {
                    let e = c.pick(REFLECT);
                    c.note_empathy(e);
                    c.plant("empathy-interpretation");
                    line.push_str(e);
                    line.push(' ');
                } else if roll < 12 {
                    let e = c.pick(&[
                        "Oh no, sorry to hear about {topic}.",
                        "Ah, that's really annoying, sorry about {topic}.",
                    ]);
                    c.note_empathy(e);
                    c.plant("empathy-reaction");
                    line.push_str(e);
                    line.push(' ');
                } else if roll < 14 {
                    line.push_str(c.pick(&["Oh no, that's not good. ", "Ah, that's annoying. "]));
                    c.plant("empathy-reaction");
                } else {
                    line.push_str(
                        c.pick(&["Okay, let's get that sorted. ", "Sure, let's take a look. "]),
                    );
                }
                line.push_str(ask_id);
            }
        }
        c.agent(&line);
    }

    if let Some((_, answer)) = quick_qa {
        c.customer(answer);
        resolved_end(c, x);
        return;
    }

    // --- identification ---------------------------------------------------------------------
    let p_notice = match style {
        Scripted => 0.5,
        Mixed => 0.3,
        Natural => 0.05,
    };
    if !c.voice && c.chance(p_notice) {
        c.agent_plain(SECURITY_NOTICE);
    }
    let give_id = if c.chance(0.14) {
        "Hold on, let me find it… okay, it's {id}."
    } else {
        c.pick(&["Sure, it's {id}.", "It's {id}.", "{id}.", "Yes, it's {id}."])
    };
    c.customer(give_id);
    if c.voice && !x.anonymised && c.chance(0.12) {
        c.agent_plain("Sorry, you broke up a little there. Could you say that again?");
        c.customer("{id}.");
    }
    if style == Scripted && c.chance(0.5) {
        c.agent("Please bear with me while I pull up your account.");
    }
    if c.misread {
        c.agent_plain("Just to confirm, that's {wrong_tail} at the end?");
        c.customer_of(&[
            "No, that's not right, it's {id_tail}.",
            "No, that's wrong. It ends {id_tail}.",
        ]);
        c.agent_plain("Sorry about that, {id_tail}. Got it.");
        c.plant("correction");
    } else if c.chance(0.3) {
        c.agent_plain("Just to confirm, that's {id_tail} at the end?");
        c.customer_of(&["Yes.", "That's right.", "Yep."]);
    }
    if matches!(x.domain.key, "banking" | "energy" | "telecom") && c.chance(0.25) {
        c.agent("Thanks. And are you the account holder?");
        c.customer_of(&["Yes, I am.", "Yes, it's in my name."]);
    }
    if c.chance(0.45) {
        if style == Scripted && c.voice {
            c.agent_plain("For security purposes, I'll need to ask you a few questions before we go any further.");
        }
        c.agent("Thank you. Can you confirm the {second_label} on the account?");
        c.customer("{second}.");
        if c.chance(0.25) {
            c.agent_plain_of(&[
                "No problem, that's all matched.",
                "Thanks, that's all fine.",
            ]);
        }
    }

    // --- a caller who does not use the internet ---------------------------------------------
    if c.offline {
        c.agent_plain("For next time, the quickest way to do this is online, in our app.");
        c.customer("I don't do the online, love. I haven't got a computer.");
        c.offline_said = Some(c.turns.len() - 1);
        if style == Natural {
            c.agent_plain("That's fine, we'll keep doing everything by phone then.");
        } else {
            c.agent_plain(
                "That's okay, you can also use our mobile app on a smartphone if that's easier for you.",
            );
            c.plant("self-service-push");
        }
    }

    // --- the agent was not listening: the customer has to say it again ---------------------
    if plan.restate_marker {
        c.agent_of(&[
            "So what seems to be the problem today?",
            "And what can I help you with today?",
            "Okay, and what's the issue you're having?",
        ]);
        let marker = c.pick(&[
            "As I said, ",
            "Like I told you, ",
            "I already explained this. ",
            "For the third time, ",
            "I've already told you, ",
        ]);
        let restate = c.pick(issue.restate);
        let restate = c.fill(restate);
        let body = if marker.ends_with(", ") {
            lower_first(&restate)
        } else {
            restate
        };
        c.customer(&format!("{marker}{body}"));
        c.repeat_said_turns.push(c.turns.len() - 1);
        c.plant("repeated-explanation");
    }

    // --- diagnosis and exploration ----------------------------------------------------------
    let load = [
        plan.transfer,
        plan.hold,
        plan.repeat_info,
        plan.restate_marker,
        plan.escalation,
        plan.distress,
        x.inject,
    ]
    .iter()
    .filter(|b| **b)
    .count();
    let rounds = if plan.quick || load >= 3 {
        1
    } else {
        c.rng.random_range(1..=3usize)
    };
    let p_explore = match style {
        Scripted => 0.05,
        Mixed => 0.3,
        Natural => 0.55,
    };
    let mut used_qa: Vec<usize> = Vec::new();
    let mut used_explore: Vec<usize> = Vec::new();
    for round in 0..rounds {
        let explore = c.chance(p_explore) && used_explore.len() < issue.explore.len();
        if explore {
            let i = unused(&mut c.rng, issue.explore.len(), &used_explore);
            used_explore.push(i);
            let (q, a) = issue.explore[i];
            c.agent(q);
            c.plant("empathy-exploration");
            c.customer(a);
            if style != Scripted && c.chance(0.5) {
                // The reading of the situation that goes with what was just asked.
                let e = issue.interpret[i % issue.interpret.len()];
                if !c.empathy_said.contains(&c.fill(e)) {
                    c.note_empathy(e);
                    c.agent(e);
                    c.plant("empathy-interpretation");
                }
            }
        } else if used_qa.len() < issue.qa.len() {
            let i = unused(&mut c.rng, issue.qa.len(), &used_qa);
            used_qa.push(i);
            let (q, a) = issue.qa[i];
            if style == Natural && c.chance(0.15) {
                c.agent("Can you tell me a bit more about what's been happening?");
                c.plant("empathy-exploration");
                c.customer_of(issue.restate);
            }
            c.agent(q);
            c.customer(a);
        }
        if round == 0
            && plan.distress
            && !plan.distress_early
            && let Some(d) = distress
        {
            c.customer(d.0);
            if used_qa.len() < issue.qa.len() {
                let i = unused(&mut c.rng, issue.qa.len(), &used_qa);
                used_qa.push(i);
                let (q, a) = issue.qa[i];
                respond_to_distress(c, x, d, q);
                c.customer(a);
            } else {
                respond_to_distress(c, x, d, "Let me see what I can do.");
                c.customer_of(&["Okay.", "Fine.", "Right."]);
            }
        }
        if round == 0 && x.inject {
            c.verbatim_next = true;
            c.customer_of(MARKUP);
            c.agent_of(&[
                "Thanks for sending that. It looks like a display fault on our side; I've flagged it to the web team.",
                "Thank you for sharing that. Please don't enter anything else in that field for now.",
            ]);
        }
    }

    // --- a knowledge-base article pasted into the chat --------------------------------------
    // On calls, scripted agents read the same article out word for word.
    let p_kb = match (style, c.voice) {
        (Scripted, false) => 0.9,
        (Mixed, false) => 0.6,
        (Natural, false) => 0.15,
        (Scripted, true) => 0.45,
        (Mixed, true) => 0.15,
        (Natural, true) => 0.0,
    };
    if c.chance(p_kb)
        && let Some(kb) = kb_article(x)
    {
        if c.voice {
            c.agent_plain(kb);
            let reply = c.pick(&[
                "Yes, I've done all that already.",
                "Okay.",
                "Right. I know, I've read that.",
            ]);
            c.customer(reply);
            c.plant_if_already_done(reply);
        } else {
            if c.chance(0.5) {
                c.agent("Please see the information below.");
            }
            c.agent_plain(kb);
            let reply = c.pick(&[
                "I've already done all of that.",
                "ok",
                "yes I read that on the website, it doesn't help",
                "ok thanks",
            ]);
            c.customer(reply);
            c.plant_if_already_done(reply);
        }
    }

    // --- escalation ------------------------------------------------------------------------
    if plan.escalation {
        if c.chance(0.6) {
            // What the customer is reacting to.
            c.agent_of(&[
                "I'm afraid I can only go by what's on the system.",
                "There isn't much I can do about that from here.",
                "That's just how it's been set up, unfortunately.",
            ]);
        }
        c.customer_of(ESCALATE);
        c.plant("escalation-request");
        let reply = match style {
            Scripted => {
                let e = c.stock_empathy(own_stock_line(x.agent));
                format!(
                    "{e} I can log a complaint on your behalf and a team leader will review it within five working days."
                )
            }
            _ => c
                .pick(&[
                    "That's completely fair. I've logged a formal complaint and asked my team leader to call you back by {day2}.",
                    "Of course. My supervisor isn't free right now, but I've booked a callback from her for today.",
                ])
                .to_string(),
        };
        c.agent(&reply);
        if c.chance(0.5) {
            c.agent_plain("Your complaint reference is {ref}. That's {ref} for your records.");
        }
    }

    // --- hold ------------------------------------------------------------------------------
    if plan.hold {
        hold(c, x);
    }

    // --- transfer --------------------------------------------------------------------------
    if plan.transfer {
        transfer(c, x);
    }

    // --- asked again for the identifier ----------------------------------------------------
    if plan.repeat_info && !c.rules.contains("repeated-info-request") {
        c.agent_of(&[
            "Sorry, can I take your {id_label} again?",
            "Could you give me the {id_label} one more time?",
            "What was your {id_label}, sorry?",
        ]);
        c.customer_of(&[
            "I gave it to you at the start. It's {id}.",
            "It's {id}, same as before.",
            "{id}. That's the second time I've given it.",
        ]);
        c.plant("repeated-info-request");
    }

    // --- resolution and close ----------------------------------------------------------------
    if plan.unresolved {
        unresolved_end(c, x);
    } else {
        resolved_end(c, x);
    }
}

/// Appends a sentence, lowercasing its first letter when it continues a clause ("…, ").
fn append_sentence(text: &mut String, sentence: &str) {
    if text.ends_with(", ") {
        text.push_str(&lower_first(sentence));
    } else {
        text.push_str(sentence);
    }
}

/// Which knowledge-base paragraph (if any) fits each issue, by domain and issue index.
const KB_FOR_ISSUE: [[Option<usize>; 5]; 8] = [
    [Some(0), Some(1), Some(1), None, None],
    [Some(0), Some(0), Some(1), Some(0), Some(0)],
    [Some(1), Some(0), Some(0), Some(0), None],
    [Some(0), Some(1), Some(0), None, None],
    [Some(0), Some(0), Some(1), Some(0), None],
    [Some(0), Some(0), Some(1), Some(0), None],
    [Some(0), Some(0), Some(0), Some(1), None],
    [Some(0), Some(1), None, None, None],
];

/// The knowledge-base paragraph an agent would paste for this issue.
fn kb_article(x: &Ctx) -> Option<&'static str> {
    let k = (*KB_FOR_ISSUE.get(x.agent.domain)?.get(x.issue_ix)?)?;
    x.domain.kb.get(k).copied()
}

/// The stock empathy line a scripted agent always uses (the same one across all calls).
fn own_stock_line(agent: &Agent) -> &'static str {
    let i = AGENTS
        .iter()
        .position(|a| a.id == agent.id)
        .unwrap_or_default();
    STOCK_EMPATHY[i % STOCK_EMPATHY.len()]
}

/// A random index in `0..n` not in `used` (`used` is shorter than `n`).
fn unused(rng: &mut ChaCha8Rng, n: usize, used: &[usize]) -> usize {
    let free: Vec<usize> = (0..n).filter(|i| !used.contains(i)).collect();
    free[rng.random_range(0..free.len())]
}

/// The agent's turn right after the customer voiced distress: ignored (straight to
/// procedure), a stock line, or a reply that takes up what the customer said.
fn respond_to_distress(c: &mut Convo, x: &Ctx, d: (&str, &str), then: &str) {
    let p_ignore = match x.agent.style {
        Scripted => 0.55,
        Mixed => 0.35,
        Natural => 0.08,
    };
    if c.chance(p_ignore) {
        // "Security first" only makes sense when the next step is identification.
        let procedural = if then.contains("{id_label}") {
            c.pick(&[
                "Okay. {then}",
                "{then}",
                "Right. I'll need to take you through security first. {then}",
            ])
        } else {
            c.pick(&["Okay. {then}", "{then}", "Right. {then}"])
        };
        let line = procedural.replace("{then}", then);
        c.agent(&line);
        c.plant("missed-empathy");
        return;
    }
    let specific = match x.agent.style {
        Scripted => false,
        Mixed => c.chance(0.5),
        Natural => true,
    };
    if specific {
        c.note_empathy(d.1);
        c.plant("empathy-interpretation");
        c.plant("empathy-reaction");
        c.agent(&format!("{} {then}", d.1));
    } else {
        let e = c.stock_empathy(own_stock_line(x.agent));
        c.agent(&format!("{e} {then}"));
    }
}

fn hold(c: &mut Convo, x: &Ctx) {
    let reason = c.pick(x.domain.hold_reasons);
    let announce = if c.voice {
        c.pick(&[
            "Can I place you on a brief hold while I {reason}?",
            "Please hold while I {reason}.",
            "I'm going to put you on hold for a couple of minutes while I {reason}, is that okay?",
            "I'll pop you on hold for a moment while I {reason}.",
        ])
    } else {
        c.pick(&[
            "I'll need a few minutes to {reason}, please hold.",
            "Can I place you on a brief hold while I {reason}?",
        ])
    };
    c.slots.set("reason", reason);
    c.agent(announce);
    c.plant("hold");
    c.customer_of(&["Sure.", "Okay.", "Yeah, go on.", "Fine."]);
    if c.voice {
        let secs = c.rng.random_range(35.0..260.0);
        c.silence(secs);
    } else if c.chance(0.4) {
        c.customer_of(&["hello?", "are you still there?", "hello??"]);
    }
    let back = match x.agent.style {
        Scripted => c.pick(&[
            "Thank you for your patience.",
            "Thank you for your patience. Your call is important to us.",
        ]),
        _ => c.pick(&[
            "Thanks for holding.",
            "Sorry for the wait.",
            "Thanks for bearing with me, I've got an answer.",
        ]),
    };
    c.agent(back);
    if x.agent.style != Scripted && c.chance(0.3) {
        c.agent_plain("I've just checked with {colleague} in our {team_short} team and we can see what happened.");
    }
}

fn transfer(c: &mut Convo, x: &Ctx) {
    let (target, queue) = {
        let t = x.domain.transfers;
        t[c.rng.random_range(0..t.len())]
    };
    c.slots.set("target", target);
    c.slots.set("queue", queue);
    let announce = match x.agent.style {
        Scripted => {
            "I'm going to transfer you to {target}, who will be happy to help you with that. Thank you for your patience."
        }
        _ => c.pick(&[
            "Let me transfer you to {target}, they deal with this.",
            "I'm connecting you to {target} now.",
            "I'll need to put you through to {target} for this one.",
        ]),
    };
    c.agent(announce);
    c.plant("transfer");
    c.customer_of(&["Okay.", "Fine, whatever.", "Again? Okay.", "Right."]);
    if c.voice {
        c.system("Call transferred to {queue}");
        let secs = c.rng.random_range(8.0..90.0);
        c.silence(secs);
    } else {
        c.system("Chat transferred to {queue}");
        c.system("{agent2} has joined the chat");
    }
    c.style = x.agent2.style;
    if x.plan.warm_transfer {
        c.agent_plain(
            "Hi, it's {agent2} in {queue}. {agent} has filled me in on {topic}, so you don't need to go through it again.",
        );
        c.customer_of(&["Oh, good. Thank you.", "Thank goodness for that."]);
        return;
    }
    if c.chance(0.5) || x.plan.repeat_info {
        c.agent_plain_of(&[
            "Hi, {agent2} in {queue}. Can I start with your {id_label}?",
            "Hello, you're through to {queue}, {agent2} speaking. What's your {id_label}?",
        ]);
        c.customer_of(&[
            "I gave it to the last person. It's {id}.",
            "{id}. I already gave that.",
        ]);
        c.plant("repeated-info-request");
        c.agent("Thanks. And what's the problem?");
    } else {
        c.agent_plain_of(&[
            "Hi, {agent2} in {queue}. How can I help?",
            "Hello, you're through to {queue}. What seems to be the problem?",
        ]);
    }
    let prefix = c.pick(&[
        "",
        "",
        "I've explained this to the last agent already, but ",
        "Right, from the start then. ",
        "I've just been through all this with {agent}. ",
    ]);
    let restate = c.pick(x.issue.restate);
    let restate = c.fill(restate);
    let body = if prefix.ends_with(", ") || prefix.ends_with("but ") {
        lower_first(&restate)
    } else {
        restate
    };
    c.customer(&format!("{prefix}{body}"));
    if prefix.contains("already") || prefix.contains("been through") {
        c.repeat_said_turns.push(c.turns.len() - 1);
    }
    c.plant("repeated-explanation");
}

fn resolved_end(c: &mut Convo, x: &Ctx) {
    let style = c.style;
    let fix = c.pick(x.issue.fix);
    if style == Natural && c.chance(0.15) {
        c.agent(&format!(
            "{fix} I'll also ask {{colleague}} in {{team_short}} to keep an eye on it."
        ));
    } else {
        c.agent(fix);
    }
    c.customer_of(x.issue.fixed);
    if x.plan.quick && c.chance(0.5) {
        c.agent_plain_of(&[
            "Glad that's sorted. Take care!",
            "You're welcome, have a good day.",
            "Great. Thanks for getting in touch.",
        ]);
        return;
    }
    if c.chance(0.35) {
        c.agent_plain_of(&[
            "Your reference number is {ref}. That's {ref}, in case you need it.",
            "I'll read that back: your confirmation number is {ref}.",
        ]);
        c.customer_of(&["Got it, thanks.", "Thanks, I've written it down."]);
    }
    if matches!(x.domain.key, "retail" | "energy" | "saas") && c.chance(0.25) {
        c.agent_plain("I'll send the confirmation to {email}, is that still right?");
        c.customer("Thanks, that's the right address.");
    }
    if c.chance(0.15) {
        c.agent_plain("You can also use our app to keep track of this.");
        c.customer("Ok, I'll check the app later.");
    }
    match style {
        Scripted => {
            c.agent("Is there anything else I can help you with today?");
            c.customer_of(&[
                "No, that's all, thanks.",
                "No thanks.",
                "No, that's everything.",
            ]);
            if c.voice {
                c.agent("Thank you for calling {company}. Have a great day!");
            } else {
                c.agent("Thank you for contacting {company}. Have a great day!");
            }
        }
        Mixed => {
            c.agent("Is there anything else I can help with today?");
            c.customer_of(&[
                "No, that's it.",
                "No, that's all. Thanks again.",
                "Nope, thanks.",
            ]);
            if c.voice {
                c.agent_plain_of(&["Thanks for calling, take care.", "No problem. Take care."]);
            } else {
                c.agent_plain_of(&[
                    "Thanks for getting in touch, take care.",
                    "No problem. Take care.",
                ]);
            }
        }
        Natural => {
            c.agent_of(&[
                "Anything else I can sort out while I've got you?",
                "Is there anything else going on with the account?",
            ]);
            let last = if c.chance(0.2) {
                "No, that's everything. If it happens again I'll call back tomorrow."
            } else {
                c.pick(&[
                    "No, that's everything. Thanks again.",
                    "No, you've been really helpful, thank you.",
                    "That's all, thanks.",
                ])
            };
            c.customer(last);
            let bye = if c.name_known && c.chance(0.6) {
                c.pick(&[
                    "You're welcome, {addr}. Take care.",
                    "No problem at all, {addr}. Have a good evening.",
                ])
            } else {
                c.pick(&[
                    "You're welcome. Take care.",
                    "No problem at all. Have a good evening.",
                ])
            };
            let addr = c.addr.clone();
            c.agent_plain(&bye.replace("{addr}", &addr));
        }
    }
}

fn unresolved_end(c: &mut Convo, x: &Ctx) {
    c.plant("unresolved");
    let roll = c.rng.random_range(0..3);
    if roll == 0 {
        // No fix, no confirmation: the conversation just stops.
        c.agent_of(&[
            "I've passed it on to the team; they'll be in touch.",
            "I've raised a ticket and someone will get back to you in three to five working days.",
        ]);
        c.customer_of(&["Right. We'll see.", "ok.", "Fine."]);
        return;
    }
    let cant = c.pick(x.issue.cant_fix);
    c.agent(cant);
    c.customer_of(UNRESOLVED_END);
    if roll == 1 {
        if c.style == Scripted {
            c.agent("I apologize for any inconvenience this may have caused.");
        } else {
            c.agent_plain_of(&[
                "I'm sorry I couldn't do more today.",
                "I'm unable to do anything further, I'm afraid. Sorry about that.",
            ]);
        }
        if !c.voice && c.chance(0.5) {
            c.system("Customer left the chat");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Labels: what the finished conversation contains
// ---------------------------------------------------------------------------------------

/// Canned lines from the tool's lexicon (lowercase fragments).
const CANNED: &[&str] = &[
    "understand your frustration",
    "apologize for any inconvenience",
    "thank you for your patience",
    "anything else i can help you with",
    "anything else i can help with",
    "your call is important to us",
    "completely understand how you feel",
    "please bear with me",
    "happy to help you with that",
];

/// Hard negatives and the (lowercase) text that carries them, with the role that says it.
const NEGATIVES: &[(&str, bool, &str)] = &[
    ("bank-transfer", true, "bank transfer"),
    ("balance-transfer", true, "balance transfer"),
    ("balance-transfer", true, "transfer the balance"),
    ("transfer-money", true, "transfer money"),
    ("customer-hold-on", true, "hold on, let me"),
    ("hold-the-reservation", false, "hold the reservation"),
    ("account-holder", false, "account holder"),
    ("no-problem", false, "no problem"),
    ("ordinary-thanks", true, "that's the right address"),
    ("read-back-reference", false, "that's {ref}"),
    ("read-back-reference", false, "confirmation number is"),
    ("confirm-once", false, "just to confirm"),
    ("say-that-again", false, "say that again"),
    ("innocent-again", true, "thanks again"),
    ("innocent-again", true, "again this morning"),
    ("innocent-again", true, "happens again"),
    ("supervisor-approved", false, "supervisor approved"),
    ("store-manager", true, "store manager"),
    ("call-back-later", true, "call back tomorrow"),
    ("agent-app-mention", false, "use our app"),
    ("check-app-later", true, "check the app later"),
    ("thanks-for-calling", false, "thanks for calling"),
    ("colleague-name", false, "checked with"),
    ("colleague-name", false, "i'll also ask"),
];

fn label_conversation(
    c: &Convo,
    x: &Ctx,
    first: &str,
    last: &str,
) -> (Vec<&'static str>, Vec<&'static str>) {
    let mut rules = c.rules.clone();
    let agent_turns: Vec<&TurnOut> = c
        .turns
        .iter()
        .filter(|t| t.speaker == c.agent_label)
        .collect();
    // Name over-use as the rule states it: at least 4 mentions, in at least half the turns.
    if !x.anonymised {
        let mut mentions = 0;
        let mut with_name = 0;
        for t in &agent_turns {
            let n = count_word(&t.text, first) + count_word(&t.text, last);
            mentions += n;
            with_name += usize::from(n > 0);
        }
        if mentions >= 4 && with_name * 2 >= agent_turns.len() {
            rules.insert("name-overuse");
        }
    }
    // A customer saying they repeat themselves, answered by an agent turn without empathy.
    for &said in &c.repeat_said_turns {
        let answer = c.turns[said + 1..]
            .iter()
            .take_while(|t| t.speaker != c.customer_label)
            .find(|t| t.speaker == c.agent_label);
        if let Some(answer) = answer {
            let lower = answer.text.to_lowercase();
            let empathic = c
                .empathy_said
                .iter()
                .any(|l| answer.text.contains(l.as_str()))
                || ["sorry", "apolog", "understand", "frustrat"]
                    .iter()
                    .any(|cue| lower.contains(cue));
            if !empathic {
                rules.insert("missed-empathy");
            }
        }
    }
    // The app or the website held out to a caller who said they do not use them, by any
    // later line of the agent's (a pasted "You can also use our app to keep track of this.").
    if let Some(said) = c.offline_said {
        let pushed = c.turns[said + 1..].iter().any(|t| {
            let lower = t.text.to_lowercase();
            t.speaker == c.agent_label
                && (count_word(&lower, "app") > 0 || count_word(&lower, "online") > 0)
                && !lower.contains("by phone")
        });
        if pushed {
            rules.insert("self-service-push");
        }
    }
    let agent_lower: Vec<String> = agent_turns.iter().map(|t| t.text.to_lowercase()).collect();
    if agent_lower.iter().any(|t| {
        CANNED.iter().any(|p| t.contains(p))
            || (t.contains("my name is") && t.contains("how may i help"))
    }) {
        rules.insert("canned-phrase");
    }
    let mut negatives = BTreeSet::new();
    let reference = c.slots.get("ref").unwrap_or("").to_lowercase();
    for t in &c.turns {
        let customer = t.speaker == c.customer_label;
        let agent = t.speaker == c.agent_label;
        let lower = t.text.to_lowercase();
        for (id, by_customer, needle) in NEGATIVES {
            let needle = needle.replace("{ref}", &reference);
            if ((*by_customer && customer) || (!*by_customer && agent)) && lower.contains(&needle) {
                negatives.insert(*id);
            }
        }
    }
    if x.anonymised {
        negatives.insert("placeholder-name");
    }
    if x.inject {
        negatives.insert("markup-injection");
    }
    if !x.anonymised
        && agent_turns
            .iter()
            .any(|t| count_word(&t.text, x.agent.name) > 0)
    {
        negatives.insert("agent-own-name");
    }
    if !rules.contains("unresolved") {
        negatives.insert("resolved-end");
    }
    (rules.into_iter().collect(), negatives.into_iter().collect())
}

/// Occurrences of `word` in `text` as a whole word.
fn count_word(text: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    text.match_indices(word)
        .filter(|&(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}
