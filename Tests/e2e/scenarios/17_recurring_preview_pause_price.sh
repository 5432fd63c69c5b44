# Finanzas › Recurrentes as finanzas meets it: the next run's preview with its total, twenty digits typed
# as a new price refused in words (nothing saved), a real price from the next period, and a pause.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Administradora" --role admin >/dev/null || fail "user add"
"$BYTEK" --db "$DB" --user admin user add fina --name "Fina" --role finanzas >/dev/null || fail "user add fina"
cat >"$WORK/ajustes.json" <<'JSON'
{"issuer": {"ruc": "20123456786", "legalName": "BYTEK S.A.C.", "tradeName": "BYTEK", "establishmentCode": "0000",
  "address": {"ubigeo": "150122", "line": "Av. Larco 1232", "district": "Miraflores", "province": "Lima",
              "department": "Lima", "countryCode": "PE"}}, "environment": "emulator", "timeoutSeconds": 5}
JSON
"$BYTEK" --db "$DB" --user admin invoice settings --file "$WORK/ajustes.json" >/dev/null || fail "ajustes"
month=$(TZ=America/Lima date +%Y-%m)
sqlite3 "$DB" "
INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at)
  VALUES ('RUC', '20100070970', 'Gamma S.A.C.', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
INSERT INTO quote(number, version, customer_id, unit, currency, prices_include_igv, issue_date, validity_days, payment_kind,
  state, created_at, updated_at)
  VALUES ('COT-1', 1, 1, 'U1', 'PEN', 0, '$month-01', 15, 'cash', 'accepted', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
INSERT INTO subscription(customer_id, description, unit, tax_category, price_cents, currency, period, periods, start_date,
  quote_id, quote_number, quote_version, created_at)
  VALUES (1, 'Hosting Pro', 'U1', 'gravado', 10000, 'PEN', 'monthly', '12', '$month-01', 1, 'COT-1', 1, '2026-01-01T00:00:00.000Z');
" || fail "semilla"

start --user fina tui
press 2 ] ]
expect_screen "Próxima corrida (" "no se abrió Recurrentes"
expect_screen "1 comprobante(s), 1 línea(s) — S/ 118.00" "la vista previa no dio el total"
expect_screen "Hosting Pro — " "la línea no dice el periodo"
press Tab Tab
expect_screen "[Suscripciones]" "no se vio la lista de suscripciones"
press m
expect_screen "Nuevo precio" "no se abrió el precio"
type_text "99999999999999999999"
press Enter
expect_screen "no es un importe válido" "no se explicó el precio fuera de límite"
expect_no_screen "__EXIT_" "la aplicación terminó"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM subscription_price;")" = "0" ] || fail "se guardó un precio fuera de límite"
press m
expect_screen "Nuevo precio" "no se abrió el precio otra vez"
type_text "120.50"
press Enter
expect_screen "Nuevo precio desde el 01/" "no se guardó el precio"
[ "$(sqlite3 "$DB" "SELECT price_cents FROM subscription_price;")" = "12050" ] || fail "el precio guardado no es 120.50"
press p
expect_screen "Suscripción en pausa desde hoy." "no se pausó"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM subscription_pause WHERE resumed_on IS NULL;")" = "1" ] || fail "la pausa no se guardó"
finish
