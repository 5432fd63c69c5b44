# Proyectos by keys, demo-free: a project made with the CLI from the "Landing page 7 días" template and a WIP
# limit of 1 on its "En curso"; Operaciones (3) › Proyectos lists it, Enter opens its board, `>` moves the
# first card to En curso, a second `>` hits the limit and asks the override reason, which moves it anyway.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"
printf 'tipo_doc,numero_doc,razon_social\nRUC,20100047218,Panadería Lima S.A.C.\n' > "$WORK/c.csv"
"$BYTEK" --db "$DB" --user admin import customers "$WORK/c.csv" >/dev/null || fail "import"
PROMISED=$(date -d "+40 days" +%F)
"$BYTEK" --db "$DB" --user admin proyectos nuevo --cliente 20100047218 --nombre "Landing Pan Lima" --responsable admin \
  --prometida "$PROMISED" --plantilla "Landing page 7 días" >"$WORK/nuevo.txt" || fail "proyectos nuevo"
CODE=$(grep -o 'PRY-[0-9]*-[0-9]*' "$WORK/nuevo.txt" | head -1)
[ -n "$CODE" ] || fail "no se creó el proyecto"
"$BYTEK" --db "$DB" --user admin proyectos wip "$CODE" en_curso 1 >/dev/null || fail "wip"

COLS=140 ROWS=40 start --user admin tui
press 3
expect_screen "$CODE" "no se ve el proyecto en Proyectos"
expect_screen "Landing Pan Lima" "no se ve el nombre del proyecto"
press Enter
expect_screen "1 Tareas" "no se abrió el proyecto"
expect_screen "Por hacer 6" "no se ven las 6 tarjetas por hacer"
expect_screen "En curso 0/1" "no se ve el límite de En curso"
press ">"
expect_screen "En curso 1/1" "la tarjeta no pasó a En curso"
expect_screen "pasó a En curso" "no se confirmó el movimiento"
press Left
expect_screen "Por hacer 5" "no volvió a Por hacer"
press ">"
expect_screen "Límite de trabajo en curso" "no se pidió el motivo del límite WIP"
type_shown "Cliente pidió prioridad"
press Enter
expect_screen "En curso 2/1" "no se pasó el límite con el motivo"
expect_screen "por encima del límite" "no se dijo que pasó el límite"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM project_task WHERE state = 'en_curso';")" = "2" ] || fail "no se guardaron los movimientos"
finish
