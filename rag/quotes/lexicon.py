"""Word lists the attribution rules rely on. Lemmas, lower case."""

from __future__ import annotations

#: Verbs that introduce speech or writing.
SPEECH_CUES = frozenset("""
say tell ask add note claim warn report state explain describe insist argue announce reply respond
write suggest acknowledge admit confirm deny declare predict indicate reveal recall comment remark
mention observe tweet testify conclude allege assert emphasize emphasise stress urge contend maintain
answer shout cry whisper murmur exclaim continue repeat promise vow pledge complain boast concede
caution threaten demand propose recommend disclose inform assure advise insist reiterate retort
contend muse joke quip scream yell mutter call question inquire enquire interrupt begin exclaim
cite quote characterize characterise dismiss blast slam praise criticize criticise accuse charge
tout defend discuss thank congratulate portray ridicule speak talk point list attack label brand
recount predict lament concede insist acknowledge signal hint recommend estimate calculate brag
""".split())

#: Verbs of belief and perception: PolNeAR annotates them as attributions too.
BELIEF_CUES = frozenset("""
believe think feel hope fear expect know doubt worry suspect assume reckon understand consider
""".split())

CUES = SPEECH_CUES | BELIEF_CUES

#: Nouns that report what their owner said or thinks, with a "that" or "to" clause.
NOMINAL_CUES = frozenset("""
claim assertion argument promise pledge vow insistence warning suggestion belief view contention
accusation charge demand prediction statement admission denial hope fear threat announcement
proposal remark comment boast complaint allegation plea request assurance concern conviction
suspicion expectation worry call report
""".split())

#: Nouns that report only as the subject of "was that ...": "his point was that ...". Kept out of
#: NOMINAL_CUES, which the learned models read as a feature.
COPULAR_CUES = frozenset("""
point message pitch explanation answer response excuse reasoning position
""".split())

#: Nouns that can head a speaker phrase even when they are not names.
SPEAKER_NOUNS = frozenset("""
official officials spokesman spokeswoman spokesperson spokespeople president minister secretary
commander general officer leader chief director governor senator representative lawmaker mayor
analyst analysts expert experts source sources intelligence ministry department agency government
administration campaign aide aides adviser advisor advisers advisors critic critics supporter
supporters observer observers witness witnesses resident residents soldier soldiers commentator
journalist reporter reporters author authors researcher researchers scientist scientists doctor
economist economists investigator investigators prosecutor prosecutors lawyer lawyers attorney
attorneys judge police military army office committee council board court white house kremlin
pentagon team company firm group organization organisation party chairman chairwoman chair
candidate nominee voter voters democrats republicans democrat republican people man woman
user users reader readers viewer viewers commenter commenters caller callers follower followers
listener listeners blogger bloggers fan fans
""".split())

#: Words that precede a name as a title or role; kept as the speaker's description.
TITLE_WORDS = frozenset("""
president vice prime minister secretary general commander chief unit leader sen senator rep
representative gov governor mayor mr mrs ms miss dr prof professor judge justice lt col gen
sgt capt captain colonel lieutenant sergeant officer spokesman spokeswoman spokesperson former
ukrainian russian american us u.s. british french german chinese israeli the a an foreign
affairs deputy director chairman chairwoman lord lady sir king queen prince princess saint st
dame rev reverend father mother uncle aunt fr treasurer executive ceo chair chairperson ambassador
attorney counsel strategist adviser advisor manager speaker anchor host editor founder
comedian actor actress singer rapper musician author writer columnist commentator historian
economist analyst pollster moderator co-moderator lawyer pastor bishop rabbi imam coach
businessman businesswoman billionaire activist correspondent reporter journalist
commissioner sheriff superintendent chancellor congressman congresswoman councilman councilwoman
assemblyman assemblywoman inspector detective dean provost
""".split())

#: Adverbs by which the writer relays a report without saying who made it ("Putin reportedly aims").
HEARSAY = frozenset("reportedly allegedly apparently seemingly purportedly supposedly".split())

PRONOUNS = frozenset("he she they i we him her them his their it you".split())
SUBJECT_PRONOUNS = frozenset("he she they i we".split())
PLURAL_PRONOUNS = frozenset("they them their we".split())

#: Heads of subjects that are documents or data, not speakers ("the video showed").
NOT_SPEAKERS = frozenset("""
video footage image images photo photos evidence data estimate estimates figure figures approach
study survey poll polls report reports accounts account document documents visuals it this that
which what there tactic tactics
""".split())

#: Titles that are part of how a person is named when no given name follows ("Mr. Beebe").
HONORIFICS = frozenset("mr mrs ms miss dr sir lady lord dame madam madame mister rev prof".split())

#: Ranks a person is named by with a place: "the Duchess of Monmouth", "the Duke of St. Austrey".
NOBLE_TITLES = frozenset("""duke duchess earl countess marquis marquess marchioness prince princess
king queen baron baroness viscount viscountess bishop archbishop""".split())

#: Words before a colon that head a news item or a book's part rather than name a speaker
#: ("BREAKING: ...", "Chapter V: A Pleasant Outing").
KICKERS = frozenset("""breaking update updated watch exclusive video photos photo read note editor
editors correction live alert warning related analysis opinion byline dateline section length headline
caption credit chapter volume""".split())


#: Nouns naming a body rather than a person: a description headed by one is an organisation.
ORG_NOUNS = frozenset({"ministry", "department", "agency", "government", "administration", "campaign",
                       "intelligence", "office", "committee", "council", "board", "court", "military",
                       "army", "police", "company", "firm", "group", "organization", "organisation",
                       "party", "team", "source", "pentagon", "kremlin"})
#: Kinds of outlet or body named before their name ("the Israeli newspaper Haaretz").
OUTLET_NOUNS = frozenset({"newspaper", "paper", "magazine", "website", "outlet", "network", "broadcaster",
                          "daily", "weekly", "tabloid", "league", "union", "association", "institute"})
#: How much of something: the speakers, if any, are what it is of ("a majority of voters",
#: "nine months of Trump talking").
AMOUNTS = frozenset({"bulk", "number", "majority", "handful", "lot", "couple", "dozens", "hundreds",
                     "thousands", "plenty", "months", "years", "weeks", "days"})

# What words come out in: "in a tweet", "in an interview with The Post", "on Twitter" (lemmas).
MEDIA = frozenset({
    "interview", "tweet", "statement", "email", "e-mail", "speech", "letter", "post", "op-ed",
    "column", "video", "message", "appearance", "memo", "release", "conference", "call", "broadcast",
    "ad", "advertisement", "essay", "blog", "podcast", "address", "remark", "testimony", "twitter",
    "facebook", "instagram"})

# Cues by which a speaker goes on: '"...," she added' is the last speaker again.
GOING_ON = frozenset({"added", "adds", "add", "continued", "continues", "went on", "goes on",
                      "resumed", "pursued"})
