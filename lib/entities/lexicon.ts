// Curated word lists the rules rely on. General English and news conventions only: nothing here names a
// story. Each list says why it exists.

const set = (s: string) => new Set(s.trim().split(/\s+/));

/** Role nouns that head a descriptor ("Russian President", "Kremlin spokesperson") and never start a name. */
export const TITLE_WORDS = set(`
president vice-president premier chancellor minister secretary spokesperson spokesman spokeswoman spokespeople
leader dictator ruler king queen prince princess emperor pope cardinal bishop archbishop rabbi imam sheikh
governor mayor senator congressman congresswoman representative rep ambassador envoy diplomat consul
chairman chairwoman ceo cfo coo founder director chief commander general admiral colonel major
captain lieutenant sergeant corporal marshal trooper patrolman officer deputy assistant adviser advisor aide attorney lawyer
prosecutor judge sheriff constable detective inspector superintendent commissioner chief-of-staff
coach manager owner executive president-elect minister-designate speaker lawmaker legislator mp mep
actor actress singer rapper striker goalkeeper quarterback receiver pitcher rb qb wr lb cb
linebacker cornerback fullback halfback tailback
reporter correspondent journalist editor columnist anchor producer publicist analyst economist
professor dr doctor researcher scientist official activist candidate nominee challenger
champion boxer referee priest pastor reverend
coroner magistrate councilman councilwoman councillor councilor alderman treasurer warden chaplain dean surgeon physician
clerk defender
dr. mr mr. mrs mrs. ms ms. sir dame lord lady gov gov. sen sen. rep. gen gen. col col. lt lt. sgt sgt. capt capt. const.
prof prof. st. hon
`);

/** Honorifics that are dropped from the front of a name but carry no role. */
export const HONORIFICS = set(`mr mr. mrs mrs. ms ms. miss mme mme. mlle dr dr. sir dame lord lady prof prof. st. rev rev. hon`);

/**
 * Epithets news writes before a role that compromise's lexicon files as verbs or nouns: past participles
 * ("embattled president", "disgraced former senator") and "veteran". Participles that are as often the
 * verb of a sentence with a title as its object are left out on purpose ("the army ousted President
 * Morsi", "the House impeached President Trump", "Obama named Treasury Secretary Timothy Geithner"); so are
 * the lexicon's own -ed adjectives ("informed", "stuffed"), for the same reason.
 */
export const EPITHET_PARTICIPLES = set(`
embattled disgraced beleaguered exiled self-styled self-declared self-proclaimed slain acclaimed celebrated
respected decorated retired veteran
`);

/**
 * Words compromise tags as adjectives that are prepositions, quantifiers or sentence glue in front of a
 * name ("against President X", "other officials", "said"): never part of a descriptor.
 */
export const NOT_DESCRIPTIVE = set(`
above aboard against ahead behind below beneath beside besides beyond within without alike alone all other
others same many most more much own such only next previous following certain various several each every
both either neither any some able likely unlikely due sure ready aware worth else enough known full old
`);

/** Words that qualify a role inside a descriptor ("Deputy Defence Minister", "former US President"). */
/** "running back Joique Bell": "back" is a position only after one of these ("welcome back Ellen DeGeneres"). */
export const BACK_POSITIONS = set(`running defensive offensive half full tail`);
export const isPositionBack = (word: string | undefined, before: string | undefined) => word === "back" && before !== undefined && BACK_POSITIONS.has(before);

export const ROLE_MODIFIERS = set(`
deputy vice acting former interim first prime foreign defence defense interior finance justice health
foreign-affairs home state senior chief general lead top head assistant associate executive press
national regional federal local supreme high military security intelligence economy economic trade energy
education culture agriculture transport labour labor environment defence-ministry opposition party
athletic running rookie defensive offensive
`);

