//! The built-in phrase lexicons, compiled once per run and shared by all threads.
//!
//! Entries are written in lowercase; `[a|b|]` lists variants (the empty one makes a word
//! optional); contractions may be written either way. See [`crate::lexicon`].

use crate::analyse::TurnText;
use crate::lexicon::{Combined, Lexicon, PhraseMatch, RawMatch};

/// What kind of stock line a canned phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canned {
    /// Empathy cliché ("I understand your frustration").
    Empathy,
    /// Apology cliché ("I apologize for any inconvenience").
    Apology,
    /// Greeting script ("thank you for calling …, how may I help you").
    Greeting,
    /// Hold script ("thank you for your patience").
    Hold,
    /// Closing script ("is there anything else I can help you with").
    Closing,
    /// Service filler ("I'd be happy to help you with that").
    Filler,
}

impl Canned {
    /// Lowercase name used in finding details.
    pub fn as_str(self) -> &'static str {
        match self {
            Canned::Empathy => "empathy cliché",
            Canned::Apology => "apology cliché",
            Canned::Greeting => "greeting script",
            Canned::Hold => "hold script",
            Canned::Closing => "closing script",
            Canned::Filler => "service filler",
        }
    }
}

/// The EPITOME mechanism an empathy cue belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    /// Emotional reaction.
    Reaction,
    /// Interpretation.
    Interpretation,
    /// Exploration.
    Exploration,
}

/// What kind of empathy cue a phrase is, beyond its mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Sympathy or understanding: generic when it refers to nothing the customer said.
    Sympathy,
    /// Hope, luck or encouragement for the customer ("good luck", "hang in there"): alludes to
    /// the feeling, so always a weak reaction; never generic sympathy.
    Positive,
    /// Joy the speaker names for the customer ("I'm so glad for you"): strong when tied to the
    /// customer's words; never generic sympathy.
    Joy,
    /// Comfort that alludes to the feeling without naming it ("you're not alone", "take
    /// care of yourself"): always a weak reaction, and generic when it refers to nothing the
    /// customer said.
    Comfort,
    /// A restatement frame ("so you've…"): empathy only when it carries the customer's words.
    Restatement,
    /// An impression of the customer's situation ("it sounds like you…"): as sympathy, but not
    /// when the sentence is about the work and names no feeling ("it seems like your router
    /// needs replacing" diagnoses).
    Impression,
    /// The speaker relating an experience of their own that matches the customer's ("I've been
    /// through the same", "that happened to me too"): a specific interpretation.
    Experience,
    /// A statement of understanding ("I know how you feel"): as sympathy, and also a weak
    /// reaction.
    Understanding,
    /// Solidarity from shared experience ("I can relate"): as an experience, and also a weak
    /// reaction.
    Solidarity,
    /// A question frame that gathers facts as often as it explores ("do you still…?"):
    /// exploration only when the question is not about the work.
    Probe,
    /// An offer to listen put as a question ("do you want to talk about it?"): exploration
    /// that also alludes to the feeling, so a weak reaction too, as in EPITOME.
    OfferToListen,
    /// The speaker stating a feeling of their own for the customer, intensified or aimed at
    /// them ("I'm so sorry", "sorry you're going through this", "my heart goes out to you"):
    /// a strong reaction, as in EPITOME, where naming the feeling is what makes a reaction
    /// strong and alluding to it ("hang in there") weak.
    Felt,
}

/// What a phrase says about doing things online.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digital {
    /// The customer says they do not use, or have not got, the digital channels ("I don't do
    /// the online, I haven't got a computer", "I'm hopeless with these things").
    Unable,
    /// A self-service channel named (the app, online banking, the website), which an agent
    /// may point the customer to.
    Channel,
}

/// Conversation events that cost the customer effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A transfer announced.
    Transfer,
    /// A hold announced.
    Hold,
    /// The customer left waiting without a word, asking whether anyone is there: a hold
    /// nobody announced.
    LeftWaiting,
    /// The customer says they contacted before.
    RepeatContact,
    /// The customer says they tried another channel.
    ChannelSwitch,
    /// The customer asks for a manager, to escalate or to complain.
    Escalation,
    /// A bot or voice menu says it did not understand the customer.
    NotUnderstood,
}

/// Kinds of customer information an agent may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Info {
    /// Account, customer, member or policy number.
    Account,
    /// Order, booking, reference, ticket or case number.
    Order,
    /// E-mail address.
    Email,
    /// Phone number.
    Phone,
    /// Postcode or ZIP code.
    Postcode,
    /// Date of birth.
    Birth,
    /// Full name.
    Name,
    /// Postal address.
    Address,
    /// Card number or its last digits.
    Card,
}

impl Info {
    /// Human name used in details.
    pub fn as_str(self) -> &'static str {
        match self {
            Info::Account => "account number",
            Info::Order => "order/reference number",
            Info::Email => "e-mail address",
            Info::Phone => "phone number",
            Info::Postcode => "postcode",
            Info::Birth => "date of birth",
            Info::Name => "name",
            Info::Address => "address",
            Info::Card => "card number",
        }
    }
}

/// What a repetition marker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repetition {
    /// The customer says they are saying it again ("as I said", "for the third time").
    Said,
    /// The customer has already done what the agent suggests ("I've already done all of
    /// that", "tried that already"): made to go over their own steps again.
    AlreadyDone,
    /// The customer insists on what they asked for ("I just want to cancel", "please just
    /// cancel it"): a repetition when an earlier turn of theirs asked for the same.
    Insisted,
}

/// What a thanks phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thanks {
    /// The customer thanks for something ("thanks, that's great", "I appreciate it").
    Given,
    /// A thanks that declines an offer ("no thanks", "nope, thanks"): polite, but not
    /// gratitude for help received.
    Declined,
    /// A thanks that gives up ("thanks anyway", "thanks for nothing", "thanks, but…"): not
    /// gratitude either.
    Hollow,
}

/// What a wait phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// The agent asks the customer to wait a little: "bear with me", "one moment", "let me
    /// check".
    Asked,
    /// The agent comes back to a customer left waiting: "thanks for waiting", "sorry to keep
    /// you", "are you still there?"
    Ended,
}

/// How a conversation's end reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Resolution or satisfied thanks.
    Resolved,
    /// The customer or the agent says it is not solved.
    Unresolved,
    /// Somebody will come back to the customer: not solved, unless it is to arrange what was
    /// done ("they'll be in touch to confirm the time").
    Deferred,
    /// The speaker undertakes the work that solves it ("I'll refund the £40 now", "I'm
    /// sending a replacement today"), or reports work that the customer could as well report
    /// of their own attempts ("I've submitted it now"): a resolution when the agent says it;
    /// from the customer ("I'll book it online then") it says nothing of the service.
    Committed,
}

/// What a phrase of the correction lexicon says about a customer turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    /// The customer says the agent got it wrong ("that's not what I asked", "are you sure").
    Marker,
    /// After an opening "no", the customer restates what they want ("no, I need it for four").
    Restate,
    /// After an opening "no", a polite close or decline ("no thanks", "no, that's all").
    Decline,
    /// An opening "no" that only answers a question ("no, I haven't").
    Denial,
}

/// Two vocabularies that signal an event when they meet in one customer sentence
/// ("I already went through the guide on your help centre": a try verb and a channel).
pub struct Cooccurrence {
    /// The event signalled.
    pub event: Event,
    /// First vocabulary.
    pub first: Lexicon<()>,
    /// Second vocabulary.
    pub second: Lexicon<()>,
    /// Words of which one must appear somewhere in the turn, when set.
    pub context: Option<Lexicon<()>>,
}

const TRY_VERBS: &[&str] = &[
    "tried",
    "already",
    "went through",
    "followed",
    "used",
    "submitted",
    "sent",
    "emailed",
    "filled",
    "attempted",
    "checked",
    "logged in to",
    "visited",
    "went to",
    "went into",
    "messaged",
    "tweeted",
    "posted on",
];
const CHANNELS: &[&str] = &[
    "app",
    "website",
    "site",
    "online",
    "web chat",
    "chat",
    "chatbot",
    "bot",
    "portal",
    "help centre",
    "help center",
    "faq",
    "guide",
    "form",
    "email",
    "e mail",
    "store",
    "shop",
    "branch",
    "self service",
    "automated line",
    "virtual assistant",
    "community forum",
    "twitter",
    "facebook",
    "messenger",
];
const ASKING: &[&str] = &[
    "speak",
    "talk",
    "put me through",
    "get me",
    "want",
    "need",
    "would like",
    "can i have",
    "give me",
    "is there",
    "let me",
    "demand",
    "insist",
    "transfer me",
    "connect me",
    // "can i get a manager", "could I get a supervisor on the line?"
    "[can|could] [i|we] get",
];
const SENIOR: &[&str] = &[
    "manager",
    "supervisor",
    "superior",
    "someone senior",
    "someone more senior",
    "more senior",
    "someone higher up",
    "someone above you",
    "team leader",
    "team lead",
    "boss",
    "[whoever is|whoever's|someone who is|someone who's|the person|someone|somebody] in charge",
    "escalated",
    "escalate",
    "escalation",
];
const CONTACTED: &[&str] = &[
    "called",
    "rang",
    "phoned",
    "contacted",
    "chatted",
    "spoke to",
    "spoke with",
    "talked to",
    "emailed",
    "wrote to",
    "opened a ticket",
    "raised a ticket",
    "logged a ticket",
    "reported this",
    "reported it",
    "raised this",
    "opened a case",
    "logged a call",
    "complained",
    // A complaint or fault made before, as its own contact: "I logged a complaint on the 3rd",
    // "I reported a fault last week", "I reported the leak on Monday" (not "to report": the
    // past only).
    "[logged|raised|made|lodged|filed|opened|put in|submitted] [a|the|my] [complaint|fault|fault report|claim|case|request]",
    "reported [a|the] [fault|problem|issue|leak|outage|missing|damage|damaged|broken|loss|theft|smell]",
    "[called|rang|phoned|emailed|messaged|wrote to|contacted] you",
    "[on|been on] the phone [to|with] [you|your]",
];
const EARLIER: &[&str] = &[
    "yesterday",
    "last week",
    "last month",
    "last time",
    "earlier",
    "before",
    "already",
    "ago",
    "twice",
    "three times",
    "several times",
    "this morning",
    "last night",
    "on monday",
    "on tuesday",
    "on wednesday",
    "on thursday",
    "on friday",
    "on saturday",
    "on sunday",
    "last monday",
    "last tuesday",
    "last wednesday",
    "last thursday",
    "last friday",
    "last saturday",
    "last sunday",
    "last year",
    "previously",
    "the other day",
    "[last|at the|over the] weekend",
    // A date: "on the 3rd", "on the 12th of May", "back in March", "since January".
    "on the [1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|11th|12th|13th|14th|15th|16th|17th|18th|19th|20th|21st|22nd|23rd|24th|25th|26th|27th|28th|29th|30th|31st|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth]",
    "[in|since|back in|early|late|at the start of|at the end of|last] [january|february|march|april|may|june|july|august|september|october|november|december]",
];
const SAME_ISSUE: &[&str] = &[
    "about this",
    "about it",
    "about the same",
    "about my",
    "about our",
    "was told",
    "were told",
    "promised",
    "still",
    "closed",
    "hasn't",
    "has not",
    "haven't",
    "have not",
    "never",
    "nothing",
    "again",
    "no one",
    "nobody",
    "without",
    "didn't",
    "did not",
    "wasn't",
    "isn't",
    "not fixed",
    "same problem",
    "same issue",
    // What that contact was told, or how it went unanswered: "I spoke to Sarah yesterday and
    // she said…", "I emailed on the 4th and got no response".
    "said",
    "told me",
    "told us",
    "already",
    "no reply",
    "no response",
    "no answer",
    "heard nothing",
    "heard back",
    "heard anything",
    "nothing back",
];

/// The agent asking for a wait, and coming back from one.
const WAITS: &[(&str, Wait)] = &[
    ("bear with me", Wait::Asked),
    ("one moment", Wait::Asked),
    ("just a moment", Wait::Asked),
    ("give me a moment", Wait::Asked),
    ("one second", Wait::Asked),
    ("one sec", Wait::Asked),
    ("just a second", Wait::Asked),
    ("just a sec", Wait::Asked),
    ("give me a second", Wait::Asked),
    ("give me a sec", Wait::Asked),
    ("one minute", Wait::Asked),
    ("just a minute", Wait::Asked),
    ("give me a minute", Wait::Asked),
    ("give me two minutes", Wait::Asked),
    ("give me a couple of minutes", Wait::Asked),
    ("give me a few minutes", Wait::Asked),
    ("hang on", Wait::Asked),
    ("let me check", Wait::Asked),
    ("let me just check", Wait::Asked),
    ("let me have a look", Wait::Asked),
    ("let me just have a look", Wait::Asked),
    ("let me look", Wait::Asked),
    ("let me find", Wait::Asked),
    ("let me see", Wait::Asked),
    ("i will just check", Wait::Asked),
    ("i will be right back", Wait::Asked),
    ("will not be a moment", Wait::Asked),
    ("will not be long", Wait::Asked),
    ("while i check", Wait::Asked),
    ("while i look", Wait::Asked),
    ("for waiting", Wait::Ended),
    ("for holding", Wait::Ended),
    ("for your patience", Wait::Ended),
    ("for bearing with me", Wait::Ended),
    ("for hanging on", Wait::Ended),
    ("keep you waiting", Wait::Ended),
    ("keeping you waiting", Wait::Ended),
    ("kept you waiting", Wait::Ended),
    ("sorry to keep you", Wait::Ended),
    ("for the wait", Wait::Ended),
    ("about the wait", Wait::Ended),
    ("for the long wait", Wait::Ended),
    ("for the delay", Wait::Ended),
    ("about the delay", Wait::Ended),
    ("are you still there", Wait::Ended),
    ("still with me", Wait::Ended),
];

/// Every built-in lexicon and the policy's mandated lines, compiled.
pub struct Lexicons {
    /// Stock service lines.
    pub canned: Lexicon<Canned>,
    /// Empathy cues by mechanism; `true` marks positive reactions (joy, hope), never generic sympathy.
    pub empathy: Lexicon<(Mechanism, Tone)>,
    /// Specific feelings and hardships; naming one makes empathy specific.
    pub feelings: Lexicon<()>,
    /// Customer distress.
    pub distress: Lexicon<()>,
    /// Explicit repetition markers ("as I said", "I've already done all of that").
    pub repetition: Lexicon<Repetition>,
    /// Items of customer information.
    pub info: Lexicon<Info>,
    /// Bare item names, for values the customer volunteers.
    pub bare_info: Lexicon<Info>,
    /// Phrases of a request ("can I have your", "what is your").
    pub request: Lexicon<()>,
    /// Effort events.
    pub events: Lexicon<Event>,
    /// Phrases that read as a problem being raised.
    pub problem: Lexicon<()>,
    /// Closing phrases.
    pub ending: Lexicon<Ending>,
    /// The customer correcting the agent, and what may follow an opening "no".
    pub correction: Lexicon<Correction>,
    /// The agent saying it cannot find or do what was asked.
    pub failure: Lexicon<()>,
    /// The customer saying they do not use the digital channels, and those channels named.
    pub digital: Lexicon<Digital>,
    /// The customer thanking, and the thanks that decline or close in vain ("no thanks",
    /// "thanks anyway").
    pub thanks: Lexicon<Thanks>,
    /// The agent asking the customer to wait, and coming back.
    pub waits: Lexicon<Wait>,
    /// Events found by two vocabularies meeting in one sentence.
    pub cooccurrences: Vec<Cooccurrence>,
    /// The policy's mandated lines (its `allow` list: greeting, legal disclosure, recording
    /// notice), empty unless given (see [`Lexicons::with_mandated_lines`]).
    pub mandated: Lexicon<()>,
    /// All of the above in one automaton, so that each turn is scanned once.
    combined: Combined,
}

