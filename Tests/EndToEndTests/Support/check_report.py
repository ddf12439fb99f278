"""Reads a `tm check --html` report in headless Chromium, as an editor would see it.

    python3 check_report.py PAGE CHECK

Prints JSON: the sections shown (check ids in order), the marked spans' texts, the summary line,
the sections visible after choosing CHECK in the filter, the URLs the page loaded besides itself,
and the browser's console errors. Exits 3 when selenium is missing.
"""
import json
import sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
except ImportError:
    print("selenium is not installed", file=sys.stderr)
    sys.exit(3)


def main():
    page, check = sys.argv[1], sys.argv[2]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get("file://" + page)
        visible = lambda: [s.get_attribute("data-check") for s in driver.find_elements(By.CSS_SELECTOR, "section.check") if s.is_displayed()]
        result = {
            "sections": visible(),
            "marks": [m.text for m in driver.find_elements(By.TAG_NAME, "mark")],
            "summary": driver.find_element(By.ID, "summary").text,
        }
        Select(driver.find_element(By.ID, "filter")).select_by_value(check)
        result["visibleAfterFilter"] = visible()
        loaded = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        result["resources"] = [url for url in loaded if not url.startswith("file://" + page)]
        result["errors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        print(json.dumps(result))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
