//! Cue words: the words injections are made of, by what they do
//! (override, point back, name the rules, address the AI, ask to reveal,
//! name a secret, set up a persona, lift restrictions, …), in the
//! languages the phrase rules cover.
//!
//! The classifier sees how many words of each cue class a text has and
//! which cue classes follow each other ("ignore · previous ·
//! instructions" is OVERRIDE · PRIOR · RULES, in any language and with
//! any synonym). Byte and word n-grams learn the style of the sources a
//! model was trained on; cue classes are what carries over to sources it
//! never saw (leave-one-source-out evaluation, `tools/train_injection.rs`).
//!
//! `WORDS` is data: one space-separated list per class, folded as the
//! normalizer folds (lowercase; Latin-1 accents dropped; checked by a
//! test), looked up through a map built on first use.

/// Cue classes, one bit each, in the order of [`WORDS`] (the tests name
/// them; the classifier only needs the order).
#[cfg(test)]
mod class {
    pub const OVERRIDE: u32 = 1 << 0;
    pub const PRIOR: u32 = 1 << 1;
    pub const RULES: u32 = 1 << 2;
    pub const AI: u32 = 1 << 3;
    pub const REVEAL: u32 = 1 << 4;
    pub const SECRET: u32 = 1 << 5;
    pub const PERSONA: u32 = 1 << 6;
    pub const UNBOUND: u32 = 1 << 7;
    pub const ETHICS: u32 = 1 << 8;
    pub const COMPEL: u32 = 1 << 9;
    pub const EXFIL: u32 = 1 << 10;
    pub const NEW: u32 = 1 << 11;
    pub const HARM: u32 = 1 << 12;
    pub const YOU: u32 = 1 << 13;
    pub const REPLY: u32 = 1 << 14;
    pub const FRAME: u32 = 1 << 15;
    pub const ASSEMBLE: u32 = 1 << 16;
    pub const PROTECT: u32 = 1 << 17;
    pub const DETAIL: u32 = 1 << 18;
    pub const CODE: u32 = 1 << 19;
}

/// Index of the OVERRIDE class (ignore, forget, disregard) in [`WORDS`].
pub(crate) const OVERRIDE_INDEX: usize = 0;
/// Index of the PRIOR class (above, previous) in [`WORDS`].
pub(crate) const PRIOR_INDEX: usize = 1;
/// Index of the RULES class (instructions, question, command) in
/// [`WORDS`].
pub(crate) const RULES_INDEX: usize = 2;
/// Index of the HARM class (harmful topics) in [`WORDS`].
pub(crate) const HARM_INDEX: usize = 12;
/// Index of the PERSONA class (role-play) in [`WORDS`].
pub(crate) const PERSONA_INDEX: usize = 6;
/// Index of the FRAME class (fiction, hypotheticals) in [`WORDS`].
pub(crate) const FRAME_INDEX: usize = 15;
/// Index of the ASSEMBLE class (put pieces together) in [`WORDS`].
pub(crate) const ASSEMBLE_INDEX: usize = 16;

/// Index of the PROTECT class (a harm named to guard against it) in
/// [`WORDS`].
pub(crate) const PROTECT_INDEX: usize = 17;

/// Index of the DETAIL class (a request for operational detail) in [`WORDS`].
pub(crate) const DETAIL_INDEX: usize = 18;

/// Number of cue classes.
pub(crate) const CLASSES: usize = 20;

