//! The built-in phrase lexicons, compiled once per run and shared by all threads.
//!
//! Entries are written in lowercase; `[a|b|]` lists variants (the empty one makes a word
//! optional); contractions may be written either way. See [`crate::lexicon`].

use crate::lexicon::Lexicon;

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

/// Conversation events that cost the customer effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A transfer announced.
    Transfer,
    /// A hold announced.
    Hold,
    /// The customer says they contacted before.
    RepeatContact,
    /// The customer says they tried another channel.
    ChannelSwitch,
    /// The customer asks for a manager, to escalate or to complain.
    Escalation,
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

/// How a conversation's end reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Resolution or satisfied thanks.
    Resolved,
    /// The customer or the agent says it is not solved.
    Unresolved,
}

/// Every built-in lexicon, compiled.
pub struct Lexicons {
    /// Stock service lines.
    pub canned: Lexicon<Canned>,
    /// Empathy cues by mechanism.
    pub empathy: Lexicon<Mechanism>,
    /// Specific feelings and hardships; naming one makes empathy specific.
    pub feelings: Lexicon<()>,
    /// Customer distress.
    pub distress: Lexicon<()>,
    /// Explicit repetition markers ("as I said").
    pub repetition: Lexicon<()>,
    /// Items of customer information.
    pub info: Lexicon<Info>,
    /// Phrases of a request ("can I have your", "what is your").
    pub request: Lexicon<()>,
    /// Effort events.
    pub events: Lexicon<Event>,
    /// Phrases that read as a problem being raised.
    pub problem: Lexicon<()>,
    /// Closing phrases.
    pub ending: Lexicon<Ending>,
}

