//! Word lists the empathy rules share: the words of a fault, of service work, and the words
//! that may open a question.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Words VADER scores negative that name the fault or the facts of the case, not a feeling:
/// "the app keeps saying payment failed", "a claim after an accident". Not "stuck" or "no",
/// which are as often the customer's plight ("now I'm stuck", "a newborn and no heating").
pub(super) const FAULT_WORDS: &[&str] = &[
    // "My phone died halfway through": a device's death (a person's is a distress phrase).
    "died",
    "dead",
    "failed",
    "failing",
    "fail",
    "fails",
    "failure",
    "error",
    "errors",
    "problem",
    "problems",
    "issue",
    "issues",
    "broken",
    "accident",
    "leak",
    "leaking",
    "damage",
    "damaged",
    "lost",
    "missing",
    "wrong",
    "fault",
    "faulty",
    "crash",
    "crashed",
    "crashing",
    "delayed",
    "charged",
    "overcharged",
    "cancelled",
    "canceled",
    "declined",
    "outage",
    "disconnected",
    "dropped",
    "dropping",
    "late",
    "stolen",
    "fraud",
    "scams",
    // "the crime number's HC0176…": the police reference.
    "crime",
    "debt",
    "arrears",
    "rejected",
    "refused",
    "denied",
    "crushed",
    "smashed",
    "cracked",
    "suspended",
    "blocked",
    // "is there a way to block gambling on my cards": the service asked for.
    "block",
    "blocking",
    "penalty",
    "warning",
    "scam",
    "cancel",
    "mistake",
    "mistakes",
];

/// Words of a first-person sentence that make it the agent's service work or a hedge ("I've
/// checked the system", "I'm afraid I can't"), not an experience of their own.
const SERVICE_WORDS: &[&str] = &[
    // What is free and when: "Earliest I have is Thursday, eight to one."
    "earliest",
    "warning",
    "warnings",
    "marking",
    "noting",
    "colleagues",
    // "…not seeing a cancellation on file".
    "file",
    // "What's your memorable place?" is a security question.
    "memorable",
    "verified",
    "verification",
    "removing",
    "crediting",
    "adding",
    "broker",
    "mobile",
    "flagging",
    "logging",
    "soonest",
    "available",
    "availability",
    "showing",
    "review",
    "reviewed",
    "assessment",
    "reassess",
    "reassessment",
    "check",
    "checked",
    "checking",
    "see",
    "look",
    "looked",
    "looking",
    "send",
    "sent",
    "resend",
    "resent",
    "lifted",
    "unblocked",
    "unfrozen",
    "reconnected",
    "restored",
    "dispatch",
    "dispatched",
    "chase",
    "chased",
    "released",
    "cleared",
    "rerun",
    "reran",
    "reversed",
    "renewed",
    "reactivated",
    "reinstated",
    "transfer",
    "transferred",
    "raise",
    "raised",
    "escalate",
    "escalated",
    "book",
    "booked",
    "arrange",
    "arranged",
    "update",
    "updated",
    // Work in progress: "I'm updating it now", "I'm sending a new one".
    "updating",
    "installing",
    "connecting",
    "restarting",
    "resetting",
    "fixing",
    "sending",
    "processing",
    "booking",
    "arranging",
    "raising",
    "refunding",
    "cancelling",
    "canceling",
    "process",
    "processed",
    "refund",
    "refunded",
    "cancel",
    "cancelled",
    "canceled",
    "confirm",
    "confirmed",
    "note",
    "noted",
    "pass",
    "passed",
    "email",
    "emailed",
    "contact",
    "contacted",
    "sort",
    "sorted",
    "fix",
    "fixed",
    "let",
    "afraid",
    "sure",
    "apologise",
    "apologize",
    "apologies",
    "sorry",
    "help",
    "assist",
    "system",
    "account",
    "team",
    "colleague",
    "manager",
    "supervisor",
    "department",
    "thanks",
    "thank",
    "answer",
    "bearing",
    "hold",
    "moment",
    "minute",
    "number",
    "details",
    "reference",
    "order",
    "payment",
    "bill",
    "billing",
    "sales",
    "specialist",
    "representative",
    "booking",
    "appointment",
    "engineer",
    "delivery",
    "claim",
    "policy",
    "card",
    "credit",
    "moved",
    "added",
    "approved",
    "applied",
    "issued",
    "rebook",
    "rebooked",
    "reschedule",
    "rescheduled",
    "logged",
    "reset",
    "reissued",
    "credited",
    "ordered",
    "replaced",
    "replacement",
    "visit",
    "callback",
    "ticket",
    "case",
    "request",
    "requested",
    "submitted",
    "flagged",
    "activated",
    "unlocked",
    "blocked",
    "block",
    "waived",
    "compensation",
    "voucher",
    "tracking",
    "parcel",
    "courier",
    "technician",
    "slot",
    "tariff",
    "contract",
    "router",
    "connection",
    "signal",
    "wifi",
    "status",
    "fee",
    "charge",
    "charged",
    "discount",
    "upgrade",
    "balance",
    "statement",
    "invoice",
    "receipt",
    "record",
    "records",
    "notes",
    "access",
    "information",
    "screen",
    "queue",
    "line",
    "app",
    "version",
    "code",
    "codes",
    "reading",
    "meter",
    "feed",
    "bank",
    "device",
    "approve",
    "repair",
    "repairs",
    "pay",
    "paid",
    "payee",
    "transaction",
    "purchase",
    "cable",
    "error",
    "settings",
    "password",
    "login",
    "browser",
    "install",
    "installed",
    "restart",
    "reboot",
    "removed",
    "saved",
    "bundle",
    "roaming",
    "active",
    // "I've marked it as a vulnerable customer so it's prioritised" is the agent at work.
    "customer",
    "customers",
    "marked",
    "prioritised",
    "prioritized",
    "priority",
    // What a customer is asked for to be identified: "what's your username?" is procedure.
    "username",
    "postcode",
    "zip",
    "address",
    "birth",
    "surname",
    "interpreter",
    "portal",
    // An income and expenditure assessment: "what would you say your monthly rent or
    // mortgage is?"
    "mortgage",
    "income",
    "expenditure",
    "outgoings",
    // "And your mum's name?" takes down a detail; it explores nothing.
    "name",
    "pin",
    "serial",
    "passport",
    "membership",
];

