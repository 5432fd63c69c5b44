# Registro de ventas (SIRE RVIE) by keys: finanzas opens it on the demo, picks the demo's month, compares it with
# the sample proposal `bytek demo` wrote beside the database (its differences listed by kind), writes the
# replacement ZIP with g; the ZIP holds the ISO-8859-1 text SUNAT expects.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" demo >"$WORK/demo.out" || fail "demo"
period=$(sed -n 's/^SIRE: propuesta de ejemplo de \([0-9-]*\) en \(.*\) (Finanzas.*/\1/p' "$WORK/demo.out")
proposal=$(sed -n 's/^SIRE: propuesta de ejemplo de \([0-9-]*\) en \(.*\) (Finanzas.*/\2/p' "$WORK/demo.out")
[ -n "$period" ] && [ -f "$proposal" ] || fail "la demo no escribió la propuesta de ejemplo: $(cat "$WORK/demo.out")"

start --user finanzas tui
press 2
expect_screen "2 Finanzas: Facturación" "2 no abrió Finanzas"
press "]" "]" "]"
expect_screen "Registro de ventas (RVIE) · periodo" "] no abrió el Registro de ventas"
press p
expect_screen "Mes del registro de ventas (AAAA-MM)" "p no pidió el periodo"
type_shown "$period"
press Enter
expect_screen "periodo $period · RUC 20601234565" "no se abrió el periodo $period"
# The period's documents as the register takes them (rejected and failed ones are left out).
in_period="substr(issue_date, 1, 7) = '$period' AND status NOT IN ('rechazado', 'error')"
soles=$(sqlite3 "$DB" "SELECT count(*) FROM e_document WHERE $in_period AND currency = 'PEN';")
all=$(sqlite3 "$DB" "SELECT count(*) FROM e_document WHERE $in_period;")
pending=$(sqlite3 "$DB" "SELECT count(*) FROM e_document WHERE $in_period AND status = 'pendiente';")
expect_screen "Soles: $soles documentos (1 anulado)" "los totales del periodo no aparecen"
press a
expect_screen "Ruta de la propuesta del RVIE de $period" "a no pidió la propuesta"
type_shown "$proposal" "propuesta-RVIE"
press Enter
expect_screen "Diferencias con la propuesta de SUNAT" "no se listaron las diferencias"
expect_screen "Solo en SUNAT 1 · Solo en BYTEK $pending · Importe 3" "las diferencias no se cuentan por tipo"
expect_screen "F001-99999" "no aparece el comprobante que solo SUNAT tiene"
press g
expect_screen "140400021112.zip escrito junto a la base de datos" "g no escribió el archivo de reemplazo"
press q
wait_for "__EXIT_0__" || fail "no salió"

zip=$(ls "$WORK"/LE20601234565*00140400021112.zip 2>/dev/null | head -1)
[ -f "$zip" ] || fail "no está el ZIP de reemplazo junto a la base"
name=$(basename "$zip" .zip)
[ "$(zipinfo -1 "$zip")" = "$name.txt" ] || fail "el ZIP no contiene $name.txt"
[ "$(unzip -p "$zip" "$name.txt" | wc -l)" = "$all" ] || fail "el reemplazo no tiene las $all líneas del periodo"
unzip -p "$zip" "$name.txt" | iconv -f ISO-8859-1 -t UTF-8 >/dev/null || fail "el texto no es ISO-8859-1"
finish
