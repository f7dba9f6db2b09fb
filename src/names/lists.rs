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

pub(crate) static TITLES: WordList = WordList::new(14, "\n\
    doctor\ndott\ndotts\ndottssa\ndr\ndra\nfrau\nherr\ning\nmadam\nmadame\nmiss\nmlle\n\
    mme\nmr\nmrs\nms\nmx\nna\npan\npani\nprof\nprofessor\nra\nsenor\nsenora\nsig\n\
    signor\nsignora\nsigra\nsir\nsr\nsra\nsrta\n");

/// Cue phrases (folded, space-joined) that make the next capitalized run a
/// name. Strong ones alone suffice; soft ones need a dictionary word.
pub(crate) static STRONG: WordList = WordList::new(15, "\n\
    attention\nattn\nbest\nbeste\ncall me\ncara\ncaro\nchamo-me\ncheers\ncher\nchere\n\
    dear\nhallo\nheet\nich bin\nich heisse\njag heter\nje mappelle\n\
    liebe\nlieber\nme llamo\nmeu nome e\nmi chiamo\nmy name is\nname\nname is\nnamed\n\
    nazywam sie\npatient\nquerida\nquerido\nregards\nsigned\nsincerely\nthanks\nyours\n");

/// Soft cues too common to lift a single word (used only for pairs).
pub(crate) static WEAK: WordList = WordList::new(
    16,
    "\n\
    about\nand\nby\nfor\nfrom\nis\nlet\nper\nto\nwith\n",
);

/// Greetings: "Hi Agathe," / "Thanks Rodolfo!" lift a single unknown word.
pub(crate) static GREET: WordList = WordList::new(17, "\n\
    bonjour\ncheers\nciao\nczesc\ndear\nevening\nhallo\nhej\nhello\nhey\nhi\nhola\n\
    morning\nola\nthank you\nthanks\n");

pub(crate) static SOFT: WordList = WordList::new(18, "\n\
    about\nand\napplicant\nask\nask for\nasked\nbest\nbonjour\nboss\nbrother\nbuyer\nby\ncall\n\
    candidate\ncc\ncheers\nciao\nclient\ncolleague\ncontact\ncustomer\nczesc\ndaughter\n\
    dm\nemail\nemployee\nfather\nfor\nfriend\nfrom\nhej\nhello\nhey\nhi\nhola\nholder\n\
    husband\ni am\nim\ninvite\nis\nlet\nmanager\nmeet\nmessage\nmet\nmother\n\
    ola\nowner\npay\nper\nping\nrecipient\nremind\nsaid\nsays\nseller\n\
    sender\nsent\nsister\nson\ntell\ntenant\ntext\nthank\nthank you\nthanks\nthis is\n\
    to\ntold\nuser\nwife\nwith\nwrote\n");

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

/// Every word list, at the index that is its `bit`. A word is looked up
/// once, in one table of all the lists' words, and carries a bit per list
/// that holds it: each token of a prompt is asked about in up to a dozen
/// lists, and a bit test is what that should cost. A list missing here
/// would hold nothing: a test checks that every list is here.
pub(crate) static REGISTRY: [&WordList; 24] = [
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

    /// A list left out of the registry would hold no word. Every list
    /// declared in `names` (only this file can make one) is there, at the
    /// index that is its bit.
    #[test]
    fn every_word_list_is_registered() {
        // Bit 31 marks phrase ends (lexicon::PHRASE_END).
        assert!(REGISTRY.len() < 31);
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
