import BytekModel
import BytekStore
import Foundation

/// Records a customer's payment: date, method, bank account, operation number, amount, currency and
/// exchange rate (the day's rate prefilled when the payment and an open receivable differ in currency).
/// Below the fields, the customer's open receivables with what the payment covers: suggested by
/// `PaymentSuggestion` as the amount is typed, until the user changes an application (Space toggles one,
/// digits type its amount, Ctrl-R suggests again). What is left shows as the customer's credit, with the
/// exchange difference. Ctrl-S saves through the service; a problem shows beside its field and nothing
/// typed is lost (every change is kept as a draft, offered back when the form opens again).
@MainActor
final class PaymentFormScreen: Screen {
    let desk: CobranzasDesk
    let customerId: Int64
    let customerName: String
    let drafts: DraftRepository
    let strings: Strings
    let form: Form
    let applications: PaymentApplications
    var onSaved: () -> Void = {}
    private(set) var listFocused = false
    private(set) var listError: String?
    /// The accounts payments arrive in (not the detracción one).
    let accounts: [BankAccount]
    private var lastCurrency: Currency
    private var user = ""
    private var suggestedFrom: [String] = []

    static let formName = "cobranzas.payment"

    init(desk: CobranzasDesk, customerId: Int64, customerName: String, drafts: DraftRepository, strings: Strings) {
        self.desk = desk; self.customerId = customerId; self.customerName = customerName
        self.drafts = drafts; self.strings = strings
        let open: [Receivable]
        var problem: String?
        do { open = try desk.openReceivables(customerId: customerId) } catch { open = []; problem = desk.describe(error) }
        accounts = ((try? desk.bankAccounts()) ?? []).filter { $0.active && !$0.isDetraccion }
        applications = PaymentApplications(open: open)
        let currency = applications.rows.first?.currency ?? .pen
        lastCurrency = currency
        form = Form(fields: PaymentFormScreen.fields(strings, today: desk.today, accounts: accounts, currency: currency))
        form.labelWidth = 18
        listError = problem
        prefillRate()
        suggestIfAutomatic()
        form.markClean()
    }

    static func fields(_ s: Strings, today: LocalDate, accounts: [BankAccount], currency: Currency) -> [FormField] {
        let banks = [FormOption("", s["cob.pay.noBank"])] + accounts.map { FormOption(String($0.id), $0.label) }
        let bank = accounts.first { $0.currency == currency } ?? accounts.first
        return [
            .text("date", s["cob.pay.date"], value: ReceivablesText.date(today), required: true, width: 12, maxLength: 10),
            .choice("method", s["cob.pay.method"], options: PaymentMethod.allCases.map { FormOption($0.rawValue, $0.displayName) }),
            .choice("bank", s["cob.pay.bank"], options: banks, value: bank.map { String($0.id) } ?? ""),
            .text("operation", s["cob.pay.operation"], width: 24, maxLength: 30, hint: s["cob.pay.operationHint"]),
            .money("amount", s["cob.pay.amount"], required: true, width: 24),
            .choice("currency", s["cob.pay.currency"], options: Currency.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: currency.rawValue),
            .number("rate", s["cob.pay.rate"], width: 8, hint: s["cob.pay.rateHint"]),
        ]
    }

    var title: String { strings.format("cob.pay.title", customerName) }
    var capturesText: Bool { listFocused ? true : form.capturesText }

    var bindings: [KeyBinding] {
        let s = strings
        return [
            KeyBinding([.ctrl("s")], s["key.save"], help: s["cob.pay.help.save"]),
            KeyBinding([.escape], s["key.cancel"], help: s["form.help.cancel"]),
            KeyBinding([.tab, .backTab], s["form.fields"], help: s["cob.pay.help.fields"]),
            KeyBinding([.char(" ")], s["cob.pay.key.toggle"], help: s["cob.pay.help.toggle"]),
            KeyBinding([.ctrl("r")], s["cob.pay.key.suggest"], help: s["cob.pay.help.suggest"]),
        ]
    }

    // MARK: values

    var currency: Currency { Currency(rawValue: form.value("currency") ?? "") ?? .pen }

