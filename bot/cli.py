"""The ``smartcity-bot`` command: serve, ask, chat, nlu-eval, stats, staff accounts and FAQ entries, backups."""

from __future__ import annotations

import json
import logging
import os
import sys
import uuid
from pathlib import Path

import click

from .config import ConfigError, Settings, load_settings

__all__ = ["main"]


def _bot(quiet: bool = True):
    from .service import build_bot

    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO,
                        format="%(levelname)s %(name)s: %(message)s")
    return build_bot(_settings())


def _settings() -> Settings:
    """The settings, or a clear error naming the variable that is wrong."""
    try:
        return load_settings()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


class _Commands(click.Group):
    """The command group: Redis being unreachable is a one-line error, not a traceback."""

    def invoke(self, ctx: click.Context):
        from .storage import StoreUnavailable

        try:
            return super().invoke(ctx)
        except StoreUnavailable as exc:
            raise click.ClickException(f"Redis cannot be reached ({exc}); check REDIS_URL and try again") from exc


@click.group(cls=_Commands)
def main() -> None:
    """Smart City Thailand bot: answers questions about Thailand's certified smart cities."""


@main.command()
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1; 0.0.0.0 when PORT is set).")
@click.option("--port", type=int, default=None, help="Port (default: $PORT or 8000).")
@click.option("--workers", type=int, default=None, help="gunicorn workers (default: $WEB_CONCURRENCY or 2).")
@click.option("--threads", type=int, default=None, help="Threads per worker (default: $WEB_THREADS or 4).")
def serve(host: str | None, port: int | None, workers: int | None, threads: int | None) -> None:
    """Run the web service (web chat on http://127.0.0.1:8000 by default) with gunicorn.

    This is the Procfile's command (gunicorn with bot/gunicorn_conf.py) with friendlier defaults: the
    process becomes that gunicorn master. Without REDIS_URL it starts an embedded Redis, persisted under
    BOT_DATA_DIR and shared by every worker. Ctrl-C or SIGTERM stops it within about two seconds.
    """
    settings = _settings()
    port = port or settings.PORT
    host = host or ("0.0.0.0" if "PORT" in settings.model_fields_set else "127.0.0.1")
    args = [sys.executable, "-m", "gunicorn", "-c", "python:bot.gunicorn_conf", "--bind", f"{host}:{port}"]
    if workers:
        args += ["--workers", str(workers)]
    if threads:
        args += ["--threads", str(threads)]
    click.echo(f"web chat on http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/")
    sys.stdout.flush()
    os.execv(sys.executable, [*args, "bot.app:create_app()"])


@main.command()
@click.option("--parent", type=int, default=None, hidden=True, help="Stop when this process is gone.")
@click.option("--nice", type=click.IntRange(0, 19), default=0, show_default=True,
              help="Lower this process's CPU priority by this much.")
def worker(parent: int | None, nice: int) -> None:
    """Answer queued webhook events (SENDER_THREADS threads) without serving HTTP, until Ctrl-C or SIGTERM.

    ``serve`` and the Procfile's gunicorn start SENDER_PROCESSES of these themselves; run more (on this
    machine or others sharing REDIS_URL) when answering falls behind."""
    from .sender_process import run

    _settings()  # a clear error for a wrong variable
    run(parent=parent, nice=nice)


@main.command()
@click.argument("text")
@click.option("--user", "user_id", default=None, help="User id: keeps the conversation across calls.")
@click.option("--lang", type=click.Choice(["th", "en"]), default=None, help="Answer in this language.")
@click.option("--json", "as_json", is_flag=True, help="Print the /api/ask JSON.")
def ask(text: str, user_id: str | None, lang: str | None, as_json: bool) -> None:
    """Ask one question and print the answer."""
    bot = _bot()
    reply = bot.dialogue.respond(text, user_id=user_id, channel="cli", lang=lang)
    if as_json:
        click.echo(json.dumps(reply.to_api(), ensure_ascii=False, indent=2))
        return
    click.echo(reply.text)
    if reply.quick_replies:
        click.echo("\n" + "  ".join(f"[{q}]" for q in reply.quick_replies))


