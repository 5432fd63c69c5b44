import BytekModel
import BytekStore
import Foundation

/// The demo's padrón: a small generated file in SUNAT's format with the demo customers' RUCs in it (a
/// few of them not ACTIVO or not HABIDO, to show the warnings), imported into `padron.sqlite` beside the
/// demo database, so `bytek padron show RUC` and the forms' fill-in work on it.
public enum DemoPadron {
    /// Generates and imports it; returns the line the demo prints.
    public static func install(store: Store, databasePath: String, lines: Int = 2_000) throws -> String {
        let rows = try store.db.query(
            "SELECT doc_number, legal_name, address, district FROM customer WHERE doc_type = 'RUC' ORDER BY id")
        let entries = rows.enumerated().map { index, row in
            let (estado, condicion) = index % 9 == 4 ? ("ACTIVO", "NO HABIDO")
                : index % 13 == 7 ? ("BAJA DE OFICIO", "HABIDO") : ("ACTIVO", "HABIDO")
            let street = row.string("address").uppercased()
            return PadronEntry(ruc: row.string("doc_number"), razonSocial: row.string("legal_name").uppercased(),
                               estado: estado, condicion: condicion, ubigeo: ubigeos[row.string("district")],
                               address: PadronAddress(nombreVia: street.isEmpty ? nil : street))
        }
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        let source = folder + "/.padron-demo-\(getpid()).txt"
        defer { unlink(source) }
        try PadronGenerator(lines: lines, fixed: entries).write(to: source)
        let report = try PadronImporter(destination: PadronFiles.path(besideDatabase: databasePath)).run(source: source)
        return "Padrón de SUNAT de demostración: \(report.imported) contribuyentes (los \(entries.count) clientes con RUC "
            + "incluidos) en \(PadronFiles.fileName); pruebe: bytek padron show \(entries.first?.ruc ?? "20100047218")"
    }

    /// Ubigeo (INEI) of the demo's districts.
    static let ubigeos: [String: String] = [
        "Miraflores": "150122", "San Isidro": "150131", "Santiago de Surco": "150140", "La Molina": "150114",
        "San Borja": "150130", "Jesús María": "150113", "Lince": "150116", "Los Olivos": "150117", "Ate": "150103",
        "Chorrillos": "150108", "Barranco": "150104", "Magdalena del Mar": "150120", "Pueblo Libre": "150121",
        "San Miguel": "150136", "Breña": "150105", "Cercado de Lima": "150101", "Independencia": "150112",
        "Comas": "150110", "San Juan de Lurigancho": "150132", "Villa El Salvador": "150142", "Surquillo": "150141",
        "Lurín": "150119", "Huaral": "150601", "Bellavista": "070102", "La Perla": "070104", "Cayma": "040103",
        "Yanahuara": "040126", "José Luis Bustamante y Rivero": "040129", "Wanchaq": "080108",
        "San Sebastián": "080105", "Víctor Larco Herrera": "130111", "Trujillo": "130101", "Chiclayo": "140101",
        "Castilla": "200104", "El Tambo": "120114", "Ica": "110101", "Chimbote": "021801", "Puno": "210101",
        "Iquitos": "160101", "Tacna": "230101",
    ]
}
