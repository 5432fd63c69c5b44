import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The sales register (SIRE RVIE) of the matrix's month: the facturas the billing seed issued are in it; the
/// proposal is a header-only file beside the template (SUNAT had nothing).
enum SalesRegisterMatrix: MatrixArea {
    static let seed: MatrixSeed = { _, world in
        try Data((RVIEProposal.columnTitles.joined(separator: "|") + "\r\n").utf8)
            .write(to: URL(fileURLWithPath: world.folder + "/propuesta-rvie.txt"))
        try FileManager.default.createDirectory(atPath: world.folder + "/sire", withIntermediateDirectories: true)
    }

    static var month: YearMonth { LocalDate(MatrixWorld.now(), in: ExchangeRateService.lima).yearMonth }

    static let expected: [String: String] = [
        "sire.ver": "admin finanzas",
        "sire.generar": "admin finanzas",
        "sire.comparar": "admin finanzas",
        "sire.solicitar": "admin finanzas",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.salesRegisterView) { s, _, _ in
            let view = try s.salesRegister.period(month)
            guard !view.lines.isEmpty else { throw SalesRegisterMatrixFailure("registro de ventas vacío") }
        },
        MatrixCase(.salesRegisterGenerate) { s, w, _ in
            let (_, path) = try s.salesRegister.generate(month, into: w.folder + "/sire")
            guard FileManager.default.fileExists(atPath: path) else { throw SalesRegisterMatrixFailure("no se escribió \(path)") }
        },
        MatrixCase(.salesRegisterCompare) { s, w, _ in
            let (view, c) = try s.salesRegister.compare(month, proposalPath: w.folder + "/propuesta-rvie.txt")
            guard c.differences.count == view.lines.count else { throw SalesRegisterMatrixFailure("comparación: \(c.differences.count)") }
        },
        MatrixCase(.salesRegisterRequest) { s, w, _ in
            let path = try s.salesRegister.requestProposal(month, into: w.folder + "/sire")
            guard path.hasSuffix("/propuesta-RVIE-" + SalesRegisterPeriod.code(month) + ".zip") else {
                throw SalesRegisterMatrixFailure("ruta de la propuesta: \(path)")
            }
        },
    ]
}

struct SalesRegisterMatrixFailure: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}
