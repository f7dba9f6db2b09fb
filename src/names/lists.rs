//! Every word list of the name detectors, as data. The big dictionaries
//! (given names, surnames, common words, places) are files in `data/`
//! (see `data/README.md`); the cue and street-type lists are written here,
//! grouped by the detector that reads them. Each list's `bit` is its index
//! in [`REGISTRY`], which the lexicon is built from.
//!
//! Depends only on `dict` (the list type).

use super::dict::WordList;

// The dictionaries.

static GIVEN: WordList = WordList::front_coded(
    0,
    include_str!(concat!(env!("OUT_DIR"), "/names_given.fc")),
);

static SURNAMES: WordList = WordList::front_coded(
    1,
    include_str!(concat!(env!("OUT_DIR"), "/names_surnames.fc")),
);

static COMMON: WordList = WordList::front_coded(
    2,
    include_str!(concat!(env!("OUT_DIR"), "/names_common.fc")),
);

static AMBIGUOUS: WordList = WordList::front_coded(
    3,
    include_str!(concat!(env!("OUT_DIR"), "/names_ambiguous.fc")),
);

static PLACES: WordList = WordList::front_coded(
    4,
    include_str!(concat!(env!("OUT_DIR"), "/names_places.fc")),
);

/// Countries, first-level regions and continents: the places reported
/// without a cue (`scripts/names-places` splits them out
/// of `places.txt`).
static PLACES_MAJOR: WordList = WordList::front_coded(
    37,
    include_str!(concat!(env!("OUT_DIR"), "/names_places_major.fc")),
);

/// Places in Chinese and Japanese script (countries, China's provinces,
/// big cities, continents), found inside a run of Han or kana by
/// `cjk.rs` (`scripts/names-places-cjk`).
pub(crate) static PLACES_CJK: WordList = WordList::front_coded(
    40,
    include_str!(concat!(env!("OUT_DIR"), "/names_places_cjk.fc")),
);

/// Surnames of well-known heads of state and government (`data/famous.txt`):
/// one alone is a person ("Trump said", "spottete Obama").
pub(crate) static FAMOUS: WordList = WordList::front_coded(
    43,
    include_str!(concat!(env!("OUT_DIR"), "/names_famous.fc")),
);

/// Organizations known worldwide by name (`data/orgs_known.txt`, folded
/// by the build): reported capitalized, not in a run of capitals
/// ("Google", "Fox News", "Médecins Sans Frontières"; `org.rs`).
pub(crate) static ORGS_KNOWN: WordList = WordList::front_coded(
    44,
    include_str!(concat!(env!("OUT_DIR"), "/names_orgs_known.fc")),
);

/// Online platforms known by name (`data/orgs_web.txt`, folded by the
/// build): as [`ORGS_KNOWN`], and also inside a title-case run.
pub(crate) static ORGS_WEB: WordList = WordList::front_coded(
    45,
    include_str!(concat!(env!("OUT_DIR"), "/names_orgs_web.fc")),
);

/// Name particles: lowercase words inside a name ("van der", "da", "de la").
pub(crate) static PARTICLES: WordList = WordList::new(5, "\n\
    al\nbin\nbinti\nda\ndas\nde\ndegli\ndei\ndel\ndella\nden\nder\ndes\ndi\ndo\ndos\n\
    du\nel\nla\nle\nten\nter\nvan\nvon\ny\nzu\n");

// ADDRESS (`address.rs`).

/// Street types written after the street name (folded).
pub(crate) static SUFFIX: WordList = WordList::new(6, "\n\
    allee\nalley\napproach\narcade\nave\navenue\nbagh\nbend\nblvd\nboulevard\nbranch\n\
    bridge\nbroadway\nbrook\nbypass\ncauseway\ncenter\ncenters\ncentre\ncentreway\n\
    chase\nchowk\ncir\ncircle\ncircus\ncliff\nclose\ncolony\ncommon\ncorner\ncorners\n\
    course\ncourt\ncourts\ncove\ncreek\ncres\ncrescent\ncrest\ncrossing\nct\ncurve\n\
    dale\ndamm\ndr\ndrive\ndrives\nenclave\nesplanade\nestate\nestates\nexpressway\n\
    extension\nfalls\nferry\nfield\nfields\nflat\nflats\nford\nforge\nforges\nfork\n\
    forks\nfort\nfreeway\ngali\nganj\ngarden\ngardens\ngasse\ngatan\ngateway\ngdns\n\
    glen\ngreen\ngrove\nharbor\nharbour\nhaven\nheights\nhighroad\nhighway\nhill\n\
    hills\nhollow\nhwy\ninlet\nisland\nisle\njunction\nkey\nkeys\nknoll\nlaan\nlake\n\
    lakes\nlanding\nlane\nlight\nlights\nln\nlock\nlodge\nloop\nmall\nmanor\nmarg\n\
    meadow\nmeadows\nmews\nmill\nmills\nmotorway\nmount\nmountain\nnagar\norchard\n\
    oval\nparade\npark\nparkway\npass\npassage\npath\npike\npine\npines\npkwy\npl\n\
    place\nplain\nplains\nplatz\nplaza\nplein\npoint\nport\nports\nprairie\npromenade\n\
    quay\nrd\nridge\nridges\nring\nrise\nroad\nroute\nrow\nrun\nsalai\nsector\nshoal\n\
    shore\nshores\nskyway\nspring\nsprings\nsq\nsquare\nst\nstation\nstr\nstraat\n\
    strasse\nstravenue\nstream\nstreet\nstreets\nsummit\nter\nterrace\nthroughway\n\
    trace\ntrack\ntrafficway\ntrail\ntrl\ntunnel\nturnpike\nunion\nunions\nvagen\n\
    valley\nvej\nvia\nviaduct\nview\nviews\nvillage\nvillages\nville\nvista\nwalk\n\
    wall\nway\nways\nweg\nwell\nwells\nwharf\nzila\n");