/// Every lexicon's matches in one turn, found in a single scan and shared by all detectors.
#[derive(Debug, Clone, Default)]
pub struct TurnHits {
    /// Stock lines.
    pub canned: Vec<PhraseMatch>,
    /// Empathy cues.
    pub empathy: Vec<PhraseMatch>,
    /// Specific feelings.
    pub feelings: Vec<PhraseMatch>,
    /// Distress phrases.
    pub distress: Vec<PhraseMatch>,
    /// Repetition markers.
    pub repetition: Vec<PhraseMatch>,
    /// Items of information.
    pub info: Vec<PhraseMatch>,
    /// Bare item names.
    pub bare_info: Vec<PhraseMatch>,
    /// Request phrases.
    pub request: Vec<PhraseMatch>,
    /// Effort events.
    pub events: Vec<PhraseMatch>,
    /// Problem phrases.
    pub problem: Vec<PhraseMatch>,
    /// Closing phrases, overlapping ones included.
    pub ending: Vec<PhraseMatch>,
    /// Correction phrases, overlapping ones included.
    pub correction: Vec<PhraseMatch>,
    /// Agent failure phrases.
    pub failure: Vec<PhraseMatch>,
    /// Digital-channel phrases.
    pub digital: Vec<PhraseMatch>,
    /// Thanks phrases.
    pub thanks: Vec<PhraseMatch>,
    /// Wait phrases.
    pub waits: Vec<PhraseMatch>,
    /// For each co-occurrence rule: matches of its first and second vocabulary, and whether
    /// its context vocabulary (if any) is satisfied.
    pub cooccurrences: Vec<(Vec<PhraseMatch>, Vec<PhraseMatch>, bool)>,
    /// Mandated lines.
    pub mandated: Vec<PhraseMatch>,
    /// What the empathy rules read of each sentence of the line on its own, worked out when
    /// the line is first read as an agent's (see [`crate::detect::empathy::SentenceFacts`]).
    pub empathy_sentences: std::sync::OnceLock<Vec<crate::detect::empathy::SentenceFacts>>,
}

const CANNED: &[(&str, Canned)] = &[
    (
        "i [completely|totally|fully|really|definitely|] understand your [frustration|frustrations]",
        Canned::Empathy,
    ),
    (
        "i [completely|totally|fully|really|definitely|do|can|] understand how [frustrating|upsetting|annoying|difficult|stressful|inconvenient|distressing|worrying|concerning|hard] [this|that|it] [must be|can be|is|must have been]",
        Canned::Empathy,
    ),
    // Two feelings in the stock line ("…how frustrating and disappointing this must be"), kept
    // apart from the line above: its every form twice over would multiply the patterns.
    (
        "i [completely|totally|really|] understand how [frustrating|upsetting|stressful|worrying|difficult] and [disappointing|upsetting|stressful|worrying|frustrating] [this|that|it] must be",
        Canned::Empathy,
    ),
    (
        "i [completely|totally|fully|really|definitely|] understand how you [feel|must feel]",
        Canned::Empathy,
    ),
    (
        "i [completely|totally|fully|really|do|] understand [your concern|your concerns]",
        Canned::Empathy,
    ),
    (
        "i [can|] [completely|totally|] [understand|appreciate] [that|] [this|that] [must be|is] [very|really|so|] [frustrating|inconvenient] [for you|]",
        Canned::Empathy,
    ),
    (
        "i [totally|really|completely|definitely|absolutely|] hear [you|your frustration|your frustrations|your concern|your concerns]",
        Canned::Empathy,
    ),
    (
        "i [can|] [totally|completely|] [understand|see] where [you are|your] coming from",
        Canned::Empathy,
    ),
    (
        "i know how [frustrating|annoying] [this|that|it] [must be|can be|is]",
        Canned::Empathy,
    ),
    (
        "i can see how [frustrating|annoying|upsetting|stressful] [this|that|it] [must be|is]",
        Canned::Empathy,
    ),
    (
        "that must be [very|really|so|] frustrating [for you|]",
        Canned::Empathy,
    ),
    ("i am sorry to hear that", Canned::Empathy),
    (
        "[this is|this must be|it is|it must be] a [very|really|] [difficult|hard|tough|sad|trying] time",
        Canned::Empathy,
    ),
    (
        "[at this|during this] [very|] [difficult|sad|hard] time",
        Canned::Empathy,
    ),
    (
        "i am [so|very|really|truly|] sorry [to hear|] [about|for] [that|this|the trouble|your experience]",
        Canned::Empathy,
    ),
    (
        "i [sincerely|truly|do|] apologi[z|s]e for [any|the] inconvenience [this|that|] [may have|has|might have|] [caused|cause] [you|]",
        Canned::Apology,
    ),
    (
        "[we|i] [do|sincerely|truly|] apologi[z|s]e for [any|the] [trouble|inconvenience|inconveniences|confusion|delay] [caused|]",
        Canned::Apology,
    ),
    (
        "[i am|we are] sorry for [any|the] [inconvenience|inconveniences] [caused|this may have caused|]",
        Canned::Apology,
    ),
    // The support macro: "We're sorry you're experiencing issues", "I'm sorry to hear you
    // are experiencing this problem".
    (
        "[i am|we are] sorry [to hear|] you [are|have been] experiencing [issues|problems|difficulties|this issue|this problem|these issues|any issues|some issues]",
        Canned::Apology,
    ),
    // The apology that apologises for nothing done: "I'm sorry you feel that way."
    (
        "[i am|we are] sorry [that|] you feel [that|this] way",
        Canned::Apology,
    ),
    (
        "[sorry|apologies|my apologies|our apologies] for [any|the] [inconvenience|inconveniences]",
        Canned::Apology,
    ),
    (
        "i apologi[z|s]e for [the|your] [wait|delay]",
        Canned::Apology,
    ),
    (
        "we [really|truly|greatly|do|really do|truly do|] value your [business|feedback|loyalty]",
        Canned::Apology,
    ),
    (
        "[thank you|thanks] [so much|very much|] for raising [that|this]",
        Canned::Filler,
    ),
    (
        "we take [this|this matter|these matters|your concerns|complaints|it] [very|extremely|really|] seriously",
        Canned::Apology,
    ),
    (
        "we [really|truly|greatly|do|really do|truly do|do really] value you as a [customer|member|client]",
        Canned::Filler,
    ),
    ("as a valued [customer|member|client]", Canned::Filler),
    (
        "your [call|business|satisfaction] is [very|] important to us",
        Canned::Apology,
    ),
    (
        "[thank you|thanks|many thanks] [so much|very much|] for [calling|contacting|choosing|reaching out]",
        Canned::Greeting,
    ),
    (
        "how [may|can|might] i [help|assist] you [today|]",
        Canned::Greeting,
    ),
    // The recording notice read at the start of a call.
    (
        "[this|your] call [may be|is being|will be|might be|is] recorded",
        Canned::Greeting,
    ),
    ("[what|how] can i do for you today", Canned::Greeting),
    // The hold script as trained ("thank you for holding", "many thanks for your patience") or
    // gushed ("thanks so much for your patience"). A plain "thanks for waiting", "thanks for
    // holding" is how anyone picks a call up again, not a script.
    (
        "[thank you|many thanks] [so much|very much|] for [your|] [patience|holding|waiting|bearing with me]",
        Canned::Hold,
    ),
    (
        "thanks [so much|very much] for [your|] [patience|holding|waiting|bearing with me]",
        Canned::Hold,
    ),
    ("thanks for your patience", Canned::Hold),
    (
        "[please|] bear with me [for a moment|one moment|a moment|]",
        Canned::Hold,
    ),
    ("[i|] appreciate your patience", Canned::Hold),
    // The acknowledgement a script puts before every next question.
    (
        "i [do|really|completely|totally|fully|] appreciate that",
        Canned::Empathy,
    ),
    // The active-listening formula said before every answer: "So what I'm hearing is that…".
    ("so what i am hearing is", Canned::Empathy),
    (
        "is there anything else [at all|] [that|] [i can|i may|we can] [help|assist] [you|] with [today|]",
        Canned::Closing,
    ),
    (
        "is there anything else [at all|] [that|] i can do for you [today|]",
        Canned::Closing,
    ),
    (
        "[thank you|thanks] [so much|very much|] for being a [valued|loyal] [customer|member]",
        Canned::Closing,
    ),
    (
        "have a [great|wonderful|nice|good|lovely|fantastic] [day|evening|afternoon|weekend|rest of your day]",
        Canned::Closing,
    ),
    (
        "[it was|it has been|it's been] [a|my] pleasure [assisting|helping|speaking with] you",
        Canned::Closing,
    ),
    (
        "i [would|will] be [happy|glad|more than happy] to [help|assist] [you|] [with that|with this|today|]",
        Canned::Filler,
    ),
    ("rest assured", Canned::Filler),
    // Stock deflections: "i can only go by what's on the system", "that's our policy".
    (
        "i can only go [by|on] what [is|i can see|i have] [on|in] [the|our|my] [system|screen|records|notes]",
        Canned::Filler,
    ),
    (
        "[that is|it is|this is] [just|simply|unfortunately|] our [company|] [policy|procedure]",
        Canned::Filler,
    ),
    (
        "[as a|on this] [one off|one-off] [gesture of goodwill|goodwill gesture]",
        Canned::Filler,
    ),
    ("[as a|as a small] gesture of goodwill", Canned::Filler),
    (
        "i am more than [happy|glad] to [help|assist]",
        Canned::Filler,
    ),
    (
        "i can [certainly|definitely|absolutely] [help|assist] you with [that|this]",
        Canned::Filler,
    ),
    ("[great|excellent] question", Canned::Filler),
    (
        "i [will|would] [definitely|certainly|] be [able|happy] to assist",
        Canned::Filler,
    ),
    (
        "let me [see|check] what i can do [for you|]",
        Canned::Filler,
    ),
];

