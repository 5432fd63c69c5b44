#!/usr/bin/env python3
"""A small emulator of SUNAT's SIRE REST API for the sales register (RVIE), standard library only.

Serves the calls BYTEK's worker makes (SireAPIClient): the OAuth token (password grant, SIRE scope), the
proposal request (a ticket), the ticket's state (finished at the second query, as SUNAT's are not immediate),
and the report file: a ZIP holding the proposal text given with --proposal. Prints "LISTENING <port>" once ready.
"""
import argparse
import io
import json
import sys
import urllib.parse
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIBROS = "/v1/contribuyente/migeigv/libros"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--ruc", required=True)
    ap.add_argument("--user", default="MODDATOS")
    ap.add_argument("--password", default="moddatos")
    ap.add_argument("--client-id", default="cliente-sire")
    ap.add_argument("--client-secret", default="secreto-sire")
    ap.add_argument("--proposal", required=True, help="the proposal text (TXT) served inside the report ZIP")
    args = ap.parse_args()
    token = "token-sire-emulado"
    tickets = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def reply(self, status, body, kind="application/json"):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            path = urllib.parse.urlparse(self.path).path
            length = int(self.headers.get("Content-Length") or 0)
            form = urllib.parse.parse_qs(self.rfile.read(length).decode())
            one = lambda k: (form.get(k) or [""])[0]
            if path != "/v1/clientessol/%s/oauth2/token/" % args.client_id:
                return self.reply(404, {"error": "not found"})
            ok = (one("grant_type") == "password" and one("scope") == "https://api-sire.sunat.gob.pe"
                  and one("client_id") == args.client_id and one("client_secret") == args.client_secret
                  and one("username") == args.ruc + args.user and one("password") == args.password)
            if not ok:
                return self.reply(401, {"error": "invalid_grant", "error_description": "credenciales no validas"})
            self.reply(200, {"access_token": token, "token_type": "JWT", "expires_in": 3600})

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
            if self.headers.get("Authorization") != "Bearer " + token:
                return self.reply(401, {"msg": "token no valido"})
            prefix = LIBROS + "/rvie/propuesta/web/propuesta/"
            if url.path.startswith(prefix) and url.path.endswith("/exportapropuesta"):
                period = url.path[len(prefix):].split("/")[0]
                ticket = "%s%08d" % (period, len(tickets) + 1)
                tickets[ticket] = {"period": period, "queries": 0}
                return self.reply(200, {"numTicket": ticket})
            if url.path == LIBROS + "/rvierce/gestionprocesosmasivos/web/masivo/consultaestadotickets":
                t = tickets.get(q.get("numTicket", ""))
                if not t or q.get("perIni") != t["period"]:
                    return self.reply(200, {"paginacion": {"totalRegistros": 0}, "registros": []})
                t["queries"] += 1
                record = {"numTicket": q["numTicket"], "perTributario": t["period"], "codProceso": "10",
                          "codEstadoProceso": "01", "desEstadoProceso": "En proceso", "archivoReporte": []}
                if t["queries"] >= 2:
                    record.update(codEstadoProceso="06", desEstadoProceso="Terminado", archivoReporte=[
                        {"codTipoAchivoReporte": "01", "codTipoArchivoReporte": "01",
                         "nomArchivoReporte": "LE%s%s001400000212.zip" % (args.ruc, t["period"])}])
                return self.reply(200, {"paginacion": {"page": 1, "perPage": 20, "totalRegistros": 1}, "registros": [record]})
            if url.path == LIBROS + "/rvierce/gestionprocesosmasivos/web/masivo/archivoreporte":
                name = q.get("nomArchivoReporte", "")
                if not name.endswith(".zip"):
                    return self.reply(404, {"msg": "archivo no encontrado"})
                buf = io.BytesIO()
                with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                    with open(args.proposal, "rb") as f:
                        z.writestr(name[:-4] + ".txt", f.read())
                return self.reply(200, buf.getvalue(), "application/octet-stream")
            self.reply(404, {"msg": "no encontrado"})

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print("LISTENING %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