/// The words of each cue class, in class-bit order, space-separated.
/// A word may stand in more than one class.
pub(crate) static WORDS: [&str; CLASSES] = [
    // OVERRIDE
    "bypass cancel cancelled dimentica discard disregard esqueca forget ignora ignore ignorer ignorez ignoriere negeer olvida oublie override vergiss забудь игнорируй अनदेखा 忽略 忽视 忽視 无视 無視 跳过 跳過 忘记 忘記 忘れ 무시",
    // PRIOR
    "above anterioare anterior anteriores before bisherigen dessus earlier initial original precedentes precedenti preceding previous prior vorherigen выше предыдущие أعلاه उपरोक्त ऊपर 上述 以上 上面 上記 前面 之前 先前 以前 上の 위의 이전",
    // RULES
    "anweisungen befehl befehle commands consignes constraints directives guidelines instrucciones instrucoes instructies instruction instructions instrukcje istruzioni programming prompt prompts regeln reglas regles regole rules инструкции правила 指令 指示 命令 提问 问题 問題 質問 规则 規則 질문 지시 명령",
    // AI
    "ai anthropic assistant bot chatbot chatgpt claude gemini gpt llm model openai system",
    // REVEAL
    "disclose display dump leak output print recite repeat reveal verbatim 输出 輸出 出力 重复 重複 繰り 打印 출력 반복",
    // SECRET
    "confidential credentials hidden internal password passwords prompt secret system token",
    // PERSONA
    "act character dan developer impersonate mode persona pretend role roleplay simulate sudo",
    // UNBOUND
    "amoral dan evil free freed immoral jailbreak jailbroken sudo uncensored unethical unfiltered unlimited unrestricted without",
    // ETHICS
    "boundaries censored censorship constraints content ethical ethics filter filters guidelines limitations limits moral morals policies policy restrictions safety",
    // COMPEL
    "always apologise apologize disclaimer disclaimers must never obey refuse sorry",
    // EXFIL
    "append attacker exfiltrate forward http https leak send upload url",
    // NEW
    "directamente directement direkt instead new now task прямо مباشرة सीधे 直接 只需",
    // HARM
    "abuse anthrax arson assassinate assault bioweapon blackmail blackmailing bomb bombs botnet bribe bribery bully bullying caught cheating cocaine counterfeit counterfeiting ddos deepfake defamation defamatory defraud derogatory discriminatory disinformation dox doxx drugs enslave erotic evade evading exploit explosive explosives extort extremist fentanyl firearm fraud fraudulent genocide gun guns hack hacking harass harassment harm harmful hate heroin hijack hitman hoax homophobic illegal illegally illicit incite insult insulting intimidate intimidation keylogger kidnap kidnapping kill launder laundering lethal malware manipulative meth misinformation misogynistic murder napalm nazi nerve overdose pedophilia phishing pirated poison porn pornographic pornography propaganda racist ransom ransomware rape ricin robbing sabotage scam scamming sexist sexually shaming shoplift shoplifting slur slurs smuggle spyware stalk stalking steal suicidal suicide supremacist terror terrorist threatening torture trafficking trojan undetected untraceable violence violent weapon weapons xenophobic",
    // YOU
    "du tu usted vous you your youre yourself вы ты",
    // REPLY
    "answer chat conversation output reply respond response 回答 回复 回覆 答え 返答",
    // FRAME: fiction, hypotheticals and 'for educational purposes'
    "educational fiction fictional hypothetical hypothetically imagine imaginary novel purely purposes research scenario screenplay story",
    // ASSEMBLE: a request given in pieces to put together
    "assemble blend combine combined concatenate concatenated concatenation embed fuse incorporate integrate join joined merge resulting",
    // PROTECT: a harm talked about to spot it, prevent it or recover
    // from it ("the warning signs of grooming", "the effects of hate
    // speech"), not to do it
    "awareness consequences coping dangers effects heal healing prevent prevention prevented protect protected protecting protection protective recognise recognize recover recovery risks safely survivor survivors therapist therapy treatment victim victims",
    // DETAIL: a request for operational detail (with a harm word: how to
    // do the harm, not what it is)
    "blueprint detailed guide howto manual method methods procedure procedures recipe step steps tutorial walkthrough",
    // CODE: library calls that run commands, read secrets or send data
    // off the machine (a snippet planted for the assistant to pass on)
    "crontab ctypes environ ftplib getpass keylogger paramiko popen pynput rmtree scapy smtplib socket subprocess telnetlib urlopen",
];

