"""Speakers: who is quoted or reported as saying something, with role, organisation and later mentions."""

from __future__ import annotations

from digest.extract.speakers import extract_speakers
from digest.models import Sentence, Speaker
from digest.segment import split_sentences


def _speakers(text: str, author: str | None = None) -> tuple[Speaker, ...]:
    sentences = tuple(Sentence(s, e, "en") for s, e in split_sentences(text))
    return extract_speakers(text, sentences=sentences, author=author)[0]


def _one(text: str, author: str | None = None) -> Speaker:
    (speaker,) = _speakers(text, author)
    return speaker


def test_title_before_name_is_the_role() -> None:
    speaker = _one("Vice President Kaifu Zhang told reporters on Thursday that sales were up.")
    assert (speaker.name, speaker.role, speaker.organization) == ("Kaifu Zhang", "Vice President", None)


def test_appositive_after_name_gives_role_and_organization() -> None:
    text = "Jiang Han, a senior analyst at market consultancy Pangoal, said cloud growth had returned."
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == ("Jiang Han", "senior analyst", "Pangoal")


def test_role_of_organization_before_name() -> None:
    text = "During an earnings call, Alibaba's Chief Financial Officer, Toby Xu, said margins would recover."
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == (
        "Toby Xu",
        "Chief Financial Officer",
        "Alibaba",
    )


def test_ceo_of_organization() -> None:
    text = "The company will invest heavily, Wu Yongming, CEO of Alibaba Group, said in an earnings call."
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == ("Wu Yongming", "CEO", "Alibaba Group")


def test_second_appositive_describes_the_organization() -> None:
    text = (
        "Mo Daiqing, a senior analyst at the Internet Economy Institute, a domestic consultancy, said both "
        "platforms face pressure."
    )
    speaker = _one(text)
    assert (speaker.role, speaker.organization) == ("senior analyst", "Internet Economy Institute")


def test_according_to_with_appositive() -> None:
    text = "According to Kaifu Zhang, vice president at Alibaba, the tools lifted returns by 12%."
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == ("Kaifu Zhang", "vice president", "Alibaba")


def test_lowercase_title_and_company_before_name() -> None:
    speaker = _one("Alibaba chief executive Eddie Wu said the group would keep spending.")
    assert (speaker.name, speaker.role, speaker.organization) == ("Eddie Wu", "chief executive", "Alibaba")


def test_inverted_attribution_with_appositive() -> None:
    text = '"We are not worried," said Maria Lopez, chief economist at ING in Madrid.'
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == ("Maria Lopez", "chief economist", "ING")


def test_surname_mentions_resolve_to_the_same_speaker() -> None:
    text = (
        "Wu Yongming, CEO of Alibaba Group, said the company would invest. "
        "Wu noted that demand was strong. Wu emphasized that the focus would not change."
    )
    speaker = _one(text)
    assert speaker.aliases == ("Wu",)
    assert len(speaker.mentions) == 3
    assert [text[m.start : m.end] for m in speaker.mentions] == ["Wu Yongming", "Wu", "Wu"]


def test_western_order_surname() -> None:
    text = 'Vice President Kaifu Zhang spoke in Shanghai. "It is rare," Zhang said.'
    speaker = _one(text)
    assert speaker.name == "Kaifu Zhang"
    assert "Zhang" in speaker.aliases


def test_pronoun_resolves_to_most_recent_named_speaker() -> None:
    text = (
        "Jiang Han, an analyst at Pangoal, said demand was rising. "
        "The shift will help other firms too, he added."
    )
    speaker = _one(text)
    assert any(text[m.start : m.end] == "he" for m in speaker.mentions)


def test_pronoun_picks_the_later_of_two_speakers() -> None:
    text = (
        "Anna Berg, a strategist at Nordea, said rates would fall. "
        "Tom Reed, an economist at HSBC, said inflation was sticky. "
        "He added that wages were the main risk."
    )
    berg, reed = _speakers(text)
    assert reed.name == "Tom Reed"
    assert any(text[m.start : m.end] == "He" for m in reed.mentions)
    assert not any(text[m.start : m.end] == "He" for m in berg.mentions)


