"""The check transform: terms, untranslated segments, numbers and links."""
from presskit.document import Block, Document, Segment, TermUse
from presskit.qa.document_checks import missing_links, missing_numbers
from presskit.qa.gate import gate
from presskit.transforms.check_terms import check_terms


class Checker:
    def term_found(self, use, english):
        return use.en.lower() in english.lower()


def test_term_found_only_in_its_own_field():
    use = TermUse("blocks[0].text", "bioproduction", "biomanufacturing", "term", "bioproduction")
    english = Document("en", blocks=(Block("paragraph", "Biomanufacturing grows."),
                                     Block("paragraph", "Other.")), terms=(use,))
    assert check_terms(english, Checker()).terms[0].found is True
    moved = english.evolve(blocks=(Block("paragraph", "Other."), Block("paragraph", "Biomanufacturing.")))
    checked = check_terms(moved, Checker())
    assert checked.terms[0].found is False
    assert any("should read 'biomanufacturing'" in f.message for f in gate(moved, checked))


def test_untranslated_segments_are_errors():
    english = Document("en", segments=(Segment("title#0", "Bonjour", "Bonjour", "untranslated"),))
    (finding,) = gate(Document("fr"), english)
    assert finding.severity == "error" and "Bonjour" in finding.message


def test_localised_numbers_count_as_the_same_number():
    french = Document("fr", blocks=(Block("paragraph", "10 000 emplois et 25,3 milliards, 85 %"),))
    english = Document("en", blocks=(Block("paragraph", "10,000 jobs and 25.3 billion, 85%"),))
    assert missing_numbers(french, english) == []
    assert missing_numbers(french, english.evolve(blocks=(Block("paragraph", "jobs 85%"),))) == ["10000", "253"]


def test_a_dropped_link_is_found():
    french = Document("fr", blocks=(Block("paragraph", "Voir https://medicen.org/fr/ ici."),))
    english = Document("en", blocks=(Block("paragraph", "See here."),))
    assert missing_links(french, english) == ["medicen.org/fr"]
