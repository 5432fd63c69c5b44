"""Tests of the Izipay and Niubiz emulators: each is started once on port 0 as a subprocess and reset before
every test. Run: python3 -m unittest discover -s Tests/GatewayEmulators"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import socket
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent


class EmulatorCase(unittest.TestCase):
    script = ""
    args: list = []

    @classmethod
    def setUpClass(cls):
        cls.proc = subprocess.Popen([sys.executable, str(HERE / cls.script), "--port", "0"] + cls.args,
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = cls.proc.stdout.readline().strip()
        if not line.startswith("LISTENING "):
            cls.proc.kill()
            raise RuntimeError("el emulador no arrancó: %r" % line)
        cls.port = int(line.split()[1])
        cls.base = "http://127.0.0.1:%d" % cls.port

    @classmethod
    def tearDownClass(cls):
        cls.proc.kill()
        cls.proc.wait()
        cls.proc.stdout.close()

    def setUp(self):
        self.call("POST", "/_emulador/reiniciar", {})

    def call(self, method, path, body=None, headers=None, timeout=5.0, raw=False):
        """(status, parsed JSON or text)."""
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                status, text = resp.status, resp.read().decode()
        except urllib.error.HTTPError as e:
            status, text = e.code, e.read().decode()
        if raw:
            return status, text
        try:
            return status, json.loads(text)
        except ValueError:
            return status, text

    def charges(self, order=None):
        _, c = self.call("GET", "/_emulador/cargos")
        return c["total"] if order is None else c["por_orden"].get(order, 0)

    def card(self, number, expiry="12/30"):
        return self.call("POST", "/_emulador/tarjeta", {"numero": number, "vencimiento": expiry})[1]["token"]


class IzipayEmulatorTests(EmulatorCase):
    script = "izipay_emulator.py"
    auth = "Basic " + base64.b64encode(b"33148340:testpassword_BYTEKemulador0001").decode()

    def api(self, service, body, timeout=5.0, auth=None):
        return self.call("POST", "/api-payment/V4/" + service, body,
                         {"Authorization": auth or self.auth, "Content-Type": "application/json"}, timeout)

    def silent(self, order, token, amount=1000):
        return self.api("Charge/CreatePayment", {"amount": amount, "currency": "PEN", "orderId": order,
                                                 "formAction": "SILENT", "paymentMethodToken": token})

    def test_envelope_credentials_and_validation(self):
        status, env = self.api("Order/Get", {"orderId": "X"}, auth="Basic " + base64.b64encode(b"33148340:otra").decode())
        self.assertEqual((status, env["status"], env["answer"]["errorCode"]), (401, "ERROR", "INT_905"))
        for amount in (10.5, 0, -1, "100", True):
            status, env = self.api("Charge/CreatePayment", {"amount": amount, "currency": "PEN", "orderId": "A"})
            self.assertEqual((status, env["status"], env["answer"]["errorCode"]), (200, "ERROR", "INT_902"), amount)
        status, env = self.api("Order/Get", {"orderId": "NADA"})
        self.assertEqual((env["_type"], env["status"], env["answer"]["errorCode"]),
                         ("V4/WebService/Response", "ERROR", "PSP_010"))

    def test_silent_charge_paid_refused_expired(self):
        ok, refused, old = self.card("4970100000000055"), self.card("4970100000000113"), self.card("4970100000000055", "02/21")
        _, env = self.silent("O-1", ok, 11850)
        p = env["answer"]
        self.assertEqual((env["status"], p["_type"], p["orderStatus"]), ("SUCCESS", "V4/Payment", "PAID"))
        paid = p["transactions"][0]
        self.assertEqual((paid["amount"], paid["status"], paid["paymentMethodToken"]), (11850, "PAID", ok))
        self.assertEqual(paid["transactionDetails"]["cardDetails"]["pan"], "497010XXXXXX0055")
        _, env = self.silent("O-2", refused)
        tx = env["answer"]["transactions"][0]
        self.assertEqual((env["answer"]["orderStatus"], tx["errorCode"], tx["detailedErrorCode"]), ("UNPAID", "ACQ_001", "05"))
        _, env = self.silent("O-3", old)
        self.assertEqual(env["answer"]["transactions"][0]["detailedErrorCode"], "54")
        self.assertEqual((self.charges(), self.charges("O-1")), (1, 1))
        _, env = self.api("Order/Get", {"orderId": "O-1"})
        self.assertEqual((env["answer"]["orderStatus"], env["answer"]["transactions"][0]["uuid"]), ("PAID", paid["uuid"]))

    def test_same_order_id_is_charged_again_like_lyra(self):
        ok = self.card("5970100300000067")
        self.silent("DUP", ok)
        self.silent("DUP", ok)
        self.assertEqual(self.charges("DUP"), 2)
        _, env = self.api("Order/Get", {"orderId": "DUP"})
        self.assertEqual(len(env["answer"]["transactions"]), 2)

    def test_faults_per_order_and_global(self):
        ok = self.card("4970100000000055")
        self.call("POST", "/_emulador/falla", {"tipo": "rechazo", "orden": "F-1", "codigo": "51"})
        self.assertEqual(self.silent("F-2", ok)[1]["answer"]["orderStatus"], "PAID")
        self.assertEqual(self.silent("F-1", ok)[1]["answer"]["transactions"][0]["detailedErrorCode"], "51")
        self.assertEqual(self.silent("F-1", ok)[1]["answer"]["orderStatus"], "PAID")  # used up
        self.call("POST", "/_emulador/falla", {"tipo": "vencida", "veces": 0})
        for order in ("G-1", "G-2"):
            self.assertEqual(self.silent(order, ok)[1]["answer"]["transactions"][0]["detailedErrorCode"], "54")
        self.call("POST", "/_emulador/falla", {"tipo": "ninguna"})
        self.assertEqual(self.silent("G-3", ok)[1]["answer"]["orderStatus"], "PAID")
        status, text = self.call("POST", "/_emulador/falla", {"tipo": "inventada"})
        self.assertEqual(status, 400)

    def test_5xx_timeout_and_cut(self):
        ok = self.card("4970100000000055")
        self.call("POST", "/_emulador/falla", {"tipo": "5xx", "orden": "E-1", "estado": 502})
        self.assertEqual(self.silent("E-1", ok)[0], 502)
        self.assertEqual(self.charges("E-1"), 0)
        self.call("POST", "/_emulador/falla", {"tipo": "timeout", "orden": "T-1", "segundos": 1.5})
        with self.assertRaises((socket.timeout, TimeoutError, urllib.error.URLError)):
            self.api("Charge/CreatePayment", {"amount": 100, "currency": "PEN", "orderId": "T-1", "formAction": "SILENT",
                                              "paymentMethodToken": ok}, timeout=0.5)
        self.assertEqual(self.charges("T-1"), 1)
        self.call("POST", "/_emulador/falla", {"tipo": "corte", "orden": "C-1"})
        with self.assertRaises((http.client.RemoteDisconnected, ConnectionError, urllib.error.URLError)):
            self.silent("C-1", ok)
        self.assertEqual(self.charges("C-1"), 1)

    def pay_form(self, order, action="REGISTER_PAY", card="4970100000000055"):
        _, env = self.api("Charge/CreatePayment", {"amount": 5000, "currency": "PEN", "orderId": order,
                                                   "formAction": action, "customer": {"email": "a@b.pe"},
                                                   "ipnTargetUrl": self.base + "/_emulador/buzon"})
        token = env["answer"]["formToken"]
        status, answer = self.call("POST", "/_krypton/pay", {
            "publicKey": "33148340:testpublickey_BYTEKemulador0001", "formToken": token, "numero": card,
            "vencimiento": "12/30", "cvv": "123"})
        return token, status, answer

    def mailbox(self, count, wait=2.0):
        end = time.time() + wait
        while True:
            box = self.call("GET", "/_emulador/buzon")[1]
            if len(box) >= count or time.time() > end:
                return box
            time.sleep(0.05)

    @staticmethod
    def sign(raw, key):
        return hmac.new(key.encode(), raw.encode(), hashlib.sha256).hexdigest()

    def test_form_payment_browser_return_ipn_and_single_use_token(self):
        token, status, answer = self.pay_form("W-1")
        self.assertEqual((status, answer["estado"], answer["kr-hash-key"]), (200, "PAID", "sha256_hmac"))
        self.assertEqual(answer["kr-hash"], self.sign(answer["kr-answer"], "bytekhmacemulador0001"))
        payment = json.loads(answer["kr-answer"])
        saved = payment["transactions"][0]["paymentMethodToken"]
        self.assertIn(saved, self.call("GET", "/_emulador/tokens")[1])
        ipn = self.mailbox(1)[0]["campos"]
        self.assertEqual((ipn["kr-hash-key"], ipn["kr-hash-algorithm"], ipn["kr-answer-type"]),
                         ("password", "sha256_hmac", "V4/Payment"))
        self.assertEqual(ipn["kr-hash"], self.sign(ipn["kr-answer"], "testpassword_BYTEKemulador0001"))
        self.assertNotEqual(self.sign(json.dumps(json.loads(ipn["kr-answer"]), separators=(",", ":")),
                                      "testpassword_BYTEKemulador0001"), ipn["kr-hash"])
        status, again = self.call("POST", "/_krypton/pay", {
            "publicKey": "33148340:testpublickey_BYTEKemulador0001", "formToken": token, "numero": "4970100000000055",
            "vencimiento": "12/30", "cvv": "123"})
        self.assertEqual(status, 400)
        self.assertEqual(self.charges("W-1"), 1)

    def test_refused_form_sends_unpaid_ipn_and_no_token(self):
        _, status, answer = self.pay_form("W-2", card="5970100300000109")
        self.assertEqual(answer["estado"], "UNPAID")
        self.assertIn("05", answer["mensaje"])
        self.assertIsNone(json.loads(answer["kr-answer"])["transactions"][0]["paymentMethodToken"])
        self.assertEqual(json.loads(self.mailbox(1)[0]["campos"]["kr-answer"])["orderStatus"], "UNPAID")

    def test_ipn_faults(self):
        self.call("POST", "/_emulador/falla", {"tipo": "ipn_antes", "orden": "I-1"})
        self.pay_form("I-1")
        self.assertEqual(len(self.call("GET", "/_emulador/buzon")[1]), 1)  # already there when the form answered
        self.call("POST", "/_emulador/reiniciar", {})
        self.call("POST", "/_emulador/falla", {"tipo": "ipn_duplicada", "orden": "I-2"})
        self.pay_form("I-2")
        box = self.mailbox(2)
        self.assertEqual(len(box), 2)
        self.assertEqual(box[0]["campos"], box[1]["campos"])
        self.call("POST", "/_emulador/reiniciar", {})
        self.call("POST", "/_emulador/falla", {"tipo": "firma_ipn", "orden": "I-3"})
        _, _, answer = self.pay_form("I-3")
        ipn = self.mailbox(1)[0]["campos"]
        self.assertNotEqual(ipn["kr-hash"], self.sign(ipn["kr-answer"], "testpassword_BYTEKemulador0001"))
        self.assertEqual(answer["kr-hash"], self.sign(answer["kr-answer"], "bytekhmacemulador0001"))
        self.assertEqual(len(self.call("GET", "/_emulador/ipn")[1]), 1)

    def test_refunds_and_token_cancel(self):
        ok = self.card("4970100000000055")
        tx = self.silent("R-1", ok, 10000)[1]["answer"]["transactions"][0]
        _, env = self.api("Transaction/CancelOrRefund", {"uuid": tx["uuid"], "amount": 4000, "currency": "PEN"})
        self.assertEqual((env["status"], env["answer"]["operationType"], env["answer"]["amount"]), ("SUCCESS", "CREDIT", 4000))
        _, env = self.api("Transaction/Refund", {"uuid": tx["uuid"], "amount": 6001, "currency": "PEN"})
        self.assertEqual(env["answer"]["errorCode"], "PSP_100")
        self.assertEqual(self.api("Token/Cancel", {"paymentMethodToken": ok})[1]["status"], "SUCCESS")
        self.assertEqual(self.silent("R-2", ok)[1]["answer"]["errorCode"], "PSP_030")
        self.assertEqual(self.api("Token/Get", {"paymentMethodToken": ok})[1]["answer"]["tokenStatus"], "CANCELLED")

    def test_script_is_served(self):
        status, text = self.call("GET", "/static/js/krypton-client/V4.0/stable/kr-payment-form.min.js", raw=True)
        self.assertEqual(status, 200)
        self.assertIn("kr-post-url-success", text)


class NiubizEmulatorTests(EmulatorCase):
    script = "niubiz_emulator.py"
    M = "456879852"

    def token(self, user=b"integraciones@niubiz.com.pe:_7z3@8fF"):
        return self.call("POST", "/api.security/v1/security", b"",
                         {"Authorization": "Basic " + base64.b64encode(user).decode()}, raw=True)

    def api(self, method, path, body=None, timeout=5.0):
        return self.call(method, path, body, {"Authorization": self.token()[1], "Content-Type": "application/json"},
                         timeout)

    def authorize(self, purchase, card_token, amount=10.5, timeout=5.0):
        return self.api("POST", "/api.authorization/v3/authorization/ecommerce/" + self.M,
                        {"channel": "recurrent", "captureType": "manual", "countable": True,
                         "order": {"purchaseNumber": purchase, "amount": amount, "currency": "PEN"},
                         "card": {"tokenId": card_token}}, timeout)

    def test_security_token(self):
        status, _ = self.token(b"integraciones@niubiz.com.pe:otra")
        self.assertEqual(status, 401)
        status, jwt = self.token()
        self.assertEqual(status, 201)
        claims = json.loads(base64.urlsafe_b64decode(jwt.split(".")[1] + "=="))
        self.assertEqual(claims["exp"] - claims["iat"], 3600)
        status, _ = self.call("GET", "/api.authorization/v3/retrieve/purchase/%s/1" % self.M,
                              headers={"Authorization": "Bearer " + jwt})
        self.assertEqual(status, 401)  # no "Bearer"
        self.call("POST", "/_emulador/config", {"token_segundos": 0.3})
        _, short = self.token()
        time.sleep(0.4)
        status, _ = self.call("GET", "/api.authorization/v3/retrieve/purchase/%s/1" % self.M, headers={"Authorization": short})
        self.assertEqual(status, 401)
        self.call("POST", "/_emulador/config", {"token_segundos": 3600})

    def test_recurrent_charge_declines_and_retrieve(self):
        ok, poor = self.card("4919148107859067"), self.card("4000000000009995")
        status, answer = self.authorize("101", ok, 10.5)
        self.assertEqual((status, answer["dataMap"]["ACTION_CODE"], answer["dataMap"]["AMOUNT"]), (200, "000", "10.50"))
        status, answer = self.authorize("102", poor)
        self.assertEqual((status, answer["data"]["ACTION_CODE"], answer["data"]["STATUS"]), (400, "116", "Not Authorized"))
        self.assertEqual(self.authorize("101", ok)[0], 400)  # purchaseNumber used
        for bad in ("ABC", "1234567890123"):
            self.assertEqual(self.authorize(bad, ok)[0], 400)
        self.assertEqual(self.api("GET", "/api.authorization/v3/retrieve/purchase/%s/101" % self.M)[1]["dataMap"]["STATUS"],
                         "Authorized")
        self.assertEqual(self.api("GET", "/api.authorization/v3/retrieve/purchase/%s/999" % self.M)[0], 404)
        self.assertEqual(self.charges(), 1)

    def test_faults(self):
        ok = self.card("4919148107859067")
        self.call("POST", "/_emulador/falla", {"tipo": "5xx", "orden": "201"})
        self.assertEqual(self.authorize("201", ok)[0], 500)
        self.assertEqual(self.charges(), 0)
        self.call("POST", "/_emulador/falla", {"tipo": "timeout", "orden": "202", "segundos": 1.5})
        with self.assertRaises((socket.timeout, TimeoutError, urllib.error.URLError)):
            self.authorize("202", ok, timeout=0.5)
        self.assertEqual(self.charges("202"), 1)
        self.call("POST", "/_emulador/falla", {"tipo": "rechazo", "orden": "203", "codigo": "129"})
        self.assertEqual(self.authorize("203", ok)[1]["data"]["ACTION_CODE"], "129")
        self.call("POST", "/_emulador/falla", {"tipo": "vencida", "orden": "204"})
        self.assertEqual(self.authorize("204", ok)[1]["data"]["ACTION_CODE"], "101")

    def test_session_checkout_tokenization_and_web_authorization(self):
        status, session = self.api("POST", "/api.ecommerce/v2/ecommerce/token/session/" + self.M,
                                   {"channel": "web", "amount": 25.0, "antifraud": {}})
        self.assertEqual(status, 200)
        pay = {"sessionKey": session["sessionKey"], "merchantId": self.M, "numero": "4474118355632240",
               "vencimiento": "09/28", "cvv": "123", "email": "a@b.pe"}
        t1 = self.call("POST", "/_checkout/pagar", pay)[1]["transactionToken"]
        t2 = self.call("POST", "/_checkout/pagar", pay)[1]["transactionToken"]
        status, tok = self.api("GET", "/api.ecommerce/v2/ecommerce/token/card/%s/%s" % (self.M, t1))
        self.assertEqual((status, tok["card"]["cardNumber"], tok["card"]["expirationMonth"]), (200, "447411******2240", "09"))
        self.assertEqual(self.api("GET", "/api.ecommerce/v2/ecommerce/token/card/%s/%s" % (self.M, t1))[0], 400)
        status, answer = self.api("POST", "/api.authorization/v3/authorization/ecommerce/" + self.M,
                                  {"channel": "web", "order": {"purchaseNumber": "301", "amount": 25, "currency": "USD",
                                                               "tokenId": t2}})
        self.assertEqual((status, answer["dataMap"]["CURRENCY"]), (200, "0840"))
        self.assertEqual(self.authorize("302", tok["token"]["tokenId"])[0], 200)
        self.assertEqual(self.charges(), 2)

    def test_refund_and_card_removal(self):
        ok = self.card("5111111111111118")
        tx = self.authorize("401", ok, 100)[1]["order"]["transactionId"]
        status, answer = self.api("POST", "/api.refund/v1/refund/%s/%s" % (self.M, tx), {"amount": 60.00, "currency": "PEN"})
        self.assertEqual((status, answer["data"]["AMOUNT"]), (200, "60.00"))
        self.assertEqual(self.api("POST", "/api.refund/v1/refund/%s/%s" % (self.M, tx), {"amount": 40.01, "currency": "PEN"})[0], 400)
        self.assertEqual(self.api("DELETE", "/api.ecommerce/v2/ecommerce/token/card/%s/%s" % (self.M, ok))[0], 200)
        self.assertEqual(self.authorize("402", ok)[0], 400)

    def test_script_is_served(self):
        status, text = self.call("GET", "/checkout.js", raw=True)
        self.assertEqual(status, 200)
        self.assertIn("transactionToken", text)


if __name__ == "__main__":
    unittest.main()