def test_the_analyst_resolves_by_role() -> None:
    text = (
        "Jiang Han, a senior analyst at Pangoal, said cloud revenue was the engine. "
        "Separately, CEO Eddie Wu said spending would rise. "
        "The gains may not last, the analyst said."
    )
    jiang = next(s for s in _speakers(text) if s.name == "Jiang Han")
    assert any(text[m.start : m.end] == "the analyst" for m in jiang.mentions)


def test_speakers_in_order_of_first_mention() -> None:
    text = (
        "Tom Reed, an economist at HSBC, said inflation was sticky. "
        "Anna Berg, a strategist at Nordea, said rates would fall."
    )
    assert [s.name for s in _speakers(text)] == ["Tom Reed", "Anna Berg"]


def test_anonymous_portfolio_manager() -> None:
    text = (
        "\u201cMarkets are signaling that scale is being rewarded,\u201d said a Hong Kong-based "
        "portfolio manager "
        "who buys China tech, speaking on condition of anonymity to discuss market strategy."
    )
    speaker = _one(text)
    assert speaker.anonymous
    assert speaker.name == "a Hong Kong-based portfolio manager"


def test_anonymous_person_familiar_with_the_matter() -> None:
    speaker = _one("The deal could be signed next week, a person familiar with the matter said.")
    assert speaker.anonymous
    assert speaker.name == "a person familiar with the matter"


def test_anonymous_sources_and_officials() -> None:
    assert _one("Two sources said the talks had stalled.").name == "Two sources"
    official = _one("An official who declined to be named said the plan was on hold.")
    assert official.anonymous and official.name == "An official"
    assert _one("People familiar with the plans told Reuters the bid was dropped.").anonymous


def test_companies_and_publications_are_not_speakers() -> None:
    text = (
        "Alibaba said it would spend more. Bloomberg reported that the budget was raised. "
        "Bain recently warned of a shortfall. Alibaba Group Holding Ltd said revenue rose. "
        "Goldman Sachs Research said the market was overheated. Beijing said it welcomed the move."
    )
    assert _speakers(text) == ()


def test_groups_are_not_speakers() -> None:
    text = (
        "Analysts say the key metric is cloud revenue. Some analysts argue that the bet is not paying off. "
        "Company leadership has acknowledged the costs. The company claims its spending is paying off."
    )
    assert _speakers(text) == ()


def test_byline_and_author_are_not_speakers() -> None:
    text = (
        "AI Journalist: Sarah Chen\n\n"
        "Sarah Chen said the market was rising.\n\n"
        "Tom Reed, an economist at HSBC, said inflation was sticky."
    )
    assert [s.name for s in _speakers(text, author="Sarah Chen")] == ["Tom Reed"]
    assert [s.name for s in _speakers(text)] == ["Tom Reed"]


def test_by_line_is_not_a_speaker() -> None:
    text = "By John Smith\n\nJohn Smith said so. Anna Berg, a strategist at Nordea, said rates would fall."
    assert [s.name for s in _speakers(text)] == ["Anna Berg"]


def test_cue_verbs_of_thought_and_warning() -> None:
    for verb in (
        "believes",
        "expects",
        "warned",
        "cautioned",
        "predicted",
        "estimated",
        "stressed",
        "insisted",
    ):
        text = f"Anna Berg, a strategist at Nordea, {verb} that rates would fall this year."
        assert _one(text).name == "Anna Berg", verb


def test_pointed_out_and_adverb_between_subject_and_verb() -> None:
    assert _one("Tom Reed, an economist at HSBC, pointed out that wages were rising.").name == "Tom Reed"
    assert _one("Tom Reed, an economist at HSBC, also said that wages were rising.").name == "Tom Reed"
    assert (
        _one("Prime Minister Mark Carney on Tuesday said the tariffs were unjustified.").role
        == "Prime Minister"
    )


def test_single_surname_found_with_its_full_name_earlier() -> None:
    text = "Kaifu Zhang presented the figures in Shanghai. Zhang said the gains were consistent."
    assert _one(text).name == "Kaifu Zhang"


