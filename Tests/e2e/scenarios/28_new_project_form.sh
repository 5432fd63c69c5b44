# The new-project form by keys, on the demo at a fixed Thursday (03/12/2026): Operaciones › Proyectos, `n`,
# the name; typing part of a demo customer's name opens the customer picker, Enter picks it; typing "land"
# on Plantilla opens the template picker (steps and working days), Enter picks it; the promised date
# 18/12/2026 shows the due dates counted back over working days before saving; Ctrl-S
# creates the project, whose board shows its six cards with due dates; the database holds the same dates.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo --no-invoices >/dev/null || fail "demo"
CUSTOMER=$(sqlite3 "$DB" "SELECT legal_name FROM customer WHERE doc_type = 'RUC' AND archived = 0 ORDER BY id LIMIT 1;")
DOC=$(sqlite3 "$DB" "SELECT doc_number FROM customer WHERE doc_type = 'RUC' AND archived = 0 ORDER BY id LIMIT 1;")
[ -n "$DOC" ] || fail "la demo no tiene clientes con RUC"
echo "2026-12-03T15:00:00Z" >"$WORK/clock"
BYTEK="env BYTEK_CLOCK_FILE=$WORK/clock $BYTEK"

COLS=120 ROWS=40 start --user admin tui
press 3
expect_screen "Prometido" "no se abrió Operaciones › Proyectos"
press n
expect_screen "Nuevo proyecto" "no se abrió el formulario"
type_into "Nombre" "Landing e2e Navidad"
press Tab
expect_focus "Cliente"
type_shown "$CUSTOMER" "RUC $DOC"
expect_screen "Cliente del proyecto" "no se abrió el selector de clientes"
press Enter
expect_line "Cliente" "$DOC · " "no se eligió el cliente"
press Tab Tab Tab
expect_focus "Plantilla"
type_shown "land" "6 pasos · 7 días háb."
press Enter
expect_line "Plantilla" "Landing page 7 días" "no se eligió la plantilla"
press Tab Tab Tab
expect_focus "Prometido"
press C-u
type_into "Prometido" "18/12/2026"
press Tab
expect_line "Vencimientos" "inicio 10/12/2026" "no se ven los vencimientos de la plantilla"
expect_screen "empezar el 10/12/2026" "no se dijo cuándo empezar"
press C-s
expect_screen "creado" "no se creó el proyecto"
CODE=$(sqlite3 "$DB" "SELECT code FROM project WHERE name = 'Landing e2e Navidad';")
[ -n "$CODE" ] || fail "el proyecto no está en la base"
expect_line "$CODE" "Landing e2e Navidad" "no se ve el proyecto en la lista"
press Enter
expect_screen "Por hacer 6" "no se ven las 6 tarjetas del proyecto"
expect_screen "brief" "no se ve la tarjeta del brief"
expect_screen "vence 10/12" "no se ve el vencimiento de la primera tarjeta"
expect_screen "vence 18/12" "no se ve el vencimiento de la última tarjeta"
[ "$(sqlite3 "$DB" "SELECT group_concat(t.due_date, ' ') FROM (SELECT due_date FROM project_task
    WHERE project_id = (SELECT id FROM project WHERE code = '$CODE') ORDER BY position) t;")" \
  = "2026-12-10 2026-12-11 2026-12-14 2026-12-16 2026-12-17 2026-12-18" ] || fail "las fechas de las tarjetas no son las esperadas"
[ "$(sqlite3 "$DB" "SELECT c.doc_number || ' ' || p.kind || ' ' || p.unit FROM project p JOIN customer c ON c.id = p.customer_id
    WHERE p.code = '$CODE';")" = "$DOC kanban U1" ] || fail "el proyecto no es del cliente elegido"
finish
