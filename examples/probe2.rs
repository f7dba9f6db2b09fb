fn main() {
    let f = promptfence::Filter::new(promptfence::Policy::default()).unwrap();
    for t in std::env::args().skip(1) {
        println!(
            "win {:?}",
            promptfence::__private::candidates(&f, &t, false)
        );
        println!("all {:?}", promptfence::__private::candidates(&f, &t, true));
    }
}