def test_honorific_single_name() -> None:
    speaker = _one("Mr Zhang said the gains were consistent across categories.")
    assert speaker.name == "Zhang"


def test_french_attribution() -> None:
    text = (
        "Selon Jean Dupont, analyste chez Natixis, la demande reste forte. "
        "« Nous restons prudents », a-t-il dit."
    )
    speaker = _one(text)
    assert speaker.name == "Jean Dupont"
    assert any(text[m.start : m.end] == "il" for m in speaker.mentions)


def test_french_a_declare() -> None:
    speaker = _one("Marie Curie, directrice de l'institut, a déclaré que les travaux reprendraient.")
    assert speaker.name == "Marie Curie"


def test_empty_text() -> None:
    assert extract_speakers("", sentences=(), author=None) == ((), ())


def test_ap_age_appositive_and_later_surname() -> None:
    text = (
        '"We\'re not going anywhere," said John Smith, 45, a farmer in Iowa. '
        "Smith told The Associated Press that prices were too low."
    )
    speaker = _one(text)
    assert speaker.name == "John Smith"
    assert speaker.aliases == ("Smith",)


def test_abbreviated_title_and_party_state_tag() -> None:
    speaker = _one('"It\'s a disaster," Sen. Elizabeth Warren, D-Mass., said in a statement.')
    assert (speaker.name, speaker.role) == ("Elizabeth Warren", "Sen.")


def test_bloomberg_style_note_to_clients() -> None:
    text = (
        "\u201cWe see this as a turning point,\u201d Jane Doe, an analyst at Bloomberg Intelligence, "
        "wrote in a note to clients."
    )
    speaker = _one(text)
    assert (speaker.role, speaker.organization) == ("analyst", "Bloomberg Intelligence")


def test_reuters_people_with_knowledge_told_reuters() -> None:
    text = (
        "The company plans to list in Hong Kong, two people with direct knowledge of the matter told Reuters."
    )
    speaker = _one(text)
    assert speaker.anonymous
    assert speaker.name == "two people with direct knowledge of the matter"


def test_company_title_before_name() -> None:
    speaker = _one("Apple CEO Tim Cook said the company would invest $500 billion in the United States.")
    assert (speaker.name, speaker.role, speaker.organization) == ("Tim Cook", "CEO", "Apple")


def test_le_monde_inverted_estime() -> None:
    speaker = _one("\u00ab C'est une erreur \u00bb, estime Pierre Martin, \u00e9conomiste chez BNP Paribas.")
    assert (speaker.name, speaker.role, speaker.organization) == (
        "Pierre Martin",
        "\u00e9conomiste",
        "BNP Paribas",
    )


def test_analysts_of_a_bank_are_a_group() -> None:
    speaker = _one("Shares fell 3% after Morgan Stanley analysts said the valuation was stretched.")
    assert (speaker.name, speaker.role, speaker.organization, speaker.anonymous) == (
        "Morgan Stanley analysts",
        None,
        "Morgan Stanley",
        True,
    )


def test_french_inverted_role_then_name() -> None:
    text = "« Il faut agir vite », a déclaré la ministre du travail, Claire Martin, lors d'un point presse."
    speaker = _one(text)
    assert (speaker.name, speaker.role) == ("Claire Martin", "ministre")


def test_french_reacted_with_organisation_of_lowercase_words() -> None:
    text = "« C'est inacceptable », a réagi Jean Morel, président de l'Union des maires ruraux, hier."
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == (
        "Jean Morel",
        "président",
        "Union des maires ruraux",
    )


def test_french_pronoun_after_the_verb_resolves_to_the_last_speaker() -> None:
    text = (
        "Paul Girard, économiste chez Natixis, a estimé que la croissance ralentirait. "
        "« Le pire est derrière nous », confie-t-il. « Mais rien n'est joué », estime-t-il."
    )
    speaker = _one(text)
    assert sum(text[m.start : m.end] == "il" for m in speaker.mentions) == 2