/// Word lists of `features::lone_request` (one request line in a
/// document that shares no words with it: a planted task; issue 13,
/// inject27), looked up with the cue words: list `k` sets bit
/// `CLASSES + k` of a word's classes, which the cue counts and pairs
/// leave out ([`TASKS`] and the next are those bits).
pub(crate) static LONE: [&str; 5] = [
    // TASKS: words that open a task for an assistant ("Write …",
    // "Render your response in …", "Summarize …")
    "add analyze answer append begin calculate classify compose convert convey create decode describe draft elevate encode end ensure explain express format generate give include incorporate insert integrate list make mention modify name offer outline output present print produce provide recommend render repeat reply respond rewrite say share shift show start state suggest summarize tell translate use write",
    // ASKS: words that open a question when the line ends in `?`
    "are can could did do does how is should what when where which who why will would",
    // POINTERS: words that tie a request to the text around it or to
    // its writer ("Summarize the email below", "Can you send me the
    // file?"): a request with one of them is the user's or a person's
    "above article attached below code document email following here i it me message my our passage snippet table text these this us we",
    // LEADS: words a request may open with before its verb
    "also and kindly now please then",
    // SETUPS: words that open a role-play set-up ("Imagine you are
    // …"): a line opening with one is a request of the prompt's own
    "assume consider imagine let picture pretend remember suppose",
];
/// Bits of the [`LONE`] lists in a word's classes.
pub(crate) const TASKS: u32 = 1 << CLASSES;
pub(crate) const ASKS: u32 = 1 << (CLASSES + 1);
pub(crate) const POINTERS: u32 = 1 << (CLASSES + 2);
pub(crate) const LEADS: u32 = 1 << (CLASSES + 3);
pub(crate) const SETUPS: u32 = 1 << (CLASSES + 4);
const _: () = assert!(CLASSES + LONE.len() <= 32);

/// Word stems of some classes, in class-bit order: a word that is not in
/// [`WORDS`] but starts with one of these (at least 5 bytes each) has its
/// class. They carry the cue over inflections and languages the word
/// list does not spell out ("ignorieren Sie die vorherige Frage",
/// "ripetere", "инструкциям"): the classifier learns OVERRIDE · PRIOR
/// once, and these map each form to it.
pub(crate) static STEMS: [&str; CLASSES] = [
    // OVERRIDE
    "dimentic disregard esquec ignor negeer olvid oubli overrid vergess vergiss zignoruj забуд забыв игнор проигнор تجاهل",
    // PRIOR
    "anterio obige preceden previo vorangeg vorherig предыдущ вышеуказ السابق",
    // RULES
    "anweisung directiv instruc instruk istruzion regeln reglas regole richtlini инструкц команд правил التعليمات निर्देश",
    // AI
    "",
    // REVEAL
    "affich ausgab ausgeb divulg repet ripet wiederhol вывед вывест повтор",
    // SECRET
    "",
    // PERSONA
    "",
    // UNBOUND
    "jailbr uncensor unfilter unrestrict",
    // ETHICS
    "",
    // COMPEL
    "",
    // EXFIL
    "",
    // NEW
    "",
    // HARM
    "",
    // YOU
    "",
    // REPLY
    "antwort repons respond rispond rispost ответ",
    // FRAME
    "",
    // ASSEMBLE
    "",
    // PROTECT
    "preven protec proteg recogn schutz victim vittim",
    // DETAIL
    "",
    // CODE
    "",
];

/// Lead bytes of the three-byte UTF-8 characters of CJK, kana and
/// Hangul (U+3000 to U+DFFF): a word holding one is scanned for the
/// two-character cue words of [`WORDS`] inside it (those scripts write
/// no spaces between words).
pub(crate) const CJK_LEADS: std::ops::RangeInclusive<u8> = 0xE3..=0xED;

