import BytekModel
import BytekStore
import Foundation

// Editing a draft: pickers for the customer and catalog items, and the small forms for a line,
// the header and the global discount. Each applies through `tryChange`, so a value that makes the
// totals fail is refused beside its field and the quote stays as it was.
extension QuoteBuilderScreen {
    func pickCustomer(_ context: AppContext) {
        guard requireEditable(context) else { return }
        let quotes = self.quotes
        context.present(QuotePicker(title: strings["quotes.pick.customer"], strings: strings, search: { q in
            let found = (try? quotes.pickableCustomers(q)) ?? []
            return found.compactMap { c in
                c.id.map { PickerEntry(id: $0, title: c.legalName, detail: c.docType.shortName + " " + c.docNumber) }
            }
        }) { [weak self] entry in
            guard let self else { return }
            if let error = self.tryChange({ $0.customerId = entry.id }) { context.error(error); return }
            self.loadCustomerLabel()
            context.ok(self.strings.format("quotes.customerSet", entry.title))
        })
    }

    /// Links the quote to an open deal picked by title or party (its customer and unit come
    /// along): accepting the quote then marks that deal won.
    func pickDeal(_ context: AppContext) {
        guard requireEditable(context) else { return }
        let open = (try? quotes.pickableDeals()) ?? []
        let byId = Dictionary(open.compactMap { c in c.deal.id.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        let entry: (DealCard) -> PickerEntry = { c in
            PickerEntry(id: c.deal.id ?? 0, title: c.deal.title + " · " + c.party,
                        detail: c.deal.unit.code + " · " + c.deal.estimatedValue.formatted)
        }
        context.present(QuotePicker(title: strings["quotes.pick.deal"], strings: strings, search: { q in
            if q.allSatisfy(\.isWhitespace) { return open.prefix(200).map(entry) }
            return FuzzyMatcher.rank(q, open, key: { $0.deal.title + " " + $0.party }).prefix(200).map { entry($0.item) }
        }) { [weak self] picked in
            guard let self, let card = byId[picked.id] else { return }
            let failure = self.tryChange { c in
                c.dealId = card.deal.id
                c.unit = card.deal.unit
                if let customerId = card.deal.customerId { c.customerId = customerId }
            }
            if let failure { context.error(failure); return }
            self.loadCustomerLabel()
            context.ok(self.strings.format("quotes.dealSet", card.deal.title))
        })
    }

    func pickCatalogItem(_ context: AppContext) {
        guard requireEditable(context) else { return }
        let items = (try? quotes.pickableItems()) ?? []
        let byId = Dictionary(items.compactMap { i in i.id.map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        let entry: (CatalogItem) -> PickerEntry = { [text] i in
            PickerEntry(id: i.id ?? 0, title: i.sku + "  " + i.name, detail: text.kind(i.kind) + " · " + i.price.formatted)
        }
        context.present(QuotePicker(title: strings["quotes.pick.item"], strings: strings, search: { q in
            if q.allSatisfy(\.isWhitespace) { return items.prefix(200).map(entry) }
            return FuzzyMatcher.rank(q, items, key: { $0.sku + " " + $0.name + " " + $0.niche }).prefix(200).map { entry($0.item) }
        }) { [weak self] picked in
            guard let self, let item = byId[picked.id] else { return }
            self.addLine(from: item, context)
        })
    }

    /// A line from a catalog item: its kind, price, tax category and cost, converted to the quote's
    /// currency with its exchange rate when the item is priced in the other one.
    func addLine(from item: CatalogItem, _ context: AppContext) {
        var price = item.price
        var cost: Money? = item.cost.isZero ? nil : item.cost
        if item.currency != quote.currency {
            guard let p = CurrencyConversion.convert(price, to: quote.currency, penPerUSD: quote.exchangeRate) else {
                context.error(strings.format("quotes.err.rateForItem", item.currency.symbol))
                return
            }
            price = p.rounded(scale: 2)
            cost = cost.flatMap { CurrencyConversion.convert($0, to: quote.currency, penPerUSD: quote.exchangeRate)?.rounded(scale: 2) }
        }
        if quote.pricesIncludeIGV && item.taxCategory.isTaxed { price = (price * IGV.inclusionFactor).rounded(scale: 2) }
        let line = QuoteLine(kind: item.kind, catalogItemId: item.id, description: item.name, taxCategory: item.taxCategory,
                             quantity: 1, unitPrice: price, rateBasis: item.kind == .service ? (item.rateBasis ?? .hour) : nil,
                             period: item.kind == .subscription ? (item.period ?? .monthly) : nil, unitCost: cost)
        if let error = tryChange({ $0.lines.append(line) }) { context.error(error); return }
        table.move(to: quote.lines.count - 1)
        context.ok(strings.format("quotes.lineAdded", item.name))
        editLine(quote.lines.count - 1, context)
    }

    func removeLine(_ context: AppContext) {
        guard requireEditable(context), let id = table.selectedID else { return }
        let index = Int(id) - 1
        guard quote.lines.indices.contains(index) else { return }
        let name = quote.lines[index].description
        context.present(ConfirmDialog(message: strings.format("quotes.confirmRemove", name), danger: true) { [weak self] yes in
            guard let self, yes else { return }
            if let error = self.tryChange({ $0.lines.remove(at: index) }) { context.error(error); return }
            context.ok(self.strings.format("quotes.lineRemoved", name))
        })
    }

    /// Switches the price basis (with or without IGV), which changes every total: asks first, showing
    /// the total before and after.
    func toggleIGV(_ context: AppContext) {
        guard requireEditable(context) else { return }
        var trial = quote.content
        trial.pricesIncludeIGV.toggle()
        let before = totals?.tax.total.formatted ?? "—"
        let after = (try? trial.totals().tax.total.formatted) ?? "—"
        let basis = strings[trial.pricesIncludeIGV ? "quotes.pricesWithIGV" : "quotes.pricesWithoutIGV"]
        context.present(ConfirmDialog(message: strings.format("quotes.confirmIGV", basis, before, after)) { [weak self] yes in
            guard let self, yes else { return }
            if let error = self.tryChange({ $0.pricesIncludeIGV.toggle() }) { context.error(error); return }
            context.info(self.strings[self.quote.pricesIncludeIGV ? "quotes.pricesWithIGV" : "quotes.pricesWithoutIGV"])
        })
    }

    // MARK: line form

    func editLine(_ index: Int?, _ context: AppContext) {
        guard requireEditable(context) else { return }
        let s = strings
        let l = index.flatMap { quote.lines.indices.contains($0) ? quote.lines[$0] : nil }
        var discountKind = "none", discountValue = ""
        switch l?.discount ?? .none {
        case .none: break
        case .percent(let p): discountKind = "percent"; discountValue = QuoteText.decimal(p)
        case .amount(let a): discountKind = "amount"; discountValue = QuoteText.decimal(a)
        }
        var fields: [FormField] = [
            .choice("kind", s["quotes.field.kind"], options: ItemKind.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: l?.kind.rawValue),
            .text("description", s["quotes.field.description"], value: l?.description ?? "", required: true, width: 50, maxLength: 300),
            .number("quantity", s["quotes.field.quantity"], value: l.map { QuoteText.decimal($0.quantity) } ?? "1", required: true,
                    hint: s["quotes.hint.quantity"]),
            .money("unitPrice", s["quotes.field.unitPrice"], value: l.map { QuoteText.decimal($0.unitPrice.amount) } ?? "",
                   required: true, hint: s[quote.pricesIncludeIGV ? "quotes.hint.withIGV" : "quotes.hint.withoutIGV"]),
            .choice("priceCurrency", s["quotes.field.priceCurrency"],
                    options: Currency.allCases.map { FormOption($0.rawValue, $0.symbol + " " + $0.rawValue) },
                    value: (l?.unitPrice.currency ?? quote.currency).rawValue),
            .choice("rateBasis", s["quotes.field.rateBasis"], options: RateBasis.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: l?.rateBasis?.rawValue, hint: s["quotes.hint.services"]),
            .choice("period", s["quotes.field.period"], options: BillingPeriod.allCases.map { FormOption($0.rawValue, $0.displayName) },
                    value: l?.period?.rawValue, hint: s["quotes.hint.subscriptions"]),
            .choice("discountKind", s["quotes.field.discountKind"], options: discountOptions, value: discountKind),
            .number("discountValue", s["quotes.field.discountValue"], value: discountValue),
            .choice("taxCategory", s["quotes.field.taxCategory"],
                    options: TaxCategory.allCases.map { FormOption($0.rawValue, $0.displayName) }, value: l?.taxCategory.rawValue),
        ]
        if showsCost {
            fields.append(.money("unitCost", s["quotes.field.unitCost"], value: l?.unitCost.map { QuoteText.decimal($0.amount) } ?? "",
                                 hint: s["quotes.hint.cost"]))
        }
        let title = index.map { s.format("quotes.form.line", String($0 + 1)) } ?? s["quotes.form.newLine"]
        let original = l
        let form = QuoteFormScreen(title: title, fields: fields, strings: s) { [weak self] v in
            guard let self else { return [:] }
            let (parsed, errors) = self.line(from: v, original: original)
            guard let line = parsed else { return errors }
            let failure = self.tryChange { c in
                if let index, c.lines.indices.contains(index) { c.lines[index] = line } else { c.lines.append(line) }
            }
            if let failure { return [self.field(for: failure, line: line): failure] }
            if index == nil { self.table.move(to: self.quote.lines.count - 1) }
            return [:]
        }
        // Each keystroke in the form recomputes the quote with the typed line, on the screen's one calculator.
        form.preview = { [weak self] v in
            guard let self else { return [] }
            guard let line = self.line(from: v, original: original).line else { return [s["quotes.preview.incomplete"]] }
            var trial = self.quote.content
            if let index, trial.lines.indices.contains(index) { trial.lines[index] = line } else { trial.lines.append(line) }
            let shown = self.preview(trial, lineIndex: index ?? trial.lines.count - 1)
            if trial != self.quote.content && !self.lastPreviewFailed { self.keepDraft(trial) }
            return shown
        }
        form.onCancel = { [weak self] in
            guard let self else { return }
            if self.isDirty { self.keepDraft() } else { self.deleteDraft() }
        }
        context.push(form)
    }

    /// The line the form's values describe, or the errors by field.
    func line(from v: [String: String], original: QuoteLine?) -> (line: QuoteLine?, errors: [String: String]) {
        let s = strings
        var errors: [String: String] = [:]
        let description = (v["description"] ?? "").trimmingCharacters(in: .whitespaces)
        if description.isEmpty { errors["description"] = s["form.required"] }
        let quantity = QuoteText.parseDecimal(v["quantity"] ?? "")
        if quantity == nil { errors["quantity"] = s["quotes.err.number"] }
        let currency = Currency(rawValue: v["priceCurrency"] ?? "") ?? quote.currency
        var price = Money.zero(currency)
        let decimals = AmountLimits.maxDecimals
        do throws(MoneyError) { price = try Money.parse(v["unitPrice"] ?? "", currency: currency, maxFractionDigits: decimals) } catch {
            errors["unitPrice"] = ErrorText(s).money(error)
        }
        let discount = parseDiscount(kind: v["discountKind"], value: v["discountValue"], field: "discountValue", into: &errors)
        var cost: Money?
        if let c = v["unitCost"], !c.trimmingCharacters(in: .whitespaces).isEmpty {
            do throws(MoneyError) { cost = try Money.parse(c, currency: currency, maxFractionDigits: decimals) } catch {
                errors["unitCost"] = ErrorText(s).money(error)
            }
        } else if !showsCost {
            cost = original?.unitCost
        }
        // Each figure within `AmountLimits` as typed, so twenty digits get a sentence, never a crash.
        let limitText = ErrorText(s)
        if let quantity {
            do throws(AmountLimitError) { try AmountLimits.checkQuantity(quantity) } catch { errors["quantity"] = limitText.limit(error) }
        }
        if errors["unitPrice"] == nil {
            do throws(AmountLimitError) { try AmountLimits.checkUnitPrice(price.amount) } catch { errors["unitPrice"] = limitText.limit(error) }
        }
        if let c = cost, errors["unitCost"] == nil {
            do throws(AmountLimitError) { try AmountLimits.checkUnitPrice(c.amount, field: .unitCost) } catch {
                errors["unitCost"] = limitText.limit(error)
            }
        }
        if case .amount(let a) = discount, errors["discountValue"] == nil {
            do throws(AmountLimitError) { try AmountLimits.checkAmount(a, field: .discount) } catch {
                errors["discountValue"] = limitText.limit(error)
            }
        }
        guard errors.isEmpty, let quantity else { return (nil, errors) }
        let kind = ItemKind(rawValue: v["kind"] ?? "") ?? .product
        let line = QuoteLine(kind: kind, catalogItemId: original?.catalogItemId, description: description,
                             taxCategory: TaxCategory(rawValue: v["taxCategory"] ?? "") ?? .gravado, quantity: quantity,
                             unitPrice: price, rateBasis: kind == .service ? RateBasis(rawValue: v["rateBasis"] ?? "") ?? .hour : nil,
                             period: kind == .subscription ? BillingPeriod(rawValue: v["period"] ?? "") ?? .monthly : nil,
                             discount: discount, unitCost: cost)
        return (line, [:])
    }

    private var discountOptions: [FormOption] {
        [FormOption("none", strings["quotes.discount.none"]), FormOption("percent", strings["quotes.discount.percent"]),
         FormOption("amount", strings["quotes.discount.amount"])]
    }

    func parseDiscount(kind: String?, value: String?, field: String, into errors: inout [String: String]) -> Discount {
        guard let kind, kind != "none" else { return .none }
        guard let d = QuoteText.parseDecimal(value ?? "") else { errors[field] = strings["quotes.err.number"]; return .none }
        if kind == "percent" {
            if d < 0 || d > 100 { errors[field] = strings["quotes.err.discountPercent"] }
            return .percent(d)
        }
        if d < 0 { errors[field] = strings["quotes.err.negativeDiscount"] }
        return .amount(d)
    }

    /// The line form's field that a refused change is about.
    func field(for message: String, line: QuoteLine) -> String {
        let s = strings
        if message == s["quotes.err.negativeQuantity"] { return "quantity" }
        if message == s["quotes.err.negativePrice"] { return "unitPrice" }
        if message == s["quotes.err.rateMissing"] || message == s["quotes.err.ratePositive"] { return "priceCurrency" }
        if message.hasPrefix(s["limit.field.lineAmount"]) || message.hasPrefix(s["limit.field.documentTotal"])
            || message.hasPrefix(s["limit.field.quantity"]) { return "quantity" }
        if message.hasPrefix(s["limit.field.unitPrice"]) { return "unitPrice" }
        if message.hasPrefix(s["limit.field.unitCost"]) { return "unitCost" }
        return "discountValue"
    }

    // MARK: global discount

    func editDiscount(_ context: AppContext) {
        guard requireEditable(context) else { return }
        var kind = "none", value = ""
        switch quote.globalDiscount {
        case .none: break
        case .percent(let p): kind = "percent"; value = QuoteText.decimal(p)
        case .amount(let a): kind = "amount"; value = QuoteText.decimal(a)
        }
        let fields: [FormField] = [
            .choice("kind", strings["quotes.field.discountKind"], options: discountOptions, value: kind),
            .number("value", strings["quotes.field.discountValue"], value: value, hint: strings["quotes.hint.globalDiscount"]),
        ]
        let form = QuoteFormScreen(title: strings["quotes.form.discount"], fields: fields, strings: strings) { [weak self] v in
            guard let self else { return [:] }
            var errors: [String: String] = [:]
            let discount = self.parseDiscount(kind: v["kind"], value: v["value"], field: "value", into: &errors)
            guard errors.isEmpty else { return errors }
            if let failure = self.tryChange({ $0.globalDiscount = discount }) { return ["value": failure] }
            return [:]
        }
        keepTypedInDraft(form) { [weak self] v in
            guard let self else { return nil }
            var errors: [String: String] = [:]
            let discount = self.parseDiscount(kind: v["kind"], value: v["value"], field: "value", into: &errors)
            guard errors.isEmpty else { return nil }
            var trial = self.quote.content
            trial.globalDiscount = discount
            return trial
        }
        context.push(form)
    }
}
