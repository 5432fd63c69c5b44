import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
@testable import BytekServices

/// A store with two customers, BYTEK's bank accounts and documents issued for real (built, signed with a
/// self-signed certificate, stored) so the receivables ledger hook runs as it does for users.
final class LedgerFixture: @unchecked Sendable {
    /// 18/11/2026 10:13 in Lima.
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_000_000) }
    static let today = LocalDate("2026-11-18")!
    static let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                               address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                      province: "Lima", department: "Lima"))
    static let key: Result<SigningKey, Error> = Result {
        let pfx = try SelfSignedCertificate.pkcs12(commonName: issuer.ruc, organization: issuer.legalName, password: "clave",
                                                   validDays: 30)
        return try SigningKey(pkcs12: pfx, password: "clave")
    }

    let path: String
    let store: Store
    var fina: Services
    var customer: Int64 = 0
    var agent: Int64 = 0
    var bcpPEN: Int64 = 0
    var bcpUSD: Int64 = 0
    var nacion: Int64 = 0

    static let customerRUC = "20100047218"
    static let agentRUC = "20131312955"

    init(creditDays: Int = 0) throws {
        path = NSTemporaryDirectory() + "bytek-ledger-" + UUID().uuidString + ".sqlite"
        store = try Store(path: path)
        fina = Services(store: store, actor: .staff("fina", role: .finanzas, door: .cli), now: Self.now, environment: { [:] })
        let customers = CustomerRepository(db: store.db, user: "setup", now: Self.now)
        customer = try customers.create(Customer(docType: .ruc, docNumber: Self.customerRUC, legalName: "Cliente A S.A.C.",
                                                 creditDays: creditDays)).id ?? 0
        agent = try customers.create(Customer(docType: .ruc, docNumber: Self.agentRUC, legalName: "Agente Retenedor S.A.",
                                              creditDays: 15)).id ?? 0
        try store.db.execute("UPDATE customer SET retention_agent = 1 WHERE id = ?", [.int(agent)])
        bcpPEN = try fina.receivables.addBankAccount(bank: "BCP", number: "193-1234567-0-12", currency: .pen).id
        bcpUSD = try fina.receivables.addBankAccount(bank: "BCP", number: "193-7654321-1-45", currency: .usd).id
        nacion = try fina.receivables.addBankAccount(bank: "Banco de la Nación", number: "00-000-123456", currency: .pen,
                                                     isDetraccion: true).id
    }

    deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

    /// Issues `doc` for real (signed), as `user`.
    @discardableResult
    func issue(_ doc: EDocument, user: String = "fina", quoteNumber: String? = nil) throws -> EDocumentRecord {
        var repo = EDocumentRepository(db: store.db, user: user, now: Self.now)
        repo.door = .cli
        return try EDocumentIssuer(repository: repo, key: Self.key.get()).issue(doc, quoteNumber: quoteNumber)
    }

    static func line(_ price: Decimal, _ description: String = "Desarrollo de software") -> EDocumentLine {
        EDocumentLine(description: description, quantity: 1, unit: .service, unitPrice: price, itemKind: .service)
    }

    static func buyer(_ ruc: String) -> DocumentCustomer {
        DocumentCustomer(documentType: .ruc, number: ruc, name: ruc == customerRUC ? "Cliente A S.A.C." : "Agente Retenedor S.A.")
    }

    static func factura(_ ruc: String = customerRUC, price: Decimal, currency: Currency = .pen, rate: Decimal? = nil,
                        paymentForm: PaymentForm = .contado, detraccion: Bool = false) throws -> EDocument {
        EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: now(), issuer: issuer,
                  customer: buyer(ruc), currency: currency, lines: [line(price)], paymentForm: paymentForm,
                  detraccion: detraccion ? Detraccion(account: "00-000-123456") : nil, exchangeRate: rate)
    }

    static func note(_ kind: DocumentKind, on original: EDocumentRecord, price: Decimal, ruc: String = customerRUC,
                     currency: Currency = .pen) throws -> EDocument {
        let reason: NoteReason = kind == .notaCredito ? .credit(.descuentoGlobal) : .debit(.interesesPorMora)
        return EDocument(kind: kind, series: try Series(kind == .notaCredito ? "FC01" : "FD01", for: kind), number: 1,
                         issuedAt: now(), issuer: issuer, customer: buyer(ruc), currency: currency,
                         lines: [line(price, kind == .notaCredito ? "Descuento acordado" : "Intereses por mora")],
                         note: NoteDetails(reference: DocumentReference(kind: .factura, series: try Series("F001", for: .factura),
                                                                        number: original.number),
                                           reason: reason, description: kind == .notaCredito ? "Descuento" : "Mora"))
    }

    func receivables(_ documentID: String) throws -> [Receivable] { try fina.receivables.receivables(documentID: documentID) }

    /// The balance of one part (and cuota) of a document.
    func balance(_ documentID: String, _ part: ReceivablePart = .neto, installment: Int? = nil) throws -> Money? {
        try receivables(documentID).first { $0.part == part && (installment == nil || $0.installment == installment) }?.balance
    }

    func id(_ documentID: String, _ part: ReceivablePart = .neto, installment: Int? = nil) throws -> Int64 {
        try receivables(documentID).first { $0.part == part && (installment == nil || $0.installment == installment) }?.id ?? -1
    }

    static func pen(_ text: String) -> Money { Money(Decimal(string: text)!, .pen) }
    static func usd(_ text: String) -> Money { Money(Decimal(string: text)!, .usd) }
}
