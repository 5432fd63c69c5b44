import BytekModel
import BytekServices
import BytekStore
import Foundation

/// A factura or boleta typed by hand for one customer: kind, currency, credit days and up to
/// `lineSlots` simple lines (description, quantity, unit value without IGV, product or service, IGV
/// category). Ctrl-S validates every SUNAT rule, numbers, signs and queues it.
@MainActor
final class BillingManualEditor: RecordEditor {
    static let lineSlots = 4
    let customer: Customer
    private let service: InvoiceService
    private let text: BillingText
    /// Called with the issued document (to select it in the list).
    var onIssued: (EDocumentRecord) -> Void = { _ in }
    /// An unusual exchange rate the user was warned about: saving it again confirms it.
    private var rateToConfirm: Decimal?

    /// SUNAT's padrón of the screen: the confirmation warns first when the RUC is not ACTIVO or not HABIDO.
    private let padron: PadronFlags?

    init(customer: Customer, service: InvoiceService, text: BillingText, padron: PadronFlags? = nil) {
        self.customer = customer; self.service = service; self.text = text; self.padron = padron
    }

    var formName: String { "billing.manual" }
    var recordKey: String { customer.id.map(String.init) ?? "new" }
    var title: String { text.s.format("billing.manual.title", customer.legalName) }

    func makeFields() -> [FormField] {
        let s = text.s
        let kinds = [FormOption(DocumentKind.factura.code, text.kind(.factura)), FormOption(DocumentKind.boleta.code, text.kind(.boleta))]
        var fields: [FormField] = [
            .section(s.format("billing.manual.customer", customer.legalName, customer.docType.shortName + " " + customer.docNumber)),
            .choice("kind", s["billing.field.kind"], options: kinds,
                    value: customer.docType == .ruc ? DocumentKind.factura.code : DocumentKind.boleta.code),
            .choice("currency", s["billing.field.currency"], options: [FormOption("PEN", "Soles (PEN)"), FormOption("USD", "Dólares (USD)")]),
            .text("rate", s["billing.manual.rate"], width: 10, hint: rateHint()),
            .number("days", s["billing.manual.days"], width: 6, hint: s["billing.manual.daysHint"]),
        ]
        let kindOptions = [FormOption(ItemKind.service.rawValue, ItemKind.service.displayName),
                           FormOption(ItemKind.product.rawValue, ItemKind.product.displayName)]
        let taxOptions = TaxCategory.allCases.map { FormOption($0.rawValue, $0.displayName) }
        for i in 1...Self.lineSlots {
            fields += [
                .section(s.format("billing.manual.line", String(i))),
                .text("desc\(i)", s["billing.manual.description"], required: i == 1, width: 50, maxLength: 250),
                .number("qty\(i)", s["billing.manual.quantity"], value: i == 1 ? "1" : "", width: 10),
                .money("price\(i)", s["billing.manual.price"], width: 14),
                .choice("itemKind\(i)", s["billing.manual.itemKind"], options: kindOptions),
                .choice("tax\(i)", s["billing.manual.tax"], options: taxOptions),
            ]
        }
        return fields
    }

    /// "Vacío en USD: TC 3.749 del 15/11 (3 días antes)": the day's rate a document in dollars takes
    /// when none is typed; without one within 7 days, the plain hint (saving then says what to do).
    private func rateHint() -> String {
        guard let d = try? service.defaultExchangeRate(for: service.today) else { return text.s["billing.manual.rateHint"] }
        return text.s.format("billing.manual.rateDefault", d.label)
    }

    /// The label of the day's rate the last built document took by default (nil: typed or in soles).
    private var defaultRateLabel: String?