const EMPATHY: &[(&str, Mechanism)] = &[
    // Emotional reactions of sympathy and concern.
    ("[i am|im] sorry", Mechanism::Reaction),
    (
        "sorry [to hear|about|that|for what|to see|for your loss]",
        Mechanism::Reaction,
    ),
    (
        "[oh no|oh dear|oh god|oh my|oh man|ugh|yikes|oh goodness|oh gosh|oh heavens|oh crikey|oh bless|aw bless|aww bless]",
        Mechanism::Reaction,
    ),
    (
        "[that|it|this] [sounds|seems|is|was|must be|must have been] [so|really|very|incredibly|truly|absolutely|] [awful|terrible|horrible|stressful|frustrating|hard|tough|difficult|scary|upsetting|exhausting|rough|painful|annoying|worrying|heartbreaking|overwhelming|unfair|infuriating|maddening|sad|lonely|frightening|miserable|disappointing|unsettling]",
        Mechanism::Reaction,
    ),
    // British sympathy, fewer forms: "that's rotten", "it must be gutting".
    (
        "[that|it|this] [is|was|sounds|must be] [so|really|absolutely|] [rotten|dreadful|gutting|horrid|devastating|distressing|traumatic]",
        Mechanism::Reaction,
    ),
    (
        "[stressful|maddening|infuriating|frustrating|upsetting|worrying|heartbreaking|exhausting|nightmare|awful|horrible|devastating|frightening|scary|distressing|heartbreaking|unacceptable|disappointing|unsettling]",
        Mechanism::Reaction,
    ),
    (
        "[sounds|seems] like a [rough|tough|hard|difficult|terrible|awful|horrible|stressful|painful] [couple of|few|] [time|ride|day|days|week|weeks|month|months|year|years|situation|morning|night]",
        Mechanism::Reaction,
    ),
    (
        "how [awful|terrible|frustrating|stressful|scary|horrible|upsetting|sad|annoying|infuriating]",
        Mechanism::Reaction,
    ),
    (
        "what a [nightmare|pain|shame|hassle|rough|horrible|terrible|mess|ordeal]",
        Mechanism::Reaction,
    ),
    // "Sorry, that's been a proper runaround."
    (
        "[that|it|this] [has been|is been|was|sounds like] a [proper|real|bit of a|] [runaround|nightmare|faff|hassle|ordeal]",
        Mechanism::Reaction,
    ),
    // British understatement and sympathy: "that's not ideal", "that's rotten luck".
    (
        "[that is|that's|thats] [really|definitely|certainly|] not ideal",
        Mechanism::Reaction,
    ),
    (
        "[that is|that's|thats|what] [rotten|bad|hard|terrible|awful|such bad|really bad] luck",
        Mechanism::Reaction,
    ),
    (
        "[that is|that's|thats] [a|such a|a real] [pain|nuisance|hassle]",
        Mechanism::Reaction,
    ),
    (
        "[that is|that's|thats|it is|it's] the last thing you [need|needed|want|wanted]",
        Mechanism::Reaction,
    ),
    (
        "i [would|'d] be [upset|frustrated|angry|furious|worried|annoyed|livid|mad|gutted|stressed|disappointed|fuming|cross|the same|scared|devastated] [too|as well]",
        Mechanism::Interpretation,
    ),
    ("no wonder you [are|feel|were]", Mechanism::Reaction),
    (
        "no wonder [it|that|this] [was|is|felt|feels|came as|has been]",
        Mechanism::Reaction,
    ),
    ("[you|that] poor thing", Mechanism::Reaction),
    (
        "that is [not okay|not fair|not right|unacceptable|not on]",
        Mechanism::Reaction,
    ),
    // Interpretations: showing understanding of the situation.
    // A bare "I understand" is often only an acknowledgement in a contact centre, so not also
    // a reaction as the statements of `UNDERSTANDING` are.
    (
        "i [completely|totally|fully|really|definitely|do|] get [it|that|how|why|what you mean]",
        Mechanism::Interpretation,
    ),
    (
        "i know how [hard|difficult|tough|frustrating|annoying|stressful|upsetting|worrying|scary|important|inconvenient|awful|exhausting|lonely|painful|much] [this|that|it|these|those|your|the|a|an|you|losing|being|having|waiting|not]",
        Mechanism::Interpretation,
    ),
    (
        "i [completely|totally|fully|really|definitely|can|do|] understand",
        Mechanism::Interpretation,
    ),
    // Chat drops the "I": "Totally understand. I can do two things…".
    ("[totally|completely] understand", Mechanism::Interpretation),
    ("i [can|] [only|] imagine", Mechanism::Interpretation),
    (
        "i [have|'ve] been [there|through]",
        Mechanism::Interpretation,
    ),
    (
        "i [went|have gone|'ve gone|was going] through",
        Mechanism::Interpretation,
    ),
    (
        "i [had|have had|'ve had] [the same|a similar|that same|something similar|that|this|it] [happen|thing|problem|issue|experience|]",
        Mechanism::Interpretation,
    ),
    (
        "[same|it was the same|the same thing] [thing|] [happened|] [with|to] me",
        Mechanism::Interpretation,
    ),
    ("happened to me", Mechanism::Interpretation),
    (
        "i [used to|also|too] [feel|felt|struggle|struggled|have|had|deal|dealt|get|got]",
        Mechanism::Interpretation,
    ),
    ("so [what|] you [are|'re] saying", Mechanism::Interpretation),
    (
        "if i understand [you|] [correctly|right]",
        Mechanism::Interpretation,
    ),
    (
        "i [can|] see [why|how|that you|where you are coming from]",
        Mechanism::Interpretation,
    ),
    ("where you are coming from", Mechanism::Interpretation),
    (
        "i can [hear|tell] [how|that this|that it|that that|the frustration|that you are|that you have|you are|you have]",
        Mechanism::Interpretation,
    ),
    (
        "you [are right|have every right|have a right] to [be|feel]",
        Mechanism::Interpretation,
    ),
    (
        "[that is|it is|this is|that has been|it has been|that sounds like|it sounds like] [such|] a lot [to deal with|to handle|to take in|to cope with|on your plate|to carry|to be carrying|to be dealing with|to land on you|to have landed on you|to juggle]",
        Mechanism::Interpretation,
    ),
    // "So today's about the worst day it could have picked", "the worst time for this".
    (
        "worst [day|time|week|moment|possible time|possible day|timing] [it could have|for this|for that|for it|to happen|for this to happen|for that to happen]",
        Mechanism::Interpretation,
    ),
    // What the customer carries besides: "and you've got a kid to think about".
    (
        "[kid|kids|child|children|family|little one|little ones|baby|mum|dad|parents] to [think about|look after|worry about|care for|feed]",
        Mechanism::Interpretation,
    ),
    // The weight of what happened named: "That's a really hard thing to go through", "Twelve
    // years. That's a big thing to lose", "What a blow".
    (
        // (Without the "that's a…" before it: every frame multiplies the patterns.)
        "[hard|difficult|tough|big|huge|horrible|awful|painful|rough|horrid|sad|scary|frightening] [thing|time|experience|change|loss] to [go through|lose|deal with|face|take in|process|cope with|happen]",
        Mechanism::Interpretation,
    ),
    (
        "[that is|that was|that must have been|what|it is|it was] [a|such a] [blow|real blow|big blow|huge blow|kick in the teeth]",
        Mechanism::Interpretation,
    ),
    (
        "[that|it] makes [total|complete|perfect|] sense",
        Mechanism::Interpretation,
    ),
    // The customer's disappointment named: "I know that's not the news you wanted."
    (
        "[that is|this is|it is] not [the news|what] you [wanted|were hoping for|hoped for|wanted to hear|were hoping to hear|needed to hear]",
        Mechanism::Interpretation,
    ),
    // "No, that's fair, I won't", "That's completely fair, especially straight after being
    // hit": the customer's point granted.
    (
        "[that is|that is completely|that is totally|that is perfectly|that is entirely|that is absolutely] fair [enough|]",
        Mechanism::Interpretation,
    ),
    (
        "[that is|it is|this is|that is all|it is all] [completely|totally|perfectly|so|very|really|entirely|quite|] understandable",
        Mechanism::Interpretation,
    ),
    (
        "i know [that|it|this] [is not|is never|has not been|cannot be|can not be|is] [easy|hard|difficult|tough]",
        Mechanism::Interpretation,
    ),
    (
        "[that is|it is|this is|that must be|it must be|that has been|it has been] [such|] [a lot of|so much] [pressure|stress|worry|responsibility|uncertainty]",
        Mechanism::Interpretation,
    ),
    (
        "you must [feel|be feeling|have been|be]",
        Mechanism::Interpretation,
    ),
    (
        "that must [be|have been] [hard|difficult|tough|frustrating|stressful|painful|awful|scary|exhausting|confusing|worrying|lonely]",
        Mechanism::Interpretation,
    ),
    (
        "you [are|'re] [dealing|going through|struggling|juggling]",
        Mechanism::Interpretation,
    ),
    // Feelings allowed as normal ("it's okay to be sad"), not permission for a step ("it's
    // okay to call back later").
    (
        "[it is|its] [completely|totally|perfectly|so|only|] [understandable|normal|natural|okay|ok|fine|valid] to [be|feel|get|cry|struggle|worry|not be|not feel]",
        Mechanism::Interpretation,
    ),
    (
        "it is [completely|totally|perfectly|so|only|] [understandable|normal|natural] that",
        Mechanism::Interpretation,
    ),
    // The same, as speech and chat drop the subject: "Totally understandable to be nervous
    // about that", "Completely understandable.", "Perfectly normal to feel that way", and
    // the bare "Understandable." answering "I'm just panicking about the data".
    (
        "[completely|totally|perfectly|entirely|very|so|] understandable",
        Mechanism::Interpretation,
    ),
    (
        "[completely|totally|perfectly|entirely|very|so|quite|only] [understandable|normal|natural] to [be|feel|get|worry]",
        Mechanism::Interpretation,
    ),
    // A worry allowed as a common one: "that's a really common worry at the moment".
    (
        "[that is|it is] [a|such a] [really|very|] [common|natural|normal|understandable|fair|reasonable|genuine|valid] [worry|concern|fear|feeling]",
        Mechanism::Interpretation,
    ),
    // The customer's situation named for what it is: "that's not a nice place to wait" (a
    // slip road).
    (
        "[that is|it is|that is just] not a [nice|good|great|pleasant|safe|fun] [place|spot|position|situation] to [wait|be|be in|be stuck|spend]",
        Mechanism::Interpretation,
    ),
    (
        "[anyone|anybody] would [be|feel]",
        Mechanism::Interpretation,
    ),
    // The customer's trouble named as one that would trouble anyone ("paying twice would
    // worry anyone") or as a hardship ("that's a long time to be without heating").
    (
        "would [worry|upset|frustrate|annoy|stress|stress out|scare|concern|bother|anger] [anyone|anybody|most people]",
        Mechanism::Interpretation,
    ),
    (
        "[is|was|that is|it is|that was] [the worst|the worst possible|terrible|awful|such bad|really bad] timing",
        Mechanism::Interpretation,
    ),
    (
        "[is|was|has been|that is|it is|that was] [such|] a long time to [wait|be without|go without|be left|be kept waiting|sort this out]",
        Mechanism::Interpretation,
    ),
    // What is at stake for the customer: "you don't want to be without those" (their tablets).
    (
        "you [do not|don't|wouldn't|would not] want to be [without|left without|stuck without|running low on]",
        Mechanism::Interpretation,
    ),
    // Explorations: asking about the customer's experience.
    (
        "how [are|do|did|have] you [feeling|feel|felt|been|holding up|coping|doing|managing|getting on]",
        Mechanism::Exploration,
    ),
    (
        "what [happened|happens|went wrong|made you|makes you|do you mean|did you mean|is going on|was it like|has been|exactly happened]",
        Mechanism::Exploration,
    ),
    (
        "[can|could|would] you tell [me|us] [more|a bit more|a little more|what happened|what|how|about]",
        Mechanism::Exploration,
    ),
    ("tell [me|us] [more|about|what]", Mechanism::Exploration),
    // Who or what the trouble falls on: "Who's it hitting hardest right now, your lot or
    // conveyancing?".
    (
        "[who is|who's|how is|how's|how has] [it|this|that] [hitting|affecting|impacting|hit|affected] [you|your|hardest|most]",
        Mechanism::Exploration,
    ),
    // After bad news told: "Did you get much warning?", "Was it out of the blue?".
    (
        "[did you get|did you have|were you given|did they give you] [much warning|any warning|much notice]",
        Mechanism::Exploration,
    ),
    (
        "[was it|was that|did it come|did that come] [out of the blue|out of nowhere|a shock|as a shock|a surprise|as a surprise|sudden]",
        Mechanism::Exploration,
    ),
    ("did you see it coming", Mechanism::Exploration),
    (
        "[can|could|would] you [give|share|say|explain] [a bit|a little|some|] more",
        Mechanism::Exploration,
    ),
    (
        "[can|could|would] you talk [about|me through|us through] [it|this|that|what|how|why|whats|what is]",
        Mechanism::Exploration,
    ),
    // Asking leave before asking about the customer ("may I ask what happened?").
    (
        "[do you mind if|may|can|could|if i may] [i|] ask [why|what|how|if|whether]",
        Mechanism::Exploration,
    ),
    ("if i may ask", Mechanism::Exploration),
    (
        "how long [have|has|did|were|was] [you|it|this|that|they]",
        Mechanism::Exploration,
    ),
    (
        "how [did|does|has|is] [that|this|it|the] [make|affect|affected|affecting|impact|been affecting|been]",
        Mechanism::Exploration,
    ),
    (
        "how has [the|this|that|it|everything]",
        Mechanism::Exploration,
    ),
    ("have you been able to", Mechanism::Exploration),
    (
        "[is there|is] [anything|something] [else|] [worrying|bothering|troubling|concerning|upsetting|on your mind|weighing on you]",
        Mechanism::Exploration,
    ),
    // "Is there anything else about the account that's worrying you?"
    (
        "that is [worrying|bothering|troubling|upsetting] you",
        Mechanism::Exploration,
    ),
    (
        "[is|was|has] [it|that|this] [affecting|affected|been affecting]",
        Mechanism::Exploration,
    ),
    ("what [impact|effect] [has|did|is]", Mechanism::Exploration),
    (
        "are you [okay|ok|alright|all right|safe|feeling]",
        Mechanism::Exploration,
    ),
    (
        "[do|did|does] you [want to talk|feel|have anyone|have someone|have any friends|have friends|have family|have support|have a therapist|enjoy|get any support|get any help|get any sleep|get any rest|get out]",
        Mechanism::Exploration,
    ),
    (
        "are you [feeling|worried|scared|afraid|struggling|alone]",
        Mechanism::Exploration,
    ),
    ("have you felt", Mechanism::Exploration),
    (
        "[were|was] you [ever|feeling|alone|hurt|okay|ok|scared|injured]",
        Mechanism::Exploration,
    ),
    (
        "is there [anyone|someone|anybody|somebody] [you|who|that|in your]",
        Mechanism::Exploration,
    ),
    (
        "is [it|this|that] [affecting|making]",
        Mechanism::Exploration,
    ),
    // The customer's circumstances and what the problem costs them: welfare and impact.
    (
        "[is|are] [everyone|everybody|you all|you both|the baby|the kids|the children|your family|the little one] [okay|ok|alright|all right|safe|warm|hurt|coping]",
        Mechanism::Exploration,
    ),
    (
        "are you and [the|your] [baby|kids|children|family|little one|partner|husband|wife|mum|dad] [okay|ok|alright|all right|safe|warm|keeping warm|managing|coping]",
        Mechanism::Exploration,
    ),
    (
        "[how is|how's|how are] [the|your] [little one|baby|kids|children|family|mum|dad|husband|wife|partner] [doing|getting on|coping|holding up]",
        Mechanism::Exploration,
    ),
    (
        "do you have [somewhere|anywhere|a place] [to stay|to go|warm|safe]",
        Mechanism::Exploration,
    ),
    (
        "[problems|trouble|difficulties|difficulty|hardship] [with cash flow|with money|paying|with the bills|with your bills|at home]",
        Mechanism::Exploration,
    ),
    (
        "[especially|particularly|] vulnerable",
        Mechanism::Exploration,
    ),
    (
        "what is the [trip|visit|holiday|occasion|celebration|event] for",
        Mechanism::Exploration,
    ),
    (
        "[what's|what is] [been|] [bothering|worrying|troubling|upsetting] you",
        Mechanism::Exploration,
    ),
    (
        "[what's|whats|what has] been going on",
        Mechanism::Exploration,
    ),
    (
        "[how's|hows] [everything|things|life] [going|been]",
        Mechanism::Exploration,
    ),
    (
        "what [is|was|are|were] [up|wrong|bothering you|stopping you|holding you back|the hardest|the worst|your biggest|you]",
        Mechanism::Exploration,
    ),
    (
        "why [do|did|are|were|would|have|does] you",
        Mechanism::Exploration,
    ),
    (
        "how [come|so|do you feel|did you feel|do you cope|did you cope|did you manage|do you manage|did that feel|does that feel|are things|is everything|is it going|have things been|are you]",
        Mechanism::Exploration,
    ),
    (
        "did [it|that|this|they|anyone|someone|he|she] [hurt|affect]",
        Mechanism::Exploration,
    ),
    ("why do you [think|feel]", Mechanism::Exploration),
    (
        "what [do|did|would] you [think|feel|want to|need|find|enjoy|miss]",
        Mechanism::Exploration,
    ),
    (
        "is there [something|anything] [in particular|specific|] [that|] [is|has been|else|] [worrying|bothering|troubling|upsetting]",
        Mechanism::Exploration,
    ),
];

/// An impression of the customer's situation ("it sounds like you've had a rough week"):
/// interpretation, unless the sentence diagnoses the work ("it sounds like your router needs
/// replacing").
const IMPRESSIONS: &[&str] = &[
    "[it|that] sounds like [you|your|this|it|they]",
    "[it|that] seems like [you|your]",
];

/// Statements of understanding ("I know how you feel", "I hear you"): an interpretation,
/// generic unless tied to the customer's words, and, as EPITOME's annotators read them, a weak
/// reaction too.
const UNDERSTANDING: &[&str] = &[
    "i know [how|what] [it|that|this] [feels|is like|must feel|must be like]",
    "i know how [it|that|this] [can|could|does|would|might] feel",
    "i know [exactly|] what you mean",
    "i know [exactly|] [how|what] you [feel|are feeling|felt|mean|are going through|went through]",
    "i know [how|what] [it|that|this] [is|feels|goes]",
    "i know what you [are|were] [feeling|going through]",
    "i [totally|really|completely|definitely|absolutely|] hear you",
];

/// Solidarity from shared experience ("I know the feeling", "I can relate"): a specific
/// interpretation, as an experience of one's own is, and a weak reaction too.
const SOLIDARITY: &[&str] = &[
    "i know [the|that|this] feeling",
    "i [can|] [totally|really|definitely|completely|] relate",
    // The feeling granted as anyone's in the customer's place: "Of course you're shaking, I
    // would be too."
    "i would [be|feel|have been|have felt] [too|the same|exactly the same|just the same|the same way]",
    // "Don't worry, I'd be sarcastic about it too by the fourth time."
    "i would [be|have been] [sarcastic|annoyed|furious|fuming|livid|angry|upset|frustrated|cross|mad|gutted|worried|scared|nervous|stressed|fed up|raging|exhausted|confused|panicking|panicked|shaken|frightened|devastated] [about it|about that|] [too|as well]",
    "[anyone|anybody] would [be|feel] [upset|worried|scared|angry|frustrated|shaken|panicked|anxious|stressed|nervous|frightened|the same]",
    "who would not [be|feel]",
];

/// Offers to listen put as questions: exploration and a weak reaction at once.
const OFFERS_TO_LISTEN: &[&str] = &[
    "[do|would|did] you [want|like|wanna|need] to [talk|vent|chat] about [it|this|that|what|anything|things]",
    "[do|would|did] you [want|like|wanna|need] to [vent|talk or vent|talk and vent]",
];

/// Question frames that explore the customer's experience in peer support ("do you still…?",
/// "have you ever…?", "when did it start?") but in a contact centre mostly gather the facts of
/// the case ("do you still have the card?", "when did you first notice the charge?"):
/// exploration only when the question is not about the work.
const PROBES: &[&str] = &[
    "[do|did|does] you [think|tried|try|ever|still|remember|know why|mean|like]",
    "are you [in|still|currently|getting|seeing|taking|working|talking|going|living]",
    "have you [ever|been|talked|spoken|told|thought|considered|seen|had|found|noticed|managed]",
    "did [it|that|this|they|anyone|someone|he|she] [happen|help|say|make|leave|get]",
    "when did [it|this|that|you] [start|begin|first|happen|notice]",
    "is [it|this|that] [because|the first time|something|always|getting|worse|better]",
    "what [kind|type|sort] of",
];

/// Frames that restate the customer's situation; interpretation only when the words that
/// follow are the customer's own.
const RESTATEMENTS: &[&str] = &[
    "so you [have|had|are|were|did|would|went|got|paid|ordered|booked|called|tried|lost|spent|switched|changed|moved|sent|bought|rang|emailed|waited|received|noticed|left|took|gave|made|upgraded|cancelled|returned|reported|missed]",
    "so [this|it|that] is about",
    "so [every time|each time|whenever] you",
    "you [have] been [without|waiting|trying|dealing|going|left|stuck|chasing|sat|charged|billed|overcharged|cut off|kept waiting|passed around|messed around|let down]",
    // Checking understanding before restating: "so just to make sure I've understood, you…".
    "[just|] to make sure i have [understood|got this right|got that right|got it right]",
    "let me make sure i have [understood|got this right|got that right|got it right]",
    "if i have understood [you|] [correctly|right]",
    "so what [has happened|happened] is",
    "just so i [understand|am clear]",
    "that [throws|puts|leaves|must leave|must mean] you",
    "[it|that] sounds like [you|your]",
];

/// The speaker relating a matching experience of their own: specific interpretation.
const EXPERIENCES: &[&str] = &[
    "me too",
    "same here",
    "same [with|for|as] me",
    "[the same|same thing|that] happened to me",
    "happened to me [too|as well|once|before]",
    "i am [the same|in the same boat|in the same situation|in the same position|in a similar situation]",
    "[in|] the [exact|very|] same boat",
    "i [have been|was|have also been] where you [are|were|have been]",
    "i thought i was [the only one|alone|the only person]",
    "i have [also|too|] [felt|struggled|suffered|dealt with|been through|gone through] [this|that|the same|similar|something similar|like this|like that|it]",
    "i am [going|also going|currently going] through [some similar|something similar|similar|the same|a similar]",
    "i [feel|felt|have felt|used to feel] [like you|just like you|the same as you|exactly like you]",
    "i [was|have been|had been] [the same|in the same boat|in the same situation|in the same position|in a similar situation|in your shoes|in your position]",
    "i [feel|felt|think|thought|was thinking|have been thinking|was feeling] the same",
    "i [feel|felt] [that|this|the same] way [too|as well|sometimes|all the time|]",
    "i [feel|felt|get] like [this|that] [too|as well|sometimes|all the time|a lot|often|most days|every day]",
    "[that|this] [was|is|used to be|sounds like] me",
    "i [have|have also|also] been there",
    "been there [myself|too|before|done that]",
    "i [went|have gone|have been|was going|am going|also went] through [the same|this|that|something similar|a similar|similar|it|a lot of|the exact]",
    "i used to [feel|be|have|think|struggle|do|get|hate]",
    "when i was [younger|a kid|a child|a teenager|young|in school|in college|your age|in high school|at uni]",
    "i remember [when|being|feeling|how]",
    "in my [own|] experience",
    "from [my own|my|personal] experience",
    "i [had|have had|have] [the same|a similar|similar|the exact same] [problem|issue|experience|thing|thoughts|feelings|feeling|situation|happen]",
    "i [also|too|still|sometimes|often|always] [feel|felt|struggle|struggled|suffer|suffered|get|deal with|dealt with|went through|battle]",
    "i [struggle|struggled|suffer|suffered|battle|battled|dealt|have struggled|have suffered|have dealt|have battled] with",
    "i [have|had|have had|suffer from|suffered from] [depression|anxiety|ptsd|adhd|panic attacks|insomnia|trouble|a hard time|a tough time|a rough time|bad days]",
    "i [have|have also|also|] experienced [that|this|the same|it|something similar|similar]",
    "i experience [that|this|the same|it] [too|as well|]",
    "[true|the same|same] for me [too|as well]",
    "i [do|did|am|was|have] [too|as well]",
    "[i am|im] [just|exactly|pretty much|kind of|] like [that|this|you] [too|as well|]",
    // Feelings and habits told as the speaker's own: "Agreed. Feeling the same way.", "which
    // is the case with me", "I also find myself falling into the same pits" ("you've been
    // feeling like this" asks, so "been feeling" needs its "I").
    "[feeling|felt] the same way",
    "[which|that|this] is the case [with|for] me",
    "i [also|too|often|sometimes|always|] find myself",
    "i [always|just|often|sometimes|still|also] tell myself",
    "i have [also|] been feeling [it|this|that|like this|like that|the same] [too|for|all|as well|]",
];

