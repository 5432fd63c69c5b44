"""Drives the portal in Debian's chromium (headless, through chromedriver and selenium), as a person would.

Usage: /usr/bin/python3 portal_browser.py BASE_URL TOKEN_ANA OTHER_CUSTOMER_PATH OWN_CUSTOMER_PATH SCREENSHOT_DIR
Prints one line per checked step; exits 1 at the first failure (the line says what was expected).
"""
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

base, token, other_path, own_path, shots = sys.argv[1:6]
PASSWORD = "ñandú-cóndor-2026"


def viewport(width, height):
    """An exact viewport (a headless window cannot be narrower than 500 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def check(condition, what):
    if not condition:
        print("FALLO: " + what)
        sys.exit(1)
    print("ok: " + what)


options = webdriver.ChromeOptions()
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,780", "--lang=es-PE"):
    options.add_argument(arg)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)
viewport(360, 780)
try:
    def text():
        return driver.find_element(By.TAG_NAME, "body").text

    def and_wait(element):
        """Clicks and waits until the next page, fully loaded, replaced this one (marked in its window)."""
        driver.execute_script("window.paginaAnterior = 1")
        element.click()

        def new_page(d):
            try:
                return d.execute_script(
                    "return window.paginaAnterior === undefined && document.readyState === 'complete'")
            except WebDriverException:  # between two documents
                return False

        WebDriverWait(driver, 15).until(new_page)

    def submit(form_action):
        and_wait(driver.find_element(By.CSS_SELECTOR, 'form[action="%s"] button[type=submit]' % form_action))

    # The invitation link: set a password.
    driver.get(base + "/clave?t=" + token)
    check("Crear contraseña" in text() and "ana@andina.pe" in text(), "the link opens the set-password page")
    driver.find_element(By.ID, "clave").send_keys(PASSWORD)
    driver.find_element(By.ID, "repetir").send_keys(PASSWORD)
    submit("/clave")
    check("Contraseña guardada" in text(), "password saved, back at the login form")
    driver.save_screenshot(shots + "/login-360.png")

    # A wrong password, then the right one.
    driver.find_element(By.ID, "usuario").send_keys("ana@andina.pe")
    driver.find_element(By.ID, "clave").send_keys("no-es-la-clave")
    submit("/login")
    check("incorrectos" in text(), "a wrong password is refused")
    driver.find_element(By.ID, "clave").send_keys(PASSWORD)
    submit("/login")
    check("Elija la empresa" in text(), "logged in: pick one of two companies")
    cookie = driver.get_cookie("bytek_sesion")
    check(cookie is not None and cookie.get("httpOnly") and cookie.get("sameSite") == "Lax",
          "the session cookie is HttpOnly and SameSite=Lax")

    and_wait(driver.find_element(By.PARTIAL_LINK_TEXT, "Andina"))
    check("Sus documentos" in text() and "Gerente" in text(), "the contact's home of Andina")
    driver.save_screenshot(shots + "/home-360.png")
    check(driver.execute_script("return document.documentElement.scrollWidth") <= 360,
          "nothing wider than a 360-px phone")
    viewport(1280, 800)
    driver.save_screenshot(shots + "/home-1280.png")
    viewport(360, 780)

    and_wait(driver.find_element(By.LINK_TEXT, "Beta Ingeniería S.A."))
    check("Contadora externa" in text(), "switching company is one click")

    driver.get(base + other_path)
    check("No encontrado" in text() and "Gamma" not in text(), "another customer's page by id: no encontrado")

    # A form whose CSRF token was removed is refused.
    driver.get(base + own_path)
    driver.execute_script("document.querySelector('form[action=\"/salir\"] input[name=csrf]').remove()")
    submit("/salir")
    check("Solicitud rechazada" in text(), "a form without its CSRF token is refused")

    driver.get(base + own_path)
    submit("/salir")
    check("Ingresar" in text() and driver.get_cookie("bytek_sesion") is None, "logged out, back at the login form")
    driver.get(base + own_path)
    check("Ingresar" in text() and "Sus documentos" not in text(), "after logout the home is closed")
finally:
    driver.quit()
