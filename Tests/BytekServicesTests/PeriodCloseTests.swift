import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The monthly close as finanzas and an admin meet it: once May is closed nothing dated in May is issued,
/// noted or voided (the message names the month and sends the correction to the open month); reopening is
/// an admin act with a reason, audited.
@Suite struct PeriodCloseTests {
    /// 01/06/2026, 12:00 in Lima.
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_333_200) }
    static let may30 = Date(timeIntervalSince1970: 1_780_160_400)
    static let may31 = Date(timeIntervalSince1970: 1_780_246_800)

    final class World {
        let path = NSTemporaryDirectory() + "bytek-periods-" + UUID().uuidString + ".sqlite"
        let store: Store
        init() throws { store = try Store(path: path) }
        deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

        func services(_ login: String, _ role: Role) -> Services {
            Services(store: store, actor: .staff(login, role: role, door: .cli), now: PeriodCloseTests.now,
                     environment: { BillingMatrix.environment })
        }
    }

    static func factura(_ at: Date) throws -> EDocument {
        EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: at,
                  issuer: BillingMatrix.issuer,
                  customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Cliente A S.A.C."),
                  lines: [EDocumentLine(description: "Soporte técnico", quantity: 1, unit: .service, unitPrice: 100,
                                        itemKind: .service)])
    }

    /// A factura of 30/05 issued (as on that day), then May closed by finanzas.
    func closedMay() throws -> (World, Int64) {
        let w = try World()
        try EInvoicingSettingsRepository(db: w.store.db, user: "setup", now: Self.now)
            .save(EInvoicingSettings(issuer: BillingMatrix.issuer, detraccionAccount: "00-000-123456"))
        let may = Services(store: w.store, actor: .staff("fina", role: .finanzas, door: .tui), now: { Self.may30 },
                           environment: { BillingMatrix.environment })
        let record = try may.invoices.issue(Self.factura(Self.may30))
        try EDocumentRepository(db: w.store.db, user: "setup", now: { Self.may30 }).recordAnswer(
            id: record.id, status: .aceptado, cdrZip: nil, responseCode: "0", description: "aceptada", observations: [])
        try w.services("fina", .finanzas).periods.close(YearMonth(year: 2026, month: 5), sireFiled: true, note: "Ticket 1234")
        return (w, record.id)
    }

    static func refusal(_ body: () throws -> Void) -> String {
        do { try body(); return "allowed" } catch let e as PeriodError { return e.message } catch { return "\(error)" }
    }

    @Test func nothingDatedInAClosedMonthIsIssuedNotedOrVoided() throws {
        let (w, original) = try closedMay()
        let fina = w.services("fina", .finanzas)
        let issue = Self.refusal { _ = try fina.invoices.issue(Self.factura(Self.may31)) }
        #expect(issue == "el período mayo de 2026 está cerrado: no se puede emitir con fecha 31/05/2026; "
                + "registre la corrección en el mes abierto", "\(issue)")

        var note = try fina.invoices.noteDocument(originalID: original, kind: .notaCredito, reason: .credit(.anulacion),
                                                 description: "Anulación de la operación")
        note.issuedAt = Self.may31
        let noted = Self.refusal { _ = try fina.invoices.issue(note) }
        #expect(noted.hasPrefix("el período mayo de 2026 está cerrado: no se puede emitir con fecha 31/05/2026"), "\(noted)")

        let voided = Self.refusal { _ = try fina.invoices.requestVoid(id: original, reason: "Error en el RUC del cliente") }
        #expect(voided == "el período mayo de 2026 está cerrado: no se puede anular con fecha 30/05/2026; "
                + "registre la corrección en el mes abierto", "\(voided)")
        #expect(try fina.invoices.record(id: original).voidReason == nil)

        // The correction goes into the open month: a credit note dated today is issued.
        let correction = try fina.invoices.issueNote(originalID: original, kind: .notaCredito, reason: .credit(.anulacion),
                                                     description: "Anulación de la operación")
        #expect(correction.documentID == "FC01-1")
        let count = try w.store.db.queryOne("SELECT count(*) AS n FROM e_document")?.int("n")
        #expect(count == 2)
    }

    @Test func closingNeedsAnEndedMonthAndTheSireFilingConfirmed() throws {
        let (w, _) = try closedMay()
        let fina = w.services("fina", .finanzas)
        #expect(Self.refusal { try fina.periods.close(YearMonth(year: 2026, month: 6), sireFiled: true) }
                == "período: junio de 2026 aún no termina; se cierra desde el primer día del mes siguiente")
        #expect(Self.refusal { try fina.periods.close(YearMonth(year: 2026, month: 4), sireFiled: false) }
                == "período: confirme que el registro de ventas de abril de 2026 se presentó en SIRE antes de cerrarlo")
        #expect(Self.refusal { try fina.periods.close(YearMonth(year: 2026, month: 5), sireFiled: true) }
                == "período: mayo de 2026 ya está cerrado")
        #expect(throws: PeriodError.invalidMonth("2026-13")) { try PeriodService.month("2026-13") }
        #expect(try PeriodService.month("2026-11") == YearMonth(year: 2026, month: 11))
        let months = try fina.periods.months()
        #expect(months.first?.month == YearMonth(year: 2026, month: 5) && months.first?.closed == true)
        #expect(months.first?.sireNote == "Ticket 1234" && months.first?.closedBy == "fina")
        #expect(months.count == 12 && months.dropFirst().allSatisfy { !$0.closed })
    }

    @Test func reopeningIsAnAuditedAdminActWithAReason() throws {
        let (w, original) = try closedMay()
        let may = YearMonth(year: 2026, month: 5)
        #expect(throws: ServiceError.forbidden(operation: "periodo.reabrir", role: .finanzas)) {
            try w.services("fina", .finanzas).periods.reopen(may, reason: "Corregir RUC")
        }
        let admin = w.services("admin", .admin)
        #expect(throws: PeriodError.reasonRequired) { try admin.periods.reopen(may, reason: "   ") }
        try admin.periods.reopen(may, reason: "Corregir el RUC de F001-1")
        #expect(throws: PeriodError.notClosed(may)) { try admin.periods.reopen(may, reason: "otra vez") }
        _ = try w.services("fina", .finanzas).invoices.requestVoid(id: original, reason: "Error en el RUC del cliente")

        let audit = try w.store.db.query("SELECT user_login, door, action, summary FROM audit_log WHERE entity = 'period' ORDER BY id")
        #expect(audit.map { "\($0.string("user_login")) \($0.string("door")) \($0.string("action")) \($0.string("summary"))" } == [
            "fina cli create Cierre de mayo de 2026 (SIRE: Ticket 1234)",
            "admin cli update Reapertura de mayo de 2026: Corregir el RUC de F001-1",
        ])
        let history = try admin.periods.months().first { $0.month == may }?.history.map { "\($0.action.rawValue) \($0.user) \($0.text)" }
        #expect(history == ["cerrar fina Ticket 1234", "reabrir admin Corregir el RUC de F001-1"])
    }
}
