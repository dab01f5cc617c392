//! The file deployed now, as the compare panel holds it, so that the explainer can say which
//! change removed a key. Both panels live in the same module; it stays in memory only.

use std::cell::RefCell;

thread_local! {
    static DEPLOYED: RefCell<String> = const { RefCell::new(String::new()) };
}

pub fn set(text: &str) {
    DEPLOYED.with(|d| text.clone_into(&mut d.borrow_mut()));
}

/// The deployed file, when one was pasted.
pub fn get() -> Option<String> {
    DEPLOYED.with(|d| Some(d.borrow().clone()).filter(|t| !t.trim().is_empty()))
}
