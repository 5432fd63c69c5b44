import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

/// The mapping from the sales model's quote to the printed documents: every figure printed is the
/// model's, nothing is recomputed differently, and cost/margin never reach the document.
@Suite struct QuoteDocumentModelTests {
    static let company = CompanyProfile(
        ruc: RUC.complete("2060123456") ?? "", legalName: "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.", tradeName: "BYTEK",
        address: "Av. José Larco 1232, Miraflores", logoPath: "logo.png", representative: "Martín Ñahui Cárdenas",
        representativeDocument: "DNI 41234567")

    static let customer = BytekDocuments.DocumentCustomer(name: "Compañía Minera Peñasco Azul S.A.A.",
                                                          documentType: "RUC", documentNumber: "20512345678")

    static func content(lines: [QuoteLine], currency: Currency = .pen, includeIGV: Bool = false,
                        global: Discount = .none, terms: PaymentTerms = .cash) -> QuoteContent {
        QuoteContent(customerId: 1, unit: .software, currency: currency, exchangeRate: Decimal(string: "3.752"),
                     pricesIncludeIGV: includeIGV, issueDate: LocalDate(year: 2026, month: 3, day: 2) ?? LocalDate(daysSinceEpoch: 0),
                     deliveryTime: "10 semanas", paymentTerms: terms, terms: "Primera condición.\nSegunda condición.",
                     globalDiscount: global, lines: lines, owner: "ventas")
    }

    static let mixedLines: [QuoteLine] = [
        .product("NAS Synology DS923+", quantity: 2, unitPrice: Money(minorUnits: 690_00, .usd),
                 discount: .percent(10), unitCost: Money(minorUnits: 560_00, .usd)),
        .service("Desarrollo del módulo de flota", quantity: Decimal(string: "120.5") ?? 120, rate: Money(minorUnits: 120_00, .pen),
                 unitCost: Money(minorUnits: 55_00, .pen)),
        .service("Integración con SUNAT", quantity: 1, rate: Money(minorUnits: 3_500_00, .pen), basis: .unit,
                 discount: .amount(200)),
        .subscription("Soporte y mantenimiento", periods: 12, pricePerPeriod: Money(minorUnits: 350_00, .pen), period: .monthly),
        .subscription("Hosting anual", periods: 2, pricePerPeriod: Money(minorUnits: 480_00, .pen), period: .annual),
        .service("Curso de ciberseguridad", quantity: 1, rate: Money(minorUnits: 1_500_00, .pen), basis: .unit,
                 taxCategory: .exonerado),
        .product("Manual impreso", quantity: 3, unitPrice: Money(minorUnits: 45_50, .pen), taxCategory: .inafecto),
    ]

    static let cases: [(String, QuoteContent)] = [
        ("sin IGV, sin descuento global", content(lines: mixedLines)),
        ("con IGV incluido y descuento global %", content(lines: mixedLines, includeIGV: true, global: .percent(5))),
        ("en dólares con descuento global por monto", content(lines: mixedLines, currency: .usd, global: .amount(100))),
        ("por hitos", content(lines: mixedLines, terms: .milestones([Milestone(name: "Inicio", percent: 30),
                                                                      Milestone(name: "Beta", percent: 30),
                                                                      Milestone(name: "Cierre", percent: 40)]))),
    ]

    @Test(arguments: 0..<4)
    func linesAndTotalsAreTheModels(_ index: Int) throws {
        let (name, content) = Self.cases[index]
        let quote = Quote(id: 7, number: "COT-2026-00042", version: 2, state: .sent, content: content)
        let totals = try quote.totals()
        let doc = QuoteDocument(quote: quote, totals: totals, customer: Self.customer,
                                company: CompanyInfo(profile: Self.company, dataFolder: "/datos"), preparedBy: "Renzo Paredes")
        #expect(doc.reference == "COT-2026-00042 v2", "\(name)")
        #expect(doc.lines.count == quote.lines.count)
        let currency = quote.currency
        var sum = Money.zero(currency)
        for (i, line) in doc.lines.enumerated() {
            let model = quote.lines[i], fig = totals.lines[i]
            #expect(line.description == model.description)
            #expect(line.kind == model.kind)
            #expect(line.quantity == model.quantity)
            #expect(line.amount.currency == currency)
            #expect(line.amount == fig.tax.base + fig.tax.globalDiscount, "\(name) línea \(i)")
            #expect(line.unitPrice == fig.tax.unitValue)
            sum += line.amount
        }
        // Lines minus the global discount are the three bases; the totals block is the model's.
        #expect(sum - totals.tax.globalDiscount == totals.tax.gravadas + totals.tax.exoneradas + totals.tax.inafectas, "\(name)")
        #expect(doc.totals.taxed == totals.tax.gravadas)
        #expect(doc.totals.exempt == totals.tax.exoneradas)
        #expect(doc.totals.unaffected == totals.tax.inafectas)
        #expect(doc.totals.igv == totals.tax.igv)
        #expect(doc.totals.total == totals.tax.total)
        #expect(doc.totals.globalDiscount == totals.tax.globalDiscount)
        // Unit labels: hours for hourly services, periods for subscriptions.
        #expect(doc.lines.map(\.unit) == ["Unidad", "h", "Servicio", "Mes", "Año", "Servicio", "Unidad"])
        let recurring = try #require(doc.recurring)
        #expect(recurring.items.map(\.description) == ["Soporte y mantenimiento", "Hosting anual"])
        #expect(recurring.monthlyTotal == totals.recurringMonthly)
        #expect(recurring.yearlyTotal == totals.recurringYearly)
        #expect(recurring.items.map(\.monthly) == totals.lines.compactMap { $0.recurring?.monthly })
        #expect(doc.terms == ["Primera condición.", "Segunda condición."])
        #expect(doc.company.logoPath == "/datos/logo.png")
        if case .milestones = quote.paymentTerms {
            #expect(doc.milestones.map(\.name) == ["Inicio", "Beta", "Cierre"])
            #expect(doc.milestones.reduce(Money.zero(currency)) { $0 + $1.amount } == totals.oneTime)
        } else {
            #expect(doc.milestones.isEmpty)
        }
    }

