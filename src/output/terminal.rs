//! The terminal view of one conversation: scores, the transcript with speakers aligned and the
//! evidence highlighted, then the findings with what each rule means.
//!
//! With colour, evidence is coloured by what it means (green: empathy moment, yellow: sounds
//! scripted, blue: customer effort, red: missed empathy, cyan: the customer's thanks). Without
//! colour (`NO_COLOR`, a pipe, `--color never`) it is wrapped in `«…»`. Either way `[n]` after
//! the evidence points to finding n. Control characters from the input are shown as visible
//! symbols, so a transcript cannot send escape sequences to the terminal.

use anstyle::{AnsiColor, Style};

use crate::findings::{Finding, ScoredConversation};
use crate::model::Role;
use crate::output::html::{FLAG_AT, Tone, attention, fmt_points, fmt_time, placeable, segments};
use crate::rules::rule;

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct TerminalOptions {
    /// Emit ANSI colours.
    pub colour: bool,
    /// Line width to wrap at.
    pub width: usize,
}

impl Default for TerminalOptions {
    fn default() -> Self {
        TerminalOptions {
            colour: false,
            width: 100,
        }
    }
}

fn tone_style(tone: Tone) -> Style {
    let colour = match tone {
        Tone::Good => AnsiColor::Green,
        Tone::Script => AnsiColor::Yellow,
        Tone::Effort => AnsiColor::BrightBlue,
        Tone::Missed => AnsiColor::Red,
        Tone::Info => AnsiColor::White,
        Tone::Relief => AnsiColor::Cyan,
    };
    Style::new()
        .fg_color(Some(colour.into()))
        .bold()
        .underline()
}

const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

/// Replaces characters that could drive the terminal (C0/C1 controls, bidirectional
/// overrides) with visible stand-ins; keeps newlines, turns tabs into spaces.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => {
                '\u{FFFD}'
            }
            c => c,
        })
        .collect()
}

/// A run of text in one style (`None`: plain).
type Run = (String, Option<Style>);

struct Painter {
    colour: bool,
}

