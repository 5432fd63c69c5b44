import BytekModel
import BytekSUNAT
import Foundation

/// The documents of the SUNAT rules matrix: every kind, affectation, discount, currency, payment form
/// and note reason the model supports, from 1 line to 500, dated today in Lima (SUNAT's rules check
/// the issue date against the day they run).
enum SunatRulesMatrix {
    typealias S = SchemaFixtures

    struct Entry {
        let label: String
        let fileName: String
        let xml: Data
    }

    static func d(_ s: String) -> Decimal { Decimal(string: s) ?? 0 }

    /// `doc` issued now (Lima).
    static func today(_ doc: EDocument) -> EDocument {
        var d = doc
        d.issuedAt = Date()
        return d
    }

    static var issueDay: LocalDate { LimaTime.date(Date()) }

    static let services: ItemKind = .service

    /// Lines of every kind the user may type, cycling through affectations, prices and discounts.
    static func manyLines(_ count: Int, boleta: Bool = false) -> [EDocumentLine] {
        let affectations: [LineAffectation] = [.onerous(.gravado), .onerous(.gravado), .onerous(.exonerado), .onerous(.inafecto),
                                               .free(.gravadoBonificacion), .onerous(.gravado)]
        let prices = ["12.5", "0.3333333333", "1499.9", "84.7457627119", "7", "250.1234567891"]
        let quantities = ["1", "2.5", "0.125", "3", "10", "1.3333333333"]
        return (0..<count).map { i in
            let a = affectations[i % affectations.count]
            let discount: Discount = a.isFree ? .none : (i % 4 == 1 ? .percent(d("7.5")) : (i % 4 == 3 ? .amount(d("0.5")) : .none))
            return S.line(d(quantities[i % quantities.count]), d(prices[(i / 2) % prices.count]), a,
                          includesIGV: a == .onerous(.gravado) && i % 5 == 0, discount: discount,
                          kind: i % 3 == 0 ? .service : .product, description: "Ítem \(i + 1) — servicio/equipo")
        }
    }

