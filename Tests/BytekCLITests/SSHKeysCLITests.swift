import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek ssh-keys` and `bytek ssh-session` through the binary; the real sshd is in Tests/e2e (20_ssh_identity).
@Suite struct SSHKeysCLITests {
    /// A database with an admin and `ana` (ventas), a key made by ssh-keygen, and an authorized_keys file
    /// in a folder that does not exist yet.
    struct Setup {
        let fx: CLIFixture
        let keysFile: String
        let outside = "# línea de la dueña\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOtraDueña dueña@pc\n"

        init() throws {
            fx = try CLIFixture()
            try fx.withAdmin()
            #expect(try fx.run("user", "add", "ana", "--name", "Ana", "--role", "ventas").status == 0)
            keysFile = fx.file("servicio/.ssh/authorized_keys")
        }

        func keygen(_ name: String, comment: String) throws -> (pub: String, fingerprint: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
            p.arguments = ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", fx.file(name)]
            try p.run(); p.waitUntilExit()
            let l = Process(), pipe = Pipe()
            l.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
            l.arguments = ["-lf", fx.file(name + ".pub")]
            l.standardOutput = pipe
            try l.run(); l.waitUntilExit()
            let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (fx.file(name + ".pub"), String(printed.split(separator: " ")[1]))
        }

        func keys(_ args: String..., user: String = "admin") throws -> RunResult {
            try fx.binary.start(["ssh-keys"] + args + ["--authorized-keys", keysFile],
                                environment: fx.environment(user: user), folder: fx.folder).wait()
        }

        func fileText() -> String { (try? String(contentsOfFile: keysFile, encoding: .utf8)) ?? "" }
        func mode(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
        }
    }

    @Test func addListRemoveKeepTheBlockTheTableAndTheLinesOutside() throws {
        let s = try Setup()
        defer { s.fx.cleanup() }
        let ana = try s.keygen("ana", comment: "ana@laptop")
        let admin = try s.keygen("admin", comment: "admin@pc")

        let added = try s.keys("add", "ana", ana.pub)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains(ana.fingerprint))
        #expect(s.mode(s.keysFile) == 0o600)
        #expect(s.mode((s.keysFile as NSString).deletingLastPathComponent) == 0o700)
        // The owner's lines written after the block exist stay where they are.
        try Data((s.outside + s.fileText()).utf8).write(to: URL(fileURLWithPath: s.keysFile))
        #expect(try s.keys("add", "admin", admin.pub).status == 0)

        let text = s.fileText()
        #expect(text.hasPrefix(s.outside))
        let bin = s.fx.binary.url.path, db = s.fx.dbPath
        let anaKey = try String(contentsOfFile: ana.pub, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.contains("command=\"\(bin) --db \(db) ssh-session ana\",restrict,pty \(anaKey)\n"))
        #expect(text.contains("# BEGIN BYTEK db=\(db)\n") && text.hasSuffix("# END BYTEK db=\(db)\n"))

        let list = try s.keys("list")
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") }
        #expect(rows.count == 2)
        #expect(rows[0].contains("ana") && rows[0].contains(ana.fingerprint) && rows[0].contains("ana@laptop") && rows[0].contains("admin"))
        #expect(rows[1].contains(admin.fingerprint))

        // A block edited by hand is put back from the table by sync; the lines outside stay.
        try Data(text.replacingOccurrences(of: "ssh-session ana", with: "ssh-session admin").utf8)
            .write(to: URL(fileURLWithPath: s.keysFile))
        let synced = try s.keys("sync")
        #expect(synced.status == 0 && synced.stdout.contains("2 clave(s)"), "\(synced.stderr)")
        #expect(s.fileText() == text)

        let removed = try s.keys("remove", "1")
        #expect(removed.status == 0, "\(removed.stderr)")
        let after = s.fileText()
        #expect(after.hasPrefix(s.outside))
        #expect(!after.contains(ana.fingerprint) && !after.contains(anaKey.split(separator: " ")[1]))
        #expect(after.contains("ssh-session admin"))
        #expect(!(try s.keys("list").stdout.contains(ana.fingerprint)))
        #expect(try s.keys("remove", "1").stderr.contains("no existe la clave SSH 1"))
        // The last key out: the block goes, the owner's lines are exactly as they were.
        #expect(try s.keys("remove", "2").status == 0)
        #expect(s.fileText() == s.outside)

        let audit = try Database(path: s.fx.dbPath).query(
            "SELECT action FROM audit_log WHERE entity = 'ssh_key' ORDER BY id").map { $0.string("action") }
        #expect(audit == ["create", "create", "delete", "delete"])
    }

    @Test func badKeysLoginsAndRolesAreRefusedAndNothingIsWritten() throws {
        let s = try Setup()
        defer { s.fx.cleanup() }
        let ana = try s.keygen("ana", comment: "ana")
        #expect(try s.keys("add", "ana", ana.pub).status == 0)
        let before = s.fileText()

        let privateKey = try s.keys("add", "ana", s.fx.file("ana"))
        #expect(privateKey.status == 1 && privateKey.stderr.contains("clave PRIVADA"))
        let garbage = try s.keys("add", "ana", try s.fx.write("basura.pub", "hola mundo\n"))
        #expect(garbage.stderr.contains("no es un tipo de clave pública SSH"))
        let two = try s.keys("add", "ana", try s.fx.write("dos.pub", try String(contentsOfFile: ana.pub, encoding: .utf8) + "ssh-rsa AAAA x\n"))
        #expect(two.stderr.contains("tiene 2 claves"))
        #expect(try s.keys("add", "ana", s.fx.file("no-existe.pub")).stderr.contains("no existe el archivo de clave"))
        let duplicate = try s.keys("add", "admin", ana.pub)
        #expect(duplicate.status == 1 && duplicate.stderr.contains("ya está registrada para «ana»"))

        let luis = try s.keygen("luis", comment: "luis")
        #expect(try s.keys("add", "nadie", luis.pub).stderr.contains("el usuario «nadie» no existe"))
        let notAdmin = try s.keys("add", "admin", luis.pub, user: "ana")
        #expect(notAdmin.status == 1 && notAdmin.stderr.contains("requiere el rol admin"))
        #expect(try s.keys("list", user: "ana").status == 1)
        #expect(try s.fx.run("user", "disable", "ana").status == 0)
        #expect(try s.keys("add", "ana", luis.pub).stderr.contains("deshabilitado"))
        #expect(try s.keys("remove", "x").status == 2)

        // The same key already outside the block would be used by sshd without the forced command.
        try Data((before + "ssh-ed25519 " + (try String(contentsOfFile: luis.pub, encoding: .utf8)).split(separator: " ")[1] + " a mano\n").utf8)
            .write(to: URL(fileURLWithPath: s.keysFile))
        let outside = try s.keys("add", "admin", luis.pub)
        #expect(outside.status == 1 && outside.stderr.contains("fuera del bloque de bytek (línea 5)"))
        let rows = try Database(path: s.fx.dbPath).scalar("SELECT count(*) FROM ssh_key").intValue
        #expect(rows == 1, "a refused key leaves no row behind")
        #expect(s.fileText().hasPrefix(before))
    }

    @Test func theFileIsASettingWhenNoOptionOrVariableSaysOtherwise() throws {
        let s = try Setup()
        defer { s.fx.cleanup() }
        #expect(try s.fx.run("ssh-keys", "file").stdout == s.fx.folder + "/.ssh/authorized_keys\n")
        #expect(try s.fx.run("ssh-keys", "file", extra: ["BYTEK_AUTHORIZED_KEYS": "/srv/a_k"]).stdout == "/srv/a_k\n")
        #expect(try s.fx.run("ssh-keys", "file", s.fx.file("guardado")).status == 0)
        #expect(try s.fx.run("ssh-keys", "file").stdout == s.fx.file("guardado") + "\n")
        let ana = try s.keygen("ana", comment: "ana")
        #expect(try s.fx.run("ssh-keys", "add", "ana", ana.pub).status == 0)
        #expect((try? String(contentsOfFile: s.fx.file("guardado"), encoding: .utf8))?.contains("ssh-session ana") == true)
    }

    // MARK: ssh-session

    /// Runs `bytek --db DB ssh-session LOGIN` as sshd would: no BYTEK_DB/BYTEK_USER, SSH_CONNECTION set.
    func session(_ s: Setup, _ login: String, command: String? = nil, extra: [String: String] = [:],
                 before: [String] = ["--db"]) throws -> RunResult {
        var env = ["PATH": "/usr/bin:/bin", "HOME": s.fx.folder, "USER": "bytek", "SSH_CONNECTION": "192.0.2.7 50000 127.0.0.1 22"]
        if let command { env["SSH_ORIGINAL_COMMAND"] = command }
        for (k, v) in extra { env[k] = v }
        let head = before == ["--db"] ? ["--db", s.fx.dbPath] : before
        return try s.fx.binary.start(head + ["ssh-session", login], environment: env, folder: s.fx.folder).wait()
    }

    @Test func theKeyDecidesTheUserAndOnlyTheAllowListRuns() throws {
        let s = try Setup()
        defer { s.fx.cleanup() }
        let list = try session(s, "ana", command: "quote list")
        #expect(list.status == 0, "\(list.stderr)")
        let forbidden = try session(s, "ana", command: "invoice list --status aceptado")
        #expect(forbidden.status == 0, "ventas may read Facturación: \(forbidden.stderr)")
        for bad in ["sh", "sqlite3 \(s.fx.dbPath) .dump", "user list", "invoice list; sh"] {
            let r = try session(s, "ana", command: bad)
            #expect(r.status == 1 && r.stdout.isEmpty && r.stderr.contains("comando no permitido por SSH"), "\(bad): \(r.stderr)")
        }
        let asAdmin = try session(s, "ana", command: "--user admin quote list")
        #expect(asAdmin.status == 1 && asAdmin.stderr.contains("--user no se admite por SSH"))
        for (k, v) in [("BYTEK_USER", "admin"), ("BYTEK_DB", s.fx.file("otra.sqlite"))] {
            let r = try session(s, "ana", command: "quote list", extra: [k: v])
            #expect(r.status == 1 && r.stderr.contains("\(k) no se admite"), "\(k): \(r.stderr)")
        }
        let userFlag = try session(s, "ana", command: "quote list", before: ["--db", s.fx.dbPath, "--user", "admin"])
        #expect(userFlag.status == 1 && userFlag.stderr.contains("no se admiten en una sesión SSH"))
        let noDb = try session(s, "ana", command: "quote list", before: [])
        #expect(noDb.status == 1 && noDb.stderr.contains("no indica --db"))
        // Not under sshd at all: refused.
        let local = try s.fx.binary.start(["--db", s.fx.dbPath, "ssh-session", "admin"],
                                          environment: ["PATH": "/usr/bin:/bin", "HOME": s.fx.folder], folder: s.fx.folder).wait()
        #expect(local.status == 1 && local.stderr.contains("solo se usa como comando forzado"))
        let ghost = try session(s, "fantasma", command: "quote list")
        #expect(ghost.status == 1 && ghost.stderr.contains("esta clave es de «fantasma», que no existe"))
        // The TUI needs a terminal (sshd gives one with `pty` when the client asks for it).
        for command in [nil, "bytek", "tui"] {
            let noTTY = try session(s, "ana", command: command)
            #expect(noTTY.status == 1 && noTTY.stderr.contains("se necesita una terminal"), "\(command ?? "-")")
        }

        #expect(try s.fx.run("user", "disable", "ana").status == 0)
        let disabled = try session(s, "ana", command: "quote list")
        #expect(disabled.status == 1 && disabled.stderr.contains("«ana» está deshabilitado"))

        // Accepted sessions are the user's last login, with an audit entry by door ssh.
        let users = try s.fx.run("user", "list").stdout.split(separator: "\n")
        #expect(users.first?.contains("ÚLTIMO INGRESO") == true)
        #expect(users.first { $0.hasPrefix("ana ") }?.hasSuffix(" ssh") == true)
        #expect(users.first { $0.hasPrefix("admin ") }?.hasSuffix("—") == true)
        let summaries = try Database(path: s.fx.dbPath).query(
            "SELECT summary FROM audit_log WHERE action = 'login' AND user_login = 'ana' ORDER BY id").map { $0.string("summary") }
        #expect(summaries == ["ingreso por ssh desde 192.0.2.7: quote list",
                              "ingreso por ssh desde 192.0.2.7: invoice list --status aceptado"])
    }

    @Test func outsideAForcedSessionUserStillWorks() throws {
        let s = try Setup()
        defer { s.fx.cleanup() }
        let asAdmin = try s.fx.binary.start(["--db", s.fx.dbPath, "--user", "admin", "user", "list"],
                                            environment: ["PATH": "/usr/bin:/bin", "HOME": s.fx.folder,
                                                          "SSH_CONNECTION": "192.0.2.7 1 127.0.0.1 22"], folder: s.fx.folder).wait()
        #expect(asAdmin.status == 0, "\(asAdmin.stderr)")
    }
}
