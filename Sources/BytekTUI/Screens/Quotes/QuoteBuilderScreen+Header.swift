import BytekModel
import Foundation

// The header form: unit, currency and exchange rate, IGV, validity, delivery, payment terms,
// notes and terms. Milestones are typed as "30/30/40" with their names "Anticipo, Avance, Entrega";
// percentages that do not add up to 100 are refused beside the field.
extension QuoteBuilderScreen {
    func editHeader(_ context: AppContext) {
        guard requireEditable(context) else { return }
        let s = strings
        let q = quote.content
        var paymentKind = "cash", percents = "", names = "", creditDays = ""
        switch q.paymentTerms {
        case .cash: break
        case .milestones(let list):
            paymentKind = "milestones"
            percents = list.map { QuoteText.decimal($0.percent) }.joined(separator: "/")
            names = list.map(\.name).joined(separator: ", ")
        case .credit(let days):
            paymentKind = "credit"; creditDays = String(days)
        }
        let fields: [FormField] = [
            .choice("unit", s["quotes.field.unit"], options: BusinessUnit.allCases.map { FormOption($0.rawValue, $0.label) },
                    value: q.unit.rawValue),
            .choice("currency", s["quotes.field.currency"],
                    options: Currency.allCases.map { FormOption($0.rawValue, $0.symbol + " " + $0.rawValue) }, value: q.currency.rawValue),
            .number("exchangeRate", s["quotes.field.exchangeRate"], value: q.exchangeRate.map(QuoteText.decimal) ?? "",
                    hint: s["quotes.hint.exchangeRate"]),
            .checkbox("pricesIncludeIGV", s["quotes.field.pricesIncludeIGV"], checked: q.pricesIncludeIGV),
            .number("validityDays", s["quotes.field.validityDays"], value: String(q.validityDays), required: true, width: 6),
            .text("deliveryTime", s["quotes.field.deliveryTime"], value: q.deliveryTime, width: 40, maxLength: 200),
            .choice("paymentKind", s["quotes.field.paymentKind"], options: [
                FormOption("cash", s["quotes.pay.cash"]), FormOption("milestones", s["quotes.pay.milestones"]),
                FormOption("credit", s["quotes.pay.credit"]),
            ], value: paymentKind),
            .text("milestones", s["quotes.field.milestones"], value: percents, width: 20, hint: s["quotes.hint.milestones"]),
            .text("milestoneNames", s["quotes.field.milestoneNames"], value: names, width: 50, hint: s["quotes.hint.milestoneNames"]),
            .number("creditDays", s["quotes.field.creditDays"], value: creditDays, width: 6),
            .notes("notes", s["quotes.field.notes"], value: q.notes, width: 60),
            .notes("terms", s["quotes.field.terms"], value: q.terms, width: 60),
        ]
        context.push(QuoteFormScreen(title: s["quotes.form.header"], fields: fields, strings: s) { [weak self] v in
            self?.applyHeader(v) ?? [:]
        })
    }

    /// Checks and applies the header values; the errors by field when something is wrong.
    func applyHeader(_ v: [String: String]) -> [String: String] {
        let s = strings
        var errors: [String: String] = [:]
        var rate: Decimal?
        let rateText = (v["exchangeRate"] ?? "").trimmingCharacters(in: .whitespaces)
        if !rateText.isEmpty {
            rate = QuoteText.parseDecimal(rateText)
            if rate == nil || (rate ?? 0) <= 0 { errors["exchangeRate"] = s["quotes.err.ratePositive"] }
        }
        let validity = Int((v["validityDays"] ?? "").trimmingCharacters(in: .whitespaces))
        if validity == nil || (validity ?? 0) <= 0 { errors["validityDays"] = s["quotes.err.validity"] }
        var terms = PaymentTerms.cash
        switch v["paymentKind"] {
        case "milestones":
            let parts = (v["milestones"] ?? "").split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ";" }).map(String.init)
            let percents = parts.map { QuoteText.parseDecimal($0.replacingOccurrences(of: "%", with: "")) }
            let names = (v["milestoneNames"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.isEmpty || percents.contains(where: { $0 == nil }) {
                errors["milestones"] = s["quotes.err.milestonesFormat"]
            } else {
                let list = percents.enumerated().map { i, p in
                    Milestone(name: i < names.count && !names[i].isEmpty ? names[i] : s.format("quotes.milestone", String(i + 1)),
                              percent: p ?? 0)
                }
                terms = .milestones(list)
            }
        case "credit":
            let days = Int((v["creditDays"] ?? "").trimmingCharacters(in: .whitespaces)) ?? 0
            terms = .credit(days: days)
        default:
            break
        }
        do { try terms.validate() } catch {
            switch error {
            case .creditDaysNotPositive: errors["creditDays"] = text.error(error)
            default: errors["milestones"] = text.error(error)
            }
        }
        guard errors.isEmpty, let validity else { return errors }
        let failure = tryChange { c in
            c.unit = BusinessUnit(rawValue: v["unit"] ?? "") ?? c.unit
            c.currency = Currency(rawValue: v["currency"] ?? "") ?? c.currency
            c.exchangeRate = rate
            c.pricesIncludeIGV = v["pricesIncludeIGV"] == "1"
            c.validityDays = validity
            c.deliveryTime = (v["deliveryTime"] ?? "").trimmingCharacters(in: .whitespaces)
            c.paymentTerms = terms
            c.notes = v["notes"] ?? ""
            c.terms = v["terms"] ?? ""
        }
        if let failure { return [failure == s["quotes.err.rateMissing"] ? "exchangeRate" : "currency": failure] }
        return [:]
    }

    /// "Hitos: Anticipo 30% · Avance 30% · Entrega 40%", "Contado", "Crédito a 30 días".
    func paymentText(_ terms: PaymentTerms) -> String {
        switch terms {
        case .cash: return strings["quotes.pay.cash"]
        case .credit(let days): return strings.format("quotes.pay.creditDays", String(days))
        case .milestones(let list):
            return strings["quotes.pay.milestones"] + ": "
                + list.map { $0.name + " " + QuoteText.decimal($0.percent) + "%" }.joined(separator: " · ")
        }
    }
}
