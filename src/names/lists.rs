//! Every word list of the name detectors, as data. The big dictionaries
//! (given names, surnames, common words, places) are files in `data/`
//! (see `data/README.md`); the cue and street-type lists are written here,
//! grouped by the detector that reads them. Each list's `bit` is its index
//! in [`REGISTRY`], which the lexicon is built from.
//!
//! Depends only on `dict` (the list type).

use super::dict::WordList;

// The dictionaries.

static GIVEN: WordList = WordList::new(0, include_str!("data/given.txt"));

static SURNAMES: WordList =
    WordList::new(1, include_str!("data/surnames.txt"));

static COMMON: WordList = WordList::new(2, include_str!("data/common.txt"));

static AMBIGUOUS: WordList =
    WordList::new(3, include_str!("data/ambiguous.txt"));

static PLACES: WordList = WordList::new(4, include_str!("data/places.txt"));

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
pub(crate) static PREFIX: WordList = WordList::new(7, "\n\
    acceso\naeroporto\nal\nalameda\naleja\nallee\narea\nav\navda\navenida\navenue\n\
    bajada\nbd\nborgo\nboulevard\nc\ncalle\ncallejon\ncam\ncamino\ncampo\ncanada\n\
    canale\ncarrer\ncarrera\ncarretera\nchacara\nchemin\ncl\ncolonia\ncondominio\n\
    conjunto\ncontrada\ncorso\ncours\nctra\ncuesta\ndistrito\nesplanada\nestacao\n\
    estrada\nfavela\nfazenda\nfeira\nglorieta\nimpasse\nincrocio\njardim\nladeira\n\
    lago\nlagoa\nlargo\nloteamento\nlungomare\nmorro\nnucleo\nos\nosiedle\nparque\n\
    pasadizo\npasaje\npaseo\npassarela\npatio\npiazza\npiazzale\npje\npl\nplac\nplace\n\
    plaza\npraca\npraia\npza\nquadra\nquai\nrambla\nrecanto\nresidencial\nrodovia\n\
    ronda\nrotonda\nroute\nrua\nrue\nsetor\nsitio\nstrada\nstretto\ntravesia\ntravessa\n\
    trecho\ntrevo\nul\nulica\nurbanizacion\nvale\nvereda\nvia\nviaduto\nvial\nviale\n\
    vicolo\nviela\nvila\n");

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
    arch\navv\nbapak\nbay\nbayan\nbc\nbinibini\nbwana\ncapt\ndato\ndatuk\n\
    dhr\ndl\ndna\ndoamna\ndoc\ndocteur\ndoctor\ndomnisoara\ndomnul\ndona\n\
    dott\ndottore\ndottoressa\ndotts\ndottssa\ndr\ndra\ndrs\nencik\nfrau\n\
    fraulein\nfroken\nfru\ngda\ngeom\nginang\nginoo\ngospa\ngospod\ngospoda\n\
    gospodin\ngospodja\nharra\nherr\nherra\nhr\nibu\nimam\ning\ninz\nir\n\
    judr\nkhun\nkumari\nkundze\nkungs\nlek\nlic\nlicenciada\nlicenciado\n\
    madam\nmadame\nmademoiselle\nmaitre\nmej\nmevr\nmevrouw\nmgr\nmiss\n\
    mister\nmlle\nmme\nmmes\nmonsieur\nmr\nmrs\nms\nmudr\nmw\nmwalimu\nmx\n\
    na\nneiti\npan\npani\npanna\nphdr\nponas\nponia\nprof\nprofessor\nproua\n\
    puan\nra\nrabbi\nrag\nrev\nrevd\nrndr\nrouva\nsaudara\nsaudari\nsayin\n\
    sayyid\nsenhor\nsenhora\nsenor\nsenora\nsenorita\nsgt\nsheikh\nshri\nsig\n\
    signor\nsignora\nsignore\nsignorina\nsigra\nsir\nslecna\nsmt\nsr\nsra\n\
    sri\nsrta\ntohtori\ntuan\nδεσποινίς\nκ\nκυρία\nκύριε\nκύριος\nг-жа\nг-н\n\
    господа\nгосподин\nгосподине\nгоспожа\nгоспођа\nгоспођо\nпан\nпани\nпані\n\
    товарищ\nآقای\nالآنسة\nالدكتور\nالسيد\nالسيدة\nالشيخ\nخانم\n",
);

