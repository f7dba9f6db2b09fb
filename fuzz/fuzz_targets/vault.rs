//! Vault import/restore with any entries: no panic, imported tokens look
//! up to their values, and a restored response never holds a token that
//! the vault knows. Input: entries separated by 0x00, fields by 0x01
//! (token, value, type); after a 0x02 byte, the text to restore and to
//! screen as a response. Filters are compiled once.
#![no_main]
use libfuzzer_sys::fuzz_target;
use promptfence::{PromptFilter, Vault, VaultEntry};

mod common;
use common::{check_result, FILTERS, SEED_PROMPT};

fuzz_target!(|data: &[u8]| {
    let (dump, text) = match data.iter().position(|&b| b == 2) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let text = String::from_utf8_lossy(text).into_owned();
    let entries: Vec<VaultEntry> = dump
        .split(|&b| b == 0)
        .filter(|e| !e.is_empty())
        .map(|e| {
            let mut f = e.split(|&b| b == 1);
            let mut next = || {
                String::from_utf8_lossy(f.next().unwrap_or(b"")).into_owned()
            };
            VaultEntry { token: next(), value: next(), type_name: next() }
        })
        .collect();
    let offered = entries.len();

    let mut v = Vault::new();
    let added = v.import(entries.clone());
    assert!(added <= offered);
    assert_eq!(v.len(), added);
    for e in v.entries() {
        assert_eq!(v.lookup(&e.token), Some(e.value.as_str()));
    }
    let _ = v.restore(&text);
    // Importing the same dump again adds nothing.
    assert_eq!(v.import(entries.clone()), 0);

    FILTERS.with(|filters| {
        let mut chat = PromptFilter::new(&filters[data.len() & 1]);
        let _ = chat.screen_prompt(SEED_PROMPT);
        let _ = chat.vault_mut().import(entries);
        let restored = chat.restore(&text);
        let _ = chat.restore(&restored);
        let r = chat.screen_response(&text);
        check_result(&text, &r);
        // Tokens the vault minted itself keep working after an import.
        let p = chat.screen_prompt("write to bob@example.org please");
        let _ = chat.restore(&p.text);
    });
});
