//! The JS binding: the only module that knows wasm-bindgen and js-sys.
//!
//! Each method converts arguments, calls the engine, converts the result.
//! Spans become UTF-16 code units here. Errors become JS `Error` objects
//! whose `name` is `PolicyError`, `LimitError`, `StateError` or `DataError` and which
//! carry the policy key `path`.

mod types;
mod value;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::policy::Value;
use crate::report::{ScreenResult, CONTEXT_SOURCES};
use crate::response::ResponseScanner as CoreScanner;
use crate::session::PromptFilter as Conversation;

use types::{to_js, AuditOut, ScreenResultIn, ScreenResultOut, VaultDump};
use value::value_from_js;

fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    err.set_name(e.name());
    let _ = js_sys::Reflect::set(&err, &"path".into(), &e.path().into());
    err.into()
}

/// Wasm memory a call needs before it starts: a fixed floor plus
/// `PER_BYTE` per UTF-8 byte of input. The measured peak of
/// `screenPrompt` on 16 MiB inputs was 11 bytes per byte on prose and 23
/// on text dense with names (bench: wasm memory growth, before the
/// check existed).
const FLOOR: usize = 4 << 20;
const PER_BYTE: usize = 32;

fn out_of_memory() -> JsValue {
    js_error(&Error::limit(
        "memory",
        "out of wasm memory: free() unused filters",
    ))
}

/// Makes sure about `FLOOR + PER_BYTE * bytes` of memory can be had
/// before a call starts, by allocating it once (growing wasm memory if
/// needed) and giving it back: when memory is short the call fails with
/// a `LimitError` at path `memory` instead of trapping the module, and
/// every filter stays usable.
fn room(bytes: usize) -> Result<(), JsValue> {
    let need = bytes.saturating_mul(PER_BYTE).saturating_add(FLOOR);
    let mut probe: Vec<u8> = Vec::new();
    if probe.try_reserve_exact(need).is_err() {
        return Err(out_of_memory());
    }
    // Keep the optimizer from dropping the allocation.
    std::hint::black_box(probe.as_ptr());
    Ok(())
}

/// The string in `v`, or `None` when `v` is not a string, after `room`
/// for screening it.
fn string_arg(v: &JsValue) -> Result<Option<String>, JsValue> {
    let s = v.as_string();
    room(s.as_ref().map_or(0, String::len))?;
    Ok(s)
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// `options.source` of `screenContext`: one of [`CONTEXT_SOURCES`],
/// `"other"` when absent.
fn context_source(options: &JsValue) -> Result<&'static str, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok("other");
    }
    if !options.is_object() {
        return Err(type_error("screenContext: options must be an object"));
    }
    let v = js_sys::Reflect::get(options, &"source".into())
        .unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() {
        return Ok("other");
    }
    let name = v.as_string().unwrap_or_default();
    CONTEXT_SOURCES.iter().find(|s| **s == name).copied().ok_or_else(|| {
        let mut m =
            String::from("screenContext: options.source must be one of");
        for (i, s) in CONTEXT_SOURCES.iter().enumerate() {
            m.push_str(if i == 0 { " " } else { ", " });
            m.push_str(s);
        }
        type_error(&m)
    })
}

/// A prompt filter for one conversation: compiled policy + vault. Wraps
/// the crate's `PromptFilter`, which the scanners it makes share.
#[wasm_bindgen]
#[derive(Debug)]
pub struct PromptFilter {
    session: Rc<RefCell<Conversation>>,
    /// A long prompt's UTF-8, which `api.js` encodes straight into wasm
    /// memory (`inputView`) and `screenPromptInput` then screens and
    /// frees: no copy of the prompt in JS first (10 MB for a 10 MiB
    /// prompt).
    input: RefCell<Vec<u8>>,
}

#[wasm_bindgen]
impl PromptFilter {
    /// Compiles `policy` (a plain object; optional).
    #[wasm_bindgen(constructor)]
    pub fn new(policy: JsValue) -> Result<PromptFilter, JsValue> {
        room(0)?;
        let value: Value = if policy.is_undefined() || policy.is_null() {
            Value::Null
        } else {
            value_from_js(&policy).map_err(|e| {
                js_error(&Error::policy(
                    "policy",
                    format!("not a plain object: {}", e),
                ))
            })?
        };
        let session =
            Conversation::from_value(&value).map_err(|e| js_error(&e))?;
        Ok(PromptFilter {
            session: Rc::new(RefCell::new(session)),
            input: RefCell::default(),
        })
    }