/** Last words that make a capitalised sequence an organisation (added to compromise's orgWords). */
export const ORG_HEADS = set(`
centre center ministry forces force army navy police party council committee commission agency bureau
department office service services institute institution university college school academy hospital
clinic church court tribunal parliament assembly senate congress union federation league association nation
society foundation fund bank group company corporation corp corp. inc inc. ltd ltd. llc plc co co. assn assn. airlines
airways network networks news times post journal herald tribune gazette chronicle telegraph guardian
reporter advocate observer press magazine television radio tv media studios records entertainment
authority administration directorate command guard patrol sheriff prosecutor's magistrates board
brigade battalion regiment division corps alliance coalition front movement organization organisation
foods industries holdings enterprises systems technologies labs pharmaceuticals motors brands partners
telecom communications distribution trust advisors advisers associates consulting consultants creamery dairy
bakery brewery winery distillery
`);

/**
 * Organisation heads that make "<known place> <head>" an organisation even where capitals say nothing (a
 * headline, an all-capitals line: "CUMBRIA POLICE", "Japan Airlines"); a subset of ORG_HEADS.
 */
export const UNAMBIGUOUS_ORG_HEADS = set(`police bank party council university college ministry airlines airways corp corp. inc inc.
ltd ltd. plc group union federation association committee commission agency`);

/** First words that make a sequence a place ("Sea of Azov", "Mount Cook", "Lake Tahoe"). */
export const PLACE_LEADS = set(`sea gulf lake mount mt mt. cape bay strait isle island islands port fort rue place plaza piazza
avenida calle avenue boulevard`);

/** Last words that make a capitalised sequence a place (added to compromise's placeWords). */
export const PLACE_HEADS = set(`
oblast province region district county state city town village street st road avenue ave boulevard
highway square park bridge airport station sea ocean gulf bay river lake mountains mountain valley
peninsula island islands coast beach heights hill hills glacier desert forest canyon harbour harbor
krai raion prefecture governorate territory territories republic theatre theater arena stadium dome
jail prison penitentiary
`);

/** Lower-case nouns that, right after a name or before "of X", say the name is a place. */
export const PLACE_NOUNS = set(`
city cities town towns village villages region regions province provinces district districts
county counties state states country countries capital port island oblast area settlement settlements
suburb neighbourhood neighborhood municipality
`);

/** Prepositions that, right before an unknown capitalised name, make a place the likely reading. */
export const PLACE_PREPOSITIONS = set(`in near outside around towards toward into across from at`);

/** Verbs of saying; "X said" is a person (or an organisation when X is one). */
export const SPEECH_VERBS = set(`said says told added stated claimed warned announced insisted denied wrote tweeted`);

/** Joiners allowed inside a name when the name's head makes it an institution or a feature. */
export const NAME_JOINERS = set(`of for and de du des la le del della di da van von der den al bin ibn`);

/** Short capitalised forms that are not entities even mid-sentence: UI words, units, time zones. */
export const NON_ENTITIES = set(`
ai tv pc ceo cfo gmt utc edt est pdt pst bst cet cest et ct cdt cst mdt mst pt rb qb wr lb cb am pm a.m. p.m. dui ko kos td ir rip ok id dna gdp
faq pdf url usb gps vip mvp nb ps rsvp vs i ii iii iv image images photo photos video videos subscribe
sign login log menu search home share print email newsletter advertisement advertising related read
more watch listen skip content edit copyright terms privacy cookies click follow updated
published live breaking news world opinion sports sport business entertainment technology tech
science health culture lifestyle travel politics elections quick links shows web
ist jst aest aedt hkt msk
`);

/** Names of government seats used for the government, related to their country. */
export const SEATS_OF_POWER: Record<string, string> = {
  kremlin: "Russia",
  "white house": "United States",
  pentagon: "United States",
  "downing street": "United Kingdom",
  "élysée": "France",
  elysee: "France",
  "blue house": "South Korea",
  zhongnanhai: "China",
};

export const MONTHS_AND_DAYS = set(`
january february march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday christmas easter
mon tue tues thu thur thurs fri
`);

/** Last words of event names ("Academy Awards", "World Cup", "Hunger Games"): not organisations or places. */
export const EVENT_HEADS = set(`
awards award games olympics paralympics championship championships cup festival prize war series tournament
fellowship fellowships scholarship scholarships medal
marathon expo emmy emmys grammy grammys
`);

/** One-word event names that would otherwise read as a team ("the Oscars") or an acronym ("WWII"). */
export const EVENT_NAMES = set(`oscars emmys grammys olympics paralympics wwi wwii`);