/// Street types written before the street name (folded).
pub(crate) static PREFIX: WordList = WordList::new(
    7,
    "\n\
    acceso\naeroporto\nal\nalameda\naleja\nallee\narea\nav\navda\navenida\n\
    avenue\nbajada\nbd\nborgo\nboulevard\nc\ncalle\ncallejon\ncam\ncamino\n\
    campo\ncanada\ncanale\ncarrer\ncarrera\ncarretera\nchacara\nchemin\ncl\n\
    colonia\ncondominio\nconjunto\ncontrada\ncorso\ncours\nctra\ncuesta\n\
    distrito\nesplanada\nestacao\nestrada\nfavela\nfazenda\nfeira\nglorieta\n\
    impasse\nincrocio\njardim\nladeira\nlago\nlagoa\nlargo\nloteamento\n\
    lungomare\nmorro\nnucleo\nos\nosiedle\nparque\npasadizo\npasaje\npaseo\n\
    passarela\npatio\npiazza\npiazzale\npje\npl\nplac\nplace\nplaza\npraca\n\
    praia\npza\nquadra\nquai\nrambla\nrecanto\nresidencial\nrodovia\nronda\n\
    rotonda\nroute\nrua\nrue\nsetor\nsitio\nstrada\nstretto\ntravesia\n\
    travessa\ntrecho\ntrevo\nul\nulica\nurbanizacion\nvale\nvereda\nvia\n\
    viaduto\nvial\nviale\nvicolo\nviela\nvila\nаллея\nбулевар\nбульвар\nвул\n\
    вулиця\nмайдан\nнабережная\nпер\nпереулок\nплощадь\nпровулок\nпроезд\n\
    проспект\nтрг\nтупик\nул\nулица\nшоссе\n",
);

/// Prefix types that may be written in lowercase.
pub(crate) static PREFIX_LOWER: WordList = WordList::new(8, "\n\
    al\naleja\nallee\navenue\nbd\nboulevard\nchemin\ncours\nimpasse\nos\nosiedle\npl\n\
    plac\nplace\nquai\nroute\nrue\nul\nulica\n");

/// Endings of compound street words ("Hauptstraße", "Storgatan").
pub(crate) static JOINED: WordList = WordList::new(9, "\n\
    allee\nbaan\nboulevard\nchaussee\ndamm\ndijk\ndreef\ngasse\ngata\ngatan\ngracht\n\
    grand\nhof\nkade\nkatu\nkuja\nlaan\nmarkt\npfad\nplads\nplatz\nplein\nring\nsingel\n\
    steeg\nsteig\nstigen\nstr\nstraat\nstraede\nstrasse\ntie\ntorget\nufer\nvagen\nvei\n\
    veien\nvej\nweg\n");

/// Joined endings that are also English word endings ("Notepad"): these
/// need a postcode to count.
pub(crate) static JOINED_WEAK: WordList = WordList::new(
    10,
    "\n\
    gata\nhof\npad\npark\ntie\nvei\n",
);

/// Unit / building designators.
pub(crate) static UNIT: WordList = WordList::new(11, "\n\
    apartado\napartment\nappartamento\napt\nbldg\nbloco\nbox\nbuilding\ncasa\ndepto\n\
    dpto\netage\nfl\nflat\nfloor\nhno\ninterno\nlevel\nlok\nlokal\nm\nmieszkanie\nno\n\
    piano\npiso\npostfach\npuerta\nroom\nscala\nste\nstudio\nsuite\nunit\nwhg\nwohnung\n");

/// Prefix types that are abbreviations: they need their dot.
pub(crate) static ABBR: WordList = WordList::new(
    13,
    "\n\
    al\nav\nbd\nc\ncam\ncl\nctra\nos\npje\npl\npza\nul\n",
);