    /// Screens a user prompt.
    #[wasm_bindgen(js_name = screenPrompt)]
    pub fn screen_prompt(&self, text: JsValue) -> Result<JsValue, JsValue> {
        let s = string_arg(&text)?
            .ok_or_else(|| type_error("screenPrompt expects a string"))?;
        let result = self.session.borrow_mut().screen_prompt(&s);
        to_js(&ScreenResultOut::new(&s, &result).with_input(&s, &text))
    }

    /// `len` more bytes of room after the first `keep` bytes of the
    /// input buffer (zeroed), as a view of wasm memory into which `api.js`
    /// encodes a long prompt (`TextEncoder.encodeInto`): the platform's
    /// encoder is far faster than the generated glue's per-character
    /// loop, and writing into wasm memory needs no JS copy first. The
    /// view is valid until the next call into wasm (a call may grow the
    /// memory, which detaches it): `api.js` uses it at once.
    #[wasm_bindgen(js_name = inputView, skip_typescript)]
    pub fn input_view(
        &self,
        keep: usize,
        len: usize,
    ) -> Result<js_sys::Uint8Array, JsValue> {
        let mut buf = self.input.borrow_mut();
        buf.truncate(keep);
        let keep = buf.len();
        if buf.try_reserve_exact(len).is_err() {
            *buf = Vec::new();
            return Err(out_of_memory());
        }
        buf.resize(keep + len, 0);
        let tail = buf.get_mut(keep..).unwrap_or_default();
        // SAFETY: the view covers exactly `tail`, bytes the buffer owns
        // (initialized above). Nothing reallocates or frees the buffer
        // until the next `inputView` or `screenPromptInput` call, and JS
        // writes through the view only before making another call.
        Ok(unsafe { js_sys::Uint8Array::view(tail) })
    }

    /// `screenPrompt` of the first `len` bytes of the input buffer (the
    /// prompt `api.js` encoded through `inputView`); frees the buffer.
    #[wasm_bindgen(js_name = screenPromptInput, skip_typescript)]
    pub fn screen_prompt_input(&self, len: usize) -> Result<JsValue, JsValue> {
        let mut bytes = self.input.take();
        bytes.truncate(len);
        room(bytes.len())?;
        let text = String::from_utf8(bytes)
            .map_err(|_| type_error("screenPrompt expects a string"))?;
        if text.is_ascii() {
            // Offsets in UTF-16 units are the byte offsets: the text is
            // not needed after the screen, which makes the screened text
            // in its buffer (no second copy of a long prompt in wasm
            // memory, docs/PERFORMANCE.md "mem40").
            let n = text.len();
            let result = self.session.borrow_mut().screen_prompt_owned(text);
            return to_js(&ScreenResultOut::ascii(n, &result));
        }
        let result = self.session.borrow_mut().screen_prompt(&text);
        to_js(&ScreenResultOut::new(&text, &result))
    }

    /// Screens content the model will read but the user did not write
    /// (tool or function output, a web page, an e-mail, a retrieved
    /// chunk). `options.source` names where it came from; the result
    /// carries it back.
    #[wasm_bindgen(js_name = screenContext, skip_typescript)]
    pub fn screen_context(
        &self,
        text: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let s = string_arg(&text)?
            .ok_or_else(|| type_error("screenContext expects a string"))?;
        let source = context_source(&options)?;
        let result = self.session.borrow_mut().screen_context(&s);
        let out =
            to_js(&ScreenResultOut::new(&s, &result).with_input(&s, &text))?;
        let _ = js_sys::Reflect::set(&out, &"source".into(), &source.into());
        Ok(out)
    }

    /// Screens a complete model response.
    #[wasm_bindgen(js_name = screenResponse)]
    pub fn screen_response(&self, text: JsValue) -> Result<JsValue, JsValue> {
        let s = string_arg(&text)?
            .ok_or_else(|| type_error("screenResponse expects a string"))?;
        let result = self.session.borrow_mut().screen_response(&s);
        to_js(&ScreenResultOut::new(&s, &result).with_input(&s, &text))
    }

