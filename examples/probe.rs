fn main() {
    let f = promptfence::Filter::new(promptfence::Policy::default()).unwrap();
    for t in std::env::args().skip(1) {
        let r = f.session().screen_prompt(&t);
        println!("{:?} risk={} {:?}", r.verdict, r.risk, r.findings);
    }
}
