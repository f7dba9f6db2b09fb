//! PERSON / ADDRESS / LOCATION / DATE_OF_BIRTH through the public API.

use promptfence::{Filter, Policy, PromptFilter};

fn findings(text: &str) -> Vec<(String, String, f32)> {
    let filter = Filter::new(Policy::default()).expect("default policy");
    let mut s = PromptFilter::new(&filter);
    let r = s.screen_prompt(text);
    r.findings
        .iter()
        .map(|f| {
            (f.type_name.clone(), text[f.span.clone()].to_string(), f.score)
        })
        .collect()
}

/// (text, type, Some(part that must be covered) | None = no finding of type)
const CASES: &[(&str, &str, Option<&str>)] = &[
    // PERSON: cues
    (
        "Hi, I'm Anna Kowalska, nice to meet you.",
        "PERSON",
        Some("Anna Kowalska"),
    ),
    ("my name is Siobhan Gallagher", "PERSON", Some("Siobhan Gallagher")),
    ("my name is john smith", "PERSON", Some("john smith")),
    (
        "Dear Mr. Okonkwo, thanks for the quick reply.",
        "PERSON",
        Some("Okonkwo"),
    ),
    ("Ask Dr. Tanaka about the results.", "PERSON", Some("Tanaka")),
    ("Best regards,\nKarolina Wiśniewska", "PERSON", Some("Karolina")),
    ("Thanks,\nOlu", "PERSON", Some("Olu")),
    ("Hello Priya, the report is ready.", "PERSON", Some("Priya")),
    (
        "Sehr geehrte Frau Schneider, anbei die Unterlagen.",
        "PERSON",
        Some("Schneider"),
    ),
    // PERSON: dictionary pairs
    (
        "Please forward this to Jürgen Müller tomorrow.",
        "PERSON",
        Some("Jürgen Müller"),
    ),
    ("I talked to Wei Zhang about the budget.", "PERSON", Some("Wei Zhang")),
    (
        "The contract was signed by Luis Fernández yesterday.",
        "PERSON",
        Some("Luis Fernández"),
    ),
    (
        "Loop in Sanne van der Berg and Mark Johnson.",
        "PERSON",
        Some("Mark Johnson"),
    ),
    (
        "Loop in Sanne van der Berg please.",
        "PERSON",
        Some("Sanne van der Berg"),
    ),
    ("Call Aarav Sharma before noon.", "PERSON", Some("Aarav Sharma")),
    ("Will Smith starred in that film.", "PERSON", Some("Will Smith")),
    // PERSON: context grammar (issue 14): form fields, speakers,
    // salutations and sign-offs in many languages, self-introductions,
    // relations, honorifics after the name, uncased scripts.
    ("Nombre: Itziar Goikoetxea", "PERSON", Some("Itziar Goikoetxea")),
    ("{\"name\": \"Radomir Kvapil\"}", "PERSON", Some("Radomir Kvapil")),
    ("Ana: are you coming?\nBeto: yes, at six", "PERSON", Some("Beto")),
    ("[09:12] 王芳: 你好\n[09:13] 李雷: 好的", "PERSON", Some("李雷")),
    ("Saludos,\nIñaki Zubizarreta", "PERSON", Some("Iñaki Zubizarreta")),
    ("Mit freundlichen Grüßen\nWiebke Harms", "PERSON", Some("Wiebke")),
    ("Estimado Fulgencio, le escribo.", "PERSON", Some("Fulgencio")),
    ("Liebe/r Gerlinde, danke.", "PERSON", Some("Gerlinde")),
    ("Goedemorgen Evie,", "PERSON", Some("Evie")),
    ("Меня зовут Светлана.", "PERSON", Some("Светлана")),
    ("Write to my colleague Ingeborg: hello", "PERSON", Some("Ingeborg")),
    ("Please ask Yamashiro san about it", "PERSON", Some("Yamashiro")),
    ("Sayın Ayşegül Kaya, toplantı yarın.", "PERSON", Some("Ayşegül")),
    ("City: Springfield", "PERSON", None),
    ("Python: Fast enough\nRust: Faster\nGo: Simple", "PERSON", None),
    ("Note: Remember the milk.", "PERSON", None),
    // A form block is no dialogue: its labels are fields, not speakers.
    (
        "CHARACTER = {\r\nName: <name>\r\nGender: <gender>\r\nAge: <age>\r\n\
         Species: <species>\r\nRole: <role>\r\n}",
        "PERSON",
        None,
    ),
    ("Gender: Female\nSpecies: Elf\nHeight: 1.80 m", "PERSON", None),
    // A speaker whose dialogue partner speaks on a later line.
    ("Kent: Remember me, Lori?\nLori: Of course.", "PERSON", Some("Kent")),
    ("Danke Schön für alles", "PERSON", None),
    // ORGANIZATION (issue 14): legal forms, organization heads and
    // openers, cue phrases, form fields; never from capitals alone.
    ("She works at Initech since May.", "ORGANIZATION", Some("Initech")),
    ("Company: Vandelay Industries", "ORGANIZATION", Some("Vandelay")),
    ("Rossi S.p.A. and Müller GmbH signed.", "ORGANIZATION", Some("Rossi")),
    ("Signed by Müller GmbH today.", "ORGANIZATION", Some("Müller GmbH")),
    ("I studied at the University of Oslo.", "ORGANIZATION", Some("Oslo")),
    ("Ask Emil, he had the Globex account.", "ORGANIZATION", Some("Globex")),
    ("Er arbeitet bei Zalando seit 2019.", "ORGANIZATION", Some("Zalando")),
    ("Amazon rainforest documentary was great.", "ORGANIZATION", None),
    ("Jordan sneakers restock Friday.", "ORGANIZATION", None),
    ("The ThinkPad X1 Carbon fan is loud.", "ORGANIZATION", None),
    ("Vehicles AB51 ABC and BD62XYZ were seen", "ORGANIZATION", None),
    ("Marty Short is the best", "ORGANIZATION", None),
    // Tables (issue 14): a header's column names type the cells below.
    (
        "id,name,email,city\n1,Zbyněk Kolář,z@x.io,Brno\n",
        "PERSON",
        Some("Zbyněk Kolář"),
    ),
    (
        "id,name,email,city\n1,Zbyněk Kolář,z@x.io,Brno\n",
        "LOCATION",
        Some("Brno"),
    ),
    (
        "| Nombre | Empresa |\n|---|---|\n| ana ruiz | Talleres Ruiz |",
        "ORGANIZATION",
        Some("Talleres Ruiz"),
    ),
    (
        "| Nombre | Empresa |\n|---|---|\n| ana ruiz | x |",
        "PERSON",
        Some("ana ruiz"),
    ),
    ("name, city and zip are required, see below", "PERSON", None),
    ("name,score\n\nrose,10", "PERSON", None),
    // PERSON: a known name alone on its line (a letter's greeting or
    // signature); not a place, a common word, a label or a sentence.
    ("See you at six.\nPriscilla", "PERSON", Some("Priscilla")),
    ("Cindy,\nthe files are attached.", "PERSON", Some("Cindy")),
    ("Kelly", "PERSON", Some("Kelly")),
    ("Victoria\nBritish Columbia", "PERSON", None),
    ("Summary\nThe plan works.", "PERSON", None),
    ("Romeo:\nJuliet:", "PERSON", None),
    ("Kelly called.", "PERSON", None),
    // PERSON: a lone known given name as a subject, a possessor, or one
    // of two joined by "and"
    ("Casey is a great person", "PERSON", Some("Casey")),
    ("Harry got shot in the last movie", "PERSON", Some("Harry")),
    ("you made Nina's day. Sweet surprises!", "PERSON", Some("Nina")),
    ("Reminder: Craig's birthday party is at noon", "PERSON", Some("Craig")),
    ("Jon and Priya looked great", "PERSON", Some("Priya")),
    (
        "ok so kate and megan are driving up tonight",
        "PERSON",
        Some("megan"),
    ),
    // PERSON: a role before the name, an age after it, a sign-off with
    // "!", a list of attendees (names25)
    ("Hopefully President Bush can do it.", "PERSON", Some("Bush")),
    ("König Salman ersetzte den Minister.", "PERSON", Some("Salman")),
    ("Any news on Aunt Toni?", "PERSON", Some("Toni")),
    ("Jahmaal James, 23, Toronto;", "PERSON", Some("Jahmaal James")),
    ("Santos (55) je bio trener.", "PERSON", Some("Santos")),
    (
        "Thanks!\n\nHong Fernandez\nSales Lead",
        "PERSON",
        Some("Hong Fernandez"),
    ),
    ("Attendees: Krysten Keith, Ha Chase", "PERSON", Some("Krysten Keith")),
    // PERSON: initials before a name, a Slavic possessive opening a
    // sentence (names26)
    (
        "Jej predsedom bol T. G. Masaryk, podpredsedom J. Durich.",
        "PERSON",
        Some("T. G. Masaryk"),
    ),
    ("H.L. Hansen var en god mand.", "PERSON", Some("H.L. Hansen")),
    ("Bushova popularita klesla.", "PERSON", Some("Bushova")),
    ("Tolkienov zápal pre jazyky.", "PERSON", Some("Tolkienov")),
    ("I love seeing the U.S. Capitol building.", "PERSON", None),
    ("Rain for Atlanta and N. Georgia today.", "PERSON", None),
    ("Njihova kolekcija je nova.", "PERSON", None),
    ("Osudovým zlomom bola vojna.", "PERSON", None),
    // LOCATION: a major place in a list beside another place;
    // ORGANIZATION: an institution head noun alone inside a sentence
    // (names27)
    (
        "hans hjemlande Indien, Pakistan og Storbritannien",
        "LOCATION",
        Some("Pakistan"),
    ),
    ("der Städte Köln und Bremen geehrt.", "LOCATION", Some("Bremen")),
    ("Bangkok, Thailand: Land of Smiles", "LOCATION", Some("Thailand")),
    ("The capital of France is Paris.", "LOCATION", Some("France")),
    ("Brazil and Smith won.", "LOCATION", None),
    (
        "Državni sekretar Ministarstva finansija je rekao",
        "ORGANIZATION",
        Some("Ministarstva"),
    ),
    ("Svi članovi Vijeća su se složili.", "ORGANIZATION", Some("Vijeća")),
    ("Ministarstvo je to potvrdilo.", "ORGANIZATION", None),
    ("Die Forschung des Instituts wurde genutzt.", "ORGANIZATION", None),
    ("Byzantské vojsko napadlo mesto.", "ORGANIZATION", None),
    // An acronym defined in parentheses after the name whose initials it
    // is (names28); not a state, not a person's initials, not a mismatch.
    (
        "Ondje je bila Srpska napredna stranka (SNS) sa svojim ljudima.",
        "ORGANIZATION",
        Some("Srpska napredna stranka (SNS)"),
    ),
    (
        "Skupa su Bugarska socijalistička partija (BSP) i drugi.",
        "ORGANIZATION",
        Some("Bugarska socijalistička partija (BSP)"),
    ),
    // Institution heads of more languages (names29): a union, an
    // association, an organisation, the police; "Policiais" (officers),
    // "союзниками" (allies), "Congressman" and a state's "Union" are no
    // institution.
    (
        "Izvještaj je objavila Svetska zdravstvena organizacija (SZO) jučer.",
        "ORGANIZATION",
        Some("Svetska zdravstvena organizacija (SZO)"),
    ),
    (
        "Hrvatska još nije članica Unije, rekao je.",
        "ORGANIZATION",
        Some("Unije"),
    ),
    (
        "O inquérito da Polícia Federal foi aberto.",
        "ORGANIZATION",
        Some("Polícia Federal"),
    ),
    (
        "The Defence Research Development Organisation (DRDO) tests it.",
        "ORGANIZATION",
        Some("Organisation (DRDO)"),
    ),
    ("The Soviet Union fell; Congressman Sessions spoke.", "ORGANIZATION", None),
    ("Policiais Federais entram em greve.", "ORGANIZATION", None),
    ("Спор между Балканскими союзниками продолжался.", "ORGANIZATION", None),
    ("Mask Personally Identifiable Information (PII) first.", "ORGANIZATION", None),
    ("Talks with the Republic of Korea (ROK) resumed.", "ORGANIZATION", None),
    ("Notes were taken by Anna Berg (AB) today.", "ORGANIZATION", None),
    // Inside CJK title marks a name is part of a work's title (fa40).
    ("這些都是獲獎的《北京人在紐約》等作品。", "LOCATION", None),
    ("《紐約時報》認為本劇很深刻。", "ORGANIZATION", None),
    ("他在紐約工作，寫了《雪城》。", "LOCATION", Some("紐約")),
    // An adjective on a state's stem opens no state's name (fa40).
    ("Republikanische Wirtschaftsexperten warnen davor.", "LOCATION", None),
    ("Er sprach mit der Republikanischen Partei.", "LOCATION", None),
    ("We met Green Valley Farms (XYZ) in May.", "ORGANIZATION", None),
    // A well-known head of state or government alone (names40,
    // data/famous.txt), in any language; not the first word of another
    // name, not in capitals.
    ("Trump vows to stop the plan.", "PERSON", Some("Trump")),
    ("Deswegen ist Obama nicht sehr beliebt.", "PERSON", Some("Obama")),
    ("Rovnako sa Bush snažil aj o dohodu.", "PERSON", Some("Bush")),
    ("Вчера с Путиным говорил министр.", "PERSON", Some("Путиным")),
    ("Клинтон выступила в среду.", "PERSON", Some("Клинтон")),
    ("We toured Trump Tower on Monday.", "PERSON", None),
    ("The Clinton Foundation replied.", "PERSON", None),
    ("WHY TRUMP WON", "PERSON", None),
    // Known places in Chinese and Japanese runs (names40): 中國 and 台灣
    // in traditional script, katakana country names.
    ("他說他喜歡涉覽筆記，中國的，他幾乎都看過。", "LOCATION", Some("中國")),
    ("這些顯然都是台灣媒體所需大力加強的。", "LOCATION", Some("台灣")),
    ("2001年にはフランスの鉄鋼メーカーを買収した。", "LOCATION", Some("フランス")),
    ("ノリエガはアメリカへ移送された。", "LOCATION", Some("アメリカ")),
    ("スタイルが良いドイツ・ハンザ同盟", "LOCATION", None),
    // Organizations known by name in the core (orgs40, data/orgs_known.txt
    // and orgs_web.txt), as written: not lowercase, not in capitals, not
    // a common word opening a sentence, not a surname or product in a run.
    ("I tweeted it on Twitter yesterday.", "ORGANIZATION", Some("Twitter")),
    ("Radical groups such as Hamas rejected it.", "ORGANIZATION", Some("Hamas")),
    ("It was reported by the Associated Press today.", "ORGANIZATION", Some("Associated Press")),
    ("Stoga ispada da je Walmart rastao brže.", "ORGANIZATION", Some("Walmart")),
    ("Our Favorite YouTube Videos This Week", "ORGANIZATION", Some("YouTube")),
    ("I baked an apple pie.", "ORGANIZATION", None),
    ("The Apple pie recipe calls for cinnamon.", "ORGANIZATION", None),
    // Lowercase: an online platform after a preposition only (person42,
    // org::lower_web).
    ("i saw it on twitter lol", "ORGANIZATION", Some("twitter")),
    ("ich hab das auf youtube gesehen", "ORGANIZATION", Some("youtube")),
    ("ready for a new youtube video tomorrow", "ORGANIZATION", None),
    ("i just google it", "ORGANIZATION", None),
    ("just google it on google", "ORGANIZATION", None),
    ("follow us on #twitter today", "ORGANIZATION", None),
    ("I LOVE DISNEY SO MUCH", "ORGANIZATION", None),
    ("He wrote a letter to Walt Disney.", "ORGANIZATION", None),
    // PERSON: must miss
    // Title case: capitals say nothing of a name (names28).
    ("Support Your Local Corner Shop - Only 4 days left!", "PERSON", None),
    ("Tickets For The Annual Pumpkin Regatta Are Here", "PERSON", None),
    ("Die Präsidentin der Kommune von Madrid sprach.", "PERSON", None),
    ("Predsjednik Europske komisije je stigao.", "PERSON", None),
    ("Guster live in concert at Ogden Theatre tonight.", "PERSON", None),
    ("Thanks! Great work on the launch.", "PERSON", None),
    ("Section 4, 12, 15 apply.", "PERSON", None),
    ("Victoria's Secret opens a new store.", "PERSON", None),
    ("Live music at Limelight on St. Mary's tonight.", "PERSON", None),
    ("Jordan's economy grew last year.", "PERSON", None),
    ("Georgia and Virginia vote today.", "PERSON", None),
    ("Maria, can you help?", "PERSON", None),
    ("salt and pepper, then bake", "PERSON", None),
    ("Will it rain tomorrow? May is usually dry.", "PERSON", None),
    (
        "Mark the task as done and Grant access to the Sales folder.",
        "PERSON",
        None,
    ),
    ("Bill me next month; Hope that works.", "PERSON", None),
    (
        "The Board approved the New Product Strategy on Tuesday.",
        "PERSON",
        None,
    ),
    ("Please Review The Attached Document Before Friday.", "PERSON", None),
    ("Our team uses Slack, Jira and Google Docs every day.", "PERSON", None),
    ("Anna said hi.", "PERSON", None),
    ("I moved to New York last year.", "PERSON", None),
    ("Rose petals and Ivy leaves.", "PERSON", None),
    ("Email john.smith@example.com for access.", "PERSON", None),
    ("Which is better for Data Science, R or Python?", "PERSON", None),
    ("I'm Canadian and I'm Happy.", "PERSON", None),
    // ADDRESS
    (
        "Ship it to 221B Baker Street, London NW1 6XE please.",
        "ADDRESS",
        Some("221B Baker Street"),
    ),
    (
        "I live at 1600 Pennsylvania Avenue NW, Washington, DC 20500.",
        "ADDRESS",
        Some("1600 Pennsylvania Avenue"),
    ),
    (
        "Meine Adresse: Hauptstraße 5, 10115 Berlin",
        "ADDRESS",
        Some("Hauptstraße 5"),
    ),
    (
        "Lieferung an Berliner Straße 12a, 80331 München",
        "ADDRESS",
        Some("Berliner Straße 12a"),
    ),
    (
        "Envoyez-le au 8, rue de la Paix, 75002 Paris.",
        "ADDRESS",
        Some("rue de la Paix"),
    ),
    (
        "Mi dirección es Calle Mayor, 5, 28013 Madrid.",
        "ADDRESS",
        Some("Calle Mayor"),
    ),
    ("Abito in Via Roma 12, 00184 Roma.", "ADDRESS", Some("Via Roma 12")),
    (
        "Mijn adres is Lindenlaan 3, 1234 AB Amsterdam.",
        "ADDRESS",
        Some("Lindenlaan 3"),
    ),
    ("Adres: ul. Długa 5/7, 00-238 Warszawa", "ADDRESS", Some("Długa 5/7")),
    (
        "Jag bor på Storgatan 12, 111 22 Stockholm.",
        "ADDRESS",
        Some("Storgatan 12"),
    ),
    (
        "Rua Augusta, 81, 01305-000 São Paulo / SP",
        "ADDRESS",
        Some("Rua Augusta, 81"),
    ),
    (
        "Send it to 12 Maple Rd, Toronto, ON M5V 2T6.",
        "ADDRESS",
        Some("12 Maple Rd"),
    ),
    ("Flat 7, Jones Light, North Holly, S6 7LJ", "ADDRESS", Some("Flat 7")),
    ("I have 3 Apple Watches and 2 iPads to sell.", "ADDRESS", None),
    ("Order 2 Large Pizzas and 1 Garlic Bread, please.", "ADDRESS", None),
    ("Chapter 7 covers the French Revolution.", "ADDRESS", None),
    ("See Spring 2024 and Notepad 3 for details.", "ADDRESS", None),
    ("Route 66 is famous.", "ADDRESS", None),
    // LOCATION
    ("I'm based in Lisbon and travel a lot.", "LOCATION", Some("Lisbon")),
    ("She is from South Korea.", "LOCATION", Some("South Korea")),
    ("Paris is lovely.", "LOCATION", None),
    // LOCATION (issue 14): form fields and strong place cues.
    ("Name: Ana Lima\nCidade: Não-Me-Toque\n", "LOCATION", Some("Não")),
    ("{\"city\": \"Brønnøysund\"}", "LOCATION", Some("Brønnøysund")),
    ("She is based in Jerez de la Frontera.", "LOCATION", Some("Jerez")),
    ("She is based in Jerez de la Frontera.", "PERSON", None),
    ("Ich wohne in Rottach-Egern.", "LOCATION", Some("Rottach")),
    ("I am visiting Anna tomorrow.", "LOCATION", None),
    // A country or region without a cue is a place (issue 14, names42:
    // the gazetteer decides): not beside a capitalized word, not a
    // hashtag, not a name or common word; a city needs a cue.
    ("Prices rose while Kenya held steady.", "LOCATION", Some("Kenya")),
    ("Where was the match? Manitoba?", "LOCATION", Some("Manitoba")),
    ("What is the capital of France?", "LOCATION", Some("France")),
    ("I fly Air France on Monday.", "LOCATION", None),
    ("go go #Texas tonight", "LOCATION", None),
    ("stil uden for Paris og London, hvor", "LOCATION", Some("London")),
    ("We all loved Paris last year.", "LOCATION", None),
    ("We all loved Paris last year.", "PERSON", None),
    ("Chile peppers are hot.", "LOCATION", None),
    ("I called Georgia yesterday.", "LOCATION", None),
    ("Доставка: Аллея Садовая 12, Курган", "PERSON", None),
    ("I talked to Jordan yesterday.", "LOCATION", None),
    // Issue 14, grammar across languages. German capitalizes nouns:
    // capitals alone are no name there.
    ("Die Regierung hat im Kalten Krieg viel investiert.", "PERSON", None),
    ("Der Chef der Finanzaufsicht ist zurückgetreten.", "PERSON", None),
    // Slavic adjectives and institution heads do not open a name.
    ("Turnir je održan u Južnoj Koreji.", "PERSON", None),
    ("Студенты Университета Северной Каролины приехали.", "PERSON", None),
    ("O acordo foi assinado no Conselho da Europa.", "PERSON", None),
    // A South Slavic surname ending, reported speech.
    ("Sastanak je otkazan, rekao je Petrović.", "PERSON", Some("Petrović")),
    ("Ugovor je jučer potpisao Kovačević.", "PERSON", Some("Kovačević")),
    ("Ugovor su potpisali Tadić i Kovačevićem.", "PERSON", Some("Tadić")),
    // An honorific after a name needs a name: not a lone short word
    // ("sån" folds to the honorific "san"; a Roman numeral after "К").
    ("En sån bil vill jag ha.", "PERSON", None),
    ("К III веку город вырос.", "PERSON", None),
    ("Tanaka san will call you.", "PERSON", Some("Tanaka")),
    // A plural noun in -nici/-ci is no surname, whatever its other letters.
    ("Učitelji i liječnici traže više. Liječnici su ljuti.", "PERSON", None),
    ("The plan will work, said Okafor.", "PERSON", Some("Okafor")),
    (
        "Das Projekt ist gescheitert, sagte Brandstätter.",
        "PERSON",
        Some("Brandstätter"),
    ),
    // Issue 14: a capitalized word in no list after a preposition of
    // place, or before a comma and a country or region.
    ("We spent a week in Montclair last May.", "LOCATION", Some("Montclair")),
    ("Я живу в Новосибирске.", "LOCATION", Some("Новосибирске")),
    ("Tickets for Mankato, Zimbabwe are sold out.", "LOCATION", Some("Mankato")),
    ("I got a parcel from FedEx today.", "LOCATION", None),
    (
        "Die Anlage ist seit vielen Jahren in Betrieb und wird von der Stadt betrieben.",
        "LOCATION",
        None,
    ),
    ("There will be no peace in the Holy Land.", "LOCATION", None),
    ("Smith, Georgia and Ann came.", "LOCATION", None),
    // Role titles lift a known name only.
    ("President Johnson nominated two judges.", "PERSON", Some("Johnson")),
    ("O ministro da Fazenda falou ontem.", "PERSON", None),
    // A markup tag named as a field; role words before a known name.
    (
        "<contact>\n  <name>Gottfried Sommer</name>\n</contact>",
        "PERSON",
        Some("Gottfried Sommer"),
    ),
    ("<div class=\"author\">Meg Parks</div>", "PERSON", Some("Meg Parks")),
    (
        "NY Congressman Michael Grimm pleaded guilty.",
        "PERSON",
        Some("Michael Grimm"),
    ),
    // Organizations known by one word; German "Über" is no "Uber".
    ("What if Google expanded its search?", "ORGANIZATION", Some("Google")),
    ("Über die Herkunft ist wenig bekannt.", "ORGANIZATION", None),
    // Place prepositions and inflected place names.
    ("Živim u Zagrebu već deset godina.", "LOCATION", Some("Zagrebu")),
    ("Izvoz iz Albanije raste.", "LOCATION", Some("Albanije")),
    ("Vivo em Portugal desde 2010.", "LOCATION", Some("Portugal")),
    (
        "Ugovor s Republikom Srbijom je potpisan.",
        "LOCATION",
        Some("Republikom Srbijom"),
    ),
    (
        "Studirao je na Sveučilištu Zagreb.",
        "ORGANIZATION",
        Some("Sveučilištu Zagreb"),
    ),
    // Issue 14, places with weak context: a preposition and an article,
    // one more place of a list, country abbreviations in capitals,
    // genitives, continents.
    (
        "We toured a lot and then moved to Spain, France and Portugal.",
        "LOCATION",
        Some("Portugal"),
    ),
    ("Er lebt seit Jahren in der Schweiz.", "LOCATION", Some("Schweiz")),
    (
        "She moved to the Netherlands last year.",
        "LOCATION",
        Some("Netherlands"),
    ),
    ("Ich bin im Sommer in die USA geflogen.", "LOCATION", Some("USA")),
    ("The price is US$ 100.", "LOCATION", None),
    ("PLEASE LET US KNOW.", "LOCATION", None),
    ("Han rejste til Afrika i sommer.", "LOCATION", Some("Afrika")),
    ("Vi bor i Danmarks hovedstad.", "LOCATION", Some("Danmarks")),
    ("I talked to Jordan and Paris yesterday.", "LOCATION", None),
    // A role noun before a name in German text.
    (
        "Sie war mit der Schauspielerin Gloria Holden verheiratet, die in \
         der Stadt lebte.",
        "PERSON",
        Some("Gloria Holden"),
    ),
    // DATE_OF_BIRTH
    ("DOB: 12/03/1985", "DATE_OF_BIRTH", Some("12/03/1985")),
    (
        "I was born on March 4, 1990 in Ohio.",
        "DATE_OF_BIRTH",
        Some("March 4, 1990"),
    ),
    ("Geboren am 3. Mai 1971 in Köln.", "DATE_OF_BIRTH", Some("3. Mai 1971")),
    ("née le 14 juillet 1989", "DATE_OF_BIRTH", Some("14 juillet 1989")),
    ("fecha de nacimiento: 1990-05-21", "DATE_OF_BIRTH", Some("1990-05-21")),
    ("Today is 5/20/2021", "DATE_OF_BIRTH", None),
    // Chinese and Japanese: head words (src/names/cjk.rs)
    ("彼は名古屋市に住んでいる。", "LOCATION", Some("名古屋市")),
    ("他在英國讀書。", "LOCATION", Some("英國")),
    ("他是北京大學的教授", "ORGANIZATION", Some("北京大學")),
    ("東京電力ホールディングスに勤務", "ORGANIZATION", Some("東京電力")),
    ("這是一個大城市", "LOCATION", None),
    ("各國的中國人", "LOCATION", None),
    // A known place without a head word (places_cjk.txt).
    ("選擇嬰兒性別在印度屬於違法", "LOCATION", Some("印度")),
    // Persons in Han script: a surname of han_surnames.txt, a given name
    // and context (src/names/han.rs).
    ("1932年，周駿彥出任南京國民政府", "PERSON", Some("周駿彥")),
    ("他與張作霖在奉天", "PERSON", Some("張作霖")),
    ("王先生表示同意", "PERSON", Some("王")),
    ("当時の首相は、佐藤栄作であった。", "PERSON", Some("佐藤栄作")),
    ("田中氏が発表した", "PERSON", Some("田中")),
    ("這個王國的歷史很長", "PERSON", None),
    ("林業の発展", "PERSON", None),
    ("我們在中國工作", "PERSON", None),
    ("The meeting is on 12/03/2024.", "DATE_OF_BIRTH", None),
    // LOCATION (loc43): a major place's case form or genitive with no
    // preposition, a sentence-initial place before a verb of being or
    // having, "BiH"; "Revenue" (two vowels) is no case form.
    ("priznavanje Kosova od strane vlade.", "LOCATION", Some("Kosova")),
    ("suverenitet Srbije je ugrožen", "LOCATION", Some("Srbije")),
    ("pomogne BiH da napreduje", "LOCATION", Some("BiH")),
    ("skal forhandle Danmarks synspunkt", "LOCATION", Some("Danmarks")),
    ("Srbija je postala prva zemlja.", "LOCATION", Some("Srbija")),
    ("Sverige har visat intresse.", "LOCATION", Some("Sverige")),
    ("Turkey for Thanksgiving needs to thaw.", "LOCATION", None),
    ("Hrvatska je modna industrija rasla.", "LOCATION", None),
    ("The former Iraqi leader spoke.", "LOCATION", None),
    ("go back to reading the book", "LOCATION", None),
    // A two-letter base form ("abj" less its "j"): no panic.
    ("Abjoj je tu.", "LOCATION", None),
    ("Revenue grew in every region.", "LOCATION", None),
    // LOCATION (loc44): a case form beside a capitalized word; German
    // forms of country names and seas; a sentence-initial article.
    ("die öffentliche Meinung Dänemarks war", "LOCATION", Some("Dänemarks")),
    ("Napredak Hrvatske rezultat je", "LOCATION", Some("Hrvatske")),
    ("Air France flies daily.", "LOCATION", None),
    ("für die Vereinigten Staaten neu", "LOCATION", Some("Vereinigten Staaten")),
    ("Die Vereinigten Staaten befreiten Kuba.", "LOCATION", Some("Vereinigten Staaten")),
    ("In den Niederlanden verfolgen", "LOCATION", Some("Niederlanden")),
    ("Miljöhotet mot Östersjön är stort", "LOCATION", Some("Östersjön")),
    ("The US has strongly opposed it.", "LOCATION", Some("US")),
    // loc45: a genitive after Slovak "do", a locative after Russian
    // "на", Danish "i" before one word, a place's word in a run after
    // a preposition, a case form after a cue before a name.
    ("Štefánik sa vrátil do Paríža tu ho", "LOCATION", Some("Paríža")),
    ("A discussão do Museu da Cidade", "LOCATION", None),
    ("Он побывал на Камчатке и", "LOCATION", Some("Камчатке")),
    ("Jeg træner et damehold i Nakskov og har", "LOCATION", Some("Nakskov")),
    ("rose ham for hans optræden i Camillas sofa og", "LOCATION", None),
    ("Marko i Petar su došli", "LOCATION", None),
    ("I'm DJing at Mai Tai in Long Beach tonight", "LOCATION", Some("Long Beach")),
    ("Our office moved from West Fargo to Boyd St", "LOCATION", Some("West Fargo")),
    ("This shop specializes in New Tires", "LOCATION", None),
    ("ambasador u Sloveniji Anton Beriša", "LOCATION", Some("Sloveniji")),
    ("Informationssekretær i Danmarks Socialdemokrati", "LOCATION", None),
];

