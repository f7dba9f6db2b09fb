//! Words for the NRP type (nationality, religion, political group): the
//! keyword list and the pattern of the `nrp` rule in `pii.rs`, from one
//! list so the two cannot drift.
//!
//! Data and licence: facts, not copied text. The nationality words are
//! the usual English demonym adjectives and nouns of sovereign states
//! (the ISO 3166-1 list of countries as the set), plus capitalized
//! nationality nouns and adjectives in German, French and Dutch; the
//! religion and political words are the common names of major religions,
//! their adherents and broad political groups. Written for promptfence
//! from general knowledge (no list was copied); part of the crate, under
//! its licence (MIT OR Apache-2.0).
//!
//! Format: lowercase, ASCII first letter (the pattern folds ASCII case
//! only) and ASCII last letter (`\b` is ASCII-only). Plural `-s` is
//! matched by the pattern. The rule's `Capitalized` validator keeps only
//! capitalized occurrences: in English, German nouns and Dutch
//! adjectives capitalization is the evidence ("a Democrat" is a party,
//! "a democrat" a view). Words that are common capitalized English words or given
//! names at a sentence start ("Pole", "Finn", "Conservative", "Liberal",
//! "Green", "Labour", "Don") are left out.

macro_rules! nrp_words {
    ($first:literal $($w:literal)*) => {
        /// Prefilter keywords: every word (lowercase).
        pub(super) const KEYWORDS: &[&str] = &[$first $(, $w)*];
        /// The words, whole, with an optional plural `s`.
        pub(super) const PATTERN: &str =
            concat!(r"(?i)\b(?:", $first $(, "|", $w)*, r")s?\b");
    };
}

nrp_words! {
    // Nationalities (English).
    "afghan" "albanian" "algerian" "american" "andorran" "angolan"
    "argentine" "argentinian" "armenian" "australian" "austrian"
    "azerbaijani" "bahraini" "bangladeshi" "belarusian" "belgian"
    "bolivian" "bosnian" "brazilian" "british" "briton" "bulgarian"
    "burmese" "cambodian" "cameroonian" "canadian" "chilean" "chinese"
    "colombian" "congolese" "croatian" "cuban" "cypriot" "czech" "danish"
    "dominican" "dutch" "ecuadorian" "egyptian" "emirati" "english"
    "eritrean" "estonian" "ethiopian" "filipino" "finnish" "french"
    "georgian" "german" "ghanaian" "greek" "guatemalan" "haitian"
    "honduran" "hungarian" "icelandic" "indian" "indonesian" "iranian"
    "iraqi" "irish" "israeli" "italian" "ivorian" "jamaican" "japanese"
    "jordanian" "kazakh" "kenyan" "korean" "kosovar" "kuwaiti" "kyrgyz"
    "latvian" "lebanese" "liberian" "libyan" "lithuanian" "macedonian"
    "malagasy" "malaysian" "maltese" "mexican" "moldovan" "mongolian"
    "montenegrin" "moroccan" "mozambican" "namibian" "nepalese" "nepali"
    "nicaraguan" "nigerian" "norwegian" "omani" "pakistani" "palestinian"
    "panamanian" "paraguayan" "persian" "peruvian" "polish" "portuguese"
    "qatari" "romanian" "russian" "rwandan" "salvadoran" "saudi"
    "scottish" "senegalese" "serbian" "singaporean" "slovak" "slovenian"
    "somali" "spanish" "sudanese" "swedish" "swiss" "syrian" "taiwanese"
    "tajik" "tanzanian" "thai" "tibetan" "tunisian" "turkish" "turkmen"
    "ugandan" "ukrainian" "uruguayan" "uzbek" "venezuelan" "vietnamese"
    "welsh" "yemeni" "zambian" "zimbabwean"
    // Nationalities (German nouns; French and Dutch capitalized forms).
    "deutsche" "deutscher" "amerikaner" "franzose" "italiener" "spanier"
    "japaner" "schweizer" "franzosen" "russe" "russen" "chinesen"
    "français" "française" "allemand" "allemande" "espagnol"
    "espagnole" "italien" "italienne" "anglais" "anglaise" "belge"
    "marocain" "marocaine" "nederlander" "nederlandse" "duitse" "franse"
    "belgische" "spaanse" "italiaanse" "engelse" "amerikaanse"
    "marokkaanse" "turkse" "belg"
    // Religions and their adherents.
    "christian" "christianity" "catholic" "catholicism" "protestant"
    "orthodox" "evangelical" "lutheran" "methodist" "baptist" "anglican"
    "presbyterian" "mormon" "muslim" "moslem" "islam" "islamic" "sunni"
    "shia" "shiite" "jew" "jewish" "judaism" "hindu" "hinduism" "buddhist"
    "buddhism" "sikh" "sikhism" "jain" "taoist" "shinto" "atheist"
    "agnostic" "quaker" "amish" "pentecostal" "muslime" "christen" "juden"
    "katholik" "katholiken"
    // Political groups.
    "democrat" "republican" "socialist" "communist" "marxist" "fascist"
    "nazi" "libertarian" "tory" "tories" "sozialdemokrat"
    "sozialdemokraten"
}
