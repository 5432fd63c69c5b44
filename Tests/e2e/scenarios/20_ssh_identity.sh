# Staff over SSH, the gitolite way, against a real OpenSSH server on a loopback port: each key logs in as
# its user (the TUI shows that role's modules), a disabled user and a removed key are refused, a shell,
# sqlite3 and port forwarding get nothing, --user is refused, and `invoice pdf` comes back as a PDF.
. "$(dirname "$0")/../lib.sh"
[ -x /usr/sbin/sshd ] || fail "falta /usr/sbin/sshd (openssh-server; scripts/setup lo instala)"
"$BYTEK" --db "$DB" demo >/dev/null 2>"$WORK/demo.err" || fail "demo: $(cat "$WORK/demo.err")"

AK="$WORK/ssh/authorized_keys"
mkdir -p "$WORK/ssh" && chmod 700 "$WORK/ssh"
printf '# a line of the owner, kept as is\n' >"$AK"
for k in host finanzas almacen; do ssh-keygen -q -t ed25519 -N '' -C "$k@e2e" -f "$WORK/$k" || fail "ssh-keygen $k"; done
admin() { "$BYTEK" --db "$DB" --user admin "$@" --authorized-keys "$AK"; }
admin ssh-keys add finanzas "$WORK/finanzas.pub" >/dev/null || fail "no se agregó la clave de finanzas"
admin ssh-keys add almacen "$WORK/almacen.pub" >/dev/null || fail "no se agregó la clave de almacén"
head -1 "$AK" | grep -qF "# a line of the owner" || fail "se perdió la línea de fuera del bloque"
[ "$(stat -c %a "$AK")" = 600 ] || fail "authorized_keys no quedó con modo 600"

port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$WORK/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $WORK/host
AuthorizedKeysFile $AK
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin forced-commands-only
StrictModes no
PidFile $WORK/sshd.pid
LogLevel VERBOSE
# As in Debian's default config: a forced command must also win over the sftp subsystem.
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
mkdir -p /run/sshd
/usr/sbin/sshd -f "$WORK/sshd_config" -E "$WORK/sshd.log" || fail "sshd no arrancó: $(cat "$WORK/sshd.log")"
trap 'kill "$(cat "$WORK/sshd.pid" 2>/dev/null)" 2>/dev/null' EXIT
sshd_ready() { [ -s "$WORK/sshd.pid" ]; }
wait_until "$E2E_TIMEOUT" sshd_ready
SSH_OPTS="-p $port -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
as() { local key="$1"; shift; ssh $SSH_OPTS -i "$WORK/$key" root@127.0.0.1 -- "$@"; }

# The TUI over ssh -tt (no command, or `bytek`): finanzas sees Facturación and Auditoría; almacén only
# Clientes and Catálogo.
tui() {
  tmux kill-session -t "$SESSION" 2>/dev/null || true
  tmux new-session -d -s "$SESSION" -x 120 -y 40 -e LANG=C.UTF-8 \
    "ssh -tt $SSH_OPTS -i $WORK/$1 root@127.0.0.1 -- ${2:-}; echo __EXIT_\$?__; sleep 30"
}
tui finanzas
expect_screen "BYTEK" "la clave de finanzas no abrió la interfaz por SSH" 30
expect_screen "2 Finanzas" "finanzas no ve el grupo Finanzas"
press 2
expect_screen "Facturación" "finanzas no ve Facturación"
press 4
expect_screen "Auditoría" "finanzas no ve Auditoría"
expect_screen "finanzas" "la interfaz no dice que el usuario es finanzas"
press q
expect_screen "__EXIT_0__" "la sesión SSH no terminó limpia al salir"
tui almacen bytek
expect_screen "Catálogo" "la clave de almacén no abrió la interfaz por SSH" 30
expect_screen "almac" "la interfaz no dice que el usuario es almacén"
expect_no_screen "Finanzas" "almacén ve el grupo Finanzas"
expect_no_screen "Administración" "almacén ve el grupo Administración"
keys 2
expect_no_screen "Facturación" "almacén ve Facturación"
expect_no_screen "Auditoría" "almacén ve Auditoría"
press q
expect_screen "__EXIT_0__" "la sesión de almacén no terminó limpia"

# A client cannot choose who it is.
tui finanzas "bytek --user admin"
expect_screen "no se admite" "--user admin en una sesión forzada no se rechazó" 30
expect_no_screen "BYTEK" "--user admin abrió la interfaz"
out=$(as finanzas bytek --user admin invoice list 2>&1) && fail "--user admin por comando no salió con error"
case "$out" in *"--user no se admite por SSH"*) ;; *) fail "mensaje de --user inesperado: $out";; esac
out=$(as finanzas invoice list --db /tmp/otra.sqlite 2>&1) && fail "--db del cliente no salió con error"
case "$out" in *"--db no se admite por SSH"*) ;; *) fail "mensaje de --db inesperado: $out";; esac

# Nothing but the allow-list: no shell, no sqlite3, no file reading.
for cmd in "sh" "sqlite3 $DB .dump" "cat /etc/passwd" "invoice list; sh" "bytek user list"; do
  out=$(as finanzas "$cmd" 2>"$WORK/ssh.err") && fail "«$cmd» por SSH no salió con error"
  [ -z "$out" ] || fail "«$cmd» por SSH escribió algo: $(echo "$out" | head -3)"
  grep -qF "comando no permitido por SSH" "$WORK/ssh.err" || fail "«$cmd»: falta el mensaje ($(cat "$WORK/ssh.err"))"
