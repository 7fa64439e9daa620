"""Start-up's prepared texts kept on disk (bot/text_cache.py): reused when nothing they depend on changed,
never when something did, and a damaged file costs only time."""

from __future__ import annotations

import shutil
from pathlib import Path

import bot.text_cache as text_cache
from bot.text_cache import TextCache, fingerprint


def counting(fn):
    calls = []

    def wrapped(text):
        calls.append(text)
        return fn(text)
    return wrapped, calls


def test_a_second_start_reads_the_prepared_texts_instead_of_preparing_them(tmp_path):
    first = TextCache(tmp_path, "k1")
    strip, calls = counting(str.upper)
    words, word_calls = counting(lambda t: frozenset(t.split()))
    assert first.strip(strip)("ขอนแก่น smart city") == "ขอนแก่น SMART CITY"
    assert first.words_of(words)("a b a") == frozenset({"a", "b"})
    first.save()
    again = TextCache(tmp_path, "k1")
    strip2, calls2 = counting(str.upper)
    words2, word_calls2 = counting(lambda t: frozenset(t.split()))
    assert again.strip(strip2)("ขอนแก่น smart city") == "ขอนแก่น SMART CITY"
    assert again.words_of(words2)("a b a") == frozenset({"a", "b"})
    assert calls2 == [] and word_calls2 == []
    assert again.strip(strip2)("new text") == "NEW TEXT" and calls2 == ["new text"]


def test_another_fingerprint_prepares_anew_and_the_old_file_goes(tmp_path):
    old = TextCache(tmp_path, "old")
    old.strip(str.upper)("x")
    old.save()
    new = TextCache(tmp_path, "new")
    strip, calls = counting(str.lower)
    assert new.strip(strip)("X") == "x" and calls == ["X"]
    new.save()
    assert [p.name for p in tmp_path.glob("texts-*.json")] == ["texts-new.json"]


def test_a_damaged_file_is_prepared_again_not_fatal(tmp_path, caplog):
    (tmp_path / "texts-k.json").write_text('{"stripped": [1, 2', encoding="utf-8")
    cache = TextCache(tmp_path, "k")
    assert cache.strip(str.upper)("a") == "A"
    assert "unreadable" in caplog.text
    cache.save()
    assert TextCache(tmp_path, "k").stripped == {"a": "A"}


def test_the_fingerprint_changes_with_the_names_the_code_and_the_word_lists(tmp_path, monkeypatch):
    copy = tmp_path / "intents"
    shutil.copytree(Path(text_cache.INTENTS), copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    monkeypatch.setattr(text_cache, "INTENTS", copy)
    base = fingerprint("catalogue-a")
    assert fingerprint("catalogue-a") == base and fingerprint("catalogue-b") != base
    (copy / "normalize.py").write_text((copy / "normalize.py").read_text(encoding="utf-8") + "\n# changed\n",
                                       encoding="utf-8")
    after_code = fingerprint("catalogue-a")
    assert after_code != base
    chat = copy / "lexicon" / "chat_words.yaml"
    chat.write_text(chat.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_words = fingerprint("catalogue-a")
    assert after_words != after_code
    # the preparer of fact texts lives in bot/service.py: a change to it is a change of the prepared texts
    preparer = tmp_path / "service.py"
    preparer.write_text(Path(text_cache.PREPARER).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(text_cache, "PREPARER", preparer)
    assert fingerprint("catalogue-a") != after_words


def test_the_bot_keeps_its_prepared_texts_in_the_data_directory(bot, data_dir):
    """The session's bot wrote them on its first start; a file for the current names and code is there."""
    files = list((data_dir / "cache").glob("texts-*.json"))
    assert [f.name for f in files] == [f"texts-{fingerprint(bot.nlu.extractor.catalogue)}.json"]
