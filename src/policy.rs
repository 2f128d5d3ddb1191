//! Thresholds and weights: a built-in default, overridable by a TOML file (`--policy FILE`).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::rules::{RULES, Rule, rule};

/// Per-rule override of weight and cap.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    /// Points per occurrence.
    pub weight: Option<f64>,
    /// Largest total per conversation.
    pub cap: Option<f64>,
    /// `false` switches the rule off.
    pub enabled: Option<bool>,
}

/// Everything that tunes detection and scoring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// `name-overuse` needs at least this many mentions of the customer's name …
    pub name_overuse_min_mentions: usize,
    /// … and in at least this share of agent turns.
    pub name_overuse_rate: f64,
    /// Content-word overlap (shared / smaller set) from which a customer turn restates an earlier one.
    pub restatement_overlap: f64,
    /// Fewest shared content words for a restatement.
    pub restatement_min_shared: usize,
    /// The overlap from which a customer turn after a transfer restates one before it: the
    /// customer telling the new agent what they told the last one uses fewer of the same words.
    pub restatement_overlap_after_transfer: f64,
    /// Fewest shared content words for a restatement after a transfer.
    pub restatement_min_shared_after_transfer: usize,
    /// A customer turn at or below this VADER compound voices distress, when it speaks of the
    /// customer (I, my, we) and neither thanks nor politely declines.
    pub distress_sentiment: f64,
    /// Empathy score of a conversation that offered no opportunity for empathy.
    pub empathy_neutral: f64,
    /// Empathy score before any empathic response, when there was an opportunity.
    pub empathy_base: f64,
    /// Empathy points from a scripted or generic line are multiplied by this (a line said
    /// again gives none). None by default: a stock "I understand your frustration" is the
    /// phrase counting this tool exists to replace, and crediting it lowered agreement with the
    /// coach on `corpora/coached.jsonl`.
    pub scripted_empathy_factor: f64,
    /// Customer turns beyond this many add effort …
    pub effort_typical_customer_turns: usize,
    /// … this much per extra turn …
    pub effort_per_extra_turn: f64,
    /// … up to this much in all.
    pub effort_length_cap: f64,
    /// `closing-sentiment` reads the mean VADER compound of this many last customer turns …
    pub closing_sentiment_turns: usize,
    /// … and fires below this value (a warm close scores above it); its points are the rule's
    /// weight times the shortfall.
    pub closing_sentiment_anchor: f64,
    /// Extra effort per minute of hold: measured from timings, or as the platform's events
    /// report it, whichever is longer.
    pub hold_weight_per_minute: f64,
    /// A wait the agent asks for ("bear with me", "one moment") is a hold when the agent comes
    /// back after at least this many seconds of silence (timed transcripts only).
    pub hold_after_silence_s: f64,
    /// Extra effort per minute waited in the queue, as the platform's events report it …
    pub queue_weight_per_minute: f64,
    /// … up to this much in all.
    pub queue_cap: f64,
    /// `script-line` needs the line in at least this many conversations of the script model …
    pub script_min_conversations: u64,
    /// … said by at least this many distinct agents.
    pub script_min_agents: u64,
    /// Mandated lines (greeting, legal disclosure, recording notice): reported but not penalised.
    /// Written in plain words; matched like the stock-line lexicon.
    pub allow: Vec<String>,
    /// Per-rule weight, cap and on/off overrides, by rule id.
    pub rules: BTreeMap<String, RuleOverride>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            name_overuse_min_mentions: 4,
            name_overuse_rate: 0.5,
            restatement_overlap: 0.6,
            restatement_min_shared: 4,
            restatement_overlap_after_transfer: 0.4,
            restatement_min_shared_after_transfer: 3,
            distress_sentiment: -0.4,
            empathy_neutral: 70.0,
            empathy_base: 40.0,
            scripted_empathy_factor: 0.0,
            effort_typical_customer_turns: 20,
            effort_per_extra_turn: 1.5,
            effort_length_cap: 15.0,
            closing_sentiment_turns: 3,
            closing_sentiment_anchor: 0.5,
            hold_weight_per_minute: 1.0,
            hold_after_silence_s: 30.0,
            queue_weight_per_minute: 0.5,
            queue_cap: 15.0,
            script_min_conversations: 20,
            script_min_agents: 2,
            allow: vec![
                "[this call|this conversation|this chat|calls] [may be|is being|is|are|will be] recorded".into(),
                "for [quality and training|training and quality] purposes".into(),
            ],
            rules: BTreeMap::new(),
        }
    }
}