/// Feelings of the speaker's own for the customer, intensified or aimed at them: strong
/// reactions. An apology for the service ("so sorry for the wait") is told apart in
/// [`crate::detect::empathy`].
const FELT: &[&str] = &[
    "[i am|im|] [so|very|really|truly|terribly|awfully|deeply|incredibly|extremely|sincerely|genuinely|so very|so so] sorry",
    "[i am|im|] sorry [that|] [you|u] [are going through|are feeling|feel|have been going through|have been feeling|have been dealing|had to go through|went through|are dealing|are struggling|lost|are having such|have had such|are in pain|are hurting]",
    "[i am|im|] sorry [about|for|to hear about] [your|ur] [loss|mum|mom|dad|father|mother|husband|wife|son|daughter|brother|sister|friend|grandmother|grandfather|nan|gran|dog|cat|pet|diagnosis|situation|news]",
    "[i am|im|] sorry [that|this|it] [happened|is happening|has happened] [to you|]",
    // Matched anywhere in the turn, so "I'm sorry…" needs no entry of its own.
    "sorry [it's been|it has been|this has been|that's been|you've been] [hanging over you|weighing on you|on your mind|such a worry|so stressful|a nightmare|so hard|really hard|a struggle|worrying you|a worry]",
    "i [feel|felt] [for|so bad for|terrible for|really bad for|awful for|sorry for|sad for|so sad for] you",
    "i [feel|felt] [kinda|kind of|a bit|a little|really|so|truly|genuinely|very] [sorry|bad|sad] for you",
    "my heart [goes out|breaks|sank|aches]",
    "[my|our] [sincere|sincerest|deepest|heartfelt|] condolences",
    "i [am|was|have been] [so|really|very|] [worried|concerned] [about|for] you",
    "i am [so|really|very|truly|] [sad|saddened|heartbroken|gutted] [to hear|about|for] [that|this|you]",
    // A hug given in words is caring shown, not only alluded to: EPITOME's annotators rate 8 of
    // 12 responses with one strong.
    "[sending|sending you] [hugs|love|a hug|a big hug]",
    "[hugs|big hugs|hug|a hug|a big hug]",
];

/// Comfort that alludes to the feeling without naming it ("you're not alone", "take care of
/// yourself"): a weak reaction by EPITOME's definition, and sympathy that can be generic.
const COMFORT: &[&str] = &[
    "[you are|your|ur|u are] not alone",
    "you [do not|dont|will not|wont] have to [go through|face|deal with|do] [this|it|that|any of this|all this] alone",
];

/// Joy the speaker names for the customer ("I'm so glad to hear that", "proud of you"): a
/// positive reaction that is strong when it is about what the customer said.
const JOYS: &[&str] = &[
    "i am [so|really|very|] [glad|happy|relieved|pleased|delighted|thrilled] [to hear|that|you|for you|it|the|your|he|she|he's|she's|they|his|her|their]",
    "[i am|we are] proud of you",
];

/// Positive emotional reactions that allude to the feeling (hope, luck, encouragement): weak,
/// and never generic sympathy.
const POSITIVE_REACTIONS: &[&str] = &[
    "[great|good|wonderful|lovely] to hear",
    "i [really|truly|sincerely|do|] hope [you|things|it|that|your|this|everything|the]",
    "hopefully [you|things|it|your|everything]",
    "hope [you are|you feel|you get|you find|it goes|things get|things go|everything goes|you have a]",
    "[congratulations|congrats]",
    "happy birthday",
    "[sending|sending you] [good vibes|positive thoughts|strength|my best]",
    "[good|best of] luck",
    "[i|i really|i sincerely|i truly] wish you [the best|all the best|well|luck|a speedy]",
    "wishing you [the best|all the best|well|luck|a speedy]",
    "all the best",
    // Encouragement and reassurance.
    "hang [in|on] [there|in there]",
    "[stay|be] strong",
    "[do not|never] give up",
    "[please|] [do not|try not to] worry",
    "[please|] [do not|try not to] be [so|too|] hard on yourself",
    "be [kind|gentle|patient] with yourself",
    "you [can|will|are going to|will be able to] [do it|do this|get through|make it|pull through|beat this|overcome]",
    "you will be [okay|ok|fine|alright|all right]",
    "you [have|'ve|] got this",
    "you are [stronger|so strong|strong|brave|not worthless|worth it|worth more|important|loved|not a burden|doing great|doing well|doing your best|doing the right thing]",
    "you deserve [to be|better|the best|happiness|love|to feel]",
    "[it|things|life] [will|can|does|do|is going to|are going to] get better",
    "i believe in you",
    "i care about you",
    "i feel [you|ya]",
    // Slang for "I know the feeling", which annotators read as warmth rather than an
    // experience told.
    "i know [the|that|this] [feel|feels]",
    // Wishes and kindness that ask nothing of a reason ("look after yourself", "take your
    // time", "no need to apologise"): weak, and never generic. A bare "take care" is a goodbye.
    "[take care of yourself|be kind to yourself|look after yourself]",
    // "Bless her." of a crying child.
    "[aw|aww|ah|oh|] bless [her|him|them|the little one|his heart|her heart]",
    "take your time",
    // Easing a customer who apologises for calling: "Ringing's absolutely fine, it's what
    // we're here for."
    "[that is|it is|this is] [exactly|just|] what [we are|i am] here for",
    // Meeting a need the customer named: "I'm hard of hearing" — "Of course. I'll slow down."
    "[i will|let me] [slow down|speak up|speak more slowly|speak slower|speak louder|go slower|go more slowly]",
    "[there is|] no [rush|hurry] [at all|]",
    "[no need to|there is no need to|you do not need to|you do not have to|do not|please do not] [apologise|apologize|say sorry|be sorry]",
    "you [are|have been] doing [really|so|very|ever so|] [well|brilliantly|great|fine|everything right|the right thing]",
    "you have done everything right",
    // Taking the blame off the customer: "That's not on you at all.", "None of this is your
    // fault."
    "[that is|it is|this is|that was|it was|this was] not [on you|your fault]",
    "[none of this|none of it|nothing here] is your fault",
    // Availability for the person, not the task.
    "[i am|i will be|we are] [always|] here [for you|if you need|if you want|to listen|to talk]",
    "here for [you|ya|u]",
    "[if you|whenever you] [ever|] [want|need|would like|like|wanna|feel like you need] [to talk|to vent|someone to talk|someone to listen|a friend]",
    "[you can|feel free to|do not hesitate to] [message|pm|dm|talk to|vent to] me",
    "[pm|dm|message] me",
    "[happy|willing|glad] to [listen|chat|talk]",
    "you [will|are going to] [be okay|be ok|be fine|be alright|be all right|get there]",
    "[stronger|braver|tougher] than you [think|know|realise|realize|feel|give yourself credit for]",
    "you did [the right thing|nothing wrong|everything right|everything you could]",
    "you [do not|did not] deserve [that|this|it|to|any of this|what|how|the way|such]",
    "you [should not|do not need to|do not have to] [be|feel] [ashamed|embarrassed|guilty|bad|bad about|silly]",
    "[i am|i can be|i will be] [someone|somebody] to talk to",
    "[best|my best|best of|warm|warmest] wishes",
    // Alluding to the feeling without naming it: comfort, solidarity, an offer to listen.
    "[it|everything|things|it all] [will|is going to|are going to|is gonna|are gonna|gonna] be [okay|ok|alright|all right|fine]",
    "[it|everything|things|it all] [will|is going to|are going to] [all|] [work out|turn out fine|turn out okay|sort itself out|come right]",
    "[that|it|this|which] [really|totally|just|must|] [sucks|suck]",
    "you [are|'re] not [a failure|worthless|stupid|weak|broken|crazy|a bad person|the only one|a burden|a fraud|slow|silly|an idiot|a nuisance|a bother|being silly|being a nuisance]",
    // The customer's judgement of themselves denied: "Is that awful?" — "Not awful, it's
    // really common."; "its probably stupid" — "It's not stupid."
    "[it is|that is|this is|it was|that was|] not [stupid|silly|awful|daft|selfish|dumb] [at all|]",
    "[i am|im] [right|still|always|] here [if you|whenever you|for you|for ya|for u|with you]",
    "[want|wanna|would like|need] to talk about [it|this|that]",
    "[we|i] [will|'ll|are here to|am here to] listen",
    "[people|someone|somebody|we|they] [who|that|] [care|cares|love|loves] [about|for] you",
    "keep [going|fighting|pushing|at it|your head up|your chin up]",
    "[chin|head] up",
    "[things|life] [gets|get|does get] better",
    "[take it|] one day at a time",
    "you matter",
    "[stay|try to stay|try to be] positive",
    "[do not|please do not|try not to] be [scared|afraid|ashamed|sad|embarrassed]",
    "you are [a|such a] [strong|good|kind|beautiful|wonderful|amazing|brave|great] [person|human|soul|human being]",
    "i do not want you to [die|hurt yourself|suffer|give up|be alone]",
    "i [want|need] you to [be alive|stay alive|live|stay safe|be safe]",
    "[we can|we could|let us] [talk|chat] [about it|about this|if you want|if you like|anytime|whenever]",
    "[i will|i am|we are|i will always|i am always|we will] be there for you",
    "[cares|care] [about|for] you",
    "you deserve [good things|so much|it|happiness]",
];
const FEELINGS: &[&str] = &[
    "frustrated",
    "frustrating",
    "infuriating",
    "annoying",
    "fed up",
    "frightening",
    "scary",
    "upsetting",
    "distressing",
    "unsettling",
    "overwhelming",
    "heartbreaking",
    "exhausting",
    "draining",
    "stressed",
    "stressful",
    "stress",
    "worried",
    "worry",
    "worrying",
    "anxious",
    "anxiety",
    "scared",
    "afraid",
    "fear",
    "upset",
    "angry",
    "furious",
    "annoyed",
    "sad",
    "heartbroken",
    "lonely",
    "alone",
    "depressed",
    "depression",
    "overwhelmed",
    "exhausted",
    "tired",
    "hurt",
    "hurts",
    "pain",
    "disappointed",
    "disappointing",
    "embarrassed",
    "embarrassing",
    "humiliated",
    "humiliating",
    "mortified",
    "ashamed",
    "guilty",
    "hopeless",
    "helpless",
    "panic",
    "grief",
    "loss",
    "confused",
    "confusing",
    "nervous",
    "terrified",
    "miserable",
    "devastated",
    "betrayed",
    "unwanted",
    "unloved",
    "worthless",
    "shocked",
    "[a|such a|quite a|real] shock",
    "relieved",
    "proud",
    "happy",
    "excited",
    "newborn",
    "hospital",
    "sick",
    "ill",
    "surgery",
    "funeral",
    "passed away",
    "died",
    "grieving",
    "bereavement",
    "no heating",
    "no power",
    // Going without what one needs: "you don't want to be without those" (the tablets).
    "be without",
    "left without",
];

