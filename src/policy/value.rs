//! A JSON-shaped value, so policies can be read with exact key paths.
//!
//! serde's derive reports *that* a policy is wrong but not *where*; a
//! policy error must name the offending key path (`pii.types[2]`). So the
//! JS binding deserializes a policy object into this tree (it implements
//! `Deserialize` for any self-describing format) and
//! [`Policy::from_value`](super::Policy::from_value) walks it by hand.

use std::fmt;

use serde::de::{
    self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor,
};

/// A policy value: what a JS plain object or JSON document can hold.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null` or `undefined`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, keys in their original order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// A short name of the value's type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// Looks up a key of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => {
                entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    /// Writes a canonical serialization (sorted keys), used for the policy
    /// fingerprint.
    pub(crate) fn canonical(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => write_number(*n, out),
            Value::String(s) => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.canonical(out);
                }
                out.push(']');
            }
            Value::Object(entries) => {
                let mut sorted: Vec<&(String, Value)> =
                    entries.iter().collect();
                crate::order::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
                out.push('{');
                for (i, (k, v)) in sorted.into_iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    Value::String(k.clone()).canonical(out);
                    out.push(':');
                    v.canonical(out);
                }
                out.push('}');
            }
        }
    }
}

/// Entries of any one list in a policy.
pub(crate) const MAX_LIST_ENTRIES: usize = 10_000;
/// Keys of any one object in a policy.
pub(crate) const MAX_OBJECT_KEYS: usize = 1_000;

/// Deepest nesting accepted; deeper input is refused rather than
/// recursing without bound.
pub(crate) const MAX_DEPTH: usize = 32;

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor { depth: 0 })
    }
}

struct ValueVisitor {
    depth: usize,
}

struct Nested(usize);

impl<'de> de::DeserializeSeed<'de> for Nested {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Value, D::Error> {
        if self.0 > MAX_DEPTH {
            return Err(de::Error::custom("policy is nested too deeply"));
        }
        d.deserialize_any(ValueVisitor { depth: self.0 })
    }
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON-like value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(
        self,
        d: D,
    ) -> Result<Value, D::Error> {
        Nested(self.depth).deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    // Limits while converting (the policy checks them with key paths):
    // a list or object stops one entry past its limit, so a huge one is
    // refused without converting the rest.
    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while items.len() <= MAX_LIST_ENTRIES {
            match seq.next_element_seed(Nested(self.depth + 1))? {
                Some(v) => items.push(v),
                None => break,
            }
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> Result<Value, A::Error> {
        let mut entries: Vec<(String, Value)> = Vec::new();
        while entries.len() <= MAX_OBJECT_KEYS {
            let Some(k) = map.next_key::<String>()? else { break };
            let v = map.next_value_seed(Nested(self.depth + 1))?;
            entries.retain(|(old, _)| *old != k);
            entries.push((k, v));
        }
        Ok(Value::Object(entries))
    }
}

use serde::de::DeserializeSeed as _;

/// Writes a number exactly without core's float printing (about 4 KB of
/// gzipped wasm): whole numbers as decimal integers, any other value as
/// the hex of its bits, exact and stable. Only the policy fingerprint and
/// error messages read it.
pub(crate) fn write_number(n: f64, out: &mut String) {
    use std::fmt::Write;
    let _ = if n.is_finite() && n == n.trunc() && n.abs() < 9.0e15 {
        write!(out, "{}", n as i64)
    } else {
        write!(out, "f64:{:016x}", n.to_bits())
    };
}
