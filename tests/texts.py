"""Texts written for the tests: many constructions, punctuation and layouts in a few lines each.

Used beside the bodies of examples/corpus wherever a test compares two ways of annotating the same text (a lookup
against spaCy's own component, a fast path against the slow one): the more shapes of English news they hold, the
more a difference can show. None is copied from a publication, the seeds, the gold files or the peer suites.
"""

from __future__ import annotations

VARIED_TEXTS: list[str] = [
    "The foreign ministers of Chile and Peru met in Lima on Tuesday and agreed to reopen two border crossings.",
    "OSLO, March 4 (Fjord Wire) — Norway said it would only resume the talks once the detained crew was released.",
    "“We have nothing to hide,” the spokeswoman told reporters. “Nothing at all.”",
    "U.S. officials didn't confirm the figure, but a senior aide said 1,250 troops were on the move by 6 p.m.",
    "Relations can only improve if both capitals stop the expulsions, the envoy said, adding that trust was low.",
    "Kenya’s president, William Ruto, flew to Addis Ababa; Ethiopia’s prime minister greeted him at the airport.",
    "Prices rose 3.4% in May — the fastest pace since 2019 — according to the statistics office.",
    "Neither side would say whether the 12-point plan, drafted in Geneva, had been signed.",
    "Analysts at the Baltic Policy Institute warned that sanctions could be widened unless the blockade ended.",
    "Vietnam's Foreign Ministry spokesperson Pham Thu Hang said Hanoi \"firmly opposes\" the survey ship's presence.",
    "The E.U. will send €500m in aid, Brussels announced, and the U.K. pledged a further £120m.",
    "Talks resumed.\nThey broke off again within an hour.\nNo date was set for the next round.",
    "Mr. Okonkwo, 57, served as ambassador to Ghana from 2008-2012 and later as deputy foreign minister.",
    "At 03:40 GMT the drones struck a fuel depot near the port; three people were hurt, the governor said.",
    "Seoul and Tokyo have agreed to restore a military intelligence-sharing pact that lapsed in 2019.",
    "Asked about the visit, she replied: \"It's premature.\" Her office later declined to comment further.",
    "The ministry called the report “baseless” and accused the newspaper of spreading disinformation.",
    "Indonesia will host the summit in Jakarta next year, officials said, though no dates have been fixed.",
    "Both governments only lifted the visa ban after months of quiet talks, a diplomat familiar with them said.",
    "Protesters gathered outside the embassy on Sunday, chanting slogans and burning a flag.",
    "The treaty — ratified by 31 of 32 members — enters into force on 1 January.",
    "Turkey's parliament voted 287-55 in favour; the opposition walked out before the ballot.",
    "Brazil and Argentina signed 14 agreements covering trade, energy and defence during the two-day visit.",
    "\"If they cross that line, we'll respond,\" the general said in an interview with state television.",
    "The navy's P-8A Poseidon flew over the strait, which Beijing regards as its internal waters.",
    "In a phone call, the two leaders discussed the ceasefire, grain exports and prisoner swaps.",
    "Egypt, Qatar and the United States are mediating; a draft is expected by mid-November.",
    "Officials said the ship had been seized in international waters, a claim Tehran rejected.",
    "Ukraine's President Volodymyr Zelensky thanked Poland for its support, calling it \"a true friend\".",
    "Critics say the deal gives too much away. Supporters say it's the best on offer.",
    "The Security Council will vote on Friday on a resolution demanding an immediate halt to the fighting.",
    "Moscow expelled two diplomats — a first secretary and an attaché — and gave them 72 hours to leave.",
    "A spokesperson for the Pentagon, who spoke on condition of anonymity, said no decision had been made.",
    "Mongolia\u00a0and Kazakhstan pledged to double rail freight by 2030, the joint statement said.",
    "India has not ruled out buying more oil from Russia, its petroleum minister told parliament on Wednesday.",
    "The pact could only be signed when the last outstanding issue — fishing rights — was settled, he said.",
    "Updated 14:05. Earlier reports put the death toll at 11; local authorities now say 9.",
    "France recalled its ambassador from Niger in September after the junta ordered him out.",
    "THE HAGUE — The court ruled 15-2 that the maritime boundary should follow the median line.",
    "Is this the end of the détente? Few in Washington or Havana think so, at least not yet.",
    "Japan and the Philippines signed a reciprocal access agreement allowing troops to train on each other's soil.",
    "South Africa's foreign minister, Naledi Pandor, said the summit had been \"frank\", without elaborating.",
    "We regret the decision, the statement read in part, and we call on all sides to exercise restraint.",
    "Co-operation on counter-terrorism, cyber-security and post-war reconstruction was also on the agenda.",
]
