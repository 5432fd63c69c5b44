import Foundation

/// A project's profitability, live: sold, invoiced, collected, what it cost, its margins, hours used
/// against hours sold, and a forecast at completion. Every figure is in the project's currency.
///
/// Conventions (issue 13 §5):
/// - **Dollars and soles.** Each invoice is converted at ITS OWN exchange rate (a dollar invoice of a soles
///   project: base × its rate; a soles invoice of a dollar project: base ÷ its rate, or ÷ the project's rate
///   when it has none). Other costs in another currency use their own rate (or the project's). The cost of
///   hours is in soles: a dollar project divides it by the project's (the quote's) rate. Each amount is
///   converted and rounded to cents (half away from zero) before it is added. A credit note issued against
///   an invoice is an invoiced document with a negative base (at its own rate) and nothing collected.
/// - **Without IGV.** Sold and invoiced are bases without IGV; collected is the share of the base that was
///   collected (base × collected ÷ total of the document), so the three compare on one bar.
/// - **Two margins.** "Sobre lo facturado" = invoiced − costs (what the project has really earned so far;
///   no percent while nothing is invoiced) and "sobre lo vendido" = sold − costs (the list by margin sorts
///   on this one's percent, worst first).
/// - **Forecast.** With a progress p (done tasks ÷ tasks, or the approved milestones' percent): hours at
///   completion = used ÷ p; cost at completion = cost of approved hours × (hours at completion ÷ approved
///   hours) + other costs (purchases are not extrapolated); margin forecast = sold − cost at completion.
///   No progress (nothing done, no tasks) → no forecast ("sin datos").
public struct ProjectProfitability: Sendable, Hashable {
    public var currency: Currency
    public var soldCents: Int64
    public var invoicedCents: Int64
    public var collectedCents: Int64
    public var hoursCostCents: Int64
    public var otherCostsCents: Int64
    public var quotedMinutes: Int64
    public var usedMinutes: Int64
    public var approvedMinutes: Int64
    /// 0...1, nil without data.
    public var progress: Decimal?
    public var forecast: ProfitabilityForecast?

    public var totalCostCents: Int64 { hoursCostCents &+ otherCostsCents }
    public var marginOnInvoicedCents: Int64 { invoicedCents &- totalCostCents }
    public var marginOnSoldCents: Int64 { soldCents &- totalCostCents }
    /// Margin over invoiced, in percent (one decimal); nil while nothing is invoiced.
    public var marginOnInvoicedPercent: Decimal? { Self.percent(marginOnInvoicedCents, of: invoicedCents) }
    /// Margin over sold, in percent (one decimal); nil when nothing was sold.
    public var marginOnSoldPercent: Decimal? { Self.percent(marginOnSoldCents, of: soldCents) }
    /// Hours used ÷ hours quoted, in percent (one decimal); nil when no hours were quoted.
    public var burnPercent: Decimal? { Self.percent(usedMinutes, of: quotedMinutes) }

    public func money(_ cents: Int64) -> Money { Money(minorUnits: cents, currency) }

