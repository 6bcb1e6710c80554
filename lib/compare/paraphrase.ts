// A small hand-written paraphrase resource for English news: words outlets use interchangeably for the
// same event or role. Written as general news vocabulary before the labelled misses were read
// (fixtures/compare/GUIDE.md, changelog) and never extended with phrases from the labelled set.
// Clusters are near-synonyms in news use, not topics: "quake" and "tremor" are one, "quake" and "magnitude"
// are not. A word may sit in several clusters.

const CLUSTERS = `
kill slay slain murder assassinate
die dead death deceased perish fatal fatality kill
shoot gunfire gunshot gunman shooting
injure injury wound hurt
arrest detain custody apprehend nab capture
charge indict accuse prosecute
convict guilty
sentence jail prison imprison incarcerate
release free freed
suspect accused
court judge tribunal
trial hearing
lawsuit sue suit
attack assault raid strike airstrike
bomb blast explosion explode detonate
fire blaze flame
burn torch
earthquake quake tremor temblor
flood flooding deluge
storm hurricane cyclone typhoon
crash collision collide wreck
car vehicle automobile
plane aircraft jet airliner
ship vessel boat
police officer cop constable trooper patrol
soldier troop military army force
rebel insurgent militant
fight battle clash combat
war conflict
protest demonstration rally march
protester demonstrator
riot unrest
resign quit step-down
appoint nominate
hire recruit
dismiss sack oust
replace succeed
leave exit depart quit
elect vote win
win victory triumph beat defeat
lose loss defeat
candidate nominee contender
president leader chief
minister secretary
government administration authority regime
company firm corporation business
buy acquire purchase takeover
sell sale
merge merger
announce unveil reveal launch introduce release
deny reject dismiss refute
confirm verify
warn caution alert
plan intend aim
agree accept approve
approve adopt endorse
ban prohibit bar
cut reduce slash
rise increase climb jump surge soar
fall drop decline plunge slump
price cost
money fund cash
child kid
man male
woman female
people person individual
rescue save evacuate
rescuer responder
victim casualty
hospital clinic medical
treat treatment
drug narcotic
steal theft rob robbery burglary heist loot
thief robber burglar
escape flee
missing disappear vanish
search hunt
body corpse remains
home house residence
hotel resort
meet meeting talk summit
visit trip tour
travel journey
start begin launch commence
end finish conclude close
cancel scrap call-off
delay postpone
open inaugurate
occur happen take-place
help aid assist
supply provide
demand urge
rehab rehabilitation treatment
album
song
film movie
actor actress star
singer artist musician
band group
show program programme series
tv television
star celebrity
performer entertainer
fan supporter
team club squad
coach manager
player athlete
match game
goal score
season campaign
champion titleholder
tournament championship cup
contract deal agreement pact
sign signing
talks negotiation
country nation state
capital city
region province area
village town
island isle
mountain mount peak
climber mountaineer
fall plunge slip tumble
cliff ridge slope
helicopter chopper
ambulance paramedic
storm blizzard
internet online web
cable
outage disruption cut
phone mobile cellphone
computer pc laptop
device gadget
chip processor
unveil debut
launch release
upgrade update
crisis emergency
threat danger risk
safety security
guard security
fine penalty
pay payment
tax levy
job employment
worker employee staff
layoff redundancy job-cut
walkout
shortage lack
drought dry
famine hunger
disease illness sickness
outbreak epidemic pandemic
virus infection
doctor physician
nurse carer
patient sufferer
pregnant expecting
birth born deliver
baby infant newborn
wife spouse
husband spouse
marry wed wedding marriage
divorce split separate
couple pair
girlfriend partner
boyfriend partner
son child
daughter child
mother mom mum
father dad
brother sibling
sister sibling
spokesman spokeswoman spokesperson representative rep
statement announcement
report account
news media press
journalist reporter correspondent
newspaper daily
interview talk
photograph photo picture image
video footage clip
website site
investigate probe inquiry investigation
investigator detective
evidence proof
witness onlooker bystander eyewitness
crowd throng
official authority
lawyer attorney counsel solicitor
prosecutor da
defendant accused
plea plead
jury juror
verdict ruling decision
appeal challenge
law legislation bill
rule regulation
illegal unlawful
legal lawful
budget spending
debt loan
bank lender
economy economic
market stock share
profit earnings
revenue sales
growth expansion
recession downturn slump
unemployment jobless
inflation price
border frontier
refugee migrant asylum
immigrant migrant
weapon arm gun firearm rifle pistol
missile rocket
nuclear atomic
drone uav
navy naval
air-force airforce
warship frigate destroyer
border boundary
ceasefire truce
peace accord
sanction embargo
invade invasion incursion
occupy occupation seize
annex annexation
withdraw pull-out retreat
deploy send dispatch
troop force
hostage captive
kidnap abduct
terror terrorist terrorism
extremist radical
prisoner inmate detainee
cell jail
guard warden
award prize honour honor
nominate nomination
ceremony event
audience viewer
die pass-away
funeral burial memorial
mourn grieve
tribute homage
`;

/** Words (lower case, before stemming) to the clusters they belong to. */
export function paraphraseClusters(): string[][] {
  return CLUSTERS.trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).filter((w) => !w.includes("-")))
    .filter((c) => c.length >= 2);
}
