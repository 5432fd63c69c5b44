"""Drives the portal in Debian's chromium (headless, through chromedriver and selenium), as a person would.

Usage: /usr/bin/python3 portal_browser.py BASE_URL TOKEN_ANA OTHER_CUSTOMER_PATH OWN_CUSTOMER_PATH SCREENSHOT_DIR
Prints one line per checked step; exits 1 at the first failure (the line says what was expected).
"""
import sys
import time

from selenium.webdriver.common.by import By

import browser_steps as steps

base, token, other_path, own_path, shots = sys.argv[1:6]
PASSWORD = "ñandú-cóndor-2026"


def viewport(width, height):
    steps.viewport(driver, width, height)


def check(condition, what):
    if not condition:
        print("FALLO: " + what)
        sys.exit(1)
    print("ok: " + what)


driver = steps.start()
try:
    def text():
        return steps.text(driver)

    def and_wait(element):
        steps.and_wait(driver, element, 15)

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
