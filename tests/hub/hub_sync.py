#!/usr/bin/env python3
"""hub_sync.py -- several kiosks through a real PostgreSQL hub (issue 14,
docs/sync.md).

Starts a throw-away PostgreSQL cluster in a temporary folder (initdb +
pg_ctl, unix socket only, as an unprivileged user when run as root, since
PostgreSQL refuses root), makes the hub with `borne-admin hub init`, and
drives kiosk databases with borne-admin: enrol, tap, forget, backup,
sync. Each scenario checks the kiosks' SQLite files and the hub's tables.

  hub_sync.py BORNE_ADMIN
Without PostgreSQL: skipped (exit 77), unless CI=true (then it fails).
BORNE_LONG=1 pushes and pulls 100,000 check-ins instead of 10,000.
The second slice's scenarios (more_scenarios: three kiosks' takes, lost
answers through a proxy, batches out of order, clocks hours off, the
report views and the reader) each use their own hub database; the clocks
need faketime (skipped without it, failed under CI=true).
"""
import glob
import json
import os
import pwd
import select
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

ADMIN = sys.argv[1]
fails = 0
passes = 0


def check(cond, what):
    global fails, passes
    if cond:
        passes += 1
    else:
        fails += 1
        print("FAIL %s" % what, flush=True)


def free_port():
    """A TCP port free on loopback now (the cluster's, the proxy's)."""
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
    finally:
        s.close()


def pg_bin():
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


