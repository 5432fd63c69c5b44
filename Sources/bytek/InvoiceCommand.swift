import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// `bytek invoice settings|issue|list|show|xml|status`: electronic documents from the command line.
///
/// `issue` reads a JSON file (see `InvoiceInput`); the document is numbered, signed, stored and queued for
/// the worker in one transaction. `xml` prints the signed XML byte for byte as it was sent.
@MainActor
enum InvoiceCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let file = try args.option("--file")
        let statusFilter = try args.option("--status")
        let limitText = try args.option("--limit")
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando (settings, issue, list, show, xml, status)", command: "invoice")
        }
        switch sub {
        case "settings":
            try args.finish()
            return try settings(file: file, context)
        case "issue":
            try args.finish()
            guard let file else { throw CLIError.usage("falta --file COMPROBANTE.json", command: "invoice") }
            return try issue(file: file, context)
        case "list":
            try args.finish()
            var status: EDocumentStatus?
            if let statusFilter {
                guard let s = EDocumentStatus(rawValue: statusFilter.lowercased()) else {
                    throw CLIError.usage("estado desconocido: \(statusFilter)", command: "invoice")
                }
                status = s
            }
            let limit = try limitText.map { text -> Int in
                guard let n = Int(text), n > 0 else { throw CLIError.usage("--limit espera un número positivo", command: "invoice") }
                return n
            } ?? 100
            return try list(status: status, limit: limit, context)
        case "show", "xml":
            let id = try args.requirePositional("SERIE-NÚMERO")
            try args.finish()
            let store = try context.openStore()
            _ = try context.requireUser(store, .read, .sales)
            let repo = EDocumentRepository(db: store.db)
            guard let record = try repo.record(documentID: id) else {
                throw CLIError.failure("no existe el comprobante \(id)")
            }
            if sub == "xml" {
                guard let xml = try repo.signedXML(id: record.id) else { throw CLIError.failure("\(id) no tiene XML") }
                Console.writeOut(xml)
                return 0
            }
            Console.out(show(record, lines: try lines(record.id, store.db)))
            return 0
        case "status":
            try args.finish()
            return try status(context)
        default:
            throw CLIError.usage("subcomando desconocido: \(sub)", command: "invoice")
        }
    }

    // MARK: settings

    private static func settings(file: String?, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        let repo = EInvoicingSettingsRepository(db: store.db)
        guard let file else {
            _ = try context.requireUser(store, .read, .sales)
            guard let s = try repo.load() else { throw CLIError.failure(EInvoicingSettingsError.notConfigured.message) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            Console.out(String(decoding: try encoder.encode(s), as: UTF8.self))
            return 0
        }
        _ = try context.requireAdmin(store)
        let data = try readFile(file)
        let settings: EInvoicingSettings
        do { settings = try JSONDecoder().decode(EInvoicingSettings.self, from: data) } catch {
            throw CLIError.failure("el archivo de ajustes no es válido: \(error)")
        }
        do { try repo.save(settings) } catch let e as EInvoicingSettingsError { throw CLIError.failure(e.message) }
        Console.out("Ajustes de facturación guardados (\(settings.issuer.ruc), \(settings.environment.displayName)).")
        return 0
    }

    // MARK: issue

    private static func issue(file: String, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        let user = try context.requireUser(store, .write, .sales)
        let settings: EInvoicingSettings
        let credentials: EInvoicingCredentials
        do {
            settings = try EInvoicingSettingsRepository(db: store.db).require()
            credentials = try EInvoicingCredentials.load(environment: context.environment)
        } catch let e as EInvoicingSettingsError { throw CLIError.failure(e.message) }
        let input: InvoiceInput
        do { input = try JSONDecoder().decode(InvoiceInput.self, from: try readFile(file)) } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError.failure("el comprobante no es válido: \(error)")
        }
        let document = try input.document(settings: settings)
        let key: SigningKey
        do {
            if let b64 = credentials.certificateBase64 {
                key = try SigningKey(pkcs12Base64: b64, password: credentials.certificatePassword)
            } else {
                key = try SigningKey(pkcs12Path: credentials.certificatePath ?? "", password: credentials.certificatePassword)
            }
        } catch { throw CLIError.failure("no se pudo abrir el certificado: \(error)") }
        let issuer = EDocumentIssuer(repository: EDocumentRepository(db: store.db, user: user.login), key: key)
        let record: EDocumentRecord
        do { record = try issuer.issue(document, quoteNumber: input.orderReference) } catch let e as EDocumentError {
            throw CLIError.failure("el comprobante no cumple las reglas de SUNAT: \(e)")
        }
        Console.out("\(record.kind.displayName) \(record.documentID) emitida: \(record.currency.rawValue) "
            + "\(record.total.plainAmount); estado \(record.status.rawValue); hash \(record.digestValue)")
        return 0
    }

    // MARK: list, show, status

    private static func list(status: EDocumentStatus?, limit: Int, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .sales)
        for r in try EDocumentRepository(db: store.db).list(status: status, limit: limit) {
            Console.out([r.documentID, r.kind.code, r.issueDate, r.customerDocNumber, r.customerName,
                         r.currency.rawValue, r.total.plainAmount, r.status.rawValue, r.responseCode ?? ""]
                .joined(separator: "\t"))
        }
        return 0
    }

    private static func lines(_ id: Int64, _ db: Database) throws -> [String] {
        try db.query("SELECT position, description, quantity, unit, unit_price, line_value_cents FROM e_document_line "
                     + "WHERE document_id = ? ORDER BY position", [.int(id)]).map { row in
            "  \(row.int("position")). \(row.string("description")) — \(row.string("quantity")) \(row.string("unit")) × "
                + "\(row.string("unit_price")) = \(Money(minorUnits: row.int("line_value_cents"), .pen).plainAmount)"
        }
    }

    private static func show(_ r: EDocumentRecord, lines: [String]) -> String {
        var out = [
            "\(r.kind.displayName) \(r.documentID)  (\(r.fileName))",
            "Fecha de emisión: \(r.issueDate)",
            "Cliente: \(r.customerName) (\(r.customerDocType) \(r.customerDocNumber))",
            "Moneda: \(r.currency.rawValue)  Valor de venta: \(r.taxable.formatted)  IGV: \(r.igv.formatted)  Total: \(r.total.formatted)",
            "Estado SUNAT: \(r.status.rawValue)" + (r.responseCode.map { " (código \($0))" } ?? ""),
        ]
        if let d = r.responseDescription { out.append("Respuesta: \(d)") }
        for o in r.observations { out.append("Observación: \(o)") }
        if let e = r.lastError { out.append("Último error: \(e)") }
        out.append("Intentos de envío: \(r.attempts)")
        out.append("Hash (DigestValue): \(r.digestValue)")
        if let q = r.quoteNumber { out.append("Referencia: \(q)") }
        out.append("Líneas:")
        out += lines
        return out.joined(separator: "\n")
    }

    private static func status(_ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .sales)
        let counts = try EDocumentRepository(db: store.db).countsByStatus()
        for s in EDocumentStatus.allCases { Console.out("\(s.rawValue)\t\(counts[s] ?? 0)") }
        if let settings = try EInvoicingSettingsRepository(db: store.db).load() {
            Console.out("entorno\t\(settings.environment.rawValue)\t\(settings.activeEndpoints.billService)")
        } else {
            Console.out("entorno\tsin configurar")
        }
        return 0
    }

    private static func readFile(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.failure("no se pudo leer \(path)") }
        return data
    }
}