/// Cue phrases (folded, space-joined) that make the next capitalized run a
/// name. Strong ones alone suffice; soft ones need a dictionary word.
pub(crate) static STRONG: WordList = WordList::new(
    15,
    "\n\
    a bientot\na nevem\nabraco\nabracos\nabrazos\nako si\namities\n\
    atenciosamente\natentamente\nattention\nattn\nbaci\nbedankt\nbeijos\n\
    benim adim\nbesos\nbest\nbest regards\nbest wishes\nbeste\nbeste grusse\n\
    bien a vous\nbises\ncall me\ncara\ncari\ncaro\nchamo-me\ncheers\ncher\n\
    chere\ncordialement\ncordiali saluti\ncordially\ncordialmente\ncu drag\n\
    cu stima\ncumprimentos\ndanke\ndear\ndearest\ndegerli\ndistinti saluti\n\
    draga\ndragi\ndroga\ndrogi\negregio\nestimada\nestimado\nestimados\n\
    geachte\ngeehrte\ngeehrter\ngentile\ngentilissima\ngentilissimo\ngracias\n\
    grazie\ngroet\ngroeten\ngruss\ngrusse\ngrussen\nhallo\nhalsning\n\
    halsningar\nhartelijke groet\nheet\nhello\nherzliche grusse\nhi\nhilsen\n\
    hormat saya\nhyva\ni am called\nich bin\nich heisse\nik heet\njag heter\n\
    je mappelle\njeg hedder\njeg heter\njmenuji se\nkaere\nkara\nkedves\n\
    kind regards\nlg\nliebe\nliebe grusse\nlieber\nma numesc\nmam na imie\n\
    many thanks\nme chamo\nme llamo\nmed vanlig halsning\nmed venlig hilsen\n\
    mein name ist\nmerci\nmet vriendelijke groet\nmeu nome e\nmfg\nmi chiamo\n\
    mi nombre es\nmijn naam is\nmila\nmily\nmio nome e\nmit navn er\n\
    mitt namn ar\nmitt navn er\nmoi cest\nmon nom est\nmvg\nmvh\nmy name is\n\
    nama saya\nname\nname is\nnamed\nnazywam sie\nnimeni on\nnumele meu este\n\
    obrigada\nobrigado\npangalan ko ay\npatient\npostovana\npostovani\n\
    pozdrav\npozdravi\npozdravy\npozdrawiam\npozdrowienia\nprezada\nprezado\n\
    querida\nquerido\nregards\nrespectfully\ns pozdravem\ns pozdravom\nsalam\n\
    saludos\nsalutari\nsalutations\nsaluti\nsaygilar\nsaygilarimla\nsayin\n\
    sehr geehrte\nsehr geehrter\nselamlar\nsevgili\nsigned\nsincerely\n\
    srdacan pozdrav\nstimata\nstimate\nszanowna\nszanowni\nszanowny\n\
    terima kasih\nterveisin\nthank you\nthanks\ntisztelettel\nudvozlettel\n\
    un abrazo\nun saludo\nun saluto\nvazena\nvazeny\nvenlig hilsen\n\
    vennlig hilsen\nvg\nviele grusse\nvolam sa\nvriendelijke groeten\n\
    warm regards\nyours\nyours sincerely\nyours truly\n\
    ystavallisin terveisin\nyth\nz pozdrowieniami\nzovem se\nαγαπητέ\n\
    αγαπητή\nεκτίμηση\nευχαριστώ\nλέγομαι\nμε εκτίμηση\nμε λένε\nονομάζομαι\n\
    το όνομά μου είναι\nдорогая\nдорогой\nз повагою\nзовем се\nмене звати\n\
    меня зовут\nмое имя\nмоё имя\nмоє імя\nповагою\nпоздрав\nпоштована\n\
    поштовани\nс наилучшими пожеланиями\nс уважением\nспасибо\n\
    срдачан поздрав\nуважаемая\nуважаемый\nуважением\nшановна\nшановний\n",
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
    about\nadim\nand\napplicant\nask\nask for\nasked\nbest\nbonjour\nboss\n\
    brother\nbuyer\nby\ncall\ncandidate\ncc\ncheers\nciao\nclient\ncolleague\n\
    contact\ncustomer\nczesc\ndaughter\ndm\nemail\nemployee\nfather\nfor\n\
    friend\nfrom\nhej\nhello\nhey\nhi\nhola\nholder\nhusband\ni am\nich bin\n\
    ik ben\nim\ninvite\nis\nja sam\nje suis\njestem\njsem\nlet\nmanager\n\
    meet\nmessage\nmet\nmother\nola\nolen\nowner\npay\nper\nping\nrecipient\n\
    remind\nsaid\nsays\nseller\nsender\nsent\nsister\nsom\nson\nsono\nsoy\n\
    tell\ntenant\ntext\nthank\nthank you\nthanks\nthis is\nto\ntold\nuser\n\
    vagyok\nwife\nwith\nwrote\nја сам\n",
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
    absender\naccount holder\nachternaam\nad\nad soyad\nadi\nansprechpartner\n\
    apellido\napellidos\napplicant\nattendee\nauthor\nbeneficiary\n\
    card holder\ncardholder\nclient\ncliente\ncognome\ncontact\ncontact name\n\
    contact person\ncustomer\ncustomer name\ndestinataire\ndestinatario\n\
    driver\nefternamn\nefternavn\nempfanger\nempleado\nemployee\n\
    employee name\netternavn\netunimi\nexpediteur\nfamily name\nfirst name\n\
    firstname\nfornamn\nfornavn\nfulde navn\nfull name\nfullname\ngiven name\n\
    guest\nho ten\nholder\nime\nime i prezime\nimie\nimie i nazwisko\nisim\n\
    jmeno\nkunde\nlast name\nlastname\nmanager\nmeno\nmittente\nnaam\n\
    nachname\nnama\nnama lengkap\nname\nnamn\nnavn\nnazwisko\nnev\nnimi\nnom\n\
    nom complet\nnombre\nnombre completo\nnombre y apellidos\nnome\n\
    nome completo\nnome do cliente\nnume\nowner\npaciente\npangalan\n\
    passageiro\npassenger\npassenger name\npatient\npatient name\nprenom\n\
    prenume\nprezime\npriezvisko\nprijmeni\nrecipient\nremitente\nsender\n\
    signature\nsigned\nsoyad\nspeaker\nstudent\nsukunimi\nsurname\nten\n\
    tenant\ntitular\nuser\nusername\nvolledige naam\nvollstandiger name\n\
    voornaam\nvorname\nεπώνυμο\nονοματεπώνυμο\nόνομα\nиме\nимя\nпрезиме\n\
    прізвище\nфамилия\nфио\nімя\n",
);

