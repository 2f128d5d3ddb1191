"""Reference implementation of sincerity's kinds of rules in plain Python.

This script exists only to measure a speed yardstick: how fast a straightforward, idiomatic
Python implementation of the same kinds of analysis runs on the benchmark corpus, so that the
README's comparison with Python is a measured figure rather than an assumed one. It is not part
of the tool, its rules are simpler than the tool's, and its scores are not meant to agree with
the tool's scores.

Per conversation (one JSON object per input line) it runs:

- VADER (vaderSentiment) on every customer turn: customer sentiment at the start and the end,
  distress when a turn's compound score is <= -0.5;
- TF-IDF with cosine similarity (scikit-learn) between the conversation's customer turns, fitted
  per conversation: a customer turn whose similarity to an earlier customer turn is >= 0.5 is a
  repeated explanation, and so is an explicit marker ("as I said", "I already told you");
- phrase lexicons as compiled, case-insensitive, word-bounded regular expressions: stock service
  lines, empathy (reactions, interpretations, explorations), hold, transfer, escalation, repeat
  contact and channel switch;
- name overuse: how often the agent says the customer's first name, per agent turn;

then weighted scores from 0 to 100 (see RULES and score_conversation) and one JSON object per
input line, in input order. A line that cannot be read (invalid JSON, no turns) gives
{"id": ... or null, "line": N, "error": "..."} and the run goes on.

Run it from the repository root (benches/python_reference.sh sets up its dependencies in a
virtual environment and runs it on the benchmark corpus):

    python benches/python_reference.py INPUT.jsonl -o OUTPUT.jsonl [--processes N] [--limit N]

At the end it prints one line to stderr: the conversations, the bytes read, the elapsed seconds
from the start of reading to the end of writing, MB/s (bytes / 1e6 / seconds), conversations/s,
and separately the start-up time (imports, the analyser, the regexes and the worker pool).
"""

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer  # noqa: E402
from sklearn.metrics.pairwise import cosine_similarity  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

CHUNK_LINES = 256

DISTRESS_COMPOUND = -0.5
RESTATEMENT_SIMILARITY = 0.5
MIN_WORDS = 3  # content words a customer turn needs to count as an explanation
NAME_OVERUSE_MIN_MENTIONS = 3
NAME_OVERUSE_RATE = 0.3  # mentions per agent turn
CLOSING_TURNS = 2
CLOSING_ANCHOR = 0.5  # a warm close; below it, effort rises
LONG_CONVERSATION_TURNS = 20

# rule: (score it moves, weight per finding, cap per conversation as an absolute value)
RULES = {
    "name-overuse": ("sincerity", -20.0, 20.0),
    "canned-phrase": ("sincerity", -4.0, 24.0),
    "generic-empathy": ("sincerity", -8.0, 24.0),
    "repeated-empathy": ("sincerity", -10.0, 20.0),
    "empathy-reaction": ("empathy", 16.0, 32.0),
    "empathy-interpretation": ("empathy", 20.0, 40.0),
    "empathy-exploration": ("empathy", 16.0, 32.0),
    "missed-empathy": ("empathy", -15.0, 45.0),
    "repeated-explanation": ("effort", 14.0, 42.0),
    "transfer": ("effort", 12.0, 36.0),
    "hold": ("effort", 5.0, 20.0),
    "repeat-contact": ("effort", 15.0, 15.0),
    "channel-switch": ("effort", 10.0, 10.0),
    "escalation-request": ("effort", 14.0, 28.0),
    "closing-sentiment": ("effort", 30.0, 30.0),  # weight times the shortfall below the anchor
}

# Starting values: sincerity starts at 100 and loses points; empathy starts at 40 when the
# customer voiced distress (an opportunity) and at 70 when not; effort starts at 0 and gains.
EMPATHY_START_OPPORTUNITY = 40.0
EMPATHY_START_NONE = 70.0
SINCERITY_START = 100.0
EFFORT_PER_EXTRA_TURN = 1.5
EFFORT_EXTRA_TURNS_CAP = 15.0

