//! wasm-bindgen tests of the JS binding (Node and headless Chromium).
#![cfg(target_arch = "wasm32")]
