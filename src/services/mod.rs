//! The only browser IO of the app, each behind a small function that fails softly.

pub mod export_io;
