# The payment gate (issue 13 §3), on the board, with data made by the program only (no SQL writes):
# the demo's sent U2 quote by milestones (30/30/40) is accepted (its project and milestones come from the
# acceptance); milestone 1's deliverable is attached, released and approved by staff with the signed acta;
# finanzas issues its factura (stored and queued for SUNAT, credit at the customer's 45 days); two tasks of
# milestone 2. The fake clock (BYTEK_CLOCK_FILE, the TUI's and the CLI's) then passes the due date.
# On the board `>` is refused and says why; Mis pendientes shows it; admin lifts the gate with `L` (reason and
# end date) and a card moves; the clock passes the end date unpaid and the other card is refused again; the
# payment (net and detracción, `bytek pago registrar` / `bytek detraccion registrar` from another process)
# reaches the open screen by itself, and `>` moves the card to En curso (screen and db).
. "$(dirname "$0")/../lib.sh"
echo "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$WORK/clock"
BYTEK="env BYTEK_CLOCK_FILE=$WORK/clock $BYTEK"
$BYTEK --db "$DB" demo >/dev/null || fail "demo"
# cli USER ARGS...: runs bytek as USER; its output, or the scenario fails with it.
cli() {
  local user="$1" out; shift
  out=$($BYTEK --db "$DB" --user "$user" "$@" 2>&1) || fail "bytek $*: $out"
  printf '%s\n' "$out"
}