CANNED = [
    "I understand your frustration",
    "I completely understand your frustration",
    "I understand how frustrating this must be",
    "I completely understand how you feel",
    "I understand how you feel",
    "I apologize for the inconvenience",
    "I apologise for the inconvenience",
    "I apologize for any inconvenience",
    "I apologise for any inconvenience",
    "sorry for any inconvenience caused",
    "we apologize for the inconvenience",
    "thank you for your patience",
    "thanks for your patience",
    "thank you for holding",
    "thank you for your understanding",
    "is there anything else I can help you with",
    "is there anything else I can help with",
    "is there anything else I can do for you",
    "I'd be happy to help you with that",
    "I would be happy to help you with that",
    "I'll be happy to help you with that",
    "who will be happy to help you with that",
    "your call is important to us",
    "thank you for calling",
    "thank you for contacting",
    "thanks for reaching out",
    "have a great day",
    "have a wonderful day",
    "have a nice day",
    "I hope this helps",
    "we value your business",
    "I appreciate your patience",
    "rest assured",
    "I sincerely apologize",
    "I sincerely apologise",
    "sorry to hear that",
    "sorry for the wait",
]

EMPATHY_REACTION = [
    "that's frustrating",
    "that is frustrating",
    "that must be frustrating",
    "that sounds frustrating",
    "that sounds stressful",
    "that must be stressful",
    "that sounds awful",
    "that sounds really difficult",
    "how worrying",
    "I'm so sorry",
    "I'm really sorry",
    "I am so sorry",
    "sorry to hear about",
    "oh no",
    "I can only imagine",
    "I'd be upset too",
    "I would be upset too",
    "I know how you feel",
    "I can relate",
    "I'm here to help",
    "I'm glad you called",
    "don't worry",
    "that's completely fair",
    "that's understandable",
]

EMPATHY_INTERPRETATION = [
    "I can see why",
    "I can understand why",
    "I understand why",
    "I understand that",
    "I understand",
    "I can see that",
    "I hear you",
    "I hear what you're saying",
    "so what you're saying is",
    "so you're saying",
    "if I've understood correctly",
    "if I understand correctly",
    "it sounds like",
    "that sounds like",
    "it must have been",
    "that must have been",
    "not what you're paying for",
    "when you rely on it",
    "that's a lot to deal with",
    "you've been waiting",
    "you've been left without",
    "that would worry me too",
]

EMPATHY_EXPLORATION = [
    "can you tell me a bit more",
    "can you tell me more",
    "could you tell me more",
    "tell me more about",
    "what's been happening",
    "what has been happening",
    "how has it been affecting",
    "how is this affecting",
    "how has this affected",
    "how are you feeling",
    "how are you coping",
    "what would help",
    "what would you like to happen",
    "what matters most to you",
    "is it needed for something in particular",
    "what happened when",
]

HOLD = [
    "please hold",
    "bear with me",
    "let me put you on hold",
    "put you on hold",
    "place you on hold",
    "place you on a brief hold",
    "place you on a short hold",
    "put you on a brief hold",
    "put you on a short hold",
    "on hold for a moment",
    "hold the line",
    "one moment please",
    "give me a moment",
    "just a moment",
    "bear with me a moment",
    "hang on a second",
]

TRANSFER = [
    "transfer you to",
    "transferring you to",
    "transfer you over",
    "put you through to",
    "putting you through to",
    "connect you to",
    "connect you with",
    "connecting you to",
    "pass you over to",
    "passing you to",
    "hand you over to",
    "you'll need to speak to",
    "route you to",
    "call has been transferred",
    "being transferred",
]

ESCALATION = [
    "speak to a manager",
    "speak to your manager",
    "speak to a supervisor",
    "speak to your supervisor",
    "talk to a manager",
    "talk to a supervisor",
    "speak to someone more senior",
    "put me through to someone more senior",
    "someone more senior",
    "your manager",
    "your supervisor",
    "team leader",
    "make a complaint",
    "raise a complaint",
    "file a complaint",
    "formal complaint",
    "I want to complain",
    "escalate this",
    "escalate it",
    "ombudsman",
]

REPEAT_CONTACT = [
    "this is my third call",
    "this is my second call",
    "this is the third time",
    "this is the second time",
    "third time I've called",
    "second time I've called",
    "I called yesterday",
    "I called last week",
    "I rang yesterday",
    "I rang last week",
    "already called",
    "already rang",
    "called before",
    "called about this before",
    "I've called three times",
    "I've called twice",
    "I've been calling",
    "keep having to call",
    "last time I called",
    "when I called before",
    "I was told last time",
]

CHANNEL_SWITCH = [
    "tried the app",
    "tried the website",
    "tried online",
    "tried the chat",
    "tried live chat",
    "tried emailing",
    "the chat told me",
    "the chatbot told me",
    "the bot told me",
    "the app told me",
    "the website said",
    "the app said",
    "sent an email",
    "emailed you",
    "went into the store",
    "went into the branch",
    "online form",
    "in the app already",
    "on the website already",
]