/** Single-word institutions that are proper names though spelt like common nouns. */
export const INSTITUTIONS = set(`congress senate knesset bundestag duma interpol europol politburo mafia camorra yakuza`);

/**
 * Bodies news names by their full name or their acronym: both forms are one entity (one key, the full name),
 * so an outlet writing "the EU" and one writing "the European Union" meet in the names table. Acronyms here
 * are ones that read as nothing else in any case ("Nato", "E.U."); those that are also words ("WHO", "AU")
 * are gazetteer.ts's `ACRONYMS`, matched in capitals only.
 */
export const BODIES: readonly (readonly [name: string, ...acronyms: string[]])[] = [
  ["European Union", "EU", "E.U."],
  ["North Atlantic Treaty Organization", "NATO", "Nato"],
  ["United Nations", "U.N."],
  ["European Commission"],
  ["European Central Bank", "ECB"],
  ["World Bank"],
  ["African Union"],
  ["Association of Southeast Asian Nations", "ASEAN"],
  ["Federal Bureau of Investigation", "FBI"],
  ["Central Intelligence Agency", "CIA"],
  ["National Aeronautics and Space Administration", "NASA"],
  ["Food and Drug Administration", "FDA"],
  ["Environmental Protection Agency", "EPA"],
  ["Organization of the Petroleum Exporting Countries", "OPEC"],
];

/** Places the town list leaves out because they are English words (New York City's boroughs). */
export const EXTRA_PLACES = set(`queens`);

/** News agencies and broadcasters that are one word and no English word: organisations wherever they appear. */
export const NEWS_AGENCIES = set(`reuters xinhua interfax itar-tass tass kyodo yonhap bernama anadolu ansa efe antara
aljazeera newsday newsweek politico axios forbes buzzfeed huffpost bloomberg`);

/** Newspaper heads that name the paper on their own ("according to the Times"). */
export const MEDIA_HEADS = set(`times post journal herald tribune gazette chronicle telegraph guardian observer`);

/** Lower-case nouns after a name that make it a person's ("the Bush administration", "the Obama campaign"). */
export const PERSON_CUE_NOUNS = set(`administration presidency campaign`);

/** Lower-case nouns after a one-word name that make it a place ("a Troy man", "Woodburn police"). */
export const RESIDENT_NOUNS = set(`man woman men women boy girl teen teenager youth resident residents native natives couple police
officials magistrates councillors`);

/** Role nouns before "for"/"of" whose object is an organisation ("spokesman for X", "CEO of X"). */
export const ORG_ROLE_BEFORE = set(`spokesman spokeswoman spokesperson ceo chairman chairwoman founder co-founder shares shareholders employees subsidiary stake`);

/** Nouns right after a name that make it an organisation ("X shares", "X spokeswoman", "People magazine"). */
export const ORG_NOUNS_AFTER = set(`shares stock spokesman spokeswoman spokesperson ceo shareholders employees subsidiary magazine newspaper tabloid`);

/** Road words that take a number ("Route 52", "Interstate 95"). */
export const ROAD_WORDS = set(`route highway interstate`);

/** Last words of football club names after a town ("Bolton Wanderers", "Manchester United", "Bristol Rovers"). */
export const CLUB_TAILS = set(`united rovers wanderers athletic albion hotspur fc afc argyle thistle rangers alexandra vale`);

/** First words of club names before a town ("Real Madrid", "FC Porto", "Bayern Munich", "Dynamo Kiev"). */
export const CLUB_LEADS = set(`
real fc ac as sc sv vfb vfl fk nk inter atletico atlético athletic sporting olympique racing deportivo bayern borussia
dynamo dinamo spartak lokomotiv cska partizan slavia sparta hapoel maccabi
`);

/** Makers whose name before a capitalised model word makes a product ("Toyota Camry", "Boeing 747" is a number). */
export const PRODUCT_MAKERS = set(`
toyota honda nissan ford chevrolet chevy dodge jeep chrysler buick cadillac lincoln gmc tesla bmw mercedes audi
volkswagen vw porsche volvo saab fiat ferrari lamborghini maserati jaguar bentley lexus acura infiniti mazda subaru
mitsubishi hyundai kia peugeot renault citroen skoda opel suzuki boeing airbus apple samsung microsoft nokia sony
`);
