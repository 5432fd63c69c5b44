"""Pays in the portal with the gateway emulator's embedded form, in Debian's chromium (headless, selenium).

Usage: /usr/bin/python3 portal_pay_browser.py BASE_URL TOKEN CUSTOMER_ID FIRST_DOC SECOND_DOC SCREENSHOT_DIR
A contact sets a password and logs in; opens Pagar; pays FIRST_DOC with an accepted test card and sees it settled
on the result page and in the estado de cuenta; tries SECOND_DOC with a refused card and reads the reason in
Spanish; saves a card and removes it. Prints one line per checked step; exits 1 at the first failure.
"""
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import browser_steps as steps

base, token, customer, first_doc, second_doc, shots = sys.argv[1:7]
PASSWORD = "ñandú-cóndor-2026"
home = base + "/c/" + customer


def check(condition, what):
    if not condition:
        print("FALLO: " + what)
        print("--- página: " + driver.current_url + "\n" + text()[:1500])
        sys.exit(1)
    print("ok: " + what)


def viewport(width, height):
    steps.viewport(driver, width, height)


def text():
    return steps.text(driver)


def and_wait(element):
    steps.and_wait(driver, element)


def shoot(name):
    """The page at phone width (the whole page) and at desktop width."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    viewport(360, max(780, min(height, 2400)))
    driver.save_screenshot("%s/%s-360.png" % (shots, name))
    check(driver.execute_script("return document.documentElement.scrollWidth") <= 360, name + ": nothing wider than a phone")
    viewport(1280, 900)
    driver.save_screenshot("%s/%s-1280.png" % (shots, name))
    viewport(360, 780)


def card_form(selector_prefix, number, expiry="12/30", cvv="123", email=None):
    """Types a card into the gateway's embedded form once its script drew it."""
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector_prefix["pan"]))
    driver.find_element(By.CSS_SELECTOR, selector_prefix["pan"]).send_keys(number)
    driver.find_element(By.CSS_SELECTOR, selector_prefix["expiry"]).send_keys(expiry)
    driver.find_element(By.CSS_SELECTOR, selector_prefix["cvv"]).send_keys(cvv)
    if email and selector_prefix.get("email"):
        driver.find_element(By.CSS_SELECTOR, selector_prefix["email"]).send_keys(email)


IZIPAY = {"pan": ".kr-embedded .kr-pan", "expiry": ".kr-embedded .kr-expiry",
          "cvv": ".kr-embedded .kr-security-code", "button": ".kr-payment-button", "error": ".kr-form-error"}

driver = steps.start()
csp_errors = []
try:
    driver.get(base + "/clave?t=" + token)
    driver.find_element(By.ID, "clave").send_keys(PASSWORD)
    driver.find_element(By.ID, "repetir").send_keys(PASSWORD)
    and_wait(driver.find_element(By.CSS_SELECTOR, 'form[action="/clave"] button[type=submit]'))
    driver.find_element(By.ID, "usuario").send_keys("ana@andina.pe")
    driver.find_element(By.ID, "clave").send_keys(PASSWORD)
    and_wait(driver.find_element(By.CSS_SELECTOR, 'form[action="/login"] button[type=submit]'))
    driver.get(home)
    check("Pagar" in text() and "Tarjetas" in text(), "the contact's home links to Pagar and Tarjetas")

    # Pagar: the open invoices, only the part a card may pay.
    and_wait(driver.find_element(By.CSS_SELECTOR, 'nav.secciones a[href$="/pagar"]'))
    check(first_doc in text() and second_doc in text(), "Pagar lists both open invoices")
    check("Banco de la Nación" in text(), "the page says the detracción is deposited at Banco de la Nación")
    shoot("pagar")
    driver.find_element(By.XPATH, '//li[contains(., "%s")]//input[@type="checkbox"]' % first_doc).click()
    and_wait(driver.find_element(By.XPATH, '//button[contains(., "Pagar ahora")]'))
    check("Datos de la tarjeta" in text() and first_doc in text(), "the pay page shows what is paid and the card form")
    card_form(IZIPAY, "4970100000000055")
    shoot("tarjeta")
    and_wait(driver.find_element(By.CSS_SELECTOR, IZIPAY["button"]))
    check("Pago aprobado" in text() and first_doc in text(), "accepted card: the result page says the payment was approved")
    shoot("pago-aprobado")

    and_wait(driver.find_element(By.CSS_SELECTOR, 'nav.secciones a[href$="/cuenta"]'))
    check("Pago (tarjeta)" in text(), "the estado de cuenta shows the card payment")
    shoot("cuenta")

    # A refused card: the reason in Spanish, and another try offered.
    driver.get(home + "/pagar")
    check(first_doc not in text(), "the paid invoice is no longer offered")
    driver.find_element(By.XPATH, '//li[contains(., "%s")]//input[@type="checkbox"]' % second_doc).click()
    and_wait(driver.find_element(By.XPATH, '//button[contains(., "Pagar ahora")]'))
    card_form(IZIPAY, "4970100000000113")
    and_wait(driver.find_element(By.CSS_SELECTOR, IZIPAY["button"]))
    check("rechaz" in text().lower() and "otra tarjeta" in text().lower(), "refused card: the reason and «intentar con otra tarjeta»")
    shoot("pago-rechazado")

    # Save a card without paying, then remove it.
    driver.get(home + "/tarjetas")
    and_wait(driver.find_element(By.XPATH, '//button[contains(., "Guardar tarjeta")]'))
    card_form(IZIPAY, "5970100300000067", expiry="11/31")
    and_wait(driver.find_element(By.CSS_SELECTOR, IZIPAY["button"]))
    driver.get(home + "/tarjetas")
    check("0067" in text(), "the saved card is listed (last 4)")
    shoot("tarjetas")
    and_wait(driver.find_element(By.XPATH, '//li[contains(., "0067")]//a[contains(., "Quitar")]'))
    check("¿Quitar" in text(), "removing asks for confirmation")
    and_wait(driver.find_element(By.XPATH, '//button[contains(., "Sí, quitar")]'))
    check("0067" not in text() or "quitada" in text().lower(), "the card is removed")

    for entry in driver.get_log("browser"):
        if "Content Security Policy" in entry.get("message", ""):
            csp_errors.append(entry["message"])
    check(not csp_errors, "no Content-Security-Policy violation: " + "; ".join(csp_errors[:3]))
finally:
    driver.quit()