    public init(_ input: ProfitabilityInputs) throws(ProfitabilityError) {
        let cur = input.currency
        currency = cur
        guard input.soldCents >= 0 else { throw .overflow("lo vendido") }
        soldCents = input.soldCents
        var invoiced: Int64 = 0, collected: Int64 = 0
        for doc in input.invoices {
            let base = try Self.convert(Decimal(doc.baseCents), from: doc.currency, rate: doc.exchangeRate,
                                        fallback: input.projectRate, to: cur, what: "una factura")
            invoiced = try Self.add(invoiced, base, "lo facturado")
            guard doc.totalCents != 0, doc.collectedCents > 0 else { continue }
            let share = Decimal(doc.baseCents) * Decimal(min(doc.collectedCents, doc.totalCents)) / Decimal(doc.totalCents)
            let c = try Self.convert(share, from: doc.currency, rate: doc.exchangeRate, fallback: input.projectRate,
                                     to: cur, what: "lo cobrado")
            collected = try Self.add(collected, c, "lo cobrado")
        }
        invoicedCents = invoiced; collectedCents = collected

        var hoursPEN = Decimal(0)
        var approved: Int64 = 0
        for h in input.approvedHours {
            guard h.minutes >= 0, h.rateCents >= 0 else { throw .overflow("el costo de las horas") }
            hoursPEN += Decimal(h.minutes) * Decimal(h.rateCents) / 60
            approved = try Self.add(approved, h.minutes, "las horas aprobadas")
        }
        approvedMinutes = approved
        hoursCostCents = try Self.convert(hoursPEN, from: .pen, rate: nil, fallback: input.projectRate, to: cur,
                                          what: "el costo de las horas")
        var other: Int64 = 0
        for c in input.otherCosts {
            guard c.amountCents >= 0 else { throw .overflow("otros costos") }
            let v = try Self.convert(Decimal(c.amountCents), from: c.currency, rate: c.exchangeRate,
                                     fallback: input.projectRate, to: cur, what: "un costo")
            other = try Self.add(other, v, "otros costos")
        }
        otherCostsCents = other
        _ = try Self.add(hoursCostCents, otherCostsCents, "el costo total")
        _ = try Self.add(invoicedCents, -hoursCostCents - otherCostsCents, "el margen")
        guard input.quotedMinutes >= 0, input.usedMinutes >= 0 else { throw .overflow("las horas") }
        quotedMinutes = input.quotedMinutes; usedMinutes = input.usedMinutes
        progress = input.progress.fraction

        if let p = progress {
            let minutes = try Self.cents(Decimal(usedMinutes) / p, "las horas al terminar")
            let hoursAtEnd: Decimal = approved > 0 ? Decimal(hoursCostCents) * Decimal(minutes) / Decimal(approved) : 0
            let cost = try Self.add(try Self.cents(hoursAtEnd, "el costo al terminar"), otherCostsCents,
                                    "el costo al terminar")
            forecast = ProfitabilityForecast(minutesAtCompletion: minutes, costAtCompletionCents: cost,
                                             marginCents: try Self.add(soldCents, -cost, "el margen pronosticado"),
                                             soldCents: soldCents)
        } else {
            forecast = nil
        }
    }

    /// `value` (minor units of `from`) in `to`, rounded to minor units.
    static func convert(_ value: Decimal, from: Currency, rate: Decimal?, fallback: Decimal?, to: Currency,
                        what: String) throws(ProfitabilityError) -> Int64 {
        if from == to || value.isZero { return try cents(value, what) }
        guard let r = rate ?? fallback, r > 0 else { throw .missingRate(what) }
        return try cents(from == .usd ? value * r : value / r, what)
    }

    /// A Decimal of minor units rounded half away from zero, checked against Int64.
    static func cents(_ value: Decimal, _ what: String) throws(ProfitabilityError) -> Int64 {
        var input = value, result = Decimal()
        NSDecimalRound(&result, &input, 0, .plain)
        guard result.magnitude <= Decimal(Int64.max), let v = Int64(result.description) else { throw .overflow(what) }
        return v
    }

    static func add(_ a: Int64, _ b: Int64, _ what: String) throws(ProfitabilityError) -> Int64 {
        let (s, o) = a.addingReportingOverflow(b)
        guard !o else { throw .overflow(what) }
        return s
    }

    /// part ÷ whole in percent with one decimal; nil when whole is 0.
    public static func percent(_ part: Int64, of whole: Int64) -> Decimal? {
        guard whole != 0 else { return nil }
        var input = Decimal(part) * 100 / Decimal(whole), result = Decimal()
        NSDecimalRound(&result, &input, 1, .plain)
        return result
    }
}

/// Where a project is heading at its present pace.
public struct ProfitabilityForecast: Sendable, Hashable {
    public var minutesAtCompletion: Int64
    public var costAtCompletionCents: Int64
    public var marginCents: Int64
    var soldCents: Int64

    /// Forecast margin over sold, in percent (one decimal); nil when nothing was sold.
    public var marginPercent: Decimal? { ProjectProfitability.percent(marginCents, of: soldCents) }
}
