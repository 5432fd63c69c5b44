# Cierre de períodos: an admin opens it from the palette, closes last month (SIRE filing confirmed, ticket
# typed) and the command line sees the month closed; then reopens it with a reason.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add admin"
month=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)

start --user admin tui
expect_screen "1 Comercial" "no abrió"
press :
type_text "cierre"
expect_screen "Cierre de períodos" "la paleta no ofrece el cierre de períodos"
press Enter
expect_screen "Un mes cerrado no admite emitir" "no se abrió Cierre de períodos"
press c
expect_screen "¿Se presentó en SIRE el registro de ventas" "no pidió confirmar la presentación en SIRE"
press s
expect_screen "Número de ticket o constancia de SIRE" "no pidió el ticket"
type_text "T-4411"
press Enter
expect_screen "cerrado." "no cerró el mes"
expect_screen "T-4411" "la lista no muestra el ticket"
press q
expect_screen "Pulse n para crear uno" "q no volvió a Clientes"
press q
wait_for "__EXIT_0__" || fail "no salió"

# Read whole before grep: under pipefail `grep -q` closing the pipe early would fail the command.
listed=$("$BYTEK" --db "$DB" --user admin periodo listar)
grep -q "^$month  cerrado  admin .*T-4411" <<<"$listed" || fail "periodo listar no muestra $month cerrado"
"$BYTEK" --db "$DB" --user admin periodo reabrir "$month" --motivo "Nota olvidada" >/dev/null || fail "no reabrió"
listed=$("$BYTEK" --db "$DB" --user admin periodo listar)
grep -q "reabierto por admin.*Nota olvidada" <<<"$listed" || fail "no muestra la reapertura"
finish
