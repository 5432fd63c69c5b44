import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Profitability read from the store as others write it (SQL: projects, hours and invoices are other parts'):
/// a U2 dollar project with a milestone invoice at its own rate, half collected, approved and open weeks,
/// costs added and one reversed; a U1 project over its hours; the list by margin and its CSV.
@Suite struct ProfitabilityServiceTests {
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_795_000_000) }

    final class World {
        let path = NSTemporaryDirectory() + "bytek-profit-" + UUID().uuidString + ".sqlite"
        let store: Store
        var u2: Int64 = 0
        var u1: Int64 = 0
        init() throws {
            store = try Store(path: path)
            let customer = try CustomerRepository(db: store.db, user: "setup", now: ProfitabilityServiceTests.now)
                .create(Customer(docType: .ruc, docNumber: "20100047218", legalName: "Cliente A S.A.C.")).id ?? -1
            u2 = try ProfitabilitySeed.project(store.db, code: "PRY-2026-00001", kind: "hitos", customer: customer,
                                               currency: "USD", soldCents: 1_000_000, rate: "3.700")
            u1 = try ProfitabilitySeed.project(store.db, code: "PRY-2026-00002", kind: "kanban", customer: customer,
                                               currency: "PEN", soldCents: 200_000, rate: nil)
        }
        deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

        func services(_ role: Role) -> Services {
            Services(store: store, actor: .staff("u_" + role.rawValue, role: role, door: .cli), now: ProfitabilityServiceTests.now,
                     environment: { [:] })
        }
    }

    @Test func aDollarMilestoneProjectReadsEveryFigureFromTheStore() throws {
        let w = try World()
        let db = w.store.db
        // Milestones 30 % (invoiced) and 70 % (in progress); the invoice: US$ 3,000 + IGV at 3.812, half paid.
        let doc = try ProfitabilitySeed.document(db, number: 1, currency: "USD", baseCents: 300_000, igvCents: 54_000)
        try ProfitabilitySeed.receivable(db, document: doc, currency: "USD", amount: 354_000, settled: 177_000, rate: "3.812")
        try db.execute("""
            INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state, document_id)
            VALUES (?, 1, 'Diseño', '30', 354000, '2026-10-01', 'facturado', ?), (?, 2, 'Desarrollo', '70', 826000, '2026-12-01', 'en_curso', NULL)
            """, [.int(w.u2), .int(doc), .int(w.u2)])
        // A rejected document on the same milestone project does not count.
        let rejected = try ProfitabilitySeed.document(db, number: 2, currency: "USD", baseCents: 999_900, igvCents: 0, status: "rechazado")
        try db.execute("UPDATE project_milestone SET document_id = ? WHERE project_id = ? AND position = 2", [.int(rejected), .int(w.u2)])
        try db.execute("INSERT INTO project_role(project_id, role, quoted_minutes) VALUES (?, 'desarrollador', 6000), (?, 'diseñador', 3000)",
                       [.int(w.u2), .int(w.u2)])
        // Ana's approved week at S/ 74.00/h (10 h), Beto's approved at S/ 37.00 (20 h), Ana's open week (5 h, no rate).
        try ProfitabilitySeed.hours(db, project: w.u2, login: "ana", day: "2026-11-02", minutes: 600, rate: 7_400, approved: true)
        try ProfitabilitySeed.hours(db, project: w.u2, login: "beto", day: "2026-11-03", minutes: 1_200, rate: 3_700, approved: true)
        try ProfitabilitySeed.hours(db, project: w.u2, login: "ana", day: "2026-11-16", minutes: 300, rate: nil, approved: false)

        let fin = w.services(.finanzas)
        try fin.projectCosts.add(ProjectCostInput(day: "2026-11-05", description: "Licencia", amount: "100", currency: .usd,
                                                  exchangeRate: "3.750"), projectId: w.u2)
        let wrong = try fin.projectCosts.add(ProjectCostInput(day: "2026-11-05", description: "Duplicado", amount: "999"),
                                             projectId: w.u2)
        try fin.projectCosts.reverse(id: wrong.id, reason: "Ingresado dos veces")
        try fin.projectCosts.add(ProjectCostInput(day: "2026-11-06", description: "Courier", amount: "37"), projectId: w.u2)

        let line = try fin.profitability.project(code: "pry-2026-00001")
        let f = try #require(line.figures)
        #expect(f.currency == .usd)
        #expect(f.invoicedCents == 300_000, "the rejected document left out")
        #expect(f.collectedCents == 150_000)
        #expect(f.hoursCostCents == 40_000, "(740 + 740) soles ÷ 3.700 = US$ 400")
        #expect(f.otherCostsCents == 10_000 + 1_000, "US$ 100 + S/ 37 ÷ 3.700; the reversed one left out")
        #expect(f.quotedMinutes == 9_000 && f.usedMinutes == 2_100 && f.approvedMinutes == 1_800)
        #expect(f.progress == Decimal(string: "0.3"))
        #expect(f.marginOnInvoicedCents == 300_000 - 51_000)
        #expect(f.forecast?.minutesAtCompletion == 7_000)

        let costs = try fin.projectCosts.list(projectId: w.u2)
        #expect(costs.count == 3 && costs.filter { !$0.stands }.map(\.description) == ["Duplicado"])
        #expect(throws: ProjectCostError.alreadyReversed(wrong.id)) { try fin.projectCosts.reverse(id: wrong.id, reason: "otra vez") }
        let audit = try db.query("SELECT action, summary FROM audit_log WHERE entity = 'costo_proyecto' ORDER BY id")
        #expect(audit.count == 4 && audit[2].string("summary").contains("Ingresado dos veces"))
    }

    @Test func badCostsNameTheFieldAndWriteNothing() throws {
        let w = try World()
        let ops = w.services(.operaciones)
        func refused(_ input: ProjectCostInput) -> String {
            do { try ops.projectCosts.add(input, projectId: w.u1); return "" } catch { return "\(error)" }
        }
        #expect(refused(ProjectCostInput(day: "2026-13-01", description: "x", amount: "1")).hasPrefix("fecha:"))
        #expect(refused(ProjectCostInput(day: "2026-11-01", description: "  ", amount: "1")).hasPrefix("descripción:"))
        #expect(refused(ProjectCostInput(day: "2026-11-01", description: "x", amount: "12345678901234567890")).hasPrefix("monto:"))
        #expect(refused(ProjectCostInput(day: "2026-11-01", description: "x", amount: "0")).hasPrefix("monto:"))
        #expect(refused(ProjectCostInput(day: "2026-11-01", description: "x", amount: "abc")).hasPrefix("monto:"))
        #expect(refused(ProjectCostInput(day: "2026-11-01", description: "x", amount: "5", currency: .usd)).hasPrefix("tipo de cambio:"))
        #expect(refused(ProjectCostInput(day: "2026-11-01", description: "x", amount: "5", currency: .usd, exchangeRate: "37.5")).hasPrefix("tipo de cambio:"))
        #expect(refused(ProjectCostInput(day: "2026-11-01", description: String(repeating: "a", count: 201), amount: "5")).hasPrefix("descripción:"))
        #expect(try w.store.db.scalar("SELECT count(*) FROM project_cost").intValue == 0)
        #expect(throws: ServiceError.self) { try w.services(.ventas).profitability.byMargin() }
        #expect(throws: ServiceError.self) { try w.services(.tecnico).projectCosts.list(projectId: w.u1) }
        #expect(throws: ServiceError.self) { try ops.projectCosts.reverse(id: 1, reason: "x") }
    }

    @Test func theListPutsTheWorstMarginFirstAndExportsCSV() throws {
        let w = try World()
        let db = w.store.db
        // U1: 3 of 4 tasks done (one cancelled), 10 h quoted, 12 h used at S/ 100/h → cost S/ 1,200 of S/ 2,000 sold.
        for (i, state) in ["hecho", "hecho", "hecho", "por_hacer", "cancelada"].enumerated() {
            try db.execute("""
                INSERT INTO project_task(project_id, position, title, state, state_since, created_at)
                VALUES (?, ?, 'Tarea', ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')
                """, [.int(w.u1), .int(Int64(i + 1)), .text(state)])
        }
        try db.execute("INSERT INTO project_role(project_id, role, quoted_minutes) VALUES (?, 'dev', 600)", [.int(w.u1)])
        try ProfitabilitySeed.hours(db, project: w.u1, login: "ana", day: "2026-11-02", minutes: 720, rate: 10_000, approved: true)
        try w.services(.admin).projectCosts.add(ProjectCostInput(day: "2026-11-02", description: "=HYPERLINK(\"x\")", amount: "1"),
                                                projectId: w.u1)
        let lines = try w.services(.operaciones).profitability.byMargin()
        #expect(lines.map(\.header.code) == ["PRY-2026-00002", "PRY-2026-00001"])
        let f = try #require(lines[0].figures)
        #expect(f.marginOnSoldPercent == 40, "79,900 ÷ 200,000 = 39.95 → 40.0")
        #expect(f.burnPercent == 120)
        #expect(f.progress == Decimal(3) / Decimal(4))
        #expect(f.forecast?.minutesAtCompletion == 960)
        #expect(f.forecast?.costAtCompletionCents == 160_100)
        let csv = String(decoding: try w.services(.finanzas).profitability.csv(), as: UTF8.self)
        let rows = csv.dropFirst().split(separator: "\r\n").map(String.init)
        #expect(rows[0].hasPrefix("codigo,proyecto,cliente"))
        #expect(rows[1].hasPrefix("PRY-2026-00002,Proyecto PRY-2026-00002,Cliente A S.A.C.,ana,Activo,PEN,2000.00,0.00,0.00,1200.00,1.00,1201.00,-1201.00,,799.00,40.0,10.00,12.00,120.0,75.0,16.00,1601.00,399.00,20.0,"),
                "\(rows[1])")
        #expect(rows.count == 3)
        // Archived projects leave the list unless asked for.
        try db.execute("UPDATE project SET status = 'archivado' WHERE id = ?", [.int(w.u1)])
        #expect(try w.services(.admin).profitability.byMargin().count == 1)
        #expect(try w.services(.admin).profitability.byMargin(includeArchived: true).count == 2)
    }
}

