"""English key figures come from the English text itself (or approved labels), never from fragments."""
from pathlib import Path

from presskit.document import Block, Document, Figure, Segment
from presskit.transforms.english_figures import EnglishFigures, english_figures
from presskit.transforms.translate import translate

ROOT = Path(__file__).resolve().parents[2]


def segment(french, english):
    return Segment("blocks[0].text#0", french, english, "engine:libre")


def test_the_label_is_the_noun_phrase_next_to_the_same_number_in_english():
    seg = segment("Le site créera 10 000 emplois directs d’ici 2027.",
                  "The site will create 10,000 direct jobs by 2027.")
    assert english_figures([Figure("10 000", "emplois directs (objectif 2027)")], (seg,)) == (
        Figure("10,000", "direct jobs (target for 2027)"),)


def test_a_figure_without_a_noun_phrase_in_english_is_left_out():
    seg = segment("Les ventes ont atteint 500 unités.", "Sales reached 500.")
    assert english_figures([Figure("500", "unités")], (seg,)) == ()


def test_an_approved_english_label_wins():
    seg = segment("Plus de 500 participants.", "Over 500 people took part.")
    step = EnglishFigures([Figure("plus de 500", "participants")], [Figure("plus de 500", "attendees")])
    english = step(Document("en", figures=(Figure("plus de 500", "participants"),), segments=(seg,)))
    assert english.figures == (Figure("more than 500", "attendees"),)


def test_no_figure_fragment_reaches_the_engine():
    class Engine:
        name = "recorder"
        calls: list = []

        def translate(self, texts, source, target):
            self.calls.extend(texts)
            return ["The site will create ⟦1⟧ direct jobs."]

    engine = Engine()
    french = Document("fr", blocks=(Block("paragraph", "Le site créera 10 000 emplois directs."),),
                      figures=(Figure("10 000", "emplois directs"),))
    class NoMemory:
        def lookup(self, source):
            return None

    english = EnglishFigures()(translate(french, NoMemory(), lambda: engine))
    assert engine.calls == ["Le site créera ⟦1⟧ emplois directs."]  # the sentence, not "10 000"
    assert english.figures == (Figure("10,000", "direct jobs"),)


def test_the_sample_kit_figures_come_from_its_english():
    from presskit.kit.folder import load_kit
    from presskit.pipeline import Options, translate_release

    published = translate_release(load_kit(ROOT), ROOT / "sources" / "congres-france-bioproduction-2021.fr.txt",
                                  Options(offline=True))
    pairs = [(f.value, f.label, f.series) for f in published.english.figures]
    assert ("10,000", "direct jobs", "") in pairs and ("more than 500", "participants", "") in pairs
    assert [label for _, label, series in pairs if series] == ["France", "Germany", "Italy"]
    english_text = " ".join(s.target for s in published.english.segments)
    assert all(label in english_text for _, label, _ in pairs)
