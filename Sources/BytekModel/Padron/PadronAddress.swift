/// The parts of a fiscal address as SUNAT's padrón reducido gives them. In the file, "código de zona"
/// holds the kind of zone ("URB.", "A.H.", "P.J.") and "tipo de zona" its name.
public struct PadronAddress: Sendable, Equatable {
    public var tipoVia: String?
    public var nombreVia: String?
    public var codigoZona: String?
    public var tipoZona: String?
    public var numero: String?
    public var interior: String?
    public var lote: String?
    public var departamento: String?
    public var manzana: String?
    public var kilometro: String?

    public init(tipoVia: String? = nil, nombreVia: String? = nil, codigoZona: String? = nil, tipoZona: String? = nil,
                numero: String? = nil, interior: String? = nil, lote: String? = nil, departamento: String? = nil,
                manzana: String? = nil, kilometro: String? = nil) {
        self.tipoVia = tipoVia; self.nombreVia = nombreVia; self.codigoZona = codigoZona; self.tipoZona = tipoZona
        self.numero = numero; self.interior = interior; self.lote = lote; self.departamento = departamento
        self.manzana = manzana; self.kilometro = kilometro
    }

    /// SUNAT's order, as its consulta RUC prints a domicilio fiscal: the street, NRO., KM., MZA., LOTE.,
    /// DPTO., INT., then the zone ("AV. JAVIER PRADO ESTE NRO. 1234 INT. 501 URB. CORPAC"). Missing parts
    /// are left out; a street type without a name is dropped.
    public var text: String {
        var parts: [String] = []
        if let nombreVia {
            if let tipoVia { parts.append(tipoVia) }
            parts.append(nombreVia)
        }
        let labelled: [(String, String?)] = [
            ("NRO.", numero), ("KM.", kilometro), ("MZA.", manzana), ("LOTE.", lote), ("DPTO.", departamento),
            ("INT.", interior),
        ]
        for (label, value) in labelled { if let value { parts.append(label + " " + value) } }
        if let tipoZona {
            if let codigoZona { parts.append(codigoZona) }
            parts.append(tipoZona)
        }
        return parts.joined(separator: " ")
    }

    /// A part as SUNAT writes it, nil when empty ("-", "----" or blanks).
    public static func part(_ raw: String) -> String? {
        let trimmed = raw.trimmingSpaces
        return trimmed.isEmpty || trimmed.allSatisfy({ $0 == "-" }) ? nil : trimmed
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
