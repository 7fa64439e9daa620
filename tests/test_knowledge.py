"""The knowledge base: content validates, and broken content fails loudly naming file, entry and problem."""

import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.dates import format_date
from knowledge.loader import DATA_DIR, KnowledgeError, iter_facts, load


@pytest.fixture
def kb():
    return load()


@pytest.fixture
def broken(tmp_path):
    """A copy of the content to break on purpose."""
    dst = tmp_path / "data"
    shutil.copytree(DATA_DIR, dst)
    return dst


def _edit(path: Path, fn):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_curated_content_loads(kb):
    assert {"phuket", "khon-kaen", "mae-moh", "samyan", "wangchan-valley"} <= set(kb.cities)
    assert sorted(c.id for c in kb.pilot_cities()) == ["khon-kaen", "mae-moh", "phuket", "samyan", "wangchan-valley"]
    assert len(kb.dimensions) == 7


def test_seed_facts_are_in_the_knowledge_base(kb):
    """The facts of the seed article: 6 May 2021, the five pilots and their Smarts, the why-now explanation."""
    smarts = {cid: kb.cities[cid].smarts.count for cid in ("phuket", "khon-kaen", "mae-moh", "samyan", "wangchan-valley")}
    assert smarts == {"phuket": 7, "khon-kaen": 7, "mae-moh": 3, "samyan": 7, "wangchan-valley": 7}
    assert all(kb.cities[c].certified.date == "2021-05-06" for c in smarts)
    assert kb.cities["mae-moh"].province == "lampang" and kb.cities["wangchan-valley"].province == "rayong"
    why = kb.cities["khon-kaen"].why_now
    assert "ธวัชชัย โคตรวงษ์" in why.th and "Thawatchai" in why.en and "seed" in why.sources


def test_every_fact_names_a_known_source(kb):
    for city in kb.cities.values():
        for path, fact in iter_facts(city):
            assert fact.sources and all(s in kb.sources for s in fact.sources), (city.id, path)
    for entry in kb.entries.values():
        assert entry.sources and all(s in kb.sources for s in entry.sources), entry.id


def test_broken_entry_names_file_entry_and_problem(broken):
    _edit(broken / "cities" / "khon-kaen.yaml", lambda d: d["cities"][0].pop("province"))
    with pytest.raises(KnowledgeError) as exc:
        load(broken)
    msg = str(exc.value)
    assert "cities/khon-kaen.yaml" in msg and "entry khon-kaen" in msg and "province" in msg


def test_entry_without_a_source_is_rejected(broken):
    path = next((broken / "faq").glob("*.yaml"))
    first = {}

    def drop(d):
        first["id"] = d["entries"][0]["id"]
        d["entries"][0]["sources"] = []

    _edit(path, drop)
    with pytest.raises(KnowledgeError) as exc:
        load(broken)
    assert f"entry {first['id']}" in str(exc.value) and "sources" in str(exc.value)


def test_unknown_source_id_is_rejected(broken):
    _edit(broken / "cities" / "phuket.yaml", lambda d: d["cities"][0]["area"].update(sources=["NOPE"]))
    with pytest.raises(KnowledgeError, match="unknown source id 'NOPE'"):
        load(broken)


def test_alias_shared_by_two_cities_is_rejected(broken):
    _edit(broken / "cities" / "samyan.yaml", lambda d: d["cities"][0]["aliases"].append("Khon Kaen"))
    with pytest.raises(KnowledgeError, match="alias 'khonkaen' is also an alias of"):
        load(broken)


def test_wrong_era_in_text_is_rejected(broken):
    _edit(broken / "cities" / "phuket.yaml", lambda d: d["cities"][0]["area"].update(th="ทั้งจังหวัด ตั้งแต่ปี 2021"))
    with pytest.raises(KnowledgeError, match="Thai text has a CE year 2021"):
        load(broken)


def test_invalid_yaml_is_reported_with_the_file(broken):
    (broken / "dimensions.yaml").write_text("dimensions: [unclosed", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="dimensions.yaml: cannot read YAML"):
        load(broken)


def test_all_problems_are_reported_at_once(broken):
    _edit(broken / "cities" / "phuket.yaml", lambda d: d["cities"][0].pop("area"))
    _edit(broken / "cities" / "samyan.yaml", lambda d: d["cities"][0].pop("certified"))
    with pytest.raises(KnowledgeError) as exc:
        load(broken)
    assert len(exc.value.problems) >= 2


@pytest.mark.parametrize("iso, th, en", [
    ("2021-05-06", "6 พฤษภาคม 2564", "6 May 2021"),
    ("2019-03", "มีนาคม 2562", "March 2019"),
    ("2027", "ปี 2570", "2027"),
])
def test_dates_render_in_buddhist_era_for_thai_and_ce_for_english(iso, th, en):
    assert format_date(iso, "th") == th
    assert format_date(iso, "en") == en
