import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// The demo's e-invoicing: settings pointing at the local SUNAT emulator, a secrets file with a
/// self-signed certificate made on the spot, and the documents the demo issues, each with the outcome
/// the demo arranges with the emulator (so a new user sees every SUNAT status without a network).
public enum DemoBilling {
    public static let solUser = "MODDATOS"
    public static let solPassword = "moddatos"
    public static let certificatePassword = "demo-bytek"
    /// Where `scripts/demo` starts the emulator for the live flow.
    public static let emulatorPort = 8490
    public static let detraccionAccount = "00-000-123456"

    /// What the demo asks the emulator to answer for a document.
    public enum Outcome: Sendable, Equatable {
        case accept, observe, reject
        /// Voided after acceptance (comunicación de baja or a summary line with status 3).
        case void(reason: String)
        /// Left unsent, for the worker of `scripts/demo` to send live.
        case pending
    }

    public struct Planned: Sendable {
        public var document: EDocument
        public var outcome: Outcome
        /// For notes: the index in the plan of the document they modify (numbered when issued).
        public var modifies: Int?
    }

    /// The company's issuer data, from the demo company profile.
    public static var issuer: Issuer {
        let c = DemoSales.company
        return Issuer(ruc: c.ruc, legalName: c.legalName, tradeName: c.tradeName,
                      address: FiscalAddress(ubigeo: c.ubigeo, line: "Av. José Larco 1232, Of. 504", district: c.district,
                                             province: c.province, department: c.department))
    }

    /// Saves the settings (emulator at `port`) and writes the SUNAT entries of the secrets file (mode
    /// 0600, its other entries kept) holding a new self-signed certificate; returns the signing key.
    public static func configure(store: Store, secretsPath: String, port: Int = emulatorPort) throws -> SigningKey {
        try saveSettings(store: store, port: port)
        let pfx = try SelfSignedCertificate.pkcs12(commonName: issuer.ruc, organization: issuer.legalName,
                                                  password: certificatePassword)
        let header = """
            # Secretos de la demostración: usuario SOL de pruebas y un certificado autofirmado
            # (solo sirve para el emulador local de SUNAT). Permisos 600.
            """
        try SecretsFile.upsert([("sol_user", solUser), ("sol_password", solPassword), ("cert_password", certificatePassword),
                                ("cert_pfx_base64", pfx.base64EncodedString())], at: secretsPath, header: header)
        return try SigningKey(pkcs12: pfx, password: certificatePassword)
    }

    /// The settings with the emulator's endpoints at `port`.
    public static func saveSettings(store: Store, port: Int) throws {
        var settings = EInvoicingSettings(issuer: issuer, detraccionAccount: detraccionAccount, environment: .emulator)
        settings.endpoints = [SunatEnvironment.emulator.rawValue: .emulator(port: port)]
        try EInvoicingSettingsRepository(db: store.db, user: "admin").save(settings)
    }