/// Words before an address that raise a weak core.
pub(crate) static CUE: WordList = WordList::new(12, "\n\
    abito\naddress\nadres\nadresse\nanschrift\nbor\ndeliver\ndelivery\ndireccion\n\
    domicilio\nendereco\nhabite\nindirizzo\nlive\nlives\nliving\nlocated\nmail\n\
    mieszkam\nmoro\nmoved\nreside\nresides\nresiding\nsend\nship\nshipping\nvisit\n\
    vivo\nwohne\nwoon\n");

// PERSON (`person.rs`).

pub(crate) static TITLES: WordList = WordList::new(
    14,
    "\n\
    avv\nbapak\nbay\nbayan\ncapt\ncol\ndhr\ndna\ndoamna\ndocteur\ndoctor\n\
    domnisoara\ndomnul\ndona\ndott\ndottore\ndottoressa\ndotts\ndottssa\ndr\n\
    dra\nfrau\nfraulein\nfroken\nfru\ngda\ngospa\ngospod\ngospoda\ngospodin\n\
    gospodja\ngov\nharra\nherr\nherra\nhr\nibu\ning\ninz\nkhun\nkumari\nlic\n\
    licenciada\nlicenciado\nlt\nmadam\nmadame\nmademoiselle\nmaitre\nmevr\n\
    mevrouw\nmgr\nmiss\nmister\nmlle\nmme\nmonsieur\nmr\nmrs\nms\nmx\nna\n\
    neiti\npan\npani\npanna\nprof\nprofessor\nproua\nra\nrep\nrev\nrouva\n\
    sayin\nsen\nsenhor\nsenhora\nsenor\nsenora\nsenorita\nsgt\nshri\nsig\n\
    signor\nsignora\nsignore\nsignorina\nsigra\nsir\nslecna\nsmt\nsr\nsra\n\
    sri\nsrta\ntohtori\nκυρία\nκύριος\nг-жа\nг-н\nгосподин\nгоспожа\nгоспођа\n\
    пан\nпани\nпані\nтоварищ\nآقای\nالسيد\nالسيدة\nخانم\n",
);

/// Cue phrases (folded, space-joined) that make the next capitalized run a
/// name. Strong ones alone suffice; soft ones need a dictionary word.
pub(crate) static STRONG: WordList = WordList::new(
    15,
    "\n\
    a nevem\nako si\nattention\nattn\nbenim adim\nbest\nbeste\ncall me\ncara\n\
    caro\nchamo-me\ncheers\ncher\nchere\ndear\nhallo\nheet\ni am called\n\
    ich bin\nich heisse\nik heet\njag heter\nje mappelle\njeg hedder\n\
    jeg heter\njmenuji se\nliebe\nlieber\nma numesc\nmam na imie\nme chamo\n\
    me llamo\nmein name ist\nmeu nome e\nmi chiamo\nmi nombre es\n\
    mijn naam is\nmio nome e\nmit navn er\nmitt namn ar\nmitt navn er\n\
    moi cest\nmon nom est\nmy name is\nnama saya\nname\nname is\nnamed\n\
    nazywam sie\nnimeni on\nnumele meu este\npangalan ko ay\npatient\n\
    querida\nquerido\nregards\nsigned\nsincerely\nthanks\nvolam sa\nyours\n\
    zovem se\nλέγομαι\nμε λένε\nονομάζομαι\nτο όνομά μου είναι\nзовем се\n\
    мене звати\nменя зовут\nмое имя\nмоё имя\nмоє імя\n",
);

/// Soft cues too common to lift a single word (used only for pairs).
pub(crate) static WEAK: WordList = WordList::new(
    16,
    "\n\
    about\nand\nby\nfor\nfrom\nis\nlet\nper\nto\nwith\n",
);

/// Greetings: "Hi Agathe," / "Thanks Rodolfo!" lift a single unknown word.
pub(crate) static GREET: WordList = WordList::new(
    17,
    "\n\
    ahoj\nboa noite\nboa tarde\nbok\nbom dia\nbonjour\nbonsoir\nbuenas\n\
    buenas noches\nbuenas tardes\nbuenos dias\nbuna\nbuna ziua\nbuonasera\n\
    buongiorno\ncao\ncheers\nciao\ncoucou\nczesc\ndear\ndobar dan\ndobry den\n\
    dzien dobry\nevening\ngod morgon\ngoddag\ngodmorgen\ngoedemiddag\n\
    goedemorgen\ngoedenavond\ngood afternoon\ngood evening\ngood morning\n\
    gruss gott\ngunaydin\nguten abend\nguten morgen\nguten tag\nhai\nhallo\n\
    halo\nhei\nhej\nhejsan\nhello\nhey\nhi\nhiya\nhoi\nhola\nhuomenta\n\
    jo napot\nkumusta\nlabas\nmerhaba\nmoi\nmoin\nmorning\noi\nola\nsalut\n\
    salve\nselam\nselamat pagi\nservus\nsveiki\nszia\nsziasztok\ntere\nterve\n\
    thank you\nthanks\ntjena\nwitaj\nwitam\nyo\nzdravo\nγεια\nγεια σας\n\
    γεια σου\nκαλημέρα\nвітаю\nдобар дан\nдоброе утро\nдобрый день\nздраво\n\
    здравствуйте\nпривет\nпривіт\n",
);

