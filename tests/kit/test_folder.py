"""Kit folders and presskit.toml."""
import pytest

from presskit.errors import PresskitError
from presskit.kit.folder import load_kit, slug_of


def test_defaults_without_settings(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.fr.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sources" / "notes.odt").write_text("x", encoding="utf-8")
    kit = load_kit(tmp_path)
    assert kit.theme.name == "" and kit.contacts == ()  # a neutral brand: no "presskit" wordmark
    assert [p.name for p in kit.releases()] == ["a.fr.txt"]


def test_settings_are_read(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"png")
    (tmp_path / "presskit.toml").write_text(
        '[brand]\nname = "Medicen"\nprimary = "#112233"\nlogo = "logo.png"\n'
        '[[organizations]]\nname = "Medicen"\n'
        '[[contacts]]\nname = "A B"\nemail = "a@b.fr"\n[translation]\noffline = true\n', encoding="utf-8")
    kit = load_kit(tmp_path)
    assert (kit.theme.name, kit.theme.primary) == ("Medicen", "#112233")
    assert kit.theme.logo == (tmp_path / "logo.png").resolve()
    assert kit.contacts[0].email == "a@b.fr" and kit.offline_only


@pytest.mark.parametrize("text, fragment, line", [
    ('[brand]\nname = "x\n', "invalid TOML", 2),
    ('[brand]\nprimary = "blue"\n', "is not a colour", None),
    ('[brand]\nlogo = "missing.png"\n', "does not exist", None),
    ('[brand]\ncolour = "#000000"\n', "unknown [brand] key", None),
    ('[[contacts]]\nmail = "a@b"\n', "unknown [[contacts]] key", None),
])
def test_bad_settings_name_the_file_and_what_to_do(tmp_path, text, fragment, line):
    (tmp_path / "presskit.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PresskitError) as caught:
        load_kit(tmp_path)
    assert fragment in caught.value.message and caught.value.hint
    assert caught.value.path.endswith("presskit.toml") and caught.value.line == line


def test_not_a_kit(tmp_path):
    with pytest.raises(PresskitError, match="not a kit"):
        load_kit(tmp_path).releases()


def test_slug_cannot_leave_the_output_folder(tmp_path):
    from pathlib import Path
    assert "/" not in slug_of(Path("../../etc/passwd.fr.txt"))
    assert slug_of(Path("..fr.txt")) == "release"


def test_locale_setting(tmp_path):
    (tmp_path / "presskit.toml").write_text('[translation]\nlocale = "en-US"\n', encoding="utf-8")
    assert load_kit(tmp_path).locale == "en_US"
    (tmp_path / "presskit.toml").write_text('[translation]\nlocale = "de_DE"\n', encoding="utf-8")
    with pytest.raises(PresskitError, match="not supported"):
        load_kit(tmp_path)


def test_the_example_entries_of_init_never_reach_a_release(tmp_path):
    """Kits made by an older `presskit init` still hold Marie Dupont and Exemple SA: they are left out."""
    from presskit.kit.folder import load_kit

    (tmp_path / "presskit.toml").write_text(
        '[brand]\nname = "Exemple SA"\n[[organizations]]\nname = "Exemple SA"\nurl = "https://example.org/"\n'
        '[[contacts]]\nname = "Marie Dupont"\nemail = "presse@example.org"\n', encoding="utf-8")
    kit = load_kit(tmp_path)
    assert kit.contacts == () and kit.theme.organizations == () and kit.theme.name == ""
    assert kit.placeholders == ("Exemple SA", "Marie Dupont")


def test_a_new_kit_has_no_made_up_contact_and_the_report_warns(tmp_path):
    from presskit.kit.folder import load_kit
    from presskit.kit.init import create_kit
    from presskit.pipeline import Options, translate_release

    create_kit(tmp_path / "kit")
    kit = load_kit(tmp_path / "kit")
    assert kit.contacts == () and kit.placeholders == ()
    published = translate_release(kit, kit.sources / "example.fr.txt", Options(offline=True))
    assert published.french.contacts == ()
    assert [(p.severity, p.message[:17]) for p in published.problems if p.path == "contacts"] == [
        ("warning", "no press contact:")]
