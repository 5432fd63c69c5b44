import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// SUNAT's padrón: a small one beside the template (every copy of the store finds it there).
enum PadronMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let text = world.folder + "/padron.txt"
        try Data(line.utf8).write(to: URL(fileURLWithPath: text))
        _ = try PadronImporter(destination: PadronFiles.path(besideDatabase: store.path)).run(source: text)
    }

    static let line = "RUC|NOMBRE|ESTADO|CONDICION|UBIGEO|A|B|C|D|E|F|G|H|I|J|\n"
        + "20100047218|CLIENTE A S.A.C.|ACTIVO|HABIDO|150114|CAL.|CENTENARIO|-|-|156|-|-|-|-|-|\n"

    static let expected: [String: String] = [
        "padron.importar": "admin",
        "padron.consultar": ExpectedMatrix.staffAll,
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.padronImport) { s, w, _ in
            let report = try s.padron.importFile(w.folder + "/padron.txt")
            guard report.imported == 1 else { throw PadronMatrixFailure("padrón: \(report.imported) contribuyentes") }
        },
        MatrixCase(.padronLookup) { s, _, _ in
            guard try s.padron.formFill(ruc: "20100047218")?.direccion == "CAL. CENTENARIO NRO. 156" else {
                throw PadronMatrixFailure("padrón: el RUC no se encontró")
            }
        },
    ]
}

struct PadronMatrixFailure: Error, CustomStringConvertible {
    let description: String
    init(_ text: String) { description = text }
}
