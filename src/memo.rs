//! The memo of the per-turn work for lines that recur verbatim (for scoring: text analysis,
//! lexicon scan, sentiment; for learning: the analysis and its script forms), shared by every
//! thread of a run. Scripted agent lines ("Thank you for calling…", "Is there anything else I
//! can help you with?") recur across thousands of calls; analysing each once saves most of the
//! per-turn cost on them. Lines said only once are never kept: a line is kept the second time
//! it is seen, so the memo holds recurring lines only and stays small. One memo for all threads
//! (rather than one each) analyses a line once whichever thread meets it, and its memory does
//! not grow with the thread count.
//!
//! The results are the same as fresh ones (everything kept is a pure function of the turn's
//! text and of the lexicons, whose only setting, the policy's mandated lines, is fixed for the
//! engine that owns both the lexicons and the memo), so output does not depend on the memo or
//! on threads. What the detectors later read of a kept line on its own (its agent sentences'
//! empathy facts) is kept with its matches on the same terms.
//! [`TextResults`] keeps the results of smaller pure functions of a text the same way, for one
//! thread (VADER on a short line, what a question's phrases say).

use std::cell::RefCell;
use std::sync::{Arc, Mutex, PoisonError};

use rustc_hash::{FxHashMap, FxHashSet};
use xxhash_rust::xxh3::xxh3_64;

use crate::analyse::text::{TurnText, analyse_text};
use crate::detect::{Lexicons, TurnHits};

/// Most lines kept in all; when a shard is full, its least used are dropped (down to three
/// quarters of it), so memory stays bounded (about 3 KB a line).
const KEPT_LIMIT: usize = 32_768;
/// Most line hashes remembered in all to recognise a second sighting.
const SEEN_LIMIT: usize = 262_144;
/// The memo is split by line hash into this many shards, each behind a lock of its own, so
/// that threads seldom wait for each other.
const SHARDS: usize = 64;

/// A kept line's results and how often they were used since the last sweep (halved at each
/// sweep, so that lines used long ago give way to lines in use now).
struct Kept<V> {
    results: V,
    uses: u32,
}

/// One shard of a memo: the lines whose hash falls to it.
struct Shard<V> {
    /// Hashes of the lines seen once.
    seen: FxHashSet<u64>,
    /// Lines seen at least twice, with their results.
    kept: FxHashMap<Box<str>, Kept<V>>,
}

impl<V> Default for Shard<V> {
    fn default() -> Self {
        Shard {
            seen: FxHashSet::default(),
            kept: FxHashMap::default(),
        }
    }
}

impl<V: Clone> Shard<V> {
    /// The kept results for `text`, counted as one more use.
    fn get(&mut self, text: &str) -> Option<V> {
        let kept = self.kept.get_mut(text)?;
        kept.uses = kept.uses.saturating_add(1);
        Some(kept.results.clone())
    }

    /// Records a sighting of `text`, whose hash is `hash`; keeps its results from the second
    /// sighting on, first making room if `limit` lines are kept already.
    fn saw(&mut self, text: &str, hash: u64, results: &V, limit: usize) {
        if self.seen.len() >= SEEN_LIMIT / SHARDS {
            self.seen.clear();
        }
        if self.seen.insert(hash) || self.kept.contains_key(text) {
            // Seen for the first time, or kept by another thread in the meantime.
            return;
        }
        if self.kept.len() >= limit {
            self.make_room(limit / 4 * 3);
        }
        self.kept.insert(
            text.into(),
            Kept {
                results: results.clone(),
                uses: 0,
            },
        );
    }

    /// Drops the least used lines until at most `target` are left, then halves every count.
    /// Clearing everything instead (as a plain size bound would) loses the scripted lines
    /// that recur in most calls along with the rare ones: on 100,000 generated calls, about
    /// 10% more lines were analysed afresh.
    fn make_room(&mut self, target: usize) {
        let mut floor: u64 = 1;
        while self.kept.len() > target {
            if floor > u64::from(u32::MAX) {
                self.kept.clear();
                break;
            }
            self.kept.retain(|_, kept| u64::from(kept.uses) >= floor);
            floor *= 2;
        }
        for kept in self.kept.values_mut() {
            kept.uses /= 2;
        }
    }
}