const DISTRESS: &[&str] = &[
    "frustrated",
    "frustrating",
    "so annoying",
    "annoyed",
    "angry",
    "furious",
    "livid",
    "upset",
    "ridiculous",
    "unacceptable",
    "outrageous",
    "disgusting",
    "disgraceful",
    "shocking",
    "appalling",
    "worried",
    "stressed",
    "stressful",
    "scared",
    "anxious",
    "panicking",
    "panicky",
    "panicked",
    "[i am|i am literally|i am still] [shaking|trembling]",
    "desperate",
    "devastated",
    "fed up",
    "sick of",
    "sick and tired",
    "had enough",
    "can't believe",
    "cannot believe",
    // "so no knee cover for life?? thats insane": outrage at the decision.
    "[that is|this is|that is just|this is just|that is absolutely|this is absolutely] [insane|madness|a joke|a farce|a disgrace]",
    "terrible",
    "awful",
    "horrible",
    "nightmare",
    "disappointed",
    "not happy",
    "very unhappy",
    "really unhappy",
    "so unhappy",
    "no one [helps|is helping|has helped|cares]",
    "nobody [helps|is helping|cares]",
    "at my wit's end",
    "at my wits end",
    "[at the|at] end of my tether",
    "sick with worry",
    "worried sick",
    "losing my mind",
    "going crazy",
    "i give up",
    "passed away",
    "died",
    "funeral",
    "in hospital",
    "in the hospital",
    "[into|to] hospital",
    "in bits",
    "stuck [at the airport|at the station|abroad|overseas|overnight]",
    "[the kids|the children|my kids|my children|the baby|my baby|the little ones|my little one] [are|is] [exhausted|hungry|freezing|cold|scared|crying|upset|ill|sick|distressed|starving]",
    // Someone in the customer's care suffering it: "I've been waiting by the side of the road
    // with my elderly mum. She's freezing."
    "[she is|he is|my mum is|my dad is|my mother is|my father is|my nan is|my gran is|my grandad is] [freezing|starving|exhausted|shivering|terrified|in tears|distressed]",
    "[nowhere|no where|no place|nowhere safe] to [sleep|stay|go|live]",
    "where [are we|am i] [supposed|meant] to [sleep|stay|go]",
    "lost my job",
    // "I've been scammed. I paid a builder who wasn't a builder."; "That was most of my
    // savings."
    "[i have been|i was|we have been|we were|i got|we got|i have just been] [scammed|conned|defrauded|ripped off]",
    "[most of my|all my|all of my|my life|our life|most of our|all our] savings",
    // Hardships told plainly: "I was made redundant last week", "i've got nothing coming in and
    // my rent goes out on the first", "my husband's on dialysis at home".
    "[made|been made|being made] redundant",
    "[laid off|lost our jobs|lost his job|lost her job]",
    "[nothing|no money|no income] coming in",
    // "i've got no food in the house", "there's nothing to eat for the kids".
    "[have got|have|got|there is|we have|i have] [no food|nothing to eat] [in the house|in|for|at|left|till|until|]",
    "[dialysis|chemotherapy|chemo|cancer|palliative care|terminal illness|terminal diagnosis]",
    "[had|has had|suffered] a [stroke|heart attack]",
    "[she|he|mum|dad|wife|husband|mother|father|son|daughter|partner] passed [in|last|recently|suddenly|a few|two|three|this]",
    // Exasperation: "what am i supposed to do for forty eight hours".
    "what [am i|are we|is she|is he] [supposed|meant] to do",
    "[you must be|you have got to be|you've got to be|are you] [joking|kidding] [me|]",
    "you are [kidding me|having a laugh]",
    "emergency",
    "crying",
    "in tears",
    "can't afford",
    "cannot afford",
    "struggling",
    "overdrawn",
    "stranded",
    "depressed",
    "hopeless",
    "helpless",
    "lonely",
    "miserable",
    "heartbroken",
    "hate",
    "hurts",
    "i am [so|really|very] [tired|exhausted]",
    "waste of [my|] time",
    "this is a joke",
    "useless",
    "pathetic",
    "shambles",
    "[a|an absolute|a complete|a total] disaster",
    "[losing|lost|run out of|running out of] [my|] patience",
    "[so|soo|sooo|soooo|really|very] annoying",
    "fuming",
    "beyond a joke",
    "[cannot|can not] [deal with|cope with|take|handle|do] [this|it|any more of this] [anymore|any more]",
    "[cannot|can not] cope",
    "[i am|im] done with [you|you lot|you people|this company|your company]",
    "[tired|sick|fed up] of [this|it|waiting|chasing|calling|ringing|being|asking|all this]",
    "wasted [my|a|the|another|an|a whole|my whole|the whole] [day|morning|afternoon|evening|hour|week|day off]",
    "[took|taken|had to take] [a|the|another] [day|morning] off [work|] [for nothing|for this|for it|both times|twice|again]",
    "[do not|dont] get paid [if i|unless i|when i|for the]",
    "wasted [a|my|a whole] [day's|days] [holiday|leave|annual leave|pay]",
    "[lost|losing] [a|two|three|several] [day's|days'|days|day|week's|weeks] [pay|wages|work|of work|of pay]",
    "[lost|losing] [work|income|earnings|wages] [because|over|due]",
    "[stressing|stresses|stressed] me out",
    "[i feel|i felt|feeling|i am feeling|honestly] sick",
    "done something wrong",
    "[i am|im] [registered disabled|disabled|housebound|registered blind|partially sighted|hard of hearing|a full time carer|terminally ill]",
    // Someone's health at stake: "she's asthmatic and can't breathe in that room".
    "[can't|cannot|can not|couldn't|struggling to] breathe",
    // Self-blame: "oh god oh i feel such an idiot" after giving card details to a scam text.
    "i feel [such|so|like|really|a bit|] [an idiot|a fool|stupid|so stupid|useless]",
    // "he's eighty one he can't walk more than a few steps", stranded without his wheelchair.
    "[he|she|i] [can't|cannot|can not|is not able to|isn't able to|am not able to] walk",
    "[coughing|wheezing|been sick|throwing up|been up] [all night|every night|at night|all week|constantly]",
    "[asthma attack|asthma attacks|chest infection]",
    // A condition the trouble makes worse: "My son has asthma and it's getting worse" (the
    // mould), "her breathing has been getting worse"; not the condition named to rebook a
    // review.
    "[has|has got|suffers with|suffers from] [asthma|copd|bronchitis|eczema|a heart condition|a lung condition] and [it is|it has been|it keeps|it just keeps] getting worse",
    "[his|her|my|their] [asthma|breathing|chest|cough|eczema] [is|has been|keeps|is just] getting worse",
    // An operation at stake: "she's having surgery tonight".
    "[she is|he is|she's|he's|i am|my mum is|my dad is|my son is|my daughter is|my wife is|my husband is|my mum's|my dad's|my son's|my daughter's|my wife's|my husband's] having [surgery|an operation|her operation|his operation|my operation]",
    "[it is|this is|the damp is|the mould is|the cold is] making [her|him|them|me|us|the kids|the baby|my son|my daughter] [ill|sick|worse]",
    "[she's|he's|she is|he is|they're|they are] [asthmatic|poorly|unwell|in pain|getting worse]",
    // "my mum's not well enough to travel next year, this was the trip".
    "[not well enough|too ill|too unwell|too poorly|too sick|too frail] to",
    "[seriously|very|critically|gravely|terminally] [ill|unwell]",
    "[i'm|i am|we're|we are] starving",
    "[i am|i feel|feeling|i am feeling] [a bit|a little|really|quite|so|very|pretty|all|] [shaken|shaky|shaken up]",
    // Medicine running out: "she has maybe 3 days of insulin left".
    "[days|doses|day's|week's|weeks] of [insulin|medication|medicine|her medication|his medication|my medication|tablets|oxygen] left",
    "[run|running|ran|run right] out of [insulin|medication|medicine|her medication|his medication|my medication|her tablets|his tablets|my tablets|oxygen|my inhaler|her inhaler|his inhaler|inhalers|my meds|her meds|his meds]",
    // The medicine will run out before the supply comes: "thursday she'll run out by then".
    "[she will|he will|i will|we will|she is going to|he is going to|i am going to] run out [by then|before then|before that|before it comes|before it arrives|before thursday|before monday|before the weekend]",
    "[i|we] [honestly|really|genuinely|truly|just|] do not know how [i will|we will|i am going to|we are going to|i can|we can|to] [manage|cope|afford|pay|survive|get by|make ends meet|keep up]",
    // Fear and sleeplessness told plainly: "I'm a bit nervous about going back", "my heart's
    // going", "I've not slept since Tuesday", "I can't keep doing this".
    "[i am|i feel|honestly i am|i am still] [a bit|a little|really|so|quite|very|pretty|] [nervous|terrified|petrified|frightened]",
    "my heart [is|is still] [going|racing|pounding]",
    "[i have|i've|have|i] [not|never|hardly|barely] slept",
    "[i|we] [cannot|can not] keep [doing this|going like this|living like this|on like this]",
    // Of a person, not a room: "my daughter was in a right state", not "the kitchen's in a state".
    "[she was|he was|i was|she is|he is|i am|she has been|he has been|i have been|she got|he got|i got] in [a right state|a real state|such a state|a bit of a state]",
    "[beside herself|beside himself|beside myself]",
    // A separation or a fall behind the trouble: "me and my wife split up in the summer",
    // "I had a fall in March"; not "can we split up the payment".
    "[and my wife|and my husband|and my partner|and my ex] [split up|separated|broke up]",
    "[my wife and i|my husband and i|my partner and i] [split up|separated|broke up]",
    "[my wife|my husband|my partner] [left me|has left me|walked out]",
    // "my partner left in february and i've been on my own with the kids".
    "[my wife|my husband|my partner|my ex] left [in|last|after|when|two|three|six|this|recently|us]",
    "we [split up|separated|broke up] [in|last|after|recently|a|this|when|two|three|six]",
    "[going through|in the middle of] a divorce",
    "[i|she|he|mum|dad|my mum|my dad|my mother|my father] [had|has had|have had] a [bad|nasty|] fall",
    // As typed in a hurry.
    "[fustrated|frustated|frusterated|frustrted|rediculous|ridiculus|redicilous|dissapointed|disapointed|dissappointed|unacceptible|anoyed]",
];

/// The customer has already done what the agent suggests; "that", "all of that" refer to the
/// agent's suggestion, so the steps need not be named.
const ALREADY_DONE: &[&str] = &[
    // "Yes, I've done that a few times now".
    "i [have|] [done|tried] [that|this|it|all that|both] [a few|several|a couple of|many|multiple|two|three|four|a number of|so many] times",
    "i [have|] already [done|tried|did|followed|read] [that|this|all that|all of that|all this|all of this|those|those steps|these steps|them|both|everything]",
    "i [have|] [done|tried|followed|read] [that|this|all that|all of that|all this|all of this|those|those steps|these steps|them|both|everything] already",
    "[did|done|tried] [that|this|all that|all of that|those|both] already",
    "already [did|done|tried] [that|this|all that|all of that|those|both]",
    "i [have|] [already|] [restarted|rebooted|reset|unplugged|reinstalled|uninstalled|cleared|updated] [it|that|them|the router|the phone|the app|everything] [twice|three times|already|before i called]",
];

/// Insisting on a request; the word after the phrase is what is asked for ("cancel").
const INSISTED: &[&str] = &[
    "i [just|only|simply] [want|need|wanted|needed] [to|you to]",
    "[please|can you|could you|will you] just",
    "i [just|only|simply] [want|need] [it|this|my account|my membership|my contract|my subscription] [to be]",
];

const REPETITION: &[&str] = &[
    "as i [said|mentioned|explained|told you|already said|already mentioned|stated|just said|wrote|noted]",
    "like i [said|mentioned|told you|already said|just said|explained]",
    "i [have|] already [told|explained|said|gave|given|provided|mentioned|answered]",
    "i [have|] [told|explained] [this|that|it] [already|before|twice|three times|several times|so many times|to]",
    "i [just|literally|already|literally just|only just|just now] [told|said|gave|answered|explained|typed|entered] [you|that|it|this|them]",
    // A detail keyed in to the phone menu or given to the bot: "I have just entered it."
    "i have [just|literally just|only just|already] [entered|typed|keyed in|put in|given] [it|that|them|this]",
    "i [just|already|] told [you|the last|the other|your colleague|the previous|them]",
    // "well i won't be doing it online love i've told you".
    "i have told you",
    // Details given to someone earlier in the contact: re-explaining after a transfer.
    "i [gave|have given] [it|that|them|all that|all of that|my details|everything] to [the last|the other|the previous|the first|your colleague|the bot|the chatbot|someone else]",
    "for the [second|third|fourth|fifth|sixth|tenth|hundredth|nth|umpteenth|last] time",
    "[i am|im] asking [you|] [a|for a|for the] [second|third|fourth|fifth] time",
    "i [have|] asked [you|] [this|that|it|] [twice|three times|four times|several times|so many times] [now|already|]",
    "how many times [do|have|must|will|should] i",
    "i [keep|kept] [telling|saying|explaining|repeating]",
    "i [have|] said [this|that|it] [before|already|twice|three times|four times|several times|a few times|so many times|multiple times]",
    "i [have|] said [twice|three times|four times|several times|a few times|so many times|multiple times] [now|already]",
    "i repeat",
    // A detail handed over more than once: "I've typed it three times already".
    "i [have|] [typed|entered|given|sent|put in|spelt|spelled] [it|that|this|them|my number|my details|you] [twice|three times|four times|several times|a few times|so many times|multiple times]",
    "once again i",
    "again i [said|asked|told|need]",
    "i said [i|it|that|the|no|yes|my|a|to|for]",
    // "i said take me off the list", "I just said I rent": a request or a fact said again
    // (an "I said…" quoting nothing told before is a story, see the repetition rule).
    "i said [take|cancel|refund|stop|remove|send|book|close|delete|unsubscribe]",
    "i [just|literally just|only just|literally] said [i|it|that|the|no|yes|my|a|we|take|cancel|refund|stop|remove]",
    "no i said",
    "i [already|] asked [for|you|about] [that|this|it|already]",
    "that is not what i [said|asked|meant|wanted]",
    "that's not what i [said|asked|meant|wanted]",
    "you [are not|aren't|'re not] listening",
    "did you [not|even] [read|hear|listen]",
    // The customer feeling unheard has said it already: "Did you hear what I said?"
    "did you [hear|read|listen to] what i [said|wrote|just said|told you|just told you]",
    "are you [even|] listening [to me|]",
    "i [have|] explained [this|it|everything] to [the|your|three|two|every]",
    "[start|starting] [all|] over again",
    // "So I have to come back on here tomorrow and go through all of this again".
    "[go through|explain] [all of this|all this|all of it|it all|everything|the whole thing] again",
    // "Yes. That's what I said in my first message."
    "that is what i [said|told you|wrote|put|mentioned|explained]",
    "repeat [myself|everything|my story|the whole]",
    "[all|everything] over again",
];

const INFO: &[(&str, Info)] = &[
    (
        "[account|customer|member|membership|policy|client|subscriber|workspace|tenant|meter|patient|student|employee|loyalty] [number|no|id|reference]",
        Info::Account,
    ),
    (
        "[order|booking|reference|ref|confirmation|ticket|case|tracking|claim|reservation|invoice|serial|incident|file] [number|no|id|code|reference|ref]",
        Info::Order,
    ),
    ("[email|e mail] [address|]", Info::Email),
    (
        "[phone|telephone|mobile|cell|contact] [number|no]",
        Info::Phone,
    ),
    (
        "[postcode|post code|postal code|zip code|zip|zipcode]",
        Info::Postcode,
    ),
    ("[date of birth|dob|birth date|birthdate]", Info::Birth),
    ("[full|first and last|first|last] name", Info::Name),
    (
        "name [on the account|on the booking|on the card|on the policy]",
        Info::Name,
    ),
    ("[your|her|his|their|the patient's|the] name", Info::Name),
    (
        "[billing|home|postal|street|mailing|delivery|shipping|first line of your|first line of the|] address",
        Info::Address,
    ),
    ("[card|credit card|debit card] [number|no]", Info::Card),
    ("last [four|4] digits", Info::Card),
];

/// Bare item names that identify a value the customer volunteers ("order 52-88140",
/// "workspace WS-55120"); only read in customer turns, where a value must follow.
const BARE_INFO: &[(&str, Info)] = &[
    (
        "[account|policy|member|membership|customer|workspace|meter]",
        Info::Account,
    ),
    (
        "[order|booking|reference|ref|ticket|case|claim|reservation|invoice|confirmation]",
        Info::Order,
    ),
    ("[postcode|zip]", Info::Postcode),
    ("[card|credit card|debit card]", Info::Card),
];

const REQUEST: &[&str] = &[
    "[can|could|may|would] i [have|get|take|grab|please have|please get|also have|just get|just have|ask for|ask you for|confirm]",
    "[can|could|would] you [give|tell|provide|confirm|read|spell|send|share|verify|pass] [me|us|]",
    "what [is|was|'s] [your|the|her|his|their]",
    "[what|which] [email|phone|number|address|name|account|order|booking|reference|postcode|date]",
    "[please|kindly] [provide|give|tell|confirm|enter|type|share|verify|send]",
    "i [will|'ll|would|] need [your|the|to get your|to have your|her|his]",
    "i [still|also|] need [your|the|her|his]",
    "[let me|lemme] [get|have|take]",
    "[do|did] you have [your|the|a|her|his]",
    "[may|can] i [ask|know] [for|what]",
    "[if|once] you [can|could|] [give|tell|send|read|pass] me [your|the|her|his]",
];

