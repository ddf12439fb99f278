"""Uses the editors' page of a running `tm serve` in headless Chromium, as an editor would.

    python3 editors_page.py URL TOKEN FUZZY_QUERY CONCORDANCE_QUERY SCREENSHOT

Opens URL, types the token, looks up FUZZY_QUERY (a sentence) and then CONCORDANCE_QUERY (a
phrase), and prints JSON: {"matches": [{"score", "source", "target"}], "hits": [{"context",
"translation"}], "status": text of the status line, "resources": URLs the page loaded, "errors":
browser console errors}. Saves a PNG of the page after the second lookup. Exits 3 when Chromium,
chromedriver or selenium is missing.
"""
import json
import os
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    print("selenium is not installed", file=sys.stderr)
    sys.exit(3)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def wait_for(driver, selector, seconds=20):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        found = driver.find_elements(By.CSS_SELECTOR, selector)
        if found:
            return found
        if driver.find_element(By.ID, "status").text.strip():
            return []
        time.sleep(0.05)
    return []


def look_up(driver, text):
    box = driver.find_element(By.ID, "query")
    box.clear()
    box.send_keys(text)
    driver.find_element(By.ID, "go").click()


def main():
    url, token, fuzzy, phrase, screenshot = sys.argv[1:6]
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            print(f"{path} is missing", file=sys.stderr)
            sys.exit(3)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    result = {}
    try:
        driver.get(url)
        driver.find_element(By.ID, "token").send_keys(token)
        look_up(driver, fuzzy)
        rows = wait_for(driver, "#matches tr.match")
        result["matches"] = [{"score": r.find_element(By.CSS_SELECTOR, "td.score").text,
                              "source": r.find_element(By.CSS_SELECTOR, "td.source").text,
                              "target": r.find_element(By.CSS_SELECTOR, "td.target").text} for r in rows]
        look_up(driver, phrase)
        hits = wait_for(driver, "#concordance tr.hit")
        result["hits"] = [{"context": h.find_elements(By.TAG_NAME, "td")[0].text,
                           "marked": h.find_element(By.TAG_NAME, "mark").text,
                           "translation": h.find_elements(By.TAG_NAME, "td")[1].text} for h in hits]
        result["status"] = driver.find_element(By.ID, "status").text
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, max(900, height + 120))
        driver.save_screenshot(screenshot)
        result["resources"] = driver.execute_script(
            "return performance.getEntriesByType('resource').map(entry => entry.name)")
        result["errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    finally:
        driver.quit()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