impl Painter {
    fn paint(&self, text: &str, style: Style) -> String {
        if self.colour {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

/// Wraps styled runs into lines of at most `width` characters (words longer than a line
/// overflow), keeping the input's line breaks. Width counts characters.
fn wrap(runs: &[Run], width: usize) -> Vec<Vec<Run>> {
    let width = width.max(10);
    let mut lines: Vec<Vec<Run>> = vec![Vec::new()];
    let mut line_len = 0usize;
    let mut word: Vec<Run> = Vec::new();
    let mut word_len = 0usize;
    let mut space = false;

    fn push_char(word: &mut Vec<Run>, c: char, style: Option<Style>) {
        match word.last_mut() {
            Some((text, s)) if *s == style => text.push(c),
            _ => word.push((c.to_string(), style)),
        }
    }
    let flush = |lines: &mut Vec<Vec<Run>>,
                 line_len: &mut usize,
                 word: &mut Vec<Run>,
                 word_len: &mut usize,
                 space: &mut bool| {
        if word.is_empty() {
            return;
        }
        let gap = usize::from(*space && *line_len > 0);
        if *line_len > 0 && *line_len + gap + *word_len > width {
            lines.push(Vec::new());
            *line_len = 0;
        } else if gap == 1 {
            // The space takes the style of the word before it when both are highlighted,
            // so one piece of evidence reads as one piece.
            let line = lines.last_mut().expect("at least one line");
            let style = match (line.last(), word.first()) {
                (Some((_, a)), Some((_, b))) if a == b => *a,
                _ => None,
            };
            line.push((" ".to_string(), style));
            *line_len += 1;
        }
        let line = lines.last_mut().expect("at least one line");
        line.append(word);
        *line_len += *word_len;
        *word_len = 0;
        *space = false;
    };

    for (text, style) in runs {
        for c in text.chars() {
            if c == '\n' {
                flush(
                    &mut lines,
                    &mut line_len,
                    &mut word,
                    &mut word_len,
                    &mut space,
                );
                lines.push(Vec::new());
                line_len = 0;
                space = false;
            } else if c.is_whitespace() {
                flush(
                    &mut lines,
                    &mut line_len,
                    &mut word,
                    &mut word_len,
                    &mut space,
                );
                space = true;
            } else {
                push_char(&mut word, c, *style);
                word_len += 1;
            }
        }
    }
    flush(
        &mut lines,
        &mut line_len,
        &mut word,
        &mut word_len,
        &mut space,
    );
    lines
}

/// The styled runs of one turn: evidence highlighted, `[n]` after each finding's end.
fn turn_runs(text: &str, here: &[(usize, &Finding)], colour: bool) -> Vec<Run> {
    let refs: Vec<&Finding> = here.iter().map(|(_, f)| *f).collect();
    let segs = segments(text, &refs);
    let mut runs: Vec<Run> = Vec::new();
    let mut open = false;
    for (i, seg) in segs.iter().enumerate() {
        let piece = sanitize(text.get(seg.range.clone()).unwrap_or_default());
        let tone = seg.covering.iter().map(|&k| Tone::of(refs[k])).max();
        match tone {
            Some(tone) => {
                if !colour && !open {
                    runs.push(("«".into(), None));
                    open = true;
                }
                runs.push((piece, colour.then(|| tone_style(tone))));
            }
            None => runs.push((piece, None)),
        }
        let next_marked = segs
            .get(i + 1)
            .is_some_and(|next| !next.covering.is_empty());
        if !colour && open && !next_marked {
            runs.push(("»".into(), None));
            open = false;
        }
        for &k in &seg.ending {
            runs.push((format!("[{}]", here[k].0 + 1), colour.then_some(DIM)));
        }
    }
    runs
}

/// Renders one scored conversation for the terminal.
pub fn render(c: &ScoredConversation, options: TerminalOptions) -> String {
    let p = Painter {
        colour: options.colour,
    };
    let mut out = String::new();

    // Header: id, channel, agent, source.
    let mut head = vec![p.paint(&sanitize(&c.id), BOLD)];
    if let Some(channel) = &c.channel {
        head.push(sanitize(channel));
    }
    if let Some(agent) = crate::output::html::agent_key(c) {
        match &c.agent_name {
            Some(name) if name != &agent => {
                head.push(format!("agent {} ({})", sanitize(&agent), sanitize(name)))
            }
            _ => head.push(format!("agent {}", sanitize(&agent))),
        }
    }
    head.push(sanitize(&c.source.label()));
    out.push_str(&head.join(" · "));
    out.push('\n');

    let s = c.scores;
    let score = |name: &str, value: f64, bad: bool| {
        let style = Style::new().bold().fg_color(Some(
            if bad {
                AnsiColor::Red
            } else {
                AnsiColor::Green
            }
            .into(),
        ));
        format!("{name} {}", p.paint(&value.to_string(), style))
    };
    let att = attention(&s);
    out.push_str(&format!(
        "{}   {}   {}   {}\n",
        score("empathy", s.empathy, 100.0 - s.empathy >= FLAG_AT),
        score("sincerity", s.sincerity, 100.0 - s.sincerity >= FLAG_AT),
        score("effort", s.effort, s.effort >= FLAG_AT),
        p.paint(
            &format!(
                "attention {att:.0}{}{}",
                if att >= FLAG_AT { " (flagged)" } else { "" },
                // Where the empathy score's starting point comes from.
                c.metrics
                    .empathy_opportunity_turn
                    .map_or_else(String::new, |t| format!(
                        "   empathy called for in turn {t}"
                    ))
            ),
            DIM
        ),
    ));
    // A bot that served the customer alone was read as the agent: say so beside its scores.
    if let Some(turns) = &c.turns
        && Role::serving(turns.iter().map(|t| t.speaker)) == Role::Bot
    {
        out.push_str(&p.paint(
            "no agent took part: the bot's turns are read as the agent's",
            DIM,
        ));
        out.push('\n');
    }
    out.push('\n');

    // Transcript.
    match &c.turns {
        Some(turns) => {
            let has_time = turns.iter().any(|t| t.start.is_some());
            let time_w = if has_time {
                turns
                    .iter()
                    .map(|t| t.start.map(fmt_time).unwrap_or_default().chars().count())
                    .max()
                    .unwrap_or(0)
            } else {
                0
            };
            let speaker_w = turns
                .iter()
                .map(|t| t.speaker.as_str().len())
                .max()
                .unwrap_or(0);
            let indent = if has_time { time_w + 1 } else { 0 } + speaker_w + 2;
            let text_w = options.width.saturating_sub(indent).max(20);
            for (i, t) in turns.iter().enumerate() {
                let here = c.findings_on_turn(i);
                let runs = turn_runs(&t.text, &here, options.colour);
                let lines = wrap(&runs, text_w);
                let speaker_style = match t.speaker {
                    crate::model::Role::Agent => {
                        Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()))
                    }
                    crate::model::Role::Customer => Style::new()
                        .bold()
                        .fg_color(Some(AnsiColor::Magenta.into())),
                    _ => DIM,
                };
                for (n, line) in lines.iter().enumerate() {
                    if n == 0 {
                        if has_time {
                            let time = t.start.map(fmt_time).unwrap_or_default();
                            out.push_str(&p.paint(&format!("{time:>time_w$} "), DIM));
                        }
                        out.push_str(&p.paint(
                            &format!("{:<speaker_w$}", t.speaker.as_str()),
                            speaker_style,
                        ));
                        out.push_str("  ");
                    } else {
                        out.push_str(&" ".repeat(indent));
                    }
                    // One escape sequence per stretch of the same style, not per word.
                    let mut merged: Vec<Run> = Vec::new();
                    for (text, style) in line {
                        match merged.last_mut() {
                            Some((t, s)) if s == style => t.push_str(text),
                            _ => merged.push((text.clone(), *style)),
                        }
                    }
                    for (text, style) in &merged {
                        match style {
                            Some(style) => out.push_str(&p.paint(text, *style)),
                            None => out.push_str(text),
                        }
                    }
                    out.push('\n');
                }
            }
        }
        None => out.push_str("(no transcript in these results)\n"),
    }

    // Findings.
    out.push('\n');
    if c.findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    out.push_str(&p.paint("Findings", BOLD));
    out.push('\n');
    let rule_w = c
        .findings
        .iter()
        .map(|f| f.rule.chars().count())
        .max()
        .unwrap_or(0);
    let n_w = c.findings.len().to_string().len() + 2;
    let mut described = std::collections::HashSet::new();
    for (k, f) in c.findings.iter().enumerate() {
        let tone = Tone::of(f);
        let r = rule(&f.rule);
        let score = f
            .score
            .or(r.and_then(|r| r.score))
            .map_or("", |s| s.as_str());
        let level = match f.level {
            Some(2) => " strong",
            Some(1) => " weak",
            _ => "",
        };
        let placed = c
            .turns
            .as_ref()
            .and_then(|t| t.get(f.turn))
            .is_some_and(|t| placeable(&t.text, f));
        out.push_str(&format!(
            "{:>n_w$} {} {:>5} {}{} · turn {} {}{}\n",
            format!("[{}]", k + 1),
            p.paint(&format!("{:<rule_w$}", sanitize(&f.rule)), tone_style(tone)),
            fmt_points(f.weight),
            score,
            level,
            f.turn,
            f.speaker.as_str(),
            if placed {
                String::new()
            } else {
                format!("  \"{}\"", sanitize(&f.quote))
            },
        ));
        let pad = " ".repeat(n_w + 1);
        // What a rule means is said at its first finding only.
        let description = r
            .filter(|r| described.insert(r.id))
            .map(|r| r.description.to_string());
        let notes = [description, Some(sanitize(&f.detail))];
        for note in notes.iter().flatten().filter(|n| !n.is_empty()) {
            let runs = [(note.clone(), None)];
            for line in wrap(&runs, options.width.saturating_sub(n_w + 1)) {
                let text: String = line.into_iter().map(|(t, _)| t).collect();
                out.push_str(&format!("{pad}{}\n", p.paint(&text, DIM)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(words: &[(&str, Option<Style>)]) -> Vec<Run> {
        words.iter().map(|(t, s)| (t.to_string(), *s)).collect()
    }

    fn plain(lines: &[Vec<Run>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(t, _)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wrap_breaks_between_words_and_keeps_newlines() {
        let lines = wrap(&runs(&[("one two three four five\nsix", None)]), 13);
        assert_eq!(plain(&lines), vec!["one two three", "four five", "six"]);
    }

    #[test]
    fn wrap_keeps_styles_within_words() {
        let bold = Some(BOLD);
        let lines = wrap(&runs(&[("ab", None), ("cd ef", bold)]), 40);
        assert_eq!(plain(&lines), vec!["abcd ef"]);
        // "abcd" is one word in two styles; the space between two bold words stays bold.
        assert_eq!(
            lines[0],
            vec![
                ("ab".to_string(), None),
                ("cd".to_string(), bold),
                (" ".to_string(), bold),
                ("ef".to_string(), bold)
            ]
        );
    }

    #[test]
    fn control_characters_are_made_visible() {
        assert_eq!(sanitize("a\u{1b}[31mb\tc\n"), "a\u{241b}[31mb c\n");
        assert_eq!(sanitize("x\u{202e}y\u{9b}z"), "x\u{FFFD}y\u{FFFD}z");
    }
}