REPETITION_MARKERS = [
    "as I said",
    "as I already said",
    "like I said",
    "as I mentioned",
    "as I explained",
    "I already told you",
    "I've already told you",
    "I already said",
    "I already explained",
    "I've already explained",
    "I already gave that",
    "I already gave you",
    "I gave it to you at the start",
    "I gave that already",
    "I just told you",
    "I told the last person",
    "I told the other person",
    "I have to explain again",
    "explain it all again",
    "again",
]


def compile_lexicon(phrases):
    """One case-insensitive, word-bounded alternation, longest phrases first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    alternation = "|".join(re.escape(phrase) for phrase in ordered)
    return re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE)


CANNED_RE = compile_lexicon(CANNED)
EMPATHY_RES = {
    "empathy-reaction": compile_lexicon(EMPATHY_REACTION),
    "empathy-interpretation": compile_lexicon(EMPATHY_INTERPRETATION),
    "empathy-exploration": compile_lexicon(EMPATHY_EXPLORATION),
}
HOLD_RE = compile_lexicon(HOLD)
TRANSFER_RE = compile_lexicon(TRANSFER)
ESCALATION_RE = compile_lexicon(ESCALATION)
REPEAT_CONTACT_RE = compile_lexicon(REPEAT_CONTACT)
CHANNEL_SWITCH_RE = compile_lexicon(CHANNEL_SWITCH)
REPETITION_RE = compile_lexicon(REPETITION_MARKERS)
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+")
WORD_RE = re.compile(r"[a-z0-9']+")

AGENT_LABELS = {"agent", "rep", "representative", "advisor", "adviser", "csr", "operator"}
CUSTOMER_LABELS = {"customer", "caller", "visitor", "user", "client", "end_user", "member"}

# Built once in the parent; the worker processes inherit it when the pool forks them.
ANALYZER = SentimentIntensityAnalyzer()


def role_of(speaker):
    label = str(speaker or "").strip().lower()
    if label in AGENT_LABELS:
        return "agent"
    if label in CUSTOMER_LABELS:
        return "customer"
    return "other"  # bot, system, ivr and anything unknown


def content_words(text):
    return {w for w in WORD_RE.findall(text.lower()) if w not in ENGLISH_STOP_WORDS}


def normalise_sentence(sentence, first_name):
    words = WORD_RE.findall(sentence.lower())
    return " ".join(w for w in words if w != first_name)


class Findings:
    """Findings of one conversation, with each rule's weight held to its cap."""

    def __init__(self):
        self.items = []
        self.totals = {}

    def add(self, rule, turn, quote, points=None):
        score, weight, cap = RULES[rule]
        if points is None:
            points = weight
        used = self.totals.get(rule, 0.0)
        room = max(0.0, cap - abs(used))
        applied = min(points, room) if points >= 0 else -min(-points, room)
        self.totals[rule] = used + applied
        self.items.append(
            {
                "rule": rule,
                "turn": turn,
                "quote": quote,
                "weight": round(applied, 2) + 0.0,  # + 0.0 turns -0.0 into 0.0
                "score": score,
            }
        )

    def total(self, score):
        return sum(points for rule, points in self.totals.items() if RULES[rule][0] == score)

    def count(self, rule):
        return sum(1 for item in self.items if item["rule"] == rule)


def restatements(texts):
    """Indexes (into texts) of customer turns restating an earlier customer turn.

    Only turns with a few content words take part: short answers ("Yes.", "No, that's all,
    thanks.") are not explanations, and one shared word would make them look alike.
    """
    candidates = [i for i, text in enumerate(texts) if len(content_words(text)) >= MIN_WORDS]
    if len(candidates) < 2:
        return {}
    try:
        vectorizer = TfidfVectorizer(stop_words="english")
        matrix = vectorizer.fit_transform([texts[i] for i in candidates])
    except ValueError:  # no usable words at all
        return {}
    similarity = cosine_similarity(matrix)
    found = {}
    for k in range(1, len(candidates)):
        best = max(similarity[k][:k])
        if best >= RESTATEMENT_SIMILARITY:
            found[candidates[k]] = float(best)
    return found