    var rate: Decimal? {
        let t = (form.value("rate") ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, let d = Decimal(string: t), d > 0 else { return nil }
        return d
    }

    /// The amount as typed, when it reads as one within the limits.
    var amount: Money? {
        if case .success(let m) = ReceivablesText.amount(form.value("amount") ?? "", currency, strings: strings) { return m }
        return nil
    }

    /// What is wrong with the amount typed so far (nil while it is empty or fine).
    var amountProblem: String? {
        let text = form.value("amount") ?? ""
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty,
              case .failure(let e) = ReceivablesText.amount(text, currency, strings: strings) else { return nil }
        return e.message
    }

    /// What the payment leaves as the customer's credit (nil while the amount or a needed rate is missing).
    var credit: Money? {
        guard let amount else { return nil }
        return PaymentSuggestion.credit(of: amount, applied: applications.applied.map(\.amount), exchangeRate: rate)
    }

    /// The exchange difference of the dollar receivables paid (the payment day's rate against the rate
    /// of each one's issue day), in soles; nil without a rate or dollar receivables.
    var exchangeDifference: Money? {
        guard let rate else { return nil }
        var total = Money.zero(.pen)
        var any = false
        for a in applications.applied {
            guard let r = applications.rows.first(where: { $0.id == a.receivableId }), r.currency == .usd,
                  let d = ExchangeDifference.of(a.amount, documentRate: r.exchangeRate ?? desk.defaultRate(on: r.issueDate),
                                                paymentRate: rate) else { continue }
            any = true
            total += d
        }
        return any ? total : nil
    }

    private func prefillRate() {
        let needs = applications.rows.contains { $0.currency != currency }
        guard needs, (form.value("rate") ?? "").isEmpty,
              let day = ReceivablesText.parseDate(form.value("date") ?? ""), let r = desk.defaultRate(on: day) else { return }
        form.setValue("\(r)", for: "rate")
    }

    /// When the payment's currency changes, the bank account follows it (an account in that currency).
    private func followCurrency() {
        guard currency != lastCurrency else { return }
        lastCurrency = currency
        let chosen = accounts.first { String($0.id) == form.value("bank") }
        if let chosen, chosen.currency != currency, let other = accounts.first(where: { $0.currency == currency }) {
            form.setValue(String(other.id), for: "bank")
        }
    }

    private func suggestIfAutomatic() {
        let inputs = [form.value("amount") ?? "", form.value("currency") ?? "", form.value("rate") ?? ""]
        guard !applications.manual, inputs != suggestedFrom else { return }
        suggestedFrom = inputs
        suggest()
    }

    private func suggest() {
        guard let amount else { applications.clear(); return }
        applications.apply(PaymentSuggestion.suggest(amount: amount, exchangeRate: rate, open: applications.rows))
    }

    // MARK: drafts

    /// Brings back what was typed in this form for this customer and not saved.
    func restoreDraft(_ context: AppContext) {
        user = context.session.login
        guard let draft = try? drafts.load(user: user, form: Self.formName, recordKey: String(customerId)) else { return }
        form.values = draft.fields
        applications.restore(draft.fields["applications"] ?? "", manual: draft.fields["manual"] == "1")
        suggestedFrom = []
        suggestIfAutomatic()
        context.info(strings.format("cob.pay.draftRestored", context.formats.dateTime(draft.updatedAt)))
    }

    /// Keeps what was typed as the draft; an amount that does not read as one (a figure beyond the
    /// limits) is left out of it, as in the other forms.
    private func keepDraft() {
        var values = form.values
        if amountProblem != nil { values["amount"] = "" }
        values["applications"] = applications.encoded
        values["manual"] = applications.manual ? "1" : "0"
        try? drafts.save(user: user, form: Self.formName, recordKey: String(customerId), fields: values)
    }

    private func deleteDraft() { try? drafts.delete(user: user, form: Self.formName, recordKey: String(customerId)) }

    // MARK: keys

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        user = context.session.login
        guard case .key(let key) = event else { return listFocused ? .handled : (form.handle(event) ? .handled : .ignored) }
        let before = (form.revision, applications.revision)
        switch key {
        case .ctrl("s"): save(context); return .handled
        case .escape: close(context); return .handled
        case .ctrl("r"):
            applications.manual = false
            suggest()
            context.info(strings["cob.pay.suggested"])
        default:
            if listFocused { handleList(key) } else { handleForm(key, context) }
        }
        if form.revision != before.0 {
            if form.focusedField != "rate" { prefillRate() }
            followCurrency()
            suggestIfAutomatic()
        }
        if (form.revision, applications.revision) != before { listError = nil; keepDraft() }
        return .handled
    }

