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
# (a frame may reach the terminal in several writes: wait for the whole of it before judging the bars)
bars_in_place() { first=$(screen | head -1); last=$(screen | tail -1); [[ $first == *BYTEK* && $last == *admin* ]]; }
wait_until "$E2E_TIMEOUT" bars_in_place
case "$first" in *BYTEK*) ;; *) fail "la barra superior se movió: '$first'";; esac
case "$last" in *admin*) ;; *) fail "la barra de estado se movió: '$last'";; esac
finish