/// A memo of the results of the per-turn work on each line, shared by the threads of a run
/// (see the module's text): `V` is what is kept, cheap to clone (shared pointers).
pub struct LineMemo<V> {
    shards: Box<[Mutex<Shard<V>>]>,
}

impl<V: Clone> Default for LineMemo<V> {
    fn default() -> Self {
        LineMemo::new()
    }
}

impl<V: Clone> LineMemo<V> {
    /// An empty memo.
    pub fn new() -> Self {
        LineMemo {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }

    /// The results of `work` on `text`, from the memo when the line was seen before. `work`
    /// must be a pure function of the text. It runs outside the shard's lock: two threads
    /// meeting a new line at once both do the work, and get equal results.
    pub fn get_or_make(&self, text: &str, work: impl FnOnce() -> V) -> V {
        let hash = xxh3_64(text.as_bytes());
        let shard = &self.shards[(hash % SHARDS as u64) as usize];
        // A lock is held only for map operations, which do not panic midway; a panic
        // elsewhere cannot leave a shard half-changed.
        let lock = || shard.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = lock().get(text) {
            return found;
        }
        let results = work();
        lock().saw(text, hash, &results, KEPT_LIMIT / SHARDS);
        results
    }
}

/// What scoring keeps of a line: its analysis and its matches in the lexicons.
pub type TurnMemo = LineMemo<(Arc<TurnText>, Arc<TurnHits>)>;

impl TurnMemo {
    /// The analysis of `text` and its matches in `lexicons`, from the memo when the line was
    /// seen before. A memo is to be used with one set of lexicons only (the engine's).
    pub fn analysed_turn(&self, lexicons: &Lexicons, text: &str) -> (Arc<TurnText>, Arc<TurnHits>) {
        self.get_or_make(text, || {
            let analysed = Arc::new(analyse_text(text));
            let hits = Arc::new(lexicons.scan(text, &analysed));
            (analysed, hits)
        })
    }
}

/// What learning a script model keeps of a line: its analysis (which also keeps the line's
/// script forms, [`TurnText::unnamed_script_forms`]).
pub type TextMemo = LineMemo<Arc<TurnText>>;

impl TextMemo {
    /// The analysis of `text`, from the memo when the line was seen before.
    pub fn analysed_text(&self, text: &str) -> Arc<TurnText> {
        self.get_or_make(text, || Arc::new(analyse_text(text)))
    }
}

/// The results of a pure function of a text, kept for one thread (in a `thread_local!`): at
/// most `limit` texts, all dropped when full, so that memory stays bounded. For short texts
/// that recur verbatim across conversations (a customer's "Okay, thanks.", a scripted
/// question); being the function's own results, they change no output.
pub struct TextResults<V> {
    kept: RefCell<FxHashMap<Box<str>, V>>,
    limit: usize,
}

impl<V: Copy> TextResults<V> {
    /// An empty store of at most `limit` texts.
    pub fn new(limit: usize) -> Self {
        TextResults {
            kept: RefCell::new(FxHashMap::default()),
            limit,
        }
    }

    /// The result kept for `text`, or `work`'s, kept from now on. `work` must not use this
    /// store itself.
    pub fn get_or_insert_with(&self, text: &str, work: impl FnOnce() -> V) -> V {
        if let Some(&result) = self.kept.borrow().get(text) {
            return result;
        }
        let result = work();
        let mut kept = self.kept.borrow_mut();
        if kept.len() >= self.limit {
            kept.clear();
        }
        kept.insert(text.into(), result);
        result
    }