    /// The documents of the demo, in issuing order: facturas in PEN and USD, with detracción and with
    /// cuotas, boletas (one over S/ 700 with the buyer's DNI), credit and debit notes, one observed, one
    /// rejected, one voided, and a factura and a boleta left pending.
    public static func plan(store: Store, now: Date) throws -> [Planned] {
        let customers = CustomerRepository(db: store.db, user: "admin")
        let all = try customers.pager(CustomerQuery()).first(200).map(\.item)
        // Every ninth company, so the documents go to customers from across the alphabet.
        let rucs = all.filter { $0.docType == .ruc }
        let companies = stride(from: 0, to: rucs.count, by: 9).map { rucs[$0] }
        let people = all.filter { $0.docType == .dni }
        guard companies.count >= 6, let person = people.first else { return [] }
        func buyer(_ c: Customer) -> DocumentCustomer {
            DocumentCustomer(documentType: CustomerDocumentType(c.docType), number: c.docNumber, name: c.legalName,
                             address: c.address.isEmpty ? nil : c.address)
        }
        let today = LimaTime.date(now)
        let F = try Series("F001", for: .factura), B = try Series("B001", for: .boleta)
        func doc(_ kind: DocumentKind, _ series: Series, _ customer: DocumentCustomer, _ lines: [EDocumentLine],
                 currency: Currency = .pen, payment: PaymentForm = .contado, detraccion: Detraccion? = nil,
                 rate: Decimal? = nil, note: NoteDetails? = nil) -> EDocument {
            EDocument(kind: kind, series: series, number: 1, issuedAt: now, issuer: issuer, customer: customer,
                      currency: currency, lines: lines, paymentForm: payment, detraccion: detraccion, exchangeRate: rate,
                      note: note)
        }
        func service(_ d: String, _ q: Decimal, _ p: Decimal, unit: SunatUnit = .service) -> EDocumentLine {
            EDocumentLine(description: d, quantity: q, unit: unit, unitPrice: p, itemKind: .service)
        }
        func product(_ d: String, _ q: Decimal, _ p: Decimal) -> EDocumentLine {
            EDocumentLine(description: d, quantity: q, unitPrice: p, itemKind: .product)
        }
        var plan: [Planned] = []
        func add(_ d: EDocument, _ o: Outcome, modifies: Int? = nil) { plan.append(Planned(document: d, outcome: o, modifies: modifies)) }

        // 0: a plain factura for hardware.
        add(doc(.factura, F, buyer(companies[0]), [product("Laptop Lenovo ThinkPad E14 Gen 5, Core i7, 16 GB", 2, 3_850),
                                                   product("Monitor LG 27\" IPS Full HD", 2, 690)]), .accept)
        // 1: software development with detracción (services over S/ 700) and two cuotas.
        let dev = doc(.factura, F, buyer(companies[1]), [service("Desarrollo de módulo de inventarios — hito 1 (40%)", 1, 12_000, unit: .unit)],
                      detraccion: Detraccion(account: detraccionAccount))
        var devCredit = dev
        if let pending = try? dev.amounts().pending {
            let half = Money(minorUnits: pending.minorUnits / 2, pending.currency).amount
            devCredit.paymentForm = .credito([Installment(amount: half, dueDate: today.adding(days: 30)),
                                              Installment(amount: pending.amount - half, dueDate: today.adding(days: 60))])
        }
        add(devCredit, .accept)
        // 2: a USD factura (cloud licences), exchange rate given.
        add(doc(.factura, F, buyer(companies[2]), [service("Microsoft 365 Business Standard — licencia anual", 15, 150)],
                currency: .usd, rate: Decimal(string: "3.742")), .accept)
        // 3: maintenance with cuotas (crédito 30 días), accepted.
        add(doc(.factura, F, buyer(companies[3]), [service("Mantenimiento preventivo de red — noviembre", 1, 650),
                                                   product("Cable UTP Cat 6 (caja 305 m)", 1, 420)],
                payment: .credito([Installment(amount: Decimal(string: "1262.60") ?? 0, dueDate: today.adding(days: 30))])), .accept)
        // 4: a boleta under S/ 700 to a person, 5: a boleta over S/ 700 with the buyer's DNI.
        add(doc(.boleta, B, .anonymous(), [service("Plan de hosting Emprendedor — 12 meses", 1, 300)]), .accept)
        add(doc(.boleta, B, buyer(person), [service("Tienda virtual Pyme (paquete digital)", 1, 1_490)]), .accept)
        // 6: a credit note (devolución por ítem) on factura 0, 7: a debit note (intereses) on factura 3.
        add(doc(.notaCredito, try Series("FC01", for: .notaCredito), buyer(companies[0]), [product("Monitor LG 27\" IPS Full HD", 1, 690)],
                note: NoteDetails(reference: DocumentReference(kind: .factura, series: F, number: 1),
                                  reason: .credit(.devolucionPorItem), description: "Devolución de un monitor con falla de fábrica")),
            .accept, modifies: 0)
        add(doc(.notaDebito, try Series("FD01", for: .notaDebito), buyer(companies[3]), [service("Intereses moratorios — 10 días", 1, 25)],
                note: NoteDetails(reference: DocumentReference(kind: .factura, series: F, number: 1),
                                  reason: .debit(.interesesPorMora), description: "Pago fuera de plazo de la cuota 1")),
            .accept, modifies: 3)
        // 8: observed, 9: rejected, 10: voided.
        add(doc(.factura, F, buyer(companies[4]), [service("Soporte técnico remoto (bolsa de 10 horas)", 10, 85, unit: .hour)]), .observe)
        add(doc(.factura, F, buyer(companies[5]), [product("Switch Cisco CBS250 24 puertos", 1, 1_980)]), .reject)
        add(doc(.factura, F, buyer(companies[2]), [service("Diseño de logotipo y manual de marca", 1, 1_200)]),
            .void(reason: "Se emitió al cliente equivocado"))
        // 11, 12: left for the live worker.
        add(doc(.factura, F, buyer(companies[1]), [service("Consultoría de ciberseguridad — diagnóstico", 16, 180, unit: .hour)]), .pending)
        add(doc(.boleta, B, .anonymous(), [product("Mouse inalámbrico Logitech M185", 2, 59)]), .pending)
        return plan
    }
}
