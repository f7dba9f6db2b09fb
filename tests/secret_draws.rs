//! Every rule whose format names itself (validator `prefixed`: a vendor
//! prefix, infix or suffix such as `AKIA`, `ghp_`, `xoxb-`, `NRAL`) finds
//! every key its documented shape allows. The test draws random keys from
//! each rule's own pattern (its regex is the documented alphabet and
//! length), also keys whose free characters are all letters or all digits,
//! and requires each one found with the rule's type at its exact span.
//! A floor on entropy or on character classes would fail here: only
//! placeholder markers may turn such a key down.

use promptfence::__private;
use promptfence::{Filter, Kind, Policy, PromptFilter};
use regex_syntax::hir::{Class, Hir, HirKind};

/// Which characters a draw takes from a class, where the class has some.
#[derive(Clone, Copy, Debug)]
enum Mode {
    Any,
    Letters,
    Digits,
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// The printable ASCII characters of a class (and a blank, for classes
/// of separators), in `mode` when the class has such characters.
fn members(class: &Class, mode: Mode) -> Vec<char> {
    let all: Vec<char> = match class {
        Class::Unicode(c) => (' '..='~')
            .filter(|ch| {
                c.ranges().iter().any(|r| r.start() <= *ch && *ch <= r.end())
            })
            .collect(),
        Class::Bytes(c) => (b' '..=b'~')
            .filter(|b| {
                c.ranges().iter().any(|r| r.start() <= *b && *b <= r.end())
            })
            .map(char::from)
            .collect(),
    };
    let pick: Vec<char> = match mode {
        Mode::Any => all.clone(),
        Mode::Letters => {
            all.iter().copied().filter(char::is_ascii_alphabetic).collect()
        }
        Mode::Digits => {
            all.iter().copied().filter(char::is_ascii_digit).collect()
        }
    };
    if pick.is_empty() {
        all
    } else {
        pick
    }
}

/// Appends a random string of `hir` to `out`; records where capture
/// group 1 starts and ends. Outside group 1 every draw is `Any`, but a
/// class that takes a blank gives a blank (separators around the key).
fn draw(
    hir: &Hir,
    mode: Mode,
    inside: bool,
    rng: &mut Rng,
    out: &mut String,
    group: &mut (usize, usize),
) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => {
            out.push_str(&String::from_utf8_lossy(&lit.0))
        }
        HirKind::Class(class) => {
            let m = if inside { mode } else { Mode::Any };
            let chars = members(class, m);
            if !inside && chars.contains(&' ') {
                out.push(' ');
            } else if !chars.is_empty() {
                out.push(chars[rng.below(chars.len())]);
            }
        }
        HirKind::Repetition(rep) => {
            let min = rep.min as usize;
            let max = rep.max.map_or(min + 8, |m| m as usize);
            let n = if inside { min + rng.below(max - min + 1) } else { min };
            for _ in 0..n {
                draw(&rep.sub, mode, inside, rng, out, group);
            }
        }
        HirKind::Capture(cap) => {
            let one = cap.index == 1;
            if one {
                group.0 = out.len();
            }
            draw(&cap.sub, mode, inside || one, rng, out, group);
            if one {
                group.1 = out.len();
            }
        }
        HirKind::Concat(subs) => {
            for s in subs {
                draw(s, mode, inside, rng, out, group);
            }
        }
        HirKind::Alternation(subs) => {
            // Outside the key, the first branch (`^`/`$` in boundary
            // groups draws nothing, and the key stays at the edge).
            let i = if inside { rng.below(subs.len()) } else { 0 };
            draw(&subs[i], mode, inside, rng, out, group);
        }
    }
}

#[test]
fn random_keys_of_every_self_naming_format_are_found() {
    let filter = Filter::new(Policy::default()).expect("default policy");
    let patterns: std::collections::HashMap<_, _> =
        __private::builtin_patterns().into_iter().collect();
    let types: std::collections::HashMap<_, _> = __private::builtin_examples()
        .into_iter()
        .map(|e| (e.0, e.1))
        .collect();
    let mut rng = Rng(0x5EED_2026_0015_0001);
    let (mut rules, mut draws, mut failures) = (0, 0, Vec::new());
    for (id, validator) in __private::builtin_validators() {
        if validator != "prefixed" {
            continue;
        }
        rules += 1;
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&patterns[id])
            .unwrap_or_else(|e| panic!("rule {id}: {e}"));
        for mode in [Mode::Any, Mode::Letters, Mode::Digits] {
            for _ in 0..12 {
                let mut text = String::from("value ");
                let mut group = (0, 0);
                draw(&hir, mode, false, &mut rng, &mut text, &mut group);
                text.push_str(" \n");
                draws += 1;
                let found = PromptFilter::new(&filter)
                    .screen_prompt(&text)
                    .findings
                    .into_iter()
                    .any(|f| {
                        f.kind == Kind::Secret
                            && f.type_name == types[id]
                            && f.span.start <= group.0
                            && group.1 <= f.span.end
                    });
                if !found {
                    failures.push(format!(
                        "{id} ({mode:?}): {:?}",
                        &text[group.0..group.1]
                    ));
                }
            }
        }
    }
    assert!(rules >= 100, "only {rules} self-naming rules");
    assert!(
        failures.is_empty(),
        "{} of {draws} draws missed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
