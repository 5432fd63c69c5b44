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
        let form = QuoteFormScreen(title: s["quotes.form.header"], fields: fields, strings: s) { [weak self] v in
            self?.applyHeader(v) ?? [:]
        }
        keepTypedInDraft(form) { [weak self] v in self?.typedHeader(v) }
        context.push(form)
    }

    /// Writes what is typed in `form` into the quote's draft after every edit (so a killed terminal
    /// loses nothing), and on Esc puts the draft back to the quote as it was.
    func keepTypedInDraft(_ form: QuoteFormScreen, _ typed: @escaping ([String: String]) -> QuoteContent?) {
        form.onChange = { [weak self] v in
            guard let self, let trial = typed(v), trial != self.quote.content else { return }
            self.keepDraft(trial)
        }
        form.onCancel = { [weak self] in
            guard let self else { return }
            if self.isDirty { self.keepDraft() } else { self.deleteDraft() }
        }
    }

    /// The content with every header value as typed that can be read (milestones even when they do
    /// not add up yet: the draft keeps what was typed; applying still checks it).
    func typedHeader(_ v: [String: String]) -> QuoteContent {
        var c = quote.content
        c.unit = BusinessUnit(rawValue: v["unit"] ?? "") ?? c.unit
        c.currency = Currency(rawValue: v["currency"] ?? "") ?? c.currency
        let rateText = (v["exchangeRate"] ?? "").trimmingCharacters(in: .whitespaces)
        if rateText.isEmpty { c.exchangeRate = nil } else if let rate = QuoteText.parseDecimal(rateText), rate > 0 { c.exchangeRate = rate }
        c.pricesIncludeIGV = v["pricesIncludeIGV"] == "1"
        if let days = Int((v["validityDays"] ?? "").trimmingCharacters(in: .whitespaces)), (1...AmountLimits.maxDays).contains(days) {
            c.validityDays = days
        }
        c.deliveryTime = (v["deliveryTime"] ?? "").trimmingCharacters(in: .whitespaces)
        if let terms = typedTerms(v) { c.paymentTerms = terms }
        c.notes = v["notes"] ?? ""
        c.terms = v["terms"] ?? ""
        return c
    }

    /// The payment terms the values describe, unchecked; nil when the milestone percentages or the
    /// credit days do not read as numbers.
    func typedTerms(_ v: [String: String]) -> PaymentTerms? {
        switch v["paymentKind"] {
        case "milestones":
            let parts = (v["milestones"] ?? "").split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ";" }).map(String.init)
            let percents = parts.compactMap { QuoteText.parseDecimal($0.replacingOccurrences(of: "%", with: "")) }
            guard !parts.isEmpty, percents.count == parts.count else { return nil }
            let names = (v["milestoneNames"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return .milestones(percents.enumerated().map { i, p in
                Milestone(name: i < names.count && !names[i].isEmpty ? names[i] : strings.format("quotes.milestone", String(i + 1)),
                          percent: p)
            })
        case "credit":
            return Int((v["creditDays"] ?? "").trimmingCharacters(in: .whitespaces)).map { .credit(days: $0) }
        default:
            return .cash
        }
    }

    /// Nil when `rate` may be saved: within `AmountLimits` and the usual band, or the rate already saved, or
    /// confirmed by saving it a second time (`toConfirm` remembers the rate the user was warned about).
    static func exchangeRateProblem(_ rate: Decimal, unchanged: Decimal?, toConfirm: inout Decimal?, _ s: Strings) -> String? {
        do throws(AmountLimitError) {
            try AmountLimits.checkExchangeRate(rate, confirmed: rate == unchanged || rate == toConfirm)
            return nil
        } catch {
            let text = ErrorText(s).limit(error)
            guard error.needsConfirmation else { return text }
            toConfirm = rate
            return text + " " + s["form.saveAgainToConfirm"]
        }
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
        if let r = rate, errors["exchangeRate"] == nil {
            errors["exchangeRate"] = Self.exchangeRateProblem(r, unchanged: quote.exchangeRate, toConfirm: &rateToConfirm, s)
        }
        // In dollars with the rate left empty: the day's venta rate (or the latest of the week before,
        // said so beside it); without one, the header says where to enter it.
        var note: String?
        if let r = rate, r == quote.exchangeRate { note = rateNote }
        if rateText.isEmpty, (Currency(rawValue: v["currency"] ?? "") ?? quote.currency) == .usd {
            do {
                let d = try quotes.defaultExchangeRate(for: quotes.today)
                rate = d.rate
                note = d.label
            } catch let e as ExchangeRateError {
                note = e.message.prefix(1).uppercased() + e.message.dropFirst()
            } catch {}
        }
        let validity = Int((v["validityDays"] ?? "").trimmingCharacters(in: .whitespaces))
        if !(1...AmountLimits.maxDays).contains(validity ?? 0) { errors["validityDays"] = s["quotes.err.validity"] }
        var terms = PaymentTerms.cash
        if let typed = typedTerms(v) {
            terms = typed
        } else if v["paymentKind"] == "milestones" {
            errors["milestones"] = s["quotes.err.milestonesFormat"]
        } else {
            terms = .credit(days: 0)
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
        if let failure {
            if failure == s["quotes.err.rateMissing"], rate == nil, let note {
                return ["exchangeRate": s.format("quotes.err.rateMissingDay", note)]
            }
            return [failure == s["quotes.err.rateMissing"] ? "exchangeRate" : "currency": failure]
        }
        rateNote = note
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
