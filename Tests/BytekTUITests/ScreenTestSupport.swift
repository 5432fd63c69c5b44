import BytekModel
import BytekStore
import Foundation
@testable import BytekTUI

/// A real store on a temp file and an app on an in-memory terminal, for driving whole screens
/// by key events the way a user would.
@MainActor
final class ScreenHarness {
    nonisolated static let fixedNow = Date(timeIntervalSince1970: 1_795_000_000)  // 18/11/2026
    let dir: URL
    let store: Store
    let terminal: TestTerminal
    let app: App

    let ownsDir: Bool

    init(role: Role = .admin, login: String = "admin", width: Int = 120, height: Int = 40, language: Strings.Language = .es,
         sharing other: ScreenHarness? = nil) throws {
        if let other {
            dir = other.dir
            ownsDir = false
        } else {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-screen-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            ownsDir = true
        }
        store = try Store(path: dir.appendingPathComponent("t.sqlite").path)
        terminal = TestTerminal(width: width, height: height)
        let now: @Sendable () -> Date = { ScreenHarness.fixedNow }
        let context = AppContext(strings: Strings(language: language), session: UserSession(login: login, name: login, role: role), now: now)
        app = App(terminal: terminal, context: context, store: store)
    }

    deinit { if ownsDir { try? FileManager.default.removeItem(at: dir) } }

    var customers: CustomerRepository { CustomerRepository(db: store.db, user: "admin", now: { ScreenHarness.fixedNow }) }

    /// Adds customers with the given (document, legal name, district).
    func addCustomers(_ rows: [(String, String, String)]) throws {
        for (doc, name, district) in rows {
            let type: DocumentType = doc.count == 8 ? .dni : .ruc
            _ = try customers.create(Customer(docType: type, docNumber: doc, legalName: name, department: "Lima",
                                              province: "Lima", district: district, units: [.infrastructure], creditDays: 30,
                                              creditLimit: Money(minorUnits: 1_500_000, .pen)))
        }
    }

    /// Sends events and draws after each, like the real loop.
    func send(_ events: [Event]) {
        for e in events { app.handle(e); app.draw() }
    }
    func keys(_ keys: Key...) { send(keys.map { .key($0) }) }
    func type(_ text: String) { send(text.map { .key(.char($0)) }) }

    /// Opens `module` the way a user does: its group's number key, then `]` until its tab is the current one.
    func go(_ module: AppModule) {
        guard let i = app.groups.firstIndex(where: { $0.modules.contains(module) }) else { return }
        keys(.char(Character(String(i + 1))))
        for _ in app.groups[i].modules where app.current != module { keys(.char("]")) }
    }

    var screen: String { app.lastFrame.text }

    func resize(_ w: Int, _ h: Int) { terminal.enqueue([.resize(width: w, height: h)]); _ = terminal.nextEvent(timeoutMs: 0); app.draw() }

    static let sampleCustomers: [(String, String, String)] = [
        ("20100047218", "Comercial Andina S.A.C.", "Lince"),
        ("20601457891", "Peña & Ñahui Ingenieros S.A.C.", "Yanahuara"),
        ("45873216", "Núñez Cáceres, María Ángela", "Miraflores"),
        ("20555123451", "Inversiones Titicaca E.I.R.L.", "Puno"),
    ]
}
