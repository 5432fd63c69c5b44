import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Usuarios → `k`: an admin pastes a public key for a user and removes it; each change lands in the
/// database and in the managed block of authorized_keys (the file the setting names), as the CLI does.
@MainActor
@Suite struct SSHKeysScreenTests {
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICsLkEZ52exMeLN45edEy0QRol45jCyij5FLBtuCu+sj ana@laptop"

    func harness() throws -> (ScreenHarness, String) {
        let h = try ScreenHarness(width: 120, height: 40)
        let users = UserRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
        try users.add(User(login: "admin", name: "Administradora General", role: .admin))
        try users.add(User(login: "jtorres", name: "Jorge Torres Ñahui", role: .almacen))
        let file = h.dir.appendingPathComponent("ssh/authorized_keys").path
        h.app.context.environment["BYTEK_AUTHORIZED_KEYS"] = nil
        try SettingsRepository(db: h.store.db).set(AuthorizedKeysFile.settingKey, file)
        return (h, file)
    }

    func fileText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func adminAddsAndRemovesAKeyAndTheBlockFollows() throws {
        let (h, file) = try harness()
        h.go(.users)
        h.keys(.down, .char("k"))
        #expect(h.screen.contains("Claves SSH de jtorres"), "\(h.screen)")
        #expect(h.screen.contains("Sin claves SSH"))

        // A bad line is refused with the parser's Spanish reason; nothing is written.
        h.keys(.char("n"))
        h.type("ssh-ed25519 AAAA")
        h.keys(.enter)
        #expect(h.screen.contains("clave pública: la clave pública está dañada"), "\(h.screen)")
        #expect(try SSHKeyRepository(db: h.store.db, user: "admin").list().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file))

        h.keys(.char("n"))
        h.type(Self.ed25519)
        h.keys(.enter)
        let keys = try SSHKeyRepository(db: h.store.db, user: "admin").list()
        #expect(keys.map(\.login) == ["jtorres"])
        let fingerprint = try #require(keys.first?.fingerprint)
        #expect(h.screen.contains(fingerprint) && h.screen.contains("ana@laptop") && h.screen.contains("admin"), "\(h.screen)")
        let text = fileText(file)
        #expect(text.contains("ssh-session jtorres\",restrict,pty " + Self.ed25519), "\(text)")
        #expect(text.contains("# BEGIN BYTEK"))

        // The same key again: refused, named by its fingerprint.
        h.keys(.char("n"))
        h.type(Self.ed25519)
        h.keys(.enter)
        #expect(h.screen.contains("esa clave (" + fingerprint), "\(h.screen)")
        #expect(try SSHKeyRepository(db: h.store.db, user: "admin").list().count == 1)

        h.keys(.char("d"))
        #expect(h.screen.contains("¿Quitar la clave"), "\(h.screen)")
        h.keys(.char("s"))
        #expect(try SSHKeyRepository(db: h.store.db, user: "admin").list().isEmpty)
        #expect(!fileText(file).contains("ssh-ed25519"))
        #expect(h.screen.contains("Sin claves SSH"))
        h.keys(.escape)
        #expect(h.screen.contains("Jorge Torres Ñahui"))
    }

    @Test func aDisabledUserGetsNoNewKey() throws {
        let (h, file) = try harness()
        try UserRepository(db: h.store.db, user: "admin").disable("jtorres")
        h.go(.users)
        h.keys(.down, .char("k"), .char("n"))
        h.type(Self.ed25519)
        h.keys(.enter)
        #expect(h.screen.contains("jtorres está deshabilitado: habilítelo"), "\(h.screen)")
        #expect(try SSHKeyRepository(db: h.store.db, user: "admin").list().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func helpListsTheKeysOfBothScreens() throws {
        let (h, _) = try harness()
        h.go(.users)
        h.keys(.char("?"))
        #expect(h.screen.contains("Claves SSH del usuario seleccionado"), "\(h.screen)")
        h.keys(.escape, .char("k"), .char("?"))
        #expect(h.screen.contains("Agregar una clave: pegar la línea"), "\(h.screen)")
        #expect(h.screen.contains("Quitar la clave seleccionada"))
    }
}
