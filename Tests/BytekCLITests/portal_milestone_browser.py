"""Approves a project milestone in the portal, in Debian's chromium (headless, selenium).

Usage: /usr/bin/python3 portal_milestone_browser.py BASE_URL TOKEN CUSTOMER_ID PROJECT_CODE FILE_NAME FILE_TEXT DOWNLOAD_DIR
A contact sets a password and logs in; from the home opens Proyectos, then the project; downloads the deliverable
(the bytes are checked); approves the milestone and reads the confirmation. Prints one line per checked step; exits 1
at the first failure.
"""
import os
import sys
import time

from selenium.webdriver.common.by import By

import browser_steps as steps

base, token, customer, code, file_name, file_text, downloads = sys.argv[1:8]
PASSWORD = "ñandú-cóndor-2026"
driver = steps.start()


def text():
    return steps.text(driver)


def check(condition, what):
    if not condition:
        print("FALLO: " + what)
        print("--- página: " + driver.current_url + "\n" + text()[:1500])
        sys.exit(1)
    print("ok: " + what)


try:
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    driver.get(base + "/clave?t=" + token)
    driver.find_element(By.ID, "clave").send_keys(PASSWORD)
    driver.find_element(By.ID, "repetir").send_keys(PASSWORD)
    steps.and_wait(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/clave"] button[type=submit]'))
    driver.find_element(By.ID, "usuario").send_keys("ana@andina.pe")
    driver.find_element(By.ID, "clave").send_keys(PASSWORD)
    steps.and_wait(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/login"] button[type=submit]'))
    driver.get(base + "/c/" + customer)
    steps.and_wait(driver, driver.find_element(By.CSS_SELECTOR, 'a[href$="/proyectos"]'))
    check(code in text() and "Listo para aprobación" in text(), "Proyectos lists the project and the milestone waiting")
    steps.and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, code))
    check("Este hito espera su aprobación" in text() and file_name in text(), "the project page shows the deliverable")

    driver.find_element(By.PARTIAL_LINK_TEXT, file_name).click()
    target = os.path.join(downloads, file_name)
    deadline = time.time() + 15
    while time.time() < deadline and not os.path.exists(target):
        time.sleep(0.1)
    with open(target, encoding="utf-8") as f:
        check(f.read() == file_text, "the downloaded deliverable has the stored bytes")

    steps.and_wait(driver, driver.find_element(By.XPATH, '//button[contains(., "Aprobar el hito")]'))
    check("el hito quedó aprobado" in text() and "Aprobado por ana@andina.pe" in text(), "approved: the page says so")
    csp = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e.get("message", "")]
    check(not csp, "no Content-Security-Policy violation: " + "; ".join(csp[:3]))
finally:
    driver.quit()
