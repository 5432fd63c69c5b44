import BytekModel

// Drawing the builder: title and state, three header lines, the lines table, and the totals
// flowed in as many columns as fit.
extension QuoteBuilderScreen {
    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let s = strings
        let (head, rest) = rect.splitTop(5)
        var x = canvas.text(" " + s["quotes.builder.title"] + " " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        x = canvas.text("[" + text.state(quote.state) + "]", x: x + 1, y: head.y,
                        style: Style(QuoteText.role(quote.state) ?? .normal, bold: true))
        let note = isEditable ? (isDirty ? s["form.unsaved"] : "") : s["quotes.readOnly"]
        canvas.text(note, x: head.maxX - SafeText.width(note) - 1, y: head.y, style: Style(isEditable ? .warning : .dim))
        canvas.hline(x: head.x, y: head.y + 1, width: head.width)
        let q = quote.content
        let room = head.width - 2
        var customer = customerLabel.isEmpty ? s["quotes.noCustomer"] : customerLabel
        if !dealLabel.isEmpty { customer += " · " + dealLabel }
        if customerFlag.isEmpty {
            label(&canvas, s["quotes.field.customer"], customer, x: head.x + 1, y: head.y + 2, width: room)
        } else {
            // The flag keeps its room: the customer's name is cut first.
            let flagWidth = SafeText.width(customerFlag)
            let end = label(&canvas, s["quotes.field.customer"], customer, x: head.x + 1, y: head.y + 2,
                            width: max(12, room - flagWidth - 3))
            canvas.text(customerFlag, x: end + 2, y: head.y + 2, style: Style(.danger, bold: true),
                        maxWidth: max(0, head.maxX - end - 3))
        }
        var line2 = q.unit.label + " · " + q.currency.symbol + " " + q.currency.rawValue
        if let rate = q.exchangeRate { line2 += " · " + (rateNote ?? s["quotes.rate"] + " " + QuoteText.decimal(rate)) }
        line2 += " · " + s[q.pricesIncludeIGV ? "quotes.pricesWithIGV" : "quotes.pricesWithoutIGV"]
        if q.exchangeRate == nil, q.currency == .usd, let rateNote { line2 += " · " + rateNote }
        if !q.deliveryTime.isEmpty { line2 += " · " + s["quotes.field.deliveryTime"] + ": " + q.deliveryTime }
        label(&canvas, s["quotes.field.unit"], line2, x: head.x + 1, y: head.y + 3, width: room)
        var line3 = s.format("quotes.validity", String(q.validityDays))
        if !isEditable { line3 += " " + s.format("quotes.validUntil", QuoteText.date(q.validUntil)) }
        line3 += " · " + paymentText(q.paymentTerms)
        label(&canvas, s["quotes.field.validityDays"], line3, x: head.x + 1, y: head.y + 4, width: room)

        let items = totalsItems()
        let columnWidth = 38
        let columns = max(1, min(3, rest.width / columnWidth))
        let rows = totalsError == nil ? (items.count + columns - 1) / columns : 1
        let (body, foot) = rest.splitTop(max(3, rest.height - rows - 1))
        table.render(&canvas, in: body)
        canvas.hline(x: foot.x, y: foot.y, width: foot.width)
        if let totalsError {
            canvas.text(totalsError, x: foot.x + 1, y: foot.y + 1, style: Style(.error), maxWidth: foot.width - 2)
            return
        }
        let width = min(columnWidth + 4, foot.width / columns)
        for (i, item) in items.enumerated() {
            let cx = foot.x + 1 + (i / rows) * width
            let cy = foot.y + 1 + i % rows
            let style = Style(item.strong ? .title : .label, bold: item.strong)
            canvas.text(item.label, x: cx, y: cy, style: style, maxWidth: 17)
            canvas.text(SafeText.fit(item.value, width - 19, alignRight: true), x: cx + 17, y: cy,
                        style: Style(.normal, bold: item.strong))
        }
    }

    /// Draws "name value"; returns the column after the value.
    @discardableResult
    private func label(_ canvas: inout Canvas, _ name: String, _ value: String, x: Int, y: Int, width: Int) -> Int {
        let nx = canvas.text(SafeText.fit(name, 10), x: x, y: y, style: Style(.label))
        return canvas.text(value, x: nx + 1, y: y, maxWidth: width - 11)
    }

    /// The totals panel: taxes, then one-time and recurring apart, then cost and margin (only for
    /// ventas and admin).
    func totalsItems() -> [(label: String, value: String, strong: Bool)] {
        guard let t = totals else { return [] }
        let s = strings
        var items: [(label: String, value: String, strong: Bool)] = [
            (s["quotes.total.gravadas"], t.tax.gravadas.formatted, false),
            (s["quotes.total.exoneradas"], t.tax.exoneradas.formatted, false),
            (s["quotes.total.inafectas"], t.tax.inafectas.formatted, false),
            (s["quotes.total.globalDiscount"], t.tax.globalDiscount.formatted, false),
            (s["quotes.total.igv"], t.tax.igv.formatted, false),
            (s["quotes.total.total"], t.tax.total.formatted, true),
            (s["quotes.total.oneTime"], t.oneTime.formatted, true),
            (s["quotes.total.recurring"], t.recurring.formatted, false),
            (s["quotes.total.monthly"], t.recurringMonthly.formatted, false),
            (s["quotes.total.yearly"], t.recurringYearly.formatted, false),
        ]
        if showsCost {
            items.append((s["quotes.total.cost"], t.cost.formatted, false))
            items.append((s["quotes.total.margin"],
                          t.margin.formatted + (t.marginPercent.map { " (" + QuoteText.decimal($0) + "%)" } ?? ""), true))
        }
        return items
    }
}
