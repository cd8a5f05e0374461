"""webtest.py -- what the browser tests of borne-web share (browser.py,
browser_days.py): exit 77 (skipped) without Selenium, Chromium or
chromedriver; the command line (BORNE_WEB BORNE_ADMIN ...); ok/FAIL
lines counted in webtest.failures; borne-admin on a database; a form
sent and its next page waited for; a free port."""
import shutil
import socket
import subprocess
import sys

try:
    from selenium.common.exceptions import (StaleElementReferenceException,
                                            WebDriverException)
    from selenium import webdriver  # noqa: F401 (for the scripts)
    from selenium.webdriver.chrome.service import Service  # noqa: F401
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("SKIP: python3-selenium is not installed")
    sys.exit(77)

CHROME = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not CHROME or not DRIVER:
    print("SKIP: chromium or chromium-driver is not installed")
    sys.exit(77)

WEB, ADMIN = sys.argv[1], sys.argv[2]
failures = 0


def check(cond, what):
    global failures
    if cond:
        print("ok  ", what)
    else:
        failures += 1
        print("FAIL", what)


def admin(db, *args):
    out = subprocess.run([ADMIN, "--db", db, *args], check=True,
                         capture_output=True, text=True)
    return out.stdout


def submit(driver, css):
    """Clicks a form's button and waits for the page it brings."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()
    WebDriverWait(driver, 20).until(gone(old))


def gone(old):
    """Like EC.staleness_of, but chromedriver may also answer "Node with
    given id does not belong to the document" for a page just replaced:
    that is gone too."""
    def check_gone(_driver):
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise
    return check_gone


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
