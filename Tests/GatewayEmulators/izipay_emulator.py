#!/usr/bin/env python3
"""Local emulator of Izipay (Lyra "Krypton" REST API V4) for BYTEK's tests and demo. Standard library only.

REST (HTTP Basic shopId:password, JSON, one envelope per answer, amounts in cents) under /api-payment/V4/:
Charge/CreatePayment (form payments -> formToken; SILENT + paymentMethodToken -> V4/Payment), Charge/CreateToken,
Order/Get, Transaction/Get, Transaction/CancelOrRefund, Transaction/Refund, Token/Get, Token/Cancel.
The embedded form: /static/js/krypton-client/V4.0/stable/kr-payment-form.min.js renders a card form in the page,
pays through /_krypton/pay, posts the IPN (kr-hash keyed with the password) to ipnTargetUrl and sends the browser
to kr-post-url-success with kr-answer/kr-hash (keyed with the HMAC-SHA-256 key).
Admin and fault injection under /_emulador (README.md).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gateway_common as gc  # noqa: E402

# Test cards: number -> (brand, decline code or None). Any other number is refused with 14 (invalid card).
CARDS = {
    "4970100000000055": ("VISA", None),
    "5970100300000067": ("MASTERCARD", None),
    "4970100000000113": ("VISA", "05"),
    "5970100300000109": ("MASTERCARD", "05"),
    "4970100000000071": ("VISA", "54"),  # always answered as expired
}
DECLINES = {
    "05": "Do not honor",
    "14": "Invalid card number",
    "51": "Insufficient funds",
    "54": "Expired card",
    "57": "Transaction not permitted to cardholder",
    "43": "Stolen card, pick up",
}
FORM_ACTIONS = {"PAYMENT", "REGISTER_PAY", "ASK_REGISTER_PAY", "REGISTER", "SILENT"}
SCRIPT_PATH = "/static/js/krypton-client/V4.0/stable/kr-payment-form.min.js"
API = "/api-payment/V4/"


class ApiError(Exception):
    def __init__(self, code: str, message: str, detailed_code: str | None = None, detailed: str | None = None):
        super().__init__(message)
        self.code, self.message, self.detailed_code, self.detailed = code, message, detailed_code, detailed


class Izipay(gc.Emulator):
    def __init__(self, args):
        self.args = args
        super().__init__("izipay-emulator")

    def reset(self) -> None:
        super().reset()
        with self.lock:
            self.form_tokens: dict = {}
            self.transactions: dict = {}  # uuid -> (orderId, tx)

    # -- admin hooks -----------------------------------------------------------------------------

    def brand(self, pan: str) -> str:
        return CARDS.get(pan, ("VISA", None))[0]

    def admin_config(self, spec: dict) -> dict:
        return {}

    # -- envelope --------------------------------------------------------------------------------

    def envelope(self, service: str, status: str, answer: dict) -> dict:
        return {"webService": service, "version": "V4", "applicationVersion": "emulador-bytek", "status": status,
                "answer": answer, "ticket": gc.new_id(), "serverDate": gc.now_iso(), "applicationProvider": "IZIPAY",
                "metadata": None, "mode": "TEST", "serverUrl": "http://127.0.0.1", "_type": "V4/WebService/Response"}

    @staticmethod
    def error_answer(e: ApiError) -> dict:
        return {"errorCode": e.code, "errorMessage": e.message, "detailedErrorCode": e.detailed_code,
                "detailedErrorMessage": e.detailed, "_type": "V4/WebService/WebServiceError"}

    # -- routes ----------------------------------------------------------------------------------

    def route(self, h: gc.Handler, method: str, path: str) -> None:
        if method == "GET" and path == SCRIPT_PATH:
            h.send(200, KRYPTON_SCRIPT, "application/javascript; charset=utf-8")
        elif method == "POST" and path == "/_krypton/pay":
            self.form_pay(h)
        elif method == "POST" and path.startswith(API):
            self.rest(h, path[len(API):])
        elif method == "GET" and path == "/salud":
            h.send(200, "ok", "text/plain")
        else:
            h.send(404, {"error": "ruta desconocida %s %s" % (method, path)})

    def rest(self, h: gc.Handler, service: str) -> None:
        raw = h.body()
        try:
            body = json.loads(raw.decode("utf-8") or "{}")
        except ValueError:
            h.send(200, self.envelope(service, "ERROR", self.error_answer(ApiError("INT_902", "Invalid JSON"))))
            return
        if h.basic_auth() != (self.args.shop_id, self.args.password):
            h.send(401, self.envelope(service, "ERROR", self.error_answer(
                ApiError("INT_905", "Invalid authentication (shopId:password)"))))
            return
        order_id = body.get("orderId")
        fault = self.take_fault(order_id, {"5xx"})
        if fault:
            h.send(fault["estado"], "<html><body>%d Internal Server Error</body></html>" % fault["estado"], "text/html")
            return
        handlers = {
            "Charge/CreatePayment": self.create_payment,
            "Charge/CreateToken": self.create_token,
            "Order/Get": self.order_get,
            "Transaction/Get": self.transaction_get,
            "Transaction/CancelOrRefund": self.refund,
            "Transaction/Refund": self.refund,
            "Token/Get": self.token_get,
            "Token/Cancel": self.token_cancel,
        }
        fn = handlers.get(service)
        if fn is None:
            h.send(404, self.envelope(service, "ERROR", self.error_answer(ApiError("INT_001", "Unknown web service"))))
            return
        try:
            answer, after = fn(body)
        except ApiError as e:
            h.send(200, self.envelope(service, "ERROR", self.error_answer(e)))
            return
        if not h.after_charge(after):
            h.send(200, self.envelope(service, "SUCCESS", answer))

    # -- Charge ----------------------------------------------------------------------------------

    @staticmethod
    def amount_of(body: dict, allow_zero: bool = False) -> int:
        amount = body.get("amount")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount < (0 if allow_zero else 1):
            raise ApiError("INT_902", "web-service input data validation error", "amount",
                           "amount must be a positive integer in cents")
        if amount > 99_999_999_999:
            raise ApiError("INT_902", "web-service input data validation error", "amount", "amount too large")
        return amount

    @staticmethod
    def currency_of(body: dict) -> str:
        currency = body.get("currency")
        if currency not in ("PEN", "USD"):
            raise ApiError("INT_902", "web-service input data validation error", "currency", "PEN or USD")
        return currency

    def create_payment(self, body: dict):
        amount = self.amount_of(body)
        currency = self.currency_of(body)
        order_id = body.get("orderId")
        if not order_id:
            raise ApiError("INT_902", "web-service input data validation error", "orderId", "orderId is required")
        action = body.get("formAction", "PAYMENT")
        if action not in FORM_ACTIONS:
            raise ApiError("INT_902", "web-service input data validation error", "formAction", "unknown formAction")
        customer = body.get("customer") or {}
        if action in ("REGISTER_PAY", "ASK_REGISTER_PAY", "REGISTER") and not customer.get("email"):
            raise ApiError("INT_902", "web-service input data validation error", "customer.email",
                           "the e-mail is required to save a card")
        if action == "SILENT":
            return self.silent(body, order_id, amount, currency, customer)
        return self.new_form_token(order_id, amount, currency, action, customer, body.get("ipnTargetUrl")), None

    def create_token(self, body: dict):
        customer = body.get("customer") or {}
        if not customer.get("email"):
            raise ApiError("INT_902", "web-service input data validation error", "customer.email",
                           "the e-mail is required to save a card")
        currency = body.get("currency", "PEN")
        order_id = body.get("orderId") or gc.new_id()
        return self.new_form_token(order_id, 0, currency, "REGISTER", customer, body.get("ipnTargetUrl")), None

    def new_form_token(self, order_id, amount, currency, action, customer, ipn_url) -> dict:
        token = "FT" + gc.new_id() + gc.new_id()
        with self.lock:
            self.form_tokens[token] = {"orderId": order_id, "amount": amount, "currency": currency,
                                       "formAction": action, "customer": customer, "ipnTargetUrl": ipn_url,
                                       "usado": False, "creado": time.time()}
        return {"formToken": token, "_type": "V4/Charge/ProcessPaymentAnswer"}

    def silent(self, body, order_id, amount, currency, customer):
        token = body.get("paymentMethodToken")
        with self.lock:
            card = self.tokens.get(token or "")
        if card is None or card["estado"] != "ACTIVE":
            raise ApiError("PSP_030", "paymentMethodToken not found or cancelled", None, None)
        order = self.order(order_id, amount, currency, customer, "SILENT", None)
        self.attempt(order, card["pan"], card["mes"], card["anio"], token, amount, currency)
        after = self.take_fault(order_id, {"timeout", "corte", "ilegible"})
        return self.payment(order), after

    def order(self, order_id, amount, currency, customer, action, ipn_url) -> dict:
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                order = {"orderId": order_id, "amount": amount, "currency": currency, "customer": customer,
                         "formAction": action, "ipnTargetUrl": ipn_url, "orderStatus": "RUNNING", "transactions": []}
                self.orders[order_id] = order
            return order

    def attempt(self, order, pan, month, year, token, amount, currency) -> dict:
        """One payment attempt on the order: approved (and counted) or refused."""
        brand, code = CARDS.get(pan, ("VISA", "14"))
        fault = self.take_fault(order["orderId"], {"rechazo", "vencida"})
        if fault and fault["tipo"] == "rechazo":
            code = str(fault["codigo"] or "05")
        elif fault and fault["tipo"] == "vencida":
            code = "54"
        if code is None and gc.is_expired(month, year):
            code = "54"
        tx_uuid = gc.new_id()
        tx = {"shopId": self.args.shop_id, "uuid": tx_uuid, "amount": amount, "currency": currency,
              "paymentMethodType": "CARD", "paymentMethodToken": token, "operationType": "DEBIT",
              "creationDate": gc.now_iso(), "errorCode": None, "errorMessage": None, "detailedErrorCode": None,
              "detailedErrorMessage": None, "metadata": None,
              "transactionDetails": {
                  "liabilityShift": "NO", "effectiveAmount": amount, "effectiveCurrency": currency,
                  "creationContext": "CHARGE",
                  "cardDetails": {"paymentSource": "EC", "effectiveBrand": brand, "pan": gc.mask(pan),
                                  "expiryMonth": month, "expiryYear": year, "country": "PE",
                                  "authorizationResponse": {"amount": amount, "currency": currency,
                                                            "authorizationDate": gc.now_iso(),
                                                            "authorizationNumber": None,
                                                            "authorizationResult": "0" if code is None else code,
                                                            "_type": "V4/PaymentMethod/Details/Cards/CardAuthorizationResponse"},
                                  "_type": "V4/PaymentMethod/Details/CardDetails"},
                  "_type": "V4/TransactionDetails"},
              "_type": "V4/PaymentTransaction"}
        if code is None:
            tx["status"], tx["detailedStatus"] = "PAID", "AUTHORISED"
            tx["transactionDetails"]["cardDetails"]["authorizationResponse"]["authorizationNumber"] = tx_uuid[:6].upper()
            if amount > 0:
                self.count_charge(order["orderId"], pan, amount, currency, token)
        else:
            tx["status"], tx["detailedStatus"] = "UNPAID", "REFUSED"
            tx["errorCode"], tx["errorMessage"] = "ACQ_001", "payment refused"
            tx["detailedErrorCode"], tx["detailedErrorMessage"] = code, DECLINES.get(code, "Refused")
        with self.lock:
            order["transactions"].append(tx)
            order["orderStatus"] = "PAID" if any(t["status"] == "PAID" and t["operationType"] == "DEBIT"
                                                 for t in order["transactions"]) else "UNPAID"
            self.transactions[tx_uuid] = order["orderId"]
        return tx

    def payment(self, order) -> dict:
        with self.lock:
            return {"shopId": self.args.shop_id, "orderCycle": "CLOSED" if order["orderStatus"] != "RUNNING" else "OPEN",
                    "orderStatus": order["orderStatus"], "serverDate": gc.now_iso(),
                    "orderDetails": {"orderTotalAmount": order["amount"], "orderEffectiveAmount": order["amount"],
                                     "orderCurrency": order["currency"], "mode": "TEST", "orderId": order["orderId"],
                                     "_type": "V4/OrderDetails"},
                    "customer": dict(order["customer"] or {}, _type="V4/Customer/Customer"),
                    "transactions": [dict(t) for t in order["transactions"]], "subMerchantDetails": None,
                    "_type": "V4/Payment"}

    # -- Order, Transaction, Token ---------------------------------------------------------------

    def order_get(self, body: dict):
        with self.lock:
            order = self.orders.get(body.get("orderId") or "")
        if order is None:
            raise ApiError("PSP_010", "transaction not found", None, "no order with this orderId")
        p = self.payment(order)
        return {"orderId": order["orderId"], "orderStatus": p["orderStatus"], "transactions": p["transactions"],
                "_type": "V4/OrderTransactions"}, None

    def find_tx(self, tx_uuid: str):
        with self.lock:
            order_id = self.transactions.get(tx_uuid or "")
            if order_id is None:
                raise ApiError("PSP_010", "transaction not found", None, "no transaction with this uuid")
            order = self.orders[order_id]
            return order, next(t for t in order["transactions"] if t["uuid"] == tx_uuid)

    def transaction_get(self, body: dict):
        _, tx = self.find_tx(body.get("uuid"))
        return dict(tx, _type="V4/Transaction"), None

    def refund(self, body: dict):
        order, tx = self.find_tx(body.get("uuid"))
        amount = self.amount_of(body)
        if tx["status"] != "PAID" or tx["operationType"] != "DEBIT":
            raise ApiError("PSP_011", "transaction cannot be refunded", None, "the transaction was not paid")
        with self.lock:
            done = sum(r["monto"] for r in self.refunds if r["transaccion"] == tx["uuid"])
            if done + amount > tx["amount"]:
                raise ApiError("PSP_100", "amount exceeds the refundable amount", "amount",
                               "refundable: %d" % (tx["amount"] - done))
            refund_uuid = gc.new_id()
            credit = {"shopId": self.args.shop_id, "uuid": refund_uuid, "amount": amount, "currency": tx["currency"],
                      "paymentMethodType": "CARD", "paymentMethodToken": tx["paymentMethodToken"],
                      "operationType": "CREDIT", "status": "PAID", "detailedStatus": "CAPTURED",
                      "creationDate": gc.now_iso(), "errorCode": None, "errorMessage": None,
                      "detailedErrorCode": None, "detailedErrorMessage": None,
                      "transactionDetails": {"parentTransactionUuid": tx["uuid"], "effectiveAmount": amount,
                                             "effectiveCurrency": tx["currency"], "creationContext": "REFUND",
                                             "_type": "V4/TransactionDetails"},
                      "_type": "V4/Transaction"}
            order["transactions"].append(credit)
            self.transactions[refund_uuid] = order["orderId"]
            self.refunds.append({"transaccion": tx["uuid"], "reembolso": refund_uuid, "monto": amount,
                                 "orden": order["orderId"]})
        return credit, None

    def token_get(self, body: dict):
        token = body.get("paymentMethodToken") or ""
        with self.lock:
            card = self.tokens.get(token)
        if card is None:
            raise ApiError("PSP_030", "paymentMethodToken not found", None, None)
        return {"paymentMethodToken": token, "tokenStatus": card["estado"],
                "tokenDetails": {"effectiveBrand": card["marca"], "pan": gc.mask(card["pan"]),
                                 "expiryMonth": card["mes"], "expiryYear": card["anio"]},
                "customer": {"email": card["email"]}, "_type": "V4/Token"}, None

    def token_cancel(self, body: dict):
        token = body.get("paymentMethodToken") or ""
        with self.lock:
            card = self.tokens.get(token)
            if card is None:
                raise ApiError("PSP_030", "paymentMethodToken not found", None, None)
            card["estado"] = "CANCELLED"
        return {"responseCode": 0, "responseMessage": "ok", "_type": "V4/Token/CancelTokenResponse"}, None

    # -- the embedded form -----------------------------------------------------------------------

    def sign(self, raw: str, key: str) -> str:
        return hmac.new(key.encode("utf-8"), raw.encode("utf-8"), hashlib.sha256).hexdigest()

    def form_pay(self, h: gc.Handler) -> None:
        body = h.json_body()
        if body.get("publicKey") != self.args.public_key:
            h.send(401, {"error": "clave pública desconocida"})
            return
        with self.lock:
            ft = self.form_tokens.get(body.get("formToken") or "")
            if ft is None or ft["usado"] or time.time() - ft["creado"] > 15 * 60:
                h.send(400, {"error": "formToken inválido, vencido o ya usado"})
                return
            ft["usado"] = True
        pan = "".join(ch for ch in str(body.get("numero", "")) if ch.isdigit())
        try:
            month, year = gc.parse_expiry(body.get("vencimiento", ""))
        except ValueError:
            h.send(400, {"error": "vencimiento inválido (MM/AA)"})
            return
        save = ft["formAction"] in ("REGISTER_PAY", "REGISTER") or (
            ft["formAction"] == "ASK_REGISTER_PAY" and bool(body.get("guardar")))
        order = self.order(ft["orderId"], ft["amount"], ft["currency"], ft["customer"], ft["formAction"],
                           ft["ipnTargetUrl"])
        tx = self.attempt(order, pan, month, year, None, ft["amount"], ft["currency"])
        if save and tx["status"] == "PAID":
            tx["paymentMethodToken"] = self.save_card(pan, month, year, (ft["customer"] or {}).get("email", ""))
        # Default separators (", " and ": "): a client that re-serializes the JSON gets another hash.
        raw = json.dumps(self.payment(order), ensure_ascii=False)
        self.notify(order, raw)
        h.send(200, {"estado": order["orderStatus"], "kr-answer": raw, "kr-hash": self.sign(raw, self.args.hmac_key),
                     "kr-hash-algorithm": "sha256_hmac", "kr-hash-key": "sha256_hmac",
                     "kr-answer-type": "V4/Payment",
                     "mensaje": "" if tx["status"] == "PAID" else "Pago rechazado (%s): %s" % (
                         tx["detailedErrorCode"], tx["detailedErrorMessage"])})

    def notify(self, order, raw: str) -> None:
        url = order.get("ipnTargetUrl")
        if not url:
            return
        oid = order["orderId"]
        bad = self.take_fault(oid, {"firma_ipn"})
        fields = {"kr-hash": self.sign(raw, "clave-equivocada" if bad else self.args.password),
                  "kr-hash-algorithm": "sha256_hmac", "kr-hash-key": "password", "kr-answer-type": "V4/Payment",
                  "kr-answer": raw}
        times = 2 if self.take_fault(oid, {"ipn_duplicada"}) else 1
        if self.take_fault(oid, {"ipn_antes"}):
            for _ in range(times):
                self.post_form(url, fields, oid, "antes de la respuesta")
            return

        def later():
            time.sleep(self.args.ipn_delay)
            for _ in range(times):
                self.post_form(url, fields, oid, "después de la respuesta")

        threading.Thread(target=later, daemon=True).start()


KRYPTON_SCRIPT = r"""/* Izipay embedded form (BYTEK emulator): renders a card form in .kr-embedded and pays on submit. */
(function () {
  var me = document.currentScript;
  var origin = new URL(me.src).origin;
  var publicKey = me.getAttribute('kr-public-key');
  var success = me.getAttribute('kr-post-url-success');
  var refused = me.getAttribute('kr-post-url-refused');
  function field(box, name, label, ph) {
    var l = document.createElement('label'); l.textContent = label;
    var i = document.createElement('input'); i.className = 'kr-' + name; i.placeholder = ph;
    i.autocomplete = 'off'; l.appendChild(i); box.appendChild(l); return i;
  }
  function post(url, answer) {
    var f = document.createElement('form'); f.method = 'POST'; f.action = url;
    ['kr-answer', 'kr-hash', 'kr-hash-algorithm', 'kr-hash-key', 'kr-answer-type'].forEach(function (k) {
      var i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = answer[k]; f.appendChild(i);
    });
    document.body.appendChild(f); f.submit();
  }
  function render(box) {
    var token = box.getAttribute('kr-form-token');
    var number = field(box, 'pan', 'Número de tarjeta', '4970 1000 0000 0055');
    var expiry = field(box, 'expiry', 'Vencimiento (MM/AA)', '12/30');
    var cvv = field(box, 'security-code', 'CVV', '123');
    var save = null;
    if (box.getAttribute('kr-ask-register') === 'true') {
      var l = document.createElement('label'); save = document.createElement('input'); save.type = 'checkbox';
      save.className = 'kr-register'; save.checked = true; l.appendChild(save);
      l.appendChild(document.createTextNode(' Guardar tarjeta')); box.appendChild(l);
    }
    var button = document.createElement('button'); button.type = 'button'; button.className = 'kr-payment-button';
    button.textContent = 'Pagar'; box.appendChild(button);
    var error = document.createElement('div'); error.className = 'kr-form-error'; box.appendChild(error);
    button.addEventListener('click', function () {
      button.disabled = true; error.textContent = '';
      fetch(origin + '/_krypton/pay', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({publicKey: publicKey, formToken: token, numero: number.value, vencimiento: expiry.value,
                              cvv: cvv.value, guardar: save ? save.checked : false})})
        .then(function (r) { return r.json(); })
        .then(function (a) {
          if (a.error) { error.textContent = a.error; button.disabled = false; return; }
          if (a.estado === 'PAID') { post(success, a); }
          else if (refused) { post(refused, a); }
          else { error.textContent = a.mensaje; }
        })
        .catch(function (e) { error.textContent = 'Error de conexión: ' + e; button.disabled = false; });
    });
  }
  function start() { Array.prototype.forEach.call(document.querySelectorAll('.kr-embedded'), render); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
"""


def options(p):
    p.add_argument("--shop-id", default="33148340")
    p.add_argument("--password", default="testpassword_BYTEKemulador0001")
    p.add_argument("--public-key", default="33148340:testpublickey_BYTEKemulador0001")
    p.add_argument("--hmac-key", default="bytekhmacemulador0001")
    p.add_argument("--ipn-delay", type=float, default=0.3, help="segundos entre la respuesta del formulario y la IPN")


def main(argv=None) -> int:
    return gc.main(argv, "Emulador local de Izipay (API REST V4 de Lyra).", options, Izipay)


if __name__ == "__main__":
    sys.exit(main())
