//! One conversation: a compiled [`Filter`] plus this conversation's vault
//! of pseudonyms and the canaries it minted. The JS class of the same
//! name wraps exactly this.
//!
//! It sits above both screening directions: prompts go through the
//! filter's pipeline (`filter`), responses through `response`, which gets
//! the filter, the vault and the canaries lent by
//! [`PromptFilter::response_context`]. Neither of them knows this module.

use std::cell::RefCell;

use crate::digest;
use crate::error::Error;
use crate::filter::Filter;
use crate::policy::{Policy, Value};
use crate::report::{AuditRecord, ScreenResult};
use crate::response::{self, ResponseContext, ResponseScanner};
use crate::vault::Vault;

/// How many compiled policies [`PromptFilter::from_value`] keeps (a new
/// one replaces the oldest).
pub const COMPILED_CACHE: usize = 8;

/// Compiled filters (found by their canonical policy), and the slot the
/// next one goes to.
type Compiled = ([Option<Filter>; COMPILED_CACHE], usize);

thread_local! {
    static COMPILED: RefCell<Compiled> =
        const { RefCell::new(([const { None }; COMPILED_CACHE], 0)) };
}

/// A prompt filter for one conversation: a compiled [`Filter`] (shared)
/// plus the vault of pseudonyms and the canaries of this conversation.
#[derive(Clone, Debug)]
pub struct PromptFilter {
    filter: Filter,
    vault: Vault,
    canaries: Vec<String>,
}

impl PromptFilter {
    /// A new conversation screened by `filter`, with an empty vault.
    pub fn new(filter: &Filter) -> PromptFilter {
        PromptFilter {
            filter: filter.clone(),
            vault: Vault::new(),
            canaries: Vec::new(),
        }
    }

    /// Compiles `policy` and starts a conversation with it.
    ///
    /// # Errors
    ///
    /// As [`Filter::new`].
    pub fn with_policy(policy: Policy) -> Result<PromptFilter, Error> {
        Ok(PromptFilter::new(&Filter::new(policy)?))
    }

    /// Compiles the policy `value` and starts a conversation with it.
    /// Conversations with the same policy (same canonical form) share one
    /// compiled filter: the last 8 policies (`COMPILED_CACHE`) stay
    /// compiled, so a new conversation costs its vault and a hash key,
    /// not a compile (about 620 KB of rules and automata).
    ///
    /// # Errors
    ///
    /// As [`Policy::from_value`] and [`Filter::new`].
    pub fn from_value(value: &Value) -> Result<PromptFilter, Error> {
        let policy = Policy::from_value(value)?;
        let hit = COMPILED.with(|c| {
            let c = c.borrow();
            let mut slots = c.0.iter().flatten();
            slots.find(|f| f.policy().canonical == policy.canonical).cloned()
        });
        let filter = match hit {
            Some(f) => f.with_fresh_key()?,
            None => {
                let f = Filter::new(policy)?;
                COMPILED.with(|c| {
                    let (slots, next) = &mut *c.borrow_mut();
                    slots[*next % COMPILED_CACHE] = Some(f.clone());
                    *next += 1;
                });
                f
            }
        };
        Ok(PromptFilter::new(&filter))
    }

    /// The compiled filter.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The vault of pseudonyms.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The vault, for import.
    pub fn vault_mut(&mut self) -> &mut Vault {
        &mut self.vault
    }

    /// Canary markers minted by [`PromptFilter::canary`], then the
    /// policy's.
    pub fn canaries(&self) -> impl Iterator<Item = &str> {
        let policy = &self.filter.policy().response.canaries;
        self.canaries.iter().chain(policy).map(String::as_str)
    }

    /// Screens a user prompt: detects, applies actions, scores injection.
    pub fn screen_prompt(&mut self, text: &str) -> ScreenResult {
        self.filter.screen_prompt(text, &mut self.vault)
    }

    /// [`PromptFilter::screen_prompt`] of a text the caller gives up:
    /// the screened text is made in its buffer (the binding's long
    /// prompts).
    #[cfg_attr(not(feature = "wasm"), allow(dead_code))]
    pub(crate) fn screen_prompt_owned(
        &mut self,
        text: String,
    ) -> ScreenResult {
        self.filter.screen_prompt_owned(text, &mut self.vault)
    }

    /// Screens content the model will read but the user did not write:
    /// tool and function output, web pages, e-mails, retrieved chunks.
    pub fn screen_context(&mut self, text: &str) -> ScreenResult {
        self.filter.screen_context(text, &mut self.vault)
    }

    /// Screens a model response: restores pseudonyms, applies the output
    /// policy and the response checks.
    pub fn screen_response(&mut self, text: &str) -> ScreenResult {
        response::screen(&mut self.response_context(), text)
    }

    /// A scanner for a streamed response; feed it with
    /// [`ResponseScanner::push`] and [`ResponseScanner::finish`], lending
    /// [`PromptFilter::response_context`] each time.
    pub fn response_scanner(&self) -> ResponseScanner {
        ResponseScanner::new()
    }

    /// What response screening needs of this conversation: the filter,
    /// the vault and the canaries.
    pub fn response_context(&mut self) -> ResponseContext<'_> {
        ResponseContext::new(&self.filter, &mut self.vault, &self.canaries)
    }

    /// Replaces vault tokens in `text` with their values; over the bound
    /// of [`PromptFilter::try_restore`], returns `text` as given.
    pub fn restore(&self, text: &str) -> String {
        self.try_restore(text).unwrap_or_else(|_| text.to_string())
    }

    /// Replaces vault tokens in `text` with their values.
    ///
    /// # Errors
    ///
    /// A limit error (path `restore`) when the restored text would be
    /// longer than `limits.maxInputBytes` (UTF-8 bytes; 16 MiB by
    /// default), the most a prompt may hold: nothing is built then.
    pub fn try_restore(&self, text: &str) -> Result<String, Error> {
        if self.vault.restored_len(text) > self.filter.policy().max_input_bytes
        {
            return Err(Error::limit("restore", "over limits.maxInputBytes"));
        }
        Ok(self.vault.restore(text))
    }

    /// A fresh random marker to embed in a system prompt; a response that
    /// echoes it is blocked.
    ///
    /// # Errors
    ///
    /// When no randomness source is available.
    pub fn canary(&mut self) -> Result<String, Error> {
        let bytes = crate::random::bytes(8)?;
        let c = format!("pf-canary-{}", digest::hex(&bytes));
        self.canaries.push(c.clone());
        Ok(c)
    }

    /// A privacy-safe summary of a result, fit for logs.
    pub fn audit(&self, result: &ScreenResult) -> AuditRecord {
        AuditRecord::of(result, self.filter.policy().fingerprint())
    }
}
