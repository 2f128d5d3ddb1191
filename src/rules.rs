//! The catalogue of rules: stable ids, what each detects, the score it moves and its default
//! weight. `sincerity rules` prints it; the policy may override weights and caps.

use crate::findings::ScoreKind;

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id used in findings, CSV columns and the policy file.
    pub id: &'static str,
    /// The score this rule moves, if any.
    pub score: Option<ScoreKind>,
    /// Points per occurrence (for empathy mechanisms: per strong occurrence; weak gets half).
    pub weight: f64,
    /// Largest total the rule may contribute to its score in one conversation.
    pub cap: f64,
    /// What the rule detects.
    pub description: &'static str,
    /// When it fires (the threshold, in words).
    pub threshold: &'static str,
}

use ScoreKind::{Effort, Empathy, Sincerity};

/// Every rule, in the order `sincerity rules` lists them.
pub const RULES: &[Rule] = &[
    Rule {
        id: "name-overuse",
        score: Some(Sincerity),
        weight: -20.0,
        cap: 20.0,
        description: "The agent says the customer's name far more than rapport needs.",
        threshold: "name said at least `name_overuse_min_mentions` times, and in at least `name_overuse_rate` of the agent's turns",
    },
    Rule {
        id: "canned-phrase",
        score: Some(Sincerity),
        weight: -4.0,
        cap: 24.0,
        description: "A stock service line from the built-in lexicon (empathy and apology clichés, greeting, hold and closing scripts).",
        threshold: "phrase match, tolerant of case, punctuation, contractions, chat spellings and listed variants",
    },
    Rule {
        id: "script-line",
        score: Some(Sincerity),
        weight: -3.0,
        cap: 24.0,
        description: "An agent sentence the corpus script model marks as script: it recurs nearly verbatim across many conversations.",
        threshold: "sentence shared by at least `script_min_conversations` conversations and `script_min_agents` agents in the script model",
    },
    Rule {
        id: "generic-empathy",
        score: Some(Sincerity),
        weight: -8.0,
        cap: 24.0,
        description: "An empathy line that refers to nothing the customer said: no shared content, no specific feeling or situation (EPITOME's weak level, said by rote).",
        threshold: "empathy phrase in a sentence sharing no content word with the customer's earlier turns and naming no feeling outside a stock line",
    },
    Rule {
        id: "repeated-empathy",
        score: Some(Sincerity),
        weight: -10.0,
        cap: 20.0,
        description: "The same empathy line said more than once in the conversation, or the same sympathy phrase said by habit (\"I hear you\", \"I'm so sorry\" opening a third reply).",
        threshold: "second and later occurrence of the same normalised empathy sentence (the customer's name and titles left out); or a sympathy phrase of two words or more in a third agent turn, in a sentence that shares no content word with the customer and apologises for no news it gives (\"I'm sorry, that time isn't available either\"); counted afresh after a transfer",
    },
    Rule {
        id: "repeated-message",
        score: Some(Sincerity),
        weight: -10.0,
        cap: 20.0,
        description: "The agent sends the same message again, word for word, in one conversation: a pasted macro answering whatever the customer said since, or a pasted paragraph under a new opening.",
        threshold: "an agent turn of at least 8 words whose normal form equals an earlier agent turn's, or of at least 15 content words sharing 85% of them (and its figures) with an earlier one, none of its new words taken from the customer since, or a sentence of at least 12 words that an earlier agent turn said word for word; not when the customer asked to hear it again (\"sorry?\", \"say that again\") nor when the whole message is flagged stock lines",
    },
    Rule {
        id: "empathy-reaction",
        score: Some(Empathy),
        weight: 16.0,
        cap: 32.0,
        description: "Emotional reaction: the agent expresses warmth, compassion or concern (EPITOME). Level 2 when it names a feeling and is specific to what the customer said; hope, encouragement, comfort, offers to listen and statements of understanding or solidarity are level 1.",
        threshold: "reaction phrase; strong when it names a feeling for the customer and refers to their words or situation; hope, encouragement, comfort, offers to listen and statements of understanding or solidarity (\"I know how you feel\", \"I can relate\") stay weak",
    },
    Rule {
        id: "empathy-interpretation",
        score: Some(Empathy),
        weight: 20.0,
        cap: 40.0,
        description: "Interpretation: the agent shows understanding of the customer's specific situation (EPITOME). Level 2 when specific.",
        threshold: "understanding phrase or restatement; strong when it shares content with the customer's words, names the feeling the customer's trouble must bring (\"that sounds exhausting\"), or relates the agent's own matching experience",
    },
    Rule {
        id: "empathy-exploration",
        score: Some(Empathy),
        weight: 16.0,
        cap: 32.0,
        description: "Exploration: the agent asks about the customer's experience or feelings (EPITOME), or after someone the customer spoke of. Level 2 when specific. Questions for the facts of the case (identifiers, a means test, what a device shows, evidence of a fault) and safety steps put as questions are not.",
        threshold: "a question about the customer's experience, not a request for account data; strong when it refers to the customer's words",
    },
    Rule {
        id: "missed-empathy",
        score: Some(Empathy),
        weight: -15.0,
        cap: 45.0,
        description: "The customer voices distress or a hardship (\"I was made redundant last week\", \"my husband's on dialysis\"), names a life event their trouble puts at stake (\"It's our tenth wedding anniversary\"), or says they are repeating themselves (\"As I said…\"), and the agent's next turn ignores it, or answers it only with an empathy line said before (\"I understand.\" again, then the next security question), a sympathy phrase said by habit, or a stock apology for inconvenience.",
        threshold: "distress phrase not negated (\"I'm not worried\" is none; \"died\" of a person, not of a device; not only someone else's feeling told in good humour, VADER compound above 0.3: \"my son's been frustrated with the speed so he'll be pleased lol\"), a complaint typed in capitals (unless the customer has said why they type so), a wedding, anniversary, birthday, honeymoon, graduation, christening or funeral named once the customer has raised a problem, a marker of repeating oneself to this service (as `repeated-explanation`; then an apology or \"you did say\" meets it), or VADER compound <= `distress_sentiment` in a customer turn that speaks of the customer (I, my, we), neither thanks nor politely declines, and stays so without the fault's own words (\"payment failed\"); next agent turn, when the same agent answers (not the one a transfer brings in), has no empathy, or only lines it said before or a stock apology for inconvenience; a fear answered \"that's really common\" or \"you're not the only one\", or the case made a priority because of it, is met",
    },
    Rule {
        id: "repeated-explanation",
        score: Some(Effort),
        weight: 14.0,
        cap: 42.0,
        description: "The customer restates what they already explained: explicit markers (also of details given to someone earlier in the contact: \"I gave it to the last person\"), a restatement of an earlier turn (also after a transfer), the customer saying they have already done what the agent suggests, or insisting on a request made before (\"I just want to cancel\").",
        threshold: "marker phrase (\"already done all of that\" only in answer to a suggestion, not to \"have you tried…?\"; \"I just want to <verb>\" only when an earlier answered turn asked for the same), or content-word overlap >= `restatement_overlap` with >= `restatement_min_shared` shared words (>= `restatement_overlap_after_transfer` and `restatement_min_shared_after_transfer` when a transfer came between)",
    },
    Rule {
        id: "repeated-info-request",
        score: Some(Effort),
        weight: 10.0,
        cap: 30.0,
        description: "The agent asks again for information the customer already gave (account or order number, e-mail, phone, postcode, date of birth, name, address).",
        threshold: "a request for an item already requested (by the agent or a bot) and answered, or already volunteered",
    },
    Rule {
        id: "transfer",
        score: Some(Effort),
        weight: 12.0,
        cap: 36.0,
        description: "The customer is transferred to another agent or department.",
        threshold: "transfer announcement by the agent or a system notice (a bot handing the customer to a person is not one, nor a transfer only mentioned as a possibility: \"if the reset doesn't fix it, I'll transfer you\", \"I might need to transfer you\"); a system notice up to three turns after the agent's announcement is the same transfer",
    },
    Rule {
        id: "hold",
        score: Some(Effort),
        weight: 5.0,
        cap: 20.0,
        description: "The agent puts the customer on hold or asks them to wait (longer holds add `hold_weight_per_minute` per minute when timings allow), or leaves them waiting unannounced until they ask whether anyone is there.",
        threshold: "hold announcement by the agent or a system notice, not an offer the customer turns down (\"Do you mind holding?\" — \"Actually, I'd rather you call me back\") nor a voice menu's or the platform's \"please hold while I connect you\" before any agent has spoken (the queue); a wait the agent asks for (\"bear with me\", \"one moment\", \"let me check\") with nothing but the customer's short reply before the agent comes back thanking them for waiting or sorry for the wait, or after `hold_after_silence_s` seconds or more of silence; the customer's \"are you still there?\", or a bare \"hello??\", \"??\" or \"anyone there?\" straight after their own unanswered message once an agent has spoken, unless a hold was announced or a wait asked about in the three turns before",
    },
    Rule {
        id: "repeat-contact",
        score: Some(Effort),
        weight: 15.0,
        cap: 15.0,
        description: "The customer says this is not their first contact about the issue.",
        threshold: "phrase such as \"this is my third call\", \"I called yesterday\", \"I've been passed from pillar to post\", \"I was promised a callback\"; or a contact or report (\"I spoke to Sarah\", \"I logged a complaint\", \"I reported the fault\") and when (\"on Monday\", \"on the 3rd\", \"in March\", \"already\") in one sentence of a turn that ties it to this issue (\"still\", \"about this\", \"she said\", \"no reply\"); not a contact with the customer's own people or a third party (\"I spoke to my wife\", \"I called the restaurant\", \"I reported it to the police\", \"I rang 111\")",
    },
    Rule {
        id: "channel-switch",
        score: Some(Effort),
        weight: 10.0,
        cap: 10.0,
        description: "The customer already tried another channel (app, website, chat, e-mail, store).",
        threshold: "phrase such as \"I tried the app already\", \"the chat told me to call\"; a bot that took part in this conversation is not another channel, nor the app in which the customer checks a fix and thanks for it, nor one through which the customer only sent what the service asks for (\"I submitted my reading on the app\", \"I've already sent the photos through the app\") unless the turn says it failed (\"…and it wouldn't accept it\")",
    },
    Rule {
        id: "escalation-request",
        score: Some(Effort),
        weight: 14.0,
        cap: 28.0,
        description: "The customer asks for a supervisor or manager, for a person instead of the bot, to escalate, or to complain formally.",
        threshold: "escalation phrase in a customer turn (a manager or whoever is in charge, a person instead of the bot, a formal complaint or the complaints department), not the customer's own title or boss (\"I'm the office manager\", \"add my manager to the account\")",
    },
    Rule {
        id: "self-service-push",
        score: Some(Effort),
        weight: 5.0,
        cap: 15.0,
        description: "The agent points the customer to the app, online banking or the website after the customer has said they do not use them (\"I don't do the online, love, I haven't got a computer\" — \"you can also use our mobile app\"): sent to a channel they cannot use, or made to refuse it again.",
        threshold: "a customer turn saying they do not use or have not got the digital channels (\"I don't do the online\", \"I haven't got a computer\", \"I'm hopeless with these things\"), then each later agent turn with a self-service channel held out in a sentence (\"you…\", \"just use\", \"quicker\", \"it's all through the app\"), not denied (\"since you don't use the app\")",
    },
    Rule {
        id: "bot-misunderstood",
        score: Some(Effort),
        weight: 4.0,
        cap: 12.0,
        description: "A bot or voice menu says it did not understand the customer (\"Sorry, I didn't catch that\", \"I'm not sure I understand\", \"That isn't a valid option\"): the customer has to say it again, another way.",
        threshold: "a not-understood phrase in a bot turn, once a turn (an agent asking again on a bad line is not counted)",
    },
    Rule {
        id: "unresolved",
        score: Some(Effort),
        weight: 20.0,
        cap: 20.0,
        description: "The conversation ends without a resolution.",
        threshold: "the closing turns say it is not solved or defer it (\"someone will get back to you\", \"I've escalated it to the team who will email you within 48 hours\", \"I'll book you a callback\"), or open an investigation, or the customer takes it further (\"ill be complaining\"), or the agent's last word on it is that it cannot be done (\"I'm unable to replace it\") with no fix in the same turn, or a problem was raised and nothing resolves it (a fix reported — the agent's \"done that for you now\", \"okay done\", \"a technician will be with you within 90 minutes\" —, the agent undertaking it — \"I'll refund it now\", not \"if it isn't found, we'll refund you\" — or the customer's thanks, not a \"no thanks\" that declines more help nor thanks opening a message that goes on with the problem or asks for more; a fix after the customer's last problem counts though it came before the closing turns)",
    },
    Rule {
        id: "correction",
        score: Some(Effort),
        weight: 4.0,
        cap: 12.0,
        description: "The customer has to correct the agent: says they were misunderstood, rejects what was understood or offered and restates it, or asks for a check to be redone.",
        threshold: "correction phrase (\"that's not what I asked\", \"are you sure\", \"can you check again\") or a turn opening with \"no\" followed by what the customer wants (\"no, I need it for four\") or straight away by another figure, day, month, colour or size than the agent's turn before named (\"no, size 9 please\" after \"a size 8\"), not a polite decline or a plain answer (\"no, that's right\", \"no, just the one\"); one per turn",
    },
    Rule {
        id: "agent-failure",
        score: Some(Effort),
        weight: 3.0,
        cap: 9.0,
        description: "The agent says it cannot find or do what was asked: no results or availability, unable to book, process or refund.",
        threshold: "failure phrase in an agent or bot turn, not negated or conditional, nor a search that found nothing wrong (\"I couldn't find any problems with your account\"); one per turn",
    },
    Rule {
        id: "closing-sentiment",
        score: Some(Effort),
        weight: 30.0,
        cap: 30.0,
        description: "The customer closes without warmth or in a negative mood: the mean sentiment of their last turns falls short of a warm close. Points are the weight times the shortfall; the finding sits on the least warm of those turns. Sarcastic praise beside a complaint (\"We don't even have a green bin. Brilliant.\", \"Oh great, another form to fill in.\") and a shrug (\"Fine. Whatever.\") count as negative as VADER finds them positive.",
        threshold: "mean VADER compound of the last `closing_sentiment_turns` customer turns below `closing_sentiment_anchor`, a sarcastic or dismissive turn counted as negative, a datum handed over when asked (\"ochen.\", \"Forty-two.\", \"It's Aoife Brennan.\") and a bare decline of more help (\"No, that's it.\", \"No thanks.\") left out, thanks beside an eye-roll or after giving up counted as negative, relief beside thanks or praise (\"I was dreading this call\") counted as positive (beside thanks, as at least `closing_sentiment_anchor`), other gratitude (\"Thank you very much.\", +0.36 to VADER) counted as at least `closing_sentiment_anchor`; the customer's opening turn is never the close, even when it is their only turn",
    },
    Rule {
        id: "customer-thanks",
        score: Some(Effort),
        weight: -3.0,
        cap: 12.0,
        description: "The customer thanks the agent: their own sign that the help landed, which takes points off effort.",
        threshold: "thanks phrase in a customer turn after their opening one (\"thanks\", \"I appreciate it\", praise such as \"you're a star\" or \"you've been really helpful\"), not one that declines or gives up (\"no thanks\", \"thanks anyway\", \"thanks for nothing\"), thanks right after the customer gave up with nothing fixed since (\"Let me hold my breath.\" … \"Thank you very much. Very helpful.\"), \"thanks to…\", which gives a cause, nor \"thank God\", which is relief; one per turn",
    },
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
