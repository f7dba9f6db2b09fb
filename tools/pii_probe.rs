//! Prints the findings for each argument (debugging aid for rule authors).
fn main() {
    let f = promptfence::Filter::new(promptfence::Policy::default()).unwrap();
    for a in std::env::args().skip(1) {
        let mut s = promptfence::PromptFilter::new(&f);
        let r = s.screen_prompt(&a);
        for x in &r.findings {
            println!("{:?} {:?} -> {:?}", a, x, x.replacement);
        }
        println!("{:?} => {:?}", a, r.text);
    }
}
