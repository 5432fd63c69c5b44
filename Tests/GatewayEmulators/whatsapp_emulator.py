#!/usr/bin/env python3
"""Local emulator of the WhatsApp Business Cloud API (template messages and the status webhook).

Standard library only. It serves on 127.0.0.1 (port 0 = a free one, printed as «LISTENING <port>»):

  POST /v{ver}/{phone-number-id}/messages   Bearer token; {messaging_product, to, type: "template",
      template{name, language{code}, components[{type: "body", parameters[{type: "text", text}]}]}}
      -> 200 {messaging_product, contacts[{input, wa_id}], messages[{id: "wamid…", message_status: "accepted"}]}
      Errors as the Graph API gives them: {"error": {message, type, code, error_data{details}, fbtrace_id}}:
      190 bad token (401), 100 unknown phone number id or bad body (400), 132001 template unknown in that
      language, 132000 parameter count mismatch (the emulator knows the approved templates and their counts),
      131047 a free-form (non-template) message outside the 24-hour window, 131000 injected 5xx.
  A number listed as not on WhatsApp is accepted, then fails in the status webhook (131026).

Status webhooks (sent, delivered, read, failed) are POSTed to the configured URL as
{object: "whatsapp_business_account", entry[{id, changes[{field: "messages", value{messaging_product, metadata,
statuses[{id, status, timestamp, recipient_id, errors?}]}}]}]}, signed
`X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.

Admin API (for tests), JSON:
  GET    /_emulador/mensajes            every accepted message with the statuses posted for it
  DELETE /_emulador/mensajes            forget them
  POST   /_emulador/estado              {"wamid", "status", "repeat": n (default 1), "firma": "mala"?}
                                        posts that status webhook now; answers {"respuestas": [http codes]}
  POST   /_emulador/fallas              {"sin_whatsapp": [...], "conversacion": [...], "http500": n, "webhook": url,
                                        "auto": bool}  (merged into the current settings)
With "auto" (or --auto) an accepted message gets «sent» and «delivered» (or «failed» when the number is not on
WhatsApp) posted at once, in the background.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_TEMPLATES = {
    # name: {language: parameter count}
    "recordatorio_pago": {"es": 4},
    "recordatorio_vencido": {"es": 4},
    "comprobante_emitido": {"es": 3},
    # The standard reminder policy's (ReminderDefaults): {cliente} {documentos} {total} {enlace_pago} on the due
    # date, {cliente} {total} {dias_vencido} {enlace_pago} seven days after.
    "recordatorio_vencimiento": {"es": 4},
    "aviso_mora": {"es": 4},
    "hello_world": {"en_US": 0},
}


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.token = args.token
        self.phone_number_id = args.phone_number_id
        self.app_secret = args.app_secret
        self.webhook = args.webhook
        self.auto = args.auto
        self.templates = {k: dict(v) for k, v in DEFAULT_TEMPLATES.items()}
        for spec in args.template or []:
            name, lang, count = spec.split(":")
            self.templates.setdefault(name, {})[lang] = int(count)
        self.not_on_whatsapp = set(args.not_on_whatsapp or [])
        self.conversation = set()
        self.http500 = args.http500
        self.messages = []

    def find(self, wamid):
        for m in self.messages:
            if m["id"] == wamid:
                return m
        return None


def graph_error(code, message, status, details=""):
    body = {"error": {"message": message, "type": "OAuthException", "code": code,
                      "error_data": {"messaging_product": "whatsapp", "details": details or message},
                      "fbtrace_id": uuid.uuid4().hex[:22]}}
    return status, body


def status_payload(state, message, status):
    entry = {"id": message["id"], "status": status, "timestamp": str(int(time.time())), "recipient_id": message["to"]}
    if status == "failed":
        entry["errors"] = [{"code": 131026, "title": "Message undeliverable",
                            "message": "Message undeliverable", "error_data": {"details": "El número no tiene WhatsApp."}}]
    if status in ("sent", "delivered"):
        entry["conversation"] = {"id": "conv-" + message["to"], "origin": {"type": "utility"}}
        entry["pricing"] = {"billable": True, "pricing_model": "CBP", "category": "utility"}
    return {"object": "whatsapp_business_account",
            "entry": [{"id": "WABA-EMULADOR", "changes": [{"field": "messages", "value": {
                "messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "51100000000", "phone_number_id": state.phone_number_id},
                "statuses": [entry]}}]}]}


def post_webhook(state, message, status, bad_signature=False):
    """POSTs one status to the webhook; returns the HTTP status (0 when unreachable)."""
    if not state.webhook:
        return 0
    raw = json.dumps(status_payload(state, message, status), separators=(",", ":")).encode()
    key = (state.app_secret + ("x" if bad_signature else "")).encode()
    signature = "sha256=" + hmac.new(key, raw, hashlib.sha256).hexdigest()
    req = urllib.request.Request(state.webhook, data=raw, method="POST",
                                 headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            code = r.status
    except urllib.error.HTTPError as e:
        code = e.code
    except OSError:
        code = 0
    with state.lock:
        message["webhooks"].append({"status": status, "http": code})
    return code


class Handler(BaseHTTPRequestHandler):
    state: State = None
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if getattr(self.server, "verbose", False):
            sys.stderr.write("whatsapp-emulator: " + (fmt % args) + "\n")

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            return json.loads(raw or b"{}")
        except ValueError:
            return None

    def do_GET(self):
        if self.path == "/_emulador/mensajes":
            with self.state.lock:
                return self.reply(200, {"mensajes": self.state.messages})
        self.reply(404, {"error": "no encontrado"})

    def do_DELETE(self):
        if self.path == "/_emulador/mensajes":
            with self.state.lock:
                self.state.messages = []
            return self.reply(200, {"ok": True})
        self.reply(404, {"error": "no encontrado"})

    def do_POST(self):
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        body = self.body()
        if parts[:1] == ["_emulador"]:
            return self.admin(parts[1:], body or {})
        if len(parts) == 3 and parts[0].startswith("v") and parts[2] == "messages":
            return self.reply(*self.send_message(parts[1], body))
        self.reply(404, {"error": "no encontrado"})

    def admin(self, parts, body):
        s = self.state
        if parts == ["fallas"]:
            with s.lock:
                s.not_on_whatsapp |= set(body.get("sin_whatsapp", []))
                s.conversation |= set(body.get("conversacion", []))
                s.http500 = int(body.get("http500", s.http500))
                s.webhook = body.get("webhook", s.webhook)
                s.auto = bool(body.get("auto", s.auto))
            return self.reply(200, {"ok": True})
        if parts == ["estado"]:
            with s.lock:
                message = s.find(body.get("wamid", ""))
            if message is None:
                return self.reply(404, {"error": "wamid desconocido"})
            status = body.get("status", "")
            if status not in ("sent", "delivered", "read", "failed"):
                return self.reply(400, {"error": "estado desconocido"})
            codes = [post_webhook(s, message, status, bad_signature=body.get("firma") == "mala")
                     for _ in range(int(body.get("repeat", 1)))]
            return self.reply(200, {"respuestas": codes})
        self.reply(404, {"error": "no encontrado"})

    def send_message(self, phone_number_id, body):
        s = self.state
        if self.headers.get("Authorization", "") != "Bearer " + s.token:
            return graph_error(190, "Invalid OAuth access token - Cannot parse access token", 401)
        if phone_number_id != s.phone_number_id:
            return graph_error(100, "Unsupported post request. Object with ID '%s' does not exist" % phone_number_id, 400)
        if not isinstance(body, dict) or body.get("messaging_product") != "whatsapp" or not body.get("to"):
            return graph_error(100, "(#100) Invalid parameter", 400)
        with s.lock:
            if s.http500 > 0:
                s.http500 -= 1
                return graph_error(131000, "Something went wrong", 500)
        to = str(body["to"]).lstrip("+")
        kind = body.get("type", "text")
        template = None
        params = []
        if kind == "template":
            template = body.get("template") or {}
            name = template.get("name", "")
            lang = (template.get("language") or {}).get("code", "")
            langs = s.templates.get(name)
            if not langs or lang not in langs:
                return graph_error(132001, "(#132001) Template name does not exist in the translation", 404,
                                   "template name (%s) does not exist in %s" % (name, lang))
            for c in template.get("components", []):
                if c.get("type") == "body":
                    params = [p.get("text", "") for p in c.get("parameters", [])]
            if len(params) != langs[lang]:
                return graph_error(132000, "(#132000) Number of parameters does not match the expected number of params",
                                   400, "body: number of localizable_params (%d) does not match the expected number of "
                                   "params (%d)" % (len(params), langs[lang]))
        elif to not in s.conversation:
            return graph_error(131047, "Re-engagement message", 400,
                               "Message failed to send because more than 24 hours have passed since the customer "
                               "last replied to this number.")
        wamid = "wamid." + uuid.uuid4().hex.upper()
        message = {"id": wamid, "to": to, "type": kind, "template": (template or {}).get("name"),
                   "language": ((template or {}).get("language") or {}).get("code"), "parameters": params,
                   "sin_whatsapp": to in s.not_on_whatsapp, "webhooks": []}
        with s.lock:
            s.messages.append(message)
            auto = s.auto
        if auto:
            statuses = ["sent", "failed"] if message["sin_whatsapp"] else ["sent", "delivered"]
            threading.Thread(target=lambda: [post_webhook(s, message, st) for st in statuses], daemon=True).start()
        return 200, {"messaging_product": "whatsapp", "contacts": [{"input": body["to"], "wa_id": to}],
                     "messages": [{"id": wamid, "message_status": "accepted"}]}


class Server(ThreadingHTTPServer):
    daemon_threads = True


def parse_args(argv):
    p = argparse.ArgumentParser(description="Emulador local de la API de WhatsApp Business (Cloud API).")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 = un puerto libre (se imprime «LISTENING <puerto>»)")
    p.add_argument("--token", default="token-emulador", help="token de acceso (Bearer) esperado")
    p.add_argument("--phone-number-id", default="100000000000001")
    p.add_argument("--app-secret", default="secreto-app-emulador", help="clave de la firma X-Hub-Signature-256")
    p.add_argument("--webhook", default="", help="URL a la que se envían los estados")
    p.add_argument("--auto", action="store_true", help="enviar sent/delivered (o failed) apenas se acepta un mensaje")
    p.add_argument("--template", action="append", help="plantilla aprobada nombre:idioma:parámetros (repetible)")
    p.add_argument("--not-on-whatsapp", action="append", help="número sin WhatsApp (repetible)")
    p.add_argument("--http500", type=int, default=0, help="responder 500 (131000) a los próximos N envíos")
    p.add_argument("--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    Handler.state = State(args)
    server = Server((args.host, args.port), Handler)
    server.verbose = args.verbose
    print("LISTENING %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