const EVENTS: &[(&str, Event)] = &[
    // A bot or voice menu that does not understand: "Sorry, I didn't catch that", "I'm not
    // sure I understand", "That isn't a valid option".
    (
        "i [did not|didn't] [catch|get|understand|quite catch|quite get|quite understand|recognise|recognize] [that|you|what you said|your answer|that number|that answer|]",
        Event::NotUnderstood,
    ),
    (
        "i [do not|don't] [understand|recognise|recognize] [that|your question|the question|what you mean|your answer|that answer]",
        Event::NotUnderstood,
    ),
    (
        "i [am|'m] [not sure|sorry|afraid] i [understand|understood|follow|followed|got that]",
        Event::NotUnderstood,
    ),
    (
        "[could|can|would] you [rephrase|reword|say] [that|it|your question] [again|differently|another way|]",
        Event::NotUnderstood,
    ),
    (
        "[that is not|that isn't|that was not|that wasn't|this is not|this isn't] a valid [option|entry|number|choice|selection|response|answer]",
        Event::NotUnderstood,
    ),
    ("[let us|let's] try [that|this] again", Event::NotUnderstood),
    (
        "[transfer|transferring|transferred] [you|your call|the call|this call|this chat|the chat|your chat|your query|your case|the case|your request|this conversation|the conversation|you over|you back]",
        Event::Transfer,
    ),
    (
        "[connect|connecting|put|putting|pass|passing|send|sending|hand|handing|refer|referring] you [over|through|across|back] to",
        Event::Transfer,
    ),
    (
        "[connect|connecting|pass|passing|hand|handing] you [to|with|over to] [our|the|a|my|another|someone|one of]",
        Event::Transfer,
    ),
    // "I'll put you through now", "Putting you straight through"; "I'll put you through" with
    // nothing after it but "now" or "to" or the end of its sentence (`events::puts_through`):
    // "I'll put you through a quick security check" and "everything we've put you through"
    // transfer no one.
    (
        "[put|putting] you [straight through|right through|through now|through right now|through straight away|through shortly]",
        Event::Transfer,
    ),
    (
        "[i will|we will|i am|we are|let me|i am going to|i am gonna|i am about to] [just|now|] [put|putting] you through",
        Event::Transfer,
    ),
    (
        "[passing|handing|sending|moving] [this chat|the chat|your chat|this call|the call|your call|this over|your case|your query] [over|across|to]",
        Event::Transfer,
    ),
    (
        "[call|chat|conversation|you have been|you've been|you were|you are being|caller] [transferred|being transferred|is being transferred|has been transferred|was transferred]",
        Event::Transfer,
    ),
    (
        "[place|put|putting|placing|pop|popping] you on [a|] [brief|short|quick|quick little|little|] hold",
        Event::Hold,
    ),
    ("[please|kindly] hold [the line|while|for|on|]", Event::Hold),
    (
        "[are you still there|are you there|is anyone there|is anybody there|anyone there|hello are you there]",
        Event::LeftWaiting,
    ),
    ("[can|may|could] i [place|put] you on hold", Event::Hold),
    (
        "[you|caller|call|chat|customer] [are|is|was|has been|have been|] [placed|put] on hold",
        Event::Hold,
    ),
    (
        "on hold [now|for a moment|for a minute|for just a moment|while i|briefly]",
        Event::Hold,
    ),
    (
        "hold [for|] [a|one|just a] [moment|minute|second|sec|few minutes|couple of minutes]",
        Event::Hold,
    ),
    (
        "[mind|okay|ok|alright|all right|happy] [holding|to hold]",
        Event::Hold,
    ),
    ("[you|] holding while i", Event::Hold),
    (
        "[can you|could you|would you|if you could] hold while i",
        Event::Hold,
    ),
    (
        "[can you|could you|if you could|would you] hold on [a|one|just a|for a|for one] [moment|minute|second|sec|tick]",
        Event::Hold,
    ),
    (
        "[place|put|putting|placing|pop|popping] you on mute",
        Event::Hold,
    ),
    // "It's the third time this week" may count a fault, not a contact: "the Nth time" needs
    // "my"/"our" or a verb of getting in touch.
    (
        "[this|it] is [my|our] [second|third|fourth|fifth|sixth|tenth|2nd|3rd|4th|5th|umpteenth|nth] [time|call|attempt|try|chat]",
        Event::RepeatContact,
    ),
    (
        "[this|it] is the [second|third|fourth|fifth|sixth|tenth|2nd|3rd|4th|5th|umpteenth|nth] [call|attempt|chat]",
        Event::RepeatContact,
    ),
    (
        "[this|it] is the [second|third|fourth|fifth|umpteenth] time [i|we] [have|am|] [called|calling|rung|phoned|contacted|been in touch|had to call|had to contact|had to get in touch|got in touch]",
        Event::RepeatContact,
    ),
    // Also elliptical: "Third time I've rung about my signal".
    (
        "[second|third|fourth|fifth|umpteenth] time [i|we] [have|am|] [called|calling|rung|phoned|contacted|been in touch|had to call|had to contact|had to get in touch|got in touch]",
        Event::RepeatContact,
    ),
    (
        "[i|we] [have|] been on to you [twice|three times|four times|five times|six times|several times|multiple times|many times|a few times|a number of times|about this|already|before|for weeks|for days|for months|since]",
        Event::RepeatContact,
    ),
    (
        "[i|we] [spoke|talked] [to|with] [someone|somebody|one of your colleagues|your colleague|an agent|you|one of your advisers|one of your advisors|one of your agents|one of your team|one of your staff|your adviser|your advisor|your team|someone there|someone from your team] [on|last|yesterday|earlier|this morning|the other day|before]",
        Event::RepeatContact,
    ),
    (
        "[my|the|our] [second|third|fourth|fifth|2nd|3rd|4th|5th] [call|time calling|time contacting|time i have called|time i called|time i am calling|time we have called|chat]",
        Event::RepeatContact,
    ),
    (
        "[i|we] [have|'ve|] [already|] [called|phoned|rung|contacted you|chatted] [twice|three times|several times|multiple times|many times|a few times|about this|about it]",
        Event::RepeatContact,
    ),
    (
        "[last time|the last time|every time|each time] [i|we] [called|phoned|contacted|chatted|rang|spoke]",
        Event::RepeatContact,
    ),
    (
        "[i|we] [keep|kept] [calling|ringing|phoning|contacting|chasing]",
        Event::RepeatContact,
    ),
    // A fix the company already made for the same fault: "I've already had it reset twice",
    // "we've had an engineer out twice".
    (
        "had [it|this|that|the line|the router|the connection] [reset|reconnected|restarted|rebooted|looked at|checked|fixed|repaired|replaced] [twice|three times|four times|several times|multiple times|a few times|already|once already]",
        Event::RepeatContact,
    ),
    (
        "had [an engineer|engineers|a technician|someone] [out|round|come out|come round|visit] [twice|three times|several times|multiple times|a few times|already|before|about this|about it]",
        Event::RepeatContact,
    ),
    (
        "[i|we] [was|were] told [last time|before|yesterday|last week|on the phone|by the last|by your colleague|by someone|by one of your|by another agent|by the other agent|by your team|by your staff]",
        Event::RepeatContact,
    ),
    (
        "[you|your colleague|your team|one of your colleagues] [said|told me|told us|promised] [on the phone|last time|yesterday|last week|in your email|in the email|on the chat|in the chat|on monday|on tuesday|on wednesday|on thursday|on friday]",
        Event::RepeatContact,
    ),
    (
        "[i have|we have|i|we] been chasing [this|it|you|you lot|for]",
        Event::RepeatContact,
    ),
    (
        "[i have|we have] had to [call|ring|phone|chase|contact|chat to] [you|every|again|back|twice|three times|several times]",
        Event::RepeatContact,
    ),
    (
        "[still|] waiting for [a|the|your] [call back|callback|reply|response] [you|that|i was|we were]",
        Event::RepeatContact,
    ),
    // A callback promised is a contact made: "I was promised a callback on Tuesday".
    (
        "[i|we] [was|were|have been|had been] promised a [callback|call back|call|phone call|reply|response]",
        Event::RepeatContact,
    ),
    // Being passed from person to person before this one: contacts about the same issue,
    // whoever made them ("I was transferred to you by billing" alone is not a complaint).
    (
        "i [have been|have just been|have already been|keep getting|keep being|got|was] [transferred|passed|put through|bounced|pushed|fobbed off] [around|about|back and forth|between departments|twice|three times|several times|multiple times|so many times]",
        Event::RepeatContact,
    ),
    ("pillar to post", Event::RepeatContact),
    (
        "[explained|told|said] [this|it|that|] to [two|three|four|five|several|multiple|so many] [different|] [people|agents|advisors|advisers|departments|teams|people already]",
        Event::RepeatContact,
    ),
    (
        "[you|you lot|you people|they|your staff|your colleagues] keep [transferring|passing|bouncing|putting|fobbing] me",
        Event::RepeatContact,
    ),
    (
        "[second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|umpteenth] [person|agent|advisor|adviser|department] [i have|i] [spoken to|talked to|dealt with|explained this to|been passed to|been transferred to|been put through to]",
        Event::RepeatContact,
    ),
    (
        "[speak|talk|speaking|talking] [to|with] [a|your|the|] [manager|supervisor|superior|team leader|team lead|someone senior|someone more senior|someone in charge|person in charge|someone higher up|someone above you|boss]",
        Event::Escalation,
    ),
    (
        "[get|put|transfer|connect] me [to|through to|with] [a|your|the] [manager|supervisor|superior|team leader|boss]",
        Event::Escalation,
    ),
    (
        "[i want|i'd like|i would like|i need|can i have|let me speak to|give me] [a|your|the] [manager|supervisor]",
        Event::Escalation,
    ),
    // Asking a bot for a person is the same step up: "talk to a human", "real person please".
    (
        "[speak|talk|speaking|talking] [to|with] [a|an|] [human|real person|actual person|real human|live agent|human being]",
        Event::Escalation,
    ),
    // "talk to a person" (a person, not "the person who sent it").
    (
        "[speak|talk|speaking|talking] [to|with] a person",
        Event::Escalation,
    ),
    (
        "[put|transfer|connect|pass] me [to|through to] [a|an] [human|real person|live agent|human agent|agent|advisor]",
        Event::Escalation,
    ),
    (
        "[i want|i'd like|i would like|i need|can i have|give me|let me talk to|let me speak to] [a|an] [human|real person|actual person|real human|live agent|human agent]",
        Event::Escalation,
    ),
    (
        "[human|real person|live agent|actual person] please",
        Event::Escalation,
    ),
    (
        "[file|make|lodge|raise|log|submit] a [formal|official|] complaint",
        Event::Escalation,
    ),
    ("i [want|would like|wish] to complain", Event::Escalation),
    // A complaint announced: "no. ill be complaining", "I'm going to make a complaint".
    (
        "i [will|am going to|am gonna|shall] [complain|be complaining|make a complaint|be making a complaint|raise a complaint|be raising a complaint|be putting in a complaint]",
        Event::Escalation,
    ),
    // Asking for the complaints team: "put me through to the complaints department".
    (
        "[speak|talk|put me through|put me on|transfer me|connect me|pass me|get me|send me] [to|with|] [the|your|] complaints [department|team|line|section|manager|people|]",
        Event::Escalation,
    ),
    // "I want to put in a complaint" (asked for, not "I put in a complaint last week").
    (
        "[want to|would like to|need to|going to|will|wish to|can i|could i|how do i|how can i] put in a [formal|official|] complaint",
        Event::Escalation,
    ),
    (
        "[ombudsman|trading standards|better business bureau]",
        Event::Escalation,
    ),
    ("escalate [this|it|my|the|me|our]", Event::Escalation),
    ("who [do|can|should] [i|we] complain to", Event::Escalation),
    // The British threat to escalate: "I'll be taking this further".
    (
        "[i will|i am going to|we will|we are going to|i shall] [be taking|take] [this|it|the matter|this matter] further",
        Event::Escalation,
    ),
    (
        "[want|need|would like] [this|it|my complaint|the case] escalated",
        Event::Escalation,
    ),
    // Another channel sending the customer here; a person ("my manager asked me to call") is
    // not one.
    (
        "[chat|app|website|site|shop|store|branch|bot|chatbot|email|text|letter|they] [told|asked|advised|sent] [me|us] to [call|ring|phone|contact]",
        Event::ChannelSwitch,
    ),
    (
        "[your|the] [app|website|site|chat|chatbot|bot|online chat|web chat|portal|automated system|help centre|help center|online account] [said|says|told me|sent me|would not|will not|does not|did not|redirected me|directed me|showed|shows|gave me|is not|was not]",
        Event::ChannelSwitch,
    ),
    // Giving up on one channel for this one ("…gave up, so I'm trying the chat").
    (
        "[so i am|so now i am|so i thought i would|so i would] [trying|try|using|use] [the|your|this|] [chat|web chat|live chat|online chat|email|app]",
        Event::ChannelSwitch,
    ),
];

const PROBLEM: &[&str] = &[
    "not working",
    "doesn't work",
    "does not work",
    "stopped working",
    "won't",
    "can't",
    "cannot",
    "broken",
    "error",
    "problem",
    "issue",
    "wrong",
    "missing",
    "never arrived",
    // Nobody came for what was booked: "I've been waiting in all day and nobody came".
    "[nobody|no one|no-one|the engineer never|the driver never|they never] [came|turned up|showed up|showed|knocked|came round]",
    "hasn't arrived",
    "has not arrived",
    "declined",
    "charged twice",
    "overcharged",
    "double charged",
    "cancelled",
    "canceled",
    "delayed",
    "late",
    // "The site is down", not "I've written it down".
    "[is|are|was|were|been|be|went|gone|goes|going|still|it's|that's|they're|everything's|site's|website's|app's|system's|server's|network's|line's|internet's|wifi's|broadband's|service's|phone's|signal's] down",
    "outage",
    "failed",
    "stuck",
    "locked out",
    "refund",
    "complaint",
    "damaged",
    // Arrived broken: "the box was crushed", "a bent wheel", "the screen's cracked".
    "[crushed|smashed|cracked|bent|shattered|dented]",
    // The business gone: "Ashcombe Manor's gone into administration", "the venue went bust".
    "[gone|went|going] [bust|under|into administration|into liquidation]",
    "lost",
    "no signal",
    "[keeps|kept|keep] [dropping|dropping out|restarting|rebooting|crashing|freezing|cutting out|disconnecting|switching off|turning off|going off|buffering|failing|logging me out|tripping]",
    "dropped",
    "disconnected",
    "[charged me|was charged|were charged|been charged] [for|twice|again|a|an]",
    "[nobody|no one|no-one] [told|warned|informed] [me|us]",
    "[timing|times|timed] out",
    "not what i [was told|ordered|asked for|paid for|expected]",
    // Supply gone: "we've been without heating for three days", "the gas hasn't come back on".
    "without [heating|heat|power|gas|electricity|water|hot water|internet|broadband|wifi|a connection|phone signal]",
    "[hasn't|has not|haven't|have not] come back",
    // "the Finance-Invoices mailbox has disappeared from my Outlook".
    "[disappeared|vanished|gone missing|went missing]",
    // The same failure again: "Third time this month your driver has left my parcel…".
    "[second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|umpteenth] time [this week|this month|this year|in a row|running|in a week|in a month]",
    "[stopped|has stopped|keeps|kept] [sending|updating|connecting|responding|loading|syncing|charging]",
];

/// "Thanks" and "thank" as typed in a hurry, with two letters swapped, and the thanks of the
/// languages customers switch into ("muchas gracias", "diolch"): one alternation for the
/// lexicon entries below, and [`TYPED_THANKS`] for the word tests of other rules.
macro_rules! typed_thanks {
    () => {
        "tahnks|thnaks|thakns|thansk|tahnk|thnak|thakn|gracias|merci|danke|grazie|obrigado|obrigada|diolch"
    };
}

/// The words of [`typed_thanks!`].
pub(crate) const TYPED_THANKS: &[&str] = &[
    "tahnks", "thnaks", "thakns", "thansk", "tahnk", "thnak", "thakn", "gracias", "merci", "danke",
    "grazie", "obrigado", "obrigada", "diolch",
];

const THANKS: &[(&str, Thanks)] = &[
    (
        // With the slips of fast typing: "thnaks", "tahnk you".
        concat!(
            "[thank you|thank u|thank ya|thank|thanks|thanx|thx|ty|ta|cheers|",
            typed_thanks!(),
            "|tahnk you|thnak you|thakn you|thank yuo|thank oyu]"
        ),
        Thanks::Given,
    ),
    (
        "[thank you|thanks] [so|very|a lot|so very] much",
        Thanks::Given,
    ),
    (
        "[i|really|i really|i do|much|greatly] [appreciate|appreciated] [it|that|this|your help|the help|you]",
        Thanks::Given,
    ),
    ("[much|greatly|really] appreciated", Thanks::Given),
    (
        "you [are|have been|were] [a star|a lifesaver|a life saver|a legend|a gem|an angel]",
        Thanks::Given,
    ),
    (
        "you [have been|were] [so|really|very|super|incredibly|extremely|most|such a|a|a great|a big|a real|] [helpful|great|brilliant|amazing|fantastic|wonderful|lovely|help|great help|big help]",
        Thanks::Given,
    ),
    // With its intensifier only: "you've been kind of slow" is no thanks.
    (
        "you [are|have been|were] [so|really|very|incredibly|extremely|most|ever so] [kind|patient]",
        Thanks::Given,
    ),
    (
        "[no|nah|nope] [thank you|thanks|thank u|thx|ty|ta]",
        Thanks::Declined,
    ),
    (
        "[thank you|thanks|thank u|thx|cheers] [anyway|anyways|for nothing|but|a lot for nothing|for wasting|a lot for wasting|so much for wasting|i suppose|i guess|for trying]",
        Thanks::Hollow,
    ),
    // Irony beside the thanks: "Thanks so much, that really makes up for my mom sitting
    // there for an hour."
    (
        "[that|this|it|which] [really|totally|sure|certainly|definitely|] [makes|made] up for",
        Thanks::Hollow,
    ),
];

