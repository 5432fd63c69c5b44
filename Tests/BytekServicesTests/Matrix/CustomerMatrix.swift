import BytekModel
import BytekStore
@testable import BytekServices

enum CustomerMatrix: MatrixArea {
    static let seed: MatrixSeed = { _, _ in }

    static let expected: [String: String] = [
        "cliente.listar": ExpectedMatrix.staffAll,
        "cliente.ver": ExpectedMatrix.staffAll + " contacto",
        "cliente.crear": "admin ventas finanzas",
        "cliente.editar": "admin ventas finanzas",
        "cliente.archivar": "admin ventas finanzas",
        "cliente.importar": "admin ventas finanzas",
        "cliente.exportar": ExpectedMatrix.staffAll,
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.customerList) { s, _, _ in _ = try s.customers.pager().first(10) },
        MatrixCase(.customerView) { s, w, t in
            guard try s.customers.get(MatrixCase.customer(w, t)) != nil else { throw ServiceError.notFound }
        },
        MatrixCase(.customerCreate) { s, _, _ in
            try s.customers.create(Customer(docType: .dni, docNumber: "45781236", legalName: "Rosa Quispe Mamani"))
        },
        MatrixCase(.customerEdit) { s, w, t in
            guard var c = try s.services(as: .admin).customers.get(MatrixCase.customer(w, t)) else { return }
            c.phone = "987654321"
            try s.customers.update(c)
        },
        MatrixCase(.customerArchive) { s, w, t in try s.customers.archive(MatrixCase.customer(w, t)) },
        MatrixCase(.customerImport) { s, _, _ in
            // A new customer and an update of A's phone, with its contact kept.
            let csv = "tipo_doc,numero_doc,razon_social,telefono\nDNI,45781236,Rosa Quispe Mamani,\nRUC,20100047218,Cliente A S.A.C.,014445555\n"
            let report = try s.customers.importCSV(Array(csv.utf8), options: ImportOptions(update: true, source: "m.csv"))
            guard report.committed, report.created == 1, report.updated == 1 else { throw MatrixCaseFailed() }
        },
        MatrixCase(.customerExport) { s, _, _ in
            let (header, rows) = try s.customers.exportCSV()
            guard rows.count == 2, header.contains("contacto1_correo") else { throw MatrixCaseFailed() }
        },
    ]
}