@main.command()
@click.option("--user", "user_id", default=None,
              help="User id: continues that user's conversation (default: a new conversation each run).")
def chat(user_id: str | None) -> None:
    """Talk to the bot in the terminal (multi-turn). Type a number to pick a suggestion; Ctrl-D quits."""
    bot = _bot()
    # A fixed id would carry the last run's subject (30 minutes) into a new conversation: "thanks" or a new
    # question answered about the city of someone else's session.
    user_id = user_id or f"cli-chat-{uuid.uuid4().hex[:12]}"
    click.echo("สวัสดีครับ ถามเรื่องเมืองอัจฉริยะได้เลย / Ask about Thailand's smart cities (Ctrl-D to quit)")
    suggestions: list[str] = []
    while True:
        try:
            text = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        if not text:
            continue
        if text.isdigit() and 1 <= int(text) <= len(suggestions):
            text = suggestions[int(text) - 1]
            click.echo(f"> {text}")
        reply = bot.dialogue.respond(text, user_id=user_id, channel="cli")
        click.echo(reply.text)
        suggestions = reply.quick_replies
        for i, q in enumerate(suggestions, 1):
            click.echo(f"  {i}. {q}")


@main.group()
def line() -> None:
    """LINE Official Account set-up."""


@line.command("richmenu")
@click.option("--web-url", default=None, help="Public https address of the web chat (default: $PUBLIC_URL).")
@click.option("--output", type=click.Path(path_type=Path), default=None, help="Also save the menu image here.")
def line_richmenu(web_url: str | None, output: Path | None) -> None:
    """Create the default rich menu (cities, Khon Kaen, Phuket, 7 Smarts, help, web chat); safe to re-run."""
    from .channels.line import make_clients
    from .channels.line_richmenu import install_rich_menu, render_image

    settings = _settings()
    token = settings.LINE_CHANNEL_ACCESS_TOKEN
    if not token:
        raise click.UsageError("LINE_CHANNEL_ACCESS_TOKEN is not set")
    web_url = web_url or settings.PUBLIC_URL
    if not web_url:
        raise click.UsageError("give --web-url or set PUBLIC_URL")
    if not web_url.startswith(("https://", "http://")):
        raise click.UsageError("--web-url must be an http(s) address")
    api, blob = make_clients(token, settings.LINE_API_BASE_URL)
    if output:
        output.write_bytes(render_image())
    menu_id, created = install_rich_menu(api, blob, web_url)
    click.echo(f"rich menu {menu_id} is the default ({'created' if created else 'already up to date'})")


# -- staff accounts ----------------------------------------------------------------------------------------
def _store():
    """Redis through the Store, as the service reaches it (an outage is a clear error, not a traceback)."""
    from .storage import Store, connect

    settings = _settings()
    client, mode = connect(settings.REDIS_URL, settings.BOT_DATA_DIR, timeout=5.0, cluster=settings.REDIS_CLUSTER)
    return Store(client, mode, retry_after=settings.REDIS_RETRY_AFTER)


def _read_password(confirm: bool = True) -> str:
    from .admin.users import MIN_PASSWORD, PASSWORD_RULE

    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")  # scripts: the password on standard input

    def check(value: str) -> str:  # before the confirmation, not after typing it twice
        if len(value) < MIN_PASSWORD:
            raise click.BadParameter(PASSWORD_RULE)
        return value

    click.echo(PASSWORD_RULE)
    return click.prompt("Password", hide_input=True, confirmation_prompt=confirm, value_proc=check)


@main.group()
def admin() -> None:
    """Staff accounts for the /admin pages."""


@admin.command("create-user")
@click.argument("name")
@click.option("--role", type=click.Choice(["editor", "admin"]), default="editor", show_default=True)
def admin_create_user(name: str, role: str) -> None:
    """Create a staff account (password prompted, or read from standard input)."""
    from .admin.users import UserError, Users

    try:
        Users(_store()).create(name, _read_password(), role)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"user {name.lower()} created ({role})")