    static func documents() throws -> [Entry] {
        var out: [Entry] = []
        var number = 0
        func next() -> Int { number += 1; return number }
        func add(_ label: String, _ doc: EDocument) throws {
            let d = today(doc)
            out.append(Entry(label: label, fileName: d.fileName, xml: try UBLWriter.document(d)))
        }
        let lic = { (q: String, p: String) in S.line(d(q), d(p)) }

        // --- Facturas: each affectation alone, and each free code beside a sale.
        try add("factura 10", S.document(number: next(), lines: [lic("2", "100")]))
        try add("factura 10 precio con IGV", S.document(number: next(), lines: [S.line(1, 59, includesIGV: true)]))
        try add("factura 20", S.document(number: next(), lines: [S.line(3, d("45.5"), .onerous(.exonerado))]))
        try add("factura 30", S.document(number: next(), lines: [S.line(1, d("80.25"), .onerous(.inafecto))]))
        for code in FreeTransferCode.allCases {
            try add("factura gratuito \(code.rawValue)", S.document(number: next(),
                lines: [lic("1", "500"), S.line(2, d("25.5"), .free(code), description: "Obsequio \(code.rawValue)")]))
        }
        try add("factura solo gratuita", S.document(number: next(),
            lines: [S.line(1, 40, .free(.gravadoRetiroPublicidad)), S.line(3, 10, .free(.inafectoMuestrasMedicas))]))
        try add("factura mixta 10/20/30", S.document(number: next(), lines: [
            S.line(10, d("12.5")), S.line(1, 50, .onerous(.exonerado)), S.line(2, d("10.005"), .onerous(.inafecto))]))

        // --- Exportación (40, operation 0200) to a buyer abroad (catálogo 06 code 0), PEN and USD.
        let abroad = DocumentCustomer(documentType: .nonDomiciled, number: "US-123456789", name: "ACME TRADING LLC",
                                      address: "500 Main St, Miami FL")
        try add("factura exportación", S.document(number: next(), customer: abroad, lines: [
            S.line(2, d("150.5"), .export), S.line(d("1.5"), 99, .export, discount: .percent(5))]))
        try add("factura exportación USD descuento global", S.document(number: next(), customer: abroad, currency: .usd,
            lines: [S.line(10, d("12.3456789012"), .export)], globalDiscount: .amount(5), exchangeRate: d("3.75")))

        // --- Line discounts by percent and by amount, on each basis.
        try add("factura descuento % por línea", S.document(number: next(), lines: [S.line(4, 250, discount: .percent(10))]))
        try add("factura descuento monto por línea", S.document(number: next(), lines: [S.line(1, 100, discount: .amount(20))]))
        try add("factura descuento por línea precio con IGV", S.document(number: next(), lines: [
            S.line(3, d("118"), includesIGV: true, discount: .percent(d("12.5"))),
            S.line(2, d("59.99"), includesIGV: true, discount: .amount(d("10.01")))]))
        try add("factura descuento por línea exonerado/inafecto", S.document(number: next(), lines: [
            S.line(2, 80, .onerous(.exonerado), discount: .percent(15)), S.line(5, d("9.99"), .onerous(.inafecto), discount: .amount(3))]))

        // --- Global discounts over one base and over mixed bases, with and without line discounts.
        try add("factura descuento global % gravado", S.document(number: next(), lines: [lic("3", "333.33")],
                                                                 globalDiscount: .percent(5)))
        try add("factura descuento global monto gravado", S.document(number: next(), lines: [lic("1", "1000"), lic("2", "45.45")],
                                                                     globalDiscount: .amount(d("100.5"))))
        try add("factura descuento global mixto", S.document(number: next(), lines: [
            S.line(4, 250, discount: .percent(10)), S.line(1, 100, discount: .amount(20)),
            S.line(1, 80, .onerous(.exonerado)), S.line(3, d("33.3"), .onerous(.inafecto))], globalDiscount: .percent(5)))
        try add("factura descuento global monto mixto", S.document(number: next(), lines: [
            S.line(2, 500), S.line(1, 300, .onerous(.exonerado)), S.line(1, 200, .onerous(.inafecto))],
            globalDiscount: .amount(d("123.45"))))
        try add("factura descuento global solo exonerado", S.document(number: next(), lines: [
            S.line(2, 500, .onerous(.exonerado))], globalDiscount: .percent(10)))
        try add("factura descuento global con gratuito", S.document(number: next(), lines: [
            S.line(2, 500), S.line(1, 300, .onerous(.inafecto)), S.line(1, 20, .free(.gravadoBonificacion))],
            globalDiscount: .percent(d("2.5"))))

        // --- Currency, payment form, detracción.
        try add("factura USD", S.document(number: next(), currency: .usd, lines: [S.line(3, d("1234.5678"))],
                                          exchangeRate: d("3.75")))
        let cuotas = { (total: String, n: Int) -> PaymentForm in
            let each = d(total) / Decimal(n)
            var parts = (0..<n).map { _ in Money(each, .pen).rounded().amount }
            parts[n - 1] = d(total) - parts.dropLast().reduce(0, +)
            return .credito(parts.enumerated().map { Installment(amount: $0.element, dueDate: issueDay.adding(days: 30 * ($0.offset + 1))) })
        }
        try add("factura al crédito", S.document(number: next(), lines: [lic("3", "100")], payment: cuotas("354.00", 2)))
        try add("factura detracción contado", S.document(number: next(),
            lines: [S.line(10, 150, kind: .service, description: "Soporte técnico (horas)")],
            detraccion: Detraccion(code: "037", ratePercent: 12, account: "00-000-123456")))
        // 1,770.00 − 12% (212.40) = 1,557.60 in three cuotas.
        try add("factura detracción con cuotas", S.document(number: next(),
            lines: [S.line(10, 150, kind: .service, description: "Soporte técnico (horas)")],
            payment: cuotas("1557.60", 3), detraccion: Detraccion(code: "037", ratePercent: 12, account: "00-000-123456")))
        // USD 590.00, 12% of S/ 2,212.50 = S/ 265.50 (USD 70.80), pending USD 519.20.
        try add("factura USD detracción crédito", S.document(number: next(), currency: .usd,
            lines: [S.line(1, 500, kind: .service)],
            payment: .credito([Installment(amount: d("519.20"), dueDate: issueDay.adding(days: 45))]),
            detraccion: Detraccion(account: "00-000-123456"), exchangeRate: d("3.75")))

        // --- Quantities with decimals and prices with 10 decimals; long documents.
        try add("factura decimales", S.document(number: next(), lines: [
            S.line(d("1.3333333333"), d("0.0000000001") + 7), S.line(d("0.125"), d("84.7457627119")),
            S.line(d("1234.5678901234"), d("0.0123456789"), .onerous(.exonerado)),
            S.line(d("2.5"), d("99.9999999999"), includesIGV: true)]))
        try add("factura 1 línea", S.document(number: next(), lines: [lic("1", "1")]))
        try add("factura 60 líneas", S.document(number: next(), lines: manyLines(60), globalDiscount: .percent(3)))
        try add("factura 500 líneas", S.document(number: next(), lines: manyLines(500), globalDiscount: .amount(d("250"))))

        // --- Boletas.
        var b = 0
        func nb() -> Int { b += 1; return b }
        let boleta = { (n: Int, c: DocumentCustomer, lines: [EDocumentLine], g: Discount) in
            S.document(.boleta, series: "B001", number: n, customer: c, lines: lines, globalDiscount: g)
        }
        try add("boleta clientes varios", boleta(nb(), .anonymous(), [S.line(1, 50, includesIGV: true)], .none))
        try add("boleta DNI", boleta(nb(), S.dniCustomer, [S.line(2, 400)], .none))
        try add("boleta RUC", boleta(nb(), S.rucCustomer, [S.line(1, 120)], .none))
        try add("boleta mixta con descuentos", boleta(nb(), S.dniCustomer, [
            S.line(2, 100, discount: .percent(10)), S.line(1, 60, .onerous(.exonerado), discount: .amount(5)),
            S.line(1, 40, .onerous(.inafecto)), S.line(1, 15, .free(.inafectoRetiroBonificacion))], .percent(4)))
        try add("boleta descuento global monto", boleta(nb(), S.dniCustomer, [S.line(1, 300), S.line(1, 100, .onerous(.inafecto))],
                                                        .amount(d("40"))))
        try add("boleta gratuita 12", boleta(nb(), .anonymous(), [S.line(1, 20), S.line(1, 5, .free(.gravadoRetiroDonacion))], .none))
        try add("boleta USD", S.document(.boleta, series: "B001", number: nb(), customer: S.dniCustomer, currency: .usd,
                                         lines: [S.line(2, d("45.25"))], exchangeRate: d("3.8")))
        try add("boleta 60 líneas", boleta(nb(), S.dniCustomer, manyLines(60, boleta: true), .none))
        try add("boleta 500 líneas", boleta(nb(), S.dniCustomer, manyLines(500, boleta: true), .percent(1)))

        // --- Credit and debit notes of each reason, on facturas and boletas.
        for (family, ref, customer) in [("F", S.facturaReference, S.rucCustomer), ("B", S.boletaReference, S.dniCustomer)] {
            var n = 0
            for reason in CreditNoteReason.allCases {
                n += 1
                var payment: PaymentForm = .contado
                var lines = [S.line(1, 100, discount: .percent(10)), S.line(1, 20, .onerous(.exonerado))]
                // 13 (new cuotas, amount zero) only on facturas, 04 not on boletas: the model refuses both
                // (SunatRulesModelTests).
                if reason == .ajusteMontosFechas {
                    guard family == "F" else { continue }
                    payment = cuotas("1180.00", 2)
                    lines = [S.line(1, 0), S.line(1, 0, .onerous(.exonerado))]
                }
                if reason == .descuentoGlobal {
                    guard family == "F" else { continue }
                    lines = [S.line(1, 50)]
                }
                try add("NC \(reason.code) sobre \(family == "F" ? "factura" : "boleta")", S.document(
                    .notaCredito, series: family + "C01", number: n, customer: customer, lines: lines, payment: payment,
                    note: NoteDetails(reference: ref, reason: .credit(reason), description: reason.displayName)))
            }
            for reason in DebitNoteReason.allCases {
                try add("ND \(reason.code) sobre \(family == "F" ? "factura" : "boleta")", S.document(
                    .notaDebito, series: family + "D01", number: Int(reason.code) ?? 1, customer: customer,
                    lines: [S.line(1, 35, discount: .amount(5)), S.line(2, d("12.5"), .onerous(.inafecto))],
                    note: NoteDetails(reference: ref, reason: .debit(reason), description: reason.displayName)))
            }
        }
        try add("NC descuento global mixto", S.document(.notaCredito, series: "FC01", number: 52, lines: [
            S.line(2, 100, discount: .percent(10)), S.line(1, 50, .onerous(.inafecto))], globalDiscount: .percent(5),
            note: NoteDetails(reference: S.facturaReference, reason: .credit(.devolucionTotal), description: "Devolución")))
        try add("ND descuento global", S.document(.notaDebito, series: "FD01", number: 51, lines: [
            S.line(1, 35, discount: .amount(5)), S.line(2, d("12.5"), .onerous(.exonerado))], globalDiscount: .amount(3),
            note: NoteDetails(reference: S.facturaReference, reason: .debit(.interesesPorMora), description: "Intereses")))
        try add("NC 60 líneas", S.document(.notaCredito, series: "FC01", number: 50, lines: manyLines(60),
            note: NoteDetails(reference: S.facturaReference, reason: .credit(.devolucionPorItem), description: "Devolución")))
        try add("NC 500 líneas", S.document(.notaCredito, series: "FC01", number: 51, lines: manyLines(500),
            note: NoteDetails(reference: S.facturaReference, reason: .credit(.devolucionTotal), description: "Devolución total")))
        try add("ND 500 líneas", S.document(.notaDebito, series: "FD01", number: 50, lines: manyLines(500),
            note: NoteDetails(reference: S.facturaReference, reason: .debit(.aumentoEnElValor), description: "Aumento")))

        // --- Resumen diario (additions and bajas, boletas and their notes) and comunicación de baja.
        let day = issueDay
        let bol1 = today(boleta(101, .anonymous(), [S.line(1, 10)], .none))
        let bol2 = today(boleta(102, S.dniCustomer, [S.line(2, 400), S.line(1, 30, .onerous(.exonerado)),
                                                     S.line(1, 5, .free(.inafectoRetiro))], .none))
        let bol3 = today(boleta(103, S.dniCustomer, [S.line(1, 100, discount: .percent(10)), S.line(1, 50, .onerous(.inafecto))],
                                .percent(5)))
        let bol4 = today(S.document(.boleta, series: "B001", number: 104, customer: S.dniCustomer, currency: .usd,
                                    lines: [S.line(1, 20)], exchangeRate: d("3.8")))
        let nc = today(S.document(.notaCredito, series: "BC01", number: 101, customer: S.dniCustomer, lines: [S.line(1, 10)],
                                  note: NoteDetails(reference: S.boletaReference, reason: .credit(.anulacion), description: "Anulación")))
        let nd = today(S.document(.notaDebito, series: "BD01", number: 101, customer: S.dniCustomer, lines: [S.line(1, 3)],
                                  note: NoteDetails(reference: S.boletaReference, reason: .debit(.penalidades), description: "Penalidad")))
        let rc = SummaryDocument(issuer: S.issuer, referenceDate: day, issueDate: day, sequence: 1, lines: [
            try SummaryLine(bol1, status: .add), try SummaryLine(bol2, status: .add), try SummaryLine(bol3, status: .add),
            try SummaryLine(bol4, status: .add), try SummaryLine(nc, status: .add), try SummaryLine(nd, status: .add),
        ])
        out.append(Entry(label: "resumen diario altas", fileName: rc.fileName, xml: try UBLWriter.summary(rc)))
        let rcVoid = SummaryDocument(issuer: S.issuer, referenceDate: day, issueDate: day, sequence: 2, lines: [
            try SummaryLine(bol1, status: .void), try SummaryLine(bol3, status: .void), try SummaryLine(nc, status: .void),
        ])
        out.append(Entry(label: "resumen diario bajas", fileName: rcVoid.fileName, xml: try UBLWriter.summary(rcVoid)))
        let many = try (1...500).map { i in
            try SummaryLine(today(boleta(1000 + i, i % 2 == 0 ? .anonymous() : S.dniCustomer, [S.line(Decimal(i % 7 + 1), d("12.5"))], .none)),
                            status: i % 10 == 0 ? .void : .add)
        }
        let rcMany = SummaryDocument(issuer: S.issuer, referenceDate: day, issueDate: day, sequence: 3, lines: many)
        out.append(Entry(label: "resumen diario 500 líneas", fileName: rcMany.fileName, xml: try UBLWriter.summary(rcMany)))
        let ra = VoidedDocuments(issuer: S.issuer, referenceDate: day, issueDate: day, sequence: 1, lines: [
            VoidedLine(kind: .factura, series: S.series("F001", .factura), number: 1, reason: "Error en el RUC del cliente"),
            VoidedLine(kind: .notaCredito, series: S.series("FC01", .notaCredito), number: 1, reason: "Duplicado <sic> & más"),
            VoidedLine(kind: .notaDebito, series: S.series("FD01", .notaDebito), number: 1, reason: "Emitida por error"),
        ])
        out.append(Entry(label: "comunicación de baja", fileName: ra.fileName, xml: try UBLWriter.voided(ra)))
        return out
    }
}