    private func handleForm(_ key: Key, _ context: AppContext) {
        switch key {
        case .tab where form.focusedField == "rate", .enter where form.focusedField == "rate", .down where form.focusedField == "rate":
            focusList(true)
        case .enter:
            form.focusNext(wrap: false)
        case .backTab where form.focusedField == "date":
            focusList(true)
        default:
            if !form.handle(key), case .char(let c) = key, c != "?" { context.info(strings["form.noTextHere"]) }
        }
    }

    private func handleList(_ key: Key) {
        switch key {
        case .tab, .backTab: focusList(false)
        case .up:
            if applications.cursor == 0 { focusList(false) } else { applications.move(-1) }
        case .down: applications.move(1)
        case .pageUp: applications.move(-10)
        case .pageDown: applications.move(10)
        case .char(" "), .enter: applications.toggle(left: leftToApply)
        default: applications.edit(key)
        }
    }

    /// What is still free of the payment, in the selected receivable's currency.
    private func leftToApply(_ r: Receivable) -> Money? {
        guard let credit, let c = PaymentSuggestion.convert(credit, to: r.currency, rate: rate) else { return nil }
        return c
    }

    private func focusList(_ on: Bool) {
        listFocused = on && !applications.rows.isEmpty
        form.isFocused = !listFocused
    }

    // MARK: saving

    /// The payment as typed, or the problems by field id ("applications" for the list).
    func parsed() -> Result<PaymentInput, PaymentFormErrors> {
        let s = strings, text = ErrorText(strings)
        var errors: [String: String] = [:]
        let date = ReceivablesText.parseDate(form.value("date") ?? "")
        if date == nil { errors["date"] = s["cob.err.date"] }
        let method = PaymentMethod(rawValue: form.value("method") ?? "") ?? .transferencia
        let bank = Int64(form.value("bank") ?? "")
        let operation = (form.value("operation") ?? "").trimmingCharacters(in: .whitespaces)
        if method.needsBankReference {
            if bank == nil { errors["bank"] = s.format("cob.err.bank", method.displayName) }
            if operation.isEmpty { errors["operation"] = s.format("cob.err.operation", method.displayName) }
        }
        var amount: Money?
        switch ReceivablesText.amount(form.value("amount") ?? "", currency, strings: s) {
        case .success(let m): amount = m
        case .failure(let e): errors["amount"] = e.message
        }
        let rateText = (form.value("rate") ?? "").trimmingCharacters(in: .whitespaces)
        let needsRate = applications.applied.contains { a in applications.rows.first { $0.id == a.receivableId }?.currency != currency }
        var rate: Decimal?
        if !rateText.isEmpty || needsRate {
            if let r = self.rate {
                do { try AmountLimits.checkExchangeRate(r, confirmed: false); rate = r } catch { errors["rate"] = text.limit(error) }
            } else {
                errors["rate"] = s["cob.err.rate"]
            }
        }
        if let amount, errors["rate"] == nil {
            if let bad = applications.unreadableDocument { errors["applications"] = s.format("cob.err.appliedAmount", bad) }
            else if let over = applications.overApplied { errors["applications"] = s.format("cob.err.overBalance", over) }
            else if let credit = PaymentSuggestion.credit(of: amount, applied: applications.applied.map(\.amount), exchangeRate: rate),
                    credit.isNegative {
                errors["applications"] = s.format("cob.err.overPayment", (amount - credit).formatted, amount.formatted)
            }
        }
        guard errors.isEmpty, let date, let amount else { return .failure(PaymentFormErrors(byField: errors)) }
        return .success(PaymentInput(customerId: customerId, date: date, method: method,
                                     bankAccountId: method.needsBankReference ? bank : nil,
                                     operationNumber: method.needsBankReference ? operation : "", amount: amount,
                                     exchangeRate: rate, applications: applications.applied))
    }

    private func save(_ context: AppContext) {
        form.clearErrors()
        listError = nil
        switch parsed() {
        case .failure(let e):
            for (id, message) in e.byField where id != "applications" { form.setError(message, for: id) }
            listError = e.byField["applications"]
            if form.focusFirstError() { focusList(false) } else if listError != nil { focusList(true) }
            let labels = form.errorLabels + (listError == nil ? [] : [strings["cob.pay.applications"]])
            context.error(strings.format("form.fixErrors", labels.joined(separator: ", ")))
        case .success(let input):
            do {
                let payment = try desk.recordPayment(input)
                deleteDraft()
                form.markClean()
                onSaved()
                let applied = input.amount - payment.unapplied
                context.ok(strings.format("cob.pay.saved", payment.amount.formatted, customerName, applied.formatted,
                                          payment.unapplied.formatted))
                context.pop()
            } catch {
                listError = desk.describe(error)
                context.error(listError ?? "")
            }
        }
    }

