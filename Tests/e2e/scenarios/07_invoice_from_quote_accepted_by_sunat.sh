# Billing by keys only: a factura from an accepted quote in Facturación, sent by the worker to the local SUNAT
# emulator while the screen is open; its status turns "aceptado" by itself; then its PDF.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo >/dev/null || fail "demo"

# The emulator on a free port, answering for the demo company; the settings point at it.
emulator="$(cd "$(dirname "$0")/../.." && pwd)/SunatEmulator/sunat_emulator.py"
python3 "$emulator" --port 0 --ruc 20601234565 --state "$WORK/sunat-emulador.json" >"$WORK/emulador.out" 2>"$WORK/emulador.err" &
EMULATOR=$!
port=""
emulator_listening() { port=$(sed -n 's/^LISTENING //p' "$WORK/emulador.out"); [ -n "$port" ]; }
wait_until "$E2E_TIMEOUT" emulator_listening
[ -n "$port" ] || fail "el emulador de SUNAT no arrancó: $(cat "$WORK/emulador.err")"
"$BYTEK" --db "$DB" --user admin invoice settings >"$WORK/ajustes.json" || fail "no se leyeron los ajustes"
python3 - "$WORK/ajustes.json" "$port" <<'PY'
import json, sys
path, port = sys.argv[1], sys.argv[2]
s = json.load(open(path))
s["endpoints"] = {"emulator": {"billService": f"http://127.0.0.1:{port}/ol-ti-itcpfegem-beta/billService",
                               "consultService": f"http://127.0.0.1:{port}/ol-it-wsconscpegem/billConsultService"}}
json.dump(s, open(path, "w"))
PY
"$BYTEK" --db "$DB" --user admin invoice settings --file "$WORK/ajustes.json" >/dev/null || fail "no se guardaron los ajustes"
"$BYTEK" --db "$DB" --user admin worker >"$WORK/trabajador.log" 2>&1 &
WORKER=$!
trap 'kill "$WORKER" "$EMULATOR" 2>/dev/null' EXIT

start --user finanzas tui
press 2  # Finanzas: Facturación
expect_screen "Facturación" "no se abrió Facturación"
press e
expect_screen "Cotización aceptada a facturar" "no se abrió la lista de cotizaciones aceptadas"
# The demo's last accepted quote billed as a whole (the newer ones are billed by milestones: their projects').
num=$(sqlite3 "$DB" "SELECT number FROM quote WHERE state = 'accepted' AND id NOT IN
  (SELECT quote_id FROM project WHERE kind = 'hitos' AND quote_id IS NOT NULL) ORDER BY id DESC LIMIT 1;")
type_shown "$num"
press Enter
expect_screen "Emitir comprobante" "no se pidió confirmar la emisión"
press s
expect_screen "emitida por" "no se emitió la factura"
doc=$(sqlite3 "$DB" "SELECT series || '-' || number FROM e_document ORDER BY id DESC LIMIT 1;")
quote=$(sqlite3 "$DB" "SELECT quote_number FROM e_document ORDER BY id DESC LIMIT 1;")
case "$doc" in F001-*) ;; *) fail "el comprobante emitido no es una factura F001: $doc";; esac
[ -n "$quote" ] || fail "la factura no guarda la cotización de origen"

# The worker sends it; the open screen shows SUNAT's answer without any key.
# (the worker polls for jobs and sends over HTTP: on a loaded machine that can take a while)
wait_until 60 line_with "$doc " "aceptado" || fail "$doc no pasó a aceptado en pantalla ($(sqlite3 "$DB" "SELECT status || ' ' || coalesce(last_error,'') FROM e_document ORDER BY id DESC LIMIT 1;"))"
[ "$(sqlite3 "$DB" "SELECT response_code FROM e_document ORDER BY id DESC LIMIT 1;")" = "0" ] || fail "SUNAT no respondió 0"

press p
expect_screen "PDF generado:" "no se generó el PDF de la factura"
pdf="$WORK/documentos/$doc.pdf"
[ -f "$pdf" ] || pdf=$(ls "$WORK"/documentos/"$doc"*.pdf 2>/dev/null | head -1)
[ -f "$pdf" ] || fail "no está el PDF de $doc"
text=$(pdftotext -layout "$pdf" -)
case "$text" in *"FACTURA ELECTRÓNICA"*"$quote"*"Representación impresa de la FACTURA ELECTRÓNICA"*) ;;
  *) fail "el PDF no tiene el título, la cotización de origen y la leyenda";; esac
finish