    /// Replaces vault tokens with the original values.
    pub fn restore(&self, text: JsValue) -> Result<String, JsValue> {
        let text = string_arg(&text)?
            .ok_or_else(|| type_error("restore expects a string"))?;
        self.session.borrow().try_restore(&text).map_err(|e| js_error(&e))
    }

    /// A privacy-safe summary of a screening result.
    pub fn audit(&self, out: JsValue) -> Result<JsValue, JsValue> {
        let input = value_from_js(&out)
            .ok()
            .and_then(|v| ScreenResultIn::from_value(&v))
            .ok_or_else(|| {
                type_error(
                    "audit expects a result of screenPrompt or screenResponse",
                )
            })?;
        let result: ScreenResult = input.into_result();
        let audit = self.session.borrow().audit(&result);
        to_js(&AuditOut::from(&audit))
    }

    /// A fresh random canary marker for a system prompt.
    pub fn canary(&self) -> Result<String, JsValue> {
        self.session.borrow_mut().canary().map_err(|e| js_error(&e))
    }

    /// A streaming response scanner sharing this filter's vault.
    #[wasm_bindgen(js_name = responseScanner)]
    pub fn response_scanner(&self) -> ResponseScanner {
        ResponseScanner {
            session: self.session.clone(),
            inner: CoreScanner::new(),
            carry: None,
            empty: js_sys::JsString::from(""),
        }
    }

    /// The vault as a plain object `{version, entries}`. It holds the
    /// original values: store it only where the chat itself is stored.
    #[wasm_bindgen(js_name = exportVault)]
    pub fn export_vault(&self) -> Result<JsValue, JsValue> {
        to_js(&VaultDump::from(self.session.borrow().vault()))
    }

    /// Adds entries from `exportVault()`; returns how many were added.
    #[wasm_bindgen(js_name = importVault)]
    pub fn import_vault(&self, dump: JsValue) -> Result<u32, JsValue> {
        let dump = value_from_js(&dump)
            .ok()
            .and_then(|v| VaultDump::from_value(&v))
            .ok_or_else(|| {
                type_error(
                    "importVault expects the object exportVault returned",
                )
            })?;
        let entries = dump.into_entries().map_err(|m| type_error(&m))?;
        Ok(self.session.borrow_mut().vault_mut().import(entries) as u32)
    }

    /// Number of detection rules compiled into this filter.
    #[wasm_bindgen(getter, js_name = ruleCount)]
    pub fn rule_count(&self) -> u32 {
        self.session.borrow().filter().rules_len() as u32
    }
}

/// Incremental response screening; see `PromptFilter.responseScanner()`.
///
/// `push(chunk)` returns the text safe to show now, `finish()` the rest;
/// `push` after `finish` (or after a block) returns `""`. A chunk that
/// ends inside a surrogate pair is completed by the next one (the high
/// surrogate waits in the scanner), so splitting a JS string anywhere is
/// safe.
#[wasm_bindgen]
#[derive(Debug)]
pub struct ResponseScanner {
    session: Rc<RefCell<Conversation>>,
    inner: CoreScanner,
    /// A high surrogate that ended the previous chunk.
    carry: Option<u16>,
    /// `""` as a JS string, made once: most pushes show nothing, and
    /// returning it skips a decode and a free across the boundary.
    empty: js_sys::JsString,
}

impl ResponseScanner {
    /// The chunk as Rust text, with the carried high surrogate in front
    /// and a high surrogate at its end carried to the next chunk; a lone
    /// surrogate reads as U+FFFD. The string crosses the boundary in one
    /// copy (the platform's encoder, which also writes U+FFFD for a lone
    /// surrogate), not a call per UTF-16 unit.
    ///
    /// PERF: out of line: a push with nothing to carry (most) does not
    /// compile it (issue 16, the first push).
    #[inline(never)]
    fn take_chunk(&mut self, chunk: &JsValue) -> Result<String, JsValue> {
        let Some(js) = chunk.dyn_ref::<js_sys::JsString>() else {
            return Err(type_error("push expects a string"));
        };
        Ok(self.take_units(js))
    }