pub(crate) static SOFT: WordList = WordList::new(
    18,
    "\n\
    about\nadim\nalcalde\nand\napplicant\nask\nask for\nasked\nbest\nbonjour\n\
    borgmester\nboss\nbrother\nburgemeester\nbuyer\nby\ncall\ncandidate\ncc\n\
    chancellor\ncheers\nciao\nclient\ncolleague\ncontact\ncustomer\nczesc\n\
    daughter\ndirektor\ndm\nemail\nemployee\nfather\nfor\nfriend\nfrom\n\
    generaldirektor\ngobernador\ngovernor\nhej\n\
    hello\nhey\nhi\nhola\nholder\nhusband\ni am\nich bin\nik ben\nim\ninvite\n\
    is\nja sam\nje suis\njestem\njsem\njudge\nkanzler\nkanzlerin\nlet\n\
    manager\nmayor\nmeet\nmessage\nmet\nminister\nministre\nministro\nmother\n\
    ola\nolen\nowner\npay\nper\nping\npope\nprasident\npredsednik\n\
    predsjednik\nprefeito\npresident\npresidente\nprezydent\nrecipient\n\
    remind\nsaid\nsays\nseller\nsenador\nsenateur\nsenator\nsenatore\nsender\n\
    sent\nsindaco\nsister\nsom\nson\nsono\nsoy\nstatsminister\ntell\ntenant\n\
    text\nthank\nthank you\nthanks\nthis is\nto\ntold\nuser\nvagyok\nwife\n\
    with\nwrote\nминистр\nпрезидент\nја сам\n",
);

/// Endings of English-looking derivations ("Championship", "Engineering").
pub(crate) static ENDINGS: WordList = WordList::new(19, "\n\
    able\nance\nary\nated\nbook\nence\nery\nese\nful\nian\nible\nical\nics\ning\nised\n\
    ish\nism\nist\nity\nive\nized\nland\nless\nment\nness\nogy\nory\nous\nship\nsion\n\
    tion\nure\nware\n");

// LOCATION and DATE_OF_BIRTH (`place.rs`).

pub(crate) static LOC_CUE: WordList = WordList::new(20, "\n\
    a\nacross\naround\nat\naus\nda\nde\ndesde\ndi\nen\nfran\nfrom\ni\nin\nnaar\nnach\n\
    near\noutside\ntill\nto\ntowards\nuit\nvisit\nvisited\nvisiting\nw\nz\n");

/// Cues that may be ambiguous with people ("to Jordan", "with Chad").
pub(crate) static WEAK_LOC_CUE: WordList = WordList::new(
    21,
    "\n\
    a\nat\nda\nde\ndi\ni\nto\nw\nz\n",
);

pub(crate) static BIRTH_CUE: WordList = WordList::new(22, "\n\
    aniversario\nanniversaire\nbday\nbirth\nbirthdate\nbirthday\nborn\ncompleanno\n\
    cumpleanos\ndob\nfodd\nfodelsedag\nfodelsedatum\ngeb\ngeboortedatum\ngeboren\n\
    geburtsdatum\ngeburtstag\nnacida\nnacido\nnacimiento\nnaissance\nnascida\nnascido\n\
    nascimento\nnascita\nnata\nnato\nne\nnee\nurodzenia\nurodziny\nurodzona\nurodzony\n");

/// Month names and abbreviations (folded), several languages.
pub(crate) static MONTHS: WordList = WordList::new(23, "\n\
    abril\nagosto\naout\napr\napril\naprile\naug\naugust\naugusti\naugustus\navril\n\
    czerwca\nczerwiec\ndec\ndecember\ndecembre\ndezember\ndezembro\ndicembre\n\
    diciembre\nenero\nfeb\nfebbraio\nfebrero\nfebruar\nfebruari\nfebruary\nfevereiro\n\
    fevrier\ngennaio\ngiugno\ngrudnia\ngrudzien\njan\njaneiro\njanuar\njanuari\n\
    january\njanvier\njuillet\njuin\njul\njulho\njuli\njulio\njuly\njun\njune\njunho\n\
    juni\njunio\nkwiecien\nkwietnia\nlipca\nlipiec\nlistopad\nlistopada\nluglio\n\
    lutego\nluty\nmaart\nmaggio\nmai\nmaio\nmaj\nmaja\nmar\nmarca\nmarch\nmarco\nmars\n\
    marz\nmarzec\nmarzo\nmay\nmayo\nmei\nnov\nnovember\nnovembre\nnovembro\nnoviembre\n\
    oct\noctober\noctobre\noctubre\noktober\nottobre\noutubro\npazdziernik\n\
    pazdziernika\nsep\nsept\nseptember\nseptembre\nseptiembre\nsetembro\nsettembre\n\
    sierpien\nsierpnia\nstyczen\nstycznia\nwrzesien\nwrzesnia\n");

