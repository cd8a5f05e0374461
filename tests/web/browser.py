#!/usr/bin/python3
"""browser.py -- borne-web in a real browser (Chromium, Selenium).

Usage: browser.py BORNE_WEB BORNE_ADMIN [SHOTS_DIR]

On a temporary database: every route refused without a session (303
/login, from `borne-web --routes`), sign in with a code from `borne-admin
web code`, approve a mission, import members (preview, then confirm), a
form posted without its CSRF token refused, sign out. Then screenshots of
every page at a laptop's and a phone's size into SHOTS_DIR (when given),
and figures: each page's weight (HTML + CSS + JS) and borne-web's memory
at rest (PSS). Exit 77 (skipped) when Chromium, chromedriver or Selenium
is missing; CI installs them (scripts/deps.sh)."""
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import webtest
from webtest import (ADMIN, CHROME, DRIVER, WEB, By, Service,  # noqa: F401
                     WebDriverWait, admin, check, free_port, submit,
                     webdriver)

SHOTS = sys.argv[3] if len(sys.argv) > 3 else None




class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


opener = urllib.request.build_opener(NoRedirect)


def fetch(base, method, path, cookie=None, data=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=urllib.parse.urlencode(data or {}).encode()
                                 if method == "POST" else None)
    if cookie:
        req.add_header("Cookie", cookie)
    try:
        with opener.open(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()





def pss_kib(pid):
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return -1


def main():
    tmp = tempfile.mkdtemp(prefix="borne-web-test-")
    db = os.path.join(tmp, "borne.db")
    env = dict(os.environ, TZ="Europe/Paris")
    admin(db, "member", "add", "--name", "Awa Diallo", "--role", "facilitator")
    admin(db, "member", "add", "--name", "Sam Petit", "--role", "coworker")
    admin(db, "mission", "add", "--poster", "2", "--title", "Tondre la pelouse",
          "--description", "Le jardin de devant", "--category", "jardin")
    os.makedirs(os.path.join(tmp, "backups"))
    admin(db, "backup", "--rotate", os.path.join(tmp, "backups"))
    conf = os.path.join(tmp, "borne.conf")
    with open(conf, "w") as f:
        f.write("web_backup_dir = %s\n" % os.path.join(tmp, "backups"))
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    server = subprocess.Popen([WEB, "--db", db, "--listen",
                               "127.0.0.1:%d" % port, "--config", conf],
                              env=env)
    driver = None
    try:
        for _ in range(100):
            try:
                fetch(base, "GET", "/login")
                break
            except OSError:
                time.sleep(0.05)
        # Every route that needs a session refuses without one.
        routes = subprocess.run([WEB, "--routes"], capture_output=True,
                                text=True, check=True).stdout.split("\n")
        n_refused = 0
        for line in filter(None, routes):
            method, path, needs = line.split()
            if needs != "1":
                continue
            if path.endswith("/") and path != "/":
                path += "x"
            status, headers, _ = fetch(base, method, path,
                                       data={"csrf": "x"})
            ok = status == 303 and headers.get("Location") == "/login"
            check(ok, "no session: %s %s -> %d %s" %
                  (method, path, status, headers.get("Location")))
            n_refused += ok
        check(n_refused >= 10, "%d routes checked" % n_refused)
        status, _, _ = fetch(base, "GET", "/nowhere")
        check(status == 404, "unknown path: 404")
        status, _, _ = fetch(base, "PUT", "/members")
        check(status == 405, "unknown method: 405")

        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROME
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
                  "--disable-dev-shm-usage", "--window-size=1280,800"):
            opts.add_argument(a)
        opts.add_experimental_option("prefs", {
            "download.default_directory": tmp})
        driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
        driver.set_page_load_timeout(20)
        driver.get(base + "/")
        check(driver.current_url.endswith("/login"), "/ sends to /login")

        # Signing in with a code made by borne-admin.
        code = admin(db, "web", "code").split("\n")[0]
        check(len(code.replace(" ", "")) == 8, "borne-admin web code: " + code)
        driver.find_element(By.ID, "code").send_keys("1111 1111")
        submit(driver, "form button.primary")
        check("faux" in driver.page_source, "a wrong code is said")
        driver.find_element(By.ID, "code").send_keys(code)
        submit(driver, "form button.primary")
        check(driver.find_element(By.TAG_NAME, "h1").text == "Tableau de bord",
              "signed in: the dashboard")
        check(driver.find_element(By.ID, "waiting").text == "1",
              "one mission waits")
        cookie = "; ".join("%s=%s" % (c["name"], c["value"])
                           for c in driver.get_cookies())
        session = [c for c in driver.get_cookies() if c["name"] == "borne_s"][0]
        check(session.get("httpOnly") and session.get("sameSite") == "Strict",
              "session cookie HttpOnly, SameSite=Strict")

        # A form posted without its CSRF token: refused, nothing added.
        status, _, _ = fetch(base, "POST", "/members", cookie,
                             {"action": "add", "name": "Forged",
                              "role": "coworker"})
        check(status == 403, "no CSRF token: 403")
        check("Forged" not in admin(db, "member", "list"), "nothing added")

        # Approving the mission.
        driver.get(base + "/missions")
        submit(driver, "#pending button.ok")
        check("enregistr" in driver.page_source, "approved")
        check("open" in admin(db, "mission", "list", "--status", "open"),
              "the mission is open")

        # Importing members: preview, then confirm.
        csv = os.path.join(tmp, "members.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("name,role,badge,minor\nNina Rossi,cooperator,04AA0001,1\n"
                    "Omar Benali,coworker,,0\n")
        driver.get(base + "/import")
        driver.find_element(By.ID, "csv").send_keys(csv)
        submit(driver, "#import button")
        check("2 membres seront ajoutés" in driver.page_source, "preview: 2")
        check("Nina Rossi" not in admin(db, "member", "list"),
              "nothing saved before confirming")
        shot_pages = {"import-preview": None}
        if SHOTS:
            os.makedirs(SHOTS, exist_ok=True)
            driver.save_screenshot(os.path.join(SHOTS, "import-preview-1280.png"))
        submit(driver, "#confirm button")
        check("2 membres ajoutés" in driver.page_source, "imported")
        check("Nina Rossi" in admin(db, "member", "list"), "Nina is a member")

        # Screenshots and weights of every page.
        pages = [("login", None), ("dashboard", "/"), ("members", "/members"),
                 ("member", "/member?id=3"), ("import", "/import"),
                 ("missions", "/missions"), ("journal", "/journal"),
                 ("backups", "/backups"), ("days", "/days"),
                 ("attendance", "/attendance"), ("report", "/report")]
        css = len(fetch(base, "GET", "/style.css")[2])
        print("page weight (HTML + CSS + JS, bytes; fonts apart):")
        for name, path in pages:
            if path is None:
                st, _, body = fetch(base, "GET", "/login")
            else:
                st, _, body = fetch(base, "GET", path, cookie)
            print("  %-10s %6d + %5d + 0 = %6d" % (name, len(body), css,
                                                  len(body) + css))
        if SHOTS:
            for w, h in ((1280, 800), (390, 844)):
                driver.set_window_size(w, h)
                for name, path in pages:
                    if path is None:
                        continue
                    driver.get(base + path)
                    driver.save_screenshot(os.path.join(
                        SHOTS, "%s-%d.png" % (name, w)))
            print("screenshots in", SHOTS)

        # Signing out.
        driver.set_window_size(1280, 800)
        driver.get(base + "/")
        submit(driver, ".who button.link")
        check(driver.current_url.endswith("/login"), "signed out")
        if SHOTS:
            for w, h in ((1280, 800), (390, 844)):
                driver.set_window_size(w, h)
                driver.get(base + "/login")
                driver.save_screenshot(os.path.join(SHOTS, "login-%d.png" % w))
        driver.get(base + "/members")
        check(driver.current_url.endswith("/login"), "the session is gone")
        status, _, _ = fetch(base, "GET", "/", cookie)
        check(status == 303, "its cookie opens nothing")
        time.sleep(0.5)
        print("borne-web PSS at rest: %d KiB" % pss_kib(server.pid))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(30)
        shutil.rmtree(tmp, ignore_errors=True)
    # SIGTERM ends it cleanly (under the sanitizers: no leak, no error).
    check(server.returncode == 0, "borne-web stops with 0 on SIGTERM (%s)" %
          server.returncode)
    print("%s: %d failed" % ("FAIL" if webtest.failures else "PASS",
                              webtest.failures))
    return 1 if webtest.failures else 0


sys.exit(main())
