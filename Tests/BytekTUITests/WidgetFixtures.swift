import BytekModel
import BytekStore
@testable import BytekTUI

/// Realistic rows and helpers shared by the widget tests.
@MainActor
enum WidgetFixtures {
    static let customerNames: [(doc: String, name: String, district: String, phone: String, credit: String)] = [
        ("20100047218", "ACME Perú S.A.C.", "Miraflores", "01 445 2231", "S/ 12,500.00"),
        ("20512345671", "Constructora Andina S.A.", "San Isidro", "01 421 9087", "S/ 80,000.00"),
        ("10456789012", "Núñez Pérez, José Antonio", "Surquillo", "987 654 321", "S/ 1,500.00"),
        ("20601234567", "Inversiones Ñaña E.I.R.L.", "Chaclacayo", "01 358 1122", "S/ 5,000.00"),
        ("20456712349", "Clínica San Judas Tadeo S.A.C.", "Jesús María", "01 330 4455", "S/ 45,000.00"),
        ("45678912", "Quispe Mamani, Rosa Elvira", "Villa El Salvador", "955 112 334", "S/ 0.00"),
        ("20345678901", "Distribuidora Arequipeña del Sur S.R.L.", "Cercado de Arequipa", "054 22 3344", "US$ 9,900.00"),
        ("20198765432", "Colegio Nuestra Señora de Fátima", "Santiago de Surco", "01 271 8899", "S/ 20,000.00"),
        ("20567890123", "Agroexportadora Olmos S.A.C.", "Chiclayo", "074 23 1100", "US$ 15,000.00"),
        ("20234567895", "Transportes Huamán & Hijos S.A.C.", "Ate", "01 356 7788", "S/ 7,500.00"),
        ("20678901234", "Hotel Plaza Cusco S.A.", "Cusco", "084 24 5566", "S/ 30,000.00"),
        ("10098765431", "Gutiérrez Chávez, María Inés", "La Molina", "999 888 777", "S/ 2,000.00"),
    ]

    static func customerRows() -> [TableRow] {
        customerNames.enumerated().map { i, c in
            TableRow(id: Int64(i + 1), cells: [c.doc, c.name, c.district, c.phone, c.credit],
                     cursor: [.text(c.name), .int(Int64(i + 1))], role: i == 5 ? .dim : nil)
        }
    }

    static func customerColumns() -> [TableColumn] {
        [
            TableColumn("Documento", width: 11),
            TableColumn("Razón social", weight: 3, minWidth: 20),
            TableColumn("Distrito", weight: 1, minWidth: 12),
            TableColumn("Teléfono", width: 11),
            TableColumn("Línea de crédito", width: 16, alignment: .right),
        ]
    }

    /// `n` numbered rows.
    static func numberedRows(_ n: Int) -> [TableRow] {
        (0..<n).map { i in TableRow(id: Int64(i + 1), cells: ["\(i + 1)", "Cliente número \(i + 1)"], cursor: [.int(Int64(i + 1))]) }
    }

    static func context(_ language: Strings.Language = .es) -> AppContext {
        AppContext(strings: Strings(language: language), session: UserSession(login: "ana", name: "Ana Torres", role: .ventas))
    }

    static func draw(width: Int, height: Int, _ body: (inout Canvas, Rect) -> Void) -> ScreenBuffer {
        var canvas = Canvas(width: width, height: height)
        body(&canvas, canvas.bounds)
        return canvas.buffer
    }
}

/// A row source that counts what the table asks for.
@MainActor
final class SpyRowSource: RowSource {
    let inner: ArrayRowSource
    var calls = 0
    var rowsFetched = 0
    var largestFetch = 0
    var countCalls = 0

    init(_ rows: [TableRow]) { inner = ArrayRowSource(rows) }

    private func note(_ rows: [TableRow]) -> [TableRow] {
        calls += 1
        rowsFetched += rows.count
        largestFetch = max(largestFetch, rows.count)
        return rows
    }

    func count() -> Int { countCalls += 1; return inner.count() }
    func first(_ limit: Int) -> [TableRow] { note(inner.first(limit)) }
    func last(_ limit: Int) -> [TableRow] { note(inner.last(limit)) }
    func after(_ row: TableRow, _ limit: Int) -> [TableRow] { note(inner.after(row, limit)) }
    func before(_ row: TableRow, _ limit: Int) -> [TableRow] { note(inner.before(row, limit)) }
}