// Issue 14: context grammar for PERSON, ORGANIZATION and LOCATION.

pub(crate) static FIELD_PERSON: WordList = WordList::new(
    24,
    "\n\
    achternaam\nad\nad soyad\nadi\nansprechpartner\napellido\napellidos\n\
    applicant\nattendee\nattendees\nauteur\nauthor\nautor\nautore\ncognome\n\
    contact\n\
    contact name\ncontact person\ncustomer\ncustomer name\nefternamn\n\
    efternavn\nemployee\nemployee name\netternavn\netunimi\nfamily name\n\
    first name\nfirstname\nfornamn\nfornavn\nfull name\nfullname\ngiven name\n\
    ime\nimie\nisim\njmeno\nkunde\nlast name\nlastname\nmeno\nnaam\nnachname\n\
    nama\nname\nnamn\nnavn\nnazwisko\nnev\nnimi\nnom\nnom complet\nnombre\n\
    nombre completo\nnome\nnome completo\nnume\npangalan\nparticipants\npatient\n\
    patient name\nprenom\nprenume\nprezime\npriezvisko\nprijmeni\n\
    recipient\n\
    sender\nsoyad\nsukunimi\nsurname\nuser\nvoornaam\nvorname\nόνομα\nиме\n\
    имя\nфамилия\nфио\nімя\n",
);

pub(crate) static FIELD_LOC: WordList = WordList::new(
    25,
    "\n\
    bundesland\nby\ncidade\ncitta\ncity\nciudad\ncomune\ncountry\ncounty\n\
    drzava\nestado\ngeburtsort\ngrad\nhometown\nil\nkaupunki\nkota\nkraj\n\
    land\nlieu de naissance\nlocalidad\nlocation\nlugar de nacimiento\n\
    luogo di nascita\nmesto\nmiasto\nmiejscowosc\nmjesto\nmunicipio\n\
    naturalidade\nnegara\norszag\nort\npaese\npais\npays\nplaats\n\
    place of birth\nprovince\nprovincia\nprovincie\nregion\nsehir\nstad\n\
    stadt\nstate\ntown\nulke\nvaros\nville\nwohnort\nwojewodztwo\nwoonplaats\n\
    πόλη\nгород\nград\nдржава\nкраїна\nмісто\nстрана\n",
);

/// Form labels whose value is no name ("Gender:", "Age:", "Species:"):
/// a value after one is no person, and the label is no speaker.
pub(crate) static FIELD_OTHER: WordList = WordList::new(
    38,
    "\n\
    abilities\nage\nalignment\nappearance\nbackground\nbackstory\nbirthday\n\
    dislikes\nedad\neyes\ngender\ngeschlecht\nhair\nheight\nhobbies\nlikes\n\
    nationality\noccupation\npersonality\nprofession\nrace\nsex\nsexe\nsexo\n\
    skills\nspecies\nweight\n",
);

/// Frequent German function words that no other language of the set
/// writes the same way (folded): a bit of each token's lexicon entry, so
/// reading German around a run costs a bit test a word.
pub(crate) static GERMAN_MARKERS: WordList = WordList::new(
    39,
    "\n\
    auch\nauf\naus\nbei\nbeim\ndas\ndass\ndem\nder\ndes\ndie\n\
    diese\ndieser\ndurch\nein\neine\neinem\neinen\neiner\n\
    eines\nfur\nhaben\nhat\nhatte\nich\nihre\nist\nkeine\nmit\n\
    nach\nnicht\nnoch\nnur\noder\nschon\nsehr\nseine\nsich\n\
    sie\nsind\nuber\nund\nunter\nviel\nvom\nwaren\nwenn\n\
    werden\nwie\nwir\nwird\nwurde\nzum\nzur\nzwischen\n",
);

pub(crate) static FIELD_ORG: WordList = WordList::new(
    26,
    "\n\
    arbeidsgiver\narbeitgeber\narbejdsgiver\narbetsgivare\nazienda\nbedrijf\n\
    compania\ncompany\ncompany name\nempleador\nemployer\nemployeur\nempresa\n\
    entreprise\nfirma\nforetag\ninstitucion\nisveren\norganisatie\n\
    organisation\norganizacion\norganization\nperusahaan\npracodawca\nschool\n\
    sirket\nsociete\nspolecnost\nspolocnost\ntyonantaja\nuniversidad\n\
    universita\nuniversitat\nuniversite\nuniversiteit\nuniversity\n\
    unternehmen\nvirksomhed\nwerkgever\nyritys\nzamestnavatel\nεταιρεία\n\
    компания\nработодатель\n",
);