pub(crate) static FIELD_LOC: WordList = WordList::new(
    25,
    "\n\
    birthplace\nbundesland\nby\ncidade\ncitta\ncity\ncity of birth\nciudad\n\
    comune\ncountry\ncounty\ndrzava\nestado\ngeburtsort\ngrad\nhometown\nil\n\
    ilce\njudet\nkaupunki\nkommune\nkota\nkraj\nland\nlieu\n\
    lieu de naissance\nlocalidad\nlocalidade\nlocation\nlugar\n\
    lugar de nacimiento\nluogo\nluogo di nascita\nmaa\nmesto\nmiasto\n\
    miejscowosc\nmjesto\nmunicipio\nnaturalidade\nnegara\nobec\noras\norszag\n\
    ort\npaese\npaikkakunta\npais\npays\nplaats\nplace\nplace of birth\n\
    postort\nprovince\nprovincia\nprovincie\nregion\nsehir\nstad\nstadt\n\
    state\nsted\ntara\ntown\nulke\nvaros\nville\nwohnort\nwojewodztwo\n\
    woonplaats\nπόλη\nχώρα\nгород\nград\nдржава\nкраїна\nмісто\nобласть\n\
    страна\n",
);

pub(crate) static FIELD_ORG: WordList = WordList::new(
    26,
    "\n\
    agency\nangajator\narbeidsgiver\narbeitgeber\narbejdsgiver\narbetsgivare\n\
    azienda\nbank\nbedrijf\nbolag\nbusiness\nbusiness name\nceg\ncompania\n\
    companie\ncompany\ncompany name\ndepartment\nditta\nempleador\nemployer\n\
    employeur\nempresa\nentreprise\nfirm\nfirma\nforetag\nforetak\n\
    hochschule\ninstansi\ninstitucion\ninstitution\nisveren\nkurum\nmerchant\n\
    munkaltato\norg\norganisatie\norganisation\norganisme\norganizacion\n\
    organization\norganization name\nperusahaan\npoduzece\npracodawca\n\
    preduzece\nschool\nselskab\nsirket\nsocieta\nsociete\nspolecnost\n\
    spolocnost\nsupplier\ntvrtka\ntyonantaja\nuczelnia\nuniversidad\n\
    universita\nuniversitat\nuniversite\nuniversiteit\nuniversity\n\
    unternehmen\nvendor\nvirksomhed\nwerkgever\nworkplace\nyritys\n\
    zamestnavatel\nεταιρεία\nοργανισμός\nкомпания\nкомпанія\nорганизация\n\
    работодатель\nуніверситет\n",
);

