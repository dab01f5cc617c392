//! The analysis as bytes, so the page can analyse a big file in a Web Worker (a second instance
//! of its own module: no shared memory) and hand the result to the thread that renders it.
//!
//! A plain field-by-field format: lengths and numbers as LEB128, strings as UTF-8, no names, no
//! version (both ends are always the same build). Decoding returns `None` on anything malformed
//! and never panics. Each type lists its fields once, in [`wire_struct!`] or by hand where a
//! field is a `&'static str` (a registry code, a provider kind), which is sent by value and
//! mapped back to the static one.

use std::rc::Rc;

use crate::diagnostic::{
    Applicability, Diagnostic, Edit, FieldError, FieldErrorType, Fix, Position, Severity, Stage,
    TextRange,
};
use crate::export::{AppliedFix, Export};
use crate::views::{
    Health, HealthCheck, HealthMode, KmsPlugin, Ordering, Precedence, ProviderRef, RuleRow, Views,
};
use crate::{registry, Analysis, Options};

/// A value that can be written to and read back from bytes.
pub trait Wire: Sized {
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value from the front of `input`, advancing it; `None` when malformed.
    fn take(input: &mut &[u8]) -> Option<Self>;
}

/// `value` as bytes.
pub fn to_bytes<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

/// The value `bytes` hold; `None` when they are malformed or longer than the value.
pub fn from_bytes<T: Wire>(mut bytes: &[u8]) -> Option<T> {
    let value = T::take(&mut bytes)?;
    bytes.is_empty().then_some(value)
}

impl Wire for u64 {
    fn put(&self, out: &mut Vec<u8>) {
        let mut v = *self;
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = input.split_first()?;
            *input = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Some(value);
            }
        }
        None
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut Vec<u8>) {
        u64::from(*self).put(out)
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        u32::try_from(u64::take(input)?).ok()
    }
}

/// `usize::MAX` (a "none" mark, such as a row's place with no entry) is sent as `u64::MAX`,
/// so bytes written by a 64-bit build (the page's built-in first analysis, made by `build.rs`)
/// read back the same in the 32-bit wasm.
impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        if *self == usize::MAX {
            u64::MAX
        } else {
            *self as u64
        }
        .put(out)
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        match u64::take(input)? {
            u64::MAX => Some(usize::MAX),
            value => usize::try_from(value).ok(),
        }
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self))
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        match u64::take(input)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

/// The bytes of a string, after their length.
fn take_str<'a>(input: &mut &'a [u8]) -> Option<&'a str> {
    let len = usize::take(input)?;
    let (bytes, rest) = input.split_at_checked(len)?;
    *input = rest;
    std::str::from_utf8(bytes).ok()
}

fn put_str(text: &str, out: &mut Vec<u8>) {
    text.len().put(out);
    out.extend_from_slice(text.as_bytes());
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self, out)
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        take_str(input).map(str::to_string)
    }
}

impl Wire for Rc<str> {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self, out)
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        take_str(input).map(Rc::from)
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.is_some().put(out);
        if let Some(value) = self {
            value.put(out);
        }
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        if bool::take(input)? {
            T::take(input).map(Some)
        } else {
            Some(None)
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        self.iter().for_each(|item| item.put(out));
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        let len = usize::take(input)?;
        // Each item takes at least one byte: a bogus length cannot reserve much.
        let mut items = Vec::with_capacity(len.min(input.len()));
        for _ in 0..len {
            items.push(T::take(input)?);
        }
        Some(items)
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        Some((A::take(input)?, B::take(input)?))
    }
}

impl<T: Wire> Wire for [T; 2] {
    fn put(&self, out: &mut Vec<u8>) {
        self.iter().for_each(|item| item.put(out));
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        Some([T::take(input)?, T::take(input)?])
    }
}

