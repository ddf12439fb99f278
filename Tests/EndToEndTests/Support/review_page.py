"""Drives a `tm align --review` page in headless Chromium, as a translator would use it.

    python3 review_page.py PAGE DOWNLOAD_FOLDER ACTION...

Actions, done in order (N is a row number as the page shows it, from 1):
    untick:N  tick:N      click the row's "Store" checkbox
    merge:N               click the row's "Merge" button
    split:N               click the row's "Split" button
    cut:N:id|en:first|last
                          click the scissors of the first or last sentence of a cell
    state                 record the rows (sentence numbers, ticked, confidence cell)
    screenshot:PATH       save a PNG of the whole page
    save                  click "Save decisions" and wait for the download

Prints JSON: {"states": [...], "saved": path or null, "resources": [URLs the page loaded],
"errors": [browser console errors]}. Exits 3 when Chromium, chromedriver or selenium is missing.
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

ROWS = """
return Array.from(document.querySelectorAll('tbody tr'), tr => ({
  id: Array.from(tr.querySelectorAll('td[lang="id"] .s'), s => Number(s.dataset.i)),
  en: Array.from(tr.querySelectorAll('td[lang="en"] .s'), s => Number(s.dataset.i)),
  keep: tr.querySelector('input.keep').hidden ? null : tr.querySelector('input.keep').checked,
  confidence: tr.querySelector('td.c').innerText.trim(),
  classes: tr.className,
}));
"""


def row(driver, number):
    return driver.find_element(By.CSS_SELECTOR, f"tbody tr:nth-child({number})")


def wait_for_download(folder, deadline_seconds=60):
    end = time.monotonic() + deadline_seconds
    while time.monotonic() < end:
        done = [name for name in os.listdir(folder) if name.endswith(".json")]
        if done:
            return os.path.join(folder, done[0])
        time.sleep(0.1)
    return None


def main():
    page, downloads, actions = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            print(f"{path} is missing", file=sys.stderr)
            sys.exit(3)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    result = {"states": [], "saved": None}
    try:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        driver.get("file://" + os.path.abspath(page))
        for action in actions:
            name, _, argument = action.partition(":")
            if name in ("untick", "tick"):
                box = row(driver, int(argument)).find_element(By.CSS_SELECTOR, "input.keep")
                if box.is_selected() != (name == "tick"):
                    box.click()
            elif name in ("merge", "split"):
                row(driver, int(argument)).find_element(By.CSS_SELECTOR, "button." + name).click()
            elif name == "cut":
                number, lang, end = argument.split(":")
                buttons = row(driver, int(number)).find_elements(By.CSS_SELECTOR, f'td[lang="{lang}"] button.cut')
                buttons[0 if end == "first" else -1].click()
            elif name == "state":
                result["states"].append(driver.execute_script(ROWS))
            elif name == "screenshot":
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(1280, max(900, height + 120))
                driver.save_screenshot(argument)
            elif name == "save":
                driver.find_element(By.ID, "save").click()
                result["saved"] = wait_for_download(downloads)
            else:
                raise SystemExit(f"unknown action {action}")
        result["resources"] = driver.execute_script(
            "return performance.getEntriesByType('resource').map(entry => entry.name)")
        result["errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    finally:
        driver.quit()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