@admin.command("list-users")
def admin_list_users() -> None:
    """List staff accounts."""
    from .admin.users import Users

    for user in Users(_store()).list():
        click.echo(f"{user['name']}\t{user['role']}")


@admin.command("remove-user")
@click.argument("name")
def admin_remove_user(name: str) -> None:
    """Remove a staff account (its sessions end at once)."""
    from .admin.users import UserError, Users

    try:
        removed = Users(_store()).remove(name)
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    if not removed:
        raise click.ClickException(f"no user {name}")
    click.echo(f"user {name.lower()} removed; their sessions have ended")


@admin.command("reset-password")
@click.argument("name")
def admin_reset_password(name: str) -> None:
    """Set a new password (prompted, or read from standard input); the user's sessions end at once."""
    from .admin.users import UserError, Users

    try:
        Users(_store()).reset_password(name, _read_password())
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"password of {name.lower()} changed; their sessions have ended")


# -- FAQ entries -------------------------------------------------------------------------------------------
def _faq():
    from intents.training_data import load_training_data
    from knowledge.loader import load

    from .faq_store import FaqStore

    intents = frozenset(load_training_data().intents) - {"out_of_scope"}
    return FaqStore(_store(), load(), intents)


def _load_file(path: Path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _faq_errors(fn):
    import functools

    from .faq_store import Conflict, Invalid, NotFound

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Invalid as exc:
            raise click.ClickException("invalid: " + "; ".join(f"{k}: {v}" for k, v in exc.errors.items())) from exc
        except NotFound as exc:
            raise click.ClickException(f"not found: {exc.args[0]}") from exc
        except Conflict as exc:
            raise click.ClickException(f"conflict: the entry is now at version {exc.current.get('version')} "
                                       f"(changed by {exc.current.get('updated_by')}); nothing was saved") from exc
    return wrapper


@main.group()
def faq() -> None:
    """FAQ entries: the same operations as the staff pages."""


@faq.command("list")
@click.option("--search", "query", default="", help="Thai-aware search in questions and answers.")
@_faq_errors
def faq_list(query: str) -> None:
    from .services.search import search, subject_names

    store = _faq()
    for e in search(store.list(), query, subject_names(store.kb)):
        first = (e["questions"]["th"] + e["questions"]["en"] + [""])[0]
        click.echo(f"{e['id']}\tv{e['version']}\t{e.get('intent') or '-'}\t{first}")


@faq.command("show")
@click.argument("entry_id")
@_faq_errors
def faq_show(entry_id: str) -> None:
    click.echo(json.dumps(_faq().get(entry_id), ensure_ascii=False, indent=2))


@faq.command("add")
@click.option("--file", "path", type=click.Path(exists=True, path_type=Path), required=True,
              help="The entry as YAML or JSON (id, intent, questions, answer, cities, topics, source).")
@click.option("--user", default="cli", show_default=True, help="Recorded as the author.")
@_faq_errors
def faq_add(path: Path, user: str) -> None:
    record = _faq().create(_load_file(path), user)
    click.echo(f"created {record['id']} version {record['version']}")


@faq.command("edit")
@click.argument("entry_id")
@click.option("--file", "path", type=click.Path(exists=True, path_type=Path), required=True)
@click.option("--version", type=int, default=None,
              help="The version you edited (default: the file's 'version'); a newer stored one is a conflict.")
@click.option("--user", default="cli", show_default=True)
@_faq_errors
def faq_edit(entry_id: str, path: Path, version: int | None, user: str) -> None:
    data = _load_file(path)
    expected = version if version is not None else (data or {}).get("version")
    if not isinstance(expected, int):
        raise click.ClickException("give --version or a 'version' in the file (optimistic check)")
    record = _faq().update(entry_id, data, expected, user)
    click.echo(f"saved {entry_id} version {record['version']}")


@faq.command("remove")
@click.argument("entry_id")
@click.option("--user", default="cli", show_default=True)
@_faq_errors
def faq_remove(entry_id: str, user: str) -> None:
    record = _faq().delete(entry_id, None, user)
    click.echo(f"removed {entry_id} (version {record['version']}; restore it with faq rollback)")


@faq.command("history")
@click.argument("entry_id")
@_faq_errors
def faq_history(entry_id: str) -> None:
    for v in _faq().history(entry_id):
        click.echo(f"v{v['version']}\t{v.get('action', '')}\t{v.get('updated_by') or 'knowledge/data'}\t"
                   f"{'(deleted)' if v.get('deleted') else (v['answer'].get('th') or v['answer'].get('en'))[:60]}")


@faq.command("rollback")
@click.argument("entry_id")
@click.argument("version", type=int)
@click.option("--user", default="cli", show_default=True)
@_faq_errors
def faq_rollback(entry_id: str, version: int, user: str) -> None:
    record = _faq().rollback(entry_id, version, user)
    click.echo(f"restored version {version} of {entry_id} as version {record['version']}")


@faq.command("export")
@click.option("--output", type=click.Path(path_type=Path), default=None, help="File to write (default: stdout).")
def faq_export(output: Path | None) -> None:
    """The merged entries as YAML in the schema of knowledge/data/faq (review edits in git)."""
    text = _faq().export_yaml()
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"written to {output}")
    else:
        click.echo(text, nl=False)