class Cluster:
    def __init__(self, top):
        self.bin = pg_bin()
        self.dir = os.path.join(top, "pg")
        self.sock = os.path.join(top, "sock")
        os.makedirs(self.dir)
        os.makedirs(self.sock)
        self.port = str(free_port())
        self.user = None
        if os.getuid() == 0:
            self.user = "nobody"
            pw = pwd.getpwnam(self.user)
            os.chmod(top, 0o755)
            for d in (self.dir, self.sock):
                os.chown(d, pw.pw_uid, pw.pw_gid)
        self.run([os.path.join(self.bin, "initdb"), "-D", self.dir + "/data",
                  "-A", "trust", "-U", "hubowner", "--no-sync"])
        self.start()
        self.psql("postgres", "hubowner", "CREATE DATABASE hub")

    def start(self):
        # TCP on loopback too: the lost-acknowledgement proxy talks to it.
        self.run([os.path.join(self.bin, "pg_ctl"), "-D", self.dir + "/data",
                  "-l", self.dir + "/log", "-w", "-o",
                  "-k %s -p %s -h 127.0.0.1 -F" % (self.sock, self.port),
                  "start"])

    def run(self, argv):
        if self.user is not None:
            argv = ["runuser", "-u", self.user, "--"] + argv
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, cwd="/")

    def url(self, user, db="hub"):
        return "host=%s port=%s dbname=%s user=%s" % (self.sock, self.port,
                                                       db, user)

    def psql(self, db, user, sql):
        """Rows of sql as a list of '|'-joined strings, or raises."""
        p = subprocess.run(["psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                            "-d", self.url(user, db), "-c", sql],
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(p.stderr.strip())
        return [l for l in p.stdout.splitlines() if l != ""]

    def one(self, sql, user="hubowner"):
        rows = self.psql("hub", user, sql)
        return rows[0] if rows else None

    def stop(self):
        try:
            self.run([os.path.join(self.bin, "pg_ctl"), "-D",
                      self.dir + "/data", "-m", "immediate", "stop"])
        except subprocess.CalledProcessError:
            pass


def adm(db, *args, env=None, ok=True):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([ADMIN, "--db", db] + list(args), capture_output=True,
                       text=True, env=e)
    if ok and p.returncode != 0:
        print("borne-admin %s: exit %d: %s" % (" ".join(args), p.returncode,
                                                p.stderr.strip()), flush=True)
        check(False, "borne-admin " + " ".join(args))
    return p


def q(db, sql):
    c = sqlite3.connect(db)
    try:
        return c.execute(sql).fetchall()
    finally:
        c.close()


def q1(db, sql):
    return q(db, sql)[0][0]


def dump(db):
    """What must be the same on every kiosk once converged."""
    return (q(db, "SELECT uuid, name, role, minor, active, forgotten"
                  " FROM members ORDER BY uuid"),
            q(db, "SELECT b.uid, b.uuid, m.uuid, b.active FROM badges b"
                  " JOIN members m ON m.id = b.member_id ORDER BY b.uid"),
            q(db, "SELECT v.uuid, m.uuid, v.badge, v.in_utc, v.out_utc,"
                  " v.kiosk_id FROM visits v JOIN members m"
                  " ON m.id = v.member_id ORDER BY v.uuid"))


def main():
    if pg_bin() is None or shutil.which("psql") is None:
        msg = "PostgreSQL is not installed (apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            print("FAIL " + msg + ": CI must run the hub tests")
            return 1
        print("SKIP " + msg)
        return 77
    top = tempfile.mkdtemp(prefix="borne-hub-")
    pg = None
    try:
        pg = Cluster(top)
        scenarios(pg, top)
        more_scenarios(pg, top)
    finally:
        if pg is not None:
            pg.stop()
        shutil.rmtree(top, ignore_errors=True)
    print("%d passed, %d failed" % (passes, fails))
    return 1 if fails else 0


def sync(db, pg, role, env=None, ok=True):
    return adm(db, "sync", "--hub", pg.url(role), env=env, ok=ok)


# ---- h14d: what travels, pruning, a hub restored, a kiosk joining late --
def pg_tool(pg, tool):
    return os.path.join(pg.bin, tool)


def travel_scenarios(pg, top, owner, A, B):
    """Quotes, day series and streams, visit streams and fixes travel;
    quote numbers carry the hub's code of their kiosk; a hub of version
    1 migrates; a kiosk joining after a forget gets the anonymous hours;
    pruning, and a hub restored from before what was pruned."""
    ca = q1(A, "SELECT quote_prefix FROM sync_state")
    cb = q1(B, "SELECT quote_prefix FROM sync_state")
    check(ca != "" and cb != "" and ca != cb,
          "each kiosk its hub code: %r %r" % (ca, cb))

    # a quote made on A is on B, numbered under A's code
    poster = q1(A, "SELECT id FROM members WHERE name = 'Zoé Martin'")
    mid = adm(A, "mission", "add", "--poster", str(poster), "--title",
              "Repeindre le portail", "--description", "", "--category",
              "bricolage", "--when", "flexible",
              "--reward", "quote").stdout.strip()
    adm(A, "mission", "approve", mid)
    adm(A, "member", "add", "--name", "Quentin Devis", "--role", "coworker")
    qm = q1(A, "SELECT id FROM members WHERE name = 'Quentin Devis'")
    adm(A, "quote", "add", mid, "--by", str(qm), "--hours", "2",
        "--rate-cents", "2500")
    num = q1(A, "SELECT number FROM quotes ORDER BY id DESC LIMIT 1")
    check(num.startswith("D") and ("-%s-" % ca) in num,
          "A's quote number carries its code: " + num)
    # a season of days and a day's streams, planned on A
    adm(A, "day", "plan", "2026-02-11", "--until", "2026-02-25", "--title",
        "Mercredis", "--from", "09:00", "--to", "18:00")
    day_a = q1(A, "SELECT id FROM days WHERE date = '2026-02-11'")
    adm(A, "day", "streams", str(day_a), "Chantier", "Communication")
    sync(A, pg, "kiosk_a")
    sync(B, pg, "kiosk_b")
    check(q1(B, "SELECT count(*) FROM quotes q JOIN members m ON"
                " m.id = q.member_id WHERE q.number = '%s' AND m.name ="
                " 'Quentin Devis' AND q.ttc_cents > 0" % num) == 1,
          "the quote made on A is on B")
    check(q1(B, "SELECT count(*) FROM days d JOIN day_series s ON"
                " s.id = d.series_id WHERE s.title = 'Mercredis'") == 3,
          "B has the season's days, tied to their season")
    check(q(B, "SELECT s.name FROM day_streams s JOIN days d ON"
               " d.id = s.day_id WHERE d.date = '2026-02-11' ORDER BY s.pos")
          == [("Chantier",), ("Communication",)], "B has the day's streams")

    # the same member's quote for one mission, made on A and on B apart:
    # the first in hub order waits, B withdraws its own
    mid2 = adm(A, "mission", "add", "--poster", str(poster), "--title",
               "Tailler la haie", "--description", "", "--category",
               "jardin", "--when", "flexible",
               "--reward", "quote").stdout.strip()
    adm(A, "mission", "approve", mid2)
    m2uuid = q1(A, "SELECT uuid FROM missions WHERE id = %s" % mid2)
    sync(A, pg, "kiosk_a")
    sync(B, pg, "kiosk_b")
    m2b = q1(B, "SELECT id FROM missions WHERE uuid = '%s'" % m2uuid)
    qb = q1(B, "SELECT id FROM members WHERE name = 'Quentin Devis'")
    adm(A, "quote", "add", mid2, "--by", str(qm), "--hours", "1",
        "--rate-cents", "2000")
    adm(B, "quote", "add", str(m2b), "--by", str(qb), "--hours", "3",
        "--rate-cents", "2000")
    for db, role in ((A, "kiosk_a"), (B, "kiosk_b"), (A, "kiosk_a")):
        sync(db, pg, role)
    waiting = ("SELECT q.hours_centi FROM quotes q JOIN missions x ON x.id ="
               " q.mission_id WHERE x.uuid = '%s' AND q.status = 'proposed'"
               % m2uuid)
    check(q(A, waiting) == [(100,)] and q(B, waiting) == [(100,)],
          "one waiting quote, A's, on both: %r %r" % (q(A, waiting),
                                                      q(B, waiting)))
    check(pg.one("SELECT count(*) FROM borne.audit WHERE action ="
                 " 'quote_twice'") == "1", "the hub logs the second quote")

    # a stream chosen on B, a visit corrected on B: in A's report
    adm(B, "tap", "04FF0001", "--at", "2026-02-11T09:30")
    c = sqlite3.connect(B)
    c.execute("INSERT INTO visit_streams(uuid, visit_id, name, from_utc)"
              " SELECT lower(hex(randomblob(16))), id, 'Chantier', in_utc"
              " FROM visits WHERE id = (SELECT max(id) FROM visits)")
    c.commit()
    c.close()
    adm(B, "tap", "04FF0001", "--at", "2026-02-11T12:30")
    vb = q1(B, "SELECT max(id) FROM visits")
    adm(B, "checkin", "fix", str(vb), "--in", "2026-02-11T09:00", "--out",
        "2026-02-11T12:30")
    sync(B, pg, "kiosk_b")
    sync(A, pg, "kiosk_a")
    rep = adm(A, "report", "attendance", "--from", "2026-02-11", "--to",
              "2026-02-11", "--by", "stream").stdout
    check(any(l.startswith("Chantier") and "3:30" in l
              for l in rep.splitlines()),
          "the stream chosen on B, corrected on B, in A's report: " + rep)
    check(q1(A, "SELECT count(*) FROM visit_fixes f JOIN visits v ON"
                " v.id = f.visit_id WHERE v.corrected = 1") >= 1,
          "B's correction of a visit is on A")
    check(pg.one("SELECT count(DISTINCT tbl) FROM borne.rows WHERE tbl IN"
                 " ('quotes', 'day_series', 'day_streams', 'visit_streams',"
                 " 'visit_fixes')") == "5", "the hub has the five tables")

    # a hub of version 1 (no codes; a forget scrubbed the member's row and
    # visits from its log) is migrated by hub init
    awa = q1(A, "SELECT uuid FROM members WHERE forgotten = 1")
    pg.psql("hub", "hubowner",
            "ALTER TABLE borne.kiosks DROP COLUMN code;"
            " UPDATE borne.meta SET version = 1;"
            " UPDATE borne.changes SET op = 'scrubbed', payload ="
            " jsonb_build_object('uuid', row_uuid) WHERE (tbl = 'members'"
            " AND row_uuid = '%s') OR (tbl = 'visits' AND"
            " payload->>'member_uuid' = '%s')" % (awa, awa))
    adm(A, "hub", "init", owner)
    check(pg.one("SELECT version FROM borne.meta") == "2",
          "hub init migrates a version-1 hub")
    check(pg.one("SELECT count(*) FROM borne.kiosks WHERE code IS NULL")
          == "0", "the migration gives every kiosk its code")
    # a kiosk added before the hub had codes learns its own at its sync
    c = sqlite3.connect(B)
    c.execute("UPDATE sync_state SET quote_prefix = ''")
    c.commit()
    c.close()
    sync(B, pg, "kiosk_b")
    check(q1(B, "SELECT quote_prefix FROM sync_state") == pg.one(
        "SELECT code FROM borne.kiosks WHERE role = 'kiosk_b'"),
        "B learns its code at the handshake")

    # a kiosk joining after the forget gets the forgotten member's hours,
    # those pushed by B before the forget too, anonymous
    sync(A, pg, "kiosk_a")      # what A's report closed goes first
    F = os.path.join(top, "f.db")
    adm(F, "hub", "add-kiosk", "kiosk_f", "--hub", owner)
    sync(F, pg, "kiosk_f")
    hours = ("SELECT count(*), sum(v.out_utc - v.in_utc) FROM visits v JOIN"
             " members m ON m.id = v.member_id WHERE m.uuid = '%s'" % awa)
    check(q(F, hours) == q(A, hours) and q(F, hours)[0][0] == 5,
          "a kiosk joining later has the forgotten member's 5 visits: %r %r"
          % (q(F, hours), q(A, hours)))
    check(q1(F, "SELECT count(*) FROM members WHERE uuid = '%s' AND"
                " forgotten = 1 AND name NOT LIKE 'Awa%%'" % awa) == 1 and
          q1(F, "SELECT count(*) FROM visits v JOIN members m ON m.id ="
                " v.member_id WHERE m.uuid = '%s' AND v.badge <> ''" % awa)
          == 0, "... anonymous")
    check(pg.one("SELECT count(*) FROM borne.changes WHERE payload::text LIKE"
                 " '%Awa%' OR payload::text LIKE '%04A1B2C3%'") == "0",
          "the hub's log still forgets")
    check(q1(F, "SELECT count(*) FROM quotes WHERE number = '%s'" % num) == 1,
          "the joining kiosk has the quote")

    # pruning: after a sync, what the hub took goes; a hub restored from a
    # backup older than what was pruned gets the rows again
    sync(B, pg, "kiosk_b")
    dump_file = os.path.join(top, "hub.dump")
    p = subprocess.run([pg_tool(pg, "pg_dump"), "-Fc", "-n", "borne", "-d",
                        pg.url("hubowner")], capture_output=True)
    check(p.returncode == 0, "pg_dump: " + p.stderr.decode()[:200])
    with open(dump_file, "wb") as f:
        f.write(p.stdout)
    adm(A, "member", "add", "--name", "Rita Elagage", "--role", "cooperator",
        "--badge", "04EE0001")
    adm(A, "tap", "04EE0001", "--at", "2026-02-12T09:00")
    before = q1(A, "SELECT max(seq) FROM outbox")
    p = adm(A, "sync", "--hub", pg.url("kiosk_a"), "--keep-days", "0")
    check(q1(A, "SELECT count(*) FROM outbox") == 0 and
          q1(A, "SELECT pruned_seq FROM sync_state") == before,
          "what the hub took is pruned: " + p.stdout)
    adm(A, "tap", "04EE0001", "--at", "2026-02-12T12:00")
    check(q1(A, "SELECT min(seq) FROM outbox") == before + 1,
          "a change number is never given twice after pruning")
    # the hub is restored from the backup made before Rita
    pg.psql("hub", "hubowner", "DROP SCHEMA borne CASCADE")
    p = subprocess.run([pg_tool(pg, "pg_restore"), "-d", pg.url("hubowner"),
                        dump_file], capture_output=True)
    check(p.returncode == 0, "pg_restore: " + p.stderr.decode()[:300])
    check(pg.one("SELECT count(*) FROM borne.rows WHERE payload->>'name' ="
                 " 'Rita Elagage'") == "0", "the restored hub lacks Rita")
    p = sync(A, pg, "kiosk_a")
    check("sent again" in p.stdout, "A notices the hub lacks what it "
          "pruned: " + p.stdout)
    check(pg.one("SELECT count(*) FROM borne.rows WHERE payload->>'name' ="
                 " 'Rita Elagage'") == "1" and
          pg.one("SELECT count(*) FROM borne.rows WHERE tbl = 'visits' AND"
                 " payload->>'badge' = '04EE0001' AND payload->>'out_utc'"
                 " IS NOT NULL") == "1",
          "the hub has Rita and her visit again")
    sync(B, pg, "kiosk_b")
    sync(A, pg, "kiosk_a")
    check(q1(B, "SELECT count(*) FROM members WHERE name = 'Rita Elagage'")
          == 1, "B gets Rita through the restored hub")
    check(dump(A) == dump(B), "A and B converge after the hub's restore")


def scenarios(pg, top):
    owner = pg.url("hubowner")
    A = os.path.join(top, "a.db")
    B = os.path.join(top, "b.db")
    t = time.monotonic()

    # ---- the hub, made twice: the second changes nothing --------------
    adm(A, "hub", "init", owner)
    adm(A, "hub", "init", owner)
    check(pg.one("SELECT version FROM borne.meta") == "2", "hub version")

    # ---- two kiosks, each its role ---------------------------------------
    adm(A, "member", "add", "--name", "Awa Diallo", "--role", "cooperator",
        "--badge", "04A1B2C3")
    adm(B, "check")
    adm(A, "hub", "add-kiosk", "kiosk_a", "--hub", owner)
    adm(B, "hub", "add-kiosk", "kiosk_b", "--hub", owner)
    ua = q1(A, "SELECT kiosk_uuid FROM sync_state")
    ub = q1(B, "SELECT kiosk_uuid FROM sync_state")
    check(ua != ub, "each database its own kiosk uuid")

    # ---- enrol on A, sync A, sync B: B knows the member --------------
    sync(A, pg, "kiosk_a")
    sync(B, pg, "kiosk_b")
    check(q1(B, "SELECT count(*) FROM members WHERE name = 'Awa Diallo'")
          == 1, "B knows Awa")
    check(q1(B, "SELECT count(*) FROM badges WHERE uid = '04A1B2C3'") == 1,
          "B knows Awa's badge")
    check(q1(B, "SELECT count(*) FROM outbox") == 0,
          "what B took from the hub does not go back")
    check(pg.one("SELECT count(DISTINCT origin_kiosk) FROM borne.rows") == "1",
          "rows have their origin kiosk")

    # ---- check-ins from both reach the hub and the other kiosk -------
    adm(A, "tap", "04A1B2C3", "--at", "2026-03-04T09:00")
    adm(B, "tap", "04A1B2C3", "--at", "2026-03-05T14:00")
    for db, role in ((A, "kiosk_a"), (B, "kiosk_b"), (A, "kiosk_a")):
        sync(db, pg, role)
    check(pg.one("SELECT count(*) FROM borne.rows WHERE tbl = 'visits'")
          == "2", "both check-ins at the hub")
    check(q1(A, "SELECT count(*) FROM visits") == 2, "A has B's check-in")
    check(dump(A) == dump(B), "A and B converge")

    # ---- the same badge enrolled on both, apart: the first keeps it --
    adm(A, "member", "add", "--name", "Zoé Martin", "--role", "cooperator",
        "--badge", "04FF0001")
    adm(B, "member", "add", "--name", "Yann Le Goff", "--role", "cooperator",
        "--badge", "04FF0001")
    sync(A, pg, "kiosk_a")
    sync(B, pg, "kiosk_b")
    sync(A, pg, "kiosk_a")
    check(q1(B, "SELECT m.name FROM badges b JOIN members m ON m.id ="
                " b.member_id WHERE b.uid = '04FF0001'") == "Zoé Martin",
          "B: the badge is Zoé's, first in hub order")
    check(q1(A, "SELECT m.name FROM badges b JOIN members m ON m.id ="
                " b.member_id WHERE b.uid = '04FF0001'") == "Zoé Martin",
          "A: the badge stays Zoé's")
    check(pg.one("SELECT count(*) FROM borne.audit WHERE action ="
                 " 'badge_taken'") == "1", "the hub logs the refused badge")
    st = adm(B, "sync", "--status").stdout
    check("badges pris ailleurs : 1" in st, "B's facilitators are told: " + st)
    check(q1(B, "SELECT count(*) FROM audit WHERE action ="
                " 'badge.taken_elsewhere'") == 1, "B's audit says so")
    check(dump(A) == dump(B), "A and B converge after the badge conflict")

    # ---- sending twice changes nothing ---------------------------------
    n = pg.one("SELECT count(*) FROM borne.changes")
    seq = pg.one("SELECT seq FROM borne.meta")
    p = sync(A, pg, "kiosk_a")
    check(p.stdout.startswith("sent 0,"), "nothing to send: " + p.stdout)
    batch = q1(A, "SELECT json_group_array(json_object('seq', seq, 'tbl',"
                  " tbl, 'row_uuid', row_uuid, 'op', op, 'payload',"
                  " json(payload), 'hlc', hlc, 'wall_ms', wall_ms,"
                  " 'wall_trusted', wall_trusted, 'boot_id', boot_id,"
                  " 'schema_version', schema_version)) FROM outbox")
    inc = q1(A, "SELECT incarnation FROM sync_state")
    last = pg.psql("hub", "kiosk_a", "SELECT borne.push('%s', %d, '%s')"
                   % (ua, inc, batch.replace("'", "''")))
    check(last == [str(q1(A, "SELECT max(seq) FROM outbox"))],
          "a whole batch again: the hub says it has it")
    check(pg.one("SELECT count(*) FROM borne.changes") == n and
          pg.one("SELECT seq FROM borne.meta") == seq,
          "a batch sent twice changes nothing")
    # a gap is refused
    gap = json.loads(batch)[:1]
    gap[0]["seq"] = 999999
    try:
        pg.psql("hub", "kiosk_a", "SELECT borne.push('%s', %d, '%s')" % (
            ua, inc, json.dumps(gap).replace("'", "''")))
        check(False, "a batch with a gap is refused")
    except RuntimeError as e:
        check("gap" in str(e), "a gap is refused: " + str(e))

    # ---- the kiosk dies after the hub's commit, before noting it -----
    adm(A, "tap", "04A1B2C3", "--at", "2026-03-06T09:00")
    p = sync(A, pg, "kiosk_a", env={"BORNE_SYNC_DIE_AFTER_PUSH": "1"},
             ok=False)
    check(p.returncode == 75, "the test hook killed the sync")
    n = int(pg.one("SELECT count(*) FROM borne.changes"))
    p = sync(A, pg, "kiosk_a")
    check(p.stdout.startswith("sent 0,"), "the handshake knew: " + p.stdout)
    check(int(pg.one("SELECT count(*) FROM borne.changes")) == n,
          "no duplicate after the lost acknowledgement")
    check(pg.one("SELECT count(*) FROM borne.rows WHERE tbl = 'visits'")
          == "3", "nothing lost after the lost acknowledgement")

    # ---- least privilege ------------------------------------------------
    for sql, what in (("SELECT count(*) FROM borne.rows", "read rows"),
                      ("SELECT count(*) FROM borne.changes", "read changes"),
                      ("SELECT * FROM borne.handshake('%s')" % ub,
                       "act as another kiosk"),
                      ("SELECT * FROM borne.pull('%s', 0, 10)" % ub,
                       "pull as another kiosk"),
                      ("SELECT borne.add_kiosk('%s', 'x', NULL)" % ua,
                       "add a kiosk"),
                      ("SELECT borne.apply('%s', 1, '{}')" % ua,
                       "apply without push")):
        try:
            pg.psql("hub", "kiosk_a", sql)
            check(False, "kiosk_a may not " + what)
        except RuntimeError as e:
            check("denied" in str(e) or "may not act" in str(e),
                  "kiosk_a may not %s: %s" % (what, e))

    # ---- a restored old backup rejoins ----------------------------------
    old = os.path.join(top, "a-old.db")
    adm(A, "backup", old)
    adm(A, "member", "add", "--name", "Basile Roux", "--role", "coworker")
    adm(A, "tap", "04A1B2C3", "--at", "2026-03-07T09:00")
    sync(A, pg, "kiosk_a")
    for f in (A, A + "-wal", A + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    shutil.copy(old, A)
    adm(A, "member", "add", "--name", "Chloé Petit", "--role", "cooperator")
    p = sync(A, pg, "kiosk_a")
    check("restored backup noticed" in p.stdout, "restore noticed: "
          + p.stdout)
    check(q1(A, "SELECT incarnation FROM sync_state") == 2,
          "a new incarnation")
    check(q1(A, "SELECT count(*) FROM members WHERE name IN ('Basile Roux',"
                " 'Chloé Petit')") == 2, "lost rows back, new ones kept")
    check(q1(A, "SELECT count(*) FROM visits") == 4, "lost check-in back")
    sync(B, pg, "kiosk_b")
    check(q1(B, "SELECT count(*) FROM members WHERE name = 'Chloé Petit'")
          == 1, "B has what A wrote after its restore")
    check(dump(A) == dump(B), "A and B converge after the restore")

    # ---- a forgotten member is forgotten everywhere, for good ---------
    awa_a = q1(A, "SELECT id FROM members WHERE name = 'Awa Diallo'")
    adm(B, "tap", "04A1B2C3", "--at", "2026-03-08T09:00")   # B, offline
    adm(A, "member", "forget", str(awa_a))
    sync(A, pg, "kiosk_a")
    sync(B, pg, "kiosk_b")
    sync(A, pg, "kiosk_a")
    for db in (A, B):
        check(q1(db, "SELECT count(*) FROM members WHERE name LIKE 'Awa%'")
              == 0, "forgotten on " + db)
    check(pg.one("SELECT count(*) FROM borne.rows WHERE payload::text LIKE"
                 " '%Awa%' OR payload::text LIKE '%04A1B2C3%'") == "0",
          "the hub's rows forget")
    check(pg.one("SELECT count(*) FROM borne.changes WHERE payload::text LIKE"
                 " '%Awa%' OR payload::text LIKE '%04A1B2C3%'") == "0",
          "the hub's log forgets")
    check(pg.one("SELECT count(*) FROM borne.rows WHERE tbl = 'visits'")
          == "5", "the forgotten member's hours stay, anonymous")
    check(dump(A) == dump(B), "A and B converge after the forget")

    # ---- a 3-place mission taken on two kiosks apart: 3 keep it ------
    poster = q1(A, "SELECT id FROM members WHERE name = 'Zoé Martin'")
    mid = adm(A, "mission", "add", "--poster", str(poster), "--title",
              "Ranger la réserve", "--description", "", "--category",
              "bricolage", "--when", "flexible", "--places", "3",
              "--reward-cents", "500").stdout.strip()
    adm(A, "mission", "approve", mid)
    muuid = q1(A, "SELECT uuid FROM missions WHERE id = %s" % mid)
    sync(A, pg, "kiosk_a")
    sync(B, pg, "kiosk_b")
    for db, who in ((A, "a"), (B, "b")):
        m = q1(db, "SELECT id FROM missions WHERE uuid = '%s'" % muuid)
        for i in range(4):
            adm(db, "member", "add", "--name", "Take %s%d" % (who, i),
                "--role", "cooperator")
            mem = q1(db, "SELECT max(id) FROM members")
            adm(db, "mission", "take", str(m), str(mem), ok=False)
        check(q1(db, "SELECT count(*) FROM mission_takes WHERE"
                     " released_utc IS NULL") == 3, "3 takes on each, apart")
    for db, role in ((A, "kiosk_a"), (B, "kiosk_b"), (A, "kiosk_a")):
        sync(db, pg, role)
    check(pg.one("SELECT count(*) FROM borne.rows WHERE tbl = 'mission_takes'"
                 " AND payload->>'released_utc' IS NULL") == "3",
          "the hub keeps 3 takes")
    for db in (A, B):
        check(q1(db, "SELECT count(*) FROM mission_takes WHERE"
                     " released_utc IS NULL") == 3, "3 takes left on " + db)
    check(q1(B, "SELECT count(*) FROM audit WHERE action ="
                " 'mission.take_refused'") == 3, "B's 3 late takers are told")
    check(q1(A, "SELECT count(*) FROM audit WHERE action ="
                " 'mission.take_refused'") == 0, "A's takes were first")
    # What people see (syncview.h): B's refused takers are told at their
    # next tap; a pull that got to the end confirms every take sent.
    check(q1(B, "SELECT count(*) FROM take_refusals WHERE told_utc IS NULL")
          == 3, "B's 3 refused takers wait to be told at their next tap")
    for db in (A, B):
        check(q1(db, "SELECT confirmed_seq = pushed_seq AND update_required"
                     " = 0 FROM sync_state") == 1,
              "every change sent from %s is confirmed" % db)

    # ---- clocks skewed by days: the hub's order decides, clocks follow --
    c = sqlite3.connect(B)
    c.execute("UPDATE sync_state SET hlc_ms = hlc_ms + 3 * 86400000")
    c.commit()
    c.close()
    tb1 = q1(B, "SELECT id FROM members WHERE name = 'Take b1'")
    adm(B, "member", "deactivate", str(tb1))       # B, 3 days ahead
    b_hlc = q1(B, "SELECT max(hlc) FROM outbox")
    sync(B, pg, "kiosk_b")
    sync(A, pg, "kiosk_a")
    tb2 = q1(A, "SELECT id FROM members WHERE name = 'Take b2'")
    adm(A, "member", "deactivate", str(tb2))       # A, on time, after it
    check(q1(A, "SELECT max(hlc) FROM outbox") > b_hlc,
          "A's clock moved past B's skewed one")
    sync(A, pg, "kiosk_a")
    sync(B, pg, "kiosk_b")
    check(pg.one("SELECT count(*) FROM borne.audit WHERE action ="
                 " 'overwritten' AND detail->>'name' = 'Take b2'") == "1",
          "B's version of Take b2, overwritten by A, kept in the hub's audit")
    check(dump(A) == dump(B), "A and B converge with skewed clocks")

    # ---- h14d: what travels, pruning, restores, late joiners -------------
    travel_scenarios(pg, top, owner, A, B)

    # ---- a revoked kiosk is out, and says since when ------------------
    adm(A, "hub", "revoke", "kiosk_b", "--hub", owner)
    adm(B, "tap", "04FF0001", "--at", "2026-03-09T09:00")
    p = sync(B, pg, "kiosk_b", ok=False)
    check(p.returncode == 2, "a revoked kiosk cannot sync")
    st = adm(B, "sync", "--status").stdout
    check("pas synchronisée depuis" in st, "status says since when: " + st)
    check("changements en attente : 0" not in st and
          "changements en attente : " in st, "status counts: " + st)

    # ---- throughput -----------------------------------------------------
    n = 100000 if os.environ.get("BORNE_LONG") == "1" else 10000
    if "/emulated/" in ADMIN:           # the arm64 suite under qemu
        n = 200
    C = os.path.join(top, "c.db")
    D = os.path.join(top, "d.db")
    adm(C, "member", "add", "--name", "Dan", "--role", "cooperator",
        "--badge", "04DD0001")
    adm(C, "hub", "add-kiosk", "kiosk_c", "--hub", owner)
    adm(D, "hub", "add-kiosk", "kiosk_d", "--hub", owner)
    sync(C, pg, "kiosk_c")
    c = sqlite3.connect(C)
    c.execute("WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i"
              " WHERE k < ?) INSERT INTO visits(uuid, member_id, badge,"
              " in_utc, out_utc, kiosk_id) SELECT lower(hex(randomblob(16))),"
              " 1, '04DD0001', 1700000000 + k * 3600, 1700000000 + k * 3600"
              " + 1800, 'c' FROM i", (n,))
    c.commit()
    c.close()
    t0 = time.monotonic()
    sync(C, pg, "kiosk_c")
    t1 = time.monotonic()
    sync(D, pg, "kiosk_d")
    t2 = time.monotonic()
    check(q1(D, "SELECT count(*) FROM visits WHERE kiosk_id = 'c'") == n,
          "D has every check-in of C")
    print("figure: %d check-ins pushed in %.2f s (%.0f/s), pulled by a new "
          "kiosk (with everything before) in %.2f s" %
          (n, t1 - t0, n / (t1 - t0), t2 - t1), flush=True)
    # ---- a push held open by pg_sleep, another behind it, a pull ------
    adm(A, "tap", "04FF0001", "--at", "2026-03-10T09:00")
    adm(C, "tap", "04DD0001", "--at", "2026-03-10T09:05")
    pushed = q1(A, "SELECT pushed_seq FROM sync_state")
    held_batch = q1(A, "SELECT json_group_array(json_object('seq', seq, 'tbl',"
                       " tbl, 'row_uuid', row_uuid, 'op', op, 'payload',"
                       " json(payload), 'hlc', hlc, 'wall_ms', wall_ms,"
                       " 'wall_trusted', wall_trusted, 'boot_id', boot_id,"
                       " 'schema_version', schema_version)) FROM outbox"
                       " WHERE seq > %d" % pushed)
    held = subprocess.Popen(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
         pg.url("kiosk_a"), "-c", "BEGIN", "-c",
         "SELECT borne.push('%s', %d, '%s')" % (
             ua, q1(A, "SELECT incarnation FROM sync_state"),
             held_batch.replace("'", "''")),
         "-c", "SELECT pg_sleep(3)", "-c", "COMMIT"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1)
    behind = subprocess.Popen([ADMIN, "--db", C, "sync", "--hub",
                               pg.url("kiosk_c")], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    sync(D, pg, "kiosk_d")              # during the held push
    during = q1(D, "SELECT pulled_seq FROM sync_state")
    check(held.wait(timeout=30) == 0, "the held push committed")
    check(behind.wait(timeout=30) == 0, "the push behind it went through")
    sync(D, pg, "kiosk_d")
    check(q1(D, "SELECT count(*) FROM visits WHERE in_utc IN (%d, %d)" % (
        int(q1(A, "SELECT max(in_utc) FROM visits")),
        int(q1(C, "SELECT max(in_utc) FROM visits")))) == 2,
        "a pull during the held push skipped nothing (pulled %d then %d)"
        % (during, q1(D, "SELECT pulled_seq FROM sync_state")))
    p = sync(A, pg, "kiosk_a")
    check(p.stdout.startswith("sent 0,"), "A learns at the handshake that "
          "the hub took what psql pushed: " + p.stdout)

    # ---- a week apart, then converge ------------------------------------
    dan_d = q1(D, "SELECT id FROM members WHERE name = 'Dan'")
    for db, who, mem in ((C, "c", 1), (D, "d", dan_d)):
        for i in range(5):
            adm(db, "member", "add", "--name", "Week %s%d" % (who, i),
                "--role", "cooperator")
        c = sqlite3.connect(db)
        c.execute("WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1"
                  " FROM i WHERE k < 7 * 40) INSERT INTO visits(uuid,"
                  " member_id, badge, in_utc, out_utc, kiosk_id) SELECT"
                  " lower(hex(randomblob(16))), ?, '04DD0001', 1800000000 +"
                  " k * 2000, 1800000000 + k * 2000 + 900, ? FROM i",
                  (mem, who))
        c.commit()
        c.close()
    t0 = time.monotonic()
    for db, role in ((C, "kiosk_c"), (D, "kiosk_d"), (C, "kiosk_c")):
        sync(db, pg, role)
    t1 = time.monotonic()
    check(dump(C) == dump(D), "C and D converge after a week apart")
    print("figure: a week apart (2 kiosks x (5 members + 280 check-ins))"
          " converged in %.2f s (3 syncs)" % (t1 - t0), flush=True)

    # ---- a copied database cannot join as a second kiosk ---------------
    E = os.path.join(top, "e.db")
    shutil.copy(C, E)
    p = adm(E, "hub", "add-kiosk", "kiosk_e", "--hub", owner, ok=False)
    check(p.returncode == 2 and "already on the hub" in p.stderr,
          "a copy of C is refused: " + p.stderr)

    # ---- changes of a newer borne: what D knows is applied, the rest
    # passed over and noted, pulled again once D reads it ----------------
    def newer(tbl, row_uuid, name):
        # a member's change as a newer kiosk would send it (its payload
        # Dan's, under another uuid and name), at schema version 999
        pg.psql("hub", "hubowner",
                "INSERT INTO borne.changes(hub_seq, kiosk_uuid, incarnation,"
                " kiosk_seq, tbl, row_uuid, op, payload, hlc, schema_version)"
                " SELECT m.seq + 1, '%s', 1, 0, '%s', '%s', 'insert',"
                " jsonb_set(jsonb_set(c.payload, '{uuid}', to_jsonb('%s'::text)),"
                " '{name}', to_jsonb('%s'::text)), '', 999 FROM borne.meta m,"
                " (SELECT payload FROM borne.changes WHERE tbl = 'members' AND"
                " payload->>'name' = 'Dan' ORDER BY hub_seq DESC LIMIT 1) c;"
                " UPDATE borne.meta SET seq = seq + 1"
                % (ua, tbl, row_uuid, row_uuid, name))
        return int(pg.one("SELECT seq FROM borne.meta"))
    gadget = newer("gadgets", "9e1a0000-0000-4000-8000-000000000001",
                   "Arrivée Plus Tard")
    last = newer("members", "9e1a0000-0000-4000-8000-000000000002",
                 "Nouvelle Venue")
    p = sync(D, pg, "kiosk_d")
    check("mise à jour requise" in p.stdout, "D says it needs the update: "
          + p.stdout)
    check(q1(D, "SELECT count(*) FROM members WHERE name = 'Nouvelle Venue'")
          == 1, "D applies a newer change of a table it knows")
    check(q1(D, "SELECT pulled_seq FROM sync_state") == last,
          "D keeps pulling past what it cannot read")
    check(q1(D, "SELECT skipped_from FROM sync_state") == gadget,
          "D notes the first change it passed over")
    st = adm(D, "sync", "--status").stdout
    check("mise à jour requise" in st, "D's status says it too: " + st)
    p = sync(D, pg, "kiosk_d")
    check("mise à jour requise" in p.stdout and
          q1(D, "SELECT skipped_from FROM sync_state") == gadget,
          "still required at the next sync: " + p.stdout)
    # D is updated: the change it passed over is of a table it reads now
    # (played by the hub's row becoming one, and the version D read)
    pg.psql("hub", "hubowner", "UPDATE borne.changes SET tbl = 'members'"
            " WHERE hub_seq = %d" % gadget)
    c = sqlite3.connect(D)
    c.execute("UPDATE sync_state SET skipped_schema = 1")
    c.commit()
    c.close()
    p = sync(D, pg, "kiosk_d")
    check("mise à jour requise" not in p.stdout, "updated: " + p.stdout)
    check(q1(D, "SELECT count(*) FROM members WHERE name IN"
                " ('Arrivée Plus Tard', 'Nouvelle Venue')") == 2,
          "after the update D has what it passed over, nothing twice")
    check(q1(D, "SELECT skipped_from FROM sync_state") == 0 and
          q1(D, "SELECT update_required FROM sync_state") == 0 and
          q1(D, "SELECT pulled_seq FROM sync_state") == last,
          "the note is cleared, the cursor back at the end")
    st = adm(D, "sync", "--status").stdout
    check("mise à jour requise" not in st, "status after the update: " + st)

    print("figure: whole run %.1f s" % (time.monotonic() - t), flush=True)


# ---- the second slice's scenarios --------------------------------------
# Each on its own hub database (the same cluster, roles shared): the
# first scenarios leave a change of a newer schema at the end of the
# hub's log, which would stop a new kiosk's pull.

def new_hub(pg, top, name):
    """A fresh hub database made by hub init; its owner's url."""
    pg.psql("postgres", "hubowner", "CREATE DATABASE %s" % name)
    owner = pg.url("hubowner", name)
    adm(os.path.join(top, "init.db"), "hub", "init", owner)
    return owner


def hub1(pg, hub, sql, user="hubowner"):
    rows = pg.psql(hub, user, sql)
    return rows[0] if rows else None


class Kiosk:
    """One kiosk database on hub database `hub`, as role `role`."""

    def __init__(self, pg, top, hub, role):
        self.pg, self.hub, self.role = pg, hub, role
        self.db = os.path.join(top, "%s-%s.db" % (hub, role))

    def join(self):
        adm(self.db, "hub", "add-kiosk", self.role, "--hub",
            self.pg.url("hubowner", self.hub))

    def sync(self, url=None, env=None, ok=True):
        return adm(self.db, "sync", "--hub", url or self.pg.url(
            self.role, self.hub), env=env, ok=ok)

    def uuid(self):
        return q1(self.db, "SELECT kiosk_uuid FROM sync_state")

    def push(self, batch):
        """borne.push of a batch made by hand, through psql."""
        return self.pg.psql(self.hub, self.role, "SELECT borne.push('%s', %d,"
                            " '%s')" % (self.uuid(), q1(self.db, "SELECT"
                                        " incarnation FROM sync_state"),
                                        json.dumps(batch).replace("'", "''")))


def outbox_after(db, after):
    """The outbox after seq `after`, as borne.push takes it."""
    return json.loads(q1(db, "SELECT json_group_array(json_object('seq', seq,"
                         " 'tbl', tbl, 'row_uuid', row_uuid, 'op', op,"
                         " 'payload', json(payload), 'hlc', hlc, 'wall_ms',"
                         " wall_ms, 'wall_trusted', wall_trusted, 'boot_id',"
                         " boot_id, 'schema_version', schema_version)) FROM"
                         " (SELECT * FROM outbox WHERE seq > %d ORDER BY seq)"
                         % after))


def dump_takes(db):
    return q(db, "SELECT t.uuid, m.uuid, mi.uuid, t.taken_utc, t.released_utc"
                 " FROM mission_takes t JOIN members m ON m.id = t.member_id"
                 " JOIN missions mi ON mi.id = t.mission_id ORDER BY t.uuid")


class Proxy:
    """A TCP proxy to the hub on loopback. Armed (drop_push), it relays a
    borne.push and then, at the hub's first answer to it (sent once the
    push committed), runs on_drop and cuts both connections instead of
    relaying the answer: a real lost acknowledgement."""

    def __init__(self, to_port):
        self.to = to_port
        self.ls = socket.socket()
        self.ls.bind(("127.0.0.1", 0))
        self.ls.listen(16)
        self.port = self.ls.getsockname()[1]
        self.drop_push = False
        self.on_drop = None
        self.dropped = 0
        threading.Thread(target=self.accept, daemon=True).start()

    def url(self, role, db):
        return ("host=127.0.0.1 port=%d dbname=%s user=%s sslmode=disable"
                % (self.port, db, role))

    def accept(self):
        while True:
            try:
                c, _ = self.ls.accept()
            except OSError:
                return
            threading.Thread(target=self.relay, args=(c,),
                             daemon=True).start()

    def relay(self, c):
        try:
            s = socket.create_connection(("127.0.0.1", self.to))
        except OSError:
            c.close()
            return
        tail, pushed = b"", False
        try:
            while True:
                r, _, _ = select.select([c, s], [], [], 60)
                if not r:
                    return
                if c in r:
                    d = c.recv(65536)
                    if not d:
                        return
                    if self.drop_push and b"borne.push(" in tail + d:
                        pushed = True
                    tail = (tail + d)[-16:]
                    s.sendall(d)
                if s in r:
                    d = s.recv(65536)
                    if not d:
                        return
                    if pushed:
                        self.drop_push = False
                        self.dropped += 1
                        if self.on_drop is not None:
                            self.on_drop()
                        return
                    c.sendall(d)
        except OSError:
            pass
        finally:
            c.close()
            s.close()

    def close(self):
        try:
            self.ls.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.ls.close()


def takes_across_three(pg, top):
    """50 takers of a 3-place mission on three kiosks apart (17/17/16):
    each kiosk gives its 3 places, the hub keeps the 3 of the first to
    push, and exactly the other kiosks' 6 takers are told."""
    hub = "hub_takes"
    owner = new_hub(pg, top, hub)
    ks = [Kiosk(pg, top, hub, "takes_%d" % i) for i in range(3)]
    adm(ks[0].db, "member", "add", "--name", "Inès Poste", "--role",
        "cooperator")
    mid = adm(ks[0].db, "mission", "add", "--poster", "1", "--title",
              "Repeindre le couloir", "--description", "", "--category",
              "bricolage", "--when", "flexible", "--places", "3",
              "--reward-cents", "300").stdout.strip()
    adm(ks[0].db, "mission", "approve", mid)
    muuid = q1(ks[0].db, "SELECT uuid FROM missions WHERE id = %s" % mid)
    for k in ks:
        k.join()
    for k in ks:
        k.sync()
    counts = (4, 4, 3) if "/emulated/" in ADMIN else (17, 17, 16)
    held = []                  # per kiosk: the uuids of its 3 local takers
    for i, (k, n) in enumerate(zip(ks, counts)):
        csv = os.path.join(top, "takers-%d.csv" % i)
        with open(csv, "w") as f:
            f.write("name,role,badge,minor\n")
            for j in range(n):
                f.write("Preneur %d-%02d,cooperator,,0\n" % (i, j))
        adm(k.db, "import", "members", csv)
        m = q1(k.db, "SELECT id FROM missions WHERE uuid = '%s'" % muuid)
        for (mem,) in q(k.db, "SELECT id FROM members WHERE name LIKE"
                              " 'Preneur %d-%%' ORDER BY id" % i):
            adm(k.db, "mission", "take", str(m), str(mem), ok=False)
        held.append({u for (u,) in q(k.db, "SELECT m.uuid FROM mission_takes"
                                           " t JOIN members m ON m.id ="
                                           " t.member_id WHERE"
                                           " t.released_utc IS NULL")})
        check(len(held[i]) == 3, "takes: kiosk %d gives its 3 places apart"
              % i)
    t0 = time.monotonic()
    for i in (1, 2, 0, 1, 2, 0):        # kiosk 1 pushes first
        ks[i].sync()
    print("figure: 3 kiosks apart, %d takers of a 3-place mission, converged"
          " in %.2f s (6 syncs)" % (sum(counts), time.monotonic() - t0),
          flush=True)
    kept = {r for r in pg.psql(hub, "hubowner", "SELECT"
                               " payload->>'member_uuid' FROM borne.rows"
                               " WHERE tbl = 'mission_takes' AND"
                               " payload->>'released_utc' IS NULL")}
    check(kept == held[1], "takes: the hub keeps the 3 takes pushed first"
          " (%d kept)" % len(kept))
    check(hub1(pg, hub, "SELECT count(*) FROM borne.audit WHERE action ="
                        " 'take_refused'") == "6",
          "takes: the hub refuses the 6 others")
    for i, k in enumerate(ks):
        open_ = {u for (u,) in q(k.db, "SELECT m.uuid FROM mission_takes t"
                                       " JOIN members m ON m.id ="
                                       " t.member_id WHERE t.released_utc"
                                       " IS NULL")}
        check(open_ == held[1], "takes: kiosk %d shows the hub's 3" % i)
        told = set()
        for (detail,) in q(k.db, "SELECT detail FROM audit WHERE action ="
                                 " 'mission.take_refused'"):
            ids = [int(x) for x in detail.replace("#", " ").split()
                   if x.isdigit()]
            for mem in ids:
                told.add(q1(k.db, "SELECT uuid FROM members WHERE id = %d"
                               % mem))
        want = set() if i == 1 else held[i]
        check(told == want, "takes: kiosk %d tells exactly its refused"
              " takers (%d told)" % (i, len(told)))
    for k in ks[1:]:
        check(dump(k.db) == dump(ks[0].db) and
              dump_takes(k.db) == dump_takes(ks[0].db),
              "takes: the three kiosks converge (%s)" % k.role)


def lost_acknowledgements(pg, top):
    """The hub's answer to a push lost on the way (a proxy cuts the
    connection once the push committed), then the hub itself killed at
    that moment and restarted: the next sync sends nothing twice and
    loses nothing."""
    hub = "hub_acks"
    new_hub(pg, top, hub)
    K, L = Kiosk(pg, top, hub, "ack_k"), Kiosk(pg, top, hub, "ack_l")
    adm(K.db, "member", "add", "--name", "Lina Accusé", "--role",
        "cooperator", "--badge", "04AC0001")
    K.join()
    L.join()
    K.sync()
    L.sync()
    proxy = Proxy(int(pg.port))
    via = proxy.url(K.role, hub)
    try:
        for n, (case, on_drop) in enumerate((("answer lost", None),
                                             ("hub killed", pg.stop))):
            for h in range(5):
                adm(K.db, "tap", "04AC0001", "--at", "2026-04-0%dT%02d:00"
                    % (n + 1, 9 + h))
            pushed = q1(K.db, "SELECT pushed_seq FROM sync_state")
            waiting = q1(K.db, "SELECT count(*) FROM outbox WHERE seq > %d"
                         % pushed)
            before = int(hub1(pg, hub, "SELECT count(*) FROM borne.received"))
            proxy.drop_push, proxy.on_drop = True, on_drop
            p = K.sync(url=via, ok=False)
            if on_drop is not None:
                pg.start()
            check(p.returncode != 0 and proxy.dropped == n + 1,
                  "%s: the sync never heard the hub (exit %d)"
                  % (case, p.returncode))
            check(q1(K.db, "SELECT pushed_seq FROM sync_state") == pushed,
                  "%s: the kiosk's cursor stayed" % case)
            check(int(hub1(pg, hub, "SELECT count(*) FROM borne.received"))
                  == before + waiting, "%s: the hub had committed the %d"
                  " changes" % (case, waiting))
            p = K.sync(url=via)
            check(p.stdout.startswith("sent 0,"), "%s: the handshake knew,"
                  " nothing sent twice: %s" % (case, p.stdout))
            check(int(hub1(pg, hub, "SELECT count(*) FROM borne.received"))
                  == before + waiting, "%s: no duplicate at the hub" % case)
            L.sync()
            check(hub1(pg, hub, "SELECT count(*) FROM borne.rows WHERE tbl ="
                                " 'visits'") ==
                  str(q1(K.db, "SELECT count(*) FROM visits")),
                  "%s: every check-in at the hub" % case)
            check(dump(K.db) == dump(L.db), "%s: K and L converge" % case)
    finally:
        proxy.close()


def batches_out_of_order(pg, top):
    """Batches pushed by hand: a later batch before an earlier one and a
    batch in reverse order are refused whole (a gap); a change twice in
    one batch is taken once; another change under a number taken in the
    same batch is refused; then the normal sync converges."""
    hub = "hub_order"
    new_hub(pg, top, hub)
    K, L = Kiosk(pg, top, hub, "order_k"), Kiosk(pg, top, hub, "order_l")
    adm(K.db, "member", "add", "--name", "Oscar Ordre", "--role",
        "cooperator", "--badge", "04AB0001")
    K.join()
    L.join()
    K.sync()
    L.sync()
    for h in range(6):
        adm(K.db, "tap", "04AB0001", "--at", "2026-05-04T%02d:00" % (9 + h))
    ch = outbox_after(K.db, q1(K.db, "SELECT pushed_seq FROM sync_state"))
    check(len(ch) >= 6, "order: six changes waiting (%d)" % len(ch))
    n0 = int(hub1(pg, hub, "SELECT count(*) FROM borne.changes"))

    def refused(batch, why, what):
        try:
            K.push(batch)
            check(False, "order: %s is refused" % what)
        except RuntimeError as e:
            check(why in str(e), "order: %s is refused: %s" % (what, e))
        check(int(hub1(pg, hub, "SELECT count(*) FROM borne.changes")) == n0
              + taken[0], "order: %s leaves nothing" % what)

    taken = [0]
    refused(ch[3:], "gap", "a later batch before the earlier")
    refused(list(reversed(ch[:3])), "gap", "a batch in reverse order")
    r = K.push([ch[0], ch[0], ch[1], ch[0], ch[1]])
    taken[0] = 2
    check(r == [str(ch[1]["seq"])] and int(hub1(
        pg, hub, "SELECT count(*) FROM borne.changes")) == n0 + 2,
        "order: changes twice in one batch are taken once")
    other = dict(ch[2])
    other["hlc"] = ch[3]["hlc"]
    refused([ch[2], other], "not the one taken before",
            "another change under a number taken in the same batch")
    r = K.push(ch)
    check(r == [str(ch[-1]["seq"])] and int(hub1(
        pg, hub, "SELECT count(*) FROM borne.changes")) == n0 + len(ch),
        "order: the whole batch again, its head already taken")
    p = K.sync()
    check(p.stdout.startswith("sent 0,"), "order: the sync sends nothing"
          " twice: " + p.stdout)
    L.sync()
    check(dump(K.db) == dump(L.db), "order: K and L converge")


def faked(db, sql, offset):
    """sql on db by a Python whose wall clock is `offset` off (libfaketime:
    SQLite's 'now', and so the triggers' clock, follows it)."""
    lib = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    e = dict(os.environ)
    if offset is not None:
        e.update({"LD_PRELOAD": lib[0], "FAKETIME": offset,
                  "FAKETIME_DONT_FAKE_MONOTONIC": "1"})
    subprocess.run([sys.executable, "-c", "import sqlite3, sys\n"
                    "c = sqlite3.connect(sys.argv[1])\n"
                    "c.executescript(sys.argv[2])\nc.commit()\n", db, sql],
                   check=True, env=e)


def clocks_skewed_by_hours(pg, top):
    """K's clock 5 hours fast, L's 5 hours slow, M's set back 8 hours
    after it ran ahead: the hub's order decides who wins, whatever the
    clocks said, and no kiosk's clock ever goes back."""
    if not glob.glob("/usr/lib/*/faketime/libfaketime.so.1"):
        msg = "faketime is not installed (scripts/deps.sh)"
        if os.environ.get("CI") == "true":
            check(False, msg)
        else:
            print("SKIP clocks skewed by hours: " + msg, flush=True)
        return
    hub = "hub_clocks"
    new_hub(pg, top, hub)
    K, L, M = (Kiosk(pg, top, hub, r) for r in ("clock_k", "clock_l",
                                                 "clock_m"))
    adm(K.db, "member", "add", "--name", "Hugo Horloge", "--role",
        "cooperator")
    for k in (K, L, M):
        k.join()
    for k in (K, L, M):
        k.sync()
    hugo = "UPDATE members SET name = '%s' WHERE name LIKE 'Hugo%%'"
    # Apart: K (5 h fast) then L (5 h slow) rename Hugo; L pushes last.
    faked(K.db, hugo % "Hugo K", "+5h")
    faked(L.db, hugo % "Hugo L", "-5h")
    k_hlc = q1(K.db, "SELECT max(hlc) FROM outbox")
    l_hlc = q1(L.db, "SELECT max(hlc) FROM outbox")
    check(l_hlc < k_hlc, "clocks: L's change is hours behind K's")
    K.sync()
    L.sync()
    K.sync()
    for k in (K, L):
        check(q1(k.db, "SELECT count(*) FROM members WHERE name = 'Hugo L'")
              == 1, "clocks: the last in hub order wins on %s, not the"
              " latest clock" % k.role)
    check(hub1(pg, hub, "SELECT count(*) FROM borne.audit WHERE action ="
                        " 'overwritten' AND detail->>'name' = 'Hugo K'")
          == "1", "clocks: K's version kept in the hub's audit")
    # L, 5 h slow, writes after it pulled K's changes: its clock follows.
    faked(L.db, hugo % "Hugo L2", "-5h")
    check(q1(L.db, "SELECT max(hlc) FROM outbox") > k_hlc,
          "clocks: the slow kiosk's clock moved past the fast one's")
    # M runs 8 hours ahead, then its wall clock is set back.
    faked(M.db, "UPDATE members SET active = 0 WHERE name LIKE 'Hugo%'",
          "+8h")
    faked(M.db, "UPDATE members SET active = 1 WHERE name LIKE 'Hugo%'",
          None)
    rows = q(M.db, "SELECT hlc, wall_ms FROM outbox ORDER BY seq")
    check(len(rows) == 2 and rows[1][1] < rows[0][1] - 7 * 3600000,
          "clocks: M's wall clock went back 8 hours")
    check(len(rows) == 2 and rows[1][0] > rows[0][0],
          "clocks: M's clock did not go back with it")
    for k in (L, M, K, L, M):
        k.sync()
    hlcs = pg.psql(hub, "hubowner", "SELECT hlc FROM borne.changes WHERE"
                   " kiosk_uuid = '%s' ORDER BY kiosk_seq" % M.uuid())
    check(hlcs == sorted(hlcs), "clocks: M's changes reach the hub in its"
          " order, clocks rising")
    for k in (L, M):
        check(dump(k.db) == dump(K.db), "clocks: %s converges" % k.role)
    # M's rows, pushed last, carry the name M had: the whole row wins.
    check(q1(K.db, "SELECT name || ' ' || active FROM members WHERE name"
                   " LIKE 'Hugo%'") == "Hugo Horloge 1", "clocks: the last"
          " write in hub order stands (M's)")


def hub_minutes(h):
    return round(float(h) * 60)


def report_minutes(hm):
    h, m = hm.split(":")
    return int(h) * 60 + int(m)


def report_csv(db, by, frm, to):
    """borne-admin's own report as rows of cells (header row dropped)."""
    p = subprocess.run([ADMIN, "--db", db, "--format", "csv", "report",
                        "attendance", "--from", frm, "--to", to, "--by", by],
                       capture_output=True, text=True)
    check(p.returncode == 0, "report attendance --by %s: %s" % (by, p.stderr))
    out = p.stdout
    rows = [l.rstrip("\r").split(",") for l in out.splitlines() if l]
    return rows[1:]


def reports_and_reader(pg, top):
    """The hub's report views give the kiosks' own figures (report
    attendance on a kiosk that pulled every site), and a coordinator's
    reader role reads those views and nothing else."""
    hub = "hub_reports"
    owner = new_hub(pg, top, hub)
    R1, R2 = Kiosk(pg, top, hub, "rep_entree"), Kiosk(pg, top, hub,
                                                      "rep_atelier")
    adm(R1.db, "member", "add", "--name", "Rita Rapport", "--role",
        "cooperator")
    adm(R2.db, "member", "add", "--name", "Sami Site", "--role", "coworker")
    R1.join()
    R2.join()
    for k in (R1, R2, R1):
        k.sync()
    # Visits on both sites, across a month's end (local dates, Paris).
    base = 1769770800               # 2026-01-30 12:00 +01:00
    for k, site, spans in ((R1, "entree", ((0, 90), (1, 45), (4, 120))),
                           (R2, "atelier", ((0, 30), (3, 240), (4, 15)))):
        rita = q1(k.db, "SELECT id FROM members WHERE name = 'Rita Rapport'")
        sami = q1(k.db, "SELECT id FROM members WHERE name = 'Sami Site'")
        c = sqlite3.connect(k.db)
        for i, (day, mins) in enumerate(spans):
            for mem in (rita, sami) if i != 1 else (rita,):
                t0 = base + day * 86400 + i * 600
                c.execute("INSERT INTO visits(uuid, member_id, badge, in_utc,"
                          " out_utc, kiosk_id) VALUES (lower(hex(randomblob("
                          "16))), ?, '', ?, ?, ?)", (mem, t0, t0 + mins * 60,
                                                      site))
        c.commit()
        c.close()
    for k in (R1, R2, R1):
        k.sync()
    check(dump(R1.db) == dump(R2.db), "reports: both kiosks hold every site")
    frm, to = "2026-01-01", "2026-02-28"
    mine = {r[0]: (int(r[1]), int(r[2]), report_minutes(r[3]))
            for r in report_csv(R2.db, "site", frm, to)}
    hubs = {r.split("|")[0]: (int(r.split("|")[1]), int(r.split("|")[2]),
                              hub_minutes(r.split("|")[3]))
            for r in pg.psql(hub, "hubowner", "SELECT site, members, visits,"
                             " hours FROM borne.hours_by_site")}
    check(len(mine) == 2 and mine == hubs, "reports: hours per site at the"
          " hub = the kiosk's report --by site: %s / %s" % (hubs, mine))
    mine = {r[1]: (int(r[3]), int(r[4]), report_minutes(r[5]))
            for r in report_csv(R1.db, "member", frm, to)}
    hubs = {r.split("|")[0]: (int(r.split("|")[1]), int(r.split("|")[2]),
                              hub_minutes(r.split("|")[3]))
            for r in pg.psql(hub, "hubowner", "SELECT name, days, visits,"
                             " hours FROM borne.hours_by_member")}
    check(len(mine) == 2 and mine == hubs, "reports: hours per member at the"
          " hub = the kiosk's report --by member: %s / %s" % (hubs, mine))
    for month, frm, to in (("2026-01", "2026-01-01", "2026-01-31"),
                           ("2026-02", "2026-02-01", "2026-02-28")):
        mine = {r[0]: (int(r[1]), int(r[2]), report_minutes(r[3]))
                for r in report_csv(R1.db, "site", frm, to)}
        hubs = {r.split("|")[0]: (int(r.split("|")[1]),
                                  int(r.split("|")[2]),
                                  hub_minutes(r.split("|")[3]))
                for r in pg.psql(hub, "hubowner", "SELECT site, members,"
                                 " visits, hours FROM borne.hours_by_month"
                                 " WHERE month = '%s'" % month)}
        check(mine and mine == hubs, "reports: %s per site at the hub ="
              " the kiosk's report of the month: %s / %s"
              % (month, hubs, mine))
    # The coordinator's role: the views, nothing else.
    adm(R1.db, "hub", "add-reader", "coordination", "--hub", owner)
    p = adm(R1.db, "hub", "add-reader", R2.role, "--hub", owner, ok=False)
    check(p.returncode == 2, "reports: a kiosk's role cannot be a reader")
    for v in ("hours_by_site", "hours_by_member", "hours_by_month",
              "visit_hours", "hours", "missions_by_status"):
        try:
            pg.psql(hub, "coordination", "SELECT count(*) FROM borne.%s" % v)
            check(True, "")
        except RuntimeError as e:
            check(False, "reports: the reader reads borne.%s: %s" % (v, e))
    ku = R1.uuid()
    for sql, what in (("SELECT count(*) FROM borne.rows", "read rows"),
                      ("SELECT count(*) FROM borne.changes", "read the log"),
                      ("SELECT count(*) FROM borne.kiosks", "read kiosks"),
                      ("SELECT borne.push('%s', 1, '[]')" % ku, "push"),
                      ("SELECT * FROM borne.pull('%s', 0, 1)" % ku, "pull"),
                      ("SELECT * FROM borne.handshake('%s')" % ku,
                       "shake hands"),
                      ("SELECT borne.add_reader('x', NULL)", "add a reader"),
                      ("CREATE TABLE borne.mine(i int)", "create a table")):
        try:
            pg.psql(hub, "coordination", sql)
            check(False, "reports: the reader may not " + what)
        except RuntimeError as e:
            check("denied" in str(e) or "read-only" in str(e),
                  "reports: the reader may not %s: %s" % (what, e))


def more_scenarios(pg, top):
    t = time.monotonic()
    for f in (takes_across_three, lost_acknowledgements, batches_out_of_order,
              clocks_skewed_by_hours, reports_and_reader):
        t0 = time.monotonic()
        f(pg, top)
        print("%s: %.1f s" % (f.__name__, time.monotonic() - t0), flush=True)
    print("figure: second slice's scenarios %.1f s" % (time.monotonic() - t),
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