    @Test func usdLineInASolesQuoteIsConvertedAndTheRateNoted() throws {
        let quote = Quote(Self.content(lines: Self.mixedLines))
        let doc = QuoteDocument(quote: quote, totals: try quote.totals(), customer: Self.customer,
                                company: CompanyInfo(profile: Self.company), preparedBy: "")
        #expect(doc.lines[0].unitPrice.currency == .pen)
        // 690 × 3.752 = 2,588.88 per unit, 2 units, 10% off.
        #expect(doc.lines[0].amount == Money(minorUnits: 4_659_98, .pen))
        #expect(doc.exchangeRateNote.contains("3.752"))
    }

    @Test func contractNeedsAnAcceptedVersionAndHashesItsScope() throws {
        let content = Self.content(lines: Self.mixedLines, terms: .milestones([Milestone(name: "Inicio", percent: 50),
                                                                                Milestone(name: "Cierre", percent: 50)]))
        let day = LocalDate(year: 2026, month: 3, day: 10) ?? LocalDate(daysSinceEpoch: 0)
        for state in [QuoteState.draft, .sent, .rejected, .expired] {
            let q = Quote(id: 1, number: "COT-2026-00001", version: 1, state: state, content: content)
            #expect(throws: ContractMappingError.quoteNotAccepted(state)) {
                try ContractDocument(acceptedQuote: q, totals: try q.totals(), customer: Self.customer,
                                     company: CompanyInfo(profile: Self.company), date: day)
            }
        }
        let accepted = Quote(id: 2, number: "COT-2026-00001", version: 2, state: .accepted, content: content)
        let totals = try accepted.totals()
        let contract = try ContractDocument(acceptedQuote: accepted, totals: totals, customer: Self.customer,
                                            company: CompanyInfo(profile: Self.company), date: day)
        #expect(contract.number == "CTR-2026-00001-2")
        #expect(contract.quoteVersion == 2)
        #expect(contract.total == totals.tax.total)
        #expect(contract.scope.count == accepted.lines.count)
        #expect(contract.scope[1] == "Desarrollo del módulo de flota — 120.5 h")
        #expect(contract.scope[3] == "Soporte y mantenimiento — 12 periodo(s) mensual")
        #expect(contract.scopeHash == ScopeHash.sha256Hex(ScopeHash.canonicalText(contract.scope)))
        #expect(contract.milestones.map(\.amount).reduce(Money.zero(.pen), +) == totals.oneTime)
        // Any change of scope changes the hash.
        var changed = content
        changed.lines[1].quantity = 121
        let other = Quote(id: 3, number: "COT-2026-00001", version: 3, state: .accepted, content: changed)
        let second = try ContractDocument(acceptedQuote: other, totals: try other.totals(), customer: Self.customer,
                                          company: CompanyInfo(profile: Self.company), date: day)
        #expect(second.scopeHash != contract.scopeHash)
    }

    @Test func contractFromTheModelRendersWithTheDefaultTemplate() throws {
        let folder = TempFolder()
        let content = Self.content(lines: Self.mixedLines, terms: .milestones([Milestone(name: "Inicio", percent: 100)]))
        let q = Quote(id: 2, number: "COT-2026-00009", version: 1, state: .accepted, content: content)
        let contract = try ContractDocument(acceptedQuote: q, totals: try q.totals(), customer: Self.customer,
                                            company: CompanyInfo(profile: Self.company),
                                            date: LocalDate(year: 2026, month: 3, day: 10) ?? LocalDate(daysSinceEpoch: 0))
        let template = try ContractTemplate.load(for: .software, folder: folder.file("plantillas"))
        #expect(FileManager.default.fileExists(atPath: folder.file("plantillas/contrato-u2.txt")))
        let pdf = folder.file("contrato.pdf")
        try ContractPDF.render(contract, template: template, to: pdf)
        let flat = squeezed(try Poppler.text(pdf))
        #expect(flat.contains(contract.scopeHash.prefix(20)))
        #expect(flat.contains(contract.total.formatted))
    }
}