/// Rows other parts write, inserted by SQL for these tests.
enum ProfitabilitySeed {
    static func project(_ db: Database, code: String, kind: String, customer: Int64, currency: String, soldCents: Int64,
                        rate: String?) throws -> Int64 {
        try db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, sold_cents, exchange_rate, start_date,
                promised_date, created_by, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'ana', ?, ?, ?, '2026-09-01', '2026-12-31', 'setup', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')
            """, [.text(code), .text("Proyecto " + code), .text(kind == "hitos" ? "U2" : "U1"), .text(kind), .int(customer),
                  .text(currency), .int(soldCents), rate.map { .text($0) } ?? .null])
        return db.lastInsertRowID
    }

    static func document(_ db: Database, number: Int64, currency: String, baseCents: Int64, igvCents: Int64,
                         status: String = "aceptado") throws -> Int64 {
        try db.execute("""
            INSERT INTO e_document(kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type, customer_doc_number,
                customer_name, currency, taxable_cents, igv_cents, total_cents, status, file_name, document_json, signed_xml, zip,
                digest_value, created_at, updated_at)
            VALUES ('01', 'F001', ?, '2026-10-02', '2026-10-02T15:00:00Z', '20601234567', '6', '20100047218', 'Cliente A S.A.C.',
                ?, ?, ?, ?, ?, 'f.xml', '{}', X'00', X'00', 'd', '2026-10-02T15:00:00Z', '2026-10-02T15:00:00Z')
            """, [.int(number), .text(currency), .int(baseCents), .int(igvCents), .int(baseCents + igvCents), .text(status)])
        return db.lastInsertRowID
    }

    static func receivable(_ db: Database, document: Int64, currency: String, amount: Int64, settled: Int64, rate: String?) throws {
        try db.execute("""
            INSERT INTO receivable(document_id, document_ref, document_kind, customer_name, customer_doc_number, part, currency,
                amount_cents, settled_cents, exchange_rate, issue_date, due_date, is_open, created_at)
            VALUES (?, 'F001-1', '01', 'Cliente A S.A.C.', '20100047218', 'neto', ?, ?, ?, ?, '2026-10-02', '2026-11-01', ?,
                '2026-10-02T15:00:00Z')
            """, [.int(document), .text(currency), .int(amount), .int(settled), rate.map { .text($0) } ?? .null,
                  .int(settled < amount ? 1 : 0)])
    }

    static func hours(_ db: Database, project: Int64, login: String, day: String, minutes: Int64, rate: Int64?, approved: Bool) throws {
        let week = TimesheetEntry.week(of: LocalDate(day)!).description
        try db.execute("""
            INSERT INTO timesheet_entry(login, day, week, project_id, minutes, cost_rate_cents, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')
            """, [.text(login), .text(day), .text(week), .int(project), .int(minutes), rate.map { .int($0) } ?? .null])
        try db.execute("""
            INSERT INTO timesheet_week(login, week, state) VALUES (?, ?, ?)
            ON CONFLICT(login, week) DO UPDATE SET state = excluded.state
            """, [.text(login), .text(week), .text(approved ? "aprobada" : "abierta")])
    }
}