pub(crate) static CLOSING: WordList = WordList::new(
    27,
    "\n\
    a bientot\nabraco\nabracos\nabrazos\namities\natenciosamente\n\
    atentamente\nbaci\nbedankt\nbeijos\nbesos\nbest\nbest regards\n\
    best wishes\nbeste grusse\nbien a vous\nbises\ncheers\ncordialement\n\
    cordiali saluti\ncordially\ncordialmente\ncu drag\ncu stima\n\
    cumprimentos\ndanke\ndistinti saluti\ngracias\ngrazie\ngroet\ngroeten\n\
    gruss\ngrusse\ngrussen\nhalsning\nhalsningar\nhartelijke groet\n\
    herzliche grusse\nhilsen\nhormat saya\nkind regards\nlg\nliebe grusse\n\
    many thanks\nmed vanlig halsning\nmed venlig hilsen\nmerci\n\
    met vriendelijke groet\nmfg\nmvg\nmvh\nobrigada\nobrigado\npozdrav\n\
    pozdravi\npozdravy\npozdrawiam\npozdrowienia\nregards\nrespectfully\n\
    s pozdravem\ns pozdravom\nsalam\nsaludos\nsalutari\nsalutations\nsaluti\n\
    saygilar\nsaygilarimla\nselamlar\nsincerely\nsrdacan pozdrav\n\
    terima kasih\nterveisin\nthank you\nthanks\ntisztelettel\nudvozlettel\n\
    un abrazo\nun saludo\nun saluto\nvenlig hilsen\nvennlig hilsen\nvg\n\
    viele grusse\nvriendelijke groeten\nwarm regards\nyours\nyours sincerely\n\
    yours truly\nystavallisin terveisin\nz pozdrowieniami\nεκτίμηση\n\
    ευχαριστώ\nμε εκτίμηση\nз повагою\nповагою\nпоздрав\n\
    с наилучшими пожеланиями\nс уважением\nспасибо\nсрдачан поздрав\n\
    уважением\n",
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
    ami\namica\namico\namie\namiga\namigo\nassistant\naunt\nbaas\nboss\n\
    boyfriend\nbrat\nbroer\nbror\nbrother\nbruder\ncapo\nchef\nchefe\nchefin\n\
    classmate\nclient\nco-worker\ncolega\ncolleague\ncollega\ncollegue\n\
    corka\ncousin\ncoworker\ncustomer\ndad\ndaughter\ndochter\ndoctor\n\
    dotter\nesposa\nesposo\nfather\nfemme\nfiance\nfiancee\nfiglia\nfiglio\n\
    filha\nfilho\nfille\nfils\nfratello\nfrau\nfrere\nfreund\nfreundin\n\
    friend\nfru\ngirlfriend\ngrandfather\ngrandma\ngrandmother\ngrandpa\n\
    hermana\nhermano\nhija\nhijo\nhusband\nintern\nirma\nirmao\njefa\njefe\n\
    kolega\nkolezanka\nkollega\nkollege\nkollegin\nlandlord\nlawyer\nmadre\n\
    mae\nmanager\nmann\nmari\nmarido\nmaz\nmere\nmoeder\nmoglie\nmom\nmother\n\
    mum\nmutter\nneighbor\nneighbour\nnurse\npadre\npai\npartner\npatron\n\
    pere\nprzyjaciel\nprzyjaciolka\nroommate\nschwester\nsiostra\nsister\n\
    soeur\nsohn\nson\nsorella\nstudent\nsyn\nsyster\nszef\nteacher\nteammate\n\
    tenant\ntochter\nuncle\nvader\nvan\nvater\nvriend\nvriendin\nvrouw\nwife\n\
    zona\nzoon\nzus\n",
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
    acquired by\nacquisition of\nangestellt bei\narbeider i\narbeite bei\n\
    arbeitet bei\narbejder hos\narbetar pa\nbei der firma\nbekerja di\n\
    calisiyor\nceo of\nchez\ncto of\ndolgozik\nemployed at\nemployed by\n\
    founder of\nhead of\nintern at\ninternship at\nje travaille chez\njob at\n\
    jobbar pa\njobber i\njoined\njoining\nlavora per\nlavora presso\n\
    lavoro per\nlavoro presso\nlucreaza la\npracuje dla\npracuje w\n\
    pracujem v\npracuji v\nradi u\nradim u\nshares of\nstock of\ntrabaja en\n\
    trabaja para\ntrabajo en\ntrabajo para\ntrabalha na\ntrabalha no\n\
    trabalho na\ntrabalho no\ntravaille chez\ntravaille pour\ntyoskentelee\n\
    werk bij\nwerkt bij\nwork at\nwork for\nworked at\nworked for\n\
    working at\nworking for\nworks at\nworks for\nεργάζεται στην\n\
    εργάζομαι στην\nпрацює в\nработает в\nработаю в\n",
);