/// A struct as its fields in order.
macro_rules! wire_struct {
    ($($ty:ident { $($field:ident),* })*) => {$(
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                $(self.$field.put(out);)*
            }

            fn take(input: &mut &[u8]) -> Option<Self> {
                Some($ty { $($field: Wire::take(input)?,)* })
            }
        }
    )*};
}

/// A field-less enum as its variant's number.
macro_rules! wire_enum {
    ($($ty:ident { $($variant:ident),* })*) => {$(
        impl Wire for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                ALL.iter().position(|v| v == self).unwrap_or(0).put(out)
            }

            fn take(input: &mut &[u8]) -> Option<Self> {
                const ALL: &[$ty] = &[$($ty::$variant),*];
                ALL.get(usize::take(input)?).copied()
            }
        }
    )*};
}

wire_enum! {
    Stage { Syntax, Decode, Validate, Load, Lint }
    Severity { Error, Warning, Info }
    FieldErrorType { Required, Invalid }
    Applicability { DisplayOnly, Unsafe, Safe }
    Precedence { Exact, GroupWildcard, Everything, Unlisted }
}

wire_struct! {
    Analysis { accepted, diagnostics, options, secret_ranges, views }
    Options { minor, reload, kmsv1_gate, kmsv2_gate, template }
    TextRange { start, end }
    Position { line, column, utf16_column, utf16_offset }
    FieldError { path, error_type }
    Edit { range, insert }
    Fix { title, edits, applicability }
    Views { ordering, health }
    Ordering { rows }
    RuleRow { resource, precedence, entries, range, write, read, writes_plaintext, reads_plaintext, older_keys }
    Health { plugins, modes, on_livez, cadence }
    KmsPlugin { number, name, version, endpoint, entry, index, range }
    HealthCheck { name, plugin, endpoints, probes }
    HealthMode { reload, selected, checks, why }
    Export { fixed, output, canonical_refused, diff, applied, skipped_unsafe, accepted, remaining }
}

/// A registry code sent by value, read back as the registry's own.
fn take_code(input: &mut &[u8]) -> Option<&'static registry::Label> {
    registry::label(take_str(input)?)
}

impl Wire for Diagnostic {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self.code, out);
        self.stage.put(out);
        self.severity.put(out);
        self.message.put(out);
        self.range.put(out);
        self.start.put(out);
        self.end.put(out);
        self.field.put(out);
        self.help.put(out);
        self.fix.put(out);
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        let code = take_code(input)?;
        Some(Diagnostic {
            code: code.code,
            name: code.name,
            stage: Wire::take(input)?,
            severity: Wire::take(input)?,
            message: Wire::take(input)?,
            range: Wire::take(input)?,
            start: Wire::take(input)?,
            end: Wire::take(input)?,
            field: Wire::take(input)?,
            help: Wire::take(input)?,
            fix: Wire::take(input)?,
        })
    }
}

impl Wire for AppliedFix {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self.code, out);
        self.title.put(out);
        self.applicability.put(out);
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        Some(AppliedFix {
            code: take_code(input)?.code,
            title: Wire::take(input)?,
            applicability: Wire::take(input)?,
        })
    }
}

/// The provider kinds the views name (`ProviderRef::kind`).
const PROVIDER_KINDS: &[&str] = &["aescbc", "aesgcm", "secretbox", "kms", "identity"];

impl Wire for ProviderRef {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(self.kind, out);
        self.key.put(out);
        self.kms_version.put(out);
        self.label.put(out);
        self.prefix.put(out);
        self.range.put(out);
        self.entry.put(out);
        self.index.put(out);
    }

    fn take(input: &mut &[u8]) -> Option<Self> {
        let kind = take_str(input)?;
        Some(ProviderRef {
            kind: PROVIDER_KINDS.iter().copied().find(|k| *k == kind)?,
            key: Wire::take(input)?,
            kms_version: Wire::take(input)?,
            label: Wire::take(input)?,
            prefix: Wire::take(input)?,
            range: Wire::take(input)?,
            entry: Wire::take(input)?,
            index: Wire::take(input)?,
        })
    }
}
