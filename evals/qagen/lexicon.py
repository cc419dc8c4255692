"""The fixed vocabulary make-qa reads text with: quotation marks and dashes, paragraph breaks,
and the word lists that tell names from titles, fillers, groups and organisations."""

from __future__ import annotations

import re

PARA_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
DOUBLE_QUOTES = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
LEAD_STRIP = DOUBLE_QUOTES + "\u2018'([\u2014\u2013\u2026-"
TRAIL_STRIP = DOUBLE_QUOTES + "\u2019',;:)]\u2014\u2013\u2026-"

PRONOUNS = frozenset("""
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
who whom whose which that this these those one someone somebody everyone everybody anyone anybody
nobody none some many others other both all each either neither few several most another such
""".split())

#: Capitalised words that precede names but are not part of them (titles, roles, fillers).
TITLES = frozenset(w.casefold() for w in """
The A An Mr. Mr Mrs. Mrs Ms. Ms Miss Dr. Dr Prof. Professor Sir Dame Lord Lady Rev. Reverend Fr. Fr
President President-elect Vice Sen. Sen Senator Rep. Rep Representative Congressman Congresswoman
Gov. Gov Governor Lt. Gen. Gen General Col. Maj. Adm. Admiral Capt. Sgt. Secretary Spokesman
Spokeswoman Spokesperson Press Director Chairman Chairwoman Chair Speaker Judge Justice Attorney
Mayor Minister Prime Chancellor Ambassador Commissioner Chief Leader Majority Minority Former
Democratic Republican Democrat GOP Presidential Candidate Nominee Rival Candidate Officer Deputy
Assistant Acting Interim Executive Manager Campaign Adviser Advisor Aide Agent Officials Official
Analyst Economist Pollster Strategist Anchor Host Correspondent Reporter Columnist Author Writer
Founder CEO CFO COO Co-founder Pope King Queen Prince Princess Saint Independent Libertarian
Conservative Liberal Progressive Billionaire Businessman Businesswoman Challenger Incumbent
Then-candidate Treasurer Sens. Reps. Sens Reps State House Fellow Activist Longtime Veteran Retired
Resident Residents Principal Parent Teacher Student Doctor Nurse Detective Inspector Sheriff Coach
Player Owner Farmer Worker Voter Councillor Councilor Councilman Councilwoman Alderman Trustee
Bishop Rabbi Imam Pastor Priest Scientist Researcher Lawyer Actor Actress Singer Artist Comedian
Historian Moderator Co-moderator Expert Professor Dean Provost Superintendent Commander Captain Lieutenant Sergeant
Corporal Private Marshal Constable Chef Editor Publisher Producer Director-General Envoy Delegate
Senior Junior Chief-of-staff Surgeon Physician Pilot Engineer Architect Economist Organizer
Organiser Volunteer Witness Neighbor Neighbour Survivor Victim Widow Protester Demonstrator Fan
Whip Staff Advocate Assemblyman Assemblywoman Assemblymember Councilmember Comptroller Supervisor
Senators Representatives Governors Congressmen Congresswomen Mayors Presidents Generals
Counsel Solicitor Prosecutor Auditor Inspector-General Clerk Registrar
""".split())

#: Capitalised fillers that start sentences, never names.
FILLERS = frozenset(w.casefold() for w in """
The A An Then Now And But Or So Yet Also When While After Before If As At In On By For From With
Without Of To Under Over Meanwhile However Still Although Though Because Since Asked Said Says
Told According Even Just Only Last Next First This That These Those Here There Today Yesterday
Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday Where What Why How Who Whether
Mr Mrs Ms Later Earlier Again Instead Finally Indeed Recently Previously Separately Speaking
Following During Despite Unlike Like Among Across Against Through Throughout Until Upon Within
Whereas Once Perhaps Nevertheless Nonetheless Moreover Furthermore Additionally Overall
Eventually Ultimately Initially Originally Similarly Likewise Otherwise Therefore Thus Hence
Clearly Obviously Certainly Actually Notably Importantly Interestingly Surprisingly
Unfortunately Fortunately Sadly Not No Yes Every Each All Some Many Most Several Few Other
Another Such His Her Their Its Our My Your It He She They We I You Do Does Did Is Was Were Are
Would Could Should Might Must Has Have Had Let Please Added Dear Sources Officials
""".split())

#: Capitalised single words that name groups, not speakers.
GROUP_WORDS = frozenset(w.casefold() for w in """
Republicans Democrats Americans Mexicans Russians Conservatives Liberals Evangelicals Independents
Progressives Muslims Christians Catholics Latinos Hispanics Europeans Israelis Palestinians Syrians
Iranians Chinese Ukrainians Britons Germans French Voters Officials Critics Analysts Experts
Supporters Opponents Proponents Demonstrators Poll Polls Police Authorities Lawmakers Sources Aides Advisers Prosecutors
Investigators Scientists Economists Researchers Leaders Members Residents Protesters Activists
Democrat Republican Conservatives Officials Observers Reports Report Data Studies Survey Surveys
Others Everyone People Some Many Most Several Both Neither
""".split())

#: Words that mark an organisation's name (no surname short form for those).
ORG_WORDS = frozenset(w.casefold() for w in """
Times Post News Journal Tribune Herald Gazette Daily Press Associated Reuters Magazine Review
Department Ministry Committee Party Campaign University Institute Center Centre Foundation
Association Council Agency Bureau Service Office Commission Network Poll Inc. Corp. Group Fund
PAC Coalition Union Court Senate House Congress Administration Board Club Society Company
Organization Organisation Federation Intelligence Police Army Navy Force Forces Command Council
Government Bank Cabinet Parliament Kremlin Pentagon Policy Project Alliance Media Television Radio
Convention Caucus Conference Movement Initiative Authority Academy Academies
""".split())

CONNECTORS = frozenset({"of", "de", "van", "von", "la", "le", "du", "da", "der", "al", "bin", "di",
                         "for"})
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today
yesterday tomorrow""".split())
SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})

STOPWORDS = frozenset("""
about above after again against along already although always among another anything around
because been before being below between both cannot could couldn't didn't doesn't don't during
each either enough every everything first from further going gonna great had hadn't hasn't have
haven't having here herself himself into isn't itself just know later least less let's like made
make many might more most much must myself never next nothing often once only other others ought
ourselves over own perhaps quite rather really right said same says shall shan't should shouldn't
since some something still such than that that's their theirs them themselves then there there's
these they they're thing things think this those though through thus today together told too
toward towards under until upon very want wanted wants wasn't well went were weren't what what's
whatever when where whether which while whom whose will with within without won't would wouldn't
year years yes yesterday your yours yourself yourselves going being doing saying people time times
again around always would could should these those their there where which while other another
""".split())
