import BytekModel
import Foundation

/// A realistic quote with any number of lines, for the benchmark, the tests and previews.
/// Totals are computed simply (every line gravado unless said otherwise, IGV 18% on the sum),
/// which is enough for a document that only prints them.
public enum QuoteSample {
    public static let company = CompanyInfo(
        legalName: "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.", tradeName: "BYTEK", ruc: "20601234567",
        address: "Av. José Larco 1232, Of. 504, Miraflores, Lima", phone: "(01) 445-7788",
        email: "ventas@bytek.pe", website: "www.bytek.pe", representative: "Martín Ñahui Cárdenas",
        representativeDocument: "DNI 41234567")

    public static let customer = DocumentCustomer(
        name: "Compañía Minera Peñasco Azul S.A.A.", documentType: "RUC", documentNumber: "20512345678",
        address: "Jr. Cañete 345, Cercado de Lima, Lima", contactName: "Ing. Begoña Ávila Muñoz",
        contactEmail: "bavila@penascoazul.com.pe", contactPhone: "987 654 321",
        representative: "Raúl Ibáñez Quispe", representativeDocument: "DNI 09876543")

    private static let products: [(String, String, Int64)] = [
        ("Switch administrable Cisco CBS350 24 puertos PoE+", "Unidad", 2_890_00),
        ("Access point Ubiquiti UniFi U6 Pro (montaje en techo)", "Unidad", 789_90),
        ("NAS Synology DS923+ con 4 discos de 8 TB", "Unidad", 6_450_00),
        ("Gabinete de pared 12U con bandeja y ventilación", "Unidad", 1_120_00),
        ("Caja de cable UTP Cat. 6 (305 m), certificación incluida", "Caja", 615_50),
        ("Router MikroTik RB5009 con licencia nivel 5", "Unidad", 1_045_00),
    ]
    private static let services: [(String, String, Int64)] = [
        ("Análisis y diseño de la solución (reuniones de descubrimiento)", "Hora", 95_00),
        ("Desarrollo del módulo de facturación electrónica y conciliación", "Hora", 110_00),
        ("Instalación y configuración de red, pruebas de señal y etiquetado", "Hora", 85_00),
        ("Capacitación al personal usuario (sede Miraflores)", "Hora", 120_00),
    ]
    private static let subscriptions: [(String, String, Int64)] = [
        ("Mantenimiento preventivo mensual de red y servidores", "Mes", 650_00),
        ("Hosting administrado y copias de seguridad diarias", "Mes", 180_00),
        ("Licencia anual de antivirus corporativo (25 equipos)", "Año", 2_300_00),
    ]

    /// A quote with `lineCount` lines cycling through products, services and subscriptions.
    public static func quote(lineCount: Int = 12, currency: Currency = .pen) -> QuoteDocument {
        var lines: [QuoteDocumentLine] = []
        for i in 0..<lineCount {
            let kind: ItemKind = i % 3 == 0 ? .product : (i % 3 == 1 ? .service : .subscription)
            let pool = kind == .product ? products : (kind == .service ? services : subscriptions)
            let (desc, unit, cents) = pool[(i / 3) % pool.count]
            let quantity = Decimal(kind == .service ? 8 + (i % 5) * 4 : 1 + (i % 4))
            let price = Money(minorUnits: currency == .usd ? cents * 10 / 37 : cents, currency)
            let gross = price * quantity
            let discount: LineDiscount? = i % 7 == 3 ? .percent(10) : nil
            let amount = (discount == nil ? gross : gross * (Decimal(9) / 10)).rounded()
            lines.append(QuoteDocumentLine(kind: kind, description: i / 3 >= pool.count ? "\(desc) — ítem \(i + 1)" : desc,
                                           quantity: quantity, unit: unit, unitPrice: price, discount: discount,
                                           amount: amount))
        }
        let taxed = lines.reduce(Money.zero(currency)) { $0 + $1.amount }
        let discount = Money(minorUnits: 100_00, currency)
        let base = taxed - discount
        let igv = (base * (Decimal(18) / 100)).rounded()
        let totals = QuoteDocumentTotals(taxed: base, exempt: .zero(currency), unaffected: .zero(currency),
                                         globalDiscount: discount, igv: igv, total: base + igv)
        let subs = lines.filter { $0.kind == .subscription }
        var items: [QuoteRecurringSummary.Item] = []
        for s in subs.prefix(3) {
            let months = Decimal(s.unit == "Año" ? 12 : 1)
            let perPeriod = s.unitPrice
            let monthly = Money(perPeriod.amount / months, currency).rounded()
            items.append(.init(description: s.description, period: s.unit == "Año" ? "Anual" : "Mensual",
                               amountPerPeriod: perPeriod, monthly: monthly, yearly: (monthly * 12).rounded()))
        }
        let recurring = items.isEmpty ? nil : QuoteRecurringSummary(
            items: items, monthlyTotal: items.reduce(.zero(currency)) { $0 + $1.monthly },
            yearlyTotal: items.reduce(.zero(currency)) { $0 + $1.yearly },
            note: "Montos sin IGV. Las suscripciones se facturan por periodo adelantado y se renuevan automáticamente.")
        let total = totals.total
        let milestones = [
            DocumentMilestone(name: "Adelanto / diseño", percent: 30, amount: (total * (Decimal(3) / 10)).rounded(),
                              condition: "A la firma del contrato"),
            DocumentMilestone(name: "Desarrollo e instalación", percent: 30, amount: (total * (Decimal(3) / 10)).rounded(),
                              condition: "A la aprobación del avance"),
            DocumentMilestone(name: "Entrega y conformidad", percent: 40,
                              amount: total - (total * (Decimal(3) / 10)).rounded() - (total * (Decimal(3) / 10)).rounded(),
                              condition: "Con el acta de conformidad firmada"),
        ]
        return QuoteDocument(
            company: company, number: "COT-2026-00042", version: 2,
            issueDate: DocumentDate(year: 2026, month: 11, day: 26), validUntil: DocumentDate(year: 2026, month: 12, day: 11),
            customer: customer, currency: currency,
            exchangeRateNote: currency == .usd ? "Tipo de cambio referencial: S/ 3.750 por US$ 1.00" : "",
            priceNote: "Los precios unitarios no incluyen IGV.",
            lines: lines, totals: totals, recurring: recurring, paymentTerms: "Por hitos: 30% / 30% / 40%",
            milestones: milestones, deliveryTime: "20 días hábiles desde la aceptación y el pago del adelanto",
            notes: "Incluye traslado e instalación en Lima Metropolitana. Los equipos cuentan con garantía del fabricante de 12 meses; la mano de obra, 6 meses. Señalización y canaletas adicionales se cotizan según levantamiento técnico.",
            terms: [
                "Los precios están expresados en la moneda indicada y no incluyen IGV salvo que se indique lo contrario.",
                "La disponibilidad de los equipos está sujeta a stock al momento de la orden de compra.",
                "Todo cambio en el alcance se cotiza aparte como solicitud de cambio.",
                "La garantía no cubre daños por manipulación indebida, sobretensiones eléctricas ni desastres naturales.",
            ],
            preparedBy: "Lucía Fernández Ñique", preparedByTitle: "Ejecutiva comercial")
    }
}
