import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Quotes, contracts and subscriptions. Customers A and B each have a draft, a sent and an accepted
/// quote (a contact of A reaching for B's quote or its PDF gets `notFound`); one sent quote of A is
/// past its validity, for the expiry the worker runs.
enum QuoteMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        try CompanyProfileRepository(db: store.db, user: "setup", now: MatrixWorld.now).save(CompanyProfile(
            ruc: "20123456786", legalName: "BYTEK S.A.C.", address: "Av. Arequipa 123, Lima"))
        let quotes = QuoteRepository(db: store.db, user: "setup", now: MatrixWorld.now)
        let today = LimaTime.date(MatrixWorld.now())
        for (suffix, customer) in [("A", world.customerA), ("B", world.customerB)] {
            world.ids["quoteDraft" + suffix] = try quotes.createDraft(Quote(content(customer, today))).id
            let sent = try quotes.createDraft(Quote(content(customer, today)))
            world.ids["quoteSent" + suffix] = try quotes.send(sent.id ?? -1, on: today).id
            let accepted = try quotes.createDraft(Quote(content(customer, today)))
            _ = try quotes.send(accepted.id ?? -1, on: today)
            world.ids["quoteAccepted" + suffix] = try quotes.accept(accepted.id ?? -1, on: today).quote.id
        }
        let old = today.adding(days: -90)
        let due = try quotes.createDraft(Quote(content(world.customerA, old)))
        _ = try quotes.send(due.id ?? -1, on: old)
    }

    static func content(_ customer: Int64, _ day: LocalDate) -> QuoteContent {
        QuoteContent(customerId: customer, unit: .infrastructure, issueDate: day, validityDays: 15,
                     lines: [.product("Switch PoE 24 puertos", quantity: 2, unitPrice: Money(1250, .pen),
                                      unitCost: Money(900, .pen))],
                     owner: "m_ventas")
    }

    static func quote(_ kind: String, _ w: MatrixWorld, _ t: MatrixTarget) -> Int64 {
        w.ids["quote" + kind + (t == .own ? "A" : "B")] ?? -1
    }

    static let expected: [String: String] = [
        "cotizacion.listar": "admin ventas finanzas operaciones contacto",
        "cotizacion.ver": "admin ventas finanzas operaciones contacto",
        "cotizacion.crear": "admin ventas",
        "cotizacion.editar": "admin ventas",
        "cotizacion.enviar": "admin ventas",
        "cotizacion.versionar": "admin ventas",
        "cotizacion.aceptar": "admin ventas",
        "cotizacion.rechazar": "admin ventas",
        "cotizacion.reabrir": "admin ventas",
        "cotizacion.vencer": "admin ventas worker",
        "cotizacion.pdf": "admin ventas finanzas operaciones contacto",
        "contrato.listar": "admin ventas finanzas operaciones",
        "contrato.registrar": "admin ventas",
        "contrato.pdf": "admin ventas finanzas operaciones contacto",
        "suscripcion.listar": "admin ventas finanzas operaciones",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.quoteList) { s, w, t in
            _ = try s.quotes.pager(QuoteQuery(customerId: MatrixCase.customer(w, t))).first(10)
        },
        MatrixCase(.quoteView) { s, w, t in
            guard try s.quotes.get(quote("Sent", w, t)) != nil else { throw ServiceError.notFound }
        },
        MatrixCase(.quoteCreate) { s, w, t in
            try s.quotes.create(Quote(content(MatrixCase.customer(w, t), LimaTime.date(MatrixWorld.now()))))
        },
        MatrixCase(.quoteEdit) { s, w, t in
            guard var q = try s.services(as: .admin).quotes.get(quote("Draft", w, t)) else { return }
            try q.edit { $0.notes = "Incluye instalación" }
            try s.quotes.update(q)
        },
        MatrixCase(.quoteSend) { s, w, t in try s.quotes.send(quote("Draft", w, t)) },
        MatrixCase(.quoteNewVersion) { s, w, t in try s.quotes.newVersion(of: quote("Sent", w, t)) },
        MatrixCase(.quoteAccept) { s, w, t in try s.quotes.accept(quote("Sent", w, t)) },
        MatrixCase(.quoteReject) { s, w, t in try s.quotes.reject(quote("Sent", w, t)) },
        MatrixCase(.quoteReopen) { s, w, t in
            try s.quotes.reopen(quote("Accepted", w, t), reason: "El cliente pidió otro alcance")
        },
        MatrixCase(.quoteExpire) { s, _, _ in
            guard try s.quotes.expireDue().count == 1 else { throw MatrixCaseFailure("no venció la cotización sembrada") }
        },
        MatrixCase(.quotePDF) { s, w, t in _ = try s.quotes.pdf(quote("Accepted", w, t)) },
        MatrixCase(.contractList) { s, _, _ in _ = try s.contracts.list() },
        MatrixCase(.contractRecord) { s, w, t in
            guard try s.contracts.record(quoteId: quote("Accepted", w, t)).created else {
                throw MatrixCaseFailure("no registró el contrato")
            }
        },
        MatrixCase(.contractPDF) { s, w, t in
            try s.services(as: .admin).contracts.record(quoteId: quote("Accepted", w, t))
            _ = try s.contracts.pdf(quoteId: quote("Accepted", w, t))
        },
        MatrixCase(.subscriptionList) { s, _, _ in _ = try s.subscriptions.pager().first(10) },
    ]
}

/// A case that ran without doing what it should have (fails the matrix as an unexpected error).
struct MatrixCaseFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