# The sales side: the sent U2 quote by milestones, accepted by admin over the customer's credit line.
quote=$(sqlite3 "$DB" "SELECT number FROM quote WHERE unit = 'U2' AND state = 'sent' AND payment_kind = 'milestones'
  ORDER BY id LIMIT 1;")
[ -n "$quote" ] || fail "la demo no tiene una cotización U2 por hitos enviada"
cli admin hitos facturacion finanzas >/dev/null
out=$(cli admin quote accept "$quote" --sobre-credito "Contrato firmado; adelanto por hitos")
code=$(grep -o 'PRY-[0-9]*-[0-9]*' <<<"$out" | head -1)
[ -n "$code" ] || fail "la aceptación no creó el proyecto: $out"
milestone() { sqlite3 "$DB" "SELECT m.id FROM project_milestone m JOIN project p ON p.id = m.project_id
  WHERE p.code = '$code' AND m.position = $1;"; }
m1=$(milestone 1); m2=$(milestone 2)
[ -n "$m1" ] && [ -n "$m2" ] || fail "el proyecto no tiene los hitos de la cotización"

# Milestone 1 delivered and approved (acta recorded by staff), then invoiced by finanzas.
echo "Documento de alcance v1" >"$WORK/alcance.pdf"
echo "Acta de conformidad firmada" >"$WORK/acta.pdf"
cli operaciones hitos adjuntar "$m1" "$WORK/alcance.pdf" >/dev/null
deliverable=$(sqlite3 "$DB" "SELECT max(id) FROM project_deliverable WHERE milestone_id = $m1;")
cli operaciones hitos liberar "$deliverable" >/dev/null
cli operaciones hitos listo "$m1" >/dev/null
cli operaciones hitos aprobar "$m1" --via acta --evidencia "$WORK/acta.pdf" --por "Rosa Espinoza" >/dev/null
out=$(cli finanzas hitos facturar "$m1")
docref=$(grep -o 'F[A-Z0-9]*-[0-9]*' <<<"$out" | head -1)
[ -n "$docref" ] || fail "no se emitió la factura del hito: $out"
cli operaciones proyectos tarea "$code" "Pantallas de la beta" --hito "$m2" >/dev/null
cli operaciones proyectos tarea "$code" "Pruebas de la beta" --hito "$m2" >/dev/null
task() { sqlite3 "$DB" "SELECT t.id FROM project_task t JOIN project p ON p.id = t.project_id
  WHERE p.code = '$code' AND t.title = '$1';"; }
screens=$(task "Pantallas de la beta"); tests=$(task "Pruebas de la beta")
state() { sqlite3 "$DB" "SELECT state FROM project_task WHERE id = $1;"; }

# Ten days past the factura's due date (the net part and the detracción fall due together).
due=$(sqlite3 "$DB" "SELECT max(due_date) FROM receivable WHERE document_ref = '$docref';")
owed=$(sqlite3 "$DB" "SELECT printf('%.2f', sum(amount_cents - settled_cents) / 100.0) FROM receivable WHERE document_ref = '$docref';")
owed_text=$(python3 -c "import sys; print('{:,.2f}'.format(float(sys.argv[1])))" "$owed")
echo "$(date -u -d "$due + 10 days" +%Y-%m-%d)T15:00:00Z" >"$WORK/clock"

# On the board: the move to En curso is refused, with the document, the days and the amount.
COLS=140 start --user admin tui
press 3
expect_line "$code" "bloqueado" "la lista de proyectos no muestra el proyecto bloqueado"
press /
type_shown "$quote"
press Enter
press Enter
expect_screen "1 Tareas" "no se abrió el proyecto"
expect_screen "✖ Bloqueado por pago: $docref vencida hace 10 días" "la cabecera no dice por qué está bloqueado"
expect_screen "Por hacer 2" "no se ven las dos tareas del hito 2"
press ">"
expect_screen "debe S/ $owed_text" "el rechazo no dice cuánto se debe"
expect_screen "En curso 0" "la tarjeta se movió con la factura vencida"
[ "$(state "$screens")" = "por_hacer" ] || fail "la tarea pasó a en curso con la factura vencida"

# The manager's to-dos (palette), everyone's: the project is there, blocked, with why.
press :
type_shown "pendientes de proyectos"
expect_screen "Mis pendientes de proyectos" "la paleta no ofrece Mis pendientes de proyectos"
press Enter
expect_screen "Sus proyectos al" "no se abrió Mis pendientes"
press a
expect_line "BLOQUEADO" "$code" "Mis pendientes no muestra el proyecto bloqueado"
expect_line "$code" "$docref vencida hace 10 días" "la línea no dice qué comprobante vence"
press Escape
expect_screen "1 Tareas" "no volvió al proyecto"

# Admin lifts the gate until three days later: the card moves.
until=$(date -u -d "$due + 13 days" +%Y-%m-%d)
press L
expect_screen "Levantar bloqueo por pago" "L no abrió el diálogo"
type_shown "Cliente en trámite de pago"
press Tab BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_shown "$until"
press Enter
expect_screen "levantado hasta el" "no se levantó el bloqueo"
expect_gone "✖ Bloqueado por pago" "la cabecera sigue bloqueada tras levantarlo"
press ">"
expect_screen "En curso 1" "la tarjeta no pasó a En curso con el bloqueo levantado"
[ "$(state "$screens")" = "en_curso" ] || fail "la tarea no quedó en curso con el bloqueo levantado"

# The end date passes unpaid: the block falls back, the other card is refused.
echo "$(date -u -d "$until + 1 day" +%Y-%m-%d)T15:00:00Z" >"$WORK/clock"
press Left
expect_screen "Por hacer 1" "no volvió a Por hacer"
press ">"
expect_screen "✖ Bloqueado por pago: $docref" "la cabecera no volvió a decir el bloqueo al pasar la fecha"
expect_screen "En curso 1" "la tarjeta se movió con el bloqueo vencido"
[ "$(state "$tests")" = "por_hacer" ] || fail "la tarea pasó a en curso con el bloqueo vencido"

# Finanzas records the payment and the detracción deposit in another process: the open board reads it.
net=$(sqlite3 "$DB" "SELECT printf('%.2f', (amount_cents - settled_cents) / 100.0) FROM receivable WHERE document_ref = '$docref' AND part = 'neto';")
det=$(sqlite3 "$DB" "SELECT printf('%.2f', (amount_cents - settled_cents) / 100.0) FROM receivable WHERE document_ref = '$docref' AND part = 'detraccion';")
account=$(sqlite3 "$DB" "SELECT id FROM bank_account WHERE currency = 'PEN' AND is_detraccion = 0 AND active = 1 ORDER BY id LIMIT 1;")
ruc=$(sqlite3 "$DB" "SELECT customer_doc_number FROM receivable WHERE document_ref = '$docref' LIMIT 1;")
cli finanzas pago registrar --cliente "$ruc" --monto "$net" --aplicar "$docref:$net" --cuenta "$account" --operacion "OP-25" >/dev/null
[ -z "$det" ] || cli finanzas detraccion registrar "$docref" --constancia "25250001" --monto "$det" >/dev/null
press Right
expect_gone "✖ Bloqueado por pago" "el bloqueo sigue en pantalla tras el pago"
press Left
press ">"
expect_screen "En curso 2" "la tarjeta no pasó a En curso tras el pago"
[ "$(state "$tests")" = "en_curso" ] || fail "la tarea no quedó en curso tras el pago"
press Escape
press q
wait_for "__EXIT_0__" || true
finish
