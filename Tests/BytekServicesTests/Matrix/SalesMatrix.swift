import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Ventas: a deal of customer A with an activity, and a deal of a lead (to convert). Deals are
/// staff work: no customer's contact, no worker.
enum SalesMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let deals = DealRepository(db: store.db, user: "setup", now: MatrixWorld.now)
        let pipeline = try PipelineRepository(db: store.db, user: "setup").pipeline(for: .digital)
        let open = pipeline?.stages.filter { $0.kind == .open }.compactMap(\.id) ?? []
        let lead = try deals.createLead(Lead(name: "Panadería Ñuñoa", docType: .ruc, docNumber: "20601030013"))
        func deal(_ title: String, customer: Int64?, lead: Int64?) throws -> Int64 {
            try deals.create(Deal(title: title, leadId: lead, customerId: customer, unit: .digital, stageId: open[0],
                                  owner: "m_ventas", estimatedValue: Money(minorUnits: 450_000, .pen),
                                  stageEnteredAt: MatrixWorld.now())).id ?? -1
        }
        world.ids["dealA"] = try deal("Landing 7 días", customer: world.customerA, lead: nil)
        world.ids["dealB"] = try deal("SEO local", customer: world.customerB, lead: nil)
        world.ids["lead"] = lead.id
        world.ids["dealLead"] = try deal("Tienda virtual", customer: nil, lead: lead.id)
        world.ids["stageNext"] = open[1]
        world.ids["activityA"] = try deals.addActivity(Activity(
            dealId: world.ids["dealA"] ?? -1, kind: .call, subject: "Llamar al gerente", owner: "m_ventas")).id
    }

    static let readers = "admin ventas finanzas operaciones"

    static let expected: [String: String] = [
        "venta.listar": readers,
        "venta.ver": readers,
        "venta.pronosticar": readers,
        "embudo.ver": readers,
        "venta.crear": "admin ventas",
        "venta.editar": "admin ventas",
        "venta.mover": "admin ventas",
        "actividad.pendientes": readers,
        "actividad.registrar": "admin ventas",
        "actividad.completar": "admin ventas",
        "prospecto.convertir": "admin ventas",
        "embudo.editar": "admin",
    ]

    /// Deal A when the case acts on its own customer's row, else deal B.
    static func deal(_ w: MatrixWorld, _ t: MatrixTarget) -> Int64 { (t == .own ? w.ids["dealA"] : w.ids["dealB"]) ?? -1 }

    static let cases: [MatrixCase] = [
        MatrixCase(.dealList) { s, _, _ in
            _ = try s.sales.columns(unit: .digital)
            _ = try s.sales.cardPager(DealQuery(unit: .digital)).first(10)
            _ = try s.sales.listing(unit: .digital, stageName: "nuevo")
        },
        MatrixCase(.dealView) { s, w, t in
            guard try s.sales.card(deal(w, t)) != nil else { throw ServiceError.notFound }
            _ = try s.sales.activities(dealId: deal(w, t))
        },
        MatrixCase(.dealForecast) { s, _, _ in
            let rate = try s.sales.penPerUSD(today: s.sales.today)
            _ = try s.sales.forecast(currency: .pen, penPerUSD: rate.penPerUSD)
        },
        MatrixCase(.pipelineView) { s, _, _ in
            guard try s.sales.pipelines().count == 3 else { throw ServiceError.notFound }
        },
        MatrixCase(.dealCreate) { s, w, _ in
            let stage = w.ids["stageNext"] ?? -1
            try s.sales.create(Deal(title: "Soporte anual", unit: .digital, stageId: stage, owner: "m_ventas",
                                    estimatedValue: Money(minorUnits: 120_000, .pen), stageEnteredAt: MatrixWorld.now()),
                               for: .lead(Lead(name: "Colegio San Martín")))
        },
        MatrixCase(.dealEdit) { s, w, t in
            guard var d = try s.services(as: .admin).sales.card(deal(w, t))?.deal else { return }
            d.title = "Landing 14 días"
            try s.sales.update(d, for: .customer(MatrixCase.customer(w, t)))
        },
        MatrixCase(.dealMove) { s, w, t in try s.sales.move(deal(w, t), to: w.ids["stageNext"] ?? -1) },
        MatrixCase(.activityPending) { s, _, _ in _ = try s.sales.pending(today: s.sales.today) },
        MatrixCase(.activityRecord) { s, w, t in
            try s.sales.addActivity(Activity(dealId: deal(w, t), kind: .meeting, subject: "Demo", owner: "m_ventas"))
        },
        MatrixCase(.activityComplete) { s, w, _ in try s.sales.setActivityDone(w.ids["activityA"] ?? -1) },
        MatrixCase(.leadConvert) { s, w, _ in
            try s.sales.convertLead(w.ids["lead"] ?? -1, into: Customer(
                docType: .ruc, docNumber: "20601030013", legalName: "Panadería Ñuñoa S.A.C."))
        },
        MatrixCase(.pipelineEdit) { s, _, _ in
            try s.sales.addStage(Stage(name: "Negociación", probability: 70, expectedDays: 5), to: .digital)
        },
    ]
}
