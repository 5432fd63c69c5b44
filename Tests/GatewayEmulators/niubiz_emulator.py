#!/usr/bin/env python3
"""Local emulator of Niubiz (VisaNet Perú) for BYTEK's tests and demo. Standard library only.

POST /api.security/v1/security (Basic user:password) -> the raw access token (a JWT; `--token-segundos` of life);
every other call carries it as `Authorization: <token>` (no "Bearer"), 401 once it expired.
POST /api.ecommerce/v2/ecommerce/token/session/{merchantId} -> {sessionKey, expirationTime};
/checkout.js renders the card form inside the merchant's <form> and posts `transactionToken` to its action;
POST /api.authorization/v3/authorization/ecommerce/{merchantId} (numeric unique purchaseNumber, channel web with
the transactionToken or recurrent with a card tokenId); GET /api.ecommerce/v2/ecommerce/token/card/{merchantId}/
{transactionToken} (tokenization); GET /api.authorization/v3/retrieve/purchase/{merchantId}/{purchaseNumber};
POST /api.refund/v1/refund/{merchantId}/{transactionId} and DELETE /api.ecommerce/v2/ecommerce/token/card/
{merchantId}/{tokenId} (not confirmed against Niubiz's documentation: see README.md).
Admin and fault injection under /_emulador (README.md).
"""

from __future__ import annotations

import base64
import json
import re
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gateway_common as gc  # noqa: E402

# Test cards: number -> (brand, ACTION_CODE when refused, or None). Other numbers: 180 (invalid card).
CARDS = {
    "4919148107859067": ("visa", None),
    "4474118355632240": ("visa", None),
    "5111111111111118": ("mastercard", None),
    "4000000000000002": ("visa", "190"),
    "4000000000009995": ("visa", "116"),
    "4000000000000069": ("visa", "101"),  # always answered as expired
}
ACTIONS = {
    "000": "Aprobado y completado con exito",
    "101": "Operacion Denegada. Tarjeta Vencida.",
    "116": "Operacion Denegada. Fondos insuficientes.",
    "129": "Operacion Denegada. Codigo de seguridad invalido.",
    "180": "Operacion Denegada. Tarjeta invalida.",
    "190": "Operacion Denegada. Contactar con entidad emisora de su tarjeta.",
    "191": "Operacion Denegada. Contactar con entidad emisora de su tarjeta.",
}
CURRENCY_CODES = {"PEN": "0604", "USD": "0840"}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


