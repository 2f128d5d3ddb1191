//! Per-thread memo of the per-turn work (text analysis, lexicon scan, sentiment) for lines that
//! recur verbatim. Scripted agent lines ("Thank you for calling…", "Is there anything else I
//! can help you with?") recur across thousands of calls; analysing each once per thread saves
//! most of the per-turn cost on them. Lines said only once are never kept: a line is kept the
//! second time it is seen, so the memo holds recurring lines only and stays small.
//!
//! The results are the same as fresh ones (everything kept is a pure function of the turn's
//! text: [`Lexicons`] has no settings), so output does not depend on the memo or on threads.

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};
use xxhash_rust::xxh3::xxh3_64;

use crate::analyse::text::{TurnText, analyse_text};
use crate::detect::{Lexicons, TurnHits};

/// Most lines kept per thread; the memo is emptied when full, so memory stays bounded.
const KEPT_LIMIT: usize = 16_384;
/// Most line hashes remembered per thread to recognise a second sighting.
const SEEN_LIMIT: usize = 262_144;

#[derive(Default)]
struct Memo {
    /// Hashes of the lines seen once.
    seen: FxHashSet<u64>,
    /// Lines seen at least twice, with their analysis and lexicon matches.
    kept: FxHashMap<Box<str>, (Rc<TurnText>, Rc<TurnHits>)>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// The analysis of `text` and its matches in `lexicons`, from this thread's memo when the
/// line was seen before.
pub fn analysed_turn(lexicons: &Lexicons, text: &str) -> (Rc<TurnText>, Rc<TurnHits>) {
    if let Some(found) = MEMO.with(|memo| memo.borrow().kept.get(text).cloned()) {
        return found;
    }
    let analysed = Rc::new(analyse_text(text));
    let hits = Rc::new(lexicons.scan(&analysed));
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.seen.len() >= SEEN_LIMIT {
            memo.seen.clear();
        }
        if !memo.seen.insert(xxh3_64(text.as_bytes())) {
            if memo.kept.len() >= KEPT_LIMIT {
                memo.kept.clear();
            }
            memo.kept
                .insert(text.into(), (Rc::clone(&analysed), Rc::clone(&hits)));
        }
    });
    (analysed, hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recurring_line_is_analysed_once_and_gives_the_same_results() {
        let lexicons = Lexicons::new();
        let line = "I'm so sorry for the wait, thank you for your patience.";
        let (first, first_hits) = analysed_turn(&lexicons, line);
        let (second, _) = analysed_turn(&lexicons, line);
        // Kept at the second sighting, shared from the third.
        let (third, third_hits) = analysed_turn(&lexicons, line);
        assert!(!Rc::ptr_eq(&first, &second));
        assert!(Rc::ptr_eq(&second, &third));
        let fresh = analyse_text(line);
        assert_eq!(third.norm, fresh.norm);
        assert_eq!(third.content, fresh.content);
        assert_eq!(third.tokens.len(), fresh.tokens.len());
        assert_eq!(
            format!("{:?}", third_hits.canned),
            format!("{:?}", first_hits.canned)
        );
        assert!(!third_hits.canned.is_empty());
    }

    #[test]
    fn a_line_said_once_is_not_kept() {
        let lexicons = Lexicons::new();
        let line = "A line said exactly once in this thread, 41c7.";
        analysed_turn(&lexicons, line);
        assert!(MEMO.with(|memo| !memo.borrow().kept.contains_key(line)));
    }
}