    /// Whether a result is kept for `text`.
    pub fn holds(&self, text: &str) -> bool {
        self.kept.borrow().contains_key(text)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn a_recurring_line_is_analysed_once_and_gives_the_same_results() {
        let lexicons = Lexicons::new();
        let memo = TurnMemo::new();
        let line = "I'm so sorry for the wait, thank you for your patience.";
        let (first, first_hits) = memo.analysed_turn(&lexicons, line);
        let (second, _) = memo.analysed_turn(&lexicons, line);
        // Kept at the second sighting, shared from the third.
        let (third, third_hits) = memo.analysed_turn(&lexicons, line);
        assert!(!Arc::ptr_eq(&first, &second));
        assert!(Arc::ptr_eq(&second, &third));
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
    fn text_results_are_kept_and_dropped_when_full() {
        let results = TextResults::new(2);
        let runs = Cell::new(0);
        let length = |text: &str| {
            results.get_or_insert_with(text, || {
                runs.set(runs.get() + 1);
                text.len()
            })
        };
        assert_eq!(length("okay"), 4);
        assert_eq!(length("okay"), 4);
        assert_eq!(length("thanks"), 6);
        assert_eq!(runs.get(), 2);
        // A third text empties the store first.
        assert_eq!(length("bye now"), 7);
        assert_eq!(runs.get(), 3);
        assert!(results.holds("bye now") && !results.holds("okay"));
    }

    #[test]
    fn a_line_said_once_is_not_kept() {
        let lexicons = Lexicons::new();
        let memo = TurnMemo::new();
        let line = "A line said exactly once, 41c7.";
        memo.analysed_turn(&lexicons, line);
        let kept = |memo: &TurnMemo| {
            memo.shards
                .iter()
                .any(|shard| shard.lock().unwrap().kept.contains_key(line))
        };
        assert!(!kept(&memo));
        memo.analysed_turn(&lexicons, line);
        assert!(kept(&memo));
    }

    #[test]
    fn a_line_met_by_two_threads_is_kept_for_all() {
        let lexicons = Lexicons::new();
        let memo = TurnMemo::new();
        let line = "Thank you for holding, I have your account open now.";
        // One sighting on each of two threads makes the second: the line is kept, and a third
        // thread is given the very results the second one made.
        std::thread::scope(|scope| {
            scope
                .spawn(|| memo.analysed_turn(&lexicons, line))
                .join()
                .unwrap();
        });
        let (second, _) = std::thread::scope(|scope| {
            scope
                .spawn(|| memo.analysed_turn(&lexicons, line))
                .join()
                .unwrap()
        });
        let (third, _) = std::thread::scope(|scope| {
            scope
                .spawn(|| memo.analysed_turn(&lexicons, line))
                .join()
                .unwrap()
        });
        assert!(Arc::ptr_eq(&second, &third));
    }

    #[test]
    fn making_room_keeps_the_most_used_lines() {
        let lexicons = Lexicons::new();
        let mut memo = Shard::default();
        let lines: Vec<String> = (0..8)
            .map(|i| format!("Line number {i} of the script."))
            .collect();
        let sight = |memo: &mut Shard<(Arc<TurnText>, Arc<TurnHits>)>, line: &str| {
            if memo.get(line).is_none() {
                let analysed = Arc::new(analyse_text(line));
                let hits = Arc::new(lexicons.scan(line, &analysed));
                memo.saw(line, xxh3_64(line.as_bytes()), &(analysed, hits), 4);
            }
        };
        // Lines 0-3 are kept at their second sighting; 0 and 2 are then used again.
        for line in lines.iter().take(4).chain(lines.iter().take(4)) {
            sight(&mut memo, line);
        }
        for _ in 0..3 {
            sight(&mut memo, &lines[0]);
        }
        sight(&mut memo, &lines[2]);
        assert_eq!(memo.kept.len(), 4);
        // A fifth recurring line makes room (down to three at most): the lines not used
        // since they were kept (1 and 3) go.
        sight(&mut memo, &lines[4]);
        sight(&mut memo, &lines[4]);
        assert_eq!(memo.kept.len(), 3);
        for kept in [0, 2, 4] {
            assert!(memo.kept.contains_key(lines[kept].as_str()), "{kept}");
        }
        // Counts were halved: line 0 (3 uses) has 1 left, line 2 (1 use) none.
        assert_eq!(memo.kept[lines[0].as_str()].uses, 1);
        assert_eq!(memo.kept[lines[2].as_str()].uses, 0);
    }
}
