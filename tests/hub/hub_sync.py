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
BORNE_LONG=1 pushes and pulls 10,000 check-ins instead of 1,000.
"""
import glob
import json
import os
import pwd
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
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
        self.port = str(random.randint(20000, 60000))
        self.user = None
        if os.getuid() == 0:
            self.user = "nobody"
            pw = pwd.getpwnam(self.user)
            os.chmod(top, 0o755)
            for d in (self.dir, self.sock):
                os.chown(d, pw.pw_uid, pw.pw_gid)
        self.run([os.path.join(self.bin, "initdb"), "-D", self.dir + "/data",
                  "-A", "trust", "-U", "hubowner", "--no-sync"])
        self.run([os.path.join(self.bin, "pg_ctl"), "-D", self.dir + "/data",
                  "-l", self.dir + "/log", "-w", "-o",
                  "-k %s -p %s -h '' -F" % (self.sock, self.port), "start"])
        self.psql("postgres", "hubowner", "CREATE DATABASE hub")

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
    finally:
        if pg is not None:
            pg.stop()
        shutil.rmtree(top, ignore_errors=True)
    print("%d passed, %d failed" % (passes, fails))
    return 1 if fails else 0


def sync(db, pg, role, env=None, ok=True):
    return adm(db, "sync", "--hub", pg.url(role), env=env, ok=ok)


def scenarios(pg, top):
    owner = pg.url("hubowner")
    A = os.path.join(top, "a.db")
    B = os.path.join(top, "b.db")
    t = time.monotonic()

    # ---- the hub, made twice: the second changes nothing --------------
    adm(A, "hub", "init", owner)
    adm(A, "hub", "init", owner)
    check(pg.one("SELECT version FROM borne.meta") == "1", "hub version")

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
    n = 10000 if os.environ.get("BORNE_LONG") == "1" else 1000
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

    # ---- a change of a newer borne: the rest waits for the update -------
    pg.psql("hub", "hubowner",
            "INSERT INTO borne.changes(hub_seq, kiosk_uuid, incarnation,"
            " kiosk_seq, tbl, row_uuid, op, payload, hlc, schema_version)"
            " SELECT seq + 1, '%s', 1, 0, 'members', 'x', 'insert', '{}',"
            " '', 999 FROM borne.meta; UPDATE borne.meta SET seq = seq + 1"
            % ua)
    before = q1(D, "SELECT pulled_seq FROM sync_state")
    p = sync(D, pg, "kiosk_d")
    check("mise à jour requise" in p.stdout, "D says it needs the update: "
          + p.stdout)
    check(q1(D, "SELECT pulled_seq FROM sync_state") == before,
          "D does not pull past what it cannot read")

    print("figure: whole run %.1f s" % (time.monotonic() - t), flush=True)


if __name__ == "__main__":
    sys.exit(main())