/// The JSON that `bytek invoice issue --file` reads. Amounts are strings ("118.00") so they stay exact.
///
/// ```json
/// {"kind": "01", "series": "F001", "currency": "PEN", "orderReference": "COT-2026-0001",
///  "customer": {"documentType": "6", "number": "20100070970", "name": "CLIENTE S.A.C.", "address": "Av. Lima 1"},
///  "lines": [{"description": "Soporte", "quantity": "1", "unitPrice": "100.00", "unit": "ZZ",
///             "affectation": "10", "priceIncludesIGV": false, "itemKind": "service"}]}
/// ```
/// `series` defaults to the settings' series for the kind; `issuedAt` (ISO-8601) to now.
struct InvoiceInput: Decodable {
    struct Line: Decodable {
        var description: String
        var quantity: String
        var unitPrice: String
        var unit: String?
        var affectation: String?
        var priceIncludesIGV: Bool?
        var itemCode: String?
        var itemKind: String?
    }
    var kind: String
    var series: String?
    var issuedAt: String?
    var customer: DocumentCustomer
    var currency: String?
    var exchangeRate: String?
    var orderReference: String?
    var lines: [Line]

    func document(settings: EInvoicingSettings) throws -> EDocument {
        guard let k = DocumentKind(rawValue: kind) else { throw CLIError.failure("tipo de comprobante desconocido: \(kind)") }
        guard !k.isNote else { throw CLIError.failure("las notas de crédito y débito aún no se emiten desde la línea de comandos") }
        guard let seriesCode = series ?? settings.series(for: k) else {
            throw CLIError.failure("no hay serie configurada para \(k.displayName)")
        }
        let s: Series
        do { s = try Series(seriesCode, for: k) } catch { throw CLIError.failure("serie no válida: \(seriesCode)") }
        var date = Date()
        if let issuedAt {
            guard let d = ISOTimestamp.parse(issuedAt) else { throw CLIError.failure("fecha no válida: \(issuedAt)") }
            date = d
        }
        guard let cur = Currency(rawValue: currency ?? "PEN") else { throw CLIError.failure("moneda no válida") }
        var docLines: [EDocumentLine] = []
        for (i, l) in lines.enumerated() {
            guard let q = Decimal(string: l.quantity, locale: Locale(identifier: "en_US_POSIX")),
                  let p = Decimal(string: l.unitPrice, locale: Locale(identifier: "en_US_POSIX")) else {
                throw CLIError.failure("línea \(i + 1): cantidad o precio no válidos")
            }
            let category: TaxCategory
            switch l.affectation ?? "10" {
            case "10": category = .gravado
            case "20": category = .exonerado
            case "30": category = .inafecto
            default: throw CLIError.failure("línea \(i + 1): afectación no admitida: \(l.affectation ?? "")")
            }
            guard let unit = SunatUnit(rawValue: l.unit ?? "NIU") else {
                throw CLIError.failure("línea \(i + 1): unidad desconocida: \(l.unit ?? "")")
            }
            docLines.append(EDocumentLine(
                description: l.description, quantity: q, unit: unit, unitPrice: p,
                priceIncludesIGV: l.priceIncludesIGV ?? false, affectation: .onerous(category),
                itemCode: l.itemCode, itemKind: ItemKind(rawValue: l.itemKind ?? "product") ?? .product))
        }
        let rate = exchangeRate.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        return EDocument(kind: k, series: s, number: 1, issuedAt: date, issuer: settings.issuer, customer: customer,
                         currency: cur, lines: docLines, exchangeRate: rate, orderReference: orderReference)
    }
}