const ENDING: &[(&str, Ending)] = &[
    // ("That's worked" reads "that is worked" once its contraction is expanded.)
    (
        "[that|it|this|the link|the fix|the reset|the code|the card|the app|everything] [worked|works|is working|has worked|is worked|did it|did the trick|has done the trick|fixed it|solved it|sorted it|helps|helped|is fixed|is sorted|is resolved|has been resolved|is done|is great|is perfect|is all i needed|is everything|answers my question|went through]",
        Ending::Resolved,
    ),
    // Chat drops the subject: "working now", "logged in now" (a bare "in now" is read in
    // `resolution`: "I'll put the request in now" is no fix).
    ("[logged in|signed in|working] now", Ending::Resolved),
    ("[i am|im] in now", Ending::Resolved),
    (
        "[it's|it is|everything is|all|that is|they are|we are|i am] [working|fixed|sorted|resolved|good|set|online|back|connected|in|through|logged in] [now|again]",
        Ending::Resolved,
    ),
    (
        "[i am|i'm|we are|we're] [finally|now] [logged in|in|connected|back online|sorted|through]",
        Ending::Resolved,
    ),
    (
        "[you've|you have|you] [been|were] [very|really|so|super|a great|a big|] [helpful|help|great|kind]",
        Ending::Resolved,
    ),
    // The agent reports the work finished: "That's all done, Mr Healey.", "Good. That's set up."
    (
        "[that is|it is|everything is|that is all|it is all|everything is all] [done|set up|in place|sorted]",
        Ending::Resolved,
    ),
    (
        "thanks for [your|the|all your|all the] help",
        Ending::Resolved,
    ),
    (
        "thank you for [your|the|all your|all the] [help|assistance]",
        Ending::Resolved,
    ),
    (
        "[i|really] appreciate [it|your help|the help|that]",
        Ending::Resolved,
    ),
    ("[all|you're all|you are all] set", Ending::Resolved),
    (
        concat!(
            "[great|perfect|wonderful|awesome|brilliant|excellent|lovely|fantastic|cheers] [thank|thanks|that|cheers|",
            typed_thanks!(),
            "]"
        ),
        Ending::Resolved,
    ),
    (
        "[has been|have been|is being|was|is now|are now|is] [processed|issued|refunded|credited|resolved|fixed|restored|rebooked|booked|replaced|reset|reactivated|unlocked|cancelled|updated|sent|approved|confirmed|scheduled|reconnected|waived|added|registered|accepted|reserved|arranged|reversed|moved|released|removed|applied|corrected|lifted|unblocked|cleared|renewed|activated|enabled|transferred|amended|changed|upgraded|extended|repaired|authorised|authorized]",
        Ending::Resolved,
    ),
    (
        "[i have|i've|we have|we've] [processed|issued|refunded|credited|resolved|fixed|restored|rebooked|booked|replaced|reset|reactivated|unlocked|cancelled|updated|sent|approved|confirmed|scheduled|reconnected|waived|added|registered|arranged|reversed|moved|set up|switched|reserved|dispatched|ordered|released|removed|applied|corrected|lifted|unblocked|cleared|renewed|activated|enabled|transferred|amended|changed|upgraded|extended|refreshed|pushed|authorised|authorized|repaired|sorted|sorted out|put through|taken off|resent|re-sent]",
        Ending::Resolved,
    ),
    (
        "and [fixed|resolved|sorted|repaired|cleared|reset|restarted|reconnected] [it|that|this|the fault|the problem|the issue]",
        Ending::Resolved,
    ),
    (
        "[it|everything|that|the line|the connection|the app] should be [working|stable|fine|back|okay|ok|sorted] [now|again|from now on]",
        Ending::Resolved,
    ),
    // The customer confirming the fix: "Yes, it's back.", "Pages are loading fine now."
    (
        "[yes|yep|yeah|ok|okay|oh] [it's|it is|that's|that is|everything's] [back|working|fixed|sorted|gone through]",
        Ending::Resolved,
    ),
    (
        "[loading|working|connecting|going through|coming through] [fine|properly|normally|okay|ok] [now|again]",
        Ending::Resolved,
    ),
    // An investigation or a trace is the start of finding out, not the fix: the outcome comes
    // days later.
    (
        "[open|opened|opening|raise|raised|raising|start|started|starting|launch|launched|log|logged|lodge|lodged|put in] [an|a] [investigation|trace]",
        Ending::Deferred,
    ),
    (
        "[i will|we will|i am going to] investigate [this|it|that|the matter|further]",
        Ending::Deferred,
    ),
    // Not "cancel": "I'll cancel" is as often the customer's threat (below). Sending,
    // arranging and raising count only for a remedy: "I'll send you some troubleshooting
    // tips", "I'll raise it with the team", "I'll arrange for someone to call" fix nothing.
    (
        "[i will|we will|i am going to] [just|now|] [book|rebook|issue|refund|credit|process|replace|waive|apply|reconnect|reverse|unlock|reactivate|reset|restore|set up|upgrade|extend|pause|freeze|suspend|stop|write off|cancel]",
        Ending::Committed,
    ),
    (
        "[i am|we are] [now|] [booking|rebooking|issuing|refunding|crediting|processing|replacing|waiving|applying|reconnecting|reversing|unlocking|reactivating|resetting|restoring|setting up|pausing|freezing|suspending|stopping|cancelling|canceling]",
        Ending::Committed,
    ),
    (
        "[i will|we will|i am] [send|dispatch|order|sending|dispatching|ordering] [you|] [a replacement|the replacement|a new|an engineer|a technician|a refund|the refund|a voucher|out an]",
        Ending::Committed,
    ),
    (
        "[i will|we will|i am] [arrange|arranging|raise|raising|put through|putting through] [a|an|the] [engineer|refund|replacement|redelivery|visit|complaint|credit|temporary credit|claim]",
        Ending::Committed,
    ),
    // Done, by the agent: "The order was never submitted. I've submitted it now", "I've placed a
    // new order", "I've re-ordered it". The customer's "I've submitted a claim twice" is the
    // trouble, not its fix, so these count as an undertaking (which only the agent's does).
    (
        "[i have|i've|we have|we've] [just|now|] [submitted|resubmitted|re-submitted|reordered|re-ordered|re-placed] [it|that|this|them|the order|your order|a new order|a new one|the claim|your claim|the application|your application|the request|your request]",
        Ending::Committed,
    ),
    (
        "[i have|i've|we have|we've] [just|now|] placed [a new|a fresh|a replacement|another|a new replacement] order",
        Ending::Committed,
    ),
    // The agent reports the work done in few words: "no worries, done that for you now",
    // "okay done, thank you for calling". From the customer ("okay done") it reports a step they
    // were asked to take, so only the agent's counts.
    (
        "[done|sorted|changed|updated|added|cancelled|booked|fixed|applied] [that|it|this|those|them|all that] for you",
        Ending::Committed,
    ),
    (
        "[okay|ok|right|alright] [that's|that is|all|] done",
        Ending::Committed,
    ),
    // Help on its way: "A technician will be with you within 90 minutes."
    (
        "[a|an|the|our|your] [technician|engineer|patrol|mechanic|recovery vehicle|recovery truck|plumber|electrician] [will be|should be|is going to be] with you [within|in|by|shortly|soon|today|this|tomorrow]",
        Ending::Committed,
    ),
    ("[glad|happy] [i could|we could|to] help", Ending::Resolved),
    ("[you're|you are] welcome", Ending::Resolved),
    (
        "that's all [i need|i needed|for now|thanks]",
        Ending::Resolved,
    ),
    (
        "still [not|do not|does not|did not|is not|are not|have not|has not|cannot|no|will not|broken|waiting|nothing|the same|don't know|unresolved]",
        Ending::Unresolved,
    ),
    (
        "[didn't|did not|doesn't|does not|hasn't|has not|won't|will not] [help|work|solve|fix|resolve]",
        Ending::Unresolved,
    ),
    (
        "[not|never] [resolved|fixed|solved|sorted]",
        Ending::Unresolved,
    ),
    (
        "[waste|wasted|wasting|waste of] [of|] [my|our|] time",
        Ending::Unresolved,
    ),
    (
        "wasted [another|an|a whole|the whole|my|the|] [hour|hours|morning|afternoon|evening|day]",
        Ending::Unresolved,
    ),
    (
        "[nothing has|nothing is|nothing's] changed",
        Ending::Unresolved,
    ),
    // A promise that somebody will come back to the customer defers the problem ("they'll
    // call to confirm the slot", after a booking, does not).
    (
        "[someone|somebody|they|the team|a colleague|one of my colleagues|one of the team] will [be in touch|get back to you|call you back|contact you|ring you back|call you with an update|update you]",
        Ending::Deferred,
    ),
    // Handed on: "I've escalated this to our logistics team who will email you within 48
    // hours", "she will call you tomorrow". Not "they'll text you the time" or "we'll email
    // you a receipt": what follows "you" has to be when, not what.
    (
        "[someone|somebody|they|she|he|who|the team|a colleague|one of my colleagues|one of the team] will [email|e-mail|call|text|ring|phone|message|contact|write to] you [within|in|by|tomorrow|today|tonight|later|shortly|soon|next|on|this|with an update|with the outcome|with a decision]",
        Ending::Deferred,
    ),
    (
        "i [have|] asked [them|the team|someone|somebody|a colleague] to [call|ring|contact|update] you",
        Ending::Deferred,
    ),
    (
        "i [can|could|will] ask [her|him|them|my manager|my supervisor|my team leader|a manager|a supervisor|a team leader|someone|somebody] to [call|ring|contact] you",
        Ending::Deferred,
    ),
    (
        "[someone is|someone's|somebody is|somebody's|they are|they're|she is|she's|he is|he's] [actually|] [going to|gonna] [call|ring|contact] [me|you]",
        Ending::Deferred,
    ),
    // The question goes to someone else to look into: "I'll need to raise it with our billing
    // team to investigate", "That'd be down to the investigation".
    (
        "[team|department|colleagues|specialists] to [investigate|look into it|look into this]",
        Ending::Deferred,
    ),
    (
        "[down to|depends on|pending|awaiting|until] the investigation",
        Ending::Deferred,
    ),
    // The fix waits for another contact: "I can release it straight away when you call back".
    (
        "[when|once] [you|i] [call|ring|phone] [back|us back|again]",
        Ending::Deferred,
    ),
    // "Margaret, please contact us again after 2pm tomorrow": the customer must come back.
    (
        "[please|you will need to|you'll need to|you need to|you can] [contact|call|ring|message|chat with] us again [after|in|tomorrow|once|on|next]",
        Ending::Deferred,
    ),
    (
        "i [will|am going to|am gonna] [just|] [cancel|close my account|switch|shift|go elsewhere|take my business|leave|find another|try again|complain]",
        Ending::Unresolved,
    ),
    // "no. ill be complaining": the customer takes it further.
    (
        "[i will|ill|i am going to|i am gonna|im going to|im gonna] [be complaining|be making a complaint|be putting in a complaint|be taking this further|be taking it further|take this further|take it further]",
        Ending::Unresolved,
    ),
    (
        "[forget it|never mind|nevermind|i give up|useless|pointless|hopeless|thanks for nothing|unbelievable]",
        Ending::Unresolved,
    ),
    (
        "[i am|we are] [unable|not able] to [help|do|resolve|fix|process|offer|change|refund|assist|give]",
        Ending::Unresolved,
    ),
    (
        "[there is|there's] nothing [more|else|further|] [i|we|you|anyone] can do",
        Ending::Unresolved,
    ),
    // The customer's own summing up: "There isn't anything else you can do, is there."
    (
        "[there is not|there isn't|there's not] anything [more|else|further|] [i|we|you|anyone] can do",
        Ending::Unresolved,
    ),
    (
        "[you will|you would] [need|have] to [call back|call again|contact|go to|visit|try again|wait|write in|write to us|put it in writing|put that in writing|send a letter|email us]",
        Ending::Unresolved,
    ),
    (
        "[cannot|can't] [do anything|give a date|say when|help]",
        Ending::Unresolved,
    ),
    ("you can wait [another|a further]", Ending::Unresolved),
    // "I'd recommend trying the returns portal again later": come back another time.
    (
        "[try|trying|check|checking] [it|that|this|back|the portal|the website|the site|the app|the link|the returns portal|] again later",
        Ending::Unresolved,
    ),
    ("[no|not] [help|helpful] at all", Ending::Unresolved),
    // The customer sums up what the call achieved: "So nothing, then.", "So I just have to
    // wait then.", "Let me hold my breath."
    (
        "so i [just|] [have to|need to|have got to|got to|gotta] wait",
        Ending::Unresolved,
    ),
    ("[hold|holding] my breath", Ending::Unresolved),
    // "So I have to come back on here tomorrow and go through all of this again."
    (
        "so i [just|] [have to|need to|will have to|will need to|have got to|got to|gotta] [come back|call back|call again|ring back|ring again|chat again|contact you again|start again|start all over again|do this again|do it all again]",
        Ending::Unresolved,
    ),
    (
        "so [basically|literally|really|] nothing then",
        Ending::Unresolved,
    ),
    ("so basically nothing", Ending::Unresolved),
    (
        "[you have|youve|you] helped [me|] with nothing",
        Ending::Unresolved,
    ),
    (
        "[you have not|you haven't] [helped|done] [me|] [with anything|anything|at all]",
        Ending::Unresolved,
    ),
];

const CORRECTION: &[(&str, Correction)] = &[
    (
        "[that's|that is|this is|it's|it is] not what i [asked for|asked|said|meant|wanted|ordered|requested|need|needed]",
        Correction::Marker,
    ),
    (
        "[that's|that is|this is|it's|it is] [not right|wrong|incorrect|not correct|the wrong one|not the one]",
        Correction::Marker,
    ),
    (
        "[you've|you have|you] [misunderstood|misheard|got it wrong|got that wrong|got me wrong|mixed it up|mixed up]",
        Correction::Marker,
    ),
    (
        "i [didn't|did not|never] [ask for|ask|say|mean|want|order|request] [that|this|it]",
        Correction::Marker,
    ),
    ("[no|not] that one", Correction::Marker),
    (
        "did i [ask|tell] you to [book|cancel|change|order|send|do|add|remove|buy|reserve]",
        Correction::Marker,
    ),
    (
        "[i am|i am so|i am really|now i am] confused",
        Correction::Marker,
    ),
    ("are you sure", Correction::Marker),
    (
        "[can|could|would|will] you [please|] [check|search|look|try|try searching|look it up] [it|that|this|] [again|once more]",
        Correction::Marker,
    ),
    (
        "please [check|search|look|try] [it|that|this|] again",
        Correction::Marker,
    ),
    (
        "[let's|can we|could we] [start|go back to the start|start all] over",
        Correction::Marker,
    ),
    (
        "[i want|i wanted|i need|i needed|i'd like|i would like|i meant|i mean|i said|i asked|i was asking|instead|actually|rather|make it|change it|it should be|it's for|it is for|it needs to be|it has to be|i prefer|i just want|i just need|i only want|i only need]",
        Correction::Restate,
    ),
    (
        "[thank|thanks|that's all|that is all|that's it|that will be all|that'll be all|that would be all|that should be all|that should do|that will do|nothing else|all set|i'm good|i am good|i'm fine|i am fine|not right now|not now|not at the moment|not at this time|not yet|not today|maybe later|no worries|no problem|it's fine|it's ok|it's okay|that's fine|that's ok|that's okay|i'm ok|i'm okay]",
        Correction::Decline,
    ),
    (
        "[no|nope|nah] [i|we] [haven't|have not|don't|do not|didn't|did not|am not|'m not|are not|won't|will not|can't|cannot|wasn't|was not|wouldn't|would not|never]",
        Correction::Denial,
    ),
];

const DIGITAL: &[(&str, Digital)] = &[
    (
        "i do not [do|use|have|go on|really do|really use|really go on] [the online|online|the internet|internet|computers|a computer|the app|apps|a smartphone|a smart phone|email|emails|online banking|the computer]",
        Digital::Unable,
    ),
    (
        "i [have not got|have got no|do not have|have no] [a computer|the internet|internet|a smartphone|a smart phone|an email address|email|a laptop|a tablet|a mobile phone|a mobile]",
        Digital::Unable,
    ),
    (
        "i am [not good|no good|hopeless|useless|rubbish|terrible|not very good|not great] [with|at|on] [computers|technology|the internet|phones|apps|these things|this stuff|tech|that stuff|the computer|the app|online things]",
        Digital::Unable,
    ),
    (
        "i [will not|am not going to] be doing [it|that|anything|this] online",
        Digital::Unable,
    ),
    (
        "[the app|the app's|our app|your app|the mobile app|our mobile app|the banking app|our banking app|online banking|internet banking|online|our website|the website|our site|the portal|our portal|the online portal|web chat|webchat|self service]",
        Digital::Channel,
    ),
];

const FAILURE: &[&str] = &[
    "[there are|there're|there were] no [results|matches|options|other options|availability|slots|appointments|seats|rooms|tables|tickets|flights|trains|buses|openings|records|supervisors|managers|team leaders|agents|advisers|advisors|engineers|technicians|drivers|couriers|beds|places|spaces]",
    "[there is|there's|there was] no [availability|match|record|result|option|slot|appointment|seat|room|table|opening|way for me to]",
    "no [results|matches|availability|options|slots|appointments|supervisors|managers|team leaders|engineers|technicians] [found|available|match|matching|left]",
    "[nothing|none|no one|nobody] [matches|match|matching|that matches|that match|meets|meet|that meets|that meet|available|is available|are available|found|suitable]",
    "[don't|do not|doesn't|does not|didn't|did not] [have|find|see|show|list] [any|anything]",
    "[could not|cannot|can not|was not able to|am unable to|i'm unable to|are unable to|unable to|am not able to|i'm not able to|were not able to] [discuss|disclose|comment on|expedite|override|find|locate|book|reserve|complete|process|make|confirm|place|arrange|offer|change|refund|cancel|issue|fix|resolve|replace|reset|add|send|deliver|repair|reinstate|waive|upgrade|extend|reconnect|restore|unlock|reverse|approve|purchase|buy|schedule|reschedule|rebook|accommodate|accomodate|search|access|verify|activate|apply|renew|honour|honor|authorise|authorize|do that|do this|do so|help with that|get that|get you]",
    // "I couldn't do anything" alone tells a story as often; "…further" refuses the customer.
    "[could not|cannot|am unable to|i'm unable to|are unable to|unable to|am not able to|i'm not able to] do anything [further|more|else|about it|about that|about this|until|for you|at this stage|at the moment|right now|today]",
    "[that is|that's|it is|it's|this is] not something [i|we] can [do anything about|help with|change|do]",
    "[could not|cannot|was not able to|were not able to] be [made|booked|reserved|purchased|bought|scheduled|processed|completed|confirmed|placed|arranged|found|located|fixed|resolved|refunded|cancelled|canceled|changed|issued|delivered|repaired|replaced|restored|approved]",
    "[is|are|was|were] [not available|unavailable|fully booked|sold out|out of stock|all booked|booked up|no longer available|not possible]",
    "[isn't|aren't|wasn't|weren't] available",
    // "I'm afraid that's the only one left": what was asked for is not there.
    "[is|was] the only [one|option|room|table|slot|seat|appointment] [left|available|we have|i have|i can find|i could find|i can see]",
    "[booking|reservation|payment|transaction|request|order|refund|attempt|search] [failed|was unsuccessful|did not go through|didn't go through|was declined|was rejected]",
    "[didn't|did not|doesn't|does not] [go through|succeed]",
    "[i'm|i am|we're|we are] [afraid|sorry] [that|] [there are no|there is no|there's no|we don't|we do not|i can't|i cannot|that's not possible|it's not possible|that isn't possible|we can't|we cannot]",
];

