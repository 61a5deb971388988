"""The sample-set generator's data files (tools/sample_data/data/) fit their schema,
and a broken one is refused with a message naming the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tools.sample_data.families import ORDER
from tools.sample_data.schema import (
    DATA,
    FAMILY_DIR,
    FILES,
    BankError,
    BankFile,
    GeoFile,
    PhrasesFile,
    families,
    load_family,
    load_file,
)

pytestmark = pytest.mark.unit


def test_every_data_file_has_a_schema() -> None:
    assert sorted(p.name for p in DATA.glob("*.yaml")) == sorted(m.FILE for m in FILES)
    assert sorted(p.stem for p in FAMILY_DIR.glob("*.yaml")) == sorted(ORDER)
    assert len(set(ORDER)) == len(ORDER) == 30


@pytest.mark.parametrize("model", FILES, ids=lambda m: m.FILE)
def test_each_bank_file_validates(model: type[BankFile]) -> None:
    assert isinstance(load_file(DATA / model.FILE, model), model)


def test_each_family_file_validates() -> None:
    loaded = families(ORDER)
    assert [family.id for family in loaded] == list(ORDER)
    assert all(family.texts["en"].duties for family in loaded)


def _broken_copy(tmp_path: Path, name: str, change: dict[str, object]) -> Path:
    source = DATA / name
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.update(change)
    copy = tmp_path / source.name
    copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return copy


def test_an_unknown_key_is_refused_naming_file_and_field(tmp_path: Path) -> None:
    copy = _broken_copy(tmp_path, "phrases.yaml", {"headngs": {}})
    with pytest.raises(BankError, match=r"phrases\.yaml") as refused:
        load_file(copy, PhrasesFile)
    assert str(copy) in str(refused.value)
    assert "headngs" in str(refused.value)


def test_a_wrong_type_deep_inside_is_refused_naming_its_path(tmp_path: Path) -> None:
    data = yaml.safe_load((DATA / "geo.yaml").read_text(encoding="utf-8"))
    data["countries"][0]["cities"][1]["pay"] = "a lot"
    copy = _broken_copy(tmp_path, "geo.yaml", {"countries": data["countries"]})
    with pytest.raises(BankError, match=r"geo\.yaml") as refused:
        load_file(copy, GeoFile)
    assert "countries.0.cities.1.pay" in str(refused.value)


def test_a_missing_field_of_a_family_is_refused(tmp_path: Path) -> None:
    copy = _broken_copy(tmp_path, "families/electrician.yaml", {})
    data = yaml.safe_load(copy.read_text(encoding="utf-8"))
    del data["texts"]["de"]["duties"]
    copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(BankError, match=r"electrician\.yaml") as refused:
        load_family(copy)
    assert "texts.de.duties" in str(refused.value)


def test_a_file_that_is_not_yaml_is_refused_naming_it(tmp_path: Path) -> None:
    copy = tmp_path / "facts.yaml"
    copy.write_text("level_pay: [unclosed\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"facts\.yaml: cannot be read"):
        load_file(copy, GeoFile)
