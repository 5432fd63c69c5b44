import BytekModel
import BytekServices
import BytekStore

/// The words of `bytek import`'s report: why a line was refused, what an update changed.
enum ImportText {
    static func reason(_ refusal: ImportRefusal) -> String {
        switch refusal {
        case .cells(let error): return error.problems.map(Messages.text).joined(separator: "; ")
        case .repeated(let column, let key, let first): return "\(column): \(key) está repetido en el archivo (línea \(first))"
        case .store(CustomerRepositoryError.duplicateDocument(let type, let number, _)):
            return "numero_doc: ya existe un cliente con \(type.rawValue) \(number) en la base de datos"
        case .store(CatalogRepositoryError.duplicateSKU(let sku, _)):
            return "sku: ya existe un ítem con SKU \(sku) en la base de datos"
        case .store(let error): return Messages.text(error)
        }
    }

    /// "RUC 20100047218" → "20100047218": the number says which customer.
    static func key(_ key: String) -> String { key.split(separator: " ").last.map(String.init) ?? key }

    /// Column names as a reader says them: "teléfono, correo, contacto 2".
    static func columns(_ columns: [String]) -> String {
        columns.map { column in
            if column.hasPrefix("contacto") { return "contacto " + column.dropFirst("contacto".count) }
            return labels[column] ?? column.replacingOccurrences(of: "_", with: " ")
        }.joined(separator: ", ")
    }

    private static let labels = [
        "tipo_doc": "tipo de documento", "numero_doc": "número de documento", "razon_social": "razón social",
        "nombre_comercial": "nombre comercial", "direccion": "dirección", "email": "correo", "telefono": "teléfono",
        "dias_credito": "días de crédito", "limite_credito": "límite de crédito", "moneda_credito": "moneda del crédito",
        "notas": "notas", "archivado": "archivado", "agente_retencion": "agente de retención", "descripcion": "descripción", "unidad_negocio": "unidad de negocio",
        "unidad_medida": "unidad de medida", "codigo_sunat": "código SUNAT", "base_tarifa": "base de tarifa",
        "periodo": "período", "categoria_igv": "categoría IGV",
    ]
}