def test_french_unnamed_deputy_before_a_relative_clause() -> None:
    text = "Un député de la majorité, qui a requis l'anonymat, reconnaît que le texte sera difficile à voter."
    speaker = _one(text)
    assert speaker.anonymous and speaker.name == "Un député de la majorité"


def test_unnamed_source_before_a_relative_clause() -> None:
    text = (
        "A senior Democratic aide, who spoke on condition of anonymity to discuss the talks, said the vote "
        "could slip to next week."
    )
    speaker = _one(text)
    assert speaker.anonymous and speaker.name == "A senior Democratic aide"


def test_unnamed_official_of_an_organisation_named_before() -> None:
    text = (
        "The Federal Aviation Administration said it had opened an inquiry. An official at the agency, who "
        "was not authorized to speak publicly, said the checks would take weeks."
    )
    speaker = _one(text)
    assert speaker.anonymous and speaker.name == "An official at the agency"
    assert speaker.organization == "Federal Aviation Administration"


def test_unnamed_source_description_holds_the_organisation() -> None:
    speaker = _one("A Home Office source said ministers had rejected a smaller cap.")
    assert speaker.anonymous and speaker.organization == "Home Office"


def test_unnamed_source_stops_before_the_verb() -> None:
    text = "Three officials familiar with the governor's plans said Mayor Jane Roe was expected to resign."
    speaker = _one(text)
    assert speaker.name == "Three officials familiar with the governor's plans"


def test_passive_expected_is_not_a_speech_verb() -> None:
    assert _speakers("Mayor Jane Roe was expected to resign on Friday, after weeks of pressure.") == ()


def test_analysts_at_a_named_bank_are_one_unnamed_source() -> None:
    speaker = _one("Analysts at Barclays estimated in a note that prices would rise by 4% next year.")
    assert (speaker.name, speaker.organization, speaker.anonymous) == (
        "Analysts at Barclays",
        "Barclays",
        True,
    )


def test_occupation_before_a_name_is_the_role() -> None:
    speaker = _one("Meteorologist Jill Brown said the storm would weaken overnight.")
    assert (speaker.name, speaker.role) == ("Jill Brown", "Meteorologist")
    speaker = _one("Epidemiologist Raj Patel said the wave had peaked.")
    assert (speaker.name, speaker.role) == ("Raj Patel", "Epidemiologist")


def test_policy_area_belongs_to_the_title() -> None:
    speaker = _one("Housing Commissioner Ana Ortiz said 3,000 units would open this year.")
    assert (speaker.name, speaker.role, speaker.organization) == ("Ana Ortiz", "Housing Commissioner", None)
    speaker = _one("Council Member Dana Lee said the plan was overdue.")
    assert (speaker.name, speaker.role) == ("Dana Lee", "Council Member")


def test_companies_with_industry_words_are_not_speakers() -> None:
    text = (
        "Alabama Power said crews had restored service to most homes. Emirates Air Lines, which is based in "
        "Dubai, said it had cancelled 40 flights. The National Hurricane Service confirmed two landfalls."
    )
    assert _speakers(text) == ()


def test_a_name_used_as_a_thing_is_not_a_speaker() -> None:
    text = (
        "Startup Quantra Labs unveiled its first chip on Monday. "
        "Quantra claims the chip uses half the power of rival designs."
    )
    assert _speakers(text) == ()


def test_role_before_the_name_with_the() -> None:
    speaker = _one("The energy minister, Tom Reed, said supplies were secure for the winter.")
    assert (speaker.name, speaker.role) == ("Tom Reed", "energy minister")
    speaker = _one('"Fares must come down," said the health secretary, Wes Streeting.')
    assert (speaker.name, speaker.role) == ("Wes Streeting", "health secretary")


def test_its_chief_executive_takes_the_organisation_of_the_previous_sentence() -> None:
    text = (
        "Northwind Logistics said revenue rose 8% in the quarter. Its chief executive, Anna Berg, told "
        "analysts that demand had recovered."
    )
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == (
        "Anna Berg",
        "chief executive",
        "Northwind Logistics",
    )