done

# No file copying either (scp speaks SFTP, a subsystem: the forced command answers it, not sftp-server).
scp -P "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR \
  -i "$WORK/finanzas" "root@127.0.0.1:$DB" "$WORK/copia.sqlite" >/dev/null 2>&1 && fail "scp copió la base de datos"
[ ! -s "$WORK/copia.sqlite" ] || fail "scp dejó una copia de la base de datos"

# No port forwarding: a tunnel to sshd's own port through the key gets no banner.
lport=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ssh $SSH_OPTS -i "$WORK/finanzas" -N -L "$lport:127.0.0.1:$port" root@127.0.0.1 2>"$WORK/tunnel.err" &
TUNNEL=$!
trap 'kill "$TUNNEL" 2>/dev/null; kill "$(cat "$WORK/sshd.pid" 2>/dev/null)" 2>/dev/null' EXIT
tunnel_open() { (exec 3<>"/dev/tcp/127.0.0.1/$lport") 2>/dev/null; }
wait_until "$E2E_TIMEOUT" tunnel_open
banner=$(/usr/bin/python3 - "$lport" <<'PY'
import socket, sys
try:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=3)
except OSError as e:
    sys.exit(f"NO-TUNNEL {e}")
s.settimeout(3)
try:
    print("CONNECTED " + s.recv(64).decode(errors="replace"))
except OSError:
    print("CONNECTED")
PY
)
kill "$TUNNEL" 2>/dev/null
case "$banner" in CONNECTED*SSH-2.0*) fail "el túnel -L llegó a sshd: $banner";; CONNECTED*) ;;
  *) fail "el cliente ssh -L no abrió su puerto local (la prueba no probó nada): $banner $(cat "$WORK/tunnel.err")";; esac

# The read-only commands: invoice list, and the printed invoice as a PDF on standard output.
as finanzas invoice list >"$WORK/lista.txt" 2>"$WORK/ssh.err" || fail "invoice list por SSH: $(cat "$WORK/ssh.err")"
grep -qF "F001-1" "$WORK/lista.txt" || fail "invoice list por SSH no lista F001-1"
as finanzas invoice pdf F001-1 >"$WORK/F001-1.pdf" 2>"$WORK/ssh.err" || fail "invoice pdf por SSH: $(cat "$WORK/ssh.err")"
head -c 5 "$WORK/F001-1.pdf" | grep -qF "%PDF-" || fail "invoice pdf por SSH no dio un PDF"
# (the text is read whole first: with pipefail, grep -q closing the pipe early would fail pdftotext)
text=$(pdftotext -layout "$WORK/F001-1.pdf" -)
case "$text" in *"FACTURA ELECTRÓNICA"*"F001-00000001"*) ;; *) fail "el PDF no es el de F001-1";; esac
quote=$(sqlite3 "$DB" "SELECT number FROM quote ORDER BY id LIMIT 1;")
as finanzas quote pdf "$quote" >"$WORK/cot.pdf" 2>"$WORK/ssh.err" || fail "quote pdf por SSH: $(cat "$WORK/ssh.err")"
text=$(pdftotext -layout "$WORK/cot.pdf" -)
case "$text" in *"COTIZACIÓN"*"$quote"*) ;; *) fail "quote pdf por SSH no dio el PDF de $quote";; esac
[ ! -d "$WORK/documentos" ] || [ -z "$(ls "$WORK/documentos")" ] || fail "el PDF por SSH dejó archivos en documentos/"
# almacén's role may not read Facturación, over SSH as anywhere.
out=$(as almacen invoice list 2>&1) && fail "almacén listó comprobantes por SSH"
case "$out" in *"no tiene permiso"*) ;; *) fail "mensaje de permiso inesperado: $out";; esac

# The logins are recorded: last login per user and an audit entry by ssh.
users=$("$BYTEK" --db "$DB" --user admin user list)
echo "$users" | grep -E "^finanzas " | grep -qE " ssh$" || fail "user list no muestra el último ingreso por ssh: $users"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM audit_log WHERE action = 'login' AND user_login = 'finanzas' AND summary LIKE 'ingreso por ssh desde 127.0.0.1%';")" -ge 2 ] \
  || fail "la auditoría no registra los ingresos por ssh"

# A disabled user is refused; a removed key no longer gets in at all.
"$BYTEK" --db "$DB" --user admin user disable almacen >/dev/null || fail "no se deshabilitó almacén"
out=$(as almacen help 2>&1) && fail "un usuario deshabilitado entró por SSH"
case "$out" in *"deshabilitado"*) ;; *) fail "mensaje de usuario deshabilitado inesperado: $out";; esac
"$BYTEK" --db "$DB" --user admin user enable almacen >/dev/null || fail "no se habilitó almacén"
id=$(admin ssh-keys list | awk '$2 == "almacen" { print $1 }')
[ -n "$id" ] || fail "ssh-keys list no muestra la clave de almacén"
admin ssh-keys remove "$id" >/dev/null || fail "no se quitó la clave de almacén"
as almacen help >/dev/null 2>"$WORK/ssh.err"
[ $? -eq 255 ] || fail "la clave quitada todavía entra"
grep -qF "Permission denied" "$WORK/ssh.err" || fail "sshd no rechazó la clave quitada: $(cat "$WORK/ssh.err")"
as finanzas help >/dev/null || fail "la otra clave dejó de entrar"
finish
