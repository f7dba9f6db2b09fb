//! JS values into the policy [`Value`] tree, read by hand.
//!
//! serde-wasm-bindgen's deserializer would do the same, but its error path
//! formats floats (serde's `Unexpected`), which pulls core's float printing
//! into the module: about 4 KB gzipped for a message nobody reads. The
//! limits are the policy reader's: a list or object stops one entry past
//! its limit so a huge one is refused without converting the rest, and
//! nesting deeper than `MAX_DEPTH` is an error rather than unbounded
//! recursion.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::policy::{Value, MAX_DEPTH, MAX_LIST_ENTRIES, MAX_OBJECT_KEYS};

/// Converts a JS value made of plain objects, arrays, strings, numbers,
/// booleans, `null` and `undefined`; anything else is an error naming
/// what it met (never the value itself).
pub(super) fn value_from_js(v: &JsValue) -> Result<Value, String> {
    convert(v, 0)
}

fn convert(v: &JsValue, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err("nested too deeply".into());
    }
    if v.is_undefined() || v.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if Array::is_array(v) {
        let array: &Array = v.unchecked_ref();
        let len = (array.length() as usize).min(MAX_LIST_ENTRIES + 1);
        let mut items = Vec::with_capacity(len.min(64));
        for i in 0..len {
            items.push(convert(&array.get(i as u32), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if v.is_object() && !v.is_function() {
        let keys = Object::keys(v.unchecked_ref::<Object>());
        let len = (keys.length() as usize).min(MAX_OBJECT_KEYS + 1);
        let mut entries = Vec::with_capacity(len.min(64));
        for i in 0..len {
            let key = keys.get(i as u32);
            let Some(name) = key.as_string() else { continue };
            // A getter may throw: that is a malformed object, not a panic.
            let item = Reflect::get(v, &key)
                .map_err(|_| "a property could not be read".to_string())?;
            entries.push((name, convert(&item, depth + 1)?));
        }
        return Ok(Value::Object(entries));
    }
    Err(if v.is_function() {
        "a function".into()
    } else if v.is_symbol() {
        "a symbol".into()
    } else if v.is_bigint() {
        "a bigint".into()
    } else {
        "an unsupported value".into()
    })
}
