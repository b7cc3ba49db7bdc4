"""`make drill`: recovery proven, not assumed. Four drills against the site served by gunicorn
with the production settings on a PostgreSQL cluster of the drill's own (made in a temporary
directory, on a free loopback port, so stopping it touches nothing else):

  outage   the database stopped for a few seconds and started again under load: the status
           counts, zero 500s, and how soon 200s come back once the database is up (target 5 s)
  reload   gunicorn reloaded gracefully (SIGHUP) under load: zero failed requests
  backup   scripts/backup then scripts/restore into a fresh database and media folder: row
           counts and checksums of every table, and every media file, compared, all equal
  soak     a steady load for --soak-minutes (10): zero errors, worker memory growth under 10 %

Each drill prints its figures and the run exits 1 if any target is missed. Needs PostgreSQL's
server programs (initdb, pg_ctl, pg_dump, pg_restore); run as root it runs them as `postgres`.
"""

import argparse
import collections
import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # run as a script from anywhere

from serving import free_port, get  # noqa: E402 (needs the path above)

PAGES = ["/", "/partners/", "/places/sheffield/", "/news/", "/governance/", "/search/?q=york"]


def pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if not found:
        sys.exit("PostgreSQL's server programs are not installed (apt-get install postgresql)")
    return found[-1].parent


def as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603
    if result.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}{result.stdout}")
    return result


class Cluster:
    """A throwaway PostgreSQL cluster on 127.0.0.1, trust authentication."""

    def __init__(self, directory: Path):
        self.data = directory / "pgdata"
        self.port = free_port()
        self.bin = pg_bin()
        directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(directory, "postgres")
        as_postgres([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                     "--auth=trust", "-E", "UTF8", "--no-instructions"])  # fmt: skip
        self.log = directory / "postgresql.log"

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data}"
        as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
                     "-l", str(self.log), "-w", "start"])  # fmt: skip

    def stop(self) -> None:
        as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def createdb(self, name: str) -> None:
        as_postgres([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                     "-U", "postgres", name])  # fmt: skip


class Load:
    """Clients requesting the pages in turn until stopped; every answer kept with its time."""

    def __init__(self, port: int, clients: int = 4):
        self.port, self.clients = port, clients
        self.answers: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(n,)) for n in range(clients)]

    def _run(self, n: int) -> None:
        mine, turn = [], n
        while not self._stop.is_set():
            path = PAGES[turn % len(PAGES)]
            turn += 1
            try:
                status = str(get(self.port, path))
            except OSError as error:
                status = type(error).__name__
            mine.append((time.monotonic(), status))
        with self._lock:
            self.answers.extend(mine)

    def __enter__(self) -> "Load":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()
        self.answers.sort()

    def counts(self) -> dict[str, int]:
        return dict(collections.Counter(status for _, status in self.answers))


class Site:
    """The portal on gunicorn (production settings) against the drill's database."""

    def __init__(self, env: dict[str, str], workers: int = 2):
        self.env, self.workers, self.port = env, workers, free_port()
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,  # noqa: S603
                       check=True, capture_output=True)  # fmt: skip

    def start(self) -> None:
        command = [sys.executable, "-m", "gunicorn", "icsportal.wsgi", "--bind",
                   f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                   "--log-level", "warning", "--graceful-timeout", "20"]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)  # noqa: S603
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/healthz/") == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit("gunicorn did not answer /healthz/ within 30 s")

    def worker_rss_mb(self) -> float:
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total = 0
        for child in children:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total / 1024

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


def drill_outage(site: Site, cluster: Cluster, down_seconds: float) -> list[str]:
    with Load(site.port) as load:
        time.sleep(3)
        cluster.stop()
        stopped = time.monotonic()
        time.sleep(down_seconds)
        cluster.start()
        back = time.monotonic()
        time.sleep(10)
    after = [(t, s) for t, s in load.answers if t >= back]
    first_ok = next((t for t, s in after if s == "200"), None)
    # Recovered: from the first 200 on, nothing but 200s.
    settled = next(
        (t for i, (t, _) in enumerate(after) if all(s == "200" for _, s in after[i:])), None
    )
    during = collections.Counter(s for t, s in load.answers if stopped <= t < back)
    print(f"outage: database stopped {back - stopped:.1f} s under load; status counts "
          f"{load.counts()} (while down: {dict(during)})")  # fmt: skip
    recovered = (settled - back) if settled else None
    first = (first_ok - back) if first_ok else float("nan")
    steady = recovered if recovered is not None else float("nan")
    print(f"outage: first 200 {first:.2f} s after the database was back; "
          f"only 200s from {steady:.2f} s")  # fmt: skip
    problems = []
    if load.counts().get("500"):
        problems.append(f"outage: {load.counts()['500']} responses were 500")
    if recovered is None or recovered > 5:
        problems.append("outage: 200s did not come back within 5 s of the database")
    return problems


