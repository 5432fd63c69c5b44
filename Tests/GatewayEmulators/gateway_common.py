"""What the Izipay and Niubiz emulators share: the HTTP server, JSON answers, Basic auth, the charge counter,
the fault injection and the admin API under /_emulador (see README.md). Standard library only."""

from __future__ import annotations

import base64
import json
import socket
import sys
import threading
import time
import urllib.request
import uuid
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

# Fault kinds accepted by POST /_emulador/falla.
FAULT_KINDS = {
    "rechazo",        # declined with `codigo` (the gateway's decline code)
    "vencida",        # the card is expired
    "timeout",        # charges, then answers only after `segundos` (past the client's timeout)
    "corte",          # charges, then closes the connection without answering
    "5xx",            # HTTP `estado` (500) before charging anything
    "ilegible",       # charges, then answers HTTP 200 with a body that is not the gateway's JSON
    "ipn_duplicada",  # Izipay: the IPN is posted twice
    "ipn_antes",      # Izipay: the IPN is posted before the form's answer reaches the browser
    "firma_ipn",      # Izipay: the IPN's kr-hash is wrong
}


class FaultError(Exception):
    pass


class Emulator:
    """In-memory state shared by the handler threads. Subclasses add the gateway's own tables."""

    def __init__(self, name: str):
        self.name = name
        self.lock = threading.RLock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.orders: dict = {}
            self.tokens: dict = {}
            self.refunds: list = []
            self.ipns: list = []
            self.charges: list = []  # one entry per amount actually taken from a card
            self.faults: list = []
            self.requests: list = []
            self.mailbox: list = []

    # -- saved cards -----------------------------------------------------------------------------

    def brand(self, pan: str) -> str:
        """The card's brand as the gateway names it (subclasses)."""
        return "VISA"

    def new_card_token(self) -> str:
        return new_id()

    def save_card(self, pan: str, month: int, year: int, email: str) -> str:
        token = self.new_card_token()
        with self.lock:
            self.tokens[token] = {"pan": pan, "marca": self.brand(pan), "mes": month, "anio": year, "email": email,
                                  "estado": "ACTIVE"}
        return token

    def admin_save_card(self, spec: dict) -> dict:
        """POST /_emulador/tarjeta {numero, vencimiento "MM/AA", email}: a saved card without the browser."""
        month, year = parse_expiry(spec.get("vencimiento", "12/30"))
        return {"token": self.save_card(str(spec["numero"]), month, year, spec.get("email", ""))}

    # -- charges ---------------------------------------------------------------------------------

    def count_charge(self, order_id: str, card: str, amount: int, currency: str, token: str | None) -> None:
        with self.lock:
            self.charges.append({"orden": order_id, "tarjeta": card, "monto": amount, "moneda": currency,
                                 "token": token, "hora": time.time()})

    def charges_summary(self) -> dict:
        with self.lock:
            by_card: dict = {}
            by_order: dict = {}
            for c in self.charges:
                by_card[c["tarjeta"]] = by_card.get(c["tarjeta"], 0) + 1
                by_order[c["orden"]] = by_order.get(c["orden"], 0) + 1
            return {"total": len(self.charges), "por_tarjeta": by_card, "por_orden": by_order,
                    "cargos": list(self.charges)}

    # -- faults ----------------------------------------------------------------------------------

    def add_fault(self, spec: dict) -> dict:
        kind = spec.get("tipo")
        if kind == "ninguna":
            with self.lock:
                if spec.get("orden") is None:
                    self.faults = []
                else:
                    self.faults = [f for f in self.faults if f.get("orden") != str(spec["orden"])]
            return {"fallas": self.faults}
        if kind not in FAULT_KINDS:
            raise FaultError("tipo desconocido: %r (uno de %s, o ninguna)" % (kind, ", ".join(sorted(FAULT_KINDS))))
        entry = {"tipo": kind, "orden": None if spec.get("orden") is None else str(spec["orden"]),
                 "veces": int(spec.get("veces", 1)), "codigo": spec.get("codigo"),
                 "segundos": float(spec.get("segundos", 3)), "estado": int(spec.get("estado", 500)),
                 "mensaje": spec.get("mensaje")}
        with self.lock:
            self.faults.append(entry)
        return entry

    def take_fault(self, order_id: str | None, kinds: set) -> dict | None:
        """The first fault of one of `kinds` for this order (or global), used up once (veces 0 = forever)."""
        with self.lock:
            for f in self.faults:
                if f["tipo"] not in kinds:
                    continue
                if f["orden"] is not None and f["orden"] != (None if order_id is None else str(order_id)):
                    continue
                if f["veces"] > 0:
                    f["veces"] -= 1
                    if f["veces"] == 0:
                        self.faults.remove(f)
                return dict(f)
        return None

    # -- IPN -------------------------------------------------------------------------------------

    def post_form(self, url: str, fields: dict, order_id: str, note: str) -> None:
        """Posts a notification form to the merchant and records what happened."""
        entry = {"orden": order_id, "url": url, "nota": note, "campos": fields, "estado_http": None, "error": None}
        try:
            data = urlencode(fields).encode("utf-8")
            req = urllib.request.Request(url, data=data, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
            with urllib.request.urlopen(req, timeout=10) as resp:
                entry["estado_http"] = resp.status
        except urllib.error.HTTPError as e:
            entry["estado_http"] = e.code
        except Exception as e:  # the merchant is down: recorded, as the real gateway would retry later
            entry["error"] = repr(e)
        with self.lock:
            self.ipns.append(entry)


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


def new_id() -> str:
    return uuid.uuid4().hex


class Handler(BaseHTTPRequestHandler):
    """Routes /_emulador/* (admin) here and everything else to `emulator.route`."""

    emulator = None  # set by serve()
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if getattr(self.server, "verbose", False):
            sys.stderr.write("%s: %s\n" % (self.emulator.name, fmt % args))

    # -- plumbing --------------------------------------------------------------------------------

    def body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def json_body(self):
        raw = self.body()
        if not raw:
            return {}
        # Decimals stay exact (Niubiz's amounts are decimal numbers).
        return json.loads(raw.decode("utf-8"), parse_float=Decimal)

    def form_body(self) -> dict:
        return {k: v[0] for k, v in parse_qs(self.body().decode("utf-8"), keep_blank_values=True).items()}

    def send(self, status: int, payload, content_type: str = "application/json; charset=utf-8",
             headers: dict | None = None) -> None:
        if isinstance(payload, (dict, list)):
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        elif isinstance(payload, str):
            data = payload.encode("utf-8")
        else:
            data = payload
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def after_charge(self, fault: dict | None) -> bool:
        """Applies a timeout / corte / ilegible fault once the charge is recorded; True when it answered."""
        if fault is None:
            return False
        if fault["tipo"] == "timeout":
            time.sleep(fault["segundos"])
            return False
        if fault["tipo"] == "corte":
            self.drop()
            return True
        self.send(200, "<html><body>Gateway Timeout</body></html>", "text/html")
        return True

    def drop(self) -> None:
        """Closes the connection without an answer (the client sees it cut)."""
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def basic_auth(self):
        value = self.headers.get("Authorization") or ""
        if not value.startswith("Basic "):
            return None
        try:
            user, _, password = base64.b64decode(value[6:]).decode("utf-8").partition(":")
        except Exception:
            return None
        return user, password

    # -- verbs -----------------------------------------------------------------------------------

    def do_OPTIONS(self):
        self.send(204, b"", headers={"Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
                                     "Access-Control-Allow-Headers": "Content-Type, Authorization"})

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def do_PUT(self):
        self.dispatch("PUT")

    def dispatch(self, method: str) -> None:
        path = urlsplit(self.path).path
        em = self.emulator
        try:
            if path.startswith("/_emulador/"):
                self.admin(method, path[len("/_emulador/"):])
            else:
                with em.lock:
                    em.requests.append({"metodo": method, "ruta": path, "hora": time.time()})
                em.route(self, method, path)
        except (ValueError, KeyError, TypeError, AttributeError, FaultError) as e:
            self.send(400, {"error": str(e)})
        except (BrokenPipeError, ConnectionResetError):
            pass

    def admin(self, method: str, what: str) -> None:
        em = self.emulator
        if method == "GET" and what == "ordenes":
            with em.lock:
                self.send(200, em.orders)
        elif method == "GET" and what == "cargos":
            self.send(200, em.charges_summary())
        elif method == "GET" and what == "tokens":
            with em.lock:
                self.send(200, em.tokens)
        elif method == "GET" and what == "reembolsos":
            with em.lock:
                self.send(200, em.refunds)
        elif method == "GET" and what == "ipn":
            with em.lock:
                self.send(200, em.ipns)
        elif method == "GET" and what == "solicitudes":
            with em.lock:
                self.send(200, em.requests)
        elif method == "GET" and what == "fallas":
            with em.lock:
                self.send(200, em.faults)
        elif method == "POST" and what == "falla":
            self.send(200, em.add_fault(self.json_body()))
        elif method == "POST" and what == "reiniciar":
            em.reset()
            self.send(200, {"ok": True})
        elif method == "POST" and what == "tarjeta":
            self.send(200, em.admin_save_card(self.json_body()))
        elif method == "POST" and what == "buzon":
            # A stand-in merchant endpoint: tests point ipnTargetUrl here and read what arrived.
            raw = self.body().decode("utf-8")
            fields = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
            with em.lock:
                em.mailbox.append({"campos": fields, "crudo": raw, "hora": time.time()})
            self.send(200, "OK", "text/plain")
        elif method == "GET" and what == "buzon":
            with em.lock:
                self.send(200, em.mailbox)
        elif method == "POST" and what == "config":
            self.send(200, em.admin_config(self.json_body()))
        else:
            self.send(404, {"error": "no existe /_emulador/%s" % what})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64
    verbose = False


def main(argv, description: str, add_options, make) -> int:
    """Parses the common options (--host, --port, --verbose) and the emulator's own, then serves `make(args)`."""
    import argparse
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 = un puerto libre (se imprime «LISTENING <puerto>»)")
    p.add_argument("--verbose", action="store_true")
    add_options(p)
    args = p.parse_args(sys.argv[1:] if argv is None else argv)
    return serve(make(args), args.host, args.port, args.verbose)


def serve(emulator: Emulator, host: str, port: int, verbose: bool) -> int:
    Handler.emulator = emulator
    server = Server((host, port), Handler)
    server.verbose = verbose
    print("LISTENING %d" % server.server_address[1], flush=True)
    sys.stderr.write("%s: escuchando en http://%s:%d\n" % (emulator.name, host, server.server_address[1]))
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def parse_expiry(text: str) -> tuple[int, int]:
    """"MM/YY" or "MM/YYYY" -> (month, four-digit year)."""
    month, _, year = str(text).strip().partition("/")
    m, y = int(month), int(year)
    if y < 100:
        y += 2000
    if not 1 <= m <= 12:
        raise ValueError("mes de vencimiento inválido: %r" % text)
    return m, y


def is_expired(month: int, year: int) -> bool:
    t = time.gmtime()
    return (year, month) < (t.tm_year, t.tm_mon)


def mask(pan: str) -> str:
    return pan[:6] + "X" * (len(pan) - 10) + pan[-4:]