#[test]
fn names_cases() {
    let mut bad = Vec::new();
    for (text, ty, want) in CASES {
        let f = findings(text);
        let of_type: Vec<&(String, String, f32)> =
            f.iter().filter(|x| x.0 == *ty).collect();
        match want {
            Some(part) => {
                let s = text.find(part).expect("part in text");
                let e = s + part.len();
                let hit = f.iter().any(|x| {
                    if x.0 != *ty {
                        return false;
                    }
                    let fs = text.find(x.1.as_str()).unwrap_or(usize::MAX);
                    fs < e && s < fs.saturating_add(x.1.len())
                });
                if !hit {
                    bad.push(format!("MISS {ty} {part:?} in {text:?}: {f:?}"));
                }
            }
            None => {
                if !of_type.is_empty() {
                    bad.push(format!("FALSE {ty} in {text:?}: {of_type:?}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{} failures:\n{}", bad.len(), bad.join("\n"));
}

/// Chinese and Japanese places, organizations, addresses and dotted
/// names: a response stream cut anywhere gives the one-shot text.
#[test]
fn cjk_heads_stream_like_one_shot() {
    let filter = Filter::new(Policy::default()).expect("default policy");
    let mut f = PromptFilter::new(&filter);
    for text in [
        "彼は名古屋市に住んでいる。東京電力ホールディングスに勤務。",
        "他在英國讀書，後來到北京大學任教。住址：北京市朝阳区建国路88号",
        "住所は愛媛県松山市 1-2-3 です",
        // Foreign names joined by dots, after a run longer than a
        // stream's hold of a word.
        "這是一個相當長的句子用來說明在串流中間被切斷的時候結果仍然一樣而且比較長這是一個相當長的句子用來說明在串流中間被切斷的時候結果仍然一樣而且比較長古巴領導人菲德爾·卡斯特羅說",
        "これはストリームの途中で切られても結果が同じであることを確かめるための長い文でありこれはストリームの途中で切られても結果が同じであることを確かめるための長い文でありジョン・レノンが歌った。",
        "ジョン・アアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアアア大学",
    ] {
        let found = super::names_tagger_stream::every_split_equals_one_shot(
            &mut f, text,
        );
        assert!(!found.is_empty(), "{text}");
    }
}

/// A lowercase place after an English preposition, an institution
/// compound and a Slavic adjective before an institution head (issue 14):
/// a response stream cut anywhere gives the one-shot text.
#[test]
fn lowercase_places_and_org_heads_stream_like_one_shot() {
    let filter = Filter::new(Policy::default()).expect("default policy");
    let mut f = PromptFilter::new(&filter);
    for (text, ty) in [
        (
            "a kid from japan won the contest, then flew back to canada",
            "LOCATION",
        ),
        (
            "Forinden havde Justitsministeriet nået at erklære ham",
            "ORGANIZATION",
        ),
        ("Predsjednik Europske komisije je rekao da", "ORGANIZATION"),
        (
            "Sådana reformer har Kina och Tanzania just genomfört i Sverige.",
            "LOCATION",
        ),
        ("stil uden for Paris og London, hvor", "LOCATION"),
        ("sekretar Ministarstva finansija je rekao", "ORGANIZATION"),
        ("Ondje je Srpska napredna stranka (SNS) sa", "ORGANIZATION"),
        ("在北京創作的《北京人在紐約》等作品", "LOCATION"),
    ] {
        let found = super::names_tagger_stream::every_split_equals_one_shot(
            &mut f, text,
        );
        assert!(found.iter().any(|x| x.type_name == ty), "{text}: {found:?}");
    }
}

/// A name found by an age after it, a role before it, a sign-off with
/// "!" and a city with a US state's code (names25), initials or a Slavic
/// possessive opening a sentence (names26): a response stream cut anywhere
/// gives the one-shot text.
#[test]
fn names_by_apposition_stream_like_one_shot() {
    let filter = Filter::new(Policy::default()).expect("default policy");
    let mut f = PromptFilter::new(&filter);
    for (text, ty) in [
        ("Jahmaal James, 23, Toronto; Asad Ansari (21)", "PERSON"),
        ("Hopefully President Bush can do it.", "PERSON"),
        ("Thanks!\n\nHong Fernandez\nSales Lead", "PERSON"),
        ("my favorite store in Lawrence, KS is closed", "LOCATION"),
        ("bol T. G. Masaryk, podpredsedom", "PERSON"),
        ("Bushova popularita klesla.", "PERSON"),
    ] {
        let found = super::names_tagger_stream::every_split_equals_one_shot(
            &mut f, text,
        );
        assert!(found.iter().any(|x| x.type_name == ty), "{text}: {found:?}");
    }
}

/// The role noun before a name is not part of it (issue 14).
#[test]
fn role_noun_left_out_of_the_name() {
    let t = "Sie war mit der Schauspielerin Gloria Holden verheiratet, die \
             in der Stadt lebte.";
    let f = findings(t);
    assert!(
        f.iter().any(|x| x.0 == "PERSON" && x.1 == "Gloria Holden"),
        "{f:?}"
    );
}

#[test]
fn single_given_name_scores_low() {
    let filter = Filter::new(Policy::default()).expect("default policy");
    // (A known name that is all the text is one: "Kelly" in CASES.)
    for t in [
        "Priya went home.",
        "Thomas said so.",
        "Rose",
        "Jordan",
        "I went to Jordan.",
    ] {
        let mut s = PromptFilter::new(&filter);
        let r = s.screen_prompt(t);
        assert!(
            r.findings.iter().all(|f| f.type_name != "PERSON"),
            "{t:?}: {r:?}"
        );
    }
}

#[test]
fn huge_input_is_handled() {
    let mut t = String::new();
    for i in 0..3_000 {
        t.push_str(&format!(
            "Hi Anna Schmidt, ship to {i} Main Street, Springfield. "
        ));
    }
    let f = findings(&t);
    assert!(
        f.iter().filter(|x| x.0 == "PERSON").count() > 1000,
        "persons found"
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Every finding of `s` is a non-empty span on char boundaries.
    fn spans_ok(s: &str) -> bool {
        let filter = Filter::new(Policy::default()).expect("default policy");
        let mut sess = PromptFilter::new(&filter);
        let r = sess.screen_prompt(s);
        r.findings.iter().all(|f| {
            s.is_char_boundary(f.span.start)
                && s.is_char_boundary(f.span.end)
                && f.span.start < f.span.end
                && f.span.end <= s.len()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics_and_spans_on_boundaries(
            s in "(\\PC|[ \n,.'’-]|[A-Z][a-z]{1,8}|[0-9]{1,5}|é|ß|ł|中文|😀|\u{301}){0,40}"
        ) {
            prop_assert!(spans_ok(&s));
        }

        #[test]
        fn tables_never_panic_and_spans_on_boundaries(
            cells in proptest::collection::vec("[\\PC,;|\t\"]{0,12}", 0..12),
            sep in "[,;|\t]",
        ) {
            let mut s = format!("name{sep}city{sep}company\n");
            for (k, c) in cells.iter().enumerate() {
                s.push_str(c);
                s.push_str(if k % 3 == 2 { "\n" } else { &sep });
            }
            prop_assert!(spans_ok(&s));
        }

        #[test]
        fn names_in_context_never_panic(
            a in "[A-Z][a-z]{0,10}", b in "[A-ZÀ-Ž][a-zà-ž]{0,10}",
            n in 0u32..100000, junk in "\\PC{0,12}"
        ) {
            let s = format!("Hi, I'm {a} {b}{junk}. Ship to {n} {b} Street, {a} {n}{junk}");
            let filter = Filter::new(Policy::default()).expect("default policy");
            let mut sess = PromptFilter::new(&filter);
            let r = sess.screen_prompt(&s);
            for f in &r.findings {
                prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
            }
        }
    }
}

/// Native quick evaluation: `NAMES_EVAL=target/faker/faker.jsonl cargo test
/// --test integration names_eval -- --ignored --nocapture`. Overlap scoring
/// like ../shared/eval/score.mjs, for PERSON/ADDRESS/LOCATION/DATE_OF_BIRTH.
#[test]
#[ignore]
fn names_eval() {
    let Ok(path) = std::env::var("NAMES_EVAL") else { return };
    let data = std::fs::read_to_string(path).expect("read eval file");
    let filter = Filter::new(Policy::default()).expect("default policy");
    let show = std::env::var("NAMES_SHOW").unwrap_or_default();
    let mut stats: std::collections::BTreeMap<String, [usize; 4]> =
        Default::default();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let text = v["text"].as_str().unwrap_or("");
        let cps: Vec<usize> =
            text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut ann: Vec<&str> = v["annotated_types"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        if std::env::var("NAMES_ANN_ALL").is_ok() {
            // Text without labels (e.g. benign prompts): every finding of
            // ours counts as a false positive.
            ann = vec!["PERSON", "ADDRESS", "LOCATION", "DATE_OF_BIRTH"];
        }
        let truth: Vec<(String, usize, usize)> = v["spans"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|s| {
                        (
                            s["type"].as_str().unwrap_or("").to_string(),
                            cps[s["start"].as_u64().unwrap_or(0) as usize],
                            cps[s["end"].as_u64().unwrap_or(0) as usize],
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut sess = PromptFilter::new(&filter);
        let r = sess.screen_prompt(text);
        for t in &truth {
            if !ann.contains(&t.0.as_str()) {
                continue;
            }
            let e = stats.entry(t.0.clone()).or_default();
            e[0] += 1;
            let found = r.findings.iter().any(|f| {
                f.type_name == t.0 && f.span.start < t.2 && t.1 < f.span.end
            });
            if found {
                e[1] += 1
            } else if show == t.0 || show == "all" {
                println!("MISS {} {:?} in {:?}", t.0, &text[t.1..t.2], text);
            }
        }
        for f in &r.findings {
            if !ann.contains(&f.type_name.as_str()) {
                continue;
            }
            let e = stats.entry(f.type_name.clone()).or_default();
            if truth.iter().any(|t| {
                t.0 == f.type_name && f.span.start < t.2 && t.1 < f.span.end
            }) {
                e[2] += 1
            } else {
                e[3] += 1;
                if show == f.type_name || show == "all" || show == "fp" {
                    println!(
                        "FP {} {:?} ({}, {}) in {:?}",
                        f.type_name,
                        &text[f.span.clone()],
                        f.rule,
                        f.score,
                        text
                    );
                }
            }
        }
    }
    for (t, [truth, found, tp, fp]) in stats {
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = found as f64 / truth.max(1) as f64;
        println!("{t:16} truth {truth:5} found {found:5} tpF {tp:5} fpF {fp:5} P {p:.3} R {r:.3}");
    }
}

/// Prints screening time for growing inputs (linearity check, no assert on
/// time): `cargo test --test integration names_scaling -- --ignored --nocapture`.
#[test]
#[ignore]
fn names_scaling() {
    let unit = "Hi, I'm Anna Kowalska from Warsaw. Ship it to ul. Długa 5/7, 00-238 Warszawa \
                or 221B Baker Street, London NW1 6XE. Born 12/03/1985. The Board met on Tuesday. ";
    let filter = Filter::new(Policy::default()).expect("default policy");
    for n in [1_000usize, 4_000, 16_000] {
        let text = unit.repeat(n);
        let t0 = std::time::Instant::now();
        let mut s = PromptFilter::new(&filter);
        let r = s.screen_prompt(&text);
        let dt = t0.elapsed().as_secs_f64();
        println!(
            "{:>9} bytes: {:.3} s, {:.2} MB/s, {} findings",
            text.len(),
            dt,
            text.len() as f64 / 1e6 / dt,
            r.findings.len()
        );
    }
}