def test_the_campaigns_director_takes_the_campaign_named_before() -> None:
    text = (
        "Fares will rise by 6%, according to the Campaign for Fair Fares. "
        '"It is a scandal," said Jane Roe, the campaign\'s director of policy.'
    )
    speaker = _one(text)
    assert (speaker.role, speaker.organization) == ("director", "Campaign for Fair Fares")


def test_generic_noun_before_a_title_is_not_the_organisation() -> None:
    text = (
        "Pacific Air said it had grounded six planes. The regulator said it would inspect them. "
        "Airline spokesperson Lia Cruz said refunds would be offered."
    )
    speaker = _one(text)
    assert (speaker.name, speaker.role, speaker.organization) == ("Lia Cruz", "spokesperson", "Pacific Air")


def test_company_role_without_an_organisation_takes_the_company_in_the_story() -> None:
    text = (
        "Brightline Robotics says its arm is twice as fast. "
        '"We built it for warehouses," chief executive Omar Haddad told reporters.'
    )
    speaker = _one(text)
    assert (speaker.role, speaker.organization) == ("chief executive", "Brightline Robotics")


def test_name_of_organisation_after_the_person() -> None:
    speaker = _one("Analyst Dylan Ross of research firm ChipView thinks the timing is right.")
    assert (speaker.name, speaker.role, speaker.organization) == ("Dylan Ross", "Analyst", "ChipView")


def test_politicians_of_names_a_place_not_an_employer() -> None:
    speaker = _one("Sen. Mary Hill of Ohio, the top Republican on the panel, said the bill was dead.")
    assert (speaker.name, speaker.role, speaker.organization) == ("Mary Hill", "Sen.", None)


# Groups and descriptions as unnamed sources.


def _who(text: str) -> list[tuple[str, str | None, str | None, bool]]:
    return [(s.name, s.role, s.organization, s.anonymous) for s in _speakers(text)]


def test_analysts_named_by_their_bank_are_one_unnamed_source() -> None:
    text = "Goldman Sachs analysts said the central bank would cut rates twice this year."
    assert _who(text) == [("Goldman Sachs analysts", None, "Goldman Sachs", True)]


def test_a_sector_word_before_a_group_is_no_organisation() -> None:
    assert _who("Industry insiders said parcel volumes had never been higher.") == [
        ("Industry insiders", None, None, True)
    ]


def test_economists_at_the_named_institute_expect() -> None:
    text = "Economists at the Ifo Institute expect growth to slow in the second half."
    assert _who(text) == [("Economists at the Ifo Institute", None, "Ifo Institute", True)]


def test_the_delegate_later_is_the_same_unnamed_source() -> None:
    text = (
        "A Gulf delegate told Reuters the group would discuss deeper cuts on Sunday. "
        "\u201cWe are not there yet,\u201d the delegate said."
    )
    speakers, quotes = extract_speakers(
        text, sentences=tuple(Sentence(s, e, "en") for s, e in split_sentences(text)), author=None
    )
    assert [s.name for s in speakers] == ["A Gulf delegate"]
    assert len(speakers[0].mentions) == 2
    assert {q.speaker for q in quotes} == {"A Gulf delegate"}


def test_a_juror_described_between_commas_is_an_unnamed_source() -> None:
    text = "One juror, a retired schoolteacher from Mesa, said the panel had struggled with the evidence."
    assert _who(text) == [("One juror", None, None, True)]


def test_french_unnamed_analyst_after_selon() -> None:
    text = "Selon un analyste d'une grande banque parisienne, la hausse des taux va se poursuivre."
    ((name, _, _, anonymous),) = _who(text)
    assert name.startswith("un analyste") and anonymous


def test_two_of_the_sources_is_the_group_named_before() -> None:
    text = (
        "Three sources familiar with the talks said the deal could be signed next week. "
        "Two of the sources said the price had not yet been agreed."
    )
    (speaker,) = _speakers(text)
    assert speaker.name == "Three sources familiar with the talks"
    assert len(speaker.mentions) == 2


def test_one_of_the_executives_without_a_group_before_is_its_own_source() -> None:
    assert _who("One of the executives said the plant would close.") == [
        ("One of the executives", None, None, True)
    ]