impl Policy {
    /// Reads a TOML policy file; fields it leaves out keep their defaults.
    pub fn from_file(path: &Path) -> anyhow::Result<Policy> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let policy: Policy = toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}: invalid policy: {e}", path.display()))?;
        for id in policy.rules.keys() {
            if rule(id).is_none() {
                anyhow::bail!("{}: unknown rule id '{id}' in [rules]", path.display());
            }
        }
        policy
            .check()
            .map_err(|e| anyhow::anyhow!("{}: invalid policy: {e}", path.display()))?;
        Ok(policy)
    }

    /// Every value within the range it makes sense in, so that a typo cannot turn the scores
    /// into NaN or push them out of 0–100 unnoticed.
    pub fn check(&self) -> Result<(), String> {
        let ranges: [(&str, f64, std::ops::RangeInclusive<f64>); 14] = [
            ("name_overuse_rate", self.name_overuse_rate, 0.0..=1.0),
            ("restatement_overlap", self.restatement_overlap, 0.0..=1.0),
            (
                "restatement_overlap_after_transfer",
                self.restatement_overlap_after_transfer,
                0.0..=1.0,
            ),
            ("distress_sentiment", self.distress_sentiment, -1.0..=1.0),
            ("empathy_neutral", self.empathy_neutral, 0.0..=100.0),
            ("empathy_base", self.empathy_base, 0.0..=100.0),
            (
                "scripted_empathy_factor",
                self.scripted_empathy_factor,
                0.0..=1.0,
            ),
            (
                "effort_per_extra_turn",
                self.effort_per_extra_turn,
                0.0..=100.0,
            ),
            ("effort_length_cap", self.effort_length_cap, 0.0..=100.0),
            (
                "closing_sentiment_anchor",
                self.closing_sentiment_anchor,
                -1.0..=1.0,
            ),
            (
                "hold_weight_per_minute",
                self.hold_weight_per_minute,
                0.0..=100.0,
            ),
            (
                "hold_after_silence_s",
                self.hold_after_silence_s,
                1.0..=3600.0,
            ),
            (
                "queue_weight_per_minute",
                self.queue_weight_per_minute,
                0.0..=100.0,
            ),
            ("queue_cap", self.queue_cap, 0.0..=100.0),
        ];
        for (name, value, range) in ranges {
            if !range.contains(&value) {
                return Err(format!(
                    "{name} = {value} is outside {}..={}",
                    range.start(),
                    range.end()
                ));
            }
        }
        for (name, value) in [
            ("name_overuse_min_mentions", self.name_overuse_min_mentions),
            ("restatement_min_shared", self.restatement_min_shared),
            (
                "restatement_min_shared_after_transfer",
                self.restatement_min_shared_after_transfer,
            ),
            ("closing_sentiment_turns", self.closing_sentiment_turns),
        ] {
            if value == 0 {
                return Err(format!("{name} must be at least 1"));
            }
        }
        for (id, o) in &self.rules {
            if let Some(weight) = o.weight.filter(|w| !w.is_finite()) {
                return Err(format!("[rules.{id}] weight = {weight} is not a number"));
            }
            if let Some(cap) = o.cap.filter(|c| !(c.is_finite() && *c >= 0.0)) {
                return Err(format!("[rules.{id}] cap = {cap} must be a number ≥ 0"));
            }
        }
        Ok(())
    }

    fn overrides(&self, id: &str) -> RuleOverride {
        self.rules.get(id).copied().unwrap_or_default()
    }

    /// Points per occurrence of a rule under this policy.
    pub fn weight(&self, rule: &Rule) -> f64 {
        self.overrides(rule.id).weight.unwrap_or(rule.weight)
    }

    /// Cap on a rule's total under this policy.
    pub fn cap(&self, rule: &Rule) -> f64 {
        self.overrides(rule.id).cap.unwrap_or(rule.cap)
    }

    /// Whether a rule is switched on.
    pub fn enabled(&self, id: &str) -> bool {
        self.overrides(id).enabled.unwrap_or(true)
    }

    /// The settings a rule's threshold names (the words in backticks of
    /// [`Rule::threshold`]), each with its value under this policy, in the order named.
    pub fn threshold_settings(&self, rule: &Rule) -> Vec<(&'static str, serde_json::Value)> {
        let serde_json::Value::Object(settings) =
            serde_json::to_value(self).expect("a policy serialises")
        else {
            unreachable!("a policy serialises to an object")
        };
        let mut named: Vec<(&'static str, serde_json::Value)> = Vec::new();
        for name in rule.threshold.split('`').skip(1).step_by(2) {
            if let Some(value) = settings.get(name)
                && !named.iter().any(|(n, _)| *n == name)
            {
                named.push((name, value.clone()));
            }
        }
        named
    }

    /// A rule's threshold in words with each setting's value in force after its name:
    /// "at least `name_overuse_min_mentions` (3) times".
    pub fn threshold_in_force(&self, rule: &Rule) -> String {
        let settings = self.threshold_settings(rule);
        let mut text = String::with_capacity(rule.threshold.len() + 16 * settings.len());
        for (k, piece) in rule.threshold.split('`').enumerate() {
            if k % 2 == 0 {
                text.push_str(piece);
                continue;
            }
            text.push('`');
            text.push_str(piece);
            text.push('`');
            if let Some((_, value)) = settings.iter().find(|(n, _)| *n == piece) {
                text.push_str(&format!(" ({value})"));
            }
        }
        text
    }

    /// The rules with their effective weights and caps.
    pub fn effective_rules(&self) -> Vec<(Rule, f64, f64, bool)> {
        RULES
            .iter()
            .map(|r| (*r, self.weight(r), self.cap(r), self.enabled(r.id)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_a_threshold_names_is_shown_with_its_value_in_force() {
        let policy = Policy {
            name_overuse_min_mentions: 7,
            ..Policy::default()
        };
        let overuse = rule("name-overuse").unwrap();
        let shown = policy.threshold_in_force(overuse);
        assert!(shown.contains("`name_overuse_min_mentions` (7)"), "{shown}");
        let rate = Policy::default().name_overuse_rate;
        assert!(
            shown.contains(&format!("`name_overuse_rate` ({rate})")),
            "{shown}"
        );
        // A name in backticks is a setting, shown with its value, or another rule's id.
        for r in RULES {
            let settings = policy.threshold_settings(r);
            for name in r.threshold.split('`').skip(1).step_by(2) {
                assert!(
                    settings.iter().any(|(n, _)| *n == name) || rule(name).is_some(),
                    "{}: `{name}` is neither a setting nor a rule",
                    r.id
                );
            }
        }
    }

    #[test]
    fn toml_overrides_and_unknown_rules_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(
            &path,
            "name_overuse_min_mentions = 6\n[rules.transfer]\nweight = 3.0\n",
        )
        .unwrap();
        let p = Policy::from_file(&path).unwrap();
        assert_eq!(p.name_overuse_min_mentions, 6);
        assert_eq!(p.weight(rule("transfer").unwrap()), 3.0);
        assert_eq!(p.weight(rule("hold").unwrap()), 5.0);
        std::fs::write(&path, "[rules.no-such-rule]\nweight = 1.0\n").unwrap();
        assert!(
            Policy::from_file(&path)
                .unwrap_err()
                .to_string()
                .contains("no-such-rule")
        );
        std::fs::write(&path, "name_overuse_rat = 1\n").unwrap();
        assert!(Policy::from_file(&path).is_err());
    }

    #[test]
    fn values_out_of_range_are_rejected_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        for (toml, named) in [
            (
                "[rules.transfer]\nweight = nan\n",
                "[rules.transfer] weight",
            ),
            ("[rules.transfer]\ncap = inf\n", "[rules.transfer] cap"),
            ("[rules.hold]\ncap = -5.0\n", "[rules.hold] cap"),
            ("closing_sentiment_turns = 0\n", "closing_sentiment_turns"),
            (
                "name_overuse_min_mentions = 0\n",
                "name_overuse_min_mentions must be at least 1",
            ),
            ("name_overuse_rate = 1.5\n", "name_overuse_rate"),
            ("hold_after_silence_s = 0\n", "hold_after_silence_s"),
            ("empathy_base = nan\n", "empathy_base"),
            (
                "restatement_overlap_after_transfer = 2.0\n",
                "restatement_overlap_after_transfer",
            ),
            (
                "restatement_min_shared_after_transfer = 0\n",
                "restatement_min_shared_after_transfer",
            ),
        ] {
            std::fs::write(&path, toml).unwrap();
            let error = Policy::from_file(&path).unwrap_err().to_string();
            assert!(error.contains(named), "{toml}: {error}");
        }
        assert_eq!(Policy::default().check(), Ok(()));
    }

    /// The policy shown in README.md is one the tool accepts, field for field.
    #[test]
    fn the_readme_policy_example_is_valid() {
        let readme = include_str!("../README.md");
        let start = readme
            .find("```toml\nname_overuse_min_mentions")
            .expect("README shows a policy file");
        let body = &readme[start + "```toml\n".len()..];
        let body = &body[..body.find("```").unwrap()];
        let policy: Policy = toml::from_str(body).expect("README policy parses");
        assert_eq!(policy.check(), Ok(()));
        let defaults = Policy::default();
        assert_eq!(
            policy.restatement_overlap_after_transfer,
            defaults.restatement_overlap_after_transfer
        );
        assert_eq!(policy.restatement_overlap, defaults.restatement_overlap);
    }
}
