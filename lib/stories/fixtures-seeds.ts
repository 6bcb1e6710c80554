// Test articles for the story tests. The first two are the seed articles (fixtures/seeds) reduced to
// their article paragraphs, as extraction would hand them over; the others were written for these tests:
// another outlet on the same claim, and two articles on neighbouring events that must stay separate.

export interface StoryTestArticle {
  id: string;
  title: string;
  titleDerived: boolean;
  publishedAt: Date | null;
  body: string;
}

export const SEED_REPUBLIC: StoryTestArticle = {
  id: "seed-000",
  // No headline was printed; extraction derives one from the first sentence.
  title: "Kyiv’s National Resistance Centre has claimed that the Kremlin is orchestrating a contentious plan to deploy workers from North Korea to temporarily occupied regions of Ukraine.",
  titleDerived: true,
  publishedAt: null,
  body: [
    "Kyiv’s National Resistance Centre has claimed that the Kremlin is orchestrating a contentious plan to deploy workers from North Korea to temporarily occupied regions of Ukraine. This controversial move, allegedly devised by Russia, comes on the heels of a recent meeting between Russian President Vladimir Putin and North Korean leader Kim Jong Un.",
    "According to the National Resistance Centre, which operates under Ukraine’s Special Operations Forces, Russia’s intentions revolve around utilising these workers for construction projects in Donetsk and Luhansk, areas currently under temporary occupation.",
    "The report suggests that attempts to recruit labour migrants for the occupation forces have already been documented this year. The centre warned, “Therefore, it is not excluded that working squads of citizens of the Republic of Korea may be used in the interests of the support of the occupation troops.”",
    "The revelations follow North Korean leader Kim Jong Un’s week-long visit to Russia, during which he toured significant military installations. This visit marked the longest foreign trip undertaken by Kim since he assumed power in 2011. Last week, Kim engaged in extensive discussions with Russian President Vladimir Putin, during which he expressed support for Moscow’s actions in Ukraine, referring to it as a ‘sacred’ invasion.",
    "In a separate development, Ukrainian Deputy Defence Minister Hanna Maliar provided updates on Ukrainian troops’ progress along the eastern front. She reported that Ukrainian forces had reclaimed an additional two square kilometres (0.77 square miles) of territory in the vicinity of the war-ravaged city of Bakhmut over the past week.",
    "This announcement comes on the heels of Ukraine’s successful recapture of Andriivka and Klishchiivka, two villages situated on the southern periphery of Bakhmut. Since launching their highly anticipated counteroffensive three months ago, Ukrainian forces have liberated a total of 51 square kilometres (19 square miles) around Bakhmut.",
    "Further to the south in the Donetsk region, Ukrainian troops have been holding off a Russian offensive directed towards the towns of Avdiivka and Maryinka. Ukrainian forces are also striving to advance towards the Sea of Azov in a southern campaign, where they managed to retake an additional 5.2 square kilometres (two square miles) of territory in the past week.",
    "Despite steady progress against entrenched Russian positions and the recapture of several villages, Ukrainian forces have not yet secured any major settlements during their counteroffensive. Ukrainian President Volodymyr Zelenskyy and other officials have responded to Western critics, dismissing claims of a slow and error-riddled offensive.",
  ].join("\n\n"),
};

export const SEED_KYIV_INDEPENDENT: StoryTestArticle = {
  id: "seed-001",
  title: "National Resistance Center: Russia plans to bring North Korean workers to occupied Ukraine",
  titleDerived: false,
  publishedAt: new Date("2023-09-18T03:27:00+03:00"),
  body: [
    "The Kremlin intends to bring North Korean workers to occupied regions of eastern Ukraine, the National Resistance Center reported on Sept. 17.",
    "During a widely publicized meeting with North Korean leader Kim Jong Un on Sept. 13, Russian dictator Vladimir Putin allegedly tried to convince the DPRK to open \"diplomatic missions in Donetsk and Luhansk\" as a way to facilitate the importation of North Korean workers to the occupied territories. The objective of these workers, according to the report, would be to aid construction projects in Russian-controlled regions of Ukraine.",
    "The Center stated that previous attempts by the Russian Federation to recruit Central Asian labor migrants into the military suggests that the Kremlin is unable to gather sufficient numbers of workers from within Russia.",
    "However, Kremlin spokesperson Dmitry Peskov told journalists on Sept. 15 that Russian dictator Vladimir Putin and North Korean leader Kim Jong Un signed no agreements during their meeting.",
  ].join("\n\n"),
};

// Written for these tests: the same claim as the seeds, from a third outlet, in its own words.
export const THIRD_OUTLET_SAME_CLAIM: StoryTestArticle = {
  id: "written-same-claim",
  title: "Ukraine says Moscow wants North Korean labourers for occupied Donetsk and Luhansk",
  titleDerived: false,
  publishedAt: new Date("2023-09-19T10:00:00Z"),
  body: [
    "Russia is preparing to bring in workers from North Korea to rebuild parts of occupied eastern Ukraine, Ukraine's National Resistance Center said, citing its own sources.",
    "According to the centre, which is run by Ukraine's Special Operations Forces, the Kremlin raised the idea when Vladimir Putin hosted Kim Jong Un last week, and wants the North Korean labourers for construction work in the occupied Donetsk and Luhansk regions.",
    "The centre said Russia has struggled to find enough workers of its own and has already tried to recruit labour migrants from Central Asia for the occupation forces.",
    "The Kremlin has denied that any agreements were signed during the meeting. Pyongyang did not comment on the report.",
  ].join("\n\n"),
};

// Written for these tests: the battlefield news the Republic World seed also carries, on its own.
export const BAKHMUT_COUNTEROFFENSIVE: StoryTestArticle = {
  id: "written-bakhmut",
  title: "Ukrainian troops push forward south of Bakhmut as counteroffensive grinds on",
  titleDerived: false,
  publishedAt: new Date("2023-09-18T15:00:00Z"),
  body: [
    "Ukrainian forces have retaken about two square kilometres of ground around Bakhmut over the past week, Deputy Defence Minister Hanna Maliar said on Monday.",
    "The gains follow the recapture of the villages of Andriivka and Klishchiivka on the city's southern flank, which the army described as an important step towards encircling Russian units holding Bakhmut.",
    "Further south, Ukrainian brigades are advancing slowly towards Tokmak and the Sea of Azov, while Russian troops keep attacking near Avdiivka and Maryinka in the Donetsk region.",
    "Military analysts say the three-month-old counteroffensive has been slowed by dense minefields and fortified trenches, and that the coming autumn rains will make the fields harder to cross.",
  ].join("\n\n"),
};

// Written for these tests: the summit the seeds mention as background, on its own.
export const KIM_VISIT_TO_RUSSIA: StoryTestArticle = {
  id: "written-kim-visit",
  title: "Kim Jong Un meets Putin at Russian spaceport as he tours military sites",
  titleDerived: false,
  publishedAt: new Date("2023-09-13T12:00:00Z"),
  body: [
    "North Korean leader Kim Jong Un met Russian President Vladimir Putin at the Vostochny Cosmodrome in Russia's Far East on Wednesday, at the start of a rare trip abroad.",
    "Putin showed Kim around the launch site and said Russia could help North Korea build satellites. The two leaders then held talks for several hours and toasted their countries' friendship over lunch.",
    "Kim arrived in Russia by armoured train and is expected to visit an aircraft factory in Komsomolsk-on-Amur and the Pacific Fleet in Vladivostok in the coming days.",
    "Washington has warned that any deal under which Pyongyang supplies artillery shells to Moscow would breach United Nations sanctions.",
  ].join("\n\n"),
};
