#!/usr/bin/env node
// names-tagger-gen.mjs: writes the training text of the names tagger
// (tools/train_names_tagger.rs): sentences, dialogue lines, form fields and
// social posts in 14 languages from our own templates (below), with
// PERSON, LOCATION and ORGANIZATION spans filled from the shared lexicons
// (../shared/corpus/lexicons, see their README), entities of any type in
// the same slots, address lines, and hard negatives (capitalized common
// nouns, sentence starts, headline case, products, titles, nationalities,
// days and months). Deterministic: the same --seed gives the same bytes.
//
//   node scripts/names-tagger-gen.mjs [--seed N] [--n ITEMS] [--out FILE]
//
// Output: JSON lines {"text", "spans": [[start, end, type], ...]} with
// UTF-8 byte offsets. No dev or test corpus item is read: only the
// lexicons, and only rows whose best_license is not `sharealike` or
// `unclear` (as scripts/names-large.mjs). Without the lexicons it prints
// one `skip:` line and exits 0.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = process.env.PF_SHARED || path.join(ROOT, "..", "shared");
const LEX = path.join(SHARED, "corpus", "lexicons");
const o = { seed: 1, n: 60000, out: path.join(ROOT, "target", "names-tagger", "train.jsonl") };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i], v = () => process.argv[++i];
  if (a === "--seed") o.seed = parseInt(v(), 10);
  else if (a === "--n") o.n = parseInt(v(), 10);
  else if (a === "--out") o.out = v();
  else { console.error(`unknown argument ${a}`); process.exit(2); }
}
if (!fs.existsSync(path.join(LEX, "given_names.tsv"))) {
  console.log(`skip: names-tagger-gen: ${LEX} not found (set PF_SHARED)`);
  process.exit(process.env.PF_REQUIRE_SHARED ? 1 : 0);
}

// mulberry32
let state = o.seed >>> 0;
function rnd() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
// Frequency-ranked lists: favour the head, reach the tail.
const pickRanked = (a) => a[Math.floor(a.length * Math.pow(rnd(), 2.2))];
const chance = (p) => rnd() < p;

function tsv(file) {
  const lines = fs.readFileSync(path.join(LEX, file), "utf8").split("\n").filter(Boolean);
  const head = lines[0].split("\t");
  return lines.slice(1).map((l) => {
    const c = l.split("\t"), r = {};
    head.forEach((h, i) => (r[h] = c[i] ?? ""));
    return r;
  });
}
const clean = (r) => r.best_license !== "sharealike" && r.best_license !== "unclear";

// Languages: country codes whose names and places they use, and script.
const LANGS = {
  en: { cc: ["US", "GB", "AU", "CA", "IE", "IN", "NG", "ZA"], script: "Latn" },
  de: { cc: ["DE", "AT", "CH"], script: "Latn" },
  da: { cc: ["DK"], script: "Latn" },
  sv: { cc: ["SE"], script: "Latn" },
  pt: { cc: ["BR", "PT"], script: "Latn" },
  es: { cc: ["ES", "MX", "AR", "CO"], script: "Latn" },
  fr: { cc: ["FR", "BE", "CA"], script: "Latn" },
  nl: { cc: ["NL", "BE"], script: "Latn" },
  it: { cc: ["IT"], script: "Latn" },
  ru: { cc: ["RU", "UA", "BY", "KZ"], script: "Cyrl" },
  hr: { cc: ["HR", "RS", "BA", "SI", "ME"], script: "Latn" },
  sk: { cc: ["SK", "CZ"], script: "Latn" },
  pl: { cc: ["PL"], script: "Latn" },
  tl: { cc: ["PH"], script: "Latn" },
};

