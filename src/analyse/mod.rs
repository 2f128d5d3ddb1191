//! Analysis shared by every detector: each turn's text is tokenised, split into sentences,
//! normalised and stemmed once; the customer's name is resolved once.

pub mod names;
pub mod sentiment;
pub mod text;

use std::cell::OnceCell;
use std::sync::Arc;

use crate::model::{Conversation, Role, Turn};
pub use names::{CustomerName, NameSource};
pub use text::{Sentence, Token, TokenKind, TurnText};

/// A conversation with the analysis of every turn.
pub struct Analysis<'c> {
    /// The conversation analysed.
    pub conversation: &'c Conversation,
    /// The analysed text of each turn, aligned with `conversation.turns` (shared, so that a
    /// line that recurs verbatim can be analysed once).
    pub texts: Vec<Arc<TurnText>>,
    /// The customer's name, given or inferred.
    pub customer_name: Option<CustomerName>,
    /// Who serves the customer: the agent, or in a conversation no agent took part in, the
    /// bot (its canned apologies are the service's voice there). The agent metrics and the
    /// sincerity and empathy rules read this role's turns.
    pub service: Role,
    /// The agent's mentions of that name, found when first asked for (see
    /// [`Analysis::name_mentions`]): both the metrics and the `name-overuse` detector need them.
    name_mentions: OnceCell<Vec<(usize, usize)>>,
}

impl<'c> Analysis<'c> {
    /// Analyses every turn of `conversation`.
    pub fn new(conversation: &'c Conversation) -> Analysis<'c> {
        let texts = conversation
            .turns
            .iter()
            .map(|t| Arc::new(text::analyse_text(&t.text)))
            .collect();
        Analysis::with_texts(conversation, texts)
    }

    /// The analysis of `conversation` from the analyses of its turns' texts, made elsewhere
    /// (e.g. kept from an earlier conversation with the same line); aligned with its turns.
    pub fn with_texts(conversation: &'c Conversation, texts: Vec<Arc<TurnText>>) -> Analysis<'c> {
        debug_assert_eq!(texts.len(), conversation.turns.len());
        let service = Role::serving(conversation.turns.iter().map(|t| t.role));
        Analysis {
            customer_name: names::customer_name(conversation, &texts),
            service,
            texts,
            conversation,
            name_mentions: OnceCell::new(),
        }
    }

    /// Every agent mention of the customer's name: (turn, token index), in order; a full
    /// name said as two words ("Ravi Patel") is one mention.
    pub fn name_mentions(&self) -> &[(usize, usize)] {
        self.name_mentions.get_or_init(|| names::mentions(self))
    }

    /// VADER compound sentiment of turn `index` if the customer spoke it, else `None`.
    pub fn sentiment(&self, index: usize) -> Option<f64> {
        let turn = &self.conversation.turns[index];
        (turn.role == Role::Customer).then(|| self.texts[index].sentiment(&turn.text))
    }

    /// The turns with their analyses, with their indices.
    pub fn turns(&self) -> impl Iterator<Item = (usize, &'c Turn, &TurnText)> + '_ {
        self.conversation
            .turns
            .iter()
            .zip(&self.texts)
            .enumerate()
            .map(|(i, (turn, text))| (i, turn, &**text))
    }

    /// The turns of one role, with their indices.
    pub fn turns_of(&self, role: Role) -> impl Iterator<Item = (usize, &'c Turn, &TurnText)> + '_ {
        self.turns().filter(move |(_, t, _)| t.role == role)
    }

    /// The index of the next turn after `index` spoken by `role`.
    pub fn next_of(&self, index: usize, role: Role) -> Option<usize> {
        self.conversation.turns[index + 1..]
            .iter()
            .position(|t| t.role == role)
            .map(|p| index + 1 + p)
    }

    /// The index of the last turn before `index` spoken by `role`.
    pub fn previous_of(&self, index: usize, role: Role) -> Option<usize> {
        self.conversation.turns[..index]
            .iter()
            .rposition(|t| t.role == role)
    }
}
