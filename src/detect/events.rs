//! Effort events: `transfer`, `hold` (announced by the agent or the platform) and
//! `repeat-contact`, `channel-switch`, `escalation-request` (said by the customer).

use crate::analyse::Analysis;
use crate::detect::lexicons::Event;
use crate::detect::{Context, finding};
use crate::findings::Finding;
use crate::model::Role;

impl Event {
    /// The rule id of the event.
    pub fn rule(self) -> &'static str {
        match self {
            Event::Transfer => "transfer",
            Event::Hold => "hold",
            Event::RepeatContact => "repeat-contact",
            Event::ChannelSwitch => "channel-switch",
            Event::Escalation => "escalation-request",
        }
    }

    /// Who must say it for it to count.
    fn said_by(self, role: Role) -> bool {
        match self {
            Event::Transfer | Event::Hold => role != Role::Customer,
            Event::RepeatContact | Event::ChannelSwitch | Event::Escalation => {
                role == Role::Customer
            }
        }
    }
}

/// One finding per event phrase, at most one per event kind and turn.
pub fn detect(analysis: &Analysis, cx: &Context) -> Vec<Finding> {
    let lexicon = &cx.lexicons.events;
    let mut out = Vec::new();
    for (i, turn, text) in analysis.turns() {
        let mut seen: Vec<Event> = Vec::new();
        for m in lexicon.find(text) {
            let event = lexicon.tag(m.entry);
            if !event.said_by(turn.role) || seen.contains(&event) {
                continue;
            }
            seen.push(event);
            out.push(finding(
                analysis,
                event.rule(),
                i,
                m.span,
                format!("{} said by the {}", describe(event), turn.role.as_str()),
            ));
        }
    }
    out
}

fn describe(event: Event) -> &'static str {
    match event {
        Event::Transfer => "transfer announced",
        Event::Hold => "hold announced",
        Event::RepeatContact => "earlier contact about the same issue",
        Event::ChannelSwitch => "another channel already tried",
        Event::Escalation => "escalation requested",
    }
}