// Names: per language, the rows of its countries (native script first),
// and a world pool for foreign names.
const given = tsv("given_names.tsv").filter(clean);
const surnames = tsv("surnames.tsv").filter(clean);
function byCountry(rows, cc, script) {
  const set = new Set(cc);
  return rows.filter((r) => r.script === script && r.countries.split(",").some((x) => set.has(x.split(":")[0]))).map((r) => r.name);
}
const world = { g: given.filter((r) => r.script === "Latn").slice(0, 30000).map((r) => r.name), s: surnames.filter((r) => r.script === "Latn").slice(0, 30000).map((r) => r.name) };
// Latin -> Cyrillic, roughly, for Russian surnames (the lists hold few in
// Cyrillic).
const CYR = [["shch", "щ"], ["sh", "ш"], ["ch", "ч"], ["zh", "ж"], ["kh", "х"], ["ts", "ц"], ["yu", "ю"], ["ya", "я"], ["yo", "ё"], ["iy", "ий"], ["y", "ы"], ["a", "а"], ["b", "б"], ["v", "в"], ["w", "в"], ["g", "г"], ["d", "д"], ["e", "е"], ["z", "з"], ["i", "и"], ["j", "й"], ["k", "к"], ["l", "л"], ["m", "м"], ["n", "н"], ["o", "о"], ["p", "п"], ["r", "р"], ["s", "с"], ["t", "т"], ["u", "у"], ["f", "ф"], ["h", "х"], ["c", "к"], ["q", "к"], ["x", "кс"]];
function toCyr(w) {
  let s = w.toLowerCase(), out = "";
  for (let i = 0; i < s.length;) {
    const m = CYR.find(([l]) => s.startsWith(l, i));
    if (m) { out += m[1]; i += m[0].length; } else { out += s[i]; i++; }
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}
const pools = {};
for (const [lang, L] of Object.entries(LANGS)) {
  let g = byCountry(given, L.cc, L.script), s = byCountry(surnames, L.cc, L.script);
  if (L.script === "Cyrl") {
    s = s.concat(byCountry(surnames, L.cc, "Latn").filter((x) => /^[A-Za-z]+$/.test(x)).map(toCyr));
    g = g.concat(byCountry(given, L.cc, "Latn").filter((x) => /^[A-Za-z]+$/.test(x)).slice(0, 2000).map(toCyr));
  }
  if (g.length < 200) g = g.concat(world.g.slice(0, 3000));
  if (s.length < 200) s = s.concat(world.s.slice(0, 3000));
  pools[lang] = { g, s };
}

// Names that are also major places ("Israel", "Jordan", "Sydney", "Dallas")
// are left out of the person pools: in text they are nearly always the
// place, and as names they would teach the tagger that a country in an
// unusual slot is a person.
{
  const major = new Set(tsv("places_countries.tsv").map((c) => c.name)
    .concat(tsv("places_admin1.tsv").map((a) => a.name))
    .concat(tsv("places_cities15000.tsv").filter((c) => +c.population >= 300000).map((c) => c.name)));
  for (const p of [world, ...Object.values(pools)]) { p.g = p.g.filter((x) => !major.has(x)); p.s = p.s.filter((x) => !major.has(x)); }
}

// Places: cities of the language's countries (native alternate names for
// Cyrillic), their regions, countries by their name in the language.
const cities = tsv("places_cities15000.tsv");
const admin1 = tsv("places_admin1.tsv");
const countries = tsv("places_countries.tsv");
const cyr = (x) => /^[\u0400-\u04ff\s-]+$/.test(x);
for (const [lang, L] of Object.entries(LANGS)) {
  const set = new Set(L.cc);
  const own = cities.filter((c) => set.has(c.country));
  const names = L.script === "Cyrl"
    ? own.map((c) => c.alt_names.split("|").find(cyr)).filter(Boolean)
    : own.map((c) => c.name);
  const worldCities = L.script === "Cyrl"
    ? cities.slice(0, 3000).map((c) => c.alt_names.split("|").find(cyr)).filter(Boolean)
    : cities.slice(0, 6000).map((c) => (chance(0.5) ? c.asciiname : c.name));
  const regions = admin1.filter((a) => set.has(a.country)).map((a) => a.name).filter((x) => L.script !== "Cyrl" || cyr(x));
  const ctry = countries.map((c) => {
    const alt = c.alt_names.split("|").find((x) => x.endsWith("@" + lang));
    return alt ? alt.split("@")[0] : L.script === "Latn" ? c.name : null;
  }).filter(Boolean);
  pools[lang].city = names.length ? names : worldCities;
  pools[lang].wcity = worldCities;
  pools[lang].region = regions.length ? regions : worldCities;
  pools[lang].country = ctry;
}

// Organizations: SEC company names (title-cased, sometimes without their
// legal suffix), universities, and made-up ones from surnames, places,
// legal forms and organization nouns of the language.
const orgs = tsv("org_names.tsv");
const titleCase = (s) => s.toLowerCase().replace(/(^|[\s&.-])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
const sec = orgs.filter((r) => r.kind === "company").map((r) => {
  let n = r.name;
  if (!/[a-z]/.test(n)) n = titleCase(n).replace(/\b(Inc|Corp|Ltd|Llc|Plc|Co)\b/g, (m) => (m === "Llc" ? "LLC" : m === "Plc" ? "plc" : m));
  return chance(0.4) ? n.replace(/[,.]?\s+(Inc|Corp|Corporation|Ltd|LLC|plc|Co|Holdings|Group)\.?$/i, "") : n;
});
const unis = orgs.filter((r) => r.kind === "university");
const forms = tsv("org_legal_forms.tsv").filter((r) => r.kind === "abbreviation" && r.status === "ACTV");
const formsByCc = {};
for (const f of forms) (formsByCc[f.country] ||= []).push(f.form);

// Per language: organization nouns (before/after a name), titles (not
// part of a name), capitalized hard negatives, function-word fillers, and
// templates. Slots: {P} full name, {G} given name, {S} surname, {L} a
// place, {O} an organization, {T} a title, {N} a capitalized non-name,
// {X} a product or brand-like non-name, {D} a day or month.
const T = {};
T.en = {
  orgPre: ["University of", "Bank of", "Ministry of", "Department of", "Museum of", "Church of"],
  orgPost: ["Group", "Holdings", "Bank", "Airlines", "Motors", "Foundation", "Institute", "University", "FC", "United", "Party", "Council", "Hospital", "Records", "Media", "Labs", "Studios"],
  titles: ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "President", "Senator", "Coach", "Captain", "Judge", "Sir", "Minister", "Governor", "Mayor", "Rev."],
  neg: ["Monday", "Friday", "January", "March", "July", "Christmas", "Internet", "English", "God", "Bible", "Manager", "Director", "Chapter", "Section", "Table", "Figure", "Step", "Note", "Update", "Breaking", "Happy", "Love", "Thanks", "Please", "Today", "Tonight", "World Cup", "Super Bowl", "Game", "Season", "Episode", "Volume", "Room", "Highway", "North", "South", "Western", "Christian", "Muslim", "American", "European", "Democrats", "Republicans", "OK", "LOL", "OMG", "TV", "CEO", "PM", "AM", "USB", "PDF", "iPhone", "Android", "Windows", "Excel", "PlayStation", "Netflix", "YouTube", "Instagram", "Bitcoin"],
  tpl: [
    "{P} said the company would appeal the ruling.", "According to {P}, the deal is off.", "{T} {S} arrived in {L} on {D}.",
    "I talked to {G} yesterday and she said it was fine.", "{G}: are you coming tonight?", "thanks {G} !", "My name is {P} and I live in {L}.",
    "{P}, the CEO of {O}, resigned on {D}.", "She moved from {L} to {L} in 2009.", "He works at {O} in {L}.", "The {N} was held in {L} last year.",
    "{O} announced record profits on {D}.", "Shares of {O} fell 3% after the report.", "We flew to {L} with {G} and {G}.", "{N} is the best day of the week.",
    "Dear {T} {S},", "Best regards,\n{P}", "Name: {P}\nCity: {L}\nCompany: {O}", "{P} ( born 1967 ) is an American actor.", "{P} was born in {L}, {L}.",
    "The meeting between {P} and {P} took place in {L}.", "{X} is down again, great.", "{N} {N} at the {O} store in {L}", "Can you ask {G} to call me back?",
    "@{G} lol that was so funny", "RT @{S}: {L} is beautiful tonight #travel", "{G} and I went to see {P} in concert.", "The {O} team beat {O} 3-1 on {D}.",
    "It was raining in {L}.", "{N} : the {N} of the {N}", "Visit us at {O}, {L}.", "He studied at the {O} before joining {O}.", "{T} {P} told reporters in {L} that talks would continue.",
    "Happy birthday {G}!!", "Watching {X} with {G} tonight", "The {N} of {L} is a small town.", "{S} scored twice for {O}.", "In {D} , {P} visited {L} .",
  ],
};
T.de = {
  orgPre: ["Universität", "Stadtwerke", "Deutsche", "Bundesministerium für", "Landesbank", "Technische Universität"],
  orgPost: ["Bank", "Gruppe", "Holding", "Verlag", "Versicherung", "Werke", "Stiftung", "Partei", "Klinikum", "Institut"],
  titles: ["Herr", "Frau", "Dr.", "Prof.", "Bundeskanzler", "Minister", "Bürgermeister", "Trainer", "Präsident", "Kollege"],
  neg: ["Montag", "Freitag", "Januar", "März", "Haus", "Stadt", "Regierung", "Zeit", "Jahr", "Leute", "Kinder", "Arbeit", "Geld", "Frage", "Woche", "Straße", "Schule", "Kirche", "Polizei", "Gericht", "Firma", "Unternehmen", "Markt", "Preis", "Welt", "Land", "Krieg", "Wasser", "Musik", "Sprache", "Geschichte", "Beispiel", "Ende", "Anfang", "Ziel", "Mitarbeiter", "Bürger", "Studenten", "Vertrag", "Bericht", "Deutsch", "Englisch", "Weihnachten", "Ostern", "Internet", "Handy", "Auto", "Zug", "Bahnhof", "Flughafen", "Rathaus", "Hauptstadt", "Norden", "Süden", "Europäer", "Christen"],
  tpl: [
    "{P} sagte, die Firma werde Berufung einlegen.", "Laut {P} ist der Vertrag gescheitert.", "{T} {S} kam am {D} in {L} an.", "Ich habe gestern mit {G} gesprochen.",
    "{G}: Kommst du heute Abend?", "Danke {G}!", "Mein Name ist {P} und ich wohne in {L}.", "{P}, Chef von {O}, trat am {D} zurück.", "Sie zog 2009 von {L} nach {L}.",
    "Er arbeitet bei {O} in {L}.", "Die {N} fand letztes Jahr in {L} statt.", "{O} meldete am {D} einen Rekordgewinn.", "Die Aktie von {O} fiel um 3 Prozent.",
    "Wir sind mit {G} nach {L} geflogen.", "Sehr geehrter {T} {S},", "Mit freundlichen Grüßen\n{P}", "Name: {P}\nOrt: {L}\nFirma: {O}", "{P} ( * 1967 in {L} ) ist ein deutscher Schauspieler.",
    "Das Treffen zwischen {P} und {P} fand in {L} statt.", "Der {N} und die {N} im {N} der {N}.", "Die {N} hat am {D} den {N} beschlossen.", "Kannst du {G} bitte sagen, dass er mich anruft?",
    "{S} erzielte zwei Tore für {O}.", "In {L} regnet es seit {D}.", "Die {N} von {L} ist klein.", "Nach Angaben der {N} wurden in {L} drei {N} verletzt.", "Er studierte an der {O}.",
    "{T} {P} sagte in {L}, die Gespräche gingen weiter.", "Alles Gute zum Geburtstag, {G}!", "Im {N} gibt es {N} und {N}.",
    "Die {N} der {N} in {L} wurde von {P} geleitet.", "Nach dem {N} kehrte {S} nach {L} zurück.", "Der {N} von {O} hat seinen Sitz in {L}.",
    "Im Jahr 1990 wurde {P} zum {N} der {O} gewählt.", "{L} liegt im {N} von {L}.", "Die {N} in {L} und {L} sind sehr hoch.", "Laut einem {N} der {O} sind die {N} gestiegen.",
  ],
};
T.da = {
  orgPre: ["Københavns", "Aarhus", "Danske"], orgPost: ["Bank", "Gruppen", "Holding", "Forsikring", "Fonden", "Universitet", "Partiet", "Kommune"],
  titles: ["hr.", "fru", "dr.", "professor", "minister", "borgmester", "direktør"],
  neg: ["Mandag", "Fredag", "Januar", "Danmark's", "Jul", "Påske", "Internettet", "Regeringen", "Folketinget", "Kommunen", "Dansk", "Engelsk"],
  tpl: [
    "{P} sagde, at firmaet vil anke dommen.", "Ifølge {P} er aftalen droppet.", "{T} {S} ankom til {L} i {D}.", "Jeg talte med {G} i går.", "{G}: kommer du i aften?",
    "Tak {G}!", "Mit navn er {P}, og jeg bor i {L}.", "{P}, direktør for {O}, fratrådte i {D}.", "Hun flyttede fra {L} til {L} i 2009.", "Han arbejder hos {O} i {L}.",
    "{O} meldte om rekordoverskud.", "Vi fløj til {L} sammen med {G}.", "Med venlig hilsen\n{P}", "Navn: {P}\nBy: {L}", "{P} ( født 1967 i {L} ) er en dansk skuespiller.",
    "Mødet mellem {P} og {P} fandt sted i {L}.", "{S} scorede to mål for {O}.", "Det regnede i {L}.", "{N} er en god dag.", "Han studerede ved {O}.",
  ],
};
T.sv = {
  orgPre: ["Stockholms", "Svenska", "Göteborgs"], orgPost: ["Bank", "Gruppen", "Holding", "Försäkring", "Stiftelsen", "Universitet", "Partiet", "Kommun", "AB"],
  titles: ["herr", "fru", "dr", "professor", "minister", "statsminister", "tränaren"],
  neg: ["Måndag", "Fredag", "Januari", "Jul", "Påsk", "Internet", "Regeringen", "Riksdagen", "Kommunen", "Svenska", "Engelska"],
  tpl: [
    "{P} sade att företaget kommer att överklaga.", "Enligt {P} är avtalet dött.", "{T} {S} kom till {L} i {D}.", "Jag pratade med {G} igår.", "{G}: kommer du ikväll?",
    "Tack {G}!", "Jag heter {P} och bor i {L}.", "{P}, vd för {O}, avgick i {D}.", "Hon flyttade från {L} till {L} 2009.", "Han arbetar på {O} i {L}.",
    "{O} redovisade rekordvinst.", "Vi flög till {L} med {G}.", "Med vänliga hälsningar\n{P}", "Namn: {P}\nOrt: {L}", "{P} ( född 1967 i {L} ) är en svensk skådespelare.",
    "Mötet mellan {P} och {P} ägde rum i {L}.", "{S} gjorde två mål för {O}.", "Det regnade i {L}.", "Han studerade vid {O}.",
  ],
};
T.pt = {
  orgPre: ["Universidade de", "Banco", "Ministério da", "Câmara Municipal de", "Companhia", "Instituto"], orgPost: ["S.A.", "Ltda.", "Group", "Futebol Clube", "Seguros"],
  titles: ["Sr.", "Sra.", "Dr.", "Dra.", "Prof.", "presidente", "ministro", "deputado", "senador", "técnico"],
  neg: ["Segunda-feira", "Janeiro", "Natal", "Páscoa", "Internet", "Governo", "Estado", "Deus", "Igreja", "Carnaval", "Brasil's"],
  tpl: [
    "{P} disse que a empresa vai recorrer.", "Segundo {P}, o acordo acabou.", "{T} {S} chegou a {L} em {D}.", "Falei com {G} ontem.", "{G}: você vem hoje?",
    "Obrigado {G}!", "Meu nome é {P} e moro em {L}.", "{P}, presidente da {O}, renunciou em {D}.", "Ela mudou-se de {L} para {L} em 2009.", "Ele trabalha na {O} em {L}.",
    "A {O} anunciou lucro recorde.", "Fomos para {L} com {G}.", "Atenciosamente,\n{P}", "Nome: {P}\nCidade: {L}", "{P} ( {L}, 1967 ) é um ator brasileiro.",
    "O encontro entre {P} e {P} aconteceu em {L}.", "{S} marcou dois gols pelo {O}.", "Choveu muito em {L}.", "Ele estudou na {O}.", "O {N} de {L} é pequeno.",
  ],
};
T.es = {
  orgPre: ["Universidad de", "Banco", "Ministerio de", "Ayuntamiento de", "Grupo", "Instituto"], orgPost: ["S.A.", "S.L.", "Club de Fútbol", "Seguros"],
  titles: ["Sr.", "Sra.", "Dr.", "Dra.", "don", "doña", "presidente", "ministro", "alcalde", "entrenador"],
  neg: ["Lunes", "Enero", "Navidad", "Internet", "Gobierno", "Estado", "Dios", "Iglesia"],
  tpl: [
    "{P} dijo que la empresa apelará.", "Según {P}, el acuerdo se rompió.", "{T} {S} llegó a {L} en {D}.", "Hablé con {G} ayer.", "{G}: ¿vienes esta noche?",
    "¡Gracias {G}!", "Me llamo {P} y vivo en {L}.", "{P}, director de {O}, dimitió en {D}.", "Se mudó de {L} a {L} en 2009.", "Trabaja en {O} en {L}.",
    "Saludos cordiales,\n{P}", "Nombre: {P}\nCiudad: {L}", "{P} ( {L}, 1967 ) es un actor español.", "{S} marcó dos goles para el {O}.", "Llovió en {L}.",
  ],
};
T.fr = {
  orgPre: ["Université de", "Banque", "Ministère de", "Société", "Groupe", "Institut"], orgPost: ["SA", "SAS", "SARL", "Football Club"],
  titles: ["M.", "Mme", "Dr", "Pr", "président", "ministre", "maire", "entraîneur"],
  neg: ["Lundi", "Janvier", "Noël", "Internet", "Gouvernement", "État", "Dieu", "Église"],
  tpl: [
    "{P} a déclaré que la société ferait appel.", "Selon {P}, l'accord est rompu.", "{T} {S} est arrivé à {L} en {D}.", "J'ai parlé à {G} hier.", "{G} : tu viens ce soir ?",
    "Merci {G} !", "Je m'appelle {P} et j'habite à {L}.", "{P}, PDG de {O}, a démissionné.", "Elle a déménagé de {L} à {L} en 2009.", "Il travaille chez {O} à {L}.",
    "Cordialement,\n{P}", "Nom : {P}\nVille : {L}", "{P} ( né en 1967 à {L} ) est un acteur français.", "{S} a marqué deux buts pour {O}.",
  ],
};
T.nl = {
  orgPre: ["Universiteit van", "Gemeente", "Ministerie van"], orgPost: ["B.V.", "N.V.", "Groep", "Bank", "Stichting"],
  titles: ["meneer", "mevrouw", "dr.", "prof.", "minister", "burgemeester"],
  neg: ["Maandag", "Januari", "Kerstmis", "Internet", "Regering", "God"],
  tpl: [
    "{P} zei dat het bedrijf in beroep gaat.", "Volgens {P} is de deal van tafel.", "{T} {S} kwam in {D} aan in {L}.", "Ik sprak gisteren met {G}.", "{G}: kom je vanavond?",
    "Bedankt {G}!", "Mijn naam is {P} en ik woon in {L}.", "Hij werkt bij {O} in {L}.", "Met vriendelijke groet,\n{P}", "Naam: {P}\nPlaats: {L}",
  ],
};
T.it = {
  orgPre: ["Università di", "Banca", "Ministero della", "Comune di"], orgPost: ["S.p.A.", "S.r.l.", "Calcio", "Group"],
  titles: ["sig.", "sig.ra", "dott.", "prof.", "presidente", "ministro", "sindaco"],
  neg: ["Lunedì", "Gennaio", "Natale", "Internet", "Governo", "Dio", "Chiesa"],
  tpl: [
    "{P} ha detto che la società farà ricorso.", "Secondo {P}, l'accordo è saltato.", "{T} {S} è arrivato a {L} a {D}.", "Ho parlato con {G} ieri.",
    "Grazie {G}!", "Mi chiamo {P} e abito a {L}.", "Lavora presso {O} a {L}.", "Cordiali saluti,\n{P}", "Nome: {P}\nCittà: {L}",
  ],
};
T.ru = {
  orgPre: ["Министерство", "Банк", "Университет", "компания", "Газпром"], orgPost: ["Банк", "Групп", "Холдинг", "Университет"],
  titles: ["господин", "госпожа", "доктор", "профессор", "президент", "министр", "мэр", "тренер", "генерал"],
  neg: ["Понедельник", "Январь", "Москвы's", "Интернет", "Правительство", "Бог", "Церковь", "Россия's", "Государственная", "Дума", "Совет", "Новый", "Однако", "Сегодня", "Вчера", "Это", "Когда"],
  tpl: [
    "{P} заявил, что компания обжалует решение.", "По словам {P}, сделка сорвалась.", "{T} {S} прибыл в {L} в {D}.", "Вчера я говорил с {G}.", "{G}: ты придёшь сегодня?",
    "Спасибо, {G}!", "Меня зовут {P}, я живу в {L}.", "{P}, глава {O}, ушёл в отставку.", "Она переехала из {L} в {L} в 2009 году.", "Он работает в {O} в {L}.",
    "{O} сообщила о рекордной прибыли.", "Мы полетели в {L} с {G}.", "С уважением,\n{P}", "Имя: {P}\nГород: {L}", "{P} ( родился в 1967 году в {L} ) — российский актёр.",
    "Встреча {P} и {P} прошла в {L}.", "{S} забил два гола за {O}.", "В {L} шёл дождь.", "Он учился в {O}.", "{N} {N} в {L}.",
  ],
};
T.hr = {
  orgPre: ["Sveučilište u", "Ministarstvo", "Grad", "Banka", "Univerzitet u"], orgPost: ["d.o.o.", "d.d.", "banka", "Grupa"],
  titles: ["gospodin", "gospođa", "dr.", "prof.", "predsjednik", "predsednik", "ministar", "gradonačelnik", "trener"],
  neg: ["Ponedjeljak", "Siječanj", "Božić", "Internet", "Vlada", "Bog", "Crkva", "Sabor", "Hrvatska's", "Ovo", "Danas", "Jučer"],
  tpl: [
    "{P} je rekao da će tvrtka uložiti žalbu.", "Prema riječima {P}, dogovor je propao.", "{T} {S} stigao je u {L} u {D}.", "Jučer sam razgovarao s {G}.",
    "Hvala {G}!", "Zovem se {P} i živim u {L}.", "{P}, direktor {O}, podnio je ostavku.", "Preselila se iz {L} u {L} 2009.", "Radi u {O} u {L}.",
    "S poštovanjem,\n{P}", "Ime: {P}\nGrad: {L}", "{S} je postigao dva gola za {O}.", "U {L} je padala kiša.", "Studirao je na {O}.", "{P} je rođen u {L}.",
  ],
};
T.sk = {
  orgPre: ["Univerzita", "Ministerstvo", "Mesto", "Banka"], orgPost: ["s.r.o.", "a.s.", "banka", "Group"],
  titles: ["pán", "pani", "Dr.", "prof.", "prezident", "minister", "primátor", "tréner"],
  neg: ["Pondelok", "Január", "Vianoce", "Internet", "Vláda", "Boh", "Cirkev", "Parlament", "Dnes", "Včera"],
  tpl: [
    "{P} povedal, že firma sa odvolá.", "Podľa {P} sa dohoda rozpadla.", "{T} {S} pricestoval do {L} v {D}.", "Včera som hovoril s {G}.",
    "Ďakujem {G}!", "Volám sa {P} a bývam v {L}.", "{P}, riaditeľ {O}, odstúpil.", "Presťahovala sa z {L} do {L} v roku 2009.", "Pracuje v {O} v {L}.",
    "S pozdravom\n{P}", "Meno: {P}\nMesto: {L}", "{S} strelil dva góly za {O}.", "V {L} pršalo.", "{P} sa narodil v {L}.",
  ],
};
T.pl = {
  orgPre: ["Uniwersytet", "Ministerstwo", "Bank"], orgPost: ["Sp. z o.o.", "S.A.", "Bank", "Group"],
  titles: ["pan", "pani", "dr", "prof.", "prezydent", "minister", "burmistrz", "trener"],
  neg: ["Poniedziałek", "Styczeń", "Boże Narodzenie", "Internet", "Rząd", "Bóg", "Kościół", "Sejm", "Dzisiaj"],
  tpl: [
    "{P} powiedział, że firma się odwoła.", "Według {P} umowa upadła.", "{T} {S} przyjechał do {L} w {D}.", "Wczoraj rozmawiałem z {G}.",
    "Dzięki {G}!", "Nazywam się {P} i mieszkam w {L}.", "Pracuje w {O} w {L}.", "Z poważaniem\n{P}", "Imię: {P}\nMiasto: {L}",
  ],
};
T.tl = {
  orgPre: ["Unibersidad ng", "Bangko ng", "Kagawaran ng"], orgPost: ["Inc.", "Corporation", "Bank", "University", "College"],
  titles: ["G.", "Gng.", "Dr.", "Pangulong", "Senador", "Mayor", "Kapitan"],
  neg: ["Lunes", "Enero", "Pasko", "Internet", "Diyos", "Simbahan", "Bayan", "Salamat", "Ang"],
  tpl: [
    "Sinabi ni {P} na aapela ang kumpanya.", "Ayon kay {P}, tapos na ang kasunduan.", "Dumating si {T} {S} sa {L} noong {D}.", "Kausap ko si {G} kahapon.",
    "Salamat {G}!", "Ako si {P} at nakatira ako sa {L}.", "Nagtatrabaho siya sa {O} sa {L}.", "Pangalan: {P}\nLungsod: {L}", "Si {P} ay ipinanganak sa {L}.",
    "Si {G} ug si {G} miadto sa {L}.", "Ang {O} ay nag-anunsyo ng kita.", "Nakigkita si {P} sa {L}.",
  ],
};
const DAYS = ["Monday", "Tuesday", "Friday", "January", "March", "May", "June", "August", "October", "December", "2019", "spring", "the summer"];
const LANG_W = { en: 30, de: 12, ru: 10, da: 6, sv: 6, pt: 6, hr: 7, sk: 5, pl: 3, es: 4, fr: 4, nl: 3, it: 3, tl: 4 };
const langList = Object.entries(LANG_W).flatMap(([l, w]) => Array(w).fill(l));

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function person(lang, kind) {
  const p = chance(0.15) ? (LANGS[lang].script === "Latn" ? world : pools[lang]) : pools[lang];
  const g = pickRanked(p.g), s = pickRanked(p.s);
  if (kind === "G") return g;
  if (kind === "S") return s;
  const r = rnd();
  if (r < 0.08) return `${g} ${pickRanked(p.g)} ${s}`;
  if (r < 0.12 && LANGS[lang].script === "Latn") return `${g[0]}. ${s}`;
  if (r < 0.15 && lang === "en") return `${g} ${String.fromCharCode(65 + Math.floor(rnd() * 26))}. ${s}`;
  if (r < 0.2 && (lang === "es" || lang === "pt")) return `${g} ${s} ${pickRanked(p.s)}`;
  if (r < 0.23 && lang === "nl") return `${g} van ${s}`;
  if (r < 0.26 && lang === "de") return `${g} von ${s}`;
  return `${g} ${s}`;
}
function place(lang) {
  const p = pools[lang], r = rnd();
  if (r < 0.45) return pickRanked(p.city);
  if (r < 0.6) return pickRanked(p.wcity);
  if (r < 0.75) return pick(p.region);
  return pick(p.country);
}
function org(lang) {
  const t = T[lang], r = rnd(), p = pools[lang];
  const ccForms = LANGS[lang].cc.flatMap((c) => formsByCc[c] || []);
  if (r < 0.25) return pickRanked(sec);
  if (r < 0.35) return pick(unis).name;
  if (r < 0.5 && ccForms.length) return `${pickRanked(p.s)} ${pick(ccForms)}`;
  if (r < 0.6) return `${pick(t.orgPre)} ${place(lang)}`;
  if (r < 0.75) return `${chance(0.5) ? place(lang) : pickRanked(p.s)} ${pick(t.orgPost)}`;
  if (r < 0.8) return pickRanked(sec).split(" ")[0];
  return cap(pickRanked(p.s).toLowerCase()) + pick(["soft", "tech", "com", "net", "lab", "ex"]);
}

// Shapes real text has and the per-language templates lack: an entity of
// any type as a sentence's subject or alone in a list ("Romania said",
// "Chelsea fans"), so the words and the lists decide the type, not the
// slot; address lines (street and city are not names: the address grammar
// reports them); headline-case events, products and slogans; teams and
// media named after places and people.
const ANY = {
  en: ["{E} said it would respond next week.", "{E} is trending again", "What do you think about {E}?", "{E} has changed a lot since 2010.",
    "News from {E} today", "{E} fans are not happy.", "I love {E} so much", "{E} - a short history", "{E} ( {E} ) won the vote.",
    "{E}, {E} and {E} signed the agreement.", "Also at the table: {E} and {E}.", "{E} beat {E} 2-1 on {D}.", "{E} vs {E} tonight!!",
    "thoughts on {E}?", "so proud of {E} right now", "Ranking: {E} first, {E} second.", "Shares of {E} rose after the report.", "{E} leads the table."],
  de: ["{E} hat am {D} reagiert.", "Was hältst du von {E}?", "{E} gewann gegen {E} mit 2:1.", "{E} und {E} unterzeichneten den Vertrag.", "Neues aus {E}", "{E} wird seit 1990 kritisiert."],
  xx: ["{E}, {E} i {E}.", "{E} ( {E} ) 1999", "{E} - {E} 2:1", "{E}: {E}, {E}"],
};
// A single name opening a sentence, then a verb ("Chuck came right out",
// "Wright ist ...", "Hrvatska je ..."): sentence starts are not all
// capitalized common words.
const OPEN = {
  en: ["{Q} fixed it in ten minutes.", "{Q} is a very nice person.", "{Q} was there too.", "{Q} said no.", "{Q} can you help?", "{Q} has won again.",
    "{Q} thinks so too", "{Q} will be back on {D}.", "{Q} and I went home.", "{Q} looked tired.", "{Q} isn't coming", "{Q} lol", "{Q} got the job!"],
  de: ["{Q} wohnt seit Jahren hier.", "{Q} sagte, es sei vorbei.", "{Q} hat gewonnen.", "{Q} kam gestern an.", "{Q} war auch da.", "{Q} reiste mit {Q} nach {L}."],
  da: ["{Q} er en god ven.", "{Q} sagde nej.", "{Q} har vundet igen.", "{Q} kom i går."], sv: ["{Q} är en bra vän.", "{Q} sade nej.", "{Q} har vunnit igen.", "{Q} kom igår."],
  pt: ["{Q} é um bom amigo.", "{Q} disse que não.", "{Q} venceu de novo.", "{Q} chegou ontem."], es: ["{Q} es un buen amigo.", "{Q} dijo que no.", "{Q} ganó otra vez.", "{Q} llegó ayer."],
  fr: ["{Q} est un bon ami.", "{Q} a dit non.", "{Q} a encore gagné.", "{Q} est arrivé hier."], nl: ["{Q} is een goede vriend.", "{Q} zei nee.", "{Q} heeft weer gewonnen."],
  it: ["{Q} è un buon amico.", "{Q} ha detto di no.", "{Q} ha vinto ancora."], ru: ["{Q} сказал, что нет.", "{Q} снова победил.", "{Q} приехал вчера.", "{Q} — хороший друг."],
  hr: ["{Q} je rekao da neće.", "{Q} je opet pobijedio.", "{Q} je stigao jučer.", "{Q} ima novi plan."], sk: ["{Q} povedal, že nie.", "{Q} opäť vyhral.", "{Q} prišiel včera."],
  pl: ["{Q} powiedział, że nie.", "{Q} znowu wygrał.", "{Q} przyjechał wczoraj."], tl: ["Si {Q} ay umalis.", "{Q} ang nanalo."],
};
const STREET = {
  en: ["Street", "St.", "Road", "Rd", "Avenue", "Ave", "Lane", "Drive", "Way", "Court", "Place", "Boulevard", "Terrace", "Circle"],
  de: ["Straße", "straße", "Weg", "Allee", "Platz", "Gasse", "Ring"], da: ["vej", "gade", "Allé"], sv: ["vägen", "gatan", "Väg"],
  pt: ["Rua", "Avenida", "Travessa"], es: ["Calle", "Avenida", "Paseo", "Camino"], fr: ["Rue", "Avenue", "Boulevard", "Chemin", "Parc"],
  nl: ["straat", "laan", "weg", "plein"], it: ["Via", "Viale", "Piazza", "Corso"], ru: ["ул.", "улица", "проспект", "пер."],
  hr: ["ulica", "Avenija", "cesta", "trg"], sk: ["ulica", "námestie", "cesta"], pl: ["ul.", "aleja", "plac"], tl: ["Street", "Avenue", "Kalye"],
  tr: ["Caddesi", "Sokak", "Sokağı", "Bulvarı"],
};
const PRE_STREET = new Set(["pt", "es", "fr", "it", "ru"]);
function address(lang) {
  const p = pools[lang], ws = STREET[chance(0.15) ? "tr" : lang] || STREET.en, w = pick(ws);
  const base = chance(0.6) ? pickRanked(p.s) : chance(0.5) ? pickRanked(p.g) + " " + pickRanked(p.s) : pickRanked(p.city);
  const street = PRE_STREET.has(lang) || /^(ul|ulica|Rua|Calle|Via|Rue|Avenida|Avenija)/.test(w) && chance(0.5) ? `${w} ${base}` : /^[a-zäöü]/.test(w) ? base + w : `${base} ${w}`;
  const num = 1 + Math.floor(rnd() * 999), zip = String(10000 + Math.floor(rnd() * 89999)), city = pickRanked(p.city);
  const r = rnd();
  if (r < 0.4) return `${street} ${num}, ${zip} ${city}`;
  if (r < 0.7) return `${num} ${street}, ${city}`;
  if (r < 0.85) return `${street} ${num}\n${zip} ${city}`;
  return `${zip} ${city}, ${street} ${num}`;
}
const ADDR_TPL = ["{A}", "Address: {A}", "Ship to: {A}", "Deliver to {A}, please.", "Our office moved to {A}.",
  "Billing: {O}, {A}", "{P}\n{A}", "Contact: {P}, {A}, tel. 555 0100", "Lieferadresse: {A}", "Adresse : {A}", "Dirección: {A}", "Адрес: {A}"];
const HEAD_A = ["Black", "Big", "Best", "New", "Super", "Grand", "Holiday", "Summer", "Winter", "Spring", "Live", "Daily", "Weekly", "Top", "Free", "Safety",
  "Sports", "Cooking", "Family", "Ultimate", "Great", "Happy", "Little", "Perfect", "Final", "Open", "World", "National", "Global", "Real", "Digital"];
const HEAD_N = ["Day", "Week", "Contest", "Guide", "Tour", "Festival", "Awards", "Edition", "Sale", "Deals", "Show", "Challenge", "Update", "Review", "Trailer",
  "Series", "Cup", "Night", "Party", "Tips", "News", "Recipes", "Photos", "Report", "Story", "Episode", "Season", "Album",
  "Song", "Game", "App", "Edition", "Collection", "Conference", "Summit", "Workshop", "Meetup", "Podcast", "Playlist", "Giveaway", "Friday", "Monday"];
const headline = () => (chance(0.3) ? pick(T.en.neg.slice(-14)) + " " : "") + pick(HEAD_A) + " " + pick(HEAD_N) + (chance(0.3) ? " " + pick(HEAD_N) : "");
const HEAD_TPL = ["Check out the {H}!", "{H} starts tomorrow", "{H}: 10 things you missed", "Watching the {H} tonight", "Top 5 {H} ideas", "{H} is live now http://t.co/x",
  "Our {H} was a success.", "Join us for {H} at the {N}.", "{H} - {H}", "Don't miss {H}!!"];
const TEAM = ["Dolphins", "Rangers", "United", "City", "Eagles", "Lions", "Tigers", "Bulls", "Giants", "Rovers", "Wanderers", "Stars", "Kings", "Hawks", "Bears"];
const MEDIA = ["Post", "Times", "News", "Herald", "Journal", "Tribune", "Gazette", "Sports", "Radio", "TV"];
const NAT = ["American", "Canadian", "Chinese", "Japanese", "Indian", "German", "British", "French", "Italian", "Spanish", "Mexican", "Brazilian", "Russian", "Turkish",
  "Greek", "Polish", "Dutch", "Danish", "Swedish", "Slovak", "Croatian", "Serbian", "Filipino", "African", "Asian", "Catholic", "Jewish", "Muslim", "Christian", "Republican", "Democrat"];

function fill(lang) {
  const t = T[lang];
  const r0 = rnd();
  const tpl = r0 < 0.08 ? pick(OPEN[lang]) : r0 < 0.12 ? pick(ANY[lang] || (chance(0.5) ? ANY.xx : ANY.en)) : r0 < 0.17 ? pick(ADDR_TPL) : r0 < 0.2 ? pick(HEAD_TPL) : pick(t.tpl);
  let text = "";
  const spans = [];
  const bytes = (s) => Buffer.byteLength(s, "utf8");
  // A capitalized opening word before a name ("But Ana said", "Aber
  // Chinas ...") is no part of it.
  if (tpl.startsWith("{") && !tpl.startsWith("{A}") && chance(0.12)) text = cap(pick(vocab[lang])) + " ";
  for (const part of tpl.split(/(\{[A-Z]\})/)) {
    const m = /^\{([A-Z])\}$/.exec(part);
    if (!m) { text += part; continue; }
    const k = m[1];
    let v, type = null;
    let kk = k;
    if (k === "E") { const r = rnd(); kk = r < 0.4 ? "P" : r < 0.75 ? "L" : "O"; }
    if (k === "Q") { const r = rnd(); kk = r < 0.6 ? (chance(0.6) ? "G" : "S") : r < 0.85 ? "L" : "O"; }
    if (kk === "P" && k === "E" && chance(0.3)) { v = person(lang, chance(0.5) ? "G" : "S"); type = "PERSON"; }
    else if (kk === "L" && k === "E" && chance(0.5)) { v = pick(pools[lang].country); type = "LOCATION"; }
    else if (kk === "O" && k === "E" && chance(0.4)) { v = chance(0.5) ? `${place(lang)} ${pick(TEAM)}` : `${chance(0.5) ? place(lang) : pickRanked(pools[lang].s)} ${pick(MEDIA)}`; type = "ORGANIZATION"; }
    else if (k === "A") v = address(lang);
    else if (k === "H") v = headline();
    else if (kk === "P" || kk === "G" || kk === "S") { v = person(lang, kk); type = "PERSON"; }
    else if (kk === "L") { v = place(lang); type = "LOCATION"; }
    else if (kk === "O") { v = org(lang); type = "ORGANIZATION"; }
    else if (k === "T") v = pick(t.titles);
    else if (k === "N") v = lang === "de" && chance(0.7) ? deNoun() : chance(0.15) ? pick(NAT) : chance(0.7) ? pick(t.neg) : pick(T.en.neg);
    else if (k === "X") v = pick(T.en.neg.slice(-12));
    else v = pick(DAYS);
    const s = bytes(text);
    text += v;
    if (type) spans.push([s, bytes(text), type]);
  }
  return { text, spans };
}

// Sentences without names: words of the language's templates (and, for
// English, the core common-word list), the first capitalized, some others
// too (German nouns, headline case), and capitalized non-names.
const COMMON = fs.readFileSync(path.join(ROOT, "src", "names", "data", "common.txt"), "utf8")
  .split("\n").filter((l) => l && !l.startsWith("#"));
const vocab = {};
for (const [lang, t] of Object.entries(T)) {
  const words = t.tpl.join(" ").replace(/\{[A-Z]\}/g, " ").split(/[\s.,!?:;()]+/).filter((w) => /^\p{Ll}/u.test(w));
  vocab[lang] = lang === "en" ? words.concat(COMMON) : words;
}
// German nouns (capitalized, never names) and compounds of two: the
// articles before them say "noun", their endings too.
const DE_NOUNS = ("Arbeit Anfang Antwort Aufgabe Ausbildung Auto Bahn Bank Bau Beispiel Bereich Bericht Beruf Bild Blick Boden Brief Buch Bürger Dach " +
  "Dorf Druck Ende Entscheidung Entwicklung Erfahrung Ergebnis Erfolg Fall Familie Farbe Fenster Fest Feuer Film Firma Fläche Flug Form Frage Frau " +
  "Freund Frieden Führung Garten Gebiet Gebäude Gefahr Gegend Geld Gemeinde Geschichte Gesellschaft Gesetz Gespräch Gewalt Glück Grenze Grund Gruppe " +
  "Hand Handel Haus Heimat Herz Hilfe Himmel Hof Hotel Idee Industrie Insel Interesse Jahr Jahrhundert Jugend Kampf Karte Kind Kirche Klasse Kopf " +
  "Kosten Kraft Krankheit Krieg Kultur Kunde Kunst Küste Land Landschaft Leben Lehrer Leistung Leute Licht Liebe Liste Luft Macht Mann Markt Meer " +
  "Meinung Mensch Minute Mitglied Mittel Monat Morgen Musik Mutter Nacht Name Natur Nähe Ordnung Ort Papier Partei Person Plan Platz Politik Preis " +
  "Problem Programm Projekt Prozent Punkt Rat Raum Recht Regel Regierung Reise Rolle Ruhe Sache Schiff Schule Schutz Seite Sicherheit Sieg Sinn " +
  "Sohn Sommer Spiel Sprache Staat Stadt Stelle Stimme Straße Strom Stunde Suche System Tag Teil Thema Tier Tisch Tod Tor Umwelt Unternehmen " +
  "Ursache Vater Verbindung Verein Verkehr Vertrag Volk Wahl Wald Wand Wasser Weg Welt Werk Wert Wetter Wirtschaft Wissen Woche Wort Zahl Zeit " +
  "Zeitung Zentrum Ziel Zimmer Zug Zukunft Zusammenhang").split(" ");
const deNoun = () => (chance(0.35) ? pick(DE_NOUNS) + pick(DE_NOUNS).toLowerCase() + (chance(0.5) ? pick(["en", "s", "n", ""]) : "") : pick(DE_NOUNS) + (chance(0.3) ? pick(["en", "e", "n", "s", "er"]) : ""));
const DE_ART = "der die das den dem des ein eine einen einem einer eines kein keine mein meine unser unsere dieser diese diesem jede jeder viele alle zwei drei im am zum zur vom beim".split(" ");

function negative(lang) {
  if (lang === "de" && chance(0.7)) {
    const w = [];
    for (let i = 0, n = 4 + Math.floor(rnd() * 10); i < n; i++) {
      const r = rnd();
      if (r < 0.35) w.push(pick(DE_ART), deNoun());
      else if (r < 0.45) w.push(deNoun());
      else w.push(pick(vocab.de));
    }
    w[0] = cap(w[0]);
    // An opening adverb or adjective and a noun, both capitalized.
    if (chance(0.3)) w.unshift(cap(pick(vocab.de)));
    return w.join(" ") + pick([".", ".", "!", "?", ":"]);
  }
  const n = 3 + Math.floor(rnd() * 10), capP = lang === "de" ? 0.3 : lang === "en" ? 0.14 : 0.06;
  const w = [];
  for (let i = 0; i < n; i++) {
    let x = chance(0.12) ? pick(T[lang].neg) : pick(vocab[lang]);
    if (i === 0 || (i === 1 && chance(0.2)) || chance(capP)) x = cap(x);
    w.push(x);
  }
  // Headline case (every word capitalized) is no name either.
  if (lang !== "de" && chance(lang === "en" ? 0.22 : 0.15)) return w.map(cap).join(" ") + pick(["", ":", " -", "!"]);
  // Shouting, acronyms and lone letters are not names either.
  if (chance(0.1)) return w.join(" ").toUpperCase() + pick([".", "!!", ""]);
  if (chance(0.3)) w.splice(Math.floor(rnd() * w.length), 0, pick(["A", "B", "C", "D", "P", "X", "TV", "OK", "PS", "RT", "QB", "CEO", "PDF", "LOL", "FYI", "ASAP", "NEW", "VIDEO", "FREE"]));
  return w.join(" ") + pick([".", ".", ".", "!", "?", "", ":"]);
}

function item() {
  const lang = pick(langList);
  const k = 1 + Math.floor(rnd() * rnd() * 3);
  let text = "", spans = [];
  const parts = chance(0.15) ? [] : Array.from({ length: k }, () => fill(lang));
  for (let i = 0; i < 1 + Math.floor(rnd() * 2); i++) {
    if (chance(0.5)) parts.splice(Math.floor(rnd() * (parts.length + 1)), 0, { text: negative(lang), spans: [] });
  }
  if (!parts.length) parts.push({ text: negative(lang), spans: [] });
  for (const f of parts) {
    const sep = text ? (chance(0.3) ? "\n" : " ") : "";
    const off = Buffer.byteLength(text + sep, "utf8");
    text += sep + f.text;
    spans = spans.concat(f.spans.map(([a, b, t]) => [a + off, b + off, t]));
  }
  // Social-media noise: a leading handle, trailing hashtags or an emoji.
  if (chance(0.08)) {
    const pre = "@" + pick(["user", "mike_22", "newsbot", "jj"]) + " ";
    const d = Buffer.byteLength(pre, "utf8");
    text = pre + text;
    spans = spans.map(([a, b, t]) => [a + d, b + d, t]);
  }
  if (chance(0.06)) text += " " + pick(["#news", "#fail", "😂", ":)", "#MondayMotivation", "http://t.co/x1"]);
  return { text, spans };
}

fs.mkdirSync(path.dirname(o.out), { recursive: true });
const out = [];
for (let i = 0; i < o.n; i++) out.push(JSON.stringify(item()));
fs.writeFileSync(o.out, out.join("\n") + "\n");
console.log(`names-tagger-gen: ${o.n} items -> ${path.relative(ROOT, o.out)}`);