class Niubiz(gc.Emulator):
    def __init__(self, args):
        self.args = args
        self.token_seconds = args.token_segundos
        super().__init__("niubiz-emulator")

    def reset(self) -> None:
        super().reset()
        with self.lock:
            self.access_tokens: dict = {}  # token -> expiry (epoch)
            self.issued_tokens = 0
            self.sessions: dict = {}
            self.transaction_tokens: dict = {}
            self.by_transaction: dict = {}  # TRANSACTION_ID -> purchaseNumber

    # -- admin hooks -----------------------------------------------------------------------------

    def brand(self, pan: str) -> str:
        return CARDS.get(pan, ("visa", None))[0]

    def new_card_token(self) -> str:
        return gc.new_id().upper()

    def admin_config(self, spec: dict) -> dict:
        if "token_segundos" in spec:
            self.token_seconds = float(spec["token_segundos"])
        with self.lock:
            return {"token_segundos": self.token_seconds, "tokens_emitidos": self.issued_tokens}

    # -- routes ----------------------------------------------------------------------------------

    def route(self, h: gc.Handler, method: str, path: str) -> None:
        m = self.args.merchant_id
        if method == "GET" and path == "/checkout.js":
            h.send(200, CHECKOUT_SCRIPT, "application/javascript; charset=utf-8")
            return
        if method == "POST" and path == "/_checkout/pagar":
            self.checkout_pay(h)
            return
        if method == "POST" and path == "/api.security/v1/security":
            self.security(h)
            return
        routes = [
            ("POST", r"/api\.ecommerce/v2/ecommerce/token/session/(\w+)", self.session),
            ("POST", r"/api\.authorization/v3/authorization/ecommerce/(\w+)", self.authorize),
            ("GET", r"/api\.ecommerce/v2/ecommerce/token/card/(\w+)/([\w-]+)", self.tokenize),
            ("DELETE", r"/api\.ecommerce/v2/ecommerce/token/card/(\w+)/([\w-]+)", self.remove_card),
            ("GET", r"/api\.authorization/v3/retrieve/purchase/(\w+)/(\w+)", self.retrieve),
            ("POST", r"/api\.refund/v1/refund/(\w+)/([\w-]+)", self.refund),
        ]
        for verb, pattern, fn in routes:
            match = re.fullmatch(pattern, path)
            if verb == method and match:
                if match.group(1) != m:
                    h.send(404, {"errorCode": 404, "errorMessage": "Comercio no encontrado"})
                    return
                if not self.authorized(h):
                    h.send(401, "Unauthorized access", "text/plain")
                    return
                fn(h, *match.groups()[1:])
                return
        h.send(404, {"errorCode": 404, "errorMessage": "Ruta desconocida %s %s" % (method, path)})

    def security(self, h: gc.Handler) -> None:
        if h.basic_auth() != (self.args.user, self.args.password):
            h.send(401, "Unauthorized access", "text/plain")
            return
        now = time.time()
        payload = {"sub": self.args.user, "iat": int(now), "exp": int(now + self.token_seconds), "jti": gc.new_id()}
        token = ".".join([b64url(b'{"alg":"HS256","typ":"JWT"}'), b64url(json.dumps(payload).encode()),
                          b64url(gc.new_id().encode())])
        with self.lock:
            self.access_tokens[token] = now + self.token_seconds
            self.issued_tokens += 1
        h.send(201, token, "text/plain")

    def authorized(self, h: gc.Handler) -> bool:
        token = h.headers.get("Authorization") or ""
        with self.lock:
            expiry = self.access_tokens.get(token)
        return expiry is not None and time.time() < expiry

    # -- session and checkout --------------------------------------------------------------------

    @staticmethod
    def decimal_amount(value) -> Decimal:
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            raise ValueError("amount inválido")
        if amount <= 0 or amount != amount.quantize(Decimal("0.01")) or amount > Decimal("99999999.99"):
            raise ValueError("amount inválido: %s" % value)
        return amount

    def session(self, h: gc.Handler) -> None:
        body = h.json_body()
        channel = body.get("channel")
        if channel not in ("web", "paycard", "recurrent"):
            h.send(400, {"errorCode": 400, "errorMessage": "channel inválido"})
            return
        try:
            # Saving a card without paying (channel paycard) opens the session with amount 0.
            amount = Decimal("0.00") if channel == "paycard" and Decimal(str(body.get("amount"))) == 0 \
                else self.decimal_amount(body.get("amount"))
        except ValueError as e:
            h.send(400, {"errorCode": 400, "errorMessage": str(e)})
            return
        key = gc.new_id()
        with self.lock:
            self.sessions[key] = {"amount": str(amount), "channel": channel, "creado": time.time(),
                                  "antifraud": body.get("antifraud")}
        h.send(200, {"sessionKey": key, "expirationTime": int((time.time() + 20 * 60) * 1000)})

    def checkout_pay(self, h: gc.Handler) -> None:
        body = h.json_body()
        with self.lock:
            session = self.sessions.get(body.get("sessionKey") or "")
        if session is None or body.get("merchantId") != self.args.merchant_id:
            h.send(400, {"error": "sesión inválida o vencida"})
            return
        pan = "".join(ch for ch in str(body.get("numero", "")) if ch.isdigit())
        try:
            month, year = gc.parse_expiry(body.get("vencimiento", ""))
        except ValueError:
            h.send(400, {"error": "vencimiento inválido (MM/AA)"})
            return
        token = gc.new_id().upper()
        with self.lock:
            self.transaction_tokens[token] = {"pan": pan, "mes": month, "anio": year, "email": body.get("email", ""),
                                              "sesion": body.get("sessionKey"), "usado": False}
        h.send(200, {"transactionToken": token})

    # -- authorization ---------------------------------------------------------------------------

    def authorize(self, h: gc.Handler) -> None:
        body = h.json_body()
        order = body.get("order") or {}
        purchase = str(order.get("purchaseNumber", ""))
        if not re.fullmatch(r"\d{1,12}", purchase):
            h.send(400, {"errorCode": 400, "errorMessage": "purchaseNumber debe ser numérico de hasta 12 dígitos"})
            return
        fault = self.take_fault(purchase, {"5xx"})
        if fault:
            h.send(fault["estado"], "<html><body>%d Internal Server Error</body></html>" % fault["estado"], "text/html")
            return
        try:
            amount = self.decimal_amount(order.get("amount"))
        except ValueError as e:
            h.send(400, {"errorCode": 400, "errorMessage": str(e)})
            return
        currency = order.get("currency")
        if currency not in CURRENCY_CODES:
            h.send(400, {"errorCode": 400, "errorMessage": "currency inválido"})
            return
        with self.lock:
            if purchase in self.orders:
                h.send(400, {"errorCode": 400, "errorMessage": "purchaseNumber duplicado"})
                return
            channel = body.get("channel")
            if channel == "recurrent":
                card_token = (body.get("card") or {}).get("tokenId") or order.get("tokenId") or ""
                card = self.tokens.get(card_token)
                if card is None or card["estado"] != "ACTIVE":
                    h.send(400, {"errorCode": 400, "errorMessage": "tokenId de tarjeta inválido"})
                    return
                pan, month, year = card["pan"], card["mes"], card["anio"]
            else:
                card_token = None
                tt = self.transaction_tokens.get(order.get("tokenId") or "")
                if tt is None or tt["usado"]:
                    h.send(400, {"errorCode": 400, "errorMessage": "transactionToken inválido o ya usado"})
                    return
                tt["usado"] = True
                pan, month, year = tt["pan"], tt["mes"], tt["anio"]
            self.orders[purchase] = {"estado": "RUNNING"}
        answer, approved = self.decide(purchase, pan, month, year, amount, currency, channel, card_token)
        if not h.after_charge(self.take_fault(purchase, {"timeout", "corte", "ilegible"})):
            h.send(200 if approved else 400, answer)

    def decide(self, purchase, pan, month, year, amount, currency, channel, card_token):
        brand, code = CARDS.get(pan, ("visa", "180"))
        fault = self.take_fault(purchase, {"rechazo", "vencida"})
        if fault and fault["tipo"] == "rechazo":
            code = str(fault["codigo"] or "190")
        elif fault and fault["tipo"] == "vencida":
            code = "101"
        if code is None and gc.is_expired(month, year):
            code = "101"
        tx_id = str(int(time.time() * 1000))[-9:] + purchase[-3:].rjust(3, "0")
        date = time.strftime("%y%m%d%H%M%S", time.gmtime())
        trace = str(len(self.orders)).rjust(6, "0")
        common = {"CURRENCY": CURRENCY_CODES[currency], "TRANSACTION_DATE": date, "TERMINAL": "00000001",
                  "ACTION_CODE": code or "000", "TRACE_NUMBER": trace, "ECI_DESCRIPTION": "Transaccion no autenticada",
                  "ECI": "07", "BRAND": brand, "CARD": pan[:6] + "******" + pan[-4:], "MERCHANT": self.args.merchant_id,
                  "ACTION_DESCRIPTION": ACTIONS.get(code or "000", "Operacion Denegada."),
                  "AMOUNT": "%.2f" % amount, "PURCHASE_NUMBER": purchase, "TRANSACTION_ID": tx_id,
                  "EXPIRATION": "%02d%02d" % (year % 100, month)}
        header = {"ecoreTransactionUUID": gc.new_id(), "ecoreTransactionDate": int(time.time() * 1000),
                  "millis": 120}
        if code is None:
            auth = tx_id[-6:]
            data_map = dict(common, STATUS="Authorized", AUTHORIZATION_CODE=auth, ID_UNICO=tx_id)
            if card_token:
                data_map["CARD_TOKEN"] = card_token
            answer = {"header": header,
                      "fulfillment": {"channel": channel, "merchantId": self.args.merchant_id, "terminalId": "1",
                                      "captureType": "manual", "countable": True, "fastPayment": False,
                                      "signature": gc.new_id()},
                      "order": {"tokenId": card_token, "purchaseNumber": purchase, "amount": float(amount),
                                "installment": 0, "currency": currency, "authorizedAmount": float(amount),
                                "authorizationCode": auth, "actionCode": "000", "traceNumber": trace,
                                "transactionDate": date, "transactionId": tx_id},
                      "dataMap": data_map}
            self.count_charge(purchase, pan, int(amount * 100), currency, card_token)
        else:
            answer = {"errorCode": 400, "errorMessage": "NOT AUTHORIZED", "header": header,
                      "data": dict(common, STATUS="Not Authorized")}
        with self.lock:
            self.orders[purchase] = {"estado": "Authorized" if code is None else "Not Authorized",
                                     "respuesta": answer, "monto": "%.2f" % amount, "moneda": currency,
                                     "transactionId": tx_id}
            self.by_transaction[tx_id] = purchase
        return answer, code is None

    def retrieve(self, h: gc.Handler, purchase: str) -> None:
        with self.lock:
            order = self.orders.get(purchase)
        if order is None:
            h.send(404, {"errorCode": 404, "errorMessage": "No se encontró la compra %s" % purchase})
        elif order["estado"] == "RUNNING":
            h.send(200, {"errorCode": 0, "errorMessage": "En proceso", "dataMap": {"STATUS": "Pending",
                                                                                   "PURCHASE_NUMBER": purchase}})
        else:
            h.send(200, order["respuesta"])

    # -- tokenization, removal, refunds ----------------------------------------------------------

    def tokenize(self, h: gc.Handler, transaction_token: str) -> None:
        with self.lock:
            tt = self.transaction_tokens.get(transaction_token)
            if tt is None or tt["usado"]:
                h.send(400, {"errorCode": 400, "errorMessage": "transactionToken inválido o ya usado"})
                return
            tt["usado"] = True
        brand, code = CARDS.get(tt["pan"], ("visa", "180"))
        if code is None and gc.is_expired(tt["mes"], tt["anio"]):
            code = "101"
        if code is not None and code in ("101", "180"):
            h.send(400, {"errorCode": 400, "errorMessage": ACTIONS[code],
                         "data": {"ACTION_CODE": code, "ACTION_DESCRIPTION": ACTIONS[code], "STATUS": "Not Verified"}})
            return
        token = self.save_card(tt["pan"], tt["mes"], tt["anio"], tt["email"])
        h.send(200, {"errorCode": 0, "errorMessage": "OK",
                     "header": {"ecoreTransactionUUID": gc.new_id(), "ecoreTransactionDate": int(time.time() * 1000)},
                     "order": {"purchaseNumber": None, "amount": 0, "currency": "PEN", "actionCode": "000",
                               "transactionDate": time.strftime("%y%m%d%H%M%S", time.gmtime())},
                     "card": {"cardNumber": tt["pan"][:6] + "******" + tt["pan"][-4:], "brand": brand,
                              "expirationMonth": "%02d" % tt["mes"], "expirationYear": str(tt["anio"])},
                     "token": {"tokenId": token, "ownerId": tt["email"],
                               "expireOn": "%04d%02d01000000" % (tt["anio"], tt["mes"])}})

    def remove_card(self, h: gc.Handler, token: str) -> None:
        with self.lock:
            card = self.tokens.get(token)
            if card is None:
                h.send(404, {"errorCode": 404, "errorMessage": "tokenId desconocido"})
                return
            card["estado"] = "DELETED"
        h.send(200, {"errorCode": 0, "errorMessage": "OK"})

    def refund(self, h: gc.Handler, tx_id: str) -> None:
        body = h.json_body()
        with self.lock:
            purchase = self.by_transaction.get(tx_id)
            order = self.orders.get(purchase or "")
            if order is None or order["estado"] != "Authorized":
                h.send(404, {"errorCode": 404, "errorMessage": "Transacción no encontrada o no autorizada"})
                return
            try:
                amount = self.decimal_amount(body.get("amount"))
            except ValueError as e:
                h.send(400, {"errorCode": 400, "errorMessage": str(e)})
                return
            done = sum(Decimal(r["monto"]) for r in self.refunds if r["transaccion"] == tx_id)
            if done + amount > Decimal(order["monto"]):
                h.send(400, {"errorCode": 400, "errorMessage": "El monto excede lo que se puede devolver (%s)"
                             % (Decimal(order["monto"]) - done)})
                return
            refund_id = gc.new_id()
            self.refunds.append({"transaccion": tx_id, "reembolso": refund_id, "monto": "%.2f" % amount,
                                 "orden": purchase})
        h.send(200, {"errorCode": 0, "errorMessage": "OK",
                     "data": {"REFUND_ID": refund_id, "TRANSACTION_ID": tx_id, "AMOUNT": "%.2f" % amount,
                              "STATUS": "Refunded"}})