@faq.command("try")
@click.argument("questions", nargs=-1, required=True)
@click.option("--file", "path", type=click.Path(exists=True, path_type=Path), default=None,
              help="A draft entry (YAML or JSON): also show which of its questions and QUESTIONS it answers.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (as POST /admin/api/try).")
@_faq_errors
def faq_try(questions: tuple[str, ...], path: Path | None, as_json: bool) -> None:
    """What the bot answers to QUESTIONS now, and with the draft entry in --file (nothing is saved)."""
    from .services import try_it

    bot = _bot()
    draft = _load_file(path) if path else None
    out = try_it.try_question(bot, questions[0], draft, also=list(questions))
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for label, key in (("now", "before"), ("with the draft", "after")):
        if key in out:
            r = out[key]
            click.echo(f"{label}: {'fallback' if r['fallback'] else r['entry'] or r['intent']}\n{r['answer']}\n")
    for q in out.get("questions", []):
        by = q["by"] or {}
        instead = "fallback" if by.get("fallback") else by.get("entry") or by.get("intent")
        mark = "answers" if q["wins"] else f"does not answer (instead: {instead})"
        click.echo(f"[{q['kind']}] {q['text']}: {mark}")


@faq.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--user", default="cli", show_default=True)
@_faq_errors
def faq_import(path: Path, user: str) -> None:
    """Validate the whole file first; apply every entry, or none if any is invalid."""
    data = _load_file(path)
    items = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise click.ClickException("the file must hold a list of entries (or 'entries:')")
    results = _faq().import_entries(items, user)
    click.echo(f"imported {len(results)} changed entries ({len(items) - len(results)} unchanged)")


