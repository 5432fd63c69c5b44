# A customer named with terminal escape sequences is shown with visible placeholders: it does not
# retitle the terminal, clear the screen or move the layout.
. "$(dirname "$0")/../lib.sh"
"$BYTEK" --db "$DB" migrate >/dev/null || fail "migrate"
"$BYTEK" --db "$DB" user add admin --name "Admin" --role admin >/dev/null || fail "user add"
now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
name=$(printf 'Hacker \033]0;PWNED\007 \033[2J\033[10;10HSAC')
sqlite3 "$DB" "INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC','20100047218','$name','$now','$now');" \
  || fail "no se pudo insertar el cliente"

start --user admin tui
expect_screen "Hacker ␛]0;PWNED␇" "el nombre no se muestra con marcadores visibles"
title=$(tmux display-message -p -t "$SESSION" '#{pane_title}')
[ "$title" != "PWNED" ] || fail "el nombre cambió el título de la terminal"
first=$(screen | head -1)
case "$first" in *BYTEK*) ;; *) fail "la barra superior se movió: '$first'";; esac
last=$(screen | tail -1)
case "$last" in *admin*) ;; *) fail "la barra de estado se movió: '$last'";; esac
finish