CHECKOUT_SCRIPT = r"""/* Niubiz checkout (BYTEK emulator): a card form inside the merchant's form; posts transactionToken to it. */
(function () {
  var me = document.currentScript;
  var origin = new URL(me.src).origin;
  var form = me.closest('form');
  var box = document.createElement('div'); box.className = 'niubiz-checkout';
  function field(name, label, ph) {
    var l = document.createElement('label'); l.textContent = label;
    var i = document.createElement('input'); i.className = 'niubiz-' + name;  // no name: the card never reaches the merchant
    i.placeholder = ph; i.autocomplete = 'off'; l.appendChild(i); box.appendChild(l); return i;
  }
  function hidden(name, value) {
    var i = document.createElement('input'); i.type = 'hidden'; i.name = name; i.value = value; form.appendChild(i);
  }
  var number = field('card', 'Número de tarjeta', '4919 1481 0785 9067');
  var expiry = field('expiry', 'Vencimiento (MM/AA)', '12/30');
  var cvv = field('cvv', 'CVV', '123');
  var email = field('email', 'Correo', 'nombre@empresa.pe');
  var button = document.createElement('button'); button.type = 'button'; button.className = 'niubiz-pay';
  button.textContent = me.getAttribute('data-buttontext') || 'Pagar'; box.appendChild(button);
  var error = document.createElement('div'); error.className = 'niubiz-error'; box.appendChild(error);
  me.parentNode.insertBefore(box, me.nextSibling);
  button.addEventListener('click', function () {
    button.disabled = true; error.textContent = '';
    fetch(origin + '/_checkout/pagar', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({sessionKey: me.getAttribute('data-sessiontoken'),
                            merchantId: me.getAttribute('data-merchantid'),
                            purchaseNumber: me.getAttribute('data-purchasenumber'),
                            numero: number.value, vencimiento: expiry.value, cvv: cvv.value, email: email.value})})
      .then(function (r) { return r.json(); })
      .then(function (a) {
        if (a.error) { error.textContent = a.error; button.disabled = false; return; }
        hidden('transactionToken', a.transactionToken); hidden('customerEmail', email.value);
        hidden('channel', me.getAttribute('data-channel') || 'web');
        form.submit();
      })
      .catch(function (e) { error.textContent = 'Error de conexión: ' + e; button.disabled = false; });
  });
})();
"""


def options(p):
    p.add_argument("--merchant-id", default="456879852")
    p.add_argument("--user", default="integraciones@niubiz.com.pe")
    p.add_argument("--password", default="_7z3@8fF")
    p.add_argument("--token-segundos", type=float, default=3600.0, help="vida del token de seguridad")


def main(argv=None) -> int:
    return gc.main(argv, "Emulador local de Niubiz (VisaNet Perú).", options, Niubiz)


if __name__ == "__main__":
    sys.exit(main())