def test_a_spokesperson_for_a_named_company() -> None:
    text = "A spokesperson for Desert Valley said the company would appeal the ruling."
    assert _who(text) == [("A spokesperson for Desert Valley", None, "Desert Valley", True)]


# Reporting verbs.


def test_more_reporting_verbs_make_speakers() -> None:
    verbs = "testified joked quipped conceded recounted boasted lamented complained mused countered"
    for verb in (*verbs.split(), "replied", "responded", "stressed"):
        text = f"Dana Whitfield {verb} that the figures had been wrong from the start."
        assert _who(text) == [("Dana Whitfield", None, None, False)], verb


def test_told_the_court() -> None:
    text = "Dr. Alan Grant told the court that he had never been paid for the report."
    quotes = extract_speakers(
        text, sentences=tuple(Sentence(s, e, "en") for s, e in split_sentences(text)), author=None
    )[1]
    assert [(q.text, q.speaker) for q in quotes] == [("he had never been paid for the report", "Alan Grant")]


def test_inverted_quipped() -> None:
    text = "\u201cWe need a bigger boat,\u201d quipped Paul Jones, the team's coach."
    assert _who(text)[0][0] == "Paul Jones"


# Organisations are not people.


def test_a_country_opening_a_name_is_an_organisation() -> None:
    assert _who("France Chimie said the plan would cost 15,000 jobs.") == []


def test_a_company_word_closing_a_name_is_an_organisation() -> None:
    assert _who("Karra Resources said output rose 4% in the quarter.") == []


def test_a_name_with_shareholders_elsewhere_is_an_organisation() -> None:
    text = "Halden Mertz said it would close two plants. Halden Mertz's shareholders will vote in May."
    assert _who(text) == []


def test_a_name_after_an_industry_noun_elsewhere_is_an_organisation() -> None:
    text = "The lobby Verde Brasa said the rules were too strict. Verde Brasa said it would appeal."
    assert _who(text) == []


# Roles and organisations.


def test_a_regional_portfolio_belongs_to_the_role_and_at_names_the_employer() -> None:
    text = (
        "Nadia Perrin, chief economist for Africa and the Middle East at Standard Chartered, said inflation "
        "would ease."
    )
    assert _who(text) == [
        ("Nadia Perrin", "chief economist for Africa and the Middle East", "Standard Chartered", False)
    ]


def test_district_head_for_a_region_at_a_union() -> None:
    text = "\u201cIt is a fight,\u201d said J\u00fcrgen Wechsler, district head for Bavaria at IG Metall."
    assert _who(text) == [("J\u00fcrgen Wechsler", "district head for Bavaria", "IG Metall", False)]


def test_club_possessive_before_a_lower_case_post() -> None:
    text = "Chelsea's co-sporting director, Daniel Hartley, said the club would not sell."
    assert _who(text) == [("Daniel Hartley", "co-sporting director", "Chelsea", False)]


def test_french_union_post_then_union_name() -> None:
    text = "Marie Dupont, d\u00e9l\u00e9gu\u00e9e syndicale centrale CGT, d\u00e9nonce un plan injuste."
    assert _who(text) == [("Marie Dupont", "d\u00e9l\u00e9gu\u00e9e syndicale centrale", "CGT", False)]


def test_its_title_takes_the_organisation_described_before() -> None:
    text = (
        "The IG Metall union rejected the offer on Tuesday. "
        "Its state secretary Brad Gandy said the talks had failed."
    )
    assert _who(text) == [("Brad Gandy", "state secretary", "IG Metall", False)]


def test_its_president_after_an_organisation_with_a_description() -> None:
    text = (
        "France Chimie, the chemical industry federation, said the plan would cost 15,000 jobs. "
        "\u201cThis is a disaster,\u201d said its president, Luc Benoit."
    )
    assert _who(text) == [("Luc Benoit", "president", "France Chimie", False)]


def test_a_place_after_the_is_no_person_before_at() -> None:
    text = "Ola Berg, head of research for the Middle East at Emirates NBD, said oil would stay high."
    assert [name for name, *_ in _who(text)] == ["Ola Berg"]
