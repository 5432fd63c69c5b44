# The payment gate (issue 13 §3): a U2 project whose milestone 1 factura is overdue. Moving a task of
# milestone 2 to "en curso" is refused with why (document, days, amount owed); the manager's "Mis pendientes
# de proyectos" (palette) says the same; a payment recorded with `bytek pago registrar` lifts it by itself:
# the screen (reloaded) no longer shows the block and the task moves.
#
# Setup: the demo's data; the project by hand (`bytek proyectos nuevo --tipo hitos`). Its milestones and the
# link of milestone 1 to a demo factura are written with sqlite3, standing in for a quote's acceptance and
# part C's milestone invoicing (no CLI writes milestones yet). The card is moved with `bytek proyectos mover`:
# the Proyectos board is not in this branch yet.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo >/dev/null || fail "demo"

# An open PEN factura receivable (net part, no other part open) of a customer, due before today.
row=$(sqlite3 -separator '|' "$DB" "SELECT r.document_id, r.document_ref, r.customer_doc_number, r.id,
  printf('%.2f', (r.amount_cents - r.settled_cents) / 100.0) FROM receivable r
  WHERE r.is_open = 1 AND r.cancelled = 0 AND r.currency = 'PEN' AND r.part = 'neto' AND r.document_kind = '01'
    AND r.due_date < date('now', '-5 hours')
    AND NOT EXISTS (SELECT 1 FROM receivable o WHERE o.document_id = r.document_id AND o.id <> r.id AND o.is_open = 1)
  ORDER BY r.due_date LIMIT 1;")
[ -n "$row" ] || fail "la demo no tiene una factura vencida en soles"
IFS='|' read -r docid docref ruc recid owed <<<"$row"
owed_text=$(python3 -c "import sys; print('{:,.2f}'.format(float(sys.argv[1])))" "$owed")

out=$("$BYTEK" --db "$DB" --user admin proyectos nuevo --cliente "$ruc" --nombre "Portal de pedidos" --responsable admin \
  --prometida "$(date -d '+90 days' +%Y-%m-%d)" --unidad U2 --tipo hitos 2>&1) || fail "no se creó el proyecto: $out"
code=$(sqlite3 "$DB" "SELECT code FROM project ORDER BY id DESC LIMIT 1;")
pid=$(sqlite3 "$DB" "SELECT id FROM project ORDER BY id DESC LIMIT 1;")
sqlite3 "$DB" "INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state, document_id)
  VALUES ($pid, 1, 'Análisis', '30', 0, date('now', '-40 days'), 'facturado', $docid),
         ($pid, 2, 'Desarrollo', '70', 0, date('now', '+30 days'), 'pendiente', NULL);" || fail "no se escribieron los hitos"
m2=$(sqlite3 "$DB" "SELECT id FROM project_milestone WHERE project_id = $pid AND position = 2;")
out=$("$BYTEK" --db "$DB" --user admin proyectos tarea "$code" "Desarrollo del catálogo" 2>&1) || fail "no se creó la tarea: $out"
task=$(sqlite3 "$DB" "SELECT id FROM project_task WHERE project_id = $pid ORDER BY id DESC LIMIT 1;")
sqlite3 "$DB" "UPDATE project_task SET milestone_id = $m2 WHERE id = $task;"

# The card can't move, and the refusal says why.
if out=$("$BYTEK" --db "$DB" --user admin proyectos mover "$task" en_curso 2>&1); then fail "la tarea pasó a en curso con la factura vencida"; fi
case "$out" in *"Bloqueado por pago: $docref vencida hace "*"debe S/ $owed_text"*) ;;
  *) fail "el rechazo no dice el comprobante ni la deuda: $out";; esac
status=$("$BYTEK" --db "$DB" --user admin compuerta estado "$code")
case "$status" in *"$docref"*"S/ $owed_text"*) ;; *) fail "compuerta estado no muestra el bloqueo: $status";; esac

# The manager's to-dos in the TUI.
start --user admin tui
expect_screen "1 Comercial" "no abrió"
press :
type_text "pendientes de proyectos"
expect_screen "Mis pendientes de proyectos" "la paleta no ofrece Mis pendientes de proyectos"
press Enter
expect_screen "BLOQUEADO" "no se ve el proyecto bloqueado"
expect_line "$code" "$docref vencida hace" "la línea del proyecto no dice qué comprobante vence"
expect_line "$code" "debe S/ $owed_text" "la línea del proyecto no dice cuánto se debe"

# Paid through Cobranzas' command: nothing to lift by hand.
account=$(sqlite3 "$DB" "SELECT id FROM bank_account WHERE currency = 'PEN' AND is_detraccion = 0 AND active = 1 ORDER BY id LIMIT 1;")
out=$("$BYTEK" --db "$DB" --user finanzas pago registrar --cliente "$ruc" --monto "$owed" --aplicar "$docref:$owed" \
  --cuenta "$account" --operacion "OP-25" 2>&1) || fail "no se registró el pago: $out"
press a   # everyone's, then back: the screen reads the gate again
press a
expect_gone "BLOQUEADO" "el bloqueo sigue en pantalla tras el pago"
out=$("$BYTEK" --db "$DB" --user admin proyectos mover "$task" en_curso 2>&1) || fail "la tarea no pasó a en curso tras el pago: $out"
[ "$(sqlite3 "$DB" "SELECT state FROM project_task WHERE id = $task;")" = "en_curso" ] || fail "la tarea no quedó en curso"
press Escape
press q
wait_for "__EXIT_0__" || true
finish