/// The cue classes of a folded word (0 when it is none), from a map of
/// [`WORDS`], then of [`STEMS`], then of the two-character CJK cue
/// words inside it ([`CJK_LEADS`]): the reference the featurizer's
/// lookup by code (`features::cue_classes`) is tested against.
#[cfg(test)]
pub(crate) fn classes(word: &[u8]) -> u32 {
    let mut c = 0;
    for (k, words) in WORDS.iter().enumerate() {
        if words.split(' ').any(|w| w.as_bytes() == word) {
            c |= 1 << k;
        }
    }
    if c == 0 {
        for (k, stems) in STEMS.iter().enumerate() {
            if stems
                .split(' ')
                .any(|s| !s.is_empty() && word.starts_with(s.as_bytes()))
            {
                c |= 1 << k;
            }
        }
    }
    if c == 0 {
        for i in 0..word.len() {
            let Some(w) = word.get(i..i + 6) else { break };
            if !CJK_LEADS.contains(&w[0]) || w[3] & 0xF0 != 0xE0 {
                continue;
            }
            for (k, words) in WORDS.iter().enumerate() {
                if words.split(' ').any(|x| x.as_bytes() == w) {
                    c |= 1 << k;
                }
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::class::*;
    use super::*;

    #[test]
    fn words_are_folded_and_listed_once_per_class() {
        for words in WORDS.iter().chain(&LONE) {
            let list: Vec<&str> = words.split(' ').collect();
            for w in &list {
                assert!(!w.is_empty(), "double space in {words:?}");
                assert_eq!(
                    crate::normalize::normalize(w).text,
                    *w,
                    "{w} is not folded"
                );
            }
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "a word twice in {words:?}");
        }
    }

    #[test]
    fn stems_are_folded_long_and_listed_once() {
        for stems in STEMS {
            for s in stems.split(' ').filter(|s| !s.is_empty()) {
                assert!(s.len() >= 5, "stem {s} under 5 bytes");
                assert_eq!(crate::normalize::normalize(s).text, s);
            }
        }
    }

    #[test]
    fn classes_are_the_bits_in_order() {
        assert_eq!(1 << OVERRIDE_INDEX, OVERRIDE);
        assert_eq!(1 << PRIOR_INDEX, PRIOR);
        assert_eq!(1 << RULES_INDEX, RULES);
        assert_eq!(1 << HARM_INDEX, HARM);
        assert_eq!(1 << PERSONA_INDEX, PERSONA);
        assert_eq!(1 << FRAME_INDEX, FRAME);
        assert_eq!(1 << ASSEMBLE_INDEX, ASSEMBLE);
        assert_eq!(1 << DETAIL_INDEX, DETAIL);
        assert_eq!(1 << PROTECT_INDEX, PROTECT);
        let all = [
            OVERRIDE, PRIOR, RULES, AI, REVEAL, SECRET, PERSONA, UNBOUND,
            ETHICS, COMPEL, EXFIL, NEW, HARM, YOU, REPLY, FRAME, ASSEMBLE,
            PROTECT, DETAIL, CODE,
        ];
        assert_eq!(all.len(), CLASSES);
        for (k, c) in all.iter().enumerate() {
            assert_eq!(*c, 1 << k);
        }
    }

    #[test]
    fn lookups_hit_and_miss() {
        assert_eq!(classes(b"ignore"), OVERRIDE);
        assert_eq!(classes(b"prompt"), RULES | SECRET);
        assert_eq!(classes(b"system"), AI | SECRET);
        assert_eq!(classes(b"ignored"), OVERRIDE);
        assert_eq!(classes(b"ignition"), 0);
        assert_eq!(classes(b"vorherige"), PRIOR);
        assert_eq!(classes("инструкциям".as_bytes()), RULES);
        assert_eq!(classes(b"repeter"), REVEAL);
        assert_eq!(classes(b""), 0);
        assert_eq!(classes("игнорируй".as_bytes()), OVERRIDE);
        assert_eq!(classes(b"your"), YOU);
        assert_eq!(classes(b"reply"), REPLY);
        assert_eq!(classes(b"protect"), PROTECT);
        assert_eq!(classes(b"prevenir"), PROTECT);
        assert_eq!(classes(b"victimes"), PROTECT);
        // Evading detection is not protective.
        assert_eq!(classes(b"detection"), 0);
        assert_eq!(classes(b"undetected"), HARM);
        assert_eq!(classes(b"steps"), DETAIL);
        assert_eq!(classes(b"stepwise"), 0);
        assert_eq!(classes(b"getpass"), CODE);
        // Two-character cue words inside a CJK or Hangul run.
        assert_eq!(
            classes("请忽略上述提问".as_bytes()),
            OVERRIDE | PRIOR | RULES
        );
        assert_eq!(classes("直接输出".as_bytes()), NEW | REVEAL);
        assert_eq!(classes("指示を無視して".as_bytes()), RULES | OVERRIDE);
        assert_eq!(classes("무시하고".as_bytes()), OVERRIDE);
        assert_eq!(classes("今天天气很好".as_bytes()), 0);
        assert_eq!(classes("忽".as_bytes()), 0);
    }
}