def drill_reload(site: Site) -> list[str]:
    with Load(site.port) as load:
        time.sleep(3)
        site.process.send_signal(signal.SIGHUP)
        time.sleep(8)
    counts = load.counts()
    failed = sum(n for status, n in counts.items() if status != "200")
    print(f"reload: gunicorn reloaded (SIGHUP) under load; status counts {counts}")
    return [f"reload: {failed} failed requests"] if failed else []


def table_checksums(url: str) -> dict[str, tuple[int, str]]:
    import psycopg
    from psycopg import sql

    sums = {}
    with psycopg.connect(url) as connection:
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
        for (table,) in tables:
            # The table's name comes from pg_tables and is quoted as an identifier by psycopg.
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                "FROM {} t"
            ).format(sql.Identifier(table))
            count, digest = connection.execute(query).fetchone()
            sums[table] = (count, digest)
    return sums


def file_checksums(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def drill_backup(site: Site, cluster: Cluster, work: Path) -> list[str]:
    backup = work / "backup"
    env = {**site.env}
    subprocess.run([str(ROOT / "scripts" / "backup"), str(backup)], env=env, check=True)  # noqa: S603
    cluster.createdb("restored")
    restored_media = work / "restored-media"
    restore_env = {
        **env, "DATABASE_URL": cluster.url("restored"), "MEDIA_ROOT": str(restored_media),
    }  # fmt: skip
    restore = [str(ROOT / "scripts" / "restore"), str(backup)]
    subprocess.run(restore, env=restore_env, check=True)  # noqa: S603
    original, copy = table_checksums(env["DATABASE_URL"]), table_checksums(cluster.url("restored"))
    rows = sum(count for count, _ in original.values())
    media, media_copy = file_checksums(Path(env["MEDIA_ROOT"])), file_checksums(restored_media)
    differ = [table for table in original if original[table] != copy.get(table)]
    print(f"backup: {len(original)} tables, {rows} rows and {len(media)} media files backed up "
          f"and restored into a fresh database; tables differing: {len(differ)}; media files "
          f"differing: {len(set(media.items()) ^ set(media_copy.items()))}")  # fmt: skip
    problems = [f"backup: table {table} differs after restore" for table in differ]
    if set(copy) != set(original):
        problems.append("backup: the restored database has other tables")
    if media != media_copy or not media:
        problems.append("backup: the media files differ after restore")
    return problems


def drill_soak(site: Site, minutes: float) -> list[str]:
    with Load(site.port, clients=2) as load:
        time.sleep(min(30, minutes * 60 / 4))  # warm up: imports, caches, connections
        start_rss = site.worker_rss_mb()
        time.sleep(max(0, minutes * 60 - min(30, minutes * 60 / 4)))
        end_rss = site.worker_rss_mb()
    counts = load.counts()
    errors = sum(n for status, n in counts.items() if status != "200")
    growth = (end_rss - start_rss) / start_rss * 100
    total = sum(counts.values())
    print(f"soak: {minutes:g} minutes, {total} requests ({total / (minutes * 60):.0f}/s), "
          f"errors {errors}; workers' memory {start_rss:.1f} MB after warm-up, "
          f"{end_rss:.1f} MB at the end ({growth:+.1f} %)")  # fmt: skip
    problems = [f"soak: {errors} errors"] if errors else []
    if growth >= 10:
        problems.append(f"soak: worker memory grew {growth:.1f} %")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("drills", nargs="*", default=["outage", "reload", "backup", "soak"])
    parser.add_argument("--soak-minutes", type=float, default=10)
    parser.add_argument("--down-seconds", type=float, default=5)
    args = parser.parse_args()
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="icsportal-drill-") as directory:
        work = Path(directory)
        work.chmod(0o755)  # the cluster's own user must reach its folder inside
        cluster = Cluster(work / "cluster")
        cluster.start()
        site = None
        try:
            cluster.createdb("drill")
            media = work / "media"
            (media / "documents").mkdir(parents=True)
            for n in range(3):  # uploads stand in for staff's: the backup must carry them
                upload = media / "documents" / f"{secrets.token_hex(16)}.pdf"
                upload.write_bytes(os.urandom(4096 + n))
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "icsportal.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "false",
                "DATABASE_URL": cluster.url("drill"),
                "MEDIA_ROOT": str(media),
                "LOG_LEVEL": "WARNING",
                "REDIS_URL": "",
            }
            site = Site(env)
            site.manage("migrate", "--noinput")
            site.manage("load_partnership")
            site.start()
            for name in args.drills:
                if name == "outage":
                    problems += drill_outage(site, cluster, args.down_seconds)
                elif name == "reload":
                    problems += drill_reload(site)
                elif name == "backup":
                    problems += drill_backup(site, cluster, work)
                elif name == "soak":
                    problems += drill_soak(site, args.soak_minutes)
                else:
                    sys.exit(f"no drill called {name!r}")
        finally:
            if site:
                site.stop()
            cluster.stop()
    for problem in problems:
        print(f"MISSED {problem}")
    print("all drills passed" if not problems else "drills failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
