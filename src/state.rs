//! What the visitor has done to the FAQ: which answers are open, and the last thing to announce.
//! Pure, so the rules are tested natively; components dispatch [`Action`]s.

use crate::feedback_state::{Vote, Votes};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub open: Vec<bool>,
    /// The question the URL should name: the one most recently opened, while it stays open.
    pub linked: Option<usize>,
    /// Text for the polite live region; `serial` makes a repeated message count as new.
    pub announcement: Announcement,
    /// Counts the times the visitor opened one question (not "show all", not the URL at load);
    /// `linked` is that question. The view tells the host page (`faq-widget:open`) on each change.
    pub opened: u32,
    /// The visitor's "Was this helpful?" answers, by question id (in memory for the page view).
    pub votes: Votes,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Announcement {
    pub text: String,
    pub serial: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Toggle(usize),
    Open(usize),
    ShowAll,
    HideAll,
    Announce(String),
    /// The visitor answered "Was this helpful?" (a new or a changed vote); the text is the
    /// thanks to announce.
    Vote(Vote, String),
    /// A newer FAQ replaced the one on screen: for each of its questions, where it was before
    /// (`offline::remap`). What the visitor opened stays open by question, not by position;
    /// this is not an opening (no host event).
    Remap(Vec<Option<usize>>),
}

impl ViewState {
    pub fn new(count: usize, deep_link: Option<usize>) -> Self {
        let mut state = ViewState {
            open: vec![false; count],
            ..ViewState::default()
        };
        if let Some(index) = deep_link.filter(|&i| i < count) {
            state.open[index] = true;
            state.linked = Some(index);
        }
        state
    }

    /// The same state with `indices` open as well (what the visitor opened in a pre-rendered
    /// copy before the widget started): not an opening, so no host event and no URL change.
    pub fn with_open(mut self, indices: impl IntoIterator<Item = usize>) -> Self {
        for index in indices {
            if let Some(open) = self.open.get_mut(index) {
                *open = true;
            }
        }
        self
    }

    pub fn all_open(&self) -> bool {
        !self.open.is_empty() && self.open.iter().all(|&open| open)
    }

    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Toggle(index) if index < self.open.len() => {
                self.open[index] = !self.open[index];
                if self.open[index] {
                    self.linked = Some(index);
                    self.opened = self.opened.wrapping_add(1);
                } else if self.linked == Some(index) {
                    self.linked = None;
                }
            }
            Action::Open(index) if index < self.open.len() => {
                if !self.open[index] {
                    self.opened = self.opened.wrapping_add(1);
                }
                self.open[index] = true;
                self.linked = Some(index);
            }
            Action::ShowAll => self.open.iter_mut().for_each(|open| *open = true),
            Action::HideAll => {
                self.open.iter_mut().for_each(|open| *open = false);
                self.linked = None;
            }
            Action::Vote(vote, thanks) => {
                self.votes = std::mem::take(&mut self.votes).apply(vote);
                return self.apply(Action::Announce(thanks));
            }
            Action::Announce(text) => {
                self.announcement = Announcement {
                    text,
                    serial: self.announcement.serial.wrapping_add(1),
                };
            }
            Action::Remap(from) => {
                let was_open =
                    |old: &Option<usize>| old.is_some_and(|i| self.open.get(i) == Some(&true));
                let open: Vec<bool> = from.iter().map(was_open).collect();
                self.linked = self
                    .linked
                    .and_then(|linked| from.iter().position(|old| *old == Some(linked)));
                self.open = open;
            }
            Action::Toggle(_) | Action::Open(_) => {}
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_tracks_the_linked_question() {
        let state = ViewState::new(3, None).apply(Action::Toggle(1));
        assert_eq!(state.open, [false, true, false]);
        assert_eq!(state.linked, Some(1));
        let state = state.apply(Action::Toggle(2));
        assert_eq!(
            state.linked,
            Some(2),
            "the most recently opened question is linked"
        );
        let state = state.apply(Action::Toggle(1));
        assert_eq!(
            state.linked,
            Some(2),
            "closing another question keeps the link"
        );
        let state = state.apply(Action::Toggle(2));
        assert_eq!(state.linked, None);
    }