    /// The document the values describe (number 1; numbering assigns the real one), or the errors by field.
    func document(_ values: [String: String]) -> Result<EDocument, BillingFormErrors> {
        let s = text.s
        var errors: [String: String] = [:]
        var lines: [EDocumentLine] = []
        for i in 1...Self.lineSlots {
            let desc = (values["desc\(i)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !desc.isEmpty else {
                if i == 1 { errors["desc1"] = s["form.required"] }
                continue
            }
            let qty = QuoteText.parseDecimal(values["qty\(i)"] ?? "")
            let price = QuoteText.parseDecimal(values["price\(i)"] ?? "")
            if qty == nil || (qty ?? 0) <= 0 { errors["qty\(i)"] = s["billing.manual.badQuantity"] }
            if price == nil || (price ?? -1) < 0 { errors["price\(i)"] = s["billing.manual.badPrice"] }
            // Within `AmountLimits` as typed: twenty digits get a sentence beside the field, never a crash.
            if let q = qty, errors["qty\(i)"] == nil {
                do throws(AmountLimitError) { try AmountLimits.checkQuantity(q) } catch { errors["qty\(i)"] = ErrorText(text.s).limit(error) }
            }
            if let p = price, errors["price\(i)"] == nil {
                do throws(AmountLimitError) { try AmountLimits.checkUnitPrice(p) } catch { errors["price\(i)"] = ErrorText(text.s).limit(error) }
            }
            if let q = qty, let p = price, errors["qty\(i)"] == nil, errors["price\(i)"] == nil, q * p > AmountLimits.maxAmount {
                errors["price\(i)"] = ErrorText(text.s).limit(.tooLarge(.lineAmount, max: AmountLimits.maxAmount))
            }
            guard let qty, let price else { continue }
            let category = TaxCategory(rawValue: values["tax\(i)"] ?? "") ?? .gravado
            lines.append(EDocumentLine(description: desc, quantity: qty, unit: .unit, unitPrice: price,
                                       affectation: .onerous(category),
                                       itemKind: ItemKind(rawValue: values["itemKind\(i)"] ?? "") ?? .service))
        }
        let currency = Currency(rawValue: values["currency"] ?? "PEN") ?? .pen
        var rate: Decimal?
        let rateText = (values["rate"] ?? "").trimmingCharacters(in: .whitespaces)
        if !rateText.isEmpty {
            if let r = QuoteText.parseDecimal(rateText), r > 0 { rate = r } else { errors["rate"] = s["billing.manual.badRate"] }
            if let r = rate, currency == .usd,
               let problem = QuoteBuilderScreen.exchangeRateProblem(r, unchanged: nil, toConfirm: &rateToConfirm, s) {
                errors["rate"] = problem
            }
        }
        defaultRateLabel = nil
        if rateText.isEmpty, currency == .usd {
            // The day's venta rate (or the latest of the week before, said so); none: the user types one.
            do {
                let d = try service.defaultExchangeRate(for: service.today)
                rate = d.rate
                defaultRateLabel = d.label
            } catch let e as ExchangeRateError {
                errors["rate"] = s.format("billing.manual.rateMissing", Self.capitalized(e.message))
            } catch {
                errors["rate"] = text.describe(error)
            }
        }
        let daysText = (values["days"] ?? "").trimmingCharacters(in: .whitespaces)
        var days = 0
        if !daysText.isEmpty {
            if let d = Int(daysText), d >= 0, d <= 365 { days = d } else { errors["days"] = s["billing.manual.badDays"] }
        }
        guard errors.isEmpty else { return .failure(BillingFormErrors(byField: errors)) }
        let kind = DocumentKind(rawValue: values["kind"] ?? "") ?? .factura
        do {
            let settings = try service.settings()
            let series = try InvoiceService.series(for: kind, family: kind == .factura ? .factura : .boleta, settings: settings)
            var doc = EDocument(kind: kind, series: series, number: 1, issuedAt: service.now(), issuer: settings.issuer,
                                customer: DocumentCustomer(customer: customer), currency: currency, lines: lines,
                                exchangeRate: currency == .pen ? nil : rate)
            // Services over S/ 700 on a factura carry the detracción, as on an invoiced quote.
            if kind == .factura, lines.contains(where: { $0.itemKind != .product }),
               let pen = try doc.amounts().totalPEN, pen > Detraccion.thresholdPEN {
                doc.detraccion = Detraccion(code: QuoteInvoicing.detraccionCode, ratePercent: QuoteInvoicing.detraccionRatePercent,
                                            account: settings.detraccionAccount)
                doc.operationType = .sujetaADetraccion
            }
            if days > 0 {
                let pending = try doc.amounts().pending.amount
                doc.paymentForm = .credito([Installment(amount: pending, dueDate: doc.issueDate.adding(days: days))])
            }
            return .success(doc)
        } catch {
            return .failure(BillingFormErrors(general: text.describe(error)))
        }
    }

    /// "¿Emitir Factura F001-13 por S/ 118.00 a …? Se enviará a SUNAT.", as issuing from a quote asks.
    func confirmation(_ values: [String: String]) -> String? {
        // Asking must not count as the second save that confirms an unusual exchange rate.
        let pendingRate = rateToConfirm
        defer { rateToConfirm = pendingRate }
        guard case .success(let doc) = document(values) else { return nil }
        let total = (try? doc.amounts().total.formatted) ?? ""
        let question = text.s.format("billing.confirmIssueTyped", text.kind(doc.kind), service.nextDocumentID(doc), total, doc.customer.name)
        return (padron?.warning(ruc: doc.customer.number, text.s) ?? "")
            + (defaultRateLabel.map { text.s.format("billing.confirmRate", question, $0) } ?? question)
    }

    private static func capitalized(_ sentence: String) -> String { sentence.prefix(1).uppercased() + sentence.dropFirst() }

    func save(_ values: [String: String]) -> SaveOutcome {
        switch document(values) {
        case .failure(let e):
            if let general = e.general { return .failed(general, field: nil) }
            return .invalid(e.byField)
        case .success(let doc):
            do {
                let record = try service.issue(doc)
                onIssued(record)
                return .saved(text.s.format("billing.issued", text.kind(record.kind), record.documentID, record.total.formatted,
                                            text.status(record.status)))
            } catch {
                return .failed(text.describe(error), field: nil)
            }
        }
    }
}

/// Why the typed document cannot be built: errors by field, or one general message.
struct BillingFormErrors: Error {
    var byField: [String: String] = [:]
    var general: String?
}