    fn take_units(&mut self, js: &js_sys::JsString) -> String {
        let unit = |i: u32| js.char_code_at(i) as u32;
        let len = js.length();
        let mut out = String::new();
        let mut from = 0;
        if let Some(high) = self.carry.take() {
            if len == 0 {
                self.carry = Some(high);
                return out;
            }
            let low = unit(0);
            if (0xDC00..0xE000).contains(&low) {
                let c = 0x10000
                    + ((u32::from(high) - 0xD800) << 10)
                    + (low - 0xDC00);
                out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                from = 1;
            } else {
                out.push('\u{FFFD}');
            }
        }
        let mut end = len;
        if end > from {
            let last = unit(end - 1);
            if (0xD800..0xDC00).contains(&last) {
                self.carry = Some(last as u16);
                end -= 1;
            }
        }
        if end > from {
            let rest = if from == 0 && end == len {
                js.as_string()
            } else {
                js.slice(from, end).as_string()
            };
            let rest = rest.unwrap_or_default();
            if out.is_empty() {
                return rest;
            }
            out.push_str(&rest);
        }
        out
    }
}

#[wasm_bindgen]
impl ResponseScanner {
    /// Adds a chunk; returns the text safe to show now.
    pub fn push(
        &mut self,
        chunk: JsValue,
    ) -> Result<js_sys::JsString, JsValue> {
        // PERF: one call across the boundary for a chunk with nothing
        // to carry: a string that does not end with U+FFFD (what the
        // encoder writes for a lone surrogate) ended with no high
        // surrogate. Otherwise the chunk is read unit by unit below.
        let fast = match chunk.as_string() {
            Some(s) if self.carry.is_none() && !s.ends_with('\u{FFFD}') => {
                Some(s)
            }
            _ => None,
        };
        let chunk = match fast {
            Some(s) => s,
            None => self.take_chunk(&chunk)?,
        };
        let mut session = self.session.borrow_mut();
        let out = self.inner.push(&mut session.response_context(), &chunk);
        // PERF: most 64-char pushes return nothing (the scanner waits
        // for a re-screen step): the cached `""`, not a new string.
        Ok(if out.is_empty() {
            self.empty.clone()
        } else {
            js_sys::JsString::from(out)
        })
    }

    /// Ends the stream; returns the rest.
    pub fn finish(&mut self) -> String {
        let mut session = self.session.borrow_mut();
        let mut cx = session.response_context();
        let mut out = String::new();
        if let Some(u) = self.carry.take() {
            out = self.inner.push(&mut cx, &String::from_utf16_lossy(&[u]));
        }
        out.push_str(&self.inner.finish(&mut cx));
        out
    }

    /// Findings so far; offsets are UTF-16 units into the joined input.
    #[wasm_bindgen(getter)]
    pub fn findings(&self) -> Result<JsValue, JsValue> {
        Ok(types::findings_out_spans(
            self.inner.findings(),
            self.inner.utf16_spans(),
        ))
    }

    /// `"allow"`, `"redact"` or `"block"` so far.
    #[wasm_bindgen(getter)]
    pub fn verdict(&self) -> String {
        self.inner.verdict().as_str().to_string()
    }
}

/// Installs the large names data (the bytes of `names-data.bin`) for
/// filters compiled afterwards whose policy sets `pii.names:
/// "large"`; returns its number of entries. Given the large injection
/// model (`injection-model.bin`, told apart by its magic) it installs
/// that and returns its number of buckets: one export for the package's
/// `loadNamesData()` and `loadInjectionModel()` (which checks the magic
/// first), ~150 B smaller gzipped than two. A `DataError` when the bytes
/// are not a valid file.
#[wasm_bindgen(js_name = loadNamesDataBytes, skip_typescript)]
pub fn load_names_data_bytes(bytes: &[u8]) -> Result<JsValue, JsValue> {
    if crate::filter::is_injection_model(bytes) {
        return crate::filter::load_injection_model(bytes)
            .map(|n| JsValue::from(n as u32))
            .map_err(|e| js_error(&e));
    }
    crate::filter::load_names_data(bytes)
        .map(|info| JsValue::from(info.entries as u32))
        .map_err(|e| js_error(&e))
}

/// The module's allocator: talc instead of std's dlmalloc, 2.4 KB smaller
/// gzipped (docs/PERFORMANCE.md, size24). It takes wasm memory with
/// `memory.grow` as dlmalloc does, and fails an allocation (null, so
/// `room`'s `try_reserve_exact` reports it) when memory cannot grow.
/// Single-threaded wasm only: a build with atomics keeps dlmalloc.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc =
    talc::wasm::new_wasm_dynamic_allocator();
