"""Quotes: direct and partial quotations with their speaker, reported speech; never titles or scare quotes."""

from __future__ import annotations

from digest.extract.speakers import extract_speakers
from digest.models import Quote, Sentence
from digest.segment import split_sentences


def _quotes(text: str) -> tuple[Quote, ...]:
    sentences = tuple(Sentence(s, e, "en") for s, e in split_sentences(text))
    return extract_speakers(text, sentences=sentences, author=None)[1]


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in _quotes(text) if q.direct]


def _indirect(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in _quotes(text) if not q.direct]


def test_offsets_point_at_the_quoted_text() -> None:
    text = 'Tom Reed, an economist at HSBC, said: "Inflation is sticky and wages are rising."'
    for quote in _quotes(text):
        assert text[quote.start : quote.end] == quote.text


def test_curly_quote_split_around_he_said() -> None:
    text = (
        "Tom Reed, an economist at HSBC, said on Monday that rates would fall. "
        "\u201cWe expect two more cuts this year,\u201d he said. \u201cBut the risks are rising.\u201d"
    )
    assert _direct(text) == [
        ("We expect two more cuts this year", "Tom Reed"),
        ("But the risks are rising.", "Tom Reed"),
    ]


def test_straight_quotes_split_around_said_name() -> None:
    text = (
        '"Demand is strong," said Anna Berg, a strategist at Nordea, "and it will stay strong for a while."'
    )
    assert _direct(text) == [
        ("Demand is strong", "Anna Berg"),
        ("and it will stay strong for a while.", "Anna Berg"),
    ]


def test_quote_then_speaker_in_the_same_sentence() -> None:
    text = (
        "Vice President Kaifu Zhang spoke in Shanghai. "
        '"It\'s very rare to see double-digit changes" in such tests, Zhang said during a presentation.'
    )
    quotes = _quotes(text)
    assert [q.text for q in quotes] == ["It's very rare to see double-digit changes"]
    assert quotes[0].cue == "said"


def test_partial_quotation_takes_the_subject_of_the_sentence() -> None:
    text = (
        "Vice President Kaifu Zhang said the tests were consistent, predicting a \u201cvery "
        "significant\u201d "
        "positive impact on sales."
    )
    assert ("very significant", "Kaifu Zhang") in _direct(text)


def test_described_as_partial_quotation() -> None:
    text = (
        "Alibaba\u2019s Chief Financial Officer, Toby Xu, described AI and consumption as "
        "\u201ctwo major historic opportunities\u201d."
    )
    assert _direct(text) == [("two major historic opportunities", "Toby Xu")]


def test_multi_sentence_quotation_with_anonymous_speaker() -> None:
    text = (
        "\u201cMarkets are signaling that scale is being rewarded,\u201d said a Hong Kong-based "
        "portfolio manager "
        "who buys China tech, speaking on condition of anonymity. \u201cThis isn\u2019t just "
        "hype; it\u2019s a bet "
        "on monetizing cloud over the next five years.\u201d"
    )
    quotes = _direct(text)
    assert len(quotes) == 2
    assert {speaker for _, speaker in quotes} == {"a Hong Kong-based portfolio manager"}


def test_quote_after_the_speakers_sentence_in_the_same_paragraph() -> None:
    text = (
        "The company will invest heavily, Wu Yongming, CEO of Alibaba Group, said on Thursday. "
        '"Our planned investment over the next three years is set to exceed the past decade."'
    )
    assert _direct(text) == [
        ("Our planned investment over the next three years is set to exceed the past decade.", "Wu Yongming")
    ]


def test_paragraph_initial_quote_after_colon() -> None:
    text = (
        "Wu Yongming, CEO of Alibaba Group, said:\n\n"
        "\u201cWe are confident in our focused strategy on e-commerce and cloud.\u201d"
    )
    assert _direct(text) == [
        ("We are confident in our focused strategy on e-commerce and cloud.", "Wu Yongming")
    ]


def test_quotation_paragraph_continued_in_the_next() -> None:
    text = (
        '"We have never seen demand like this. Customers are queuing for capacity.\n\n'
        '"It will take two years to catch up," said Anna Berg, head of cloud at Nordea.'
    )
    quotes = _direct(text)
    assert quotes == [
        ("We have never seen demand like this. Customers are queuing for capacity.", "Anna Berg"),
        ("It will take two years to catch up", "Anna Berg"),
    ]


def test_quote_attributed_by_next_sentence_speaker_before_verb() -> None:
    text = '"We will not cut prices again." Tom Reed, chief executive of Acme, said that on Monday.'
    assert _direct(text)[0][1] == "Tom Reed"


def test_nested_inner_quotes_stay_inside() -> None:
    text = (
        "\u201cOur \u2018user first\u2019 strategy is working,\u201d Wu Yongming, CEO of Alibaba Group, said."
    )
    assert _direct(text) == [("Our \u2018user first\u2019 strategy is working", "Wu Yongming")]


