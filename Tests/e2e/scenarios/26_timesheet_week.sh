# Horas by keys: admin opens Operaciones › Horas on a fixed Thursday (03/12/2026), adds a row with the fuzzy
# picker, fills two cells (1:30 today, 2 on Tuesday), starts the timer with F9 from the grid, sees it run in
# the status bar five minutes later, stops it with F9 (logged, rounded up) and sends the week.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo >/dev/null || fail "demo"
sqlite3 "$DB" "INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by, created_at, updated_at)
  VALUES ('PRY-2026-00901', 'Landing e2e', 'U1', 'kanban', (SELECT min(id) FROM customer), 'admin', 'PEN', '2026-11-01', '2026-12-31', 'admin', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');
  INSERT INTO project_task(project_id, position, title, state_since, created_at)
  VALUES ((SELECT id FROM project WHERE code = 'PRY-2026-00901'), 1, 'Maquetación e2e', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');" \
  || fail "no se pudo crear el proyecto"
echo "2026-12-03T15:00:00Z" >"$WORK/clock"
BYTEK="env BYTEK_CLOCK_FILE=$WORK/clock $BYTEK"

start --user admin tui
press 3 ]
expect_screen "Semana 2026-W49" "no se abrió Operaciones › Horas"
press a
expect_screen "¿En qué proyecto o tarea?" "no se abrió el selector"
type_shown "maqueta"
press Enter
expect_screen "Fila agregada: PRY-2026-00901 · Maquetación e2e" "no se agregó la fila"
type_shown "1:30"
press Enter
expect_screen "Guardado: 1:30 el Jue 03/12" "no se guardó la celda de hoy"
press Left Left
type_shown "2"
press Enter
expect_line "Maquetación e2e" "3:30" "no se ve el total de la fila en la semana"
press F9
expect_screen "¿En qué proyecto o tarea?" "F9 no abrió el selector del cronómetro"
type_shown "maqueta"
press Enter
expect_screen "⏱ 00:00 PRY-2026-00901" "el cronómetro no aparece en la barra de estado"
echo "2026-12-03T15:05:00Z" >"$WORK/clock"
expect_screen "⏱ 00:05 PRY-2026-00901" "el cronómetro no avanza en la barra de estado"
press F9
expect_screen "Cronómetro detenido: 0:05 registradas" "F9 no detuvo el cronómetro"
press e
expect_screen "¿Enviar la semana 2026-W49" "no se pidió confirmar el envío"
press Enter
expect_screen "Semana 2026-W49 enviada para aprobación" "no se envió la semana"
[ "$(sqlite3 "$DB" "SELECT state || ' ' || (SELECT sum(minutes) FROM timesheet_entry e JOIN project p ON p.id = e.project_id WHERE e.login = 'admin' AND p.code = 'PRY-2026-00901') FROM timesheet_week WHERE login = 'admin' AND week = '2026-11-30';")" = "enviada 215" ] \
  || fail "la semana no quedó enviada con 3:35"
finish