@main.command("stats")
@click.option("--days", type=click.IntRange(1, 40), default=30, show_default=True,
              help="Days to cover, up to today (counters are kept 40 days).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats_cmd(days: int, as_json: bool) -> None:
    """The staff dashboard's figures: messages per day and channel, fallbacks, top intents and cities."""
    from knowledge.loader import load

    from .services.dashboard import dashboard

    from knowledge.catalogue import INTENTS, intent_label

    board = dashboard(_store(), {c.id: c.short_name.en for c in load().cities.values()}, days=days,
                      intent_names={i: intent_label(i, "en") for i in INTENTS})
    if as_json:
        click.echo(json.dumps(board.as_dict(), ensure_ascii=False, indent=2))
        return
    share = f" ({board.total_fallbacks / board.total:.1%})" if board.total else ""
    click.echo(f"last {days} days: {board.total} messages, {board.total_fallbacks} answered with the fallback{share}")
    click.echo(f"\n{'day':12}{'messages':>10}{'fallbacks':>11}   " + "  ".join(board.channels))
    for i, day in enumerate(board.days):
        if board.totals[i]:
            per_channel = "  ".join(str(board.messages[c][i]) for c in board.channels)
            click.echo(f"{day:12}{board.totals[i]:>10}{board.fallbacks[i]:>11}   {per_channel}")
    for title, rows in (("top intents", board.intents), ("top cities", board.cities)):
        click.echo(f"\n{title}:")
        for r in rows:
            click.echo(f"  {r.label:28} {r.count}")


@main.group()
def inbox() -> None:
    """The unanswered-question inbox, as staff see it."""


@inbox.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include dismissed groups.")
@click.option("--json", "as_json", is_flag=True, help="Print the groups as JSON (as GET /admin/api/unanswered).")
def inbox_list(show_all: bool, as_json: bool) -> None:
    """Groups of questions the bot could not answer: id, times asked, people waiting, question."""
    from .services.inbox import inbox_groups

    groups = inbox_groups(_bot(), include_dismissed=show_all)
    if as_json:
        click.echo(json.dumps(groups, ensure_ascii=False, indent=2))
        return
    for grp in groups:
        state = "answered" if grp["answered"] else ("dismissed" if grp["dismissed"] else "open")
        click.echo(f"{grp['id']}\t{grp['count']}x\t{grp['waiting']} waiting\t{state}\t{grp['text']}")


@main.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
def backup_cmd(path: Path) -> None:
    """Write all staff data (FAQ edits and history, audit, accounts, inbox, statistics) to one file."""
    from .backup import backup

    doc = _store().run(backup)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    click.echo(f"{len(doc['keys'])} keys written to {path}")


@main.command("restore")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_cmd(path: Path, yes: bool) -> None:
    """Replace all staff data with a backup (the file is checked first; nothing changes if it is invalid)."""
    from .backup import restore

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise click.ClickException(f"not a backup file: {exc}") from exc
    if not yes and sys.stdin.isatty():
        click.confirm("This replaces all staff data (entries, history, accounts, inbox). Continue?", abort=True)
    try:
        count = _store().run(lambda r: restore(r, doc))
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} keys restored from {path}")


@main.command("nlu-eval")
@click.option("--folds", type=int, default=5, show_default=True, help="Cross-validation folds.")
@click.option("--heldout", type=click.Path(path_type=Path), default=Path("tests/data/heldout.yaml"),
              show_default=True, help="Held-out questions never used for training (skipped if missing).")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Write the report as JSON here (default: BOT_DATA_DIR/nlu-eval.json).")
def nlu_eval(folds: int, heldout: Path, output: Path | None) -> None:
    """Held-out accuracy of the intent classifier: per intent, per language, out of scope, latency."""
    from intents.classifier import TrainConfig
    from intents.evaluate import evaluate, load_heldout
    from intents.training_data import load_training_data

    from intents.entities import EntityExtractor
    from intents.nlu import OffTopicCues
    from knowledge.loader import load

    from .service import terms_from_kb
    from .services.training_examples import examples_from_entries

    kb = load()
    data = load_training_data(min_th=30, min_en=15, extra=examples_from_entries(kb.facts.values()))
    extractor = EntityExtractor(terms_from_kb(kb))
    held = load_heldout(heldout) if heldout and heldout.exists() else None
    with click.progressbar(length=folds + 1, label="cross-validation", file=sys.stderr) as bar:
        def progress(stage: str, k: int, n: int) -> None:
            bar.label = stage
            if k:
                bar.update(1)

        cues = OffTopicCues()
        report = evaluate(data, TrainConfig(folds=folds), held, progress, preprocess=extractor.mask_text,
                          off_topic=cues.find, override_below=cues.override_below)
    _print_report(report)
    out = output or Path(_settings().BOT_DATA_DIR) / "nlu-eval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    click.echo(f"\nreport written to {out}")


