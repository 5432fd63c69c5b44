import BytekGateways
import BytekModel
import BytekServices
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

/// A store with two customers (Andina, whose contact is ana@andina.pe, and Gamma, gina@gamma.pe), documents
/// issued for both through the repository (the ledger runs as for users; the "signed XML" is a marked text),
/// a session for each contact, and the web door's `WebApp` answering requests without a socket.
final class PortalMoneyFixture: @unchecked Sendable {
    static let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                               address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                      province: "Lima", department: "Lima"))
    static let andinaRUC = RUC.complete("2010007097")!
    static let gammaRUC = RUC.complete("2055555555")!

    let path: String
    let store: Store
    let app: WebApp
    var andina: Int64 = 0
    var gamma: Int64 = 0
    /// Session cookies.
    var ana = ""
    var gina = ""
    var anaCSRF = ""

    init(gateways: [any CardGateway] = []) throws {
        path = NSTemporaryDirectory() + "bytek-portal-money-\(UUID().uuidString).sqlite"
        store = try Store(path: path)
        let customers = CustomerRepository(db: store.db, user: "setup")
        andina = try #require(try customers.create(Customer(
            docType: .ruc, docNumber: Self.andinaRUC, legalName: "Andina de Servicios S.A.C.",
            contacts: [Contact(name: "Ana Núñez", email: "ana@andina.pe")])).id)
        gamma = try #require(try customers.create(Customer(
            docType: .ruc, docNumber: Self.gammaRUC, legalName: "Gamma Minera S.A.",
            contacts: [Contact(name: "Gina", email: "gina@gamma.pe")])).id)
        let admin = Services(store: store, actor: .staff("admin", role: .admin, door: .cli)).portalAccounts
        _ = try admin.inviteContact(email: "ana@andina.pe", publicURL: "http://x")
        _ = try admin.inviteContact(email: "gina@gamma.pe", publicURL: "http://x")
        var config = WebConfig()
        config.accessLog = false
        config.gateways = gateways
        app = try WebApp(config: config, databasePath: path)
        (ana, anaCSRF) = try session("ana@andina.pe", customer: andina)
        (gina, _) = try session("gina@gamma.pe", customer: gamma)
    }

    deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

    /// A session as the login makes it: the cookie value and the session's CSRF token.
    private func session(_ login: String, customer: Int64) throws -> (String, String) {
        let signIn = PortalSignIn(db: store.db)
        let account = try #require(try signIn.account(login: login))
        let token = Sodium.token(), csrf = Sodium.token()
        try signIn.createSession(tokenHash: Sodium.sha256Hex(token), account: account.id, customer: customer, csrf: csrf,
                                 validFor: 3600)
        return (token, csrf)
    }

    /// Issues a factura of `price` (before IGV) for `ruc` on `day`; SUNAT's answer recorded when `answered`.
    @discardableResult
    func factura(_ ruc: String, price: Decimal, on day: String = "2026-11-18", answered: Bool = true) throws -> EDocumentRecord {
        let at = ISO8601DateFormatter().date(from: day + "T15:00:00Z")!
        let repo = EDocumentRepository(db: store.db, user: "fina", now: { at })
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: at,
                            issuer: Self.issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: ruc, name: ruc == Self.andinaRUC ? "Andina" : "Gamma"),
                            lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: price,
                                                  itemKind: .service)])
        let record = try repo.issue(doc) { d in
            let name = "\(Self.issuer.ruc)-01-F001-\(d.number)"
            return PreparedEDocument(signedXML: Self.signedXML(number: d.number), zip: Data(), digestValue: "digest\(d.number)",
                                     fileName: name)
        }
        if answered {
            try repo.recordAnswer(id: record.id, status: .aceptado, cdrZip: Data(Self.cdr(number: record.number)), responseCode: "0",
                                  description: "La Factura numero F001-\(record.number), ha sido aceptada", observations: [])
        }
        return record
    }

    /// The company profile the printed documents carry.
    func companyProfile() throws {
        _ = try CompanyProfileRepository(db: store.db, user: "admin").save(CompanyProfile(
            ruc: Self.issuer.ruc, legalName: Self.issuer.legalName, address: "Av. Larco 1232", ubigeo: "150122",
            district: "Miraflores", province: "Lima", department: "Lima"))
    }

    static func signedXML(number: Int) -> [UInt8] { Array("<?xml version=\"1.0\"?><Invoice>F001-\(number) firmado</Invoice>".utf8) }
    static func cdr(number: Int) -> [UInt8] { Array("PK\u{3}\u{4}CDR-F001-\(number)".utf8) }

    /// A GET (or POST with `form`) as `cookie`'s session.
    func get(_ path: String, as cookie: String?, query: [String: String] = [:]) -> HTTPResponse {
        app.handle(HTTPRequest(method: "GET", path: path, query: query,
                               cookies: cookie.map { [CookieJar.session: $0] } ?? [:]))
    }

    func post(_ path: String, as cookie: String?, form: [String: String], body: [UInt8] = []) -> HTTPResponse {
        app.handle(HTTPRequest(method: "POST", path: path, cookies: cookie.map { [CookieJar.session: $0] } ?? [:],
                               form: form, body: body))
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headersToSend.last { $0.0.lowercased() == name.lowercased() }?.1 }
    func all(_ name: String) -> [String] { headersToSend.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
}