pub(crate) static CLOSING: WordList = WordList::new(
    27,
    "\n\
    abracos\natenciosamente\natentamente\nbedankt\nbest\nbest regards\n\
    best wishes\ncheers\ncordialement\ncordiali saluti\ncordialmente\n\
    cu stima\ncumprimentos\ndanke\ndistinti saluti\ngracias\ngrazie\ngroet\n\
    groeten\ngruss\ngrusse\ngrussen\nhalsning\nhalsningar\nhilsen\n\
    kind regards\nlg\nmed venlig hilsen\nmerci\nmet vriendelijke groet\nmfg\n\
    mvh\nobrigado\npozdrav\npozdravy\npozdrawiam\nregards\ns pozdravem\n\
    s pozdravom\nsaludos\nsalutations\nsaluti\nsaygilarimla\nsincerely\n\
    terveisin\nthank you\nthanks\nudvozlettel\nvenlig hilsen\nvennlig hilsen\n\
    viele grusse\nyours\nyours sincerely\nз повагою\nповагою\nпоздрав\n\
    с уважением\nуважением\n",
);

pub(crate) static SALUTE: WordList = WordList::new(
    28,
    "\n\
    beste\ncara\ncari\ncaro\ncher\nchere\ndear\ndearest\ndegerli\ndraga\n\
    dragi\ndroga\ndrogi\negregio\nestimada\nestimado\nestimados\ngeachte\n\
    geehrte\ngeehrter\ngentile\ngentilissima\ngentilissimo\nhello\nhi\nhyva\n\
    kaere\nkara\nkedves\nliebe\nlieber\nmila\nmily\npostovana\npostovani\n\
    prezada\nprezado\nquerida\nquerido\nsayin\nsehr geehrte\nsehr geehrter\n\
    sevgili\nstimata\nstimate\nszanowna\nszanowni\nszanowny\nvazena\nvazeny\n\
    yth\nαγαπητέ\nαγαπητή\nдорогая\nдорогой\nпоштована\nпоштовани\nуважаемая\n\
    уважаемый\nшановна\nшановний\n",
);

pub(crate) static RELATION: WordList = WordList::new(
    29,
    "\n\
    ami\namica\namico\namie\namiga\namigo\nassistant\nboss\nboyfriend\n\
    brother\nbruder\nchef\nchefe\nclient\nco-worker\ncolega\ncolleague\n\
    collega\ncollegue\ncoworker\ncustomer\ndaughter\ndoctor\nesposa\nesposo\n\
    father\nfemme\nfiglia\nfiglio\nfilha\nfilho\nfille\nfils\nfratello\nfrau\n\
    frere\nfreund\nfreundin\nfriend\ngirlfriend\nhermana\nhermano\nhija\n\
    hijo\nhusband\nirma\nirmao\njefe\nkollege\nkollegin\nmadre\nmae\nmanager\n\
    mann\nmari\nmarido\nmere\nmoglie\nmother\nmutter\nneighbor\nneighbour\n\
    padre\npai\npartner\npere\nprzyjaciel\nschwester\nsister\nsoeur\nsohn\n\
    son\nsorella\nstudent\nteacher\nteammate\ntenant\ntochter\nvater\nwife\n",
);

pub(crate) static POSSESSIVE: WordList = WordList::new(
    30,
    "\n\
    her\nhis\nil mio\nla mia\nma\nmein\nmeine\nmeinem\nmeinen\nmeiner\nmeu\n\
    mi\nmia\nmijn\nmin\nmina\nminha\nmio\nmis\nmitt\nmoj\nmoja\nmoje\nmojego\n\
    mojej\nmon\nmuj\nmy\nnossa\nnosso\nnotre\nnuestra\nnuestro\nonze\nour\n\
    their\nunser\nunsere\nvar\nvor\nyour\n",
);

pub(crate) static POST_TITLE: WordList = WordList::new(
    31,
    "\n\
    asszony\nbey\nchan\nefendi\nesq\nhanim\nii\niii\niv\nji\njr\nkun\nmd\n\
    nim\nphd\nsaheb\nsahib\nsama\nsan\nsenpai\nsensei\nsr\nssi\nur\n",
);

pub(crate) static ORG_CUE: WordList = WordList::new(
    32,
    "\n\
    acquired by\nangestellt bei\narbeitet bei\narbejder hos\narbetar pa\n\
    ceo of\nchez\ncto of\nemployed at\nemployed by\nfounder of\nhead of\n\
    jobbar pa\njobber i\njoined\nlavora per\nlavora presso\npracuje w\n\
    pracuji v\nradi u\ntrabaja en\ntrabaja para\ntrabalha na\ntrabalha no\n\
    travaille chez\ntravaille pour\nwerkt bij\nwork at\nwork for\nworks at\n\
    works for\nεργάζεται στην\nпрацює в\nработает в\n",
);

