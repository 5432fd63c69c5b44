"""Tests of whatsapp_emulator.py (standard library only): python3 -m unittest discover -s Tests/GatewayEmulators"""

import hashlib
import hmac
import json
import os
import sys
import threading
import unittest
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import whatsapp_emulator as wa  # noqa: E402


class Receiver(BaseHTTPRequestHandler):
    """The webhook side: keeps every POST (raw body and signature)."""
    received = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Receiver.received.append((raw, self.headers.get("X-Hub-Signature-256")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


class WhatsAppEmulatorTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.hook = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        threading.Thread(target=cls.hook.serve_forever, daemon=True).start()
        args = wa.parse_args(["--webhook", "http://127.0.0.1:%d/webhooks/whatsapp" % cls.hook.server_address[1],
                              "--not-on-whatsapp", "51900000000"])
        wa.Handler.state = wa.State(args)
        cls.server = wa.Server(("127.0.0.1", 0), wa.Handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.base = "http://127.0.0.1:%d" % cls.server.server_address[1]

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.hook.shutdown()

    def setUp(self):
        Receiver.received = []

    def call(self, path, body=None, token="token-emulador", method="POST"):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, json.loads(r.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def send(self, to, name="recordatorio_pago", params=("ACME", "F001-9", "S/ 118.00", "https://x"), token="token-emulador"):
        body = {"messaging_product": "whatsapp", "to": to, "type": "template",
                "template": {"name": name, "language": {"code": "es"},
                             "components": [{"type": "body", "parameters": [{"type": "text", "text": p} for p in params]}]}}
        return self.call("/v21.0/100000000000001/messages", body, token=token)

    def test_template_accepted_and_signed_status_webhooks(self):
        status, answer = self.send("51987654321")
        self.assertEqual(status, 200)
        wamid = answer["messages"][0]["id"]
        self.assertTrue(wamid.startswith("wamid."))
        status, answer = self.call("/_emulador/estado", {"wamid": wamid, "status": "delivered", "repeat": 2})
        self.assertEqual(answer["respuestas"], [200, 200])
        self.assertEqual(len(Receiver.received), 2)
        raw, signature = Receiver.received[0]
        self.assertEqual(raw, Receiver.received[1][0], "a repeated webhook is the same notification")
        expected = "sha256=" + hmac.new(b"secreto-app-emulador", raw, hashlib.sha256).hexdigest()
        self.assertEqual(signature, expected)
        event = json.loads(raw)["entry"][0]["changes"][0]["value"]["statuses"][0]
        self.assertEqual((event["id"], event["status"], event["recipient_id"]), (wamid, "delivered", "51987654321"))
        self.call("/_emulador/estado", {"wamid": wamid, "status": "read", "firma": "mala"})
        raw, signature = Receiver.received[-1]
        self.assertNotEqual(signature, "sha256=" + hmac.new(b"secreto-app-emulador", raw, hashlib.sha256).hexdigest())
        _, listing = self.call("/_emulador/mensajes", method="GET")
        sent = [m for m in listing["mensajes"] if m["id"] == wamid][0]
        self.assertEqual(sent["parameters"], ["ACME", "F001-9", "S/ 118.00", "https://x"])

    def test_failures(self):
        status, answer = self.send("51987654321", params=("solo uno",))
        self.assertEqual((status, answer["error"]["code"]), (400, 132000))
        status, answer = self.send("51987654321", name="no_aprobada")
        self.assertEqual(answer["error"]["code"], 132001)
        status, answer = self.send("51987654321", token="otro")
        self.assertEqual((status, answer["error"]["code"]), (401, 190))
        status, answer = self.call("/v21.0/100000000000001/messages",
                                   {"messaging_product": "whatsapp", "to": "51987654321", "type": "text", "text": {"body": "hola"}})
        self.assertEqual((status, answer["error"]["code"]), (400, 131047))
        self.call("/_emulador/fallas", {"http500": 1})
        status, answer = self.send("51987654321")
        self.assertEqual((status, answer["error"]["code"]), (500, 131000))
        self.assertEqual(self.send("51987654321")[0], 200)

    def test_number_not_on_whatsapp_is_accepted_then_fails_in_the_webhook(self):
        status, answer = self.send("51900000000")
        self.assertEqual(status, 200)
        wamid = answer["messages"][0]["id"]
        self.call("/_emulador/estado", {"wamid": wamid, "status": "failed"})
        event = json.loads(Receiver.received[-1][0])["entry"][0]["changes"][0]["value"]["statuses"][0]
        self.assertEqual((event["status"], event["errors"][0]["code"]), ("failed", 131026))


if __name__ == "__main__":
    unittest.main()
