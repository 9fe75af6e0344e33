//! PURE: roving focus between the accordion's question buttons (the WAI-ARIA accordion
//! pattern's optional keys): which button an arrow key, Home or End moves to. Its own module,
//! used by the question (which reads the key) and the accordion (which moves focus), so neither
//! depends on the other.

/// Arrow-key movement between question buttons (WAI-ARIA accordion pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Previous,
    Next,
    First,
    Last,
}

/// Where focus goes; Up on the first and Down on the last wrap around, as in the APG example.
pub fn move_target(from: usize, count: usize, step: Move) -> usize {
    match step {
        _ if count == 0 => 0,
        Move::Previous => (from + count - 1) % count,
        Move::Next => (from + 1) % count,
        Move::First => 0,
        Move::Last => count - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(move_target(0, 3, Move::Next), 1);
        assert_eq!(move_target(2, 3, Move::Next), 0);
        assert_eq!(move_target(0, 3, Move::Previous), 2);
        assert_eq!(move_target(1, 3, Move::First), 0);
        assert_eq!(move_target(1, 3, Move::Last), 2);
        assert_eq!(move_target(0, 0, Move::Last), 0);
    }
}
