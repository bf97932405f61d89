"""Terms for an engine whose service applies presskit's glossary: sent as words, checked after."""
from __future__ import annotations

from presskit.document import Block, Document
from presskit.engines import FakeEngine
from presskit.glossary.glossary import Entry, Glossary
from presskit.transforms.translate import translate
from presskit.translation.protection import protect, restore

GLOSSARY = Glossary([Entry("biomédicament", "biopharmaceutical", forbidden=("biomedicine",)),
                     Entry("Medicen", "Medicen", "name")])
SENTENCE = "Medicen produit 85 % des biomédicaments."


def test_terms_stay_words_names_and_quantities_stay_tokens():
    protected = protect(SENTENCE, GLOSSARY, terms=False)
    assert protected.text == "⟦1⟧ produit ⟦2⟧ des biomédicaments."
    tokens = [slot.token for slot in protected.slots]
    assert tokens == ["⟦1⟧", "", "⟦2⟧"]  # the term has no token; numbering stays unique
    assert [slot.sent for slot in protected.slots] == [True, False, True]


def test_the_english_is_checked_for_the_terms_afterwards():
    protected = protect(SENTENCE, GLOSSARY, terms=False)
    good = restore("⟦1⟧ makes ⟦2⟧ of the biopharmaceuticals.", protected)
    assert good.text == "Medicen makes 85% of the biopharmaceuticals."
    assert good.statuses == ("applied", "applied")
    forbidden = restore("⟦1⟧ makes ⟦2⟧ of the biomedicines.", protected)
    assert forbidden.text == "Medicen makes 85% of the biopharmaceuticals."
    assert forbidden.statuses == ("applied", "repaired")
    lost = restore("⟦1⟧ makes ⟦2⟧ of the medicines.", protected)
    assert lost.statuses == ("applied", "missing")


def test_a_bare_number_is_never_taken_for_a_term_that_had_no_token():
    protected = protect("Les biomédicaments de Medicen.", GLOSSARY, terms=False)
    out = restore("The 1 biopharmaceuticals of ⟦1⟧.", protected)
    assert out.text == "The 1 biopharmaceuticals of Medicen." and out.statuses == ("applied", "applied")


class ServiceGlossaryEngine(FakeEngine):
    """The fake engine, as if its service applied the terms."""

    applies_terms = True


def document(text):
    return Document(lang="fr", title="Titre", blocks=(Block("paragraph", text),))


class NoMemory:
    def lookup(self, source):
        return None


def test_translate_sends_terms_as_words_only_to_engines_that_apply_them():
    plain, service = FakeEngine(prefix=""), ServiceGlossaryEngine(prefix="")
    translate(document(SENTENCE), NoMemory(), lambda: plain, glossary=GLOSSARY)
    translate(document(SENTENCE), NoMemory(), lambda: service, glossary=GLOSSARY)
    assert plain.calls[-1] == ["Titre", "⟦1⟧ produit ⟦3⟧ des ⟦2⟧."]
    assert service.calls[-1] == ["Titre", "⟦1⟧ produit ⟦2⟧ des biomédicaments."]