pub(crate) static ORG_AFTER: WordList = WordList::new(
    33,
    "\n\
    account\nboard\nceo\ncfo\ncto\ncustomer service\nemployees\nheadquarters\n\
    helpdesk\nhq\npress office\nshares\nspokesman\nspokesperson\nspokeswoman\n\
    staff\nstock\nstore\nstores\nsubsidiary\nsupport\nteam\n",
);

pub(crate) static ORG_SUFFIX: WordList = WordList::new(
    34,
    "\n\
    ab\nacademy\nad\nag\nagency\nairlines\nairways\nalliance\naps\nas\nasa\n\
    associates\nassociation\nauthority\nautomotive\nbancorp\nbank\n\
    bankshares\nbau\nbhd\nbiosciences\nbrewery\nbt\nbv\ncapital\ncia\n\
    clinic\nclub\nco\ncollege\ncommission\ncommittee\ncommunications\n\
    compania\ncompany\nconsulting\ncorp\ncorporation\ncouncil\ncv\ndd\ndoo\n\
    eg\nehf\neireli\neirl\nelectronics\nenergy\nenterprises\nentertainment\n\
    eood\nev\nfc\nfederation\nfondation\nfondazione\nfoods\nfoundation\n\
    fundacion\nfundacja\ngbr\ngk\ngmbh\ngroep\ngroup\ngroupe\ngrupa\ngrupo\n\
    gruppe\ngruppen\ngruppo\nhermanos\nhf\nholding\nholdings\nhospital\n\
    hotel\nhotels\ninc\nincorporated\nindustries\ninstitute\ninsurance\n\
    international\nis\njsc\nkft\nkg\nkk\nkoncernen\nkonzern\nks\n\
    laboratories\nlabs\nlimited\nllc\nllp\nlogistics\nlp\nltd\nltda\nmedia\n\
    ministry\nmotors\nnetwork\nnetworks\nnv\nnyrt\noao\nohg\nojsc\nood\nooo\n\
    oy\noyj\npartners\npharma\npharmaceuticals\n\
    pjsc\nplc\npllc\npt\npte\npty\nrecords\nrestaurant\nsa\nsaa\nsac\nsapa\n\
    sarl\nsas\nsasu\nsau\nsc\nsca\nscarl\nsdn\nse\nservices\nsl\nsll\nslu\n\
    snc\nsociete\nsociety\nsoftware\nsolutions\nsp\nspa\nspolka\nsrl\nsro\n\
    stichting\nstiftung\nstudios\nsystems\ntbk\ntechnologies\ntechnology\n\
    telecom\ntherapeutics\nug\nunited\nuniversitat\nuniversiteit\n\
    universitet\nuniversity\nventures\nverein\nverlag\nvof\nvos\nwerke\nyk\n\
    zao\nzrt\n",
);

pub(crate) static ORG_PREFIX: WordList = WordList::new(
    35,
    "\n\
    ayuntamiento\nbanca\nbanco\nbank\nbanka\nbanque\ncamara\nclub\ncolegio\n\
    college\ncomitato\ncomite\nfondation\nfondazione\nfundacao\nfundacion\n\
    fundacja\ngroupe\ngrupo\ngruppo\nhopital\nhospital\ninstitut\ninstitute\n\
    instituto\nistituto\nklinikum\nklub\nministarstvo\nministere\nministerio\n\
    ministerium\nministero\nministerstvo\nministerstwo\nministry\nmusee\n\
    museo\nmuseum\nospedale\npartei\nparti\npartido\npartito\nprefeitura\n\
    stiftung\nstrana\nstranka\nsveuciliste\nuniversidad\nuniversidade\n\
    universita\nuniversitat\nuniversitatea\nuniversite\nuniversiteit\n\
    universitet\nuniversity\nuniverzita\nuniverzitet\nuniwersytet\n",
);

pub(crate) static LOC_STRONG: WordList = WordList::new(
    36,
    "\n\
    abito a\nbased in\nbor i\nbor pa\nborn in\nbydlim v\nflew to\ngeboren in\n\
    habite a\nheadquartered in\nlebe in\nlebt in\nlive in\nlived in\n\
    lives in\nliving in\nlocated in\nmieszka w\nmieszkam w\nmora em\nmoro em\n\
    moved from\nmoved to\nnear\noffice in\nrelocated to\nstation in\n\
    travel to\nvisit\nvisited\nvisiting\nvit a\nvive a\nvive en\nvivo a\n\
    vivo em\nvivo en\nwohne in\nwohnt in\nwoon in\nwoont in\nzivim u\n\
    μένω στην\nживу в\n",
);

/// English verbs after a sentence-initial lone known given name that make
/// it the subject ("Casey is a great person", "Harry got shot"). Chosen
/// per source on the dev data (social media and Universal NER agree);
/// speech verbs are left to the reported-speech rule, and a verb of
/// motion is not enough ("Anna said hi.", "Priya went home." stay
/// unreported).
pub(crate) static SUBJECT_VERB: WordList = WordList::new(
    41,
    "\n\
    can\ncould\ndid\ndoes\ngets\ngot\nhad\nhas\nis\njoined\njoins\n\
    knows\nlooks\nloves\nstarted\nwants\nwas\nwill\nwould\n",
);

