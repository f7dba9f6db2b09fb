//! One conversation: a compiled [`Filter`] plus this conversation's vault
//! of pseudonyms and the canaries it minted. The JS class of the same
//! name wraps exactly this.
//!
//! It sits above both screening directions: prompts go through the
//! filter's pipeline (`filter`), responses through `response`, which gets
//! the filter, the vault and the canaries lent by
//! [`PromptFilter::response_context`]. Neither of them knows this module.

use crate::digest;
use crate::error::Error;
use crate::filter::Filter;
use crate::policy::Policy;
use crate::report::{AuditRecord, ScreenResult};
use crate::response::{self, ResponseContext, ResponseScanner};
use crate::vault::Vault;

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

    /// Replaces vault tokens in `text` with their values.
    pub fn restore(&self, text: &str) -> String {
        self.vault.restore(text)
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