pub(crate) static ORG_AFTER: WordList = WordList::new(
    33,
    "\n\
    account\nboard\nceo\ncfo\ncto\ncustomer service\nemployees\nheadquarters\n\
    helpdesk\nhq\npress office\nshares\nspokesman\nspokesperson\nspokeswoman\n\
    staff\nstock\nstore\nstores\nsubsidiary\nsupport\nteam\n",
);

pub(crate) static ORG_SUFFIX: WordList = WordList::new(34, "\n\
    ab\nacademy\nad\nag\nagency\nairlines\nairways\naps\nas\nasa\nassociates\n\
    association\nauthority\nautomotive\nbancorp\nbank\nbankshares\nbau\nbhd\n\
    biosciences\nbrewery\nbt\nbv\ncapital\ncia\nclinic\nclub\nco\ncollege\n\
    commission\ncommittee\ncommunications\ncompania\ncompany\nconsulting\n\
    corp\ncorporation\ncouncil\ncv\ndd\ndoo\neg\nehf\neireli\neirl\n\
    electronics\nenergy\nenterprises\nentertainment\neood\nev\nfc\n\
    federation\nfondation\nfondazione\nfoods\nfoundation\nfundacion\n\
    fundacja\ngbr\ngk\ngmbh\ngroep\ngroup\ngroupe\ngrupa\ngrupo\ngruppe\n\
    gruppen\ngruppo\nhermanos\nhf\nholding\nholdings\nhospital\nhotel\n\
    hotels\ninc\nincorporated\nindustries\ninstitute\ninsurance\n\
    international\nis\njsc\nkft\nkg\nkk\nkoncernen\nkonzern\nks\n\
    laboratories\nlabs\nlimited\nllc\nllp\nlogistics\nlp\nltd\nltda\nmedia\n\
    ministry\nmotors\nnetwork\nnetworks\nnv\nnyrt\noao\nohg\nojsc\nood\nooo\n\
    oy\noyj\npartners\npharma\npharmaceuticals\npjsc\nplc\npllc\npt\npte\n\
    pty\nrecords\nrestaurant\nsa\nsaa\nsac\nsapa\nsarl\nsas\nsasu\nsau\nsc\n\
    sca\nscarl\nsdn\nse\nservices\nsl\nsll\nslu\nsnc\nsociete\nsociety\n\
    software\nsolutions\nsp\nspa\nspolka\nsrl\nsro\nstichting\nstiftung\n\
    studios\nsystems\ntbk\ntechnologies\ntechnology\ntelecom\ntherapeutics\n\
    ug\nunited\nuniversitat\nuniversiteit\nuniversitet\nuniversity\nventures\n\
    verein\nverlag\nvof\nvos\nwerke\nyk\nzao\nzrt\nао\nзао\nип\nоао\nооо\n\
    пао\n公司\n合同会社\n大学\n大學\n有限会社\n有限公司\n株式会社\n銀行\n银行\n集团\n集團\n");