    #[test]
    fn deep_link_opens_its_question() {
        let state = ViewState::new(3, Some(2));
        assert_eq!(state.open, [false, false, true]);
        assert_eq!(state.linked, Some(2));
        assert_eq!(ViewState::new(3, Some(7)).open, [false; 3]);
    }

    #[test]
    fn show_all_and_hide_all() {
        let state = ViewState::new(2, Some(0)).apply(Action::ShowAll);
        assert!(state.all_open());
        assert_eq!(state.linked, Some(0));
        let state = state.apply(Action::HideAll);
        assert_eq!(state.open, [false, false]);
        assert_eq!(state.linked, None);
        assert!(!ViewState::new(0, None).all_open());
    }

    #[test]
    fn opening_one_question_is_counted_once() {
        let state = ViewState::new(3, Some(0));
        assert_eq!(
            state.opened, 0,
            "the question opened by the URL at load is not counted"
        );
        let state = state.apply(Action::Toggle(1));
        assert_eq!((state.opened, state.linked), (1, Some(1)));
        let state = state.apply(Action::Open(1));
        assert_eq!(
            state.opened, 1,
            "opening an open question is not an opening"
        );
        let state = state.apply(Action::Toggle(1)).apply(Action::Open(1));
        assert_eq!((state.opened, state.linked), (2, Some(1)));
        let state = state.apply(Action::HideAll).apply(Action::ShowAll);
        assert_eq!(state.opened, 2, "show all is not counted");
        let state = state.apply(Action::Toggle(2));
        assert_eq!(state.opened, 2, "closing is not counted");
    }

    #[test]
    fn out_of_range_actions_are_ignored() {
        assert_eq!(
            ViewState::new(1, None).apply(Action::Toggle(5)),
            ViewState::new(1, None)
        );
    }

    #[test]
    fn an_update_keeps_open_questions_by_id_not_by_position() {
        // Before: a, b, c with b open and linked. After: new, a, c, b.
        let state = ViewState::new(3, None).apply(Action::Toggle(1));
        let opened = state.opened;
        let state = state.apply(Action::Remap(vec![None, Some(0), Some(2), Some(1)]));
        assert_eq!(state.open, [false, false, false, true]);
        assert_eq!(state.linked, Some(3));
        assert_eq!(state.opened, opened, "an update is not an opening");
        // b removed: nothing open, no link.
        let state = state.apply(Action::Remap(vec![Some(0), Some(1), Some(2)]));
        let state = state.apply(Action::Remap(vec![Some(0), Some(1)]));
        assert_eq!(state.open, [false, false]);
        assert_eq!(state.linked, None);
    }

    #[test]
    fn repeated_announcements_are_new_each_time() {
        let state = ViewState::new(1, None).apply(Action::Announce("Link copied".into()));
        let again = state.clone().apply(Action::Announce("Link copied".into()));
        assert_ne!(state.announcement, again.announcement);
    }

    #[test]
    fn a_vote_is_kept_by_question_and_thanked() {
        let vote = |helpful| Vote {
            id: "jobs".into(),
            helpful,
        };
        let state = ViewState::new(2, None).apply(Action::Vote(vote(true), "Thanks".into()));
        assert_eq!(state.votes.get("jobs"), Some(true));
        assert_eq!(state.announcement.text, "Thanks");
        let again = state
            .clone()
            .apply(Action::Vote(vote(false), "Thanks".into()));
        assert_eq!(again.votes.get("jobs"), Some(false));
        assert_ne!(again.announcement, state.announcement, "announced again");
        assert_eq!(again.votes.get("other"), None);
    }
}
