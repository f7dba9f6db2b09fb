//! Integration tests: one binary, one module per area.
mod actions;
mod architecture;
mod foundation;
mod inject;
mod names;
mod pii;
mod policy;
#[cfg(not(target_arch = "wasm32"))]
mod props;
mod response;
mod rules;
mod secrets;
mod vocabulary;