def score_conversation(record):
    turns = record["turns"]
    customer_name = record.get("customer_name") or ""
    first_name = customer_name.split()[0].lower() if customer_name.strip() else ""
    name_re = None
    if first_name:
        name_re = re.compile(r"\b" + re.escape(first_name) + r"\b", re.IGNORECASE)

    roles = [role_of(turn.get("speaker")) for turn in turns]
    texts = [str(turn.get("text") or "").replace("\u2019", "'") for turn in turns]
    findings = Findings()

    # Customer sentiment, on every customer turn.
    customer_idx = [i for i, role in enumerate(roles) if role == "customer"]
    compounds = {i: ANALYZER.polarity_scores(texts[i])["compound"] for i in customer_idx}
    distress = [i for i in customer_idx if compounds[i] <= DISTRESS_COMPOUND]

    # Restatements between customer turns (TF-IDF fitted on this conversation alone).
    restated = restatements([texts[i] for i in customer_idx])
    restated_turns = {customer_idx[k]: v for k, v in restated.items()}

    agent_turns = 0
    name_mentions = 0
    name_turns = 0
    last_name_turn = None
    canned_lines = 0
    empathy_turns = set()
    seen_empathy = set()
    customer_words_so_far = set()

    for i, (role, text) in enumerate(zip(roles, texts)):
        if role == "agent":
            agent_turns += 1
            if name_re is not None:
                mentions = len(name_re.findall(text))
                if mentions:
                    name_mentions += mentions
                    name_turns += 1
                    last_name_turn = i
            canned_here = False
            for match in CANNED_RE.finditer(text):
                findings.add("canned-phrase", i, match.group(0))
                canned_here = True
            canned_lines += canned_here
            for sentence in SENTENCE_SPLIT_RE.split(text):
                found = set()
                for rule, pattern in EMPATHY_RES.items():
                    for match in pattern.finditer(sentence):
                        findings.add(rule, i, match.group(0))
                        found.add(rule)
                if not found:
                    continue
                empathy_turns.add(i)
                key = normalise_sentence(sentence, first_name)
                if key in seen_empathy:
                    findings.add("repeated-empathy", i, sentence)
                seen_empathy.add(key)
                # A reaction or interpretation sharing no content word with the customer's
                # earlier turns refers to nothing they said (questions are left out).
                stated = found - {"empathy-exploration"}
                if stated and not (content_words(sentence) & customer_words_so_far):
                    findings.add("generic-empathy", i, sentence)
            for match in HOLD_RE.finditer(text):
                findings.add("hold", i, match.group(0))
            for match in TRANSFER_RE.finditer(text):
                findings.add("transfer", i, match.group(0))
        elif role == "customer":
            customer_words_so_far |= content_words(text)
            for match in ESCALATION_RE.finditer(text):
                findings.add("escalation-request", i, match.group(0))
            match = REPEAT_CONTACT_RE.search(text)
            if match:
                findings.add("repeat-contact", i, match.group(0))
            match = CHANNEL_SWITCH_RE.search(text)
            if match:
                findings.add("channel-switch", i, match.group(0))
            match = REPETITION_RE.search(text)
            if match:
                findings.add("repeated-explanation", i, match.group(0))
            elif i in restated_turns:
                findings.add("repeated-explanation", i, text)

    # Missed empathy: a distressed customer turn whose next agent turn shows none.
    for i in distress:
        next_agent = next((j for j in range(i + 1, len(roles)) if roles[j] == "agent"), None)
        if next_agent is not None and next_agent not in empathy_turns:
            findings.add("missed-empathy", i, texts[i])

    # Name overuse: the first name said often, in many agent turns.
    name_rate = name_mentions / agent_turns if agent_turns else 0.0
    if name_mentions >= NAME_OVERUSE_MIN_MENTIONS and name_rate >= NAME_OVERUSE_RATE:
        findings.add("name-overuse", last_name_turn, customer_name.split()[0])

    # Closing sentiment: the mean of the customer's last turns below a warm close.
    sentiment_start = compounds[customer_idx[0]] if customer_idx else None
    sentiment_end = compounds[customer_idx[-1]] if customer_idx else None
    if customer_idx:
        closing = [compounds[i] for i in customer_idx[-CLOSING_TURNS:]]
        shortfall = CLOSING_ANCHOR - sum(closing) / len(closing)
        if shortfall > 0:
            points = RULES["closing-sentiment"][1] * shortfall
            findings.add("closing-sentiment", customer_idx[-1], texts[customer_idx[-1]], points)

    extra_turns = max(0, len(customer_idx) - LONG_CONVERSATION_TURNS)
    length_effort = min(EFFORT_EXTRA_TURNS_CAP, EFFORT_PER_EXTRA_TURN * extra_turns)
    empathy_start = EMPATHY_START_OPPORTUNITY if distress else EMPATHY_START_NONE
    scores = {
        "empathy": clamp(empathy_start + findings.total("empathy")),
        "sincerity": clamp(SINCERITY_START + findings.total("sincerity")),
        "effort": clamp(findings.total("effort") + length_effort),
    }

    starts = [t["start"] for t in turns if isinstance(t.get("start"), (int, float))]
    ends = [t["end"] for t in turns if isinstance(t.get("end"), (int, float))]
    duration = round(max(ends) - min(starts), 2) if starts and ends else None

    metrics = {
        "turns": len(turns),
        "agent_turns": agent_turns,
        "customer_turns": len(customer_idx),
        "duration_s": duration,
        "customer_name": customer_name or None,
        "name_mentions": name_mentions,
        "name_turns": name_turns,
        "name_rate": round(name_rate, 4),
        "canned_lines": canned_lines,
        "repeated_explanations": findings.count("repeated-explanation"),
        "transfers": findings.count("transfer"),
        "holds": findings.count("hold"),
        "repeat_contact": findings.count("repeat-contact") > 0,
        "channel_switch": findings.count("channel-switch") > 0,
        "escalation_requests": findings.count("escalation-request"),
        "empathy_opportunity": bool(distress),
        "empathy_reaction": findings.count("empathy-reaction"),
        "empathy_interpretation": findings.count("empathy-interpretation"),
        "empathy_exploration": findings.count("empathy-exploration"),
        "customer_sentiment_start": sentiment_start,
        "customer_sentiment_end": sentiment_end,
    }
    return {
        "id": record.get("id"),
        "channel": record.get("channel"),
        "agent_name": record.get("agent_name"),
        "metadata": record.get("metadata"),
        "scores": scores,
        "metrics": metrics,
        "findings": findings.items,
    }


