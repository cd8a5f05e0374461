#!/usr/bin/python3
"""browser_days.py -- borne-web's Journées, Présences and Rapport pages in
a real browser (Chromium, Selenium).

Usage: browser_days.py BORNE_WEB BORNE_ADMIN

On a temporary database where two members came yesterday (one forgot to
check out): sign in with a code from `borne-admin web code`, plan a
weekly season with a date skipped, a plan with a bad end date given back
with the field marked, fix the forgotten check-out, download the
attendance CSV (BOM, formula-safe, the fix flagged) and the report's PDF
(its text through pdftotext when installed), and the report page's
figures and chart. Exit 77 (skipped) without Chromium, chromedriver or
Selenium."""
import datetime
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import webtest
from webtest import (ADMIN, CHROME, DRIVER, WEB, By, Service,  # noqa: F401
                     WebDriverWait, admin, check, free_port, submit,
                     webdriver)





def fetch(base, path, cookie):
    req = urllib.request.Request(base + path)
    req.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()




def set_value(driver, css, value):
    """Date and time inputs read typed keys in the browser's locale: the
    value is set as the form sends it."""
    el = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].value = arguments[1]", el, value)



def main():
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    tmp = tempfile.mkdtemp(prefix="borne-web-days-")
    db = os.path.join(tmp, "borne.db")
    day = datetime.date.today() - datetime.timedelta(days=1)
    d0 = day.isoformat()
    until = (day + datetime.timedelta(days=28)).isoformat()
    skip = (day + datetime.timedelta(days=14)).isoformat()
    admin(db, "member", "add", "--name", "Awa Diallo", "--role", "facilitator")
    admin(db, "member", "add", "--name", "Zoé Martin", "--role", "cooperator",
          "--badge", "04A1B2C3", "--minor")
    admin(db, "member", "add", "--name", "=SUM(A1)", "--role", "cooperator",
          "--badge", "04112233")
    admin(db, "tap", "04A1B2C3", "--at", d0 + "T09:00")      # never left
    admin(db, "tap", "04112233", "--at", d0 + "T10:00")
    admin(db, "tap", "04112233", "--at", d0 + "T12:00")
    port = free_port()
    base = "http://127.0.0.1:%d" % port
    server = subprocess.Popen([WEB, "--db", db, "--listen",
                               "127.0.0.1:%d" % port])
    driver = None
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login", timeout=2).read()
                break
            except OSError:
                time.sleep(0.05)
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROME
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
                  "--disable-dev-shm-usage", "--window-size=1280,800"):
            opts.add_argument(a)
        driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
        driver.set_page_load_timeout(20)
        driver.get(base + "/login")
        code = admin(db, "web", "code", "--for", "1").split("\n")[0]
        driver.find_element(By.ID, "code").send_keys(code)
        submit(driver, "form button.primary")
        cookie = "; ".join("%s=%s" % (c["name"], c["value"])
                           for c in driver.get_cookies())

        # Plan a season: first a bad end date, given back and marked.
        driver.get(base + "/days")
        set_value(driver, "#first", d0)
        set_value(driver, "#until", "2020-01-01")
        set_value(driver, "#open", "08:00")
        set_value(driver, "#close", "18:00")
        submit(driver, "#plan button.primary")
        until_el = driver.find_element(By.ID, "until")
        check(until_el.get_attribute("aria-invalid") == "true",
              "a bad end date: the field is marked")
        check("date de fin" in driver.page_source, "a bad end date: named")
        check(admin(db, "day", "list").count("\n") <= 1, "nothing planned")
        set_value(driver, "#until", until)
        driver.find_element(By.ID, "skip").send_keys(skip)
        submit(driver, "#plan button.primary")
        check("Saison planifiée : 4 journées." in driver.page_source,
              "season planned: 5 weeks, one skipped")
        days = admin(db, "--format", "csv", "day", "list")
        check(d0 in days and skip not in days and until in days,
              "the days of the season, the holiday skipped")

        # Fix the forgotten check-out.
        driver.get(base + "/attendance?date=" + d0)
        row = driver.find_element(By.XPATH,
                                  "//tr[td[contains(., 'Zoé Martin')]]")
        check("départ oublié" in row.text, "the forgotten check-out is shown")
        vid = row.get_attribute("id")
        set_value(driver, "#%s input[name=out]" % vid, "12:30")
        submit(driver, "#%s form.fix button" % vid)
        check("Passage corrigé" in driver.page_source, "check-out fixed")
        row = driver.find_element(By.ID, vid)
        check("corrigé" in row.text and "12:30" in row.text,
              "the visit says it was corrected")
        con = sqlite3.connect(db)
        n_fix, = con.execute("SELECT count(*) FROM visit_fixes v JOIN visits"
                             " x ON x.id = v.visit_id WHERE x.corrected = 1"
                             " AND v.old_auto_closed = 1").fetchone()
        n_audit, = con.execute("SELECT count(*) FROM audit WHERE action ="
                               " 'visit.fix' AND actor_id = 1").fetchone()
        con.close()
        check(n_fix == 1 and n_audit == 1,
              "the door's times kept, the fix audited with her name")

        # The attendance CSV of the period.
        status, headers, body = fetch(base, "/attendance.csv?from=%s&to=%s"
                                      % (d0, until), cookie)
        text = body.decode("utf-8")
        check(status == 200 and "attachment" in
              headers.get("Content-Disposition", ""), "CSV downloaded")
        check(text.startswith("\ufeffid,member_id,name,"), "CSV: BOM, header")
        check("\"'=SUM(A1)\"" in text, "CSV: a formula is text")
        check(",Zoé Martin,%s,09:00,12:30,3:30,corrected," % d0 in text,
              "CSV: the fixed visit, flagged")

        # The report: page, chart, PDF.
        driver.get(base + "/report?from=%s&to=%s" % (d0, until))
        check(driver.find_element(By.ID, "hours-total").text == "5 h 30",
              "report: 5 h 30 in total")
        check(driver.find_element(By.ID, "minors").text == "1",
              "report: one under-18")
        if os.path.exists("/usr/share/javascript/chart.js/chart.min.js"):
            drawn = driver.execute_script(
                "var c = document.getElementById('hours-chart');"
                "return typeof Chart === 'function' && c && !c.hidden &&"
                " Chart.getChart(c) !== undefined;")
            check(drawn, "report: the chart is drawn by Debian's Chart.js")
        status, headers, body = fetch(base, "/report.pdf?from=%s&to=%s"
                                      % (d0, until), cookie)
        check(status == 200 and body.startswith(b"%PDF-"), "PDF downloaded")
        if shutil.which("pdftotext"):
            pdf = os.path.join(tmp, "report.pdf")
            with open(pdf, "wb") as f:
                f.write(body)
            txt = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"],
                                 capture_output=True, text=True).stdout
            check("Rapport d'activité" in txt and "5 h 30" in txt and
                  "Du %s au %s" % (d0, until) in txt,
                  "PDF: the title, the period, the hours")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failed" % webtest.failures)
    return 1 if webtest.failures else 0


if __name__ == "__main__":
    sys.exit(main())