fn plain(entries: &[&'static str]) -> Vec<(&'static str, ())> {
    entries.iter().map(|e| (*e, ())).collect()
}

impl Lexicons {
    /// Compiles every built-in lexicon, with no mandated lines.
    pub fn new() -> Lexicons {
        Lexicons::with_mandated_lines(&[])
    }

    /// Compiles every built-in lexicon and the mandated lines `phrases` (plain words,
    /// `[a|b|]` variants allowed; blank ones ignored), so that one scan of a line finds them
    /// too.
    pub fn with_mandated_lines(phrases: &[String]) -> Lexicons {
        let mandated: Vec<(&str, ())> = phrases
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(|p| (p, ()))
            .collect();
        let canned = Lexicon::new(CANNED);
        let empathy = Lexicon::new(
            &EMPATHY
                .iter()
                .map(|(p, m)| (*p, (*m, Tone::Sympathy)))
                .chain(
                    POSITIVE_REACTIONS
                        .iter()
                        .map(|p| (*p, (Mechanism::Reaction, Tone::Positive))),
                )
                .chain(FELT.iter().map(|p| (*p, (Mechanism::Reaction, Tone::Felt))))
                .chain(JOYS.iter().map(|p| (*p, (Mechanism::Reaction, Tone::Joy))))
                .chain(
                    COMFORT
                        .iter()
                        .map(|p| (*p, (Mechanism::Reaction, Tone::Comfort))),
                )
                .chain(
                    IMPRESSIONS
                        .iter()
                        .map(|p| (*p, (Mechanism::Interpretation, Tone::Impression))),
                )
                .chain(
                    UNDERSTANDING
                        .iter()
                        .map(|p| (*p, (Mechanism::Interpretation, Tone::Understanding))),
                )
                .chain(
                    SOLIDARITY
                        .iter()
                        .map(|p| (*p, (Mechanism::Interpretation, Tone::Solidarity))),
                )
                .chain(
                    OFFERS_TO_LISTEN
                        .iter()
                        .map(|p| (*p, (Mechanism::Exploration, Tone::OfferToListen))),
                )
                .chain(
                    PROBES
                        .iter()
                        .map(|p| (*p, (Mechanism::Exploration, Tone::Probe))),
                )
                .chain(
                    RESTATEMENTS
                        .iter()
                        .map(|p| (*p, (Mechanism::Interpretation, Tone::Restatement))),
                )
                .chain(
                    EXPERIENCES
                        .iter()
                        .map(|p| (*p, (Mechanism::Interpretation, Tone::Experience))),
                )
                .collect::<Vec<_>>(),
        );
        let cooccurrences = vec![
            Cooccurrence {
                event: Event::ChannelSwitch,
                first: Lexicon::new(&plain(TRY_VERBS)),
                second: Lexicon::new(&plain(CHANNELS)),
                context: None,
            },
            Cooccurrence {
                event: Event::Escalation,
                first: Lexicon::new(&plain(ASKING)),
                second: Lexicon::new(&plain(SENIOR)),
                context: None,
            },
            Cooccurrence {
                event: Event::RepeatContact,
                first: Lexicon::new(&plain(CONTACTED)),
                second: Lexicon::new(&plain(EARLIER)),
                context: Some(Lexicon::new(&plain(SAME_ISSUE))),
            },
        ];
        let mut lexicons = Lexicons {
            canned,
            empathy,
            feelings: Lexicon::new(&plain(FEELINGS)),
            distress: Lexicon::new(&plain(DISTRESS)),
            repetition: Lexicon::new(
                &REPETITION
                    .iter()
                    .map(|p| (*p, Repetition::Said))
                    .chain(ALREADY_DONE.iter().map(|p| (*p, Repetition::AlreadyDone)))
                    .chain(INSISTED.iter().map(|p| (*p, Repetition::Insisted)))
                    .collect::<Vec<_>>(),
            ),
            info: Lexicon::new(INFO),
            bare_info: Lexicon::new(BARE_INFO),
            request: Lexicon::new(&plain(REQUEST)),
            events: Lexicon::new(EVENTS),
            problem: Lexicon::new(&plain(PROBLEM)),
            ending: Lexicon::new(ENDING),
            correction: Lexicon::new(CORRECTION),
            failure: Lexicon::new(&plain(FAILURE)),
            digital: Lexicon::new(DIGITAL),
            thanks: Lexicon::new(THANKS),
            waits: Lexicon::new(WAITS),
            cooccurrences,
            mandated: Lexicon::new(&mandated),
            combined: Combined::new(&[]),
        };
        lexicons.combined = Combined::new(&lexicons.pattern_lists());
        lexicons
    }

    /// The pattern lists in the fixed order [`Lexicons::scan`] splits them back in.
    fn pattern_lists(&self) -> Vec<&[String]> {
        let mut lists = vec![
            self.canned.patterns(),
            self.empathy.patterns(),
            self.feelings.patterns(),
            self.distress.patterns(),
            self.repetition.patterns(),
            self.info.patterns(),
            self.bare_info.patterns(),
            self.request.patterns(),
            self.events.patterns(),
            self.problem.patterns(),
            self.ending.patterns(),
            self.correction.patterns(),
            self.failure.patterns(),
            self.digital.patterns(),
            self.thanks.patterns(),
            self.waits.patterns(),
        ];
        for co in &self.cooccurrences {
            lists.push(co.first.patterns());
            lists.push(co.second.patterns());
            lists.push(co.context.as_ref().map_or(&[][..], |c| c.patterns()));
        }
        lists.push(self.mandated.patterns());
        lists
    }

    /// Scans one turn (`raw`, analysed as `text`) once for every lexicon.
    pub fn scan(&self, raw: &str, text: &TurnText) -> TurnHits {
        let mut raw_matches = self.combined.scan(text);
        let mut groups = self.combined.split(&mut raw_matches);
        let mut next = || groups.next().unwrap_or_default();
        let mut canned = self.canned.select(text, next());
        canned.retain(|m| !thanks_for_a_returned_call(text, self.canned.said(m), m));
        // An empathy phrase read across a comma or a full stop ("Sorry, that's been a proper
        // runaround" is not "sorry that…"; "No, sorry, that would also be blocked") is no
        // phrase, and must not shadow the one after it. Every empathy rule reads it so.
        let empathy_raw = next();
        let empathy = if empathy_raw
            .iter()
            .any(|m| crosses_punctuation(raw, text, m.start, m.end))
        {
            let mut kept: Vec<RawMatch> = empathy_raw
                .iter()
                .filter(|m| !crosses_punctuation(raw, text, m.start, m.end))
                .copied()
                .collect();
            self.empathy.select(text, &mut kept)
        } else {
            self.empathy.select(text, empathy_raw)
        };
        let mut hits = TurnHits {
            canned,
            empathy,
            feelings: self.feelings.select(text, next()),
            distress: self
                .distress
                .select(text, next())
                .into_iter()
                .filter(|m| {
                    is_voiced_distress(text, m, self.distress.phrase(self.distress.entry(m)))
                })
                .collect(),
            repetition: self.repetition.select(text, next()),
            info: self.info.select(text, next()),
            bare_info: self.bare_info.select(text, next()),
            request: self.request.select(text, next()),
            events: self.events.select(text, next()),
            problem: self.problem.select(text, next()),
            ending: self
                .ending
                .select_overlapping(text, next())
                .into_iter()
                .filter(|m| !only_noted(text, m))
                .collect(),
            correction: self.correction.select_overlapping(text, next()),
            failure: self.failure.select(text, next()),
            digital: self.digital.select(text, next()),
            thanks: self.thanks.select(text, next()),
            waits: self.waits.select(text, next()),
            cooccurrences: Vec::with_capacity(self.cooccurrences.len()),
            mandated: Vec::new(),
            empathy_sentences: std::sync::OnceLock::new(),
        };
        for co in &self.cooccurrences {
            let first = co.first.select(text, next());
            let second = co.second.select(text, next());
            let context = next();
            hits.cooccurrences
                .push((first, second, co.context.is_none() || !context.is_empty()));
        }
        hits.mandated = self.mandated.select(text, next());
        hits
    }
}

/// Whether the words of `norm[start..end]` have a comma, full stop, semicolon or dash between
/// them in the turn as written.
fn crosses_punctuation(raw: &str, text: &TurnText, start: usize, end: usize) -> bool {
    let tokens = text.norm_span_tokens(start + 1, end);
    (tokens.start + 1..tokens.end).any(|k| match (text.tokens.get(k - 1), text.tokens.get(k)) {
        (Some(a), Some(b)) if a.end <= b.start && b.start <= raw.len() => {
            raw[a.end..b.start].contains([',', '.', ';', '\u{2014}'])
        }
        _ => false,
    })
}

/// Whether a stock "thanks for calling" is the thanks for a call returned ("thanks for calling
/// me back", "thank you for calling back so quickly"): said to the one person who rang back,
/// not the greeting script.
fn thanks_for_a_returned_call(text: &TurnText, said: &str, m: &PhraseMatch) -> bool {
    said.ends_with(" for calling")
        && match text.word(m.tokens.end) {
            "back" => true,
            "me" | "us" => text.word(m.tokens.end + 1) == "back",
            _ => false,
        }
}

/// Whether an ending phrase "I've added" only puts something on record ("I've added your
/// request to the escalation notes", "added a note to your file"): nothing is fixed by it.
fn only_noted(text: &TurnText, m: &PhraseMatch) -> bool {
    text.word(m.tokens.end - 1) == "added"
        && (m.tokens.end..(m.tokens.end + 7).min(text.tokens.len())).any(|k| {
            matches!(
                text.word(k),
                "note" | "notes" | "file" | "record" | "escalation" | "request" | "comments"
            )
        })
}

/// Whether a distress phrase tells of the speaker's state: not negated ("I'm not worried",
/// "I wasn't upset at all", "never angry"), not spared ("that would've been awful", "that
/// would have upset me") and, for
/// "died", said of a person rather than a thing ("my wifi died", "the battery just died").
fn is_voiced_distress(text: &TurnText, m: &PhraseMatch, phrase: &str) -> bool {
    let word = |k: usize| text.tokens[k].norm.as_str();
    // The words before the phrase, past fillers and intensifiers.
    let mut before = (0..m.tokens.start).rev().map(word).filter(|w| {
        !matches!(
            *w,
            "really"
                | "so"
                | "too"
                | "very"
                | "that"
                | "at"
                | "all"
                | "even"
                | "just"
                | "a"
                | "bit"
                | "particularly"
                | "overly"
                | "has"
                | "have"
                | "had"
                | "completely"
                | "finally"
                | "literally"
        )
    });
    let previous = before.next().unwrap_or("");
    let negated = matches!(previous, "not" | "never" | "no" | "nt")
        || previous.ends_with("n't")
        || matches!(
            previous,
            "dont" | "didnt" | "doesnt" | "isnt" | "wasnt" | "arent" | "werent" | "wont"
        );
    let a_thing_died = phrase == "died"
        && matches!(
            previous,
            "it" | "wifi"
                | "server"
                | "site"
                | "website"
                | "system"
                | "database"
                | "disk"
                | "drive"
                | "machine"
                | "terminal"
                | "device"
                | "internet"
                | "broadband"
                | "phone"
                | "mobile"
                | "battery"
                | "router"
                | "hub"
                | "modem"
                | "laptop"
                | "computer"
                | "pc"
                | "tablet"
                | "tv"
                | "screen"
                | "charger"
                | "printer"
                | "car"
                | "engine"
                | "boiler"
                | "fridge"
                | "freezer"
                | "connection"
                | "signal"
                | "line"
                | "app"
                | "sim"
        );
    // "signal's terrible in the kitchen", "the signal in this kitchen is desperate", "the line
    // is awful": the sound of the call.
    let of_the_line = matches!(phrase, "terrible" | "awful" | "horrible" | "desperate")
        && (m.tokens.start.saturating_sub(6)..m.tokens.start).any(|k| {
            let w = word(k);
            matches!(
                w.strip_suffix("'s").unwrap_or(w),
                "signal"
                    | "line"
                    | "reception"
                    | "connection"
                    | "coverage"
                    | "sound"
                    | "audio"
                    | "weather"
                    | "traffic"
            )
        });

    // "It says emergency credit used": the meter's words, not the customer's state.
    let a_term = phrase == "emergency"
        && matches!(
            text.tokens.get(m.tokens.end).map(|t| t.norm.as_str()),
            Some(
                "credit"
                    | "services"
                    | "service"
                    | "number"
                    | "contact"
                    | "line"
                    | "slot"
                    | "slots"
                    | "appointment"
                    | "appointments"
                    | "repair"
                    | "repairs"
                    | "tax"
            )
        );
    // "The lock was still there in bits" is in pieces; "I'm in bits" is distraught.
    let in_pieces = phrase == "in bits"
        && !(m.tokens.start.saturating_sub(3)..m.tokens.start).any(|k| {
            matches!(
                word(k),
                "i" | "i'm"
                    | "im"
                    | "me"
                    | "she"
                    | "she's"
                    | "he"
                    | "he's"
                    | "we"
                    | "we're"
                    | "they"
                    | "they're"
            )
        });
    // "I thought this was going to be awful": a fear that did not come true.
    let expected_only = m.tokens.start > 0
        && word(m.tokens.start - 1) == "be"
        && (m.tokens.start.saturating_sub(7)..m.tokens.start - 1)
            .any(|k| matches!(word(k), "thought" | "expected" | "assumed"));
    // "That would've been awful, getting a renewal reminder with her name on it", "that
    // would have upset me": what was spared, not what is felt.
    let modal = |w: Option<&str>| {
        matches!(
            w,
            Some("would" | "could" | "might" | "would've" | "could've" | "might've" | "wouldve")
        )
    };
    let averted = modal(Some(previous)) || (previous == "been" && modal(before.next()));
    !negated && !a_thing_died && !of_the_line && !expected_only && !averted && !a_term && !in_pieces
}

impl Default for Lexicons {
    fn default() -> Self {
        Lexicons::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_scan_finds_the_mandated_lines_the_lexicon_finds_alone() {
        let lexicons = Lexicons::with_mandated_lines(&crate::policy::Policy::default().allow);
        let demo =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/demo.jsonl"))
                .unwrap();
        let mut found = 0;
        for line in demo.lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            for turn in record["turns"].as_array().unwrap() {
                let raw = turn["text"].as_str().unwrap();
                let text = crate::analyse::text::analyse_text(raw);
                let alone = lexicons.mandated.find(&text);
                assert_eq!(lexicons.scan(raw, &text).mandated, alone, "{raw:?}");
                found += usize::from(!alone.is_empty());
            }
        }
        // The 54 turns of the demo corpus with a recording notice (24 "This call may be
        // recorded…", 30 "This conversation is recorded…").
        assert_eq!(found, 54);
        let without = Lexicons::new();
        let notice = "This call may be recorded for training and quality purposes.";
        assert!(
            without
                .scan(notice, &crate::analyse::text::analyse_text(notice))
                .mandated
                .is_empty()
        );
    }

    #[test]
    fn typed_thanks_agree_with_their_alternation() {
        assert_eq!(typed_thanks!().split('|').collect::<Vec<_>>(), TYPED_THANKS);
    }
}