def test_french_guillemets() -> None:
    text = "« Nous restons prudents sur la demande », a déclaré Jean Dupont, analyste chez Natixis."
    assert _direct(text) == [("Nous restons prudents sur la demande", "Jean Dupont")]


def test_title_of_a_plan_is_not_a_quote() -> None:
    text = (
        "The push is supported by the State Council\u2019s \u201cNext Generation Artificial Intelligence "
        "Development Plan\u201d from 2017, Tom Reed, an economist at HSBC, said."
    )
    assert _direct(text) == []


def test_scare_quotes_are_not_quotes() -> None:
    text = (
        "By explicitly stating that profit margins are now \u201csecondary\u201d to AI, Alibaba is telling "
        "investors that the race requires a \u201cspend-to-win\u201d mentality. This suggests "
        "the \u201cpayoff\u201d "
        "management referred to is already here. The \u201cefficiency\u201d era is being "
        "replaced. Some analysts "
        "argue that the \u201cbig AI bet\u201d is not yet paying off. Is the "
        "\u201cgrowth-first\u201d plan right?"
    )
    assert _quotes(text) == ()


def test_single_curly_scare_quote_in_headline_is_not_a_quote() -> None:
    text = "Alibaba\u2019s AI spending to exceed goals on signs of payoff, says margin \u2018secondary\u2019"
    assert _quotes(text) == ()


def test_persona_prompt_is_not_a_quote() -> None:
    text = '"You are Sarah Chen, a senior AI journalist with expertise in economics. Write with precision."'
    assert _quotes(text) == ()


def test_long_unattributed_quotation_is_kept_without_speaker() -> None:
    text = 'A sign at the entrance read: "No entry for unauthorised staff after six in the evening."'
    assert _direct(text) == [("No entry for unauthorised staff after six in the evening.", None)]


def test_indirect_speech_without_that() -> None:
    text = (
        "Jiang Han, a senior analyst at Pangoal, said demand was rising. "
        "Jiang noted an increasing number of enterprises are seeking to adopt AI."
    )
    assert ("an increasing number of enterprises are seeking to adopt AI", "Jiang Han", "noted") in _indirect(
        text
    )


def test_indirect_speech_with_that_after_adjunct() -> None:
    text = "Vice President Kaifu Zhang told reporters Thursday that the investments are breaking even."
    assert _indirect(text) == [("the investments are breaking even", "Kaifu Zhang", "told")]


def test_indirect_speech_before_the_speaker() -> None:
    text = (
        "The company is going to invest in AI, Wu Yongming, CEO of Alibaba Group, said in an earnings call."
    )
    assert _indirect(text) == [("The company is going to invest in AI", "Wu Yongming", "said")]


def test_indirect_speech_by_pronoun_at_sentence_end() -> None:
    text = (
        "Jiang Han, a senior analyst at Pangoal, said demand was rising. "
        "The investment will push rivals to spend more on research, he added."
    )
    assert ("The investment will push rivals to spend more on research", "Jiang Han", "added") in _indirect(
        text
    )


def test_according_to_clause() -> None:
    text = "According to Kaifu Zhang, vice president at Alibaba, the tools lifted returns by 12%."
    assert _indirect(text) == [("the tools lifted returns by 12%", "Kaifu Zhang", "According to")]


def test_adding_that_splits_the_reported_clause() -> None:
    text = (
        "Mo Daiqing, a senior analyst at the Internet Economy Institute, said both platforms face pressure, "
        "adding that more efforts should be made to improve the shopping experience."
    )
    assert _indirect(text) == [
        ("both platforms face pressure", "Mo Daiqing", "said"),
        ("more efforts should be made to improve the shopping experience", "Mo Daiqing", "adding"),
    ]


def test_cue_that_attributes_a_direct_quote_gives_no_indirect_quote() -> None:
    text = '"Looking ahead, we are confident in our strategy," Wu Yongming, CEO of Alibaba Group, said.'
    assert _indirect(text) == []


def test_organisations_give_no_quotes() -> None:
    text = (
        "Alibaba said it will scale up investments over the next three years. "
        "Bloomberg reported that Alibaba has raised its AI budget beyond $50 billion."
    )
    assert _quotes(text) == ()