    private func close(_ context: AppContext) {
        guard form.isDirty || applications.manual else { deleteDraft(); context.pop(); return }
        form.isFocused = false
        context.present(ConfirmDialog(message: strings["dialog.discard"], danger: true) { [weak self] yes in
            guard let self else { return }
            self.form.isFocused = !self.listFocused
            if yes { self.deleteDraft(); self.form.markClean(); context.pop() }
        })
    }

    // MARK: drawing

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (head, body) = rect.splitTop(2)
        canvas.text(" " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true), maxWidth: head.width)
        if form.isDirty {
            let note = strings["form.unsaved"]
            canvas.text(note, x: head.maxX - SafeText.width(note) - 1, y: head.y, style: Style(.warning))
        }
        canvas.hline(x: head.x, y: head.y + 1, width: head.width)
        let (top, bottom) = body.splitTop(min(body.height, 10))
        form.render(&canvas, in: Rect(x: top.x + 1, y: top.y, width: top.width - 2, height: top.height))
        renderApplications(&canvas, bottom)
    }

    private func renderApplications(_ canvas: inout Canvas, _ rect: Rect) {
        guard rect.height >= 4 else { return }
        let s = strings
        var y = rect.y
        let heading = " " + s["cob.pay.applications"] + " " + (applications.manual ? s["cob.pay.byHand"] : ruleText) + " "
        canvas.text(heading, x: rect.x, y: y, style: Style(listFocused ? .accent : .title, bold: true), maxWidth: rect.width)
        y += 1
        let header = PaymentApplications.line(["", s["cob.col.document"], s["cob.col.part"], s["cob.col.cuota"], s["cob.col.due"],
                                               s["cob.col.currency"], s["cob.col.balance"], s["cob.pay.applied"]])
        canvas.text(" " + header, x: rect.x, y: y, style: Style(.header, bold: true), maxWidth: rect.width)
        y += 1
        let room = max(1, rect.maxY - y - 3)
        if applications.rows.isEmpty {
            canvas.text(" " + s["cob.pay.nothingOpen"], x: rect.x, y: y, style: Style(.dim), maxWidth: rect.width)
        }
        let first = max(0, min(applications.cursor - room + 1, applications.rows.count - room))
        for i in applications.rows.indices.dropFirst(first).prefix(room) {
            let selected = listFocused && i == applications.cursor
            canvas.text(" " + applications.text(row: i, editing: selected, today: desk.today, strings: s), x: rect.x, y: y,
                        style: Style(selected ? .selected : applications.isApplied(i) ? .normal : .dim), maxWidth: rect.width)
            y += 1
        }
        y = rect.maxY - 3
        canvas.text(" " + summary, x: rect.x, y: y, style: Style(.accent, bold: true), maxWidth: rect.width)
        if let listError {
            canvas.text(" ✗ " + listError, x: rect.x, y: y + 1, style: Style(.error, bold: true), maxWidth: rect.width)
        } else {
            canvas.text(" " + s["cob.pay.hint"], x: rect.x, y: y + 1, style: Style(.dim), maxWidth: rect.width)
        }
    }

    private var ruleText: String {
        switch applications.rule {
        case .exactOne: return strings["cob.pay.rule.exactOne"]
        case .exactSet: return strings["cob.pay.rule.exactSet"]
        case .oldestFirst: return strings["cob.pay.rule.oldest"]
        case .nothingOpen, nil: return ""
        }
    }

    /// "Aplicado: S/ 900.00 · Saldo a favor: S/ 100.00 · Diferencia de cambio: S/ 5.20".
    var summary: String {
        let s = strings
        var parts = applications.appliedTotals.map { s.format("cob.pay.appliedTotal", $0.formatted) }
        if let credit { parts.append(s.format(credit.isNegative ? "cob.pay.over" : "cob.pay.credit", credit.formatted)) }
        else if amount == nil { parts.append(amountProblem ?? s["cob.pay.typeAmount"]) }
        else { parts.append(s["cob.pay.needRate"]) }
        if let d = exchangeDifference { parts.append(s.format("cob.pay.difference", d.formatted)) }
        return parts.joined(separator: "  ·  ")
    }
}

/// The problems of a typed payment, by field id.
struct PaymentFormErrors: Error {
    var byField: [String: String]
}
