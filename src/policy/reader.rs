//! Reading a policy object: the key paths its errors name, and which of
//! its keys were used (any other key is an error).

use super::value::{self, Value, MAX_OBJECT_KEYS};
use crate::error::Error;

/// Reads an object, remembering which keys were used; `finish` rejects
/// the rest.
pub(super) struct Obj<'a> {
    pub(super) entries: &'a [(String, Value)],
    pub(super) path: String,
    used: Vec<bool>,
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{}.{}", path, key)
    }
}

pub(super) fn index(path: &str, i: usize) -> String {
    format!("{}[{}]", path, i)
}

/// "expected a boolean, got a string": one function for every reader.
#[inline(never)]
fn expected(path: String, what: &str, got: &Value) -> Error {
    Error::policy(path, format!("expected {}, got {}", what, got.type_name()))
}

/// Quotes a user-supplied name for a message, shortened; never used for
/// values that may be sensitive.
pub(super) fn quote(s: &str) -> String {
    let short: String = s.chars().take(40).collect();
    format!("{:?}", short)
}

impl<'a> Obj<'a> {
    pub(super) fn new(v: &'a Value, path: &str) -> Result<Obj<'a>, Error> {
        match v {
            Value::Object(entries) if entries.len() > MAX_OBJECT_KEYS => {
                Err(Error::limit(
                    if path.is_empty() { "policy" } else { path },
                    "more than 1000 keys",
                ))
            }
            Value::Object(entries) => Ok(Obj {
                entries,
                path: path.to_string(),
                used: vec![false; entries.len()],
            }),
            other => Err(expected(
                (if path.is_empty() { "policy" } else { path }).to_string(),
                "an object",
                other,
            )),
        }
    }

    pub(super) fn take(&mut self, key: &str) -> Option<(&'a Value, String)> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        self.used[i] = true;
        match &self.entries[i].1 {
            Value::Null => None,
            v => Some((v, join(&self.path, key))),
        }
    }

    pub(super) fn bool(&mut self, key: &str) -> Result<Option<bool>, Error> {
        match self.take(key) {
            None => Ok(None),
            Some((Value::Bool(b), _)) => Ok(Some(*b)),
            Some((v, p)) => Err(expected(p, "a boolean", v)),
        }
    }

    pub(super) fn number(
        &mut self,
        key: &str,
        lo: f64,
        hi: f64,
    ) -> Result<Option<f64>, Error> {
        match self.take(key) {
            None => Ok(None),
            Some((Value::Number(n), p)) => {
                if n.is_finite() && *n >= lo && *n <= hi {
                    Ok(Some(*n))
                } else {
                    let mut m = String::from("expected a number from ");
                    value::write_number(lo, &mut m);
                    m.push_str(" to ");
                    value::write_number(hi, &mut m);
                    Err(Error::policy(p, m))
                }
            }
            Some((v, p)) => Err(expected(p, "a number", v)),
        }
    }

    pub(super) fn string(
        &mut self,
        key: &str,
    ) -> Result<Option<(&'a str, String)>, Error> {
        match self.take(key) {
            None => Ok(None),
            Some((Value::String(s), p)) => Ok(Some((s.as_str(), p))),
            Some((v, p)) => Err(expected(p, "a string", v)),
        }
    }

    /// A list of at most `max` entries.
    pub(super) fn array(
        &mut self,
        key: &str,
        max: usize,
    ) -> Result<Option<(&'a [Value], String)>, Error> {
        match self.take(key) {
            None => Ok(None),
            Some((Value::Array(items), p)) => {
                if items.len() > max {
                    return Err(Error::limit(
                        p,
                        format!("more than {} entries", max),
                    ));
                }
                Ok(Some((items.as_slice(), p)))
            }
            Some((v, p)) => Err(expected(p, "an array", v)),
        }
    }

    /// A list of at most `max_entries` strings of at most `max_len` bytes
    /// each.
    pub(super) fn strings(
        &mut self,
        key: &str,
        max_entries: usize,
        max_len: usize,
    ) -> Result<Option<Vec<(String, String)>>, Error> {
        let Some((items, p)) = self.array(key, max_entries)? else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.iter().enumerate() {
            match v {
                Value::String(s) if s.len() > max_len => {
                    return Err(Error::limit(
                        index(&p, i),
                        format!("longer than {} bytes", max_len),
                    ))
                }
                Value::String(s) => out.push((s.clone(), index(&p, i))),
                other => {
                    return Err(expected(index(&p, i), "a string", other))
                }
            }
        }
        Ok(Some(out))
    }

    pub(super) fn object(
        &mut self,
        key: &str,
    ) -> Result<Option<Obj<'a>>, Error> {
        match self.take(key) {
            None => Ok(None),
            Some((v, p)) => Obj::new(v, &p).map(Some),
        }
    }

    pub(super) fn finish(self) -> Result<(), Error> {
        for (i, (k, _)) in self.entries.iter().enumerate() {
            if !self.used[i] {
                return Err(Error::policy(
                    join(&self.path, k),
                    format!("unknown key {}", quote(k)),
                ));
            }
        }
        Ok(())
    }
}