def test_quotes_sorted_by_start_with_sentence_index() -> None:
    text = 'Tom Reed, an economist at HSBC, said inflation was sticky. "Wages are the main risk," he said.'
    quotes = _quotes(text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    assert [q.sentence for q in quotes] == [0, 1]


def test_told_with_object_before_that() -> None:
    text = (
        "John Smith, a farmer in Iowa, spoke at the fair. "
        "Smith told The Associated Press that prices were too low."
    )
    assert ("prices were too low", "John Smith", "told") in _indirect(text)


def test_indirect_speech_after_title_and_name() -> None:
    text = "Chinese President Xi Jinping said on Monday that the country would open further."
    assert _indirect(text) == [("the country would open further", "Xi Jinping", "said")]


def test_french_selon_lui_and_short_quotation() -> None:
    text = (
        "« Nous devons agir vite », a déclaré la ministre du travail, Claire Martin. "
        "Selon elle, la réforme sera « équitable et rapide ». Elle a dénoncé une « injustice profonde »."
    )
    assert _direct(text) == [
        ("Nous devons agir vite", "Claire Martin"),
        ("équitable et rapide", "Claire Martin"),
        ("injustice profonde", "Claire Martin"),
    ]


def test_french_inverted_pronoun_goes_to_the_unnamed_source() -> None:
    text = (
        "Un député de la majorité, qui a requis l'anonymat, reconnaît que le texte sera difficile à voter. "
        "« Il faudra lâcher quelque chose sur le calendrier », confie-t-il."
    )
    assert _direct(text) == [("Il faudra lâcher quelque chose sur le calendrier", "Un député de la majorité")]


def test_pronoun_goes_to_the_unnamed_source_not_the_name_before() -> None:
    text = (
        '"The worst is behind us," chairman Peter Wong told a briefing. A Singapore-based fund manager, '
        "speaking on condition of anonymity, said investors were relieved. "
        '"The sales are what matter. If they land, the debt is fine," he said.'
    )
    quotes = _direct(text)
    assert quotes[-1] == (
        "The sales are what matter. If they land, the debt is fine",
        "A Singapore-based fund manager",
    )


def test_the_aide_resolves_to_the_unnamed_aide() -> None:
    text = (
        "A senior Democratic aide, who spoke on condition of anonymity, said the vote could slip. "
        '"Nothing is settled yet," the aide said.'
    )
    assert _direct(text) == [("Nothing is settled yet", "A senior Democratic aide")]


def test_pronoun_after_a_titled_name_that_said_nothing_yet() -> None:
    text = (
        "Jane Roe, chief executive of Quantra, said orders had doubled. "
        "Chief technology officer Marco Ruiz was candid about the risks. "
        '"Nobody gets fired for buying the market leader," he said.'
    )
    assert _direct(text) == [("Nobody gets fired for buying the market leader", "Marco Ruiz")]


def test_titled_person_is_not_stripped_into_the_name() -> None:
    text = 'Meteorologist Jill Brown said the storm was fast. "It moved at 60 miles an hour," Brown said.'
    assert _direct(text) == [("It moved at 60 miles an hour", "Jill Brown")]


def test_short_quotation_after_an_organisations_speech_verb_has_no_speaker() -> None:
    text = 'Finlo said in a statement that it remained "well capitalized" and would cut costs.'
    assert _direct(text) == [("well capitalized", None)]


def test_called_with_a_short_quotation_after_a_name_of_a_place() -> None:
    text = 'Sen. Mary Hill of Ohio, the top Republican on the panel, called the plan "a cruel bargain".'
    assert _direct(text) == [("a cruel bargain", "Mary Hill")]


def test_a_word_quoted_after_called_by_critics_has_no_speaker() -> None:
    text = (
        "Critics called the scheme \u201cfree money\u201d for landlords, and Senator Ruth Baines said it was "
        "\u201ccompletely\u201d wrong."
    )
    assert _direct(text) == [("free money", None), ("completely", "Ruth Baines")]


def test_french_partial_quote_after_denonce() -> None:
    text = "Marie Dupont, d\u00e9l\u00e9gu\u00e9e CGT, d\u00e9nonce \u00ab un plan de casse sociale \u00bb."
    assert _direct(text) == [("un plan de casse sociale", "Marie Dupont")]


def test_an_organisations_quoted_words_have_no_person() -> None:
    text = (
        "The union called it \u201ca slap in the face\u201d for workers. "
        "Union leader Karl Brandt said members would strike on Monday."
    )
    assert _direct(text) == [("a slap in the face", None)]


def test_a_rating_label_is_no_quote() -> None:
    text = (
        "Analysts at Jefferies kept a \u201cbuy\u201d rating on the stock. "
        "Tom Reed, an analyst at Jefferies, said demand was strong."
    )
    assert _direct(text) == []


def test_a_name_after_calls_is_no_quote() -> None:
    text = 'The software, which the company calls "Lattice," supports only one framework.'
    assert _direct(text) == []


def test_the_next_sentences_speaker_beats_one_two_sentences_back() -> None:
    text = (
        "Mark Ruiz said the verdict was fair. The jury deliberated for two days before it decided. "
        "\u201cWe looked at every piece of evidence twice.\u201d Tom Avery, a juror from Tempe, said the "
        "panel had been unanimous."
    )
    assert _direct(text) == [("We looked at every piece of evidence twice.", "Tom Avery")]