def clamp(value):
    return round(min(100.0, max(0.0, value)), 1)


def process_line(number, line):
    try:
        record = json.loads(line)
    except ValueError as error:  # invalid JSON or invalid UTF-8
        return {"id": None, "line": number, "error": f"invalid JSON: {error}"}
    if not isinstance(record, dict):
        return {"id": None, "line": number, "error": "not a JSON object"}
    turns = record.get("turns")
    if not isinstance(turns, list) or not turns:
        error = "missing turns" if turns is None else "no turns"
        return {"id": record.get("id"), "line": number, "error": error}
    if not all(isinstance(turn, dict) for turn in turns):
        return {"id": record.get("id"), "line": number, "error": "a turn is not an object"}
    return score_conversation(record)


def process_chunk(chunk):
    """Score one chunk of (line number, raw line) pairs; return the output lines and errors."""
    results = [process_line(number, line) for number, line in chunk]
    errors = sum(1 for result in results if "error" in result)
    return [json.dumps(result) + "\n" for result in results], errors


def read_chunks(handle, limit, counters):
    numbered = enumerate(handle, start=1)
    if limit is not None:
        numbered = itertools.islice(numbered, limit)
    chunk = []
    for number, line in numbered:
        counters["bytes"] += len(line)
        if not line.strip():
            continue
        chunk.append((number, line))
        if len(chunk) == CHUNK_LINES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines, one conversation a line")
    parser.add_argument("-o", "--output", required=True, help="JSON Lines results")
    parser.add_argument("--processes", type=int, default=os.cpu_count(), help="worker processes")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N lines")
    args = parser.parse_args()

    counters = {"bytes": 0}
    conversations = 0
    errors = 0
    with multiprocessing.Pool(processes=args.processes) as pool:
        startup = time.perf_counter() - STARTED
        began = time.perf_counter()
        with open(args.input, "rb") as source, open(args.output, "w", encoding="utf-8") as out:
            chunks = read_chunks(source, args.limit, counters)
            for lines, chunk_errors in pool.imap(process_chunk, chunks):
                conversations += len(lines)
                errors += chunk_errors
                out.writelines(lines)
        elapsed = time.perf_counter() - began

    megabytes = counters["bytes"] / 1e6
    print(
        f"python_reference: {conversations} conversations ({errors} errors), "
        f"{counters['bytes']} bytes read, {elapsed:.2f} s, {megabytes / elapsed:.2f} MB/s, "
        f"{conversations / elapsed:.0f} conversations/s, {args.processes} processes; "
        f"start-up {startup:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
