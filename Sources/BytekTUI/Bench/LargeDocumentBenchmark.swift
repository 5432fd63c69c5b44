import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Keystrokes with a document of 1,000 lines on screen (the most a document may have), on a store
/// of its own in a temp folder: the Facturación list with such a factura selected (its detail pane
/// beside the list), moving between two of them, and the quote builder on a 1,000-line quote.
/// `bytek bench` prints the figures; the budget is the table's, 2 ms per keystroke.
@MainActor
public enum LargeDocumentBenchmark {
    public static let lineCount = 1_000

    public static func run(keystrokes: Int = 1_000) throws -> [TUIBenchmark.Figure] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-bench-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store(path: dir.appendingPathComponent("lines.sqlite").path)
        try fill(store)
        let app = App(terminal: TestTerminal(width: 120, height: 40),
                      context: AppContext(strings: Strings(language: .es), session: UserSession(login: "admin", name: "Bench", role: .admin)),
                      store: store)
        app.switchModule(.billing)
        app.draw()
        var figures: [TUIBenchmark.Figure] = []
        // ← and → do nothing on the list: each is a whole keystroke (update + frame) with the
        // 1,000-line factura's detail on screen.
        var samples = TUIBenchmark.time(app, keys: (0..<keystrokes).map { $0 % 2 == 0 ? .left : .right })
        figures.append(TUIBenchmark.percentiles("Facturación: tecla con un comprobante de 1,000 líneas", samples, budgetMs: 2))
        // ↓/↑ between two such facturas: each step reads the other one's 1,000 lines.
        samples = TUIBenchmark.time(app, keys: (0..<min(keystrokes, 200)).map { $0 % 2 == 0 ? .down : .up })
        var move = TUIBenchmark.percentiles("Facturación: pasar a otro comprobante de 1,000 líneas", samples, budgetMs: 20)
        move.details = ["una lectura por selección, no por cuadro: " + readingCosts(store)]
        figures.append(move)
        // The quote builder on a 1,000-line quote: moving in its lines.
        app.switchModule(.quotes)
        app.handle(.key(.enter))
        app.draw()
        let pattern: [Key] = Array(repeating: .down, count: 8) + [.pageDown, .up, .up, .pageUp, .end, .home]
        samples = TUIBenchmark.time(app, keys: (0..<keystrokes).map { pattern[$0 % pattern.count] })
        figures.append(TUIBenchmark.percentiles("cotizador: tecla en una cotización de 1,000 líneas", samples, budgetMs: 2))
        return figures
    }

    /// Medians of reading one 1,000-line document's parts, for a closer look at the move above.
    static func readingCosts(_ store: Store) -> String {
        let repository = EDocumentRepository(db: store.db)
        func median(_ work: () -> Void) -> String {
            let samples = (0..<9).map { _ in
                let t = DispatchTime.now().uptimeNanoseconds
                work()
                return TUIBenchmark.ms(DispatchTime.now().uptimeNanoseconds - t)
            }.sorted()
            return TUIBenchmark.fmt(samples[4]) + " ms"
        }
        return "registro " + median { _ = try? repository.record(id: 1) }
            + " · cabecera " + median { _ = BillingDetail.DocumentHead.load(1, db: store.db) }
            + " · líneas " + median { _ = try? repository.lines(id: 1) }
            + " (el documento entero, que solo se decodifica si hay detracción: " + median { _ = try? repository.document(id: 1) } + ")"
    }

    static func fill(_ store: Store) throws {
        let customers = CustomerRepository(db: store.db, user: "admin")
        let customer = try customers.create(Customer(docType: .ruc, docNumber: "20100047218", legalName: "Comercial Andina S.A.C.",
                                                     district: "Lince"))
        let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                            address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                   province: "Lima", department: "Lima"))
        let edocs = EDocumentRepository(db: store.db, user: "admin")
        for n in 1...2 {
            let lines = (1...lineCount).map { i in
                EDocumentLine(description: "Servicio de soporte técnico, visita \(i) de la orden \(n)", quantity: Decimal(i % 7 + 1),
                              unit: .service, unitPrice: Decimal(100 + i) + Decimal(string: "0.25")!, itemKind: .service)
            }
            let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: n, issuedAt: Date(),
                                issuer: issuer,
                                customer: DocumentCustomer(documentType: .ruc, number: customer.docNumber, name: customer.legalName),
                                lines: lines)
            try edocs.issue(doc) { d in
                PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "bench-\(d.number)",
                                  fileName: d.fileName)
            }
        }
        let quoteLines = (1...lineCount).map { i in
            QuoteLine.service("Tarea \(i) del proyecto", quantity: Decimal(i % 7 + 1), rate: Money(Decimal(100 + i), .pen))
        }
        let content = QuoteContent(customerId: customer.id, unit: .software, issueDate: LocalDate(Date(), in: SalesServices.lima),
                                   lines: quoteLines, owner: "admin")
        _ = try Services(store: store, actor: .staff("admin", role: .admin, door: .cli)).quotes.create(Quote(content))
    }
}