const CANNED: &[(&str, Canned)] = &[
    (
        "i [completely|totally|fully|really|definitely|] understand your frustration",
        Canned::Empathy,
    ),
    (
        "i [completely|totally|fully|really|definitely|] understand how [frustrating|upsetting|annoying|difficult] [this|that] [must be|can be|is] [for you|]",
        Canned::Empathy,
    ),
    (
        "i [completely|totally|fully|really|definitely|] understand how you [feel|must feel]",
        Canned::Empathy,
    ),
    (
        "i [completely|totally|fully|really|] understand [your concern|your concerns]",
        Canned::Empathy,
    ),
    (
        "i [can|] [completely|totally|] [understand|appreciate] [that|] [this|that] [must be|is] [very|really|so|] [frustrating|inconvenient] [for you|]",
        Canned::Empathy,
    ),
    (
        "i hear [you|your frustration|your concern]",
        Canned::Empathy,
    ),
    (
        "i [can|] [totally|completely|] [understand|see] where you are coming from",
        Canned::Empathy,
    ),
    (
        "i know how [frustrating|annoying] [this|that|it] [must be|can be|is]",
        Canned::Empathy,
    ),
    (
        "that must be [very|really|so|] frustrating [for you|]",
        Canned::Empathy,
    ),
    ("i am sorry to hear that", Canned::Empathy),
    (
        "i am [so|very|really|truly|] sorry [to hear|] [about|for] [that|this|the trouble|your experience]",
        Canned::Empathy,
    ),
    (
        "i [sincerely|truly|do|] apologi[z|s]e for [any|the] inconvenience [this|that|] [may have|has|might have|] [caused|cause] [you|]",
        Canned::Apology,
    ),
    (
        "[we|i] apologi[z|s]e for [any|the] [trouble|inconvenience|confusion|delay] [caused|]",
        Canned::Apology,
    ),
    (
        "[i am|we are] sorry for [any|the] inconvenience [caused|this may have caused|]",
        Canned::Apology,
    ),
    ("sorry for the inconvenience", Canned::Apology),
    (
        "i apologi[z|s]e for [the|your] [wait|delay]",
        Canned::Apology,
    ),
    ("we value your [business|feedback|loyalty]", Canned::Apology),
    (
        "your [call|business|satisfaction] is [very|] important to us",
        Canned::Apology,
    ),
    (
        "thank you for [calling|contacting|choosing|reaching out to]",
        Canned::Greeting,
    ),
    (
        "how [may|can|might] i [help|assist] you [today|]",
        Canned::Greeting,
    ),
    ("[what|how] can i do for you today", Canned::Greeting),
    (
        "thank you for [your|] [patience|holding|waiting|bearing with me]",
        Canned::Hold,
    ),
    (
        "[please|] bear with me [for a moment|one moment|a moment|]",
        Canned::Hold,
    ),
    ("[i|] appreciate your patience", Canned::Hold),
    (
        "is there anything else [i can|i may|we can] [help|assist] you with [today|]",
        Canned::Closing,
    ),
    (
        "is there anything else i can do for you [today|]",
        Canned::Closing,
    ),
    (
        "thank you for being a [valued|loyal] [customer|member]",
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
    // Emotional reactions.
    (
        "i am [so|very|really|truly|terribly|] sorry",
        Mechanism::Reaction,
    ),
    ("so sorry", Mechanism::Reaction),
    ("sorry [to hear|about|that|for what]", Mechanism::Reaction),
    ("oh no", Mechanism::Reaction),
    ("oh dear", Mechanism::Reaction),
    (
        "that [sounds|seems|is|must be] [so|really|very|incredibly|] [awful|terrible|horrible|stressful|frustrating|hard|tough|difficult|scary|upsetting|exhausting|rough|painful|annoying|worrying|heartbreaking|overwhelming|unfair|infuriating]",
        Mechanism::Reaction,
    ),
    (
        "how [awful|terrible|frustrating|stressful|scary|horrible|upsetting]",
        Mechanism::Reaction,
    ),
    (
        "what a [nightmare|pain|shame|hassle|rough|horrible|terrible]",
        Mechanism::Reaction,
    ),
    (
        "i [feel|felt] [for|so bad for|terrible for] you",
        Mechanism::Reaction,
    ),
    ("my heart [goes out|breaks]", Mechanism::Reaction),
    (
        "i [really|] hope [you|things|it|that|your]",
        Mechanism::Reaction,
    ),
    (
        "i am [so|really|very|] [glad|happy|relieved] [to hear|that|you|for you]",
        Mechanism::Reaction,
    ),
    ("[sending|hugs|big hugs]", Mechanism::Reaction),
    (
        "i [would|'d] be [upset|frustrated|angry|furious|worried] too",
        Mechanism::Reaction,
    ),
    ("no wonder you [are|feel]", Mechanism::Reaction),
    (
        "[you|that] [poor thing|must be exhausted]",
        Mechanism::Reaction,
    ),
    (
        "that is [not okay|not fair|unacceptable]",
        Mechanism::Reaction,
    ),
    (
        "i am [worried|concerned] [about|for] you",
        Mechanism::Reaction,
    ),
    ("congratulations", Mechanism::Reaction),
    ("you [are|'re] not alone", Mechanism::Reaction),
    // Interpretations.
    (
        "i [completely|totally|fully|really|definitely|can|] understand",
        Mechanism::Interpretation,
    ),
    ("i [can|] [only|] imagine", Mechanism::Interpretation),
    (
        "i know [how|what] [it|that|this] [feels|is like|must feel]",
        Mechanism::Interpretation,
    ),
    (
        "i [have|'ve] been [there|through]",
        Mechanism::Interpretation,
    ),
    (
        "i [went|have gone|'ve gone] through",
        Mechanism::Interpretation,
    ),
    (
        "i [had|have had] [the same|a similar|that same|something similar]",
        Mechanism::Interpretation,
    ),
    (
        "[same|it was the same] [thing|] [happened|] [with|to] me",
        Mechanism::Interpretation,
    ),
    (
        "i [used to|also|too] [feel|felt|struggle|struggled|have|had|deal|dealt]",
        Mechanism::Interpretation,
    ),
    (
        "[it|that] sounds like [you|your|this|it]",
        Mechanism::Interpretation,
    ),
    ("[it|that] seems like [you|your]", Mechanism::Interpretation),
    ("so [what|] you [are|'re] saying", Mechanism::Interpretation),
    (
        "if i understand [you|] [correctly|right]",
        Mechanism::Interpretation,
    ),
    ("i [can|] see [why|how|that you]", Mechanism::Interpretation),
    (
        "[that|it] makes [total|complete|perfect|] sense",
        Mechanism::Interpretation,
    ),
    (
        "you must [feel|be feeling|have been]",
        Mechanism::Interpretation,
    ),
    (
        "that must [be|have been] [hard|difficult|tough|frustrating|stressful|painful|awful|scary|exhausting]",
        Mechanism::Interpretation,
    ),
    ("i get [it|that|how|why]", Mechanism::Interpretation),
    ("i [relate|can relate]", Mechanism::Interpretation),
    (
        "you [are|'re] [dealing|going through|struggling]",
        Mechanism::Interpretation,
    ),
    (
        "it is [understandable|normal|natural|okay] [to|that]",
        Mechanism::Interpretation,
    ),
    ("anyone would [be|feel]", Mechanism::Interpretation),
    // Explorations.
    (
        "how [are|do|did|have] you [feeling|feel|felt|been|holding up|coping|doing]",
        Mechanism::Exploration,
    ),
    (
        "what [happened|happens|went wrong|made you|makes you|do you mean|did you mean|is going on|was it like|has been]",
        Mechanism::Exploration,
    ),
    (
        "[can|could|would] you tell me [more|a bit more|a little more|what happened|what]",
        Mechanism::Exploration,
    ),
    ("tell me [more|about|what]", Mechanism::Exploration),
    (
        "how long [have|has|did|were] [you|it|this|that]",
        Mechanism::Exploration,
    ),
    (
        "how [did|does|has] [that|this|it] [make|affect|affected|impact]",
        Mechanism::Exploration,
    ),
    (
        "are you [okay|ok|alright|all right|safe]",
        Mechanism::Exploration,
    ),
    (
        "[do|did|have] you [want to talk|feel|think|tried|try|have]",
        Mechanism::Exploration,
    ),
    ("why do you [think|feel]", Mechanism::Exploration),
    (
        "what [do|did|would] you [think|feel|like|want|need]",
        Mechanism::Exploration,
    ),
    (
        "is [it|that|this|there] [something|anything]",
        Mechanism::Exploration,
    ),
    ("when did [it|this|that|you]", Mechanism::Exploration),
];

const FEELINGS: &[&str] = &[
    "frustrated",
    "frustrating",
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
    "ashamed",
    "guilty",
    "hopeless",
    "helpless",
    "panic",
    "grief",
    "loss",
    "lost",
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
    "relieved",
    "proud",
    "happy",
    "excited",
    "newborn",
    "baby",
    "kids",
    "children",
    "hospital",
    "sick",
    "ill",
    "surgery",
    "funeral",
    "passed away",
    "died",
    "job",
    "rent",
    "bills",
    "money",
    "deadline",
    "work",
    "holiday",
    "vacation",
    "wedding",
    "birthday",
    "trip",
    "flight",
    "elderly",
    "mother",
    "father",
    "mom",
    "dad",
    "son",
    "daughter",
    "wife",
    "husband",
    "family",
    "week",
    "weeks",
    "days",
    "three days",
    "all weekend",
    "since monday",
    "no heating",
    "no power",
    "no internet",
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
    "desperate",
    "devastated",
    "fed up",
    "sick of",
    "sick and tired",
    "had enough",
    "can't believe",
    "cannot believe",
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
    "losing my mind",
    "going crazy",
    "i give up",
    "passed away",
    "died",
    "funeral",
    "in hospital",
    "in the hospital",
    "lost my job",
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
];

const REPETITION: &[&str] = &[
    "as i [said|mentioned|explained|told you|already said|already mentioned|stated|just said|wrote|noted]",
    "like i [said|mentioned|told you|already said|just said|explained]",
    "i [have|] already [told|explained|said|gave|given|provided|mentioned|answered]",
    "i [have|] [told|explained] [this|that|it] [already|before|twice|three times|to]",
    "i [just|literally|already] [told|said|gave|answered] [you|that|it|this]",
    "i told [you|the last|the other|your colleague|the previous|them]",
    "for the [second|third|fourth|fifth|sixth|tenth|hundredth|nth|umpteenth|last] time",
    "how many times [do|have|must|will|should] i",
    "i [keep|kept] [telling|saying|explaining|repeating]",
    "i [have|] said [this|that|it] [before|already|twice]",
    "i repeat",
    "once again i",
    "again i [said|asked|told|need]",
    "i said [i|it|that|the|no|yes|my|a|to|for]",
    "no i said",
    "i [already|] asked [for|you|about] [that|this|it|already]",
    "that is not what i [said|asked|meant|wanted]",
    "that's not what i [said|asked|meant|wanted]",
    "you [are not|aren't|'re not] listening",
    "did you [not|even] [read|hear|listen]",
    "i [have|] explained [this|it|everything] to [the|your|three|two|every]",
    "[start|starting] [all|] over again",
    "repeat [myself|everything|my story|the whole]",
    "[all|everything] over again",
];

const INFO: &[(&str, Info)] = &[
    (
        "[account|customer|member|membership|policy|client|subscriber] [number|no|id]",
        Info::Account,
    ),
    (
        "[order|booking|reference|ref|confirmation|ticket|case|tracking|claim|reservation] [number|no|id|code]",
        Info::Order,
    ),
    ("[email|e mail|e-mail] [address|]", Info::Email),
    (
        "[phone|telephone|mobile|cell|contact] [number|no]",
        Info::Phone,
    ),
    (
        "[postcode|post code|postal code|zip code|zip|zipcode]",
        Info::Postcode,
    ),
    (
        "[date of birth|dob|birth date|birthdate|birthday]",
        Info::Birth,
    ),
    ("[full|first and last|first|last] name", Info::Name),
    ("[your|the] name [on the account|please|]", Info::Name),
    (
        "[billing|home|postal|street|mailing|delivery|shipping|] address",
        Info::Address,
    ),
    ("[card|credit card|debit card] [number|no|]", Info::Card),
    ("last [four|4] digits", Info::Card),
];

const REQUEST: &[&str] = &[
    "[can|could|may|would] i [have|get|take|grab|please have|please get|also have|just get|just have|ask for]",
    "[can|could|would] you [give|tell|provide|confirm|read|spell|send|share|verify] [me|us|]",
    "what [is|was|'s] [your|the]",
    "[please|kindly] [provide|give|tell|confirm|enter|type|share|verify|send]",
    "i [will|'ll|would|] need [your|the|to get your|to have your]",
    "i [still|] need [your|the]",
    "[let me|lemme] [get|have|take]",
    "[do|did] you have [your|the|a]",
    "[may|can] i [ask|know] [for|what]",
];

const EVENTS: &[(&str, Event)] = &[
    (
        "[i will|i'll|i am going to|let me|i need to|i have to|i'm going to|i can|i'd like to|going to|gonna] transfer [you|your call|the call|this call]",
        Event::Transfer,
    ),
    (
        "[i am|i'm|we are|we're] [transferring|connecting|putting] you [now|over|through|to|with]",
        Event::Transfer,
    ),
    (
        "[transfer|transferring|connect|connecting|put|putting|pass|passing|send|sending] you [over|through] to",
        Event::Transfer,
    ),
    (
        "[connect|transfer] you [to|with] [our|the|a|my|another|someone]",
        Event::Transfer,
    ),
    (
        "[call|chat|conversation|you have been|you've been|you were] [transferred|being transferred|is being transferred|has been transferred]",
        Event::Transfer,
    ),
    ("transferred to [the|our|a|another]", Event::Transfer),
    (
        "[place|put|putting|placing] you on [a|] [brief|short|quick|quick little|little|] hold",
        Event::Hold,
    ),
    ("[please|kindly] hold [the line|while|for|on|]", Event::Hold),
    ("[can|may|could] i [place|put] you on hold", Event::Hold),
    (
        "[you|caller] [are|is|have been] [placed|put] on hold",
        Event::Hold,
    ),
    (
        "on hold [now|for a moment|for a minute|for just a moment|while i]",
        Event::Hold,
    ),
    (
        "hold [for|] [a|one|just a] [moment|minute|second|sec|few minutes|couple of minutes]",
        Event::Hold,
    ),
    (
        "[this|it] is [my|the] [second|third|fourth|fifth|sixth|tenth|2nd|3rd|4th|5th|umpteenth|nth] [time|call|attempt|try]",
        Event::RepeatContact,
    ),
    (
        "[my|the] [second|third|fourth|fifth|2nd|3rd|4th|5th] [call|time calling|time contacting|time i have called|time i've called|time i called|time i am calling]",
        Event::RepeatContact,
    ),
    (
        "i [have|'ve|] [already|] [called|phoned|rung|contacted you|contacted|chatted|spoken|spoke|talked|been in touch] [before|yesterday|last week|earlier|twice|three times|several times|multiple times|many times|a few times|about this|this morning|last month|on monday|on friday|already]",
        Event::RepeatContact,
    ),
    (
        "i [called|phoned|rang|contacted you|chatted|spoke to someone|spoke with someone|talked to someone] [yesterday|last week|earlier|this morning|on monday|last month|a week ago|two days ago|twice|before]",
        Event::RepeatContact,
    ),
    (
        "[last time|the last time|every time|each time] i [called|phoned|contacted|chatted|rang]",
        Event::RepeatContact,
    ),
    (
        "i [keep|kept] [calling|ringing|phoning|contacting]",
        Event::RepeatContact,
    ),
    (
        "i was told [last time|before|yesterday|last week|on the phone|by the last]",
        Event::RepeatContact,
    ),
    (
        "[still|] waiting for [a|the|your] [call back|callback|reply|response]",
        Event::RepeatContact,
    ),
    (
        "i [already|] tried [the|your] [app|website|site|online chat|chat|web chat|portal|online form|self service|chatbot|bot|automated line|online]",
        Event::ChannelSwitch,
    ),
    (
        "i tried [online|on the app|on the website|through the app|via the app|in the app]",
        Event::ChannelSwitch,
    ),
    (
        "[the|your] [app|website|site|chat|chatbot|bot|online chat|web chat|portal|store|automated system] [said|says|told me|sent me|kept|keeps|would not|wouldn't|won't|doesn't|does not|didn't|did not|redirected me|directed me]",
        Event::ChannelSwitch,
    ),
    (
        "i [already|] [sent|emailed|e mailed|messaged|wrote] [you|an email|an e mail|a message|two emails|several emails|emails|a complaint|a letter]",
        Event::ChannelSwitch,
    ),
    (
        "i [went|already went|have been|'ve been] [to|into|in] [the|your|a] [store|shop|branch]",
        Event::ChannelSwitch,
    ),
    (
        "[told|asked] me to [call|ring|phone|contact] [you|this number|customer service]",
        Event::ChannelSwitch,
    ),
    (
        "i [filled|already filled] [out|in] the [online|web|] form",
        Event::ChannelSwitch,
    ),
    (
        "[speak|talk|speaking|talking] [to|with] [a|your|the|] [manager|supervisor|superior|team leader|team lead|someone senior|someone in charge|someone higher up|boss]",
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
    ("escalate [this|it|my|the]", Event::Escalation),
    (
        "[file|make|lodge|raise|log|submit] a [formal|official|] complaint",
        Event::Escalation,
    ),
    ("i [want|would like|wish] to complain", Event::Escalation),
    (
        "[ombudsman|trading standards|better business bureau]",
        Event::Escalation,
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
    "isn't",
    "is not",
    "broken",
    "error",
    "problem",
    "issue",
    "wrong",
    "missing",
    "never arrived",
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
    "down",
    "outage",
    "failed",
    "stuck",
    "locked out",
    "refund",
    "complaint",
    "damaged",
    "lost",
    "no signal",
    "keeps dropping",
    "dropped",
    "disconnected",
];

const ENDING: &[(&str, Ending)] = &[
    (
        "[that|it|this] [worked|works|is working|did it|did the trick|fixed it|solved it|sorted it|helps|helped|is fixed|is sorted|is resolved|has been resolved|is done|is great|is perfect|is all i needed|is everything|answers my question]",
        Ending::Resolved,
    ),
    (
        "[it's|it is|everything is|all] [working|fixed|sorted|resolved|good|set] now",
        Ending::Resolved,
    ),
    (
        "[you've|you have|you] [been|were] [very|really|so|super|a great|a big|] [helpful|help|great]",
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
        "[great|perfect|wonderful|awesome|brilliant|excellent|lovely|fantastic] [thank|thanks|that]",
        Ending::Resolved,
    ),
    (
        "[has been|have been|is being|was] [processed|issued|refunded|credited|resolved|fixed|restored|rebooked|booked|replaced|reset|reactivated|unlocked|cancelled|updated|sent|approved|confirmed|scheduled|reconnected|waived]",
        Ending::Resolved,
    ),
    ("[glad|happy] [i could|we could|to] help", Ending::Resolved),
    ("[you're|you are] welcome", Ending::Resolved),
    (
        "that's all [i need|i needed|for now|thanks]",
        Ending::Resolved,
    ),
    (
        "still [not|doesn't|does not|isn't|is not|no|won't|can't|broken|waiting|nothing|the same]",
        Ending::Unresolved,
    ),
    (
        "[didn't|did not|doesn't|does not|hasn't|has not] [help|work|solve|fix|resolve]",
        Ending::Unresolved,
    ),
    (
        "[not|never] [resolved|fixed|solved|sorted]",
        Ending::Unresolved,
    ),
    (
        "[waste|wasted|waste of] [of|] [my|] time",
        Ending::Unresolved,
    ),
    (
        "i [will|'ll|am going to|'m going to|am gonna] [just|] [cancel|close my account|switch|go elsewhere|take my business|leave|find another|call back|try again]",
        Ending::Unresolved,
    ),
    (
        "[forget it|never mind|nevermind|i give up|useless|pointless|hopeless]",
        Ending::Unresolved,
    ),
    (
        "[i am|i'm|we are|we're] [unable|not able] to [help|do|resolve|fix|process|offer|change|refund|assist]",
        Ending::Unresolved,
    ),
    (
        "[there is|there's] nothing [more|else|further|] [i|we] can do",
        Ending::Unresolved,
    ),
    (
        "[you'll|you will|you'd|you would] [need|have] to [call back|call again|contact|go to|visit|try again|wait]",
        Ending::Unresolved,
    ),
    ("[cannot|can't] do anything", Ending::Unresolved),
    ("[no|not] [help|helpful] at all", Ending::Unresolved),
];

fn plain(entries: &[&'static str]) -> Vec<(&'static str, ())> {
    entries.iter().map(|e| (*e, ())).collect()
}

impl Lexicons {
    /// Compiles every built-in lexicon.
    pub fn new() -> Lexicons {
        Lexicons {
            canned: Lexicon::new(CANNED),
            empathy: Lexicon::new(EMPATHY),
            feelings: Lexicon::new(&plain(FEELINGS)),
            distress: Lexicon::new(&plain(DISTRESS)),
            repetition: Lexicon::new(&plain(REPETITION)),
            info: Lexicon::new(INFO),
            request: Lexicon::new(&plain(REQUEST)),
            events: Lexicon::new(EVENTS),
            problem: Lexicon::new(&plain(PROBLEM)),
            ending: Lexicon::new(ENDING),
        }
    }
}

impl Default for Lexicons {
    fn default() -> Self {
        Lexicons::new()
    }
}