/// [`SERVICE_WORDS`] as a set: looked up for nearly every word of an agent's sentences.
static SERVICE_WORD_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| SERVICE_WORDS.iter().copied().collect());

/// Whether a word is one of the [`SERVICE_WORDS`].
pub(super) fn is_service_word(word: &str) -> bool {
    SERVICE_WORD_SET.contains(word)
}

/// A service word that names the work itself (the account, the booking, checking, refunding),
/// not the hedges and courtesies that any speaker uses ("sure", "sorry", "see", "help").
pub(super) fn is_work_word(word: &str) -> bool {
    is_service_word(word)
        && !matches!(
            word,
            "sorry"
                | "afraid"
                | "sure"
                | "help"
                | "let"
                | "see"
                | "look"
                | "looked"
                | "looking"
                | "thanks"
                | "thank"
                | "moment"
                | "minute"
                | "answer"
                | "moved"
                | "added"
                | "pass"
                | "passed"
                | "sort"
                | "sorted"
                | "fix"
                | "fixed"
                | "note"
                | "bearing"
        )
}

/// Words that may open a question before its real first word ("so, how are you?").
pub(super) fn is_opener(word: &str) -> bool {
    matches!(
        word,
        "so" | "and"
            | "but"
            | "or"
            | "well"
            | "hey"
            | "oh"
            | "ok"
            | "okay"
            | "also"
            | "just"
            | "now"
            | "then"
            | "out"
            | "of"
            | "curiosity"
            | "honestly"
            | "anyway"
            | "btw"
            | "haha"
            | "lol"
            | "hmm"
            | "yeah"
            | "yes"
            | "no"
            | "hi"
            | "hello"
    )
}
