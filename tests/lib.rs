//! Integration tests: one binary, one module per area. `corpus` finds
//! the shared dev corpus for the tests that read it.
mod actions;
mod architecture;
mod chat;
mod corpus;
mod evasion;
mod exfil;
mod foundation;
mod inject;
mod injection_model;
mod names;
mod names_data;
mod names_tagger;
mod names_tagger_stream;
mod pathological;
mod pii;
mod policy;
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod response;
mod rules;
mod secret_draws;
mod secrets;
mod vocabulary;