/// Capitalized roles and kinship words written right before a name, as
/// part of how the person is called ("President Obama", "König
/// Salman", "Premijer Koštunica", "Aunt Toni"): any capitalized word
/// of a name's shape after one is a person. Hand-written facts; words
/// that also begin places, streets or companies ("Saint", "General",
/// "Prince", "Lady", "Captain") are left out.
pub(crate) static ROLE: WordList = WordList::new(
    42,
    "\n\
    ambasador\nambassador\naunt\nayatollah\nbundeskanzler\nchancellor\n\
    cisar\ncongressman\ngovernor\njudge\nkanzler\nkanzlerin\nkonig\n\
    kral\nkralj\nkronprins\nmayor\nministerprasident\nministro\npapst\n\
    pope\nprasident\npredsednik\npredsjednik\nprefeito\npremier\n\
    premierminister\npremijer\npresident\npresidente\nprezident\n\
    senador\nsenator\nsheikh\nstatsminister\nuncle\n",
);

/// Every word list, at the index that is its `bit`. A word is looked up
/// once, in one table of all the lists' words, and carries a bit per list
/// that holds it: each token of a prompt is asked about in up to a dozen
/// lists, and a bit test is what that should cost. A list missing here
/// would hold nothing: a test checks that every list is here.
pub(crate) static REGISTRY: [&WordList; 46] = [
    &GIVEN,
    &SURNAMES,
    &COMMON,
    &AMBIGUOUS,
    &PLACES,
    &PARTICLES,
    &SUFFIX,
    &PREFIX,
    &PREFIX_LOWER,
    &JOINED,
    &JOINED_WEAK,
    &UNIT,
    &CUE,
    &ABBR,
    &TITLES,
    &STRONG,
    &WEAK,
    &GREET,
    &SOFT,
    &ENDINGS,
    &LOC_CUE,
    &WEAK_LOC_CUE,
    &BIRTH_CUE,
    &MONTHS,
    &FIELD_PERSON,
    &FIELD_LOC,
    &FIELD_ORG,
    &CLOSING,
    &SALUTE,
    &RELATION,
    &POSSESSIVE,
    &POST_TITLE,
    &ORG_CUE,
    &ORG_AFTER,
    &ORG_SUFFIX,
    &ORG_PREFIX,
    &LOC_STRONG,
    &PLACES_MAJOR,
    &FIELD_OTHER,
    &GERMAN_MARKERS,
    &PLACES_CJK,
    &SUBJECT_VERB,
    &ROLE,
    &FAMOUS,
    &ORGS_KNOWN,
    &ORGS_WEB,
];

pub(crate) struct Lists {
    pub given: &'static WordList,
    pub surnames: &'static WordList,
    pub common: &'static WordList,
    pub ambiguous: &'static WordList,
    pub places: &'static WordList,
    pub major: &'static WordList,
}

static LISTS: Lists = Lists {
    given: &GIVEN,
    surnames: &SURNAMES,
    common: &COMMON,
    ambiguous: &AMBIGUOUS,
    places: &PLACES,
    major: &PLACES_MAJOR,
};

/// The dictionaries.
pub(crate) fn lists() -> &'static Lists {
    &LISTS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry is written as a token's key: folded, so a lookup can
    /// find it ("gruessen" would never match "Grüßen", which folds to
    /// "grussen").
    #[test]
    fn entries_are_folded() {
        for list in REGISTRY {
            for w in crate::names::dict::entries(list) {
                for part in w.split(' ') {
                    assert_eq!(crate::names::dict::fold(part), part, "{w:?}");
                }
            }
        }
    }

    /// A list left out of the registry would hold no word. Every list
    /// declared in `names` (only this file can make one) is there, at the
    /// index that is its bit.
    #[test]
    fn every_word_list_is_registered() {
        // Bit 63 marks phrase ends (lexicon::PHRASE_END).
        assert!(REGISTRY.len() < 63);
        for (i, list) in REGISTRY.iter().enumerate() {
            assert_eq!(usize::from(list.bit()), i);
        }
        let declared: usize = [
            include_str!("mod.rs"),
            include_str!("address.rs"),
            include_str!("dict.rs"),
            include_str!("lexicon.rs"),
            include_str!("lists.rs"),
            include_str!("person.rs"),
            include_str!("place.rs"),
            include_str!("tokens.rs"),
            include_str!("org.rs"),
            include_str!("table.rs"),
        ]
        .iter()
        .map(|src| {
            src.matches(concat!("WordList", "::new(")).count()
                + src.matches(concat!("WordList", "::front_coded(")).count()
        })
        .sum();
        assert_eq!(declared, REGISTRY.len());
    }
}
