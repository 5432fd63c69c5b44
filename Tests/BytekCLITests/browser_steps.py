"""What the portal's browser scripts share: a headless chromium at phone size, exact viewports, waiting for the
next page after a click."""
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def start():
    """Debian's chromium, headless, 360 px wide, in Spanish (Peru)."""
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,780", "--lang=es-PE"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # CSP violations show in the console log
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    viewport(driver, 360, 780)
    return driver


def viewport(driver, width, height):
    """An exact viewport (a headless window cannot be narrower than 500 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def and_wait(driver, element, seconds=20):
    """Clicks and waits until the next page, fully loaded, replaced this one (marked in its window)."""
    driver.execute_script("window.paginaAnterior = 1")
    element.click()

    def new_page(d):
        try:
            return d.execute_script("return window.paginaAnterior === undefined && document.readyState === 'complete'")
        except WebDriverException:  # between two documents
            return False

    WebDriverWait(driver, seconds).until(new_page)
