"""The knowledge base as facts: content validates, the old content survived the migration, and broken content
fails loudly naming file, entry and problem."""

import shutil
from pathlib import Path

import pytest
import yaml

from knowledge.dates import format_date
from knowledge.loader import DATA_DIR, KnowledgeError, load


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
    why = [f for f in kb.facts.values() if f.intent == "city_why_now" and "khon-kaen" in f.about]
    texts = " ".join(f"{f.answer.th} {f.detail.th if f.detail else ''}" for f in why)
    assert "ธวัชชัย" in texts and any("seed" in f.sources for f in why)


def test_every_entity_kind_is_catalogued(kb):
    kinds = {e.kind for e in kb.entities.values()}
    assert kinds == {"organisation", "person", "event", "project", "concept"}
    assert {"depa", "kkts", "kktt", "ptt", "egat", "khon-kaen-lrt"} <= set(kb.entities)


def test_migration_kept_every_old_statement(kb):
    """Spot checks that facts of the old city, FAQ and programme files are still stated somewhere."""
    text = " ".join(f"{f.answer.th} {f.answer.en} {f.detail.th + ' ' + f.detail.en if f.detail else ''}"
                    for f in kb.facts.values())
    for needle in ("15 บาท", "200 ล้านบาท", "53.81", "26,963", "3,454", "4.4", "ชัยวุฒิ", "ประวิตร", "Tram Noy",
                   "386", "105", "37"):
        assert needle in text, needle


def test_every_fact_has_an_answer_in_both_languages_and_a_known_source(kb):
    for fact in kb.facts.values():
        assert fact.answer.th.strip() and fact.answer.en.strip(), fact.id
        assert fact.sources and all(s in kb.sources for s in fact.sources), fact.id


def test_fact_answers_fit_a_phone(kb):
    long = [f.id for f in kb.facts.values() if len(f.answer.th) > 260 or len(f.answer.en) > 320]
    assert long == []


def test_broken_entry_names_file_entry_and_problem(broken):
    _edit(broken / "cities" / "khon-kaen.yaml", lambda d: d["cities"][0].pop("province"))
    with pytest.raises(KnowledgeError) as exc:
        load(broken)
    msg = str(exc.value)
    assert "cities/khon-kaen.yaml" in msg and "entry khon-kaen" in msg and "province" in msg


def test_fact_without_a_source_is_rejected(broken):
    def drop(d):
        d["facts"][0]["sources"] = []
        d["facts"][0].pop("source_note", None)

    _edit(broken / "facts" / "khon-kaen.yaml", drop)
    with pytest.raises(KnowledgeError, match="facts/khon-kaen.yaml: entry .*: .*sources"):
        load(broken)


def test_fact_without_an_answer_is_rejected(broken):
    _edit(broken / "facts" / "phuket.yaml", lambda d: d["facts"][0].pop("answer"))
    with pytest.raises(KnowledgeError, match="facts/phuket.yaml: entry .*answer: Field required"):
        load(broken)


def test_unknown_source_id_is_rejected(broken):
    _edit(broken / "facts" / "phuket.yaml", lambda d: d["facts"][0].update(sources=["NOPE"]))
    with pytest.raises(KnowledgeError, match="unknown source id 'NOPE'"):
        load(broken)


def test_unknown_entity_is_rejected(broken):
    _edit(broken / "facts" / "phuket.yaml", lambda d: d["facts"][0].update(about=["atlantis"]))
    with pytest.raises(KnowledgeError, match="unknown area, entity or dimension 'atlantis'"):
        load(broken)


def test_alias_shared_by_two_cities_is_rejected(broken):
    _edit(broken / "cities" / "samyan.yaml", lambda d: d["cities"][0]["aliases"].append("Khon Kaen"))
    with pytest.raises(KnowledgeError, match="alias 'khonkaen' is also an alias of"):
        load(broken)


def test_entity_alias_that_names_a_city_is_rejected(broken):
    _edit(broken / "entities.yaml", lambda d: d["entities"][0]["aliases"].append("ภูเก็ต"))
    with pytest.raises(KnowledgeError, match="alias 'ภูเก็ต' is also a name of phuket"):
        load(broken)


def test_wrong_era_in_text_is_rejected(broken):
    _edit(broken / "facts" / "phuket.yaml", lambda d: d["facts"][0]["answer"].update(th="ทั้งจังหวัด ตั้งแต่ปี 2021"))
    with pytest.raises(KnowledgeError, match="Thai text has a CE year 2021"):
        load(broken)


def test_invalid_yaml_is_reported_with_the_file(broken):
    (broken / "dimensions.yaml").write_text("dimensions: [unclosed", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="dimensions.yaml: cannot read YAML"):
        load(broken)


def test_all_problems_are_reported_at_once(broken):
    _edit(broken / "facts" / "phuket.yaml", lambda d: d["facts"][0].update(sources=["NOPE"]))
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


def test_every_source_address_becomes_a_web_link(kb):
    """The knowledge base writes addresses without a scheme; each one opens as an https link in the web chat."""
    from knowledge.sources import note_links, web_url

    with_address = [s for s in kb.sources.values() if s.url]
    assert with_address
    for source in with_address:
        url = web_url(source.url)
        assert url and url.startswith("https://") and url.endswith(source.url.rstrip(".,;")), source.id
    assert web_url("opt-news.com/news/17453") == "https://opt-news.com/news/17453"
    assert web_url("http://example.org/a?b=1") == "http://example.org/a?b=1"
    for not_an_address in ("javascript:alert(1)", "City events notice", "e.g.", "", None, "a b.com", "data:text/html,x",
                           "mailto:staff@city.go.th", "example.org:80x/a"):
        assert web_url(not_an_address) is None, not_an_address
    # A staff entry's free-text source: its addresses link, the rest stays text.
    assert [x["url"] for x in note_links("OPT News, 2021 (opt-news.com/news/17453); see https://depa.or.th/th.")] == [
        "https://opt-news.com/news/17453", "https://depa.or.th/th"]
    assert note_links("City events notice (2021)") == []
