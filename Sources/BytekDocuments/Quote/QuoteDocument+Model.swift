import BytekModel
import Foundation

extension CompanyInfo {
    /// The header of a document from the stored company profile. A relative logo path is taken
    /// from `dataFolder`.
    public init(profile: CompanyProfile, dataFolder: String = "") {
        var logo = profile.logoPath
        if !logo.isEmpty, !logo.hasPrefix("/"), !dataFolder.isEmpty { logo = dataFolder + "/" + logo }
        self.init(legalName: profile.legalName, tradeName: profile.tradeName, ruc: profile.ruc,
                  address: profile.address, phone: profile.phone, email: profile.email, website: profile.website,
                  representative: profile.representative, representativeDocument: profile.representativeDocument,
                  logoPath: logo)
    }
}

extension DocumentCustomer {
    /// A customer as printed: the first contact is the "Atención" and the signer of a contract.
    public init(customer: Customer) {
        let contact = customer.contacts.first
        let place = [customer.district, customer.province, customer.department].filter { !$0.isEmpty }
        let address = ([customer.address] + place).filter { !$0.isEmpty }.joined(separator: ", ")
        self.init(name: customer.legalName, documentType: customer.docType.rawValue, documentNumber: customer.docNumber,
                  address: address, contactName: contact?.name ?? "",
                  contactEmail: contact?.email.isEmpty == false ? contact?.email ?? "" : customer.email,
                  contactPhone: contact?.phone.isEmpty == false ? contact?.phone ?? "" : customer.phone,
                  representative: contact?.name ?? "")
    }

    /// A lead not yet converted into a customer.
    public init(lead: Lead) {
        self.init(name: lead.name, documentType: lead.docType?.rawValue ?? "", documentNumber: lead.docNumber,
                  contactName: lead.contactName, contactEmail: lead.email, contactPhone: lead.phone,
                  representative: lead.contactName)
    }
}

extension DocumentDate {
    public init(_ date: LocalDate) { self.init(year: date.year, month: date.month, day: date.day) }
}

/// How the sales model's quote values read on a document (shared by the quote and the contract).
public enum QuoteDocumentText {
    /// The unit column: "Unidad" for products, "h" for hourly services, the period ("Mes",
    /// "Trimestre", "Año") for subscriptions.
    public static func unitLabel(_ line: QuoteLine) -> String {
        switch line.kind {
        case .product: return "Unidad"
        case .service: return line.rateBasis == .unit ? "Servicio" : "h"
        case .subscription:
            switch line.period ?? .monthly {
            case .monthly: return "Mes"
            case .quarterly: return "Trimestre"
            case .annual: return "Año"
            }
        }
    }

    /// "Contado", "Crédito a 30 días", "Por hitos (30% / 30% / 40%)".
    public static func paymentTerms(_ terms: PaymentTerms) -> String {
        switch terms {
        case .cash: return "Contado"
        case .credit(let days): return "Crédito a \(days) días"
        case .milestones(let list):
            // Short, since it also fits the header box; the milestones table gives the names.
            return "Por hitos (" + list.map { DocumentFormat.percent($0.percent) }.joined(separator: " / ") + ")"
        }
    }

    /// The milestones with their amounts of the one-time total (the same rule the store applies
    /// when the quote is accepted: the last one takes the remainder).
    public static func milestones(_ terms: PaymentTerms, totals: QuoteTotals) -> [DocumentMilestone] {
        let list = terms.milestoneList
        let amounts = terms.milestoneAmounts(of: totals.oneTime)
        return zip(list, amounts).map { DocumentMilestone(name: $0.name, percent: $0.percent, amount: $1) }
    }
}

extension QuoteDocument {
    /// The printable quote of one stored version. Every figure comes from `totals` (the model's
    /// `QuoteContent.totals()` of that version): lines show the unit value and amount without IGV
    /// after the line's discount, so the lines minus the global discount add up to the three
    /// bases, and the totals block is the model's, untouched. Cost and margin are not carried.
    public init(quote: Quote, totals: QuoteTotals, customer: DocumentCustomer, company: CompanyInfo,
                preparedBy: String, preparedByTitle: String = "Ejecutivo comercial") {
        let currency = quote.currency
        var lines: [QuoteDocumentLine] = []
        var recurringItems: [QuoteRecurringSummary.Item] = []
        for (i, line) in quote.lines.enumerated() {
            let figures = totals.lines[i]
            let tax = figures.tax
            var discount: LineDiscount?
            switch line.discount {
            case .none: discount = nil
            case .percent(let p): discount = p == 0 ? nil : .percent(p)
            case .amount: discount = tax.lineDiscount.isZero ? nil : .amount(tax.lineDiscount)
            }
            let amount = Money(minorUnits: tax.baseCents + tax.globalDiscountCents, currency)
            lines.append(QuoteDocumentLine(kind: line.kind, description: line.description, quantity: line.quantity,
                                           unit: QuoteDocumentText.unitLabel(line), unitPrice: tax.unitValue,
                                           discount: discount, amount: amount))
            if line.isRecurring, let value = figures.recurring {
                let perPeriod = line.quantity > 0 ? Money(tax.base.amount / line.quantity, currency).rounded() : tax.base
                recurringItems.append(QuoteRecurringSummary.Item(
                    description: line.description, period: (line.period ?? .monthly).displayName,
                    amountPerPeriod: perPeriod, monthly: value.monthly, yearly: value.yearly))
            }
        }
        let recurring = recurringItems.isEmpty ? nil : QuoteRecurringSummary(
            items: recurringItems, monthlyTotal: totals.recurringMonthly, yearlyTotal: totals.recurringYearly,
            note: "Montos sin IGV (con IGV: \(totals.recurringMonthlyWithIGV.formatted) al mes, "
                + "\(totals.recurringYearlyWithIGV.formatted) al año); se facturan por periodo adelantado.")
        var rateNote = ""
        if let rate = quote.exchangeRate, quote.lines.contains(where: { $0.unitPrice.currency != currency }) {
            rateNote = "Tipo de cambio: S/ \(rate) por US$ 1 (para los ítems cotizados en otra moneda)."
        }
        let t = totals.tax
        self.init(
            company: company, number: quote.number, version: quote.version, issueDate: DocumentDate(quote.issueDate),
            validUntil: DocumentDate(quote.validUntil), customer: customer, currency: currency,
            exchangeRateNote: rateNote,
            priceNote: "Precios unitarios e importes de las líneas sin IGV"
                + (quote.pricesIncludeIGV ? " (los precios se cotizaron con IGV incluido)." : "."),
            lines: lines,
            totals: QuoteDocumentTotals(taxed: t.gravadas, exempt: t.exoneradas, unaffected: t.inafectas,
                                        globalDiscount: t.globalDiscount, igv: t.igv, total: t.total),
            recurring: recurring, paymentTerms: QuoteDocumentText.paymentTerms(quote.paymentTerms),
            milestones: QuoteDocumentText.milestones(quote.paymentTerms, totals: totals),
            deliveryTime: quote.deliveryTime, notes: quote.notes,
            terms: quote.terms.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            preparedBy: preparedBy, preparedByTitle: preparedByTitle)
    }
}