pub(crate) static ORG_PREFIX: WordList = WordList::new(
    35,
    "\n\
    ayuntamiento\nbanca\nbanco\nbank\nbanka\nbanque\ncamara\nclub\ncolegio\n\
    college\ncomitato\ncomite\nfondation\nfondazione\nfundacao\n\
    fundacion\nfundacja\ngroupe\ngrupo\ngruppo\nhopital\nhospital\ninstitut\n\
    institute\ninstituto\nistituto\nklinikum\nklub\nministarstvo\nministere\n\
    ministerio\nministerium\nministero\nministerstvo\nministerstwo\nministry\n\
    musee\nmuseo\nmuseum\nospedale\npartei\nparti\npartido\n\
    partito\nprefeitura\nstiftung\nstrana\nstranka\nsveuciliste\n\
    universidad\nuniversidade\nuniversita\nuniversitat\nuniversitatea\n\
    universite\nuniversiteit\nuniversitet\nuniversity\nuniverzita\n\
    univerzitet\nuniwersytet\nбанк\nинститут\nкомпания\nминистерства\n\
    министерство\nуниверситет\nуниверситета\n",
);

pub(crate) static LOC_STRONG: WordList = WordList::new(
    36,
    "\n\
    abito a\nasuu\nbased in\nbor i\nbor pa\nborn in\nbydlim v\nelek\nflew to\n\
    flying to\nfodd i\ngeboren in\nhabite a\nheadquartered in\nje vis a\n\
    jhabite a\nlebe in\nlebt in\nlive in\nlived in\nlives in\nliving in\n\
    located in\nlocuiesc in\nme mude a\nmieszka w\nmieszkam w\nmora em\n\
    moro em\nmoved from\nmoved to\nmoving to\nnaci en\nnasci em\nnata a\n\
    nato a\nne a\nnear\noffice in\nrelocated to\nrelocating to\nstation in\n\
    tinggal di\ntravel to\ntraveling to\ntravelling to\ntrip to\n\
    umgezogen nach\nurodzona w\nurodzony w\nvisit\nvisited\nvisiting\nvit a\n\
    vive a\nvive en\nvivo a\nvivo em\nvivo en\nwohne in\nwohnt in\nwoon in\n\
    woont in\nyasiyorum\nziehe nach\nzijem v\nzivim u\nμένω στην\nμένω στο\n\
    живет в\nживим у\nживу в\nживу у\nродилась в\nродился в\n",
);

/// Every word list, at the index that is its `bit`. A word is looked up
/// once, in one table of all the lists' words, and carries a bit per list
/// that holds it: each token of a prompt is asked about in up to a dozen
/// lists, and a bit test is what that should cost. A list missing here
/// would hold nothing: a test checks that every list is here.
pub(crate) static REGISTRY: [&WordList; 37] = [
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
];

pub(crate) struct Lists {
    pub given: &'static WordList,
    pub surnames: &'static WordList,
    pub common: &'static WordList,
    pub ambiguous: &'static WordList,
    pub places: &'static WordList,
}

static LISTS: Lists = Lists {
    given: &GIVEN,
    surnames: &SURNAMES,
    common: &COMMON,
    ambiguous: &AMBIGUOUS,
    places: &PLACES,
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
        ]
        .iter()
        .map(|src| src.matches(concat!("WordList", "::new(")).count())
        .sum();
        assert_eq!(declared, REGISTRY.len());
    }
}