def _print_report(report: dict) -> None:
    cv = report["cross_validation"]
    cfg = report["config"]
    click.echo(f"\n{cfg['examples']} examples, {cfg['intents']} intents, {cfg['folds']}-fold stratified CV; "
               f"threshold {report['threshold']:.2f}, margin {report['margin']:.2f}, "
               f"temperature {report['temperature']:.2f}")
    sections = [("cross-validation", cv)] + ([("held-out test set", report["heldout"])] if "heldout" in report else [])
    for title, r in sections:
        langs = ", ".join(f"{k} {v['accuracy']:.1%} (n={v['n']})" for k, v in r["by_language"].items())
        oos = r["out_of_scope"]
        click.echo(f"\n== {title}: accuracy {r['accuracy']:.1%} (n={r['n']}); {langs}")
        click.echo(f"   out of scope: precision {oos['precision']:.1%}, recall {oos['recall']:.1%}, "
                   f"in-scope wrongly rejected {oos['in_scope_rejected']:.1%}; "
                   f"calibration error {r['calibration_error']:.3f}")
    click.echo(f"\n{'intent':24} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>5}   (cross-validation)")
    for intent, m in cv["per_intent"].items():
        click.echo(f"{intent:24} {m['precision']:6.1%} {m['recall']:6.1%} {m['f1']:6.1%} {m['support']:5d}")
    click.echo("\nmost confused (gold -> predicted, count):")
    for c in cv["confused"]:
        click.echo(f"  {c['gold']} -> {c['predicted']}: {c['count']}")
    if "heldout" in report and report["heldout"]["misses"]:
        click.echo("\nheld-out misses:")
        for m in report["heldout"]["misses"]:
            click.echo(f"  [{m['gold']} -> {m['predicted']} {m['confidence']:.2f}] {m['text']}")
    lat = report["latency_ms"]
    click.echo(f"\nlatency per message (tokenise + classify): p50 {lat['p50']:.3f} ms, p90 {lat['p90']:.3f} ms, "
               f"p99 {lat['p99']:.3f} ms")


@main.command("answer-eval")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--failures", is_flag=True, help="List every wrong or wrongly refused turn.")
@click.option("--json", "as_json", is_flag=True, help="Print the summaries as JSON.")
def answer_eval(paths: tuple[Path, ...], failures: bool, as_json: bool) -> None:
    """Answer-level results of question sets (default: tests/data/blind/*.yaml): right answers, right
    fallbacks, wrong answers, wrongly refused, and answer lengths."""
    from .evaluation import format_report, run_set, summarise

    bot = _bot()
    files = list(paths) or sorted(Path("tests/data/blind").glob("*.yaml"))
    out = {}
    for path in files:
        results = run_set(path, lambda text, user: bot.dialogue.respond(text, user_id=user, channel="cli"))
        out[str(path)] = summarise(results)
        if not as_json:
            click.echo(format_report(str(path), results, show_failures=failures))
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))


@main.command()
@click.option("--heldout", type=click.Path(exists=True, path_type=Path), default=Path("tests/data/heldout.yaml"),
              show_default=True, help="Questions labelled with an intent or out_of_scope (never trained on).")
def calibrate(heldout: Path) -> None:
    """Choose the answerability thresholds: the pair that answers the most in-scope questions with a fact
    of the labelled intent while refusing the out-of-scope ones (README "How well it answers")."""
    from .evaluation import calibrate as run

    bot = _bot()
    best, table = run(bot.dialogue, heldout)
    for row in table[:10]:
        click.echo(f"score >= {row['score']:.2f}  evidence >= {row['evidence']:.2f}: right {row['right']:.1%} "
                   f"(answered right {row['answered_right']}, refused right {row['refused_right']}, "
                   f"wrong {row['wrong']}, wrongly refused {row['wrongly_refused']})")
    click.echo(f"best: Thresholds(score={best.score}, evidence={best.evidence})")


if __name__ == "__main__":  # pragma: no cover
    main()
